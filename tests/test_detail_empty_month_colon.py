"""A detail page written as ``label : value`` lines whose months to come are empty.

A page copied as text (an e-mail, a ``<pre>`` print view) writes each row of its
table as ``label : value``; a month not yet reported is ``ผลงานเดือนที่ 11 :`` with
nothing after the colon. That line gave no row (the glued ``ผลงานเดือนที่ 11`` gives
the month with no value). Written here from a generated page's cells
(bench/corpus/web.py) and read back as the page's values.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from corpus import web
from read_back import assert_read_as_generated


def as_label_lines(page: str) -> str:
    """The page's text with each label/value row as ``label : value`` (headings as text)."""
    soup = BeautifulSoup(page, "html.parser")
    lines = [soup.h3.get_text(" ", strip=True), ""]
    for tr in soup.find_all("tr"):
        if tr.find("td") is None:  # a heading row
            lines.append(" ".join(c.get_text(" ", strip=True) for c in tr.find_all("th")))
            continue
        label, value = (c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"]))
        lines.append(f"{label} : {value}".rstrip())
    return "\n".join(lines) + "\n"


def _page_with_months_to_come(k: int) -> web.GeneratedDoc:
    """The ``k``-th generated detail page whose last months hold no value yet."""
    seed = 0
    while True:
        doc = web.project_detail(random.Random(f"months-to-come-{k}-{seed}"))
        if doc.truth["tables"]["monthly_progress"][-1]["value"] is None:
            return doc
        seed += 1


@pytest.mark.parametrize("k", range(3))
def test_a_month_with_nothing_after_its_colon_is_a_month_with_no_value(
        k: int, tmp_path: Path) -> None:
    doc = _page_with_months_to_come(k)
    path = tmp_path / "detail.txt"
    path.write_text(as_label_lines(doc.html or ""), encoding="utf-8")
    assert_read_as_generated(path, doc.truth)

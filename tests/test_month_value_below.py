"""A detail page printed with each label over its value: a month's result on the next line.

LibreOffice's print of a tracking page's grid or definition list sets
``ผลงานเดือนที่ 1`` on one line and ``5`` on the next; every month was read with no
value (breaker14 T24, T25). Pages generated from known values (bench/corpus
``web_detail``), their month lines set so; the truth is the values they were
generated from.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from read_back import assert_read_as_generated

_MONTH = re.compile(r"^ผลงานเดือนที่ ")


@pytest.mark.parametrize("k", range(4))
def test_month_values_under_their_labels(k: int, tmp_path: Path) -> None:
    from corpus.build import GENERATORS

    doc = GENERATORS["web_detail"](random.Random(f"month-below-{k}"))
    months = iter(doc.truth["tables"]["monthly_progress"])
    lines = []
    for line in doc.text.split("\n"):
        if _MONTH.match(line):
            month = next(months)
            lines.append(f"ผลงานเดือนที่ {month['month_no']}")
            if month.get("value") is not None:
                lines.append(f"{month['value']}{' %' if k % 2 else ''}")
        else:
            lines.append(line)
    path = tmp_path / "detail.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert_read_as_generated(path, doc.truth, tables=["monthly_progress"])


@pytest.mark.parametrize("below", [False, True])
@pytest.mark.parametrize("k", range(3))
def test_a_page_number_under_the_last_month_is_no_value(k: int, below: bool,
                                                         tmp_path: Path) -> None:
    """Month 12 not reported and the page's number (``2``) printed under its label, on a
    page whose months hold their values on their own lines (``below=False``) or under
    their labels: month 12 is NULL, the others as generated."""
    import copy

    from corpus.build import GENERATORS, _rng

    doc = GENERATORS["web_detail"](_rng(2, "web_detail", k))
    truth = copy.deepcopy(doc.truth)
    months = truth["tables"]["monthly_progress"]
    months[-1]["value"] = None
    assert months[-1]["month_no"] == 12
    lines, at = [], iter(months)
    for line in doc.text.rstrip("\n").split("\n"):
        if not _MONTH.match(line):
            lines.append(line)
            continue
        month = next(at)
        value = month.get("value")
        if below:
            lines.append(f"ผลงานเดือนที่ {month['month_no']}")
            lines += [] if value is None else [str(value)]
        else:
            lines.append(f"ผลงานเดือนที่ {month['month_no']}{'' if value is None else value}")
        if month["month_no"] == 12:
            break  # the page ends under its last month, with its number
    lines.append("2")
    path = tmp_path / "detail.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_read_as_generated(path, truth, tables=["monthly_progress"])

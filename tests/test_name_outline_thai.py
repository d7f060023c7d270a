"""A project name opened by its outline number in Thai digits (``๓.๗ โครงการ...``).

A form or page numbers its project as the plan's outline does; a Thai-digit document
prints that number in Thai digits. It goes from the name as ``3.7`` does: no strategy
code opens a project name. The documents are generated (bench/corpus legacy form in
both dialects, detail page, tracking page), the number put before the name in the test.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from corpus import forms, web
from corpus.values import thai
from read_back import assert_read_as_generated

LABEL = "ชื่อโครงการ/กิจกรรม : "


def _outline(rng: random.Random) -> str:
    """``๓.๗``, ``๑.๑๓`` or ``๒.๔.๑``: a section's number in Thai digits."""
    levels = [str(rng.randint(1, 9)), str(rng.randint(1, 15))]
    if rng.random() < 0.3:
        levels.append(str(rng.randint(1, 9)))
    return thai(".".join(levels))


@pytest.mark.parametrize("dialect", ["pipe", "tab"])
@pytest.mark.parametrize("k", range(2))
def test_form_name_loses_its_thai_outline_number(dialect: str, k: int, tmp_path: Path) -> None:
    rng = random.Random(f"thai-outline-form-{dialect}-{k}")
    doc = forms.legacy_form(rng, dialect)
    name = doc.tables["projects"][0]["project_name"]
    assert LABEL + name in doc.text
    text = doc.text.replace(LABEL + name, f"{LABEL}{_outline(rng)} {name}", 1)
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    assert_read_as_generated(path, doc.truth)


@pytest.mark.parametrize("generator", ["project_detail", "tracking_page"])
def test_page_name_loses_its_thai_outline_number(generator: str, tmp_path: Path) -> None:
    rng = random.Random(f"thai-outline-{generator}")
    doc = getattr(web, generator)(rng)
    name = doc.tables["projects"][0]["project_name"]
    assert doc.text.count(name) == 1
    path = tmp_path / "page.txt"
    path.write_text(doc.text.replace(name, f"{_outline(rng)} {name}"), encoding="utf-8")
    assert_read_as_generated(path, doc.truth)

"""A project-detail page whose labels lost a Thai mark still gives their values.

wkhtmltopdf (Qt) draws the SARA II of the label ``ปี`` in a moved form that its text
map names with the glyph's number, which no font data tells apart from its
look-alikes: the line reads ``ป2564`` and the fiscal year was lost ("no known
label"). A label that matches as printed is read as before; a line no label matches
so is matched in key form (marks dropped), as OCR'd pages already were.

The pages are the corpus's (bench/corpus ``web_detail``, as text and as saved HTML),
with the marks of some labels dropped as such a PDF reads them; the truth is every
field as generated.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus.build import GENERATORS, _rng
from read_back import assert_read_as_generated

#: Labels as a PDF with unnamed moved marks reads them.
LOST_MARKS = {"ปี": "ป", "ชื่อโครงการ": "ชอโครงการ", "หน่วยงาน": "หนวยงาน",
              "ผู้รับผิดชอบ": "ผรับผิดชอบ", "ผู้ตรวจประเมิน": "ผตรวจประเมน"}


def _damaged_text(text: str) -> str:
    for printed, read in LOST_MARKS.items():
        text = re.sub(rf"(?m)^{printed}(?=\S)", read, text)
    return text


def _damaged_html(page: str) -> str:
    for printed, read in LOST_MARKS.items():
        page = page.replace(f">{printed}</th>", f">{read}</th>")
    return page


@pytest.mark.parametrize(("seed", "k"), [(3781, 0), (3781, 1), (3783, 0)])
def test_detail_labels_that_lost_a_mark_still_give_their_values(seed: int, k: int,
                                                                tmp_path: Path) -> None:
    doc = GENERATORS["web_detail"](_rng(seed, "web_detail", k))
    text = _damaged_text(doc.text)
    assert re.search(r"(?m)^ป[0-9๐-๙]{4}$", text), "the year's label is not damaged"
    path = tmp_path / "detail.txt"
    path.write_text(text, encoding="utf-8")
    assert_read_as_generated(path, doc.truth)
    if doc.html is not None:
        doc.html = _damaged_html(doc.html)
        html = tmp_path / "detail.html"
        html.write_bytes(doc.html_bytes())
        assert_read_as_generated(html, doc.truth)

"""An indicator row that ends a page is not joined with the next page's first row.

bench/corpus ``soffice-docx`` prints a plan's indicator table (ลำดับที่ / ตัวชี้วัด /
ค่าเป้าหมาย by year) from Word in distributed justification: each line of a cell,
its last one too, is spread to the column's edge, so the room a target's last line
left tells nothing of whether it wrapped. A row whose targets (``ร้อยละ ๖๕`` /
``ของ`` / ``กิจกรรม`` / ``ทั้งหมด``) ended a line above its longer indicator was taken
for a row the page break cut, and the next page's first row joined onto it (the
target read ``ร้อยละ ๖๕ ของกิจกรรมทั้งหมดไม่น้อยกว่า ๒๓ ชุมชน``). A cell that ended a
line pitch of its own above the row's lowest line did not run down to the page's
foot (:func:`bma_etl.read.pdf_breaks._line_above`).

The plan is generated (bench/corpus) and printed as the corpus prints it, in
Sarabun; the truth is its indicators as generated.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS, _rng
from corpus.score import score
from thai_fonts import font_file


def test_indicator_rows_either_side_of_a_page_break_stay_apart(tmp_path: Path) -> None:
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    font_file("Sarabun")  # fails the test when the font is not installed
    doc = GENERATORS["plan"](_rng(1871, "plan", 0))
    pdf = tmp_path / "plan.pdf"
    settings = render.docx_settings(_rng(1871, "plan", 0, "soffice-docx"))
    assert settings.get("align") == "distribute", "the print is no longer distributed"
    failed = render.render_docx_batch([(doc, pdf, "Sarabun", settings)])
    assert not failed, failed
    rows = doc.truth["tables"]["plan_indicators"]
    assert len(rows) >= 2
    result = score(process_file(pdf), {"tables": {"plan_indicators": rows}})
    assert result.total > 0 and result.lost == [], result.lost[:6]

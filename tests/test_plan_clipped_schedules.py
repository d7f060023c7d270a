"""A plan's schedule printed wider than the page: the clipped last column still a cell.

Chromium prints a table wider than the paper as far as the printable area and
clips the rest. A plan printed on A5 with its page zoomed 1.4 times (text
justified) kept its schedule's months up to มิ.ย. or ก.ค.: the row rules end at the
clip, past the last column rule kept, and an arrow standing in the column they run
into (``→``) was in no cell. It was read as a line of its own under its row, and
the step table lost the rows after it (a step and its project, 6 fields each).
The missing rule is drawn where the row rules end
(:func:`bma_etl.read.pdf_sides.closed_sides`).

Plans generated (bench/corpus), printed by ``render_chromium`` on A5, zoomed 1.4,
justified, at 14 px; the truth is every field as generated (the months are no field).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from corpus.build import GENERATORS, _rng
from corpus.render import have, render_chromium
from read_back import assert_read_as_generated
from thai_fonts import font_file


@pytest.mark.parametrize(("k", "font"), [(0, "Norasi"), (1, "Kinnari"), (2, "Kinnari")])
def test_steps_of_a_schedule_the_page_clipped_read_as_generated(
        k: int, font: str, tmp_path: Path) -> None:
    if not have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    doc = GENERATORS["plan"](_rng(703, "plan", k))
    pdf = tmp_path / "plan.pdf"
    render_chromium(doc, pdf, font, font_file(font), _rng(703, "plan", k, "chromium"),
                    header_footer=False, paper="A5", zoom=1.4, justify=True, pt=14)
    printed = pdfium.PdfDocument(pdf)
    try:
        text = "".join(printed[i].get_textpage().get_text_range() for i in range(len(printed)))
    finally:
        printed.close()
    assert "ก.ย." not in text  # the schedule's last month: clipped
    assert_read_as_generated(pdf, doc.truth)

"""A ruled cell's two lines that pdfium gave as one: each piece read at its own height.

Chromium, justifying Thai, writes a cluster with marks (``ทั้``) once more as a span
copy of its own; pdfium may then run a cell's line (``ทั้ง``) and the next
(``วิเคราะห์``) into one line, the second piece at its own baseline a line lower but
at the cell's left. The row took both pieces for one line and put them in x order:
``รวมวิเคราะห์ทั้ง`` for ``รวมทั้งวิเคราะห์``, a plan's step description lost. A piece
standing half a font size or more off its line's baseline is placed at its own
(``bma_etl.read.pdf_tables._extents``).

Plans generated (bench/corpus), printed by ``render_chromium`` on A5, zoomed 1.4,
justified, at 14 px; the truth is every field as generated.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.build import GENERATORS, _rng
from corpus.render import have, render_chromium
from read_back import assert_read_as_generated
from thai_fonts import font_file


@pytest.mark.parametrize("font", ["Garuda", "Norasi", "Laksaman"])
def test_step_description_whose_cell_lines_pdfium_ran_together_reads_whole(
        font: str, tmp_path: Path) -> None:
    if not have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    doc = GENERATORS["plan"](_rng(703, "plan", 2))
    pdf = tmp_path / "plan.pdf"
    render_chromium(doc, pdf, font, font_file(font), _rng(703, "plan", 2, "chromium"),
                    header_footer=False, paper="A5", zoom=1.4, justify=True, pt=14)
    assert_read_as_generated(pdf, doc.truth)

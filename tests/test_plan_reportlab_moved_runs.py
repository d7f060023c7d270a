"""A SWOT item's line before a long Thai run that ReportLab moved whole to the next line.

ReportLab wraps a paragraph only at spaces. A run too long for any line it cuts,
filling the line it starts on; a run a line can hold it moves whole onto the next
line, however short that leaves the line before. Printed at 9 pt on A5, a SWOT
item's run ``โดยเฉพาะในพื้นที่เขตชั้นใน…`` was 0.93 to 0.97 of the text's width: the
reader took it for a run too long for any line, so the short line before it for
an item's end, and the list's last item lost its third line (the paragraph under
the list is set right after it). A run counts as cut only when its line is that run
alone reaching the margin within a letter's advance
(:func:`bma_etl.read.pdf_wraps._cut_run`).

Plans generated (bench/corpus), printed by ``render_reportlab`` on A5 at 9 pt; the
truth is every field as generated.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from corpus.build import GENERATORS, _rng
from corpus.render import render_reportlab
from read_back import assert_read_as_generated
from thai_fonts import font_file


@pytest.mark.parametrize(("k", "font"), [(5, "Garuda"), (5, "Loma")])
def test_swot_item_after_a_run_moved_whole_reads_whole(k: int, font: str,
                                                       tmp_path: Path) -> None:
    doc = GENERATORS["plan"](_rng(703, "plan", k))
    pdf = tmp_path / "plan.pdf"
    render_reportlab(doc, pdf, font, font_file(font), random.Random(k), paper="A5", pt=9)
    assert_read_as_generated(pdf, doc.truth)

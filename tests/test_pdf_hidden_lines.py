"""Marks of a line the page's clip hides, at a browser print's foot, are no text.

Chromium draws each page through a clip, the printable area: of a line that
stands just past the page's foot, only the marks over its letters reach up into
the clip, and Chromium writes them as text objects whose text is their cluster's
(``พื้ ที่``). Printed on A5, zoomed 1.4 and justified in Sarabun, a plan's project
row the page cut was read up to that line, its rest taken for a line after the
table (the project and the summary table's totals lost), and a scoring level
and a SWOT item were cut the same way. A text object whose baseline its clip hides
by half a font size or more is taken off the page
(:func:`bma_etl.read.pdf_hidden.without_hidden_lines`).

Plans generated (bench/corpus), printed by ``render_chromium`` on A5, zoomed 1.4,
justified, at 14 px; the truth is every field as generated.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.read.pdf_hidden import without_hidden_lines
from bma_etl.read.pdf_open import TextObject, page_shapes

from corpus.build import GENERATORS, _rng
from corpus.render import have, render_chromium
from read_back import assert_read_as_generated
from thai_fonts import font_file


@pytest.mark.parametrize("k", range(3))
def test_plan_printed_over_hidden_line_marks_read_as_generated(k: int, tmp_path: Path) -> None:
    if not have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    doc = GENERATORS["plan"](_rng(703, "plan", k))
    pdf = tmp_path / "plan.pdf"
    render_chromium(doc, pdf, "Sarabun", font_file("Sarabun"), _rng(703, "plan", k, "chromium"),
                    header_footer=False, paper="A5", zoom=1.4, justify=True, pt=14)
    printed = pdfium.PdfDocument(pdf)
    try:
        taken = 0
        for page in printed:
            texts: list[TextObject] = []
            boxes: list[tuple[object, tuple[float, float, float, float]]] = []
            page_shapes(page, texts, [], [], boxes)
            taken += without_hidden_lines(page, texts, boxes)
    finally:
        printed.close()
    assert taken >= 1  # the print has marks of a hidden line
    assert_read_as_generated(pdf, doc.truth)


def test_page_without_clips_keeps_every_text_object(tmp_path: Path) -> None:
    """A print that clips no text (fpdf2) keeps all of it and reads as generated."""
    from corpus.render import render_fpdf

    doc = GENERATORS["plan"](_rng(709, "plan", 0))
    pdf = tmp_path / "plan.pdf"
    render_fpdf(doc, pdf, "Sarabun", font_file("Sarabun"), _rng(709, "plan", 0, "fpdf2"),
                shaping=False, pt=12)
    printed = pdfium.PdfDocument(pdf)
    try:
        for page in printed:
            texts: list[TextObject] = []
            boxes: list[tuple[object, tuple[float, float, float, float]]] = []
            page_shapes(page, texts, [], [], boxes)
            count = len(boxes)
            assert count > 0 and without_hidden_lines(page, texts, boxes) == 0
            assert len(boxes) == count
    finally:
        printed.close()
    assert_read_as_generated(pdf, doc.truth)

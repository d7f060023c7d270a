"""Justified fpdf2 lines in a font of wide spaces: the room a line left, at the page's space.

bench/corpus ``fpdf2`` prints a line without tabs with ``multi_cell``, justified:
a line the next word did not fit is spread to the margin. A date and its colon
before a progress detail too long for the rest of the line (``09/11/2561 :`` /
``จัดประชุม…``) is spread so, its colon at the margin, and reads as two cells
unless the detail's first word would not have fitted in the room the line left
(:func:`bma_etl.read.pdf_justified.with_spread_lines`). That room was taken at a
0.2 em space per gap, none before the word: in Loma, whose space is 0.34 em, the
word then fitted by a few points, the line stayed two cells, the lines under it
were read as a borderless table and the indicator's target line went into its
name's line. The room is now taken at the page's own space
(:func:`bma_etl.read.pdf_justified.page_space`), one before the word too.

The documents are generated (bench/corpus, drawn and printed as the corpus builder
does); the truth is their values as generated.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.read.pdf_justified import page_space
from bma_etl.read.pdf_layout import page_lines

from corpus import render
from corpus.build import GENERATORS, _rng
from corpus_prints import corpus_fpdf_print
from read_back import assert_read_as_generated
from thai_fonts import font_file


def test_a_spread_date_line_in_loma_is_one_line(tmp_path: Path) -> None:
    doc, pdf = corpus_fpdf_print(tmp_path, 1003, "web_history", 1, "Loma", shaping=False)
    assert doc.truth["tables"]["indicators"]
    assert_read_as_generated(pdf, doc.truth, ("indicators", "progress_updates"))


@pytest.mark.parametrize("font", ["Loma", "Kinnari", "Sarabun"])
def test_the_page_space_is_the_font_space(tmp_path: Path, font: str) -> None:
    doc = GENERATORS["web_history"](_rng(1003, "web_history", 1))
    pdf = render.fpdf_page(font, font_file(font), 12, numbered=False)
    render.fpdf_lines(pdf, [line for line in doc.text.split("\n") if "\t" not in line][:30], 6.0)
    space = pdf.get_string_width(" ") / pdf.font_size  # font sizes, as fpdf2 measures it
    out = tmp_path / "page.pdf"
    pdf.output(str(out))
    document = pdfium.PdfDocument(out)
    try:
        lines = page_lines(document[0].get_textpage())
    finally:
        document.close()
    edge = max(line.right for line in lines)
    assert page_space(lines, edge) == pytest.approx(space, abs=0.01)

"""A 2-up sheet of two pages set on one grid reads as two pages, not as a table's rows.

Two pages printed side by side (2-up) are found by the free band down the sheet's
middle (:func:`bma_etl.read.pdf_sheets.sheet_gutter`); a page whose two sides stand
line for line on shared baselines was kept whole, as the rows of a two-column table
drawn cell by cell. But two full pages of flowing text from one program share their
margins and line pitch, so they too stand line for line: such a sheet was read as
one page whose every line joined a line of the left page to the line beside it on
the right (a tracking page printed by fpdf2, 2-up: 6 of 65 fields; a legacy form
from a Word file: 69 of 77). An imposition puts each page in its half of the sheet,
so the right page's text is the left page's frame moved half the sheet over: its
first letter half the sheet right of the left page's, its first line on the left
page's first baseline. Such a sheet is now cut.

Progress-history pages are generated from known values, printed by fpdf2 in two fonts,
and imposed two pages to an A4 landscape sheet by pdfium (each page a
Form XObject) and by pypdf (each page's content drawn scaled); the truth is the
generated values, and the pages printed alone must read every field first.
"""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.score import score
from pdf_sheets import impose_pdfium, impose_pypdf
from thai_fonts import font_file

SHEET = (842.0, 595.0)  # A4 landscape, points


def _place(width: float, height: float, side: int) -> tuple[float, float, float]:
    """Scale and offset of a page centred in one half of the sheet."""
    half = SHEET[0] / 2
    scale = min(half / width, SHEET[1] / height)
    return scale, side * half + (half - width * scale) / 2, (SHEET[1] - height * scale) / 2


def _long_history(seed: str) -> object:
    """A progress-history page of nine entries: its first two pages are full."""
    k = 0
    while True:
        doc = GENERATORS["web_history"](random.Random(f"{seed}-{k}"))
        if len(doc.truth["tables"]["progress_updates"]) == 9:  # type: ignore[index]
            return doc
        k += 1


@pytest.mark.parametrize("family", ["Sarabun", "Loma"])
def test_two_full_pages_of_one_grid_read_as_two_pages(family: str, tmp_path: Path) -> None:
    doc = _long_history(f"same-grid-{family}")
    printed = tmp_path / "printed.pdf"
    made = render.render_fpdf(doc, printed, family, font_file(family),  # type: ignore[arg-type]
                              random.Random(4), shaping=False, pt=16)
    assert made["page"] == "A4-portrait"
    assert len(pdfium.PdfDocument(printed)) >= 3  # pages 1 and 2 full, on one sheet
    truth = doc.truth  # type: ignore[attr-defined]
    alone = score(process_file(printed), truth)
    assert alone.right == alone.total, alone.lost[:4]
    for how, impose in (("pdfium", impose_pdfium), ("pypdf", impose_pypdf)):
        sheets = tmp_path / f"{how}.pdf"
        impose(printed, sheets, SHEET, 2, _place)
        result = score(process_file(sheets), truth)
        assert result.right == result.total, (how, result.lost[:4])

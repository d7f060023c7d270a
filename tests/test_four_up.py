"""Four pages printed on one sheet (4-up) read like the pages printed alone.

Documents are generated from known values (``bench/corpus``), printed by fpdf2
(flowing text) and reportlab (ruled tables), and imposed four pages to an A4
portrait sheet, two rows of two, each page scaled into its quarter (half its
size for an A4 portrait page) and centred there: by pypdf, which draws each
page's content directly at the smaller size, and by pdfium, which draws each page
as one Form XObject. Every field is scored against the values the document was
made from. A last sheet with a page in its left quarters only (a document of
three or five pages) gives those pages alone.
"""

from __future__ import annotations

from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf import extract_pdf

import pdf_sheets
from corpus.score import score
from corpus_prints import sarabun_print

SHEET = (595.0, 842.0)  # A4 portrait, points
#: Lower left corner of each quarter, in reading order.
QUARTERS = [(0.0, SHEET[1] / 2), (SHEET[0] / 2, SHEET[1] / 2), (0.0, 0.0), (SHEET[0] / 2, 0.0)]


def _place(width: float, height: float, k: int) -> tuple[float, float, float]:
    """Scale and offset of a page centred in the sheet's ``k``-th quarter."""
    quarter = (SHEET[0] / 2, SHEET[1] / 2)
    scale = min(quarter[0] / width, quarter[1] / height)
    x, y = QUARTERS[k]
    return scale, x + (quarter[0] - width * scale) / 2, y + (quarter[1] - height * scale) / 2


def impose_pypdf(src: Path, out: Path) -> None:
    """Four pages to a sheet, each page's content drawn scaled (pypdf's merge)."""
    pdf_sheets.impose_pypdf(src, out, SHEET, 4, _place)


def impose_pdfium(src: Path, out: Path) -> None:
    """Four pages to a sheet, each page one Form XObject drawn scaled."""
    pdf_sheets.impose_pdfium(src, out, SHEET, 4, _place)


def _print(generator: str, producer: str, tmp_path: Path) -> tuple[Path, dict[str, object]]:
    return sarabun_print("four-up", generator, producer, tmp_path)


@pytest.mark.parametrize(("generator", "producer"), [
    ("legacy_pipe", "reportlab"), ("web_history", "fpdf2"), ("plan", "reportlab")])
def test_four_up_reads_every_field(tmp_path: Path, generator: str, producer: str) -> None:
    printed, truth = _print(generator, producer, tmp_path)
    pages = len(pdfium.PdfDocument(printed))
    alone = score(process_file(printed), truth)
    for how, impose in (("pypdf", impose_pypdf), ("pdfium", impose_pdfium)):
        sheets = tmp_path / f"{generator}.{producer}.{how}.pdf"
        impose(printed, sheets)
        assert len(pdfium.PdfDocument(sheets)) == (pages + 3) // 4
        # one page of the reader's for each page printed, in the order printed
        assert len(extract_pdf(sheets.read_bytes()).pages) == pages, how
        result = score(process_file(sheets), truth)
        assert result.quarantined is None, (how, result.quarantined)
        assert result.right == alone.right == alone.total, (how, result.total, result.lost[:5])


@pytest.mark.parametrize("count", [3, 5])
def test_a_last_sheet_with_left_pages_only_gives_those_pages(tmp_path: Path, count: int) -> None:
    printed, _truth = _print("plan", "reportlab", tmp_path)
    first = tmp_path / "first.pdf"
    writer = pypdf.PdfWriter()
    for page in pypdf.PdfReader(printed).pages[:count]:
        writer.add_page(page)
    writer.write(first)
    alone = [page.text for page in extract_pdf(first.read_bytes()).pages]
    assert len(alone) == count
    sheets = tmp_path / "sheets.pdf"
    impose_pypdf(first, sheets)
    read = [page.text for page in extract_pdf(sheets.read_bytes()).pages]
    assert len(read) == count
    for page, text in zip(alone, read, strict=True):  # each page's words, in their order
        assert text.split() == page.split()

"""Two pages printed side by side on one sheet (2-up) read like the pages printed alone.

Documents are generated from known values (``bench/corpus``), printed by fpdf2
(flowing text) and reportlab (ruled tables), and imposed two pages to an A4
landscape sheet, each scaled into its half: by pypdf, which draws each page's
content directly at the smaller size, and by pdfium, which draws each page as one
Form XObject. Every field is scored against the values the document was made from.
A landscape page of two columns (a form's labels and values, a ruled table) must
stay one page.
"""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf import extract_pdf
from bma_etl.read.pdf_open import render_page

import pdf_sheets
from corpus.build import GENERATORS
from corpus.score import score
from corpus_prints import sarabun_print
from thai_fonts import font_file

SHEET = (842.0, 595.0)  # A4 landscape, points


def _place(width: float, height: float, side: int) -> tuple[float, float, float]:
    """Scale and offset of a page centred in one half of the sheet."""
    half = SHEET[0] / 2
    scale = min(half / width, SHEET[1] / height) * 0.98
    return scale, side * half + (half - width * scale) / 2, (SHEET[1] - height * scale) / 2


def impose_pypdf(src: Path, out: Path) -> None:
    """Two pages to a sheet, each page's content drawn scaled (pypdf's merge)."""
    pdf_sheets.impose_pypdf(src, out, SHEET, 2, _place)


def impose_pdfium(src: Path, out: Path) -> None:
    """Two pages to a sheet, each page one Form XObject drawn scaled."""
    pdf_sheets.impose_pdfium(src, out, SHEET, 2, _place)


IMPOSE = {"pypdf": impose_pypdf, "pdfium": impose_pdfium}


def _print(generator: str, producer: str, tmp_path: Path) -> tuple[Path, dict[str, object]]:
    return sarabun_print("two-up", generator, producer, tmp_path)


@pytest.mark.parametrize("producer", ["fpdf2", "reportlab"])
@pytest.mark.parametrize("generator", ["legacy_pipe", "web_detail", "web_history", "plan"])
def test_two_up_reads_every_field(tmp_path: Path, generator: str, producer: str) -> None:
    printed, truth = _print(generator, producer, tmp_path)
    pages = len(pdfium.PdfDocument(printed))
    alone = score(process_file(printed), truth)
    for how, impose in IMPOSE.items():
        sheets = tmp_path / f"{generator}.{producer}.{how}.pdf"
        impose(printed, sheets)
        assert len(pdfium.PdfDocument(sheets)) == (pages + 1) // 2
        # one page of the reader's for each page printed, in the order printed
        assert len(extract_pdf(sheets.read_bytes()).pages) == pages, how
        result = score(process_file(sheets), truth)
        assert result.quarantined is None, (how, result.quarantined)
        assert result.right == alone.right, (how, result.total, result.lost[:5])


def _landscape_table(out: Path, ruled: bool, by_column: bool) -> None:
    """An A4 landscape page of two columns: labels on the left, values from the middle.

    ``by_column``: every label is written first, then every value (a program that
    draws a table column by column): no line of the page's text runs across.
    """
    from fpdf import FPDF

    doc = GENERATORS["web_detail"](random.Random("two-columns"))
    pdf = FPDF(orientation="L", format="A4")
    pdf.add_font("Sarabun", fname=str(font_file("Sarabun")))
    pdf.set_font("Sarabun", size=14)
    pdf.add_page()
    half = (pdf.w - 2 * pdf.l_margin) / 2
    project = doc.truth["tables"]["projects"][0]  # type: ignore[index]
    rows = [(key, str(value)) for key, value in project.items() if value][:12]
    assert len(rows) >= 6
    top = pdf.get_y()
    for column in ((0, 1) if by_column else (None,)):
        pdf.set_y(top)
        for label, value in rows:
            if column in (None, 0):
                pdf.cell(half, 10, label, border=1 if ruled else 0)
            if column in (None, 1):
                pdf.set_x(pdf.l_margin + half)
                pdf.cell(half, 10, "   " + value[:40], border=1 if ruled else 0)
            pdf.ln(10)
    pdf.output(str(out))


@pytest.mark.parametrize(("ruled", "by_column"), [(False, False), (False, True), (True, True)])
def test_a_landscape_page_of_two_columns_stays_one_page(tmp_path: Path, ruled: bool,
                                                        by_column: bool) -> None:
    out = tmp_path / "two-columns.pdf"
    _landscape_table(out, ruled, by_column)
    pages = extract_pdf(out.read_bytes()).pages
    assert len(pages) == 1
    lines = [line for line in pages[0].text.splitlines() if line.strip()]
    assert len(lines) >= 6 and all("\t" in line for line in lines)  # label and value, one row


def test_a_schedule_with_marks_right_of_a_gap_stays_one_page(tmp_path: Path) -> None:
    # A borderless schedule: steps on the left, a month's mark far to the right on a
    # few rows, drawn after the steps (as a browser draws the cells of wrapped steps,
    # so no line runs across): that side holds no page's text.
    from fpdf import FPDF

    doc = GENERATORS["legacy_pipe"](random.Random("schedule"))
    pdf = FPDF(orientation="L", format="A4")
    pdf.add_font("Sarabun", fname=str(font_file("Sarabun")))
    pdf.set_font("Sarabun", size=12)
    pdf.add_page()
    steps = [line.strip("| ")[:45] for line in doc.text.splitlines() if line.strip("| ")][:14]
    marks = iter([pdf.w * 0.62, pdf.w * 0.7, pdf.w * 0.78, pdf.w * 0.86] * 2)
    top = pdf.get_y()
    for step in steps:
        pdf.cell(120, 8, step, new_x="LMARGIN", new_y="NEXT")
    for k in range(1, len(steps), 2):
        pdf.set_xy(next(marks), top + 8 * k)
        pdf.cell(8, 8, "X")
    out = tmp_path / "schedule.pdf"
    pdf.output(str(out))
    assert len(extract_pdf(out.read_bytes()).pages) == 1


def test_a_half_is_rendered_alone_for_ocr(tmp_path: Path) -> None:
    printed, _truth = _print("legacy_pipe", "fpdf2", tmp_path)
    sheets = tmp_path / "sheets.pdf"
    impose_pypdf(printed, sheets)
    image = tmp_path / "half.pgm"
    render_page(sheets.read_bytes(), "sheets.pdf", 0, str(image), 72, clip=(421.0, 0.0, 842.0,
                                                                           595.0))
    from PIL import Image

    with Image.open(image) as half:
        assert half.size == (421, 595)


@pytest.mark.parametrize(("rotate", "shown"), [(90, True), (180, True), (270, True),
                                               (90, False)])
@pytest.mark.parametrize("generator", ["legacy_pipe", "web_history", "plan"])
def test_two_up_sheet_stored_turned_reads_as_upright(tmp_path: Path, generator: str,
                                                     rotate: int, shown: bool) -> None:
    # A 2-up sheet stored turned, with a /Rotate showing it upright (a scanner's or a
    # viewer's "rotate and save") or drawn turned without one: its halves are loaded
    # again one by one, and pdfium keeps the sheet's frame as first shown.
    from test_rotated_pdfs import stored_turned

    printed, truth = _print(generator, "fpdf2", tmp_path)
    sheets = tmp_path / "sheets.pdf"
    impose_pypdf(printed, sheets)
    turned = tmp_path / f"turned-{rotate}.pdf"
    stored_turned(sheets, turned, rotate, shown=shown)
    upright = score(process_file(sheets), truth)
    result = score(process_file(turned), truth)
    assert result.quarantined is None, result.quarantined
    assert result.right == upright.right == upright.total, result.lost[:5]

"""A 2-up sheet whose right page is a document's short last page reads as two pages.

A browser's print imposed two pages to a landscape sheet ("2 pages per sheet") was
read as one page when its right page held a line or two: too few for the gutter test
(:func:`bma_etl.read.pdf_sheets.sheet_gutter`) to take that side for a page, and the
test that finds the left page's frame moved half the sheet over failed on both
prints a browser makes. Paragraphs: a browser keeps the top margin of the first
page's first paragraph and drops it on a page it breaks to, so the right page's first
line stands a paragraph's margin above the left page's (a plan's title glued to its
last paragraph: agency, parent agency, year and title lost). Lines without margins:
Chromium draws the tone mark of the line a break moved to the next page, a speck, at
the foot of the page before, and pdfium joins that speck to the right page's first
line (a history page's name, code, agency and division lost, its KPI's result
unread).

Documents are generated from known values (``bench/corpus``), their lines printed by
Chromium one element each, at the font size that leaves two lines on the last page,
and imposed two pages to an A4 landscape sheet by pypdf (each page's content drawn
scaled) and by pdfium (each page one Form XObject), and four to an A4 portrait sheet
by pypdf (both pages in its upper row). The pages printed alone must read every
field, and the sheets the same. A landscape page with two lines right of a wide gap
(a table's column, or a note well down the page) stays one page.
"""

from __future__ import annotations

import html
import random
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf import extract_pdf
from bma_etl.read.pdf_layout import page_lines
from test_four_up import impose_pypdf as four_up_pypdf

from chromium_pages import chromium_font
from corpus.build import GENERATORS
from corpus.score import score
from pdf_sheets import impose_pdfium, impose_pypdf
from thai_fonts import font_file

SHEET = (842.0, 595.0)  # A4 landscape, points
#: The printed page's body: A4 less its 12 mm margins, in points.
BODY_PT = (297.0 - 24.0) * 72 / 25.4
#: Lines the last page holds.
LAST_LINES = 2


def _place(width: float, height: float, side: int) -> tuple[float, float, float]:
    """Scale and offset of a page centred in one half of the sheet (0.96 of its room)."""
    half = SHEET[0] / 2
    scale = min(half / width, SHEET[1] / height) * 0.96
    return scale, side * half + (half - width * scale) / 2, (SHEET[1] - height * scale) / 2


def _chromium(lines: list[str], font: Path, tag: str, px: float, height_mm: float,
              out: Path) -> Path:
    """``lines``, one ``tag`` element each, in ``font`` at ``px`` CSS pixels, printed by
    Chromium on paper 210 mm wide and ``height_mm`` tall (12 mm margins)."""
    body = "".join(f"<{tag}>{html.escape(line)}</{tag}>" for line in lines)
    page = (f"<html><head><meta charset='utf-8'><style>@font-face {{ font-family: 'T';"
            f" src: url('file://{font}'); }} @page {{ size: 210mm {height_mm}mm; margin: 12mm; }}"
            f" body {{ font-family: 'T'; font-size: {px}px; line-height: 1.45; margin: 0;"
            f" white-space: nowrap; }} p {{ margin: .5em 0; }}</style></head>"
            f"<body>{body}</body></html>")
    src = out.with_suffix(".html")
    src.write_text(page, encoding="utf-8")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    f"--user-data-dir={out.parent}/profile", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", src.as_uri()],
                   capture_output=True, timeout=120, check=True)
    return out


def _baselines(pdf: Path) -> list[float]:
    """The first page's text lines' baselines, down from its top (points)."""
    page = pdfium.PdfDocument(pdf)[0]
    height = page.get_height()
    return sorted(height - line.baseline for line in page_lines(page.get_textpage())
                  if line.text.strip() and line.baseline is not None)


def _short_last_page(lines: list[str], font: Path, tag: str, folder: Path) -> Path:
    """``lines`` printed on A4 at the font size whose last page holds :data:`LAST_LINES`.

    Printed once on a page tall enough for all, at 14 px; positions grow with the
    font size, so the size that puts the page's foot between the last page's first
    line and the line before it is read off that print.
    """
    tall = _chromium(lines, font, tag, 14.0, 2000.0, folder / "tall.pdf")
    base = _baselines(tall)
    assert len(base) == len(lines)  # no line wrapped
    top = 12.0 * 72 / 25.4
    cut = (base[-LAST_LINES - 1] + base[-LAST_LINES]) / 2 - top
    out = _chromium(lines, font, tag, 14.0 * BODY_PT / cut, 297.0, folder / "printed.pdf")
    assert len(pdfium.PdfDocument(out)) == 2
    return out


def _history(seed: str) -> object:
    """A generated progress-history page of 40 to 60 lines (an A4 page at 11 to 16 px)."""
    k = 0
    while True:
        doc = GENERATORS["web_history"](random.Random(f"{seed}-{k}"))
        if 40 <= len([line for line in doc.text.splitlines() if line.strip()]) <= 60:
            return doc
        k += 1


@pytest.mark.parametrize(("tag", "family"), [("div", "Norasi"), ("p", "Sarabun")])
def test_a_short_last_page_beside_a_full_one_reads_as_a_page(
        tmp_path: Path, tag: str, family: str) -> None:
    doc = _history(f"short-{tag}")
    lines = [line for line in doc.text.splitlines() if line.strip()]  # type: ignore[attr-defined]
    printed = _short_last_page(lines, chromium_font(family), tag, tmp_path)
    truth = doc.truth  # type: ignore[attr-defined]
    alone = score(process_file(printed), truth)
    assert alone.right == alone.total, alone.lost[:4]
    for how, impose in (("pypdf", impose_pypdf), ("pdfium", impose_pdfium),
                        ("pypdf 4-up", four_up_pypdf)):
        sheet = tmp_path / f"{how}.pdf"
        if how.endswith("4-up"):
            impose(printed, sheet)  # type: ignore[call-arg]
        else:
            impose(printed, sheet, SHEET, 2, _place)
        assert len(extract_pdf(sheet.read_bytes()).pages) == 2, how
        result = score(process_file(sheet), truth)
        assert result.right == result.total, (how, result.lost[:4])


def _landscape_with_note(out: Path, note_x: float, note_row: int) -> None:
    """An A4 landscape page: a generated history's lines down its left, two lines of a
    note from ``note_x`` (mm from the page's left) beside row ``note_row`` (0: the first)."""
    from fpdf import FPDF

    doc = _history("note")
    lines = [line[:60] for line in doc.text.splitlines() if line.strip()][:24]  # type: ignore[attr-defined]
    pdf = FPDF(orientation="L", format="A4")
    pdf.add_font("Sarabun", fname=str(font_file("Sarabun")))
    pdf.set_font("Sarabun", size=11)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    top = pdf.get_y()
    for line in lines:
        pdf.cell(120, 7, line, new_x="LMARGIN", new_y="NEXT")
    for k, note in enumerate(("หมายเหตุ : ข้อมูล ณ วันที่ 30 กันยายน 2566",
                              "ผู้รายงาน : ฝ่ายแผนงานและประเมินผล")):
        pdf.set_xy(note_x, top + 7 * (note_row + k))
        pdf.cell(120, 7, note)
    pdf.output(str(out))


@pytest.mark.parametrize(("where", "row"), [("column", 0), ("frame", 10)])
def test_a_landscape_page_with_a_short_column_beside_its_lines_stays_one_page(
        tmp_path: Path, where: str, row: int) -> None:
    # Two lines right of a wide gap: a table's second column, begun a cell's padding
    # right of the page's middle, or set where a right page's frame would begin but
    # well down the page: no short page beside a full one.
    out = tmp_path / "note.pdf"
    margin = 10.0  # fpdf2's left margin (mm)
    _landscape_with_note(out, 297.0 / 2 + (4.0 if where == "column" else margin), row)
    pages = extract_pdf(out.read_bytes()).pages
    assert len(pages) == 1
    assert "ผู้รายงาน" in pages[0].text

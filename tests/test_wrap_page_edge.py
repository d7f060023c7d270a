"""Lines that run past the page's right edge, and pages whose box does not start at 0.

A long row printed on one line (a pipe report row, as a form's writer sets it) runs
past the page's right edge: no margin wrapped it (``read/pdf_wraps.py``,
``off_page``). The page's edge is where its box ends in its text's space: a page
whose crop and media boxes start right of 0 (a page cropped in a viewer and saved)
keeps its wraps. The truth is the text printed.
"""

from __future__ import annotations

from pathlib import Path

from bma_etl.read.pdf import extract_pdf

from thai_fonts import font_file

#: Rows printed one to a line, each wider than an A4 page at 9 points (each longer
#: than the one before but the last: the second-widest is not the last row).
ROWS = [f"| report {n} | " + "word " * (60 + 4 * n) + "|" for n in range(1, 7)]
ROWS.append(f"| report 7 | {'word ' * 100}|")


def _printed(pdf: Path, lines: list[str]) -> None:
    """``lines`` drawn one to a line, 9 points, from the page's left margin (30 points)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("EdgeThai", str(font_file("Sarabun"))))
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("EdgeThai", 9)
    for k, line in enumerate(lines):
        c.drawString(30, 800 - 13.5 * k, line)
    c.save()


def test_rows_past_the_page_edge_are_no_wraps(tmp_path: Path) -> None:
    """Each row past the page's edge is a line of its own: the margin was taken at the
    second-widest (past the edge), and the row under it read as its wrapped end."""
    pdf = tmp_path / "rows.pdf"
    _printed(pdf, ["Report table", *ROWS])
    read = extract_pdf(pdf.read_bytes(), pdf.name)
    assert read.text.split("\n")[1:] == [" ".join(row.split()) for row in ROWS]
    assert read.wraps == frozenset()


def test_a_page_whose_box_starts_past_0_keeps_its_wraps(tmp_path: Path) -> None:
    """A paragraph wrapped by ReportLab reads the same wraps on its page cropped to a box
    starting 120 points in (its text where it was, the page's edge at the box's right)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import RectangleObject
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(TTFont("EdgeThai", str(font_file("Sarabun"))))
    style = ParagraphStyle("body", fontName="EdgeThai", fontSize=12, leading=16)
    text = " ".join(["the project's progress was reported on time"] * 12)
    printed, cropped = tmp_path / "printed.pdf", tmp_path / "cropped.pdf"
    SimpleDocTemplate(str(printed), pagesize=A4, leftMargin=150, rightMargin=20).build(
        [Paragraph(text, style)])
    writer = PdfWriter()
    for page in PdfReader(printed).pages:
        page.mediabox = page.cropbox = RectangleObject([120, 0, A4[0], A4[1]])
        writer.add_page(page)
    writer.write(cropped)
    wraps = extract_pdf(printed.read_bytes(), printed.name).wraps
    assert len(wraps) > 3
    assert extract_pdf(cropped.read_bytes(), cropped.name).wraps == wraps

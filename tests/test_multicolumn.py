"""A web page printed in CSS columns reads column by column, like the page printed plain.

Pages are generated from known values (``bench/corpus``) and printed by Chromium
with ``column-count`` (a user's style, or a site's print sheet, that sets the page
in columns to save paper): the text flows down the first column, then the next,
and a table that does not fit goes on at the head of the next column. Every field
is scored against the values the page was made from.
"""

from __future__ import annotations

import random
import subprocess
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf import extract_pdf

from corpus import render
from corpus.build import GENERATORS
from corpus.score import score
from plan_text import levels_sheet
from thai_fonts import font_file


def _print_in_columns(generator: str, columns: int, paper: str, out: Path
                      ) -> dict[str, object]:
    """Chromium's print of a generated page set in ``columns`` columns; its truth."""
    doc = GENERATORS[generator](random.Random(f"columns-{generator}"))
    html = doc.html if doc.html is not None else render.ruled_table_page(doc)
    style = (f"<style>@font-face {{ font-family: 'T'; src: url('file://{font_file('Sarabun')}'); }}"
             " body, td, th, p, h3, h4, div { font-family: 'T'; font-size: 10pt; }"
             f" @page {{ size: {paper}; }} body {{ column-count: {columns}; }}</style>")
    page = html.replace("</head>", style + "\n</head>", 1)
    with tempfile.TemporaryDirectory(prefix="bma-columns-") as tmp:
        src = Path(tmp) / "page.html"
        src.write_bytes(page.encode("cp874" if doc.html_encoding == "windows-874"
                                    else doc.html_encoding))
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer",
                        f"--print-to-pdf={out}", src.as_uri()],
                       capture_output=True, timeout=120, check=False)
    assert out.exists(), "chromium made no PDF"
    return doc.truth


@pytest.mark.parametrize(("generator", "columns", "paper"), [
    ("web_detail", 2, "A4"), ("web_history", 2, "A4"), ("legacy_html", 2, "A4"),
    ("web_detail", 3, "A4 landscape")])
def test_a_page_in_columns_reads_every_field(tmp_path: Path, generator: str, columns: int,
                                             paper: str) -> None:
    out = tmp_path / f"{generator}.{columns}.pdf"
    truth = _print_in_columns(generator, columns, paper, out)
    sheets = len(pdfium.PdfDocument(out))
    # each column a page of the reader's (a last column the text left empty is none)
    assert len(extract_pdf(out.read_bytes()).pages) > sheets
    result = score(process_file(out), truth)
    assert result.quarantined is None, result.quarantined
    assert result.right == result.total, (result.total, result.lost[:5])


def test_a_borderless_table_whose_cells_wrap_stays_one_page(tmp_path: Path) -> None:
    # Two columns of a table drawn without rules, the gap between them down the
    # page's middle: each row's right cell wraps over several lines, its left cell
    # is one line on the row's first baseline (a plan's scoring levels printed by
    # LibreOffice from a document without borders, cell by cell). Rows, not columns
    # of text.
    pdf, levels, half = levels_sheet()
    tops = []
    for level in levels[:8]:  # drawn column by column, as a writer draws cell by cell
        tops.append(pdf.get_y())
        pdf.set_x(pdf.l_margin + half)
        pdf.multi_cell(half, 7, str(level["description"]), new_x="LMARGIN", new_y="NEXT")
    for level, top in zip(levels, tops, strict=False):
        pdf.set_xy(pdf.l_margin, top)
        pdf.cell(half - 10, 7, f"ระดับ {level['level']}")
    out = tmp_path / "borderless.pdf"
    pdf.output(str(out))
    pages = extract_pdf(out.read_bytes()).pages
    assert len(pages) == 1
    rows = [line for line in pages[0].text.splitlines() if line.startswith("ระดับ")]
    assert len(rows) == len(tops) and all("\t" in row for row in rows)


def test_two_columns_on_one_grid_after_a_page_in_columns_read_in_order(tmp_path: Path
                                                                         ) -> None:
    # A history page's entries set by a writer in two newspaper columns over two
    # sheets (Word/Writer's two-column section): one font and one line pitch, so on
    # the second sheet each line of the left column stands on the baseline of one of
    # the right's. The columns go on from the sheet before: read the left column,
    # then the right, never line by line across the two.
    from fpdf import FPDF

    entries = []
    for k in range(12):  # values first: several generated histories' entries
        doc = GENERATORS["web_history"](random.Random(f"grid-columns-{k}"))
        entries += doc.truth["tables"]["progress_updates"]  # type: ignore[index]
    written = [f"({n}) ความคืบหน้าโครงการฯ ร้อยละ {entry['progress_pct']}"
               for n, entry in enumerate(entries, 1)]
    pdf = FPDF(format="A4")
    pdf.add_font("Sarabun", fname=str(font_file("Sarabun")))
    pdf.set_auto_page_break(False)
    pdf.add_page()
    width = (pdf.w - 2 * pdf.l_margin - 10) / 2
    pdf.set_font("Sarabun", size=16)
    pdf.cell(width, 9, "ความคืบหน้าโครงการ", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Sarabun", size=11)
    column = 0
    for head, entry in zip(written, entries, strict=True):
        for text in (head, f"{entry['report_date']} : {entry['detail'][:30]}",
                     f"** ปัญหาของโครงการ :{entry['problems'][:20]}", "-" * 30):
            if pdf.get_y() > pdf.h - 20:
                column = 1 - column
                if column == 0:
                    pdf.add_page()
                pdf.set_y(pdf.t_margin)
            pdf.set_x(pdf.l_margin + column * (width + 10))
            pdf.cell(width, 6, text, new_x="LMARGIN", new_y="NEXT")
    assert len(pdf.pages) >= 2 and (column == 1 or len(pdf.pages) >= 3)
    out = tmp_path / "columns.pdf"
    pdf.output(str(out))
    pages = extract_pdf(out.read_bytes()).pages
    lines = [line for page in pages for line in page.text.splitlines()]
    read = [line.strip() for line in lines if line.strip().startswith("(")]
    assert read == written


def test_entry_headings_a_narrow_column_wrapped_after_the_word_read_every_field(
        tmp_path: Path) -> None:
    # A column half the page wide wraps each entry heading ``(N) ความคืบหน้าโครงการฯ
    # ร้อยละ P (date)`` after ``ร้อยละ``, P and the date on the next line (a history
    # page in a writer's two-column section): the heading is still one, and opens the
    # page's entries.
    import re

    doc = GENERATORS["web_history"](random.Random("wrapped-heads"))
    text = re.sub(r"^(\(\d+\) ความคืบหน้าโครงการฯ? ร้อยละ)\s+(?=[0-9.]+\s*\(\d{4}-)",
                  r"\1\n", doc.text, flags=re.M)
    assert text.count("\n") > doc.text.count("\n")
    out = tmp_path / "history.txt"
    out.write_text(text, encoding="utf-8")
    result = score(process_file(out), doc.truth)
    assert result.quarantined is None, result.quarantined
    assert result.right == result.total, (result.total, result.lost[:5])

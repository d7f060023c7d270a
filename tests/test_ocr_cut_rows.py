"""A ruled table's row a page break cuts is read whole from OCR, drawn as curves too.

A print whose text is drawn as outlines (Ghostscript ``-dNoOutputFonts``, "print as
curves") has no text layer and is read by OCR. A report row the page's foot cuts has
no rule under it on its first page, nor over it on the next: its column rules end
open. Its cells were then not gathered (a row is gathered between a rule above and a
rule below), Tesseract's lines ran across the cells (``รายงาน :: 30/5/2566 : ...`` /
``ครั้งที่2 ...``) and the report was lost, the next ones read in its place.

The forms are generated from known values (bench/corpus ``legacy_html``, 6-8
reports), printed by Chromium (Noto Sans Thai, 14 px, A4; the label column narrow so
that the label wraps, and no header row, as the tester's print) and rewritten as
curves; seeds ``curves-11`` and ``curves-13`` cut a row at page 1's foot (the seeds
were picked for that: most prints cut no row there). The truth is the reports as
generated.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from pathlib import Path

import pypdfium2
import pytest

from bma_etl.read.ocr_image import PageRules

from corpus import fonts, render
from corpus.forms import legacy_html
from read_back import assert_rows_read

FONT = "Noto Sans Thai"
FIELDS = ("seq_label", "report_date", "progress_pct", "budget_disbursed_thb")


def with_cut_rows_closed(rules: PageRules) -> PageRules:
    from bma_etl.read.ocr_cut_rows import with_cut_rows_closed as closed

    return closed(rules)


def test_open_column_rules_at_a_page_foot_are_closed() -> None:
    rows = ((300, 100, 2000), (600, 100, 2000), (900, 100, 2000))
    columns = tuple((x, 300, 1400) for x in (100, 400, 1600, 2000))
    closed = with_cut_rows_closed(PageRules(rows, columns, 300.0))
    assert closed.horizontal == (*rows, (1400, 100, 2000))


def test_open_column_rules_at_a_page_head_are_closed() -> None:
    rows = ((500, 100, 2000), (800, 100, 2000))
    columns = tuple((x, 150, 800) for x in (100, 400, 1600, 2000))
    closed = with_cut_rows_closed(PageRules(rows, columns, 300.0))
    assert closed.horizontal == ((150, 100, 2000), *rows)


def test_a_closed_table_a_frame_and_a_spanning_cell_stay_as_they_are() -> None:
    rows = ((300, 100, 2000), (600, 100, 2000), (900, 100, 2000))
    closed_table = tuple((x, 300, 900) for x in (100, 400, 1600, 2000))
    # a cell spanning two rows: the rule between columns 2 and 3 stops at row 2's rule
    spanning = (*closed_table[:2], (1600, 300, 600), closed_table[3])
    frame = ((100, 1200, 1800), (2000, 1200, 1800))  # two sides of a box of text
    for vertical in (closed_table, spanning, (*closed_table, *frame)):
        rules = PageRules((*rows, (1200, 100, 2000)), vertical, 300.0)
        assert with_cut_rows_closed(rules) == rules


def _curves_print(seed: int, tmp_path: Path) -> tuple[Path, list[dict[str, object]]]:
    """A generated form printed by Chromium with a row cut at page 1's foot, as curves."""
    if not render.have("chromium") or shutil.which("gs") is None:
        pytest.fail("needs Chromium and Ghostscript: make venv installs them")
    font = fonts.noto(FONT)
    if font is None:
        pytest.fail(f"needs {FONT}: apt-get install fonts-noto-core (make venv does)")
    rng = random.Random(f"curves-{seed}")
    doc = legacy_html(rng, reports=rng.randint(6, 8))
    assert doc.html is not None
    doc.html = re.sub(r"<thead>.*?</thead>", "", doc.html, flags=re.S).replace(
        '<col width="14%"><col width="56%">', '<col width="10%"><col width="60%">')
    printed = tmp_path / "form.pdf"
    render.render_chromium(doc, printed, FONT, font, random.Random(seed),
                           header_footer=False, pt=14, paper="A4")
    pdf = pypdfium2.PdfDocument(printed)
    try:
        second = pdf[1].get_textpage().get_text_range()
    finally:
        pdf.close()
    table = second.lstrip()
    assert not table.startswith("รายงาน"), "the print cuts no report row at page 1's foot"
    curves = tmp_path / "curves.pdf"
    subprocess.run(["gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=pdfwrite",
                    "-dNoOutputFonts", f"-sOutputFile={curves}", str(printed)],
                   check=True, capture_output=True, timeout=120)
    return curves, doc.tables["progress_updates"]


@pytest.mark.parametrize("seed", [11, 13])
def test_a_report_row_cut_by_the_page_is_read(tmp_path: Path, seed: int) -> None:
    from bma_etl.pipeline import process_file

    pdf, reports = _curves_print(seed, tmp_path)
    result = process_file(pdf)
    assert result.ocr_note is not None  # read by OCR: no text layer
    assert_rows_read("progress_updates", result.rows("progress_updates"), reports, FIELDS)

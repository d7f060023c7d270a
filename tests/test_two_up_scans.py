"""A scanned sheet of two pages side by side (2-up) reads like the pages scanned alone.

A document is generated from known values, printed by fpdf2, imposed two pages to
an A4 landscape sheet (as ``test_two_up`` does) and scanned (``bench/corpus/scan.py``);
the same print is scanned page by page too. Every field is scored against the
values the document was made from. A landscape page of a two-column table, scanned,
must stay one page: its rules cross the middle, or (unruled) its two columns stand
row for row once the scan's skew is taken out.
"""

from __future__ import annotations

import random
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf_layers import read_layers
from test_two_up import _landscape_table, impose_pypdf

from corpus import render
from corpus.build import GENERATORS
from corpus.scan import scan_pdf
from corpus.score import score
from thai_fonts import font_file


def test_a_scanned_two_up_sheet_reads_as_two_pages(tmp_path: Path) -> None:
    doc = GENERATORS["web_detail"](random.Random("scan-two-up"))
    printed = tmp_path / "printed.pdf"
    render.render_fpdf(doc, printed, "Sarabun", font_file("Sarabun"), random.Random(1),
                       shaping=False)
    assert len(pdfium.PdfDocument(printed)) == 2
    sheets, alone, scanned = (tmp_path / name for name in ("sheets.pdf", "alone.pdf",
                                                             "scanned.pdf"))
    impose_pypdf(printed, sheets)
    scan_pdf(sheets, scanned, 200, "grey", random.Random(5))
    scan_pdf(printed, alone, 200, "grey", random.Random(5))
    layers = read_layers(scanned.read_bytes(), "scanned.pdf")
    assert [(layer.sheet, layer.clip is not None and layer.clip[0] > 0) for layer in layers] \
        == [(0, False), (0, True)]  # the left page, then the right, each its own part
    two_up = score(process_file(scanned), doc.truth, scan=True)
    by_page = score(process_file(alone), doc.truth, scan=True)
    assert two_up.quarantined is None
    assert two_up.right >= 0.9 * two_up.total, two_up.lost
    # each page scaled to 70 % holds its letters in fewer pixels: close, not equal
    assert two_up.right >= by_page.right - 2, (two_up.lost, by_page.lost)


@pytest.mark.parametrize("ruled", [True, False])
def test_a_scanned_landscape_table_stays_one_page(tmp_path: Path, ruled: bool) -> None:
    printed, scanned = tmp_path / "table.pdf", tmp_path / "table.scan.pdf"
    _landscape_table(printed, ruled, by_column=True)
    scan_pdf(printed, scanned, 200, "1bit", random.Random(7))  # skewed by half a degree
    assert len(read_layers(scanned.read_bytes(), "table.scan.pdf")) == 1


def test_the_last_sheet_of_an_odd_document_is_its_left_page(tmp_path: Path) -> None:
    # three pages printed 2-up: the second sheet holds one page, in its left half
    doc = GENERATORS["plan"](random.Random("scan-two-up-odd"))
    printed, three = tmp_path / "printed.pdf", tmp_path / "three.pdf"
    render.render_fpdf(doc, printed, "Sarabun", font_file("Sarabun"), random.Random(1),
                       shaping=False)
    reader, writer = pypdf.PdfReader(printed), pypdf.PdfWriter()
    assert len(reader.pages) >= 3
    for page in reader.pages[:3]:
        writer.add_page(page)
    writer.write(three)
    sheets, scanned = tmp_path / "sheets.pdf", tmp_path / "scanned.pdf"
    impose_pypdf(three, sheets)
    scan_pdf(sheets, scanned, 150, "1bit", random.Random(2))
    layers = read_layers(scanned.read_bytes(), "scanned.pdf")
    assert [(layer.sheet, layer.clip is not None and layer.clip[0] > 0) for layer in layers] \
        == [(0, False), (0, True), (1, False)]

"""A page's shapes are read without leaving garbage for the cyclic collector.

:func:`bma_etl.read.pdf_open.page_shapes` walks a page's objects with a function
that calls itself for nested forms; held in its own closure, it kept every list it
filled (text objects, boxes, pdfium handles) alive in a cycle after the page was
read, and each page made a ctypes array type of its own that only the collector
freed. The page here is generated with fpdf2: rules and lines of text at known
places, and the shapes read back are those drawn.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from bma_etl.read.pdf_forms import Box
from bma_etl.read.pdf_open import TextObject, page_shapes

#: Rules drawn, in mm from the page's top left: (x1, y1, x2, y2).
RULES = [(20.0, 40.0, 190.0, 40.0), (20.0, 80.0, 190.0, 80.0), (60.0, 40.0, 60.0, 80.0)]
#: Lines of text written between them: (x, y of the baseline, text), mm.
LINES = [(25.0, 50.0, "Project 2567"), (25.0, 60.0, "Budget 1,250,000"), (25.0, 70.0, "Done 45%")]


def _page(tmp_path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for x1, y1, x2, y2 in RULES:
        pdf.line(x1, y1, x2, y2)
    for x, y, text in LINES:
        pdf.text(x, y, text)
    path = tmp_path / "ruled.pdf"
    pdf.output(str(path))
    return path


@pytest.fixture()
def collector_off() -> Iterator[None]:
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_shapes_read_leave_no_cycle(tmp_path: Path, collector_off: None) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(_page(tmp_path)))
    page = document[0]
    page_shapes(page)  # the first page read looks up pdfium's calls once
    gc.collect()
    texts: list[TextObject] = []
    blanks: list[Box] = []
    boxes: list[tuple[object, Box]] = []
    paths, images = page_shapes(page, texts=texts, blanks=blanks, boxes=boxes)
    mm = 72 / 25.4
    height = 297 * mm
    drawn = sorted((round(b[0] / mm), round((height - b[3]) / mm), round(b[2] / mm),
                    round((height - b[1]) / mm)) for b in paths)
    assert drawn == sorted((round(x1), round(y1), round(x2), round(y2))
                           for x1, y1, x2, y2 in RULES)
    assert images == [] and blanks == []
    assert len(texts) == len(boxes) == len(LINES)
    # Nothing but this test holds the lists the walk filled: no closure cell.
    for filled in (texts, boxes, paths):
        assert not [r for r in gc.get_referrers(filled) if type(r).__name__ == "cell"]
    del texts, blanks, boxes, paths, images
    assert gc.collect() == 0  # reading the page left no cyclic garbage
    page.close()
    document.close()

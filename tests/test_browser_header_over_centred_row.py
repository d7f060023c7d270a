"""A browser's print header a line's pitch above a centred row that opens the page.

Chromium prints its header (``12/4/26, 5:09 PM``) in the page's top margin. On a
tracking page printed in small type the page may open with a row whose label wraps
over two lines beside its value, centred in the row (``** อุปสรรคของ`` /
``ผู้รับจ้างขาดแคลนแรงงาน`` / ``โครงการ :``), one line's pitch under the header. The
header was taken for the label's first line, the row became the header's line, and
the page furniture it then was took the entry's obstacles with it. A browser's
header or footer is no cell of a row
(:func:`bma_etl.read.pdf_page.with_side_by_side`).

The page is the corpus's (bench/corpus ``web_history``, printed as ``chromium`` prints
it); the truth is every field as generated.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus import render
from corpus.build import GENERATORS, _rng
from read_back import assert_read_as_generated
from thai_fonts import font_file

#: A page that opens with a label wrapped over two lines (``** อุปสรรคของ`` / ``โครงการ :``).
_OPENS_WITH_LABEL = re.compile(r"^\*\* \S+\r?\n\S+ :")


@pytest.mark.parametrize(("seed", "k", "font"), [(463, 2, "Garuda")])
def test_a_browser_header_is_no_line_of_the_row_under_it(seed: int, k: int, font: str,
                                                         tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    doc = GENERATORS["web_history"](_rng(seed, "web_history", k))
    pdf = tmp_path / "history.pdf"
    render.render_chromium(doc, pdf, font, font_file(font), _rng(seed, "web_history", k,
                                                                 "chromium"))
    pages = [page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf)]
    assert any(_OPENS_WITH_LABEL.match(text) for text in pages[1:]), \
        "no page opens with a wrapped label: the test shows nothing"
    assert_read_as_generated(pdf, doc.truth)

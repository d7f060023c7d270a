"""A detail page's label/value row that a page break cuts, its label wrapped, printed by Chromium.

A web page's borderless label/value table (``<th>`` / ``<td>``, the browser's default
alignment) printed at 150 %: the label ``หลักการและเหตุผล`` wraps over two lines in its
narrow column, and when the page break cuts the rationale's row, Chromium sets the
label's two lines on the baselines of the value's first lines left on the page, with
nothing between them to show they are one row. Read as two rows, the label was
``หลักการและ`` and ``เหตุผล`` in cells of their own and the rationale was lost
(breaker28, ``C_iso150_bare.pdf``). Two columns whose lines each wrap into the next
(:func:`bma_etl.read.pdf_rowlines.wrapped_together`) are one row.

The page is the corpus's detail page (bench/corpus ``web_detail``) with a long
rationale; the truth is every field as generated. Each case checks first that the
page break does cut the row (its start on one page, its end on the next).
"""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from corpus import fonts, render
from corpus.web import project_detail, running_text
from read_back import assert_read_as_generated


@pytest.mark.parametrize(("seed", "spacer"), [(1, 0), (1, 10), (2, 20)])
def test_a_wrapped_label_row_cut_by_a_page_break_is_one_row(tmp_path: Path, seed: int,
                                                             spacer: int) -> None:
    import pypdfium2 as pdfium

    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    rng = random.Random(f"cut-label-{seed}")
    doc = project_detail(rng, rationale=running_text(rng, 4))
    assert doc.html is not None
    html = doc.html.replace(' border="1"', "").replace('width="22%"', 'width="13%"') \
        .replace("<body>", f'<body><div style="height: {spacer}px"></div>', 1)
    found = fonts.available()
    font = next((name for name in ("Garuda", "Loma", "Kinnari") if name in found),
                sorted(found)[0])
    pdf = tmp_path / f"detail-{seed}.pdf"
    render.render_chromium(dataclasses.replace(doc, html=html), pdf, font, found[font],
                           random.Random(seed), header_footer=True, zoom=1.5, pt=14,
                           paper="Letter")
    rationale = "".join(doc.truth["tables"]["projects"][0]["rationale"].split())
    document = pdfium.PdfDocument(str(pdf))
    try:
        pages = ["".join(document[k].get_textpage().get_text_range().split())
                 for k in range(len(document))]
    finally:
        document.close()
    starts = [k for k, text in enumerate(pages) if rationale[:15] in text]
    ends = [k for k, text in enumerate(pages) if rationale[-15:] in text]
    assert starts and ends and ends[0] == starts[0] + 1, "the page break cuts no row here"
    assert_read_as_generated(pdf, doc.truth)

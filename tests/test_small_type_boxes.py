"""A page's small type is found from the boxes the page's one walk measured.

:func:`bma_etl.read.pdf_stamps.small_type` reads each text object's box; the boxes
of the page's own text objects are those :func:`bma_etl.read.pdf_open.page_shapes`
measured in its walk, not asked of pdfium again through pypdfium2's bindings (one
checked, converted call per object: more than the rest of it, on every page read).
The page is generated: body lines at 12 points and a footer at 6 points, at
places set here; the truth is the footer's box and size and the body's reach.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.read import pdf_stamps
from bma_etl.read.pdf_open import page_shapes
from bma_etl.read.pdf_stamps import SAME_PT, small_type

BODY = [(72.0, 700.0 - 20.0 * k, f"Line {k} of the body text") for k in range(6)]
FOOTER = (72.0, 60.0, "Printed 2026-12-05 page 1 of 1")


def _page(path: Path) -> None:
    from reportlab.pdfgen import canvas

    sheet = canvas.Canvas(str(path), pagesize=(595.0, 842.0))
    for x, y, text in BODY:
        sheet.setFont("Helvetica", 12)
        sheet.drawString(x, y, text)
    sheet.setFont("Helvetica", 6)
    sheet.drawString(*FOOTER)
    sheet.save()


def test_small_type_takes_the_walk_s_boxes(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "footer.pdf"
    _page(path)
    pdf = pdfium.PdfDocument(path)
    page = pdf[0]
    try:
        texts: list = []
        boxes: list = []
        page_shapes(page, texts, [], [], boxes)
        assert len(boxes) == len(BODY) + 1, "each line one text object of the page's own"
        asked = pdf_stamps._box
        calls: list[object] = []

        def counted(text: object) -> object:
            calls.append(text)
            return asked(text)  # type: ignore[arg-type]

        monkeypatch.setattr(pdf_stamps, "_box", counted)
        found = small_type(texts, boxes)
        assert calls == [], "boxes of the page's own objects asked of pdfium again"
        monkeypatch.setattr(pdf_stamps, "_box", asked)
        assert found == small_type(texts), "the walk's boxes are pdfium's boxes"
    finally:
        page.close()
        pdf.close()
    (key,) = found.keys  # the footer alone is small type
    left, bottom, right, top, size = key
    assert size == 6.0
    assert abs(left - FOOTER[0]) <= SAME_PT
    assert bottom < FOOTER[1] < top <= FOOTER[1] + 6.0 + SAME_PT
    assert right > left + 6.0 * len(FOOTER[2]) * 0.3  # Helvetica: about half an em a letter
    lowest, highest = min(y for _, y, _ in BODY), max(y for _, y, _ in BODY)
    assert found.low < lowest and highest < found.high <= highest + 12.0

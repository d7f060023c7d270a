"""A page's text objects are placed and measured once, for the small type and the watermark.

:class:`bma_etl.read.pdf_watermark.TextSizes` asks pdfium each text object's matrix
and font size once a page (one call per object into one array, the arithmetic in
numpy); :func:`bma_etl.read.pdf_stamps.small_type` and
:func:`bma_etl.read.pdf_watermark.without_watermarks` both read it (each asked pdfium
again before). The page is generated: body lines at 12 points, a footer at 6, a word
drawn at 16 under a 0.75 scale (12 as drawn, as a browser prints), a word turned 45
degrees and a line inside a form XObject drawn at half size; the truth is each one's
size as drawn and whether it runs turned.
"""

from __future__ import annotations

import ctypes
import math
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from bma_etl.read import pdf_watermark
from bma_etl.read.pdf_forms import then
from bma_etl.read.pdf_layers import read_layers
from bma_etl.read.pdf_open import page_shapes
from bma_etl.read.pdf_watermark import TextSizes

BODY = [(72.0, 700.0 - 20.0 * k, f"Line {k} of the body text") for k in range(6)]
#: text, size set, scale of the page's matrix, turned (degrees), in a form
DRAWN = [("Printed 2026-12-05 page 1 of 1", 6.0, 1.0, 0.0, False),
         ("Scaled by the browser", 16.0, 0.75, 0.0, False),
         ("TURNED", 40.0, 1.0, 45.0, False),
         ("Inside a form", 20.0, 0.5, 0.0, True)]


def _page(path: Path) -> None:
    from reportlab.pdfgen import canvas

    sheet = canvas.Canvas(str(path), pagesize=(595.0, 842.0))
    sheet.beginForm("inner")
    sheet.setFont("Helvetica", DRAWN[3][1])
    sheet.drawString(0.0, 0.0, DRAWN[3][0])
    sheet.endForm()
    for x, y, text in BODY:
        sheet.setFont("Helvetica", 12)
        sheet.drawString(x, y, text)
    for k, (text, size, scale, angle, in_form) in enumerate(DRAWN):
        sheet.saveState()
        sheet.translate(72.0, 120.0 + 60.0 * k)
        sheet.rotate(angle)
        sheet.scale(scale, scale)
        if in_form:
            sheet.doForm("inner")
        else:
            sheet.setFont("Helvetica", size)
            sheet.drawString(0.0, 0.0, text)
        sheet.restoreState()
    sheet.save()


def _asked_one_by_one(text: tuple) -> tuple[bool, float | None]:
    """An object's turn and size as drawn, asked through pypdfium2's bindings (as before)."""
    _form, obj, to_page = text
    m = pdfium_c.FS_MATRIX()
    size_of = ctypes.c_float()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return False, None
    a, b, c, d = m.a, m.b, m.c, m.d
    if to_page is not None:
        a, b, c, d = then((a, b, c, d, 0.0, 0.0), to_page)[:4]
    turned = not (a > 0 and abs(b) <= math.tan(math.radians(10.0)) * a)
    if not pdfium_c.FPDFTextObj_GetFontSize(obj, size_of):
        return turned, None
    return turned, size_of.value * math.sqrt(abs(a * d - b * c))


def test_each_text_object_s_size_as_drawn_and_turn(tmp_path: Path) -> None:
    path = tmp_path / "sizes.pdf"
    _page(path)
    pdf = pdfium.PdfDocument(path)
    page = pdf[0]
    try:
        texts: list = []
        page_shapes(page, texts)
        assert len(texts) == len(BODY) + len(DRAWN), "one text object a line"
        sizes = TextSizes(texts)
        found = [(sizes.turned[sizes.row(text)], sizes.points[sizes.row(text)])
                 for text in texts]
        assert found == [_asked_one_by_one(text) for text in texts], \
            "the same values as asked object by object"
        assert [text[2] is not None for text in texts].count(True) == 1, "one line in a form"
    finally:
        page.close()
        pdf.close()
    want = [(False, 12.0)] * len(BODY) + [(angle > 10.0, size * scale)
                                          for _, size, scale, angle, _ in DRAWN]
    assert sorted((turned, round(points, 3)) for turned, points in found) == sorted(want)
    with pytest.raises(KeyError):
        sizes.row((None, None, None))


def test_a_page_s_text_objects_are_measured_once(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "sizes.pdf"
    _page(path)
    calls: list[int] = []
    asked = pdf_watermark._measured

    def counted(objs: list) -> object:
        calls.append(len(objs))
        return asked(objs)

    # Both steps measure only through TextSizes, which asks pdf_watermark._measured:
    # a step measuring the page again for itself would count twice here.
    monkeypatch.setattr(pdf_watermark, "_measured", counted)
    layers = read_layers(path.read_bytes(), path.name)
    assert len(layers) == 1
    assert calls == [len(BODY) + len(DRAWN)], "each text object asked once a page"
    assert "TURNED" not in layers[0].text, "the turned word is still taken off"
    assert all(line in layers[0].text for _, _, line in BODY)

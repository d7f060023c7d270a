"""The reader's and the normalizer's shortcuts give what the long way gives.

:func:`bma_etl.read.pdf_watermark._address` reads a pdfium handle's address through
its target (``ctypes.addressof``), not ``ctypes.cast``; :func:`.pdf_turned.text_turn`
walks a page's objects with pdfium's bare calls; :func:`to_arabic_digits` converts
only a value holding a Thai digit. The inputs are generated: a page of text objects
(some inside a form XObject, one turned), and numbers written in Thai digits whose
values are known.
"""

from __future__ import annotations

import ctypes
import random
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.read import pdf_watermark
from bma_etl.read.pdf_open import page_shapes
from bma_etl.read.pdf_turned import _texts, text_turn
from bma_etl.read.pdf_watermark import TextSizes

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
LINES = [f"Line {k} of the body" for k in range(10)]


def _page(path: Path, angle: float = 0.0) -> None:
    """Ten lines (the last two inside a form XObject), all turned by ``angle`` degrees."""
    from reportlab.pdfgen import canvas

    sheet = canvas.Canvas(str(path), pagesize=(595.0, 842.0))
    sheet.beginForm("inner")
    sheet.setFont("Helvetica", 12)
    for k, text in enumerate(LINES[8:]):
        sheet.drawString(0.0, -20.0 * k, text)
    sheet.endForm()
    sheet.translate(300.0, 420.0)
    sheet.rotate(angle)
    sheet.setFont("Helvetica", 12)
    for k, text in enumerate(LINES[:8]):
        sheet.drawString(-200.0, 200.0 - 20.0 * k, text)
    sheet.translate(-200.0, 0.0)
    sheet.doForm("inner")
    sheet.save()


def test_a_handle_s_address_as_ctypes_cast_gives_it(tmp_path: Path) -> None:
    path = tmp_path / "page.pdf"
    _page(path)
    pdf = pdfium.PdfDocument(path)
    try:
        page = pdf[0]
        texts: list = []
        page_shapes(page, texts)
        assert len(texts) == len(LINES)
        for _form, obj, _matrix in texts:
            assert pdf_watermark._address(obj) == ctypes.cast(obj, ctypes.c_void_p).value
        assert pdf_watermark._address(page.raw) == ctypes.cast(page.raw, ctypes.c_void_p).value
        assert len({pdf_watermark._address(obj) for _, obj, _ in texts}) == len(LINES)
        # a null handle, an untyped pointer and a bare int, as ctypes.cast reads them
        assert pdf_watermark._address(pdfium_c.FPDF_PAGEOBJECT()) == 0
        assert pdf_watermark._address(ctypes.c_void_p()) == 0
        assert pdf_watermark._address(ctypes.c_void_p(4096)) == 4096
        assert pdf_watermark._address(8192) == 8192
        # the measure kept for the page is taken for the same objects, found again
        sizes = TextSizes(texts)
        sizes.keep(page)
        again: list = []
        page_shapes(page, again)
        kept = TextSizes.kept(page, again)
        assert kept.points == sizes.points and kept.points == [12.0] * len(LINES)
        page.close()
    finally:
        pdf.close()


def test_the_turn_s_object_walk_finds_every_text_object(tmp_path: Path) -> None:
    # drawn turned counterclockwise by angle: a clockwise turn by as much sets it upright
    for angle, turn in ((0.0, 0), (90.0, 90), (-90.0, 270)):
        path = tmp_path / f"page{angle:g}.pdf"
        _page(path, angle)
        pdf = pdfium.PdfDocument(path)
        try:
            page = pdf[0]
            walked: list = []
            _texts(
                page.raw,
                pdfium_c.FPDFPage_CountObjects,
                pdfium_c.FPDFPage_GetObject,
                None,
                0,
                walked,
            )
            in_forms = [text for text in walked if text[0] is not None]
            assert len(walked) == len(LINES) and len(in_forms) == 2
            assert text_turn(page) == turn
            page.close()
        finally:
            pdf.close()


def test_thai_digits_read_as_their_values() -> None:
    rng = random.Random(3231)
    for _ in range(200):
        value = rng.randrange(10**9)
        thai = "".join(THAI_DIGITS[int(d)] for d in f"{value:,}" if d != ",")
        grouped = f"{value:,}".translate(str.maketrans("0123456789", THAI_DIGITS))
        text = f"งบประมาณ {grouped}.- บาท ปี ๒๕๖{rng.randrange(10)}"
        got = to_arabic_digits(text)
        assert got.startswith(f"งบประมาณ {value:,}.- บาท ปี 256")
        assert len(got) == len(text)
        assert to_arabic_digits(thai) == str(value)
    for plain in ("", "ไม่มีตัวเลข", "2566 บาท", "abc 12,000"):
        assert to_arabic_digits(plain) == plain

"""Scans delivered as image files: PNG, JPEG, and a multi-page 1-bit CCITT G4 TIFF.

A document is generated from known values, printed by fpdf2 and rasterised at
300 dpi; its pages are saved the way scanners and phones deliver them. The truth
is the values the document was generated from: the two-page G4 TIFF is read by
OCR (the only OCR here, two pages) and every generated field must come back, the
second page's rows on page 2. The other formats are checked without OCR: one
page per frame, at the frame's resolution (stated, or from an A4 short side), the
pixels kept; and a broken file or ``--ocr never`` is a ReadError a person can act on.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops

from bma_etl.errors import ReadError
from bma_etl.pipeline import process_file
from bma_etl.pipeline_ingest import iter_files
from bma_etl.read import SourceDocument, read_source
from bma_etl.read.image import image_pdf

from conftest import assert_read_as_generated, corpus_fpdf_print, fonts_or_fail

SEED = 4100
GENERATOR = "web_detail"
DPI = 300


def _pages(tmp_path: Path, dpi: int = DPI) -> tuple[object, list[Image.Image]]:
    """The generated document and its printed pages in grey at ``dpi``."""
    font = next(iter(fonts_or_fail(("Garuda", "Loma", "Sarabun"), least=1)))
    doc, pdf = corpus_fpdf_print(tmp_path, SEED, GENERATOR, 0, font, shaping=False)
    printed = pdfium.PdfDocument(str(pdf))
    try:
        pages = [printed[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
                 for i in range(len(printed))]
    finally:
        printed.close()
    assert len(pages) >= 2, "the generated document has one page"
    return doc, pages


def _g4_tiff(pages: list[Image.Image], dpi: int = DPI) -> bytes:
    """``pages`` as one 1-bit CCITT G4 TIFF, a frame each, as an office scanner stores them."""
    bits = [page.point(lambda v: 255 if v > 160 else 0).convert("1") for page in pages]
    out = io.BytesIO()
    bits[0].save(out, "TIFF", compression="group4", dpi=(dpi, dpi), save_all=True,
                 append_images=bits[1:])
    return out.getvalue()


def _image_of(page: pdfium.PdfPage) -> Image.Image:
    """The one image a page holds, as stored."""
    (picture,) = [o for o in page.get_objects() if isinstance(o, pdfium.PdfImage)]
    return picture.get_bitmap().to_pil().convert("L")


def _same(a: Image.Image, b: Image.Image) -> bool:
    return a.size == b.size and ImageChops.difference(a, b.convert("L")).getbbox() is None


def test_multipage_g4_tiff_read_as_generated(tmp_path: Path) -> None:
    doc, pages = _pages(tmp_path)
    tiff = tmp_path / "scan.tif"
    tiff.write_bytes(_g4_tiff(pages[:2]))
    truth = doc.truth  # type: ignore[attr-defined]
    assert_read_as_generated(tiff, truth)
    read: list[SourceDocument] = []
    processed = process_file(tiff, on_read=read.append)
    (source,) = read
    assert (source.media_type, source.pages, source.ocr_used) == ("image/tiff", 2, True)
    assert processed.rows("monthly_progress"), "no row of the second page read"


@pytest.mark.parametrize(("suffix", "stated"), [(".png", 200), (".jpg", None), (".tiff", 1)])
def test_one_page_per_frame_at_its_resolution(tmp_path: Path, suffix: str,
                                              stated: int | None) -> None:
    # 200 dpi stated in a PNG; none in a phone's JPEG and a TIFF's 1: the A4 short side
    _, pages = _pages(tmp_path, dpi=200)
    out = io.BytesIO()
    kind = {".png": "PNG", ".jpg": "JPEG", ".tiff": "TIFF"}[suffix]
    extra = {} if stated is None else {"dpi": (stated, stated)}
    pages[0].save(out, kind, **extra)
    pdf = pdfium.PdfDocument(image_pdf(out.getvalue(), "page" + suffix))
    try:
        assert len(pdf) == 1
        short, long = sorted(pdf[0].get_size())
        assert abs(short - 595.3) < 1 and abs(long - 841.9) < 1  # A4 in points
        if kind != "JPEG":  # stored without loss: the page's image is the frame
            assert _same(_image_of(pdf[0]), pages[0])
    finally:
        pdf.close()


def test_frames_are_pages_in_order(tmp_path: Path) -> None:
    _, pages = _pages(tmp_path)
    pdf = pdfium.PdfDocument(image_pdf(_g4_tiff(pages[:2]), "scan.tif"))
    try:
        assert len(pdf) == 2
        for page, frame in zip(pdf, pages[:2], strict=True):
            assert _same(_image_of(page), frame.point(lambda v: 255 if v > 160 else 0))
    finally:
        pdf.close()


def test_broken_images_and_ocr_never_are_read_errors(tmp_path: Path) -> None:
    page = Image.new("L", (1654, 2339), 255)
    out = io.BytesIO()
    page.save(out, "PNG", dpi=(200, 200))
    whole = tmp_path / "page.png"
    whole.write_bytes(out.getvalue())
    cut = tmp_path / "cut.png"
    cut.write_bytes(out.getvalue()[: len(out.getvalue()) // 2])
    fake = tmp_path / "notes.jpeg"
    fake.write_bytes(b"<html><body>not a scan</body></html>")
    with pytest.raises(ReadError, match="can only be read by OCR, which --ocr never forbids"):
        read_source(whole, ocr="never")
    with pytest.raises(ReadError, match=re.escape(
            "cut.png: image is truncated; copy or download it")):
        read_source(cut)
    with pytest.raises(ReadError, match=re.escape(
            "notes.jpeg: not a PNG, JPEG or TIFF image; it looks like HTML")):
        read_source(fake)


def test_folders_give_image_files(tmp_path: Path) -> None:
    names = ["a.PNG", "b.jpg", "c.jpeg", "d.tif", "e.TIFF", "f.gif"]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    skipped: list[Path] = []
    found = [p.name for p in iter_files([tmp_path], skipped.append)]
    assert found == names[:5] and [p.name for p in skipped] == ["f.gif"]

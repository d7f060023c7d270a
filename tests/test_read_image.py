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

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops

from bma_etl.errors import ReadError
from bma_etl.pipeline import process_file
from bma_etl.pipeline_ingest import iter_files
from bma_etl.read import SourceDocument, read_source
from bma_etl.read.image import MIN_STATED_DPI, image_pdf

from corpus.score import score
from corpus_prints import corpus_fpdf_grey_pages
from read_back import assert_read_as_generated

SEED = 4100
GENERATOR = "web_detail"
DPI = 300


def _pages(tmp_path: Path, dpi: int = DPI) -> tuple[object, list[Image.Image]]:
    """The generated document and its printed pages in grey at ``dpi``."""
    doc, pages = corpus_fpdf_grey_pages(tmp_path, SEED, GENERATOR, 0, dpi)
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


def test_a_multipage_tiff_cut_short_is_a_read_error(tmp_path: Path) -> None:
    # Cut inside its second frame, or before its first frame's directory: each says
    # so (a TIFF cut in a later frame's directory raised a TypeError, a traceback).
    _, pages = _pages(tmp_path, dpi=150)
    tiff = _g4_tiff(pages[:2], dpi=150)
    for at in (len(tiff) * 2 // 3, len(tiff) // 2, 64):
        with pytest.raises(ReadError, match=r"cut short|truncated"):
            image_pdf(tiff[:at], "scan.tif")


@pytest.mark.parametrize("mode", ["I;16", "I"])
def test_a_16_bit_scan_is_scaled_to_grey_not_clipped(tmp_path: Path, mode: str) -> None:
    # Pillow's own conversion clips every value over 255 to white: a blank page.
    _, pages = _pages(tmp_path, dpi=150)
    deep = Image.fromarray(np.asarray(pages[0], dtype=np.uint16) * 257)
    out = io.BytesIO()
    if mode == "I;16":
        deep.save(out, "PNG", dpi=(150, 150))
    else:  # 32 bits a pixel, as some TIFF writers store it
        deep.convert("I").save(out, "TIFF", dpi=(150, 150))
    pdf = pdfium.PdfDocument(image_pdf(out.getvalue(), "page.png"))
    try:
        stored = np.asarray(_image_of(pdf[0]), dtype=np.int16)
        assert np.abs(stored - np.asarray(pages[0], dtype=np.int16)).max() <= 1
    finally:
        pdf.close()


def test_a_strip_without_a_dpi_is_no_sheet_at_ten_dpi() -> None:
    # 80 pixels high is not A4's short side at 10 dpi: the page OCR renders would be
    # metres long. A worked-out resolution is no lower than a stated one may be.
    out = io.BytesIO()
    Image.new("L", (6000, 80), 255).save(out, "PNG")
    pdf = pdfium.PdfDocument(image_pdf(out.getvalue(), "strip.png"))
    try:
        width, height = pdf[0].get_size()
        assert (round(width), round(height)) == (round(6000 * 72 / MIN_STATED_DPI),
                                                 round(80 * 72 / MIN_STATED_DPI))
    finally:
        pdf.close()


def _last_directory(tiff: bytes) -> tuple[int, int]:
    """Where the last image directory of a little-endian TIFF starts and ends, with the
    values it keeps apart (TIFF 6.0: 2 bytes of count, 12 an entry, 4 the next's offset)."""
    import struct

    (at,) = struct.unpack_from("<I", tiff, 4)
    while True:
        (entries,) = struct.unpack_from("<H", tiff, at)
        link = at + 2 + 12 * entries
        end = link + 4
        for k in range(entries):
            _, kind, count, value = struct.unpack_from("<HHII", tiff, at + 2 + 12 * k)
            width = {3: 2, 4: 4, 5: 8}.get(kind, 1) * count
            if width > 4:
                end = max(end, value + width)
        (following,) = struct.unpack_from("<I", tiff, link)
        if not following:
            return at, end
        at = following


@pytest.mark.parametrize("compression", ["tiff_lzw", "raw", "group4"])
def test_a_multipage_tiff_cut_inside_its_last_directory_is_truncated(compression: str) -> None:
    # Pillow read such a file without complaint, the last frame decoded from what was
    # left (a warning at most).
    frames = [Image.new("1" if compression == "group4" else "L", (320, 452), 255)
              for _ in range(3)]
    out = io.BytesIO()
    frames[0].save(out, "TIFF", save_all=True, append_images=frames[1:],
                   compression=compression, dpi=(150, 150))
    tiff = out.getvalue()
    assert len(pdfium.PdfDocument(image_pdf(tiff, "scan.tif"))) == 3
    start, end = _last_directory(tiff)
    for at in range(max(start, end - 40), end, 3):
        with pytest.raises(ReadError, match=re.escape("scan.tif: image is truncated")):
            image_pdf(tiff[:at], "scan.tif")


def test_a_pdf_or_page_named_as_an_image_says_so_under_every_ocr_mode(tmp_path: Path) -> None:
    # A PDF named .png was "a scan ... --ocr never forbids" under --ocr never and
    # "it is a PDF: name it .pdf" under --ocr auto: one message now, whatever the mode.
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="not an image")
    misnamed = {"scan.png": (bytes(pdf.output()), "it is a PDF: name it .pdf"),
                "page.jpg": (b"\n<!DOCTYPE html><html><body>x</body></html>",
                             "it looks like HTML or XML")}
    for name, (data, kind) in misnamed.items():
        path = tmp_path / name
        path.write_bytes(data)
        for ocr in ("never", "auto", "always"):
            with pytest.raises(ReadError) as caught:
                read_source(path, ocr=ocr)
            assert caught.value.reason() == f"read: {name}: not a PNG, JPEG or TIFF image; {kind}"


def _fax_standard(pages: list[Image.Image]) -> bytes:
    """``pages`` (grey at 204 dpi) as a fax in standard mode sends them: 1-bit, every
    other row dropped (204 x 98 dpi, the TIFF stating both), CCITT G3."""
    bits = [page.resize((page.width, round(page.height * 98 / 204)), Image.Resampling.BOX)
            .point(lambda v: 255 if v > 160 else 0).convert("1") for page in pages]
    out = io.BytesIO()
    bits[0].save(out, "TIFF", compression="group3", dpi=(204, 98), save_all=True,
                 append_images=bits[1:])
    return out.getvalue()


def test_a_fax_in_standard_mode_is_read_on_square_pixels(tmp_path: Path) -> None:
    # 204 x 98 dpi: read as stored, every letter is half its height (the 23rd outside tester's
    # A_fax_standard.tif was quarantined whole); stretched to 204 x 204 it reads.
    doc, pages = _pages(tmp_path, dpi=204)
    fax = _fax_standard(pages[:2])
    pdf = pdfium.PdfDocument(image_pdf(fax, "fax.tif"))
    try:
        short, long = sorted(pdf[0].get_size())
        assert abs(short - 595.3) < 2 and abs(long - 841.9) < 2  # A4 in points, upright
        width, height = _image_of(pdf[0]).size
        assert width == pages[0].width and abs(height - pages[0].height) <= 1
    finally:
        pdf.close()
    tiff = tmp_path / "fax.tif"
    tiff.write_bytes(fax)
    result = score(process_file(tiff), doc.truth)  # type: ignore[attr-defined]
    # a bilevel fax reads a letter or two wrong (tone marks): nearly all, not all
    assert result.total > 30 and result.right >= result.total - 3, result.lost[:6]

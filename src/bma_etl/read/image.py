"""Read a scan delivered as an image file (PNG, JPEG, TIFF) as a scanned PDF is read.

Stage: read. Consumes the bytes of an image file; produces its pages
(:class:`~.pdf.PdfText`), one page per image frame, in the file's frame order (a
multi-page TIFF from an office scanner is one document). Each frame becomes the
only image on a page of an image-only PDF made in memory, stored without loss
(decoded pixels, Flate-compressed) and sized so that the page has the frame's own
resolution; that PDF then goes through :func:`~.pdf.extract_pdf` like any scan:
the same rendering, grid, colour, orientation and OCR, with the OCR cache filed
under the image file's own content hash (so the file is never OCR'd twice).

Resolution: the frame's ``dpi`` metadata when it gives one of at least
:data:`MIN_STATED_DPI` (scanners write the real one). A frame whose x and y
resolutions differ (a fax in standard mode, 204 x 98 dpi) is first stretched to
square pixels at the higher (:func:`square_pixels`). With none, or a smaller one
(cameras and editors write 72 or 96 for a screen, some TIFF writers 1), the
frame's shorter side is taken to be the short side of an A4 sheet (210 mm), the
paper these reports are printed on: a 2481 x 3508 frame is 300 dpi.

A frame with an EXIF orientation (a phone photo) is turned as it says first; a
transparent one is laid on white. Everything runs in the PDF worker under its
time limit (:func:`~.pdf_worker.call_with_time_limit`). Raises
:class:`~bma_etl.errors.ReadError`: ``--ocr never`` (an image is read by OCR
only), a file that is not an image of its kind, is truncated or corrupt, has
more frames than :func:`~bma_etl.limits.max_pages` or a frame over
:func:`~bma_etl.limits.max_megapixels`.
"""

from __future__ import annotations

import io
import struct
from typing import TYPE_CHECKING

from bma_etl.errors import ReadError
from bma_etl.limits import max_megapixels, max_pages

if TYPE_CHECKING:
    from PIL import Image
    from pypdfium2 import PdfDocument

    from bma_etl.read.pdf import PdfText

#: Image file suffixes read as scans, and their media types.
IMAGE_TYPES: dict[str, str] = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
}
#: Pixels to the inch below which a frame's stated resolution is not believed.
MIN_STATED_DPI = 100
#: The short side of an A4 sheet, inches: a frame without a believable dpi is this wide.
A4_SHORT_INCHES = 210 / 25.4


def read_image(data: bytes, name: str, ocr: str = "auto", content: str | None = None
               ) -> PdfText:
    """Every frame of the image file ``data`` read by OCR, one page each.

    ``content``: the file's hex SHA-256, which the OCR cache files its pages under
    (default: computed). Raises ReadError (see the module docstring).
    """
    import hashlib

    from bma_etl.read.pdf import extract_pdf
    from bma_etl.read.pdf_worker import call_with_time_limit

    other = _other_kind(data)
    if other is not None:  # the same under every --ocr: OCR would not read it either
        raise ReadError(f"{name}: not a PNG, JPEG or TIFF image; {other}")
    if ocr == "never":
        raise ReadError(f"{name}: an image file is a scan and can only be read by OCR, "
                        "which --ocr never forbids; run with --ocr auto")
    pdf = call_with_time_limit(image_pdf, data, name, max_pages(), max_megapixels(),
                               what=f"{name}: reading the image")
    return extract_pdf(pdf, name, ocr, content=content or hashlib.sha256(data).hexdigest())


def image_pdf(data: bytes, name: str, pages: int = 1000, megapixels: float = 36.0) -> bytes:
    """An image-only PDF of the image file's frames, one page each, at their resolution.

    ``pages``: the most frames read; ``megapixels``: the largest frame, in millions
    of pixels. Raises ReadError for an image that cannot be decoded whole.
    """
    import pypdfium2 as pdfium
    from PIL import Image, ImageSequence, UnidentifiedImageError
    from PIL.Image import DecompressionBombError

    if tiff_cut_short(data, pages + 1):
        raise ReadError(f"{name}: image is truncated; copy or download it again")
    try:
        with Image.open(io.BytesIO(data)) as image:
            count = getattr(image, "n_frames", 1)
            if count > pages:
                raise ReadError(f"{name}: {count} frames, over the limit of {pages} pages "
                                "(raise BMA_ETL_MAX_PAGES)")
            pdf = pdfium.PdfDocument.new()
            for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
                width, height = frame.size
                if width * height > megapixels * 1_000_000:
                    raise ReadError(f"{name}: frame {number} is {width} x {height} pixels, "
                                    f"over {megapixels:g} megapixels; raise "
                                    "BMA_ETL_MAX_MEGAPIXELS to OCR it")
                pixels, dpi = square_pixels(page_pixels(frame), frame)
                _add_page(pdf, pixels, dpi)
    except DecompressionBombError as exc:
        raise ReadError(f"{name}: image too large to decode ({_why(exc)})") from exc
    except UnidentifiedImageError as exc:
        kind = next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)
        if kind is not None:
            raise ReadError(f"{name}: {kind} image cut short or corrupt (it cannot be "
                            "decoded); copy or download it again") from exc
        raise ReadError(f"{name}: not a PNG, JPEG or TIFF image; {_hint(data)}") from exc
    except (OSError, SyntaxError, ValueError, EOFError, TypeError) as exc:
        # A frame cut short: Pillow says "truncated", or (a TIFF cut inside a later
        # frame's directory) finds it without its dimensions.
        if "truncated" in str(exc) or isinstance(exc, TypeError):
            raise ReadError(f"{name}: image is truncated; copy or download it again") from exc
        raise ReadError(f"{name}: image is corrupt ({_why(exc)}); "
                        "scan or export it again") from exc
    if not len(pdf):
        raise ReadError(f"{name}: image has no frames")
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


#: Bytes per value of each TIFF field type (BYTE .. IFD8), TIFF 6.0 section 2 and BigTIFF.
_TIFF_TYPE_BYTES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4,
                    12: 8, 13: 4, 16: 8, 17: 8, 18: 8}


def tiff_cut_short(data: bytes, most: int = 1000) -> bool:
    r"""Whether a TIFF's image directories, or the values they point to, run past its end.

    Walks at most ``most`` directories of a classic TIFF (``II*\0`` or ``MM\0*``);
    any other file is False. Pillow reads a TIFF cut inside its last directory
    without complaint (a warning, the frame decoded from what is left), so such a
    file is found here; a frame's pixels cut short Pillow finds itself.

    >>> tiff_cut_short(b"II*\0" + (8).to_bytes(4, "little") + b"\x01\x00")
    True
    """
    order = {b"II*\x00": "<", b"MM\x00*": ">"}.get(data[:4])
    if order is None:
        return False
    (at,) = struct.unpack_from(order + "I", data, 4)
    for _ in range(most):
        if at == 0:
            return False
        if at + 2 > len(data):
            return True
        (entries,) = struct.unpack_from(order + "H", data, at)
        if at + 2 + 12 * entries + 4 > len(data):
            return True
        for k in range(entries):
            _, kind, count, value = struct.unpack_from(order + "HHII", data, at + 2 + 12 * k)
            width = _TIFF_TYPE_BYTES.get(kind, 1) * count
            if width > 4 and value + width > len(data):  # values stored apart, past the end
                return True
        (at,) = struct.unpack_from(order + "I", data, at + 2 + 12 * entries)
    return False


def frame_dpi(frame: Image.Image) -> float:
    """Pixels to the inch of ``frame``: as stated, else from an A4 short side.

    A stated resolution under :data:`MIN_STATED_DPI` is not believed (see the
    module docstring), nor is one worked out that is under it (a strip 80 pixels
    high is not an A4 sheet at 10 dpi).
    """
    stated = frame.info.get("dpi")
    try:
        dpi = float(min(stated)) if stated else 0.0
    except (TypeError, ValueError):
        dpi = 0.0
    # A long thin strip's short side is no sheet's: no less than MIN_STATED_DPI, so
    # that a page rendered for OCR holds no more pixels than a few times the frame's.
    return dpi if dpi >= MIN_STATED_DPI else max(min(frame.size) / A4_SHORT_INCHES,
                                                 MIN_STATED_DPI)


#: Stated x and y resolutions further apart than this share are a frame of
#: non-square pixels (a fax in standard mode: 204 x 98 dpi)...
SQUARE_TOLERANCE = 0.02
#: ...up to this ratio of the higher to the lower (more is no resolution a scanner writes).
MOST_PIXEL_RATIO = 4.0


def stated_dpis(frame: Image.Image) -> tuple[float, float] | None:
    """The frame's stated (x, y) pixels to the inch, or None without a positive pair.

    Upright, as :func:`page_pixels` turns the frame (an EXIF quarter turn swaps them).
    """
    stated = frame.info.get("dpi")
    try:
        x, y = (float(v) for v in stated)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return None
    if x <= 0 or y <= 0:
        return None
    turned = frame.getexif().get(0x0112) in (5, 6, 7, 8)  # EXIF orientation: a quarter turn
    return (y, x) if turned else (x, y)


def square_pixels(pixels: Image.Image, frame: Image.Image) -> tuple[Image.Image, float]:
    """``pixels`` (the frame upright) on square pixels, and their pixels to the inch.

    A frame whose stated x and y resolutions differ (a fax in standard mode, 204 x
    98 dpi: every letter half as tall as it is wide) is stretched along its lower
    resolution to its higher one (Lanczos), so that OCR sees letters of their printed
    shape; the page then has the higher resolution (the page's size in inches is
    unchanged). Any other frame is returned as it is, at :func:`frame_dpi`.
    Stretching to the higher resolution read the tester's standard-mode fax page as
    well as the same page sent in fine mode (204 x 196).
    """
    from PIL import Image as PilImage

    dpis = stated_dpis(frame)
    if dpis is None:
        return pixels, frame_dpi(frame)
    low, high = sorted(dpis)
    if high < MIN_STATED_DPI or high <= low * (1 + SQUARE_TOLERANCE) \
            or high > low * MOST_PIXEL_RATIO:
        return pixels, frame_dpi(frame)
    x, y = dpis
    size = (round(pixels.width * high / x), round(pixels.height * high / y))
    return pixels.resize(size, PilImage.Resampling.LANCZOS), high


def page_pixels(frame: Image.Image) -> Image.Image:
    """``frame`` upright (EXIF), in grey (``L``) or colour (``RGB``), transparency on white."""
    from PIL import Image, ImageOps

    frame = ImageOps.exif_transpose(frame) or frame
    if frame.mode in ("1", "L"):
        return frame.convert("L")
    if frame.mode.startswith(("I", "F")):  # 16 or 32 bits a pixel: scaled, not clipped
        return _grey_of_deep(frame)
    if frame.mode in ("LA", "RGBA", "PA") or (frame.mode == "P" and "transparency" in frame.info):
        rgba = frame.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return frame.convert("RGB")


def _grey_of_deep(frame: Image.Image) -> Image.Image:
    """A 16-bit, 32-bit or float grey frame as 8-bit grey (``L``).

    Pillow's own conversion clips every value over 255 to white, which leaves a
    16-bit scan a blank page: the values are scaled instead, by 257 for 16-bit
    modes, else from the frame's own darkest to lightest.
    """
    import numpy as np
    from PIL import Image

    values = np.asarray(frame, dtype=np.float64)
    if frame.mode.startswith("I;16"):
        values = values / 257
    elif values.size and values.max() > 255:
        low, high = float(values.min()), float(values.max())
        values = (values - low) * (255 / (high - low))
    return Image.fromarray(np.clip(values, 0, 255).astype(np.uint8), "L")


def _add_page(pdf: PdfDocument, pixels: Image.Image, dpi: float) -> None:
    """Append a page of ``pixels`` at ``dpi`` to the pdfium document ``pdf``."""
    import pypdfium2 as pdfium

    width, height = pixels.size[0] * 72 / dpi, pixels.size[1] * 72 / dpi
    page = pdf.new_page(width, height)
    picture = pdfium.PdfImage.new(pdf)
    picture.set_bitmap(pdfium.PdfBitmap.from_pil(pixels))
    picture.set_matrix(pdfium.PdfMatrix().scale(width, height))
    page.insert_obj(picture)
    page.gen_content()
    page.close()


#: The first bytes of each image kind read, and its name.
_MAGIC = ((b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"II*\x00", "TIFF"),
          (b"MM\x00*", "TIFF"))


def _other_kind(data: bytes) -> str | None:
    """What a file named as an image is instead (a PDF, HTML), or None."""
    head = data[:1024].lstrip()
    return ("it is a PDF: name it .pdf" if head.startswith(b"%PDF-")
            else "it looks like HTML or XML" if head.startswith(b"<")
            else None)


def _hint(data: bytes) -> str:
    """What a file that no image decoder knows may be instead."""
    return _other_kind(data) or "check the file type"


def _why(exc: BaseException) -> str:
    """A decoder's complaint in a few words."""
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."

"""A low-resolution grey scan is read on its own pixel grid too (in the worker).

Stage: read. A scanned page is one image; rendered at the 300 dpi OCR asks for,
a 150 dpi scan is every scan pixel four, and the 3 x 3 median the page is
cleaned with (:func:`~.ocr_image.median3`) then spans a pixel and a half of the
scan: its noise and JPEG blocks stay. Rendered at the image's own resolution
(found from the embedded image, not assumed), filtered there and scaled up
bicubic to the resolution asked for (:func:`on_grid`), the page often reads
better, but the filter also takes thin strokes (a ``1`` read ``|``): such a page
is read both ways and the surer reading kept (:func:`surer`). Only grey scans
under :data:`GRID_BELOW` pixels to the inch are read so; a 1-bit scan, a scan of
200 dpi and more and a page that is not one image are rendered as before. The
reading on the grid is cached under its own key (:func:`~.pdf.page_key`), so the
OCR cached of every page, this one rendered as before included, stays valid.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PIL import Image

    from bma_etl.read.ocr import OcrPage

#: A grey scan of fewer pixels to the inch than this is read on its own grid...
#: (``bench/ocr_input.py``, 5 first pages of seed 43's prints, character error
#: rate 150 dpi grey 3.74 -> 3.13 %; at 200 dpi it rose, 3.23 -> 3.95 %: a 3 x 3
#: median of 200 dpi pixels is wider than the thin strokes of Thai letters.)
GRID_BELOW = 175.0
#: ...when its image covers this share of the page or more...
GRID_COVER = 0.5
#: ...and holds this many bits a pixel or more (grey or colour, not 1-bit).
GRID_BITS = 8
#: How :func:`on_grid` filters, named in the cache key of a page read on its grid
#: (:func:`~.pdf.page_key`): another filter reads those pages again.
GRID_FILTER = "median3-bicubic"


def scan_grid(page: Any) -> float | None:
    """Pixels to the inch of the grey scan a pdfium page is, when read on its grid; or None.

    The page's biggest image, when it covers :data:`GRID_COVER` of the page and
    holds fewer than :data:`GRID_BELOW` pixels to the inch (the fewer of its
    two directions, as placed on the page), :data:`GRID_BITS` a pixel or more.
    None otherwise: a 1-bit scan, a page of text with a picture, a scan of
    :data:`GRID_BELOW` dpi and more.
    """
    found = scan_image(page, GRID_COVER)
    if found is None:
        return None
    grid, bits = found
    if bits < GRID_BITS or not 72 <= grid < GRID_BELOW:
        return None
    return float(round(grid))


def scan_image(page: Any, cover: float) -> tuple[float, int] | None:
    """The pixels to the inch and bits a pixel of a pdfium page's biggest image; or None.

    Pixels to the inch as the image is placed on the page, the fewer of its two
    directions. None when the biggest image covers less than ``cover`` of the page.
    """
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    best: tuple[float, Any] | None = None
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=1):
        left, bottom, right, top = obj.get_bounds()  # (a page stored turned: turned too)
        area = (right - left) * (top - bottom)
        if best is None or area > best[0]:
            best = (area, obj)
    if best is None or best[0] < cover * width * height:
        return None
    meta = best[1].get_metadata()
    return float(min(meta.horizontal_dpi, meta.vertical_dpi)), meta.bits_per_pixel


def scan_grids(data: bytes, name: str, sheets: list[int]) -> dict[int, float]:
    """:func:`scan_grid` of the given PDF pages (0-based), those that have one (in the worker)."""
    from bma_etl.read.pdf_open import open_pdf

    pdf = open_pdf(data, name)
    try:
        out = {}
        for sheet in sheets:
            page = pdf[sheet]
            try:
                grid = scan_grid(page)
            finally:
                page.close()
            if grid is not None:
                out[sheet] = grid
        return out
    finally:
        pdf.close()


def on_grid(image: Image.Image, factor: float) -> Image.Image:
    """A scan rendered on its own grid, its noise filtered there, scaled up by ``factor``.

    The 3 x 3 median (:func:`~.ocr_image.median3`) of the scan's own pixels,
    then bicubic (Lanczos read no better: 3.33 % against 3.13 %). The page is then
    cleaned without a second median (:func:`~.ocr_image.cleaned` with
    ``filtered``; a second one read worse, 3.46 %). The median also takes every
    detail under two scan pixels: the flag of a ``1`` (read ``|``), the thin
    parts of small digits; :func:`surer` chooses between this reading and the
    one rendered as before. (Giving back the ink beside the ink the median kept
    read more fields on some seeds and fewer on others.)
    """
    from PIL import Image as PilImage

    from bma_etl.read.ocr_image import median3

    clean = median3(image.convert("L"))
    return clean.resize((round(clean.width * factor), round(clean.height * factor)),
                        PilImage.Resampling.BICUBIC)


def surer(rendered: OcrPage, *others: OcrPage) -> OcrPage:
    """Of a page's readings, the one Tesseract is surest of; ``rendered`` on a tie.

    Sureness: the mean confidence of the page's words, each weighing its letters.
    Which of the two readings of a low-resolution scan is better differs from
    page to page, and the words' confidence says which more often than not.
    (Taking another reading only when it holds as many digits kept most of the
    numbers the grid loses but lost most of its gains: seed 73 +17 against +54.)
    """
    return max((rendered, *others), key=sureness)  # max keeps the first of equals


def sureness(page: OcrPage) -> float:
    """Mean confidence (0-100) of a page's words, each weighing its letters; 0 with none."""
    letters = [(len(word.text.strip()), word.conf) for word in page.words if word.text.strip()]
    total = sum(n for n, _ in letters)
    return sum(n * conf for n, conf in letters) / total if total else 0.0

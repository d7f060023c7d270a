"""Opening a PDF with pdfium and rendering one page for OCR (in the worker).

Stage: read. Used by :mod:`.pdf` (text layers and OCR of pages); both functions
run in the worker process (:func:`~bma_etl.read.pdf_worker.call_with_time_limit`).
"""

from __future__ import annotations

import math
import re
from typing import Any

from bma_etl.errors import ReadError

#: Least resolution a page too big for the megapixel limit is rendered at; a page
#: that is too big even at this resolution is refused.
MIN_DPI = 150


def open_pdf(data: bytes, name: str) -> Any:
    """Open the PDF with pdfium; ReadError naming why it cannot be (in the worker)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        # pdfium's error code is process-wide and not reset by every failure: a
        # failed load can report the previous file's code, so check the bytes too.
        code = getattr(exc, "err_code", None)
        encrypted = b"/Encrypt" in data
        if code == pdfium_c.FPDF_ERR_PASSWORD and encrypted:
            raise ReadError(f"{name}: PDF is encrypted (a password is needed to open it); "
                            "supply an unencrypted copy") from None
        if code == pdfium_c.FPDF_ERR_SECURITY and encrypted:
            raise ReadError(f"{name}: PDF uses an unsupported security handler; "
                            "supply an unencrypted copy") from None
        if re.search(rb"/Count\s+0\b", data) and not re.search(rb"/Count\s+[1-9]", data):
            raise ReadError(f"{name}: PDF has no pages") from None
        raise ReadError(f"{name}: PDF cannot be opened ({exc}); it is damaged or "
                        "truncated") from None


def render_page(data: bytes, name: str, index: int, path: str, dpi: float,
                megapixels: float = 36.0) -> float:
    """Render one page in grey to an image file; the resolution used (in the worker).

    A page over ``megapixels`` (the limit, :func:`~bma_etl.limits.max_megapixels`)
    at ``dpi`` is rendered smaller, down to :data:`MIN_DPI`; a bigger one is refused
    with a ReadError.
    """
    pdf = open_pdf(data, name)
    try:
        page = pdf[index]
        try:
            width, height = page.get_size()
            scale = dpi / 72
            limit = megapixels * 1_000_000
            if width * height * scale * scale > limit:
                scale = math.sqrt(limit / (width * height))
                if scale * 72 < MIN_DPI:
                    mm = 25.4 / 72
                    raise ReadError(
                        f"{name}: page {index + 1} is {width * mm:.0f} x {height * mm:.0f} mm, "
                        f"over {megapixels:g} megapixels even at {MIN_DPI} dpi; "
                        "raise BMA_ETL_MAX_MEGAPIXELS to OCR it")
            page.render(scale=scale, grayscale=True).to_pil().save(path)
            return scale * 72
        finally:
            page.close()
    finally:
        pdf.close()

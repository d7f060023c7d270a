"""Limits on what one file may cost, which an operator can change through the environment.

Time: ``BMA_ETL_READ_TIMEOUT`` (reading one file's bytes, default 60 s),
``BMA_ETL_PDF_TIMEOUT`` (one pdfium call), ``BMA_ETL_OCR_TIMEOUT`` (one page's OCR) and
``BMA_ETL_FILE_TIMEOUT`` (the stages after reading, per file, in a worker).
Size: ``BMA_ETL_MAX_TEXT_MB`` and ``BMA_ETL_MAX_PDF_MB`` (one file's bytes, checked
before they are read; defaults 64 MB of text or HTML and 200 MB of PDF or scan image,
sized for the largest real report), ``BMA_ETL_MAX_PAGES`` (pages of one PDF or frames
of one image, default 1,000), ``BMA_ETL_MAX_MEGAPIXELS`` (one page's rendering for
OCR, default 36: an A2 page at 300 dpi; a bigger page is rendered at a lower
resolution, down to 150 dpi; an image file's bigger frame is refused) and
``BMA_ETL_MAX_CHARS`` (characters of one file's text, default 5,000,000). A file
over a size limit is quarantined with the limit's name in its reason.
"""

from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)


#: A megabyte, as the size limits count them.
MB = 1_000_000

#: Defaults of the size limits.
DEFAULT_MAX_TEXT_MB = 64.0
DEFAULT_MAX_PDF_MB = 200.0
DEFAULT_MAX_PAGES = 1000
DEFAULT_MAX_MEGAPIXELS = 36.0
DEFAULT_MAX_CHARS = 5_000_000


#: Default of the time limit on reading one file's bytes: a local disk reads the
#: largest file allowed in about a second; a stalled network share never finishes.
DEFAULT_READ_TIMEOUT = 60.0


def max_file_bytes(media_type: str) -> tuple[int, str]:
    """Bytes one file of ``media_type`` may have, and the variable that sets it.

    A scan delivered as an image (``image/...``) has the PDF limit.

    >>> max_file_bytes("application/pdf")
    (200000000, 'BMA_ETL_MAX_PDF_MB')
    >>> max_file_bytes("image/tiff")[1]
    'BMA_ETL_MAX_PDF_MB'
    """
    scan = media_type == "application/pdf" or media_type.startswith("image/")
    variable, default = ("BMA_ETL_MAX_PDF_MB", DEFAULT_MAX_PDF_MB) \
        if scan else ("BMA_ETL_MAX_TEXT_MB", DEFAULT_MAX_TEXT_MB)
    return int(number_from_env(variable, default) * MB), variable


def read_time_limit() -> float:
    """Seconds reading one file's bytes may take (``BMA_ETL_READ_TIMEOUT``)."""
    return number_from_env("BMA_ETL_READ_TIMEOUT", DEFAULT_READ_TIMEOUT)


def max_pages() -> int:
    """Pages one PDF may have (``BMA_ETL_MAX_PAGES``)."""
    return int(number_from_env("BMA_ETL_MAX_PAGES", DEFAULT_MAX_PAGES))


def max_megapixels() -> float:
    """Megapixels one page may be rendered at for OCR (``BMA_ETL_MAX_MEGAPIXELS``)."""
    return number_from_env("BMA_ETL_MAX_MEGAPIXELS", DEFAULT_MAX_MEGAPIXELS)


def max_chars() -> int:
    """Characters one file's text may have (``BMA_ETL_MAX_CHARS``)."""
    return int(number_from_env("BMA_ETL_MAX_CHARS", DEFAULT_MAX_CHARS))


def number_from_env(name: str, default: float) -> float:
    """The positive number in environment variable ``name``, else ``default``.

    >>> number_from_env("BMA_ETL_NO_SUCH_VARIABLE", 12)
    12
    """
    value = os.environ.get(name, "").replace("_", "").replace(",", "")
    try:
        number = float(value) if value else default
    except ValueError:
        number = -1
    if number <= 0:
        log.warning("%s=%r is not a positive number; using %g", name, value, default)
        return default
    return number


def seconds_from_env(name: str, default: float) -> float:
    """The number of seconds in environment variable ``name``, else ``default``.

    >>> seconds_from_env("BMA_ETL_NO_SUCH_VARIABLE", 7.5)
    7.5
    """
    value = os.environ.get(name, "")
    try:
        return float(value) if value else default
    except ValueError:
        log.warning("%s=%r is not a number of seconds; using %g", name, value, default)
        return default

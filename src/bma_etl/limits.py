"""Limits on what one file may cost, which an operator can change through the environment.

Time: ``BMA_ETL_PDF_TIMEOUT`` (one pdfium call), ``BMA_ETL_OCR_TIMEOUT`` (one page's
OCR) and ``BMA_ETL_FILE_TIMEOUT`` (the stages after reading, per file, in a worker).
Size: ``BMA_ETL_MAX_PAGES`` (pages of one PDF, default 1,000),
``BMA_ETL_MAX_MEGAPIXELS`` (one page's rendering for OCR, default 36: an A2 page at
300 dpi; a bigger page is rendered at a lower resolution, down to 150 dpi) and
``BMA_ETL_MAX_CHARS`` (characters of one file's text, default 5,000,000). A file
over a size limit is quarantined with the limit's name in its reason.
"""

from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)


#: Defaults of the size limits.
DEFAULT_MAX_PAGES = 1000
DEFAULT_MAX_MEGAPIXELS = 36.0
DEFAULT_MAX_CHARS = 5_000_000


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

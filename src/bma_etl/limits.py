"""Time limits an operator can change through the environment.

``BMA_ETL_PDF_TIMEOUT`` (one pdfium call), ``BMA_ETL_OCR_TIMEOUT`` (one page's OCR)
and ``BMA_ETL_FILE_TIMEOUT`` (the stages after reading, per file, in a worker).
"""

from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)


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

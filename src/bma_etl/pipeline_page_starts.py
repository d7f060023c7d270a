"""Whether a page image begins a document, kept under its content hash.

Stage: ingest, joining page images (:mod:`bma_etl.pipeline_pages`). Finding out costs a
page's OCR and its extraction (seconds to a minute); the answer depends only on the
page's bytes, its suffix, the OCR mode, the extractor's version and the OCR engine
(:func:`~bma_etl.read.ocr.engine_version`: Tesseract, its settings and model files). It
is kept beside the OCR cache, one small JSON file a page:
``$BMA_ETL_CACHE/pages/<sha256>.json`` (default ``~/.cache/bma-etl/pages``;
``BMA_ETL_CACHE=off`` keeps nothing), ``{key: true | false}`` with the key naming those
settings, so a folder ingested again is joined as before without reading a page, and
another version or engine decides again. A file that cannot be read or written only logs.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path

from bma_etl import __version__

log = logging.getLogger("bma_etl.pipeline")


def starts_dir() -> Path | None:
    """The folder of the kept answers, beside the OCR cache's; None when caching is off.

    The OCR cache's module (and the OCR reader, numpy among its imports) is loaded here,
    at the first page image, not when the pipeline is: a run of text files never loads it.
    """
    from bma_etl.read.ocr_cache import cache_dir

    ocr = cache_dir()
    return None if ocr is None else ocr.parent / "pages"


def _engine() -> str | None:
    """The OCR engine's name (:func:`~bma_etl.read.ocr.engine_version`), None without one."""
    try:
        from bma_etl.read.ocr import engine_version

        return engine_version()
    except Exception:  # no Tesseract: no page is read, and nothing is kept
        return None


def start_key(path: Path, ocr: str) -> str | None:
    """The settings an answer for ``path`` holds under; None when none can be kept."""
    engine = _engine()
    if engine is None:
        return None
    return f"{__version__} | ocr {ocr} | {path.suffix.lower()} | {engine}"


def known_start(content: str, path: Path, ocr: str) -> bool | None:
    """What the page of SHA-256 ``content`` (named ``path``) was found to do, or None."""
    folder, key = starts_dir(), start_key(path, ocr)
    if folder is None or key is None:
        return None
    file = folder / f"{content}.json"
    try:
        stored = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("page starts %s unreadable (%s); the page is read again", file, exc)
        return None
    value = stored.get(key) if isinstance(stored, dict) else None
    return value if isinstance(value, bool) else None


def keep_start(content: str, path: Path, ocr: str, begins: bool) -> None:
    """Keep what the page of SHA-256 ``content`` does (atomically; a failure only logs)."""
    folder, key = starts_dir(), start_key(path, ocr)
    if folder is None or key is None:
        return
    file = folder / f"{content}.json"
    try:
        stored = json.loads(file.read_text(encoding="utf-8"))
        kept = stored if isinstance(stored, dict) else {}
    except (OSError, ValueError):
        kept = {}
    kept[key] = begins
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(kept, out, ensure_ascii=False, indent=1, sort_keys=True)
        os.replace(tmp, file)
    except OSError as exc:
        log.warning("page starts %s not written (%s)", file, exc)

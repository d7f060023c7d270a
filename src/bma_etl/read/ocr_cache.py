"""OCR results kept on disk, so a document is OCR'd once.

Stage: read. One JSON file per document, named by its ``doc_id`` (the SHA-256 of
its bytes), in ``$BMA_ETL_CACHE/ocr/`` (default ``~/.cache/bma-etl/ocr``;
``BMA_ETL_CACHE=off`` keeps nothing). A page is stored with the engine that read
it (:func:`~bma_etl.read.ocr.engine_version`), so a new Tesseract, new settings
or other model files read the page again. A cache file that cannot be read or written only logs.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path

from bma_etl.read.ocr import OcrPage
from bma_etl.read.ocr_layout import OcrWord

log = logging.getLogger(__name__)


def cache_dir() -> Path | None:
    """Where OCR results are kept, or None when ``BMA_ETL_CACHE=off``."""
    value = os.environ.get("BMA_ETL_CACHE", "")
    if value.lower() in ("off", "none", "0"):
        return None
    if value:
        return Path(value) / "ocr"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    root = Path(xdg) if xdg else Path.home() / ".cache"
    return root / "bma-etl" / "ocr"


class OcrCache:
    """OCR results of one document, kept in one JSON file named by ``doc_id``.

    ``{"doc_id": ..., "pages": {key: page}}``, a page as :func:`page_to_json`
    writes it plus the ``engine`` that read it.
    """

    def __init__(self, doc_id: str, folder: Path | None) -> None:
        self.path = folder / f"{doc_id}.json" if folder is not None else None
        self.doc_id = doc_id
        self.pages: dict[str, dict[str, object]] = {}
        if self.path is not None and self.path.exists():
            try:
                stored = json.loads(self.path.read_text(encoding="utf-8"))
                if stored.get("doc_id") == doc_id:
                    self.pages = dict(stored.get("pages", {}))
            except (OSError, ValueError) as exc:
                log.warning("OCR cache %s unreadable (%s); ignoring it", self.path, exc)

    def get(self, key: str, engine: str | None = None) -> OcrPage | None:
        """The cached page, or None (also when ``engine`` is given and another read it)."""
        entry = self.pages.get(key)
        if engine is not None and isinstance(entry, dict) and entry.get("engine") != engine:
            return None
        try:
            return page_from_json(entry)
        except (TypeError, ValueError, KeyError):
            log.warning("OCR cache %s: entry %s malformed; reading the page again",
                        self.path, key)
            return None

    def put(self, key: str, page: OcrPage, engine: str) -> None:
        """Store one page and write the file (atomically; a failure only logs)."""
        self.pages[key] = {**page_to_json(page), "engine": engine}
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump({"doc_id": self.doc_id, "pages": self.pages}, out,
                          ensure_ascii=False, indent=1, sort_keys=True)
            os.replace(tmp, self.path)
        except OSError as exc:
            log.warning("OCR cache %s not written (%s)", self.path, exc)


def page_to_json(page: OcrPage) -> dict[str, object]:
    """A page as JSON: a word is ``[text, conf, left, top, right, bottom, start]``.

    A word OCR's two models read with other digits (:attr:`OcrWord.doubted`) has
    ``true`` after its start; a word whose Thai digits two readers read alike
    (:attr:`OcrWord.agreed`), ``doubted, true``.

    ``turned`` (degrees clockwise) is written only for a page read turned.
    """
    words = [[w.text, w.conf, *w.box, w.start,
              *([w.doubted, True] if w.agreed else [True] if w.doubted else [])]
             for w in page.words]
    out: dict[str, object] = {"text": page.text, "confidence": page.confidence,
                              "dpi": page.dpi, "words": words}
    if page.turned:
        out["turned"] = page.turned
    return out


def page_from_json(entry: object) -> OcrPage | None:
    """The page :func:`page_to_json` wrote; None for an entry of an older format."""
    if not isinstance(entry, dict) or not isinstance(entry.get("text"), str) \
            or not isinstance(entry.get("words"), list):
        return None
    conf = entry.get("confidence")
    words = tuple(OcrWord(str(text), float(c), (int(x0), int(top), int(x1), int(bottom)),
                          int(start), bool(marks and marks[0]), bool(marks[1:2] and marks[1]))
                  for text, c, x0, top, x1, bottom, start, *marks in entry["words"])
    return OcrPage(entry["text"], float(conf) if isinstance(conf, int | float) else None,
                   words, float(entry.get("dpi") or 0.0), int(entry.get("turned") or 0))

"""OCR of page images: Tesseract reads Thai and English, with each word's box.

Stage: read. Consumes image files (pages rendered by :mod:`.pdf`); produces
each page's text in the text-file shape the extractors read, every word with
its confidence, box and offset in that text, and the mean word confidence
(:class:`OcrPage`, built by :mod:`.ocr_layout`).

- A page scanned askew (up to 1.5 degrees) is turned level first
  (:mod:`.ocr_image`): Tesseract splits the lines of a skewed wide page.
- Each image is read by ``tesseract -l tha+eng``, one process per image with
  ``OMP_THREAD_LIMIT=1``: on two cores that took 1.7-2.9 s a page against
  7-13 s with Tesseract's own threads. As many images are read at once as there
  are CPUs (``BMA_ETL_OCR_JOBS``), each with a time limit
  (``BMA_ETL_OCR_TIMEOUT``). Loading the Thai model costs about 0.1 s of the
  3-4 s a page takes (``bench/pdf_pages.py``), so one process per page costs
  little.
- Results are cached (:class:`OcrCache`) in ``$BMA_ETL_CACHE/ocr/<doc_id>.json``
  (default ``~/.cache/bma-etl``; ``BMA_ETL_CACHE=off`` turns the cache off);
  :mod:`.pdf` names the file by the PDF's content hash, so an unchanged file is
  never OCR'd twice, and a cached page needs no Tesseract.
- Debian's ``tha`` model has no ๔ ๖ ๗ ๘ ๙ and loses ``/`` and SARA AM now and
  then: every value read from an OCR'd document is marked low-confidence in
  provenance (``RepairedText.ocr_used``), never loaded as if sure.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Hashable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from bma_etl.errors import ReadError
from bma_etl.limits import seconds_from_env
from bma_etl.read.ocr_image import deskewed
from bma_etl.read.ocr_layout import OcrWord, page_layout

log = logging.getLogger(__name__)

#: Tesseract languages: Thai with English for the Latin words and digits.
LANG = "tha+eng"
#: Seconds Tesseract may spend on one page (override with ``BMA_ETL_OCR_TIMEOUT``).
DEFAULT_PAGE_TIME_LIMIT = 180.0

INSTALL_HINT = "install Debian's tesseract-ocr and tesseract-ocr-tha (`make venv` does it)"

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class OcrPage:
    """One page as Tesseract read it.

    ``words`` are the words of ``text`` in reading order, each with its
    offset: ``text[w.start:w.end] == w.text`` (see
    :class:`~bma_etl.read.ocr_layout.OcrWord`). Their boxes are in pixels of
    the image read, ``dpi`` pixels to the inch (a PDF point is ``dpi / 72``
    pixels). ``confidence`` is the mean confidence of the pieces Tesseract
    reported for those words (0..100), None when it read none.
    """

    text: str
    confidence: float | None
    words: tuple[OcrWord, ...] = ()
    dpi: float = 0.0


# ------------------------------------------------------------------ the engine


def engine_problem() -> str | None:
    """Why Tesseract cannot OCR Thai here, or None when it can."""
    exe = shutil.which("tesseract")
    if exe is None:
        return f"Tesseract is not installed; {INSTALL_HINT}"
    try:
        listed = subprocess.run([exe, "--list-langs"], capture_output=True, text=True,
                                timeout=30, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"Tesseract does not run ({exc}); {INSTALL_HINT}"
    langs = set(listed.stdout.split())
    missing = [lang for lang in LANG.split("+") if lang not in langs]
    if missing:
        return f"Tesseract has no {'+'.join(missing)} model; {INSTALL_HINT}"
    return None


def engine_version() -> str:
    """``tesseract 5.3.0`` or the like (recorded with cached results)."""
    exe = shutil.which("tesseract")
    if exe is None:
        return "tesseract (missing)"
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30,
                         check=False)
    lines = (out.stdout or out.stderr).splitlines()
    return lines[0].strip() if lines else "tesseract (unknown version)"


def page_time_limit() -> float:
    """Seconds one page's OCR may take."""
    return seconds_from_env("BMA_ETL_OCR_TIMEOUT", DEFAULT_PAGE_TIME_LIMIT)


def jobs() -> int:
    """How many pages are OCR'd at once (``BMA_ETL_OCR_JOBS`` or the CPUs available)."""
    value = os.environ.get("BMA_ETL_OCR_JOBS", "")
    if value.isascii() and value.isdigit() and int(value) > 0:
        return int(value)
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else os.cpu_count() or 1)


def ocr_image(image: Path, *, lang: str = LANG, dpi: float = 300,
              timeout: float | None = None) -> OcrPage:
    """Run Tesseract on one image file (one process, one thread)."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise ReadError(f"Tesseract is not installed; {INSTALL_HINT}")
    limit = page_time_limit() if timeout is None else timeout
    base = image.with_suffix("")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            [exe, str(image), str(base), "-l", lang, "--dpi", str(round(dpi)),
             "-c", "page_separator=", "txt", "tsv"],
            capture_output=True, text=True, timeout=limit, env=env, check=False,
        )
    except subprocess.TimeoutExpired:
        raise ReadError(f"OCR took longer than the {limit:g} s time limit for one page "
                        "(raise BMA_ETL_OCR_TIMEOUT)") from None
    txt, tsv = base.with_suffix(".txt"), base.with_suffix(".tsv")
    try:
        if done.returncode != 0 or not tsv.exists():
            detail = (done.stderr.strip().splitlines() or ["no message"])[-1]
            raise ReadError(f"Tesseract failed ({detail})")
        text, words, confidence = page_layout(
            tsv.read_text(encoding="utf-8", errors="replace"),
            txt.read_text(encoding="utf-8", errors="replace") if txt.exists() else "")
    finally:
        for out in (txt, tsv):
            out.unlink(missing_ok=True)
    return OcrPage(text, confidence, words, dpi)


def read_images(images: Iterable[tuple[K, Path, float]], *, lang: str = LANG,
                describe: Callable[[K], str] = str) -> Iterator[tuple[K, OcrPage]]:
    """OCR ``(key, image file, dpi)`` items, :func:`jobs` at a time; yield ``(key, page)``.

    ``images`` is consumed lazily, so the next page can be rendered while
    Tesseract reads the last one. Each image file is deleted once read. A
    failure raises ReadError prefixed with ``describe(key)``.
    """
    workers = jobs()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending: dict[Future[OcrPage], K] = {}

        def done(futures: Iterable[Future[OcrPage]]) -> Iterator[tuple[K, OcrPage]]:
            for future in futures:
                key = pending.pop(future)
                try:
                    yield key, future.result()
                except ReadError as exc:
                    for other in pending:
                        other.cancel()
                    raise ReadError(f"{describe(key)}: {exc}") from exc

        for key, image, dpi in images:
            pending[pool.submit(_read_and_remove, image, lang, dpi)] = key
            if len(pending) >= workers:
                yield from done(wait(pending, return_when=FIRST_COMPLETED).done)
        while pending:
            yield from done(wait(pending, return_when=FIRST_COMPLETED).done)


def _read_and_remove(image: Path, lang: str, dpi: float) -> OcrPage:
    try:
        straighten(image)
        return ocr_image(image, lang=lang, dpi=dpi)
    finally:
        image.unlink(missing_ok=True)


def straighten(image: Path) -> None:
    """Turn a skewed page image level, in place (:func:`~.ocr_image.deskewed`).

    Generated scans (tops of text-layer fixture pages at 200 dpi, turned
    0.7-1.3 degrees; CER against the text they were rendered from): 000 p1
    10.6 % → 2.8 %, 002 p2 1.4 → 1.3 %, 003 p1 2.1 → 1.9 %, 003 p7 5.1 → 4.2 %;
    level pages unchanged. Skew and noise together stay poor (000 p1 at 150 dpi:
    26 % → 17 %). It costs about 0.3 s a page; a level page is left as it is.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(image) as opened:
            page = opened.convert("L")
    except (OSError, UnidentifiedImageError) as exc:
        raise ReadError(f"page image unreadable ({exc})") from None
    level = deskewed(page)
    if level is not page:
        level.save(image)


# ------------------------------------------------------------------- the cache


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

    def get(self, key: str) -> OcrPage | None:
        """The cached page, or None."""
        entry = self.pages.get(key)
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
    """A page as JSON: a word is ``[text, conf, left, top, right, bottom, start]``."""
    return {"text": page.text, "confidence": page.confidence, "dpi": page.dpi,
            "words": [[w.text, w.conf, *w.box, w.start] for w in page.words]}


def page_from_json(entry: object) -> OcrPage | None:
    """The page :func:`page_to_json` wrote; None for an entry of an older format."""
    if not isinstance(entry, dict) or not isinstance(entry.get("text"), str) \
            or not isinstance(entry.get("words"), list):
        return None
    conf = entry.get("confidence")
    words = tuple(OcrWord(str(text), float(c), (int(x0), int(top), int(x1), int(bottom)),
                          int(start))
                  for text, c, x0, top, x1, bottom, start in entry["words"])
    return OcrPage(entry["text"], float(conf) if isinstance(conf, int | float) else None,
                   words, float(entry.get("dpi") or 0.0))

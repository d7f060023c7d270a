"""OCR of PDF pages: pypdfium2 renders them, Tesseract reads Thai and English.

Stage: read. Consumes a PDF's bytes and the indexes of the pages to read;
produces each page's text with Tesseract's mean word confidence.

- Pages are rendered in grey at :data:`DPI` by the PDF worker process (with
  its time limit, :func:`~bma_etl.read.pdf_worker.call_with_time_limit`) and read by
  ``tesseract -l tha+eng``, one page per process with ``OMP_THREAD_LIMIT=1``:
  on two cores that took 1.7-2.9 s a page against 7-13 s with Tesseract's own
  threads. As many pages run at once as there are CPUs (``BMA_ETL_OCR_JOBS``),
  each with a time limit (``BMA_ETL_OCR_TIMEOUT``).
- Results are cached by the PDF's content hash in
  ``$BMA_ETL_CACHE/ocr/<sha256>.json`` (default ``~/.cache/bma-etl``;
  ``BMA_ETL_CACHE=off`` turns the cache off), so an unchanged file is never
  OCR'd twice; a cached page needs no Tesseract.
- Debian's ``tha`` model has no ๔ ๖ ๗ ๘ ๙ and loses ``/`` and SARA AM now and
  then: every value read from an OCR'd document is marked low-confidence in
  provenance (``RepairedText.ocr_used``), never loaded as if sure.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass
from pathlib import Path

from bma_etl.errors import ReadError
from bma_etl.limits import seconds_from_env
from bma_etl.read.pdf import open_pdf
from bma_etl.read.pdf_worker import call_with_time_limit

log = logging.getLogger(__name__)

#: Resolution pages are rendered at for OCR.
DPI = 300
#: Tesseract languages: Thai with English for the Latin words and digits.
LANG = "tha+eng"
#: Seconds Tesseract may spend on one page (override with ``BMA_ETL_OCR_TIMEOUT``).
DEFAULT_PAGE_TIME_LIMIT = 180.0
#: Largest rendering in pixels (an A2 page at 300 dpi); bigger pages are rendered smaller.
MAX_PIXELS = 36_000_000
#: Bump when the cached shape or the OCR settings change.
CACHE_FORMAT = 1

#: Spaces in a row that Tesseract writes only for a wide gap (a tab or a cell border).
GAP_SPACES = 3
_GAP = re.compile(f" {{{GAP_SPACES},}}")

INSTALL_HINT = "install Debian's tesseract-ocr and tesseract-ocr-tha (`make venv` does it)"


@dataclass(frozen=True, slots=True)
class OcrPage:
    """One page as Tesseract read it."""

    text: str
    confidence: float | None  # mean word confidence, 0..100; None when no word was read
    words: int = 0


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


def ocr_image(image: Path, *, lang: str = LANG, dpi: int = DPI,
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
            [exe, str(image), str(base), "-l", lang, "--dpi", str(dpi),
             "-c", "page_separator=", "txt", "tsv"],
            capture_output=True, text=True, timeout=limit, env=env, check=False,
        )
    except subprocess.TimeoutExpired:
        raise ReadError(f"OCR took longer than the {limit:g} s time limit for one page "
                        "(raise BMA_ETL_OCR_TIMEOUT)") from None
    txt, tsv = base.with_suffix(".txt"), base.with_suffix(".tsv")
    if done.returncode != 0 or not txt.exists():
        detail = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise ReadError(f"Tesseract failed ({detail})")
    text = clean_ocr_text(txt.read_text(encoding="utf-8", errors="replace"))
    confidence, words = tsv_confidence(tsv.read_text(encoding="utf-8", errors="replace")
                                       if tsv.exists() else "")
    for out in (txt, tsv):
        out.unlink(missing_ok=True)
    return OcrPage(text, confidence, words)


def clean_ocr_text(text: str) -> str:
    r"""Tesseract's text with wide gaps as tabs, trailing blanks and form feeds dropped.

    Tesseract writes a run of spaces where a line has a wide gap (between
    table cells); like the text-layer reader, a run of :data:`GAP_SPACES` or
    more becomes a tab, so cells stay cells.

    >>> clean_ocr_text("รายงานครั้งที่1        :: 30/10/2562 :  \n\nปีงบประมาณ\n\n\f")
    'รายงานครั้งที่1\t:: 30/10/2562 :\n\nปีงบประมาณ'
    """
    lines = [_GAP.sub("\t", line.rstrip()) for line in text.replace("\f", "\n").splitlines()]
    return "\n".join(lines).strip("\n")


def tsv_confidence(tsv: str) -> tuple[float | None, int]:
    r"""Mean word confidence (0..100) and word count from Tesseract's TSV output.

    >>> tsv_confidence("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop"
    ...                "\twidth\theight\tconf\ttext\n5\t1\t1\t1\t1\t1\t0\t0\t9\t9\t90\tก\n"
    ...                "5\t1\t1\t1\t1\t2\t9\t0\t9\t9\t80\tข\n4\t1\t1\t1\t1\t0\t0\t0\t1\t1\t-1\t")
    (85.0, 2)
    """
    scores: list[float] = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or not cells[11].strip():
            continue
        try:
            conf = float(cells[10])
        except ValueError:
            continue
        if conf >= 0:
            scores.append(conf)
    if not scores:
        return None, 0
    return round(sum(scores) / len(scores), 2), len(scores)


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


def page_key(index: int, lang: str, dpi: int) -> str:
    """The cache key of one page's OCR with these settings."""
    return f"{CACHE_FORMAT}/{lang}/{dpi}/{index}"


class OcrCache:
    """OCR results of one PDF, kept in one JSON file named by its content hash."""

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
        text = entry.get("text") if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or not isinstance(text, str):
            return None
        conf = entry.get("confidence")
        words = entry.get("words", 0)
        return OcrPage(text, float(conf) if isinstance(conf, int | float) else None,
                       words if isinstance(words, int) else 0)

    def put(self, key: str, page: OcrPage, engine: str) -> None:
        """Store one page and write the file (atomically; a failure only logs)."""
        self.pages[key] = {**asdict(page), "engine": engine}
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


# ------------------------------------------------------------------ the pages


def render_page(data: bytes, name: str, index: int, path: str, dpi: int) -> None:
    """Render one page in grey to an image file (runs in the PDF worker)."""
    pdf = open_pdf(data, name)
    try:
        page = pdf[index]
        try:
            width, height = page.get_size()
            scale = dpi / 72
            if width * height * scale * scale > MAX_PIXELS:
                scale = math.sqrt(MAX_PIXELS / (width * height))
            page.render(scale=scale, grayscale=True).to_pil().save(path)
        finally:
            page.close()
    finally:
        pdf.close()


def ocr_pdf_pages(data: bytes, indexes: Sequence[int], *, name: str = "file.pdf",
                  dpi: int = DPI, lang: str = LANG) -> dict[int, OcrPage]:
    """OCR the given pages (0-based) of a PDF; cached pages are not read again.

    Raises ReadError when a page is not cached and Tesseract is missing, or a
    page fails or exceeds its time limit.
    """
    cache = OcrCache(hashlib.sha256(data).hexdigest(), cache_dir())
    results: dict[int, OcrPage] = {}
    todo: list[int] = []
    for index in indexes:
        hit = cache.get(page_key(index, lang, dpi))
        if hit is None:
            todo.append(index)
        else:
            results[index] = hit
    if not todo:
        return results
    problem = engine_problem()
    if problem:
        raise ReadError(f"{name}: pages need OCR but {problem}")
    engine = engine_version()
    workers = jobs()
    with tempfile.TemporaryDirectory(prefix="bma-etl-ocr-") as tmp, \
            ThreadPoolExecutor(max_workers=workers) as pool:
        pending: dict[Future[OcrPage], int] = {}

        def collect(done: Iterable[Future[OcrPage]]) -> None:
            for future in done:
                index = pending.pop(future)
                try:
                    page = future.result()
                except ReadError as exc:
                    raise ReadError(f"{name}: page {index + 1}: {exc}") from exc
                results[index] = page
                cache.put(page_key(index, lang, dpi), page, engine)

        for index in todo:
            image = Path(tmp) / f"page-{index}.pgm"
            call_with_time_limit(render_page, data, name, index, str(image), dpi,
                                 what=f"{name}: rendering page {index + 1}")
            pending[pool.submit(_ocr_and_remove, image, lang, dpi)] = index
            if len(pending) >= workers:
                collect(wait(pending, return_when=FIRST_COMPLETED).done)
        collect(wait(pending).done)
    log.info("%s: OCR'd %d pages with %s", name, len(todo), engine)
    return results


def _ocr_and_remove(image: Path, lang: str, dpi: int) -> OcrPage:
    try:
        return ocr_image(image, lang=lang, dpi=dpi)
    finally:
        image.unlink(missing_ok=True)

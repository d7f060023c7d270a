"""OCR of page images: Tesseract reads Thai and English, with each word's box.

Stage: read. Consumes image files (pages rendered by :mod:`.pdf`); produces each page's
text in the text-file shape the extractors read, every word with its confidence, box and
offset in that text, and the mean word confidence (:class:`OcrPage`, :mod:`.ocr_layout`).

- A page scanned askew (up to 1.5 degrees) is turned level first, its noise filtered
  out (:mod:`.ocr_image`) and a grey page's paper made white (:func:`~.ocr_paper.whitened`):
  Tesseract splits a skewed wide page's lines, and reads specks as marks and letters.
- A page image stored turned (90, 180 or 270 degrees) is read again upright when
  its first reading is sideways or poor (:mod:`.ocr_orient`).
- Tesseract's lines are at least :data:`MIN_LINE_SIZE` blob heights tall, so the
  tone marks and upper vowels drawn high over a line stay in it instead of
  making lines of their own. Its page layout then now and then leaves a whole
  line of text out of its blocks: bands of ink that no word of the page covers
  are read again on their own (:func:`~.ocr_tsv.missed_bands`).
- Words the page reading may have given the wrong model are read again alone
  (:mod:`.ocr_rereads`): Latin junk on a Thai line in Thai, and every word holding
  an Arabic digit in English; a word whose digits the English model reads
  otherwise is marked doubted (:attr:`~.ocr_layout.OcrWord.doubted`, its confidence
  Tesseract's own), and the numbers read from it are not loaded unconfirmed
  (:mod:`bma_etl.normalize.trust`).
- A word the Thai model read holding a Thai digit is read again glyph by glyph against
  the installed Thai fonts' digits (:mod:`.ocr_thai_digits`): the model has no ``๔ ๖ ๗ ๘ ๙``.
- Each image is read by Tesseract (``tha+eng``) in this process, through tesserocr's
  binding of its C API: engines are kept for the life of the process (the Thai model
  loads once per worker thread, not once per page), each running one thread
  (``OMP_THREAD_LIMIT=1``). As many pages are read at once as there are CPUs
  (``BMA_ETL_OCR_JOBS``), each with a time limit (``BMA_ETL_OCR_TIMEOUT``).
  ``bench/pdf_pages.py`` measures it against rendering and ``tesseract`` run one page at a time.
- Results are cached (:class:`~.ocr_cache.OcrCache`) in ``$BMA_ETL_CACHE/ocr/<doc_id>.json``
  (default ``~/.cache/bma-etl``, ``off``: none), named by the file's hash.
- Debian's ``tha`` model has no ๔ ๖ ๗ ๘ ๙ and loses ``/`` and SARA AM now and then:
  every value read by OCR is marked low-confidence (``RepairedText.ocr_used``).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import threading
from collections.abc import Callable, Hashable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from bma_etl.errors import ReadError
from bma_etl.limits import seconds_from_env
from bma_etl.read.ocr_image import PageRules, levelled, median3, page_rules
from bma_etl.read.ocr_layout import OcrWord, page_layout
from bma_etl.read.ocr_leaders import without_leaders
from bma_etl.read.ocr_orient import read_upright
from bma_etl.read.ocr_paper import whitened
from bma_etl.read.ocr_rereads import LATIN_ONLY, THAI_ONLY, digit_readings, thai_readings
from bma_etl.read.ocr_streaks import crossed_words, without_hidden_digits, without_streaks
from bma_etl.read.ocr_thai_digits import thai_digit_readings, with_run_boxes
from bma_etl.read.ocr_tsv import (
    AGREED,
    digit_words,
    latin_words,
    missed_bands,
    shifted_tsv,
    tsv_and_text,
    with_words_doubted,
    with_words_replaced,
)

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)

#: Tesseract languages: Thai with English for the Latin words and digits.
LANG = "tha+eng"
#: Seconds Tesseract may spend on one page (override with ``BMA_ETL_OCR_TIMEOUT``).
DEFAULT_PAGE_TIME_LIMIT = 180.0

INSTALL_HINT = "install Debian's tesseract-ocr-tha (`make venv` does it)"

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class OcrPage:
    """One page as Tesseract read it.

    ``words`` are the words of ``text`` in reading order, each with its
    offset: ``text[w.start:w.end] == w.text`` (see
    :class:`~bma_etl.read.ocr_layout.OcrWord`). Their boxes are in pixels of
    the image read, ``dpi`` pixels to the inch (a PDF point is ``dpi / 72``
    pixels). ``confidence`` is the mean confidence of the pieces Tesseract
    reported for those words (0..100), None when it read none. ``turned`` is
    how many degrees clockwise (0, 90, 180, 270) the stored image was turned
    to be read upright (:mod:`.ocr_orient`); the boxes are in the turned image.
    """

    text: str
    confidence: float | None
    words: tuple[OcrWord, ...] = ()
    dpi: float = 0.0
    turned: int = 0


# ------------------------------------------------------------------ the engine

#: Where Debian, Fedora, Homebrew and source builds put Tesseract's models.
TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata", "/usr/local/share/tessdata", "/opt/homebrew/share/tessdata",
)


def tessdata_dir() -> str | None:
    """The folder holding ``tha.traineddata`` (``TESSDATA_PREFIX`` first), or None."""
    candidates = [os.environ.get("TESSDATA_PREFIX", ""), *TESSDATA_DIRS]
    for folder in candidates:
        if folder and all(Path(folder, f"{lang}.traineddata").is_file()
                          for lang in LANG.split("+")):
            return folder.rstrip("/") + "/"
    return None


def model_identity(folder: str | None = None) -> str:
    """Name the model files OCR reads with, in 12 hex digits, or ``"none"``.

    The start of the SHA-256 of the ``LANG`` traineddata files in ``folder``
    (default :func:`tessdata_dir`); ``"none"`` when they are missing.
    """
    folder = folder if folder is not None else tessdata_dir()
    if folder is None:
        return "none"
    files = [Path(folder, f"{lang}.traineddata") for lang in LANG.split("+")]
    try:
        stamps = tuple((str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in files)
    except OSError:
        return "none"
    return _hash_files(stamps)


@functools.lru_cache(maxsize=8)
def _hash_files(stamps: tuple[tuple[str, int, int], ...]) -> str:
    digest = hashlib.sha256()
    for name, _size, _mtime in stamps:
        digest.update(Path(name).read_bytes())
    return digest.hexdigest()[:12]


def engine_problem() -> str | None:
    """Why Tesseract cannot OCR Thai here, or None when it can."""
    try:
        import tesserocr  # noqa: F401
    except ImportError as exc:
        return f"the tesserocr package does not load ({exc}); reinstall bma-etl"
    if tessdata_dir() is None:
        return (f"Tesseract has no {LANG} model (set TESSDATA_PREFIX to the folder of "
                f"tha.traineddata); {INSTALL_HINT}")
    return None


#: Least height of a text line, in blob heights (Tesseract's
#: ``textord_min_linesize``, 1.25 by default). With the default, tone marks drawn
#: high above their letters (``ผู้รับจ้าง``, ``ไม่มี``) form rows of their own, which
#: are dropped as specks or read as junk, and the line below loses them. On 13
#: generated scans (after :func:`~.ocr_image.cleaned`) marks lost: 1.25: 296, 1.8:
#: 261, 2.0: 205, 2.5: 165, 3.0: 198, 4.0: 686 (lines run together); fields read
#: right on the corpus's fpdf2 scans (seeds 7 and 11): 1.25: 50 / 60 %, 2.0:
#: 55 / 72 %, 2.5: 52 / 71 %.
MIN_LINE_SIZE = 2.5

#: Settings the engine reads with (and the image clean-up), named in the cache:
#: results read otherwise are read again.
ENGINE_SETTINGS = (f"psm 3 min_linesize {MIN_LINE_SIZE:g} median 3 missed-lines latin-in-thai "
                   "ruled-rows rules-before-median colour-ink-dropped even-light skew 3 "
                   "paper-light-fitted upright faded-stretched-denoised dotted-pages-blurred "
                   "fax-rules digits-in-eng-flagged grey-whitened side-blocks-rowed "
                   "cut-rows-closed thai-points-unweighed missed-lines-past-rules "
                   "thai-words-one-unsure two-columns-apart leaders-erased "
                   "rule-specks-rowed-in-tables holes-whitened tall-rows-by-height "
                   "thai-digit-runs-marks tab-stops-from-word-starts thai-digits-worn "
                   "fax-pixels-squared feeder-streaks-erased thai-digits-agreed "
                   "narrow-tabs-at-columns wide-streaks-hidden-doubted solid-bars-whitened")


def engine_version() -> str:
    """Name the engine, its settings and its model files.

    ``tesseract 5.5.4 psm 3 ... model 1f2e3d4c5b6a``, the model as
    :func:`model_identity` names it (a short hash of the traineddata files).
    Recorded with cached results, which are used only when it matches: another
    Tesseract, other settings or another ``tha``/``eng`` model read pages again.
    """
    import tesserocr

    version = str(tesserocr.tesseract_version()).splitlines()[0].strip()
    return f"{version} {ENGINE_SETTINGS} model {model_identity()}"


class _Engines:
    """Tesseract engines kept for the life of the process, one per thread at a time.

    Loading the Thai model costs a tenth of a second or more; an engine is taken
    for one page and given back, so a batch loads it once per worker thread.
    """

    def __init__(self) -> None:
        self._idle: dict[str, list[object]] = {}
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def engine(self, lang: str) -> Iterator[object]:
        with self._lock:
            idle = self._idle.setdefault(lang, [])
            api = idle.pop() if idle else None
        if api is None:
            api = _new_engine(lang)
        try:
            yield api
        except BaseException:
            api.End()  # type: ignore[attr-defined]  # a failed engine is not reused
            raise
        with self._lock:
            self._idle[lang].append(api)


def _new_engine(lang: str) -> object:
    # One thread per engine: pages run in parallel across engines instead, which
    # on two cores beat Tesseract's own OpenMP threads (1.7-2.9 s a page against
    # 7-13 s). Set before the library first starts OpenMP.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    import tesserocr

    folder = tessdata_dir()
    if folder is None:
        raise ReadError(f"Tesseract has no {lang} model; {INSTALL_HINT}")
    try:
        api = tesserocr.PyTessBaseAPI(path=folder, lang=lang, psm=tesserocr.PSM.AUTO)
    except RuntimeError as exc:
        raise ReadError(f"Tesseract cannot load {lang} from {folder} ({exc})") from None
    if folder not in _LOGGED_MODELS:
        _LOGGED_MODELS.add(folder)
        log.info("OCR model: %s from %s (%s)", lang, folder, model_identity(folder))
    api.SetVariable("textord_min_linesize", f"{MIN_LINE_SIZE:g}")
    # Not set: tessedit_do_invert=0 (no inverted second reading of doubtful lines)
    # is 4 % faster but lost whole lines of a generated 200 dpi scan.
    return api


_ENGINES = _Engines()
_LOGGED_MODELS: set[str] = set()
#: tesserocr's PSM.AUTO and PSM.SINGLE_BLOCK (Tesseract's modes 3, 6; 7, one line:
#: :data:`~.ocr_rereads.PSM_SINGLE_LINE`).
PSM_AUTO, PSM_SINGLE_BLOCK = 3, 6


def page_time_limit() -> float:
    """Seconds one page's OCR may take."""
    return seconds_from_env("BMA_ETL_OCR_TIMEOUT", DEFAULT_PAGE_TIME_LIMIT)


def jobs() -> int:
    """Count the pages OCR'd at once: ``BMA_ETL_OCR_JOBS``, else one more than the CPUs.

    A page's rendering, straightening and layout hold the GIL; a third engine on
    two cores keeps the cores busy meanwhile (0.49 → 0.44 of the bare way's time).
    """
    value = os.environ.get("BMA_ETL_OCR_JOBS", "")
    if value.isascii() and value.isdigit() and int(value) > 0:
        return int(value)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
        else os.cpu_count() or 1
    return max(1, cpus) + 1


def ocr_image(image: Path | Image.Image, *, lang: str = LANG, dpi: float = 300,
              timeout: float | None = None, rules: PageRules | None = None) -> OcrPage:
    """Read one page image (a file or a Pillow image) with an in-process engine.

    ``rules``: the page's table rules, found on the image before its noise was
    filtered (:func:`~.ocr_image.levelled`); None finds them on ``image``.
    """
    limit = page_time_limit() if timeout is None else timeout
    page = _open_image(image) if isinstance(image, Path) else image
    with _ENGINES.engine(lang) as api:
        api.SetImage(page)  # type: ignore[attr-defined]
        api.SetSourceResolution(round(dpi))  # type: ignore[attr-defined]
        if not api.Recognize(timeout=round(limit * 1000)):  # type: ignore[attr-defined]
            raise ReadError(f"OCR took longer than the {limit:g} s time limit for one page "
                            "(raise BMA_ETL_OCR_TIMEOUT), or Tesseract failed")
        tsv, txt = tsv_and_text(api, page.width, page.height)
        missed = missed_bands(page, tsv)
        if missed:  # each band as one block: the page's layout left it out once already
            api.SetPageSegMode(PSM_SINGLE_BLOCK)  # type: ignore[attr-defined]
        for n, (top, bottom) in enumerate(missed, start=1):
            band = page.crop((0, top, page.width, bottom))
            api.SetImage(band)  # type: ignore[attr-defined]
            api.SetSourceResolution(round(dpi))  # type: ignore[attr-defined]
            if not api.Recognize(timeout=round(limit * 1000)):  # type: ignore[attr-defined]
                break
            band_tsv, band_txt = tsv_and_text(api, band.width, band.height)
            tsv += shifted_tsv(band_tsv, top, n)
            txt += "\n" + band_txt
        if missed:
            api.SetPageSegMode(PSM_AUTO)  # type: ignore[attr-defined]
        api.Clear()  # type: ignore[attr-defined]
    latin = latin_words(tsv)
    if latin:
        with _ENGINES.engine(THAI_ONLY) as thai:
            tsv, txt = with_words_replaced(tsv, txt, thai_readings(thai, page, latin, dpi, limit))
    agreed: set[int] = set()
    thai_digits = thai_digit_readings(page, tsv, txt, agreed)
    if thai_digits:  # the Thai model has no ๔ ๖ ๗ ๘ ๙: read glyph by glyph
        tsv, txt = with_words_replaced(with_run_boxes(tsv, thai_digits), txt, thai_digits)
    tsv = with_words_doubted(tsv, agreed, AGREED)  # (the rows replaced are not among them)
    digits = digit_words(tsv)
    if digits:  # the Thai model's Arabic digits are weak: read them again in English
        with _ENGINES.engine(LATIN_ONLY) as english:
            tsv = with_words_doubted(tsv, digit_readings(english, page, digits, dpi, limit))
    found = page_rules(page, dpi) if rules is None else rules
    tsv = with_words_doubted(tsv, crossed_words(tsv, found.hidden))  # a streak hid ink
    text, words, confidence = page_layout(tsv, txt, found)
    text, words = without_hidden_digits(text, words, found.hidden)  # ``ร้อ6ละ``: a letter
    return OcrPage(text, confidence, words, dpi)


def read_images(images: Iterable[tuple[K, Path, float, bool]], *, lang: str = LANG,
                describe: Callable[[K], str] = str) -> Iterator[tuple[K, OcrPage]]:
    """OCR ``(key, image file, dpi, filtered)`` items, :func:`jobs` at a time; yield pages.

    ``filtered``: the image's noise is filtered out already (a low-resolution
    scan read on its own grid, :func:`~.ocr_grid.on_grid`); :func:`~.ocr_image.cleaned`
    filters the others. Pages are yielded as ``(key, page)``.

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

        for key, image, dpi, filtered in images:
            pending[pool.submit(_read_and_remove, image, lang, dpi, filtered)] = key
            if len(pending) >= workers:
                yield from done(wait(pending, return_when=FIRST_COMPLETED).done)
        while pending:
            yield from done(wait(pending, return_when=FIRST_COMPLETED).done)


def _read_and_remove(image: Path, lang: str, dpi: float, filtered: bool = False) -> OcrPage:
    try:
        return read_upright(_open_image(image),
                            lambda page: _read_level(page, lang, dpi, filtered), dpi)
    finally:
        image.unlink(missing_ok=True)


def _read_level(page: Image.Image, lang: str, dpi: float, filtered: bool) -> OcrPage:
    """OCR a page :func:`~.ocr_image.cleaned`, its rules found before the median.

    A form's dotted leaders are erased first (:func:`~.ocr_leaders.without_leaders`),
    a sheet feeder's streaks down the page before that (:func:`~.ocr_streaks.without_streaks`),
    and punched holes' shadows in its margin (:func:`~.ocr_holes.without_holes`) and solid
    bars across it (:func:`~.ocr_bars.without_bars`) before those.
    """
    from bma_etl.read.ocr_bars import without_bars
    from bma_etl.read.ocr_holes import without_holes

    level = without_bars(without_holes(levelled(page), dpi), dpi)  # a faxed web page's bar
    rules = page_rules(level, dpi)  # a dotted rule's dots are no leader's: found first
    level, rules = without_streaks(level, dpi, rules)  # a sheet feeder's line: no rule
    level = without_leaders(level, dpi)
    return ocr_image(level if filtered else whitened(median3(level)), lang=lang, dpi=dpi,
                     rules=rules)


def _open_image(image: Path) -> Image.Image:
    from PIL import Image as PilImage
    from PIL import UnidentifiedImageError

    from bma_etl.read.ocr_colour import dropped_colour, has_coloured_ink

    try:
        with PilImage.open(image) as opened:
            return dropped_colour(opened) if has_coloured_ink(opened) else opened.convert("L")
    except (OSError, UnidentifiedImageError) as exc:
        raise ReadError(f"page image unreadable ({exc})") from None

"""Read a PDF page by page: the text layer with pypdfium2, OCR where there is none.

Stage: read. Consumes a PDF's bytes; produces the text of every page (pages
joined by a newline), the offset each page starts at (so provenance can name
the page) and whether any page was read by OCR. A sheet holding two pages side
by side (2-up, found from its geometry: :mod:`.pdf_sheets`) is two pages, left
then right; a page's number is its place in that order (:mod:`.pdf_layers`).

Every page is put in one of four kinds:

``text``
    a usable text layer, read with pypdfium2 (on this project's fixtures: no
    character errors against pdfplumber's 2 %, and over 20 times faster;
    ``bench/pdf_pages.py``). The page's geometry puts the text into the shape
    the extractors read in text files: spaces pdfium invents inside a Thai
    cluster are dropped and marks written out of order go back to their
    letter; a gap wider than :data:`~bma_etl.read.pdf_glyphs.TAB_GAP_EM` is a tab; a table's rows
    get one tab per column they skip (so empty cells stay cells); space
    between paragraphs becomes blank lines; a BE year whose last digit fell on
    a line of its own is joined; a ruled table row a page break cut is one row
    again, on the page it starts on (:mod:`.pdf_breaks`).
``damaged``
    a text layer so damaged that what :func:`~bma_etl.textnorm.repair_text`
    leaves still scores above :data:`MAX_DAMAGE` (glyphs with no text mapping
    count as damage; a mark with no letter before it counts only when the page
    draws it over a letter, see :func:`~.pdf_clusters.loose_marks`), or a layer
    that is not the page's text: over a page-size image, one with almost no
    Thai or with runs of Latin junk (another program's failed OCR, a scanner
    app's watermark; see :func:`not_its_text`).
    Read by OCR instead when OCR is allowed and Tesseract is there, otherwise
    kept as it is. A page with no page-size image is never taken for a scan,
    whatever its letters: plans and web pages carry English words and URLs.
``image``
    no usable text but images, or letters drawn as shapes (text converted to
    outlines, :func:`~.pdf_kind.draws_text`): a scanned page, rendered here at :data:`DPI`
    and read by OCR (:mod:`.ocr`), which gives each word its box and
    confidence. OCR results are cached by the PDF's content hash.
``blank``
    neither text nor images.

``--ocr never`` refuses a PDF none of whose pages has a text layer; ``always``
OCRs every page. All pdfium work runs in a worker process with a time limit per
call (:func:`~bma_etl.read.pdf_worker.call_with_time_limit`), so a PDF that hangs
or crashes the parser is quarantined with a :class:`~bma_etl.errors.ReadError` and
the batch goes on.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate
from pathlib import Path
from typing import Literal, TypeVar

from bma_etl.errors import ReadError
from bma_etl.limits import max_megapixels, max_pages
from bma_etl.read import ocr as ocr_engine
from bma_etl.read.ocr import OcrPage, OcrWord
from bma_etl.read.ocr_bleed import left_out
from bma_etl.read.ocr_cache import OcrCache, cache_dir
from bma_etl.read.ocr_grid import GRID_FILTER, scan_grids, surer
from bma_etl.read.ocr_tidy import tidied
from bma_etl.read.pdf_forms import Box
from bma_etl.read.pdf_kind import PAGE_IMAGE, glyph_codes, letter_spaced, not_its_text
from bma_etl.read.pdf_layers import MIN_CHARS_PER_PAGE, PageLayer, read_layers
from bma_etl.read.pdf_open import render_page
from bma_etl.read.pdf_worker import call_with_time_limit
from bma_etl.textnorm import damage_score, join_split_year, repair_text

log = logging.getLogger(__name__)

OCR_MODES = ("auto", "always", "never")

#: Share of Thai clusters still damaged after repair above which a page is OCR'd.
#: The damaged Royal Gazette fixture scores 0.003-0.008 after repair and reads right.
MAX_DAMAGE = 0.03
#: Resolution pages are rendered at for OCR.
DPI = 300
#: Bump when the cached OCR's shape or settings change (2: words and layout from TSV).
OCR_CACHE_FORMAT = 2
#: What an unmapped glyph right after SARA AM counts for in the damage score (a
#: lost letter counts 1): HarfBuzz-shaped PDFs leave every SARA AM's second half
#: unmapped, and at 1 a page of a few short lines would cross MAX_DAMAGE.
AM_TAIL_WEIGHT = 0.1
PageKind = Literal["text", "damaged", "image", "blank"]
#: Why a page of a kind was OCR'd (:attr:`PdfText.ocr_note`); any other, ``--ocr always``.
_OCR_WHY = {"image": "scanned", "damaged": "text layer damaged"}
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PdfPage:
    """One page's text and how it was read."""

    text: str
    kind: PageKind
    wraps: tuple[int, ...] = ()  # 0-based lines of ``text`` that go on in the next line
    damage: float = 0.0
    ocr: bool = False
    confidence: float | None = None  # mean Tesseract word confidence, 0..100
    #: OCR'd words with their offsets in :attr:`text` (see :class:`~.ocr.OcrPage`).
    words: tuple[OcrWord, ...] = ()
    dpi: float = 0.0  # pixels per inch of the image the words' boxes are in
    spaced: tuple[int, ...] = ()  # of ``wraps``, the lines wrapped at a space
    #: The reader measured the page's lines for wraps (its text layer, as laid out):
    #: a line not in ``wraps`` ends where its writer ended it.
    judged: bool = False
    unreadable: float = 0.0  # OCR'd, left out: its letters' share read poorly (.ocr_bleed)
    recoded: bool = False  # its layer was TIS-620 shown as Latin-1, decoded (.legacy_thai)
    turned: int = 0  # degrees clockwise an OCR'd page's image was turned to be read
    #: Cells of its text layer in which two texts are printed over each other, as read
    #: (:mod:`.pdf_overprint`).
    overprints: tuple[str, ...] = ()
    #: Filled form fields left at their boxes, on no text line (:attr:`.PageLayer.unplaced`).
    unplaced: tuple[str, ...] = ()
    #: The PDF page (0-based) it was read from (both halves of a 2-up sheet); None: no PDF's.
    sheet: int | None = None


@dataclass(frozen=True, slots=True)
class PdfText:
    """A PDF's pages, in order."""

    pages: tuple[PdfPage, ...]

    @property
    def text(self) -> str:
        """Every page's text, pages joined by a newline."""
        return "\n".join(p.text for p in self.pages)

    @property
    def page_starts(self) -> tuple[int, ...]:
        """Offset in :attr:`text` where each page starts."""
        return tuple(accumulate((len(p.text) + 1 for p in self.pages[:-1]), initial=0))

    @property
    def wraps(self) -> frozenset[int]:
        """1-based numbers of the lines of :attr:`text` that go on in the next line."""
        out: set[int] = set()
        first = 1
        for page in self.pages:
            out.update(first + i for i in page.wraps)
            first += page.text.count("\n") + 1
        return frozenset(out)

    @property
    def judged(self) -> frozenset[int]:
        """1-based numbers of the pages whose lines the reader measured for wraps."""
        return frozenset(i for i, page in enumerate(self.pages, start=1) if page.judged)

    @property
    def spaced(self) -> frozenset[int]:
        """Of :attr:`wraps`, the lines the page wrapped at a space (a space the writer set)."""
        out: set[int] = set()
        first = 1
        for page in self.pages:
            out.update(first + i for i in page.spaced)
            first += page.text.count("\n") + 1
        return frozenset(out)

    @property
    def ocr_used(self) -> bool:
        """Whether any page was read by OCR."""
        return any(p.ocr for p in self.pages)

    @property
    def ocr_confidence(self) -> float | None:
        """Mean OCR confidence (0..100) over the OCR'd pages that report one."""
        scores = [p.confidence for p in self.pages if p.ocr and p.confidence is not None]
        return round(sum(scores) / len(scores), 2) if scores else None

    @property
    def ocr_note(self) -> str | None:
        """How many pages OCR read and why, for a person: ``OCR 1 of 2 pages: text layer damaged``.

        Why: ``scanned`` (a page that is an image), ``text layer damaged`` (a text layer
        judged damaged, read again by OCR), ``--ocr always``. None when OCR read no page.
        """
        read = [p for p in self.pages if p.ocr]
        if not read:
            return None
        why = dict.fromkeys(_OCR_WHY.get(p.kind, "--ocr always") for p in read)
        total = len(self.pages)
        return f"OCR {len(read)} of {total} page{'s' * (total > 1)}: {', '.join(why)}"

    @property
    def turned(self) -> tuple[tuple[int, int], ...]:
        """OCR'd pages whose image was stored turned: ``(page number, degrees clockwise)``."""
        return tuple((n, p.turned) for n, p in enumerate(self.pages, start=1) if p.turned)


def read_pdf(data: bytes, name: str = "file.pdf", ocr: str = "auto"
             ) -> tuple[str, tuple[int, ...], bool]:
    """Return ``(text, page_starts, ocr_used)`` for the PDF bytes (see :func:`extract_pdf`)."""
    pdf = extract_pdf(data, name, ocr)
    return pdf.text, pdf.page_starts, pdf.ocr_used


def extract_pdf(data: bytes, name: str = "file.pdf", ocr: str = "auto",
                content: str | None = None) -> PdfText:
    """Read every page of a PDF, by its text layer or by OCR as ``ocr`` allows.

    ``content``: the hex SHA-256 the OCR cache files the pages under, when the PDF
    stands for other bytes (an image file's frames, :mod:`.image`); default its own.

    Raises ReadError for a file that is not a PDF, is encrypted, truncated or
    has no pages, that exceeds the time limit, or whose scanned pages cannot be
    read (``--ocr never``, or Tesseract missing).
    """
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {OCR_MODES}, not {ocr!r}")
    check_pdf_bytes(data, name)
    layers = call_with_time_limit(read_layers, data, name, max_pages(),
                                  what=f"{name}: reading the PDF")
    if not layers:
        raise ReadError(f"{name}: PDF has no pages")
    pages = [classify_page(layer) for layer in layers]
    struck = [str(i + 1) for i, layer in enumerate(layers) if layer.struck]
    if struck:
        log.warning("%s: struck-through (deleted) text left out on pages %s", name,
                    ", ".join(struck))
    required, optional = _pages_for_ocr(pages, ocr, name)
    if required or optional:
        problem = ocr_engine.engine_problem()
        if problem and optional:
            log.warning("%s: pages %s look damaged but OCR is unavailable (%s); keeping their "
                        "text layer", name, ", ".join(str(i + 1) for i in optional), problem)
            optional = []
        todo = sorted(required + optional)
        places = {i: (layers[i].sheet, layers[i].clip) for i in todo}
        if all(place == (i, None) for i, place in places.items()):
            results = ocr_pages(data, todo, name=name, content=content)
        else:  # pages of a sheet of two, or after one: the sheet, or the part, is read
            results = ocr_pages(data, todo, name=name, places=places, content=content)
        for index, result in results.items():
            # after the cache: pages OCR'd before this step are read the same way
            text, words, poor = left_out(*tidied(result.text, result.words))
            pages[index] = replace(pages[index], text=text, ocr=True,
                                   confidence=result.confidence, words=words,
                                   dpi=result.dpi, wraps=(), spaced=(), judged=False,
                                   turned=result.turned, unreadable=poor)
    out = PdfText(tuple(pages))
    if out.ocr_used:
        log.info("%s: OCR on %d of %d pages, mean confidence %s", name,
                 sum(p.ocr for p in pages), len(pages), out.ocr_confidence)
    return out


def check_pdf_bytes(data: bytes, name: str) -> None:
    """ReadError unless ``data`` looks like a whole PDF file."""
    if b"%PDF-" not in data[:1024]:
        head = data[:8].lstrip()
        hint = ("it looks like HTML or XML" if head.startswith(b"<")
                else "it looks like a ZIP archive (a Word or Excel file?)" if head.startswith(b"PK")
                else "check the file type")
        raise ReadError(f"{name}: not a PDF (no %PDF header); {hint}")
    if b"%%EOF" not in data[-1024:]:
        raise ReadError(f"{name}: PDF is truncated (no %%EOF at its end); "
                        "copy or download it again")


def classify_page(layer: PageLayer) -> PdfPage:
    """Say what kind of page a text layer is (see the module docstring)."""
    page = replace(_classified(layer), sheet=layer.sheet, overprints=layer.overprints,
                   unplaced=layer.unplaced)
    return replace(page, recoded=True) if layer.recoded else page


def _classified(layer: PageLayer) -> PdfPage:
    text = join_split_year(layer.text)
    wraps = layer.wraps if text == layer.text else ()  # a joined year moved the lines
    judged = text == layer.text
    spaced = layer.spaced if wraps else ()
    chars = len("".join(text.split()))  # letters that are not white space
    if chars >= MIN_CHARS_PER_PAGE:
        damage = damage_score(text, layer.loose_marks)
        if damage:  # repair only removes damage: a clean page needs no second look
            damage = damage_score(repair_text(text), layer.loose_marks)
        # A glyph with no text mapping is a letter the layer lost; the second half of
        # a split SARA AM is seen but weighs less, its letter being read whole.
        lost = layer.unmapped - (1 - AM_TAIL_WEIGHT) * layer.am_tails
        damage = min(1.0, damage + lost / (chars + layer.unmapped))
        # another program's OCR of a scan (invisible, letter-spaced), or a font's glyph codes
        doubt = (1.0 if layer.ocr_layer and letter_spaced(text) else not_its_text(text)) \
            if layer.image_cover >= PAGE_IMAGE else (1.0 if glyph_codes(text) else None)
        if doubt is not None:
            return PdfPage(text, "damaged", wraps, round(max(damage, doubt), 4),
                           spaced=spaced, judged=judged)
        return PdfPage(text, "damaged" if damage > MAX_DAMAGE else "text", wraps,
                       round(damage, 4), spaced=spaced, judged=judged)
    if layer.has_images:
        return PdfPage(text, "image")
    return PdfPage(text, "text" if chars else "blank")


def _pages_for_ocr(pages: list[PdfPage], ocr: str, name: str) -> tuple[list[int], list[int]]:
    """Pages that must be OCR'd and pages better OCR'd, by page index."""
    if ocr == "always":
        return list(range(len(pages))), []
    images = [i for i, p in enumerate(pages) if p.kind == "image"]
    has_text = any(p.kind in ("text", "damaged") for p in pages)
    if ocr == "never":
        if images and not has_text:
            raise ReadError(f"{name}: PDF has no text layer (scanned pages, or text drawn as "
                            "outlines) and --ocr never "
                            "forbids OCR; run with --ocr auto")
        if images:
            log.warning("%s: scanned pages %s left empty (--ocr never)", name,
                        ", ".join(str(i + 1) for i in images))
    elif not images and not has_text:
        raise ReadError(f"{name}: PDF has neither text nor images on any page (blank)")
    if ocr == "never":
        images = []
    damaged = [i for i, p in enumerate(pages) if p.kind == "damaged"] if ocr == "auto" else []
    return images, damaged


# ------------------------------------------------------------------------ OCR


def page_key(index: int, lang: str, dpi: int, clip: Box | None = None,
             grid: float = 0.0) -> str:
    """The cache key of one page's OCR with these settings (``clip``: a part of the page).

    ``grid``: the pixels to the inch of a scan read on its own grid
    (:mod:`.ocr_grid`), named in the key; 0 for a page rendered at ``dpi``, whose
    key stays what it was before pages were read on their grid.
    """
    key = f"{OCR_CACHE_FORMAT}/{lang}/{dpi}/{index}"
    if clip is not None:
        key += "/" + ",".join(f"{x:.1f}" for x in clip)
    return key if not 0 < grid < dpi else key + f"/grid{grid:g}-{GRID_FILTER}"


def ocr_pages(data: bytes, indexes: Sequence[int], *, name: str = "file.pdf",
              dpi: int = DPI, lang: str = ocr_engine.LANG,
              places: dict[int, tuple[int, Box | None]] | None = None,
              content: str | None = None) -> dict[int, OcrPage]:
    """OCR the given pages (0-based) of a PDF; cached pages are not read again.

    ``places``: for a page that is not the PDF page of its index (a sheet of two
    pages side by side is two pages: :mod:`.pdf_layers`), the PDF page it is on
    and the part of it (left, bottom, right, top; points), which alone is rendered.
    A low-resolution grey scan is read twice, rendered at ``dpi`` and on its own
    grid, each cached under its own key; the surer reading is kept
    (:mod:`.ocr_grid`). ``content``: the hex SHA-256 the cache files the pages under
    (default the PDF's). Pages are rendered in the worker process, one at a time
    while Tesseract reads the ones before. Raises ReadError when a page is not
    cached and Tesseract is missing, or a page fails or exceeds its time limit.
    """
    where = places or {}
    cache = OcrCache(content or hashlib.sha256(data).hexdigest(), cache_dir())
    readings: dict[tuple[int, float], OcrPage] = {}  # (index, grid or 0): the page read
    todo: list[tuple[int, float]] = []
    engine = ocr_engine.engine_version() if ocr_engine.engine_problem() is None else None
    sheets = sorted({where.get(index, (index, None))[0] for index in indexes})
    grids = call_with_time_limit(scan_grids, data, name, sheets,
                                 what=f"{name}: looking at the scanned pages") if sheets else {}

    def ways(index: int) -> tuple[float, ...]:
        grid = grids.get(where.get(index, (index, None))[0], 0.0)
        return (0.0, grid) if 0 < grid < dpi else (0.0,)

    def key_of(index: int, grid: float) -> str:
        sheet, clip = where.get(index, (index, None))
        return page_key(sheet, lang, dpi, clip, grid)

    for index in indexes:
        for grid in ways(index):
            hit = cache.get(key_of(index, grid), engine)
            if hit is None:
                todo.append((index, grid))
            else:
                readings[index, grid] = hit
    if todo:
        problem = ocr_engine.engine_problem()
        if problem or engine is None:
            raise ReadError(f"{name}: pages need OCR but {problem}")
        with tempfile.TemporaryDirectory(prefix="bma-etl-ocr-") as tmp:

            def rendered() -> Iterator[tuple[tuple[int, float], Path, float, bool]]:
                for index, grid in todo:
                    image = Path(tmp) / f"page-{index}-{grid:g}.pgm"
                    sheet, clip = where.get(index, (index, None))
                    used = call_with_time_limit(render_page, data, name, sheet, str(image),
                                                dpi, max_megapixels(), clip, grid,
                                                what=f"{name}: rendering page {index + 1}")
                    yield (index, grid), image, used, 0 < grid < used

            for (index, grid), page in ocr_engine.read_images(
                    rendered(), lang=lang, describe=lambda k: f"{name}: page {k[0] + 1}"):
                readings[index, grid] = page
                cache.put(key_of(index, grid), page, engine)
        log.info("%s: OCR'd %d pages with %s", name, len(todo), engine)
    return {index: surer(*(readings[index, grid] for grid in ways(index)))
            for index in indexes}

"""Read a PDF page by page: the text layer with pypdfium2, OCR where there is none.

Stage: read. Consumes a PDF's bytes; produces the text of every page (pages
joined by a newline), the offset each page starts at (so provenance can name
the page) and whether any page was read by OCR.

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
    no usable text but images: a scanned page, rendered here at :data:`DPI`
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
from bma_etl.read.ocr_cache import OcrCache, cache_dir
from bma_etl.read.ocr_tidy import tidied
from bma_etl.read.pdf_breaks import closed, join_cut_rows, mark_open, sheet_printed
from bma_etl.read.pdf_columns import with_columns
from bma_etl.read.pdf_cutrows import join_cut_row
from bma_etl.read.pdf_kind import PAGE_IMAGE, image_cover, not_its_text
from bma_etl.read.pdf_layout import TextLine, page_lines
from bma_etl.read.pdf_open import open_pdf, render_page, upright
from bma_etl.read.pdf_page import (
    in_reading_order,
    line_pitches,
    with_blank_lines,
    with_side_by_side,
)
from bma_etl.read.pdf_tables import page_shapes, rules_of, with_table_rows
from bma_etl.read.pdf_worker import call_with_time_limit
from bma_etl.read.pdf_wraps import spaced_wraps, wrapped_lines, writer_rules
from bma_etl.textnorm import damage_score, join_split_year, repair_text

log = logging.getLogger(__name__)

OCR_MODES = ("auto", "always", "never")

#: Fewer non-blank characters than this and a page has no usable text layer.
MIN_CHARS_PER_PAGE = 20
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
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PageLayer:
    """What one page's text layer holds, as the worker read it."""

    text: str
    has_images: bool
    wraps: tuple[int, ...] = ()  # 0-based lines of ``text`` that go on in the next line
    unmapped: int = 0  # glyphs dropped for having no text mapping (pdf_layout)
    am_tails: int = 0  # of those, the second halves of split SARA AMs
    image_cover: float = 0.0  # share of the page under images (measured on doubtful layers)
    #: Orphan marks drawn over no letter: words wrapped in narrow cells, not damage.
    loose_marks: int = 0
    #: Of :attr:`wraps`, the lines the page wrapped at a space (:func:`.pdf_wraps.spaced_wraps`).
    spaced: tuple[int, ...] = ()


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


def read_pdf(data: bytes, name: str = "file.pdf", ocr: str = "auto"
             ) -> tuple[str, tuple[int, ...], bool]:
    """Return ``(text, page_starts, ocr_used)`` for the PDF bytes (see :func:`extract_pdf`)."""
    pdf = extract_pdf(data, name, ocr)
    return pdf.text, pdf.page_starts, pdf.ocr_used


def extract_pdf(data: bytes, name: str = "file.pdf", ocr: str = "auto") -> PdfText:
    """Read every page of a PDF, by its text layer or by OCR as ``ocr`` allows.

    Raises ReadError for a file that is not a PDF, is encrypted, truncated or
    has no pages, that exceeds the time limit, or whose scanned pages cannot be
    read (``--ocr never``, or Tesseract missing).
    """
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {OCR_MODES}, not {ocr!r}")
    check_pdf_bytes(data, name)
    layers = call_with_time_limit(_read_layers, data, name, max_pages(),
                                  what=f"{name}: reading the PDF")
    if not layers:
        raise ReadError(f"{name}: PDF has no pages")
    pages = [classify_page(layer) for layer in layers]
    required, optional = _pages_for_ocr(pages, ocr, name)
    if required or optional:
        problem = ocr_engine.engine_problem()
        if problem and optional:
            log.warning("%s: pages %s look damaged but OCR is unavailable (%s); keeping their "
                        "text layer", name, ", ".join(str(i + 1) for i in optional), problem)
            optional = []
        results = ocr_pages(data, sorted(required + optional), name=name)
        for index, result in results.items():
            # after the cache: pages OCR'd before this step are read the same way
            text, words = tidied(result.text, result.words)
            pages[index] = replace(pages[index], text=text, ocr=True,
                                   confidence=result.confidence, words=words,
                                   dpi=result.dpi, wraps=(), spaced=())
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
    text = join_split_year(layer.text)
    wraps = layer.wraps if text == layer.text else ()  # a joined year moved the lines
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
        if layer.image_cover >= PAGE_IMAGE:
            doubt = not_its_text(text)
            if doubt is not None:
                return PdfPage(text, "damaged", wraps, round(max(damage, doubt), 4),
                               spaced=spaced)
        return PdfPage(text, "damaged" if damage > MAX_DAMAGE else "text", wraps,
                       round(damage, 4), spaced=spaced)
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
            raise ReadError(f"{name}: PDF has no text layer (scanned pages) and --ocr never "
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


def page_key(index: int, lang: str, dpi: int) -> str:
    """The cache key of one page's OCR with these settings."""
    return f"{OCR_CACHE_FORMAT}/{lang}/{dpi}/{index}"


def ocr_pages(data: bytes, indexes: Sequence[int], *, name: str = "file.pdf",
              dpi: int = DPI, lang: str = ocr_engine.LANG) -> dict[int, OcrPage]:
    """OCR the given pages (0-based) of a PDF; cached pages are not read again.

    Pages are rendered in the worker process, one at a time while Tesseract
    reads the ones before. Raises ReadError when a page is not cached and
    Tesseract is missing, or a page fails or exceeds its time limit.
    """
    cache = OcrCache(hashlib.sha256(data).hexdigest(), cache_dir())
    results: dict[int, OcrPage] = {}
    todo: list[int] = []
    engine = ocr_engine.engine_version() if ocr_engine.engine_problem() is None else None
    for index in indexes:
        hit = cache.get(page_key(index, lang, dpi), engine)
        if hit is None:
            todo.append(index)
        else:
            results[index] = hit
    if not todo:
        return results
    problem = ocr_engine.engine_problem()
    if problem or engine is None:
        raise ReadError(f"{name}: pages need OCR but {problem}")
    with tempfile.TemporaryDirectory(prefix="bma-etl-ocr-") as tmp:

        def rendered() -> Iterator[tuple[int, Path, float]]:
            for index in todo:
                image = Path(tmp) / f"page-{index}.pgm"
                used = call_with_time_limit(render_page, data, name, index, str(image), dpi,
                                            max_megapixels(),
                                            what=f"{name}: rendering page {index + 1}")
                yield index, image, used

        for index, page in ocr_engine.read_images(
                rendered(), lang=lang, describe=lambda i: f"{name}: page {i + 1}"):
            results[index] = page
            cache.put(page_key(index, lang, dpi), page, engine)
    log.info("%s: OCR'd %d pages with %s", name, len(todo), engine)
    return results


# ----------------------------------------------------------------- in the worker



def _read_layers(data: bytes, name: str, page_limit: int = 1000) -> list[PageLayer]:
    """Every page's text layer (runs in the worker process).

    The limits are passed in: the worker's environment is the one it started with.
    """
    import pypdfium2 as pdfium

    pdf = open_pdf(data, name)
    try:
        if len(pdf) > page_limit:
            raise ReadError(f"{name}: {len(pdf)} pages, over the limit of {page_limit} pages "
                            "for one PDF (split the file, or raise BMA_ETL_MAX_PAGES)")
        pages: list[tuple[list[TextLine], bool, tuple[int, int], float, float, int]] = []
        meta = pdf.get_metadata_dict()
        writer = f"{meta.get('Producer', '')} {meta.get('Creator', '')}"
        at_spaces, fills, whole = *writer_rules(writer), sheet_printed(writer)
        for index in range(len(pdf)):
            try:
                page = pdf[index]
            except pdfium.PdfiumError as exc:
                raise ReadError(f"{name}: page {index + 1} cannot be loaded ({exc}); "
                                "the PDF is damaged") from None
            try:
                size = upright(page)  # a page stored rotated reads as it is shown
                paths, pictures = page_shapes(page)
                rules, cut = closed(rules_of(paths))
                textpage = page.get_textpage()
                try:
                    read = page_lines(textpage, rules.vertical)
                finally:
                    textpage.close()
                loose = sum(line.loose_marks for line in read)  # before rows merge lines
                rows = with_table_rows(read, rules, at_spaces)
                lines = in_reading_order(mark_open(rows, rules, cut, read))
                chars = sum(len("".join(line.text.split())) for line in lines)
                cover = 0.0
                if chars < MIN_CHARS_PER_PAGE:
                    has_images = bool(pictures)
                else:  # the images are measured only when the layer is in doubt
                    has_images = False
                    if pictures and not_its_text("\n".join(line.text for line in lines)) \
                            is not None:
                        cover = image_cover(page, pictures, size)
                lost = (sum(line.unmapped for line in lines), sum(line.am_tails for line in lines))
                pages.append((lines, has_images, lost, cover, size[0], loose))
            finally:
                page.close()
        if not whole:  # a row a page break cut: one row again (a spreadsheet cuts none)
            join_cut_rows([page[0] for page in pages])
        pitches = line_pitches([page[0] for page in pages])
        laid_out = [with_columns(with_blank_lines(with_side_by_side(page[0], pitches), pitches),
                                 borderless=True, pitches=pitches) for page in pages]
        for k in range(1, 1 if whole else len(laid_out)):  # a borderless row cut: one again
            laid_out[k] = join_cut_row(laid_out[k - 1], laid_out[k])
        layers = []
        for laid, (_lines, images, lost, cover, width, loose) in zip(laid_out, pages,
                                                                     strict=True):
            wraps = wrapped_lines(laid, width, fills, fills and not at_spaces)
            layers.append(PageLayer("\n".join(line.text for line in laid), images,
                                    tuple(wraps), lost[0], lost[1], cover, loose,
                                    tuple(spaced_wraps(laid, wraps, width, at_spaces))))
        return layers
    finally:
        pdf.close()

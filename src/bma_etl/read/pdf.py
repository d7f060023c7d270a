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
    letter; a gap wider than :data:`~bma_etl.read.pdf_layout.TAB_GAP_EM` is a tab; a table's rows
    get one tab per column they skip (so empty cells stay cells); space
    between paragraphs becomes blank lines; a BE year whose last digit fell on
    a line of its own is joined.
``damaged``
    a text layer so damaged that what :func:`~bma_etl.textnorm.repair_text`
    leaves still scores above :data:`MAX_DAMAGE` (glyphs with no text mapping
    count as damage), or a layer that is not the page's text: over a page-size
    image, one with almost no Thai or with runs of Latin junk (another
    program's failed OCR, a scanner app's watermark; see :func:`not_its_text`).
    Read by OCR instead when OCR is allowed and Tesseract is there, otherwise
    kept as it is. A page with no page-size image is never taken for a scan,
    whatever its letters: plans and web pages carry English words and URLs.
``image``
    no usable text but images: a scanned page, read by OCR (:mod:`.ocr`).
``blank``
    neither text nor images.

``--ocr never`` refuses a PDF none of whose pages has a text layer; ``always``
OCRs every page. All pdfium work runs in a worker process with a time limit per
call (:func:`~bma_etl.read.pdf_worker.call_with_time_limit`), so a PDF that hangs
or crashes the parser is quarantined with a :class:`~bma_etl.errors.ReadError` and
the batch goes on.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import Any, Literal, TypeVar

from bma_etl.errors import ReadError
from bma_etl.read.pdf_layout import (
    TextLine,
    line_pitches,
    page_lines,
    with_blank_lines,
    with_columns,
)
from bma_etl.read.pdf_worker import call_with_time_limit
from bma_etl.textnorm import damage_score, join_split_year, repair_text

log = logging.getLogger(__name__)

OCR_MODES = ("auto", "always", "never")

#: Fewer non-blank characters than this and a page has no usable text layer.
MIN_CHARS_PER_PAGE = 20
#: Share of Thai clusters still damaged after repair above which a page is OCR'd.
#: The damaged Royal Gazette fixture scores 0.003-0.008 after repair and reads right.
MAX_DAMAGE = 0.03
#: What an unmapped glyph right after SARA AM counts for in the damage score (a
#: lost letter counts 1): HarfBuzz-shaped PDFs leave every SARA AM's second half
#: unmapped, and at 1 a page of a few short lines would cross MAX_DAMAGE.
AM_TAIL_WEIGHT = 0.1
#: Share of the page an image (or images) must cover for the page to be a scan.
PAGE_IMAGE = 0.5
#: Over a page image, a text layer with less Thai than this share of its letters
#: is not the page's text. Every sample and variant has 0.91 or more.
MIN_THAI_LETTERS = 0.5
#: Over a page image, a text layer with more Latin junk than this share of its
#: letters is another program's failed OCR. The samples score 0-0.007, the
#: README (English) 0.03, Tesseract's English model on a Thai page 0.77.
MAX_LATIN_JUNK = 0.2

_LATIN = re.compile(r"[A-Za-z]+")
_LETTER = re.compile(r"[^\W\d_]")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]")
_CASE_FLIP = re.compile(r"[a-z][A-Z]")
_GLUED_DIGIT = re.compile(r"[A-Za-z][0-9]|[0-9][A-Za-z]")
_CODE_PUNCT = re.compile(r"[-_/.:@]")
_ADDRESS = re.compile(r"[/@]|[A-Za-z]\.[A-Za-z]")
#: Words of one or two letters that English text has; other such tokens are OCR crumbs.
_SHORT_WORDS = frozenset("a i am an as at be by do go he if in is it me my no of on or so to "
                         "up us we".split())
#: Latin words this long are junk (Tesseract's English model on Thai glues a line).
_LONG_WORD = 16

PageKind = Literal["text", "damaged", "image", "blank"]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PageLayer:
    """What one page's text layer holds, as the worker read it."""

    text: str
    has_images: bool
    unmapped: int = 0  # glyphs dropped for having no text mapping (pdf_layout)
    am_tails: int = 0  # of those, the second halves of split SARA AMs
    image_cover: float = 0.0  # share of the page under images (measured on doubtful layers)


@dataclass(frozen=True, slots=True)
class PdfPage:
    """One page's text and how it was read."""

    text: str
    kind: PageKind
    damage: float = 0.0
    ocr: bool = False
    confidence: float | None = None  # mean Tesseract word confidence, 0..100


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
    layers = call_with_time_limit(_read_layers, data, name, what=f"{name}: reading the PDF")
    if not layers:
        raise ReadError(f"{name}: PDF has no pages")
    pages = [classify_page(layer) for layer in layers]
    required, optional = _pages_for_ocr(pages, ocr, name)
    if required or optional:
        from bma_etl.read import ocr as ocr_engine

        problem = ocr_engine.engine_problem()
        if problem and optional:
            log.warning("%s: pages %s look damaged but OCR is unavailable (%s); keeping their "
                        "text layer", name, ", ".join(str(i + 1) for i in optional), problem)
            optional = []
        results = ocr_engine.ocr_pdf_pages(data, sorted(required + optional), name=name)
        for index, result in results.items():
            pages[index] = replace(pages[index], text=result.text, ocr=True,
                                   confidence=result.confidence)
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
    chars = sum(not c.isspace() for c in text)
    if chars >= MIN_CHARS_PER_PAGE:
        damage = damage_score(text)
        if damage:  # repair only removes damage: a clean page needs no second look
            damage = damage_score(repair_text(text))
        # A glyph with no text mapping is a letter the layer lost; the second half of
        # a split SARA AM is seen but weighs less, its letter being read whole.
        lost = layer.unmapped - (1 - AM_TAIL_WEIGHT) * layer.am_tails
        damage = min(1.0, damage + lost / (chars + layer.unmapped))
        if layer.image_cover >= PAGE_IMAGE:
            doubt = not_its_text(text)
            if doubt is not None:
                return PdfPage(text, "damaged", round(max(damage, doubt), 4))
        return PdfPage(text, "damaged" if damage > MAX_DAMAGE else "text", round(damage, 4))
    if layer.has_images:
        return PdfPage(text, "image")
    return PdfPage(text, "text" if chars else "blank")


def latin_junk(text: str) -> float:
    """Share of the letters of ``text`` in Latin tokens no text has: OCR junk.

    Junk: a Latin word of :data:`_LONG_WORD` letters or more, one whose case flips
    inside it (``LUUMAAITIENMATINATINiUWAL``), digits glued to letters outside a
    code (``l1`` but not ``COVID-19``), a one- or two-letter token English lacks.
    URLs, e-mail addresses and file names are not judged.

    >>> round(latin_junk("Salasanisuaznuasounsuhavaulasonis aA a 1 cia"), 2)
    0.9
    >>> latin_junk("See https://www.bangkok.go.th for the KPI of 2566"), latin_junk("")
    (0.0, 0.0)
    """
    letters = len(_LETTER.findall(text))
    if not letters:
        return 0.0
    junk = 0
    for token in text.split():
        if _ADDRESS.search(token):  # a URL, an e-mail address, a file name: not judged
            continue
        glued = bool(_GLUED_DIGIT.search(token)) and not _CODE_PUNCT.search(token)
        for m in _LATIN.finditer(token):
            word = m.group()
            if glued or len(word) >= _LONG_WORD or _CASE_FLIP.search(word) or (
                    len(word) <= 2 and word.lower() not in _SHORT_WORDS):
                junk += len(word)
    return junk / letters


def not_its_text(text: str) -> float | None:
    """How surely a text layer over a page image is not the page's text; None if it is.

    Almost no Thai among its letters (:data:`MIN_THAI_LETTERS`), or runs of Latin
    junk (:data:`MAX_LATIN_JUNK`). Asked only of pages with a page-size image.

    >>> not_its_text("Scanned with CamScanner 1/2"), not_its_text("สำนักงานเขต www.bma.go.th")
    (1.0, None)
    """
    thai = len(_THAI_LETTER.findall(text))
    latin = sum(len(w) for w in _LATIN.findall(text))
    if latin < MAX_LATIN_JUNK * MIN_THAI_LETTERS * thai:  # too few Latin letters for either
        return None
    missing = 1.0 - thai / (thai + latin) if thai + latin else 1.0
    junk = latin_junk(text)
    if missing > 1.0 - MIN_THAI_LETTERS or junk > MAX_LATIN_JUNK:
        return round(max(missing, junk), 4)
    return None


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


# ----------------------------------------------------------------- in the worker



def _read_layers(data: bytes, name: str) -> list[PageLayer]:
    """Every page's text layer (runs in the worker process)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = open_pdf(data, name)
    try:
        pages: list[tuple[list[TextLine], bool, tuple[int, int], float]] = []
        for index in range(len(pdf)):
            try:
                page = pdf[index]
            except pdfium.PdfiumError as exc:
                raise ReadError(f"{name}: page {index + 1} cannot be loaded ({exc}); "
                                "the PDF is damaged") from None
            try:
                textpage = page.get_textpage()
                try:
                    lines = page_lines(textpage)
                finally:
                    textpage.close()
                chars = sum(not c.isspace() for line in lines for c in line.text)
                cover = 0.0
                if chars < MIN_CHARS_PER_PAGE:
                    has_images = any(
                        True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))
                else:  # the images are looked at only when the layer is in doubt
                    has_images = False
                    if not_its_text("\n".join(line.text for line in lines)) is not None:
                        cover = _image_cover(page)
                lost = (sum(line.unmapped for line in lines), sum(line.am_tails for line in lines))
                pages.append((lines, has_images, lost, cover))
            finally:
                page.close()
        pitches = line_pitches([lines for lines, _, _, _ in pages])
        return [PageLayer("\n".join(line.text for line in
                                     with_columns(with_blank_lines(lines, pitches))), images,
                          lost[0], lost[1], cover)
                for lines, images, lost, cover in pages]
    finally:
        pdf.close()


def _image_cover(page: Any) -> float:
    """Share of the page's area under its images, at most 1 (in the worker).

    Areas are summed, clipped to the page: a scan stored as strips covers it too.
    """
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    if width <= 0 or height <= 0:
        return 0.0
    area = 0.0
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        left, bottom, right, top = image.get_bounds()
        w = min(right, width) - max(left, 0.0)
        h = min(top, height) - max(bottom, 0.0)
        if w > 0 and h > 0:
            area += w * h
    return min(1.0, area / (width * height))


def open_pdf(data: bytes, name: str) -> Any:
    """Open the PDF with pdfium; ReadError naming why it cannot be (in the worker)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        # pdfium's error code is process-wide and not reset by every failure: a
        # failed load can report the previous file's code, so check the bytes too.
        code = getattr(exc, "err_code", None)
        encrypted = b"/Encrypt" in data
        if code == pdfium_c.FPDF_ERR_PASSWORD and encrypted:
            raise ReadError(f"{name}: PDF is encrypted (a password is needed to open it); "
                            "supply an unencrypted copy") from None
        if code == pdfium_c.FPDF_ERR_SECURITY and encrypted:
            raise ReadError(f"{name}: PDF uses an unsupported security handler; "
                            "supply an unencrypted copy") from None
        if re.search(rb"/Count\s+0\b", data) and not re.search(rb"/Count\s+[1-9]", data):
            raise ReadError(f"{name}: PDF has no pages") from None
        raise ReadError(f"{name}: PDF cannot be opened ({exc}); it is damaged or "
                        "truncated") from None

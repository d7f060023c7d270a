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
    letter; a gap wider than :data:`TAB_GAP_EM` is a tab, and a table's rows
    get one tab per column they skip (so empty cells stay cells); space
    between paragraphs becomes blank lines; a BE year whose last digit fell on
    a line of its own is joined.
``damaged``
    a text layer so damaged that what :func:`~bma_etl.textnorm.repair_text`
    leaves still scores above :data:`MAX_DAMAGE`: read by OCR instead when OCR
    is allowed and Tesseract is there, otherwise kept as it is.
``image``
    no usable text but images: a scanned page, read by OCR (:mod:`.ocr`).
``blank``
    neither text nor images.

``--ocr never`` refuses a PDF none of whose pages has a text layer; ``always``
OCRs every page. All pdfium work runs in a worker process with a time limit per
call (:func:`call_with_time_limit`), so a PDF that hangs or crashes the parser is
quarantined with a :class:`~bma_etl.errors.ReadError` and the batch goes on.
"""

from __future__ import annotations

import atexit
import ctypes
import logging
import os
import re
import subprocess
import sys
import threading
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import accumulate, pairwise
from multiprocessing.connection import Connection
from typing import Any, Literal, TypeVar

from bma_etl.errors import ReadError
from bma_etl.textnorm import damage_score, join_split_year, repair_text

log = logging.getLogger(__name__)

OCR_MODES = ("auto", "always", "never")

#: Fewer non-blank characters than this and a page has no usable text layer.
MIN_CHARS_PER_PAGE = 20
#: Share of Thai clusters still damaged after repair above which a page is OCR'd.
#: The damaged Royal Gazette fixture scores 0.003-0.008 after repair and reads right.
MAX_DAMAGE = 0.03
#: A gap between two characters of a line this many font sizes wide is a tab.
TAB_GAP_EM = 2.0
#: A space pdfium generated over a gap narrower than this (in font sizes, between
#: the characters' advance boxes) is dropped. LibreOffice leaves 0-0.21 em between
#: a Thai tone mark and SARA AA or between Latin and Thai letters, where pdfium
#: generates a space; a real space is wider (Garuda 0.34 em) and usually written.
JOIN_GAP_EM = 0.25
#: Seconds one parse or render call may take (override with ``BMA_ETL_PDF_TIMEOUT``).
DEFAULT_TIME_LIMIT = 60.0
#: Seconds the worker process may take to start.
_START_LIMIT = 60.0

PageKind = Literal["text", "damaged", "image", "blank"]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PageLayer:
    """What one page's text layer holds, as the worker read it."""

    text: str
    has_images: bool


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
        return PdfPage(text, "damaged" if damage > MAX_DAMAGE else "text", round(damage, 4))
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


# ----------------------------------------------------------------- in the worker

_BREAK = re.compile(r"\r\n|\r|\n")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
# Thai combining marks: MAI HAN-AKAT, SARA I..PHINTHU, MAITAIKHU..YAMAKKAN.
_THAI_MARK = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def _read_layers(data: bytes, name: str) -> list[PageLayer]:
    """Every page's text layer (runs in the worker process)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = open_pdf(data, name)
    try:
        pages: list[tuple[list[TextLine], bool]] = []
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
                has_images = chars < MIN_CHARS_PER_PAGE and any(
                    True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])
                )
                pages.append((lines, has_images))
            finally:
                page.close()
        pitches = line_pitches([lines for lines, _ in pages])
        return [PageLayer("\n".join(line.text for line in
                                     with_columns(with_blank_lines(lines, pitches))), images)
                for lines, images in pages]
    finally:
        pdf.close()


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


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line of a text page: its text, baseline height and font size (0 if unknown)."""

    text: str
    baseline: float | None = None
    size: float = 0.0
    cells: tuple[float, ...] = ()  # x of each tab-separated cell's first character


def page_text(textpage: Any) -> str:
    """A page's text, line by line (see :func:`page_lines`)."""
    return "\n".join(line.text for line in page_lines(textpage))


def page_lines(textpage: Any) -> list[TextLine]:
    """A page's lines, with pdfium's spacing and mark order put right.

    A Thai mark that the PDF wrote after a later character (so pdfium put it,
    between generated spaces, after the wrong letter) goes back to the letter it
    is drawn over. A space pdfium generated where the letters leave no gap
    (inside a Thai cluster, before a mark, between Thai and Latin letters) is
    dropped; white space over a gap of :data:`TAB_GAP_EM` font sizes or more
    becomes a tab; white space at either end of a line is dropped.
    """
    import pypdfium2.raw as pdfium_c

    raw = textpage.get_text_range()
    geometry = len(raw) == textpage.count_chars()  # False when surrogates shift indices
    lines: list[TextLine] = []
    start = 0
    for brk in (*_BREAK.finditer(raw), None):
        end = brk.start() if brk else len(raw)
        line = raw[start:end]
        baseline, size = None, 0.0
        if geometry and line.strip():
            first = start + len(line) - len(line.lstrip())
            x, y = ctypes.c_double(), ctypes.c_double()
            if pdfium_c.FPDFText_GetCharOrigin(textpage, first, x, y):
                baseline = y.value
            size = round(pdfium_c.FPDFText_GetFontSize(textpage, first) or 0.0, 1)
            fixer = _Line(textpage, line, start)
            line, cells = fixer.fixed(), tuple(fixer.cells)
        else:
            cells = ()
        text = _CONTROL.sub("", line.replace("\x02", "-")).strip(" \u00a0\t")
        if text.count("\t") + 1 != len(cells):
            cells = ()
        lines.append(TextLine(text, baseline, size, cells))
        start = brk.end() if brk else len(raw)
    return lines


def with_columns(lines: list[TextLine]) -> list[TextLine]:
    """Tab rows with their empty cells back: one tab per column a row skips.

    Consecutive lines that have cells (tabs, or an indent of a tab's width)
    form a table. Their cells' left edges, gathered, give the table's columns;
    each row then gets as many tabs before a cell as columns lie between it and
    the previous one. A one-cell line inside a table is a row that fills the
    first column only, and ends with a tab.
    """
    starts = [line.cells[0] for line in lines if line.cells]
    if not starts:
        return lines
    margin = min(starts)

    def is_row(line: TextLine) -> bool:
        tab = TAB_GAP_EM * (line.size or 1.0)
        return bool(line.cells) and (len(line.cells) > 1 or line.cells[0] >= margin + tab)

    out = list(lines)
    i = 0
    while i < len(lines):
        if not is_row(lines[i]):
            i += 1
            continue
        j = i
        while j < len(lines) and (is_row(lines[j]) or (
                lines[j].cells and j + 1 < len(lines) and is_row(lines[j + 1]))):
            j += 1
        if any(len(row.cells) > 1 for row in lines[i:j]):  # an indented line alone is no table
            out[i:j] = _table_rows(lines[i:j], margin)
        i = j
    return out


def _table_rows(rows: list[TextLine], margin: float) -> list[TextLine]:
    size = max(row.size for row in rows) or 1.0
    tolerance = size  # left-aligned cells of a column start within a font size
    anchors: list[float] = []
    for x in sorted(x for row in rows for x in row.cells):
        if not anchors or x - anchors[-1] > tolerance:
            anchors.append(x)
    if anchors[0] >= margin + TAB_GAP_EM * size:  # every row leaves the first column empty
        anchors.insert(0, margin)
    out = []
    for row in rows:
        pieces = row.text.split("\t")
        cols = [bisect_right(anchors, x + tolerance) - 1 for x in row.cells]
        text = "\t" * cols[0] + pieces[0]
        for previous, col, piece in zip(cols, cols[1:], pieces[1:], strict=False):
            text += "\t" * max(1, col - previous) + piece
        if len(pieces) == 1 and cols[0] == 0:
            text += "\t"
        out.append(replace(row, text=text))
    return out


#: Most blank lines put for one vertical gap.
MAX_BLANK_LINES = 5


def line_pitches(pages: list[list[TextLine]]) -> dict[float, float]:
    """The single-line pitch of each font size: the least baseline step between two lines.

    Taken over the whole document, as one page may set every line apart.
    """
    pitches: dict[float, float] = {}
    for lines in pages:
        for above, below in pairwise(lines):
            if above.baseline is None or below.baseline is None or above.size != below.size:
                continue
            step = above.baseline - below.baseline
            if step >= below.size > 1.0:  # a pitch is never less than the font size
                pitches[below.size] = min(step, pitches.get(below.size, step))
    return pitches


def with_blank_lines(lines: list[TextLine], pitches: dict[float, float]) -> list[TextLine]:
    """The page's lines with an empty line for each empty line's height between two lines.

    Paragraphs set apart by space come out set apart by blank lines, as the
    extractors read them in text files (and a table ends where space follows it).
    """
    out: list[TextLine] = []
    above: TextLine | None = None
    for line in lines:
        pitch = pitches.get(line.size)
        if above is not None and above.baseline is not None and line.baseline is not None \
                and pitch:
            blanks = round((above.baseline - line.baseline) / pitch) - 1
            out.extend([TextLine("")] * max(0, min(blanks, MAX_BLANK_LINES)))
        out.append(line)
        if line.text:
            above = line
    return out


class _Line:
    """One line of a text page as (character, index in the page) pairs."""

    def __init__(self, textpage: Any, line: str, base: int) -> None:
        import pypdfium2.raw as pdfium_c

        self.tp = textpage
        self.c = pdfium_c
        self.chars = [(ch, base + i) for i, ch in enumerate(line)]
        self.cells: list[float] = []  # x where each tab-separated cell starts

    def fixed(self) -> str:
        self._replace_marks()
        first = next((i for i in range(len(self.chars)) if not self._is_space(i)), None)
        if first is not None:
            self.cells.append(self._box(first)[0])
        return self._respace()

    def _box(self, pos: int) -> tuple[float, float]:
        left, _, right, _ = self.tp.get_charbox(self.chars[pos][1], loose=True)
        return left, right

    def _is_mark(self, pos: int) -> bool:
        return bool(_THAI_MARK.match(self.chars[pos][0]))

    def _is_space(self, pos: int) -> bool:
        return self.chars[pos][0] in " \u00a0"

    def _replace_marks(self) -> None:
        """Move each mark that follows a space back over the letter drawn under it."""
        pos = 1
        while pos < len(self.chars):
            if not (self._is_mark(pos) and self._is_space(pos - 1)):
                pos += 1
                continue
            left, right = self._box(pos)
            centre = (left + right) / 2
            target = None
            for j in range(pos - 2, -1, -1):
                if self._is_space(j) or self._is_mark(j):
                    continue
                j_left, j_right = self._box(j)
                if j_left <= centre <= j_right:
                    target = j + 1
                    while target < pos and self._is_mark(target):
                        target += 1
                    break
            if target is None:
                pos += 1
                continue
            self.chars.insert(target, self.chars.pop(pos))
            pos += 1

    def _respace(self) -> str:
        chars = self.chars
        out: list[str] = []
        pos = 0
        while pos < len(chars):
            if not self._is_space(pos):
                out.append(chars[pos][0])
                pos += 1
                continue
            end = pos
            while end < len(chars) and self._is_space(end):
                end += 1
            out.append(self._space(pos, end) if 0 < pos and end < len(chars)
                       else "".join(ch for ch, _ in chars[pos:end]))
            pos = end
        return "".join(out)

    def _space(self, a: int, b: int) -> str:
        """What the white space ``chars[a:b]`` between two characters stands for."""
        chars, tp, c = self.chars, self.tp, self.c
        left = self._box(a - 1)[1]
        j = a - 1
        while j > 0 and self._is_mark(j):  # a mark sits over its base: take the cluster's edge
            j -= 1
            left = max(left, self._box(j)[1])
        right = self._box(b)[0]
        size = c.FPDFText_GetFontSize(tp, chars[b][1]) or 0.0
        if size <= 1.0:  # generated characters report 1; ask the other neighbour
            size = c.FPDFText_GetFontSize(tp, chars[a - 1][1]) or 0.0
        gap = right - left
        if size > 1.0 and gap >= TAB_GAP_EM * size:
            self.cells.append(right)
            return "\t"
        generated = all(c.FPDFText_IsGenerated(tp, chars[i][1]) == 1 for i in range(a, b))
        if generated and (self._is_mark(b) or (size > 1.0 and gap < JOIN_GAP_EM * size)):
            return ""
        return "".join(ch for ch, _ in chars[a:b])


# ------------------------------------------------------------- the worker itself


def time_limit() -> float:
    """Seconds one parse or render call may take (``BMA_ETL_PDF_TIMEOUT`` or the default)."""
    value = os.environ.get("BMA_ETL_PDF_TIMEOUT", "")
    try:
        return float(value) if value else DEFAULT_TIME_LIMIT
    except ValueError:
        log.warning("BMA_ETL_PDF_TIMEOUT=%r is not a number; using %g s", value,
                    DEFAULT_TIME_LIMIT)
        return DEFAULT_TIME_LIMIT


class _Worker:
    """A process that runs pdfium calls, so a hang or crash costs one file, not the run.

    A fresh interpreter (``python -c``), not a multiprocessing child: that would
    re-run the caller's ``__main__``, which a script without a main guard
    cannot bear. Calls and answers are pickled over two pipes.
    """

    def __init__(self) -> None:
        to_child, from_parent = os.pipe()
        to_parent, from_child = os.pipe()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        code = "import sys; from bma_etl.read.pdf import serve; serve(*map(int, sys.argv[1:]))"
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", code, str(to_child), str(from_child)],
                pass_fds=(to_child, from_child), env=env, stdin=subprocess.DEVNULL,
            )
        finally:
            os.close(to_child)
            os.close(from_child)
        self.calls = Connection(from_parent, readable=False)
        self.answers = Connection(to_parent, writable=False)
        if not self.answers.poll(_START_LIMIT):
            self.stop()
            raise ReadError(f"the PDF worker did not start within {_START_LIMIT:g} s")
        self.answers.recv()

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        self.calls.close()
        self.answers.close()
        if self.alive():
            self.process.kill()
        self.process.wait(10)


_worker: _Worker | None = None
_worker_lock = threading.Lock()


def call_with_time_limit(fn: Callable[..., T], *args: Any, what: str,
                         seconds: float | None = None) -> T:
    """Run ``fn(*args)`` in the worker process; ReadError if it takes over ``seconds``.

    ``fn`` must be a module-level function (it is pickled by name). A ReadError
    it raises is raised here; a time-out or crash stops the worker, which the
    next call starts again.
    """
    global _worker
    limit = time_limit() if seconds is None else seconds
    with _worker_lock:
        if _worker is None or not _worker.alive():
            _worker = _Worker()
        worker = _worker
        try:
            worker.calls.send((fn, args))
            if not worker.answers.poll(limit):
                raise ReadError(f"{what} took longer than the {limit:g} s time limit; the file "
                                "may be malformed (raise BMA_ETL_PDF_TIMEOUT for big files)")
            status, value = worker.answers.recv()
        except (EOFError, OSError) as exc:
            worker.stop()
            _worker = None
            raise ReadError(f"{what}: the PDF parser crashed; the file is probably "
                            "malformed") from exc
        except ReadError:
            worker.stop()
            _worker = None
            raise
    if status == "ok":
        return value
    if status == "read_error":
        raise ReadError(value)
    raise RuntimeError(f"{what}: PDF worker failed: {value}")


def stop_worker() -> None:
    """Stop the worker process, if one is running."""
    global _worker
    with _worker_lock:
        if _worker is not None:
            _worker.stop()
            _worker = None


def serve(calls_fd: int, answers_fd: int) -> None:
    """The worker's loop: run each call sent, answer with its result or error."""
    import pypdfium2  # noqa: F401  (load the library before the first call is timed)

    calls = Connection(calls_fd, writable=False)
    answers = Connection(answers_fd, readable=False)
    answers.send(("ready", None))
    while True:
        try:
            fn, args = calls.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            answer: tuple[str, Any] = ("ok", fn(*args))
        except ReadError as exc:
            answer = ("read_error", str(exc))
        except Exception as exc:  # report every failure to the caller, never die silently
            answer = ("error", f"{type(exc).__name__}: {exc}")
        answers.send(answer)


atexit.register(stop_worker)

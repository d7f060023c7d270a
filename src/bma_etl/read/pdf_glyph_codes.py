"""The glyph codes of characters a PDF's text map names U+FFFD or U+0000, read from the content.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_unmapped`).
Cairo (Firefox's prints, ``pdftocairo``'s rewrites) maps the moved forms of Thai
marks, which the producer named no text, to U+FFFD: pdfium reports that and not
the glyph's code, so the form cannot be looked up in the font program and its mark
was lost (``เพื่อ`` read ``เพือ``). pdfium gives no access to a character's code,
so the page's content is read once more, with pdfminer.six, and only for a page
holding such a character: each glyph drawn at that character's origin whose text
is U+FFFD (or none) gives its code. Ghostscript re-distilling a Chromium print
(``-sDEVICE=pdfwrite``, "reduce file size") maps the same moved forms to U+0000,
which pdfium reports as code 0 (written U+FFFE in its text): ``ปี`` read ``ป-``.
"""

from __future__ import annotations

import io
import logging
import weakref
from typing import Any

from bma_etl.read.pdf_tounicode import source_of

log = logging.getLogger(__name__)

#: Each page's index in its document, for the pages the reader opens (:func:`remember_page`).
_PAGES: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()
#: Each page's codes with no text, once read (:func:`_page_codes`).
_READ: weakref.WeakKeyDictionary[Any, dict[tuple[float, float], list[int]]] = \
    weakref.WeakKeyDictionary()
#: How far each page's content was moved in memory (x, y; points), by :func:`moved_page`.
_MOVED: weakref.WeakKeyDictionary[Any, tuple[float, float]] = weakref.WeakKeyDictionary()
#: What pdfium reports as the text of a glyph whose code only the content gives: the
#: map's U+FFFD (cairo) or U+0000 (Ghostscript).
NO_CODE = (0, 0xFFFD)
#: How near (points) a glyph's origin as pdfminer places it is to pdfium's for the same one.
NEAR = 0.05


def remember_page(page: Any, index: int) -> Any:
    """Record that ``page`` (a pypdfium2 ``PdfPage``) is page ``index`` of its document.

    Returns ``page``.
    """
    try:
        _PAGES[page] = index
    except TypeError:  # an object that takes no weak reference: its codes stay unknown
        pass
    return page


def moved_page(page: Any, dx: float, dy: float) -> None:
    """Record that ``page``'s objects were moved by ``dx``, ``dy`` (points) in memory.

    A 2-up sheet's right page is cut out and moved to the sheet's corner
    (:func:`.pdf_sheets.keep_part`); pdfminer reads the file, where it was not.
    """
    try:
        before = _MOVED.get(page, (0.0, 0.0))
        _MOVED[page] = (before[0] + dx, before[1] + dy)
    except TypeError:  # an object that takes no weak reference: its codes stay unknown
        pass


def code_at(page: Any, origin: tuple[float, float]) -> int | None:
    """The code of the one glyph with no text (U+FFFD or none) drawn from ``origin`` on ``page``.

    ``page``: a pypdfium2 ``PdfPage`` recorded by :func:`remember_page`, whose
    document :func:`.pdf_tounicode.remember` recorded; ``origin``: ``(x, y)`` in PDF
    points, on the page as moved in memory (:func:`moved_page`). ``None`` when the page
    is not known, pdfminer cannot read it (logged at debug), or no glyph or more than
    one with no text is drawn there.
    """
    codes = _READ.get(page)
    if codes is None:
        codes = _READ[page] = _page_codes(page)
    dx, dy = _MOVED.get(page, (0.0, 0.0))  # where the file draws it
    origin = (origin[0] - dx, origin[1] - dy)
    found = {code for (x, y), drawn in codes.items()
             if abs(x - origin[0]) <= NEAR and abs(y - origin[1]) <= NEAR for code in drawn}
    return found.pop() if len(found) == 1 else None


def _page_codes(page: Any) -> dict[tuple[float, float], list[int]]:
    """The codes of the glyphs with no text drawn on ``page``, by origin (see :func:`code_at`)."""
    index, data = _PAGES.get(page), source_of(getattr(page, "pdf", None))
    if index is None or data is None:
        return {}
    try:
        return _drawn_without_text(data, index)
    except Exception as exc:  # pdfminer raises many kinds on a damaged file
        log.debug("page %d's glyph codes not read: %s", index, exc)
        return {}


def _drawn_without_text(data: bytes, index: int) -> dict[tuple[float, float], list[int]]:
    """:func:`_page_codes` of page ``index`` of the PDF ``data``."""
    from pdfminer.converter import PDFLayoutAnalyzer
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    found: dict[tuple[float, float], list[int]] = {}

    class _Codes(PDFLayoutAnalyzer):  # keeps each glyph with no text; lays nothing out
        def render_char(self, matrix: Any, font: Any, fontsize: float, scaling: float,
                        rise: float, cid: int, ncs: Any, graphicstate: Any) -> float:
            try:
                text = font.to_unichr(cid)
            except Exception:  # no text for the code at all
                text = "\ufffd"
            if text in ("\ufffd", "\x00", ""):  # (pdfminer gives a U+0000 map as is)
                found.setdefault((matrix[4], matrix[5]), []).append(cid)
            return float(super().render_char(matrix, font, fontsize, scaling, rise, cid,
                                             ncs, graphicstate))

    document = PDFDocument(PDFParser(io.BytesIO(data)))
    for number, page in enumerate(PDFPage.create_pages(document)):
        if number == index:
            resources = PDFResourceManager()
            PDFPageInterpreter(resources, _Codes(resources)).process_page(page)
            break
    return found

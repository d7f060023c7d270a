"""Text of an ``/ActualText`` span that pdfium reads twice, in a page's raw text.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_layout`). A
browser writes each Thai cluster with a mark as a marked-content span whose
``/ActualText`` gives the cluster's text, drawn by one text object per glyph run
(Chromium: the consonant's glyph, then its marks' glyphs one advance on). pdfium
gives the span's text once, for its first text object, and skips the others
only when they come right after it; it orders a line's text objects by x, so a
mark's glyphs drawn a hair right of the next letter's origin (Noto Sans Thai
moves that letter back 0.014 px: ``ผู้`` and ``ป`` of ``ผู้ประสานงาน``) come after
that letter and the span is read again: ``ผู้ปผู้ ระสานงาน``. Such a second
reading is marked :data:`COPY` here for :class:`.pdf_layout._Line` to drop.
"""

from __future__ import annotations

import ctypes
from itertools import repeat
from typing import Any

from bma_etl.read.pdf_glyphs import JOINED

#: Stands for a character of a span's text read again: dropped like what is left of
#: a joined line break (no ink, not counted as a lost glyph).
COPY = JOINED

_CALLS: dict[tuple[str, Any], Any] = {}  # pdfium's calls without argument types


def bare_call(name: str, restype: Any) -> Any:
    """The pdfium function ``name`` as a prototype that converts no arguments (made once).

    It returns ``restype`` (``c_size_t``: an address as an int, 0 for none) and is
    passed handles as ctypes pointers (``c_void_p``) and Python ints as C ints.
    """
    call = _CALLS.get((name, restype))
    if call is None:
        import pypdfium2.raw as pdfium_c

        address = ctypes.cast(getattr(pdfium_c, name), ctypes.c_void_p).value
        call = _CALLS[name, restype] = ctypes.PYFUNCTYPE(restype)(int(address or 0))
    return call


def _span(obj: int) -> int | None:
    """The innermost marked-content item of text object ``obj`` with an ``/ActualText``."""
    import pypdfium2.raw as pdfium_c

    handle = ctypes.c_void_p(obj)
    length = ctypes.c_ulong()
    for k in range(int(bare_call("FPDFPageObj_CountMarks", ctypes.c_int)(handle)) - 1, -1, -1):
        mark = bare_call("FPDFPageObj_GetMark", ctypes.c_void_p)(handle, ctypes.c_ulong(k))
        if mark and pdfium_c.FPDFPageObjMark_GetParamStringValue(
                ctypes.cast(mark, pdfium_c.FPDF_PAGEOBJECTMARK), b"ActualText", None, 0,
                ctypes.byref(length)):
            return int(mark)
    return None


def _has_spans(textpage: Any) -> bool:
    """Whether the page of ``textpage`` (a pypdfium2 text page) has an ``/ActualText`` span.

    True when the page is not known (a raw handle). Asks the page's objects, up to
    the first in a span: a page with no marked content (fpdf2's, reportlab's,
    LibreOffice's untagged prints) is a call or two per text run, not per character.
    The objects inside a Form XObject are asked too (:data:`_FORM_DEPTH` deep): a
    page placed into another (2-up, fit to page) draws its spans there.
    """
    raw = getattr(getattr(textpage, "page", None), "raw", None)
    if raw is None:
        return True
    import pypdfium2.raw as pdfium_c

    get = bare_call("FPDFPage_GetObject", pdfium_c.FPDF_PAGEOBJECT)  # a pointer, passed as it is
    count = max(int(pdfium_c.FPDFPage_CountObjects(raw)), 0)
    return _spans_among(map(get, repeat(raw, count), range(count)), 0)


#: How deep Form XObjects nested in Form XObjects are looked into for spans.
_FORM_DEPTH = 4


def _spans_among(objects: Any, depth: int) -> bool:
    """Whether any of ``objects`` (page objects), or of the forms among them, is in a span."""
    import pypdfium2.raw as pdfium_c

    marks = bare_call("FPDFPageObj_CountMarks", ctypes.c_int)
    kind_of = bare_call("FPDFPageObj_GetType", ctypes.c_int)
    for obj in objects:
        if not obj:
            continue
        if marks(obj) > 0 and _span(ctypes.cast(obj, ctypes.c_void_p).value or 0) is not None:
            return True
        if depth < _FORM_DEPTH and kind_of(obj) == pdfium_c.FPDF_PAGEOBJ_FORM:
            form = ctypes.cast(obj, pdfium_c.FPDF_PAGEOBJECT)
            inner = max(int(pdfium_c.FPDFFormObj_CountObjects(form)), 0)
            if _spans_among((pdfium_c.FPDFFormObj_GetObject(form, k) for k in range(inner)),
                            depth + 1):
                return True
    return False


def span_copies(handle: Any, count: int) -> list[tuple[int, int]]:
    """The ``(start, end)`` character runs of a text page that read a span's text again.

    pdfium gives every character of a span's ``/ActualText`` the span's text
    object, and that object's origin: a run of characters of one text object at
    one origin is a span read (a glyph run of its own advances from glyph to
    glyph). A run whose span (the marked-content item: one for all the span's
    text objects) was read before, from another text object, is a copy.
    ``handle``: a text page's raw handle (``c_void_p``); ``count``: its characters.
    """
    text_object = bare_call("FPDFText_GetTextObject", ctypes.c_void_p)
    objects = list(map(text_object, repeat(handle, count), range(count)))
    origin_of = bare_call("FPDFText_GetCharOrigin", ctypes.c_int)
    x0, y0, x1, y1 = (ctypes.c_double() for _ in range(4))
    read: dict[int, int] = {}  # span → the text object it was read from
    out: list[tuple[int, int]] = []
    start = 0
    while start < count:
        obj = objects[start]
        end = start + 1
        while end < count and objects[end] == obj:
            end += 1
        if obj and end - start >= 2 \
                and origin_of(handle, start, ctypes.byref(x0), ctypes.byref(y0)) \
                and origin_of(handle, start + 1, ctypes.byref(x1), ctypes.byref(y1)) \
                and abs(x0.value - x1.value) < 1e-3 and abs(y0.value - y1.value) < 1e-3:
            span = _span(obj)
            if span is not None:
                if read.setdefault(span, obj) != obj:
                    out.append((start, end))
        start = end
    return out


def without_span_copies(textpage: Any, raw: str) -> str:
    """``raw`` (a page's text, a character per index) with each span copy :data:`COPY`.

    ``textpage``: a pypdfium2 text page or its :class:`.pdf_glyphs.Glyphs`.
    """
    handle = ctypes.cast(getattr(textpage, "handle", None) or getattr(textpage, "raw", textpage),
                         ctypes.c_void_p)
    if not _has_spans(getattr(textpage, "textpage", textpage)):
        return raw
    copies = span_copies(handle, len(raw))
    if not copies:
        return raw
    chars = list(raw)
    for start, end in copies:
        chars[start:end] = COPY * (end - start)
    return "".join(chars)


def page_has_spans(page: Any) -> bool:
    """Whether a pypdfium2 page has a Thai cluster (or any text) in an ``/ActualText`` span."""
    textpage = page.get_textpage()
    try:
        return _has_spans(textpage)
    finally:
        textpage.close()

"""Struck-through (deleted) text taken off a page before its characters are read.

Stage: read (a helper of :mod:`.pdf_layers`, in the worker). A Word draft printed with
its tracked changes shown (LibreOffice ``soffice --convert-to pdf``, Word's own print)
draws a deletion as the deleted text with a line through it, and an insertion
underlined; HTML's ``<del>`` and ``<s>`` print struck the same way. The struck words
are not the document's text as it stands (``น.ส.ธนากร ... (ร่าง)`` read for the
person's name, ``2863 (ร่าง)`` for an agency), so a text object is taken off the page in
memory (never the file) before its text page is made when a stroke crosses it:

* the stroke is a path no thicker than :data:`STROKE_EM` of the text's size (a
  stroked line or a thin filled rectangle), running along the baseline;
* its middle stands between :data:`LOW_EM` and :data:`HIGH_EM` font sizes above
  the object's baseline: through the letters' bodies, where a line-through is
  drawn. An underline stands at or below the baseline, a table's rule along a
  cell's edge, clear of the letters: neither drops anything;
* the strokes over it (a deletion's line is drawn in pieces, one per run) cover
  :data:`COVERED` of the object's width: a word struck inside a longer piece of
  text leaves that piece as it is (kept, not half read).

The strokes themselves are given back so the caller leaves them out of the page's
rules (a thin line-through is not a row's border).
"""

from __future__ import annotations

import ctypes
import math
from typing import Any

from bma_etl.read.pdf_forms import Box, apply, box_through
from bma_etl.read.pdf_open import TextObject

#: A stroke is no thicker than this many font sizes (its box, line width included).
STROKE_EM = 0.3
#: A stroke's middle stands at least this many font sizes above the baseline ...
LOW_EM = 0.1
#: ... and at most this many: between the baseline and the top of the letters' bodies.
HIGH_EM = 0.6
#: Share of a text object's width the strokes over it cover for it to be struck.
COVERED = 0.9
#: Paths thicker than this (points) are never strokes (a 40 pt heading's line-through
#: is under 4 pt): the quick test that leaves most pages' text objects unasked.
THICKEST = 6.0


def without_strikes(page: Any, texts: list[TextObject], paths: list[Box],
                    boxes: list[tuple[Any, Box]] | None = None) -> tuple[int, list[Box]]:
    """Take struck text objects off ``page``; how many, and the paths that struck them.

    ``page``: a pypdfium2 ``PdfPage`` (or its raw handle), upright, before its text
    page is made; ``texts`` and ``paths``: its text objects and path boxes (points),
    as :func:`.pdf_open.page_shapes` found them; ``boxes``: its page-level text
    objects with their boxes. The objects taken off are removed from ``texts`` and
    ``boxes`` in place (they are destroyed). An object pdfium cannot place stays.
    """
    thin = [path for path in paths if 0.0 < path[3] - path[1] <= THICKEST
            and path[2] - path[0] > path[3] - path[1]]
    if not thin:
        return 0, []
    import pypdfium2.raw as pdfium_c

    handle = getattr(page, "raw", page)
    struck: list[TextObject] = []
    strokes: set[Box] = set()
    for text in texts:
        crossing = _strokes_over(text, thin)
        if crossing:
            struck.append(text)
            strokes.update(crossing)
    if not struck:
        return 0, []
    gone = {id(text[1]) for text in struck}
    gone_objects = [text[1] for text in struck]
    texts[:] = [text for text in texts if id(text[1]) not in gone]
    if boxes is not None:
        boxes[:] = [(obj, box) for obj, box in boxes
                    if not any(obj is other for other in gone_objects)]
    taken = 0
    for form, obj, _ in struck:
        if form is None:
            done = pdfium_c.FPDFPage_RemoveObject(handle, obj)
        else:
            done = pdfium_c.FPDFFormObj_RemoveObject(form, obj)
        if done:
            pdfium_c.FPDFPageObj_Destroy(obj)
            taken += 1
    return taken, sorted(strokes)


def _strokes_over(text: TextObject, thin: list[Box]) -> list[Box]:
    """The thin paths that strike ``text`` through (see the module docstring); [] if none."""
    import pypdfium2.raw as pdfium_c

    _form, obj, to_page = text
    corners = [ctypes.c_float() for _ in range(4)]
    if not pdfium_c.FPDFPageObj_GetBounds(obj, *corners):
        return []
    box: Box = (corners[0].value, corners[1].value, corners[2].value, corners[3].value)
    if to_page is not None:
        box = box_through(to_page, box)
    left, bottom, right, top = box
    if right <= left:
        return []
    near = [path for path in thin if path[0] < right and left < path[2]
            and bottom < (path[1] + path[3]) / 2 < top]
    if not near:
        return []
    placed = _baseline(obj, to_page)
    if placed is None:
        return []
    baseline, em = placed
    over = [path for path in near if path[3] - path[1] <= STROKE_EM * em
            and LOW_EM * em <= (path[1] + path[3]) / 2 - baseline <= HIGH_EM * em]
    return over if _covered(over, left, right) >= COVERED * (right - left) else []


def _baseline(obj: Any, to_page: Any) -> tuple[float, float] | None:
    """An upright text object's baseline (y, points) and font size as drawn; None otherwise."""
    import pypdfium2.raw as pdfium_c

    m = pdfium_c.FS_MATRIX()
    size = ctypes.c_float()
    if not (pdfium_c.FPDFPageObj_GetMatrix(obj, m)
            and pdfium_c.FPDFTextObj_GetFontSize(obj, size)):
        return None
    a, b, c, d, e, f = m.a, m.b, m.c, m.d, m.e, m.f
    if to_page is not None:
        e, f = apply(to_page, e, f)
        a, b, c, d = (to_page[0] * a + to_page[2] * b, to_page[1] * a + to_page[3] * b,
                      to_page[0] * c + to_page[2] * d, to_page[1] * c + to_page[3] * d)
    if not (a > 0 and d > 0 and abs(b) <= 0.1 * a and abs(c) <= 0.1 * d):
        return None  # turned or mirrored text: no line-through of this kind
    return f, size.value * math.sqrt(abs(a * d - b * c))


def _covered(strokes: list[Box], left: float, right: float) -> float:
    """How much of ``left``..``right`` (points) the strokes' spans cover, overlaps once."""
    spans = sorted((max(left, s[0]), min(right, s[2])) for s in strokes)
    total, reach = 0.0, left
    for start, end in spans:
        if end > reach:
            total += end - max(start, reach)
            reach = end
    return total

"""Which way a page's text is drawn when the page itself is not turned (no ``/Rotate``).

Stage: read (a helper of :func:`.pdf_open.upright`, in the worker).

A landscape form placed on portrait paper with its content drawn turned 90 degrees
(an imposition tool, pypdf's ``merge_transformed_page``, a print driver's "fit to
page" on a portrait sheet) has no ``/Rotate``: its text matrices are turned, every
line ran up (or down) the page and no layout was recognised. Such a page is read in
its text's own direction: :func:`text_turn` says which turn (clockwise, degrees) sets
its text upright, and :func:`.pdf_open.upright` turns the page by it as it turns one
stored with ``/Rotate``.

Only the text objects' matrices are asked (no text page is made: every page comes
here; the first :data:`_ASKED` of them), forms' objects placed through the form's
matrix. A page turns when at least
:data:`MIN_OBJECTS` of its text objects are placed and nine in ten run the same
turned way; a page with fewer (a form's last page holding two lines) turns the way
the document's pages before it did, when all its text runs that way. Turned column
heads or a turned side label in an upright table are a few objects among many: the
page stays.
"""

from __future__ import annotations

import ctypes
import math
from collections import Counter
from typing import Any

from bma_etl.read.pdf_forms import Matrix, then

#: Text objects a page must place to be judged alone.
MIN_OBJECTS = 8
#: The share of them that must run one turned way.
SHARE = 0.9
#: A baseline within this many degrees of a direction runs that way.
LEAN_DEGREES = 10.0
_LEAN = math.tan(math.radians(LEAN_DEGREES))
#: Forms nested deeper than this are not looked into.
_DEPTH = 3
#: Text objects asked at most (the first in the page's order): enough to judge.
_ASKED = 64


def _way(m: Matrix) -> int | None:
    """The clockwise turn (0, 90, 180, 270) that sets a baseline ``(a, b)`` upright."""
    a, b = m[0], m[1]
    if abs(b) <= _LEAN * abs(a):
        return 0 if a > 0 else 180
    if abs(a) <= _LEAN * abs(b):
        return 90 if b > 0 else 270
    return None


def _ways(handle: Any, count: Any, get: Any, placed: Matrix, depth: int,
          out: Counter[int | None]) -> None:
    """Count the ways of the text objects under ``handle`` (a page or a form object)."""
    import pypdfium2.raw as pdfium_c

    m = pdfium_c.FS_MATRIX()
    for i in range(count(handle)):
        if sum(out.values()) >= _ASKED:
            return
        obj = get(handle, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind not in (pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_FORM):
            continue
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
            continue
        own: Matrix = (m.a, m.b, m.c, m.d, m.e, m.f)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            out[_way(then(own, placed))] += 1
        elif depth < _DEPTH:
            _ways(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject,
                  then(own, placed), depth + 1, out)


def text_turn(page: Any, before: int | None = None) -> int:
    """The clockwise turn (degrees: 0, 90, 180 or 270) that sets ``page``'s text upright.

    ``page``: a pypdfium2 ``PdfPage`` (or its raw handle) with no ``/Rotate``;
    ``before``: the turn the document's pages before it took (None: none judged).
    0 when its text runs upright, runs several ways, or is too little to judge (module
    docstring). Never raises: an object pdfium cannot place is not counted.
    """
    import pypdfium2.raw as pdfium_c

    handle = getattr(page, "raw", page)
    ways: Counter[int | None] = Counter()
    _ways(handle, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject,
          (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), 0, ways)
    total = sum(ways.values())
    if not total:
        return 0
    way, most = ways.most_common(1)[0]
    if way is None or most < SHARE * total:
        return 0
    if total >= MIN_OBJECTS or (before is not None and way == before and most == total):
        return way
    return 0

"""Which way a page's text is drawn when the page itself is not turned (no ``/Rotate``).

Stage: read (a helper of :func:`.pdf_upright.upright`, in the worker).

A landscape form placed on portrait paper with its content drawn turned 90 degrees
(an imposition tool, pypdf's ``merge_transformed_page``, a print driver's "fit to
page" on a portrait sheet) has no ``/Rotate``: its text matrices are turned, every
line ran up (or down) the page and no layout was recognised. Such a page is read in
its text's own direction: :func:`text_turn` says which turn (clockwise, degrees) sets
its text upright, and :func:`.pdf_upright.upright` turns the page by it as it turns one
stored with ``/Rotate``.

Every text object is placed once (:class:`.pdf_watermark.TextSizes`, forms' objects
placed through the form's matrix; no text page is made: every page comes here) and
weighed by its characters (its run along its baseline over its size, :func:`_weights`).
A page turns when at least :data:`MIN_OBJECTS` of its text objects are placed and
nine in ten of its characters run the same turned way: the text left running another
way after the turn is taken off as a watermark's (:mod:`.pdf_watermark`), so a page
turns only when next to none runs otherwise. A page with fewer (a form's last page
holding two lines) turns the way the document's pages before it did, when all its
text runs that way. Column heads or a side label set vertical in an upright table,
even one glyph to an object and drawn first, are few characters among many: the
page stays.
"""

from __future__ import annotations

import ctypes
from typing import Any

from bma_etl.read.pdf_forms import Matrix, then
from bma_etl.read.pdf_open import TextObject, walk_calls
from bma_etl.read.pdf_watermark import _KEPT, TextSizes, _box

#: Text objects a page must place to be judged alone.
MIN_OBJECTS = 8
#: The share of its characters that must run one turned way.
SHARE = 0.9
#: Forms nested deeper than this are not looked into.
_DEPTH = 3


def _texts(handle: Any, count: Any, get: Any, placed: Matrix | None, depth: int,
           out: list[TextObject]) -> None:
    """The text objects under ``handle`` (a page or a form object), as :data:`TextObject`."""
    import pypdfium2.raw as pdfium_c

    # pdfium's own calls per object, no argument converted (as :func:`.pdf_open.page_shapes`)
    kind_of, _, _, form_object = walk_calls()
    text, form = pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_FORM
    m = pdfium_c.FS_MATRIX()
    for i in range(count(handle)):
        obj = get(handle, i)
        kind = kind_of(obj)
        if kind == text:
            out.append((None if placed is None else handle, obj, placed))
        elif kind == form and depth < _DEPTH \
                and pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
            own: Matrix = (m.a, m.b, m.c, m.d, m.e, m.f)
            _texts(obj, pdfium_c.FPDFFormObj_CountObjects, form_object,
                   own if placed is None else then(own, placed), depth + 1, out)


def _weights(texts: list[TextObject], sizes: TextSizes) -> dict[int | None, float]:
    """The characters running each way (:attr:`.TextSizes.ways`), estimated.

    An object's characters: its box's run along its baseline over half its size as
    drawn (a glyph is about half an em wide), at least 1; 1 where either is unknown.
    An object pdfium cannot place is not counted.
    """
    out: dict[int | None, float] = {}
    for k, text in enumerate(texts):
        way, points = sizes.ways[k], sizes.points[k]
        if way is None and not sizes.turned[k]:
            continue
        chars = 1.0
        if points:
            left, bottom, right, top = _box(text)
            run = right - left if way in (0, 180) else top - bottom
            chars = max(1.0, run / (0.5 * points))
        out[way] = out.get(way, 0.0) + chars
    return out


def text_turn(page: Any, before: int | None = None) -> int:
    """The clockwise turn (degrees: 0, 90, 180 or 270) that sets ``page``'s text upright.

    ``page``: a pypdfium2 ``PdfPage`` (or its raw handle) with no ``/Rotate``;
    ``before``: the turn the document's pages before it took (None: none judged).
    0 when its text runs upright, runs several ways, or is too little to judge (module
    docstring). Never raises: an object pdfium cannot place is not counted.
    """
    import pypdfium2.raw as pdfium_c

    handle = getattr(page, "raw", page)
    texts: list[TextObject] = []
    _texts(handle, pdfium_c.FPDFPage_CountObjects, walk_calls()[2], None, 0, texts)
    sizes = TextSizes(texts)
    sizes.keep(handle)  # a page left as it is: not measured again for its reading
    if not any(sizes.ways):  # no object runs a turned way: the common, upright page
        return 0
    weights = _weights(texts, sizes)
    total = sum(weights.values())
    way, most = max(weights.items(), key=lambda item: item[1])
    if way is None or not way or most < SHARE * total:
        return 0
    placed = sum(sizes.turned) + sizes.ways.count(0)
    if placed >= MIN_OBJECTS or (before is not None and way == before and most == total):
        _KEPT.clear()  # the page turns: its objects move
        return way
    return 0

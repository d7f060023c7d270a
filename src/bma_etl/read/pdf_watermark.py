"""A watermark's text taken off a page before its characters are read (in the worker).

Stage: read (a helper of :mod:`.pdf_layers`). A copy stamped ``สำเนา``, ``ร่าง``,
``COPY`` or ``CONFIDENTIAL`` across each page (``qpdf --overlay``, pypdf's
``merge_page``, an office suite's watermark) draws that word as text over the
form: pdfium puts its letters in the page's text among the lines they cross, and
they land inside values. Two kinds of text object are taken off the page in
memory (never the file) before its text page is made, so no character of theirs
reaches a line, a gap or a break:

* text drawn turned: its baseline runs more than :data:`TURNED_DEGREES` off the
  page's horizontal (a diagonal watermark, a column heading set vertical, text
  upside down). A form's rows run across the page; a page stored with ``/Rotate``
  is turned upright first (:func:`.pdf_upright.upright`) and reads as before; a page
  whose text runs turned more than upright (drawn turned, with no ``/Rotate``) keeps it.
* upright text set :data:`BIG` times the page's body size or more, in a light or
  translucent fill (:data:`LIGHT`, :data:`TRANSLUCENT`), drawn over other text or
  centred on the sheet (:data:`CENTRED`; a short last page's body ends above its
  middle, where a stamp is laid): a horizontal watermark. A heading is dark, or
  stands clear of the body text away from the sheet's middle.

Objects inside Form XObjects are looked at too (placed through the forms' matrices), found
in the walk :func:`.pdf_open.page_shapes` makes for the page's rules and images.
"""

from __future__ import annotations

import ctypes
import math
from statistics import median
from typing import Any

from bma_etl.read.pdf_forms import Box, box_through, remove_objects, then
from bma_etl.read.pdf_open import TextObject, page_shapes

#: Text whose baseline runs more than this many degrees off the horizontal is turned.
#: A text layer laid over a scan a little skewed stays (a few degrees); a
#: watermark stands at 30-60 degrees, a vertical heading at 90.
TURNED_DEGREES = 10.0
#: Upright text this many times the page's median text size or more may be a watermark.
BIG = 3.0
#: A fill whose darkest channel is this light or lighter (0-255) is light grey or paler.
LIGHT = 150
#: A fill this translucent or more (alpha, 0-255) is a watermark's.
TRANSLUCENT = 180
#: A box whose middle lies within this share of the page's width and height of the
#: page's middle is centred on it (a stamp centred by qpdf, pypdf or an office suite).
CENTRED = 0.1
_INVISIBLE = 3  # text render mode 3: neither filled nor stroked (an OCR layer)


#: An upright baseline leans less than :data:`TURNED_DEGREES`: its rise over its run.
_LEAN = math.tan(math.radians(TURNED_DEGREES))


def without_watermarks(page: Any, texts: list[TextObject] | None = None,
                       sizes: TextSizes | None = None) -> int:
    """Take a watermark's text objects off ``page`` (in memory); how many were taken.

    ``page``: a pypdfium2 ``PdfPage`` (or its raw handle), already upright; a text
    page must be made after this call. ``texts``: the page's text objects as
    :func:`.pdf_open.page_shapes` found them in its walk (found here when None);
    ``sizes``: their :class:`TextSizes`, when measured already (objects not moved
    since; asked here when None). Text drawn turned goes, and upright text
    :data:`BIG` times the body size in a faint fill over other text (see the module
    docstring). Each text object is asked its matrix and size; colours and boxes
    are asked of the few large ones only. An object pdfium cannot place or measure stays.
    """
    if texts is None:
        texts = []
        page_shapes(page, texts)
    handle = getattr(page, "raw", page)
    if sizes is None:
        sizes = TextSizes(texts)
    turned: list[TextObject] = []
    upright: list[tuple[TextObject, float]] = []  # and its size (points, as drawn)
    for text in texts:
        at = sizes.row(text)
        if sizes.turned[at]:
            turned.append(text)
        elif sizes.points[at] is not None:
            upright.append((text, sizes.points[at]))  # type: ignore[arg-type]
    if len(turned) > len(upright):  # the page's own text runs turned: no watermark's
        turned = []
    if len(upright) > 1:
        body = median(points for _, points in upright)
        big = [text for text, points in upright
               if body > 0 and points >= BIG * body and _faint(text[1])]
        if big:
            taken = {id(text) for text in big}
            rest = [_box(text) for text, _ in upright if id(text) not in taken]
            middle = _middle(handle)
            turned += [text for text in big if _centred(_box(text), middle)
                       or any(_overlap(_box(text), box) for box in rest)]
    remove_objects(handle, turned)
    return len(turned)


_CALLS: list[Any] = []  # FPDFPageObj_GetMatrix and FPDFTextObj_GetFontSize, arguments unconverted
#: Matrices (6 floats each) and sizes of text objects, with a pointer to each, kept for the
#: next page (grown as needed).
_SLOTS: list[Any] = [(ctypes.c_float * 0)(), (ctypes.c_float * 0)(), [], []]


class TextSizes:
    """A page's text objects each placed and measured once, for every step that asks.

    ``texts``: the page's text objects (:func:`.pdf_open.page_shapes`). Per object (by
    :meth:`row`): :attr:`turned`, whether its baseline runs more than
    :data:`TURNED_DEGREES` off the horizontal (pdfium placed it); :attr:`points`, its
    font size as drawn (points: the size times its matrix's scale, a form's matrix
    applied), None where pdfium cannot place or measure it; :attr:`ways`, the clockwise
    turn (0, 90, 180, 270 degrees) that sets its baseline upright (within
    :data:`TURNED_DEGREES`), None when it runs another way or cannot be placed
    (:mod:`.pdf_turned`). The objects must not be
    moved after (their matrices are read here, one call per object into one array,
    the arithmetic in numpy over the page: the same values as asked object by object).
    """

    __slots__ = ("_objects", "_rows", "points", "turned", "ways")

    def __init__(self, texts: list[TextObject]) -> None:
        import numpy as np

        self._objects = list(texts)
        self._rows = {id(text): k for k, text in enumerate(self._objects)}
        count = len(texts)
        placed, sized, values, sizes = _measured([text[1] for text in texts])
        m = np.frombuffer(values, dtype=np.float32, count=6 * count).astype(np.float64)
        a, b, c, d = m[0::6].copy(), m[1::6].copy(), m[2::6].copy(), m[3::6].copy()
        for k, text in enumerate(texts):  # drawn in a form: through its matrix to the page
            if text[2] is not None and placed[k]:
                a[k], b[k], c[k], d[k] = then((a[k].item(), b[k].item(), c[k].item(),
                                               d[k].item(), 0.0, 0.0), text[2])[:4]
        size = np.frombuffer(sizes, dtype=np.float32, count=count).astype(np.float64)
        placed_at = np.array(placed, dtype=bool) if count else np.zeros(0, dtype=bool)
        sized_at = np.array(sized, dtype=bool) if count else np.zeros(0, dtype=bool)
        with np.errstate(all="ignore"):  # (rows pdfium did not fill are not read)
            upright = (a > 0) & (np.abs(b) <= _LEAN * a)
            points = size * np.sqrt(np.abs(a * d - b * c))
            across, along = np.abs(b) <= _LEAN * np.abs(a), np.abs(a) <= _LEAN * np.abs(b)
            way = np.select([upright, across & (a < 0), along & (b > 0), along & (b < 0)],
                            [0, 180, 90, 270], -1)
        self.turned: list[bool] = (placed_at & ~upright).tolist()
        self.ways: list[int | None] = [
            int(w) if ok and w >= 0 else None
            for ok, w in zip(placed_at.tolist(), way.tolist(), strict=True)]
        self.points: list[float | None] = [
            value if ok else None for ok, value in zip(
                (placed_at & sized_at).tolist(), points.tolist(), strict=True)]

    @classmethod
    def kept(cls, page: Any, texts: list[TextObject]) -> TextSizes:
        """``TextSizes(texts)``, or the measure :meth:`keep` kept of these very objects.

        :func:`.pdf_turned.text_turn` measures a page's objects to judge its turn; a
        page it leaves as it is (nothing moved) is not measured again for its reading.
        The kept measure is used once (taken here whether or not it fits).
        """
        handle = getattr(page, "raw", page)
        if _KEPT:
            at, objects, sizes = _KEPT.pop()
            if at == _address(handle) and objects == _objects(texts):
                again = object.__new__(cls)
                again._objects, again._rows = list(texts), {id(t): k for k, t in enumerate(texts)}
                again.points, again.turned, again.ways = sizes.points, sizes.turned, sizes.ways
                return again
        return cls(texts)

    def keep(self, page: Any) -> None:
        """Keep this measure of ``page``'s objects for :meth:`kept` (the page not moved after)."""
        _KEPT[:] = [(_address(getattr(page, "raw", page)), _objects(self._objects), self)]

    def row(self, text: TextObject) -> int:
        """The row of ``text`` (one of the objects measured); KeyError for another object."""
        at = self._rows[id(text)]
        if self._objects[at] is not text:
            raise KeyError("not a text object of this page's measure")
        return at


_KEPT: list[tuple[int, list[Any], TextSizes]] = []  # the last page judged, for its reading


def _address(obj: Any) -> int:
    """Where a pdfium handle points (0 for none).

    A typed pointer (pypdfium2's handles) is read through its target's address, a
    sixth of what ``ctypes.cast`` costs (asked of every text object, twice a page);
    a null pointer, a ``c_void_p`` or an int goes through ``ctypes.cast``.
    """
    try:
        return ctypes.addressof(obj.contents)
    except (AttributeError, ValueError, TypeError):  # (ValueError: a null pointer)
        return ctypes.cast(obj, ctypes.c_void_p).value or 0


def _objects(texts: list[TextObject]) -> list[Any]:
    """Text objects as comparable values: each one's address and its form's matrix."""
    return [(_address(text[1]), text[2]) for text in texts]


def _measured(objs: list[Any]) -> tuple[list[int], list[int], Any, Any]:
    """Each text object's matrix and font size as pdfium writes them, and whether it could.

    Whether each matrix and each size was written (pdfium's results), and the
    arrays they were written into (``c_float``: six per matrix, ``a b c d e f``;
    one per size), read in the objects' order; a row pdfium did not write holds
    anything. One call per object into one array, with pdfium's functions called
    without converting arguments (pypdfium2's bindings check and convert each, as
    :func:`.pdf_glyphs.loose_boxes` avoids): a page holds hundreds of text objects.
    """
    if not _CALLS:
        import pypdfium2.raw as pdfium_c

        for call in (pdfium_c.FPDFPageObj_GetMatrix, pdfium_c.FPDFTextObj_GetFontSize):
            address = ctypes.cast(call, ctypes.c_void_p).value
            _CALLS.append(ctypes.PYFUNCTYPE(ctypes.c_int)(int(address or 0)))
    count = len(objs)
    if len(_SLOTS[2]) < count:
        size = max(count, 2 * len(_SLOTS[2]), 1024)
        matrices, sizes = (ctypes.c_float * (6 * size))(), (ctypes.c_float * size)()
        at, to = ctypes.addressof(matrices), ctypes.addressof(sizes)
        _SLOTS[:] = [matrices, sizes, [ctypes.c_void_p(at + 24 * i) for i in range(size)],
                     [ctypes.c_void_p(to + 4 * i) for i in range(size)]]
    matrices, sizes, to_matrix, to_size = _SLOTS
    placed = list(map(_CALLS[0], objs, to_matrix[:count]))
    sized = list(map(_CALLS[1], objs, to_size[:count]))
    return placed, sized, matrices, sizes


def _faint(obj: Any) -> bool:
    """Whether a text object is filled light or translucent (and drawn at all)."""
    import pypdfium2.raw as pdfium_c

    rgba = [ctypes.c_uint() for _ in range(4)]
    return pdfium_c.FPDFTextObj_GetTextRenderMode(obj) != _INVISIBLE and bool(
        pdfium_c.FPDFPageObj_GetFillColor(obj, *rgba)) and (
        min(c.value for c in rgba[:3]) >= LIGHT or rgba[3].value <= TRANSLUCENT)


def _box(text: TextObject) -> Box:
    """A text object's bounds on the page (left, bottom, right, top; points); empty if unknown."""
    import pypdfium2.raw as pdfium_c

    _form, obj, to_page = text
    corners = [ctypes.c_float() for _ in range(4)]
    if not pdfium_c.FPDFPageObj_GetBounds(obj, *corners):
        return (0.0, 0.0, 0.0, 0.0)
    box: Box = (corners[0].value, corners[1].value, corners[2].value, corners[3].value)
    return box if to_page is None else box_through(to_page, box)


def _middle(handle: Any) -> tuple[float, float, float, float]:
    """The shown area's middle and size: ``(x, y, width, height)`` in points."""
    import pypdfium2.raw as pdfium_c

    box = pdfium_c.FS_RECTF()  # the crop box within the media box, in the page's space
    if not pdfium_c.FPDF_GetPageBoundingBox(handle, box):
        return 0.0, 0.0, 0.0, 0.0
    return ((box.left + box.right) / 2, (box.bottom + box.top) / 2,
            box.right - box.left, box.top - box.bottom)


def _centred(box: Box, middle: tuple[float, float, float, float]) -> bool:
    """Whether a box's middle lies within :data:`CENTRED` of the page's (see :func:`_middle`)."""
    x, y, width, height = middle
    return (box[2] > box[0] and width > 0 and abs((box[0] + box[2]) / 2 - x) <= CENTRED * width
            and abs((box[1] + box[3]) / 2 - y) <= CENTRED * height)


def _overlap(one: Box, two: Box) -> bool:
    """Whether two boxes (left, bottom, right, top) share some area."""
    return one[0] < two[2] and two[0] < one[2] and one[1] < two[3] and two[1] < one[3]

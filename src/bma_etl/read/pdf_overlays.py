"""A box a browser prints over every page's content (a fixed banner), taken off the page.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_layers`). A web
page's cookie banner or top bar set ``position: fixed`` is printed by Chromium on
every page, at the same place, over whatever content the page holds there: its filled
box is painted after that content (a positioned element paints after the page's
flow; pdfium lists a page's objects in paint order), then its own text inside it.
pdfium reads that text among the lines it crosses (``25/06/2567 : สำยอมรับทั้งหมด
รวจจุดเสี่ยง…``, the banner's button inside a word of the entry under it).

:func:`boxes_over_text` finds, on one page, each filled box (opaque, or half-transparent
as a page may set its banner: :data:`MIN_ALPHA`) with text painted after it inside it,
and whether it is painted over text drawn before it (it covers content: an overlay).
:func:`repeated_overlays` keeps those that stand on two or more PDF pages alike (the
same box and fill, text inside) and cover content on at least one: running furniture
drawn over the body, not the document's. A box drawn once (a text box a writer laid
over the body) is the document's and stays. :func:`take_off` removes such a box and
what is painted inside it after it, before the text page is made. The content under
the box stays read: the print hides it, the text layer holds it whole, and it is the
document's own text (under a half-transparent box, seen too).
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterable, Sequence
from typing import Any

from bma_etl.read.pdf_forms import Box, remove_objects

#: A box narrower or lower than this (points) holds no line of text (a rule, an underline).
MIN_SIDE = 6.0
#: A box taller than this share of the page is a page's background or a picture's
#: panel, never a banner (an overlay page's opaque ground would hide the whole page).
MAX_HEIGHT_SHARE = 1 / 3
#: Least fill alpha (0-255) of a banner's box: a page may set its banner half-transparent
#: (``rgba(180,20,20,0.6)``: Chromium paints it with an ExtGState ``/ca`` of 0.6, alpha
#: 153), the text under it seen through, and it is furniture as an opaque one is; a fill
#: this faint (under 10 %) is no box a reader sees.
MIN_ALPHA = 26
#: An overlay's key: its fill (r, g, b) and its box, rounded to whole points (its text
#: may differ from page to page: Chromium prints a fixed banner's button on the first only).
Key = tuple[tuple[int, ...], tuple[int, ...]]
#: Where a text object stands (its box's centre, rounded to whole points).
Place = tuple[int, int]
#: One page's boxes over text: each box's key and the places of the text painted before
#: it inside it (none: it covers no content).
Found = tuple[tuple[Key, tuple[Place, ...]], ...]


def boxes_over_text(page: Any, boxes: Sequence[tuple[Any, Box]],
                    order: Sequence[tuple[int, Any, Box]], height: float
                    ) -> list[tuple[Key, tuple[Place, ...], list[Any]]]:
    """The page's filled boxes (:data:`MIN_ALPHA`) with text painted after them inside them.

    ``page``: a pypdfium2 page (or its raw handle); ``boxes``: its own text objects
    with their boxes, in paint order; ``order``: its own paths as ``(n, object, box)``,
    ``n`` the text objects painted before each (:func:`.pdf_open.page_shapes`);
    ``height``: the page's height (points). Each box found is given as its
    :data:`Key`, the places of the text objects drawn before it with their centres
    inside it (the content it covers), and the objects painted inside it after it (texts
    and paths, the box first). A text object's place is its box's centre.
    """
    import numpy as np
    import pypdfium2.raw as pdfium_c

    count = len(boxes)
    tall = [(n, k, box) for k, (n, _, box) in enumerate(order) if n < count
            and box[2] - box[0] >= MIN_SIDE
            and MIN_SIDE <= box[3] - box[1] <= MAX_HEIGHT_SHARE * height]
    if not tall:
        return []
    drawn = np.array([box for _, box in boxes], dtype=np.float64).reshape(-1, 4)
    xs, ys = (drawn[:, 0] + drawn[:, 2]) / 2, (drawn[:, 1] + drawn[:, 3]) / 2
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    rgba = [ctypes.c_uint() for _ in range(4)]
    out = []
    for n, k, box in tall:
        inside = (xs >= box[0]) & (xs <= box[2]) & (ys >= box[1]) & (ys <= box[3])
        after = np.flatnonzero(inside[n:]) + n
        if not after.size:
            continue
        obj = order[k][1]
        if not pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke) or not fill.value \
                or not pdfium_c.FPDFPageObj_GetFillColor(obj, *rgba) \
                or rgba[3].value < MIN_ALPHA:
            continue
        key = (tuple(c.value for c in rgba[:3]), tuple(round(v) for v in box))
        later = [other for m, other, at in order[k + 1:] if m >= n
                 and box[0] <= (at[0] + at[2]) / 2 <= box[2]
                 and box[1] <= (at[1] + at[3]) / 2 <= box[3]]
        under = np.flatnonzero(inside[:n]).tolist()
        out.append((key, tuple((round(xs[i]), round(ys[i])) for i in under),
                    [obj, *(boxes[i][0] for i in after.tolist()), *later]))
    return out


def repeated_overlays(pages: Iterable[tuple[int, Found]]) -> frozenset[Key]:
    """Keys of the boxes that are running furniture over the body.

    ``pages``: each read page's PDF page (0-based) and its boxes over text
    (:func:`boxes_over_text`). A key counts when it stands on two PDF pages or more
    and covers content on one of them at least, not the same content on each page it
    covers: a fixed banner stands over the text that flows under it, a patch a PDF
    editor laid on every page (a white box and the new words of a running header) over
    the same old words each time, and what it shows is the page's.
    """
    sheets: dict[Key, set[int]] = {}
    covered: dict[Key, dict[int, tuple[Place, ...]]] = {}
    for sheet, found in pages:
        for key, under in found:
            sheets.setdefault(key, set()).add(sheet)
            if under:
                covered.setdefault(key, {})[sheet] = under
    return frozenset(key for key, by_sheet in covered.items() if len(sheets[key]) > 1
                     and not (len(by_sheet) > 1 and len(set(by_sheet.values())) == 1))


def take_off(page: Any, found: list[tuple[Key, tuple[Place, ...], list[Any]]],
             drop: frozenset[Key],
             texts: list[Any], boxes: list[tuple[Any, Box]], paths: list[Box],
             order: list[tuple[int, Any, Box]], blanks: list[Box]) -> int:
    """Remove the boxes in ``drop`` and what is painted inside them after them; how many.

    ``page``: a pypdfium2 page (or its raw handle), before its text page is made;
    ``found``: its :func:`boxes_over_text`; the lists are
    :func:`.pdf_open.page_shapes`'s, the objects taken leave them all.
    """
    gone: dict[int | None, Any] = {}
    for key, _, objects in found:
        if key in drop:
            gone.update((_address(obj), obj) for obj in objects)
    if not gone:
        return 0
    shapes = {id(box) for _, obj, box in order if _address(obj) in gone}
    text_boxes = {id(box) for obj, box in boxes if _address(obj) in gone}
    texts[:] = [t for t in texts if t[0] is not None or _address(t[1]) not in gone]
    boxes[:] = [pair for pair in boxes if _address(pair[0]) not in gone]
    order[:] = [entry for entry in order if _address(entry[1]) not in gone]
    paths[:] = [box for box in paths if id(box) not in shapes]
    blanks[:] = [box for box in blanks if id(box) not in text_boxes]
    return remove_objects(getattr(page, "raw", page),
                          [(None, obj, None) for obj in gone.values()])


def _address(obj: Any) -> int | None:
    """A pdfium object pointer's address (one object, however many pointers to it)."""
    return ctypes.cast(obj, ctypes.c_void_p).value

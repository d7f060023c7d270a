"""A line that repeats the line just above it, word for word, which pdfium would leave out.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_layers`).
pdfium's text page drops a text object that repeats one of the five text objects
before it (the same character codes, the same font size, boxes that overlap, set
off by less than an eighth of its width): it takes it for a copy drawn again to
fake bold type. A writer that draws each line as one object (LibreOffice) draws
two list items of the same words one line pitch apart, and a line pitch is far
less than an eighth of a long line: the second item's words were lost
(``๔.`` alone, its text the same as ``๓.``'s). A copy drawn to fake bold stands
a fraction of a point off its original; an object set off by half its own height
or more is another line. Five empty text objects put before such a line (in
memory, before the text page is made) take its twin out of the objects pdfium
compares it with; they draw nothing and give no character.
"""

from __future__ import annotations

import ctypes
from typing import Any

from bma_etl.read.pdf_forms import Box

#: How many text objects before one pdfium compares it with (``IsSameAsPreviousTextObject``).
LOOKBACK = 5
#: Boxes this close (points) in width: the same words in the same font.
SAME = 0.01
#: Left edges this close (points): set at one margin or tab stop (pdfium's limit is
#: 0.9 of a character's width).
ALIGNED = 0.5
#: A twin set off by this much of its box's height or more is another line, not a copy.
APART = 0.5


def twins_apart(page: Any, boxes: list[tuple[Any, Box]]) -> int:
    """Keep pdfium from dropping each page-level text object that repeats a line above it.

    ``page``: a pypdfium2 ``PdfPage``, before its text page is made; ``boxes``: its
    own text objects with their boxes, in page order, as :func:`.pdf_open.page_shapes`
    found them. Returns how many lines were kept apart. Objects inside forms are
    left as they are.
    """
    if len(boxes) < 2:
        return 0
    import numpy as np
    import pypdfium2.raw as pdfium_c

    box = np.array([b for _, b in boxes], dtype=np.float64)  # left, bottom, right, top
    width, left, bottom, height = box[:, 2] - box[:, 0], box[:, 0], box[:, 1], box[:, 3] - box[:, 1]
    twin = np.zeros(len(boxes), dtype=bool)
    for step in range(1, min(LOOKBACK, len(boxes) - 1) + 1):  # each object, `step` before
        twin[step:] |= (width[step:] > SAME) & (abs(width[step:] - width[:-step]) <= SAME) \
            & (abs(left[step:] - left[:-step]) <= ALIGNED) \
            & (abs(bottom[step:] - bottom[:-step]) >= APART * height[step:])
    sizes: dict[int, float | None] = {}  # (each object's size asked of pdfium once)

    def size(k: int) -> float | None:
        if k not in sizes:
            sizes[k] = _size(boxes[k][0])
        return sizes[k]

    # the boxes first: a size is asked only of a pair the boxes already make twins
    twins = [boxes[i][0] for i in np.flatnonzero(twin).tolist()
             if any(_twins(boxes[i][1], boxes[j][1]) and size(i) == size(j)
                    for j in range(max(0, i - LOOKBACK), i))]
    if not twins:
        return 0
    handle = getattr(page, "raw", page)
    pdf = getattr(getattr(page, "pdf", None), "raw", None)
    if pdf is None:
        return 0
    object_at = ctypes.PYFUNCTYPE(ctypes.c_void_p)(  # (the page's objects: each twin's index)
        ctypes.cast(pdfium_c.FPDFPage_GetObject, ctypes.c_void_p).value or 0)
    wanted = {ctypes.cast(obj, ctypes.c_void_p).value for obj in twins}
    page_handle = ctypes.cast(handle, ctypes.c_void_p)
    at = [k for k in range(pdfium_c.FPDFPage_CountObjects(handle))
          if object_at(page_handle, ctypes.c_int(k)) in wanted]
    for index in reversed(at):
        for _ in range(LOOKBACK):
            blank = pdfium_c.FPDFPageObj_NewTextObj(pdf, b"Helvetica", 1.0)
            if not blank:
                return 0
            if not pdfium_c.FPDFPage_InsertObjectAtIndex(handle, blank, index):
                pdfium_c.FPDFPageObj_Destroy(blank)  # (not the page's: ours to free)
                return 0
    return len(at)


def _twins(box: Box, other: Box) -> bool:
    """Whether ``box`` is as wide as ``other``, set at its left edge, a line or more off it."""
    return abs((box[2] - box[0]) - (other[2] - other[0])) <= SAME \
        and abs(box[0] - other[0]) <= ALIGNED \
        and abs(box[1] - other[1]) >= APART * (box[3] - box[1])


def _size(obj: Any) -> float | None:
    """A text object's font size, None when pdfium cannot say."""
    import pypdfium2.raw as pdfium_c

    size = ctypes.c_float()
    return size.value if pdfium_c.FPDFTextObj_GetFontSize(obj, ctypes.byref(size)) else None

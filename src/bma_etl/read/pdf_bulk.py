"""pdfium's per-character answers for many characters of a page, asked in one pass.

Stage: read (runs in the PDF worker process; a helper of the page-wide passes of
:mod:`.pdf_spaces` and :mod:`.pdf_fast`). pdfium has no call that answers for
many characters at once: :func:`origins_of` and :func:`sizes_of` still call it
once per character, but through ``map`` into buffers made once (the outputs are
pointers into them, as :func:`.pdf_glyphs.loose_boxes` does), with no Python step
per character, and keep the answers in the page's :class:`.pdf_glyphs.Glyphs` as
:meth:`~.pdf_glyphs.Glyphs.origin` and :meth:`~.pdf_glyphs.Glyphs.size` keep them.
"""

from __future__ import annotations

import ctypes
from itertools import repeat
from typing import Any

import numpy as np

#: Buffers of C doubles (two per character: an origin's x and y) and of FS_MATRIX
#: (six floats), with a pointer to each slot, kept for the next page (grown as needed).
_DOUBLES: list[Any] = [(ctypes.c_double * 0)(), [], []]
_MATRICES: list[Any] = [(ctypes.c_float * 0)(), []]


def _double_slots(count: int) -> tuple[Any, list[Any], list[Any]]:
    """A buffer of at least ``count`` pairs of doubles, a pointer to each one's x and y."""
    values, xs, ys = _DOUBLES
    if len(xs) < count:
        size = max(count, 2 * len(xs), 1024)
        values = (ctypes.c_double * (2 * size))()
        start, to_double = ctypes.addressof(values), ctypes.POINTER(ctypes.c_double)
        xs = [ctypes.cast(start + 16 * i, to_double) for i in range(size)]
        ys = [ctypes.cast(start + 16 * i + 8, to_double) for i in range(size)]
        _DOUBLES[:] = [values, xs, ys]
    return values, xs, ys


def _matrix_slots(count: int) -> tuple[Any, list[Any]]:
    """A buffer of at least ``count`` FS_MATRIX and a pointer to each."""
    values, slots = _MATRICES
    if len(slots) < count:
        size = max(count, 2 * len(slots), 256)
        values = (ctypes.c_float * (6 * size))()
        start, to_float = ctypes.addressof(values), ctypes.POINTER(ctypes.c_float)
        slots = [ctypes.cast(start + 24 * i, to_float) for i in range(size)]
        _MATRICES[:] = [values, slots]
    return values, slots


def origins_of(g: Any, indexes: list[int]) -> tuple[Any, Any, Any]:
    """The origin of each of ``indexes`` (page indexes of ``g``'s characters), numpy arrays.

    ``(known, x, y)``: whether pdfium gave it, and its x and baseline (points; 0.0
    where not known), as :meth:`.pdf_glyphs.Glyphs.origin` gives them, a character
    a form moved placed too.
    """
    count = len(indexes)
    if g.moved:
        found = list(map(g.origin, indexes))
        known = np.array([xy is not None for xy in found], dtype=bool)
        xy = np.array([xy or (0.0, 0.0) for xy in found], dtype=np.float64).reshape(-1, 2)
        return known, xy[:, 0], xy[:, 1]
    values, xs, ys = _double_slots(count)
    ctypes.memset(values, 0, 16 * count)
    known = np.fromiter(map(g._origin_of, repeat(g._at, count), indexes, xs[:count],
                            ys[:count]), dtype=np.int64, count=count) != 0
    both = np.frombuffer(values, dtype=np.float64, count=2 * count).copy()
    x, y = both[0::2], both[1::2]
    pairs: list[tuple[float, float] | None] = list(zip(x.tolist(), y.tolist(), strict=True))
    for k in np.flatnonzero(~known).tolist():
        pairs[k] = None
    g._origins.update(zip(indexes, pairs, strict=True))
    return known, x, y


def sizes_of(g: Any, indexes: list[int]) -> Any:
    """The font size (points, as drawn: :func:`.pdf_glyphs.font_size`) of each of ``indexes``.

    A numpy array (float64); pdfium's 1.0 for a generated character, 0.0 unknown.
    """
    count = len(indexes)
    sizes = np.fromiter(map(g._size, repeat(g._at, count), indexes), dtype=np.float64,
                        count=count)
    sizes[sizes == 0.0] = 0.0  # (a negative zero reads 0.0, as Glyphs.size makes it)
    scaled = np.flatnonzero(sizes > 1.0)
    if len(scaled):
        asked = [indexes[k] for k in scaled.tolist()]
        values, slots = _matrix_slots(len(asked))
        ctypes.memset(values, 0, 24 * len(asked))
        known = np.fromiter(map(g._matrix_of, repeat(g._at, len(asked)), asked,
                                slots[:len(asked)]), dtype=np.int64, count=len(asked)) != 0
        m = np.frombuffer(values, dtype=np.float32, count=6 * len(asked)).astype(np.float64)
        a, b, c, d = m[0::6], m[1::6], m[2::6], m[3::6]
        scale = np.sqrt(np.abs(a * d - b * c))
        use = known & (scale > 0.0)
        sizes[scaled[use]] *= scale[use]
    g._sizes.update(zip(indexes, sizes.tolist(), strict=True))
    return sizes

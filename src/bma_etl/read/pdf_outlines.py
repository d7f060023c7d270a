"""A font program's glyph outline as points, for glyphs fontTools draws through a pen.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_unmapped`, for
CFF font programs, whose glyphs have no point list of their own as TrueType's do),
the font program itself as pdfium holds it, and what is read from a program kept
for the next page that draws with it (:func:`read_once`).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import Any, TypeVar

_T = TypeVar("_T")
#: What was read last from font programs, by key (:func:`read_once`), oldest first.
_READ: dict[Any, Any] = {}
#: How many readings :data:`_READ` keeps: a document's pages draw with a few programs.
READ_KEPT = 8


def read_once(key: Any, make: Callable[[], _T]) -> _T:
    """``make()``, kept under ``key`` for the next call with an equal key.

    ``key``: hashable and naming all ``make`` reads (a font program's bytes, say):
    pdfium gives each page its own font handles, so without this every page of a
    document would parse the same program again. Only the last :data:`READ_KEPT`
    readings are kept (a program is up to megabytes).
    """
    if key in _READ:
        return _READ[key]
    value = make()
    while len(_READ) >= READ_KEPT:
        del _READ[next(iter(_READ))]
    _READ[key] = value
    return value


def font_data(font: Any) -> bytes | None:
    """The font program pdfium draws with (embedded file bytes), or ``None``.

    ``font``: a pdfium ``FPDF_FONT`` handle (``FPDFTextObj_GetFont``).
    """
    import pypdfium2.raw as pdfium_c

    size = ctypes.c_size_t()
    if not pdfium_c.FPDFFont_GetFontData(font, None, 0, ctypes.byref(size)) or not size.value:
        return None
    buffer = (ctypes.c_uint8 * size.value)()
    if not pdfium_c.FPDFFont_GetFontData(font, buffer, size.value, ctypes.byref(size)):
        return None
    return bytes(buffer)


class OutlinePoints:
    """A pen that keeps a CFF outline's points, on the curve and off it, contour by contour."""

    def __init__(self, glyphs: Any) -> None:
        self.glyphSet = glyphs
        self.contours: list[list[tuple[float, float]]] = []

    def moveTo(self, point: tuple[float, float]) -> None:
        """Start a contour at ``point``."""
        self.contours.append([(float(point[0]), float(point[1]))])

    def _add(self, *points: tuple[float, float]) -> None:
        if not self.contours:
            self.contours.append([])
        self.contours[-1].extend((float(x), float(y)) for x, y in points)

    def lineTo(self, point: tuple[float, float]) -> None:
        """A line's end."""
        self._add(point)

    def curveTo(self, *points: tuple[float, float]) -> None:
        """A cubic curve's control points and end."""
        self._add(*points)

    def qCurveTo(self, *points: tuple[float, float] | None) -> None:
        """A quadratic curve's points (TrueType's implied points left out)."""
        self._add(*(p for p in points if p is not None))

    def closePath(self) -> None:
        """The contour ends (its points are kept as they are)."""
        pass

    def endPath(self) -> None:
        """An open contour ends."""
        pass

    def addComponent(self, name: str, transformation: Any) -> None:
        """Another glyph drawn in this one, moved by ``transformation``."""
        from fontTools.pens.transformPen import TransformPen

        self.glyphSet[name].draw(TransformPen(self, transformation))

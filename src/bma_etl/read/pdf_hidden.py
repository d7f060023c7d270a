"""Text a page's clip hides but for the marks over it: a line of the next page.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_layers`). A
browser prints a page by drawing the document through a clip, the printable area:
a line that stands just past the page's foot is drawn on the next page, and on
this one only the marks over its letters (``ื้`` of ``พื้นที่``), which reach up into
the clip, show. Chromium writes those marks as text objects of their own whose
text is their cluster's (``/ActualText``, ``พื้``): pdfium read ``พื้ ที่`` as a line
of this page, and a plan's project row the page cut lost its rest, read as a
line after the table. :func:`without_hidden_lines` takes such objects off the page.
"""

from __future__ import annotations

import ctypes
from typing import Any

from bma_etl.read.pdf_forms import Box, remove_objects
from bma_etl.read.pdf_open import TextObject, clipped

#: A clip this share of the page's width and height or more is the printable area.
AREA_SHARE = 0.5
#: A box larger than any page: :func:`.pdf_open.clipped` cuts it to the clip's box.
_EVERYWHERE: Box = (-1e9, -1e9, 1e9, 1e9)
#: A text object whose baseline its clip hides by this many font sizes or more stands
#: on a line the clip hides (its letters, up to 0.7 of a font size tall, are gone).
HIDDEN_EM = 0.5


def without_hidden_lines(page: Any, texts: list[TextObject], boxes: list[tuple[Any, Box]],
                         cells: list[tuple[Any, Box, Box]] | None = None) -> int:
    """Take off ``page`` its own text objects whose line the clip hides; how many were taken.

    ``page``: a pypdfium2 ``PdfPage`` (or its raw handle), before its text page is
    made; ``texts`` and ``boxes``: its text objects and its own ones with their boxes,
    as :func:`.pdf_open.page_shapes` found them (the objects taken leave both).
    An object counts when its clip is the printable area (:data:`AREA_SHARE` of the
    page or more: a spreadsheet's cell hides what overflows it, text the print still
    holds) and its origin, the baseline it is set on, lies outside that clip's box by
    :data:`HIDDEN_EM` font sizes or more. Objects inside forms stay. ``cells``, if
    given, receives each of the others whose clip is smaller (a spreadsheet cell's, as
    :mod:`.pdf_clip_cells` reads it): the object, its box and its clip's box.
    """
    import pypdfium2.raw as pdfium_c

    handle = getattr(page, "raw", page)
    width, height = pdfium_c.FPDF_GetPageWidthF(handle), pdfium_c.FPDF_GetPageHeightF(handle)
    matrix = pdfium_c.FS_MATRIX()
    size = ctypes.c_float()
    hidden = []
    clip_of, count_paths = _clip_calls()
    for obj, box in boxes:
        # the cheap test first: most objects have no clip, or one without a path
        clip = clip_of(obj)
        if not clip or count_paths(clip) <= 0:
            continue
        area = clipped(obj, _EVERYWHERE)
        if area is None or area == _EVERYWHERE:
            continue
        if area[2] - area[0] < AREA_SHARE * width or area[3] - area[1] < AREA_SHARE * height:
            if cells is not None:  # a cell's (a spreadsheet's cell hides what overflows it)
                cells.append((obj, box, area))
            continue
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix) \
                or not pdfium_c.FPDFTextObj_GetFontSize(obj, size):
            continue
        reach = HIDDEN_EM * size.value * abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
        x, y = matrix.e, matrix.f
        if not (area[0] - reach < x < area[2] + reach and area[1] - reach < y < area[3] + reach):
            hidden.append(obj)
    if not hidden:
        return 0
    gone = {_address(obj) for obj in hidden}
    texts[:] = [t for t in texts if t[0] is not None or _address(t[1]) not in gone]
    boxes[:] = [b for b in boxes if _address(b[0]) not in gone]
    return remove_objects(handle, [(None, obj, None) for obj in hidden])


_CLIP: list[Any] = []  # FPDFPageObj_GetClipPath, FPDFClipPath_CountPaths


def _clip_calls() -> list[Any]:
    """An object's clip path and its paths' count, as prototypes that convert no argument.

    Asked of every text object on a page (hundreds): pypdfium2's bindings would
    convert each argument, most of the call's cost (as :func:`.pdf_open.walk_calls`).
    """
    if not _CLIP:
        import pypdfium2.raw as pdfium_c

        for call, restype in ((pdfium_c.FPDFPageObj_GetClipPath, pdfium_c.FPDF_CLIPPATH),
                              (pdfium_c.FPDFClipPath_CountPaths, ctypes.c_int)):
            address = ctypes.cast(call, ctypes.c_void_p).value
            _CLIP.append(ctypes.PYFUNCTYPE(restype)(int(address or 0)))
    return _CLIP


def _address(obj: Any) -> int | None:
    """A pdfium object pointer's address (one object, however many pointers to it)."""
    return ctypes.cast(obj, ctypes.c_void_p).value

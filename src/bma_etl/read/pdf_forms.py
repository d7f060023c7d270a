"""What a page draws inside Form XObjects, placed where the page shows it.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_glyphs`). A
page placed into another (fit to page, shrink to the printable area, 2-up,
PyMuPDF's ``show_pdf_page``) is one Form XObject drawn through a matrix that
scales and moves it. pdfium gives the origin and boxes of the characters an
``/ActualText`` span gives in the form's own space: they are placed through the
form's matrix here (the paths inside a form: :func:`.pdf_open.page_shapes`).
Matrices are PDF's ``(a, b, c, d, e, f)``: x' = a·x + c·y + e, y' = b·x + d·y + f.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from itertools import repeat
from typing import Any

Matrix = tuple[float, float, float, float, float, float]
Box = tuple[float, float, float, float]  # left, bottom, right, top (points)


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    """The point ``(x, y)`` through ``m``."""
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def then(first: Matrix, second: Matrix) -> Matrix:
    """The matrix that applies ``first``, then ``second``."""
    a, b, c, d, e, f = first
    p, q, r, s, t, u = second
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s,
            e * p + f * r + t, e * q + f * s + u)


def box_through(m: Matrix, box: Box) -> Box:
    """The bounds of ``box`` (left, bottom, right, top) once drawn through ``m``."""
    xs, ys = zip(*(apply(m, x, y) for x in (box[0], box[2]) for y in (box[1], box[3])),
                 strict=True)
    return min(xs), min(ys), max(xs), max(ys)


def _inverse(m: Matrix) -> Matrix | None:
    a, b, c, d, e, f = m
    det = a * d - b * c
    if abs(det) < 1e-9:
        return None
    ia, ib, ic, id_ = d / det, -b / det, -c / det, a / det
    return ia, ib, ic, id_, -(e * ia + f * ic), -(e * ib + f * id_)


def _matrix(m: Any) -> Matrix:
    return float(m.a), float(m.b), float(m.c), float(m.d), float(m.e), float(m.f)


_BARE: list[Any] = []  # FPDFPage_GetObject and FPDFPageObj_GetType, arguments unconverted


def _has_forms(textpage: Any) -> bool:
    """Whether the page of ``textpage`` (a pypdfium2 text page) draws a Form XObject.

    True when the page is not known (a raw handle): every character is then asked.
    Asks pdfium without pypdfium2's argument checks (a page holds thousands of objects).
    """
    raw = getattr(getattr(textpage, "page", None), "raw", None)
    if raw is None:
        return True
    import pypdfium2.raw as pdfium_c

    if not _BARE:
        _BARE.extend(ctypes.PYFUNCTYPE(restype)(int(ctypes.cast(call, ctypes.c_void_p).value or 0))
                     for call, restype in ((pdfium_c.FPDFPage_GetObject, ctypes.c_void_p),
                                           (pdfium_c.FPDFPageObj_GetType, ctypes.c_int)))
    get, kind_of = _BARE
    page = ctypes.cast(raw, ctypes.c_void_p)
    n = max(int(pdfium_c.FPDFPage_CountObjects(raw)), 0)
    objects = map(get, repeat(page, n), range(n))
    return pdfium_c.FPDF_PAGEOBJ_FORM in map(kind_of, map(ctypes.c_void_p, objects))


def form_misplaced(textpage: Any, handle: Any) -> dict[int, Matrix]:
    """The characters pdfium places without their Form XObject's matrix, and that matrix.

    A character that a marked-content span's ``/ActualText`` gives (Chromium
    writes one for every Thai cluster with a mark) gets, from pdfium, its text
    object's position and box in the form's own space, while its character
    matrix has the form's matrix in it: on a page placed into another at 70 %
    ``สำ`` would stand where the page at full size had it, off its line. Such a
    character reports its text object's origin, and a matrix whose origin differs;
    the form's matrix is the text object's matrix undone from the character's. The
    white space pdfium generates right after one is placed from it, so it moves by
    the same matrix. A page without forms (most) is not asked about.
    ``textpage``: a pypdfium2 text page (or its raw handle, as ``handle``).
    """
    if not _has_forms(textpage):
        return {}
    import pypdfium2.raw as pdfium_c

    handle = ctypes.cast(handle, pdfium_c.FPDF_TEXTPAGE)
    char, text = pdfium_c.FS_MATRIX(), pdfium_c.FS_MATRIX()
    x, y = ctypes.c_double(), ctypes.c_double()
    out: dict[int, Matrix] = {}
    last: Matrix | None = None
    for i in range(max(int(pdfium_c.FPDFText_CountChars(handle)), 0)):
        obj = pdfium_c.FPDFText_GetTextObject(handle, i)
        if not obj:
            if last is not None:
                out[i] = last  # a generated space or break placed from the one before
            continue
        last = None
        if not (pdfium_c.FPDFText_GetMatrix(handle, i, char)
                and pdfium_c.FPDFPageObj_GetMatrix(obj, text)
                and pdfium_c.FPDFText_GetCharOrigin(handle, i, x, y)):
            continue
        if abs(x.value - text.e) > 0.01 or abs(y.value - text.f) > 0.01 or \
                abs(x.value - char.e) + abs(y.value - char.f) < 0.01:
            continue  # placed from the glyph's own origin, or no form moves it
        undone = _inverse(_matrix(text))
        if undone is not None:
            out[i] = last = then(undone, _matrix(char))
    return out


def placed_edges(lefts: list[float], rights: list[float], moved: dict[int, Matrix],
                 origin: Callable[[int], tuple[float, float] | None]
                 ) -> tuple[list[float], list[float]]:
    """``lefts`` and ``rights`` (loose box edges by character) with the ``moved`` placed.

    pdfium gives a misplaced character's loose box (:func:`form_misplaced`) in
    the form's space, as wide as the form draws it: both edges go through the
    form's matrix (at the height of its reported ``origin``). Changes the lists in place.
    """
    for i, m in moved.items():
        if i < len(lefts):
            at = origin(i)
            y = m[2] * (at[1] if at is not None else 0.0) + m[4]
            lefts[i], rights[i] = m[0] * lefts[i] + y, m[0] * rights[i] + y
    return lefts, rights


def remove_objects(handle: Any, found: list[tuple[Any, Any, Any]]) -> int:
    """Take ``found`` page objects (``(form or None, object, matrix)``) off a page.

    ``handle``: the raw pdfium page. An object inside a Form XObject is taken out
    of its form. Returns how many pdfium removed (and destroyed).
    """
    import pypdfium2.raw as pdfium_c

    taken = 0
    for form, obj, _ in found:
        if form is None:
            done = pdfium_c.FPDFPage_RemoveObject(handle, obj)
        else:
            done = pdfium_c.FPDFFormObj_RemoveObject(form, obj)
        if done:
            pdfium_c.FPDFPageObj_Destroy(obj)
            taken += 1
    return taken

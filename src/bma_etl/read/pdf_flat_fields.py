"""A flattened form's field values put back on the lines of their labels.

Stage: read (in the PDF worker, as each page is loaded, before its text is read).
A filled form flattened by a program (qpdf's ``--flatten-annotations``, pdfium's
``FPDFPage_Flatten``, a viewer's "print to PDF") keeps no fields: each value is its
field's appearance, a form XObject drawn after the page's own content (qpdf: one
for each field; pdfium: one holding them all), at its box's place. The value then
stands where the field's box put it, a point or two off its label's baseline (a
one-line value centred in a box taller than its line), and pdfium reads it after
everything else on the page: a report row's progress and budget read after the
label that follows them, or as a line of their own under their labels. Here each
such value goes to its line as a filled form's does before it is flattened
(:mod:`.pdf_widget_lines`): the line its box overlaps most, in its own ruled cell
(:func:`.pdf_widget_lines.in_its_cell`: none there, it stays), drawn among that
line's words. A value no line takes keeps its place and its drawing order.

Units are PDF points in the page's space (y up), as pdfium gives them.
"""

from __future__ import annotations

import ctypes
from functools import partial
from typing import Any

from bma_etl.read.pdf_widget_lines import (
    drawn_at,
    in_its_cell,
    line_for,
    place_in_line,
    same_line,
    text_lines,
)


def flat_values_placed(page: Any) -> Any:
    """``page`` (a pypdfium2 page), its flattened field values moved onto their lines.

    A page whose drawing does not end with form XObjects of text (and frames) is
    returned as it is, after one or two calls. Raises nothing of its own.
    """
    import pypdfium2.raw as pdfium_c

    from bma_etl.read.pdf_tables import page_rules  # (it reads pages through .pdf_open)

    raw = page.raw
    values = _trailing_values(raw)
    if not values:
        return page
    lines = text_lines(raw)  # (the page's own lines, read without them)
    rules = page_rules(raw)
    placed: list[tuple[Any, float | None, float | None]] = []
    for value, outer in values:
        if outer is not None:
            pdfium_c.FPDFPageObj_Transform(value, *outer)
        at = drawn_at(value)
        corners = [ctypes.c_float() for _ in range(4)]
        if at is None or at[1] < 0 or not pdfium_c.FPDFPageObj_GetBounds(value, *corners):
            placed.append((value, None, None))
            continue
        left, bottom, right, top = (c.value for c in corners)
        own = in_its_cell(lines, rules, (left, bottom, right, top))
        target = line_for(bottom, top, own, left, right) if own else None
        if target is not None:
            pdfium_c.FPDFPageObj_Transform(value, 1, 0, 0, 1, 0, target - at[1])
        placed.append((value, at[0], target))
    last: tuple[float, int | None] = (-1.0, None)
    for value, x, target in sorted(placed, key=lambda item: (  # (those no line takes: last)
            (-item[2], item[1]) if item[2] is not None and item[1] is not None else (1.0, 0.0))):
        if target is None or x is None:
            pdfium_c.FPDFPage_InsertObject(raw, value)  # (its place, drawn last as it was)
            continue
        at_index = place_in_line(raw, value, x, target,
                                 last[1] if same_line(last[0], target) else None)
        last = (target, at_index)
    return page


def _trailing_values(page: Any) -> list[tuple[Any, tuple[float, ...] | None]]:
    """The field values a flattening drew after the page's content, taken off the page.

    Each as ``(form object, matrix)``: the matrix of the form that held it (to be
    applied once it stands on the page), None for one drawn on the page itself.
    Empty (the page untouched) unless every form XObject at the page's end is a value
    or holds values alone, and the page has other objects.
    """
    import pypdfium2.raw as pdfium_c

    count = pdfium_c.FPDFPage_CountObjects(page)
    trailing = []
    for k in reversed(range(count)):
        obj = pdfium_c.FPDFPage_GetObject(page, k)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_FORM:
            break
        trailing.append(obj)
    if not trailing or len(trailing) == count:
        return []
    matrix = pdfium_c.FS_MATRIX()
    field = partial(_field, height=pdfium_c.FPDF_GetPageHeightF(page))
    kinds: list[int] = []
    for obj in trailing:
        if field(obj):
            kinds.append(field(obj))
            continue
        inner = [field(pdfium_c.FPDFFormObj_GetObject(obj, k))
                 for k in range(pdfium_c.FPDFFormObj_CountObjects(obj))]
        if not inner or not all(inner) or not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
            return []
        kinds += inner
    if _VALUE not in kinds:
        return []  # (frames alone: a drawing of the page's own)
    out: list[tuple[Any, tuple[float, ...] | None]] = []
    for obj in reversed(trailing):
        if not pdfium_c.FPDFPage_RemoveObject(page, obj):
            continue  # (pdfium keeps it where it is: drawn last, as it was)
        if field(obj):
            out += [(obj, None)] if field(obj) == _VALUE else []
            if field(obj) == _EMPTY:
                pdfium_c.FPDFPageObj_Destroy(obj)  # an empty field: its frame alone
            continue
        pdfium_c.FPDFPageObj_GetMatrix(obj, matrix)
        outer = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
        for drawn in [pdfium_c.FPDFFormObj_GetObject(obj, k)
                      for k in range(pdfium_c.FPDFFormObj_CountObjects(obj))]:
            kind = field(drawn)
            if pdfium_c.FPDFFormObj_RemoveObject(obj, drawn):
                out += [(drawn, outer)] if kind == _VALUE else []
                if kind == _EMPTY:
                    pdfium_c.FPDFPageObj_Destroy(drawn)
        pdfium_c.FPDFPageObj_Destroy(obj)  # (emptied: its values are the page's now)
    return out


def _field(obj: Any, height: float) -> int:
    """What a form object draws: a field's value, an empty field's frame, or neither (0).

    A value (:data:`_VALUE`) is text, and paths (its frame) alone; an empty field
    (:data:`_EMPTY`) paths alone. Its box is no taller than :data:`_MOST_OF_PAGE` of
    the page's ``height`` (points): a page drawn whole as a form XObject (imposed,
    overlaid) is no field.
    """
    import pypdfium2.raw as pdfium_c

    if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_FORM:
        return 0
    corners = [ctypes.c_float() for _ in range(4)]
    if not pdfium_c.FPDFPageObj_GetBounds(obj, *corners) or \
            corners[3].value - corners[1].value > _MOST_OF_PAGE * height:
        return 0
    kinds = {pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFFormObj_GetObject(obj, k))
             for k in range(pdfium_c.FPDFFormObj_CountObjects(obj))}
    if not kinds or not kinds <= {pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH}:
        return 0
    return _VALUE if pdfium_c.FPDF_PAGEOBJ_TEXT in kinds else _EMPTY


#: What :func:`_field` finds a form object draws.
_EMPTY, _VALUE = 1, 2
#: The most of a page's height a field's box takes (a multi-line value of 15 lines or so).
_MOST_OF_PAGE = 0.25

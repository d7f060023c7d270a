"""A filled field's value set on the line of the label its box stands beside.

Stage: read (in the PDF worker, while :mod:`.pdf_widgets` draws a form's values).
A form's field box is seldom on its label's baseline: a box taller than the
label's line (its value centred in it), one a little above or below the label,
a multi-line field (``/Ff`` bit 13) whose text starts at the box's top. Drawn
where the box is, the value stands a point or more off its label's baseline (a
line of its own above or below it) and a report row's values read with the
next row's labels. A printed form sets the value on its label's line: here each
text field's box is moved up or down (the page's own text is not touched) so
that its value's first line stands on the baseline of the page's text line the
box overlaps most (:func:`line_for`); a multi-line field's further lines follow
below it at the field's own spacing. A box overlapping no text line is left
where it is. A checkbox's mark (:mod:`.pdf_widgets` writes one as text) stands on
its line too, drawn among that line's words (:func:`place_in_line`).

Units are PDF points in the page's space (y up), as pdfium gives them.
"""

from __future__ import annotations

import ctypes
from typing import Any

#: A text line of the page: its baseline, and the bottom and top of its letters
#: (points; a share of its largest font size below and above the baseline).
Line = tuple[float, float, float]
#: The shares of a font size a line's letters reach below and above its baseline
#: (a Latin or Thai face's descender and its capitals' height, about).
_BELOW, _ABOVE = 0.25, 0.75
#: Letters whose baselines differ by less than this (points) are on one line.
_SAME_LINE = 0.5
#: A value this near (points) its line's baseline is left where it is.
_ON_LINE = 0.01
#: How far (points) a value's text may stand outside its box and still be in it.
_SLACK = 2.0


def text_lines(page: Any) -> list[Line]:
    """The page's own text lines (its form fields not drawn yet), top to bottom.

    ``page``: a raw pdfium page (``FPDF_PAGE``). A letter's baseline is its origin's
    height; white space is left out. Raises nothing of its own.
    """
    import pypdfium2.raw as pdfium_c

    textpage = pdfium_c.FPDFText_LoadPage(page)
    if not textpage:
        return []
    sizes: dict[float, float] = {}
    x, y = ctypes.c_double(), ctypes.c_double()
    try:
        for i in range(pdfium_c.FPDFText_CountChars(textpage)):
            if chr(pdfium_c.FPDFText_GetUnicode(textpage, i)).isspace() or \
                    not pdfium_c.FPDFText_GetCharOrigin(textpage, i, x, y):
                continue
            size = pdfium_c.FPDFText_GetFontSize(textpage, i)
            sizes[y.value] = max(size, sizes.get(y.value, 0.0))
    finally:
        pdfium_c.FPDFText_ClosePage(textpage)
    lines: list[Line] = []
    for baseline in sorted(sizes, reverse=True):
        size = sizes[baseline]
        if lines and lines[-1][0] - baseline < _SAME_LINE:
            first, bottom, top = lines[-1]
            lines[-1] = (first, min(bottom, baseline - _BELOW * size), top)
        else:
            lines.append((baseline, baseline - _BELOW * size, baseline + _ABOVE * size))
    return lines


def line_for(bottom: float, top: float, lines: list[Line]) -> float | None:
    """The baseline of the line a box from ``bottom`` to ``top`` overlaps most, or None.

    A tie goes to the line whose letters' middle is nearer the box's middle.
    """
    middle = (bottom + top) / 2
    best: tuple[float, float] | None = None
    chosen = None
    for baseline, low, high in lines:
        overlap = min(high, top) - max(low, bottom)
        if overlap <= 0:
            continue
        rank = (overlap, -abs((low + high) / 2 - middle))
        if best is None or rank > best:
            best, chosen = rank, baseline
    return chosen


def values_onto_lines(form: Any, page: Any, lines: list[Line]) -> int:
    """Move each text field's box so that its value's first line stands on its line.

    ``form``: pdfium's form handle; ``page``: the raw page, its fields' appearances
    made. A field whose appearance draws no text, or turned text, or text not
    within its box (an appearance whose space :func:`_first_baseline` cannot
    tell), is left as it is. Returns how many boxes were moved.
    """
    import pypdfium2.raw as pdfium_c

    moved = 0
    rect = pdfium_c.FS_RECTF()
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page)):
        annot = pdfium_c.FPDFPage_GetAnnot(page, i)
        try:
            if pdfium_c.FPDFAnnot_GetFormFieldType(form, annot) != \
                    pdfium_c.FPDF_FORMFIELD_TEXTFIELD or \
                    not pdfium_c.FPDFAnnot_GetRect(annot, rect):
                continue
            bottom, top = min(rect.bottom, rect.top), max(rect.bottom, rect.top)
            target = line_for(bottom, top, lines)
            first = _first_baseline(annot, rect)
            if target is None or first is None or abs(target - first) < _ON_LINE:
                continue
            rect.bottom, rect.top = rect.bottom + target - first, rect.top + target - first
            moved += bool(pdfium_c.FPDFAnnot_SetRect(annot, rect))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return moved


def _first_baseline(annot: Any, rect: Any) -> float | None:
    """The page height of the baseline of the first (top) line the field's appearance draws.

    The appearance's objects stand in its own space, mapped onto the box
    (``rect``, ``FS_RECTF``) when the form is flattened: a box's lower left corner
    (its bounding box from 0, 0, as viewers and form libraries write it), or the
    page's own space (the box's place on the page as its bounding box): the one
    its text starts and its first line stands in (a value longer than its box runs
    on past its right or bottom edge). None when it draws no text, turned text, or
    text in neither.
    """
    import pypdfium2.raw as pdfium_c

    width, height = abs(rect.right - rect.left), abs(rect.top - rect.bottom)
    left, bottom = min(rect.left, rect.right), min(rect.bottom, rect.top)
    matrix = pdfium_c.FS_MATRIX()
    corners = [ctypes.c_float() for _ in range(4)]
    baselines: list[float] = []
    boxes: list[tuple[float, float, float, float]] = []
    for k in range(pdfium_c.FPDFAnnot_GetObjectCount(annot)):
        obj = pdfium_c.FPDFAnnot_GetObject(annot, k)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_TEXT:
            continue
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix) or matrix.b or matrix.c or \
                matrix.a <= 0 or matrix.d <= 0 or \
                not pdfium_c.FPDFPageObj_GetBounds(obj, *corners):
            return None
        baselines.append(matrix.f)
        boxes.append((corners[0].value, corners[1].value, corners[2].value, corners[3].value))
    if not baselines:
        return None
    first = max(baselines)
    for x0, y0 in ((0.0, 0.0), (left, bottom)):  # the box's own space, then the page's
        if y0 - _SLACK <= first <= y0 + height + _SLACK and \
                all(x0 - _SLACK <= a <= x0 + width + _SLACK for a, _, _, _ in boxes):
            return bottom + first - y0
    return None


def place_in_line(page: Any, obj: Any, x: float, baseline: float | None) -> None:
    """Insert the new text object ``obj`` into ``page`` where it stands on its line.

    pdfium reads a page's text in drawing order: an object drawn last joins no
    line (a checkbox's mark between two option words would read after both). The
    object goes right after the page's own text object on ``baseline`` that starts
    at or left of ``x`` furthest right, or right before the first one on it when
    none does; at the page's end when the line has none (or ``baseline`` is None,
    or pdfium has no call to insert at a place).
    """
    import pypdfium2.raw as pdfium_c

    at = None
    if baseline is not None and hasattr(pdfium_c, "FPDFPage_InsertObjectAtIndex"):
        matrix = pdfium_c.FS_MATRIX()
        corners = [ctypes.c_float() for _ in range(4)]
        before: tuple[float, int] | None = None  # (left, index) of the object left of x
        first: tuple[float, int] | None = None  # of the leftmost object on the line
        for k in range(pdfium_c.FPDFPage_CountObjects(page)):
            other = pdfium_c.FPDFPage_GetObject(page, k)
            if pdfium_c.FPDFPageObj_GetType(other) != pdfium_c.FPDF_PAGEOBJ_TEXT or \
                    not pdfium_c.FPDFPageObj_GetMatrix(other, matrix) or \
                    abs(matrix.f - baseline) >= _SAME_LINE or \
                    not pdfium_c.FPDFPageObj_GetBounds(other, *corners):
                continue
            left = corners[0].value
            if left <= x and (before is None or left > before[0]):
                before = (left, k + 1)
            if first is None or left < first[0]:
                first = (left, k)
        at = before[1] if before is not None else first[1] if first is not None else None
    if at is None:
        pdfium_c.FPDFPage_InsertObject(page, obj)
    else:
        pdfium_c.FPDFPage_InsertObjectAtIndex(page, obj, at)

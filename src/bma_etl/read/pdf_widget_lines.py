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
box overlaps most (:func:`line_for`; where two lines' letters are about as
much under the box, the one whose words stand beside the box and none under it,
as a label stands beside its value); a multi-line field's further lines follow
below it at the field's own spacing. A box overlapping no text line is left
where it is, and in a ruled table a box goes to a line of its own cell or stays
(:func:`in_its_cell`). A checkbox's mark (:mod:`.pdf_widgets` writes one as text) stands on
its line too, drawn among that line's words (:func:`place_in_line`), and so is
each value once the form is flattened (:func:`values_among_their_lines`).

Units are PDF points in the page's space (y up), as pdfium gives them.
"""

from __future__ import annotations

import ctypes
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # (pdf_tables reads pages through pdf_open, which draws forms: no cycle)
    from bma_etl.read.pdf_tables import Rules


class Line(NamedTuple):
    """A text line of the page (points, the page's space, y up)."""

    #: The height its letters stand on.
    baseline: float
    #: The bottom and top of its letters: a share of its largest font size below and
    #: above the baseline (:data:`_BELOW`, :data:`_ABOVE`).
    bottom: float
    top: float
    #: Its letters' left and right edges, and whether each is a leader (a dot or
    #: rule a value is written over: :data:`_LEADERS`), left to right.
    letters: tuple[tuple[float, float, bool], ...] = ()

#: The shares of a font size a line's letters reach below and above its baseline
#: (a Latin or Thai face's descender and its capitals' height, about).
_BELOW, _ABOVE = 0.25, 0.75
#: Letters whose baselines differ by less than this (points) are on one line.
_SAME_LINE = 0.5
#: A value this near (points) its line's baseline is left where it is.
_ON_LINE = 0.01
#: How far (points) a value's text may stand outside its box and still be in it
#: (:func:`_first_baseline`; :mod:`.pdf_widgets` widens a box whose text runs further).
SLACK = 2.0
#: Letters a form prints for a value to be written over (dotted and ruled leaders).
_LEADERS = frozenset("._\u2026-")
#: A box overlapping one line's letters this many times as much as any other's is
#: that line's whatever stands beside it.
_CLEAR_LEAD = 2.0


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
    letters: dict[float, list[tuple[float, float, bool]]] = {}
    x, y = ctypes.c_double(), ctypes.c_double()
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    try:
        for i in range(pdfium_c.FPDFText_CountChars(textpage)):
            char = chr(pdfium_c.FPDFText_GetUnicode(textpage, i))
            if char.isspace() or not pdfium_c.FPDFText_GetCharOrigin(textpage, i, x, y):
                continue
            size = pdfium_c.FPDFText_GetFontSize(textpage, i)
            sizes[y.value] = max(size, sizes.get(y.value, 0.0))
            if pdfium_c.FPDFText_GetCharBox(textpage, i, left, right, bottom, top):
                letters.setdefault(y.value, []).append(
                    (left.value, right.value, char in _LEADERS))
    finally:
        pdfium_c.FPDFText_ClosePage(textpage)
    lines: list[Line] = []
    for baseline in sorted(sizes, reverse=True):
        size, own = sizes[baseline], letters.get(baseline, [])
        if lines and lines[-1].baseline - baseline < _SAME_LINE:
            first, low, high, before = lines[-1]
            lines[-1] = Line(first, min(low, baseline - _BELOW * size), high,
                             tuple(sorted((*before, *own))))
        else:
            lines.append(Line(baseline, baseline - _BELOW * size, baseline + _ABOVE * size,
                              tuple(sorted(own))))
    return lines


def line_for(bottom: float, top: float, lines: list[Line], left: float | None = None,
             right: float | None = None) -> float | None:
    """The baseline of the line a box from ``bottom`` to ``top`` belongs to, or None.

    That is the line whose letters the box overlaps most, a tie going to the line
    whose letters' middle is nearer the box's middle. Given the box's ``left`` and
    ``right`` edges, a line with words under the box is not its line (a value is not
    written over its own line's words; a leader under the box is where it goes), and
    where no other line's letters are under it, the lines right under and over it are
    its candidates (:func:`_around`: a box between its label and the line above,
    touching neither's letters); where no line's letters are under it
    :data:`_CLEAR_LEAD` times as much as any other's (a box drawn above its label,
    as far into the line above), the line whose words stand nearest beside it (a
    label left of its value, an option's words right of its checkbox), of those it
    overlaps half as much as the most or more. ``lines`` may be bare ``(baseline,
    bottom, top)`` triples (no letters: by the heights alone).
    """
    middle = (bottom + top) / 2
    near: list[tuple[float, Line]] = [
        (min(line[2], top) - max(line[1], bottom), line) for line in lines]
    near = [(overlap, line) for overlap, line in near if overlap > 0]
    beside: dict[float, tuple[bool, float]] = {}
    if left is not None and right is not None:
        near += _around(bottom, top, lines)
        beside = {line[0]: _beside(getattr(line, "letters", ()), left, right)
                  for _, line in near}
        clear = [(overlap, line) for overlap, line in near if not beside[line[0]][0]]
        near = clear if clear else [(overlap, line) for overlap, line in near if overlap > 0]
    if not near:
        return None
    most = max(overlap for overlap, _ in near)
    near = [(overlap, line) for overlap, line in near if _CLEAR_LEAD * overlap >= most]

    def rank(item: tuple[float, Line]) -> tuple[float, ...]:
        overlap, line = item
        gap = beside[line[0]][1] if beside and len(near) > 1 else 0.0
        return (-gap, overlap, -abs((line[1] + line[2]) / 2 - middle))

    return max(near, key=rank)[1][0]


def _around(bottom: float, top: float, lines: list[Line]) -> list[tuple[float, Line]]:
    """The lines right under and right over a box, their letters out of its reach.

    Each as ``(0.0, line)``, one only when its letters stand no further from the box
    than the box is tall (a box between two lines, not one alone in a blank space).
    """
    height = top - bottom
    under = [line for line in lines if bottom - height <= line[2] <= bottom]
    over = [line for line in lines if top <= line[1] <= top + height]
    return [(0.0, line) for line in (max(under, key=lambda line: line[2], default=None),
                                     min(over, key=lambda line: line[1], default=None))
            if line is not None]


def _beside(letters: tuple[tuple[float, float, bool], ...], left: float,
            right: float) -> tuple[bool, float]:
    """Whether a line's words reach under a box, and how near (points) one stands beside it.

    ``letters``: a :class:`Line`'s; ``left``, ``right``: the box's edges. A leader
    under the box is no word under it and stands at no distance.
    """
    under, gap = False, float("inf")
    for start, end, leader in letters:
        if start < right and end > left:
            if leader:
                gap = 0.0
            else:
                under = True
            continue
        gap = min(gap, start - right if start >= right else left - end)
    return under, gap


def values_onto_lines(form: Any, page: Any, lines: list[Line], rules: Rules | None = None
                      ) -> list[int]:
    """Move each text field's box so that its value's first line stands on its line.

    ``form``: pdfium's form handle; ``page``: the raw page, its fields' appearances
    made. ``rules``: the page's (:func:`.pdf_tables.page_rules`): a box in a ruled
    table's cell goes to a line of its cell, or stays (:func:`in_its_cell`). A field
    whose appearance draws no text, or turned text, or text not within its box (an
    appearance whose space :func:`_first_baseline` cannot tell), is left as it is.
    Returns the annotation indexes of the text fields outside a ruled cell that overlap
    no line, nor stand between two (:func:`line_for`): read where their boxes stand.
    """
    import pypdfium2.raw as pdfium_c

    left_alone, rect = list[int](), pdfium_c.FS_RECTF()
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page)):
        annot = pdfium_c.FPDFPage_GetAnnot(page, i)
        try:
            if pdfium_c.FPDFAnnot_GetFormFieldType(form, annot) != \
                    pdfium_c.FPDF_FORMFIELD_TEXTFIELD or \
                    not pdfium_c.FPDFAnnot_GetRect(annot, rect):
                continue
            bottom, top = min(rect.bottom, rect.top), max(rect.bottom, rect.top)
            left, right = min(rect.left, rect.right), max(rect.left, rect.right)
            own = in_its_cell(lines, rules, (left, bottom, right, top))
            target = line_for(bottom, top, own, left, right) if own else None
            first = _first_baseline(annot, rect)
            if target is None and own is lines:  # (a ruled cell's value is its row's)
                left_alone.append(i)
            elif target is not None and first is not None and abs(target - first) >= _ON_LINE:
                rect.bottom, rect.top = rect.bottom + target - first, rect.top + target - first
                pdfium_c.FPDFAnnot_SetRect(annot, rect)
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return left_alone


def same_line(baseline: float, other: float) -> bool:
    """Whether two baselines (points) are one line's."""
    return abs(baseline - other) < _SAME_LINE


def in_its_cell(lines: list[Line], rules: Rules | None,
                box: tuple[float, float, float, float]) -> list[Line]:
    """The lines a box may go to: those of the ruled cell it stands in, if it stands in one.

    ``box``: left, bottom, right, top (points). A value belongs in its box's row and
    cell: in a ruled table, a line of another row, or a label of another column on
    its row's line, is not its line. Each line of the cell (its baseline within the
    cell's height) keeps the letters within the cell's width, and is left out when
    it has none there: a cell holding no printed words (a table's column of values,
    the box filling its cell) gives none, and its value stays where its box puts it
    (the table's row takes it, as a printed cell's). Outside a ruled table: ``lines``.
    """
    from bma_etl.read.pdf_tables import cell_at

    left, bottom, right, top = box
    if rules is None:
        return lines
    cell = cell_at((left + right) / 2, (bottom + top) / 2, rules)
    if cell is None:
        return lines
    x0, y0, x1, y1 = cell
    own = [line._replace(letters=tuple(
        letter for letter in line.letters if x0 <= (letter[0] + letter[1]) / 2 <= x1))
        for line in lines if y0 <= line.baseline <= y1]
    return [line for line in own if line.letters]


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
        if y0 - SLACK <= first <= y0 + height + SLACK and \
                all(x0 - SLACK <= a <= x0 + width + SLACK for a, _, _, _ in boxes):
            return bottom + first - y0
    return None


def place_in_line(page: Any, obj: Any, x: float, baseline: float | None,
                  after: int | None = None) -> int | None:
    """Insert the new text object ``obj`` into ``page`` where it stands on its line.

    pdfium reads a page's text in drawing order: an object drawn last joins no
    line (a checkbox's mark between two option words would read after both). The
    object goes right after the page's own text object on ``baseline`` that starts
    at or left of ``x`` furthest right, or right before the first one on it when
    none does; at the page's end when the line has none (or ``baseline`` is None,
    or pdfium has no call to insert at a place). ``after``: the index of an object
    inserted on this line left of ``x`` just before (the object goes after it).
    Returns the index it was inserted at, None at the page's end.
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
        return None
    at = at if after is None else max(at, after + 1)
    pdfium_c.FPDFPage_InsertObjectAtIndex(page, obj, at)
    return at


def values_among_their_lines(page: Any) -> bool:
    """Move the page's flattened field values from the end of its content into their lines.

    ``page``: a raw page loaded after pdfium flattened its fields
    (``FPDFPage_Flatten``), which draws every field's appearance last, in the order
    of the page's ``/Annots``, each in its box's own space. pdfium reads them in
    that order and compares each with the one before it in the wrong space: a value
    set on its label's line but drawn after a value of another line was read as that
    line's (a multi-line value's last line and the value under it as one word, a
    report's progress after another report's date when a program listed its fields
    out of order). Each value's drawing is moved to its place among its
    line's words (:func:`place_in_line`, at the baseline its first line stands on,
    left to right by its box's left edge) and the page's content written anew.
    Returns whether any was moved; raises nothing of its own.
    """
    import pypdfium2.raw as pdfium_c

    count = pdfium_c.FPDFPage_CountObjects(page)
    flat = pdfium_c.FPDFPage_GetObject(page, count - 1) if count else None
    if flat is None or pdfium_c.FPDFPageObj_GetType(flat) != pdfium_c.FPDF_PAGEOBJ_FORM:
        return False
    outer = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(flat, outer) or \
            (outer.a, outer.b, outer.c, outer.d) != (1, 0, 0, 1):
        return False
    values = [pdfium_c.FPDFFormObj_GetObject(flat, k)
              for k in range(pdfium_c.FPDFFormObj_CountObjects(flat))]
    placed = [(value, at) for value in values if (at := drawn_at(value)) is not None]
    if not values or len(placed) < len(values):
        return False
    moved = []  # a value pdfium will not take out stays in the drawing, with those after it
    for value, at in placed:
        if not pdfium_c.FPDFFormObj_RemoveObject(flat, value):
            break
        moved.append((value, at))
    if not moved:
        return False
    if len(moved) == len(values) and pdfium_c.FPDFPage_RemoveObject(page, flat):
        pdfium_c.FPDFPageObj_Destroy(flat)  # (emptied: its values are the page's now)
    last: tuple[float, int | None] = (-1.0, None)  # the line and index of the value before
    # in reading order: two values after one word of their line go in left to right
    for value, (x, baseline) in sorted(moved, key=lambda item: (-item[1][1], item[1][0])):
        pdfium_c.FPDFPageObj_Transform(value, 1, 0, 0, 1, outer.e, outer.f)
        index = place_in_line(page, value, x + outer.e, baseline + outer.f,
                              last[1] if same_line(last[0], baseline) else None)
        last = (baseline, index)
    pdfium_c.FPDFPage_GenerateContent(page)
    return True


def drawn_at(value: Any) -> tuple[float, float] | None:
    """The left edge and first baseline (points, its parent's space) of a field's drawing.

    ``value``: a form object, one field's appearance as flattening draws it. The
    baseline is -1.0 when it draws no text (a box's border alone: it goes at the
    page's end); None when its drawing is turned or its bounds unknown.
    """
    import pypdfium2.raw as pdfium_c

    form, text = pdfium_c.FS_MATRIX(), pdfium_c.FS_MATRIX()
    corners = [ctypes.c_float() for _ in range(4)]
    if not pdfium_c.FPDFPageObj_GetMatrix(value, form) or form.b or form.c or \
            not pdfium_c.FPDFPageObj_GetBounds(value, *corners):
        return None
    baselines = []
    for k in range(pdfium_c.FPDFFormObj_CountObjects(value)):
        obj = pdfium_c.FPDFFormObj_GetObject(value, k)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_TEXT:
            continue
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, text) or text.b or text.c:
            return None
        baselines.append(form.d * text.f + form.f)
    return (corners[0].value, max(baselines)) if baselines else (corners[0].value, -1.0)


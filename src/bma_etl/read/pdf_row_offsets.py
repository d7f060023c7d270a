"""Cells of one table row whose baselines differ: a value cell set higher than its label.

Stage: read (runs in the PDF worker process; a helper of
:func:`.pdf_page.with_side_by_side`, on :class:`~.pdf_line.TextLine` lists, y in
points, up the page).

A spreadsheet printed by LibreOffice with a font it had to substitute sets each
value cell's text about half a line above its label's baseline (the cells' own
alignment, top against bottom, a taller font in one of them): the row ``ชื่อโครงการ
: | โครงการ…`` comes out as two lines, the value first, and read line by line each
label took the value of the row below it (the project code stored as the year).
Two such cells are one row when their line boxes overlap more than they overlap any
other line (:func:`offset_rows`): they stand side by side, apart (no cell over a
cell of the other), the same size, their baselines at most :data:`OFFSET_EM` font
sizes apart, and the lines before and after them further off than they are from each
other. A horizontal rule between them (a ruled grid's row border, :func:`ruled_apart`)
parts them; a pairing that cannot be told (the neighbour as near) is left as it was.
"""

from __future__ import annotations

from bma_etl.read.pdf_line import TextLine, cells_apart
from bma_etl.read.pdf_tables import Rule

#: A horizontal rule parts two lines when it runs this many font sizes or more below
#: the upper one's baseline (an underline stands 0.1 to 0.2 below it) and
#: :data:`RULE_OVER_EM` above the lower one's (a strike-through stands about 0.3 over it).
RULE_UNDER_EM = 0.25
RULE_OVER_EM = 0.6
#: Two cells side by side whose baselines stand at most this many font sizes apart
#: overlap by most of their height: one row. LibreOffice's substituted fonts set a
#: value 0.4-0.66 higher (a Thai line's box, its marks, is about 1.3 sizes tall); two
#: lines one under the other stand a font size apart at the least.
OFFSET_EM = 0.8
#: Lines of sizes further apart than this share are no cells of one row.
_SAME_SIZE = 0.15


def ruled_apart(above: TextLine, below: TextLine, rules: tuple[Rule, ...]) -> bool:
    """Whether one of ``rules`` (horizontal: ``(y, left, right)``, points) runs between the lines.

    The rule stands clear of both lines' letters (:data:`RULE_UNDER_EM`,
    :data:`RULE_OVER_EM`) and under some of each line's text: the border between two
    rows of a ruled table, never a line inside one cell.
    """
    if above.baseline is None or below.baseline is None:
        return False
    size = max(above.size, below.size, 1.0)
    low, high = below.baseline + RULE_OVER_EM * size, above.baseline - RULE_UNDER_EM * size
    return any(low < y < high and left < min(above.right, below.right)
               and right > max(above.left, below.left) for y, left, right in rules)


def offset_rows(lines: list[TextLine], fit: list[bool], rules: tuple[Rule, ...] = ()
                ) -> frozenset[int]:
    """The indices ``k`` of ``lines`` (a page's, top down) that are one row with line ``k - 1``.

    ``fit``: for each line, whether it may be joined at all (a baseline, text, no ruled
    table's row). Line ``k`` and the one before it are such a row when they stand apart
    side by side (:func:`~.pdf_line.cells_apart`), are the same size, their baselines
    are at most :data:`OFFSET_EM` font sizes apart, no horizontal rule runs between
    them, and the line before the pair and the line after it each stand further from
    it than its two lines from each other (each overlaps its partner most). Never raises.
    """
    out: set[int] = set()
    steps = [_step(lines[k - 1], lines[k]) if fit[k - 1] and fit[k] else None
             for k in range(1, len(lines))]  # steps[k - 1]: lines[k - 1] → lines[k]
    for k in range(1, len(lines)):
        step = steps[k - 1]
        above, below = lines[k - 1], lines[k]
        if step is None or step < 0.0:
            continue
        size = max(above.size, below.size)
        if step > OFFSET_EM * size or abs(above.size - below.size) > _SAME_SIZE * size:
            continue
        before = steps[k - 2] if k >= 2 else None
        after = steps[k] if k < len(steps) else None
        if (before is not None and before <= step) or (after is not None and after <= step):
            continue  # as near to a neighbour: which row it belongs to cannot be told
        if cells_apart(above, below) and not ruled_apart(above, below, rules):
            out.add(k)
    return frozenset(out)


def _step(above: TextLine, below: TextLine) -> float | None:
    """How far ``below``'s baseline stands under ``above``'s (points), if both have one."""
    if above.baseline is None or below.baseline is None:
        return None
    return above.baseline - below.baseline

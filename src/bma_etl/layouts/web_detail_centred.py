r"""A detail page's numbered cell whose label a text dump set on the cell's middle line.

Stage: extract (``web_project_detail``). A text dump that lays a table out in columns
of spaces (inscriptis) may centre a cell's label on the rows its value takes: the
objectives' three items ``1.``, ``2.``, ``3.`` printed on three lines, and
``วัตถุประสงค์`` on the second, item 1 a line above its label, where it would be read
as the rationale's last line. Such a line is put back under its label
(:func:`centred_items`): the items above a label's line, in the label's value column,
numbered up to the number its own value opens with.
"""

from __future__ import annotations

import re

from bma_etl.document import Line

__all__ = ["centred_items"]

#: A label, a gap of two spaces or more, and a value that opens with an item's number.
_LABEL_ITEM = re.compile(r"(?P<label>\S(?:.*?\S)?)(?P<gap> {2,})(?P<number>\d{1,2})[.)]\s")


def _item_at(line: Line, column: int, number: int) -> bool:
    """Whether ``line`` is blank left of ``column`` and holds item ``number`` there."""
    text = line.text
    return not line.pieces and not text[:column].strip() and re.match(
        rf"{number}[.)]\s", text[column:]) is not None


def centred_items(lines: list[Line]) -> list[Line]:
    """``lines`` with the items a label's line continues put under the label.

    ``วัตถุประสงค์   2. …`` under ``   1. …`` (item 1 in the value column, its label
    column blank): the label is cut off as a line of its own, then item 1, then the
    rest of the label's line. Lines keep their document offsets; other lines stay.

    >>> rows = [Line(1, 0, "เหตุผล    ก"), Line(2, 12, "          1. ข"),
    ...         Line(3, 27, "วัตถุ     2. ค")]
    >>> [x.text for x in centred_items(rows)]
    ['เหตุผล    ก', 'วัตถุ', '          1. ข', '2. ค']
    """
    out: list[Line] = []
    for j, line in enumerate(lines):
        m = _LABEL_ITEM.match(line.text)
        number = int(m.group("number")) if m else 0
        column = m.end("gap") if m else 0
        if m is None or line.pieces or not 2 <= number <= j + 1 or len(out) < number - 1 \
                or not all(_item_at(a, column, k) for k, a in
                           enumerate(out[len(out) - number + 1:], start=1)):
            out.append(line)
            continue
        above = out[len(out) - number + 1:]
        del out[len(out) - number + 1:]
        out.extend([Line(line.no, line.start, m.group("label")), *above,
                    Line(line.no, line.start + column, line.text[column:])])
    return out

"""Rows of a column-headed report table that the page wrapped over several lines.

Stage: extract (a helper of :mod:`bma_etl.layouts.report_columns`, not a layout).
A producer sets a row whose cells wrap as several lines: the first with every
cell, the next with the wrapped parts only. Word and LibreOffice leave the
trailing empty cells off such a line (``⇥566⇥งานช่วงที่ 2…⇥⇥0`` under
``2⇥03/11/2⇥ดำเนินการตามแผน⇥8.20⇥20,250.0⇥…``), and once the other cells have
ended set a text cell's last lines alone (``รายงานผล`` / ``ต่อผู้บังคับ``). These
functions tell such lines from the end of the table, and join a text cell's lines
as the page wrapped them.
"""

from __future__ import annotations

import re

from bma_etl.document import Cell, Line, cells, joined_line
from bma_etl.rows import separator

__all__ = ["TEXT_COLUMNS", "as_narrow", "continues", "lone_text", "width_next",
           "wrapped_text"]

#: The columns whose cells are running text (the others hold a number, date or flag).
TEXT_COLUMNS = ("detail", "problems", "obstacles")
#: A number's or date's wrapped part: digits and their signs, no letters.
_FIGURE_PART = re.compile(r"^[\s0-9๐-๙.,/:%\-]+$")

#: A row's cells so far: column index → (line, start, end) pieces.
Pieces = dict[int, list[tuple[Line, int, int]]]


def continues(row: list[Cell], last: Pieces | None, columns: list[str | None],
              seq_at: int) -> bool:
    """Whether a line of fewer cells than ``columns`` goes on the row above, cell by cell.

    ``last``: the row above's cells (None before the first row). Each of the line's
    cells must go on a cell the row has: a text column's, or a figure's (digits and
    their signs only); its report-number cell (``seq_at``) is empty.
    """
    if last is None or len(row) >= len(columns) or len(row) <= seq_at \
            or row[seq_at].text.strip():
        return False
    for i, cell in enumerate(row):
        if not cell.text.strip():
            continue
        column = columns[i]
        if column is None or i not in last or (
                column not in TEXT_COLUMNS and not _FIGURE_PART.match(cell.text)):
            return False
    return True


def lone_text(row: list[Cell], last: Pieces | None, columns: list[str | None]) -> int | None:
    """The column a line of one text cell goes on (the row above's only text cell), or None."""
    if len(row) != 1 or last is None or not row[0].text.strip() \
            or _FIGURE_PART.match(row[0].text):
        return None
    texts = [i for i in last if columns[i] in TEXT_COLUMNS]
    return texts[0] if len(texts) == 1 else None


#: How much longer than its cell's longest line so far a lone line after a table's last
#: row may be and still be that cell's (a paragraph after the table runs the page's width).
_NARROW_SLACK = 1.2


def as_narrow(text: str, pieces: list[tuple[Line, int, int]]) -> bool:
    """Whether ``text`` is no longer than a line of the cell whose lines are ``pieces``."""
    return len(text.strip()) <= _NARROW_SLACK * max(len(line.text[a:b].strip())
                                                    for line, a, b in pieces)


def width_next(lines: list[Line], at: int) -> int:
    """The number of cells of the next line with text at or after ``at`` (0: none)."""
    return next((len(cells(ln)) for ln in lines[at:] if ln.text.strip()), 0)


def wrapped_text(pieces: list[tuple[Line, int, int]]) -> Line:
    """A text cell's lines as one line: nothing where the wrap cut a Thai word, else a space."""
    joined = joined_line(pieces[:1])
    for line, a, b in pieces[1:]:
        sep = separator(joined.text.rstrip(), line.text[a:b].lstrip())
        joined = joined_line([(joined, 0, len(joined.text)), (line, a, b)], sep=sep)
    return joined

"""A register's heading of words a slash joins heads one column, its rows' text split or not.

Stage: extract (a helper of :mod:`bma_etl.layouts.report_columns`). A progress
register may head its text column ``ผลการดำเนินงาน / ปัญหาอุปสรรค``: a report's
result and its problems in one cell. Such a heading names the column the whole
names (:func:`bma_etl.layouts.report_columns.column_of`), or else the detail
column when its first part names the detail (:func:`slashed_columns`); it is
never cut at its slash into two columns.

A row whose text a wide gap split in two has a cell more than the header
(``1 | 15/11/2566 | สำรวจ | พื้นที่และออกแบบ | 10.00 | 0.00``): its two text cells
are joined, the gap a space, into the slashed heading's column
(:func:`slash_joined`) when that is the only place the extra cell can sit: every
other cell then reads as its own column's value (a date, a percent, an amount)
and no other pair of cells joined does. Otherwise the row is left as it is (not
lined up: unread, never shifted).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from bma_etl.document import Cell, Line, cells, joined_line
from bma_etl.layouts.report_head_splits import cells_fit
from bma_etl.layouts.report_wraps import TEXT_COLUMNS

#: A letter: a text cell's half has one (a figure's cell has none).
_LETTER = re.compile("[\u0e01-\u0e2eA-Za-z]")


def slashed_columns(headings: list[str], named: list[str | None],
                    column_of: Callable[[str], str | None]) -> list[str | None]:
    """``named`` (the columns ``headings`` name) with a slashed heading naming the detail.

    A heading naming no column whose part before its first ``/`` names the detail
    (``ผลการดำเนินงาน / ปัญหาอุปสรรค``) heads the detail column, unless another
    heading already does. Returns a new list, as long as ``headings``.

    >>> from bma_etl.layouts.report_columns import column_of
    >>> slashed_columns(["ครั้งที่", "ผลการดำเนินงาน / ปัญหาอุปสรรค"],
    ...                 ["seq_label", None], column_of)
    ['seq_label', 'detail']
    """
    out = list(named)
    for i, (heading, column) in enumerate(zip(headings, named, strict=True)):
        first = heading.partition("/")[0]
        if column is None and "/" in heading and first.strip() \
                and column_of(first) == "detail" and "detail" not in out:
            out[i] = "detail"
    return out


def _placed(row: list[Cell], at: int) -> list[str]:
    """The row's cell texts with cells ``at`` and ``at + 1`` as one (a space between)."""
    texts = [c.text for c in row]
    return [*texts[:at], f"{texts[at]} {texts[at + 1]}", *texts[at + 2:]]


def _halves(row: list[Cell], at: int) -> bool:
    """Whether cells ``at`` and ``at + 1`` are both text (a letter in each)."""
    return all(_LETTER.search(row[i].text) for i in (at, at + 1))


def slash_joined(line: Line, columns: list[str | None], headings: list[str]) -> Line | None:
    """``line`` with a text cell a gap split in two joined under its slashed heading.

    ``columns``/``headings``: the register's header (a column's name, or None, and
    its heading's words per cell). ``line`` must have one cell more than the
    header; two neighbouring cells (both with letters) are joined when they sit
    under a text column headed with a ``/``, the other cells then read as their
    columns' values, and no other pair joined fits. Returns the line
    with those two cells one (the gap a space; offsets map back to the document),
    or None when the cells cannot be placed with certainty.
    """
    row = cells(line)
    if len(row) != len(columns) + 1:
        return None
    fits = [at for at in range(len(columns))
            if _halves(row, at) and cells_fit(columns, [_placed(row, at)])]
    if len(fits) != 1 or columns[fits[0]] not in TEXT_COLUMNS or "/" not in headings[fits[0]]:
        return None
    at = fits[0]
    joined = joined_line([(line, c.start, c.end) for c in row], sep="\t")
    gap = len("\t".join(c.text for c in row[:at + 1]))  # the tab between the halves
    return dataclasses.replace(joined, text=joined.text[:gap] + " " + joined.text[gap + 1:])

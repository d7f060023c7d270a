"""A word processor's table saved as plain text: each cell on its own line.

Stage: read. LibreOffice Writer's and Word's "Text" export writes a table's
cells one after another, each on its own line, an empty cell as an empty line
(an action plan's budget table: ``ลำดับที่`` / ``ชื่อโครงการ`` / ``งบประมาณ (บาท)`` /
``ส่วนราชการที่รับผิดชอบ`` / ``1`` / ``โครงการ…`` / ``12,450,000.00`` / ``กอง…`` …).
Read as printed, no line held a row and no project was read.
:func:`restacked_cells` gives such a table the way the project's text files print
one: a row's cells on one line, set apart by tabs.

A table is told by its numbered rows alone, never by its words: a line holding
only ``1`` (or ``๑``), the next number ``width`` lines on, the one after another
``width`` lines on, and so on, with ``width`` non-blank lines before the first
(its header row, a cell each). A row whose number cell is empty (an item
continuing the row above) is one of them when it holds a cell; a row whose first
cell is a total (``รวม…``) ends the table, and stands for the second number of a
table of one row. A cell of two paragraphs (two lines)
breaks the count: such a table is left as it stands.
"""

from __future__ import annotations

import re

__all__ = ["restacked_cells"]

#: Widest table (cells in a row) told apart.
MAX_WIDTH = 12
#: Numbered rows a table needs before its lines are read as cells.
MIN_NUMBERED = 2
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_NUMBER = re.compile(r"[0-9]{1,3}\.?")
#: A total row's first cell.
_TOTAL = re.compile(r"\s*รวม")


def _seq(line: str) -> int | None:
    """The row number a line holding only a number states, else None."""
    text = line.strip().translate(_THAI_DIGITS)
    return int(text.rstrip(".")) if _NUMBER.fullmatch(text) else None


def _rows_at(lines: list[str], first: int, width: int) -> int:
    """The line just past the table whose row 1 starts at ``first``, ``width`` cells a row.

    Returns ``first`` when fewer than :data:`MIN_NUMBERED` numbered rows follow and
    no total row ends them.
    """
    pos, expect, total = first, 1, False
    while pos + width <= len(lines):
        row = lines[pos:pos + width]
        if any("\t" in cell for cell in row):
            break
        head = row[0].strip()
        if _seq(head) == expect:
            expect += 1
        elif not head and expect > 1 and any(cell.strip() for cell in row[1:]) \
                and _seq(row[1]) is None:
            pass  # an item continuing the row above
        elif _TOTAL.match(row[0]) and expect > 1:
            pos += width
            total = True
            break
        else:
            break
        pos += width
    return pos if expect > MIN_NUMBERED or total else first


def _table_at(lines: list[str], first: int) -> tuple[int, int, int] | None:
    """``(start, width, end)`` of the stacked table whose row 1 is ``lines[first]``."""
    for width in range(2, MAX_WIDTH + 1):
        start = first - width
        if start < 0:
            return None
        header = lines[start:first]
        if any(not cell.strip() or "\t" in cell or _seq(cell) is not None for cell in header):
            return None  # a header row holds a word in every cell
        end = _rows_at(lines, first, width)
        if end > first:
            return start, width, end
    return None


def restacked_cells(text: str) -> str | None:
    r"""``text`` with each table saved a cell a line set back in rows, or None when none is.

    >>> restacked_cells("หัว\nลำดับที่\nชื่อ\nงบ\n1\nก\n5\n2\nข\n\nรวม\n\n5\nท้าย\n")
    'หัว\nลำดับที่\tชื่อ\tงบ\n1\tก\t5\n2\tข\t\nรวม\t\t5\nท้าย\n'
    >>> restacked_cells("1. เพื่อปรับปรุง\n2. เพื่อส่งเสริม\n") is None
    True
    """
    lines = text.split("\n")
    out: list[str] = []
    done = pos = 0
    found = False
    while pos < len(lines):
        table = _table_at(lines, pos) if _seq(lines[pos]) == 1 else None
        if table is None:
            pos += 1
            continue
        start, width, end = table
        out += lines[done:start]
        out += ["\t".join(lines[at:at + width]) for at in range(start, end, width)]
        done = pos = end
        found = True
    if not found:
        return None
    return "\n".join(out + lines[done:])

"""A word processor's table saved as plain text: each cell on its own line.

Stage: read. LibreOffice Writer's and Word's "Text" export writes a table's
cells one after another, each on its own line, an empty cell as an empty line
(an action plan's budget table: ``ลำดับที่`` / ``ชื่อโครงการ`` / ``งบประมาณ (บาท)`` /
``ส่วนราชการที่รับผิดชอบ`` / ``1`` / ``โครงการ…`` / ``12,450,000.00`` / ``กอง…`` …).
Read as printed, no line held a row and no project was read.
:func:`restacked_cells` gives such a table the way the project's text files print
one: a row's cells on one line, set apart by tabs.

A table is told by its numbered rows: a line holding only ``1`` (or ``๑``), the
next number ``width`` lines on, the one after another ``width`` lines on, and so
on, with ``width`` short non-blank lines before the first (its header row, a cell
each) the first of which heads a number column (``ลำดับที่``, ``ที่``,
``ครั้งที่``, matched in key form); of the widths that fit, the one under which
the most numbered rows continue wins. A row whose number cell is empty (an item
continuing the row above) is one of them when it holds a cell; a row whose first
cell is a total (``รวม…``) ends the table, and stands for the second number of a
table of one row. A cell of two paragraphs (two lines)
breaks the count: such a table is left as it stands.
"""

from __future__ import annotations

import re

from bma_etl.matchkey import matches_key
from bma_etl.normalize.digits import to_arabic_digits

__all__ = ["restacked_cells"]

#: Widest table (cells in a row) told apart.
MAX_WIDTH = 12
#: Numbered rows a table needs before its lines are read as cells.
MIN_NUMBERED = 2
#: A number column's heading, the header row's first cell (matched whole, in key form).
SEQ_HEADINGS = ("ลำดับ", "ลำดับที่", "ที่", "ครั้งที่", "ข้อ", "ข้อที่", "งวดที่")
#: The longest header cell (characters): a heading, not a paragraph.
MAX_HEADING = 60
_NUMBER = re.compile(r"[0-9]{1,3}\.?")
#: A total row's first cell.
_TOTAL = re.compile(r"\s*รวม")


def _seq(line: str) -> int | None:
    """The row number a line holding only a number states, else None."""
    text = line.strip()
    if len(text) > 4:  # longer than ``123.``: no number alone (most lines, passed cheaply)
        return None
    text = to_arabic_digits(text)
    return int(text.rstrip(".")) if _NUMBER.fullmatch(text) else None


def _rows_at(lines: list[str], first: int, width: int) -> tuple[int, int]:
    """``(end, numbered)``: the line just past the table whose row 1 starts at ``first``.

    ``width`` cells a row; ``numbered`` is how many numbered rows continue. Returns
    ``(first, 0)`` when fewer than :data:`MIN_NUMBERED` numbered rows follow and no
    total row ends them.
    """
    pos, expect, total = first, 1, False
    numbered: list[list[str]] = []
    while pos + width <= len(lines):
        row = lines[pos:pos + width]
        if any("\t" in cell for cell in row):
            break
        head = row[0].strip()
        if _seq(head) == expect:
            expect += 1
            numbered.append(row)
        elif not head and expect > 1 and any(cell.strip() for cell in row[1:]) \
                and _seq(row[1]) is None and not any(_seq(cell) == expect for cell in row):
            pass  # an item continuing the row above
        elif _TOTAL.match(row[0]) and expect > 1:
            pos += _total_cells(row, numbered)
            total = True
            break
        elif _longer_row(lines, pos, width, expect):
            return first, 0  # the last row held more lines than cells: no fixed width
        elif _continued(lines, pos, width, expect):
            return first, 0  # the rows go on past a page's furniture: left as they stand
        else:
            break
        pos += width
    return (pos, expect - 1) if expect > MIN_NUMBERED or total else (first, 0)


def _longer_row(lines: list[str], pos: int, width: int, expect: int) -> bool:
    """Whether the row that should start at ``lines[pos]`` starts a few lines later.

    The next number or a total (``รวม…``) less than ``width`` lines on: the row above
    held more lines than cells (a cell wrapped onto a second line, as a PDF viewer
    copies a long name), so its lines were not its cells.
    """
    ahead = lines[pos + 1:pos + width]
    return any(_seq(line) == expect or _TOTAL.match(line) for line in ahead)


def _continued(lines: list[str], pos: int, width: int, expect: int) -> bool:
    """Whether the numbering goes on a few lines after ``lines[pos]``, which breaks it.

    A page break inside the table puts the page's number and running header (and the
    header row again, or not) between two rows: the next number (``expect``) alone on
    a line within ``2 * width + 6`` lines, before any row 1 (a next table's), is the
    table going on, so its lines are no fixed width of cells.
    """
    for line in lines[pos:pos + 2 * width + 6]:
        seq = _seq(line)
        if seq == 1:
            return False
        if seq == expect:
            return True
    return False


#: A digit (an amount's, in a row's cell).
_DIGIT = re.compile(r"[0-9๐-๙]")
#: A number alone on its line (a row's, or a page's after a total's amount).
_BARE = re.compile(r"^\s*[0-9๐-๙]{1,3}\s*$")
#: A page's number in a style no cell takes (``หน้า ๔``, ``- 4 -``): the page broke after
#: the row, the number is no cell of it.
_PAGE_MARK = re.compile(r"^\s*(?:หน้า\s*[0-9๐-๙]{1,3}|[-–]\s*[0-9๐-๙]{1,3}\s*[-–])\s*$")


def _total_cells(row: list[str], numbered: list[list[str]]) -> int:
    """How many of a total row's ``width`` lines are its cells.

    Text a PDF viewer copies leaves a row's empty cells out: a total's label and its
    amount, then the text after the table (``รวม`` / ``12,450,000`` / ``หมายเหตุ…``).
    The table's amount column is the last one a ``numbered`` row holds a digit in
    (its number's, at least); a page's number (``หน้า ๔``, ``- 4 -``, or a bare number
    after the total's amount) holds no amount, nor does text after a blank line (a
    running header). A total ends at its last digit's cell when that cell
    stands left of the amount column (its empty cells lost), when a blank line and
    text follow it (the paragraph after the table), or when a number column's
    heading does (the next table's header). A word processor's export keeps an empty
    cell as a blank line, its total's amount in the amount column and no text after
    it: that row is ``width`` lines.
    """
    cut = next((k for k, cell in enumerate(row)
                if not cell.strip() and any(more.strip() for more in row[k + 1:])), len(row))
    digits = [k for k, cell in enumerate(row) if _DIGIT.search(cell) and not _PAGE_MARK.match(cell)
              and not (k == 0 and _TOTAL.match(cell))]  # ``รวม 3 โครงการ``: a count, no amount
    if any(k < cut for k in digits):
        digits = [k for k in digits if k < cut]  # text after a blank line is past the table
    if len(digits) > 1 and _BARE.match(row[digits[-1]]) and not _BARE.match(row[digits[-2]]):
        digits.pop()  # ``รวม`` / ``31,950,800 บาท`` / ``7``: one amount, then the page's number
    if not digits:
        return len(row)
    last = digits[-1]
    column = max((k for k in range(len(row))
                  if any(_DIGIT.search(r[k]) for r in numbered)), default=0)
    rest = row[last + 1:]
    if last < column or any(not cell.strip() and any(more.strip() for more in rest[k + 1:])
                            for k, cell in enumerate(rest)) \
            or any(matches_key(h, cell.strip(), full=True) for h in SEQ_HEADINGS for cell in rest):
        return last + 1
    return len(row)


def _a_header(cells: list[str]) -> bool:
    """Whether ``cells`` read as a table's header row.

    A number column's heading first (:data:`SEQ_HEADINGS`), then short headings,
    none blank, a number or tabbed.
    """
    return (any(matches_key(h, cells[0].strip(), full=True) for h in SEQ_HEADINGS)
            and all(cell.strip() and "\t" not in cell and len(cell.strip()) <= MAX_HEADING
                    and _seq(cell) is None for cell in cells))


def _table_at(lines: list[str], first: int) -> tuple[int, int, int] | None:
    """``(start, width, end)`` of the stacked table whose row 1 is ``lines[first]``.

    Every width whose header row reads as one (:func:`_a_header`) is tried; the one
    under which the most numbered rows continue wins (then the one reaching furthest),
    not the first that fits: a row's later cell may hold the next number.
    """
    best: tuple[int, int, int, int] | None = None  # (numbered, end, start, width)
    for width in range(2, min(MAX_WIDTH, first) + 1):
        start = first - width
        if not _a_header(lines[start:first]):
            continue
        end, numbered = _rows_at(lines, first, width)
        if end > first and (best is None or (numbered, end) > best[:2]):
            best = (numbered, end, start, width)
    return (best[2], best[3], best[1]) if best else None


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
        out += ["\t".join(lines[at:min(at + width, end)]) for at in range(start, end, width)]
        done = pos = end
        found = True
    if not found:
        return None
    return "\n".join(out + lines[done:])

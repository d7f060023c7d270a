"""A PDF's text dumped by poppler's ``pdftotext -layout``: its tables read back into rows.

Stage: read. Consumes a text file's text (after :func:`bma_etl.read.text_chars.paged_text`);
produces the text the later stages read, so provenance offsets count in it.

``pdftotext -layout`` sets each piece of text where the page drew it, counted in
characters: a table's columns stand side by side, many spaces apart, and a cell
its column wraps goes on at the next lines in the same column, beside the other
cells' rests (a plan's project ``โครงการจัดทำแผนที่ภาพถ่ายทาง`` / ``อากาศเชิงเลข…``
under it, its budget's ``บาท`` and its unit's ``มูลฯ`` on the same line). Read as
written, a name was cut at its wrap and a form's report cells ran into each other:
the values were NULLed (``interleaved_columns``) and lost.
:func:`laid_out_tables` gives such a table the way the project's text files print
one: a row's cells on one line, set apart by tabs, each cell's pieces joined again
(:func:`bma_etl.rows.separator`).

A table is a block of lines (blank lines apart, a page's first line beginning
one; rows a blank line sets apart stay one block), :data:`MIN_SPLIT_LINES` of
which or more hold text in two places or more two spaces or more apart, from the
first such line to the last (and the short lines after it that sit in one column:
a total row's wrapped label, a narrative's last line). Its columns start where
such text starts on a share of its lines (:mod:`bma_etl.read.text_layout_grid`;
a place two characters off is the same place). A line's text is cut at each
column's start it reaches; a cell too long for its column pushes the next
cell right, one space after it: that piece is cut at the space nearest the next
column's start whose rest fits that column and starts as its cells start on the
other lines (a ``:``, a number, the same word), else at the one nearest the start.

A row starts at a line with text in the first column after one without (a
form's ``รายงาน`` / ``ครั้งที่1`` is one cell), at a number, a total (``รวม…``) or
a label that opens other rows (``รายงานครั้งที่2``) in the first column, and at an
item number (``๒.``) opening a cell of a line with none in the first column (a
plan's second item of one row). A page's footer after a blank line under the
last row is no row. Across a page break: a header the next page repeats is not
read again and the lines under it before the next row go on the row the page
broke; a header left alone at a page's foot is read over the rows of the next
page.

Only a text so dumped is read so (:func:`bma_etl.read.text_dumps.spread`, no tab
in it): a text file's own tables are tab-separated, a copy's cells too. A table
is read back only when every row after a header is labelled by a number in the
first column (a row number, ``รายงานครั้งที่1``, a total, an item of the row
above), the numbers running on one by one; a header fills every column and holds
no two headings in one; rows numbered alone (``๑``) need their header; at most
five columns. When a block of the text that looks like a table is not read back
(a plan's KPI tables and schedules), no table of it is: the text stays as
dumped, read as before (the layouts read a text's tables all one way).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.read.text_dumps import spread
from bma_etl.read.text_layout_grid import (
    Piece,
    column_of,
    cut_piece,
    grid_of,
    in_column,
    runs,
)
from bma_etl.rows import separator

__all__ = ["MIN_SPLIT_LINES", "laid_out_tables"]

#: Lines of a table holding text in two places or more (its rows and header).
MIN_SPLIT_LINES = 3
#: A row's label: a number, or words ending in one (``รายงานครั้งที่1``).
_LABEL = re.compile(r"[^\s0-9]*([0-9]{1,3})\.?")
#: A row number alone (``๑``, ``12.``), a total (``รวม…``).
_SEQ = re.compile(r"[0-9]{1,3}\.?")
_TOTAL = re.compile("\u0e23\u0e27\u0e21")
#: An item number opening a cell (``๒. โครงการ…``).
_ITEM = re.compile(r"[0-9]{1,2}\.(?:\s|$)")


def _opener(label: str) -> str | None:
    """A row label's words before its number (``รายงานครั้งที่``), or None."""
    m = _LABEL.fullmatch(label)
    return m[0][:m.start(1)] or None if m else None


def _openers(cut: dict[int, list[Piece]]) -> set[str]:
    """The words before the number of the labels that open a row after a blank first cell.

    ``รายงานครั้งที่`` of ``รายงานครั้งที่2``: a line opening so opens a row even
    under a cell of the first column (a header's ``ครั้งที่รายงาน``).
    """
    found: set[str] = set()
    before = False
    for k in sorted(cut):
        label = next((to_arabic_digits(c.text) for c in cut[k] if c.col == 0), "")
        opener = _opener(label)
        if label and not before and opener:
            found.add(opener)
        before = bool(label)
    return found


def _numbered(rows: list[list[list[str]]]) -> bool:
    """Whether every row but a first (a header) is labelled by a number in its first column.

    Or is a total (``รวม…``) or an item of the row above (no first cell); one row
    at least is numbered, and the numbers run on one by one. A block of other lines
    set apart (a paragraph's, a schedule's) is no table of rows read back.
    """
    numbers: list[int] = []
    for k, row in enumerate(rows):
        head = to_arabic_digits("".join(row[0]))
        label = _LABEL.fullmatch(head)
        if label:
            numbers.append(int(label[1]))
        elif head and not _TOTAL.match(head) and k:
            return False
    # rows numbered one after another (two rows read as one break the count)
    return bool(numbers) and all(b == a + 1
                                 for a, b in pairwise(numbers))


def _key(line: str) -> str:
    """A line's words, its spacing aside (a header repeated on the next page)."""
    return " ".join(line.split())


@dataclass
class _Table:
    """A block's table: the lines before and after it, its rows' cells' pieces.

    ``carry``: the cells' pieces of the lines before its first row, after a header
    repeated from the table before (a row the page broke: its rest on this page).
    ``head``: its header's lines, in :func:`_key` form.
    """

    before: list[str]
    rows: list[list[list[str]]]
    after: list[str]
    head: list[str]
    carry: list[list[str]] | None = None


def _table(lines: list[str], head: list[str] | None) -> _Table | None:
    """A block of lines' table, or None for no table.

    ``head``: the header lines of a table just before, which the block may repeat
    (see :class:`_Table`); None when no table stands just before.
    """
    pieces = [runs(line) for line in lines]
    split = [k for k, ps in enumerate(pieces) if len(ps) >= 2]
    if len(split) < MIN_SPLIT_LINES:
        return None
    first, last = split[0], split[-1]
    grid = grid_of(pieces[first:last + 1])
    if grid is None:
        return None
    end = last + 1
    while end < len(lines) and len(pieces[end]) == 1 and in_column(pieces[end][0], grid):
        end += 1  # a cell's last pieces after the last split line
    repeated = 0
    while head and first + repeated < end and _key(lines[first + repeated]) in head:
        repeated += 1
    rows: list[list[list[str]]] = []
    carry: list[list[str]] | None = None if head is None else [[] for _ in grid.starts]
    clash = False
    cut = {k: [c for p in pieces[k] for c in cut_piece(lines[k], p, grid)]
           for k in range(first + repeated, end)}
    openers = _openers(cut)
    opened: list[tuple[int, bool]] = []  # each row's first line, a blank line before it
    prev_first = False
    for k in range(first + repeated, end):
        cells = cut[k]
        if not cells:
            prev_first = False  # rows set apart by a blank line
            continue
        at_first = any(c.col == 0 for c in cells)
        label = next((to_arabic_digits(c.text) for c in cells if c.col == 0), "")
        item = not at_first and any(_ITEM.match(to_arabic_digits(c.text)) for c in cells)
        if carry is not None and not rows and not at_first and not item:
            for cell in cells:
                carry[cell.col].append(cell.text)
            continue
        if not rows or (at_first and (not prev_first or _SEQ.fullmatch(label)
                                      or _TOTAL.match(label)
                                      or _opener(label) in openers)) or item:
            rows.append([[] for _ in grid.starts])
            opened.append((k, k > first and not cut.get(k - 1)))
        if len(rows) == 1 and len({c.col for c in cells}) < len(cells):
            clash = True  # two headings (or first cells) in one column: columns missed
        for cell in cells:
            rows[-1][cell.col].append(cell.text)
        prev_first = at_first
    while len(rows) > 1 and opened[-1][1] and not _LABEL.fullmatch(
            to_arabic_digits(_joined(rows[-1][0]))) and not _TOTAL.match(_joined(rows[-1][0])):
        rows.pop()  # a page's footer after the table's last row: no row of it
        end = opened.pop()[0]
        while end > first and not lines[end - 1].strip():
            end -= 1
    if not rows or not _numbered(rows):
        return None
    labels = [_LABEL.fullmatch(to_arabic_digits(_joined(row[0]))) for row in rows]
    headed = labels[0] is None
    if headed and (clash or not all(rows[0])):
        return None  # columns missed (two headings in one) or made up (one with none)
    if not headed and carry is None and not all(m[0] != m[1] for m in labels if m):
        return None  # rows numbered alone, their header elsewhere: not known as a table
    header = [] if repeated else [_key(line) for line in lines[first:end]]
    if header:  # the first row's lines, when it is a header (no number)
        size = next((k for k in range(first, end) if _LABEL.fullmatch(to_arabic_digits(
            next((p.text for p in pieces[k] if column_of(p, grid.starts) == 0), "")))),
            first) - first
        header = header[:size]
    return _Table(lines[:first], rows, lines[end:], header or head or [], carry)


def _joined(parts: list[str]) -> str:
    """A cell's pieces, one after another (:func:`bma_etl.rows.separator` between)."""
    text = ""
    for part in parts:
        text += separator(text, part) + part
    return text


def _pages(lines: list[str], text: str, page_starts: tuple[int, ...]) -> set[int]:
    """The indexes of the lines that begin a page after the first."""
    at, firsts, offset = 0, set(), 0
    starts = sorted(page_starts)[1:] if page_starts else []
    for k, line in enumerate(lines):
        while at < len(starts) and starts[at] <= offset:
            firsts.add(k)
            at += 1
        offset += len(line) + 1
    return firsts


def _blocks(lines: list[str], firsts: set[int]) -> list[list[str]]:
    """``lines`` in blocks: runs of non-blank lines, blank lines apart.

    A page's first line begins one. A block of two lines or more holding text in
    two places or more and the next, whose first line does, that only blank lines
    part (a table that sets its rows apart) are one block, blank lines kept.
    """
    blocks: list[list[str]] = []
    block: list[str] = []
    gap: list[str] = []
    for k, line in enumerate(lines):
        if not line.strip():
            gap.append(line)
            continue
        if block and (k in firsts or gap):
            split = sum(1 for b in block if len(runs(b)) >= 2) >= 2
            if gap and k not in firsts and split and len(runs(line)) >= 2:
                block.extend(gap)  # the same table goes on
            else:
                blocks.append(block)
                block = []
                if gap:
                    blocks.append(gap)
            gap = []
        elif gap:
            blocks.append(gap)
            gap = []
        block.append(line)
    for rest in (block, gap):
        if rest:
            blocks.append(rest)
    return blocks


def laid_out_tables(text: str, page_starts: tuple[int, ...] = ()) -> str | None:
    r"""``text`` with each table a ``pdftotext -layout`` dump laid out read into rows.

    Returns None when no block of ``text`` is such a table (see the module
    docstring). A row's cells come out on one line, tab-separated, in the table's
    columns (an empty cell empty). ``page_starts``: the offsets where ``text``'s
    pages begin (a page's table is set apart from the next page's: each its own
    columns; a row the page broke is read whole, a header the next page repeats not
    read again).

    >>> print(laid_out_tables("ที่   ชื่อ          งบ\n๑     โครงการจัด    ๕๐๐.-\n"
    ...                       "      ทำแผนที่      บาท\n๒     โครงการ       ๑๐.- บาท\n"
    ...                       ).replace("\t", " | "))
    ที่ | ชื่อ | งบ
    ๑ | โครงการจัดทำแผนที่ | ๕๐๐.- บาท
    ๒ | โครงการ | ๑๐.- บาท
    <BLANKLINE>
    """
    if "\t" in text or not spread(text):
        return None  # a text of its own (tabs), or no dump of columns side by side
    lines = text.split("\n")
    parts: list[_Table | list[str]] = []
    head: list[str] | None = None
    header: tuple[int, list[str]] | None = None  # a header the page left alone
    for block in _blocks(lines, _pages(lines, text, page_starts)):
        table = _table(block, head) if any(line.strip() for line in block) else None
        if table is None and header is not None:
            table = _table(header[1] + block, None)  # its rows on the next page
            if table is not None:
                parts[header[0]] = []
        if table is None and sum(1 for b in block if len(runs(b)) >= 2) >= MIN_SPLIT_LINES:
            return None  # a table not read back: the text's tables stay as the dump set them
        if table is None:
            parts.append(block)
            head = head if not any(b.strip() for b in block) else None
            if len(runs(block[0])) >= 3:
                header = (len(parts) - 1, block)
            elif header is not None and sum(1 for b in block if b.strip()) > 2:
                header = None  # more than a page's furniture (its address, date) between
            continue
        header = None
        last = next((p for p in reversed(parts) if isinstance(p, _Table)), None)
        if last is not None and table.carry is not None \
                and len(table.rows[0]) != len(last.rows[0]):
            return None  # the next page's part of a table read in other columns
        if table.carry is not None and last is not None and not last.after:
            for cell, more in zip(last.rows[-1], table.carry, strict=False):
                cell.extend(more)
        elif table.carry is not None and any(table.carry):
            table.rows.insert(0, table.carry)
        parts.append(table)
        head = table.head if not table.after else None
    if not any(isinstance(p, _Table) for p in parts):
        return None
    out: list[str] = []
    for part in parts:
        if isinstance(part, _Table):
            out.extend(part.before)
            out.extend("\t".join(_joined(cell) for cell in row) for row in part.rows)
            out.extend(part.after)
        else:
            out.extend(part)
    return "\n".join(out)

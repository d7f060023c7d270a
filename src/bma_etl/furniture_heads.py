"""Table header rows a page break repeated at the top of a later page.

Part of the page furniture (:mod:`bma_etl.furniture`); belongs to no layout. A
browser repeats a ``<thead>`` on every page a table crosses, and an office suite a
table's heading rows: the first line of a later page, furniture aside, that reads
as a line which opened a table earlier (a row after a line without cells, before a
row) is furniture when the page before ends in a row. A line whose only tab ends it
is no row, and a line that stands below pages' tops twice or more, as often as at
their tops, is content the document repeats (a history entry's labelled line, its
words spread to cells by a distributed print).

A ``<thead>`` may hold more than the column heads: an office exporter puts a
table's first data row in it too (a progress form's ``รายงานครั้งที่1`` row), and
WeasyPrint repeats the whole of it on every page. The lines under a repeated header
line that read, in order, as the lines under the line it repeats (where the table
opened) are that repeated block too: the first copy, where the table opened, is the
table's own; the later ones are furniture, so no report is read twice and the rest
of a row the page break cut follows the row it belongs to. Never raises.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["repeated_heads"]

_DIGIT = "[0-9๐-๙]"


def _words(line: str) -> str:
    return " ".join(line.split())


#: A cell that is a number alone (a score, an amount): a value, so its row is no header.
_NUMBER_CELL_RE = re.compile(rf"^\s*{_DIGIT}[0-9๐-๙.,]*\s*$")


def repeated_heads(lines: list[str], pages: list[list[int]], furniture: set[int]) -> list[int]:
    """Table header rows repeated at the top of a later page (see the module docstring).

    ``lines``: the document's lines; ``pages``: each page's line indexes (0-based);
    ``furniture``: the indexes already found furniture. Returns 0-based indexes: each
    repeated header line and the lines under it that repeat the table's opening block.

    A header row names its columns: a row with a cell that is a number alone is
    content (a flowing plan's ``และรายงานผล...`` / ``๒๐`` ends every level's row, and
    opens a run of tab rows often), never a header repeated.
    """
    heads: dict[str, list[int]] = {}  # an opening line's words: its places in ``order``
    order: list[int] = []  # the document's filled lines, furniture aside, in order
    candidates: list[list[int]] = []  # each repeated block's lines, its header line first
    last: int | None = None  # the last line of the page before, furniture aside
    tops: set[int] = set()
    for page in pages:
        filled = [i for i in page if lines[i].strip()]
        if not filled:
            continue
        body = [i for i in filled if i not in furniture]
        top = body[0] if body else None
        if top is not None:
            tops.update(filled[:filled.index(top) + 1])
        if top is not None and last is not None and _in_row(lines[last]) and _row(lines[top]) \
                and (block := _block(lines, body, order, [at for places in heads.values()
                                                          for at in places])
                     or ([top] if _words(lines[top]) in heads else [])):
            candidates.append(block)
        # a page's first row opens a table only when the page before did not end in a row
        before_page = last
        last = body[-1] if body else last
        place = {i: len(order) + n for n, i in enumerate(body)}
        for before, i, after in zip([before_page, *filled[:-1]], filled, [*filled[1:], None],
                                    strict=True):
            if _row(lines[i]) and (before is None or not _row(lines[before])) \
                    and after is not None and _row(lines[after]) \
                    and not any(_NUMBER_CELL_RE.match(c) for c in lines[i].split("\t")):
                opened = heads.setdefault(_words(lines[i]), [])
                if i in place:
                    opened.append(place[i])
        order.extend(body)
    # a line standing below a page's top twice or more, and as often as at tops, is a
    # line the document repeats (a history entry's ``**\tปัญหาของโครงการ\t:ไม่มี``,
    # its words spread to cells by a distributed print), no header a page break repeated
    within = Counter(_words(lines[i]) for page in pages for i in page
                     if lines[i].strip() and i not in tops)
    at_tops = Counter(_words(lines[block[0]]) for block in candidates)
    return [i for block in candidates
            if within[_words(lines[block[0]])] < max(2, at_tops[_words(lines[block[0]])])
            for i in block]


#: The most lines a repeated ``<thead>`` is looked for in (header and data rows).
MOST_BLOCK_LINES = 40


def _block(lines: list[str], body: list[int], order: list[int], openings: list[int]
           ) -> list[int]:
    """The page's top lines that repeat the lines of a table's opening block.

    ``body``: the page's filled lines, furniture aside; ``order``: the earlier pages'
    lines as ``body``; ``openings``: the places in ``order`` of lines that opened a
    table. The longest run of the page's top lines whose cells hold, column by
    column, the letters of an opening's first line or lines (:func:`_columns`): the
    header line alone, or a whole ``<thead>`` (header and data rows), however the
    reader split its rows into lines (a borderless copy a page's top read as one line
    and its first as two). Empty when the page's top repeats none.
    """
    copy = _columns([lines[i] for i in body[:MOST_BLOCK_LINES]])
    longest = 0
    for at in openings:
        first = set(_columns([lines[i] for i in order[at:at + MOST_BLOCK_LINES]]))
        longest = max([longest, *(n for n, cells in enumerate(copy, start=1) if cells in first)])
    return body[:longest]


def _columns(rows: list[str]) -> list[tuple[str, ...]]:
    """After each of ``rows`` (lines of tab cells), the letters each column holds so far.

    White space aside, trailing empty columns dropped: one row read as one line or as
    two (its cells' second lines under the first) gives the same columns.
    """
    out: list[tuple[str, ...]] = []
    columns: list[str] = []
    for row in rows:
        for n, cell in enumerate(row.split("\t")):
            if n == len(columns):
                columns.append("")
            columns[n] += "".join(cell.split())
        cells = list(columns)
        while cells and not cells[-1]:
            cells.pop()
        out.append(tuple(cells))
    return out


def _in_row(line: str) -> bool:
    r"""Whether ``line`` is a table row or the next line of one (its first cell empty).

    A row whose cells wrap is read as its first line and lines under it that fill
    later cells only (``\tไม่เป็นไปตามแผน``): a page that ends in one ends in the table.
    """
    return _row(line) or (line.startswith("\t") and bool(line.strip()))


def _row(line: str) -> bool:
    """Whether ``line`` is a table row: two cells or more with text (a tab at its end is none)."""
    return sum(1 for cell in line.split("\t") if cell.strip()) >= 2

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

A table is a run of non-blank lines, :data:`MIN_SPLIT_LINES` of which or more hold
text in two places or more two spaces or more apart, from the first such line to
the last (and the short lines after it that sit in one column: a total row's
wrapped label). Its columns start where such text starts on two lines or more (a
place two characters off is the same place: a table on the next page may be set
over). A line's text is cut at each column's start it reaches (a space before
it); a cell too long for its column pushes the next cell right, one space after
it: that piece is cut at the space nearest the next column's start whose rest
starts as that column's cells start on the other lines (a ``:``, a number, the
same word), else at the one nearest the start.

A row starts at a line with text in the first column after one without (a
form's ``รายงาน`` / ``ครั้งที่1`` is one cell), at a number or total (``รวม…``)
in the first column, and at an item number (``๒.``) opening a cell of a line with
none in the first column (a plan's second item of one row).

Only a text so dumped is read so (:func:`bma_etl.read.text_dumps.spread`, no tab in
it): a text file's own tables are tab-separated, a copy's cells too. A block whose
rows after the first are not all labelled by a number in the first column (a row
number, ``รายงานครั้งที่1``, a total), or of more than :data:`MAX_COLUMNS` columns,
is left as written (a plan's KPI tables and schedules: their cells' pieces are read
there as before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.read.text_dumps import spread
from bma_etl.rows import separator

__all__ = ["MIN_SPLIT_LINES", "laid_out_tables"]

#: Lines of a table holding text in two places or more (its rows and header).
MIN_SPLIT_LINES = 3
#: Lines a column's start must begin text on.
MIN_SUPPORT = 2
#: Places this near are one column's start (a page's table set a character or two over).
NEAR = 2
#: Share of a table's split lines a column's start must begin text on.
SUPPORT_SHARE = 0.25
#: Most columns a table read back has (a plan's budget table 4, a form's reports 4).
MAX_COLUMNS = 5
#: A row's label: a number, or words ending in one (``รายงานครั้งที่1``).
_LABEL = re.compile(r"[^\s0-9]*([0-9]{1,3})\.?")
#: A piece of a line: words one space apart.
_RUN = re.compile(r"\S+(?: \S+)*")
#: A row number alone (``๑``, ``12.``), a total (``รวม…``).
_SEQ = re.compile(r"[0-9]{1,3}\.?")
_TOTAL = re.compile("\u0e23\u0e27\u0e21")
#: An item number opening a cell (``๒. โครงการ…``).
_ITEM = re.compile(r"[0-9]{1,2}\.(?:\s|$)")
_NUMBER = re.compile(r"[0-9][0-9,.\-]*")


@dataclass(frozen=True)
class _Piece:
    """Text of one line at character ``start`` (the dump's place), in column ``col``."""

    start: int
    text: str
    col: int = -1

    @property
    def end(self) -> int:
        """The place just past the piece's text."""
        return self.start + len(self.text)


def _runs(line: str) -> list[_Piece]:
    """A line's pieces two spaces or more apart."""
    return [_Piece(m.start(), m.group()) for m in _RUN.finditer(line)]


def _columns(lines: list[list[_Piece]]) -> list[int]:
    """Places where text starts on :data:`MIN_SUPPORT` lines or more (:data:`NEAR`: the same).

    And on :data:`SUPPORT_SHARE` of the lines holding text in two places or more: a
    wrapped paragraph's words meet at a place now and then, a column's every row.
    """
    least = max(MIN_SUPPORT, SUPPORT_SHARE * sum(1 for ps in lines if len(ps) >= 2))
    seen: dict[int, set[int]] = {}
    for k, pieces in enumerate(lines):
        for p in pieces:
            seen.setdefault(p.start, set()).add(k)
    starts: list[int] = []
    for place in sorted(seen, key=lambda s: (-len(seen[s]), s)):
        if any(abs(place - s) <= NEAR for s in starts):
            continue
        near = set().union(*(seen.get(place + d, set()) for d in range(-NEAR, NEAR + 1)))
        if len(near) >= least:
            starts.append(place)
    return sorted(starts)


def _first_word(text: str) -> str:
    """A cell's first word, a number as its shape (``9``)."""
    word = text.split(" ", 1)[0]
    return "9" if _NUMBER.fullmatch(to_arabic_digits(word)) else word


def _cut(line: str, piece: _Piece, starts: list[int], openings: dict[int, set[str]],
         width: dict[int, int]) -> list[_Piece]:
    """A piece cut where it reaches the next columns (see the module docstring)."""
    out: list[_Piece] = []
    floor = piece.start + 1  # a cut's rest stands in the column it was cut for
    col = _column_of(piece, starts)
    while True:
        inside = [c for c in starts if floor < c <= piece.end]
        if not inside:
            out.append(_Piece(piece.start, piece.text, col))
            return out
        nxt = inside[0]
        exact = [c for c in inside if line[c - 1] == " " and line[c] != " "]
        if exact:
            cut = exact[0] - 1
        else:
            low = nxt - max(1, width.get(nxt, 8) // 2)
            spaces = [piece.start + k for k, ch in enumerate(piece.text)
                      if ch == " " and piece.start + k + 1 >= low]
            if not spaces:
                out.append(_Piece(piece.start, piece.text, col))
                return out
            liked = [s for s in spaces
                     if _first_word(line[s + 1:piece.end]) in openings.get(nxt, set())]
            cut = liked[0] if liked else min(spaces, key=lambda s: abs(s + 1 - nxt))
        out.append(_Piece(piece.start, line[piece.start:cut], col))
        piece, floor, col = _Piece(cut + 1, line[cut + 1:piece.end]), nxt, starts.index(nxt)


def _column_of(piece: _Piece, starts: list[int]) -> int:
    """The column a piece starting at its place stands in."""
    col = 0
    for k, c in enumerate(starts):
        if piece.start + NEAR >= c:
            col = k
    return col


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


def _table(lines: list[str]) -> list[str] | None:
    """A block of lines' table rows, cells tab-separated, or None for no table."""
    pieces = [_runs(line) for line in lines]
    split = [k for k, ps in enumerate(pieces) if len(ps) >= 2]
    if len(split) < MIN_SPLIT_LINES:
        return None
    first, last = split[0], split[-1]
    starts = _columns(pieces[first:last + 1])
    if not 2 <= len(starts) <= MAX_COLUMNS:
        return None
    openings: dict[int, set[str]] = {}
    width: dict[int, int] = {}
    for ps in pieces[first:last + 1]:
        for p in ps:
            if p.start in starts:
                openings.setdefault(p.start, set()).add(_first_word(p.text))
                width[p.start] = max(width.get(p.start, 0), len(p.text))
    for k, c in enumerate(starts[:-1]):
        width[c] = starts[k + 1] - c
    end = last + 1
    while end < len(lines) and len(pieces[end]) == 1 and pieces[end][0].end < starts[1] - 1:
        end += 1  # a first column's wrapped label after the last split line
    rows: list[list[list[str]]] = []
    prev_first = False
    for k in range(first, end):
        cells: list[_Piece] = []
        for p in pieces[k]:
            cells.extend(_cut(lines[k], p, starts, openings, width))
        at_first = any(c.col == 0 for c in cells)
        head = next((to_arabic_digits(c.text) for c in cells if c.col == 0), "")
        item = not at_first and any(_ITEM.match(to_arabic_digits(c.text)) for c in cells)
        if not rows or (at_first and (not prev_first or _SEQ.fullmatch(head)
                                      or _TOTAL.match(head))) or item:
            rows.append([[] for _ in starts])
        for cell in cells:
            rows[-1][cell.col].append(cell.text)
        prev_first = at_first
    if not _numbered(rows):
        return None
    out = []
    for row in rows:
        texts = []
        for parts in row:
            text = ""
            for part in parts:
                text += separator(text, part) + part
            texts.append(text)
        out.append("\t".join(texts))
    return lines[:first] + out + lines[end:]


def laid_out_tables(text: str) -> str | None:
    r"""``text`` with each table a ``pdftotext -layout`` dump laid out read into rows.

    Returns None when no block of ``text`` is such a table (see the module
    docstring). A row's cells come out on one line, tab-separated, in the table's
    columns (an empty cell empty).

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
    out: list[str] = []
    changed = False
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line)
            continue
        table = _table(block) if block else None
        changed = changed or table is not None
        out.extend(table if table is not None else block)
        out.append(line)
        block = []
    return "\n".join(out[:-1]) if changed else None

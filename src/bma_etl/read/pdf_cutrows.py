"""A borderless table's row that a page break cut, joined again.

Stage: read. Used by :mod:`.pdf` on the laid-out lines of consecutive pages
(:func:`.pdf_columns.with_columns`: tab-aligned rows, each row's
:attr:`~.pdf_layout.TextLine.room` from :func:`.pdf_borderless.top_aligned_rows`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bma_etl.read.pdf_cutcells import cut_at_columns, cut_row_at
from bma_etl.read.pdf_cutrow_lines import (
    centred_beside,
    each_cell,
    ended,
    first_goes_on,
    goes_on_below,
    goes_on_first,
    label_goes_on,
)
from bma_etl.read.pdf_cuts import SPLIT_EM, label_again, split_cells_at_columns
from bma_etl.read.pdf_justified import _spaced
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_line import replaced
from bma_etl.read.pdf_margins import margin_lines
from bma_etl.read.pdf_tables import join_pieces


def join_cut_row(before: list[TextLine], after: list[TextLine],
                 pitches: dict[float, float] | None = None) -> list[TextLine]:
    """A borderless row a page break cut joined again.

    ``after`` (a page's lines) with its first lines joined into the last of ``before``
    (the page before's) when a page break cut a top-aligned borderless row there.

    The last line of ``before`` (above the page's number and a browser's print
    footer, if any: :func:`.pdf_margins.margin_lines`; the first of ``after`` likewise) is a row of
    a borderless table (tabs, no rules); each of the first lines of ``after`` that has
    its first column empty goes on that row: each of its pieces goes on the row's cell
    that starts at its x or the nearest left of it (within a font size). The first of
    them may fill the first column too (``รายงาน`` / ``ครั้งที่8``) when the row's last
    line filled each column it goes on (:attr:`TextLine.room` less than the room its
    first word needs: :func:`top_aligned_rows`) and the row is of several lines, or its
    first cell was cut inside a word (:func:`cut_inside_word`), as within a page, or
    each of its cells (three or more) goes on from a Thai letter to a Thai letter, or
    it ends the numbered label the row's first cell opened (``รายงาน`` / ``ครั้งที่1``
    where other rows' first cells read ``รายงานครั้งที่2``:
    :func:`.pdf_cutrow_lines.label_goes_on`); the
    lines under a first line that went on the first column alone go on it while they do
    too (:func:`.pdf_cutrow_lines.first_goes_on`). A first line that leaves room in a
    cell it goes on for its first word ended the row. The row is first cut at the next
    page's columns (:func:`split_at_next_table`), and a line whose cells start at those
    columns, two or more under one of the row's cells, is a row of its own (a header's
    years under ``ค่าเป้าหมาย``), as is a line of years alone set two or more under one
    of them (:func:`_years_apart`). Where the room the row's last line left in the
    first column is unknown (no edge of it shows on its page), only a word cut in two
    there (:func:`.pdf_cuts.word_across`) takes a first line into that column. The
    joined row replaces the last line of ``before`` (in place); returns ``after``
    without the lines joined. A first line that opens the item after the last one the
    row's cell holds, or a cell right of it holds (``๒. โครงการ…`` under ``๑. โครงการ…``,
    or the next number alone in its number cell: :func:`_next_item`; the line above
    the row when the row holds no item: :func:`_items_held`), or the start of a
    numbered label the row's first cell holds whole (``รายงาน`` under ``รายงานครั้งที่๗``:
    :func:`.pdf_cuts.label_again`), is a row of its own; so is a label closed by its
    colon in the row's first column when that cell is one too (``** อุปสรรคของโครงการ :``
    under ``** ปัญหาของโครงการ :``). A row whose cells are centred in its height
    (LibreOffice's print of an HTML table) goes on with its long cell's lines alone,
    then a line where the short cells' rest stands beside that cell's next line
    (:func:`.pdf_cutrow_lines.centred_beside`; ``pitches``: font size → line pitch,
    :func:`.pdf_page.line_pitches`).
    """
    # the page's number under the row, a browser's print footer and header: not its lines
    margins = margin_lines(before)
    last = next((k for k in range(len(before) - 1, -1, -1)
                 if before[k].text.strip() and k not in margins), None)
    edges = margin_lines(after)
    first = next((k for k, line in enumerate(after) if line.text.strip() and k not in edges),
                 None)
    if last is None or first is None or _repeated(after[first], before):
        return after
    above = [before[k] for k in range(last - 1, -1, -1) if k not in margins]
    row, columns = split_at_next_table(before[last], after[first:], above)  # ลำดับที่ ตัวชี้วัด
    before[last] = row
    row = cut_row_at(row, after[first])  # a narrow table's cells closer than a tab: kept if joined
    told = row is not before[last]  # (its cells told apart by the next page's first line)
    mine = [k for k, piece in enumerate(row.text.split("\t")) if piece.strip()]
    if row.table is not None or "\t" not in row.text or len(mine) != len(row.cells) \
            or len(mine) < 2:
        return after
    pieces = row.text.split("\t")
    taken = first
    alone = False  # whether the line taken last went on the first column alone
    went: list[int] = []  # the row's cells the line taken last went on
    touched: set[int] = set()  # the row's cells any line taken went on
    while taken < len(after):
        cont = cut_at_columns(after[taken], list(row.cells))  # its cells closer than a tab
        texts = [p for p in cont.text.split("\t") if p.strip()]
        size = max(row.size, cont.size) or 1.0
        if cont.table is not None or len(texts) != len(cont.cells) or not texts:
            break
        into = []
        for x in cont.cells:
            near = [k for k, cx in zip(mine, row.cells, strict=True) if cx <= x + size]
            into.append(near[-1] if near else mine[0])
        if _years_apart(texts, into):
            break  # ``๒๕๖๕ ๒๕๖๖`` or ``๒๕๖๕`` | ``๒๕๖๖`` under ``ค่าเป้าหมาย``: a header's
        # (a cell right of the one its x picks too: a tab-stop print sets the next row's
        # ``\t\t๒. โครงการ…`` at the second stop, left of where a long cell pushed ``๑.``)
        if taken == first and (any(_next_item(piece, texts[0])
                                   for piece in _items_held(pieces, mine, into[0], above)) or (
                into[0] == mine[0] and label_again(pieces[mine[0]], texts[0]))):
            break  # ๑. โครงการ… / ๒. โครงการ…, รายงานครั้งที่๗ / รายงาน: the next row's item
        if mine[0] in into and pieces[mine[0]].rstrip().endswith(_LABEL_ENDS) \
                and texts[into.index(mine[0])].rstrip().endswith(_LABEL_ENDS):
            break  # ``** ปัญหาของโครงการ :`` / ``** อุปสรรคของโครงการ :``: two labels
        if mine[0] in into and not ((taken == first and (goes_on_first(row, cont, texts, into)
                                                         or (told and each_cell(row, cont))
                                                         or (into[0] == mine[0] and label_goes_on(
                    pieces[mine[0]], texts[0], _first_cells(above, after[first + 1:])))))
                                    or first_goes_on(row, cont, into, alone)
                                    or goes_on_below(row, after[taken - 1], cont, texts,
                                                      into, went)
                                    or centred_beside(row, after[taken - 1], cont, texts,
                                                       into, (went, touched), pitches or {})):
            break  # a cell in the row's first column: a row of its own
        alone = into == [mine[0]]  # (a line of the first column's words only)
        went = into
        touched.update(into)
        if taken == first and ended(row, cont, texts, into):
            break
        if len(set(into)) < len(into) and all(
                any(abs(x - c) <= size for c in columns) for x in cont.cells):
            break  # cells at the page's own columns in one of the row's: a row of its own
        done: set[int] = set()
        for n, (k, text) in enumerate(zip(into, texts, strict=True)):
            glue = " " if k in done and _spaced(cont, n) else None
            pieces[k] = pieces[k].strip() + glue + text.strip() if glue else \
                join_pieces(pieces[k].strip(), text.strip())
            done.add(k)
        taken += 1
    if taken == first:
        return after
    before[last] = replaced(row, text="\t".join(pieces))
    return after[:first] + after[taken:]


#: A Buddhist-era year (``2565``, ``๒๕๖๕``).
_YEAR = "(?:25[0-9]{2}|\u0e52\u0e55[\u0e50-\u0e59]{2})"
#: Buddhist-era years alone, one or more a word space apart or none (``2565``,
#: ``๒๕๖๕ ๒๕๖๖``, ``๒๕๖๕๒๕๖๖``: fpdf2 sets a header's years closer than their width).
_YEARS_ALONE = re.compile(f"{_YEAR}(?: ?{_YEAR})*")


def _years_apart(texts: list[str], into: list[int]) -> bool:
    """Whether a next page's first line is a header's years: a row of its own.

    Its pieces (``texts``, going on the row's cells ``into``) are each years alone,
    and one holds two years or more (``๒๕๖๔ ๒๕๖๕ ๒๕๖๖`` a word space apart, or
    ``๒๕๖๒๒๕๖๓…`` run together: fpdf2 sets them closer than their width) or two
    pieces go under one of the row's cells (``๒๕๖๕`` | ``๒๕๖๖`` | ``๒๕๖๗`` set at
    their own columns under ``ค่าเป้าหมาย``). A wrapped cell's rest leaves one year at
    most to a piece under its cell (``พ.ศ.`` / ``2565``).

    >>> _years_apart(["๒๕๖๕", "๒๕๖๖", "๒๕๖๗"], [1, 2, 2]), _years_apart(["2565", "2566"], [1, 2])
    (True, False)
    >>> _years_apart(["๒๕๖๔ ๒๕๖๕ ๒๕๖๖"], [1]), _years_apart(["2565"], [1])
    (True, False)
    >>> _years_apart(["๒๕๖๒๒๕๖๓๒๕๖๔"], [1])
    True
    """
    return all(_YEARS_ALONE.fullmatch(text.strip()) is not None for text in texts) and (
        len(set(into)) < len(into) or any(len(re.findall(_YEAR, text)) > 1 for text in texts))


#: What closes a label (``** ปัญหาของโครงการ :``).
_LABEL_ENDS = (":", "\uff1a")
#: An item's number opening a piece (``๒.``, ``2)``, ``๒``) and what follows it.
_OPENS_ITEM = re.compile(r"\s*(\d{1,3})([.)]?)(?:\s|$)")
#: An item's number at a word's start within a piece (``๑. โครงการ…``), or with its
#: mark right after a Thai letter: a cell set at a tab stop the cell before reached, no
#: white space between (``ด้านการบริหารทั่วไป1. โครงการ…``, fpdf2 in Loma).
_ITEM_AT = re.compile(r"(?:^|\s|(?<=[\u0e01-\u0e4e])(?=\d{1,3}[.)]))(\d{1,3})([.)]?)(?=\s|$)")
#: A cell of numbers alone (``50 70``, ``1,200``).
_NUMBERS_ALONE = re.compile(r"[\d,.]+(?:\s+[\d,.]+)*")


def _items_held(pieces: list[str], mine: list[int], at: int,
                above: list[TextLine]) -> list[str]:
    """The texts whose last item a next page's first line at cell ``at`` may follow.

    The row's cells from ``at`` on (``pieces``, ``mine``: those with text); and when
    none of them opens an item, the lines above the row too (``above``: nearest first)
    up to the nearest that holds one, :data:`ITEM_LINES` at most and none past a blank
    line: a long item wrapped back to the margin (``และพื้นที่ใกล้เคียง ๖,๘๘๐,๒๐๐.- บาท``
    under ``๓. โครงการ…``, a tab-set print) is the row's last line, its number above,
    or further up when the item's number stands alone on its line (``๓.`` over a run
    too long to follow it, then that run's rest: fpdf2).
    """
    held = [pieces[k] for k in mine if k >= at]
    if any(_ITEM_AT.search(piece) and not _NUMBERS_ALONE.fullmatch(piece.strip())
           for piece in held):
        return held  # (a cell of numbers alone, ``50 70``, holds values, no item)
    for line in above[:ITEM_LINES]:
        if not line.text.strip():
            break
        held.append(line.text)
        if _ITEM_AT.search(line.text):
            break
    return held


#: Most lines above a page's last row looked at for the item it goes on (an item's
#: number, a run too long for its line, that run's rest).
ITEM_LINES = 3


def _next_item(piece: str, text: str) -> bool:
    """Whether ``text`` (a next page's first piece) opens the item after one ``piece`` holds.

    ``text`` opens with an item's number (``๒.``, ``2)``, or a number alone in its
    cell: ``๒``) one more than the last item's number in ``piece`` (the row's cell it
    would go on), written alike (Thai or Arabic digits, the same mark after it): the
    item ``๒. โครงการ…`` under ``๑. โครงการ…`` is the table's next row, no
    continuation of the row above. Amounts (``๖,๑๔๙,`` / ``๘๐๐.- บาท``) open no item.
    """
    opens = _OPENS_ITEM.match(text)
    if opens is None:
        return False
    if not opens.group(2) and text.strip() != opens.group(1):
        return False  # a bare number opens an item only alone in its cell (ลำดับที่)
    number, mark = opens.group(1), opens.group(2)
    if not mark and not piece.strip().isdecimal():
        return False  # a bare number: only under the row's own number cell (๑ / ๒)
    arabic = number[0] in "0123456789"
    items = [m for m in _ITEM_AT.finditer(piece)  # written alike: Thai or Arabic, same mark
             if m.group(2) == mark and (m.group(1)[0] in "0123456789") == arabic]
    if not items:
        return False
    last = items[-1]
    return int(number) == int(last.group(1)) + 1


def _repeated(line: TextLine, before: list[TextLine]) -> bool:
    """Whether ``line`` (a page's first) repeats a line of the page before.

    A table's header row printed again at the top of the next page is no part of
    the row the page break cut.
    """
    cells = [p.split() for p in line.text.split("\t") if p.strip()]
    return any([p.split() for p in other.text.split("\t") if p.strip()] == cells
               for other in before)


def split_at_next_table(row: TextLine, after: list[TextLine],
                        above: Sequence[TextLine] = ()) -> tuple[TextLine, list[float]]:
    """``row``, a page's last line, cut at the columns of the table ``after`` opens.

    ``after``: the next page's lines from its first; ``above``: the lines above
    ``row`` on its own page, nearest first (the rows of its table there). Returns the
    row (its cells cut as :func:`.pdf_cuts.split_cells_at_columns` cuts them, when it is a
    borderless row of two cells or more in a row: ``ลำดับที่ ตัวชี้วัด`` at a page's
    foot) and the columns of the next page's table (:func:`table_columns`; empty
    when the next page opens no table). A row that leaves a cell empty (``๒ |
    โครงการ…โรง ๓ | | ฝ่ายบริหาร``: the amount's first digit set beside the name,
    closer than a tab, so narrow it stands within a font size of the cell's end) is
    cut at the columns of both pages' tables, at any space that falls on one, and kept cut
    only when its cuts fill its empty cells, as many as they are.
    """
    columns = table_columns(after)
    if row.table is None and "\t" in row.text and "\t\t" not in row.text and columns:
        row = split_cells_at_columns(row, columns)
    elif row.table is None and "\t\t" in row.text:
        pieces = row.text.split("\t")
        full = [p for p in pieces if p.strip()]
        if len(full) == len(row.cells) and len(full) > 1:
            size = row.size or 1.0
            both: list[float] = []
            for x in sorted([*columns, *table_columns(list(above))]):
                if not both or x - both[-1] > size:
                    both.append(x)  # a column of both pages: once
            cut = split_cells_at_columns(replaced(row, text="\t".join(full)), both, SPLIT_EM)
            if len(cut.cells) == len(pieces) and "\t\t" not in cut.text:
                row = cut
    return row, columns


def table_columns(lines: list[TextLine]) -> list[float]:
    """The columns (x, points) of the table that the first of ``lines`` open.

    Where two of its rows or more start a cell, its rows read down to the first blank
    line (a page's first lines: the table a row cut at the page before goes on with).
    """
    rows: list[TextLine] = []
    for line in lines:
        if not line.text.strip():
            break
        rows.append(line)
    size = max((row.size for row in rows), default=0.0) or 1.0
    starts = sorted(x for row in rows if len(row.cells) > 1 for x in row.cells)
    columns: list[float] = []
    for x in starts:
        if not columns or x - columns[-1] > size:
            columns.append(x)
    return [x for x in columns
            if sum(any(abs(c - x) <= size for c in row.cells) for row in rows) >= 2]


def _first_cells(above: list[TextLine], below: list[TextLine]) -> list[str]:
    """The first cells of the lines about a cut row (``above`` and ``below`` it) that have cells."""
    return [line.text.split("\t")[0] for line in (*above, *below) if "\t" in line.text]

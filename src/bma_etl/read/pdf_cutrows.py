"""A borderless table's row that a page break cut, joined again.

Stage: read. Used by :mod:`.pdf` on the laid-out lines of consecutive pages
(:func:`.pdf_columns.with_columns`: tab-aligned rows, each row's
:attr:`~.pdf_layout.TextLine.room` from :func:`.pdf_borderless.top_aligned_rows`).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from bma_etl.read.pdf_borderless import LINE_PITCHES, WORD_EM, _room
from bma_etl.read.pdf_cutcells import cut_at_columns, cut_row_at
from bma_etl.read.pdf_cuts import (
    SPLIT_EM,
    cut_inside_word,
    label_again,
    split_at_next_table,
    thai_ends,
    word_across,
)
from bma_etl.read.pdf_glyphs import THAI_MARK
from bma_etl.read.pdf_justified import FLUSH_EM, _spaced
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_margins import margin_lines
from bma_etl.read.pdf_page import DEFAULT_PITCH_EM
from bma_etl.read.pdf_tables import join_pieces

#: Least width (font sizes) a letter of a word is taken for, Thai marks not counted: a
#: cell joined from several lines has no one line's width to share out among its letters.
LETTER_EM = 0.6


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
    each of its cells (three or more) goes on from a Thai letter to a Thai letter; the
    lines under a first line that went on the first column alone go on it while they do
    too (:func:`_first_goes_on`). A first line that leaves room in a cell it goes on for
    its first word ended the row. The row is first cut at the next page's columns
    (:func:`.pdf_cuts.split_at_next_table`), and a line whose cells start at those
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
    (:func:`_centred_beside`; ``pitches``: font size → line pitch,
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
        if mine[0] in into and not ((taken == first and (_goes_on_first(row, cont, texts, into)
                                                         or (told and _each_cell(row, cont))))
                                    or _first_goes_on(row, cont, into, alone)
                                    or _goes_on_below(row, after[taken - 1], cont, texts,
                                                      into, went)
                                    or _centred_beside(row, after[taken - 1], cont, texts,
                                                       into, (went, touched), pitches or {})):
            break  # a cell in the row's first column: a row of its own
        alone = into == [mine[0]]  # (a line of the first column's words only)
        went = into
        touched.update(into)
        if taken == first and _ended(row, cont, texts, into):
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
    before[last] = replace(row, text="\t".join(pieces))
    return after[:first] + after[taken:]


#: Buddhist-era years alone, one or more a word space apart (``2565``, ``๒๕๖๕ ๒๕๖๖``).
_YEARS_ALONE = re.compile("(?:25[0-9]{2}|\u0e52\u0e55[\u0e50-\u0e59]{2})"
                          "(?: (?:25[0-9]{2}|\u0e52\u0e55[\u0e50-\u0e59]{2}))*")


def _years_apart(texts: list[str], into: list[int]) -> bool:
    """Whether a next page's first line is a header's years: a row of its own.

    Its pieces (``texts``, going on the row's cells ``into``) are each years alone,
    and one holds two years or more (``๒๕๖๔ ๒๕๖๕ ๒๕๖๖`` a word space apart) or two
    pieces go under one of the row's cells (``๒๕๖๕`` | ``๒๕๖๖`` | ``๒๕๖๗`` set at
    their own columns under ``ค่าเป้าหมาย``). A wrapped cell's rest leaves one year at
    most to a piece under its cell (``พ.ศ.`` / ``2565``).

    >>> _years_apart(["๒๕๖๕", "๒๕๖๖", "๒๕๖๗"], [1, 2, 2]), _years_apart(["2565", "2566"], [1, 2])
    (True, False)
    >>> _years_apart(["๒๕๖๔ ๒๕๖๕ ๒๕๖๖"], [1]), _years_apart(["2565"], [1])
    (True, False)
    """
    return all(_YEARS_ALONE.fullmatch(text.strip()) is not None for text in texts) and (
        len(set(into)) < len(into) or any(" " in text.strip() for text in texts))


#: What closes a label (``** ปัญหาของโครงการ :``).
_LABEL_ENDS = (":", "\uff1a")
#: An item's number opening a piece (``๒.``, ``2)``, ``๒``) and what follows it.
_OPENS_ITEM = re.compile(r"\s*(\d{1,3})([.)]?)(?:\s|$)")
#: An item's number at a word's start within a piece (``๑. โครงการ…``).
_ITEM_AT = re.compile(r"(?:^|\s)(\d{1,3})([.)]?)(?=\s|$)")
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


def _first_goes_on(row: TextLine, cont: TextLine, into: list[int], alone: bool) -> bool:
    """Whether ``cont`` is a next line of the first cell that the line before it went on.

    That line (``alone``) held words of the row's first column only; ``cont`` does
    too, starts where that column does and ends before the row's second column.
    """
    size = max(row.size, cont.size) or 1.0
    return alone and len(into) == 1 and len(row.cells) > 1 and len(cont.cells) == 1 \
        and abs(cont.cells[0] - row.cells[0]) <= size and cont.right < row.cells[1]


def _goes_on_below(row: TextLine, above: TextLine, cont: TextLine, texts: list[str],
                   into: list[int], went: list[int]) -> bool:
    """Whether ``cont`` goes on the cells the line ``above`` it went on, its first included.

    ``above`` (the line taken last) went on the row's first column and others
    (``went``), ``cont`` goes on some of them (``into``), a line pitch below; each
    of ``above``'s pieces there filled its column (it left less room before the
    column's edge, :attr:`TextLine.ends` plus :attr:`TextLine.room` of ``row``, than
    ``cont``'s piece's first word needs): a top-aligned row's next line.
    """
    mine = [k for k, piece in enumerate(row.text.split("\t")) if piece.strip()]
    size = max(row.size, cont.size) or 1.0
    if not went or mine[0] not in went or not set(into) <= set(went) \
            or len(set(into)) != len(into) or len(cont.ends) != len(texts) \
            or len(row.room) != len(row.cells) or len(row.ends) != len(row.cells) \
            or above.baseline is None or cont.baseline is None \
            or not 0.0 < above.baseline - cont.baseline <= LINE_PITCHES * DEFAULT_PITCH_EM * size:
        return False
    ends: dict[int, float] = {}  # the end of each of above's pieces, by the row's cell
    for x, end in zip(above.cells, above.ends, strict=False):
        ends[mine[min(range(len(mine)), key=lambda at: abs(row.cells[at] - x))]] = end
    for k, text, end, x in zip(into, texts, cont.ends, cont.cells, strict=True):
        at = mine.index(k)
        edge = row.ends[at] + row.room[at]
        if k not in ends or not edge < float("inf") \
                or ends[k] < edge - _word_room(text, end - x, size, False):
            return False
    return True


def _centred_beside(row: TextLine, above: TextLine, cont: TextLine, texts: list[str],
                    into: list[int], went: tuple[list[int], set[int]],
                    pitches: dict[float, float]) -> bool:
    """Whether ``cont`` goes on a row whose cells are centred in its height, first included.

    The rest of a centred row a page break cut starts with its longest cell's lines
    alone (``above``, the line taken last, went on those cells: ``went[0]``); the
    short cells' rest (``ที่2`` under ``รายงานครั้ง``, ``ตามแผน`` under ``: ไม่เป็นไป``)
    stands beside that cell's next line. ``cont`` does so when the lines taken so far
    all went on one such cell (``went[1]``), not the first column, and ``cont`` goes
    on it and on two cells more, a line pitch under ``above``'s last line (``pitches``,
    or :data:`.pdf_page.DEFAULT_PITCH_EM`), each of its pieces on a cell whose text so
    far filled it (left less room than the piece's first word needs): where ``above``
    went, by ``above``'s end; elsewhere by the row's last line on the page before.
    """
    mine = [k for k, piece in enumerate(row.text.split("\t")) if piece.strip()]
    size = max(row.size, cont.size) or 1.0
    pitch = pitches.get(cont.size, DEFAULT_PITCH_EM * size)
    if len(went[1]) != 1 or went[1] != set(went[0]) or mine[0] in went[1] \
            or not set(into) & went[1] or len(set(into) - went[1]) < 2 \
            or len(set(into)) != len(into) \
            or len(cont.ends) != len(texts) or len(row.room) != len(row.cells) \
            or len(row.ends) != len(row.cells) or above.baseline is None \
            or cont.baseline is None or len(above.ends) != len(above.cells) \
            or not 0.0 < above.baseline - above.depth - cont.baseline <= LINE_PITCHES * pitch:
        return False
    ends = {mine[min(range(len(mine)), key=lambda at: abs(row.cells[at] - x))]: end
            for x, end in zip(above.cells, above.ends, strict=True)}
    for k, text, end, x in zip(into, texts, cont.ends, cont.cells, strict=True):
        at = mine.index(k)
        edge = row.ends[at] + row.room[at]
        last = ends.get(k) if k in went[1] else row.ends[at]
        if last is None or not edge < float("inf") \
                or last < edge - _word_room(text, end - x, size, False):
            return False
    return True


def _goes_on_first(row: TextLine, cont: TextLine, texts: list[str], into: list[int]) -> bool:
    """Whether ``cont``, the next page's first line, fills on ``row`` from its first column.

    ``texts``: ``cont``'s pieces, going on ``row``'s columns ``into`` (see
    :func:`join_cut_row`).
    """
    if len(row.room) != len(row.cells) or len(set(into)) != len(into) \
            or len(cont.ends) != len(texts) or _ended(row, cont, texts, into):
        return False
    pieces = row.text.split("\t")
    mine = [k for k, piece in enumerate(pieces) if piece.strip()]
    size = max(row.size, cont.size) or 1.0
    if any(math.isnan(row.room[mine.index(k)]) for k in into):
        # the room the row's last line left is unknown (its column shows no edge on
        # its page): no sign it filled the cell, only a word it cut in two is
        return word_across(pieces[mine[0]], texts[0])
    for end, k in zip(cont.ends, into, strict=True):
        at = mine.index(k)
        if at + 1 < len(row.cells) and end > row.cells[at + 1]:
            return False  # runs over the next column: no part of a cell of the row
        if len(row.ends) == len(row.cells) and row.room[at] != float("inf") \
                and end > row.ends[at] + row.room[at] + FLUSH_EM * size:
            return False  # runs past the column's edge: a paragraph under the table
    several = row.depth > 0.5 * size
    every = sorted(into) == mine and len(mine) > 2 and all(  # each of three cells or more
        thai_ends(pieces[k], text) for k, text in zip(into, texts, strict=True))  # wraps on
    # a row of one line whose first cell a page break cut (a step's description in a
    # narrow column): Thai on to Thai within the first column, the row's other cells
    # (two or more) left empty under it, as a top-aligned row's next line leaves them
    lone = into == [mine[0]] and len(mine) > 2 and len(cont.cells) == 1 \
        and cont.right < row.cells[1] and thai_ends(pieces[mine[0]], texts[0])
    return several or every or lone or cut_inside_word(pieces[mine[0]], texts[0])


def _each_cell(row: TextLine, cont: TextLine) -> bool:
    """Whether ``cont`` goes on each of ``row``'s cells (three or more), one piece a cell.

    Both were one line of cells closer than a tab, told apart by each other's columns
    (:func:`.pdf_cutcells.cut_row_at`): ``cont``'s cells start where ``row``'s do
    (within :data:`.pdf_cuts.SPLIT_EM` font sizes), the row's next line.
    """
    size = max(row.size, cont.size) or 1.0
    return len(row.cells) > 2 and len(cont.cells) == len(row.cells) and all(
        abs(a - b) <= SPLIT_EM * size for a, b in zip(row.cells, cont.cells, strict=True))


def _ended(row: TextLine, cont: TextLine, texts: list[str], into: list[int]) -> bool:
    """Whether ``row``'s last line left room in a cell ``cont`` goes on for its first word.

    That cell, and so the row, ended there (a next row's first line that leaves
    the first column empty: a centred cell's). False when the room or ends are unknown
    (a cell whose column shows no edge on its page has an unknown room, NaN: no evidence).
    """
    if len(row.room) != len(row.cells) or len(cont.ends) != len(texts):
        return False
    mine = [k for k, piece in enumerate(row.text.split("\t")) if piece.strip()]
    size = max(row.size, cont.size) or 1.0
    return any(row.room[mine.index(k)] > _word_room(text, end - x, size, cont.depth > 0)
               for k, text, end, x in zip(into, texts, cont.ends, cont.cells, strict=True))


def _word_room(text: str, width: float, size: float, lines: bool) -> float:
    """The room a cell's line must leave for ``text``'s first word to fit (points).

    As :func:`.pdf_borderless._room` for one line ``width`` points wide; for a cell
    of several ``lines`` (its text longer than that width holds), at least
    :data:`LETTER_EM` a letter.
    """
    room = _room(text, width, size)
    if not lines:
        return room
    letters = LETTER_EM * size * len(THAI_MARK.sub("", text.split()[0]))
    return max(room, FLUSH_EM * size + min(WORD_EM * size, letters))


def _repeated(line: TextLine, before: list[TextLine]) -> bool:
    """Whether ``line`` (a page's first) repeats a line of the page before.

    A table's header row printed again at the top of the next page is no part of
    the row the page break cut.
    """
    cells = [p.split() for p in line.text.split("\t") if p.strip()]
    return any([p.split() for p in other.text.split("\t") if p.strip()] == cells
               for other in before)

"""Whether a next page's line goes on a borderless row a page break cut.

Stage: read. The tests :func:`.pdf_cutrows.join_cut_row` applies to a page's first lines
to (each a :class:`~.pdf_layout.TextLine` cut at the row's columns; x in points):
the row's last line filled each cell the line goes on (:attr:`TextLine.room` left
less than its first word needs), the line goes on the first column's words, a
top-aligned row's next line, the short cells' rest beside a centred row's long
cell, or some of the row's cells where they start, one going on a word its cell cut;
or the line ends a numbered label the row's first cell opened.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from bma_etl.read.pdf_borderless import LINE_PITCHES, WORD_EM, _room
from bma_etl.read.pdf_cuts import SPLIT_EM, cut_inside_word, thai_ends, word_across
from bma_etl.read.pdf_glyphs import THAI_MARK
from bma_etl.read.pdf_justified import FLUSH_EM
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_page import DEFAULT_PITCH_EM

#: Least width (font sizes) a letter of a word is taken for, Thai marks not counted: a
#: cell joined from several lines has no one line's width to share out among its letters.
LETTER_EM = 0.6


def first_goes_on(row: TextLine, cont: TextLine, into: list[int], alone: bool) -> bool:
    """Whether ``cont`` is a next line of the first cell that the line before it went on.

    That line (``alone``) held words of the row's first column only; ``cont`` does
    too, starts where that column does and ends before the row's second column.
    """
    size = max(row.size, cont.size) or 1.0
    return alone and len(into) == 1 and len(row.cells) > 1 and len(cont.cells) == 1 \
        and abs(cont.cells[0] - row.cells[0]) <= size and cont.right < row.cells[1]


def goes_on_below(row: TextLine, above: TextLine, cont: TextLine, texts: list[str],
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
                or ends[k] < edge - word_room(text, end - x, size, False):
            return False
    return True


def centred_beside(row: TextLine, above: TextLine, cont: TextLine, texts: list[str],
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
                or last < edge - word_room(text, end - x, size, False):
            return False
    return True


def goes_on_first(row: TextLine, cont: TextLine, texts: list[str], into: list[int]) -> bool:
    """Whether ``cont``, the next page's first line, fills on ``row`` from its first column.

    ``texts``: ``cont``'s pieces, going on ``row``'s columns ``into`` (see
    :func:`.pdf_cutrows.join_cut_row`). A piece that runs past its column's edge is no
    part of the row (a paragraph under the table), unless ``cont``'s pieces start at
    each of the row's cells (three or more) and go on each from a Thai letter to a
    Thai letter (``: ไม่เป็น`` / ``ไปตามเป้าหมาย``): the edge the row's page showed was
    where the same flag words ended together, short of the column's own.
    """
    if len(row.room) != len(row.cells) or len(set(into)) != len(into) \
            or len(cont.ends) != len(texts) or ended(row, cont, texts, into):
        return False
    pieces = row.text.split("\t")
    mine = [k for k, piece in enumerate(pieces) if piece.strip()]
    size = max(row.size, cont.size) or 1.0
    every = sorted(into) == mine and len(mine) > 2 and all(  # each of three cells or more
        thai_ends(pieces[k], text) for k, text in zip(into, texts, strict=True))  # wraps on
    aligned = every and each_cell(row, cont)
    if any(math.isnan(row.room[mine.index(k)]) for k in into):
        # the room the row's last line left is unknown (its column shows no edge on
        # its page): no sign it filled the cell, only a word it cut in two is, or each
        # of its cells going on from Thai to Thai where it starts (``…ที่เบิก`` /
        # ``ใช้(ครั้งที่ 1)…``, ``: เป็นไปตาม`` / ``แผน``, ``: เป็นไปตามเป้า`` / ``หมาย``), most
        # of them a tail shorter than their line (under a header row, ``มาตรการ`` /
        # ``มน. การพัฒนา…``, each value is longer: a row of its own), or some of its cells
        # going on where they start, one inside a word (:func:`cells_go_on`)
        return (aligned and _tails(pieces, into, texts)) or cells_go_on(row, cont, texts, into) \
            or word_across(pieces[mine[0]], texts[0])
    for end, k in zip(cont.ends, into, strict=True):
        at = mine.index(k)
        if at + 1 < len(row.cells) and end > row.cells[at + 1]:
            return False  # runs over the next column: no part of a cell of the row
        if len(row.ends) == len(row.cells) and row.room[at] != float("inf") and not aligned \
                and end > row.ends[at] + row.room[at] + FLUSH_EM * size:
            return False  # runs past the column's edge: a paragraph under the table
    several = row.depth > 0.5 * size
    # a row of one line whose first cell a page break cut (a step's description in a
    # narrow column): Thai on to Thai within the first column, the row's other cells
    # (two or more) left empty under it, as a top-aligned row's next line leaves them
    lone = into == [mine[0]] and len(mine) > 2 and len(cont.cells) == 1 \
        and cont.right < row.cells[1] and thai_ends(pieces[mine[0]], texts[0])
    return several or every or lone or cut_inside_word(pieces[mine[0]], texts[0])


def cells_go_on(row: TextLine, cont: TextLine, texts: list[str], into: list[int]) -> bool:
    """Whether ``cont`` is the rest of some of ``row``'s cells, one of them cut inside a word.

    A row whose cells are centred in its height (LibreOffice's print of an HTML
    table) that a page break cut leaves the rest of its long cells only on the next
    page, a short cell having ended on the row's page (``1,321,000 บาท`` | | ``หมาย``
    under ``… (ครั้งที่ 1) =`` | ``: เป็นไปตามแผน`` | ``: เป็นไปตามเป้า``). ``cont``'s
    pieces (``texts``, two or more, going on ``row``'s cells ``into``, one a cell) each
    start where their cell does (within :data:`.pdf_cuts.SPLIT_EM` font sizes), most
    are shorter than their cell's text (:func:`_tails`), and one goes on a word its
    cell's text cut in two (:func:`.pdf_cuts.cut_inside_word`: ``เป้า`` / ``หมาย``).
    The next row's first line opens with its own words (``: เป็นไปตามเป้าหมาย``).
    """
    pieces = row.text.split("\t")
    mine = [k for k, piece in enumerate(pieces) if piece.strip()]
    size = max(row.size, cont.size) or 1.0
    if len(texts) < 2 or len(cont.cells) != len(texts) or len(set(into)) != len(into) \
            or len(row.cells) != len(mine) or not set(into) <= set(mine):
        return False
    return all(abs(x - row.cells[mine.index(k)]) <= SPLIT_EM * size
               for k, x in zip(into, cont.cells, strict=True)) \
        and _tails(pieces, into, texts) \
        and any(cut_inside_word(pieces[k], text) for k, text in zip(into, texts, strict=True))


def each_cell(row: TextLine, cont: TextLine) -> bool:
    """Whether ``cont`` goes on each of ``row``'s cells (three or more), one piece a cell.

    Both were one line of cells closer than a tab, told apart by each other's columns
    (:func:`.pdf_cutcells.cut_row_at`): ``cont``'s cells start where ``row``'s do
    (within :data:`.pdf_cuts.SPLIT_EM` font sizes), the row's next line.
    """
    size = max(row.size, cont.size) or 1.0
    return len(row.cells) > 2 and len(cont.cells) == len(row.cells) and all(
        abs(a - b) <= SPLIT_EM * size for a, b in zip(row.cells, cont.cells, strict=True))


def ended(row: TextLine, cont: TextLine, texts: list[str], into: list[int]) -> bool:
    """Whether ``row``'s last line left room in a cell ``cont`` goes on for its first word.

    That cell, and so the row, ended there (a next row's first line that leaves
    the first column empty: a centred cell's). False when the room or ends are unknown
    (a cell whose column shows no edge on its page has an unknown room, NaN: no evidence).
    """
    if len(row.room) != len(row.cells) or len(cont.ends) != len(texts):
        return False
    mine = [k for k, piece in enumerate(row.text.split("\t")) if piece.strip()]
    size = max(row.size, cont.size) or 1.0
    return any(row.room[mine.index(k)] > word_room(text, end - x, size, cont.depth > 0)
               for k, text, end, x in zip(into, texts, cont.ends, cont.cells, strict=True))


def word_room(text: str, width: float, size: float, lines: bool) -> float:
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


def _tails(pieces: list[str], into: list[int], texts: list[str]) -> bool:
    """Whether most of ``texts`` (the rest's cells) are shorter than the row's ``pieces``.

    ``into``: the row's cell of each text. Short rests are the ends of wrapped
    cells; a row's values under its header are longer than the header's words.
    """
    shorter = sum(len(text.strip()) < len(pieces[k].strip())
                  for k, text in zip(into, texts, strict=True))
    return shorter * 2 > len(into)


#: A number ending a label (``รายงานครั้งที่๗``), Arabic or Thai digits.
_NUMBER_END = re.compile("[0-9\u0e50-\u0e59]{1,3}$")


def label_goes_on(cell: str, text: str, others: Iterable[str]) -> bool:
    """Whether ``text``, a next page's first cell, ends the numbered label ``cell`` opens.

    ``รายงาน`` / ``ครั้งที่1``: the row's first cell at the page's foot holds letters
    and no digit, ``text`` letters and the number that ends them; and a first cell of
    another row of the table (``others``: the first cells of the lines about the cut)
    is the joined label's letters and another number (``รายงานครั้งที่2``): the column
    holds such labels. Spaces do not count. A label's start a row's first cell held
    alone, where the room its line left is unknown, then goes on with the rest.

    >>> label_goes_on("รายงาน", "ครั้งที่1", ["", "รายงานครั้งที่ 2"])
    True
    >>> label_goes_on("รายงาน", "ครั้งที่1", ["ผลงาน"]), label_goes_on("รายงาน", "ครั้งที่", [])
    (False, False)
    """
    label, head = "".join(cell.split()), "".join(text.split())
    number = _NUMBER_END.search(head)
    if not label or any(c.isdigit() for c in label) or number is None or head[0].isdigit():
        return False
    stem = label + head[:number.start()]
    for other in others:
        joined = "".join(other.split())
        its = _NUMBER_END.search(joined)
        if its is not None and joined[:its.start()] == stem and its.group() != number.group():
            return True
    return False

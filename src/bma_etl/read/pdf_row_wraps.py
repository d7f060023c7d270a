"""Whether a line of a borderless table goes on the row above it, by its pieces' text.

Stage: read. Text tests for :func:`.pdf_borderless.top_aligned_rows` (and
:mod:`.pdf_columns`), on tab-aligned lines' pieces by column (``{column: text}``) or
on :class:`~.pdf_layout.TextLine` geometry (x in points): a row's number or item
number alone, a word a first column left for its next line, a row whose every cell
wraps (``รายงานครั้ง`` / ``ที่๑``), a line that goes on a line of cells set side by
side (:func:`goes_on_each`).
"""

from __future__ import annotations

import re

from bma_etl.read.pdf_cuts import cut_inside_word, thai_ends
from bma_etl.read.pdf_layout import TextLine

#: An item's number alone on its line: its words did not fit beside it (``๑.``).
ITEM_NO = re.compile("[0-9\u0e50-\u0e59]{1,2}[.)]")
#: A row's number opening a line, bare (no ``.``/``)``: an item of a list set in a cell
#: has one, and wraps to the cell's left), before a white-space run (``4 โครงการ…``).
_OPENING_NO = re.compile(r"\s*[0-9\u0e50-\u0e59]{1,3}\s")
#: Least white space (font sizes, less the alignment's share) after a row's opening
#: number that sets the number apart from its text: a word space is a third of one.
HANG_EM = 1.0


def word_left(first: str, line: str) -> bool:
    """Whether ``line`` may be the words a first column's ``first`` lines left for the next line.

    It opens with a Thai letter, and ``first`` is no number or item number alone
    (``๑`` / ``๒``, ``๑.`` / ``๒.``: two rows' numbers, one under the other).
    """
    head = line.lstrip()[:1]
    return bool(head) and "\u0e01" <= head <= "\u0e2e" \
        and _NUMBER_ALONE.fullmatch(first.strip()) is None


#: A first column's text that is a row's number or item number alone (``๑``, ``2.``, ``ก)``).
_NUMBER_ALONE = re.compile("(?:[0-9\u0e50-\u0e59]{1,3}|[\u0e01-\u0e2e])[.)]?")


def under_number(row: TextLine, line: TextLine, size: float) -> bool:
    """Whether ``line`` starts under the number that opens ``row``'s first cell, set apart.

    ``row``'s text opens with a bare number (a row's number; a list item's ``๔.`` wraps
    to its cell's left, and justification may widen the space after it) and a white-space run of
    :data:`HANG_EM` font sizes or more (``4`` … ``โครงการส่งเสริม…``: a number
    column too close to its neighbour for a tab); the number's text goes on under
    that text, not under the number, so a line starting left of it (``ฝ่ายบริหาร``,
    the row's last cell set on a line of its own) is no line of the cell.
    """
    if not _OPENING_NO.match(row.text) or not row.gaps or not line.cells:
        return False
    start, end = row.gaps[0]
    share = row.spread / len(row.gaps)  # the alignment's widening of each gap
    return end - start - share >= HANG_EM * size and line.cells[0] < end - size


def each_wraps(above: dict[int, str], here: dict[int, str], first: bool = False) -> bool:
    """Whether each of a line's pieces (three or more) goes on the piece above it, Thai to Thai.

    ``above``, ``here``: two lines' pieces by column, the same columns. A row whose
    every cell wraps (``รายงานครั้ง`` / ``ที่๑``, ``… :: ความ`` / ``ก้าวหน้า…``,
    ``: ไม่เป็นไป`` / ``ตามแผน``), each line filled (:func:`top_aligned_rows` checks
    the room), is one row even as its table's first (a form printing each report
    as a table of its own), as across a page break (:mod:`.pdf_cutrows`). Under a
    table's ``first`` line one piece at least must be cut inside a word: a header's
    titles set flush in distributed justification (``มาตรการ``, ``ตัวชี้วัดมาตรการ``)
    end whole words, and the first row under them starts its own.

    >>> each_wraps({0: "รายงานครั้ง", 1: ":: ความ", 2: ": ไม่เป็นไป"},
    ...             {0: "ที่๑", 1: "ก้าวหน้า", 2: "ตามแผน"})
    True
    >>> each_wraps({0: "รายงานครั้ง", 1: "ความ"}, {0: "ที่๑", 1: "ก้าวหน้า"})
    False
    """
    return len(here) > 2 and set(here) == set(above) \
        and all(thai_ends(above[k], here[k]) for k in here) \
        and (not first or any(cut_inside_word(above[k], here[k]) for k in here))


#: How a cell's own text may open (never the rest of a cell's line above): a field's
#: colon (``: เป็นไป``, ``:: 8/12/2559``), a bullet or dash, an item number (``1.``, ``ก)``).
_OPENS_CELL = re.compile(r"\s*(?::|[-\u2022*\u00b7\u2013]"
                         r"|(?:[0-9\u0e50-\u0e59]{1,2}|[\u0e01-\u0e2e])[.)](?:\s|$))")


def goes_on_each(above: dict[int, str], here: dict[int, str]) -> bool:
    """Whether each of a line's pieces goes on the piece above it, as a cell's next line.

    ``above``, ``here``: two lines' pieces by column; ``here`` fills no column that
    ``above`` leaves empty. The first column's pieces meet Thai to Thai (a label cut
    inside its words: ``รายงานครั้ง`` / ``ที่10``; one that ends in its number,
    ``ครั้งที่1``, is whole); the other columns'
    pieces may meet anyhow (``… งวดที่`` / ``3 และ …``, ``… งานฯ =`` / ``100.00 % …``)
    but a piece may not open as a cell's own text does (:data:`_OPENS_CELL`:
    ``: เป็นไป``, ``:: 8/12/2559``). Such a line goes on a line whose cells were set
    side by side
    (:attr:`.pdf_layout.TextLine.depth`: a report's label and flags wrapped
    ``รายงาน`` / ``ครั้ง`` / ``ที่10``, ``: เป็นไป`` / ``ตาม`` / ``แผน``, beside its
    detail's lines) a line pitch under its lowest piece, not under its baseline.

    >>> goes_on_each({0: "รายงานครั้ง", 1: "… งานฯ =", 2: ": เป็นไปตาม"},
    ...              {0: "ที่10", 1: "100.00 % …", 2: "แผน"})
    True
    >>> goes_on_each({0: "ครั้งที่1", 1: "… งวดที่ 3", 2: "ตามแผน"},
    ...              {0: "รายงาน", 1: ":: 8/12/2559 : …", 2: ": เป็นไป"})
    False
    >>> goes_on_each({0: "รายงาน", 1: "… งวดที่ 3", 2: "ตามแผน"},
    ...              {0: "ครั้งที่2", 1: ":: 8/12/2559 : …", 2: ": เป็นไป"})
    False
    >>> goes_on_each({0: "ครั้งที่1", 1: "… งวดที่", 2: ": เป็นไป"}, {1: "3 และ", 2: "ตาม"})
    True
    """
    if not here or not set(here) <= set(above):
        return False
    return all(thai_ends(above[k], piece) if k == 0 else _OPENS_CELL.match(piece) is None
               for k, piece in here.items())

"""Whether a next page's first row is a table's next numbered row, not the rest of a cut one.

Stage: read. A pure helper on a row's cells (tab-separated text of
:class:`~.pdf_layout.TextLine`) for :mod:`.pdf_breaks`: Chromium prints a plan's
steps table across pages and may leave the page's last row open below, which alone
would join the next page's first row to it (``2. ประสานงาน…`` / ``3. จัดทำรายงาน…``).
"""

from __future__ import annotations

import re

from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.read.pdf_cuts import cut_inside_word

#: A list item's number opening a cell (``2.``, ``๓)``), Arabic or Thai digits.
_ITEM = re.compile("([0-9]{1,3}|[\u0e50-\u0e59]{1,3})[.)](?![0-9\u0e50-\u0e59])")
_ARABIC = frozenset("0123456789")
#: A cell that is one value of its own: a number or a percentage (``10``, ``๓๐``,
#: ``12.5 %``, ``ร้อยละ 80``), matched on Arabic digits.
_VALUE = re.compile(r"(?:ร้อยละ\s*)?[0-9][0-9,]*(?:\.[0-9]+)?\s*%?")


def _value(cell: str) -> bool:
    return _VALUE.fullmatch(to_arabic_digits(cell.strip())) is not None


def next_item(row: list[str], part: list[str]) -> bool:
    """Whether ``part`` (a next page's first row, its cells) is the item after ``row``.

    ``row``: the cells of a table's last row at a page's foot. Its first cell opens
    with a list number (``2. ประสานงาน…``) and ``part``'s first cell with the next
    one in the same digits (``3. จัดทำรายงาน…``; spaces do not count: Chromium may
    leave the space's glyph out), and a cell both fill holds a value of its own on
    both sides (a number or percentage: the step's own percentages, ``10`` /
    ``20``): the next numbered row, not the rest of a row the page cut, even where
    the page left the row open below. Not so when a cell both fill is a value on
    one side only (``ร้อยละ`` / ``80``) or was cut inside a word
    (:func:`~.pdf_cuts.cut_inside_word`), nor when the cells both fill are text
    alone (``ร้อยละของงาน`` / ``ที่แล้วเสร็จ``: an indicator the page cut beside a
    cell listing items cut between two of them; the row goes on).

    >>> next_item(["2. ประสานงาน", "10"], ["3.จัดทำ", "20"])
    True
    >>> [next_item(["2. ก", "10"], ["3. ข", ""]), next_item(["1. ก ๒. ข", "๑๐"], ["๓. ค", "๒๐"])]
    [False, False]
    >>> next_item(["1. สำรวจพื้นที่", "ร้อยละของงาน"], ["2. ออกแบบ", "ที่แล้วเสร็จ"])
    False
    >>> next_item(["๑. สำรวจ", "๑๐", "ร้อยละ"], ["๒. ออกแบบ", "๒๐", "๘๐"])
    False
    """
    if len(row) != len(part) or len(row) < 2:
        return False
    first, next_first = row[0].strip(), "".join(part[0].split())
    mine, theirs = _ITEM.match(first), _ITEM.match(next_first)
    if mine is None or theirs is None or (first[0] in _ARABIC) != (next_first[0] in _ARABIC):
        return False
    shared = [(a, b) for a, b in zip(row[1:], part[1:], strict=True) if a.strip() and b.strip()]
    return int(to_arabic_digits(theirs[1])) == int(to_arabic_digits(mine[1])) + 1 \
        and any(_value(a) and _value(b) for a, b in shared) \
        and all(_value(a) == _value(b) and not cut_inside_word(a, b) for a, b in shared)

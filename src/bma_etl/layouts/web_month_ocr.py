"""A detail page's ``ผลงานเดือนที่`` line as OCR damages it: its label or its month misread.

Stage: extract (:mod:`bma_etl.layouts.web_project_detail` asks, on OCR'd pages only).
The monthly results are twelve lines alike, ``ผลงานเดือนที่ <month> [value]``, months
1 to 12 in order. OCR reads one of them now and then

- with a letter of its label wrong (``ผสงานเดือนที 12``, ``ผลงานเดติลนที 567``):
  :func:`misread_label_end` finds the label by similarity when the rest of the line
  is a month and a value (digits and spaces only), so a line of another label is
  never taken for one;
- with its month read as a letter (``ผลงานเดือนที่ a`` for ``7``): :func:`unread_month`
  says so when the rest is one mark and no digit, and :func:`month_between` gives
  the month the lines around it imply, only when the months before and after it
  were read and leave exactly one month between them (6 and 8). That month is
  derived, never read, and the line has no value (the value, when there is one, is
  a number of its own after the month).
"""

from __future__ import annotations

import re

from rapidfuzz.fuzz import ratio

from bma_etl.matchkey import MIN_SIMILARITY, fuzzy_search, key

#: The label of a monthly result line.
MONTH_LABEL = "ผลงานเดือนที่"
#: A label found by similarity starts within this many characters of the line's start
#: (a speck or two before it).
LABEL_LEAD = 3
#: The letters glued to a label found by similarity whose match ended before them, two
#: of its letters misread (``ผลงานเดติลนที 567``: the match ends at ``ผลงานเด``): the
#: whole word is the label when it is as like it as a match must be.
_LABEL_TAIL = re.compile(r"[^\s0-9๐-๙]{1,6}")
#: What follows a month result's label: a month and a value, digits and spaces only.
_MONTH_REST_RE = re.compile(r"[ \t]*[0-9๐-๙][0-9๐-๙. \t]*%?[ \t]*$")
#: A month OCR read as one letter or mark, nothing after it.
_UNREAD_MONTH_RE = re.compile(r"[ \t]*[^\s0-9๐-๙]{1,2}[ \t]*$")


def misread_label_end(text: str) -> int | None:
    """Where a month line's label read with a letter wrong ends in ``text``, or None.

    >>> misread_label_end("ผสงานเดือนที 12"), misread_label_end("ผลงานเดติลนที 567")
    (12, 13)
    >>> misread_label_end("ผลการดำเนินการ70 ร้อยละ") is None
    True
    """
    found = fuzzy_search(MONTH_LABEL, text[:len(MONTH_LABEL) + LABEL_LEAD + 4])
    if found is None or found[0] > LABEL_LEAD:
        return None
    end = found[1]
    if not _MONTH_REST_RE.match(text, end):  # the match ended early: letters of it misread
        tail = _LABEL_TAIL.match(text, end)
        if tail is None or ratio(key(text[found[0]:tail.end()]), key(MONTH_LABEL)) \
                < MIN_SIMILARITY:
            return None
        end = tail.end()
    return end if _MONTH_REST_RE.match(text, end) else None


def unread_month(rest: str) -> bool:
    """Whether ``rest``, a month line after its label, is a month read as a letter or two.

    >>> unread_month(" a"), unread_month(" 7"), unread_month(" ab 45")
    (True, False, False)
    """
    return bool(_UNREAD_MONTH_RE.fullmatch(rest))


def month_between(before: int | None, after: int | None) -> int | None:
    """The one month between the months read before and after an unread one, or None.

    >>> month_between(6, 8), month_between(6, 9), month_between(None, 2)
    (7, None, None)
    """
    if before is None or after is None or after != before + 2:
        return None
    return before + 1

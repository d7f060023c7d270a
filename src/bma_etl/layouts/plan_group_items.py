"""The first item inside a routine list's group row, as printed or as OCR read its number.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_plain`, not a layout).
Consumes the joined text of one group row of a budget table read from plain lines
(``ด้านการบริหารทั่วไป ๑. โครงการ...``: the routine list's ``ด้าน/แผนงาน`` column, its
first item run after it); gives where that item's number is and where its name
starts (:func:`item_in_group`), so the group's name never runs into the item's.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bma_etl.layouts.plan_amounts import budget_said
from bma_etl.layouts.plan_cells import DIGIT
from bma_etl.layouts.plan_plain_rows import OCR_ITEM_RE

#: An item number inside a group row: ``ด้านการบริหารทั่วไป ๑. โครงการ...``.
_ITEM_IN_ROW_RE = re.compile(rf"(?<![0-9๐-๙,.])(?P<no>{DIGIT}{{1,2}})\s*[.)](?![0-9๐-๙])")
#: On an OCR'd page a group's first item whose number OCR read as signs or Latin
#: letters, its point lost (``ด้านการบริหารทั่วไป oO`` / ``โครงการ...``), or as one Thai
#: letter, its point read as a vowel or a mark on it or lost (``ด้านการบริหารทั่วไป ณุ
#: โครงการ...``, ``1.`` on a 200 dpi grey scan): a group's name ends in a word, never in
#: a letter standing alone. The letter is glued to the name when the name wrapped
#: under it (Thai lines join with no space): no word is a letter run into ``โครงการ``.
_OCR_POINTLESS_ITEM_RE = re.compile(
    r"(?<!\S)(?:[^\s\u0e01-\u0e4f0-9๐-๙.,]{1,3}\s+|[ก-ฮ][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]?\s*)"
    r"(?=โครงการ)")
#: Or read right, its point lost (``ด้านการบริหารทั่วไป ๑`` / ``โครงการ...``): a group's
#: name never ends in a number.
_OCR_BARE_ITEM_RE = re.compile(rf"(?<!\S)(?P<no>{DIGIT}{{1,2}})\s+(?=โครงการ)")
#: Or with a speck OCR read as a sign or two between the number and its point
#: (``ด้านการบริหารทั่วไป<tab>๑@.`` / ``โครงการ...`` on a 200 dpi grey scan), before
#: the item's words: the sign may be a digit misread too, so the number is not read.
_OCR_SPECKED_ITEM_RE = re.compile(
    rf"(?<!\S){DIGIT}{{1,2}}[^\s\w.,]{{1,2}}[.)]\s*(?=[\u0e01-\u0e2eเ-ไ])")


class GroupItem(NamedTuple):
    """An item found in a group row: its number's offsets (None: not read), its name's start."""

    no: tuple[int, int] | None
    body: int


def item_in_group(text: str, body: int, ocr: bool) -> GroupItem | None:
    """The first item in a group row's joined ``text`` after the group's name at ``body``.

    Its number as printed (``๑.``), or, from OCR (``ocr``), as misread: signs or
    letters (``o.``; its number not read), its point lost (``๑`` / ``โครงการ``), a
    speck between the number and its point (``๑@.``; not read). None when the row
    names no item (a group whose items follow).
    """
    item = _ITEM_IN_ROW_RE.search(text, body)
    if item is None and ocr:
        item = OCR_ITEM_RE.search(text, body) or _OCR_POINTLESS_ITEM_RE.search(text, body) \
            or _OCR_BARE_ITEM_RE.search(text, body) or _OCR_SPECKED_ITEM_RE.search(text, body)
    if item is None:
        return None
    read_no = item.re in (_ITEM_IN_ROW_RE, _OCR_BARE_ITEM_RE)
    return GroupItem(item.span("no") if read_no else None, item.end())


#: A group's name (``ด้านการบริหารทั่วไป``, ``แผนงานบริหารทั่วไป``): the ด้าน/แผนงาน column's.
_GROUP_NAME_RE = re.compile(r"\s*(?:ด้าน|แผนงาน)")


def item_in_column(text: str, no: tuple[int, int], body: int) -> GroupItem | None:
    """The item of a group row numbered in the ลำดับ column, its name in a cell of its own.

    A routine list whose items are numbered in the ลำดับ column, not inside the name
    (``1 | ด้านการบริหารทั่วไป | โครงการ... | 2,300,000.- บาท``, or the group's cell
    empty on the rows after), read from tabbed text (a text layer's cells): the item
    is the cell before the budget, after the group's name if one is given. None when
    no budget cell follows or the one name cell is a group's (``ด้าน…``).
    """
    cells = text[body:].split("\t")
    at = next((k for k, cell in enumerate(cells) if budget_said(cell) is not None), None)
    if at is None:
        return None
    names = [k for k in range(at) if cells[k].strip()]
    if not names or len(names) > 2 or (len(names) == 1 and _GROUP_NAME_RE.match(cells[names[0]])):
        return None
    k = names[-1]
    start = body + sum(len(cell) + 1 for cell in cells[:k])
    return GroupItem(no, start + len(cells[k]) - len(cells[k].lstrip()))


__all__ = ["GroupItem", "item_in_column", "item_in_group"]

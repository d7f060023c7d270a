"""How the SWOT analysis' items are numbered, as printed and as OCR reads the numbers.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_swot`, not a layout).
Consumes one line's text; tells whether it opens an item (:func:`swot_item`), and
gives the patterns of an item's number alone on its line, as printed or as OCR
misreads it (:class:`Forms`, :data:`PRINTED`, :data:`OCR`, :data:`OCR_BARE_NUMBER_RE`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bma_etl.layouts.base import Line, Raw, RawRow
from bma_etl.layouts.plan_cells import DIGIT, DIGITS_RE, blank_tags, is_text_line
from bma_etl.layouts.plan_values import to_int

__all__ = ["OCR", "OCR_BARE_NUMBER_RE", "OCR_TAB_ITEM_RE", "PRINTED", "Forms", "ended_short",
           "is_next", "number_of", "read_back", "starts_over", "swot_item"]

#: ``๑. text``, ``1) text``, ``(1) text`` or a letter-coded ``S1 text`` / ``W๕. text``.
_ITEM = (r"^\s*(?:[SWOT]\s*(?P<code>{d}{{1,2}})(?!{d})\s*[.):]?"
         r"|\(?\s*(?P<no>{no})\s*{point}(?!{d}))\s*(?P<body>\S.*?)\s*$")
#: An item's number alone on its line (``๑.``): the page put its words on the next.
_ALONE = r"^\s*\(?\s*(?P<no>{no})\s*{point}\s*{tail}$"
#: On an OCR'd page an item's point may be read as a comma (``lo, ระบบ...``), and a
#: speck after a number alone as a sign (``en.\t-``).
_POINT, _OCR_POINT = "[.)]", "[.),]"
_OCR_TAIL = r"(?:[^\s\u0e00-\u0e7f0-9]{1,2}\s*)?"
_NUMBER = rf"{DIGIT}{{1,2}}"
#: What OCR reads an item's Thai number as, besides digits (``©).`` ``@).`` ``on.``
#: ``0.``): up to three signs, Latin letters or digits, no Thai letter; before words,
#: only before Thai words (an item's text).
_OCR_NUMBER = r"[^\s\u0e01-\u0e4f.]{1,3}?"
_SWOT_ITEM_RE = re.compile(_ITEM.format(d=DIGIT, no=_NUMBER, point=_POINT))
_SWOT_NUMBER_ALONE_RE = re.compile(_ALONE.format(no=_NUMBER, point=_POINT, tail=""))
#: A leading vowel right before an item's number (``โ๒. มีช่องทาง...``) is no Thai
#: spelling (it only stands before a consonant): a speck or the page's edge OCR read.
_OCR_VOWEL = r"(?:[เแโใไ](?={d}))?"
#: So is a quote or a point OCR read from a speck before it (``' ๕. งบประมาณ...``).
_OCR_LEAD = r"(?:['`.,\u2018\u2019\u201c\u201d]\s*(?={d}))?"
_OCR_ITEM = _ITEM.replace(r"\(?\s*(?P<no>", r"\(?\s*" + _OCR_LEAD + _OCR_VOWEL + r"(?P<no>")
#: Or as a digit and a Thai letter or two OCR made of the rest (``“6ชี.`` for ``๓.``):
#: no Thai word holds a digit.
_OCR_DIGIT_LETTERS = r"[^\s\u0e01-\u0e4f.,]?[0-9๐-๙][\u0e01-\u0e4f]{1,2}"
_OCR_ITEM_RE = re.compile(_OCR_ITEM.format(
    d=DIGIT, no=rf"{_NUMBER}|(?:{_OCR_NUMBER}|{_OCR_DIGIT_LETTERS})(?=\s*[.),]\s*[\u0e01-\u0e4f])",
    point=_OCR_POINT))
#: Alone on its line, a number may be read as Thai letters too (``ไต.`` for ``๒.``).
_OCR_NUMBER_ALONE_RE = re.compile(_ALONE.format(no=rf"{_NUMBER}|[^\s.,]{{1,3}}?",
                                                point=_OCR_POINT, tail=_OCR_TAIL))
_BULLET_RE = re.compile(r"^\s*[-•●▪◦*]\s*(?P<body>\S.*?)\s*$")
#: On an OCR'd page, an item's number OCR misread and took its point (``อ``, ``Ds``,
#: ``1``), then the gap before the item's words read as a tab: a wrapped line of an
#: item's text never opens with a short word and a tab.
#: The item's first letters OCR may misread too, as a short word that holds a Latin
#: letter or an Arabic digit (``ws ชาชน...`` for ``ประชาชน...``, ``211ว5 ชาชน...``):
#: no Thai word holds one, and an item's words start with a Thai one.
_MISREAD_START = r"(?:(?=[^\s\u0e00-\u0e7f]*[0-9A-Za-z])[^\s\u0e00-\u0e7f][^\s]{0,5} +)?"
OCR_TAB_ITEM_RE = re.compile(
    rf"^\s*(?P<no>[^\s.,:]{{1,3}}?)\s*[.),:;]?\t+(?P<body>{_MISREAD_START}[ก-ฮเ-ไ].*?)\s*$")
#: On an OCR'd page, an item's number alone on its line as OCR may read it without
#: its point (``ท``, ``sf``, ``3:``, ``a;``): at most two signs or letters;
#: or read as two specks a space apart (``5 8`` for ``1.``: the digit's stem and its
#: foot or point, each a sign of its own); or, number and point together, as a
#: Latin word of three or four letters (``Tabs`` for ``๒.`` on a 150 dpi scan).
#: A sign may carry a mark OCR made of a speck (``ร ซี``), a Thai letter a leading
#: vowel before it (``ไน``); a digit may have a sign before it (``$2``).
_BARE_SIGN = "(?:[0-9๐-๙A-Za-z]|[เ-ไ]?[ก-ฮ][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]?)"
_SIGNED_DIGIT = r"[^\s\u0e00-\u0e7f0-9A-Za-z][0-9๐-๙]"
#: On an OCR'd page, an item's number whose point OCR lost, a space before its words:
#: a digit or two (``2 ประชาชน...``; taken only as the next item's number), or one
#: or two signs or Latin letters OCR read it as (``Se บบสาร...``, ``| บุคลากร...``).
_OCR_SPACE_ITEM_RE = re.compile(
    rf"^\s*(?P<no>{DIGIT}{{1,2}}|[^\s\u0e00-\u0e7f0-9()\[\]\-–—\"'\u2018\u2019\u201c\u201d<>]{{1,2}})"
    r" +(?P<body>[ก-ฮเ-ไ].*?)\s*$")
#: Or the next item's number, its point lost, before its first letters misread
#: (``2 211ว5 ชาชน...``: :data:`_MISREAD_START`).
_OCR_SPACE_MISREAD_RE = re.compile(
    rf"^\s*(?P<no>{DIGIT}{{1,2}}) +(?P<body>{_MISREAD_START}[ก-ฮเ-ไ].*?)\s*$")
#: Or the next item's number glued to its first word, point and space lost
#: (``4ระบบสารสนเทศ...``): no word of an item's text opens with a digit.
_OCR_GLUED_ITEM_RE = re.compile(rf"^\s*(?P<no>{DIGIT}{{1,2}})(?P<body>[ก-ฮเ-ไ].*?)\s*$")
OCR_BARE_NUMBER_RE = re.compile(
    rf"^\s*(?P<no>{_BARE_SIGN}{{1,2}}|{_BARE_SIGN} {_BARE_SIGN}|{_SIGNED_DIGIT}|[A-Za-z]{{3,4}})"
    r"\s*[.),:;]?\s*$")


def misread_number_item(text: str) -> re.Match[str] | None:
    """On an OCR'd page, ``text`` as an item whose number OCR misread, its point lost.

    ``๕ เครือข่าย...`` for ``๔. เครือข่าย...`` (``๔`` and ``๕`` a stroke apart); None
    unless it opens with a digit or two, a space and Thai words.

    Only for a line right under one that ended short of the margin
    (:func:`.plan_swot.swot_rows`): there the item above ended, and a number starts
    the next one whatever digit OCR made of it.
    """
    m = _OCR_SPACE_ITEM_RE.match(blank_tags(text))
    return m if m is not None and DIGITS_RE.fullmatch(m.group("no")) else None


class Forms(NamedTuple):
    """How items are numbered: as printed, or as OCR reads the numbers.

    On an OCR'd page an item's number may be misread (``๔.`` as ``๕.``, ``๑.`` as
    ``©).``): it marks an item, but its value neither ends the list (numbers that
    start over) nor says which item follows; only a ``1`` starts a list again.
    """

    item: re.Pattern[str]
    alone: re.Pattern[str]
    ocr: bool


PRINTED = Forms(_SWOT_ITEM_RE, _SWOT_NUMBER_ALONE_RE, False)
OCR = Forms(_OCR_ITEM_RE, _OCR_NUMBER_ALONE_RE, True)


def is_next(number: int | None, last_no: int | None, forms: Forms) -> bool:
    """Whether an item numbered ``number`` follows item ``last_no`` (any does on OCR)."""
    if forms.ocr:
        return last_no is not None
    return last_no is not None and number == last_no + 1


def starts_over(number: int | None, last_no: int | None, forms: Forms) -> bool:
    """Whether an item's number starts the list again: another list."""
    if last_no is None or number is None:
        return False
    return number == 1 if forms.ocr else number <= last_no


def read_back(text: str, above: RawRow | None) -> bool:
    """On an OCR'd page, whether an item's number read as digits (``text``) is misread.

    A list's numbers only go on: one that is not past the number read for the item
    above (``above``'s ``seq``; ``2.`` read again for ``3.``), or ``0.``, is a misread
    digit, no number to keep. The item above's place says nothing (an item too many
    read above it, its place runs ahead).

    >>> two = RawRow("plan_swot_items", 1, {"seq": Raw("2", None)})
    >>> read_back("2", two), read_back("0", None), read_back("3", two), read_back("©", two)
    (True, True, False, False)
    """
    seq = above.fields.get("seq") if above is not None else None
    read = to_int(seq.text) if isinstance(seq, Raw) and DIGITS_RE.fullmatch(seq.text) else 0
    return DIGITS_RE.fullmatch(text) is not None and (to_int(text) or 0) <= (read or 0)


#: A line under this share of its neighbours' longest ended its item (OCR measures no wraps).
_SHORT_SHARE = 0.5


def ended_short(lines: list[Line], i: int) -> bool:
    """Whether line ``i - 1``, text, ended far short of the lines around it (its item's end)."""
    if i == 0 or not is_text_line(lines[i - 1]):
        return False
    longest = max(len(line.text.strip()) for line in lines[max(i - 3, 0):i + 2])
    return len(lines[i - 1].text.strip()) < _SHORT_SHARE * longest


def number_of(text: str, last_no: int | None, forms: Forms) -> int | None:
    """The item's number as the list goes on: as printed, or on OCR its place."""
    return (last_no or 0) + 1 if forms.ocr else to_int(text)


def swot_item(text: str, forms: Forms = PRINTED, next_no: int | None = None
               ) -> tuple[re.Match[str], str | None] | None:
    """A list item's match and the group holding its number (None: a bullet).

    ``next_no``: the number the list's next item has; on an OCR'd page a number
    read without its point (:data:`_OCR_SPACE_ITEM_RE`) counts only when it is that.
    """
    blanked = blank_tags(text)
    m = forms.item.match(blanked)
    if m:
        return m, "code" if m.group("code") else "no"
    m = OCR_TAB_ITEM_RE.match(blanked) if forms.ocr else None
    if m:
        return m, "no"
    m = _OCR_SPACE_ITEM_RE.match(blanked) if forms.ocr else None
    if m and (DIGITS_RE.fullmatch(m.group("no")) is None or to_int(m.group("no")) == next_no):
        return m, "no"
    for regex in (_OCR_SPACE_MISREAD_RE, _OCR_GLUED_ITEM_RE):
        m = regex.match(blanked) if forms.ocr else None
        if m and to_int(m.group("no")) == next_no:
            return m, "no"
    m = _BULLET_RE.match(blanked)
    return (m, None) if m else None

"""Where the targets of an indicator-target row printed as flowing text start.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_flow_kpi`, not a layout).
Consumes the joined text of one row (its name and its targets, one per year, run
into one paragraph); produces every place a target may start
(:func:`possible_starts`: a word a target opens with before its number, ``ระดับ ๓``,
``ร้อยละ ๑๐``; or a number and its unit, ``๕ ราย``), and the offsets of the row's
targets where those places say so unambiguously (:func:`target_starts`), else
None: a row's targets are never guessed. :func:`awaits_number` tells a row whose
last target's number the page wrapped onto a line of its own. A row's lines are
joined by :mod:`bma_etl.layouts.plan_flow_row_join`.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

from bma_etl.document import Finding, RawRow
from bma_etl.layouts.base import Derived, Line, Raw
from bma_etl.layouts.plan_cells import DIGIT
from bma_etl.matchkey import marks_optional
from bma_etl.normalize.text import clean_text
from bma_etl.unwrap import unwrapped_text

#: On an OCR'd page, a short line of no Thai and no digit before a table's first row
#: (a speck, a page's edge read as Latin: ``“tate``) is no row and ends no table.
OCR_JUNK_RE = re.compile(r"[^\u0e00-\u0e7f0-9]{1,8}")
#: So is a line of up to six such words between a table's year line and its first row
#: (``es es Cep ce ef``: the empty ``ลำดับที่`` cells and the rules under the header,
#: read on a 1-bit scan); it holds every :data:`OCR_JUNK_RE` line.
OCR_LATIN_LINE_RE = re.compile(r"[^\u0e00-\u0e7f0-9]{1,8}(?:\s+[^\s\u0e00-\u0e7f0-9]{1,8}){0,5}")
#: A sign or two at a name's end, set off by a space or glued to a Thai word (``...กิจกรรม :``,
#: ``...ต้นทาง,``): on an OCR'd page a speck read between the name's and the targets' cells.
NAME_END_SPECK_RE = re.compile(r"(?:(?<=\S)\s+[:;|,'`\"\u2018\u2019]{1,2}|(?<=[ก-๎])[,;|])\s*$")
#: A digit glued to a name's first Thai word after the row's number (``๑ 7ระดับ...``): on
#: an OCR'd page a speck read before the name (no name's word opens with a digit), not a
#: target's number.
NAME_HEAD_SPECK_RE = re.compile(r"[0-9๐-๙](?=[ก-ฮเ-ไ][\u0e01-\u0e4f]{2})")
#: A speck OCR read as a token of signs between a name's words (``หน่วยงาน - _ จำนวน...``):
#: signs no name prints alone.
_NAME_SPECK_RE = re.compile(r"(?<=\s)[_~^|=«»]{1,2}\s+")


def without_name_specks(name: Raw) -> Raw | Derived:
    """On an OCR'd page, a row's name without the specks read between its words.

    The name as read when it holds none; else the name's text, unwrapped and
    cleaned as the normalize stage makes it, without them (derived, quoting the name).
    """
    if _NAME_SPECK_RE.search(name.text) is None:
        return name
    return Derived(clean_text(unwrapped_text(_NAME_SPECK_RE.sub("", name.text))),
                   "a name OCR read with a speck between its words", name.span)

#: A target's start: a word a target opens with, then its number; between them a
#: sign or two OCR read from the number's first digit or a speck (``ร้อยละ «๕``).
_STRONG = ("ระดับ", "ร้อยละ", "เพิ่มขึ้น", "ลดลง", "ไม่น้อยกว่า", "ไม่ต่ำกว่า", "อย่างน้อย",
           "มากกว่า", "ไม่เกิน", "จำนวน")
_STRONG_RE = re.compile(
    rf"(?P<word>(?:{marks_optional('|'.join(_STRONG), any_mark=True)})"
    rf"(?:\s*(?:{marks_optional('|'.join(_STRONG), any_mark=True)}))*)\s*"
    rf"(?:[«»{{}}'\u2018\u2019\"“”|;:]{{1,2}}\s?)?(?={DIGIT})")
#: (Words run together, ``เพิ่มขึ้นร้อยละ ๑๐`` / ``ไม่ต่ำกว่าร้อยละ ๘๐``, start one target.)
#: Or a number and its unit (``๕ ราย``), not a year after พ.ศ./ปี, not inside a number.
_WEAK_RE = re.compile(rf"(?<![0-9๐-๙.,/])(?<!พ\.ศ\.\s)(?<!พ\.ศ\.)(?<!ปี\s)(?<!ปี)"
                      rf"{DIGIT}+(?:[.,]{DIGIT}+)*\s*(?P<word>[ก-ฮเ-ไ][ก-๎]*)")
#: A row's last words a target's word waiting for its number (``ไม่ต่ำกว่าร้อยละ``).
_AWAITS_NUMBER_RE = re.compile(
    rf"(?:{marks_optional('|'.join(_STRONG), any_mark=True)})\s*$")


def awaits_number(run: list[Line]) -> bool:
    r"""Whether the row ``run`` holds ends with a target's word whose number the page wrapped.

    Then a line of a number alone (``๗๕``) is that number, not a page number.

    >>> from bma_etl.layouts.base import Derived, Line, Raw
    >>> awaits_number([Line(1, 0, "ไม่ต่ำกว่าร้อยละ ๗๐ ไม่ต่ำกว่าร้อยละ")])
    True
    >>> awaits_number([Line(1, 0, "ไม่ต่ำกว่าร้อยละ ๗๐ ไม่ต่ำกว่าร้อยละ ๗๕")])
    False
    """
    return bool(_AWAITS_NUMBER_RE.search(run[-1].text))


#: A number and its unit run into the year before it (``พ.ศ. ๒๕๕๙๒๐ ช่องทาง``: the
#: reader lost the gap between two cells): a year after พ.ศ. has four digits.
_AFTER_YEAR_RE = re.compile(rf"พ\.ศ\.\s*[๒2][๔-๖4-6]{DIGIT}{{2}}(?P<start>{DIGIT}+"
                            rf"(?:[.,]{DIGIT}+)*\s*(?P<word>[ก-ฮเ-ไ][ก-๎]*))")
#: A number's first digits alone after a cell's gap (a tab, or two spaces or more: a
#: gap the reader found narrower than a tab's), the rest after the wrap's space
#: (``\t๒ ๓ แห่ง``, ``ผลิตภัณฑ์  ๒ ๑ ราย``: the page cut ``๒๓``, ``๒๑`` at the line's end).
_CUT_NUMBER_RE = re.compile(rf"(?:\t| {{2}})(?P<start>{DIGIT}+) $")


def _cut_number_start(text: str, at: int) -> int:
    r"""Where the number whose digits start a target at ``at`` starts, a wrap's cut put back.

    >>> _cut_number_start("พ.ศ. ๒๕๖๕\t๒ ๓ แห่ง", 12), _cut_number_start("พ.ศ. ๒๕๖๕ ๒ ๓ แห่ง", 12)
    (10, 12)
    >>> _cut_number_start("ผลิตภัณฑ์  ๒ ๑ ราย", 13)
    11
    """
    m = _CUT_NUMBER_RE.search(text, max(0, at - 8), at)
    return m.start("start") if m is not None else at


#: On an OCR'd page: a target's number read as Latin letters (``lod ครั้ง`` for
#: ``๒๖ ครั้ง``), a short Latin word alone before a unit word.
_LATIN_NUMBER_RE = re.compile(r"(?<!\S)[A-Za-z]{1,3}\s+(?P<word>[ก-ฮเ-ไ][ก-๎]*)")
#: On an OCR'd page: a target's word opening a cell after a tab, its number read as a sign
#: (``\tร้อยละ ©`` for ``ร้อยละ ๖``): the tab ends the name's cell.
_STRONG_AFTER_TAB_RE = re.compile(
    rf"(?<=\t)(?P<word>{marks_optional('|'.join(_STRONG), any_mark=True)})(?=\s+\S)")
#: A target whose number OCR could not read: a target's word, then a sign or a letter or
#: two, no digit (``ร้อยละ ©``), or a lone letter before its unit (``ฆ ราย``).
_UNREAD_NUMBER_RE = re.compile(
    rf"(?:{marks_optional('|'.join(_STRONG), any_mark=True)})\s+[^\s0-9๐-๙]{{1,2}}(?!\S)"
    r"|[ก-ฮ]\s")
#: ... or a one-digit number read as a lone Thai letter (``ฆ ราย``, ``ฒ ราย`` for ``๗ ราย``:
#: Debian's Thai model has no ๔ ๖ ๗ ๘ ๙), alone before a unit word.
_LETTER_NUMBER_RE = re.compile(r"(?<!\S)[ก-ฮ]\s+(?P<word>[ก-ฮเ-ไ][ก-๎]*)")


#: On an OCR'd page: a target's word before its number read as Latin letters
#: (``เพิ่มขึ้น on ราย`` for ``เพิ่มขึ้น ๓ ราย``), then a unit word.
_STRONG_LATIN_RE = re.compile(
    rf"(?P<word>{marks_optional('|'.join(_STRONG), any_mark=True)})\s*"
    r"(?=[A-Za-z]{1,3}\s+[ก-ฮเ-ไ])")
#: The same, the number's short Latin word before anything (the next words read as
#: Latin too, ``ร้อยละ wo anil พ.ศ.`` for ``ร้อยละ ๒๐ จากปี พ.ศ.``, or the row's end),
#: the target's words run together as before a number (``เพิ่มขึ้นร้อยละ wo``): tried
#: only when the row's targets are not told without it (:func:`target_starts`).
_STRONG_LATIN_LOOSE_RE = re.compile(
    rf"(?P<word>(?:{marks_optional('|'.join(_STRONG), any_mark=True)})"
    rf"(?:\s*(?:{marks_optional('|'.join(_STRONG), any_mark=True)}))*)\s*"
    r"(?=[A-Za-z]{1,3}(?:\s|$))")
#: On an OCR'd page: a target's word before its number whose first digit OCR read as a
#: Thai letter (``ร้อยละ ฒ๐`` for ``ร้อยละ ๗๐``: the model reads ``๗`` as ``ฒ``, ``๖`` as
#: ``อ``): one consonant, then digits, the number's token ending there.
_STRONG_LETTER_DIGIT_RE = re.compile(
    rf"(?P<word>(?:{marks_optional('|'.join(_STRONG), any_mark=True)})"
    rf"(?:\s*(?:{marks_optional('|'.join(_STRONG), any_mark=True)}))*)\s*"
    rf"(?=[ก-ฮ]{DIGIT}+(?!\S))")


#: Letters with no digit a row's name opens with after its number (a target that
#: wraps onto a line of its own, ``๒ ราย ๔ ผลิตภัณฑ์``, has its number soon).
NAME_MIN = 15
_DIGIT_RE = re.compile(DIGIT)


def opens_after_gap(body: str, joined: str, count: int) -> bool:
    """On an OCR'd page, whether a line after the empty number cell's gap opens a row.

    Its words ``body`` open a name (:data:`NAME_MIN` letters, no digit: no
    target's rest) and the row before, ``joined``, has a place for each of its
    ``count`` targets to start but one (:func:`possible_starts`: OCR misread a
    number), so they do not cut it unambiguously: that row has had its targets,
    the line is the next row's, not the rest of that one's.
    """
    name = body[:NAME_MIN]
    return len(name) == NAME_MIN and not _DIGIT_RE.search(name) \
        and len(possible_starts(joined, 0, True)) >= max(1, count - 1)


def possible_starts(text: str, pos: int, ocr: bool = False, loose: bool = False
                    ) -> list[tuple[int, str, bool]]:
    """Every place a target may start in ``text[pos:]``: (offset, word, strong).

    ``ocr``: the page was OCR'd, so a target's number may be read as a short Latin
    word (or a one-digit number as a lone Thai letter); such a word starts a target
    before a unit another target of the row states after digits
    (``lod ครั้ง ... ๓๑ ครั้ง``), never before another word; after a target's word
    it is that word's number (``เพิ่มขึ้น on ราย``).

    ``loose``: also a target's word before a short Latin word whatever follows
    (:data:`_STRONG_LATIN_LOOSE_RE`).

    >>> [w for _, w, _ in possible_starts("ชื่อ lod ครั้ง ๓๑ ครั้ง mb ราย", 0, True)]
    ['ครั้ง', 'ครั้ง']
    """
    strongs = list(_STRONG_RE.finditer(text, pos))
    if ocr:
        latin = _STRONG_LATIN_LOOSE_RE if loose else _STRONG_LATIN_RE
        strongs += latin.finditer(text, pos)
        strongs += _STRONG_LETTER_DIGIT_RE.finditer(text, pos)
        taken = {m.start() for m in strongs}
        strongs += [m for m in _STRONG_AFTER_TAB_RE.finditer(text, pos)
                    if m.start() > pos and m.start() not in taken]
    strong = [(m.start(), m.group("word"), True) for m in strongs]
    inside = [(m.start(), m.end()) for m in strongs]
    weak = [(_cut_number_start(text, m.start()), m.group("word"), False)
            for m in _WEAK_RE.finditer(text, pos)
            if not any(a <= m.start() <= b for a, b in inside)]
    weak += [(m.start("start"), m.group("word"), False) for m in _AFTER_YEAR_RE.finditer(text, pos)]
    weak = _units_unglued(weak)
    if ocr:
        units = {word for _, word, _ in weak}
        weak += [(m.start(), unit, False) for number in (_LATIN_NUMBER_RE, _LETTER_NUMBER_RE)
                 for m in number.finditer(text, pos)
                 if (unit := _unit_of(m.group("word"), units)) is not None]
    return sorted(strong + weak)


def doubt_letter_numbers(rows: list[RawRow], findings: list[Finding]) -> None:
    """On an OCR'd plan, NULL each target whose number OCR read as a letter or a sign.

    ``rows``: the plan's ``plan_indicators`` rows (ordinals set), changed in place.
    Such a target (``ฆ ราย ๑๔ ผลิตภัณฑ์`` for ``๗ ราย …``, :data:`_LETTER_NUMBER_RE`;
    ``ร้อยละ ©`` after a tab, :data:`_STRONG_AFTER_TAB_RE`) told where the row's
    targets start, but its number cannot be read (:data:`_UNREAD_NUMBER_RE`): it is
    NULL, with an ``ocr_doubtful_value`` warning.
    """
    for row in rows:
        value = row.fields.get("target_text")
        if isinstance(value, Raw) and _UNREAD_NUMBER_RE.match(value.text.lstrip()):
            row.fields["target_text"] = None
            findings.append(Finding(
                "plan_indicators", row.ordinal, "target_text", "warning", "ocr_doubtful_value",
                f"target {value.text.strip()!r}: OCR read its number as a letter; not loaded"))


def _unit_of(word: str, units: set[str]) -> str | None:
    """The unit of ``units`` that ``word`` is, or opens (the next word a wrap ran into it)."""
    if word in units:
        return word
    return max((u for u in units if word.startswith(u)), key=len, default=None)


def _units_unglued(weak: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """The weak starts, a unit a wrap ran into the next word (``ชุมชนภายในปี``) as the unit.

    A Thai wrap joins its lines with no space: a target's unit at a line's end and
    the next line's first word come as one word. When another start of the row
    states a unit that word opens with (``๑๑ ชุมชน``), the word is that unit.

    >>> _units_unglued([(0, "ชุมชน", False), (9, "ชุมชนภายในปี", False)])
    [(0, 'ชุมชน', False), (9, 'ชุมชน', False)]
    """
    units = {word for _, word, _ in weak}
    return [(at, _unit_of(word, units - {word}) or word, strong) for at, word, strong in weak]


def target_starts(text: str, pos: int, count: int, ocr: bool = False) -> list[int] | None:
    """Offsets where the ``count`` targets of a row start, if the row says so unambiguously.

    The first target starts at the first place one may; the others where the
    same kind of start comes back ``count - 1`` times: a word before a number
    (``เพิ่มขึ้น ๕ ราย จากปี พ.ศ. ๒๕๖๓ ๑๒ ผลิตภัณฑ์``: the ``๑๒`` after it is
    part of the target), the first target's word, or the first target's unit
    (``๕ ราย ๘ ผลิตภัณฑ์ ๖ ราย ๙ ผลิตภัณฑ์``). None when none of these gives
    exactly ``count`` targets. ``ocr``: as :func:`possible_starts` says; when these
    give no cut, the looser reading of a number OCR read as Latin is tried.
    """
    starts = _cut(text, pos, count, possible_starts(text, pos, ocr), ocr)
    if starts is None and ocr:
        starts = _cut(text, pos, count, possible_starts(text, pos, ocr, loose=True), ocr)
    if starts is not None and ocr:
        moved = [damaged_word_start(text, pos, at) for at in starts]
        if all(a < b for a, b in pairwise([pos, *moved])):
            starts = moved
    return starts


#: The pieces (at most two: a wrap may cut it) and characters of a target's word OCR damaged.
_DAMAGED_PIECES = re.compile(r"(?<!\S)\S+(?:\s+\S+)?\s*$")
_DAMAGED_MIN = 5


def damaged_word_start(text: str, pos: int, at: int) -> int:
    r"""Where a target starting at ``at`` starts, a word of it OCR damaged just before put back.

    On an OCR'd page a target's opening word may lose a letter to a speck
    (``ไม่ต่ *ากว่าร้อยละ ๗๐``: ``ำ`` read as ``*``, the wrap's space in it): the words
    right before ``at`` (no further back than ``pos``), one letter away from a target's
    word (:data:`_STRONG`), are the target's, no word of the name.

    >>> t = "ชื่อตัวชี้วัด ไม่ต่ *ากว่าร้อยละ ๗๐"
    >>> t[damaged_word_start(t, 0, t.index("ร้อยละ")):]
    'ไม่ต่ *ากว่าร้อยละ ๗๐'
    >>> t = "ชื่อ ระดับ ๓\tระดับ ๔"
    >>> damaged_word_start(t, 0, t.index("ระดับ ๔")) == t.index("ระดับ ๔")
    True
    >>> t = "ชื่อตัวชี้วัด ร้อยละ ๗๐"
    >>> damaged_word_start(t, 0, t.index("ร้อยละ")) == t.index("ร้อยละ")
    True
    """
    m = _DAMAGED_PIECES.search(text, pos, at)
    if m is None or _DIGIT_RE.search(m.group()):
        return at  # a number is no letter of a word: the target before (``ระดับ ๓``)
    squashed = re.sub(r"\s+", "", m.group())
    if len(squashed) >= _DAMAGED_MIN and any(_one_edit(squashed, w) for w in _STRONG):
        return m.start()
    # the word's second piece alone (``...หน่วยงาน *ากว่า``)
    last = re.search(r"(?<!\S)\S+\s*$", m.group())
    if last is not None and len(last.group().strip()) >= _DAMAGED_MIN \
            and any(_one_edit(last.group().strip(), w) for w in _STRONG):
        return m.start() + last.start()
    return at


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` with exactly one letter read for another, lost or added.

    ``ำ`` counts as its two parts (``ํ`` and ``า``): OCR reads its ring alone as a sign.
    """
    a, b = unicodedata.normalize("NFKD", a), unicodedata.normalize("NFKD", b)
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))


#: On an OCR'd page, a short Latin word right before a row's first target start
#: (``...เมืองน้อง Se`` / ``14 ผลิตภัณฑ์ 8 ราย 15 ผลิตภัณฑ์``): what OCR made of the
#: first target's first number and unit, no word of the name.
_MISREAD_LEAD_RE = re.compile(r"(?<=\S)\s+(?P<lead>[A-Za-z]{1,3})\s*$")


def _cut(text: str, pos: int, count: int, found: list[tuple[int, str, bool]],
         ocr: bool = False) -> list[int] | None:
    """The starts of :func:`target_starts` among the places ``found``.

    A row whose targets each state two units (``๗ ราย ๑๔ ผลิตภัณฑ์``) is cut after
    each target's last unit when a unit of one target was lost
    (:func:`_after_last_units`): then the first target, which OCR misread in front
    (:data:`_MISREAD_LEAD_RE`), or any other, loses no other target's unit.
    """
    if not found or not text[pos:found[0][0]].strip():
        return None  # no name before the first target
    first, rest = found[0], found[1:]
    if count == 1:
        return [first[0]]
    lead = _MISREAD_LEAD_RE.search(text, pos, first[0]) if ocr else None
    ended = _after_last_units(text, count, found)
    if ended is not None and lead is not None:
        return [lead.start("lead"), *ended[1:]]
    for chosen in ([s for s in rest if s[2]], [s for s in rest if s[1] == first[1]], rest):
        if len(chosen) == count - 1:
            return [first[0]] + [s[0] for s in chosen]
    return ended


def _after_last_units(text: str, count: int, found: list[tuple[int, str, bool]]
                      ) -> list[int] | None:
    """Starts of ``count`` targets cut right after each one's last unit, the row's last word.

    The row's last start names the unit every target ends with (``ผลิตภัณฑ์``);
    when it comes back exactly ``count`` times, each target but the first starts
    right after the one before ends, whatever OCR made of its own first number or
    unit (``= ราย ๓๙ ผลิตภัณฑ์``, ``๒๑ จย ๔๐ ผลิตภัณฑ์``). None otherwise, and
    for targets of one unit each (the other cuts tell those).

    >>> t = "ชื่อ 19 ราย 38 ผลิตภัณฑ์ = ราย 39 ผลิตภัณฑ์ 21 จย 40 ผลิตภัณฑ์"
    >>> [t[a:a + 6] for a in _after_last_units(t, 3, possible_starts(t, 0))]
    ['19 ราย', '= ราย ', '21 จย ']
    """
    unit = found[-1][1]
    ends = [at for at, word, strong in found if word == unit and not strong]
    if len(ends) != count or len(found) == count:
        return None
    starts = [found[0][0]]
    for at in ends[:-1]:
        after = text.find(unit, at) + len(unit)
        starts.append(after + len(text[after:]) - len(text[after:].lstrip()))
    if any(b <= a for a, b in pairwise(starts)):
        return None
    return starts


__all__ = ["NAME_END_SPECK_RE", "NAME_HEAD_SPECK_RE", "OCR_JUNK_RE", "OCR_LATIN_LINE_RE",
           "awaits_number",
           "possible_starts", "target_starts", "without_name_specks"]

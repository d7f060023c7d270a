"""Indicator-definition tables printed as flowing text.

Stage: extract (a helper of :mod:`bma_etl.layouts.annual_action_plan`, not a layout).
A plan printed as flowing text runs a row's cells into one paragraph (see
:mod:`bma_etl.layouts.plan_flow_kpi`, which reads the indicator-target tables):

- a definition row (``มาตรการ | ตัวชี้วัดมาตรการ | นิยาม/คำอธิบายตัวชี้วัด |
  โครงการ/กิจกรรม``, or without the measure) starts with its measure (``มน.``) or its
  indicator; the indicator with its wording (``ระดับความสำเร็จ``, ``ร้อยละ``,
  ``จำนวน``, a number ``๕.๑``); the definition at ``นิยาม`` or at the term before
  ``หมายถึง``; the activities at the first ``โครงการ`` / ``กิจกรรม`` (numbered
  ``๑.`` or not) that starts a word after the definition's ``หมายถึง``.

Only tables the cell readers did not read whole rows from are read here
(``read``: their lines). Consumes the document's lines (page furniture left
out); produces :class:`~bma_etl.layouts.plan_flow.Flowed` rows of
``plan_kpi_definitions``.
"""

from __future__ import annotations

import re

from bma_etl.layouts.base import Derived, Line, Raw, RawRow, RepairedText
from bma_etl.layouts.plan_cells import DIGIT, PAGE_NUMBER_RE
from bma_etl.layouts.plan_definition_terms import term_start
from bma_etl.layouts.plan_edge_junk import junk_end_in, junk_line
from bma_etl.layouts.plan_flow import Flowed
from bma_etl.layouts.plan_flow_definitions_header import OCR_KPI_TAIL_RE, is_kpi_header
from bma_etl.layouts.plan_flow_kpi import OTHER_TABLE_RE, ROW_LINES_MAX
from bma_etl.layouts.plan_flow_row_join import with_wrapped_opening
from bma_etl.layouts.plan_flow_targets import OCR_JUNK_RE
from bma_etl.layouts.plan_level_quotes import heading_words_above
from bma_etl.matchkey import fuzzy_search, marks_optional
from bma_etl.rows import join_lines

__all__ = ["flow_definitions"]

_HEADER_WORDS_RE = re.compile(marks_optional(
    "มาตรการ|ตัวชี้วัด|นิยาม|คำอธิบาย|โครงการ|กิจกรรม|และ|ส่วนราชการ|ที่รับผิดชอบ|หน่วยงาน")
    + r"|[/\s]")
#: Longest piece of a header word a page wraps onto a line of its own.
_HEADER_PIECE_MAX = 12
#: A measure's start (``มน.``), or an indicator's (its wording or its number ``๕.๑``).
_MEASURE_START_RE = re.compile(r"^\s*มน\s*\.")
#: On an OCR'd page ``มน.`` may be read as Latin letters (``NU.``) before the measure's
#: words, its point as a comma (``มน,``, ``Nu,``).
_OCR_MEASURE_START_RE = re.compile(r"^\s*(?:มน\s*[.,]|[A-Za-z]{2,3}\s*[.,]\s*(?=[ก-ฮเ-ไ]))")
#: The measure's mark as OCR misread it (not ``มน.`` itself), before the measure's words.
_MISREAD_MARK_RE = re.compile(r"^\s*(?:มน\s*,|[A-Za-z]{2,3}\s*[.,])\s*(?=[ก-ฮเ-ไ])")
_INDICATOR_WORDS = marks_optional(
    "ระดับความสำเร็จ|ร้อยละ|จำนวน|ความสำเร็จ|อัตรา|สัดส่วน|ค่าเฉลี่ย|ความพึงพอใจ")
_INDICATOR_START_RE = re.compile(rf"^\s*(?:{DIGIT}+\.{DIGIT}+\s*)?(?:{_INDICATOR_WORDS})")
#: On an OCR'd page the point of an indicator's number may be lost (``๕๒ รอยละ``)
#: or read as a space (``5 1 ร้อยละ``), or the number misread as a letter or two
#: and a sign (``ด) ร้อยละ`` for ``๕.๑ ร้อยละ``); after the number a letter a speck
#: left before the words (``๕.๑ วร้อยละ``).
_OCR_INDICATOR_START_RE = re.compile(
    rf"^\s*(?:{DIGIT}{{1,2}}[. ]?{DIGIT}{{1,2}}\s*[ก-ฮ]?|\S{{0,2}}[0-9๐-๙).:]\s+)?"
    rf"(?:{_INDICATOR_WORDS})")


def _row_start(measured: bool, ocr: bool) -> re.Pattern[str]:
    """What a definition row starts with: its measure or its indicator, as OCR may read it."""
    if measured:
        return _OCR_MEASURE_START_RE if ocr else _MEASURE_START_RE
    return _OCR_INDICATOR_START_RE if ocr else _INDICATOR_START_RE
_INDICATOR_RE = re.compile(rf"(?:(?<=\s)|(?<=^)){DIGIT}+\.{DIGIT}+\s|{_INDICATOR_WORDS}")
_DEFINITION_RE = re.compile(marks_optional("นิยาม|คำอธิบายตัวชี้วัด"))
_MEANS_RE = re.compile(marks_optional("หมายถึง"))
#: The activities' start: a project or an activity, numbered (the number not part of
#: another) or starting a word (:func:`_activities_at`).
_ACTIVITIES_RE = re.compile(
    rf"(?P<no>(?<![0-9๐-๙.]){DIGIT}{{1,2}}\s*[.)]\s*)?(?:{marks_optional('โครงการ|กิจกรรม')})")


def flow_definitions(doc: RepairedText, lines: list[Line], read: set[int]) -> list[Flowed]:
    """Rows of the definition tables none of whose lines is in ``read``."""
    out: list[Flowed] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.no in read or not is_kpi_header(line.text, doc.ocr_used):
            i += 1
            continue
        measured = "มาตรการ" in line.text or _measured_below(lines, i, doc.ocr_used)
        starts = _row_start(measured, doc.ocr_used)
        i += 1
        while i < len(lines) and lines[i].text.strip() \
                and not starts.match(with_wrapped_opening(lines[i].text, lines, i)) \
                and (not _HEADER_WORDS_RE.sub("", lines[i].text)
                     or len(lines[i].text.strip()) <= _HEADER_PIECE_MAX
                     or _ends_header_word(lines[i - 1].text, lines[i].text)):
            i += 1  # the header's wrapped words (``ดชอบ``: a word the page cut)
        i = _read_definitions(doc, lines, i, line.no, measured, read, out)
    return out


def _measured_below(lines: list[Line], i: int, ocr: bool) -> bool:
    """On an OCR'd page, whether the table headed on line ``i`` has a measure column.

    Asked for a header whose first words OCR misread (:data:`.OCR_KPI_TAIL_RE`):
    it has when a line of the next few opens with a measure's mark.
    """
    return ocr and OCR_KPI_TAIL_RE.match(lines[i].text) is not None and any(
        _OCR_MEASURE_START_RE.match(ln.text) for ln in lines[i + 1:i + _HEADER_LINES_MAX + 1])


#: Most lines a header's wrapped words and specks take under it.
_HEADER_LINES_MAX = 3


def _ends_header_word(before: str, text: str) -> bool:
    """Whether ``text`` holds only header words once the word the page cut is whole again.

    ``...กิจกรรมและส่วนราช`` / ``การที่รับผิดชอบ``: the line's first letters end the
    header's last word; with them the header leaves no more letters unread.

    >>> _ends_header_word("ตัวชี้วัด นิยาม โครงการ/กิจกรรมและส่วนราช", "การที่รับผิดชอบ")
    True
    >>> _ends_header_word("ตัวชี้วัด นิยาม โครงการ/กิจกรรมและส่วนราช", "ร้อยละความสำเร็จของการ")
    False
    """
    rest = _HEADER_WORDS_RE.sub("", before)
    return bool(rest) and len(_HEADER_WORDS_RE.sub("", before.rstrip() + text.strip())) < len(rest)


#: The header's activities cell alone on a line (``โครงการ/กิจกรรม``, with the
#: responsible unit's words or not): on an OCR'd page, read after the row under it.
_HEADER_CELL_RE = re.compile(marks_optional("โครงการ") + r"\s*/\s*" + marks_optional("กิจกรรม")
                             + "(?:" + marks_optional("และส่วนราชการที่รับผิดชอบ") + ")?")


def _read_definitions(doc: RepairedText, lines: list[Line], i: int, header: int,
                      measured: bool, read: set[int], out: list[Flowed]) -> int:
    """Read the definition rows from ``i``; return the index after the table."""
    run: list[Line] = []
    while i < len(lines):
        line = lines[i]
        text = line.text
        if line.no in read or OTHER_TABLE_RE.match(text) or is_kpi_header(text, doc.ocr_used) \
                or (run and heading_words_above(doc, line, run[-1].no)):  # its words furniture
            break
        if not text.strip() or PAGE_NUMBER_RE.match(text):
            if run and _whole_row(run, measured):
                break  # a blank line after a whole row ends the table
            i += 1
            continue
        if doc.ocr_used and run and _HEADER_CELL_RE.fullmatch(text.strip()):
            i += 1  # the header's last cell, which OCR read after the row (out of order)
            continue
        starts_row = _row_start(measured, doc.ocr_used).match(with_wrapped_opening(text, lines, i))
        if run and starts_row and _whole_row(run, measured):
            _add_definition(doc, header, run, measured, out)
            run = []
        if not run and not starts_row:
            if doc.ocr_used and OCR_JUNK_RE.fullmatch(text.strip()):
                i += 1  # a speck or a page's edge OCR read as Latin (``“tate``)
                continue
            if not (doc.ocr_used and measured and _unmarked_row(lines, i)):
                break
        run.append(line)
        i += 1
        if len(run) >= ROW_LINES_MAX:
            break
    if run:
        _add_definition(doc, header, run, measured, out)
    return i


#: A measure's first words: a Thai letter opens them.
_THAI_START_RE = re.compile(r"^\s*[ก-ฮเ-ไ]")


def _unmarked_row(lines: list[Line], i: int) -> bool:
    """On an OCR'd page, whether line ``i`` opens a measured row whose mark ``มน.`` OCR lost.

    Where a row must start, a line of Thai words that is no row's start (the mark
    read as a speck on a line of its own, or not at all) opens one when the lines
    from it, up to a blank line or the next row's start, hold a whole row (its
    indicator, ``หมายถึง`` and activities): no other line under the header does.
    """
    if _THAI_START_RE.match(lines[i].text) is None:
        return False
    run: list[Line] = []
    for line in lines[i:i + ROW_LINES_MAX]:
        if not line.text.strip() or (run and _OCR_MEASURE_START_RE.match(line.text)):
            return False
        run.append(line)
        if _whole_row(run, True):
            return True
    return False


#: Words that take a project or an activity as their object inside a sentence.
_TAKES_RE = re.compile(r"(?:จัด|การ|ของ|ใน|ตาม|ร่วม|และ|ต่อ|เพื่อ|ทุก|ทั้ง|แต่ละ|ราย|หรือ|ผล)\s*$")


def _whole_row(run: list[Line], measured: bool) -> bool:
    """Whether the lines ``run`` hold a whole definition row (all its cells started)."""
    joined = join_lines(run)
    return _definition_cuts(joined.text, measured, _line_starts(joined)) is not None


def _activities_at(text: str, pos: int, starts: frozenset[int]) -> int | None:
    """Where the activities start in ``text[pos:]`` (None: not yet).

    A numbered project or activity, or one that starts a word (after a space, or
    at a line's start: ``starts``).
    """
    found = list(_ACTIVITIES_RE.finditer(text, pos))
    for m in found:
        at = m.start()
        if m.group("no") or at == 0 or text[at - 1].isspace() or at in starts:
            return at
    # No gap before it (a tab stop right after the definition's last word): the
    # first one no word before it takes as its object (``การจัดกิจกรรม``, ``ของโครงการ``).
    for m in found:
        if not _TAKES_RE.search(text, 0, m.start()):
            return m.start()
    return None


def _line_starts(joined: Line) -> frozenset[int]:
    """Offsets in ``joined.text`` where a physical line starts."""
    return frozenset(p[0] for p in joined.pieces)


def _definition_cuts(text: str, measured: bool, starts: frozenset[int] = frozenset()
                     ) -> tuple[int, int, int] | None:
    """Where the indicator, the definition and the activities of a row start.

    ``starts``: where the row's physical lines start in ``text``. None while the
    row has no ``หมายถึง`` / ``นิยาม`` and activities after it.
    """
    means = _MEANS_RE.search(text)
    named = _DEFINITION_RE.search(text)
    if named is not None and (means is None or named.start() < means.start()):
        definition = named.start()
    elif means is not None:
        before = text[:means.start()].rstrip()
        definition = max(before.rfind(" "), before.rfind("\t"), before.rfind("\n")) + 1
    else:
        return None
    after = means.end() if means is not None and means.start() > definition else definition + 1
    activities = _activities_at(text, after, starts)
    if activities is None:
        return None
    indicator = 0
    if measured:
        found = _INDICATOR_RE.search(text, 1, max(definition, 1))
        if found is None and means is not None:  # the term ran into the measure
            found = _INDICATOR_RE.search(text, 1, means.start())
        at = found.start() if found is not None else _misread_indicator(text, max(definition, 1))
        if at is None:
            return None
        indicator = at
    if means is not None and definition <= means.start() and (
            definition <= indicator or _INDICATOR_START_RE.match(text[definition:])):
        # The wrap ran the term into the indicator (``...ของหน่วยงานความสำเร็จหมายถึง``):
        # the term is the words before หมายถึง that the indicator already said.
        term = _repeated_term(text, indicator, text[:means.start()].rstrip())
        if term is not None:
            definition = term
    if not 0 <= indicator < definition < activities:
        return None
    return indicator, definition, activities


#: An indicator's opening words long enough to be found with a letter misread.
_LONG_INDICATOR_WORDS = ("ระดับความสำเร็จ", "ความพึงพอใจ")


def _misread_indicator(text: str, end: int) -> int | None:
    """Where an indicator whose opening words have a letter misread starts in ``text[1:end]``.

    ``ระดับความสำเ`` / ``ว็จ``: OCR read ``ร`` as ``ว`` where the line wrapped. Found
    approximately (:func:`~bma_etl.matchkey.fuzzy_search`), only where the exact
    words found nothing; None when no such words are there.

    >>> text = "มน. การส่งเสริมผลงาน ระดับความสำเว็จในการส่งเสริมผลงาน นิยาม"
    >>> text[_misread_indicator(text, text.index("นิยาม")):][:12]
    'ระดับความสำเ'
    """
    for words in _LONG_INDICATOR_WORDS:
        found = fuzzy_search(words, text[1:end])
        if found is not None:
            return found[0] + 1
    return None


#: Fewest letters of a definition's term found by repetition.
_TERM_MIN = 4


def _repeated_term(text: str, start: int, before: str) -> int | None:
    """Start of the longest end of ``before`` that ``text[start:]`` says before it."""
    for p in range(start + 1, len(before) - _TERM_MIN + 1):
        term = before[p:].strip()
        if len(term) >= _TERM_MIN and term in text[start:p]:
            return p + len(before[p:]) - len(before[p:].lstrip())
    return None


#: Right before the activities on an OCR'd page: their first item's number read as a
#: sign or Latin letters and its point (``©.``, ``lo,``), or as its digit with a sign
#: OCR made of a speck (``๑@.``: no number holds one), after a space; or read as a
#: digit, its point lost or not, in a cell of its own after the definition's last
#: words (``...เทียบกับเกณฑ์<tab>2`` for ``๑.``): no definition's words are cut by a tab.
_OCR_ITEM_NO_END_RE = re.compile(
    r"(?:(?<=\s)(?P<no>(?:[0-9๐-๙](?=[^\s\u0e01-\u0e4f0-9๐-๙.,()\-–]))?"
    r"[^\s\u0e01-\u0e4f0-9๐-๙.,()]{1,2}[.,)])"
    rf"|(?<=\t)(?P<cell>{DIGIT}{{1,2}}[.,)]?))\s*$")


def _add_definition(doc: RepairedText, header: int, run: list[Line], measured: bool,
                    out: list[Flowed]) -> None:
    """Cut the row ``run`` holds into its measure, indicator, definition and activities.

    On an OCR'd page a line of junk tokens only inside the row (``eed Us``) is left
    out, and junk at the definition's end (``...เทียบกับเกณฑ์ i``): :mod:`.plan_edge_junk`.
    """
    run = run[:1] + [ln for ln in run[1:] if not junk_line(doc, ln.start, ln.end)]
    joined = join_lines(run)
    cuts = _definition_cuts(joined.text, measured, _line_starts(joined))
    if cuts is None:
        return
    indicator, definition, activities = cuts
    if doc.ocr_used:  # the term's first word OCR cut at the indicator's line end
        definition = term_start(joined.text, definition, indicator, _line_starts(joined))
    if doc.ocr_used and (misread := _OCR_ITEM_NO_END_RE.search(joined.text, definition,
                                                                activities)) is not None:
        # the first item's number OCR misread (``©.``, ``<tab>2``)
        activities = misread.start("no" if misread.group("no") else "cell")
    measure = doc.raw_in(joined, 0, indicator) if measured else None
    named = doc.raw_in(joined, indicator, definition)
    out.append(Flowed(header, run[0].no, RawRow("plan_kpi_definitions", None, {
        "measure": _marked(measure) if doc.ocr_used else measure,
        "indicator": _pointed(named) if doc.ocr_used else named,
        "definition": doc.raw_in(joined, definition, junk_end_in(doc, joined, definition,
                                                                 activities)),
        "activities": doc.raw_in(joined, activities, len(joined.text)),
    })))


def _marked(measure: Raw | None) -> Raw | Derived | None:
    """A measure whose mark ``มน.`` OCR misread (``Nu.``, ``มน,``) or lost, with the mark.

    The row starts at that mark (:data:`_OCR_MEASURE_START_RE`): every measure
    opens with it, so the words after it are the measure's and the mark is ``มน.``;
    a row whose mark OCR lost (:func:`_unmarked_row`) has it put back.

    >>> from bma_etl.provenance import Span
    >>> _marked(Raw("Nu. การลดปริมาณมูลฝอย", Span(1, 0, 21))).value
    'มน. การลดปริมาณมูลฝอย'
    >>> _marked(Raw("มน. การลด", Span(1, 0, 9))).text
    'มน. การลด'
    >>> _marked(Raw("การลด", Span(1, 0, 5))).value
    'มน. การลด'
    """
    if measure is not None and _MEASURE_START_RE.match(measure.text) is None \
            and _MISREAD_MARK_RE.match(measure.text) is None:
        return Derived("มน. " + " ".join(measure.text.split()),
                       "the measure's mark มน. OCR lost", measure.span)
    m = _MISREAD_MARK_RE.match(measure.text) if measure is not None else None
    if measure is None or m is None:
        return measure
    return Derived("มน. " + " ".join(measure.text[m.end():].split()),
                   f"the measure's mark มน. OCR read as {m.group().strip()!r}", measure.span)


#: An indicator's number whose point OCR read as a space (``5 1 ร้อยละ`` for ``5.1 ร้อยละ``).
_SPACED_NUMBER_RE = re.compile(rf"^\s*(?P<a>{DIGIT}{{1,2}}) (?P<b>{DIGIT}{{1,2}})\s+(?=[ก-ฮเ-ไ])")


def _pointed(indicator: Raw | None) -> Raw | Derived | None:
    """An indicator whose number's point OCR read as a space, with its point.

    Two numbers a space apart before the indicator's words are one number and its
    point (the row starts there, :data:`_OCR_INDICATOR_START_RE`); a number whose
    point was lost (``๕๒``) is left as read: where the point stood is not said.

    >>> from bma_etl.provenance import Span
    >>> _pointed(Raw("5 1 ร้อยละความสำเร็จ", Span(1, 0, 20))).value
    '5.1 ร้อยละความสำเร็จ'
    >>> _pointed(Raw("๕๒ ร้อยละ", Span(1, 0, 9))).text
    '๕๒ ร้อยละ'
    """
    m = _SPACED_NUMBER_RE.match(indicator.text) if indicator is not None else None
    if indicator is None or m is None:
        return indicator
    return Derived(f"{m.group('a')}.{m.group('b')} " + " ".join(indicator.text[m.end():].split()),
                   f"the indicator's number {m.group().strip()!r} OCR read with a space for its "
                   "point", indicator.span)

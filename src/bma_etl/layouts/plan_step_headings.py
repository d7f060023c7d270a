"""Headings over the step tables of the annual action plan: indicator and project.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_steps` and
:mod:`bma_etl.layouts.plan_flow`, not a layout). Consumes the lines above a step
table (``ชื่อตัวชี้วัดที่ N`` / ``ชื่อโครงการที่ M name (unit)``); keeps in a
:class:`StepContext` the indicator number and project name the steps below belong to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bma_etl.layouts.base import Derived, Line, Raw, RepairedText
from bma_etl.layouts.plan_cells import CONTINUED_RE, DIGIT, DIGIT_RE
from bma_etl.layouts.plan_values import to_int
from bma_etl.matchkey import LINE_CACHE, MARKS, KeyMatch, KeyRegex
from bma_etl.provenance import Span
from bma_etl.rows import join_lines

__all__ = [
    "INDICATOR_HEADING_RE",
    "PROJECT_HEADING_RE",
    "UNIT_SUFFIX_RE",
    "StepContext",
    "damaged_project_heading",
    "inner_project_heading",
    "update_step_context",
]

#: The number may stand in a cell of its own at the line's end, after the name: a
#: justified print spreads ``ชื่อตัวชี้วัดที่ ๓`` to the margin, and the reader takes
#: the name the page wrapped under it for the rest of that first cell.
_INDICATOR_HEADING_CELL_RE = KeyRegex(
    rf"^\s*ชื่อ\s*ตัวชี้วัด\s*(?:ที่)?(?:[^\t]*\t(?=\s*{DIGIT}+\s*$))?"
    rf"\s*(?P<no>{DIGIT}+)(?![.]{DIGIT})")
#: The key form has no tabs, so the pattern above has none (it is matched as printed
#: only): a heading whose marks OCR changed (``ชื่อตัวชี่วัดที่``) is matched so, the
#: number right after its words (its own cell or not: the tab is white space). Its
#: ``ช`` OCR may read as ``ซ`` or ``ข``, a stroke apart (``ชื่อตัวซี้วัดที่``, ``ชื่อตัวขี้วัดที่``),
#: and its ``ด`` as ``ต`` (``ชื่อตัวชี้วัตที่``); the ``อ`` of ``ชื่อ`` as ``ก``, a stroke apart
#: too (``ชื่กตัวชี้วัดที่ ๑``: no word is spelled ``ชื่ก``). The ``ช`` may be read twice,
#: as itself and as its look-alike (``ชซื่อ``), as in the project's heading.
#: A speck OCR read as a sign or two before the number (``ชื่อตัวชี้วัดที่<tab>, ๒``) is
#: no part of it.
_INDICATOR_HEADING_KEY_RE = KeyRegex(
    rf"^\s*[ชซข]{{1,2}}ื่[อก]\s*ตัว[ชซข]ี้วั[ดต]\s*(?:ที่)?\s*(?:[,.:;'|`\u2018\u2019]{{1,2}}\s*)?"
    rf"(?P<no>{DIGIT}+)(?![.]{DIGIT})")
#: The heading's words alone on their line, the number OCR garbled into a sign or a
#: Latin letter or two (``ชื่อตัวชี้วัดที่ a``, ``… is``, ``… :``) or lost: the heading
#: is there, its number is not read (:func:`update_step_context` takes it by place).
#: So with the number read as a Thai letter and a vowel set off by a gap
#: (``ชื่อตัวขี้วัดที่<tab>ซู``): no indicator's name is so short. So, too, with the
#: number read as a dash or a bar before the indicator's name on the same line
#: (``ชื่อตัวชี๊วัตที่ - ระดับความสำเร็จ...``), its ``ด`` read as ``ต``, a stroke apart.
_INDICATOR_UNREAD_RE = KeyRegex(
    r"^\s*[ชซข]{1,2}ื่[อก]\s*ตัว[ชซข]ี้วั[ดต]\s*ที่\s*"
    r"(?:(?P<no>[^\s\u0e00-\u0e7f0-9]{1,3}|(?<=\s)[ก-ฮ][\u0e30-\u0e3a\u0e47-\u0e4e]?)?\s*$"
    r"|[-–|]\s*(?=[ก-ฮเ-ไ]))")


class _IndicatorHeading:
    """``ชื่อตัวชี้วัดที่ N``: as printed, else in key form (:class:`KeyRegex` ``match``).

    Also the heading whose number OCR garbled (:data:`_INDICATOR_UNREAD_RE`): its
    ``no`` group then holds no digit, or is None.
    """

    def match(self, text: str) -> re.Match[str] | KeyMatch | None:
        return _INDICATOR_HEADING_CELL_RE.match(text) or _INDICATOR_HEADING_KEY_RE.match(text) \
            or _INDICATOR_UNREAD_RE.match(text)


_INDICATOR_HEADING_RE = _IndicatorHeading()
#: ``ที่`` before the number may have lost or changed its marks (``ที`` ``ทึ่``): a
#: ``ท`` and marks only before a digit, so a name that starts with ``ท`` keeps it.
#: OCR may read the number ``1`` as a bar (``ชื่อโครงการที่ | โครงการ…``): a bar
#: standing alone after ``ที่`` is that number, never the name's first word. The ``ช``
#: of ``ชื่อ`` OCR may read as ``ซ`` or ``ข``, a stroke apart, as in the indicator's
#: heading (``ซื่อโครงการที่ ๑``: no word before ``โครงการ`` is spelled so), or read
#: twice, as itself and as its look-alike (``ชซื่อโครงการที ๑``, a 200 dpi grey scan).
_PROJECT_HEADING_RE = KeyRegex(
    rf"^\s*[ชซข]{{1,2}}ื่อ\s*โครงการ\s*(?:/\s*กิจกรรม)?\s*(?:ที่\s*\|(?=\s)|ที่|ท[{MARKS}]*(?=\s*{DIGIT}))?\s*"
    rf"(?:{DIGIT}+)?\s*[:.]?\s*(?P<name>\S.*?)\s*$"
)
#: A project heading the reader ran onto the end of the line above it (an indicator's
#: name that reached the margin, taken for a wrapped line: ``…ต่างประเทศชื่อโครงการที่ ๑
#: โครงการ…``). Inside a line only with its ``ที่`` and number, which no name spells.
_INNER_PROJECT_HEADING_RE = re.compile(
    rf"(?<=\S)\s*(?P<at>ชื่อ\s*โครงการ\s*(?:/\s*กิจกรรม)?\s*ที่\s*{DIGIT}+\s*[:.]?\s+\S)")
#: On an OCR'd page: a speck read as a Thai letter glued before the name's first word
#: (``ไโครงการ…``): no word starts with a letter run into ``โครงการ`` or ``กิจกรรม``.
_OCR_SPECK_BEFORE_NAME_RE = re.compile(rf"[ก-ฮเ-ไ][{MARKS}]?(?=โครงการ|กิจกรรม)")
#: A trailing ``(ส่วนแผนงานฯ)`` after a project name: the unit, not part of the name.
#: On an OCR'd page matched in key form too (``(ฝายบริหารงานทัวไป)``), its closing
#: bracket lost or not (``(ฝ่ายบริหารงานทั่วไป``: the unit still opens with its bracket).
_UNIT_SUFFIX = r"\s*\((?:(?:ส่วน|ฝ่าย|กลุ่ม|สำนัก|กอง|ศูนย์|โรงพยาบาล)[^()]*|[^()]*ฯ)\){close}\s*$"
_UNIT_SUFFIX_RE = KeyRegex(_UNIT_SUFFIX.format(close=""))
_OCR_UNIT_SUFFIX_RE = KeyRegex(_UNIT_SUFFIX.format(close="?"))

#: On an OCR'd page, a project heading whose words OCR garbled (``ปเลอกาจต ๑ โครงการ...
#: (ส่วนยุทธศาสตร์ฯ)``): found by what else it holds, a short token, the number, a name
#: opening ``โครงการ`` and its unit in brackets at the end (:func:`damaged_project_heading`).
_OCR_PROJECT_HEADING_RE = re.compile(
    rf"^\s*[^\s\d๐-๙]{{2,12}}\s+{DIGIT}{{1,2}}\s+(?P<name>(?:โครงการ|กิจกรรม).*?)\s*$")


@lru_cache(maxsize=LINE_CACHE)
def inner_project_heading(text: str) -> re.Match[str] | None:
    """A project heading run onto the end of line ``text`` (``at``: where it starts).

    Looked for only in a line that holds ``ชื่อ``: the regex opens with a look-behind,
    so a search tries it at every character of the line (about four times the cost
    of the ``in`` test on a plan's lines, and most lines hold no heading).
    """
    return _INNER_PROJECT_HEADING_RE.search(text) if "ชื่อ" in text else None


def damaged_project_heading(text: str) -> bool:
    """Whether ``text`` (an OCR'd line) is a project heading whose words OCR garbled."""
    m = _OCR_PROJECT_HEADING_RE.match(text)
    return m is not None and _OCR_UNIT_SUFFIX_RE.search(m.group("name")) is not None


#: The ``ชื่อตัวชี้วัดที่ N`` and ``ชื่อโครงการที่ M name`` headings, the latter also run
#: onto a line's end (public for the flow reader).
INDICATOR_HEADING_RE = _INDICATOR_HEADING_RE
PROJECT_HEADING_RE = _PROJECT_HEADING_RE
UNIT_SUFFIX_RE = _UNIT_SUFFIX_RE


@dataclass(slots=True)
class StepContext:
    """The indicator number and project name the step tables that follow belong to."""

    indicator_no: Raw | Derived | None = None
    project_name: Raw | None = None
    #: The number of the last indicator heading, read or taken by place; None when unknown.
    last_no: int | None = None


def update_step_context(doc: RepairedText, ctx: StepContext, headings: list[Line]) -> None:
    """Read ``ชื่อตัวชี้วัดที่ N`` and ``ชื่อโครงการที่ M name (unit)`` headings.

    A project heading the page wrapped (the reader marked its line as wrapping, or
    nothing but its number is on it) is read with the heading lines that follow; one
    the reader ran onto the end of the line above is read from its words on. A
    heading repeated over the rest of its table on the next page, marked continued
    (``... (ส่วนแผนงานฯ) (ต่อ)``), names the project without the mark.
    """
    headings = [part for line in headings for part in _heading_parts(line)]
    for k, line in enumerate(headings):
        m = _INDICATOR_HEADING_RE.match(line.text)
        if m and doc.ocr_used and _misread_number(ctx, m, line.text):
            _unread_indicator(ctx, doc.index.span(line.start, line.end))
            continue
        if m and DIGIT_RE.search(m.group("no") or ""):
            no = doc.raw_match(m, "no", base=line.start)
            ctx.indicator_no = no
            ctx.last_no = to_int(no.text) if no is not None else None
            ctx.project_name = None
            continue
        if m and doc.ocr_used:
            _unread_indicator(ctx, doc.index.span(line.start, line.end))
            continue
        if m:
            continue
        heading = _OCR_PROJECT_HEADING_RE if doc.ocr_used and damaged_project_heading(
            line.text) else _PROJECT_HEADING_RE
        m = heading.match(line.text)
        if m:
            line = _wrapped_heading(doc, headings, k, m)
            m = heading.match(line.text)
            assert m is not None  # the same start, more words
            end = m.end("name")
            name = m.group("name") or ""
            if (mark := CONTINUED_RE.search(name)) is not None:  # the project's steps go on
                name = name[:mark.start()].rstrip()
                end = m.start("name") + len(name)
            unit = _OCR_UNIT_SUFFIX_RE.search(name) if doc.ocr_used \
                else _UNIT_SUFFIX_RE.printed.search(name)
            if unit:
                end = m.start("name") + unit.start()
            start = m.start("name")
            speck = _OCR_SPECK_BEFORE_NAME_RE.match(name) if doc.ocr_used else None
            if speck is not None:
                start += speck.end()
            ctx.project_name = doc.raw_in(line, start, end)


#: A sign OCR read glued after a heading's number (``ชื่อตัวชี้วัดที่<tab>1%`` for ``2``
#: on a 200 dpi grey scan): the digit beside it is as doubtful as the sign.
_GLUED_SIGN_RE = re.compile("[%'\"`*#@!?^~°\u2018\u2019\u201c\u201d]")


def _misread_number(ctx: StepContext, m: re.Match[str] | KeyMatch, text: str) -> bool:
    """Whether an indicator heading's number, a sign glued after it, is not the next one.

    Such a number is taken as read when it is the one after the last heading's, or
    when no heading before it was read (nothing tells it wrong); else it is misread.
    """
    no = m.group("no") or ""
    if not re.fullmatch(f"{DIGIT}+", no) or ctx.last_no is None \
            or not _GLUED_SIGN_RE.match(text, m.end("no")):
        return False
    return to_int(no) != ctx.last_no + 1


def _unread_indicator(ctx: StepContext, span: Span) -> None:
    """An indicator heading whose number OCR garbled: the number after the last one read.

    Headings number a plan's indicators one after another (``ชื่อตัวชี้วัดที่ ๑``,
    ``๒``...): the heading after number N is N + 1, derived with a note. With no
    number before it in the text, the indicator is not known: None, never the number
    of the heading before (the steps below it belong to another indicator).
    """
    ctx.project_name = None
    if ctx.last_no is None:
        ctx.indicator_no = None
        return
    ctx.last_no += 1
    ctx.indicator_no = Derived(ctx.last_no, f"indicator {ctx.last_no}: the heading after "
                               f"indicator {ctx.last_no - 1}, its number not read by OCR", span)


def _heading_parts(line: Line) -> list[Line]:
    """``line``, or its words before a project heading run onto it and the heading."""
    inner = inner_project_heading(line.text)
    if inner is None or _PROJECT_HEADING_RE.match(line.text):
        return [line]
    at = inner.start("at")
    before = tuple((start, doc_at, min(length, at - start))
                   for start, doc_at, length in line.pieces if start < at)
    after = tuple((max(start - at, 0), doc_at + max(at - start, 0), length - max(at - start, 0))
                  for start, doc_at, length in line.pieces if start + length > at)
    return [Line(line.no, line.start, line.text[:inner.start()], before),
            Line(line.no, line.at(at), line.text[at:], after)]


#: Most lines one project heading is read over (at 18 pt between 45 mm margins a
#: heading and its unit wrap over five).
_HEADING_LINES_MAX = 6


def _wrapped_heading(doc: RepairedText, headings: list[Line], k: int,
                     m: re.Match[str] | KeyMatch) -> Line:
    """Heading line ``k`` joined with the lines the page wrapped it onto (itself if none).

    A line goes on onto the next when the reader saw it wrapped, when nothing but
    the number stands on it, or when a line below it (no blank or heading between)
    ends with the project's unit (``(ส่วนแผนงานฯ)``) and it does not: a justified
    heading's lines all reach the margin, so the reader cannot tell its wraps.
    """
    run = [headings[k]]
    only_number = re.fullmatch(f"{DIGIT}+", m.group("name") or "") is not None
    unit_at = _unit_line(doc, headings, k)
    while len(run) < _HEADING_LINES_MAX and (run[-1].no in doc.wraps or only_number
                                             or k + len(run) <= unit_at):
        at = k + len(run)
        if at >= len(headings) or not _next_line(doc, run[-1], headings[at]) \
                or _INDICATOR_HEADING_RE.match(headings[at].text) \
                or _PROJECT_HEADING_RE.match(headings[at].text):
            break
        run.append(headings[at])
        only_number = False
    return run[0] if len(run) == 1 else join_lines(run)


def _next_line(doc: RepairedText, line: Line, after: Line) -> bool:
    """Whether ``after`` is the line right under ``line``.

    The next line, or the next past a page's foot and head (every line between
    them page furniture).
    """
    return after.no == line.no + 1 or (
        after.no > line.no and all(n in doc.furniture for n in range(line.no + 1, after.no)))


def _unit_line(doc: RepairedText, headings: list[Line], k: int) -> int:
    """Index of the line below heading ``k`` that ends its name with the unit, or -1.

    Only lines right under it count (:func:`_next_line`, no other heading), up to
    :data:`_HEADING_LINES_MAX` lines in all; the unit may itself wrap
    (``(ฝ่ายบริหารงาน`` / ``ทั่วไป)``). -1 when heading ``k`` ends with its own.
    """
    unit = _UNIT_SUFFIX_RE if doc.ocr_used else _UNIT_SUFFIX_RE.printed
    text = headings[k].text
    if unit.search(text):
        return -1
    for at in range(k + 1, min(len(headings), k + _HEADING_LINES_MAX)):
        line = headings[at]
        if not _next_line(doc, headings[at - 1], line) or _INDICATOR_HEADING_RE.match(line.text) \
                or _PROJECT_HEADING_RE.match(line.text):
            return -1
        text = f"{text} {line.text.strip()}"
        if unit.search(text):
            return at
    return -1

"""Step and scoring tables printed as flowing text (their cells run into paragraphs).

Stage: extract (a helper of :mod:`bma_etl.layouts.annual_action_plan`, not a layout).
A PDF printed as flowing text (a word processor's tab stops, no ruled boxes)
wraps a row whose cells do not fit onto several lines, and a cell's end is then a
space like any other: no column can be told. What still tells a row is how its
values are written, whatever the cells' widths:

- a step (``ขั้นตอนการดำเนินงาน`` table) starts with its number (``๑.``, alone on
  its line or not) and ends with its percentage and the cumulative percentage,
  the second being the cumulative of the step before plus the first: a number
  that does not add up is part of the description;
- a scoring level (``ระดับความสำเร็จ ... คะแนน`` table) starts with the level and
  its weight (``๕ ร้อยละ ๑๐๐ ของน้ำหนักคะแนน``) and ends with the score.

On an OCR'd page a level starts with what OCR made of them (:func:`_ocr_level_start`:
``๕ หร้อยละ``, ``é วัอยละ``, the level lost) and runs to the next; a number OCR
garbled (``ooo``, ``ฒ๐``) is not read. A level lost or read as another (Debian's
model has no ๔) is given by its place when the table lists all five in order and
its other levels say which order (:func:`~bma_etl.normalize.trust.level_places`).

A step whose numbers never add up is kept with its number and words and no
percentage (the next one then sets the cumulative); a number the wrap cut
(``2`` / ``0``, ``22`` / ``.5``) or ran into the words before it (``๒๕๖๔๑๐``)
is put back by the sum. Only tables the cell readers
(:mod:`bma_etl.layouts.plan_tables`, :mod:`bma_etl.layouts.plan_steps`) did not
read whole rows from are read here. Consumes the document's lines (page
furniture left out); produces raw ``plan_steps`` and ``plan_scoring_levels``
rows (:class:`Flowed`: with their table's header line and their own first line).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from bma_etl.layouts.base import Derived, FieldValue, Line, Raw, RawRow, RepairedText
from bma_etl.layouts.plan_cells import (
    DIGIT,
    DIGITS_RE,
    PAGE_NUMBER_RE,
    few_letters,
    to_decimal,
    to_int,
)
from bma_etl.layouts.plan_indicators import scoring_indicator
from bma_etl.layouts.plan_steps import (
    INDICATOR_HEADING_RE,
    PROJECT_HEADING_RE,
    StepContext,
    update_step_context,
)
from bma_etl.matchkey import MARKS, KeyRegex, key
from bma_etl.normalize.trust import level_places
from bma_etl.rows import join_lines, separator

__all__ = ["Flowed", "flow_levels", "flow_steps"]


class Flowed(NamedTuple):
    """A row read from flowing text: its table's header line, its own first line, the row."""

    header: int
    line: int
    row: RawRow


_NUM = rf"{DIGIT}+(?:\.{DIGIT}+)?"
#: Fixed wording is matched in key form too (:class:`KeyRegex`): OCR loses marks.
_STEP_HEADER_RE = KeyRegex(r"^\s*ขั้นตอน\s*การ\s*ดำเนิน\s*งาน")
#: A step's number: digits, or on an OCR'd page also what OCR read a Thai digit
#: as before its point (``©.`` ``on.``, the point read as a comma: ``lo,``, ``๓``
#: read ``©)``): one or two signs or Latin letters, never a Thai letter (``อ.``
#: ``จ.`` are abbreviations that may start a wrapped line), before Thai words (not
#: ``an. พ.ย.``, the header's months misread) or alone on its line (``©).`` over a
#: description too long to share the number's line).
_NO = rf"(?P<no>{DIGIT}{{1,2}})"
_OCR_NO = (rf"(?P<no>{DIGIT}{{1,2}}|[^\s\u0e01-\u0e4f0-9๐-๙.,()]{{1,2}}"
           r"(?=\)?\s*[.,]\s*(?:[\u0e01-\u0e4f]{3}|$)))")
#: What may follow a whole step's cumulative: the schedule's marks; on an OCR'd
#: page also what OCR read them as (``=-``, ``wo``): short tokens of no Thai, no digit.
_MARKS = r"[\s←→↔\-]*$"
_OCR_MARKS = r"(?:[\s←→↔\-]|[^\s\u0e00-\u0e7f0-9]{1,3}(?=\s|$))*$"
#: The table's total row (``รวม ๕ ขั้นตอน คิดเป็นร้อยละ``); not ``รวมทั้ง...``, a word.
_STEP_TOTAL_RE = KeyRegex(rf"^\s*รวม\s*(?:ทั้งสิ้น\s*)?(?:{DIGIT}+\s*ขั้นตอน|$|{DIGIT})")
#: A whole step as joined: number, words, percentage, cumulative, schedule marks.
_STEP_RE = r"^\s*{no}\s*{point}\s*(?P<body>.*?)\s*(?P<pct>{num})\s+(?P<cum>{num}){marks}"
#: A step's words after its number (a step whose percentages do not add up).
_STEP_WORDS_RE = r"^\s*{no}\s*{point}\s*(?P<body>\S.*?)\s*$"


class _StepPatterns(NamedTuple):
    """A step's first line, a whole step, a step's words: as printed, or as OCR reads them."""

    start: re.Pattern[str]
    whole: re.Pattern[str]
    words: re.Pattern[str]
    ocr: bool


def _step_patterns(no: str, point: str, marks: str, ocr: bool) -> _StepPatterns:
    # OCR reads a point as a comma now and then, or as a comma and a point (``๒,.``)
    start = "[.,)]{1,2}" if ocr else "[.)]"
    return _StepPatterns(re.compile(rf"^\s*{no}\s*{start}(?!{DIGIT})(?:\s|$)"),
                         re.compile(_STEP_RE.format(no=no, point=point, num=_NUM, marks=marks),
                                    re.S),
                         re.compile(_STEP_WORDS_RE.format(no=no, point=point), re.S), ocr)


_PRINTED = _step_patterns(_NO, "[.)]", _MARKS, False)
#: On an OCR'd page a step's point may be lost (``๕ จัดประชุม...``): see :func:`_starts`.
_OCR = _step_patterns(_OCR_NO, "[.,)]{0,2}", _OCR_MARKS, True)
#: A number without its point before Thai words: a step's start on an OCR'd page
#: when the lines before end with a row's cells.
_OCR_BARE_START = re.compile(rf"^\s*{DIGIT}{{1,2}}\s+[\u0e01-\u0e4f]{{3}}")
#: The cells after an OCR'd step's words that did not add up: numbers and marks.
#: A number is a token of digits with at most two other signs OCR put among them
#: (``ฒ๐`` ``«๐``: ๗ and ๔ misread, a letter with a mark: ``ฒ่๐``, a speck read as a
#: leading vowel: ``เ๕๐``), a mark a short token of no Thai and no digit (``'dbo``:
#: ๑๐๐ misread).
_OCR_NUMBER = (rf"(?=[^\s]*{DIGIT})(?:[^\s\u0e01-\u0e4f]|[ก-ฮเ-ไ][{MARKS}]?(?=[^\s]*{DIGIT}))"
               r"{1,5}")
_OCR_MARK = r"[^\s\u0e00-\u0e7f0-9]{1,4}"
_OCR_CELLS_END = re.compile(
    rf"(?:\s+(?:{_OCR_NUMBER}|{_OCR_MARK}))*\s+{_OCR_NUMBER}(?:\s+{_OCR_MARK})*\s*$")
#: A step's two number cells both read as Latin letters (``mo do``: ๓๐ ๑๐๐), right
#: after its Thai words: the form ends a step with them, so they are no words of it.
_OCR_LATIN_CELLS_END = re.compile(
    rf"(?<=[\u0e01-\u0e4f])\s+[A-Za-z]{{1,3}}\s+[A-Za-z]{{1,3}}(?:\s+{_OCR_MARK})*\s*$")
_MONTHS = ("ต.ค", "พ.ย", "ธ.ค", "ม.ค", "ก.พ", "มี.ค", "เม.ย", "พ.ค", "มิ.ย", "ก.ค", "ส.ค", "ก.ย")
_LEVEL_HEADER_RE = KeyRegex(r"^\s*ระดับ\s*ความ\s*สำเร็จ")
_LEVEL_START_RE = KeyRegex(r"^\s*(?P<level>[1-5๑-๕])\s+ร้อยละ")
_LEVEL_RE = KeyRegex(
    rf"^\s*(?P<level>[1-5๑-๕])\s+ร้อยละ\s*(?P<weight>{_NUM})(?:\s*ของ\s*น้ำ\s*หนัก\s*คะแนน)?"
    rf"\s*(?P<desc>.*?)\s*(?P<score>{_NUM})\s*$", re.S)
#: On an OCR'd page: a level's start as OCR reads it, the level (a digit, what OCR
#: read one as, ``é``, or nothing) and ร้อยละ with a letter misread or added before
#: its อ (``หร้อยละ`` ``รจ้อยละ`` ``วัอยละ`` ``วรอยละ`` ``รอยละ`` ``ร้อย ละ``).
#: Or a level's digit and ร้อยละ read as a Latin word (``๑ VAY ๒๐``).
_OCR_LEVEL_START_RE = re.compile(
    r"^\s*(?:(?P<level>[^\s\u0e01-\u0e2e()]{1,2})\s*[:.,;]?\s*)?"
    r"(?:[\u0e01-\u0e2e]{1,2}[\u0e31\u0e48-\u0e4b]?อย\s?ละ|(?<=[1-5๑-๕]\s)[A-Za-z]{2,6})"
    r"(?=\s|$)")
#: On an OCR'd page: a level's start whose ร้อยละ OCR damaged past :data:`_OCR_LEVEL_START_RE`
#: (``รวจ้อยละ``, ``FLAY``), told by what follows it: the weight (a short token, a
#: number OCR may have garbled) and the weight words (:data:`_WEIGHT_WORDS_RE`), which
#: no description and no wrapped line of one starts with after two tokens.
_OCR_WEIGHT_LEAD_RE = re.compile(
    r"^\s*(?:(?P<level>[^\s\u0e01-\u0e2e()]{1,2})\s*[:.,;]?\s+)?"
    r"(?P<word>[^\s0-9๐-๙]{2,10})\s+(?P<weight>[^\s\u0e01-\u0e2e]{1,5}|(?=\S*[0-9๐-๙])\S{1,5})\s*")
#: What OCR made of a page number at a page's foot (``- 5 -`` read ``Site``): a
#: short line of no Thai letter and no digit. A table's rows go on after it.
_OCR_JUNK_RE = re.compile(r"^\s*[^\s\u0e01-\u0e4f0-9๐-๙]{1,6}\s*$")
#: On an OCR'd page: a level read as a Thai letter and a vowel (``ศุ`` for ``4``) before
#: ร้อยละ, its weight and the weight words (checked by :func:`_ocr_level_start`).
_OCR_LETTER_LEVEL_RE = re.compile(
    r"^\s*[ก-ฮ][\u0e31\u0e34-\u0e3a]?\s+(?P<word>ร้อยละ)\s+(?P<weight>\S{1,5})\s*")
_WEIGHT_WORDS_RE = KeyRegex(r"ของ\s*น้ำ\s*หนัก\s*คะ\s*แนน")


class _OcrStart(NamedTuple):
    """A level's start as OCR read it: the span of its level (None: lost), where its ร้อยละ ends."""

    level: tuple[int, int] | None
    end: int


def _ocr_level_start(text: str) -> _OcrStart | None:
    """Where an OCR'd level starts in ``text``, if ``text`` starts one.

    Its ร้อยละ as OCR reads it (:data:`_OCR_LEVEL_START_RE`), or any short word
    followed by the weight and the weight words (:data:`_OCR_WEIGHT_LEAD_RE`), or a
    level read as a Thai letter before ร้อยละ, the weight and the weight words
    (:data:`_OCR_LETTER_LEVEL_RE`; the level not read).
    """
    m = _OCR_LEVEL_START_RE.match(text)
    if m is None:
        m = _OCR_WEIGHT_LEAD_RE.match(text) or _OCR_LETTER_LEVEL_RE.match(text)
        if m is None or _WEIGHT_WORDS_RE.match(text[m.end():]) is None:
            return None
        if m.re is _OCR_LETTER_LEVEL_RE:  # the level read as a letter: not read
            return _OcrStart(None, m.end("word"))
        end = m.end("word")
    else:
        end = m.end()
    return _OcrStart(m.span("level") if m.group("level") else None, end)
_OCR_NUMBER_RE = re.compile(rf"{_NUM}")
#: Levels a scoring table lists.
_LEVELS = 5
#: Lines that open something else: a table's heading, a new indicator or project.
_OTHER_RE = KeyRegex(r"^\s*(?:เกณฑ์การให้คะแนน|ชื่อ\s*(?:ตัวชี้วัด|โครงการ)|ตาราง|มาตรการ"
                       r"|ตัวชี้วัด|แนวทางการประเมิน)")
#: Most lines of the repeated header and most lines of one row.
_HEADER_LINES_MAX = 6
_ROW_LINES_MAX = 12


def _is_gap(line: Line) -> bool:
    """A blank line, or a number alone (a page number; inside a row, its last cell)."""
    return not line.text.strip() or PAGE_NUMBER_RE.match(line.text) is not None


def _is_header_line(text: str) -> bool:
    """A line of a step table's header: its words, years or month abbreviations."""
    if any(m in text for m in _MONTHS) or "พ.ศ" in text:
        return True
    folded = key(text)
    return any(w in folded for w in _HEADER_KEYS)


#: A step table header's words, in key form (OCR loses their marks).
_HEADER_KEYS = tuple(key(w) for w in ("ร้อยละ", "ความก้าวหน้า", "ระยะเวลา", "ขั้นตอนการ"))


def _heading_run(lines: list[Line], i: int) -> list[Line]:
    """Line ``i`` (a heading) and the lines it continues onto, up to a gap or a table."""
    run = [lines[i]]
    for line in lines[i + 1:i + 4]:
        if _is_gap(line) or _OTHER_RE.match(line.text) or _STEP_HEADER_RE.match(line.text):
            break
        run.append(line)
    return run


def flow_steps(doc: RepairedText, lines: list[Line], read: set[int]) -> list[Flowed]:
    """Steps of the step tables whose header line is not in ``read`` (read as cells)."""
    out: list[Flowed] = []
    ctx = StepContext()
    i = 0
    while i < len(lines):
        line = lines[i]
        if INDICATOR_HEADING_RE.match(line.text):
            update_step_context(doc, ctx, [line])
            i += 1
            continue
        if PROJECT_HEADING_RE.match(line.text):  # its name runs on up to a gap or the table
            update_step_context(doc, ctx, [_joined(_heading_run(lines, i))])
            i += 1
            continue
        if not _STEP_HEADER_RE.match(line.text) or line.no in read:
            i += 1
            continue
        i = _read_steps(doc, lines, i, ctx, out)
    return out


def _glued(m: re.Match[str], expected: Decimal) -> tuple[int, int]:
    """Span of the step's percentage when the page ran it into the words before it.

    The digits before the cumulative end with ``expected`` (the cumulative less the
    one before): those last digits are the percentage. Else the span as matched.
    """
    start, end = m.span("pct")
    digits = m.group("pct").translate(_ARABIC)
    want = f"{expected.normalize():f}"
    if expected > 0 and len(digits) > len(want) and digits.endswith(want):
        return end - len(want), end
    return start, end


_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_THAI_DIGIT = re.compile("[๐-๙]")


def _starts(text: str, run: list[Line], pats: _StepPatterns) -> bool:
    """Whether ``text`` starts a step (after the lines ``run`` of the step before)."""
    if pats.start.match(text):
        return True
    return pats.ocr and bool(run) and _OCR_BARE_START.match(text) is not None \
        and _OCR_CELLS_END.search(_joined(run).text) is not None


def _skip_header(lines: list[Line], i: int, pats: _StepPatterns) -> int:
    """Index of the first line after the step table header starting at ``i``."""
    end = i + 1
    for j in range(i + 1, min(i + _HEADER_LINES_MAX, len(lines))):
        text = lines[j].text
        if pats.start.match(text) or _STEP_TOTAL_RE.match(text):
            break
        if _is_header_line(text):
            end = j + 1
    return end


def _read_steps(doc: RepairedText, lines: list[Line], i: int, ctx: StepContext,
                out: list[Flowed]) -> int:
    """Read one step table from its header at ``i``; return the index after it."""
    header = lines[i].no
    pats = _OCR if doc.ocr_used else _PRINTED
    i = _skip_header(lines, i, pats)
    cumulative = Decimal(0)
    read = False  # a step of this table read: a table may start at a later step,
    # continuing one whose start is elsewhere (its cumulative is then taken as read)
    lost = False  # the step before did not add up: the next one's cumulative is taken
    run: list[Line] = []
    while i < len(lines):
        line = lines[i]
        text = line.text
        if _STEP_HEADER_RE.match(text):  # the header repeated on the next page
            i = _skip_header(lines, i, pats)
            continue
        if _is_gap(line) and not (text.strip() and run):  # a number alone ends a step
            i += 1
            continue
        if _STEP_TOTAL_RE.match(text) or _OTHER_RE.match(text):
            break
        if not run and not pats.start.match(text):
            i += 1  # a cell's end after a page break, already read, or no step
            continue
        if run and _starts(text, run, pats):
            _add_unsure_step(doc, header, run, ctx, out, pats)
            run, lost = [], True
        run.append(line)
        i += 1
        found = None
        for joined in _joinings(run):
            found = _adds_up(joined, cumulative, lost or not read, pats)
            if found is not None:
                break
        if found is None:
            if len(run) >= _ROW_LINES_MAX:
                _add_unsure_step(doc, header, run, ctx, out, pats)
                run, lost = [], True
            continue
        m, pct_at, cum = found
        cumulative, read, lost = cum, True, False
        out.append(Flowed(header, run[0].no, RawRow("plan_steps", None, {
            "indicator_no": ctx.indicator_no,
            "project_name": ctx.project_name,
            "step_no": _step_no(doc, joined, m),
            "description": doc.raw_in(joined, m.start("body"), pct_at[0]),
            "step_pct": doc.raw_in(joined, *pct_at),
            "cumulative_pct": doc.raw_in(joined, *m.span("cum")),
        })))
        run = []
    if run:
        _add_unsure_step(doc, header, run, ctx, out, pats)
    return i


def _joinings(run: list[Line]) -> list[Line]:
    """The lines of one row as one line, two ways.

    As usual, then with a number the wrap cut (``2`` / ``0``) made whole.
    """
    if len(run) == 1:
        return [run[0]]
    return [_joined(run), join_lines(
        run, lambda a, b: "" if _DIGIT_END.search(a) and _DIGIT_START.match(b)
        else _between(a, b))]


def _adds_up(joined: Line, cumulative: Decimal, free: bool, pats: _StepPatterns
             ) -> tuple[re.Match[str], tuple[int, int], Decimal] | None:
    """The step match, its percentage's span and its cumulative, if the numbers add up.

    ``free``: the step before is unknown (the table starts at a later step, or
    the step before did not add up), so any cumulative not below the percentage
    is taken. On an OCR'd page the two numbers are written in one kind of digits:
    an Arabic digit among Thai ones (``๑๐ 7 ๓๐``) is a speck OCR read, no percentage.
    """
    m = pats.whole.match(joined.text)
    if m is None or (pats.ocr and (_THAI_DIGIT.search(m.group("pct")) is None)
                     != (_THAI_DIGIT.search(m.group("cum")) is None)):
        return None
    pct, cum = to_decimal(m.group("pct")), to_decimal(m.group("cum"))
    if pct is None or cum is None:
        return None
    if cum == cumulative + pct:
        return m, m.span("pct"), cum
    glued = _glued(m, cum - cumulative)  # ``๒๕๖๔๑๐``: a year and the 10 run together
    if glued != m.span("pct"):
        return m, glued, cum
    if free and to_int(m.group("no")) != 1 and cum >= pct:
        return m, m.span("pct"), cum
    return None


def _joined(run: list[Line], cut: bool = False) -> Line:
    """The lines of one row as one line (``22`` / ``.5`` read ``22.5``).

    ``cut``: the last line is the rest of a number the line before ends with
    (``๒`` / ``๐`` read ``๒๐``).
    """
    if len(run) == 1:
        return run[0]
    if not cut:
        return join_lines(run, _between)
    last = sum(1 for line in run if line.text.strip()) - 1  # the joins: one per inked line
    joins = [0]  # join_lines calls ``between`` once per inked line after the first, in order

    def between(left: str, right: str) -> str:
        joins[0] += 1
        return "" if joins[0] == last else _between(left, right)

    return join_lines(run, between)


def _between(left: str, right: str) -> str:
    """:func:`separator`, and nothing before a decimal point the wrap left a line to start."""
    if _DIGIT_END.search(left) and _DECIMALS_START.match(right):
        return ""
    return separator(left, right)


_DECIMALS_START = re.compile(rf"\.{DIGIT}")


_DIGIT_END = re.compile(f"{DIGIT}$")
_DIGIT_START = re.compile(DIGIT)


def _step_no(doc: RepairedText, joined: Line, m: re.Match[str]) -> Raw | None:
    """The step's number as read; None for what OCR read a number as (``©``)."""
    if not DIGITS_RE.fullmatch(m.group("no")):
        return None
    return doc.raw_in(joined, *m.span("no"))


def _add_unsure_step(doc: RepairedText, header: int, run: list[Line], ctx: StepContext,
                     out: list[Flowed], pats: _StepPatterns) -> None:
    """A step whose percentages do not add up: its number and words, no percentage.

    On an OCR'd page the numbers and marks after the words (cells whose digits OCR
    misread, so they did not add up) are not part of the words.
    """
    joined = _joined(run)
    m = pats.words.match(joined.text)
    if m is None:
        return
    end = m.end("body")
    if pats.ocr:
        cells = _OCR_CELLS_END.search(joined.text, m.start("body")) \
            or _OCR_LATIN_CELLS_END.search(joined.text, m.start("body"))
        if cells is not None and cells.start() > m.start("body"):
            end = cells.start()
    out.append(Flowed(header, run[0].no, RawRow("plan_steps", None, {
        "indicator_no": ctx.indicator_no,
        "project_name": ctx.project_name,
        "step_no": _step_no(doc, joined, m),
        "description": doc.raw_in(joined, m.start("body"), end),
        "step_pct": None,
        "cumulative_pct": None,
    })))


def flow_levels(doc: RepairedText, lines: list[Line], read: set[int]
                ) -> list[Flowed]:
    """Levels of the scoring tables whose header line is not in ``read`` (read as cells)."""
    out: list[Flowed] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.no in read or not (_is_level_header(lines, i) or (
                doc.ocr_used and _is_ocr_level_header(lines, i))):
            i += 1
            continue
        headings = [ln for ln in lines[max(0, i - 6):i] if ln.text.strip()]
        indicator = scoring_indicator(doc, headings)
        header = line.no
        run: list[Line] = []
        cut = False  # whether the run's last line is the rest of a score the wrap cut
        junk = False  # whether OCR junk was passed over since the run's last line
        i += 1
        while i < len(lines):
            line = lines[i]
            if not cut and _cut_score(doc, run, lines[i - 1], line):
                run.append(line)
                cut = True
            elif doc.ocr_used and _junk_after(run, line):
                junk = junk or bool(run)
            elif junk and not _LEVEL_START_RE.match(line.text) \
                    and _ocr_level_start(line.text) is None and _OTHER_RE.match(line.text) is None \
                    and not _LEVEL_HEADER_RE.match(line.text) and not _is_gap(line):
                # the rest of a row OCR read as junk: no part of the whole row above
                _add_level(doc, header, run, indicator, out, cut)
                run, cut, junk = [line], False, False
            elif _level_gap(line, doc.ocr_used) \
                    and not (line.text.strip() and _open(run, _LEVEL_RE)):
                if not _next_is_level(lines, i, doc.ocr_used) \
                        and not (doc.ocr_used and _open(run, _LEVEL_RE)
                                 and _page_turns(doc, lines, i)):
                    break
            elif _OTHER_RE.match(line.text) or _LEVEL_HEADER_RE.match(line.text):
                break
            elif _LEVEL_START_RE.match(line.text) or (
                    doc.ocr_used and _ocr_level_start(line.text)):
                _add_level(doc, header, run, indicator, out, cut)
                run, cut, junk = [line], False, False
            elif run:  # else the header's wrapped words
                run.append(line)
                cut = False
            i += 1
        _add_level(doc, header, run, indicator, out, cut)
        if doc.ocr_used:
            _levels_by_place(out, header)
    return out


def _levels_by_place(out: list[Flowed], header: int) -> None:
    """Give an OCR'd table's levels lost or misread the level their place says.

    Only a table of all five levels whose other levels read in one order
    (:func:`~bma_etl.normalize.trust.level_places`); the level is derived, its note
    quoting what OCR read.
    """
    rows = [f.row for f in out if f.header == header]
    if len(rows) != _LEVELS:
        return
    raws = [r.fields.get("level") for r in rows]
    read = [to_int(r.text) if isinstance(r, Raw) else None for r in raws]
    places = level_places(read)
    if places is None:
        return
    for row, raw, got, want in zip(rows, raws, read, places, strict=True):
        if got == want:
            continue
        seen = f"OCR read {raw.text!r}" if isinstance(raw, Raw) else "OCR read no level"
        row.fields["level"] = Derived(
            want, f"level {want} from its place in the table's {_LEVELS} levels ({seen})",
            raw.span if isinstance(raw, Raw) else None)


def _is_level_header(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` opens a scoring table (``ระดับความสำเร็จ ... คะแนน``)."""
    return _LEVEL_HEADER_RE.match(lines[i].text) is not None \
        and "คะแนน" in "".join(ln.text for ln in lines[i:i + 2]).replace(" ", "")


#: The scoring table header's words in key form, as OCR may misread them: its first
#: word's letters after ``ระดับความสำ`` (``สําเว็จ``) and ``คะแนน`` (``คะ ะแนน``).
_OCR_HEADER_START = key("ระดับความสำ")
_OCR_HEADER_WORDS = (key("เกณฑ์ร้อยละ"), key("คะแนน"))


def _is_ocr_level_header(lines: list[Line], i: int) -> bool:
    """On an OCR'd page: the header, its first word misread, with its other words."""
    if not key(lines[i].text).startswith(_OCR_HEADER_START):
        return False
    window = key(" ".join(ln.text for ln in lines[i:i + 2]))
    return all(w in window for w in _OCR_HEADER_WORDS[:1]) and (
        _OCR_HEADER_WORDS[1] in window or "แนน" in window)


def _cut_score(doc: RepairedText, run: list[Line], previous: Line, line: Line) -> bool:
    """Whether ``line`` holds only the rest of the score that ends the level ``run`` holds.

    A flowing print cuts a row's last cell, its score, where the page is full
    (``... กรุงเทพมหานคร ๒`` / ``๐``, or ``๒`` / ``๗`` on the next page): the
    run's last line ends in a digit and the reader saw the page wrap it with no
    space (:attr:`RepairedText.wraps`, not :attr:`RepairedText.spaced`), and
    ``line``, next after it (``previous``: the line before ``line``, furniture
    left out), is digits alone. A level's score is one number: the two pieces are one.
    """
    if not run or previous.no != run[-1].no or not DIGITS_RE.fullmatch(line.text.strip()):
        return False
    last = run[-1]
    return last.no in doc.wraps and last.no not in doc.spaced \
        and _DIGIT_END.search(last.text.rstrip()) is not None \
        and _LEVEL_RE.match(_joined(run).text) is not None


def _add_level(doc: RepairedText, header: int, run: list[Line], indicator: FieldValue,
               out: list[Flowed], cut: bool = False) -> None:
    """Read the level the lines ``run`` hold, if they hold one.

    ``cut``: the run's last line is the rest of its score (:func:`_cut_score`),
    joined to the digits before it with no space.
    """
    if not run or len(run) > _ROW_LINES_MAX:
        return
    joined = _joined(run, cut)
    m = _LEVEL_RE.match(joined.text)
    if m is None:
        if doc.ocr_used:
            _add_ocr_level(doc, header, joined, indicator, out)
        return
    out.append(Flowed(header, run[0].no, RawRow("plan_scoring_levels", None, {
        "indicator": indicator,
        "level": doc.raw_in(joined, *m.span("level")),
        "weight_pct": doc.raw_in(joined, *m.span("weight")),
        "description": doc.raw_in(joined, *m.span("desc")),
        "score": doc.raw_in(joined, *m.span("score")),
    })))


def _junk_after(run: list[Line], line: Line) -> bool:
    """On an OCR'd page: whether ``line`` is junk (:func:`~.plan_cells.few_letters`) after ``run``.

    Only before the first level or after a whole one (its score read): a level's
    own lines may end with a short piece of a word or its score alone. A level's
    first line has its ร้อยละ or its words: junk that looks like a level's start
    (``5 Spe``, as ``๑ VAY`` is) is still junk.
    """
    return (not run or _whole(run)) and few_letters(line.text)


def _whole(run: list[Line]) -> bool:
    """Whether the level ``run`` holds has its score: as printed, or its last word a number."""
    text = _joined(run).text.rstrip()
    if _LEVEL_RE.match(text) is not None:
        return True
    last = text.rsplit(None, 1)[-1] if text else ""
    return _ocr_level_start(text) is not None and DIGITS_RE.fullmatch(last) is not None


def _open(run: list[Line], pattern: KeyRegex) -> bool:
    """Whether the row ``run`` holds is started and not yet whole (a number alone may end it)."""
    if not run:
        return False
    return pattern.match(_joined(run).text) is None


def _level_gap(line: Line, ocr: bool) -> bool:
    """:func:`_is_gap`, and on an OCR'd page a line of what OCR made of a page number."""
    return _is_gap(line) or (ocr and _OCR_JUNK_RE.match(line.text) is not None)


def _page_turns(doc: RepairedText, lines: list[Line], i: int) -> bool:
    """Whether the gap at ``i`` runs to the page's end: a row OCR read goes on after it.

    OCR reads the page's margins as blank lines or junk that are not furniture.
    """
    j = i
    while j < len(lines) and _level_gap(lines[j], True):
        j += 1
    if j == len(lines):
        return False
    here, there = doc.index.page_of(lines[i].start), doc.index.page_of(lines[j].start)
    return here is not None and there is not None and there > here


def _next_is_level(lines: list[Line], i: int, ocr: bool) -> bool:
    """Whether the first line after the gap at ``i`` starts a level (a page broke)."""
    j = i
    while j < len(lines) and _level_gap(lines[j], ocr):
        j += 1
    if j == len(lines):
        return False
    text = lines[j].text
    return _LEVEL_START_RE.match(text) is not None or (
        ocr and _ocr_level_start(text) is not None)


def _add_ocr_level(doc: RepairedText, header: int, joined: Line, indicator: FieldValue,
                   out: list[Flowed]) -> None:
    """A level OCR read damaged: its level, weight and score only when read as numbers."""
    m = _ocr_level_start(joined.text)
    if m is None:
        return
    text = joined.text
    fields: dict[str, FieldValue] = {"indicator": indicator, "level": None,
                                     "weight_pct": None, "score": None}
    if m.level is not None and DIGITS_RE.fullmatch(text[m.level[0]:m.level[1]]):
        fields["level"] = doc.raw_in(joined, *m.level)
    start = m.end
    weight = re.compile(r"\s*(\S+)").match(text, start)
    if weight is not None and _OCR_NUMBER_RE.fullmatch(weight.group(1)):
        fields["weight_pct"] = doc.raw_in(joined, *weight.span(1))
    if weight is not None and not re.search("[\u0e01-\u0e2e]", weight.group(1)):
        start = weight.end()
    words = _WEIGHT_WORDS_RE.search(text[:start + 30], start)
    if words is not None and not text[start:words.start()].strip(" :;.,"):
        start = words.end()
    end = len(text.rstrip())
    score = re.compile(r"(\S+)\s*$").search(text, start)
    if score is not None and _OCR_NUMBER_RE.fullmatch(score.group(1)):
        fields["score"] = doc.raw_in(joined, *score.span(1))
        end = score.start()
    fields["description"] = doc.raw_in(joined, start, end)
    out.append(Flowed(header, joined.no, RawRow("plan_scoring_levels", None, fields)))

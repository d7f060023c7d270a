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

Only tables the cell readers (:mod:`bma_etl.layouts.plan_tables`,
:mod:`bma_etl.layouts.plan_steps`) read no row from are read here. Consumes the
document's lines (page furniture left out); produces raw ``plan_steps`` and
``plan_scoring_levels`` rows, each with the number of the line it starts on.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bma_etl.layouts.base import FieldValue, Line, RawRow, RepairedText
from bma_etl.layouts.plan_steps import (
    INDICATOR_HEADING_RE,
    PROJECT_HEADING_RE,
    StepContext,
    update_step_context,
)
from bma_etl.layouts.plan_tables import (
    DIGIT,
    PAGE_NUMBER_RE,
    scoring_indicator,
    to_decimal,
    to_int,
)
from bma_etl.rows import join_lines

__all__ = ["flow_levels", "flow_steps"]

_NUM = rf"{DIGIT}+(?:\.{DIGIT}+)?"
_STEP_HEADER_RE = re.compile(r"^\s*ขั้นตอน\s*การ\s*ดำเนิน\s*งาน")
#: A step's first line: its number, alone or before its words.
_STEP_START_RE = re.compile(rf"^\s*(?P<no>{DIGIT}{{1,2}})\s*[.)](?!{DIGIT})(?:\s|$)")
#: The table's total row (``รวม ๕ ขั้นตอน คิดเป็นร้อยละ``); not ``รวมทั้ง...``, a word.
_STEP_TOTAL_RE = re.compile(rf"^\s*รวม\s*(?:ทั้งสิ้น\s*)?(?:{DIGIT}+\s*ขั้นตอน|$|{DIGIT})")
#: A whole step as joined: number, words, percentage, cumulative, schedule marks.
_STEP_RE = re.compile(
    rf"^\s*(?P<no>{DIGIT}{{1,2}})\s*[.)]\s*(?P<body>.*?)\s*(?P<pct>{_NUM})\s+(?P<cum>{_NUM})"
    rf"[\s←→↔\-]*$", re.S)
_MONTHS = ("ต.ค", "พ.ย", "ธ.ค", "ม.ค", "ก.พ", "มี.ค", "เม.ย", "พ.ค", "มิ.ย", "ก.ค", "ส.ค", "ก.ย")
_LEVEL_HEADER_RE = re.compile(r"^\s*ระดับ\s*ความ\s*สำเร็จ")
_LEVEL_START_RE = re.compile(r"^\s*(?P<level>[1-5๑-๕])\s+ร้อยละ")
_LEVEL_RE = re.compile(
    rf"^\s*(?P<level>[1-5๑-๕])\s+ร้อยละ\s*(?P<weight>{_NUM})(?:\s*ของ\s*น้ำ\s*หนัก\s*คะแนน)?"
    rf"\s*(?P<desc>.*?)\s*(?P<score>{_NUM})\s*$", re.S)
#: Lines that open something else: a table's heading, a new indicator or project.
_OTHER_RE = re.compile(r"^\s*(?:เกณฑ์การให้คะแนน|ชื่อ\s*(?:ตัวชี้วัด|โครงการ)|ตาราง|มาตรการ\s"
                       r"|ตัวชี้วัด\s)")
#: Most lines of the repeated header and most lines of one row.
_HEADER_LINES_MAX = 6
_ROW_LINES_MAX = 12


def _is_gap(line: Line) -> bool:
    return not line.text.strip() or PAGE_NUMBER_RE.match(line.text) is not None


def _is_header_line(text: str) -> bool:
    """A line of a step table's header: its words, years or month abbreviations."""
    if any(m in text for m in _MONTHS) or "พ.ศ" in text:
        return True
    return any(w in text for w in ("ร้อยละ", "ความก้าวหน้า", "ระยะเวลา", "ขั้นตอนการ"))


def _heading_run(lines: list[Line], i: int) -> list[Line]:
    """Line ``i`` (a heading) and the lines it continues onto, up to a gap or a table."""
    run = [lines[i]]
    for line in lines[i + 1:i + 4]:
        if _is_gap(line) or _OTHER_RE.match(line.text) or _STEP_HEADER_RE.match(line.text):
            break
        run.append(line)
    return run


def flow_steps(doc: RepairedText, lines: list[Line], read: set[int]) -> list[tuple[int, RawRow]]:
    """Steps of the step tables whose header line is not in ``read`` (read as cells)."""
    out: list[tuple[int, RawRow]] = []
    ctx = StepContext()
    i = 0
    while i < len(lines):
        line = lines[i]
        if INDICATOR_HEADING_RE.match(line.text) or PROJECT_HEADING_RE.match(line.text):
            update_step_context(doc, ctx, _heading_run(lines, i))
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


def _skip_header(lines: list[Line], i: int) -> int:
    """Index of the first line after the step table header starting at ``i``."""
    end = i + 1
    for j in range(i + 1, min(i + _HEADER_LINES_MAX, len(lines))):
        text = lines[j].text
        if _STEP_START_RE.match(text) or _STEP_TOTAL_RE.match(text):
            break
        if _is_header_line(text):
            end = j + 1
    return end


def _read_steps(doc: RepairedText, lines: list[Line], i: int, ctx: StepContext,
                out: list[tuple[int, RawRow]]) -> int:
    """Read one step table from its header at ``i``; return the index after it."""
    i = _skip_header(lines, i)
    cumulative = Decimal(0)
    read = False  # a step of this table read: a table may start at a later step,
    # continuing one whose start is elsewhere (its cumulative is then taken as read)
    run: list[Line] = []
    while i < len(lines):
        line = lines[i]
        text = line.text
        if _STEP_HEADER_RE.match(text):  # the header repeated on the next page
            i = _skip_header(lines, i)
            continue
        if _is_gap(line) and not (text.strip() and _open(run, _STEP_RE)):
            i += 1
            continue
        if _STEP_TOTAL_RE.match(text) or _OTHER_RE.match(text):
            break
        if not run and not _STEP_START_RE.match(text):
            i += 1  # a cell's end after a page break, already read, or no step
            continue
        if run and _STEP_START_RE.match(text):
            run = []  # the step before never added up: left unread
        run.append(line)
        i += 1
        joined = join_lines(run) if len(run) > 1 else run[0]
        m = _STEP_RE.match(joined.text)
        pct = to_decimal(m.group("pct")) if m else None
        cum = to_decimal(m.group("cum")) if m else None
        first = to_int(m.group("no")) != 1 and not read if m else False
        pct_at = m.span("pct") if m else (0, 0)
        if m is not None and pct is not None and cum is not None and cum != cumulative + pct:
            pct_at = _glued(m, cum - cumulative)  # ``๒๕๖๔๑๐``: a year and the 10 run together
            pct = cum - cumulative if pct_at != m.span("pct") else pct
        if m is None or pct is None or cum is None or (
                cum != cumulative + pct and not (first and cum >= pct)):
            if len(run) >= _ROW_LINES_MAX:
                run = []
            continue
        cumulative, read = cum, True
        out.append((run[0].no, RawRow("plan_steps", None, {
            "indicator_no": ctx.indicator_no,
            "project_name": ctx.project_name,
            "step_no": doc.raw_in(joined, *m.span("no")),
            "description": doc.raw_in(joined, m.start("body"), pct_at[0]),
            "step_pct": doc.raw_in(joined, *pct_at),
            "cumulative_pct": doc.raw_in(joined, *m.span("cum")),
        })))
        run = []
    return i


def flow_levels(doc: RepairedText, lines: list[Line], read: set[int]
                ) -> list[tuple[int, RawRow]]:
    """Levels of the scoring tables whose header line is not in ``read`` (read as cells)."""
    out: list[tuple[int, RawRow]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not _LEVEL_HEADER_RE.match(line.text) or line.no in read \
                or "คะแนน" not in "".join(ln.text for ln in lines[i:i + 2]).replace(" ", ""):
            i += 1
            continue
        headings = [ln for ln in lines[max(0, i - 6):i] if ln.text.strip()]
        indicator = scoring_indicator(doc, headings)
        run: list[Line] = []
        i += 1
        while i < len(lines):
            line = lines[i]
            if _is_gap(line) and not (line.text.strip() and _open(run, _LEVEL_RE)):
                if not _next_is_level(lines, i):
                    break
            elif _OTHER_RE.match(line.text) or _LEVEL_HEADER_RE.match(line.text):
                break
            elif _LEVEL_START_RE.match(line.text):
                _add_level(doc, run, indicator, out)
                run = [line]
            elif run:  # else the header's wrapped words
                run.append(line)
            i += 1
        _add_level(doc, run, indicator, out)
    return out


def _add_level(doc: RepairedText, run: list[Line], indicator: FieldValue,
               out: list[tuple[int, RawRow]]) -> None:
    """Read the level the lines ``run`` hold, if they hold one."""
    if not run or len(run) > _ROW_LINES_MAX:
        return
    joined = join_lines(run) if len(run) > 1 else run[0]
    m = _LEVEL_RE.match(joined.text)
    if m is None:
        return
    out.append((run[0].no, RawRow("plan_scoring_levels", None, {
        "indicator": indicator,
        "level": doc.raw_in(joined, *m.span("level")),
        "weight_pct": doc.raw_in(joined, *m.span("weight")),
        "description": doc.raw_in(joined, *m.span("desc")),
        "score": doc.raw_in(joined, *m.span("score")),
    })))


def _open(run: list[Line], pattern: re.Pattern[str]) -> bool:
    """Whether the row ``run`` holds is started and not yet whole (a number alone may end it)."""
    if not run:
        return False
    joined = join_lines(run) if len(run) > 1 else run[0]
    return pattern.match(joined.text) is None


def _next_is_level(lines: list[Line], i: int) -> bool:
    """Whether the first line after the gap at ``i`` starts a level (a page broke)."""
    j = i
    while j < len(lines) and _is_gap(lines[j]):
        j += 1
    return j < len(lines) and _LEVEL_START_RE.match(lines[j].text) is not None

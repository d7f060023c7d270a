"""Annual action plan (แผนปฏิบัติการประจำปี) of a BMA agency.

Stage: extract. Consumes the repaired text of one plan; produces raw rows for
``plans`` (title, agency, fiscal year, vision, missions), ``plan_swot_items``
(the SWOT analysis lists), ``plan_projects`` and ``plan_sections`` (the budget
summary tables under สรุปโครงการและงบประมาณ...), ``plan_indicators`` (targets
under year columns), ``plan_scoring_levels`` (เกณฑ์การให้คะแนน tables),
``plan_steps`` (ขั้นตอนการดำเนินงาน tables, :mod:`bma_etl.layouts.plan_steps`)
and ``plan_kpi_definitions`` (tables with a นิยาม/คำอธิบายตัวชี้วัด column).

Sections are recognised by their heading words and tables by their column
headers (:mod:`bma_etl.layouts.plan_tables`), never by position or count: another
agency's plan orders and words them differently. A summary table's stated total
is loaded as written beside the sum of its items; when they differ the finding
``total_mismatch`` says so, and neither number is corrected.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from bma_etl.errors import ExtractError
from bma_etl.layouts.base import (
    Derived,
    Extraction,
    FieldValue,
    Finding,
    Layout,
    Line,
    Raw,
    RawRow,
    RepairedText,
    Signal,
    score_signals,
)
from bma_etl.layouts.plan_flow import Flowed, flow_levels, flow_steps
from bma_etl.layouts.plan_plain import AMOUNT_BAHT_RE, PlainTable, plain_tables, read_plain_table
from bma_etl.layouts.plan_steps import StepContext, read_step_table, update_step_context
from bma_etl.layouts.plan_tables import (
    AMOUNT_RE,
    DIGIT,
    DIGITS_RE,
    ITEM_RE,
    PAGE_NUMBER_RE,
    BudgetTable,
    Cell,
    Row,
    Table,
    blank_tags,
    blocks_of,
    cell_pieces,
    find_col,
    finish_text_fields,
    first_match,
    is_total,
    joined,
    kind_of,
    pieces,
    put_budget,
    read_kpi_table,
    read_scoring_table,
    read_target_table,
    segments,
    tables_of,
    to_int,
    unplaced,
    value,
)
from bma_etl.normalize.digits import NO_BUDGET_RE
from bma_etl.records import (
    Plan,
    PlanIndicator,
    PlanKpiDefinition,
    PlanProject,
    PlanScoringLevel,
    PlanSection,
    PlanStep,
    PlanSwotItem,
)

log = logging.getLogger(__name__)

TITLE = "แผนปฏิบัติการประจำปี"

_PLAN_WORDS = r"แผนปฏิบัติ\s*(?:การ|ราชการ)\s*ประจำปี(?:\s*งบประมาณ)?"
_BE = r"(?:พ\s*\.\s*ศ\s*\.?)"
#: ``แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๕`` on one line.
_TITLE_RE = re.compile(
    rf"^\s*(?P<title>{_PLAN_WORDS}\s*{_BE}?\s*(?P<year>{DIGIT}{{4}}))(?:\s+(?P<rest>\S.*?))?\s*$"
)
#: The same as OCR may read it: a year with a digit too many (``พ.ศ. ๒๕๒๐๐``), which is
#: no year (the fiscal year is then left to the plan's other lines).
_OCR_TITLE_RE = re.compile(
    rf"^\s*(?P<title>{_PLAN_WORDS}\s*{_BE}?\s*{DIGIT}{{4,6}})(?:\s+(?P<rest>\S.*?))?\s*$"
)
#: The cover's ``แผนปฏิบัติการ ประจำปี`` with the year on a line of its own.
_TITLE_START_RE = re.compile(rf"^\s*{_PLAN_WORDS}\s*$")
_YEAR_LINE_RE = re.compile(rf"^\s*{_BE}?\s*(?P<year>{DIGIT}{{4}})\s*$")
#: Words an organisation's name starts with (agency and parent agency lines).
_ORG_RE = re.compile(
    r"(?:สำนัก|กอง|ส่วน|ฝ่าย|กลุ่ม|ศูนย์|สถาบัน|โรงพยาบาล|สถานี|กรุงเทพมหานคร|เขต|วิทยาลัย)"
)
#: Headings of the plan's narrative part (heading words → field).
HEADINGS: dict[str, str] = {
    r"วิสัยทัศน์(?:\s*\(\s*Vision\s*\))?": "vision",
    r"พันธกิจ(?:\s*\(\s*Missions?\s*\))?": "missions",
}
_HEADING_RES = [
    (re.compile(rf"^\s*(?:{words})\s*(?::\s*(?P<rest>\S.*?))?\s*$", re.IGNORECASE), name)
    for words, name in HEADINGS.items()
]
#: The budget summary's heading (สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการ...).
SUMMARY_HEADING = re.compile(r"^\s*สรุป.{0,60}งบประมาณ")
#: Heading words naming a summary table's section, checked in this order
#: (the strategic heading also says ประจำปี, so routine needs พื้นฐาน or งานประจำ).
SECTION_WORDS: tuple[tuple[str, str], ...] = (
    (r"พื้นฐาน|งานประจำ|โครงการประจำ(?!ปี\s*(?:งบประมาณ\s*)?พ)", "routine"),
    (r"สำคัญ|ตามภารกิจ", "key"),
    (r"ยุทธศาสตร์", "strategic"),
)
_SECTION_RES = [(re.compile(p), s) for p, s in SECTION_WORDS]

#: Scanned for the title and the agency: the cover and title page.
_HEAD_LINES = 80
#: Longer lines are paragraphs, not headings.
_HEADING_MAX = 160


#: What marks an annual action plan (regex → points).
SIGNALS = (
    Signal(_PLAN_WORDS, 0.4, 3000, phrase="แผนปฏิบัติการประจำปี"),
    Signal(SUMMARY_HEADING.pattern, 0.25, None, ("สรุป",), phrase="สรุปโครงการและงบประมาณ"),
    Signal("วิสัยทัศน์", 0.05),
    Signal("พันธกิจ", 0.05),
    Signal(r"โครงการยุทธศาสตร์|โครงการสำคัญตามภารกิจ|ประจำ(?:ปี)?พื้นฐาน", 0.1),
    Signal("เกณฑ์การให้คะแนน", 0.1),
    Signal("ขั้นตอนการดำเนินงาน", 0.1),
)


def score(doc: RepairedText) -> float:
    """Score how much ``doc`` looks like an annual action plan (0..1, never raises)."""
    return score_signals(doc, SIGNALS)


def extract(doc: RepairedText) -> Extraction:
    """Read one annual action plan into raw rows of the eight plan tables."""
    out = Extraction()
    lines = list(doc.lines())
    out.rows.append(_plan_row(doc, _untabbed(lines, leading=True)))
    out.rows.extend(swot_rows(doc, _untabbed(lines)))
    tables = tables_of(blocks_of(doc, lines))
    out.rows.extend(_summary_rows(doc, lines, tables, out.findings))
    targets: list[RawRow] = []
    levels: list[RawRow] = []
    steps: list[RawRow] = []
    definitions: list[RawRow] = []
    ctx = StepContext()
    previous: Table | None = None
    as_cells: dict[str, list[tuple[Table, list[RawRow]]]] = {"scoring": [], "steps": []}
    for table in tables:
        if table.kind == "targets":
            targets.extend(read_target_table(doc, table, out.findings))
        elif table.kind == "scoring":
            as_cells["scoring"].append((table, read_scoring_table(doc, table, out.findings)))
        elif table.kind == "steps":
            update_step_context(doc, ctx, table.headings)
            found = read_step_table(doc, table, ctx, out.findings, len(steps) + 1)
            as_cells["steps"].append((table, found))
            steps.extend(found)
        elif table.kind == "kpi":
            # A definition table right after another may open with the rest of its last row.
            carry = definitions[-1] if definitions and previous is not None \
                and previous.kind == "kpi" else None
            definitions.extend(read_kpi_table(doc, table, out.findings, carry))
        previous = table
    levels = _with_flowing(as_cells["scoring"], flow_levels(
        doc, lines, _read_whole(as_cells["scoring"])))
    steps = _with_flowing(as_cells["steps"], flow_steps(doc, lines, _read_whole(as_cells["steps"])))
    for ordinal, row in enumerate(steps, start=1):
        row.ordinal = ordinal
    finish_text_fields(doc, definitions)
    for rows in (targets, levels, definitions):
        for ordinal, row in enumerate(rows, start=1):
            row.ordinal = ordinal
        out.rows.extend(rows)
    out.rows.extend(steps)
    return out


#: A row's own fields (not those its headings give) in the step and scoring tables.
_OWN_FIELDS = ("step_no", "level", "weight_pct", "description", "score", "step_pct",
               "cumulative_pct")


def _whole(rows: list[RawRow]) -> bool:
    """Whether every row read as cells has its own fields (a flowing row cut into cells has not)."""
    return bool(rows) and all(r.fields.get(name) is not None for r in rows
                              for name in _OWN_FIELDS if name in r.fields)


def _read_whole(tables: list[tuple[Table, list[RawRow]]]) -> set[int]:
    """Line numbers of the tables whose rows were read whole as cells."""
    return {r.line.no for table, rows in tables if _whole(rows) for r in table.rows}


def _with_flowing(tables: list[tuple[Table, list[RawRow]]], flowing: list[Flowed]
                  ) -> list[RawRow]:
    """Rows read as cells, or from flowing text where the cells gave less, in line order.

    A table whose rows as cells lack fields (a row the page flowed over several
    lines comes back as a first line of cells and lines of words) is read from
    flowing text when that finds rows under its header; the flowing rows go
    before the first row read as cells that starts on a later line.
    """
    by_header: dict[int, list[Flowed]] = {}
    for f in flowing:
        by_header.setdefault(f.header, []).append(f)
    rows: list[RawRow] = []
    for table, found in tables:
        if not _whole(found) and table.first_line in by_header:
            continue  # read below, from flowing text
        rows.extend(found)
    flows = [f for fs in by_header.values() for f in fs]
    flows.sort(key=lambda f: f.line)
    starts = [_first_line(r) for r in rows]
    out: list[RawRow] = []
    k = 0
    for f in flows:
        while k < len(rows) and starts[k] < f.line:
            out.append(rows[k])
            k += 1
        out.append(f.row)
    return out + rows[k:]


def _first_line(row: RawRow) -> int:
    """Line number of the first value of ``row`` (0 when it has none)."""
    for v in row.fields.values():
        first = v[0] if isinstance(v, list) and v else v
        if isinstance(first, Raw):
            return first.span.line_no
    return 0


# ---------------------------------------------------------------------------
# plans
# ---------------------------------------------------------------------------


def _untabbed(lines: list[Line], leading: bool = False) -> list[Line]:
    """``lines`` with the tabs cut off the end of a line that has one cell only.

    A paragraph of a PDF with ruled tables can come back with a tab after it, or
    before it (the reader's gap to a margin): it is a line of text, not a table
    row. ``leading``: cut tabs before the text as well (the plan's header, vision
    and missions, where a one-cell table row does not occur).
    """
    out = []
    for line in lines:
        if "\t" in line.text and (leading or not line.text.startswith("\t")):
            text = line.text.rstrip("\t \u00a0")
            lead = len(text) - len(text.lstrip("\t")) if leading else 0
            if "\t" not in text[lead:]:
                line = Line(line.no, line.start + lead, text[lead:])
        out.append(line)
    return out



def _plan_row(doc: RepairedText, lines: list[Line]) -> RawRow:
    """Read title, fiscal year and agencies from the title page; vision and missions."""
    row = RawRow("plans", None)
    head = [ln for ln in lines[:_HEAD_LINES] if "\t" not in ln.text]
    found = _read_title(doc, head, row)
    if found is not None:
        same_line, after = found
        following = [ln for ln in head if ln.no > after and ln.text.strip()]
        _read_agencies(doc, [same_line, *following] if same_line else following, row)
    for i, line in enumerate(lines):
        if all(name in row.fields for _, name in _HEADING_RES):
            break  # every heading read: only the first of each counts
        if "\t" in line.text:
            continue
        for regex, name in _HEADING_RES:
            m = regex.match(line.text)
            if not m or name in row.fields:
                continue
            inline = doc.raw_match(m, "rest", base=line.start) if m.group("rest") else None
            if name == "vision":
                row.fields[name] = inline or _paragraph(doc, lines[i + 1:])
            else:
                row.fields[name] = [inline] if inline else _items(doc, lines[i + 1:])
    return row


def _read_title(doc: RepairedText, head: list[Line], row: RawRow
                ) -> tuple[Line | None, int] | None:
    """Set ``title`` and ``fiscal_year_be``.

    Returns what follows the title on its line (the agency, when printed there)
    and the number of the line the title ends on; None when there is no title.
    """
    for line in head:
        m = _TITLE_RE.match(line.text) or (
            _OCR_TITLE_RE.match(line.text) if doc.ocr_used else None)
        if m:
            row.fields["title"] = doc.raw_match(m, "title", base=line.start)
            if m.re is _TITLE_RE:
                row.fields["fiscal_year_be"] = doc.raw_match(m, "year", base=line.start)
            rest = None
            if m.group("rest"):
                rest = Line(line.no, line.start + m.start("rest"), m.group("rest"))
            return rest, line.no
    filled = [ln for ln in head if ln.text.strip()]
    for first, second in pairwise(filled):
        year = _YEAR_LINE_RE.match(second.text)
        if _TITLE_START_RE.match(first.text) and year:
            title = [doc.raw(first.start, first.end), doc.raw(second.start, second.end)]
            row.fields["title"] = [p for p in title if p is not None]
            row.fields["fiscal_year_be"] = doc.raw_match(year, "year", base=second.start)
            return None, second.no
    return None


def _read_agencies(doc: RepairedText, following: list[Line], row: RawRow) -> None:
    """``agency parent`` on one line after the title, or on two lines one under the other."""
    if not following or not _ORG_RE.match(following[0].text.strip()):
        return
    line = following[0]
    text = line.text
    # The parent is the last organisation name on the line: split before it.
    for m in reversed(list(re.finditer(r"\s+", text.strip()))):
        cut = len(text) - len(text.lstrip()) + m.end()
        before = text[: cut - len(m.group(0))]
        if _ORG_RE.match(text[cut:]) and before.strip():
            row.fields["agency"] = doc.raw(line.start, line.start + len(before))
            row.fields["parent_agency"] = doc.raw(line.start + cut, line.end)
            return
    row.fields["agency"] = doc.raw(line.start, line.end)
    if len(following) > 1:
        nxt = following[1]
        if _ORG_RE.match(nxt.text.strip()) and len(nxt.text.strip()) <= 60:
            row.fields["parent_agency"] = doc.raw(nxt.start, nxt.end)


def _paragraph(doc: RepairedText, lines: list[Line]) -> Raw | list[Raw] | None:
    """Read the first paragraph after a heading: non-blank lines up to a blank one."""
    parts: list[Raw] = []
    for line in lines:
        if "\t" in line.text:
            break
        if not line.text.strip():
            if parts:
                break
            continue
        raw = doc.raw(line.start, line.end)
        if raw is not None:
            parts.append(raw)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else parts


def _items(doc: RepairedText, lines: list[Line]) -> list[Raw] | None:
    """Read the numbered items (``๑. ...``) after a heading, each without its number.

    A line without a number right under an item (no blank line between) continues
    it; a line without a number after a blank line is the next heading.
    """
    spans: list[tuple[int, int]] = []
    blank_before = False
    for line in lines:
        if "\t" in line.text:
            break
        if not line.text.strip():
            blank_before = True
            continue
        m = ITEM_RE.match(line.text)
        if m:
            spans.append((line.start + m.start("body"), line.end))
        elif spans and not blank_before:
            spans[-1] = (spans[-1][0], line.end)
        else:
            break
        blank_before = False
    raws = [doc.raw(a, b) for a, b in spans]
    found = [r for r in raws if r is not None]
    return found or None


# ---------------------------------------------------------------------------
# plan_swot_items
# ---------------------------------------------------------------------------

#: SWOT headings: the Thai and English words of each kind, and its letter.
SWOT_KINDS: tuple[tuple[str, str, str], ...] = (
    ("strength", r"จุดแข็ง|Strengths?", "S"),
    ("weakness", r"จุดอ่อน|Weakness(?:es)?", "W"),
    ("opportunity", r"โอกาส|Opportunit(?:y|ies)", "O"),
    ("threat", r"อุปสรรค|ภัยคุกคาม|Threats?", "T"),
)
#: A kind heading is the whole line: ``จุดแข็ง (Strength)``, ``S : จุดแข็ง``,
#: ``Strengths (จุดแข็ง)``, ``๑. จุดอ่อน``; never a sentence that uses the word.
#: One alternative per kind, in the order above, each a named group: the name of
#: the group that matched is the kind (one match instead of one per kind).
_SWOT_HEADING_RE = re.compile("|".join(
    rf"(?P<{kind}>^\s*(?:(?:{DIGIT}{{1,2}}|[ก-ฮ])\s*[.)]\s*|[-•]\s*)?"
    rf"(?:(?-i:{letter})\s*[:.)\-–]?\s*)?(?:{words}|\(\s*(?:{words})\s*\))"
    rf"(?:\s*[:\-–]?\s*\(?\s*(?:{words}|(?-i:{letter}))\s*\)?)?\s*:?\s*$)"
    for kind, words, letter in SWOT_KINDS), re.IGNORECASE)
#: The heading of the analysis as a whole (การวิเคราะห์สภาพแวดล้อม..., SWOT Analysis).
_SWOT_TITLE_RE = re.compile(r"SWOT|วิเคราะห์\s*สภาพแวดล้อม")
#: ``๑. text``, ``1) text``, ``(1) text`` or a letter-coded ``S1 text`` / ``W๕. text``.
_SWOT_ITEM_RE = re.compile(
    rf"^\s*(?:[SWOT]\s*(?P<code>{DIGIT}{{1,2}})(?!{DIGIT})\s*[.):]?"
    rf"|\(?\s*(?P<no>{DIGIT}{{1,2}})\s*[.)](?!{DIGIT}))\s*(?P<body>\S.*?)\s*$"
)
_BULLET_RE = re.compile(r"^\s*[-•●▪◦*]\s*(?P<body>\S.*?)\s*$")
#: An item's number alone on its line (``๑.``): the page put its words on the next.
_SWOT_NUMBER_ALONE_RE = re.compile(rf"^\s*\(?\s*(?P<no>{DIGIT}{{1,2}})\s*[.)]\s*$")


def _swot_kind(text: str) -> str | None:
    """The kind a SWOT heading line names, or None for any other line."""
    if len(text) > _HEADING_MAX:
        return None
    m = _SWOT_HEADING_RE.match(blank_tags(text))
    return None if m is None else m.lastgroup


def _swot_item(text: str) -> tuple[re.Match[str], str | None] | None:
    """A list item's match and the group holding its number (None: a bullet)."""
    blanked = blank_tags(text)
    m = _SWOT_ITEM_RE.match(blanked)
    if m:
        return m, "code" if m.group("code") else "no"
    m = _BULLET_RE.match(blanked)
    return (m, None) if m else None


def _is_gap(line: Line) -> bool:
    """A blank line or a page number: where a page may have broken."""
    return not line.text.strip() or PAGE_NUMBER_RE.match(line.text) is not None


def _carries_on(lines: list[Line], i: int, last_no: int | None) -> bool:
    """Tell whether line ``i``, unnumbered and after a gap, continues the item above.

    It does when what follows it (its own unbroken lines, then a gap) is the next
    item of the list (number ``last_no + 1``) or the next SWOT heading: the page
    broke inside the item. Anything else means the list has ended.
    """
    j = i + 1
    while j < len(lines) and not _is_gap(lines[j]) and "\t" not in lines[j].text \
            and _swot_item(lines[j].text) is None and _swot_kind(lines[j].text) is None \
            and not _number_alone(lines[j].text):
        j += 1
    while j < len(lines) and _is_gap(lines[j]):
        j += 1
    if j >= len(lines) or ("\t" in lines[j].text and not _number_alone(lines[j].text)):
        return False
    if _swot_kind(lines[j].text) is not None:
        return True
    alone = _number_alone(lines[j].text)
    if alone is not None:
        return last_no is not None and to_int(alone.group("no")) == last_no + 1
    found = _swot_item(lines[j].text)
    if found is None or found[1] is None or last_no is None:
        return False
    return to_int(found[0].group(found[1])) == last_no + 1


def _number_alone(text: str) -> re.Match[str] | None:
    """An item number alone in the first cell of ``text`` (``๑.``, ``๑๐.<tab>words``)."""
    return _SWOT_NUMBER_ALONE_RE.match(blank_tags(text.split("\t", 1)[0]))


def swot_rows(doc: RepairedText, lines: list[Line]) -> list[RawRow]:
    """Read the items under each SWOT heading into ``plan_swot_items`` rows.

    A heading counts when the analysis' own heading (``SWOT``, การวิเคราะห์
    สภาพแวดล้อม) comes before it, or when headings of two kinds or more are found.
    Items are numbered (``seq``) or bulleted (``seq`` NULL); a bullet under a
    numbered item is part of it. A line without a number right under an item
    continues it; after a gap only when the next item or heading follows
    (:func:`_carries_on`). A kind whose items were read is not read again under a
    later heading (a problems section's อุปสรรค, say), unless that heading
    directly continues the same kind.

    As printed: a number the page left alone on its line (``๑.``, its words on the
    next) numbers the next line; a line inside an item whose wide gap the reader
    took for a tab is still the item's text; a number that starts over (``๑.``
    after ``๗.``) ends the list; in a PDF whose reader marks wrapped lines, a line
    the line before did not wrap onto is no part of the item (a paragraph set
    right under the list).
    """
    text_lines = [ln for ln in lines if "\t" not in ln.text]
    headings = {ln.no: kind for ln in text_lines if (kind := _swot_kind(ln.text)) is not None}
    title = next((ln.no for ln in text_lines if _SWOT_TITLE_RE.search(ln.text)), None)
    titled = title is not None and title < min(headings, default=0)
    if not headings or (len(set(headings.values())) < 2 and not titled):
        return []
    rows: list[RawRow] = []
    tag: Derived | None = None
    heading_kind: str | None = None
    last: RawRow | None = None
    last_no: int | None = None
    gap = False
    bare: tuple[re.Match[str], Line] | None = None
    for i, line in enumerate(lines):
        if tag is None and line.no not in headings:
            continue  # outside a list only a heading counts (it resets ``gap``)
        # A tab in a list line: the reader's reading of a wide gap, not a table.
        tabbed = "\t" in line.text and not (tag is not None and (
            _number_alone(line.text) is not None
            or (last is not None and not gap and bare is None)))
        if tabbed or _is_gap(line):
            tag = None if tabbed else tag
            gap, bare = True, None
            continue
        kind = headings.get(line.no)
        if kind is not None:
            said = doc.raw(line.start, line.end)
            again = kind != heading_kind and any(
                isinstance(d := r.fields["kind"], Derived) and d.value == kind for r in rows)
            tag = None if again else Derived(
                kind, f"named by the heading on line {line.no}", said.span if said else None)
            heading_kind, last, last_no, gap = kind, None, None, False
            continue
        if tag is None:
            continue
        alone = _SWOT_NUMBER_ALONE_RE.match(blank_tags(line.text))
        if alone is not None and bare is None:
            number = to_int(alone.group("no"))
            if last_no is not None and number is not None and number <= last_no:
                tag = None  # the numbers start over: another list
                continue
            bare = (alone, line)
            continue
        found = _swot_item(line.text)
        if bare is not None:
            m, at = bare
            bare = None
            last_no = to_int(m.group("no"))
            last = RawRow("plan_swot_items", len(rows) + 1, {
                "kind": tag, "seq": doc.raw_match(m, "no", base=at.start),
                "text": segments(doc, line.start, line.end)})
            rows.append(last)
            gap = False
            continue
        if found is not None and found[1] is not None and last_no is not None:
            number = to_int(found[0].group(found[1]))
            if number is not None and number <= last_no:
                tag = None  # the numbers start over: another list
                continue
        if found is not None and (found[1] is not None or last is None or "seq" not in last.fields):
            m, group = found
            fields: dict[str, FieldValue] = {"kind": tag}
            if group is not None:
                fields["seq"] = doc.raw_match(m, group, base=line.start)
                last_no = to_int(m.group(group))
            fields["text"] = segments(doc, line.start + m.start("body"), line.start + m.end("body"))
            last = RawRow("plan_swot_items", len(rows) + 1, fields)
            rows.append(last)
        elif last is not None and not gap and doc.wraps and i > 0 \
                and lines[i - 1].no not in doc.wraps and "\t" not in lines[i - 1].text \
                and "\t" not in line.text and not _carries_on(lines, i, last_no):
            tag = None  # a paragraph of its own right under the list
        elif last is not None and (not gap or _carries_on(lines, i, last_no)):
            last.fields["text"] = joined(last.fields.get("text"),
                                         segments(doc, line.start, line.end))
        else:
            tag = None  # the list has ended
        gap = False
    finish_text_fields(doc, rows)
    return rows


# ---------------------------------------------------------------------------
# plan_projects and plan_sections
# ---------------------------------------------------------------------------


def read_budget_table(doc: RepairedText, table: Table, findings: list[Finding]) -> BudgetTable:
    """Read ``seq``, ``name``, ``budget_thb``, ``uses_budget``, ``responsible_unit``, total.

    A numbered item inside the name cell (``๑. โครงการ...`` under a ``ด้าน/แผนงาน``
    group, as in the routine list) gives the item's ``seq``; otherwise the ลำดับ
    column does. A row with a name but no number and no budget continues the name
    of the item above (a cell broken over a page).
    """
    seq_col, name_col, budget_col, unit_col = _budget_columns(table.rows[0])
    out = BudgetTable()
    for row in table.rows:
        filled = row.filled()
        if not filled or kind_of(row, None) == "budget":  # the header or its repeat
            continue
        if any(is_total(t) for t in filled):
            total = first_match(doc, AMOUNT_RE, row.cell(budget_col))
            if total is None:  # the total written in another column than its header
                found = (first_match(doc, AMOUNT_RE, c) for c in reversed(row.cells))
                total = next((r for r in found if r is not None), None)
            out.stated_total = total or out.stated_total
            continue
        name_cell = row.cell(name_col)
        budget_cell = row.cell(budget_col)
        if name_cell is None or not name_cell.plain:
            if budget_cell is not None and budget_cell.plain:
                findings.append(unplaced("plan_projects", row, "budget without an item name"))
            continue  # a group cell (ด้าน/แผนงาน) whose items follow
        item = ITEM_RE.match(blank_tags(name_cell.text))
        seq_cell = row.cell(seq_col)
        numbered = seq_cell is not None and DIGITS_RE.fullmatch(seq_cell.plain)
        if not item and not numbered and not row.plain(budget_col) and out.items:
            last = out.items[-1].fields
            last["name"] = joined(last.get("name"), cell_pieces(doc, name_cell))
            if row.plain(unit_col):
                last["responsible_unit"] = joined(last.get("responsible_unit"),
                                                   cell_pieces(doc, row.cell(unit_col)))
            continue
        fields: dict[str, FieldValue] = {}
        if item:
            base = name_cell.start
            fields["seq"] = doc.raw(base + item.start("no"), base + item.end("no"))
            fields["name"] = value(pieces(doc, base + item.start("body"),
                                          base + len(name_cell.text)))
        else:
            fields["seq"] = first_match(doc, DIGITS_RE, seq_cell)
            fields["name"] = value(cell_pieces(doc, name_cell))
        no_budget = NO_BUDGET_RE.search(budget_cell.text) if budget_cell else None
        amount = first_match(doc, AMOUNT_RE, budget_cell)
        if no_budget is None and amount is None:
            budget_cell = _budget_elsewhere(row, name_col)
            no_budget = NO_BUDGET_RE.search(budget_cell.text) if budget_cell else None
            amount = first_match(doc, AMOUNT_RE, budget_cell)
        states_none = budget_cell is not None and no_budget is not None
        said = (doc.raw(budget_cell.start + no_budget.start(), budget_cell.start + no_budget.end())
                if budget_cell is not None and no_budget is not None else amount)
        if not put_budget(fields, out.amounts, states_none, said):
            findings.append(unplaced("plan_projects", row, "budget cell is not an amount"))
        if unit_col is not None:
            fields["responsible_unit"] = value(cell_pieces(doc, row.cell(unit_col)))
        out.items.append(RawRow("plan_projects", None, fields))
    return out


def _budget_elsewhere(row: Row, name_col: int | None) -> Cell | None:
    """The cell after the name that states a budget, when the budget column's does not.

    A table continued on another page, or drawn without rules, may come back with
    its columns shifted: the amount or ไม่ใช้งบประมาณ is then found by what it says.
    """
    for col in range((name_col or 0) + 1, len(row.texts)):
        cell = row.cell(col)
        if cell is not None and (NO_BUDGET_RE.search(cell.text) or
                                 _BUDGET_CELL_RE.match(cell.plain)):
            return cell
    return None


#: A cell that is an amount as the budget column prints it (``๘๗๙,๕๐๐.- บาท``).
_BUDGET_CELL_RE = re.compile(
    rf"^\s*{DIGIT}{{1,3}}(?:,{DIGIT}{{3}})*(?:\.{DIGIT}{{0,2}})?[.\-–\s]*(?:บาท)?\s*$"
)


def _budget_columns(header: Row) -> tuple[int | None, int | None, int | None, int | None]:
    """Columns of a budget table's header: ``seq``, ``name``, ``budget``, ``unit``."""
    seq_col = find_col(header, "ลำดับ")
    budget_col = find_col(header, "งบประมาณ", skip=(seq_col,))
    unit_col = find_col(header, "ส่วนราชการ", "รับผิดชอบ", "หน่วยงาน", skip=(seq_col, budget_col))
    name_col = find_col(header, "ชื่อ", "รายการ", "โครงการ", "กิจกรรม",
                        skip=(seq_col, budget_col, unit_col))
    return seq_col, name_col, budget_col, unit_col


def tab_table_fits(table: Table) -> bool:
    """Tell a budget table whose tabs are its columns from one whose tabs are mere gaps.

    A PDF laid out with tab stops comes back with a tab wherever a gap was wide:
    header words run together in one cell (``ลำดับ ที่ ชื่อโครงการ งบประมาณ``), an
    amount inside the name's cell, another table's header or a section heading
    taken in as a row. Such a table is read from its lines instead
    (:mod:`bma_etl.layouts.plan_plain`).
    """
    header = table.rows[0]
    seq_col, name_col, budget_col, _unit = _budget_columns(header)
    if seq_col is None or name_col is None or budget_col is None:
        return False
    if any("งบประมาณ" in header.squashed[c] for c in (seq_col, name_col)):
        return False  # header words of several columns in one cell
    own = [t for t in header.squashed if t]
    for row in table.rows[1:]:
        filled = row.filled()
        if not filled or any(is_total(t) for t in filled):
            continue
        if kind_of(row, None) == "budget":
            if [t for t in row.squashed if t] != own:
                return False  # the header of another table
            continue
        seq = row.plain(seq_col)
        if seq and not DIGITS_RE.fullmatch(seq):
            return False  # a heading or words in the number column
        name = row.cell(name_col)
        if name is not None and AMOUNT_BAHT_RE.search(name.plain):
            return False  # the budget ran into the name
        numbered = bool(seq) or (name is not None and ITEM_RE.match(blank_tags(name.text)))
        budget = row.cell(budget_col)
        if numbered and (name is None or not name.plain) and (
                (budget is not None and budget.plain) or _budget_elsewhere(row, name_col)):
            return False  # a budget without a name: the name is in another column
        if numbered and not (budget is not None and (NO_BUDGET_RE.search(budget.text)
                                                     or AMOUNT_RE.search(budget.plain))) \
                and _budget_elsewhere(row, name_col) is None:
            return False
    return True


def section_of(headings: list[Line]) -> tuple[str, Line] | None:
    """Find the section of a summary table: the nearest heading above that names one."""
    for line in reversed(headings):
        for regex, section in _SECTION_RES:
            if regex.search(line.text):
                return section, line
        if SUMMARY_HEADING.match(line.text):
            return None
    return None


def _is_heading(text: str) -> bool:
    """Tell a heading that ends a plain budget table: a section's or the summary's."""
    return len(text) <= _HEADING_MAX and not DIGITS_RE.match(text) and (
        SUMMARY_HEADING.match(text) is not None
        or any(regex.search(text) for regex, _ in _SECTION_RES))


def _heading_text(line: Line) -> str:
    """A line's words (a wide gap comes back as a tab, even inside a heading)."""
    return " ".join(line.text.split()) if "\t" in line.text else line.text


def _summary_headings(lines: list[Line]) -> list[tuple[int, int]]:
    """Where the summary heading may be: ``(index of its first line, of the line after)``.

    A heading the page wrapped (``สรุปโครงการและ`` / ``งบประมาณที่...``) is found
    across its two lines.
    """
    out: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        if "สรุป" not in line.text or len(line.text) > _HEADING_MAX:
            continue
        text = _heading_text(line)
        if SUMMARY_HEADING.match(text):
            out.append((i, i + 1))
        elif i + 1 < len(lines) and text.strip().startswith("สรุป"):
            after = _heading_text(lines[i + 1]).strip()
            if after and SUMMARY_HEADING.match(text.strip() + after):
                out.append((i, i + 2))
    return out


@dataclass(slots=True)
class _Part:
    """A budget table of the summary, under the heading naming its section, not read yet."""

    section: str
    named_by: Line
    first_line: int
    read: Callable[[list[Finding]], BudgetTable]


def _named(parts: list[tuple[int, list[Line], Callable[[list[Finding]], BudgetTable]]],
           unnamed: list[Finding]) -> dict[str, _Part]:
    """Each section's first table; a finding for a table under no section heading."""
    out: dict[str, _Part] = {}
    for first_line, headings, read in parts:
        found = section_of(headings)
        if found is None:
            unnamed.append(Finding("plan_projects", None, None, "warning", "unparsed_line",
                                   f"line {first_line}: budget table under no heading "
                                   "naming its section; skipped"))
            continue
        section, named_by = found
        if section in out:
            log.debug("section %s listed again at line %d; read once", section, first_line)
            continue
        out[section] = _Part(section, named_by, first_line, read)
    return out


def _tab_parts(doc: RepairedText, lines: list[Line], tables: list[Table],
               unnamed: list[Finding]) -> tuple[dict[str, _Part], set[str], int | None]:
    """The summary's tab tables by section, the sections whose table fits, the heading's line.

    The summary is the run of budget tables after the summary heading; the first
    other table ends it. A section listed a second time (the routine list printed
    again under การนำแผนฯ ไปสู่การปฏิบัติ in ``003_bab53728cf3029b8.txt``) is
    not read twice.
    """
    candidates = [lines[i] for i, _ in _summary_headings(lines)]
    if not candidates:
        return {}, set(), None
    # A sentence such as "สรุปผลการใช้งบประมาณปีที่ผ่านมา..." is no heading: the
    # summary's heading is the one a budget table follows.
    heading = next((ln for ln in candidates
                    if next((t.kind for t in tables if t.first_line > ln.no), None) == "budget"),
                   candidates[0])
    run: list[Table] = []
    for table in (t for t in tables if t.first_line > heading.no):
        if table.kind != "budget":
            break
        run.append(table)

    def reader(table: Table) -> Callable[[list[Finding]], BudgetTable]:
        return lambda findings: read_budget_table(doc, table, findings)

    parts = _named([(t.first_line, t.headings, reader(t)) for t in run], unnamed)
    fitting = {p.section for p in parts.values()
               if tab_table_fits(next(t for t in run if t.first_line == p.first_line))}
    return parts, fitting, heading.no


def _plain_parts(doc: RepairedText, lines: list[Line], unnamed: list[Finding]
                 ) -> dict[str, _Part]:
    """The summary's tables read from plain lines, by section.

    The summary's heading is the first candidate a budget table follows.
    """
    for _, after in _summary_headings(lines):
        tables = plain_tables(lines, after, _is_heading, doc.ocr_used)
        if tables:
            def reader(table: PlainTable) -> Callable[[list[Finding]], BudgetTable]:
                return lambda findings: read_plain_table(doc, table, findings)

            return _named([(t.first_line, t.headings, reader(t)) for t in tables], unnamed)
    return {}


def _summary_rows(doc: RepairedText, lines: list[Line], tables: list[Table],
                  findings: list[Finding]) -> list[RawRow]:
    """Read the budget summary into ``plan_projects`` and ``plan_sections`` rows.

    Each section is read from its tab table when the table's tabs are its columns
    (:func:`tab_table_fits`), otherwise from the plain lines under its heading
    (:mod:`bma_etl.layouts.plan_plain`): a PDF laid out with tab stops has no
    columns to split at.
    """
    tab_unnamed: list[Finding] = []
    plain_unnamed: list[Finding] = []
    tab, fitting, heading_no = _tab_parts(doc, lines, tables, tab_unnamed)
    every = len(fitting) == len(SECTION_WORDS)  # nothing left to look for in plain lines
    plain = {} if every else _plain_parts(doc, lines, plain_unnamed)
    if heading_no is None and not plain:
        raise ExtractError("annual action plan without its budget summary "
                           "(no heading สรุปโครงการและงบประมาณ...)")
    chosen: list[_Part] = []
    for section in {**tab, **plain}:
        if section in fitting or section not in plain:
            chosen.append(tab[section])
        else:
            chosen.append(plain[section])
    chosen.sort(key=lambda p: p.first_line)
    used_tab = any(p is tab.get(p.section) for p in chosen)
    unnamed = tab_unnamed if used_tab or not plain else plain_unnamed
    findings.extend(unnamed)
    projects: list[RawRow] = []
    sections: list[RawRow] = []
    for part in chosen:
        read = part.read(findings)
        evidence = doc.raw(part.named_by.start, part.named_by.end)
        tag = Derived(part.section, f"named by the heading on line {part.named_by.no}",
                      evidence.span if evidence else None)
        for item in read.items:
            item.fields = {"section": tag, **item.fields}
            item.ordinal = len(projects) + 1
            projects.append(item)
        computed = sum(read.amounts, Decimal(0))
        stated: FieldValue = read.stated_total
        # An item whose amount was not read (an OCR'd cell, say) or is not a number,
        # or no item read at all, leaves no sum to state.
        budgeted = sum(isinstance(u := it.fields.get("uses_budget"), Derived) and u.value is True
                       for it in read.items)
        unread = not read.items or len(read.amounts) < budgeted or any(
            it.fields.get("budget_thb") is None and not (
                isinstance(u := it.fields.get("uses_budget"), Derived) and u.value is False)
            for it in read.items)
        sections.append(RawRow("plan_sections", len(sections) + 1, {
            "section": tag,
            "stated_total_thb": stated,
            "computed_total_thb": None if unread else Derived(
                computed, f"sum of the {len(read.amounts)} amounts "
                f"listed in the table of line {part.first_line}"),
            "items": Derived(len(read.items), "items listed in the table"),
        }))
    if not sections:
        raise ExtractError(f"annual action plan: no budget table after the summary heading "
                           f"on line {heading_no}")
    return projects + sections


LAYOUT = Layout(
    layout_id="annual_action_plan",
    title=TITLE,
    tables=(Plan, PlanSwotItem, PlanProject, PlanSection, PlanIndicator, PlanScoringLevel,
            PlanStep, PlanKpiDefinition),
    score=score,
    extract=extract,
    signals=SIGNALS,
)

__all__ = ["LAYOUT", "extract", "score", "section_of"]

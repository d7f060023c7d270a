"""Tab tables of the annual action plan: cells, blocks, tables and three table readers.

Stage: extract (a helper of :mod:`bma_etl.layouts.annual_action_plan`, not a layout;
the budget summary reader lives there). Consumes a
:class:`~bma_etl.layouts.base.RepairedText`; produces raw rows for
``plan_indicators``, ``plan_scoring_levels`` and ``plan_steps``.

The PDF conversion left each table as tab-separated lines. A table that runs onto
the next page comes back as a second *block* (after a blank line) that repeats the
header rows; a cell continued onto the next page comes back as a row whose
numbering cell is empty. Cells may carry HTML tags (``<p>``, ``<u>``, ``<ol ...>``):
values are cut into pieces around them, so no tag reaches a value.

Which reader a block goes to is decided by its header cells, never by its position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from bma_etl.errors import NormalizeError
from bma_etl.layouts.base import FieldValue, Finding, Line, Raw, RawRow, RepairedText
from bma_etl.normalize.digits import parse_amount, parse_int

DIGIT = "[0-9๐-๙]"
_TAG_RE = re.compile(r"<[^<>\n]*>")
#: ``๑. text`` / ``1) text`` at the start of a cell; ``๕.๑ text`` (an outline number) is not.
ITEM_RE = re.compile(rf"^\s*(?P<no>{DIGIT}{{1,2}})\s*[.)](?!{DIGIT})\s*(?P<body>\S.*?)\s*$", re.S)
#: An amount as printed: ``๑,๕๐๐,๐๐๐`` (the ``.- บาท`` after it is not part of the value).
AMOUNT_RE = re.compile(
    rf"{DIGIT}{{1,3}}(?:,{DIGIT}{{3}})+(?:\.{DIGIT}{{1,2}})?|{DIGIT}+(?:\.{DIGIT}{{1,2}})?"
)
NUMBER_RE = re.compile(rf"{DIGIT}+(?:\.{DIGIT}+)?")
NO_BUDGET_RE = re.compile(r"ไม่ใช้\s*งบประมาณ|ไม่ได้รับ\s*(?:การจัดสรร)?\s*งบประมาณ")
_YEAR_RE = re.compile(rf"^(?:พ\s*\.\s*ศ\s*\.?\s*)?(?P<year>[๒2][๔-๖4-6]{DIGIT}{{2}})$")
_MONTH_RE = re.compile(r"^(?:ต\.ค|พ\.ย|ธ\.ค|ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย)\.?$")
_ARROWS_RE = re.compile(r"^[←→↔\-\s]+$")
PAGE_NUMBER_RE = re.compile(rf"^\s*(?:[-–]\s*)?(?:หน้า\s*)?{DIGIT}{{1,3}}(?:\s*[-–])?\s*$")
#: ``ขั้นตอนที่ ๑ text`` (the number needs no point after the word ขั้นตอนที่).
STEP_RE = re.compile(rf"^\s*ขั้นตอนที่\s*(?P<no>{DIGIT}{{1,2}})\s*[.):]?\s*(?P<body>\S.*?)\s*$", re.S)


# ---------------------------------------------------------------------------
# Cells, rows, blocks
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cell:
    """One tab-separated cell: its offset in the document and its text as printed."""

    start: int
    text: str

    @property
    def plain(self) -> str:
        """Return the cell's words without tags, spaces collapsed (for matching only)."""
        return " ".join(_TAG_RE.sub(" ", self.text).split())


@dataclass(frozen=True, slots=True)
class Row:
    """A table line and its cells."""

    line: Line
    cells: tuple[Cell, ...]

    def plain(self, col: int | None) -> str:
        """Plain text of column ``col`` ('' when the row has no such column)."""
        if col is None or col >= len(self.cells):
            return ""
        return self.cells[col].plain

    def cell(self, col: int | None) -> Cell | None:
        """Column ``col`` of the row, if the row has it."""
        if col is None or col >= len(self.cells):
            return None
        return self.cells[col]

    def filled(self) -> list[str]:
        """Plain texts of the non-empty cells."""
        return [c.plain for c in self.cells if c.plain]


@dataclass(slots=True)
class Block:
    """Consecutive tab lines, with the non-table lines (headings) that came before."""

    rows: list[Row]
    headings: list[Line]


@dataclass(slots=True)
class Table:
    """One logical table: a block and the blocks that continue it on later pages."""

    kind: str
    rows: list[Row]
    headings: list[Line]
    first_line: int


def row_of(line: Line) -> Row:
    """Split a tab line into cells, keeping each cell's offset."""
    cells: list[Cell] = []
    offset = 0
    for part in line.text.split("\t"):
        cells.append(Cell(line.start + offset, part))
        offset += len(part) + 1
    return Row(line, tuple(cells))


def blocks_of(doc: RepairedText) -> list[Block]:
    """Every run of tab lines in ``doc``, each with the heading lines before it.

    A page number on a line of its own (``- ๑๒ -``) is not a heading: it must not
    cut a table that runs over a page.
    """
    out: list[Block] = []
    headings: list[Line] = []
    current: Block | None = None
    for line in doc.lines():
        if "\t" in line.text:
            if current is None:
                current = Block([], headings)
                out.append(current)
                headings = []
            current.rows.append(row_of(line))
            continue
        current = None
        if line.text.strip() and not PAGE_NUMBER_RE.match(line.text):
            headings.append(line)
    return out


def squash(text: str) -> str:
    """Text without tags or white space, for matching words split by the PDF.

    >>> squash("<p>ลำดับ ที่</p>")
    'ลำดับที่'
    """
    return "".join(_TAG_RE.sub("", text).split())


def blank_tags(text: str) -> str:
    """``text`` with every tag replaced by spaces (offsets kept, for matching)."""
    return _TAG_RE.sub(lambda m: " " * len(m.group(0)), text)


def pieces(doc: RepairedText, start: int, end: int) -> list[Raw]:
    """Raw pieces of ``text[start:end]`` cut around HTML tags, blank pieces dropped."""
    text = doc.text[start:end]
    out: list[Raw] = []
    pos = 0
    for m in _TAG_RE.finditer(text):
        raw = doc.raw(start + pos, start + m.start())
        if raw is not None:
            out.append(raw)
        pos = m.end()
    raw = doc.raw(start + pos, end)
    if raw is not None:
        out.append(raw)
    return out


def value(parts: list[Raw]) -> Raw | list[Raw] | None:
    """One piece as a Raw, several as a list, none as None."""
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else list(parts)


def cell_pieces(doc: RepairedText, cell: Cell | None) -> list[Raw]:
    """Raw pieces of a whole cell."""
    if cell is None:
        return []
    return pieces(doc, cell.start, cell.start + len(cell.text))


def first_match(doc: RepairedText, regex: re.Pattern[str], cell: Cell | None) -> Raw | None:
    """Raw of the first match of ``regex`` in ``cell`` (outside tags)."""
    if cell is None:
        return None
    for m in regex.finditer(cell.text):
        inside_tag = any(t.start() <= m.start() < t.end() for t in _TAG_RE.finditer(cell.text))
        if not inside_tag:
            return doc.raw(cell.start + m.start(), cell.start + m.end())
    return None


def find_col(header: Row, *patterns: str, skip: tuple[int | None, ...] = ()) -> int | None:
    """First column whose squashed header text matches one of ``patterns`` (in order)."""
    for pattern in patterns:
        for i, cell in enumerate(header.cells):
            if i not in skip and re.search(pattern, squash(cell.text)):
                return i
    return None


def is_year(text: str) -> re.Match[str] | None:
    """``๒๕๖๓`` or ``พ.ศ. ๒๕๖๕`` as a whole cell."""
    return _YEAR_RE.match(text.strip())


def is_calendar_row(row: Row) -> bool:
    """Tell a header row of years, month abbreviations or arrows only (Gantt columns)."""
    filled = row.filled()
    return bool(filled) and all(
        is_year(t) or _MONTH_RE.match(t) or _ARROWS_RE.match(t) for t in filled
    )


# ---------------------------------------------------------------------------
# Classifying and merging blocks into tables
# ---------------------------------------------------------------------------


def kind_of(header: Row, next_row: Row | None) -> str | None:
    """Which reader a block with this first row belongs to (None: not read)."""
    cells = [squash(c.text) for c in header.cells]
    joined = "|".join(cells)
    rest = "|".join(cells[1:])
    if cells[0].startswith("ขั้นตอน") and "ร้อยละ" in rest and not STEP_RE.match(cells[0]):
        return "steps"
    if cells[0].startswith("ระดับ") and "คะแนน" in rest:
        return "scoring"
    if "ลำดับ" in joined and "งบประมาณ" in joined:
        return "budget"
    if "ตัวชี้วัด" in joined:
        years = [c for c in header.cells if is_year(c.plain)]
        if not years and next_row is not None:
            years = [c for c in next_row.cells if is_year(c.plain)]
        if years:
            return "targets"
    return None


#: Heading lines that start a new table of a kind even when no other line intervenes.
CONTEXT_HEADINGS: dict[str, re.Pattern[str]] = {
    "steps": re.compile(r"^\s*ชื่อ\s*(?:โครงการ|ตัวชี้วัด)"),
    "scoring": re.compile(r"เกณฑ์การให้คะแนน"),
}


def tables_of(blocks: list[Block]) -> list[Table]:
    """Join blocks into tables, each classified by its header (``other``: no reader).

    A block continues the table before it when no heading line comes between them
    that opens a new table: any heading at all for a block without a header of its
    own and for budget and target tables; for step and scoring tables, whose
    header is repeated on every page, only a ``ชื่อโครงการ``/``ชื่อตัวชี้วัด`` or
    ``เกณฑ์การให้คะแนน`` line (so a page header between pages is harmless).
    """
    out: list[Table] = []
    previous: Table | None = None
    for block in blocks:
        rows = block.rows
        kind = kind_of(rows[0], rows[1] if len(rows) > 1 else None)
        if previous is not None and (kind is None or kind == previous.kind):
            pattern = CONTEXT_HEADINGS.get(previous.kind)
            if kind is None or pattern is None:
                opens = bool(block.headings)
            else:
                opens = any(pattern.search(h.text) for h in block.headings)
            if not opens:
                previous.rows.extend(rows)
                previous.headings.extend(block.headings)
                continue
        previous = Table(kind or "other", list(rows), list(block.headings), rows[0].line.no)
        out.append(previous)
    return out


def unplaced(table: str, row: Row, what: str) -> Finding:
    """Make the ``unparsed_line`` finding for a table line no field could take."""
    text = " | ".join(row.filled())
    if len(text) > 80:
        text = text[:77] + "..."
    return Finding(table, None, None, "warning", "unparsed_line",
                   f"line {row.line.no}: {what}: {text}")


def is_total(text: str) -> bool:
    """Tell a total row's label: ``รวม``, ``รวมงบประมาณทั้งสิ้น``, ``รวม ๕ ขั้นตอน ...``.

    >>> is_total("รวม ๕ ขั้นตอน คิดเป็นร้อยละ"), is_total("รวมพลังชุมชน")
    (True, False)
    """
    return re.match(r"รวม(?:$|งบประมาณ|เงิน|ทั้ง|\s|[0-9๐-๙])", text.strip()) is not None


def joined(current: FieldValue, extra: list[Raw]) -> Raw | list[Raw] | None:
    """Join the pieces of a text field continued on another row, in order."""
    parts: list[Raw] = []
    if isinstance(current, Raw):
        parts.append(current)
    elif isinstance(current, list):
        parts.extend(current)
    parts.extend(extra)
    return value(parts)


def to_decimal(text: str) -> Decimal | None:
    """Read the number in ``text`` as the normalize stage will (None if unreadable)."""
    try:
        return parse_amount(text)
    except NormalizeError:
        return None


def _int(text: str) -> int | None:
    try:
        return parse_int(text)
    except NormalizeError:
        return None


# ---------------------------------------------------------------------------
# Indicator targets per year (plan_indicators)
# ---------------------------------------------------------------------------

_YEAR_IN_CELL_RE = re.compile(rf"[๒2][๔-๖4-6]{DIGIT}{{2}}")


def read_target_table(doc: RepairedText, table: Table, findings: list[Finding]) -> list[RawRow]:
    """Read one row per indicator per year column (``name``, ``year_be``, ``target_text``)."""
    header = table.rows[0]
    name_col = find_col(header, "ตัวชี้วัด")
    seq_col = find_col(header, "ลำดับ", skip=(name_col,))
    years: dict[int, Raw] = {}
    for row in table.rows[:2]:
        for i, cell in enumerate(row.cells):
            if i != name_col and is_year(cell.plain):
                year = first_match(doc, _YEAR_IN_CELL_RE, cell)
                if year is not None:
                    years.setdefault(i, year)
    header_words = [squash(t) for t in header.filled()]
    indicators: list[tuple[FieldValue, dict[int, FieldValue]]] = []
    for row in table.rows:
        repeat = [squash(t) for t in row.filled()] == header_words
        if not row.filled() or is_calendar_row(row) or repeat:
            continue
        name = cell_pieces(doc, row.cell(name_col))
        targets: dict[int, FieldValue] = {i: value(cell_pieces(doc, row.cell(i))) for i in years}
        stated = {i: v for i, v in targets.items() if isinstance(v, Raw | list)}
        if indicators and not row.plain(seq_col) and (not name or not stated):
            last_name, last_targets = indicators[-1]
            if name:
                indicators[-1] = (joined(last_name, name), last_targets)
            for i, v in stated.items():
                extra = v if isinstance(v, list) else [v]
                last_targets[i] = joined(last_targets.get(i), extra)
            continue
        if not name:
            findings.append(unplaced("plan_indicators", row, "targets without an indicator"))
            continue
        indicators.append((value(name), targets))
    rows: list[RawRow] = []
    for name_value, targets in indicators:
        for i, year in years.items():
            rows.append(RawRow("plan_indicators", None, {
                "name": name_value, "year_be": year, "target_text": targets.get(i)}))
    return rows


# ---------------------------------------------------------------------------
# Scoring levels (plan_scoring_levels)
# ---------------------------------------------------------------------------

_QUOTED_RE = re.compile(r"[“\"](?P<name>[^”\"]+)[”\"]")
_SCORING_HEADING_RE = re.compile(r"เกณฑ์การให้คะแนน\s*(?:ตัวชี้วัด)?\s*:?\s*(?P<name>\S.*?)?\s*$")


def scoring_indicator(doc: RepairedText, headings: list[Line]) -> Raw | None:
    """Find the indicator a เกณฑ์การให้คะแนน heading names (the quoted words when quoted)."""
    for line in reversed(headings):
        m = _SCORING_HEADING_RE.search(line.text)
        if not m:
            continue
        quoted = _QUOTED_RE.search(line.text, m.start())
        if quoted:
            return doc.raw_match(quoted, "name", base=line.start)
        return doc.raw_match(m, "name", base=line.start) if m.group("name") else None
    return None


def read_scoring_table(doc: RepairedText, table: Table, findings: list[Finding]) -> list[RawRow]:
    """Read levels 5..1: ``level``, ``weight_pct``, ``description``, ``score``, ``indicator``."""
    header = table.rows[0]
    level_col = find_col(header, "ระดับ")
    weight_col = find_col(header, "ร้อยละ", "น้ำหนัก", "เกณฑ์", skip=(level_col,))
    score_col = find_col(header, "คะแนน", skip=(level_col, weight_col))
    desc_col = find_col(header, "ดำเนินงาน", "รายละเอียด", "ผลงาน", "คำอธิบาย", ".",
                        skip=(level_col, weight_col, score_col))
    indicator = scoring_indicator(doc, table.headings)
    rows: list[RawRow] = []
    for row in table.rows:
        if not row.filled() or kind_of(row, None) == "scoring":
            continue
        level_text = row.plain(level_col)
        desc = cell_pieces(doc, row.cell(desc_col))
        if not level_text and rows and desc:  # a description continued on the next page
            last = rows[-1].fields
            last["description"] = joined(last.get("description"), desc)
            if last.get("score") is None:
                last["score"] = first_match(doc, NUMBER_RE, row.cell(score_col))
            continue
        level = _int(level_text) if re.fullmatch(f"{DIGIT}", level_text) else None
        if level is None or not 1 <= level <= 5:
            findings.append(unplaced("plan_scoring_levels", row, "not a level 1..5"))
            continue
        rows.append(RawRow("plan_scoring_levels", None, {
            "indicator": indicator,
            "level": first_match(doc, re.compile(DIGIT), row.cell(level_col)),
            "weight_pct": first_match(doc, NUMBER_RE, row.cell(weight_col)),
            "description": value(desc),
            "score": first_match(doc, NUMBER_RE, row.cell(score_col)),
        }))
    return rows


# ---------------------------------------------------------------------------
# Step schedules (plan_steps)
# ---------------------------------------------------------------------------

_INDICATOR_HEADING_RE = re.compile(rf"^\s*ชื่อ\s*ตัวชี้วัด\s*(?:ที่)?\s*(?P<no>{DIGIT}+)(?![.]{DIGIT})")
_PROJECT_HEADING_RE = re.compile(
    rf"^\s*ชื่อ\s*โครงการ\s*(?:/\s*กิจกรรม)?\s*(?:ที่)?\s*(?:{DIGIT}+)?\s*[:.]?\s*(?P<name>\S.*?)\s*$"
)
#: A trailing ``(ส่วนแผนงานฯ)`` after a project name: the unit, not part of the name.
_UNIT_SUFFIX_RE = re.compile(
    r"\s*\((?:(?:ส่วน|ฝ่าย|กลุ่ม|สำนัก|กอง|ศูนย์|โรงพยาบาล)[^()]*|[^()]*ฯ)\)\s*$"
)
_STEP_COUNT_RE = re.compile(rf"(?P<n>{DIGIT}+)\s*ขั้นตอน")


@dataclass(slots=True)
class StepContext:
    """The indicator number and project name the step tables that follow belong to."""

    indicator_no: Raw | None = None
    project_name: Raw | None = None


def update_step_context(doc: RepairedText, ctx: StepContext, headings: list[Line]) -> None:
    """Read ``ชื่อตัวชี้วัดที่ N`` and ``ชื่อโครงการที่ M name (unit)`` headings."""
    for line in headings:
        m = _INDICATOR_HEADING_RE.match(line.text)
        if m:
            ctx.indicator_no = doc.raw_match(m, "no", base=line.start)
            ctx.project_name = None
            continue
        m = _PROJECT_HEADING_RE.match(line.text)
        if m:
            end = m.end("name")
            unit = _UNIT_SUFFIX_RE.search(m.group("name"))
            if unit:
                end = m.start("name") + unit.start()
            ctx.project_name = doc.raw(line.start + m.start("name"), line.start + end)


def read_step_table(doc: RepairedText, table: Table, ctx: StepContext,
                    findings: list[Finding], first_ordinal: int = 1) -> list[RawRow]:
    """Read steps: ``step_no``, ``description``, ``step_pct``, ``cumulative_pct``.

    A row without a step number continues the step above (a step broken over a
    page, after the repeated header). Rows repeating lines already read, letter
    for letter, are a page printed twice: skipped, reported once as
    ``repeated_page``. Other rows after the table's total, or a step number met
    again, start another table of the same indicator whose project heading is not
    in the text: its steps get no project name. ``003_bab53728cf3029b8.txt`` lines
    503-508 are such a table: its cells wrap differently from lines 496-501.
    """
    header = table.rows[0]
    desc_col = find_col(header, "ขั้นตอน") or 0
    step_col = find_col(header, "รายขั้นตอน", "เนื้อหา", skip=(desc_col,))
    cum_col = find_col(header, "ความก้าวหน้า", "สะสม", "ติดตาม", skip=(desc_col, step_col))
    rows: list[RawRow] = []
    project = ctx.project_name
    seen: set[int] = set()
    segment = 0  # index in ``rows`` of the current table's first step
    closed = False
    printed: set[str] = set()
    repeated: list[int] = []
    for row in table.rows:
        if not row.filled() or kind_of(row, None) == "steps" or is_calendar_row(row):
            continue
        line = row.line.text.rstrip(" \t")
        desc_cell = row.cell(desc_col)
        desc_text = desc_cell.plain if desc_cell else ""
        step_pct = first_match(doc, NUMBER_RE, row.cell(step_col))
        cum_pct = first_match(doc, NUMBER_RE, row.cell(cum_col))
        if is_total(desc_text):  # totals alike in two tables say nothing of a repeat
            if closed:
                if line in printed:
                    repeated.append(row.line.no)
                continue
            closed = True
            printed.add(line)
            _check_step_total(rows[segment:], desc_text, step_pct, row,
                              first_ordinal + len(rows) - 1, findings)
            continue
        if line in printed:
            repeated.append(row.line.no)
            continue
        printed.add(line)
        desc_blank = blank_tags(desc_cell.text) if desc_cell else ""
        item = STEP_RE.match(desc_blank) or ITEM_RE.match(desc_blank)
        no = _int(item.group("no")) if item else None
        if closed or (no is not None and no in seen):
            project, seen, segment, closed = None, set(), len(rows), False
        if item and desc_cell is not None:
            if no is not None:
                seen.add(no)
            base = desc_cell.start
            rows.append(RawRow("plan_steps", first_ordinal + len(rows), {
                "indicator_no": ctx.indicator_no,
                "project_name": project,
                "step_no": doc.raw(base + item.start("no"), base + item.end("no")),
                "description": value(pieces(doc, base + item.start("body"),
                                            base + len(desc_cell.text))),
                "step_pct": step_pct,
                "cumulative_pct": cum_pct,
            }))
            continue
        if len(rows) == segment:
            findings.append(unplaced("plan_steps", row, "text before the first step"))
            continue
        last = rows[-1].fields
        if desc_text:
            last["description"] = joined(last.get("description"), cell_pieces(doc, desc_cell))
        if last.get("step_pct") is None and step_pct is not None:
            last["step_pct"] = step_pct
        if last.get("cumulative_pct") is None and cum_pct is not None:
            last["cumulative_pct"] = cum_pct
    if repeated:
        findings.append(Finding(
            "plan_steps", first_ordinal + len(rows) - 1 if rows else None, None, "warning",
            "repeated_page", f"lines {repeated[0]}-{repeated[-1]} repeat lines already read "
            f"(step table of line {table.first_line}); skipped"))
    return rows


def _check_step_total(rows: list[RawRow], label: str, stated_pct: Raw | None, row: Row,
                      last_ordinal: int, findings: list[Finding]) -> None:
    """Compare ``รวม N ขั้นตอน คิดเป็นร้อยละ 100`` with the steps read.

    A count that differs is reported alone: with steps missing, the percentages
    cannot add up either.
    """
    ordinal = last_ordinal if rows else None
    count = _STEP_COUNT_RE.search(label)
    stated_count = _int(count.group("n")) if count else None
    if stated_count is not None and stated_count != len(rows):
        findings.append(Finding(
            "plan_steps", ordinal, "step_no", "warning", "total_mismatch",
            f"line {row.line.no}: the total row says {stated_count} steps, "
            f"the table lists {len(rows)}"))
        return
    pcts = [r.fields.get("step_pct") for r in rows]
    numbers = [to_decimal(p.text) for p in pcts if isinstance(p, Raw)]
    stated = to_decimal(stated_pct.text) if stated_pct else None
    if stated is not None and numbers and None not in numbers:
        computed = sum((n for n in numbers if n is not None), Decimal(0))
        if computed != stated:
            findings.append(Finding(
                "plan_steps", ordinal, "step_pct", "warning", "total_mismatch",
                f"line {row.line.no}: steps sum to {computed} percent, "
                f"the total row says {stated}"))

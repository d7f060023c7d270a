"""Step schedules (ขั้นตอนการดำเนินงาน tables) of the annual action plan.

Stage: extract (a helper of :mod:`bma_etl.layouts.annual_action_plan`, not a layout).
Consumes the step tables :func:`bma_etl.layouts.plan_tables.tables_of` found and the
``ชื่อตัวชี้วัดที่ N`` / ``ชื่อโครงการที่ M`` headings above them (read by
:mod:`bma_etl.layouts.plan_step_headings`); produces raw rows for ``plan_steps``.

A step broken over a page comes back as a row without a step number after the
repeated header: it is joined to the step above. Gantt month columns and their
arrows have no column in the table and are not read.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bma_etl.layouts.base import Finding, Line, Raw, RawRow, RepairedText
from bma_etl.layouts.plan_cells import (
    DIGIT,
    ITEM_RE,
    NUMBER_RE,
    STEP_RE,
    Row,
    blank_tags,
    find_col,
    is_calendar_row,
    is_total,
    unplaced,
)
from bma_etl.layouts.plan_step_headings import StepContext, update_step_context
from bma_etl.layouts.plan_tables import Table, kind_of
from bma_etl.layouts.plan_values import (
    cell_pieces,
    first_match,
    joined,
    pieces,
    to_decimal,
    to_int,
    value,
)
from bma_etl.matchkey import KeyRegex

#: :class:`StepContext` and :func:`update_step_context` (the headings above a step
#: table, :mod:`bma_etl.layouts.plan_step_headings`) are kept here for their callers.
__all__ = ["StepContext", "read_step_table", "update_step_context"]

_STEP_COUNT_RE = KeyRegex(rf"(?P<n>{DIGIT}+)\s*ขั้นตอน")
#: A step's number alone in its cell (``๒.``): the page put its words on the next line.
_NUMBER_ALONE_RE = re.compile(rf"^\s*(?P<no>{DIGIT}{{1,2}})\s*[.)]\s*(?P<body>)$")
#: A step number inside a step's words (``… กลุ่มเป้าหมาย ๓. เผยแพร่ …``).
_INNER_STEP_RE = re.compile(rf"(?<=\s)(?P<no>{DIGIT}{{1,2}})\.\s+(?P<body>(?=[ก-ฮเ-ไ]))")


def read_step_table(doc: RepairedText, table: Table, ctx: StepContext,
                    findings: list[Finding], first_ordinal: int = 1) -> list[RawRow]:
    """Read steps: ``step_no``, ``description``, ``step_pct``, ``cumulative_pct``.

    A row without a step number continues the step above (a step broken over a
    page, after the repeated header); a number alone in its cell (``๒.``) starts a
    step whose words follow on the next rows. Rows repeating lines already read, letter
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
    again = False  # the row before was read again
    inner: dict[int, tuple[int, int, int, int] | None] = {}  # a step's next step inside it
    for row in table.rows:
        if not row.filled() or kind_of(row, None) == "steps" or is_calendar_row(row):
            continue
        line = row.line.text.rstrip(" \t")
        desc_cell = row.cell(desc_col)
        desc_text = desc_cell.plain if desc_cell else ""
        if is_total(desc_text):  # totals alike in two tables say nothing of a repeat
            if closed:
                if line in printed:
                    repeated.append(row.line.no)
                continue
            closed = True
            printed.add(line)
            _check_step_total(rows[segment:], desc_text,
                              first_match(doc, NUMBER_RE, row.cell(step_col)), row,
                              first_ordinal + len(rows) - 1, findings, ocr=doc.ocr_used)
            continue
        # a row of cells read again repeats a page; a cell's words alone (``เกี่ยว``) may
        # recur in another step's words, and repeat only under a repeated row
        if line in printed and ("\t" in line or again):
            repeated.append(row.line.no)
            again = True
            continue
        again = False
        printed.add(line)
        step_pct = first_match(doc, NUMBER_RE, row.cell(step_col))
        cum_pct = first_match(doc, NUMBER_RE, row.cell(cum_col))
        desc_blank = blank_tags(desc_cell.text) if desc_cell else ""
        item = STEP_RE.match(desc_blank) or ITEM_RE.match(desc_blank) \
            or _NUMBER_ALONE_RE.match(desc_blank)
        no = to_int(item.group("no")) if item else None
        if closed or (no is not None and no in seen):
            project, seen, segment, closed = None, set(), len(rows), False
        if item and desc_cell is not None:
            if no is not None:
                seen.add(no)
            base = desc_cell.start
            inner[len(rows)] = _inner_step(desc_blank, base, item.start("body"), no)
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
        cut = inner.get(len(rows) - 1)
        if cut is not None and step_pct is not None and last.get("step_pct") is not None:
            # a second step's percentages: the step number inside the words above opens it
            rows.append(_split_step(doc, rows[-1], cut, step_pct, cum_pct,
                                    first_ordinal + len(rows)))
            seen.add(to_int(doc.text[cut[0]:cut[1]]) or 0)
            last = rows[-1].fields
            step_pct = cum_pct = None
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


def _inner_step(text: str, base: int, body: int, no: int | None
                ) -> tuple[int, int, int, int] | None:
    """The next step (number ``no + 1``) the reader ran into the words of step ``no``.

    ``text``: the step's cell from offset ``base``, its words from ``body``. Returns
    ``(number start, number end, words start, cell end)`` as document offsets, or None.
    """
    if no is None:
        return None
    for m in _INNER_STEP_RE.finditer(text, body):
        if to_int(m.group("no")) == no + 1:
            return (base + m.start("no"), base + m.end("no"), base + m.start("body"),
                    base + len(text))
    return None


def _split_step(doc: RepairedText, step: RawRow, cut: tuple[int, int, int, int],
                step_pct: Raw, cum_pct: Raw | None, ordinal: int) -> RawRow:
    """Cut ``step``'s words at the next step's number ``cut``; return that next step.

    A step printed at a page's foot with its percentages on the next page: the
    reader ran its words into the step above, and a row of percentages alone follows.
    """
    at, no_end, body, end = cut
    words = step.fields.get("description")
    parts = words if isinstance(words, list) else [words] if isinstance(words, Raw) else []
    start = parts[0].span.char_start if parts else at
    later = [p for p in parts if p.span.char_start >= end]
    step.fields["description"] = value(pieces(doc, start, at))
    return RawRow("plan_steps", ordinal, {
        "indicator_no": step.fields.get("indicator_no"),
        "project_name": step.fields.get("project_name"),
        "step_no": doc.raw(at, no_end),
        "description": value(pieces(doc, body, end) + later),
        "step_pct": step_pct,
        "cumulative_pct": cum_pct,
    })


def _check_step_total(rows: list[RawRow], label: str, stated_pct: Raw | None, row: Row,
                      last_ordinal: int, findings: list[Finding], *, ocr: bool) -> None:
    """Compare ``รวม N ขั้นตอน คิดเป็นร้อยละ 100`` with the steps read.

    A count that differs is reported alone: with steps missing, the percentages
    cannot add up either. ``ocr``: the document was OCR'd (:func:`to_decimal`).
    """
    ordinal = last_ordinal if rows else None
    count = _STEP_COUNT_RE.search(label)
    stated_count = to_int(count.group("n") or "") if count else None
    if stated_count is not None and stated_count != len(rows):
        findings.append(Finding(
            "plan_steps", ordinal, "step_no", "warning", "total_mismatch",
            f"line {row.line.no}: the total row says {stated_count} steps, "
            f"the table lists {len(rows)}"))
        return
    pcts = [r.fields.get("step_pct") for r in rows]
    numbers = [to_decimal(p.text, ocr=ocr) for p in pcts if isinstance(p, Raw)]
    stated = to_decimal(stated_pct.text, ocr=ocr) if stated_pct else None
    if stated is not None and numbers and None not in numbers:
        computed = sum((n for n in numbers if n is not None), Decimal(0))
        if computed != stated:
            findings.append(Finding(
                "plan_steps", ordinal, "step_pct", "warning", "total_mismatch",
                f"line {row.line.no}: steps sum to {computed} percent, "
                f"the total row says {stated}"))


#: A step's number opening a line (``2.``, ``๓)``), its words on that line or the next.
_STEP_NO_RE = re.compile(r"^\s*(?P<no>[0-9๐-๙]{1,2})\s*[.)](?:\s|$)")


def stops_before_next_step(lines: list[Line], table: Table, rows: list[RawRow]) -> bool:
    """Whether a step table read as cells stops at a blank line over its next step.

    ``lines``: the document's lines (furniture left out); ``rows``: the steps read
    from ``table``'s cells. A flowing print (fpdf2) sets a blank line between steps
    and may set a step whose words do not fit its line with its number alone
    (``2.`` / ``จัดทำรายงาน…``): the run of tab lines ends at the blank line, and
    the steps after it, the next number in order (``2.`` after step 1), are the
    same table's, left to the flowing reader.
    """
    if not rows or not table.rows:
        return False
    step = rows[-1].fields.get("step_no")
    last = to_int(step.text) if isinstance(step, Raw) else None
    end = max(row.line.no for row in table.rows)
    at = next((i for i, line in enumerate(lines) if line.no == end), None)
    if last is None or at is None:
        return False
    after = lines[at + 1:]
    blank = 0
    while blank < len(after) and not after[blank].text.strip():
        blank += 1
    if blank == 0 or blank == len(after):
        return False
    m = _STEP_NO_RE.match(after[blank].text)
    return m is not None and to_int(m.group("no")) == last + 1

"""Budget summary tables of the annual action plan read from plain lines.

Stage: extract (a helper of :mod:`bma_etl.layouts.annual_action_plan`, not a
layout). Consumes the physical lines of a :class:`~bma_etl.layouts.base.RepairedText`
after the summary heading; produces
:class:`~bma_etl.layouts.plan_plain_rows.PlainTable` s, each read by
:func:`read_plain_table` into a :class:`~bma_etl.layouts.plan_values.BudgetTable`.

A PDF made with *tab stops* rather than table columns (a word processor, a PDF
library) has no cells: a row is its number, the project's name, the amount and
the responsible unit run together on one line, separated by a space or by
nothing, and a long name wraps onto the next lines at the left margin, cut
anywhere (``เพื่อยก`` / ``ระดับ``, even ``6,106,7`` / ``00.- บาท``). Here a row

- starts with its number, the next one in the table's sequence (``๓ โครงการ...``;
  ``๒.`` for an item of the routine list's ``ด้าน/แผนงาน`` groups);
- runs until the next row, a total (``รวม...``), a repeated header (and the
  running header over it), or, once it has its budget, a heading or a blank line;
- is split by what it says: the budget (``13,077,400 บาท``, ``๔,๙๖๐,๐๐๐.- บาท``,
  ``1.5 ล้านบาท``, or ``ไม่ใช้งบประมาณ``) separates the name before it from the
  responsible unit after it.

The lines of a row are joined as :mod:`bma_etl.rows` joins wrapped lines (nothing
between two Thai letters, nor inside a number cut at the wrap, one space
otherwise), and every value is read with :meth:`RepairedText.raw_in` on the
joined line, so it keeps the span of the physical lines it covers.

A table's header and its columns: :mod:`bma_etl.layouts.plan_plain_header`; where a
row starts and how its lines are joined, :mod:`bma_etl.layouts.plan_plain_rows`; the
budget a row states, :mod:`bma_etl.layouts.plan_amounts`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from bma_etl.layouts import plan_page_furniture as pages
from bma_etl.layouts import plan_spaced_amounts as spaced
from bma_etl.layouts.amount_units import cell_unit, in_unit, note_unit
from bma_etl.layouts.base import Derived, FieldValue, Finding, Line, RawRow, RepairedText
from bma_etl.layouts.plan_amounts import (
    DASH_CELL_RE,
    NO_BUDGET_RES,
    amount_start,
    budget_said,
    dash_cell,
    glued_readings,
    misread_total,
    name_end,
    total_start,
)
from bma_etl.layouts.plan_budget_totals import take_total
from bma_etl.layouts.plan_cells import DIGIT, PAGE_NUMBER_RE, few_letters, is_total
from bma_etl.layouts.plan_group_items import item_in_column, item_in_group
from bma_etl.layouts.plan_plain_header import (
    columns_of,
    header_at,
    header_follows,
    other_header_at,
    running_header,
    squashed_header,
)
from bma_etl.layouts.plan_plain_rows import (
    MAX_ROW_LINES,
    Columns,
    Numbers,
    PlainRow,
    PlainTable,
    number_alone,
    passed_under_header,
    row_start,
    set_aside_findings,
    total_next,
    unnumbered_whole,
)
from bma_etl.layouts.plan_values import BudgetTable, put_budget, value

_TAG_RE = re.compile(r"<[^<>\n]*>")
#: Most non-blank lines between two tables (the next section's heading, wrapped);
#: more, and the summary has ended.
MAX_HEADING_LINES = 6


# ---------------------------------------------------------------------------
# Lines
# ---------------------------------------------------------------------------


def _flat(text: str) -> str:
    """A line's words without tags, tabs or repeated spaces (for matching only)."""
    if "<" in text:
        text = _TAG_RE.sub(" ", text)
    return " ".join(text.split())


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------


def plain_tables(lines: list[Line], start: int, is_heading: Callable[[str], bool],
                 ocr: bool = False) -> list[PlainTable]:
    """The budget tables in ``lines[start:]``, each with the heading lines above it.

    ``ocr``: the lines were read by OCR (a row's number may be misread). Between two
    tables at most :data:`MAX_HEADING_LINES` heading lines come; more: the summary is over.
    A page's running header and number (:func:`~.plan_page_furniture.page_furniture`)
    are no heading, and inside a table no row's.
    """
    out: list[PlainTable] = []
    headings: list[Line] = []
    furniture = pages.page_furniture(lines, start)
    i = start
    while i < len(lines):
        count = header_at(lines, i, ocr)
        if count:
            table, i = _read_rows(lines, i, count, headings, is_heading, ocr, furniture)
            out.append(table)
            headings = []
            continue
        line = lines[i]
        if line.text.strip() and not PAGE_NUMBER_RE.match(line.text) \
                and line.no not in furniture.running \
                and not (ocr and _OCR_PAGE_NUMBER_RE.match(_flat(line.text))):
            if len(headings) >= MAX_HEADING_LINES:
                break
            headings.append(line)
        i += 1
    return out


def _complete(row: PlainRow, columns: Columns) -> bool:
    """Tell a row that has its budget (and, when the table has the column, its unit)."""
    text = row.joined().text[row.body:]
    said = budget_said(text, bool(columns.baht_unit))
    if said is None:
        return False
    if row.kind == "total" or not columns.unit:
        return True
    return bool(text[said.end():].strip())


#: A line of at most three signs or Latin letters, no Thai, no digit (``Be``): on an
#: OCR'd page, a page number or a rule misread; a gap, as the page number is.
_OCR_SPECK_RE = re.compile(r"^[^\s\u0e00-\u0e7f0-9]{1,3}$")
#: Signs OCR read from a speck after a row's last word (``ส่วนนิติการ,``): no unit ends in one.
_UNIT_SPECK_RE = re.compile(r"(?<=[\u0e01-\u0e4e])\s*[,;:'|`\"]{1,2}\s*$")
#: A page number as OCR may misread its dashes (``:2-``, ``~๓ .``): a digit or two
#: between two signs, no letter; a gap.
_OCR_PAGE_NUMBER_RE = re.compile(rf"^[-–:;.,~_=]\s*{DIGIT}{{1,2}}\s*[-–:;.,~_=]$")


#: On an OCR'd page, a short line with no Thai letter under a table's header, before
#: its first row (``ae 2``): a speck between the header's lines, never a row (a row
#: names its project in Thai).
_HEADER_SPECK_RE = re.compile(r"^[^\u0e00-\u0e7f]{1,6}$")


def _ends(row: PlainRow, complete: bool, gap: bool, heading: bool) -> bool:
    """Tell whether a line that starts no row is past the end of the table.

    ``heading``: the line names a section (or the summary) and a table header
    follows it; a unit cut at the wrap (``ก`` / ``องยุทธศาสตร์ฯ``) has none after it,
    nor has a total's amount wrapped under its label: an OCR'd total whose amount was
    misread ends at the next section's heading.
    """
    if row.kind == "total":
        return complete or len(row.lines) > 1 or heading
    if len(row.lines) >= MAX_ROW_LINES:
        return True
    return ((complete or gap) and heading) or (complete and gap)


#: A line opening with the word baht: the end of the amount of the row above, which
#: a blank line or a speck may part from it (OCR put the amount's misread digits and
#: its บาท on two lines: ``...ใกล้เคียง @๑๓,ดาด๒,๕๐๐.=-`` / ``pee`` / ``บาท ส่วนแผนงานฯ``);
#: no heading or text after a table opens so.
_BAHT_LINE_RE = re.compile(r"^บาท(?![\u0e01-\u0e4e])")


#: The first Thai letter of a line (where a row's name starts after what OCR made of its number).
_THAI_WORD_RE = re.compile("[\u0e01-\u0e2eเ-ไ]")


def _unnumbered_first(lines: list[Line], j: int, is_heading: Callable[[str], bool]
                      ) -> PlainRow | None:
    """On an OCR'd page, the table's first row whose number OCR misread beyond telling.

    A line right under the header that opens no row (``L ' โครงการ...``, a number
    and specks read as letters and signs) is still the first row when it is no
    heading and states a budget, itself or on the line after it (a long name
    wraps): the row is found by what it holds, and the table, with the tables
    after it, is not lost. Its number is not read; its name starts at the first
    Thai word, after a few signs or letters at most.
    """
    text = lines[j].text.strip()  # a row's offsets index its stripped lines (join_lines)
    word = _THAI_WORD_RE.search(text)
    if word is None or is_total(text) or is_heading(_flat(text)) \
            or len(text[:word.start()].split()) > 2:
        return None
    after = _flat(lines[j + 1].text) if j + 1 < len(lines) else ""
    if budget_said(text) is None and budget_said(f"{_flat(text)} {after}") is None:
        return None
    return PlainRow("item", [lines[j]], None, word.start())


def _read_rows(lines: list[Line], i: int, count: int, headings: list[Line],
               is_heading: Callable[[str], bool], ocr: bool = False,
               furniture: pages.Furniture = pages.NO_FURNITURE) -> tuple[PlainTable, int]:
    """Read the rows under the header at ``lines[i]``; returns the table and where it ended.

    A running header (``furniture``) is passed over as a page number is; a bare number
    alone inside a row before its budget is the name's end, a page's number, or, when
    the document cannot tell, set aside and the name not loaded (``pages.Lone``).
    """
    header = squashed_header(lines, i, count, ocr)
    columns = columns_of(header)
    if not columns.baht_unit:  # ``(หน่วย : ล้านบาท)`` above the header
        columns = replace(columns, baht_unit=note_unit(lines, i))
    table = PlainTable(lines[i].no, columns, list(headings))
    numbers = Numbers()
    bare = bool(columns.baht_unit)  # the budget column's unit is in its header
    current: PlainRow | None = None
    gap = False
    j = i + count
    heads = partial(other_header_at, lines, header, ocr, partial(furniture.after_break, lines))
    while j < len(lines):
        line = lines[j]
        text = _flat(line.text)
        lone = not ocr and PAGE_NUMBER_RE.match(line.text) is not None
        done = lone and (current is None or _complete(current, columns))
        if lone and not done and current is not None and current.kind == "item" \
                and (kind := furniture.lone_number(lines, j)) is not pages.Lone.PAGE:
            if kind is pages.Lone.NAME:  # ``…ระยะที่`` / ``4`` / ``8,300,000 บาท``
                current.lines.append(line)
                current.named.append(line.no)
                gap = False
                j += 1
                continue
            current.set_aside.append(line)  # a page number, or the name's last number wrapped
        if line.no in furniture.running:
            gap = True  # a page's running header, with or without the table's header again
            j += 1
            continue
        if not text or (PAGE_NUMBER_RE.match(line.text) and not (done and number_alone(
                lines, j, columns, numbers, done, heads)))  \
                or (ocr and (_OCR_SPECK_RE.match(text) or _OCR_PAGE_NUMBER_RE.match(text))) \
                or (ocr and gap and pages.at_page_foot(lines, j)):
            gap = True
            j += 1
            continue
        repeat = header_at(lines, j, ocr)
        if not repeat and gap and current is not None and current.kind != "total" \
                and not is_heading(text) and running_header(lines, j, header, ocr):
            j += 1  # a running header over the header printed again on the next page
            continue
        if repeat:
            if (current is not None and current.kind == "total") \
                    or squashed_header(lines, j, repeat, ocr) != header:
                break  # the next table's header
            j += repeat  # the header printed again on the next page
            gap = False
            continue
        complete = current is not None and _complete(current, columns)
        if current is None and not table.rows and passed_under_header(text, is_heading):
            j += 1  # a header cell's rest (``ที่รับผิดชอบ``), or the section lists nothing
            continue
        if ocr and current is None and not table.rows and _HEADER_SPECK_RE.match(text):
            j += 1  # a rule's edge or a stamp OCR read between the header's lines (``ae 2``)
            continue
        started = None if current is not None and current.kind == "total" \
            else row_start(line, columns, numbers, complete or current is None, ocr,
                           first=current is None and not table.rows)
        if started is None and ocr and current is None and not table.rows:
            started = _unnumbered_first(lines, j, is_heading)
        elif started is None and ocr and complete and current is not None \
                and current.kind == "item":
            started = unnumbered_whole(line, columns, is_heading(text) and header_follows(
                lines, j, ocr) and not total_next(lines, j))
        if started is not None:
            current = started
            table.rows.append(current)
        elif (is_total(text) or (ocr and complete and misread_total(text, bare))) and (
                current is None or complete or budget_said(text, bare)):
            current = PlainRow("total", [line], None, 0)
            table.rows.append(current)
        elif current is None or (not _BAHT_LINE_RE.match(text) and _ends(
                current, complete, gap, is_heading(text) and header_follows(lines, j, ocr)
                and not total_next(lines, j))):
            break
        else:
            current.lines.append(line)
        gap = False
        j += 1
    return table, j


# ---------------------------------------------------------------------------
# Reading rows into fields
# ---------------------------------------------------------------------------


def read_plain_table(doc: RepairedText, table: PlainTable, findings: list[Finding]
                     ) -> BudgetTable:
    """Read ``seq``, ``name``, ``budget_thb``, ``uses_budget``, ``responsible_unit``, total."""
    out = BudgetTable()
    power = table.columns.baht_unit  # the unit the budget column's heading states
    pending: list[spaced.Pending] = []  # rows whose amount reads two ways (the total decides)
    for row in table.rows:
        line = row.joined()
        if row.kind == "total":
            said = budget_said(line.text, bool(power))
            if said is not None and said.re not in NO_BUDGET_RES:
                start = total_start(line.text, said) if doc.ocr_used else said.start("amount")
                take_total(out, in_unit(doc.raw_in(line, start, said.end("amount")),
                                        cell_unit(said[0], power), ocr=doc.ocr_used),
                           ocr=doc.ocr_used)
            continue
        seq_span = row.no
        body = row.body
        if row.kind == "group":
            item = item_in_group(line.text, body, doc.ocr_used)
            if item is None and row.no is not None and not doc.ocr_used:
                item = item_in_column(line.text, row.no, body)
            if item is None:
                if budget_said(line.text[body:], bool(power)) is not None:
                    findings.append(_unplaced(line, "budget without an item name"))
                continue  # a group (ด้าน/แผนงาน) whose items follow
            seq_span, body = item
        fields: dict[str, FieldValue] = {}
        findings.extend(set_aside_findings(row))
        if seq_span is not None:
            fields["seq"] = doc.raw_in(line, *seq_span)
        said = budget_said(line.text[body:], bool(power))
        if said is None and table.columns.unit and not doc.ocr_used:
            said = dash_cell(line.text[body:])  # ``… - ส่วนคดี``: a dash for no budget
        end = len(line.text) if said is None else body + (
            name_end(line.text[body:], said) if doc.ocr_used else said.start())
        fields["name"] = value([r for r in [doc.raw_in(line, body, end)] if r is not None])
        if fields["name"] is not None and set_aside_findings(row):
            fields["name"] = None  # its last number or a page's: flagged, not loaded
        elif fields["name"] is None:
            findings.append(_unplaced(line, "budget without an item name"))
            continue
        if said is None:
            findings.append(_unplaced(line, "budget cell is not an amount"))
        elif said.re in NO_BUDGET_RES or said.re is DASH_CELL_RE:
            put_budget(fields, out.amounts, True,
                       doc.raw_in(line, body + said.start(), body + said.end()), ocr=doc.ocr_used)
        elif doc.ocr_used and (readings := glued_readings(line.text[body:], said)):
            # ``…ซอย69 855,500 บาท`` or ``…เมือง10 381,100 บาท`` for 10,381,100: not loaded
            fields["budget_thb"] = None
            stated = doc.raw_in(line, body + said.start("amount"), body + said.end("amount"))
            fields["uses_budget"] = Derived(True, "a budget amount is stated",
                                            None if stated is None else stated.span)
            findings.append(Finding(
                "plan_projects", None, "budget_thb", "warning", "ambiguous_value",
                f"line {line.no}: the amount reads {readings[0]} (the digits glued to the "
                f"name its first group) or {readings[1]} (the digits the name's): not loaded"))
        elif said.re is spaced.PLAIN_SPACED_BAHT_RE and (
                two := spaced.pending_row(doc, line, body, said, fields, power)) is not None:
            pending.append(two)  # the run's first group may be the name's: the total decides
        else:
            start = amount_start(line.text[body:], said) if doc.ocr_used \
                else said.start("amount")
            put_budget(fields, out.amounts, False, in_unit(doc.raw_in(
                line, body + start, body + said.end("amount")), cell_unit(said[0], power),
                ocr=doc.ocr_used), ocr=doc.ocr_used)
        if table.columns.unit:
            end = len(line.text)
            last = line.text.rfind("\t")
            if doc.ocr_used and last >= 0 and few_letters(line.text[last:]):
                end = last  # a speck OCR read as a cell of its own after the unit (``ie``)
            if doc.ocr_used and (speck := _UNIT_SPECK_RE.search(line.text, 0, end)):
                end = speck.start()  # a speck read as a sign after the unit (``ส่วนนิติการ,``)
            unit = None if said is None else doc.raw_in(line, body + said.end(), end)
            fields["responsible_unit"] = unit
        out.items.append(RawRow("plan_projects", None, fields))
    findings.extend(spaced.settle(pending, out.amounts, out.stated_total, ocr=doc.ocr_used,
                                  items=out.items))
    return out


def _unplaced(line: Line, what: str) -> Finding:
    text = _flat(line.text)
    if len(text) > 80:
        text = text[:77] + "..."
    return Finding("plan_projects", None, None, "warning", "unparsed_line",
                   f"line {line.no}: {what}: {text}")


__all__ = ["plain_tables", "read_plain_table"]

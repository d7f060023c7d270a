"""The annual action plan's budget summary (``plan_projects``, ``plan_sections``).

Stage: extract (a helper of :mod:`bma_etl.layouts.annual_action_plan`, not a layout).
Consumes the lines and tab tables of a :class:`~bma_etl.layouts.base.RepairedText`;
produces the raw rows of the budget tables under สรุปโครงการและงบประมาณ...: one
per project, one per section (strategic, key, routine) with its stated total
beside the sum of its items. Raises :class:`~bma_etl.errors.ExtractError` when
the plan has no summary or no budget table after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import partial

from bma_etl.errors import ExtractError
from bma_etl.layouts.amount_units import cell_unit, in_unit, note_unit
from bma_etl.layouts.base import (
    Derived,
    FieldValue,
    Finding,
    Line,
    RawRow,
    RepairedText,
)
from bma_etl.layouts.plan_amounts import AMOUNT_BAHT_RE, cell_amount
from bma_etl.layouts.plan_budget_columns import GROUP_THEN_NAME_RE, budget_columns, seq_names_more
from bma_etl.layouts.plan_budget_items import items_in_cell, several_rows, sub_activity
from bma_etl.layouts.plan_budget_parts import Part, named
from bma_etl.layouts.plan_budget_sections import (
    SECTION_WORDS,
    is_heading,
    stacked_header,
    summary_headings,
)
from bma_etl.layouts.plan_budget_totals import stated_total, take_total
from bma_etl.layouts.plan_cells import (
    AMOUNT_RE,
    DIGIT,
    DIGITS_RE,
    ITEM_RE,
    NO_ITEMS_RE,
    blank_tags,
    few_letters,
    is_total,
    unplaced,
)
from bma_etl.layouts.plan_merged_cells import (
    add_budget_line,
    continues_above,
    header_rest,
    is_ditto,
    share_budget,
    unit_as_above,
)
from bma_etl.layouts.plan_plain import plain_tables, read_plain_table
from bma_etl.layouts.plan_plain_rows import PlainTable
from bma_etl.layouts.plan_tables import Table, kind_of
from bma_etl.layouts.plan_values import (
    BudgetTable,
    budget_elsewhere,
    cell_pieces,
    first_match,
    joined,
    pieces,
    put_budget,
    states_no_budget,
    unit_beside,
    value,
)
from bma_etl.normalize.unit_words import heading_unit

#: The ลำดับ cell: a number, with a point after it or not (``1``, ``๑.``).
SEQ_CELL_RE = re.compile(rf"{DIGIT}+\.?")


# ---------------------------------------------------------------------------
# plan_projects and plan_sections
# ---------------------------------------------------------------------------


def read_budget_table(doc: RepairedText, table: Table, findings: list[Finding],
                      fiscal_year: int | None = None) -> BudgetTable:
    """Read ``seq``, ``name``, ``budget_thb``, ``uses_budget``, ``responsible_unit``, total.

    A numbered item inside the name cell (``๑. โครงการ...`` under a ``ด้าน/แผนงาน``
    group, as in the routine list) gives the item's ``seq``; otherwise the ลำดับ
    column does. A row with a name but no number and no budget continues the name
    of the item above (a cell broken over a page). The budget column is the one
    whose header names the plan's ``fiscal_year`` when headers name years
    (:func:`~.plan_budget_columns.budget_columns`); when that cannot be told, no
    budget or total is read and a finding says so.
    """
    columns = budget_columns(table.rows[0], fiscal_year)
    seq_col, name_col, budget_col, unit_col, budget_head, others, untold = columns
    if untold:
        findings.append(Finding("plan_projects", None, None, "warning", "unparsed_line",
                                f"line {table.first_line}: budget columns name other years "
                                "than the plan's fiscal year; budgets not read"))
    unit = heading_unit(budget_head)
    unit = unit or note_unit(table.headings, len(table.headings))  # ``(หน่วย : ล้านบาท)``
    out = BudgetTable()
    for row in table.rows:
        filled = row.filled()
        if not filled or kind_of(row, None) == "budget" or header_rest(row):  # a header
            continue
        if len(filled) == 1 and NO_ITEMS_RE.match(filled[0]):
            continue  # ``- ไม่มีโครงการในหมวดนี้ -``: the section lists nothing
        if any(is_total(t) for t in filled):
            take_total(out, stated_total(doc, row, columns, unit, out.amounts),
                       ocr=doc.ocr_used)
            continue
        name_cell = row.cell(name_col)
        budget_cell = row.cell(budget_col)
        if name_cell is None or not name_cell.plain:
            if budget_cell is not None and budget_cell.plain:
                findings.append(unplaced("plan_projects", row, "budget without an item name"))
            continue  # a group cell (ด้าน/แผนงาน) whose items follow
        item = ITEM_RE.match(blank_tags(name_cell.text))
        seq_cell = row.cell(seq_col)
        numbered = seq_cell is not None and SEQ_CELL_RE.fullmatch(seq_cell.plain)
        if (above := continues_above(out.items, seq_cell, name_cell)) and (
                not row.plain(budget_col) or is_ditto(budget_cell)):
            continue  # the project above, merged over this row: no line of its own
        if not item and not numbered and not row.plain(budget_col) and out.items:
            if sub_activity(row, name_cell, out.items[-1], findings):
                continue
            last = out.items[-1].fields
            last["name"] = joined(last.get("name"), cell_pieces(doc, name_cell))
            if row.plain(unit_col):
                last["responsible_unit"] = joined(last.get("responsible_unit"),
                                                   cell_pieces(doc, row.cell(unit_col)))
            continue
        several = (items_in_cell(name_cell.text, item.span("no"), item.start("body"),
                                 budget_cell.text)
                   if item and budget_cell is not None and not doc.ocr_used
                   and "<" not in name_cell.text and not row.plain(unit_col) else None)
        if several and budget_cell is not None:  # projects a page break's join put in one row
            out.items.extend(several_rows(doc, name_cell, budget_cell, several, out.amounts))
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
        if is_ditto(budget_cell) and share_budget(out.items, fields, row, findings):
            budget_cell = None  # one amount merged over this project and the one above
        no_budget = states_no_budget(budget_cell.text, dash=not doc.ocr_used) \
            if budget_cell else None
        amount = first_match(doc, AMOUNT_RE, budget_cell)
        if no_budget is None and amount is None and not untold and "uses_budget" not in fields:
            budget_cell = budget_elsewhere(row, name_col, others)
            no_budget = states_no_budget(budget_cell.text, dash=not doc.ocr_used) \
                if budget_cell else None
            amount = first_match(doc, AMOUNT_RE, budget_cell)
        if amount is not None and budget_cell is not None:
            amount = cell_amount(doc, budget_cell, amount)
        states_none = budget_cell is not None and no_budget is not None
        said = (doc.raw(budget_cell.start + no_budget.start(), budget_cell.start + no_budget.end())
                if budget_cell is not None and no_budget is not None
                else in_unit(amount, cell_unit(budget_cell.text if budget_cell else "", unit),
                             ocr=doc.ocr_used))
        blank = False
        if untold or "uses_budget" in fields or put_budget(  # (shared: set above)
                fields, out.amounts, states_none, said, ocr=doc.ocr_used):
            pass  # read, or which column is this year's cannot be told (a finding says so)
        elif doc.ocr_used or row.plain(budget_col) or not row.plain(unit_col) \
                or AMOUNT_BAHT_RE.search(row.plain(unit_col)):  # an amount read, not unstated
            findings.append(unplaced("plan_projects", row, "budget cell is not an amount"))
        else:  # an empty cell between the name and the unit, as printed
            blank = True
        if unit_col is not None:
            fields["responsible_unit"] = unit_beside(doc, row, unit_col, budget_cell)
            if is_ditto(row.cell(unit_col)):  # a unit cell merged over this row and the one above
                unit_as_above(out.items, fields)
        if above:  # a budget line of the project above (its number and name merged)
            add_budget_line(out.items[-1], fields, row, findings)
        else:
            out.items.append(RawRow("plan_projects", None, fields))
            out.unstated.extend(out.items[-1:] if blank else [])
    return out


def tab_table_fits(table: Table, fiscal_year: int | None = None, ocr: bool = False) -> bool:
    """Tell a budget table whose tabs are its columns from one whose tabs are mere gaps.

    A PDF laid out with tab stops comes back with a tab wherever a gap was wide:
    header words run together in one cell (``ลำดับ ที่ ชื่อโครงการ งบประมาณ``,
    ``ด้าน/แผนงาน รายการ/โครงการ``: the group's and the items' columns), an
    amount inside the name's cell, another table's header or a section heading
    taken in as a row. Such a table is read from its lines instead
    (:mod:`bma_etl.layouts.plan_plain`). ``ocr``: the text is OCR's, which reads a
    row's Thai number as a letter or two (``เจ`` for ``๖``, ``๕ ม``): such a number
    cell (:func:`~.plan_cells.few_letters`) is no heading, and the table's cells
    (a ruled table's, a wrapped name's rest in its own column) are still its columns.
    """
    header = table.rows[0]
    seq_col, name_col, budget_col, unit_col, *_, untold = budget_columns(header, fiscal_year)
    if untold:  # no budget to read, from tabs or lines: the names and units are the tabs'
        return seq_col is not None and name_col is not None
    if seq_col is None or name_col is None or budget_col is None:
        return False
    if any("งบประมาณ" in header.squashed[c] for c in (seq_col, name_col)) \
            or GROUP_THEN_NAME_RE.search(header.squashed[name_col]) \
            or seq_names_more(header, seq_col):
        return False  # header words of several columns in one cell
    own = [t for t in header.squashed if t]
    for row in table.rows[1:]:
        filled = row.filled()
        if not filled or any(is_total(t) for t in filled) \
                or (len(filled) == 1 and NO_ITEMS_RE.match(filled[0])):
            continue
        if kind_of(row, None) == "budget":
            if [t for t in row.squashed if t] != own:
                return False  # the header of another table
            continue
        seq = row.plain(seq_col)
        if seq and not SEQ_CELL_RE.fullmatch(seq) and not (ocr and few_letters(seq)):
            return False  # a heading or words in the number column
        name = row.cell(name_col)
        if name is not None and AMOUNT_BAHT_RE.search(name.plain):
            return False  # the budget ran into the name
        numbered = bool(seq) or (name is not None and ITEM_RE.match(blank_tags(name.text)))
        budget = row.cell(budget_col)
        if numbered and (name is None or not name.plain) and (
                (budget is not None and budget.plain) or budget_elsewhere(row, name_col)):
            return False  # a budget without a name: the name is in another column
        if numbered and not row.plain(budget_col) and row.plain(unit_col):
            continue  # an empty budget cell between the name and the unit
        if numbered and not (budget is not None and (is_ditto(budget)
                                                     or states_no_budget(budget.text, dash=True)
                                                     or AMOUNT_RE.search(budget.plain))) \
                and budget_elsewhere(row, name_col) is None:
            return False
    return True


def _tab_parts(doc: RepairedText, lines: list[Line], tables: list[Table],
               unnamed: list[Finding], fiscal_year: int | None
               ) -> tuple[dict[str, Part], set[str], int | None]:
    """The summary's tab tables by section, the sections whose table fits, the heading's line.

    The summary is the run of budget tables after the summary heading; the first
    other table ends it. A section listed a second time (the routine list printed
    again under การนำแผนฯ ไปสู่การปฏิบัติ in ``003_bab53728cf3029b8.txt``) is
    not read twice.
    """
    candidates = [lines[i] for i, _ in summary_headings(lines)]
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
        return lambda findings: read_budget_table(doc, table, findings, fiscal_year)

    parts = named([(t.first_line, t.headings, reader(t)) for t in run], unnamed,
                  {ln.no: ln for ln in lines})
    fitting = {p.section for p in parts.values()
               if all(tab_table_fits(t, fiscal_year, doc.ocr_used) for t in run
                      if t.first_line in (p.first_line, *p.more))}
    return parts, fitting, heading.no


def _plain_parts(doc: RepairedText, lines: list[Line], unnamed: list[Finding]
                 ) -> dict[str, Part]:
    """The summary's tables read from plain lines, by section.

    The summary's heading is the first candidate a budget table follows.
    """
    for _, after in summary_headings(lines):
        tables = plain_tables(lines, after, partial(is_heading, ocr=doc.ocr_used), doc.ocr_used)
        if tables:
            def reader(table: PlainTable) -> Callable[[list[Finding]], BudgetTable]:
                return lambda findings: read_plain_table(doc, table, findings)

            return named([(t.first_line, t.headings, reader(t)) for t in tables], unnamed,
                         {ln.no: ln for ln in lines})
    return {}


def summary_rows(doc: RepairedText, lines: list[Line], tables: list[Table],
                  findings: list[Finding], fiscal_year: int | None = None) -> list[RawRow]:
    """Read the budget summary into ``plan_projects`` and ``plan_sections`` rows.

    Each section is read from its tab table when the table's tabs are its columns
    (:func:`tab_table_fits`), otherwise from the plain lines under its heading
    (:mod:`bma_etl.layouts.plan_plain`): a PDF laid out with tab stops has no
    columns to split at. ``fiscal_year`` (Buddhist era) is the plan's, which
    tells the budget column among columns of several years.
    """
    tab_unnamed: list[Finding] = []
    plain_unnamed: list[Finding] = []
    tab, fitting, heading_no = _tab_parts(doc, lines, tables, tab_unnamed, fiscal_year)
    every = len(fitting) == len(SECTION_WORDS)  # nothing left to look for in plain lines
    plain = {} if every else _plain_parts(doc, lines, plain_unnamed)
    if heading_no is None and not plain:
        raise ExtractError("annual action plan without its budget summary "
                           "(no heading สรุปโครงการและงบประมาณ...)")
    chosen: list[Part] = []
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
            it.fields.get("budget_thb") is None and all(it is not u for u in read.unstated)
            and not (
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
    stacked = None if sections or heading_no is None else stacked_header(lines, heading_no)
    if stacked is not None:  # its cells out of their rows: the plan loads, with no project
        findings.append(Finding("plan_projects", None, None, "warning", "unparsed_line",
                                f"line {stacked}: the budget table is written a cell a line"
                                " (a text dump in reading order): its projects not read"))
    elif not sections:
        raise ExtractError(f"annual action plan: no budget table after the summary heading "
                           f"on line {heading_no}")
    return projects + sections

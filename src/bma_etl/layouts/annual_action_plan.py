"""Annual action plan (แผนปฏิบัติการประจำปี) of a BMA agency.

Stage: extract. Consumes the repaired text of one plan; produces raw rows for
``plans`` (title, agency, fiscal year, vision, missions:
:mod:`bma_etl.layouts.plan_header`), ``plan_swot_items`` (the SWOT analysis
lists: :mod:`bma_etl.layouts.plan_swot`), ``plan_projects`` and ``plan_sections``
(the budget summary tables under สรุปโครงการและงบประมาณ...:
:mod:`bma_etl.layouts.plan_budget`), ``plan_indicators`` (targets under year
columns), ``plan_scoring_levels`` (เกณฑ์การให้คะแนน tables) and
``plan_kpi_definitions`` (tables with a นิยาม/คำอธิบายตัวชี้วัด column:
:mod:`bma_etl.layouts.plan_indicators`), ``plan_steps`` (ขั้นตอนการดำเนินงาน
tables, :mod:`bma_etl.layouts.plan_steps`); a step or scoring table the page
printed as flowing text is read by :mod:`bma_etl.layouts.plan_flow` and
:mod:`bma_etl.layouts.plan_flow_levels`.

Sections are recognised by their heading words and tables by their column
headers (:mod:`bma_etl.layouts.plan_tables`), never by position or count: another
agency's plan orders and words them differently. A summary table's stated total
is loaded as written beside the sum of its items; when they differ the finding
``total_mismatch`` says so, and neither number is corrected.
"""

from __future__ import annotations

from bma_etl.layouts.base import (
    Extraction,
    Layout,
    Line,
    Raw,
    RawRow,
    RepairedText,
    Signal,
    score_signals,
)
from bma_etl.layouts.plan_budget import summary_rows
from bma_etl.layouts.plan_budget_sections import SUMMARY_HEADING, section_of
from bma_etl.layouts.plan_cells import row_of
from bma_etl.layouts.plan_definition_heads import mend_indicator_heads
from bma_etl.layouts.plan_flow import Flowed, flow_steps
from bma_etl.layouts.plan_flow_definitions import flow_definitions
from bma_etl.layouts.plan_flow_definitions_header import is_kpi_header as flowing_kpi_header
from bma_etl.layouts.plan_flow_header import is_step_header
from bma_etl.layouts.plan_flow_kpi import flow_targets
from bma_etl.layouts.plan_flow_levels import flow_levels
from bma_etl.layouts.plan_flow_targets import doubt_letter_numbers
from bma_etl.layouts.plan_header import PLAN_WORDS, plan_row, untabbed
from bma_etl.layouts.plan_indicators import (
    read_kpi_table,
    read_scoring_table,
    read_target_table,
)
from bma_etl.layouts.plan_name_copies import agree_level_names
from bma_etl.layouts.plan_name_heads import mend_names
from bma_etl.layouts.plan_project_seqs import doubt_unborne_seqs
from bma_etl.layouts.plan_steps import (
    StepContext,
    read_step_table,
    stops_before_next_step,
    update_step_context,
)
from bma_etl.layouts.plan_swot import swot_rows
from bma_etl.layouts.plan_tables import (
    CONTEXT_HEADINGS,
    Table,
    blocks_of,
    is_kpi_header,
    tables_of,
)
from bma_etl.layouts.plan_unread_tables import unread_amount_tables
from bma_etl.layouts.plan_values import finish_text_fields, to_int
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

TITLE = "แผนปฏิบัติการประจำปี"


#: What marks an annual action plan (regex → points).
SIGNALS = (
    Signal(PLAN_WORDS, 0.4, 3000, phrase="แผนปฏิบัติการประจำปี"),
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
    out.rows.append(plan_row(doc, untabbed(lines, leading=True)))
    out.rows.extend(swot_rows(doc, untabbed(lines), out.findings))
    tables = tables_of(blocks_of(doc, _table_lines(doc, lines)))
    year = out.rows[0].fields.get("fiscal_year_be")
    fiscal_year = to_int(year.text) if isinstance(year, Raw) else None
    out.rows.extend(summary_rows(doc, lines, tables, out.findings, fiscal_year))
    targets: list[RawRow] = []
    levels: list[RawRow] = []
    steps: list[RawRow] = []
    definitions: list[RawRow] = []
    ctx = StepContext()
    previous: Table | None = None
    as_cells: dict[str, list[tuple[Table, list[RawRow]]]] = {
        "scoring": [], "steps": [], "targets": [], "kpi": []}
    for table in tables:
        if table.kind == "targets":
            as_cells["targets"].append((table, read_target_table(doc, table, out.findings)))
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
            found = read_kpi_table(doc, table, out.findings, carry)
            # a table that only continues the row before it is read whole
            as_cells["kpi"].append((table, found if found or carry is None else [carry]))
            definitions.extend(found)
        previous = table
    flowing = _flow_lines(doc, lines)
    levels = _with_flowing(as_cells["scoring"], flow_levels(
        doc, flowing, _read_whole(as_cells["scoring"])))
    # a step table whose cells stop at a blank line over its next step is read flowing
    short = {table.first_line for table, rows in as_cells["steps"]
             if stops_before_next_step(lines, table, rows)}
    steps = _with_flowing(as_cells["steps"], flow_steps(
        doc, flowing, _read_whole(as_cells["steps"], short)), flowing_first=short)
    targets = _with_flowing(as_cells["targets"], flow_targets(
        doc, flowing, _read_whole(as_cells["targets"])))
    definitions = _with_flowing(as_cells["kpi"], flow_definitions(
        doc, flowing, _read_whole(as_cells["kpi"])), unique=True)
    for ordinal, row in enumerate(steps, start=1):
        row.ordinal = ordinal
    finish_text_fields(doc, definitions)
    for rows in (targets, levels, definitions):
        for ordinal, row in enumerate(rows, start=1):
            row.ordinal = ordinal
        out.rows.extend(rows)
    out.rows.extend(steps)
    if doc.ocr_used:  # a table no header was recognised over: say so, not drop it unsaid
        out.findings.extend(unread_amount_tables(tables))
        doubt_letter_numbers(targets, out.findings)
    mend_names(doc, out.rows, out.findings)
    if doc.ocr_used:
        doubt_unborne_seqs(out.rows, out.findings)
    mend_indicator_heads(doc, out.rows)
    agree_level_names(doc, out.rows)
    return out


def _table_lines(doc: RepairedText, lines: list[Line]) -> list[Line]:
    """The lines tables are read from: ``lines`` and definition headers taken for furniture.

    A Word table's header repeated at a page's top is furniture (its words are no
    row); but a definition table's own header set right under another table (no
    line between) is what tells the two apart (a plan printed from Word: a scoring
    table, then the next definition table's header at the next page's top). The
    definition reader skips a header it meets again.
    """
    if not doc.furniture:
        return lines
    return [ln for ln in doc.all_lines() if ln.no not in doc.furniture
            or ("\t" in ln.text and is_kpi_header(row_of(ln).squashed))]


#: The longest line that is a definition table's header as a flowing print sets it.
_KPI_HEADER_LINE_MAX = 90


def _flow_lines(doc: RepairedText, lines: list[Line]) -> list[Line]:
    """The lines flowing tables are read from: ``lines`` and definition headers that open a table.

    A definition table's header is repeated at the top of every page its table runs
    over, and so is furniture; but the first one, at the top of the page right under
    a scoring or step table (a plan printed from Word), is what ends that table and
    opens the definitions: without it the table's last row runs on into the
    definition row, and that row has no header to be read under. A header is taken
    back when no definition header came since the last scoring or step heading
    (:data:`~bma_etl.layouts.plan_tables.CONTEXT_HEADINGS`); its cells may be
    joined by spaces (a flowing print) or tabs, its first two run together
    (``มาตรการตัวชี้วัดมาตรการ``, fpdf2). So is a step table's header
    (``ขั้นตอนการดำเนินงาน ...``) that two tables of a flowing print each had at the
    top of a page, one page after the other, as a running header stands: it is taken
    back when a ``ชื่อตัวชี้วัด`` or ``ชื่อโครงการ`` heading came since the last step
    header (it opens a table of its own, not one the page before ran on).
    """
    if not doc.furniture:
        return lines
    keep: set[int] = set()
    under_kpi = under_steps = False
    for ln in doc.all_lines():
        if is_kpi_header(ln.text.replace("\t", " ").split()) or (
                len(ln.text) <= _KPI_HEADER_LINE_MAX and flowing_kpi_header(ln.text, False)):
            if ln.no in doc.furniture and not under_kpi:
                keep.add(ln.no)
            under_kpi = True
        elif is_step_header(ln.text, doc.ocr_used):
            if ln.no in doc.furniture and not under_steps:
                keep.add(ln.no)
            under_steps = True
        elif ln.no not in doc.furniture and any(
                p.search(ln.text) for p in CONTEXT_HEADINGS.values()):
            under_kpi = False
            under_steps = under_steps and not CONTEXT_HEADINGS["steps"].search(ln.text)
    if not keep:
        return lines
    return [ln for ln in doc.all_lines() if ln.no not in doc.furniture or ln.no in keep]


#: A row's own fields (not those its headings give) in the step and scoring tables,
#: and in the target and definition tables (a definition's measure is not stated in
#: a table without one).
_OWN_FIELDS = ("step_no", "level", "weight_pct", "description", "score", "step_pct",
               "cumulative_pct")
_OWN_TABLE_FIELDS = {"plan_indicators": ("name", "target_text"),
                     "plan_kpi_definitions": ("indicator", "definition", "activities")}


def _whole(rows: list[RawRow]) -> bool:
    """Whether every row read as cells has its own fields (a flowing row cut into cells has not).

    A field of several cells is a list: an empty one states nothing (a definition
    row whose first lines alone had tabs: its definition and activities cells).
    """
    return bool(rows) and all(r.fields.get(name) not in (None, []) for r in rows
                              for name in _OWN_TABLE_FIELDS.get(r.table, _OWN_FIELDS)
                              if name in r.fields)


def _read_whole(tables: list[tuple[Table, list[RawRow]]],
                short: set[int] | frozenset[int] = frozenset()) -> set[int]:
    """Line numbers of the tables whose rows were read whole as cells.

    ``short``: first lines of tables whose cells stop short of the table's end (their
    rows whole, yet not all of them): left to the flowing reader.
    """
    return {r.line.no for table, rows in tables if _whole(rows)
            and table.first_line not in short for r in table.rows}


def _with_flowing(tables: list[tuple[Table, list[RawRow]]], flowing: list[Flowed], *,
                  unique: bool = False, flowing_first: frozenset[int] | set[int] = frozenset()
                  ) -> list[RawRow]:
    """Rows read as cells, or from flowing text where the cells gave less, in line order.

    A table whose rows as cells lack fields (a row the page flowed over several
    lines comes back as a first line of cells and lines of words) is read from
    flowing text when that finds rows under its header, and so is one of
    ``flowing_first`` (its cells stop short of its end); the flowing rows go
    before the first row read as cells that starts on a later line.
    """
    by_header: dict[int, list[Flowed]] = {}
    for f in flowing:
        by_header.setdefault(f.header, []).append(f)
    rows: list[RawRow] = []
    for table, found in tables:
        if (not _whole(found) or table.first_line in flowing_first) \
                and table.first_line in by_header:
            continue  # read below, from flowing text
        rows.extend(r for r in found if not unique or all(r is not x for x in rows))
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


LAYOUT = Layout(
    layout_id="annual_action_plan",
    title=TITLE,
    tables=(Plan, PlanSwotItem, PlanProject, PlanSection, PlanIndicator, PlanScoringLevel,
            PlanStep, PlanKpiDefinition),
    score=score,
    extract=extract,
    signals=SIGNALS,
    one_per_file=True,
    core=("plans.agency", "plans.fiscal_year_be"),
    main=("plan_projects", r"สรุปโครงการและงบประมาณ"),
)

__all__ = ["LAYOUT", "extract", "score", "section_of", "swot_rows"]

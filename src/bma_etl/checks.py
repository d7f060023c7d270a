"""Quality checks over one document's validated records.

Stage: checks. Consumes the records of one document; produces findings that
become ``quality_issues`` rows. Checks never block loading and never change a
value: a stated total that is not the sum of its items is loaded as stated.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import cast

from bma_etl.document import Finding
from bma_etl.matchkey import search_key
from bma_etl.normalize.fiscal import in_fiscal_year
from bma_etl.records import MonthlyProgress, PlanSection, ProgressUpdate, Project, Record

Check = Callable[[dict[str, list[Record]]], list[Finding]]


def _rows(tables: dict[str, list[Record]], model: type[Record]) -> list[Record]:
    return tables.get(model.table, [])


def check_budget(tables: dict[str, list[Record]]) -> list[Finding]:
    """Spent budget larger than the allocated budget."""
    out = []
    for p in cast(Sequence[Project], _rows(tables, Project)):
        if (p.budget_spent_thb is not None and p.budget_allocated_thb is not None
                and p.budget_spent_thb > p.budget_allocated_thb):
            out.append(Finding("projects", None, "budget_spent_thb", "warning",
                               "spent_exceeds_allocated",
                               f"spent {p.budget_spent_thb} > allocated {p.budget_allocated_thb}"))
    return out


def check_dates(tables: dict[str, list[Record]]) -> list[Finding]:
    """Flag dates outside the project's fiscal year, and a start after the end.

    Report dates and the project's start and end, for every medium: a year that
    contradicts the dates is worth a look.
    """
    out = []
    projects = cast(Sequence[Project], _rows(tables, Project))
    fy = projects[0].fiscal_year_be if projects else None
    if projects and projects[0].start_date and projects[0].end_date \
            and projects[0].start_date > projects[0].end_date:
        out.append(Finding("projects", None, "end_date", "warning", "date_order",
                           f"end {projects[0].end_date} is before start {projects[0].start_date}"))
    if fy is None:
        return out
    for name in ("start_date", "end_date"):
        when = getattr(projects[0], name)
        if when is not None and not in_fiscal_year(when, fy):
            out.append(Finding("projects", None, name, "warning", "date_outside_fiscal_year",
                               f"{name.replace('_', ' ')} {when} is outside the stated "
                               f"fiscal year {fy}"))
    for u in cast(Sequence[ProgressUpdate], _rows(tables, ProgressUpdate)):
        if u.report_date is not None and not in_fiscal_year(u.report_date, fy):
            out.append(Finding("progress_updates", u.ordinal, "report_date", "warning",
                               "date_outside_fiscal_year",
                               f"report dated {u.report_date} is outside fiscal year {fy}"))
    return out


def check_progress(tables: dict[str, list[Record]]) -> list[Finding]:
    """Progress going down between dated reports; a printed number used twice or skipped.

    A report number missing between two the document prints (``1, 2, 4``) is flagged
    on the report after the gap (``report_number_missing``): a row the reader lost (a
    scan's line OCR could not read, a row a page break cut) would otherwise go unseen.
    """
    out = []
    updates = cast(Sequence[ProgressUpdate], _rows(tables, ProgressUpdate))
    dated = sorted((u for u in updates if u.report_date and u.progress_pct is not None),
                   key=lambda u: (u.report_date, u.ordinal))
    for before, after in pairwise(dated):
        if (after.progress_pct or 0) < (before.progress_pct or 0):
            out.append(Finding("progress_updates", after.ordinal, "progress_pct", "warning",
                               "progress_decreased",
                               f"progress fell from {before.progress_pct} ({before.report_date})"
                               f" to {after.progress_pct} ({after.report_date})"))
    counts = Counter(u.seq_label for u in updates if u.seq_label is not None)
    for u in updates:
        if u.seq_label is not None and counts[u.seq_label] > 1:
            out.append(Finding("progress_updates", u.ordinal, "seq_label", "warning",
                               "duplicate_seq_label",
                               f"report number {u.seq_label} is printed "
                               f"{counts[u.seq_label]} times"))
    numbered = sorted((u.seq_label, u.ordinal) for u in updates if u.seq_label is not None)
    unnumbered = len(updates) - len(numbered)  # (reports whose number was not read)
    skipped = sum(max(upto - number - 1, 0) for (number, _), (upto, _) in pairwise(numbered))
    for (number, _), (upto, ordinal) in pairwise(numbered):
        if upto - number > 1 and skipped > unnumbered:
            missing = f"{number + 1}" if upto - number == 2 else f"{number + 1}-{upto - 1}"
            out.append(Finding("progress_updates", ordinal, "seq_label", "warning",
                               "report_number_missing",
                               f"report {missing} is not read: the document's reports "
                               f"go from number {number} to {upto}"))
    return out


def check_months(tables: dict[str, list[Record]]) -> list[Finding]:
    """A month missing between two a detail page's monthly results read (``month_missing``).

    The page prints a line for each month in order, filled or not (``ผลงานเดือนที่ 1`` to
    ``12``): months 3-6 missing between 2 and 7 are lines lost (a scanner cut the page
    short, lines OCR could not read). Flagged on the month after the gap.
    """
    out = []
    months = sorted((m.month_no, m.ordinal)
                    for m in cast(Sequence[MonthlyProgress], _rows(tables, MonthlyProgress)))
    for (month, _), (upto, ordinal) in pairwise(months):
        if upto - month > 1:
            missing = f"{month + 1}" if upto - month == 2 else f"{month + 1}-{upto - 1}"
            out.append(Finding("monthly_progress", ordinal, "month_no", "warning",
                               "month_missing",
                               f"month {missing} is not read: the page's monthly results go "
                               f"from month {month} to {upto} (a page cut short, or lines "
                               "not read)"))
    return out


def check_totals(tables: dict[str, list[Record]]) -> list[Finding]:
    """A plan table's stated total against the sum of its items."""
    out = []
    for s in cast(Sequence[PlanSection], _rows(tables, PlanSection)):
        if (s.stated_total_thb is not None and s.computed_total_thb is not None
                and s.stated_total_thb != s.computed_total_thb):
            out.append(Finding("plan_sections", s.ordinal, "stated_total_thb", "warning",
                               "total_mismatch",
                               f"{s.section}: stated {s.stated_total_thb}, items sum to "
                               f"{s.computed_total_thb}"))
    return out


def sparse_document(layout_id: str, core: tuple[str, ...], main: tuple[str, str] | None,
                    tables: dict[str, list[Record]], text: str) -> list[Finding]:
    """A ``sparse_document`` warning when a document loads without what makes it one.

    That is: more than half of ``core`` (the fields that identify the project or plan,
    ``table.field``, ``a|b`` either) NULL, or no row of ``main``'s table while the text
    shows its words (``(table, regex in key form)``: the table was there but not read).
    The message names what is missing, and the line that shows the table, so that a
    document loaded mostly NULL is not taken for read. The layout ``layout_id``
    declares both (:attr:`~bma_etl.layouts.base.Layout.core` and ``main``); a check
    takes them as data, so that importing the checks loads no extractor.
    """
    missing = []
    for item in core:
        if not any(_stated(tables, one) for one in item.split("|")):
            missing.append(item.replace("|", " or "))
    sparse = bool(core) and 2 * len(missing) > len(core)
    if main is not None and not tables.get(main[0]):
        shown = search_key(main[1], text)
        if shown is not None:
            line = text.count("\n", 0, shown[0]) + 1
            missing.append(f"{main[0]} (no row, though line {line} reads "
                           f"{' '.join(text[shown[0]:shown[1]].split())!r})")
            sparse = True
    if not sparse:
        return []
    return [Finding("documents", None, None, "warning", "sparse_document",
                    f"{layout_id} loaded without {', '.join(missing)}: not stated, "
                    "or not read (see bma-etl explain)")]


def _stated(tables: dict[str, list[Record]], item: str) -> bool:
    table, _, name = item.partition(".")
    rows = tables.get(table, [])
    return bool(rows) and getattr(rows[0], name, None) not in (None, "", [])


CHECKS: tuple[Check, ...] = (check_budget, check_dates, check_progress, check_months,
                             check_totals)


def run_checks(tables: dict[str, list[Record]], extractor_findings: list[Finding]
               ) -> list[Finding]:
    """Every finding for a document: the extractor's and the checks', without repeats.

    A repeat is a finding of the same table, row, field and code; one of no row and no
    field (a line no field could take) is a repeat only with the same message too, so
    that a second line not read is never lost unsaid.
    """
    seen: set[tuple[str, int | None, str | None, str, str]] = set()
    out: list[Finding] = []
    for finding in [*extractor_findings, *(f for check in CHECKS for f in check(tables))]:
        about = finding.message if finding.row_ordinal is None and finding.field is None else ""
        key = (finding.table_name, finding.row_ordinal, finding.field, finding.code, about)
        if key not in seen:
            seen.add(key)
            out.append(finding)
    return out

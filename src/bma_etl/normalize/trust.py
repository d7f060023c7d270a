"""Numbers OCR may have misread: loaded only when another value of the page confirms them.

Stage: normalize (after parsing, before validation), for documents read by OCR.
Debian's Thai model has no ๔ ๖ ๗ ๘ ๙: a scan's Thai-digit numbers come out with other
digits, at high confidence (``๘๐๐,๐๐๐`` as ``๕๐๐,๐๐๐``, ``๒๕๖๔`` as ``๒๕๒๕``). A
number, date or code read by OCR is *doubtful* when its text holds a Thai digit, a
letter among its digits (``ซ๕,๒๐๐``: the parser would drop the letter) or a question
mark at them (``?77``). So is a number in Arabic digits whose word OCR's Thai and
English models read with other digits (a *doubted* word,
:mod:`bma_etl.read.ocr_rereads`; it keeps Tesseract's confidence), and one in Arabic
digits in a column whose other numbers read in Thai digits (a SWOT item's ``๑.`` read
``9.`` under ``๒.``, ``๓.``: :mod:`bma_etl.normalize.trust_script`), and a
project's two budgets out of line with each other (spent more than allocated, both
doubtful: :mod:`bma_etl.normalize.trust_budgets`), and a date or fiscal year far from
every other date of the document (a year's tens digit misread:
:mod:`bma_etl.normalize.trust_years`). A doubtful value is loaded only when a value
that is not doubtful confirms it:

- a fiscal year, by the project's dates or its report dates falling in it;
- a project's start or end date, by lying in a fiscal year that is not doubtful;
- a project's progress, by the latest progress of its entries or months;
- an entry's or month's number, by its place in the list;
- a plan's SWOT item, project or step number, by its place in its heading's,
  section's or project's numbered list when the list's other numbers read theirs
  (:func:`~bma_etl.normalize.trust_places.numbered_place`);
- a report's date, by falling between the dates of the reports either side of it;
- a progress form's budget spent or a report's amount disbursed, by the reports'
  amounts adding up to the budget spent (:mod:`~bma_etl.normalize.trust_sums`);
- a plan's project amount, by its section's amounts adding up to its sure total row;
  one amount Tesseract read alone, by the vouched total less the vouched others
  (loaded as that, derived: :mod:`~bma_etl.normalize.trust_solve`);
- a scoring level, by its place in its table's list of five levels (5..1 or 1..5, the
  order its other levels read in: :func:`~bma_etl.normalize.trust_places.level_places`);
- any number or code, by the same value printed again in Arabic digits;
- a year read glyph by glyph, by the same year read again after another ``พ.ศ.``
  (:func:`~bma_etl.normalize.trust_years.year_read_again`).

An amount scaled from the number a column's unit heading (``งบประมาณ (พันบาท)``)
applies to is as doubtful as the digits read (:func:`.trust_units.scaled_reading`).

A sum computed from doubtful amounts (a plan section's ``computed_total_thb``) is
as doubtful as they are: NULL, with the issue, when any of its amounts is not loaded.

Otherwise it is NULL with an ``ocr_doubtful_value`` quality issue that quotes what
OCR read and says why it is doubtful (with what the page says instead, when a check
refutes it). A row whose key number is doubtful and unconfirmed is left out, with
the issue. Other Arabic-digit values OCR read are left as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from bma_etl.document import Finding
from bma_etl.normalize.fields import Normalized, NormalizedRow, ProvenanceRow
from bma_etl.normalize.fiscal import fiscal_year_be, fiscal_year_bounds
from bma_etl.normalize.trust_again import printed_again
from bma_etl.normalize.trust_budgets import budgets_out_of_line
from bma_etl.normalize.trust_doubts import doubt_of, doubted_digits, read_alike
from bma_etl.normalize.trust_drops import Dropped, drop_section_sums, forget_provenance
from bma_etl.normalize.trust_places import level_places, numbered_place
from bma_etl.normalize.trust_script import arabic_among_thai
from bma_etl.normalize.trust_solve import load_solved, solved_sections, vouched
from bma_etl.normalize.trust_sums import paid_adds_up, spent_adds_up
from bma_etl.normalize.trust_totals import section_adds_up, section_sum_confirms
from bma_etl.normalize.trust_units import scaled_reading
from bma_etl.normalize.trust_years import (
    DATED,
    year_read_again,
    years_out_of_line,
)
from bma_etl.records import MODEL_BY_TABLE, parser_kind

__all__ = ["NUMERIC_KINDS", "doubt_of", "screen"]

#: Parser kinds whose values are numbers, dates or codes.
NUMERIC_KINDS = frozenset({"amount", "number", "percent", "int", "year_be", "date", "code"})
#: Columns whose row cannot exist without them.
_ROW_KEYS = {("monthly_progress", "month_no")}


@dataclass(frozen=True, slots=True)
class _Value:
    """One loaded value and where it was read."""

    row: NormalizedRow
    field: str
    kind: str
    value: object
    prov: ProvenanceRow


def screen(normalized: Normalized, text: str,
           doubted: tuple[tuple[int, int, float], ...] = (),
           agreed: tuple[tuple[int, int, float], ...] = ()) -> None:
    """Drop the doubtful values of an OCR'd document that nothing confirms (in place).

    ``text`` is the document's text (the provenance spans index it). A value read
    by OCR is one whose provenance has a ``confidence`` (the lowest of its words')
    or is marked low-confidence. ``doubted``: the words of ``text`` OCR's two models
    read with other digits (:attr:`~bma_etl.document.RepairedText.doubted`); ``agreed``, those
    whose Thai digits two readers read alike: :func:`.trust_doubts.read_alike` confirms.
    """
    values = list(_values(normalized))
    read = [v.prov.raw_text if not v.prov.derived and (
        v.prov.low_confidence or v.prov.confidence is not None)
        else scaled_reading(v.prov, v.value) for v in values]
    among_thai = arabic_among_thai([(v.row.table, v.field, raw)
                                    for v, raw in zip(values, read, strict=True)])
    out_of_line = budgets_out_of_line([(id(v.row), v.row.table, v.field, v.value,
                                        v.prov.confidence) for v in values])
    doubts, alike = dict[int, str](), set[int]()  # alike: doubtful by Thai digits read alike
    for i, (v, raw) in enumerate(zip(values, read, strict=True)):
        if raw is None:
            continue
        other = (doubted_digits(v.prov, doubted, text, v.kind) or among_thai.get(i)
                 or out_of_line.get(i))
        if reason := doubt_of(raw, v.kind) or other:
            doubts[i] = reason
        alike.update([i] if not other and read_alike(v.prov, agreed, text, v.kind) else [])
    far_years = years_out_of_line([(v.kind if (v.row.table, v.field) in DATED else "", v.value,
                                    i not in doubts) for i, v in enumerate(values)])
    doubts.update((i, why) for i, why in far_years.items()
                  if read[i] is not None and i not in doubts)
    if not doubts:
        return
    sure = [v for i, v in enumerate(values) if i not in doubts]
    context = _Context(sure, values, text, normalized.rows)
    confirmed, solved = solved_sections(normalized.rows, [
        (v.row, v.field, v.value, read[i], vouched(read[i], doubts.get(i), i in alike))
        for i, v in enumerate(values)])
    for i, amount in solved.items():
        load_solved(normalized, values[i].row, values[i].prov, amount)
    dropped: Dropped = set()
    dropped_rows: set[int] = set()
    for i, reason in doubts.items():
        v = values[i]
        sure_now, why = (True, None) if i in confirmed else context.confirms(v)
        if sure_now or (i in alike and why is None):  # read alike, and nothing refutes it
            continue
        line = f"line {v.prov.line_no}: " if v.prov.line_no else ""
        message = (f"{line}OCR read {v.prov.raw_text!r} ({reason}); "
                   f"{why or 'nothing else on the page confirms it'}: not loaded")
        if (v.row.table, v.field) in _ROW_KEYS:
            dropped_rows.add(id(v.row))
            message += "; the row is left out"
        else:
            v.row.values.pop(v.field, None)
        dropped.add((v.row.table, v.row.ordinal, v.field))
        normalized.findings.append(Finding(v.row.table, v.row.ordinal, v.field, "warning",
                                           "ocr_doubtful_value", message))
    drop_section_sums(normalized, dropped, "ocr_doubtful_value",
                      "the sum of the section's amounts includes amounts OCR read doubtfully: "
                      "not loaded")
    if dropped_rows:
        gone = {(r.table, r.ordinal) for r in normalized.rows if id(r) in dropped_rows}
        normalized.rows[:] = [r for r in normalized.rows if id(r) not in dropped_rows]
        normalized.provenance[:] = [p for p in normalized.provenance
                                    if (p.table_name, p.row_ordinal) not in gone]
    forget_provenance(normalized, dropped)


def _values(normalized: Normalized) -> Iterable[_Value]:
    rows = {(r.table, r.ordinal): r for r in normalized.rows}
    for prov in normalized.provenance:
        row = rows.get((prov.table_name, prov.row_ordinal))
        model = MODEL_BY_TABLE.get(prov.table_name)
        if row is None or model is None or prov.field not in row.values:
            continue
        kind = parser_kind(model, prov.field)
        if kind in NUMERIC_KINDS:
            yield _Value(row, prov.field, kind, row.values[prov.field], prov)


class _Context:
    """The values that are not doubtful, and the checks that use them."""

    def __init__(self, sure: list[_Value], every: list[_Value], text: str,
                 rows: list[NormalizedRow]) -> None:
        self.text = text
        self.sure = {(v.row.table, v.row.ordinal, v.field): v.value for v in sure}
        self.every = every
        #: Every value as read, before any doubtful one is dropped.
        self.read = {(id(v.row), v.field): v.value for v in every}
        self.rows = rows

    def _place(self, row: NormalizedRow) -> tuple[int, int]:
        """The row's place (1-based) among its table's rows in document order, and their count."""
        same = [r for r in self.rows if r.table == row.table]
        return next(i for i, r in enumerate(same, start=1) if r is row), len(same)

    def _get(self, table: str, field: str, ordinal: int | None = None) -> object:
        return self.sure.get((table, ordinal, field))

    def _sure_of(self, table: str, field: str) -> list[object]:
        return [value for (t, _, f), value in self.sure.items() if t == table and f == field]

    def confirms(self, v: _Value) -> tuple[bool, str | None]:
        """``(True, None)`` when a sure value confirms ``v``; else ``(False, why)``."""
        check = getattr(self, f"_{v.row.table}_{v.field}", None)
        if check is not None:
            verdict = check(v)
            if verdict is not None:
                return verdict
        if self._printed_again(v) or (v.kind == "year_be" and year_read_again(
                self.text, v.prov.char_start or 0, v.prov.char_end or 0, v.prov.raw_text or "")):
            return True, None
        return False, None

    # ----------------------------------------------------------- per field

    def _projects_fiscal_year_be(self, v: _Value) -> tuple[bool, str | None] | None:
        dates = [d for d in (*self._sure_of("projects", "start_date"),
                             *self._sure_of("progress_updates", "report_date"))
                 if isinstance(d, date)]
        end = self._get("projects", "end_date")
        if isinstance(end, date):
            dates.append(end)
        if not dates:
            return None
        years = {fiscal_year_be(d) for d in dates}
        if v.value in years:
            return True, None
        shown = ", ".join(str(y) for y in sorted(years))
        return False, f"the page's dates fall in fiscal year {shown}"

    def _projects_start_date(self, v: _Value) -> tuple[bool, str | None] | None:
        return self._in_sure_fiscal_year(v)

    def _projects_end_date(self, v: _Value) -> tuple[bool, str | None] | None:
        return self._in_sure_fiscal_year(v)

    def _in_sure_fiscal_year(self, v: _Value) -> tuple[bool, str | None] | None:
        fy = self._get("projects", "fiscal_year_be")
        if not isinstance(fy, int) or not isinstance(v.value, date):
            return None
        first, last = fiscal_year_bounds(fy)
        if first <= v.value <= last:
            return True, None
        return False, f"it lies outside fiscal year {fy} ({first}..{last})"

    def _projects_progress_pct(self, v: _Value) -> tuple[bool, str | None] | None:
        latest = [p for p in (*self._sure_of("progress_updates", "progress_pct"),
                              *self._sure_of("monthly_progress", "value"))
                  if isinstance(p, Decimal)]
        if not latest or not isinstance(v.value, Decimal):
            return None
        if v.value == max(latest):
            return True, None
        return False, f"the latest progress of its entries is {max(latest)}"

    def _monthly_progress_month_no(self, v: _Value) -> tuple[bool, str | None] | None:
        place, _ = self._place(v.row)
        if v.value == place:
            return True, None
        return False, f"it stands in place {place} of the months"

    def _monthly_progress_value(self, v: _Value) -> tuple[bool, str | None] | None:
        """A month's progress strictly between the sure progresses of the months either side.

        Only where the sure months' progresses never fall (a cumulative plan: 2, 5, 9,
        14, ...): the value read fits its place, as a report's date between its
        neighbours' does. None when a neighbour's progress is not sure.
        """
        same = [r for r in self.rows if r.table == v.row.table]
        at = next(i for i, r in enumerate(same) if r is v.row)
        if at == 0 or at + 1 >= len(same) or not isinstance(v.value, Decimal):
            return None
        sure = [self._get(v.row.table, "value", r.ordinal) for r in same]
        known = [x for x in sure if isinstance(x, Decimal)]
        before, after = sure[at - 1], sure[at + 1]
        if not isinstance(before, Decimal) or not isinstance(after, Decimal) \
                or known != sorted(known):
            return None
        if before < v.value < after:
            return True, None
        return False, f"it does not fall between its neighbours' progresses ({before}, {after})"

    def _progress_updates_report_date(self, v: _Value) -> tuple[bool, str | None] | None:
        """A report's date between the sure dates of the reports either side of it.

        Reports are listed in date order (oldest or newest first): a date that falls
        strictly between its two neighbours' is the one the page states; one outside
        them is not confirmed. None when a neighbour's date is not sure.
        """
        same = [r for r in self.rows if r.table == v.row.table]
        at = next(i for i, r in enumerate(same) if r is v.row)
        if at == 0 or at + 1 >= len(same) or not isinstance(v.value, date):
            return None
        before, after = (self._get(v.row.table, "report_date", same[i].ordinal)
                         for i in (at - 1, at + 1))
        if not isinstance(before, date) or not isinstance(after, date):
            return None
        if before < v.value < after or before > v.value > after:
            return True, None
        return False, f"it does not fall between its neighbours' dates ({before}, {after})"

    def _progress_updates_budget_disbursed_thb(self, v: _Value) -> tuple[bool, None] | None:
        return (True, None) if paid_adds_up(v.row, v.value, self.sure, self.rows) else None

    def _projects_budget_spent_thb(self, v: _Value) -> tuple[bool, None] | None:
        return (True, None) if spent_adds_up(v.value, self.sure, self.rows) else None

    def _progress_updates_seq_label(self, v: _Value) -> tuple[bool, str | None] | None:
        place, count = self._place(v.row)
        if v.value in (place, count - place + 1):
            return True, None
        return False, f"it stands in place {place} of {count} entries"

    def _plan_scoring_levels_level(self, v: _Value) -> tuple[bool, str | None] | None:
        group = self._run_of(v.row, "indicator")
        levels = [r.values.get("level") for r in group]
        places = level_places([x if isinstance(x, int) else None for x in levels])
        if places is None:
            return None
        want = places[next(i for i, r in enumerate(group) if r is v.row)]
        if v.value == want:
            return True, None
        return False, f"it stands in the place of level {want} of the table's levels"

    def _plan_projects_budget_thb(self, v: _Value) -> tuple[bool, str | None] | None:
        heads = [r for r in self.rows if r.table == "plan_sections"
                 and r.values.get("section") == v.row.values.get("section")]
        if len(heads) != 1:
            return None  # two tables of one section: which total is whose is not told
        run = self._run_of(v.row, "section")
        amounts = [self.read.get((id(r), "budget_thb")) for r in run]
        uses = [r.values.get("uses_budget") for r in run]
        verdict = section_sum_confirms(
            amounts, uses, self._get("plan_sections", "stated_total_thb", heads[0].ordinal))
        if verdict is not None and not verdict[0] and self._printed_again(v):
            return True, None
        if verdict is None and section_adds_up(amounts, uses, self.read.get(
                (id(heads[0]), "stated_total_thb"))):
            return True, None
        return verdict

    def _plan_sections_stated_total_thb(self, v: _Value) -> tuple[bool, str | None] | None:
        """A doubtful total, confirmed by two or more of its section's amounts as read."""
        run = [r for r in self.rows if r.table == "plan_projects"
               and r.values.get("section") == v.row.values.get("section")]
        heads = [r for r in self.rows if r.table == "plan_sections"
                 and r.values.get("section") == v.row.values.get("section")]
        if len(heads) != 1 or not section_adds_up(
                [self.read.get((id(r), "budget_thb")) for r in run],
                [r.values.get("uses_budget") for r in run], v.value):
            return None
        return True, None

    def _plan_swot_items_seq(self, v: _Value) -> tuple[bool, str | None]:
        return self._numbered(v, "kind")

    def _plan_projects_seq(self, v: _Value) -> tuple[bool, str | None]:
        return self._numbered(v, "section")

    def _plan_steps_step_no(self, v: _Value) -> tuple[bool, str | None]:
        return self._numbered(v, "project_name")

    def _numbered(self, v: _Value, heading: str) -> tuple[bool, str | None]:
        """A list number, by its place among the rows under the same ``heading`` value."""
        group = self._run_of(v.row, heading)
        numbers = [self.read.get((id(r), v.field), r.values.get(v.field)) for r in group]
        return numbered_place([x if isinstance(x, int) else None for x in numbers],
                              next(i for i, r in enumerate(group) if r is v.row))

    def _run_of(self, row: NormalizedRow, field: str) -> list[NormalizedRow]:
        """The rows of ``row``'s table next to it (document order) with its ``field``."""
        same = [r for r in self.rows if r.table == row.table]
        at = next(i for i, r in enumerate(same) if r is row)
        value = row.values.get(field)
        start = at
        while start > 0 and same[start - 1].values.get(field) == value:
            start -= 1
        end = at + 1
        while end < len(same) and same[end].values.get(field) == value:
            end += 1
        return same[start:end]

    # ----------------------------------------------------------- any field

    def _printed_again(self, v: _Value) -> bool:
        """The same value printed elsewhere in Arabic digits (not doubtful)."""
        return printed_again(self.text, v.prov.char_start, v.prov.char_end, v.value, v.kind)

"""What the trust rules do once they have decided a value is not to be loaded.

Stage: normalize (a helper of :mod:`.trust`, :mod:`.trust_text`,
:mod:`.trust_overprint`). The rules differ in why a value is doubted; dropping it is
the same: its provenance goes with it, and a plan section's computed total that adds
up an amount not loaded is NULL too, with a finding of the rule's code.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from bma_etl.document import Finding
from bma_etl.normalize.fields import Normalized
from bma_etl.records import MODEL_BY_TABLE

__all__ = ["Dropped", "drop_section_sums", "drop_value", "forget_provenance", "loaded_values"]

#: ``(table, row ordinal, field)`` of each value a rule did not load.
Dropped = set[tuple[str, int | None, str]]


def loaded_values(normalized: Normalized) -> Iterator[tuple[Any, Any, Any]]:
    """``(provenance, row, model)`` of each value read from the text and still loaded.

    A derived value, one of a table or field no record model holds, and one a rule
    already took out are left out.
    """
    rows = {(r.table, r.ordinal): r for r in normalized.rows}
    for prov in list(normalized.provenance):
        row = rows.get((prov.table_name, prov.row_ordinal))
        model = MODEL_BY_TABLE.get(prov.table_name)
        if row is None or model is None or prov.derived or prov.field not in row.values \
                or prov.field not in model.model_fields:
            continue
        yield prov, row, model


def drop_value(normalized: Normalized, prov: Any, row: Any, dropped: Dropped, code: str,
               message: str) -> None:
    """Take the value ``prov`` names out of ``row``, with a warning ``code`` (in place).

    ``message``: what was read and why it is not loaded; the line, when known, is put
    before it. The value is added to ``dropped`` (its provenance goes at
    :func:`forget_provenance`).
    """
    row.values.pop(prov.field)
    dropped.add((prov.table_name, prov.row_ordinal, prov.field))
    line = f"line {prov.line_no}: " if prov.line_no else ""
    normalized.findings.append(Finding(prov.table_name, prov.row_ordinal, prov.field,
                                       "warning", code, f"{line}{message}"))


def forget_provenance(normalized: Normalized, dropped: Dropped) -> None:
    """Leave out the provenance of the ``dropped`` values (in place)."""
    if dropped:
        normalized.provenance[:] = [p for p in normalized.provenance
                                    if (p.table_name, p.row_ordinal, p.field) not in dropped]


def drop_section_sums(normalized: Normalized, dropped: Dropped, code: str, why: str) -> None:
    """NULL the plan sections' computed totals that add up a ``dropped`` budget (in place).

    ``code``: the quality issue's code; ``why``: its message, what the sum includes
    (``"the sum of the section's amounts includes …: not loaded"``). The totals'
    provenance goes too. A plan's title holding a ``dropped`` fiscal year goes as well
    (:func:`_drop_title_year`), its provenance with ``dropped``'s.
    """
    _drop_title_year(normalized, dropped, code)
    sections = {r.values.get("section") for r in normalized.rows
                if r.table == "plan_projects" and (r.table, r.ordinal, "budget_thb") in dropped}
    if not sections:
        return
    gone: Dropped = set()
    for row in normalized.rows:
        if row.table == "plan_sections" and row.values.get("section") in sections \
                and row.values.pop("computed_total_thb", None) is not None:
            gone.add((row.table, row.ordinal, "computed_total_thb"))
            normalized.findings.append(Finding(row.table, row.ordinal, "computed_total_thb",
                                               "warning", code, why))
    forget_provenance(normalized, gone)


def _drop_title_year(normalized: Normalized, dropped: Dropped, code: str) -> None:
    """NULL a plan's title that states the fiscal year a rule did not load (in place).

    The title ``แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๘`` holds the year it was read with: a
    year OCR misread (``๒๕๒๕``) and not loaded leaves the title with it, another plan's
    title. The title goes too when the year's span lies in its span, with a finding
    of ``code``.
    """
    spans = {(p.row_ordinal, p.field): p for p in normalized.provenance
             if p.table_name == "plans" and p.field in ("title", "fiscal_year_be")}
    for row in normalized.rows:
        year, title = spans.get((row.ordinal, "fiscal_year_be")), spans.get((row.ordinal, "title"))
        if row.table != "plans" or "title" not in row.values or year is None or title is None \
                or ("plans", row.ordinal, "fiscal_year_be") not in dropped:
            continue
        at, end = year.char_start, year.char_end
        start, stop = title.char_start, title.char_end
        if at is not None and end is not None and start is not None and stop is not None \
                and start <= at and end <= stop:
            drop_value(normalized, title, row, dropped, code,
                       f"the title {title.raw_text!r} holds the fiscal year, which is not "
                       "loaded: not loaded either")
            forget_provenance(normalized, {("plans", row.ordinal, "title")})

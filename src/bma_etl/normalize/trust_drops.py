"""What the trust rules do once they have decided a value is not to be loaded.

Stage: normalize (a helper of :mod:`.trust`, :mod:`.trust_text`,
:mod:`.trust_overprint`). The rules differ in why a value is doubted; dropping it is
the same: its provenance goes with it, and a plan section's computed total that adds
up an amount not loaded is NULL too, with a finding of the rule's code.
"""

from __future__ import annotations

from bma_etl.document import Finding
from bma_etl.normalize.fields import Normalized

__all__ = ["Dropped", "drop_section_sums", "forget_provenance"]

#: ``(table, row ordinal, field)`` of each value a rule did not load.
Dropped = set[tuple[str, int | None, str]]


def forget_provenance(normalized: Normalized, dropped: Dropped) -> None:
    """Leave out the provenance of the ``dropped`` values (in place)."""
    if dropped:
        normalized.provenance[:] = [p for p in normalized.provenance
                                    if (p.table_name, p.row_ordinal, p.field) not in dropped]


def drop_section_sums(normalized: Normalized, dropped: Dropped, code: str, why: str) -> None:
    """NULL the plan sections' computed totals that add up a ``dropped`` budget (in place).

    ``code``: the quality issue's code; ``why``: its message, what the sum includes
    (``"the sum of the section's amounts includes …: not loaded"``). The totals'
    provenance goes too.
    """
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

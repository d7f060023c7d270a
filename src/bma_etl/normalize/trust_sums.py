"""A doubtful amount of the progress form confirmed by the form's own sum.

Stage: normalize (:mod:`bma_etl.normalize.trust`). The legacy progress form states
the budget spent (``งบประมาณที่ใช้ไป : 6,790,500 บาท``) and, in each report, the
amount disbursed with it (``งบประมาณที่เบิกใช้ (ครั้งที่ 4) = 0 บาท``); the reports'
amounts add up to the budget spent. An amount OCR read doubtfully (its word glued to
the report's count, ``(ครั้งที่ 9ๆ=0บาท``, which the two OCR models read with other
digits) is confirmed when it is exactly what that sum leaves for it, every other
term sure. A sum that does not come out confirms nothing and refutes nothing (a
form may leave a report's amount out of the budget spent): the value stays doubtful.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from bma_etl.normalize.fields import NormalizedRow

#: ``(table, ordinal, field) → value`` of the values that are not doubtful.
Sure = Mapping[tuple[str, int | None, str], object]

_REPORTS, _PAID = "progress_updates", "budget_disbursed_thb"
_SPENT = ("projects", None, "budget_spent_thb")


def _sure_paid(
    sure: Sure, rows: Sequence[NormalizedRow], but: NormalizedRow | None
) -> list[Decimal] | None:
    """Every report's sure amount disbursed but ``but``'s, or None when one is not sure."""
    paid = [
        sure.get((_REPORTS, r.ordinal, _PAID)) for r in rows if r.table == _REPORTS and r is not but
    ]
    if not all(isinstance(p, Decimal) for p in paid):
        return None
    return [p for p in paid if isinstance(p, Decimal)]


def paid_adds_up(
    row: NormalizedRow, value: object, sure: Sure, rows: Sequence[NormalizedRow]
) -> bool:
    """Whether a report's amount disbursed ``value`` (baht) is what the sum leaves for it.

    That is the sure budget spent less every other report's sure amount
    (``rows``: the document's rows); False when one of them is not sure.
    """
    spent = sure.get(_SPENT)
    others = _sure_paid(sure, rows, row)
    return (
        isinstance(value, Decimal)
        and isinstance(spent, Decimal)
        and others is not None
        and value == spent - sum(others, Decimal(0))
    )


def spent_adds_up(value: object, sure: Sure, rows: Sequence[NormalizedRow]) -> bool:
    """Whether the budget spent ``value`` (baht) is the sum of the reports' amounts.

    Every report's amount disbursed must be sure, and there must be one report at least.
    """
    paid = _sure_paid(sure, rows, None)
    return isinstance(value, Decimal) and bool(paid) and value == sum(paid or [], Decimal(0))

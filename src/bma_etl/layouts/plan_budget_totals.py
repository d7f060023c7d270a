"""A budget table's total row: the amount it states for the plan's fiscal year.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_budget`, not a layout).
Consumes a total row (``รวมงบประมาณทั้งสิ้น``) of a budget table read from tabs
(:class:`~.plan_cells.Row`), the table's columns
(:class:`~.plan_budget_columns.BudgetColumns`) and the amounts its items listed;
produces the stated total in baht (:func:`stated_total`), or None, and keeps a
table's own total from a grand total after it (:func:`take_total`). Never raises.
"""

from __future__ import annotations

from decimal import Decimal

from bma_etl.layouts.amount_units import cell_unit, in_unit
from bma_etl.layouts.base import Derived, Raw, RepairedText
from bma_etl.layouts.plan_budget_columns import BudgetColumns
from bma_etl.layouts.plan_cells import AMOUNT_RE, Row
from bma_etl.layouts.plan_values import BudgetTable, first_match, to_decimal

__all__ = ["stated_total", "take_total"]


def stated_total(doc: RepairedText, row: Row, columns: BudgetColumns, unit: int,
                 amounts: list[Decimal]) -> Raw | Derived | None:
    """The total a total row states in the budget column, in baht, or None.

    ``unit``: the budget header's power of ten (:func:`~.amount_units.in_unit`);
    ``amounts``: the items' budgets read above it, in baht. A total written in
    another column than its header's (a label cell spanning two columns shifts the
    tabs) is taken from the last cell with an amount; one standing in a column whose
    header names another year (``งบประมาณปี 2566``) only when it is the sum of the
    items' budgets: a tab shifted it there, it is not last year's total. When the
    budget column cannot be told (``columns.untold``) no total is read.
    """
    if columns.untold:
        return None
    cell = row.cell(columns.budget)
    total = first_match(doc, AMOUNT_RE, cell)
    if total is not None:
        return in_unit(total, cell_unit(cell.text if cell else "", unit), ocr=doc.ocr_used)
    for col, other in reversed(list(enumerate(row.cells))):
        said = first_match(doc, AMOUNT_RE, other)
        if said is None:
            continue
        found = in_unit(said, cell_unit(other.text, unit), ocr=doc.ocr_used)
        if col not in columns.other_years:
            return found
        number = found.value if isinstance(found, Derived) \
            else to_decimal(said.text, ocr=doc.ocr_used)
        if amounts and number == sum(amounts, Decimal(0)):
            return found
    return None


def take_total(table: BudgetTable, found: Raw | Derived | None, *, ocr: bool) -> None:
    """Make ``found``, a total row's amount in baht, the table's stated total.

    A later total row stands for the table (a total repeated after a page break),
    except after a total equal to the sum of the items' budgets (``table.amounts``)
    when it is not: that is a grand total of every section
    (``รวมงบประมาณทั้งสิ้น (ทุกประเภท)``) printed under the last section's table.
    """
    if found is None:
        return
    before = table.stated_total
    if before is not None and table.amounts:
        items = sum(table.amounts, Decimal(0))
        if _baht(before, ocr) == items and _baht(found, ocr) != items:
            return
    table.stated_total = found


def _baht(total: Raw | Derived, ocr: bool) -> Decimal | None:
    """A total's amount in baht, as read (None when unreadable)."""
    if isinstance(total, Derived):
        return total.value if isinstance(total.value, Decimal) else None
    return to_decimal(total.text, ocr=ocr)

"""A plan's budget-table cell merged over two projects or more, or a ditto mark typed in it.

Stage: extract (a helper of :func:`.plan_budget.read_budget_table`, not a layout).
The PDF reader writes :data:`~bma_etl.read.pdf_rowspans.DITTO` (``〃``) in each cell
that a cell merged from the row above covers (:mod:`bma_etl.read.pdf_rowspans`);
a typist writes the same mark for "as above". What it means depends on the column:

- a responsible unit: the document states that unit for each row it covers
  (:func:`unit_as_above`);
- a budget: one amount for the rows together, no project's own
  (:func:`share_budget`): each of them gets no ``budget_thb`` (NULL), a budget
  stated (``uses_budget`` true), and a quality issue names the shared amount. The
  amount still counts once towards the section's computed total, as printed.
"""

from __future__ import annotations

from bma_etl.layouts.base import Derived, FieldValue, Finding, Raw, RawRow
from bma_etl.layouts.plan_cells import Cell, Row
from bma_etl.read.pdf_rowspans import DITTO

#: What a shared amount's ``uses_budget`` says.
SHARED = "a budget shared with the project above is stated"


def is_ditto(cell: Cell | None) -> bool:
    """Whether a cell says "as above": the ditto mark alone (``〃``)."""
    return cell is not None and cell.plain == DITTO


def share_budget(items: list[RawRow], fields: dict[str, FieldValue], row: Row,
                 findings: list[Finding]) -> bool:
    """Make a budget cell that says "as above" one amount shared with the project above.

    ``items``: the table's projects read so far (the last one is the row above);
    ``fields``: this row's (``seq`` read). The amount above leaves that project's
    ``budget_thb``; neither project has one, both ``uses_budget``, and a finding
    on ``row`` names the amount and the projects. False (nothing done) when the
    row above states no amount and shares none.
    """
    above = items[-1].fields if items else None
    if above is None:
        return False
    amount = above.get("budget_thb")
    shared = above.get("uses_budget")
    if amount is None and not (isinstance(shared, Derived) and shared.note == SHARED):
        return False
    evidence = amount.span if isinstance(amount, Raw) else \
        amount.evidence if isinstance(amount, Derived) else \
        shared.evidence if isinstance(shared, Derived) else None
    if amount is not None:
        del above["budget_thb"]
        above["uses_budget"] = Derived(True, SHARED, evidence)
    fields["uses_budget"] = Derived(True, SHARED, evidence)
    what = f"budget {amount.text!r}" if isinstance(amount, Raw) else \
        f"budget {amount.value}" if isinstance(amount, Derived) else "the budget above"
    findings.append(Finding(
        "plan_projects", None, "budget_thb", "warning", "ambiguous_value",
        f"line {row.line.no}: {what} is one cell merged over project {_seq(above)} and "
        f"project {_seq(fields)} (or marked 〃): no project's own budget is stated"))
    return True


def unit_as_above(items: list[RawRow], fields: dict[str, FieldValue]) -> None:
    """Give a row whose unit cell says "as above" the responsible unit of the row above."""
    unit = items[-1].fields.get("responsible_unit") if items else None
    if unit is not None:
        fields["responsible_unit"] = unit
    else:
        fields.pop("responsible_unit", None)


def _seq(fields: dict[str, FieldValue]) -> str:
    seq = fields.get("seq")
    return seq.text if isinstance(seq, Raw) else "?"

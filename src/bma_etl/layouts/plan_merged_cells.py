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
  amount still counts once towards the section's computed total, as printed;
- a number and a name (both marked): the project above goes on in this row, a
  budget line of its own (:func:`continues_above`, :func:`add_budget_line`), never
  a project of its own; with two amounts its own budget cannot be told (NULL,
  ``uses_budget`` true, a quality issue naming them), each counts towards the total;
- a header's second row (``〃 | 〃 | (บาท) | 〃``): no header text, nothing to read
  (:func:`header_rest`).
"""

from __future__ import annotations

import re

from bma_etl.layouts.base import Derived, FieldValue, Finding, Raw, RawRow
from bma_etl.layouts.plan_cells import Cell, Row
from bma_etl.read.pdf_rowspans import DITTO

#: A header cell of a unit in brackets alone (``(บาท)``, ``(ล้านบาท)``): no digit.
_UNIT_NOTE = re.compile(r"\([^()0-9๐-๙]{1,20}\)")

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


def continues_above(items: list[RawRow], seq: Cell | None, name: Cell | None) -> bool:
    """Whether a row's name cell (and its number cell, if any) say "as above" under a project.

    The cells of the project above merged over this row: its line, not a project.
    """
    return bool(items) and is_ditto(name) and (seq is None or not seq.plain or is_ditto(seq))


def add_budget_line(above: RawRow, fields: dict[str, FieldValue], row: Row,
                    findings: list[Finding]) -> None:
    """Give the project ``above`` the budget line ``row`` states (``fields``: read as a project's).

    A line stating no amount changes nothing. A line's amount makes two (or more)
    amounts of one project: its own budget cannot be told (a sum, or lines of
    several sources or years), so ``budget_thb`` is NULL, ``uses_budget`` true, and a
    finding on ``row`` names the amounts.
    """
    amount = fields.get("budget_thb")
    if amount is None:
        return
    first = above.fields.pop("budget_thb", None)
    said = [a.text for a in (first, amount) if isinstance(a, Raw)]
    evidence = amount.span if isinstance(amount, Raw) else None
    above.fields["uses_budget"] = Derived(True, "budget lines of the project are stated",
                                          evidence)
    findings.append(Finding(
        "plan_projects", None, "budget_thb", "warning", "ambiguous_value",
        f"line {row.line.no}: project {_seq(above.fields)} states budget lines "
        f"{' and '.join(repr(t) for t in said) or 'above'} in rows merged over its number "
        "and name: its own budget is not told"))


def header_rest(row: Row) -> bool:
    """Whether ``row`` holds only ditto marks and units in brackets: a header's second row."""
    filled = row.filled()
    return any(t == DITTO for t in filled) and all(
        t == DITTO or _UNIT_NOTE.fullmatch(t.strip()) for t in filled)

"""Amounts a plain plan row groups by single plain spaces, and the reading its total decides.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_plain`, not a layout).
Consumes the joined text of one budget-table row read from plain lines, whose cells
and thousands groups are both parted by one plain space (text copied from a PDF
viewer, a text dump, typed): ``โครงการ ก 12 450 000 บาท สำนักการโยธา``. The amount
is the run of digit groups before ``บาท`` (:data:`PLAIN_SPACED_BAHT_RE`), but its
first group may be the last number of the project's name (``ระยะที่ 2 450 000 บาท``:
2,450,000, or ``ระยะที่ 2`` and 450,000). Such a row has two readings
(:func:`spaced_readings`); the table's stated total decides between them
(:func:`settle`): when exactly one choice of readings makes the items add up to it,
that one is taken, else the budget is NULL with an ``ambiguous_value`` issue naming
both readings, and the name ends before the run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from bma_etl.layouts.amount_units import cell_unit, in_unit
from bma_etl.layouts.base import Derived, FieldValue, Finding, Line, Raw, RawRow, RepairedText
from bma_etl.layouts.plan_cells import DIGIT
from bma_etl.layouts.plan_values import to_decimal, value

#: Thousands groups parted by one plain space before the word baht, standing as a word
#: of their own (``12 450 000 บาท``, ``๓ ๖๘๖ ๕๐๐.๐๐ บาท``, ``450 000.- บาท``): the
#: whole run, its first group of one to three digits, every other of three.
PLAIN_SPACED_BAHT_RE = re.compile(
    rf"(?<!\S)(?P<amount>{DIGIT}{{1,3}}(?: {DIGIT}{{3}})+(?![0-9๐-๙,])(?:\.{DIGIT}{{1,2}})?)"
    r"\s*(?:\.?\s*[-–—]\s*)?บาท"
)


def spaced_readings(text: str, said: re.Match[str]) -> int | None:
    """Where the other reading's amount starts in ``text``, or None when there is one reading.

    ``said`` is a :data:`PLAIN_SPACED_BAHT_RE` match in ``text``. The run's first group
    may be the name's last number when a word stands a single space before it (not a
    cell's start: a line's start, a tab, two spaces) and the rest of the run reads as
    an amount of its own (its first group not ``000``: no amount opens with a zero).
    """
    start = said.start("amount")
    if start < 2 or text[start - 1] != " " or text[start - 2].isspace():
        return None
    first, second = said.group("amount").split(" ")[:2]
    if second[0] in "0๐":
        return None
    return start + len(first) + 1


@dataclass(slots=True)
class Pending:
    """A row whose amount reads two ways: the run whole, or the name's number and the rest.

    ``names`` and ``budgets``: the fields for the whole run read as the amount, then for
    its first group read as the name's; ``line_no`` and ``readings`` name them in an issue.
    """

    fields: dict[str, FieldValue]
    names: tuple[FieldValue, FieldValue]
    budgets: tuple[Raw | Derived | None, Raw | Derived | None]
    line_no: int
    readings: tuple[str, str]


def pending_row(doc: RepairedText, line: Line, body: int, said: re.Match[str],
                fields: dict[str, FieldValue], power: int) -> Pending | None:
    """Both readings of a row's amount, ``said`` in ``line.text[body:]``, or None for one.

    The amounts in the unit the column's heading states (``power``), the names
    ending before the run and after its first group (:func:`spaced_readings`).
    """
    other = spaced_readings(line.text[body:], said)
    if other is None:
        return None
    end = body + said.end("amount")
    cut = (body + said.start(), body + other - 1)  # where the name ends in either reading
    names = tuple(value([r for r in [doc.raw_in(line, body, at)] if r is not None]) for at in cut)
    budgets = tuple(in_unit(doc.raw_in(line, body + start, end), cell_unit(said[0], power),
                            ocr=doc.ocr_used) for start in (said.start("amount"), other))
    readings = (said.group("amount"), line.text[body + other:end])
    return Pending(fields, (names[0], names[1]), (budgets[0], budgets[1]), line.no, readings)


def baht(found: Raw | Derived | None, *, ocr: bool) -> Decimal | None:
    """An amount's value in baht as the normalize stage reads it (None when unreadable)."""
    if found is None:
        return None
    if isinstance(found, Derived):
        return found.value if isinstance(found.value, Decimal) else None
    return to_decimal(found.text, ocr=ocr)


def settle(pending: list[Pending], amounts: list[Decimal], total: Raw | Derived | None, *,
           ocr: bool, items: list[RawRow] | None = None) -> list[Finding]:
    """Choose each pending row's reading by the table's stated ``total``.

    ``amounts``: the other items' budgets (the chosen ones are added to it);
    ``items``: the table's items, the pending ones among them: when another item's
    budget is unknown (neither read nor stated as none), it could fill the gap
    between two readings, so the total then decides nothing. A choice is taken when it alone
    makes the items add up to the total; otherwise each pending
    row's name and budget are NULL (``uses_budget`` true), since either may hold the
    run's first group, and an ``ambiguous_value`` issue is returned for each.
    """
    stated = baht(total, ocr=ocr)
    waiting = {id(row.fields) for row in pending}
    complete = all(_budget_known(r.fields) for r in items or () if id(r.fields) not in waiting)
    values = [tuple(baht(b, ocr=ocr) for b in p.budgets) for p in pending]
    fits: list[tuple[int, ...]] = []
    if complete and stated is not None and pending \
            and all(v is not None for pair in values for v in pair):
        fits = _choices(stated - sum(amounts, Decimal(0)),
                        [(pair[0] or Decimal(0), pair[1] or Decimal(0)) for pair in values])
    findings: list[Finding] = []
    for k, row in enumerate(pending):
        if len(fits) == 1:
            chosen = fits[0][k]
            row.fields["name"] = row.names[chosen]
            _put(row.fields, row.budgets[chosen])
            amount = values[k][chosen]
            if amount is not None:
                amounts.append(amount)
            continue
        row.fields["name"] = None  # it ends before the run or with its first group
        row.fields["budget_thb"] = None
        _put(row.fields, None, row.budgets[0])
        findings.append(Finding(
            "plan_projects", None, "budget_thb", "warning", "ambiguous_value",
            f"line {row.line_no}: the amount reads {row.readings[0]} (the digits before it "
            f"the amount's) or {row.readings[1]} (its first group the name's), and the "
            f"table's total tells neither: not loaded"))
        findings.append(Finding(
            "plan_projects", None, "name", "warning", "ambiguous_value",
            f"line {row.line_no}: the name may end with the amount's first group: "
            f"not loaded"))
    return findings


def _budget_known(fields: dict[str, FieldValue]) -> bool:
    """Whether an item's budget is read, or stated as none (``ไม่ใช้งบประมาณ``)."""
    uses = fields.get("uses_budget")
    return fields.get("budget_thb") is not None \
        or (isinstance(uses, Derived) and uses.value is False)


def _choices(wanted: Decimal, values: list[tuple[Decimal, Decimal]]) -> list[tuple[int, ...]]:
    """The choices of one reading per row whose amounts add up to ``wanted``: none, one or two.

    ``values``: each row's amount read whole (0) and with its first group the name's
    (1). A subset sum over the sums reachable row by row, each kept with how many
    choices reach it (counted up to two, so "exactly one" is still told) and the
    first of them: as many steps as rows times distinct sums, never 2**n. Sums past
    ``wanted`` are dropped when no amount is negative (no later row can bring them
    back), so the sums kept are at most ``wanted`` over the amounts' common step.
    """
    reach: dict[Decimal, tuple[int, tuple[int, ...]]] = {Decimal(0): (1, ())}
    prune = all(amount >= 0 for pair in values for amount in pair)
    for pair in values:
        step: dict[Decimal, tuple[int, tuple[int, ...]]] = {}
        for total, (ways, choice) in reach.items():
            for c, amount in enumerate(pair):
                at = total + amount
                if prune and at > wanted:
                    continue
                seen = step.get(at)
                step[at] = (min(2, ways + seen[0]), seen[1]) if seen else (ways, (*choice, c))
        reach = step
    found = reach.get(wanted)
    if found is None:
        return []
    return [found[1]] * found[0]


def _put(fields: dict[str, FieldValue], amount: Raw | Derived | None,
         evidence: Raw | Derived | None = None) -> None:
    """Set ``budget_thb`` (when read) and ``uses_budget`` true, its span the amount's."""
    stated = amount if amount is not None else evidence
    span = stated.span if isinstance(stated, Raw) else \
        stated.evidence if isinstance(stated, Derived) else None
    if amount is not None:
        fields["budget_thb"] = amount
    fields["uses_budget"] = Derived(True, "a budget amount is stated", span)


__all__ = ["PLAIN_SPACED_BAHT_RE", "Pending", "baht", "pending_row",
           "settle", "spaced_readings"]

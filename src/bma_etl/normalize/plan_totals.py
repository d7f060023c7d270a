"""A plan project's budget or name that holds its section's total row, not loaded.

Stage: normalize (after every value is parsed). A budget table's total row
(``รวมงบประมาณทั้งสิ้น ⇥ 20,750,000.00 บาท``) read onto the last item's row (a
scanned sheet whose item row lost its cell edges, a text where the two rows ran
together) gives that item the section's total as its budget and a name ending
in the item's amount, its unit and the total's label
(``…ระยะที่ 2 8,300,000.00 กองระบบคลอง รวมงบประมาณทั้งสิ้น``). Neither can be
trusted; both are NULL with a quality issue, and so is the section's computed
sum, which added the total in:

- ``budget_thb`` equal to the section's ``stated_total_thb`` while another item
  of the section has a budget above zero (the total then counts both);
- ``name`` holding a total row's label (:data:`TOTAL_LABEL`): the name and the
  budget (the row then holds two amounts, the item's and the total).
"""

from __future__ import annotations

import re
from decimal import Decimal

from bma_etl.document import Finding
from bma_etl.normalize.fields import Normalized, NormalizedRow


def _spaced(word: str) -> str:
    return r"\s*".join(map(re.escape, word))


#: A total row's label inside a project name: ``รวมงบประมาณทั้งสิ้น``, ``รวมทั้งสิ้น``,
#: OCR's spaces anywhere in it (``รวมงบปร ะมาณทั้งสิ้น``).
TOTAL_LABEL = re.compile(f"{_spaced('รวม')}\\s*(?:{_spaced('งบประมาณ')}\\s*)?{_spaced('ทั้งสิ้น')}")


def _positive(value: object) -> bool:
    return isinstance(value, (int, Decimal)) and value > 0


def drop_section_totals(normalized: Normalized) -> None:
    """NULL, in place, the plan items' budgets and names that are their section's total row.

    Each NULL value gets a ``plan_total_in_item`` warning on its row and loses its
    provenance; the section's ``computed_total_thb`` is NULL with the same code
    when one of its items' budgets is.
    """
    stated = {row.values.get("section"): row.values.get("stated_total_thb")
              for row in normalized.rows if row.table == "plan_sections"}
    items: dict[object, list[NormalizedRow]] = {}
    for row in normalized.rows:
        if row.table == "plan_projects":
            items.setdefault(row.values.get("section"), []).append(row)
    dropped: set[tuple[str, int | None, str]] = set()
    summed_wrong: set[object] = set()
    for section, rows in items.items():
        total = stated.get(section)
        for row in rows:
            budget = row.values.get("budget_thb")
            if (budget is not None and _positive(total) and budget == total
                    and any(_positive(o.values.get("budget_thb")) for o in rows if o is not row)):
                row.values.pop("budget_thb")
                summed_wrong.add(section)
                dropped.add((row.table, row.ordinal, "budget_thb"))
                normalized.findings.append(Finding(
                    row.table, row.ordinal, "budget_thb", "warning", "plan_total_in_item",
                    f"the item's budget {budget} is its section's stated total while other "
                    "items have budgets: the total row was read onto the item; not loaded"))
            name = row.values.get("name")
            if isinstance(name, str) and TOTAL_LABEL.search(name):
                for field in ("name", "budget_thb"):
                    if row.values.pop(field, None) is None:
                        continue
                    dropped.add((row.table, row.ordinal, field))
                    summed_wrong.add(section)
                    normalized.findings.append(Finding(
                        row.table, row.ordinal, field, "warning", "plan_total_in_item",
                        f"the item's name holds a total row's label ({name[-60:]!r}): the "
                        "total row was read onto the item, its amount among the item's; "
                        "not loaded"))
    for row in normalized.rows:
        if row.table == "plan_sections" and row.values.get("section") in summed_wrong \
                and row.values.pop("computed_total_thb", None) is not None:
            dropped.add((row.table, row.ordinal, "computed_total_thb"))
            normalized.findings.append(Finding(
                row.table, row.ordinal, "computed_total_thb", "warning", "plan_total_in_item",
                "the sum of the section's amounts added its total row: not loaded"))
    if dropped:
        normalized.provenance[:] = [p for p in normalized.provenance
                                    if (p.table_name, p.row_ordinal, p.field) not in dropped]

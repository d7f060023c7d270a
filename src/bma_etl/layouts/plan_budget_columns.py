"""The columns a budget table's header names, and header cells that name two.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_budget`, not a layout).
Consumes the header row of a budget table read from tabs (:class:`~.plan_cells.Row`);
produces the columns of ``seq``, ``name``, ``budget`` and the responsible ``unit``
and the budget header's text (:func:`budget_columns`), and tells a header whose
number cell names the next column too (:func:`seq_names_more`). Never raises.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bma_etl.layouts.plan_cells import Row, find_col
from bma_etl.normalize.digits import to_arabic_digits

__all__ = ["GROUP_THEN_NAME_RE", "BudgetColumns", "budget_columns", "seq_names_more"]

#: A name column's header cell that names the group column before it too
#: (``ด้าน/แผนงานรายการ/โครงการ``, squashed): the gap between the two was read as a space.
GROUP_THEN_NAME_RE = re.compile(r"(?:ด้าน|แผนงาน).*(?:รายการ|โครงการ|ชื่อ)")
#: The number column's header cell naming the next column too (``ลำดับที่ ด้าน/แผนงาน``):
#: the gap between the two was read as a space.
_OTHER_COLUMN_RE = re.compile(r"ด้าน|แผนงาน|ชื่อ|รายการ|โครงการ")
#: A Buddhist-era year a budget column's header names (``งบประมาณปี 2566``, ``ปี ๒๕๖๗``).
_HEAD_YEAR_RE = re.compile(r"(?<![0-9])25[0-9]{2}(?![0-9])")
#: The responsible unit's header words inside the budget's cell, after its first line
#: (``งบประมาณ (พัน ส่วนราชการที่รับผิดชอบบาท)``): the budget's header wrapped (``(พัน`` /
#: ``บาท)``) and its rest, on the next line or page, was set after its neighbour's.
_UNIT_WORDS_RE = re.compile(r"[ \t]*(?:ส่วนราชการ|หน่วยงาน)(?:ที่)?(?:ผู้)?(?:รับผิดชอบ)?")


class BudgetColumns(NamedTuple):
    """Columns of a budget table (None: not named) and its budget header's text."""

    seq: int | None
    name: int | None
    budget: int | None
    unit: int | None
    budget_head: str
    #: Budget columns of other years than the plan's (``งบประมาณปี 2566`` in a plan
    #: for 2567): never read as the budget, nor searched for it.
    other_years: tuple[int, ...] = ()
    #: The budget headers name years and none is the plan's fiscal year alone:
    #: which column is the plan's budget cannot be told (``budget`` is None).
    untold: bool = False


def budget_columns(header: Row, fiscal_year: int | None = None) -> BudgetColumns:
    """Columns of a budget table's header: ``seq``, ``name``, ``budget``, ``unit``.

    Budget headers that name years (``งบประมาณปี 2566 | งบประมาณปี 2567``) give the
    budget column as the one naming the plan's ``fiscal_year`` (Buddhist era), in
    whichever order they stand; a column naming another year is never the budget.
    With no year in the headers the first budget column is. When the years named
    do not tell it (several columns and no fiscal year known, or none of them is
    it and no header names no year), ``budget`` is None and ``untold`` is set.

    A budget header cell that holds the unit column's words inside its own bracket
    (``งบประมาณ (พัน ส่วนราชการที่รับผิดชอบบาท)``) names both: the unit is the
    column after the budget's, and the budget's header is the cell without those
    words (``งบประมาณ (พันบาท)``, whose unit word its amounts are in).
    """
    seq_col = find_col(header, "ลำดับ", "^ที่$")
    budget_col, others, untold = _budget_col(header, seq_col, fiscal_year)
    unit_col = find_col(header, "ส่วนราชการ", "รับผิดชอบ", "หน่วยงาน",
                        skip=(seq_col, budget_col, *others))
    name_col = find_col(header, "ชื่อ", "รายการ", "โครงการ", "กิจกรรม",
                        skip=(seq_col, budget_col, unit_col, *others))
    if seq_col is None and name_col and not any(header.squashed[:name_col]):
        seq_col = 0  # the number column's header not read (a scan): its cells before the name's
    cell = header.cell(budget_col)
    head = cell.text if cell is not None else ""
    if unit_col is None and budget_col is not None and budget_col + 1 != name_col:
        m = _UNIT_WORDS_RE.search(head)
        opened = head.rfind("(", 0, m.start()) if m is not None else -1
        # Only inside the budget's own bracket, its unit word cut off (``(พัน`` … ``บาท)``):
        # a cell ``งบประมาณส่วนราชการที่รับผิดชอบ`` is two headers a print set as one cell.
        if m is not None and "งบประมาณ" in head[:m.start()] \
                and opened >= 0 and ")" not in head[opened:m.start()]:
            unit_col = budget_col + 1
            head = head[:m.start()] + head[m.end():]
    return BudgetColumns(seq_col, name_col, budget_col, unit_col, head, others, untold)


def _budget_col(header: Row, seq_col: int | None, fiscal_year: int | None
                ) -> tuple[int | None, tuple[int, ...], bool]:
    """The budget column, the budget columns of other years, whether it cannot be told."""
    found: list[int] = []
    while (col := find_col(header, "งบประมาณ", skip=(seq_col, *found))) is not None:
        found.append(col)
    if not found:
        return None, (), False
    years = {c: {int(y) for y in _HEAD_YEAR_RE.findall(to_arabic_digits(header.squashed[c]))}
             for c in found}
    if not any(years.values()) or (fiscal_year is None and len(found) == 1):
        return found[0], (), False  # no year named, or no other column to take
    others = tuple(c for c in found if years[c] and years[c] != {fiscal_year})
    chosen = next((c for c in found if fiscal_year is not None and years[c] == {fiscal_year}),
                  None)
    if chosen is None:  # ``งบประมาณ (บาท)`` beside another year's, not แหล่งงบประมาณ (its source)
        chosen = next((c for c in found if not years[c] and "แหล่ง" not in header.squashed[c]),
                      None)
    if chosen is None:
        return None, tuple(found), True
    return chosen, others, False


def seq_names_more(header: Row, seq_col: int | None) -> bool:
    """Whether the number column's header cell names the next column too (``ลำดับที่ ด้าน/แผนงาน``)."""
    return seq_col is not None and _OTHER_COLUMN_RE.search(header.squashed[seq_col]) is not None

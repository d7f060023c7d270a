"""An action plan's budget tables a scan's OCR left unrecognised: told, not dropped silently.

Stage: extract (a helper of :mod:`bma_etl.layouts.annual_action_plan` and
:mod:`.plan_tables`, not a layout). A budget table is known by its header row
(``ลำดับที่ | ชื่อโครงการ | งบประมาณ | ส่วนราชการที่รับผิดชอบ``). On a scan the
narrow number column's header (``ลำดับ`` / ``ที่`` on two short lines) is now and
then not read at all (:func:`lost_number_header` still tells the row), and a header
may be misread past knowing: the table's rows, amounts and all, were then left out
with no word said (the twenty-third outside tester's 93 % reduced, skewed plan: its
page 4, 9 projects and 2 totals). :func:`unread_amount_tables` names such a table in a finding.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bma_etl.document import Finding
from bma_etl.matchkey import key

if TYPE_CHECKING:
    from bma_etl.layouts.plan_tables import Table

__all__ = ["lost_number_header", "unread_amount_tables"]

#: A budget table's header cells after its number column's (in key form).
_NAME_HEAD = key("ชื่อโครงการ")
_BUDGET_HEAD = key("งบประมาณ")
_UNIT_HEADS = (key("ส่วนราชการ"), key("รับผิดชอบ"))
#: A cell holding a baht amount: digit groups (Thai or Arabic) with a comma between.
_AMOUNT_CELL = re.compile(r"[0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})+")
#: Rows with an amount that make an unread table worth telling.
MIN_AMOUNT_ROWS = 2


def lost_number_header(cells: Sequence[str]) -> bool:
    """Whether key-form ``cells`` are a budget table's header with its ``ลำดับ`` cell lost.

    The row starts at the name's header: ``ชื่อโครงการ... | งบประมาณ |
    ส่วนราชการที่รับผิดชอบ``, three short filled cells no project's row holds.

    >>> lost_number_header([key(c) for c in ("", "ชื่อโครงการยุทธศาสตร์", "",
    ...                                       "งบประมาณ", "ส่วนราชการ ที่รับผิดชอบ")])
    True
    >>> lost_number_header([key(c) for c in ("ชื่อโครงการอบรม", "งบประมาณ", "ฝ่ายโยธา")])
    False
    """
    filled = [c for c in cells if c]
    return len(filled) == 3 and filled[0].startswith(_NAME_HEAD) \
        and len(filled[0]) <= 2 * len(_NAME_HEAD) and filled[1].startswith(_BUDGET_HEAD) \
        and any(w in filled[2] for w in _UNIT_HEADS)


def unread_amount_tables(tables: Sequence[Table]) -> list[Finding]:
    """A finding for each table of no known kind whose rows hold baht amounts.

    ``tables``: the plan's tables (:func:`~.plan_tables.tables_of`); one whose kind
    is ``other`` (no header row recognised) with :data:`MIN_AMOUNT_ROWS` or more rows
    holding an amount was a budget table the reader did not know: its projects are
    not loaded, and the finding says which lines they stand on.
    """
    found = []
    for table in tables:
        if table.kind != "other":
            continue
        rows = [r for r in table.rows if any(_AMOUNT_CELL.search(c) for c in r.squashed)]
        if len(rows) < MIN_AMOUNT_ROWS:
            continue
        first, last = table.rows[0].line.no, table.rows[-1].line.no
        found.append(Finding(
            "plan_projects", None, None, "warning", "unparsed_line",
            f"lines {first}-{last}: a table of {len(table.rows)} rows, {len(rows)} with "
            "amounts, was not read: no budget table header (ลำดับ | ชื่อโครงการ | "
            "งบประมาณ) was recognised over it; its projects are not loaded"))
    return found

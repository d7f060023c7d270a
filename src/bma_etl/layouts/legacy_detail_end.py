"""Where a legacy form's report narrative ends and the report's own values begin.

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_reports`, not a layout).
Consumes one report's cells (:func:`~bma_etl.layouts.legacy_cells.coalesced`);
produces the place of the ``::`` that closes the narrative before the progress's label
(``:: 14/11/2565 : ขออนุมัติ… ความก้าวหน้าของงานฯ = 99.00 % ตามแผนเดิม :: ความก้าวหน้าของงานฯ
= 10.00 % : …``). A narrative may quote a value in the labels' own words; such a quote is
narrative, and the report's progress and budget are read only past that place. Never
raises.
"""

from __future__ import annotations

import re

from bma_etl.layouts.legacy_cells import ReportCell, opens_with
from bma_etl.layouts.legacy_values import PROGRESS_LABEL
from bma_etl.matchkey import matches_key

#: The narrative's end: two colons (``::``), spaces after them.
_DETAIL_END = re.compile(r"::[ \t\n]*")


def own_values_at(cells: list[ReportCell]) -> tuple[int, int] | None:
    """``(cell index, offset in its text)`` where the report's own values begin, or None.

    The first ``::`` in the report's ``cells`` that the progress's label follows (in key
    form), on the same cell or opening the next (a wrap or a tab between them); the
    place returned is the label's cell and where its search starts (past the ``::``).
    The first, not the last: a second one is a second report's run into this one (a
    print that lost the label between them), whose values are never this report's.
    None when no ``::`` stands before the label (a page whose colons OCR lost): the
    values are then searched as before, from the narrative's start.
    """
    for k, cell in enumerate(cells):
        for m in _DETAIL_END.finditer(cell.text):
            rest = cell.text[m.end():]
            if rest and matches_key(PROGRESS_LABEL, rest):
                return k, m.end()
            if not rest.strip() and k + 1 < len(cells) and opens_with(PROGRESS_LABEL,
                                                                      cells[k + 1]):
                return k + 1, 0
    return None

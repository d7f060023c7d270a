"""A report's detail that holds a flag cell's words: not loaded.

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_reports`, not a layout).
A legacy form's flag columns are narrow: ``: เป็นไปตาม`` / ``แผน`` wraps over lines
of their own. Where a borderless table's row was not read whole (its lines taken
for two rows), the flag's words come out among the detail's lines, between its
pieces (``…รายการและ`` / ``ไม่เป็นไปตาม`` / ``ราคากลาง…``): the narrative then reads
wrong and the flag is lost. A detail holding a line of a flag's words alone is NULL
with an ``ambiguous_value`` finding (:func:`without_flag_details`), never loaded so.
"""

from __future__ import annotations

import re

from bma_etl.layouts.base import Extraction, Finding, Raw, RawRow

#: A detail line that is a flag cell's words alone, or a line of them (``: เป็นไป``,
#: ``ไม่เป็นไปตาม``, ``เป็นไปตามเป้าหมาย``): ``เป็นไป`` opens it, marks may
#: separate its letters in a text layer's order.
_FLAG_LINE = re.compile(
    "[\\s:]*(?:\u0e44\u0e21\u0e48\\s*)?\u0e40\u0e1b\u0e47\u0e19\u0e44\u0e1b"
    "(?:\\s*\u0e15\u0e32\u0e21(?:\\s*(?:\u0e41\u0e1c\u0e19(?:\u0e07\u0e32\u0e19)?"
    "|\u0e40\u0e1b\u0e49\u0e32\u0e2b\u0e21\u0e32\u0e22))?)?[\\s:]*")


def without_flag_details(rows: list[RawRow], out: Extraction) -> None:
    """Drop, in place, each row's detail that holds a line of a flag's words alone.

    ``rows``: a legacy form's reports (``progress_updates``), their ``detail`` a
    :class:`~.base.Raw` or a list of them (one per line or cell piece). A finding
    says which report lost its detail.

    >>> [_FLAG_LINE.fullmatch(t) is not None for t in (": \u0e40\u0e1b\u0e47\u0e19\u0e44\u0e1b",
    ...     "\u0e44\u0e21\u0e48\u0e40\u0e1b\u0e47\u0e19\u0e44\u0e1b\u0e15\u0e32\u0e21",
    ...     "\u0e40\u0e1b\u0e47\u0e19\u0e44\u0e1b\u0e14\u0e49\u0e27\u0e22\u0e14\u0e35")]
    [True, True, False]
    """
    for row in rows:
        detail = row.fields.get("detail")
        pieces = detail if isinstance(detail, list) else [detail] if isinstance(detail, Raw) \
            else []
        lines = [line for piece in pieces for line in piece.text.split("\n")]
        if not any(_FLAG_LINE.fullmatch(line) for line in lines if line.strip()):
            continue
        row.fields.pop("detail", None)
        out.findings.append(Finding(
            "progress_updates", row.ordinal, "detail", "warning", "ambiguous_value",
            f"report {row.ordinal}: its detail holds a flag's words on a line of their own "
            "(a flag cell's lines read into it): not loaded"))

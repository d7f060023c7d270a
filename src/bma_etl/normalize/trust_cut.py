"""What a file cut short may have halved, left out: a saved page that ends early.

Stage: normalize (after the other trust rules). A web page saved or downloaded only
in part (:attr:`.SourceDocument.cut`: it opens ``<body>`` but ends before its
``</body>``) is read as far as it goes. The cut falls inside the text's last line,
and inside the entry, month or report row that was being read there: that row is the
one whose first value stands last in the text, and it is left out whole, as none of
its values can be known to be its whole value (an entry's detail cut mid-sentence, its
problems line missing). A value of the project reaching into the last line is left
out too, and one the project takes from a row (a form's progress, the latest
report's) or works out from its rows (its status, its fiscal year) when the rows run
oldest first: the rows after the cut are the newest, so the latest read need not be
the latest. Rows whose dates run newest first (a tracking page's entries) lost only
older rows, and what the project takes from them stays. A ``file_cut_short`` warning says
the file ends early; each left-out row or value has its own.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from bma_etl.document import Finding
from bma_etl.normalize.fields import Normalized
from bma_etl.normalize.trust_drops import Dropped, drop_value, forget_provenance

__all__ = ["drop_cut_end"]


def drop_cut_end(normalized: Normalized, text: str, why: str) -> None:
    """Leave out the row and the values the end of a cut ``text`` may have halved (in place).

    ``text``: the document's text the provenance offsets index; ``why``: what the
    cut is (``"HTML page is truncated (it opens <body> …)"``), for the findings.
    """
    normalized.findings.append(Finding(
        "documents", None, None, "warning", "file_cut_short",
        f"{why}: the file ends early and is read as far as it goes; save or download it "
        "again for the rest"))
    end = len(text.rstrip())
    last_line = text.rfind("\n", 0, end) + 1  # offset of the last line's start
    starts: dict[tuple[str, int], int] = {}
    cells: list[tuple[int, int]] = []  # the rows' values, as text offsets
    for p in normalized.provenance:
        if p.row_ordinal is None or p.char_start is None:
            continue
        key = (p.table_name, p.row_ordinal)
        starts[key] = min(starts.get(key, p.char_start), p.char_start)
        if p.char_end is not None:
            cells.append((p.char_start, p.char_end))
    halved = max(starts, key=lambda k: starts[k], default=None)
    dated = {r.table for r in normalized.rows if r.values.get("report_date") is not None}
    newest_first = bool(dated) and all(_newest_first(normalized, t, starts) for t in dated)
    if halved is not None:
        table, ordinal = halved
        normalized.rows[:] = [r for r in normalized.rows if (r.table, r.ordinal) != halved]
        normalized.provenance[:] = [p for p in normalized.provenance
                                    if (p.table_name, p.row_ordinal) != halved]
        normalized.findings.append(Finding(
            table, ordinal, None, "warning", "file_cut_short",
            "the file ends inside this row, the last one read: left out, as its values "
            "may be cut"))
    rows = {(r.table, r.ordinal): r for r in normalized.rows}
    dropped: Dropped = set()
    for p in list(normalized.provenance):
        row = rows.get((p.table_name, p.row_ordinal))
        if row is None or p.field not in row.values:
            continue
        if p.char_end is not None and p.char_end > last_line:
            drop_value(normalized, p, row, dropped, "file_cut_short",
                       f"{p.raw_text!r} reaches the line the file ends in: not loaded, as "
                       "the cut may have halved it")
        elif p.row_ordinal is None and not newest_first and (
                p.derived or _in_cells(p.char_start, p.char_end, cells)):
            drop_value(normalized, p, row, dropped, "file_cut_short",
                       f"{p.field} is the project's from its rows, and the rows after the cut "
                       "are missing: not loaded")
    forget_provenance(normalized, dropped)


def _in_cells(start: int | None, end: int | None, cells: list[tuple[int, int]]) -> bool:
    """Whether the text span ``start``-``end`` overlaps one of the rows' ``cells``."""
    if start is None or end is None:
        return False
    return any(start < cell_end and cell_start < end for cell_start, cell_end in cells)


def _newest_first(normalized: Normalized, table: str,
                  starts: dict[tuple[str, int], int]) -> bool:
    """Whether ``table``'s rows, in text order (``starts``), run from the newest date down.

    Known from two dated rows or more (``report_date``); with fewer, False.
    """
    dated: list[tuple[int, date]] = sorted(
        (starts[(r.table, r.ordinal)], day) for r in normalized.rows
        if r.table == table and r.ordinal is not None and (r.table, r.ordinal) in starts
        and isinstance(day := r.values.get("report_date"), date))
    dates = [d for _, d in dated]
    return len(dates) >= 2 and all(a >= b for a, b in pairwise(dates)) and dates[0] > dates[-1]

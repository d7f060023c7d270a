"""A scanned legacy form's report rows whose value lines OCR read all together.

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_reports`, not a layout).
Consumes each report's cells (:class:`~bma_etl.layouts.legacy_cells.ReportCell`) and
number, as read from an OCR'd page; produces the cells each report's values are read
from (:func:`unstacked`), and the reports whose values cannot be told apart.

A phone photo of a printed form (keystone, uneven light) slants the lines, and
Tesseract's page layout now and then reads the page column by column: every report's
label, date and narrative first, then every report's value line
(``ความก้าวหน้าของงานฯ = 6.50 % : งบประมาณที่เบิกใช้ (ครั้งที่ 1) = 0 บาท : …``) one
under the other. They all followed the last label, so the last report read the first
value line (report 5 took report 1's 6.50 % and 0 baht for 63.00 % and 670,000) and
the reports above lost theirs (an outside tester's photo). A value line states its
report's number in its amount's label (``(ครั้งที่ 1)``): when the value lines stacked
in one report name, in order, that report's number and the numbers of the reports
right above it that read no values, each line goes back to the report it names. When
they do not (a number unread, a report above with values of its own), which line is
whose cannot be told: the report holding them reads none of them (NULL, with an
``ocr_doubtful_value`` finding).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from bma_etl.layouts.base import Extraction, Finding, Raw, RawRow
from bma_etl.layouts.legacy_cells import ReportCell
from bma_etl.layouts.legacy_values import BUDGET_LABEL, PROGRESS_LABEL
from bma_etl.matchkey import search_key
from bma_etl.normalize.digits import to_arabic_digits

__all__ = ["STACKED_COLUMNS", "doubt_stacked", "unstack", "unstacked"]

#: A report's number in its amount's label as OCR reads a slanted line: its closing
#: bracket may be read as ``]`` or ``}`` (``(ครั้งที่ 1]]``, ``(ครั้ง ที่ 5]``).
_NAMED = re.compile(r"\(\s*ครั้?ง\s*ที่?\s*(?P<no>[0-9๐-๙]{1,2})\s*[)\]}]")
#: A report's date (``27/10/2563``): lines holding one are a report's own, no value line's;
#: reports whose cells OCR read column by column are :mod:`.legacy_mixed_rows`' case.
_REPORT_DATE = re.compile(r"[0-9๐-๙]{1,2}\s*/\s*[0-9๐-๙]{1,2}\s*/\s*[0-9๐-๙]{2,4}")
#: The values a report holding other reports' value lines loses; its date and narrative,
#: read from its own label's line, stay.
STACKED_COLUMNS = ("progress_pct", "budget_disbursed_thb", "on_plan", "on_target")


def _value_lines(cells: list[ReportCell]) -> list[list[ReportCell]]:
    """A report's cells from each line holding a progress label to the next such line."""
    groups: list[list[ReportCell]] = []
    opened: set[int] = set()
    for cell in cells:
        if cell.line.no not in opened and search_key(PROGRESS_LABEL, cell.text):
            opened.add(cell.line.no)
            groups.append([])
        if groups:
            groups[-1].append(cell)
    return groups


def _named(group: list[ReportCell]) -> int | None:
    """The report number a value line's amount label names, or None when unread."""
    text = "\n".join(c.text for c in group)
    at = search_key(BUDGET_LABEL, text)
    m = _NAMED.search(text, at[0] if at else 0)
    return int(to_arabic_digits(m["no"])) if m else None


def unstacked(cells_of: list[list[ReportCell]], numbers: list[int | None]
              ) -> tuple[list[list[ReportCell]], list[int]]:
    """Each report's cells with value lines stacked in one report given back; the doubted.

    ``cells_of``: each report's cells, as printed; ``numbers``: each report's number
    (None when unread). A report is stacked when two lines at least of its cells
    hold a progress label, their amount labels name two report numbers at least (a
    plan/actual pair of progresses names one), no report date stands among them, and
    the reports above that would own them have text of their own (a column of whole
    reports is :mod:`.legacy_mixed_rows`' case). A report of unknown number (its label
    OCR lost) holding value lines that name two numbers is doubted: which is its own
    is not known (every label's head cut at a photo's edge, the reports run into one).
    Returns the cells per report (the same lists when nothing moved) and the indexes
    of the doubted reports (their :data:`STACKED_COLUMNS` are not to be read).
    """
    out = [list(cells) for cells in cells_of]
    doubted: list[int] = []
    for i, cells in enumerate(cells_of):
        groups = _value_lines(cells)
        named = [_named(g) for g in groups]
        above = i - len(groups) + 1
        owners = list(range(above, i + 1))
        if numbers[i] is None and len({n for n in named if n is not None}) >= 2:
            doubted.append(i)  # a report of unknown number holding several reports' values
            continue
        if len(groups) < 2 or len({n for n in named if n is not None}) < 2 or above < 0 \
                or any(_REPORT_DATE.search(c.text) for g in groups for c in g) \
                or not all(cells_of[j] for j in owners[:-1]):
            continue  # no stack of value lines alone under reports with their own text
        if named != [numbers[j] for j in owners] \
                or any(_value_lines(cells_of[j]) for j in owners[:-1]):
            doubted.append(i)
            continue
        moved = {id(c) for g in groups for c in g}
        out[i] = [c for c in cells if id(c) not in moved]
        for j, group in zip(owners, groups, strict=True):
            out[j].extend(group)
    return out, doubted


class _Report(Protocol):
    label: Raw | None
    cells: list[ReportCell]


def unstack(reports: Sequence[_Report]) -> list[int]:
    """:func:`unstacked` on ``reports`` (their label's number as read), in place; the doubted."""
    numbers = []
    for rep in reports:
        digits = re.search(r"[0-9]+", to_arabic_digits(rep.label.text)) if rep.label else None
        numbers.append(int(digits.group()) if digits else None)
    cells_of, doubted = unstacked([rep.cells for rep in reports], numbers)
    for rep, cells in zip(reports, cells_of, strict=True):
        rep.cells = cells
    return doubted


def doubt_stacked(rows: list[RawRow], doubted: list[int], out: Extraction) -> None:
    """Take out, in place, the values of the ``doubted`` rows (indexes), a finding for each."""
    for i in doubted:
        lost = [column for column in STACKED_COLUMNS
                if rows[i].fields.pop(column, None) is not None]
        if lost:
            out.findings.append(Finding(
                "progress_updates", rows[i].ordinal, None, "warning", "ocr_doubtful_value",
                f"report {rows[i].ordinal}: OCR read several reports' value lines into its "
                f"row and which is its own cannot be told; its {', '.join(lost)} not loaded"))

"""The rest of a report row a page break cut, read in front of the next report's text.

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_reports`, not a layout).
Consumes each report's number and its cells (:class:`~.legacy_cells.ReportCell`),
in table order; gives the rest back to the report it is the rest of, in place, and
names the reports whose values cannot be told from another's.

A borderless table printed by WeasyPrint cuts a tall row at the page's foot and sets
its rest on the next page under the repeated ``<thead>``; the reader, finding lines
with no label above a labelled row, may take them for that row's first lines (a
bottom-aligned cell's) and set them before its own text in one cell:
``รายงานครั้งที่7 ⇥ 2 :: ความก้าวหน้าของงานฯ = 20.00 % : งบประมาณที่เบิกใช้ (ครั้งที่ 6)
= 0 บาท :: 17/4/2566 : …``. Read so, report 7 takes report 6's progress and amount.
A report's text opens with its date (``:: 17/4/2566 :``): text before it that holds
a report's values (a progress or an amount label) is another report's. When its
amount's label names the report above (``(ครั้งที่ 6)``), it is that report's rest and
goes back to it; otherwise which report's values it holds cannot be told, and the
report's values are not read (:data:`VALUE_COLUMNS`, with a finding). So too when
such text stands after the report's own start: a report whose text holds two
progresses and names another report's amount before its own (the rest of the
repeated report 1 a page's top left under it, read into the report above).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Protocol, TypeVar

from bma_etl.document import Derived
from bma_etl.layouts.base import Extraction, Finding, Raw, RawRow
from bma_etl.layouts.legacy_cells import ReportCell
from bma_etl.layouts.legacy_mixed_rows import VALUE_COLUMNS
from bma_etl.layouts.legacy_values import BUDGET_LABEL, PROGRESS_LABEL
from bma_etl.normalize.digits import to_arabic_digits

__all__ = ["label_number", "own_reports", "rests_returned", "without_copies", "without_values"]


class _Report(Protocol):
    """A report as :mod:`.legacy_reports` gathers it: its label and its cells."""

    label: Raw | None
    cells: list[ReportCell]


T = TypeVar("T")
R = TypeVar("R", bound=_Report)
#: The values a row read twice must hold: a row of no value is no copy of a report.
_COPY_VALUES = ("report_date", "progress_pct", "budget_disbursed_thb")

#: A report's date where its text opens (``:: 17/4/2566``, ``:: 6-11-2568``).
_DATE_OPENS = re.compile(r"::\s*(?:[0-9๐-๙]{1,2}\s*/\s*[0-9๐-๙]{1,2}\s*/\s*[0-9๐-๙]{4}"
                         r"|[0-9๐-๙]{1,2}([.-])[0-9๐-๙]{1,2}\1[0-9๐-๙]{4})")
#: A report's number in its amount's label (``งบประมาณที่เบิกใช้ (ครั้งที่ 6)``).
_PAID_NUMBER = re.compile(r"เบิก\s*(?:ใช้|จ่าย)\s*\(\s*ครั้?ง\s*ที่?\s*(?P<no>[0-9๐-๙]{1,2})\s*\)")
#: A progress's label: a row holding two holds two reports' values.
_PROGRESS = re.compile(PROGRESS_LABEL)
#: A value's label: text holding one holds a report's values.
_VALUE_LABEL = re.compile(f"{PROGRESS_LABEL}|{BUDGET_LABEL}|เบิกจ่ายงบประมาณ")


def own_reports(reports: list[R], row_of: Callable[[int, R], RawRow], out: Extraction
                ) -> tuple[list[R], list[int], list[RawRow]]:
    """The reports each with its own text, the indexes of those in doubt, and their rows.

    ``reports``: in table order, changed in place (:func:`rests_returned`); ``row_of``:
    a report's row as read, from its ordinal (1-based) and the report. A report read
    again word for word is left out (:func:`without_copies`); the rows kept are
    numbered again in order.
    """
    doubted = rests_returned([label_number(r.label) for r in reports], [r.cells for r in reports])
    rows = [row_of(i, r) for i, r in enumerate(reports, start=1)]
    kept, in_doubt = without_copies(list(range(len(reports))), rows, doubted, out)
    own = [rows[i] for i in kept]
    for ordinal, row in enumerate(own, start=1):
        row.ordinal = ordinal
    return [reports[i] for i in kept], in_doubt, own


def rests_returned(numbers: list[int | None], cells: list[list[ReportCell]]) -> list[int]:
    """Give each cut row's rest read in front of the next report back; the reports in doubt.

    ``numbers``: each report's number (None: unread); ``cells``: each report's cells,
    changed in place: a report's first cell whose text before its date holds a value
    label (:data:`_VALUE_LABEL`) loses that text, which goes to the end of the report
    above when its amount's label names that report's number and no other. Returns
    the indexes of the reports whose first cell holds such text that names no report,
    or another than the one above, and of the reports whose text holds two progresses
    and names another report's amount first and its own after (a repeated row's rest
    the page's top left under it, read into its row): their values cannot be told apart.
    """
    doubted: list[int] = []
    for i in range(1, len(cells)):
        if not cells[i]:
            continue
        cell = cells[i][0]
        date = _DATE_OPENS.search(cell.text)
        if date is None or not cell.text[:date.start()].strip():
            continue
        head = cell.text[:date.start()]
        if not _VALUE_LABEL.search(head):
            continue
        named = {int(to_arabic_digits(m["no"])) for m in _PAID_NUMBER.finditer(head)}
        if numbers[i] is not None and numbers[i] in named:
            continue  # its own number before its date: no other report's text
        if numbers[i - 1] is not None and named == {numbers[i - 1]}:
            cells[i - 1].append(replace(cell, text=head.rstrip(), first=False))
            cells[i][0] = replace(cell, start=cell.start + date.start(),
                                  text=cell.text[date.start():])
        else:
            doubted.append(i)
    for i, own in enumerate(cells):  # another report's values before its own, past its date
        text = _values_part(own)
        order = [int(to_arabic_digits(m["no"])) for m in _PAID_NUMBER.finditer(text)]
        if i not in doubted and numbers[i] is not None and order and order[0] != numbers[i] \
                and numbers[i] in order and len(_PROGRESS.findall(text)) >= 2:
            doubted.append(i)
    return sorted(doubted)


def _values_part(cells: list[ReportCell]) -> str:
    """A report's text from where its values begin, or all of it when that is unknown.

    Past its narrative: a narrative may quote a progress and an amount in their labels'
    words (:func:`~.legacy_detail_end.own_values_at`).
    """
    from bma_etl.layouts.legacy_detail_end import own_values_at

    at = own_values_at(cells)
    if at is None:
        return "\n".join(cell.text for cell in cells)
    k, offset = at
    return "\n".join([cells[k].text[offset:], *(cell.text for cell in cells[k + 1:])])


def label_number(label: Raw | None) -> int | None:
    """The report number a label holds (``รายงานครั้งที่๗``: 7), or None."""
    digits = re.search(r"[0-9]+", to_arabic_digits(label.text)) if label is not None else None
    return int(digits.group()) if digits else None


def without_values(rows: list[RawRow], doubted: list[int], out: Extraction) -> None:
    """Take out, in place, the values of the ``doubted`` rows (indexes), a finding for each."""
    for i in doubted:
        lost = [c for c in VALUE_COLUMNS if rows[i].fields.pop(c, None) is not None]
        if lost:
            out.findings.append(Finding(
                "progress_updates", rows[i].ordinal, None, "warning", "ambiguous_value",
                f"report {rows[i].ordinal}: its row opens with another report's values (the "
                "rest of a row a page break cut?) and which are its own cannot be told; its "
                f"{', '.join(lost)} not loaded"))


def without_copies(reports: list[T], rows: list[RawRow], doubted: list[int], out: Extraction
                   ) -> tuple[list[T], list[int]]:
    """The reports but each one read again word for word, and ``doubted`` as indexes of them.

    ``rows``: each report's row as read. A row whose every field reads as an earlier
    row's, its number and a date, progress or amount among them, is the same report
    read twice: a table header the printer repeats on a later page holds it, and the
    reader split the first copy as it did not this one (the furniture did not match
    it). It is left out, with a ``duplicate_seq_label`` finding.
    """
    seen: set[tuple[tuple[str, str], ...]] = set()
    kept: list[int] = []
    for i, row in enumerate(rows):
        copy = tuple(sorted((name, _key(value)) for name, value in row.fields.items()
                            if value is not None))
        if copy in seen and row.fields.get("seq_label") is not None \
                and any(row.fields.get(c) is not None for c in _COPY_VALUES):
            out.findings.append(Finding(
                "progress_updates", None, "seq_label", "warning", "duplicate_seq_label",
                f"report {_key(row.fields['seq_label'])} read again word for word (a table "
                "header the printer repeats on a later page holds it): loaded once"))
            continue
        seen.add(copy)
        kept.append(i)
    return [reports[i] for i in kept], [kept.index(i) for i in doubted if i in kept]




def _key(value: object) -> str:
    """A field's value as compared between rows: its letters as read, white space aside."""
    if isinstance(value, Raw):
        return "".join(value.text.split())
    if isinstance(value, Derived):
        return repr(value.value)
    if isinstance(value, list | tuple):
        return "".join(_key(v) for v in value)  # a text read in pieces: its letters
    return repr(value)

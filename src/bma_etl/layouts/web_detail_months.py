"""The monthly results of the tracking system's project-detail page (ผลงานเดือนที่ lines).

Stage: extract (a helper of :mod:`bma_etl.layouts.web_project_detail`, not a layout).
Consumes the page's ``ผลงานเดือนที่`` lines (:data:`MONTH_LINE_RE`), each read
alone by :func:`read_month`; produces the ``monthly_progress`` raw rows, one per
line in document order (:func:`month_rows`), and an ``ambiguous_value`` finding
for a line whose reading the neighbouring lines do not decide.

The month and its value may arrive in two cells (a tab), spaced, or glued:
``ผลงานเดือนที่ 145`` is month 1, value 45 and ``ผลงานเดือนที่ 10`` is month 10
with no value, but ``10`` could also be month 1, value 0. Every split into a
month 1..12 and a value 0..100 is a candidate; the neighbouring lines decide
(months run 1, 2, 3…; values are cumulative and do not fall). When they do not,
the value is left empty and the month keeps the most plausible reading marked
low-confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from bma_etl.document import cells as cells_of
from bma_etl.layouts.base import Derived, Extraction, Finding, Line, Raw, RawRow, RepairedText
from bma_etl.layouts.web_month_ocr import misread_label_end, month_between, unread_month
from bma_etl.matchkey import MARKS
from bma_etl.normalize.digits import to_arabic_digits

_D = "[0-9๐-๙]"
# Monthly results: after "ผลงานเดือนที่" and its spaces comes either a month, a tab
# or a colon and an optional value (an HTML cell boundary; a ``label : value`` line,
# ``ผลงานเดือนที่ 11 :`` a month not reported yet), a month and a spaced value, or
# month and value glued together.
#: OCR loses ที่'s marks and puts specks before a line: both are let through.
#: It also puts a space inside a word now and then (``ผลงานเดื อนที 4``).
_MONTH_WORDS = " ?".join(f"{c}?" if re.fullmatch(f"[{MARKS}]", c) else c for c in "ผลงานเดือนที่")
#: A line spread to the margin (Word's distributed justification) widens the space
#: after the words into a tab (``ผลงานเดือนที่⇥๑๑๓``): it is let through as a space.
MONTH_LINE_RE = re.compile(rf"^[\s.,'\-|]*{_MONTH_WORDS}[ \t]*")
_NUMBER = rf"{_D}+(?:\.{_D}+)?"
_MONTH_TAB_RE = re.compile(
    rf"(?P<month>{_D}{{1,2}})[ ]*[\t:][ \t]*(?P<value>{_NUMBER})?[ \t]*%?[ \t]*$"
)
_MONTH_SPACED_RE = re.compile(
    rf"(?P<month>{_D}{{1,2}})(?:[ ]*:[ ]*|[ ]+)(?P<value>{_NUMBER})[ ]*%?[ \t]*$"
)
_MONTH_GLUED_RE = re.compile(rf"(?P<digits>{_D}+(?:\.{_D}+)?)[ \t]*$")
#: On an OCR'd page, glued digits and a speck read as a point or comma after them
#: (``ผลงานเดือนที่ 319.``): a value ends in no point, but the speck may be a point
#: whose decimals were lost, so the month is read and the value left empty; after a
#: value with its point (``214.5.``) the speck is one, and the value is read.
_MONTH_SPECK_RE = re.compile(rf"(?P<digits>{_D}+(?:\.{_D}+)?)[ ]?[.,'][ \t]*$")
_VALID_MONTH = re.compile(r"[1-9]|1[0-2]")
_VALID_VALUE = re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
#: A candidate costing this much or more is implausible even when it is the best.
_IMPLAUSIBLE = 3


@dataclass
class Month:
    """One ผลงานเดือนที่ line: its fixed reading, or the readings it allows."""

    line: Line
    candidates: list[tuple[int, float | None, Raw, Raw | None]]  # month, value, raws
    glued: str
    unread: Raw | None = None  # a month OCR read as a letter (no candidates)
    speck: bool = False  # a point after glued digits: the value is left empty


def month_cells(lines: list[Line]) -> bool:
    """Whether some ``ผลงานเดือนที่`` line of ``lines`` has its month and value in two cells.

    ``ผลงานเดือนที่ 1⇥5``: the page's months then stand in cells of their own.
    """
    return any((head := MONTH_LINE_RE.match(line.text)) is not None and (
        m := _MONTH_TAB_RE.match(line.text[head.end():].lstrip(" \t"))) is not None
        and m.group("value") is not None for line in lines)


def read_month(doc: RepairedText, line: Line, cells: bool = True) -> Month | None:
    """The readings of one ``ผลงานเดือนที่`` line, or None when it allows none.

    A month and a value in two cells or spaced give one reading; glued digits give
    every split into a month 1..12 and a value 0..100. Two digits before an empty
    cell (``ผลงานเดือนที่ 12⇥``) are one month's cell where the page sets its months
    in cells (``cells``, :func:`month_cells`), else glued digits too: a sheet's
    one-cell row beside the table's empty column is month 1 and value 2 as well as
    month 12 and no value.
    """
    head = MONTH_LINE_RE.match(line.text)
    at = head.end() if head else misread_label_end(line.text) if doc.ocr_used else None
    if at is None:
        return None
    at = len(line.text) - len(line.text[at:].lstrip(" \t"))
    rest = line.text[at:]
    base = line.start + at
    for regex in (_MONTH_TAB_RE, _MONTH_SPACED_RE):
        m = regex.match(rest)
        if m and not cells and m.group("value") is None and len(m.group("month")) > 1:
            continue  # an empty cell after the digits tells no split: ``12⇥`` may be glued
        if m and _VALID_MONTH.fullmatch(to_arabic_digits(m.group("month"))):
            month_raw = doc.raw_match(m, "month", base)
            value_raw = doc.raw_match(m, "value", base)
            if month_raw is None:
                return None
            value = _value_of(value_raw.text) if value_raw is not None else None
            if value_raw is not None and value is None:
                return None
            return Month(line, [(int(to_arabic_digits(month_raw.text)), value, month_raw,
                                  value_raw)], "")
    m = _MONTH_GLUED_RE.match(rest)
    speck = m is None and doc.ocr_used and (m := _MONTH_SPECK_RE.match(rest)) is not None \
        and "." not in m.group("digits")
    if not m:  # on an OCR'd page, a month read as a letter: the months around it tell
        return Month(line, [], rest.strip(), doc.raw(line.start + at, line.start + len(
            line.text))) if doc.ocr_used and unread_month(rest) else None
    digits = m.group("digits")
    start = base + m.start("digits")
    candidates: list[tuple[int, float | None, Raw, Raw | None]] = []
    whole = len(digits.split(".")[0])
    for width in (1, 2):
        if width > whole:
            continue
        month_text = to_arabic_digits(digits[:width])
        value_text = digits[width:]
        if not _VALID_MONTH.fullmatch(month_text):
            continue
        value = _value_of(value_text) if value_text else None
        if value_text and value is None:
            continue
        month_raw = doc.raw(start, start + width)
        value_raw = doc.raw(start + width, start + len(digits)) if value_text else None
        if month_raw is not None and not (speck and any(c[0] == int(month_text)
                                                        for c in candidates)):
            candidates.append((int(month_text), None, month_raw, None) if speck else
                              (int(month_text), value, month_raw, value_raw))
    return Month(line, candidates, digits, speck=speck) if candidates else None


#: A line holding a value alone (``62``, ``48.5 %``): a month's, printed under its label.
_VALUE_ALONE_RE = re.compile(rf"[ ]*(?P<value>{_NUMBER})[ ]*%?[ \t]*")


def _alone(line: Line) -> bool:
    """Whether ``line`` is a ``ผลงานเดือนที่ N`` label holding its month alone (1..12)."""
    head = MONTH_LINE_RE.match(line.text)
    month = re.fullmatch(rf"[ ]*({_D}{{1,2}})[ \t]*", line.text[head.end():]) if head else None
    return month is not None and bool(_VALID_MONTH.fullmatch(to_arabic_digits(month[1])))


def values_below(doc: RepairedText, lines: list[Line]) -> dict[int, Line]:
    """Each month label's value line (label line number → line), or none.

    Only when the page prints every month's result on the line under its label, and
    uses that shape throughout: every ``ผลงานเดือนที่`` line holds its month alone,
    and is followed by a value alone (``62``, ``48.5 %``) or directly by the next
    month's label; a value line is followed by the next month's label, or,
    under the last one, by the block's end on the same page. A page's last line
    (a page number) and a line after the block are never a month's value.
    """
    text = [ln for ln in lines if ln.text.strip()]
    labels = [j for j, ln in enumerate(text) if MONTH_LINE_RE.match(ln.text)]
    if not labels or not all(_alone(text[j]) for j in labels):
        return {}
    out: dict[int, Line] = {}
    for j in labels:
        last = j == labels[-1]
        value = text[j + 1] if j + 1 < len(text) else None
        if value is None or MONTH_LINE_RE.match(value.text):
            continue  # no value: the next month's label, or the page's end
        if not _VALUE_ALONE_RE.fullmatch(value.text):
            if last:
                continue  # the block's end, no value for the last month
            return {}
        after = text[j + 2] if j + 2 < len(text) else None
        if after is not None and MONTH_LINE_RE.match(after.text) and not last:
            out[text[j].no] = value
        elif last and after is not None and not _VALUE_ALONE_RE.fullmatch(after.text) \
                and doc.index.page_of(after.start) == doc.index.page_of(value.start):
            out[text[j].no] = value  # the block ends on the same page
        elif not last:
            return {}
    return out


def read_month_above(doc: RepairedText, line: Line, below: Line | None) -> Month | None:
    """A ``ผลงานเดือนที่ N`` line whose value is the line ``below`` it, or None.

    A page printed with each label over its value (LibreOffice's print of a detail
    page's grid or list) sets ``ผลงานเดือนที่ 1`` on one line and ``5`` on the next.
    ``below`` is the value line :func:`values_below` found for ``line`` (None when
    it found none): a percent alone (0..100).
    """
    head = MONTH_LINE_RE.match(line.text)
    if head is None or below is None:
        return None
    month = re.fullmatch(rf"[ ]*(?P<month>{_D}{{1,2}})[ \t]*", line.text[head.end():])
    value = _VALUE_ALONE_RE.fullmatch(below.text)
    if month is None or value is None \
            or not _VALID_MONTH.fullmatch(to_arabic_digits(month["month"])):
        return None
    month_raw = doc.raw_match(month, "month", line.start + head.end())
    value_raw = doc.raw_match(value, "value", below.start)
    number = _value_of(value_raw.text) if value_raw is not None else None
    if month_raw is None or number is None:
        return None
    return Month(line, [(int(to_arabic_digits(month_raw.text)), number, month_raw,
                         value_raw)], "")


#: A grid row's label naming a plan or a target, not the results (``แผน (%)``, ``เป้าหมาย``).
_NOT_RESULTS = re.compile(r"แผน|เป้า")
#: A cell of a grid's value row: a percent, or nothing (a month not yet reported).
_GRID_VALUE_RE = re.compile(rf"[ ]*(?:(?P<value>{_NUMBER})[ ]*%?)?[ ]*")


def _tab_cells(line: Line, at: int = 0) -> list[tuple[int, str]]:
    """``line``'s cells from ``at`` on (:func:`~bma_etl.document.cells`): (offset, text)."""
    rest = Line(line.no, line.start + at, line.text[at:])
    return [(at + cell.start, cell.text) for cell in cells_of(rest)]


def _month_number(at: int, text: str) -> tuple[int, str]:
    """A grid head's cell without the month words it repeats (``ผลงานเดือนที่ 2`` → ``2``)."""
    words = MONTH_LINE_RE.match(text)
    return (at + words.end(), text[words.end():]) if words else (at, text)


def read_month_grid(doc: RepairedText, line: Line, following: list[Line],
                    out: Extraction) -> tuple[list[Month], set[int]] | None:
    """Monthly results printed as a grid, or None when ``line`` is no grid's head.

    ``ผลงานเดือนที่ | 1 | 2 | … | 12`` (three months or more, in a run; or each head cell
    the words and its month, ``ผลงานเดือนที่ 1 | ผลงานเดือนที่ 2 | …``) over a row of
    values (``ร้อยละ | 5 | 8 | … |``: a label cell may lead it; a month not reported
    yet is an empty cell). ``following``: the lines after ``line`` with text; the
    value row is the first of them whose label names no plan or target (a ``แผน`` row
    above the ``ผล`` row is passed over). Returns one :class:`Month` per column and the
    numbers of the lines read with it. Values whose row has another number of cells
    than the months, or a value over 100, are not placed (NULL, with an issue in ``out``).
    """
    head = MONTH_LINE_RE.match(line.text)
    if head is None:
        return None
    columns = _tab_cells(line, head.end())  # a wide gap may print as an empty cell
    columns = [_month_number(at, text) for at, text in columns]
    heads = [(i, at, text) for i, (at, text) in enumerate(columns) if text.strip()]
    numbers = [to_arabic_digits(text.strip()) for _, _, text in heads]
    if len(heads) < 3 or not all(_VALID_MONTH.fullmatch(n) for n in numbers) or any(
            int(b) != int(a) + 1 for a, b in pairwise(numbers)):
        return None
    taken: set[int] = set()
    below = None
    for candidate in following[:3]:  # a plan's row may come before the results'
        row = cells_of(candidate)
        if len(row) < 2:
            break
        taken.add(candidate.no)
        if not _NOT_RESULTS.search(row[0].text):
            below = candidate
            break
    cells = _tab_cells(below) if below is not None else []
    if len(cells) == len(columns) + 1 and (not cells[0][1].strip()
                                           or not _GRID_VALUE_RE.fullmatch(cells[0][1])):
        cells = cells[1:]  # the row's label cell (ร้อยละ, ผลงาน, or empty) under the head's
    elif cells and not _GRID_VALUE_RE.fullmatch(cells[0][1]):
        cells = cells[1:]  # a label, and the months' cells short of the head's
    values = [_GRID_VALUE_RE.fullmatch(text) for _, text in cells]
    is_row = bool(cells) and all(values) and any(m and m.group("value") for m in values)
    placed = is_row and len(cells) == len(columns) and not any(
        m and m.group("value") and not columns[i][1].strip() for i, m in enumerate(values))
    if is_row and not placed and below is not None:
        out.findings.append(Finding("monthly_progress", None, None, "warning", "unparsed_line",
                                    f"line {below.no}: {len(cells)} values under "
                                    f"{len(heads)} months: which month each is cannot be "
                                    "told, so none is read"))
    if below is None or not is_row:
        taken = set()  # no value row: the lines after the head are read as themselves
    months = []
    for (i, at, text), month in zip(heads, numbers, strict=True):
        month_raw = doc.raw(line.start + at, line.start + at + len(text))
        value_raw = None
        if placed and below is not None and (m := values[i]) is not None and m.group("value"):
            value_raw = doc.raw(below.start + cells[i][0] + m.start("value"),
                                below.start + cells[i][0] + m.end("value"))
        value = _value_of(value_raw.text) if value_raw is not None else None
        if value_raw is not None and value is None:
            out.findings.append(Finding("monthly_progress", None, None, "warning",
                                        "unparsed_value", f"month {month}: "
                                        f"{value_raw.text!r} is no percent of 0 to 100"))
        if month_raw is not None:
            months.append(Month(line, [(int(month), value, month_raw,
                                        value_raw if value is not None else None)], ""))
    return months, taken


def _value_of(text: str) -> float | None:
    """A cumulative percent 0..100 written without leading zeros, or None."""
    arabic = to_arabic_digits(text)
    if not _VALID_VALUE.fullmatch(arabic):
        return None
    value = float(arabic)
    return value if value <= 100 else None


def _cost(month: int, value: float | None, prev_month: int | None, last_value: float | None,
          next_month: int | None, prev_had_value: bool) -> int:
    """How badly one reading breaks the run of its neighbours (0 = fits)."""
    cost = 0
    if prev_month is not None:
        if month == prev_month + 1:
            cost += 0
        elif month == prev_month:
            cost += 1
        elif month > prev_month:
            cost += 2
        else:
            cost += 3  # back in time
    if next_month is not None and month > next_month:
        cost += 2
    if value is not None and last_value is not None and value < last_value:
        cost += 3  # cumulative progress does not fall
    if value is not None and prev_month is not None and not prev_had_value:
        cost += 2  # results are filled in month by month: none after an empty month
    return cost


def month_rows(months: list[Month], out: Extraction) -> list[RawRow]:
    """One ``monthly_progress`` raw row per line (ordinal 1..n), each reading chosen.

    A line of several readings takes the one that fits its neighbours best
    (:func:`_cost`); when none fits clearly better, its value is left empty, its
    month marked low-confidence, and an ``ambiguous_value`` finding is added to ``out``.
    """
    rows: list[RawRow] = []
    prev_month: int | None = None
    last_value: float | None = None
    prev_had_value = False
    for i, item in enumerate(months):
        ordinal = len(rows) + 1
        next_month = next((m.candidates[0][0] for m in months[i + 1:]
                           if len(m.candidates) == 1), None)
        if item.unread is not None:  # a month OCR read as a letter: the months around it
            after = months[i + 1].candidates if i + 1 < len(months) else []
            month_of = next((m for c in after if (m := month_between(prev_month, c[0]))), None)
            if month_of is None:
                out.findings.append(Finding("monthly_progress", None, None, "warning",
                                            "unparsed_line",
                                            f"line {item.line.no}: monthly result not read: "
                                            f"{item.line.text.strip()[:40]!r}"))
                continue
            rows.append(RawRow("monthly_progress", len(rows) + 1, {"month_no": Derived(
                month_of, f"month read as {item.unread.text!r} between months "
                f"{month_of - 1} and {month_of + 1}", item.unread.span), "value": None}))
            prev_month, prev_had_value = month_of, False
            continue
        if len(item.candidates) == 1:
            month, value, month_raw, value_raw = item.candidates[0]
        else:
            costed = sorted(
                ((_cost(c[0], c[1], prev_month, last_value, next_month, prev_had_value),
                  c[1] is not None, c)
                 for c in item.candidates),
                key=lambda t: (t[0], t[1]),
            )
            best_cost, _, best = costed[0]
            decided = best_cost < costed[1][0] and best_cost < _IMPLAUSIBLE
            month, value, month_raw, value_raw = best
            if not decided:
                readings = " or ".join(
                    f"month {c[0]}" + (f" value {c[3].text}" if c[3] is not None else
                                       " with no value")
                    for c in item.candidates)
                out.findings.append(Finding(
                    "monthly_progress", ordinal, "value", "warning", "ambiguous_value",
                    f"line {item.line.no}: 'ผลงานเดือนที่ {item.glued}' reads as {readings}; "
                    "the neighbouring months do not decide, so the value is left empty"))
                value, value_raw = None, None
                month_raw = replace(month_raw, low_confidence=True)
        if item.speck:
            out.findings.append(Finding(
                "monthly_progress", ordinal, "value", "warning", "ambiguous_value",
                f"line {item.line.no}: 'ผลงานเดือนที่ {item.glued}' ends in a "
                "point after its digits (a speck, or a decimal point whose decimals were "
                "lost), so the value is left empty"))
        rows.append(RawRow("monthly_progress", ordinal,
                           {"month_no": month_raw, "value": value_raw}))
        prev_month = month
        prev_had_value = value is not None
        if value is not None:
            last_value = value
    return rows


__all__ = ["MONTH_LINE_RE", "Month", "month_cells", "month_rows", "read_month",
           "read_month_above",
           "read_month_grid", "values_below"]

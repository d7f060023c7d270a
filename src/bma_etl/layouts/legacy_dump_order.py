"""The legacy form's report table as a reading-order text dump printed it: out of order.

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_reports`, not a layout).
A PDF's text dumped in reading order (poppler's ``pdftotext`` without ``-layout``,
of a browser's print) writes a table block by block, not row by row: a report's
label cell may come apart from its row (``รายงาน`` above the row, ``ครั้งที่1``
after the last one), the labels in one run and the rows' cells in another
(``รายงานครั้งที่3``, eight flag cells, the cells of report 7), a row's flag cells
after the next row's, or a flag cell's lines between the lines of the row's
narrative (``…ด้วยวิธี`` / ``เป็นไปตามแผน : ไม่เป็นไปตาม`` / ``ประกวดราคา…``).
Read by the labels' places, each report then takes another report's date,
progress and amount, and its number is one too high: wrong values, no finding.

:func:`out_of_order` tells such a table from the reports read by place (a report's
cells naming another report's budget, ``(ครั้งที่ 7)`` under ``รายงานครั้งที่3`` standing
on a line of its own; a label's number standing alone among a report's cells; two
flags of one kind in one report; two flag cells' lines side by side; a flag cell's
words among a report's narrative lines). :func:`regrouped` then reads the table
again by what each row states itself: a row's cells run from its ``:: date`` cell
(or its progress's label) to the next; its number is the one its budget's label
names, when no two rows name one and each is a label's (a form may name the budget
before's, ``รายงานครั้งที่ 11`` … ``(ครั้งที่ 10)``); else, when every row naming a number
stands under that label, the label above it; else the row is not read (a finding).
The rows go in their numbers' order. A row keeps its flags only when the rows stand
under their own labels and it holds its own two alone; its narrative is NULL when
another column's text stays in it (a flag's words, a page's repeated table head).
Every such table gets an ``interleaved_columns`` warning naming what was seen.
Only a text file is so looked at (:func:`dumped`): a PDF's reader and OCR lay cells
out by their places, and a form whose row they joined to the one above is no dump.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from bma_etl.document import Extraction, Finding, Raw, RawRow, RepairedText
from bma_etl.layouts.legacy_cells import ReportCell
from bma_etl.layouts.legacy_dump_flags import (
    FLAG_AFTER_VALUE,
    FLAG_END,
    ON_PLAN,
    ON_TARGET,
    clean_narrative,
    cut_flag_piece,
    is_flag_piece,
    own_flags,
    side_by_side,
)
from bma_etl.layouts.legacy_labels import report_label
from bma_etl.layouts.legacy_values import BUDGET_LABEL, PROGRESS_LABEL
from bma_etl.matchkey import search_key

#: A budget's label naming its report (``งบประมาณที่เบิกใช้ (ครั้งที่ 7)``).
_BUDGET_NO = re.compile(rf"{BUDGET_LABEL}\s*\(\s*ครั้งที่\s*(?P<no>[0-9๐-๙]{{1,3}})\s*\)")
#: A report label's number apart from its words (``ครั้งที่1``; ``ที่๘`` under ``รายงานครั้ง``,
#: ``งที่๑`` under ``รายงานครั้``: a wrap may cut the word).
_LABEL_TAIL = re.compile(r"^\s*[ครั้ง]{0,5}ที่\s*(?P<no>[0-9๐-๙]{1,3})\s*$")
#: A report label's words without their number (``รายงาน``, ``รายงานครั้ง``, ``รายงานครั้``).
_LABEL_HEAD = re.compile(r"^\s*รายงาน[ครั้ง]{0,5}(?:ที่)?\s*$")
_BARE_NO = re.compile(r"^\s*(?P<no>[0-9๐-๙]{1,3})\s*$")
#: ...before the row's first line on the same line (``รายงานครั้ง :: 18/10/2562 : …``).
_HEAD_BEFORE_DATE = re.compile(r"^\s*รายงาน(?:ครั้ง)?\s*(?=::)")
#: The report table's column titles, a page's repeated head (``ผลการดำเนิน`` / ``งาน``).
_HEAD_TITLES = re.compile(
    r"^(?:ครั้งที่รายงาน|รายละเอียดการดำเนินงาน|ผลการดำเนิน(?:งาน)?|การประเมิน)+$")
_SPACE = re.compile(r"\s+")
#: The finding's opening (:func:`regrouped_in` looks for it).
_REGROUPED = "the report table's text came out of the page's order"
_DATE = re.compile(r"[0-9๐-๙]{1,2}\s*[/.-]\s*[0-9๐-๙]{1,2}\s*[/.-]\s*[0-9๐-๙]{2,4}")
#: A cell of a dump that sets columns side by side with runs of spaces (``-layout``).
_ALIGNED = re.compile(r"^ {3,}|\S {3,}\S")
_VALUES = re.compile(rf"[0-9๐-๙]\s*%|{BUDGET_LABEL}")
#: A report's entry opens with its date (``:: 29/12/2565 :``, ``:: 6-11-2568 :``).
DATE_OPEN_RE = re.compile(r"^\s*::\s*(?:[0-9๐-๙]{1,2}\s*/|[0-9๐-๙]{1,2}([.-])[0-9๐-๙]{1,2}\1"
                          r"|[0-9๐-๙]{4}-[0-9๐-๙]{1,2}-)")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

#: The layout's reader of one report row (document, ordinal, report), and its report
#: made of a label's number (or None) and cells.
RowReader = Callable[[RepairedText, int, Any], RawRow]
ReportMaker = Callable[[Raw | None, list[ReportCell]], Any]


def _number(text: str) -> int:
    return int(text.translate(_THAI_DIGITS))


def label_number(label: Raw | None) -> int | None:
    """A report label's number as read (None when unread or not digits)."""
    text = label.text.translate(_THAI_DIGITS) if label is not None else ""
    return int(text) if text.isdigit() else None


class ReportRead(Protocol):
    """A report as the labels' places gave it: its label's number read, and its cells."""

    label: Raw | None
    cells: list[ReportCell]


def dumped(doc: RepairedText) -> bool:
    """Whether ``doc`` may be a text dump: a text file, or text whose source is not known.

    A PDF's reader and OCR lay a table's cells out by their places on the page, an
    HTML page by its markup: only a text file holds a table in a dump's order.

    >>> dumped(RepairedText.of("x", media_type="text/plain")), dumped(RepairedText.of("x"))
    (True, True)
    >>> dumped(RepairedText.of("x", media_type="application/pdf"))
    False
    """
    return doc.media_type in (None, "text/plain") and not doc.ocr_used


def out_of_order(reports: Sequence[ReportRead]) -> str | None:
    """Why a report table read by its labels' places came out of the page's order, or None.

    ``reports``: each report as read, its label (None when unread) and its cells in
    reading order. Returns a clause for the finding. A report naming another's
    budget, or two, counts only when its label stands on a line of its own (a form
    may name the budget before's number on the label's line, report 11's budget as
    report 10's; a narrative may quote one); a flag's words only between the row's
    date and its values (a borderless print's flags wrapped on the
    label's line, before the date, are its reader's to place). A dump that sets the
    columns side by side (a third of the cells padded with runs of spaces:
    ``pdftotext -layout``) is not one: its lines are rows, read by place.
    """
    every = [c.text for rep in reports for c in rep.cells]
    if 3 * sum(bool(_ALIGNED.search(t)) for t in every) >= len(every):
        return None  # columns set side by side with spaces (``-layout``): read by place
    for rep in reports:
        number, texts = label_number(rep.label), [c.text for c in rep.cells]
        alone = rep.label is not None and all(
            c.line.no != rep.label.span.line_no for c in rep.cells)
        joined = _SPACE.sub("", "".join(texts))
        named = {_number(m.group("no")) for m in _BUDGET_NO.finditer("\n".join(texts))}
        if alone and number is not None and named and named != {number}:
            return f"report {number}'s cells name report {min(named - {number})}'s budget"
        if alone and len(named) > 1:  # (a narrative may quote a budget, on its row's line)
            return f"one report's cells name the budgets of reports {sorted(named)}"
        values_at = _progress_at(texts)
        if any(_LABEL_TAIL.match(t) for t in texts[values_at:]):
            return "a report label's number stands apart from its words"
        if len(ON_PLAN.findall(joined)) > 1 or len(ON_TARGET.findall(joined)) > 1:
            return "one report holds two flags of one kind"
        if any(side_by_side(t) for t in texts):
            return "two flag cells' lines stand side by side"
        entry = texts[_date_at(texts):values_at]
        if any(cut_flag_piece(t) and "เป็น" in t for t in entry) \
                or any((m := FLAG_END.search(t)) and t[:m.start()].strip() for t in entry):
            return "a flag cell's words stand among a report's narrative lines"
    return None


def _date_at(texts: list[str]) -> int:
    """Where a report's entry opens among its cells' ``texts``: its first date."""
    return next((i for i, t in enumerate(texts) if _DATE.search(t)), len(texts))


def _progress_at(texts: list[str]) -> int:
    """Where a report's narrative ends among its cells' ``texts`` (len(texts) when never).

    At the first text holding the progress's label, a percent or the budget's label
    (the progress's label a wrap cut: ``ความก้าวหน้าขอ`` / ``งงานฯ = 12.00 %``). The
    regex goes first: a cell holding the label mostly holds its percent, and the key
    form's offsets (:func:`~bma_etl.matchkey.search_key`) cost a walk of the cell.
    """
    return next((i for i, t in enumerate(texts)
                 if _VALUES.search(t) or search_key(PROGRESS_LABEL, t)), len(texts))


@dataclass
class _Group:
    """One row's cells as the dump printed them, and the label standing above them.

    ``values``: a cell with the progress or the budget read (the narrative ends
    there); ``mixed``: a flag's words stood among the narrative's lines, or glued to a
    line's end (the flags then are not read, nor the narrative when its rest stays).
    """

    cells: list[ReportCell] = field(default_factory=list)
    label: Raw | None = None
    values: bool = False
    mixed: bool = False
    headed: bool = False  # a page's repeated table head stood among its narrative's lines


@dataclass
class _Cells:
    """The table's cells sorted into rows (:func:`_groups`)."""

    groups: list[_Group] = field(default_factory=list)
    orphans: list[ReportCell] = field(default_factory=list)  # before any row
    loose_flags: bool = False  # flag cells between a label and its row: which row's?
    labels: list[int] = field(default_factory=list)  # the labels' numbers read


def _groups(doc: RepairedText, filled: list[tuple[ReportCell, bool]]) -> _Cells:
    """The rows' cell groups in reading order (each from its date or progress cell)."""
    out = _Cells()
    groups = out.groups
    label: Raw | None = None  # the last label read, until a row takes it
    after_label = False  # a label's cell read and no row opened since
    after_head = False  # the cell before was a label's words without their number
    head_opened = False  # ...and opened a row (its date after them on the line)
    for cell, leading in filled:
        text = cell.text
        found = report_label(text) if leading else None
        # a label's number apart (``ครั้งที่1``; ``1`` under ``รายงานครั้งที่``), never in a
        # row's narrative (``…ตรวจรับงานงวด`` / ``ที่ 2``)
        tail = (_LABEL_TAIL.match(text) or (_BARE_NO.match(text) if after_head else None)) \
            if after_head or not groups or groups[-1].values else None
        head = _HEAD_BEFORE_DATE.match(text)
        opened_by_head = head_opened  # ``รายงานครั้ง :: 6/12/2563 : …`` / ``ที่1``
        words_alone = bool(_LABEL_HEAD.match(text))
        after_head, head_opened = words_alone or head is not None, False
        if found is not None and found[1] > found[0]:
            label = doc.raw_in(cell.line, cell.start + found[0], cell.start + found[1])
            out.labels.append(label_number(label) or 0)
            after_label = True
            if not text[found[1]:].strip():
                continue
            cell = ReportCell(cell.line, cell.start + found[1], text[found[1]:], False)
        elif tail is not None or words_alone:  # a label's number or words apart
            if tail is not None:
                label = doc.raw_in(cell.line, cell.start + tail.start("no"),
                                   cell.start + tail.end("no"))
                out.labels.append(label_number(label) or 0)
                if opened_by_head:  # the row its words opened is the label's
                    groups[-1].label, label = label, None
                    continue
            after_label = True
            continue
        elif is_flag_piece(text):
            if after_label or not groups:
                out.loose_flags = True
            elif groups[-1].values:
                groups[-1].cells.append(cell)
                groups[-1].mixed |= side_by_side(text)
            else:
                groups[-1].mixed = True
            continue
        elif _HEAD_TITLES.match(_SPACE.sub("", text)):  # a page's repeated table head
            if groups and not groups[-1].values:
                groups[-1].mixed = groups[-1].headed = True
            continue
        elif head is not None:
            cell = ReportCell(cell.line, cell.start + head.end(), text[head.end():], cell.first)
        text = cell.text
        glued = FLAG_END.search(text) or FLAG_AFTER_VALUE.search(text)
        if glued is not None:  # a flag's words the dump set on the row's line
            text = text[:glued.start()]
            cell = ReportCell(cell.line, cell.start, text, cell.first)
        has_progress = bool(groups) and any(search_key(PROGRESS_LABEL, c.text)
                                            for c in groups[-1].cells)
        if DATE_OPEN_RE.match(text) or (search_key(PROGRESS_LABEL, text[:40])
                                        and (not groups or has_progress)):
            groups.append(_Group([cell], label))
            label, after_label, head_opened = None, False, head is not None
        elif groups:
            groups[-1].cells.append(cell)
        else:
            out.orphans.append(cell)
            continue
        groups[-1].mixed |= glued is not None
        groups[-1].values |= bool(search_key(PROGRESS_LABEL, text) or _VALUES.search(text))
    return out


def _budget_number(doc: RepairedText, group: _Group) -> tuple[int, Raw | None] | None:
    """The one report number a row's budget label names (and where), else None.

    The label may run over two cells (``งบประมาณที่เบิกใช้`` / ``(ครั้งที่ 1) = 0 บาท``).
    """
    starts, at = [], 0
    for cell in group.cells:
        starts.append(at)
        at += len(cell.text) + 1
    joined = "\n".join(cell.text for cell in group.cells)
    named = list(_BUDGET_NO.finditer(joined))
    if len({_number(m.group("no")) for m in named}) != 1:
        return None
    m = named[0]
    k = max(i for i, start in enumerate(starts) if start <= m.start("no"))
    cell, offset = group.cells[k], m.start("no") - starts[k]
    return _number(m.group("no")), doc.raw_in(cell.line, cell.start + offset,
                                              cell.start + offset + len(m.group("no")))


def regrouped(doc: RepairedText, filled: list[tuple[ReportCell, bool]], why: str,
              read_row: RowReader, report: ReportMaker, findings: list[Finding],
              by_place: list[RawRow]) -> list[RawRow]:
    """The report rows of an out-of-order table, read by what each row states itself.

    ``filled``: the table's filled cells in reading order
    (:func:`~bma_etl.layouts.legacy_cells.filled_cells`); ``why``: what
    :func:`out_of_order` saw; ``read_row`` reads a ``report`` made of a row's number
    and cells (the layout's own reader). A row keeps its flags only when the rows
    stand under their own labels and it holds its two alone (:func:`~.legacy_dump_flags.own_flags`);
    a narrative holding another column's text is dropped. The finding
    (``interleaved_columns``) goes to ``findings``. When no row states its number,
    the rows read by place (``by_place``) are returned as they are, and no finding: a
    reading of nothing is no better one (a form whose row the reader joined to the one
    above, read so, holds two flags of one kind).
    """
    cells = _groups(doc, filled)
    stated = [(g, _budget_number(doc, g)) for g in cells.groups]
    by_label = all(g.label is not None and _number(g.label.text) == s[0]
                   for g, s in stated if s is not None) and any(s for _, s in stated)
    # a budget's number is its row's when no two rows name one and every one is a
    # label's: a form may name the budget before's (``รายงานครั้งที่ 11`` … ``(ครั้งที่ 10)``)
    budgets = [s[0] for _, s in stated if s is not None]
    by_budget = len(set(budgets)) == len(budgets) and set(budgets) <= set(cells.labels)
    rows: list[RawRow] = []
    unnumbered = flagged = 0
    seen: dict[int, int] = {}
    for group, own in stated:
        if own is not None and by_budget:
            number, raw = own
        elif by_label and group.label is not None:
            number, raw = _number(group.label.text), group.label
        else:
            unnumbered += 1
            continue
        row = read_row(doc, len(rows) + 1, report(raw, group.cells))
        texts = [c.text for c in group.cells]
        if not (by_label and not cells.loose_flags and own_flags(texts, group.mixed)):
            row.fields.pop("on_plan", None)
            row.fields.pop("on_target", None)
        elif "on_plan" in row.fields or "on_target" in row.fields:
            flagged += 1
        if group.headed:
            row.fields.pop("detail", None)
        clean_narrative(doc, row, group.mixed)
        seen[number] = seen.get(number, 0) + 1
        rows.append(row)
    twice = {n for n, k in seen.items() if k > 1}
    if twice:  # two rows stating one number: which is the report's is not known
        rows = [r for r in rows if not _is_number(r, twice)]
        unnumbered += sum(seen[n] for n in twice)
    if not rows and by_place:
        return by_place
    # the dump's order is not the page's: the rows go by the numbers they state
    rows.sort(key=lambda r: _is_number(r, None))
    for i, row in enumerate(rows, start=1):
        row.ordinal = i
    lost = f"; {unnumbered} row(s) stating no report number of their own not read" \
        if unnumbered else ""
    stray = f"; {len(cells.orphans)} cell(s) before the first row ignored" \
        if cells.orphans else ""
    kept = f" (but for {flagged} row(s) holding their own two flags only)" if flagged else ""
    findings.append(Finding(
        "progress_updates", None, None, "warning", "interleaved_columns",
        f"{_REGROUPED} ({why}): each report read "
        f"by the number its own budget names, its flags NULL{kept}{lost}{stray}"))
    return rows


def regrouped_in(out: Extraction) -> bool:
    """Whether ``out``'s report table was read again by :func:`regrouped`.

    Its latest report's progress is then the project's, or none: an earlier one never
    stands in for a row the dump's order lost.
    """
    return any(f.code == "interleaved_columns" and f.message.startswith(_REGROUPED)
               for f in out.findings)


def _is_number(row: RawRow, numbers: set[int] | None) -> int:
    """Whether ``row``'s number is one of ``numbers``; with None its number (0 unread)."""
    label = row.fields.get("seq_label")
    number = label_number(label) if isinstance(label, Raw) else None
    if numbers is None:
        return number or 0
    return int(number in numbers)

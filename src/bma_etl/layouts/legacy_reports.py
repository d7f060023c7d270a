"""The legacy progress form's report table (section 2): one row per report.

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_progress_form`, not a
layout). Consumes the lines of the table's block of a
:class:`~bma_etl.layouts.base.RepairedText`; produces one raw ``progress_updates``
row per report (``seq_label``, ``report_date``, ``progress_pct``,
``budget_disbursed_thb``, ``on_plan``, ``on_target`` and the ``detail``
narrative), and ``unparsed_line`` findings for table text before the first report.

A report opens at its ``รายงานครั้งที่ N`` label cell (as printed, approximately
after OCR, or wrapped by a narrow column; after OCR also a label read as junk before
its date, its number unknown) and takes the cells that follow it
(:mod:`bma_etl.layouts.legacy_cells`) until the next label; its values are read by
:mod:`bma_etl.layouts.legacy_values` and :mod:`bma_etl.layouts.legacy_flags`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bma_etl.document import Span, joined_line
from bma_etl.layouts import legacy_cut_rests as cut
from bma_etl.layouts.amount_units import in_unit
from bma_etl.layouts.base import Extraction, Finding, Line, Raw, RawRow, RepairedText
from bma_etl.layouts.history_specks import after_date_junk
from bma_etl.layouts.legacy_amount_dots import amount_dots_read
from bma_etl.layouts.legacy_budget_heads import budget_by_head
from bma_etl.layouts.legacy_cells import (
    ReportCell,
    coalesced,
    filled_cells,
    opens_with,
    progress_label_junk,
)
from bma_etl.layouts.legacy_dates import dates_by_neighbours, short_years
from bma_etl.layouts.legacy_detail_end import own_values_at
from bma_etl.layouts.legacy_dump_order import DATE_OPEN_RE, dumped, out_of_order, regrouped
from bma_etl.layouts.legacy_flag_options import without_unticked_flags
from bma_etl.layouts.legacy_flags import flags_in_tail, put_approx_flags, trailing_flags
from bma_etl.layouts.legacy_labels import (
    junk_label,
    numbers_by_place,
    parted_at_labels,
    report_label,
    values_read,
    without_row_open_junk,
    wrapped_label,
)
from bma_etl.layouts.legacy_mixed_rows import without_mixed_values
from bma_etl.layouts.legacy_narrative import before_colons, label_before, without_specks
from bma_etl.layouts.legacy_paid_label import budget_labelled
from bma_etl.layouts.legacy_progress_rule import progress_of, progress_or_ruled
from bma_etl.layouts.legacy_report_dates import read_report_date, report_date_place
from bma_etl.layouts.legacy_stacked_values import doubt_stacked, unstack
from bma_etl.layouts.legacy_values import BUDGET_LABEL, PROGRESS_LABEL, budget_by_bracket
from bma_etl.layouts.report_cells import NUMBER_RE
from bma_etl.matchkey import fuzzy_search, literal_of, search_key
from bma_etl.normalize.unit_words import heading_unit

#: Thai vowels and marks that never open a word (SARA A, AA, AM, LAKKHANGYAO, the upper
#: and lower vowels and tone marks): read alone, or glued before a narrative's first
#: word, they are specks (``ะอยู่ระหว่าง…``, ``…ทรอนิกส์`` / ``ะ``).
_NO_WORD_OPENS = "\u0e30\u0e32\u0e33\u0e45\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
#: Specks standing apart before and after a narrative read by OCR (``;`` alone on the
#: line before it, a colon misread, ``_`` a rule's bit, ``'-`` past the ``::``).
_OCR_LEAD_SPECKS = re.compile(
    rf"[\s:;]*(?:[.'|,;_]+(?:\s+|$))?[\s:;]*(?:[{_NO_WORD_OPENS}]+(?=[^\s{_NO_WORD_OPENS}]))?")
_OCR_TRAIL_SPECKS = re.compile(rf"(?:(?:^|\s+)[.:'|,_~\-{_NO_WORD_OPENS}]+)*[\s:]*$")
#: A narrative that runs up to the progress's label: a sign or letter alone at its end is
#: the ``::`` before the label misread (``…อิเล็กทรอนิกส์ ร`` / ``ความก้าวหน้า…``, ``… คน =``),
#: and so is one alone before the label on the line after the narrative's (``ม ความก้าวหน้า…``),
#: or two Latin letters there, the first a capital or not (``on ความก้าวหน้า…``,
#: ``…อิเล็กทรอนิกส์ Ms`` / ``ความก้าวหน้า…``); a rule's ``_`` may stand before it
#: (``_ ม ความก้าวหน้า…``).
_OCR_LONE_END = re.compile(
    rf"(?:^|\s+)(?:_\s+)?(?:[^\s0-9๐-๙ฯ][{_NO_WORD_OPENS}]*|[A-Za-z][a-z])$")


@dataclass
class _Report:
    label: Raw | None
    cells: list[ReportCell] = field(default_factory=list)
    lost_label: bool = False  # opened by table text before any label (scans)
    date_place: tuple[str, Span | None] | None = None  # a date OCR made unreadable (scans)


#: After OCR, specks a label's cell may hold past its number (``รายงานครั้งที่4 - | :% …``).
_SPECKS = re.compile(r"[\s\-.'|,;_~]*")

def read_reports(doc: RepairedText, lines: list[Line], out: Extraction) -> list[RawRow]:
    """The report rows of the table's ``lines``.

    A report opens at its label (:func:`~bma_etl.layouts.legacy_labels.report_label`,
    or one a narrow column wrapped: :func:`~bma_etl.layouts.legacy_labels.wrapped_label`)
    and takes the cells that follow. A borderless
    table centres its label in the row's height (a spreadsheet's cells sit at the
    row's foot), so a long row's first lines come above the label's line: a
    row-leading ``:: date`` cell in a report that has its date already, or before the
    first label (not on an OCR'd page), goes, with the cells after it, to the next
    label's report. On an OCR'd page a row-leading cell of one short token of junk then
    a whole date (``Seb :: 21/3/2564 :``: the label OCR lost) opens a report of unknown
    number when the report before has read its progress or budget
    (:func:`~bma_etl.layouts.legacy_labels.junk_label`).
    """
    reports: list[_Report] = []
    if doc.ocr_used:  # a row's line OCR's lost ``|`` joined to the row above
        lines = parted_at_labels(lines, doc.index.line_starts)
    filled = filled_cells(lines)
    if doc.ocr_used:
        filled = without_row_open_junk(filled)
    rests: dict[int, int] = {}  # cells that end a wrapped label: where their text goes on
    early: list[ReportCell] = []  # a row's first lines printed above its label
    for k, (cell, leading) in enumerate(filled):
        if k in rests:
            rest = cell.text[rests[k]:]
            if rest.strip() and reports:
                reports[-1].cells.append(ReportCell(cell.line, cell.start + rests[k], rest, False))
            continue
        found = report_label(cell.text, doc.ocr_used) if leading else None
        if found is None and leading and doc.ocr_used and reports \
                and values_read(reports[-1].cells):
            found = junk_label(filled, k)
        if leading and (found is None or found[0] == found[1]):  # no number: wrapped?
            wrapped = wrapped_label(filled, k, doc.ocr_used)
            if wrapped is not None:
                j, (no_start, no_end), head_end = wrapped
                rests[j] = no_end
                end = filled[j][0]
                reports.append(_Report(doc.raw_in(end.line, end.start + no_start,
                                                  end.start + no_end), early))
                early = []
                if cell.text[head_end:].strip():
                    reports[-1].cells.append(ReportCell(cell.line, cell.start + head_end,
                                                        cell.text[head_end:], False))
                continue
        if found:
            no_start, no_end = found
            label = doc.raw_in(cell.line, cell.start + no_start, cell.start + no_end) \
                if no_end > no_start else None
            reports.append(_Report(label, early))
            early = []
            if doc.ocr_used:  # specks past the number, before the row's text
                no_end = _SPECKS.match(cell.text, no_end).end()  # type: ignore[union-attr]
            rest = cell.text[no_end:]
            if rest.strip():
                reports[-1].cells.append(ReportCell(cell.line, cell.start + no_end, rest, False))
        elif early or (leading and DATE_OPEN_RE.match(cell.text) and (
                (not reports and not doc.ocr_used)
                or (reports and any(DATE_OPEN_RE.match(c.text) for c in reports[-1].cells)))):
            early.append(cell)
        elif reports:
            reports[-1].cells.append(cell)
        elif doc.ocr_used:  # the first report's label OCR lost, or specks: see below
            reports.append(_Report(None, lost_label=True))
            reports[-1].cells.append(cell)
        else:
            out.findings.append(
                Finding("progress_updates", None, None, "warning", "unparsed_line",
                        f"line {cell.line.no}: table text before the first report ignored")
            )
    if early and reports:  # no label below them: the last report's after all
        reports[-1].cells.extend(early)
    elif early:  # dated rows and no report label anywhere: no report to put them in
        out.findings.append(Finding("progress_updates", None, None, "warning", "unparsed_line", (
            f"line {early[0].line.no}: dated table text with no report label ignored")))
    # Text before the first label is a report only when it reads as one (its date,
    # progress or budget): a scan's first row whose label OCR lost entirely, not the
    # table's head read as specks. Its number stays unknown. Nor is it one when it
    # holds rows of a register (:func:`_register_rows`): one report's fields would be
    # taken from several reports' cells and the header's.
    for rep in reports:
        if rep.lost_label and _register_rows(rep) >= REGISTER_ROWS:
            out.findings.append(Finding(
                "progress_updates", None, None, "warning", "unparsed_line",
                f"line {rep.cells[0].line.no}: a register's rows under a header not read "
                "as one: no report read from them"))
    reports = [rep for rep in reports if not rep.lost_label or (
        _register_rows(rep) < REGISTER_ROWS and any(
            column in _report_row(doc, 0, rep).fields
            for column in ("report_date", "progress_pct", "budget_disbursed_thb")))]
    # a cut row's rest before the next report's date goes back; a report read twice, once
    reports, in_doubt, rows = cut.own_reports(reports, lambda i, r: _report_row(doc, i, r), out)
    doubted = unstack(reports) if doc.ocr_used else []  # value lines stacked (a photo)
    if doc.ocr_used:  # (unstacked cells moved: read again)
        rows = [_report_row(doc, i, rep) for i, rep in enumerate(reports, start=1)]
    doubt_stacked(rows, doubted, out)
    cut.without_values(rows, in_doubt, out)
    short_years(rows)
    if doc.ocr_used:  # a number OCR lost or misread, where the numbers below say it
        for i, number in numbers_by_place([r.fields.get("seq_label") for r in rows]).items():
            if number is None:  # a number no report below the ones above can have
                rows[i].fields.pop("seq_label", None)
            else:
                rows[i].fields["seq_label"] = number
        # a row holding other reports' text before its own (a borderless table's columns)
        without_mixed_values(rows, ["\n".join(c.text for c in rep.cells) for rep in reports], out)
        dates_by_neighbours(rows, {i: rep.date_place for i, rep in enumerate(reports)
                                   if rep.date_place is not None}, out)
    without_unticked_flags(rows, ["\n".join(c.text for c in rep.cells) for rep in reports], out,
                           doc.ocr_used)
    if dumped(doc) and (why := out_of_order(reports)):  # a dump's order: legacy_dump_order
        rows = regrouped(doc, filled, why, _report_row, _Report, out.findings, rows)
    return rows


#: A report of unknown number (its label OCR lost) holding this many lines that open
#: with a bare report number in a cell of their own (``1 ⇥ 20/11/2566 …``, ``2 ⇥ …``) is
#: a register's rows (a column per field) whose header OCR could not read (white on a
#: dark band, :mod:`.report_columns`), not one report.
REGISTER_ROWS = 2


def _register_rows(rep: _Report) -> int:
    """How many of a report's lines open with a bare report number cell (``1``, ``(2)``)."""
    return len({c.line.no for c in rep.cells if c.first and NUMBER_RE.match(c.text)})


#: A progress's value the wrap put at the next line's start, a speck before it
#: (``ความก้าวหน้าของงานฯ = -`` / ``17.00 % : งบประมาณ…``): only with its ``%``; its
#: point may be a decimal comma (``17,00 %``).
_PROGRESS_ALONE_RE = re.compile(
    r"^[\s=:~\-–]*(?P<value>[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,2}|,[0-9๐-๙]{2})?\s*%)")
#: What follows a budget label up to its amount's end when OCR made the amount junk:
#: ``(ครั้งที่ ๒) = o UM`` up to the ``|`` or ``:`` that opens the flags.
_AMOUNT_PLACE = re.compile(r"[^|:]*")

def _report_row(doc: RepairedText, ordinal: int, rep: _Report) -> RawRow:
    row = RawRow("progress_updates", ordinal, {"seq_label": rep.label})
    narrative: list[Raw] = []
    after_budget = False  # past the budget only the flags remain (and, from OCR, specks)
    past_progress = False  # the progress's label read (its value or not): the budget follows
    past_budget: list[ReportCell] = []  # the cells past the budget
    budget_tail: tuple[Line, int, int] | None = None  # the rest of the budget's cell
    cells = coalesced(rep.cells)
    own = own_values_at(cells)  # a label's words before it are the narrative's (a quote)
    for k, cell in enumerate(cells):
        text, line = cell.text, cell.line
        # the narrative ends at the progress's label: a cell after it holds values only
        # (its value the wrap put on the next line, ``= Eee`` / ``90.50 % : งบประมาณ…``)
        closed = past_progress and doc.ocr_used
        flags = trailing_flags(text, not doc.ocr_used) or (
            flags_in_tail(text) if after_budget else [])
        for column, a, b in flags:
            row.fields.setdefault(column, doc.raw_in(line, cell.start + a, cell.start + b))
        if after_budget:
            past_budget.append(cell)
        if flags or after_budget:
            continue
        body_end = len(text)
        body_start = read_report_date(doc, text, line, cell.start, row, not narrative,
                                      _first_line_end(cell))
        if doc.ocr_used and body_start and not narrative and rep.date_place is None \
                and "report_date" not in row.fields:
            where = doc.raw_in(line, cell.start, cell.start + body_start)
            rep.date_place = (report_date_place(doc, text)[:body_start],
                              where.span if where else None)
        in_detail = own is not None and k < own[0]
        at_own = own is not None and k == own[0]  # the label was read there (in key form)
        progress = None if in_detail else progress_or_ruled(
            text, max(body_start, own[1]) if own and at_own else body_start,
            doc.ocr_used, past_progress or at_own)  # its value unread: never a junk label's
        budget_from = None
        if progress:
            row.fields.setdefault("progress_pct", progress_of(doc, progress, line, cell.start))
            label_at = label_before(text, body_start, progress.start("value"), doc.ocr_used)
            body_end = label_at if label_at is not None else progress.start()
            body_end = before_colons(text, body_start, body_end, doc.ocr_used)
            budget_from = progress.end()
            past_progress = True
        elif past_progress:  # the budget went on to the next line (the progress's value too?)
            budget_from = 0
            if doc.ocr_used and "progress_pct" not in row.fields \
                    and (pct := _PROGRESS_ALONE_RE.match(text)):
                row.fields["progress_pct"] = doc.raw_in(line, cell.start + pct.start("value"),
                                                        cell.start + pct.end("value"))
                budget_from = pct.end()
        elif doc.ocr_used and not in_detail and (
                label := search_key(PROGRESS_LABEL, text[body_start:])
                               or fuzzy_search(literal_of(PROGRESS_LABEL), text[body_start:])):
            # the label read, its value not (``= ส๒.๕๐ %``): the narrative still ends there
            body_end = before_colons(text, body_start, body_start + label[0], doc.ocr_used)
            budget_from = body_start + label[1]
            past_progress = True
        elif doc.ocr_used and not in_detail \
                and (junk := progress_label_junk(cells[k:k + 2], body_start)) is not None:
            body_end, budget_from = junk  # ``IE EE HORSE ต๒.๐๐ % : งบประมาณที่เบิกใช้…``
            past_progress = True
        if budget_from is not None:
            budget = budget_labelled(text, budget_from, doc.ocr_used) \
                or (budget_by_bracket(text, budget_from) or budget_by_head(text, budget_from)
                    if doc.ocr_used else None)
            budget_at = tail_at = None  # where the budget's label starts and its amount ends
            if budget:
                budget_at, tail_at = budget.start(), budget.end()
                row.fields.setdefault("budget_disbursed_thb", (
                    amount_dots_read(doc, budget, line, cell.start) if doc.ocr_used else None)
                    or in_unit(doc.raw_in(line, cell.start + budget.start("value"),
                                          cell.start + budget.end("value")),
                               heading_unit(text[budget.start():budget.start("value")]),
                               ocr=doc.ocr_used))
            elif doc.ocr_used and (label := search_key(BUDGET_LABEL, text[budget_from:])):
                # the budget's label read, its amount not (``= o UM:``): the flags follow
                # it all the same, never the narrative
                budget_at = budget_from + label[0]
                place = _AMOUNT_PLACE.match(text, budget_from + label[1])
                tail_at = place.end() if place else budget_from + label[1]
            elif doc.ocr_used and (flags_at := _flags_after(text, budget_from)) is not None:
                # the budget's label and amount both misread (``งบบระมาณตีเบ็กได้ … =Oum``):
                # the flags filling the cell's end after a colon are still read
                budget_at = tail_at = flags_at
            if budget_at is not None and tail_at is not None:
                after_budget = True
                if not progress:
                    body_end = min(body_end, len(text[:budget_at].rstrip(" :\t")))
                budget_tail = (line, cell.start + tail_at, cell.start + len(text))
                tail = text[tail_at:]
                for column, a, b in trailing_flags(tail, not doc.ocr_used) or flags_in_tail(tail):
                    row.fields.setdefault(column, doc.raw_in(
                        line, cell.start + tail_at + a, cell.start + tail_at + b))
        body = text[body_start:body_end]
        lead = len(body) - len(body.lstrip(" \t:"))
        trail = len(body.rstrip(" \t:"))
        if doc.ocr_used:  # specks OCR read apart from the words: ``. ดำเนินการ``, ``ราคากลาง :: .``
            opening, closing = _OCR_LEAD_SPECKS.match(body), _OCR_TRAIL_SPECKS.search(body)
            lead = opening.end() if opening else lead
            trail = max(lead, closing.start()) if closing else trail
            to_label = body_end < len(text) or _opens_with_progress(cells[k + 1:k + 2])
            lone = _OCR_LONE_END.search(body, 0, trail) if to_label else None
            trail = max(lead, lone.start()) if lone else trail
            # ...or glued to its last word as a word cut at a wrap (``…ทรอนิกส์`` / ``ร …``)
            wrap = max((at for at, _, _ in line.pieces if lead < at - cell.start - body_start
                        < trail), default=None) if body_end < len(text) else None
            if wrap is not None and _OCR_LONE_END.fullmatch(
                    body[wrap - cell.start - body_start:trail]):
                trail = len(body[:wrap - cell.start - body_start].rstrip())
            if body_end == len(text) and _opens_with_progress(cells[k + 1:k + 2]):
                trail = max(lead, min(trail, before_colons(body, 0, len(body), True)))
        piece = doc.raw_in(line, cell.start + body_start + lead, cell.start + body_start + trail)
        if piece is not None and not closed:
            narrative.append(piece)
    if past_budget and ("on_plan" not in row.fields or "on_target" not in row.fields):
        _flags_across(doc, past_budget, row)
    if doc.ocr_used and budget_tail is not None and (
            "on_plan" not in row.fields or "on_target" not in row.fields):
        after = joined_line([budget_tail, *((c.line, c.start, c.start + len(c.text))
                                           for c in past_budget)])
        put_approx_flags(doc, after, 0, len(after.text), row)
    if narrative and doc.ocr_used:
        narrative = without_specks(doc, _after_date_junk(doc, narrative, row))
    if narrative:
        row.fields["detail"] = narrative
    return row


def _after_date_junk(doc: RepairedText, narrative: list[Raw], row: RawRow) -> list[Raw]:
    """``narrative`` without the junk OCR made of the report's date before its first word.

    Only in a row with no date read, and only junk that holds a digit or a Latin letter
    (``เฉารมร8 ง อยู่…``; :func:`~bma_etl.layouts.history_specks.after_date_junk`).
    """
    if "report_date" in row.fields:
        return narrative
    cut = after_date_junk(narrative[0].text)
    if cut is None or not re.search(r"[0-9๐-๙A-Za-z]", narrative[0].text[:cut]):
        return narrative
    rest = doc.sub_raw(narrative[0], cut, len(narrative[0].text))
    return [rest, *narrative[1:]] if rest is not None else narrative[1:]


def _opens_with_progress(cells: list[ReportCell]) -> bool:
    """Whether the (one) cell given opens with the progress's label.

    The narrative before it runs up to the label, whose ``::`` OCR may have read as a
    letter at its end.
    """
    return bool(cells) and opens_with(PROGRESS_LABEL, cells[0])


def _flags_after(text: str, start: int) -> int | None:
    """Where the flags filling ``text``'s end start, at a colon past ``start``, or None."""
    for m in re.finditer(r"[:|]", text[start:]):
        if trailing_flags(text[start + m.start():]):
            return start + m.start()
    return None


def _first_line_end(cell: ReportCell) -> int | None:
    """Where ``cell``'s first physical line ends in its text, when the cell wrapped."""
    for at, _, _ in cell.line.pieces[1:]:
        if at > cell.start:
            return at - cell.start if at - cell.start < len(cell.text) else None
    return None


def _flags_across(doc: RepairedText, tail: list[ReportCell], row: RawRow) -> None:
    """Flags a narrow column wrapped over cells (``: เป็นไปตาม`` / ``แผน : …``), read joined."""
    joined = joined_line([(c.line, c.start, c.start + len(c.text)) for c in tail], sep="")
    for column, a, b in trailing_flags(joined.text) or flags_in_tail(joined.text):
        row.fields.setdefault(column, doc.raw_in(joined, a, b))

"""Step tables printed as flowing text (their cells run into paragraphs).

Stage: extract (a helper of :mod:`bma_etl.layouts.annual_action_plan`, not a layout).
A PDF printed as flowing text (a word processor's tab stops, no ruled boxes)
wraps a row whose cells do not fit onto several lines, and a cell's end is then a
space like any other: no column can be told. What still tells a row is how its
values are written, whatever the cells' widths: a step (``ขั้นตอนการดำเนินงาน``
table) starts with its number (``๑.``, alone on its line or not) and ends with its
percentage and the cumulative percentage, the second being the cumulative of the
step before plus the first: a number that does not add up is part of the
description. Scoring tables are read so by :mod:`bma_etl.layouts.plan_flow_levels`.

A step whose numbers never add up is kept with its number and words and no
percentage (the next one then sets the cumulative); a number the wrap cut
(``2`` / ``0``, ``22`` / ``.5``) or ran into the words before it (``๒๕๖๔๑๐``)
is put back by the sum. On an OCR'd page a step's number may be misread
(``©).``, alone on its line or not; ``step_no`` NULL), its point glued to the words
(``๓.ดำเนินการ``), or lost with its cell: a row of Thai words after a whole step
whose own two numbers add up with that step's cumulative is a step, ``step_no``
NULL (:func:`_numberless_step`). A blank line after a row ending with its cells
misread ends the step, and Thai words after it ending so are the next step,
its number lost (:func:`_words_with_cells`). Only tables the cell readers
(:mod:`bma_etl.layouts.plan_tables`, :mod:`bma_etl.layouts.plan_steps`) did not
read whole rows from are read here. Consumes the document's lines (page
furniture left out); produces raw ``plan_steps`` rows (:class:`Flowed`: with
their table's header line and their own first line).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from bma_etl.layouts.base import Line, Raw, RawRow, RepairedText
from bma_etl.layouts.plan_cells import DIGITS_RE
from bma_etl.layouts.plan_flow_cells import (
    OCR_BARE_START,
    cells_start,
    confirm_percentages,
    ends_with_cells,
    ends_with_two_cells,
    first_cell,
    glued_span,
)
from bma_etl.layouts.plan_flow_cells import joined_row as _joined
from bma_etl.layouts.plan_flow_cells import joinings as _joinings
from bma_etl.layouts.plan_flow_header import STEP_HEADER_RE as _STEP_HEADER_RE
from bma_etl.layouts.plan_flow_header import STEP_TOTAL_RE as _STEP_TOTAL_RE
from bma_etl.layouts.plan_flow_header import is_step_header, skip_header
from bma_etl.layouts.plan_flow_rows import ARROWS as _ARROWS
from bma_etl.layouts.plan_flow_rows import NUMBERLESS as _NUMBERLESS
from bma_etl.layouts.plan_flow_rows import OCR as _OCR
from bma_etl.layouts.plan_flow_rows import OTHER_RE as _OTHER_RE
from bma_etl.layouts.plan_flow_rows import PRINTED as _PRINTED
from bma_etl.layouts.plan_flow_rows import ROW_LINES_MAX as _ROW_LINES_MAX
from bma_etl.layouts.plan_flow_rows import StepPatterns as _StepPatterns
from bma_etl.layouts.plan_flow_rows import is_gap as _is_gap
from bma_etl.layouts.plan_flow_rows import number_in_order
from bma_etl.layouts.plan_flow_rows import starts as _starts
from bma_etl.layouts.plan_step_headings import (
    INDICATOR_HEADING_RE,
    PROJECT_HEADING_RE,
    UNIT_SUFFIX_RE,
    StepContext,
    damaged_project_heading,
    inner_project_heading,
    update_step_context,
)
from bma_etl.layouts.plan_values import to_decimal, to_int

__all__ = ["Flowed", "flow_steps"]


class Flowed(NamedTuple):
    """A row read from flowing text: its table's header line, its own first line, the row.

    ``cell``: a step's first number cell when its cells did not add up (unconfirmed).
    """

    header: int
    line: int
    row: RawRow
    cell: Raw | None = None


def _heading_run(lines: list[Line], i: int) -> list[Line]:
    """Line ``i`` (a heading) and the lines it continues onto, up to a gap or a table.

    A line ending with the unit ends it (a month OCR read under it, ``ก.ค.``: no name).
    """
    run = [lines[i]]
    for line in lines[i + 1:i + 4]:
        if _is_gap(line) or _OTHER_RE.match(line.text) or _STEP_HEADER_RE.match(line.text) \
                or UNIT_SUFFIX_RE.search(run[-1].text):
            break
        run.append(line)
    return run


def flow_steps(doc: RepairedText, lines: list[Line], read: set[int]) -> list[Flowed]:
    """Steps of the step tables whose header line is not in ``read`` (read as cells)."""
    out: list[Flowed] = []
    ctx = StepContext()
    i = 0
    while i < len(lines):
        line = lines[i]
        if INDICATOR_HEADING_RE.match(line.text):
            update_step_context(doc, ctx, [line])
            i += 1
            continue
        if PROJECT_HEADING_RE.match(line.text) or inner_project_heading(line.text) or (
                doc.ocr_used and ctx.project_name is None and damaged_project_heading(line.text)):
            # its name runs on up to a gap or the table
            update_step_context(doc, ctx, [_joined(_heading_run(lines, i))])
            i += 1
            continue
        if not is_step_header(line.text, doc.ocr_used) or line.no in read:
            i += 1
            continue
        i = _read_steps(doc, lines, i, ctx, out)
    return out


_THAI_DIGIT = re.compile("[๐-๙]")


def _read_steps(doc: RepairedText, lines: list[Line], i: int, ctx: StepContext,
                out: list[Flowed]) -> int:
    """Read one step table from its header at ``i``; return the index after it."""
    header = lines[i].no
    pats = _OCR if doc.ocr_used else _PRINTED
    i = skip_header(lines, i, pats.start, pats.ocr)
    cumulative = Decimal(0)
    read = False  # a step of this table read: a table may start at a later step,
    # continuing one whose start is elsewhere (its cumulative is then taken as read)
    lost = False  # the step before did not add up: the next one's cumulative is taken
    # the step before ended with its cells, at a blank line (:func:`_cells_before_gap`)
    # or at the line's end (:func:`_row_ended`); on an OCR'd page the table's header too
    gap_ended = pats.ocr
    run: list[Line] = []
    opened = len(out)  # the rows before this table's
    while i < len(lines):
        line = lines[i]
        text = line.text
        if is_step_header(text, pats.ocr):  # the header repeated on the next page
            i = skip_header(lines, i, pats.start, pats.ocr)
            continue
        if _is_gap(line) and not (text.strip() and run):  # a number alone ends a step
            if pats.ocr and run and not text.strip() and _cells_before_gap(lines, i, run, pats):
                _add_unsure_step(doc, header, run, ctx, out, pats)
                run, lost, gap_ended = [], True, True
            i += 1
            continue
        if _STEP_TOTAL_RE.match(text) or _OTHER_RE.match(text):
            break
        if not run and not pats.start.match(text):
            # after a whole step, or as the table's first row (its two numbers equal)
            after = _numberless_step(doc, lines, i, cumulative, pats) \
                if pats.ocr and ((read and not lost) or len(out) == opened) else None
            if after is not None:
                i, cumulative, step = after
                read, lost = True, False
                out.append(Flowed(header, line.no, RawRow("plan_steps", None, {
                    "indicator_no": ctx.indicator_no, "project_name": ctx.project_name,
                    **step})))
                continue
            if gap_ended and _LONE_NO_RE.match(text):  # the next step's number, misread
                i += 1
                continue
            # (a whole step ended with its cells too)
            end = _words_with_cells(lines, i, pats) if gap_ended or (read and not lost) else None
            if end is not None:  # the next step's words, its number and cells misread
                rows = pats if OCR_BARE_START.match(text) else _NUMBERLESS
                whole = _numberless_adds_up(doc, lines[i:end], cumulative, lost or not read, rows)
                if whole is None:
                    _add_unsure_step(doc, header, lines[i:end], ctx, out, rows)
                    if rows is pats:
                        number_in_order([f.row.fields for f in out[opened:]])
                    lost = True
                else:
                    cumulative, read, lost = whole[0], True, False
                    out.append(Flowed(header, line.no, RawRow("plan_steps", None, {
                        "indicator_no": ctx.indicator_no, "project_name": ctx.project_name,
                        **whole[1]})))
                i, gap_ended = end, ends_with_two_cells(lines[end - 1].text)
                continue
            i += 1  # a cell's end after a page break, already read, or no step
            continue
        gap_ended = False
        if run and _starts(text, run, pats):
            _add_unsure_step(doc, header, run, ctx, out, pats)
            run, lost = [], True
        run.append(line)
        i += 1
        found = None
        for joined in _joinings(run):
            found = _adds_up(joined, cumulative, lost or not read, pats)
            if found is not None:
                break
        if found is None:
            if len(run) >= _ROW_LINES_MAX:
                _add_unsure_step(doc, header, run, ctx, out, pats)
                run, lost = [], True
            elif pats.ocr and _row_ended(run, lines, i):
                _add_unsure_step(doc, header, run, ctx, out, pats)
                run, lost, gap_ended = [], True, True
            continue
        m, pct_at, cum = found
        cumulative, read, lost = cum, True, False
        out.append(Flowed(header, run[0].no, RawRow("plan_steps", None, {
            "indicator_no": ctx.indicator_no,
            "project_name": ctx.project_name,
            **_fields(doc, joined, m, pct_at, _step_no(doc, joined, m))})))
        run = []
    if run:
        _add_unsure_step(doc, header, run, ctx, out, pats)
    confirm_percentages([(f.row.fields, f.cell) for f in out[opened:]], ocr=doc.ocr_used)
    return i


def _cells_before_gap(lines: list[Line], i: int, run: list[Line], pats: _StepPatterns) -> bool:
    """On an OCR'd page: whether the blank line ``i`` ends the step ``run`` holds.

    The step's lines end with its number cells, OCR misread so they did not add up
    (:func:`~bma_etl.layouts.plan_flow_cells.ends_with_cells`), and the next inked
    line opens Thai words or a step: no digit of the cells is left to come.
    """
    after = next((ln for ln in lines[i + 1:i + 4] if ln.text.strip()), None)
    return after is not None and ends_with_cells(_joined(run).text) and bool(
        _NUMBERLESS.start.match(after.text) or pats.start.match(after.text))


#: A step's number OCR misread as a letter or two, alone on its line over its words
#: (``ล``, ``Nore``): after a step that ended with its cells, no row of its own.
_LONE_NO_RE = re.compile(r"^\s*(?:[^\s\u0e00-\u0e7f0-9]{1,4}|(?!ณ)[ก-ฮ][.,]?)\s*$")
#: A line that opens a row of its own, not the rest of a number the wrap cut (``๒`` /
#: ``๐``, ``22`` / ``.5``): no digit, no point first.
_ROW_OPENING_RE = re.compile(r"^\s*[^\s0-9๐-๙.]")


def _row_ended(run: list[Line], lines: list[Line], i: int) -> bool:
    """On an OCR'd page: whether the step ``run`` holds ends at its last line, before line ``i``.

    A flowing step row prints its two number cells after its last words: a line
    ending with two cells (:func:`~bma_etl.layouts.plan_flow_cells.ends_with_two_cells`),
    OCR having misread a digit so they did not add up (``๑๐ ๕๐`` for ๑๐ ๔๐), ends
    its row when the next line opens words, not the rest of a cut number. The next
    row's number may be misread too (``ผูน ขออนุมัติ...``, ``อ. ประสานงาน...``): the
    step is not run into it.
    """
    return i < len(lines) and ends_with_two_cells(run[-1].text) \
        and _ROW_OPENING_RE.match(lines[i].text) is not None


def _words_with_cells(lines: list[Line], i: int, pats: _StepPatterns) -> int | None:
    """On an OCR'd page: the index after a step's row whose number OCR lost, from line ``i``.

    Only after a step that ended with its cells (a whole step, :func:`_cells_before_gap`,
    :func:`_row_ended`) or at the table's first row: Thai words from the line's
    start (after what is left of the number: :data:`~bma_etl.layouts.plan_flow_rows.NUMBERLESS`,
    or after a number whose point OCR lost: ``๕ ดำเนินการ...``) up to the next gap or
    step, or a line ending with two cells, ending with the row's cells OCR misread
    (``NNT bo ~~ lo``). None when the lines are no such row.
    """
    if not _NUMBERLESS.start.match(lines[i].text) and not OCR_BARE_START.match(lines[i].text):
        return None
    run: list[Line] = []
    for line in lines[i:i + _ROW_LINES_MAX]:
        if run and (_is_gap(line) or _starts(line.text, run, pats)
                    or _STEP_TOTAL_RE.match(line.text) or _OTHER_RE.match(line.text)
                    or is_step_header(line.text, True) or ends_with_two_cells(run[-1].text)):
            break
        run.append(line)
    return i + len(run) if ends_with_cells(_joined(run).text) else None


def _numberless_step(doc: RepairedText, lines: list[Line], i: int, cumulative: Decimal,
                     pats: _StepPatterns) -> tuple[int, Decimal, dict[str, Raw | None]] | None:
    """On an OCR'd page: a step whose number cell OCR lost, starting at line ``i``.

    Only right after a whole step (``cumulative``: its cumulative), and only when the
    row's own cells say so: Thai words from the line's start and, on it or on the
    lines up to the next step, gap or heading, a percentage and a cumulative that
    add up with the step before's. Its ``step_no`` is NULL; a number whose point
    OCR lost (``3 ดำเนินการ...``, :data:`OCR_BARE_START`) is read. Returns the index
    after the row, the new cumulative and the row's fields; None when the lines are
    no such row (a step's words the page carried over say no numbers that add up).
    """
    bare = OCR_BARE_START.match(lines[i].text) is not None
    if not bare and not _NUMBERLESS.start.match(lines[i].text):
        return None
    run: list[Line] = []
    for j in range(i, min(i + _ROW_LINES_MAX, len(lines))):
        line = lines[j]
        if run and (_is_gap(line) or pats.start.match(line.text)
                    or _STEP_TOTAL_RE.match(line.text) or _OTHER_RE.match(line.text)
                    or is_step_header(line.text, True)):
            return None
        run.append(line)
        for joined in _joinings(run):
            found = _adds_up(joined, cumulative, False, pats if bare else _NUMBERLESS)
            if found is not None:
                m, pct_at, cum = found
                return j + 1, cum, _fields(doc, joined, m, pct_at,
                                           _step_no(doc, joined, m) if bare else None)
    return None


def _fields(doc: RepairedText, joined: Line, m: re.Match[str], pct_at: tuple[int, int],
            step_no: Raw | None) -> dict[str, Raw | None]:
    """A whole step's fields: its number, words (up to the percentage) and two cells."""
    return {
        "step_no": step_no,
        "description": doc.raw_in(joined, m.start("body"),
                                  len(joined.text[:pct_at[0]].rstrip(_ARROWS))),
        "step_pct": doc.raw_in(joined, *pct_at),
        "cumulative_pct": doc.raw_in(joined, *m.span("cum")),
    }


def _numberless_adds_up(doc: RepairedText, run: list[Line], cumulative: Decimal, free: bool,
                        pats: _StepPatterns = _NUMBERLESS
                        ) -> tuple[Decimal, dict[str, Raw | None]] | None:
    """A numberless step's cumulative and fields, if its cells add up (:func:`_adds_up`).

    ``pats``: :data:`~bma_etl.layouts.plan_flow_rows.OCR` for a row whose number OCR
    read without its point (``๕ ดำเนินการ...``; the number as read, the cells confirming
    the row), else :data:`~bma_etl.layouts.plan_flow_rows.NUMBERLESS` (``step_no`` NULL).
    """
    for joined in _joinings(run):
        found = _adds_up(joined, cumulative, free, pats)
        if found is not None:
            m, pct_at, cum = found
            return cum, _fields(doc, joined, m, pct_at,
                                None if pats is _NUMBERLESS else _step_no(doc, joined, m))
    return None


def _adds_up(joined: Line, cumulative: Decimal, free: bool, pats: _StepPatterns
             ) -> tuple[re.Match[str], tuple[int, int], Decimal] | None:
    """The step match, its percentage's span and its cumulative, if the numbers add up.

    ``free``: the step before is unknown (the table starts at a later step, or
    the step before did not add up), so any cumulative not below the percentage
    is taken, the percentage not 0 (``๔`` / ``๐ ๙๐``: the wrap cut the ๔๐). On an
    OCR'd page the two numbers are written in one kind of digits: an Arabic digit
    among Thai ones (``๑๐ 7 ๓๐``) is a speck OCR read, no percentage.
    """
    m = pats.whole.match(joined.text)
    if m is None or (pats.ocr and (_THAI_DIGIT.search(m.group("pct")) is None)
                     != (_THAI_DIGIT.search(m.group("cum")) is None)):
        return None
    pct, cum = to_decimal(m.group("pct"), ocr=pats.ocr), to_decimal(m.group("cum"), ocr=pats.ocr)
    if pct is None or cum is None:
        return None
    if cum == cumulative + pct:
        return m, m.span("pct"), cum
    glued = glued_span(m, cum - cumulative)  # ``๒๕๖๔๑๐``: a year and the 10 run together
    if glued != m.span("pct"):
        return m, glued, cum
    if free and to_int(m.group("no")) != 1 and cum >= pct > 0:  # no step is 0 % of its project
        return m, m.span("pct"), cum
    return None


def _step_no(doc: RepairedText, joined: Line, m: re.Match[str]) -> Raw | None:
    """The step's number as read; None for what OCR read a number as (``©``)."""
    if not DIGITS_RE.fullmatch(m.group("no")):
        return None
    return doc.raw_in(joined, *m.span("no"))


def _add_unsure_step(doc: RepairedText, header: int, run: list[Line], ctx: StepContext,
                     out: list[Flowed], pats: _StepPatterns) -> None:
    """A step whose percentages do not add up: its number and words, no percentage.

    On an OCR'd page the numbers and marks after the words (cells whose digits OCR
    misread, so they did not add up) are not part of the words.
    """
    joined = _joined(run)
    m = pats.words.match(joined.text)
    if m is None:
        return
    end, cell = m.end("body"), None
    if pats.ocr:
        end = cells_start(joined.text, m.start("body")) or end
        at = first_cell(joined.text, end)
        cell = doc.raw_in(joined, *at) if at else None
    out.append(Flowed(header, run[0].no, RawRow("plan_steps", None, {
        "indicator_no": ctx.indicator_no,
        "project_name": ctx.project_name,
        "step_no": _step_no(doc, joined, m),
        "description": doc.raw_in(joined, m.start("body"), end),
        "step_pct": None,
        "cumulative_pct": None,
    }), cell))

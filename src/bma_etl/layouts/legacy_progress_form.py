"""Legacy progress form (แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ).

Stage: extract. Consumes the repaired text of one form; produces raw rows for
``projects`` (sections 1.1-1.6: the ``<label> : <value>`` lines and the
rationale, objectives and target read here) and ``progress_updates`` (the report
table of section 2: :mod:`bma_etl.layouts.legacy_reports`), every value a
:class:`~bma_etl.layouts.base.Raw` slice with its span. The form's lines are
grouped under its numbered sections by :mod:`bma_etl.layouts.legacy_sections`
(headings as printed and as OCR damaged them). The report table's cells
are gathered and joined by :mod:`bma_etl.layouts.legacy_cells`, an entry's date,
progress and budget read by :mod:`bma_etl.layouts.legacy_values` and its plan
and target flags by :mod:`bma_etl.layouts.legacy_flags`.

The form arrives in two table dialects: pipe rows (``| รายงานครั้งที่1 | :: date :
... | : เป็นไปตามแผน | ... |``) and tab rows. In both, a report may continue on
following rows whose first cell is empty, and a page break may fall between a
report's label and its content (repeated page header in between).
"""

from __future__ import annotations

import re

from bma_etl.errors import ExtractError, NormalizeError
from bma_etl.layouts.amount_units import label_unit
from bma_etl.layouts.base import (
    Derived,
    Extraction,
    Finding,
    Layout,
    Line,
    Raw,
    RawRow,
    RepairedText,
    Signal,
    score_signals,
)
from bma_etl.layouts.common import split_agency_raw, split_person_raw, strip_outline_raw
from bma_etl.layouts.history_specks import DIGITS_ALONE, numbers_read_as_specks, short_specks
from bma_etl.layouts.legacy_amount_dots import stated_amount_dots
from bma_etl.layouts.legacy_dates import latest_first, progress_fell
from bma_etl.layouts.legacy_dump_order import regrouped_in
from bma_etl.layouts.legacy_head_pairs import bracketed_budget, label_cell, side_by_side
from bma_etl.layouts.legacy_narrative import without_specks
from bma_etl.layouts.legacy_reports import read_reports
from bma_etl.layouts.legacy_sections import _ALONE_JUNK, _PAGE_HEADER_RE, _split_blocks, no_identity
from bma_etl.layouts.legacy_year import fiscal_year, year_label, year_range_finding
from bma_etl.layouts.report_columns import column_reports
from bma_etl.layouts.status_words import derive_status
from bma_etl.layouts.wrapped import label_values, numbered_items, unlabelled_wraps
from bma_etl.matchkey import key, literal_of, matches_key
from bma_etl.matchlabel import find_label, past_leader_remnant
from bma_etl.normalize.digits import DIGIT
from bma_etl.normalize.periods import parse_period
from bma_etl.records import ProgressUpdate, Project

TITLE = "แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ"

#: ``<label>... : <value>`` lines of sections 1.1, 1.2 and 1.6 (label as printed → column).
#: Keys starting with ``_`` are split further by code.
PROJECT_LABELS: dict[str, str] = {
    r"ชื่อโครงการ(?:\s*/\s*กิจกรรม)?": "project_name",
    r"รหัสโครงการ": "project_code",
    r"ปีงบประมาณ\s*(?:พ\.ศ\.)?": "fiscal_year_be",
    r"เริ่มต้นโครงการ": "start_date",
    r"สิ้นสุดโครงการ": "end_date",
    r"งบประมาณที่ได้รับ(?:จัดสรร)?": "budget_allocated_thb",
    r"งบประมาณที่ใช้ไป": "budget_spent_thb",
    # other wording of the same labels (``วันเริ่มต้นโครงการ``, ``งปม. ที่ได้รับ``); one
    # wording a key, no alternation: a label's literal (``literal_of``) is what an OCR'd
    # label is matched against
    r"วันเริ่มต้นโครงการ": "start_date",
    r"วันสิ้นสุดโครงการ": "end_date",
    r"งบประมาณที่เบิกจ่ายแล้ว": "budget_spent_thb",
    r"งปม\.?\s*ที่ได้รับ(?:จัดสรร)?": "budget_allocated_thb",
    r"งปม\.?\s*ที่ใช้ไป": "budget_spent_thb",
    r"งปม\.?\s*ที่เบิกจ่ายแล้ว": "budget_spent_thb",
    r"วันที่เริ่มต้นโครงการ": "start_date",
    r"วันที่เริ่มโครงการ": "start_date",
    r"วันเริ่มโครงการ": "start_date",
    r"ระยะเวลาเริ่มต้น": "start_date",
    r"วันที่สิ้นสุดโครงการ": "end_date",
    r"ระยะเวลาสิ้นสุด": "end_date",
    r"งบประมาณที่เบิกจ่ายไปแล้ว": "budget_spent_thb",
    r"งบประมาณที่เบิกจ่าย": "budget_spent_thb",
    r"ระยะเวลาดำเนินการ": "_period",
    r"ระยะเวลาโครงการ": "_period",
    r"รหัส": "project_code",
    r"หน่วยงานที่รับผิดชอบ": "_agency_path",
    r"หน่วยงานรับผิดชอบ": "_agency_path",
    r"หน่วยงานผู้รับผิดชอบ": "_agency_path",
    r"ส่วนราชการ": "_agency_path",
    r"(?:ชื่อ)?ผู้รับผิดชอบ(?:โครงการ)?": "_responsible",
    r"ผู้ประสานงาน(?:\s*สยป\.?)?": "_coordinator",
    r"ประเด็นยุทธศาสตร์ย่อย": "strategy_sub_issue",
    r"ประเด็นยุทธศาสตร์": "strategy_issue",
    r"เป้าหมายที่": "strategy_goal",
    r"ตัวชี้วัด": "strategy_indicator",
}

#: A numbered line (``1.2 …``, ``3. …``): a heading OCR damaged past recognising, never
#: more of a value (a wrapped value may go on with ``3 (พ.ศ. …``, a number without its dot).
_NUMBERED_RE = re.compile(
    rf"^\s*(?:[^\w\s]{{1,2}}\s*)?{DIGIT}{{1,2}}(?:(?:[.,]{DIGIT}{{1,2}})+[.,]?|[.)])\s")

#: What marks the legacy progress form (regex → points).
SIGNALS = (
    Signal(re.escape(TITLE), 0.5, 6000, phrase=TITLE),
    Signal(r"รหัสโครงการ[.\s]*:", 0.15, 6000),
    Signal(r"^\s*(?:1\.1|๑\.๑)\s", 0.1, 6000, ("1.1", "๑.๑")),
    Signal(r"หน่วยงานที่รับผิดชอบ[.\s]*:", 0.1, 6000, phrase="หน่วยงานที่รับผิดชอบ"),
    # A report row: its label, or its disbursement's count (``เบิกใช้ (ครั้งที่ 2)``)
    # where a narrow label column cut the label (``รายงานครั้ง`` / ``ที่๑``).
    # Searched in the whole text: its branches' first words are its needles (a plan or
    # a page, which holds neither, is then not scanned by the regex).
    Signal(r"รายงานครั?้?งที่?|เบิกใช้\s*\(\s*ครั?้?งที่?", 0.15, None, ("รายงานคร", "เบิกใช้")),
)


def score(doc: RepairedText) -> float:
    """Score how much ``doc`` looks like the legacy progress form (0..1, never raises)."""
    return score_signals(doc, SIGNALS)


def extract(doc: RepairedText) -> Extraction:
    """Read one legacy progress form into raw ``projects`` and ``progress_updates`` rows."""
    out = Extraction()
    blocks = _split_blocks(doc)
    project = RawRow("projects", None)
    unlabelled: list[Line] = []  # section 1.1's ``label : value`` lines no label matched
    periods: list[Raw] = []  # ``ระยะเวลาดำเนินการ :`` values, read after the dates' own lines
    for block in ("_section1", "_strategy"):  # a value never runs from one into the next
        def labelled(ln: Line) -> bool:
            return _label_of(ln, doc.ocr_used) is not None
        wraps = doc.wraps | unlabelled_wraps(blocks.get(block, []), labelled) \
            if doc.ocr_used and block == "_strategy" else doc.wraps  # no wrap measured
        for line in label_values(blocks.get(block, []), labelled,
                                 lambda ln: bool(_NUMBERED_RE.match(ln.text)), wraps):
            for pair in side_by_side(line, _label_of(line, doc.ocr_used), _label_at):
                _read_label_line(doc, pair, project, out, periods)
            if block == "_section1" and _label_of(line, doc.ocr_used) is None:
                unlabelled.append(line)
    if doc.ocr_used:
        _read_by_value_shape(doc, unlabelled, project)
    for period in periods:
        _read_period(period, project)
    if "project_code" not in project.fields and "project_name" not in project.fields:
        raise ExtractError(no_identity(blocks))
    for column in ("rationale", "target"):
        pieces = _text_pieces(doc, blocks.get(column, []))
        if pieces:
            project.fields[column] = pieces
    listed = blocks.get("objectives", [])
    numbers = numbers_read_as_specks(listed) if doc.ocr_used else []
    objectives = numbered_items(doc, _content_lines(listed, doc.ocr_used, numbers), numbers)
    if objectives:
        project.fields["objectives"] = objectives
    reports, _ = column_reports(doc, blocks.get("_reports", []), out)
    reports = reports or read_reports(doc, blocks.get("_reports", []), out)
    if reports:
        latest = latest_first(reports)
        # an earlier report's progress never stands in for one OCR or a dump's order lost
        only = 1 if doc.ocr_used or regrouped_in(out) else None
        last_pct = next((r.fields["progress_pct"] for r in latest[:only]
                         if r.fields.get("progress_pct")), None)
        if last_pct is not None and not (doc.ocr_used and progress_fell(latest, out)):
            project.fields["progress_pct"] = last_pct
        status = derive_status(latest, latest_first=True)
        if status is not None:
            project.fields["status"] = status
    out.rows.append(project)
    out.rows.extend(reports)
    return out


#: The ``:`` of a label in a cell of its own, as OCR read it: a dash standing alone before
#: the value's cell (no value of sections 1.1 and 1.2 opens with a dash).
_COLON_AS_DASH = re.compile(r"^[\s:]*[-–—~][ \t]+(?=\S)")
#: ...or as a Thai letter standing alone after the label (its two dots read as ``ฟ`` or
#: ``ว``: ``หน่วยงานที่รับผิดชอบ. ฟ สำนักงานเขต…``): no value opens with a lone letter.
_COLON_AS_LETTER = re.compile(r"(?<=\S)[ \t]+(?P<letter>[\u0e01-\u0e2e])[ \t]+(?=\S)")


def _label_of(line: Line, ocr: bool) -> tuple[str, int] | None:
    """``(column, offset of the value in line.text)`` of the label ``line`` opens with.

    A label of sections 1.1, 1.2 or 1.6 with its separator (:func:`find_label`), or the
    fiscal year's with the year right after it (:func:`~.legacy_year.year_label`);
    in a text layer also a label in a cell of its own, the value the next cell
    (:func:`~.legacy_head_pairs.label_cell`: the head set as a table), or alone on the
    line's first physical line (its value cell empty, or the lines after it);
    after OCR also a label alone on the line's first physical line, its ``:`` lost
    (a justified line sets the ``:`` at the margin, where Tesseract may not read
    it): the value is the lines after it (``ชื่อโครงการ/กิจกรรม`` / ``โครงการ…``), or
    the cells after the label's own (``หน่วยงานที่รับผิดชอบ.⇥สำนักงานเขต…``), the ``:``
    between them maybe read as a dash standing alone (``หน่วยงานที่รับผิดชอบ.⇥-⇥สำนัก…``);
    and a label whose ``:`` OCR read as a letter standing alone (:data:`_COLON_AS_LETTER`).
    """
    found = find_label(line.text, PROJECT_LABELS, fuzzy=ocr) or bracketed_budget(line.text) \
        or year_label(line.text)
    if found is None and ocr and (lone := _COLON_AS_LETTER.search(line.text)) is not None:
        at = lone.start("letter")  # the label's ``:`` read as a letter (:data:`_COLON_AS_LETTER`)
        found = find_label(f"{line.text[:at]}:{line.text[at + 1:]}", PROJECT_LABELS, fuzzy=True)
        found = found if found is not None and found[1] == lone.end() else None
    first = line.text[:line.pieces[1][0]] if len(line.pieces) > 1 else line.text
    if found is None and not ocr:  # the head set as a table: label cell ⇥ value cell
        return label_cell(first if "\t" not in first else line.text, PROJECT_LABELS, alone=True)
    if found is not None:  # after OCR, past the dots an erased leader left (``:. 2.14``)
        return (found[0], past_leader_remnant(line.text, found[1])) if ocr else found
    value_at = len(first)
    if "\t" in first.strip(_ALONE_JUNK):  # the label in a cell of its own, the value after it
        first = first[:first.index("\t", len(first) - len(first.lstrip(_ALONE_JUNK))) + 1]
        rest = line.text[len(first):]
        rest = _COLON_AS_DASH.sub("", rest, count=1)  # ``label.⇥-⇥สำนัก…``: the ``:`` read as ``-``
        value_at = len(line.text) - len(rest.lstrip(_ALONE_JUNK))
    bare = first.strip(_ALONE_JUNK)
    if not bare:
        return None
    for pattern, column in PROJECT_LABELS.items():
        if re.fullmatch(pattern, bare) or matches_key(pattern, bare, full=True):
            return column, value_at
    # a letter misread (``ซื่อโครงการ/กิจกรรม``): approximately, the label's words filling it
    near = find_label(f"{bare} :", PROJECT_LABELS, fuzzy=True)
    if near is not None and near[1] == len(bare) + 2:
        pattern = next(p for p, c in PROJECT_LABELS.items() if c == near[0])
        if len(key(literal_of(pattern))) <= len(key(bare)) \
                <= len(key(literal_of(pattern.replace(")?", ")")))) + 2:
            return near[0], value_at
    return None


def _label_at(text: str) -> tuple[str, int] | None:
    """The label ``text`` opens with, as printed: a pair set beside another.

    With its separator, or in a cell of its own (its value the next cell, or none:
    the label ends the row, its value cell empty).
    """
    return find_label(text, PROJECT_LABELS) or bracketed_budget(text) \
        or label_cell(text, PROJECT_LABELS, alone=True)


def _read_label_line(doc: RepairedText, line: Line, row: RawRow, out: Extraction,
                     periods: list[Raw]) -> None:
    """Put the value of one ``label : value`` line of section 1.1 in ``row``.

    A period's value (``ระยะเวลาดำเนินการ :``) goes to ``periods``: the caller reads it
    once every line is read, so that dates printed on their own lines come first.
    """
    found = _label_of(line, doc.ocr_used)
    if found is not None:
        column, value_start = found
        raw = doc.raw_in(line, value_start, len(line.text))
        if raw is None:
            return
        if column == "project_name":
            raw = strip_outline_raw(doc, raw, name=True)
        if column == "_agency_path":
            split_agency_raw(doc, raw, row, "unit_code")
        elif column == "_responsible":
            split_person_raw(doc, raw, row, "responsible_person", "responsible_phone")
        elif column == "_coordinator":
            split_person_raw(doc, raw, row, "coordinator", "coordinator_phone")
        elif column == "_period":
            periods.append(raw)
        elif column in row.fields:
            out.findings.append(
                Finding("projects", None, column, "warning", "unparsed_line",
                        f"second value for {column} on line {line.no} ignored")
            )
        elif doc.ocr_used and column.startswith("budget_") and (
                dotted := stated_amount_dots(raw)) is not None:
            row.fields[column] = dotted
        elif column.startswith("budget_"):  # in the unit its label states (``(ล้านบาท) :``)
            row.fields[column] = label_unit(line, raw, ocr=doc.ocr_used)
        elif column == "fiscal_year_be" and (multi := year_range_finding(raw)) is not None:
            out.findings.append(multi)  # ``2566-2567``: no one fiscal year (NULL)
        elif column == "fiscal_year_be":  # ``2567 (1 ต.ค. 66 - 30 ก.ย. 67)``: the year
            row.fields[column] = fiscal_year(doc, raw)
        else:
            row.fields[column] = raw


def _read_period(raw: Raw, row: RawRow) -> None:
    """The start and end dates a period states, in place of their own lines.

    ``ระยะเวลาดำเนินการ : 1 ต.ค. 2562 - 30 ก.ย. 2563``, or whole months (``ต.ค. 62 - ก.ย.
    63``): each a :class:`Derived` date on the period's span. A period that is no range
    goes to ``start_date`` as printed: the normalizer's error says why (NULL with an
    issue). Dates printed on their own lines are never replaced.
    """
    try:
        start, end = parse_period(raw.text)
    except NormalizeError:
        row.fields.setdefault("start_date", raw)
        return
    for column, when, end_of in (("start_date", start, "start"), ("end_date", end, "end")):
        row.fields.setdefault(column, Derived(
            when, f"the {end_of} of the period {raw.text.strip()!r}", raw.span))


#: A line whose label OCR misread past knowing (``ภับากฑ์ : 2564`` for ``ปีงบประมาณ พ.ศ. :
#: 2564``): a short label of one or two words, its ``:``, then the value alone.
_DAMAGED_LABEL_RE = re.compile(r"^\s*(?P<label>[^\s:]{2,24}(?:\s+[^\s:]{1,12})?)[\s.…]*:\s*"
                               r"(?P<value>\S(?:.*\S)?)\s*$")
#: Values of section 1.1 whose form says which field they are, whatever their label:
#: a Buddhist-era year alone is the fiscal year; a date with its time (``2020-10-01
#: 00:00:00``, as the form prints both) the start then the end of the project.
_YEAR_ALONE_RE = re.compile(r"(?:25|๒๕)[0-9๐-๙]{2}")
_DATE_TIME_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:\s+[0-9]{2}:[0-9]{2}:[0-9]{2})?")


def _read_by_value_shape(doc: RepairedText, lines: list[Line], row: RawRow) -> None:
    """Fields of section 1.1 whose label OCR damaged past reading, known by their value.

    ``lines``: the section's ``label : value`` lines no label matched, in order. The
    fiscal year is the one value there that is a year alone; the start and end dates
    the two values that are dates with a time, the start printed first: a date is
    read as the start only when the end is not read or printed below it, as the end
    only when the start is read above it. A field read by its label is never replaced.
    """
    def offset_of(column: str) -> int | None:
        value = row.fields.get(column)
        return value.span.char_start if isinstance(value, Raw) else None

    for line in lines:
        m = _DAMAGED_LABEL_RE.match(line.text)
        if m is None or find_label(line.text, PROJECT_LABELS, fuzzy=True) is not None:
            continue
        value = m.group("value")
        column = None
        if _YEAR_ALONE_RE.fullmatch(value):
            column = "fiscal_year_be"
        elif _DATE_TIME_RE.fullmatch(value):
            start, end = offset_of("start_date"), offset_of("end_date")
            here = line.start
            if "start_date" not in row.fields and (end is None or here < end):
                column = "start_date"
            elif "end_date" not in row.fields and start is not None and start < here:
                column = "end_date"
        if column is not None and column not in row.fields:
            raw = doc.raw_in(line, m.start("value"), m.end("value"))
            if raw is not None:
                row.fields[column] = raw


def _content_lines(lines: list[Line], ocr: bool = False, keep: list[Line] | None = None
                   ) -> list[Line]:
    """``lines`` but blank ones, repeated page headers and (``ocr``) specks not in ``keep``.

    A line of digits alone is specks (a page's number) only when blank lines stand on
    both its sides: under a line of text it is that text's wrapped tail (``ร้อยละ`` /
    ``80``).
    """
    def blank(i: int) -> bool:
        return not 0 <= i < len(lines) or not lines[i].text.strip()

    return [ln for i, ln in enumerate(lines)
            if ln.text.strip() and not _PAGE_HEADER_RE.match(ln.text)
            and not (ocr and short_specks(ln.text) and ln not in (keep or ())
                     and (not DIGITS_ALONE.fullmatch(ln.text.strip())
                          or (blank(i - 1) and blank(i + 1))))]


def _text_pieces(doc: RepairedText, lines: list[Line]) -> list[Raw]:
    """A running text's pieces (the rationale, the target), each a :class:`Raw` of its line.

    After OCR, without the specks standing apart between its words
    (``…ร้อยละ 80 . บุคลากร…``: Thai sets no point alone; :func:`without_specks`).
    """
    pieces = [doc.raw_in(ln, 0, len(ln.text)) for ln in _content_lines(lines, doc.ocr_used)]
    found = [p for p in pieces if p is not None]
    return without_specks(doc, found) if doc.ocr_used and found else found


LAYOUT = Layout(
    layout_id="legacy_progress_form",
    title=TITLE,
    tables=(Project, ProgressUpdate),
    score=score,
    extract=extract,
    signals=SIGNALS,
    core=("projects.project_code|projects.project_name", "projects.fiscal_year_be",
          "projects.agency"), main=("progress_updates", r"รายงานครั้งที่"),
)

__all__ = ["LAYOUT", "extract", "score"]

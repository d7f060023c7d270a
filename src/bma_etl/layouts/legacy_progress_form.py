"""Legacy progress form (แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ).

Stage: extract. Consumes the repaired text of one form; produces raw rows for
``projects`` (sections 1.1-1.6) and ``progress_updates`` (the report table of
section 2), every value a :class:`~bma_etl.layouts.base.Raw` slice with its span.

The form arrives in two table dialects: pipe rows (``| รายงานครั้งที่1 | :: date :
... | : เป็นไปตามแผน | ... |``) and tab rows. In both, a report may continue on
following rows whose first cell is empty, and a page break may fall between a
report's label and its content (repeated page header in between).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bma_etl.document import cells, joined_line
from bma_etl.errors import ExtractError, NormalizeError
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
from bma_etl.layouts.common import (
    derive_status,
    split_agency_raw,
    split_person_raw,
    strip_outline_raw,
)
from bma_etl.layouts.wrapped import label_values, numbered_items, rest_of
from bma_etl.matchkey import (
    find_label,
    fuzzy_search,
    key,
    key_map,
    literal_of,
    matches_key,
    past_marks,
    search_key,
)
from bma_etl.normalize.dates import parse_date
from bma_etl.records import ProgressUpdate, Project
from bma_etl.rows import cell_separator

TITLE = "แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ"

#: ``<label>... : <value>`` lines of sections 1.1, 1.2 and 1.6 (label as printed → column).
#: Keys starting with ``_`` are split further by code.
PROJECT_LABELS: dict[str, str] = {
    r"ชื่อโครงการ(?:\s*/\s*กิจกรรม)?": "project_name",
    r"รหัสโครงการ": "project_code",
    r"ปีงบประมาณ\s*(?:พ\.ศ\.)?": "fiscal_year_be",
    r"เริ่มต้นโครงการ": "start_date",
    r"สิ้นสุดโครงการ": "end_date",
    r"งบประมาณที่ได้รับ": "budget_allocated_thb",
    r"งบประมาณที่ใช้ไป": "budget_spent_thb",
    r"หน่วยงานที่รับผิดชอบ": "_agency_path",
    r"(?:ชื่อ)?ผู้รับผิดชอบ(?:โครงการ)?": "_responsible",
    r"ผู้ประสานงาน(?:\s*สยป\.?)?": "_coordinator",
    r"ประเด็นยุทธศาสตร์ย่อย": "strategy_sub_issue",
    r"ประเด็นยุทธศาสตร์": "strategy_issue",
    r"เป้าหมายที่": "strategy_goal",
    r"ตัวชี้วัด": "strategy_indicator",
}

#: Numbered section headings (``1.3 หลักการและเหตุผล``) → the block they open.
SECTION_HEADINGS: dict[str, str] = {
    r"ชื่อโครงการและหน่วยงาน": "_section1",
    r"รหัสโครงการและชื่อโครงการ": "_section1",
    r"หน่วยงานที่รับผิดชอบ$": "_section1",
    r"หลักการและเหตุผล": "rationale",
    r"วัตถุประสงค์": "objectives",
    r"เป้าหมายของโครงการ": "target",
    r"สนับสนุนแผนพัฒนา": "_strategy",
    r"รายงานความก้าวหน้าของโครงการ": "_reports",
}
#: The words of the headings whose text may follow them on the same line
#: (``1.4 วัตถุประสงค์ของโครงการ 1. เพื่อ…``), with what may close them.
_CONTENT_HEADINGS = {
    block: re.compile(rf"(?:{words})[\s.:…]*")
    for words, block in ((r"หลักการและเหตุผล", "rationale"),
                         (r"วัตถุประสงค์(?:ของโครงการ)?", "objectives"),
                         (r"เป้าหมายของโครงการ", "target"))
}
#: A section's own number (``1.4``), which a list item (``1.``) does not have.
_SECTION_NO_RE = re.compile(r"^\s*(?:[^\w\s]{1,2}\s*)?[0-9]{1,2}[.,][0-9]{1,2}[.,]?\s")
#: A numbered line (``1.2 …``, ``3. …``): a heading OCR damaged past recognising, never
#: more of a value (a wrapped value may go on with ``3 (พ.ศ. …``, a number without its dot).
_NUMBERED_RE = re.compile(r"^\s*(?:[^\w\s]{1,2}\s*)?[0-9]{1,2}(?:(?:[.,][0-9]{1,2})+[.,]?|[.)])\s")
_HEADING_RE = re.compile(r"^\s*[0-9]{1,2}(?:\.[0-9]{1,2})?\.?\s+(?P<title>\S.*?)[\s.]*$")
#: The same from OCR: a speck read before the number (``. 2. รายงาน…``, ``' 1.3 …``)
#: and ``,`` read for its dot (``2, รายงาน…``).
_OCR_HEADING_RE = re.compile(
    r"^\s*(?:[^\w\s]{1,2}\s*)?[0-9]{1,2}(?:[.,][0-9]{1,2})?[.,]?\s+(?P<title>\S.*?)[\s.]*$")
_PAGE_HEADER_RE = re.compile(r"^\s*\*+\s*แบบแสดงรายงานความก้าวหน้า.*\*+\s*$")
_FOOTER_RE = re.compile(r"^\s*(?:ขอรับรองว่า|ลงชื่อ|ตำแหน่ง\s*$)")

# The report table. OCR drops tone marks (รายงานครังที7) and doubles letters
# (งบประมาณทที่เบิกใช้): the words are matched with those marks optional.
_LABEL_CELL_RE = re.compile(r"^\s*รายงานครั?้?งที่?\s*(?P<no>[0-9๐-๙]{1,3})\s*")
#: The report's date opens its entry, after ``::`` (OCR: one to three colons, or
#: a stray mark read for them).
_DATE_PART_RE = re.compile(
    r"^[\s:;.'\"]*(?P<date>[0-9๐-๙]{1,2}\s*/\s*[0-9๐-๙]{1,2}\s*/\s*[0-9๐-๙]{2,4})\s*:?"
)
_OCR_DATE_PART_RE = re.compile(
    r"^[\s:;.'\"]*(?:\S{1,2}\s+)?(?P<date>[0-9]{1,2}\s*/\s*[0-9]{1,2}\s*/\s*[0-9]{4})\s*:?"
)
#: ``ความก้าวหน้าของงานฯ = 6.50 %`` and ``งบประมาณที่เบิกใช้ (ครั้งที่ 1) = 0 บาท``:
#: label words (matched in key form too) → value.
_PROGRESS_LABEL = r"ความก้าวหน้าของงาน"
_PROGRESS_VALUE = r"(?P<value>[0-9๐-๙.,]+\s*%?)"
_BUDGET_LABEL = r"งบประมาณท*ี่?เบิกใช้"
_BUDGET_VALUE = r"(?P<value>[0-9๐-๙.,]+(?:\s*บาท)?)"
#: Between such a label and its value: ``ฯ``, ``(ครั้งที่ 3)``, dots, ``=``.
#: OCR doubles the bracket or reads its ``)`` as a digit (``( (ครั้งที่ 1)``, ``(ครั้งที่ 22 =``).
_LABEL_TO_VALUE = r"\S{0,2}\s*(?:[(\s]*\([^()\n=]{0,20}[)\]]?\s*)?[.\s]*(?:[=:]\s*)+"
#: A report date whose first ``/`` OCR lost and whose second it read as ``|`` or ``l``
#: (``242|2563`` for 24/2/2563): read only when one split of the digits is a date.
#: A report date one of whose ``/`` OCR read as ``|``, ``l`` or ``I`` (``25/2|2562``).
_OCR_ODD_DATE_RE = re.compile(
    r"^[\s:;.'\"]*(?:\S{1,2}\s+)?(?P<d>[0-9]{1,2})\s*[/|lI]\s*(?P<m>[0-9]{1,2})\s*[/|lI]\s*"
    r"(?P<y>[0-9]{4})\s*:?"
)
#: The place of a report's date that OCR made unreadable (``๒๑/ฒ/๒๕๒๐ :``, ``ๆ :``,
#: ``ะบธ์/2564 :``): a short run with a ``/`` or a digit, or one or two signs, then ``:``;
#: or three parts between ``/`` ending in a year, then a space (``2 O/ 3/2562 อยู่``),
#: or, the date alone on its line and its ``:`` lost, a mark and the narrative's
#: first letter joined to it (``๒๑๕/๑๑/๒๕๒๕่อยู่``).
_OCR_DATE_JUNK_RE = re.compile(
    r"^[\s:;.'\"|]*(?:(?:[^\s:]{0,5}[/0-9๐-๙][^:\n]{0,11}?|\S{1,2})\s*:\s*"
    r"|(?:\S{1,2}\s+)?[^\s/:]{1,3}\s*/\s*[^\s/:]{1,3}\s*/\s*[0-9๐-๙]{4}"
    r"(?:\s+|[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]?(?=[\u0e01-\u0e2e])))")
#: Specks standing apart before and after a narrative read by OCR (``;`` alone on the
#: line before it, a colon misread).
_OCR_LEAD_SPECKS = re.compile(r"[\s:;]*(?:[.'|,;]+(?:\s+|$))?[\s:;]*")
_OCR_TRAIL_SPECKS = re.compile(r"(?:\s+[.:'|,]+)*[\s:]*$")
#: More of a date after the date matched (``๒๑/๑๑/๒๕๒๐๐ :``: the year read with five digits).
_OCR_DATE_REST_RE = re.compile(r"[^\s:]{1,3}\s*:\s*")
_DATE_LOST_SLASH_RE = re.compile(r"::\s*(?P<dm>[0-9]{2,4})\s*[/|lI]\s*(?P<year>[0-9]{4})\s*:?")
#: The plan and target flags, in a cell of their own or after an entry's budget.
_PLAN_FLAG = r"(?:ไม่)?เป็นไปตามแผน"
_TARGET_FLAG = r"(?:ไม่)?เป็นไปตามเป้าหมาย"
_FLAG_CELL_RE = re.compile(r"^[\s:.'\u2019]*(?P<flag>\S.*?)[\s:.'\u2019]*$")
_PIPE_SEPARATOR_RE = re.compile(r"^\s*\|[\s|:-]*\|\s*$")


#: What marks the legacy progress form (regex → points).
SIGNALS = (
    Signal(re.escape(TITLE), 0.5, 6000, phrase=TITLE),
    Signal(r"รหัสโครงการ[.\s]*:", 0.15, 6000),
    Signal(r"^\s*1\.1\s", 0.1, 6000, ("1.1",)),
    Signal(r"หน่วยงานที่รับผิดชอบ[.\s]*:", 0.1, 6000, phrase="หน่วยงานที่รับผิดชอบ"),
    Signal(r"รายงานครั?้?งที่?", 0.15),
)


def score(doc: RepairedText) -> float:
    """Score how much ``doc`` looks like the legacy progress form (0..1, never raises)."""
    return score_signals(doc, SIGNALS)


@dataclass
class _Cell:
    """A piece of the report table: one cell's text and where it starts in its row."""

    line: Line
    start: int
    text: str
    first: bool  # the row's first (label) column


@dataclass
class _Report:
    label: Raw | None
    cells: list[_Cell] = field(default_factory=list)
    lost_label: bool = False  # opened by table text before any label (scans)


def extract(doc: RepairedText) -> Extraction:
    """Read one legacy progress form into raw ``projects`` and ``progress_updates`` rows."""
    out = Extraction()
    blocks = _split_blocks(doc)
    project = RawRow("projects", None)
    for block in ("_section1", "_strategy"):  # a value never runs from one into the next
        for line in label_values(blocks.get(block, []),
                                 lambda ln: _is_label(ln.text, doc.ocr_used),
                                 lambda ln: bool(_NUMBERED_RE.match(ln.text))):
            _read_label_line(doc, line, project, out)
    if "project_code" not in project.fields and "project_name" not in project.fields:
        raise ExtractError("legacy progress form without รหัสโครงการ or ชื่อโครงการ (section 1.1)")
    for column in ("rationale", "target"):
        pieces = _text_pieces(doc, blocks.get(column, []))
        if pieces:
            project.fields[column] = pieces
    objectives = numbered_items(doc, _content_lines(blocks.get("objectives", [])))
    if objectives:
        project.fields["objectives"] = objectives

    reports = _read_reports(doc, blocks.get("_reports", []), out)
    if reports:
        last_pct = next(
            (r.fields["progress_pct"] for r in reversed(reports) if r.fields.get("progress_pct")),
            None,
        )
        if last_pct is not None:
            project.fields["progress_pct"] = last_pct
        status = derive_status(reports)
        if status is not None:
            project.fields["status"] = status
    out.rows.append(project)
    out.rows.extend(reports)
    return out


def _split_blocks(doc: RepairedText) -> dict[str, list[Line]]:
    """Group the document's lines under the numbered section that holds them."""
    blocks: dict[str, list[Line]] = {}
    current = "_preamble"
    for line in doc.rows():
        if _PAGE_HEADER_RE.match(line.text):
            continue
        found = _heading_of(line.text, doc.ocr_used)
        if found is not None:
            current, text_at = found
            rest = rest_of(line, text_at)  # the text printed after the heading
            if rest is not None:
                blocks.setdefault(current, []).append(rest)
            continue
        if current == "_reports" and (_FOOTER_RE.match(line.text) or (
                doc.ocr_used and search_key(_FOOTER_RE.pattern, line.text))):
            current = "_footer"
        blocks.setdefault(current, []).append(line)
    return blocks


def _heading_of(text: str, ocr: bool = False) -> tuple[str, int] | None:
    """The block a numbered section heading opens, and where the text after it starts.

    The heading's words are matched as printed, then in key form. The text of
    the rationale, objectives or target may follow their heading on its line
    (a section number ``1.4`` then the heading's words): it starts after them;
    for any other heading the offset is ``len(text)``.
    """
    heading = _HEADING_RE.match(text) or (_OCR_HEADING_RE.match(text) if ocr else None)
    if not heading:
        return None
    if _SECTION_NO_RE.match(text):
        for block, words in _CONTENT_HEADINGS.items():
            joined = words.match(text, heading.start("title"))
            if joined:
                return block, joined.end()
    if len(text) > 160:
        return None
    title = heading.group("title")
    for pattern, block in SECTION_HEADINGS.items():
        if re.match(pattern, title):
            return block, len(text)
    if len(title) > 80:  # a heading is short; a numbered item of content is not one
        return None
    for pattern, block in SECTION_HEADINGS.items():
        if matches_key(pattern, title):
            return block, len(text)
    return None


def _is_label(text: str, ocr: bool) -> bool:
    """Whether ``text`` opens with a label of sections 1.1, 1.2 or 1.6."""
    return find_label(text, PROJECT_LABELS, fuzzy=ocr) is not None


def _read_label_line(doc: RepairedText, line: Line, row: RawRow, out: Extraction) -> None:
    found = find_label(line.text, PROJECT_LABELS, fuzzy=doc.ocr_used)
    if found is not None:
        column, value_start = found
        raw = doc.raw_in(line, value_start, len(line.text))
        if raw is None:
            return
        if column == "project_name":
            raw = strip_outline_raw(doc, raw)
        if column == "_agency_path":
            split_agency_raw(doc, raw, row)
        elif column == "_responsible":
            split_person_raw(doc, raw, row, "responsible_person", "responsible_phone")
        elif column == "_coordinator":
            split_person_raw(doc, raw, row, "coordinator", "coordinator_phone")
        elif column in row.fields:
            out.findings.append(
                Finding("projects", None, column, "warning", "unparsed_line",
                        f"second value for {column} on line {line.no} ignored")
            )
        else:
            row.fields[column] = raw




def _content_lines(lines: list[Line]) -> list[Line]:
    return [ln for ln in lines if ln.text.strip() and not _PAGE_HEADER_RE.match(ln.text)]


def _text_pieces(doc: RepairedText, lines: list[Line]) -> list[Raw]:
    pieces = [doc.raw_in(ln, 0, len(ln.text)) for ln in _content_lines(lines)]
    return [p for p in pieces if p is not None]


def _row_cells(line: Line) -> list[_Cell]:
    """The row's cells (:func:`bma_etl.document.cells`), each with its line."""
    return [_Cell(line, c.start, c.text, c.first) for c in cells(line)]


def _filled_cells(lines: list[Line]) -> list[tuple[_Cell, bool]]:
    """The report table's filled cells in reading order, each with whether it leads its row.

    A row's first filled cell leads it (a table may leave its first column empty).
    """
    out: list[tuple[_Cell, bool]] = []
    above: list[_Cell] = []  # the cells of the line before, by column
    for line in lines:
        if not line.text.strip() or _PIPE_SEPARATOR_RE.match(line.text):
            continue
        row = _row_cells(line)
        flags = _flag_ends(above, row)
        for column, cell in flags.items():
            joined = joined_line([(above[column].line, above[column].start,
                                   above[column].start + len(above[column].text)),
                                  (line, cell.start, cell.start + len(cell.text))],
                                 cell_separator(above[column].text, cell.text))
            at = next(k for k, (c, _) in enumerate(out) if c is above[column])
            out[at] = (_Cell(joined, 0, joined.text, False), out[at][1])
        leading = True
        for column, cell in enumerate(row):
            if cell.text.strip() and column not in flags:
                out.append((cell, leading))
                leading = False
        above = row
    return out


_CUT_PERCENT_RE = re.compile(r"=\s*[0-9๐-๙.,]+\s*$")


def _flag_ends(above: list[_Cell], row: list[_Cell]) -> dict[int, _Cell]:
    """The cells of ``row`` that end a flag cell of the line above, by column.

    A narrow flag column wraps ``: เป็นไปตาม`` / ``แผน``: the row's next line
    (its first cell empty, as many cells as the line above) has the flag's last
    words in that column, with no ``:`` of a cell's own. The progress a line cut
    before its ``%`` goes on in the second column likewise.
    """
    if len(row) != len(above) or len(row) < 3 or row[0].text.strip():
        return {}
    out: dict[int, _Cell] = {}
    if _CUT_PERCENT_RE.search(above[1].text) and row[1].text.lstrip().startswith("%"):
        out[1] = row[1]  # ``= 94.50`` / ``% : งบประมาณ...``: the progress cut before its sign
    for column in range(2, len(row)):
        top, cell = above[column].text.strip(), row[column].text.strip()
        if top.startswith(":") and cell and ":" not in cell \
                and not re.search(f"{_PLAN_FLAG}|{_TARGET_FLAG}", top):
            out[column] = row[column]
    return out


#: What stands between a label's words and its number only when the number is another
#: cell's (a date's, ``รายงานครั้ง`` then ``:: 3/9/2569``).
_NOT_LABEL = re.compile(r"[:/]")


def _wrapped_label(filled: list[tuple[_Cell, bool]], k: int, ocr: bool
                   ) -> tuple[int, tuple[int, int], int] | None:
    """The end of a label a narrow column wrapped: ``(cell, number's span in it, head end)``.

    ``head end``: where the label's words end in cell ``k`` (the rest of that cell
    is the row's). Cell ``k`` leads its row with the label's first words and no
    digit (``รายงาน``, ``รายงานครั้ง``; a ``::`` cell may follow in it); the rest
    with the number (``ครั้งที่๑``, ``ที่1``) is the next cell of its line (the
    reader split the label at a wide gap) or the first cell of the next line (a
    top-aligned row: the label's second line beside the next line of the row's
    other cells). The joined label must read as
    printed; never on an OCR'd page (``ocr``). None when neither completes it.
    """
    if ocr:  # OCR loses a label's number (``| รายงานครั้งที่ |``): the next number is another's
        return None
    cell = filled[k][0]
    m = _LABEL_HEAD_RE.match(cell.text)
    if m is None or len(key(m.group("head"))) < 3 \
            or not _LABEL_WORDS_KEY.startswith(key(m.group("head"))):
        return None
    head = m.group("head")
    same_line = [k + 1] if k + 1 < len(filled) and filled[k + 1][0].line.no == cell.line.no else []
    next_line = [j for j in range(k + 1, len(filled)) if filled[j][1]][:1]
    for j in same_line + next_line:
        after = filled[j][0]
        if after.line.no - cell.line.no > 2:
            continue
        joined = head + after.text.lstrip()
        exact = _LABEL_CELL_RE.match(joined)
        found = exact.span("no") if exact else None
        if found is None or found[0] < len(head) or _NOT_LABEL.search(joined, 0, found[0]):
            continue
        shift = len(head) - (len(after.text) - len(after.text.lstrip()))
        return j, (found[0] - shift, found[1] - shift), m.end("head")
    return None


#: A report's entry opens with its date (``:: 29/12/2565 :``).
_DATE_OPEN_RE = re.compile(r"^\s*::\s*[0-9๐-๙]{1,2}\s*/")
#: A label's first words at a cell's start, and the cell's rest: the row's first
#: cells when the reader saw no gap (``รายงานครั้ง :: 5/9/2566 : ...``).
_LABEL_HEAD_RE = re.compile(r"^\s*(?P<head>[^\s:0-9๐-๙]+)(?=\s*(?:::|$))")


def _read_reports(doc: RepairedText, lines: list[Line], out: Extraction) -> list[RawRow]:
    """The report rows of the table's ``lines``.

    A report opens at its label (:func:`_report_label`, or one a narrow column
    wrapped: :func:`_wrapped_label`) and takes the cells that follow. A borderless
    table centres its label in the row's height, so a long row's first lines come
    above the label's line: a row-leading ``:: date`` cell in a report that has its
    date already goes, with the cells after it, to the next label's report.
    """
    reports: list[_Report] = []
    filled = _filled_cells(lines)
    rests: dict[int, int] = {}  # cells that end a wrapped label: where their text goes on
    early: list[_Cell] = []  # a row's first lines printed above its label
    for k, (cell, leading) in enumerate(filled):
        if k in rests:
            rest = cell.text[rests[k]:]
            if rest.strip() and reports:
                reports[-1].cells.append(_Cell(cell.line, cell.start + rests[k], rest, False))
            continue
        found = _report_label(cell.text) if leading else None
        if leading and (found is None or found[0] == found[1]):  # no number: wrapped?
            wrapped = _wrapped_label(filled, k, doc.ocr_used)
            if wrapped is not None:
                j, (no_start, no_end), head_end = wrapped
                rests[j] = no_end
                end = filled[j][0]
                reports.append(_Report(doc.raw_in(end.line, end.start + no_start,
                                                  end.start + no_end), early))
                early = []
                if cell.text[head_end:].strip():
                    reports[-1].cells.append(_Cell(cell.line, cell.start + head_end,
                                                   cell.text[head_end:], False))
                continue
        if found:
            no_start, no_end = found
            label = doc.raw_in(cell.line, cell.start + no_start, cell.start + no_end) \
                if no_end > no_start else None
            reports.append(_Report(label, early))
            early = []
            rest = cell.text[no_end:]
            if rest.strip():
                reports[-1].cells.append(_Cell(cell.line, cell.start + no_end, rest, False))
        elif early or (leading and reports and _DATE_OPEN_RE.match(cell.text)
                       and any(_DATE_OPEN_RE.match(c.text) for c in reports[-1].cells)):
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
    if early:  # no label below them: the last report's after all
        reports[-1].cells.extend(early)
    # Text before the first label is a report only when it reads as one (its date,
    # progress or budget): a scan's first row whose label OCR lost entirely, not the
    # table's head read as specks. Its number stays unknown.
    reports = [rep for rep in reports if not rep.lost_label or any(
        column in _report_row(doc, 0, rep).fields
        for column in ("report_date", "progress_pct", "budget_disbursed_thb"))]
    return [_report_row(doc, i, rep) for i, rep in enumerate(reports, start=1)]


_LABEL_WORDS_KEY = key("รายงานครั้งที่")
_FIRST_NUMBER = re.compile(r"[0-9๐-๙]{1,3}")


def _report_label(text: str) -> tuple[int, int] | None:
    """Span of the number of a ``รายงานครั้งที่ N`` label cell, or None.

    The words are matched as printed, then approximately in key form (OCR reads
    ``ดายงานคร้อที่2``).
    """
    m = _LABEL_CELL_RE.match(text)
    if m:
        return m.span("no")
    from rapidfuzz.fuzz import ratio

    number = _FIRST_NUMBER.search(text, 0, 24)
    if number is None:
        # Scans: the number OCR lost (``| รายงานครั้งที่ |``) still opens a report,
        # its number unknown (an empty span), rather than running into the one before.
        words = text.rstrip()
        head = key(words).strip("'\".:;|-_ ")
        if 7 <= len(head) <= 13 and ratio(head, _LABEL_WORDS_KEY) >= 90:
            return len(words), len(words)
        return None
    head = key(text[:number.start()]).strip("'\".:;|-_ ")
    if not 7 <= len(head) <= 13 or "::" in text[:number.start()]:
        return None  # ``รายงานครั้ง :: 5/9/2566``: the number is the date's
    return number.span() if ratio(head, _LABEL_WORDS_KEY) >= 75 else None


def _labelled(text: str, label: str, value: str, start: int, fuzzy: bool = False
              ) -> re.Match[str] | None:
    """``label`` then ``value`` in ``text`` from ``start``: as printed, else in key form.

    The match returned is the value's (group ``value``), on ``text``; its start
    is where the label begins.
    """
    plain = re.compile(f"(?:{label}){_LABEL_TO_VALUE}{value}").search(text, start)
    if plain is not None:
        return plain
    found = search_key(label, text[start:])
    if found is None and fuzzy:  # OCR read letters of the label as others
        found = fuzzy_search(literal_of(label), text[start:])
    if found is None:
        return None
    return re.compile(f"(?:{_LABEL_TO_VALUE}){value}").match(text, start + found[1])


def _flag(text: str, pattern: str) -> tuple[int, int] | None:
    """Span of a plan or target flag filling ``text`` (a cell), in key form."""
    m = _FLAG_CELL_RE.match(text)
    if m is None:
        return None
    flag = m.group("flag")
    if re.fullmatch(pattern, flag) or (len(flag) < 40 and matches_key(pattern, flag, full=True)):
        return m.span("flag")
    return None


def _trailing_flags(text: str) -> list[tuple[str, int, int]]:
    """Flags filling ``text``: a flag cell, or the flags after an entry's budget.

    ``: เป็นไปตามแผน : เป็นไปตามเป้าหมาย`` → ``[("on_plan", a, b), ("on_target", c, d)]``.
    """
    out: list[tuple[str, int, int]] = []
    at = 0
    for i, part in enumerate(re.split(r"([:|])", text)):
        if i == 0 and key(part).strip(" .") == "บาท":
            pass  # the budget's unit, when the amount was read without it
        elif part not in (":", "|"):
            for column, pattern in (("on_target", _TARGET_FLAG), ("on_plan", _PLAN_FLAG)):
                found = _flag(part, pattern)
                if found is not None:
                    out.append((column, at + found[0], at + found[1]))
                    break
            else:
                if part.strip(" \t.'\u2019"):
                    return []  # something other than flags follows
        at += len(part)
    return out


def _flags_in_tail(text: str) -> list[tuple[str, int, int]]:
    """Flags anywhere after an entry's budget, with OCR's junk around them."""
    out: list[tuple[str, int, int]] = []
    for column, pattern in (("on_plan", _PLAN_FLAG), ("on_target", _TARGET_FLAG)):
        found = search_key(pattern, text)
        if found is not None:
            out.append((column, *found))
    return out


_DANGLING = re.compile(r"[=]\s*$")


#: A cell ending with the budget's label, its value in the next cell or line; the
#: label's report number may be cut after its bracket opened (``(ครั้งที่`` / ``2) = ...``).
_DANGLING_BUDGET = rf".*(?:{_BUDGET_LABEL})\s*(?:\([^()=]{{0,20}})?$"


def _dangles(text: str) -> bool:
    """Whether ``text`` ends with a label whose value is not in it.

    ``… =``, ``…เบิกใช้``, ``…เบิกใช้ (ครั้งที่``.
    """
    if _DANGLING.search(text):
        return True
    # the cheap substring test first: the key form is matched only where it can match
    return ("เบิก" in text or "บก" in text) and matches_key(_DANGLING_BUDGET, text)


#: A cell's end that a page's wrap cut off the rest of its value: the progress or the
#: budget label with no ``=`` yet (``… (ครั้งที่ 13)``), or a value's first digits (``= 6``).
_CUT_LABEL_END = re.compile(
    rf"(?:{_PROGRESS_LABEL}ฯ?|(?:{_BUDGET_LABEL})\s*(?:\([^()=]{{0,20}}\))?)\s*$")
_CUT_DIGITS_END = re.compile(r"=\s*[0-9๐-๙]{1,2}\s*$")
#: A cell that starts with the rest of a cut amount (``73,000 บาท``).
_VALUE_REST = re.compile(r"^\s*[0-9๐-๙]{1,3},[0-9๐-๙]{3}")


def _goes_on(last: _Cell, cell: _Cell) -> bool:
    """Whether ``cell``, the first of its line, goes on ``last``'s value the line cut.

    A flowing print (fpdf2, LibreOffice from text) wraps a report's row and sets the
    flags after a gap on the next line, so the reader keeps the two lines apart.
    """
    if last.line.no == cell.line.no:
        return False
    head, tail = cell.text.lstrip(), last.text.rstrip()
    if head.startswith("="):
        return bool(_CUT_LABEL_END.search(last.text))
    for label in _CUT_LABELS:  # a label the line cut, between words or inside one
        if any(tail.endswith(label[:cut]) and head.startswith(label[cut:])
               for cut in range(2, len(label) - 1)):
            return True
    return bool(_VALUE_REST.match(cell.text)) and bool(_CUT_DIGITS_END.search(last.text))


#: The value labels a line may cut (``งบประมาณที่เบิก`` / ``ใช้ (...``, ``ความก้าวหน้าขอ`` /
#: ``งงานฯ``: LibreOffice breaks inside a word too).
_CUT_LABELS = ("งบประมาณที่เบิกใช้", "ความก้าวหน้าของงาน")


_FLAG_WORDS = ("ไม่เป็นไปตามแผน", "เป็นไปตามแผน", "ไม่เป็นไปตามเป้าหมาย", "เป็นไปตามเป้าหมาย")
_WORD_RE = re.compile(r"\S+")
_PART_RE = re.compile(r"[^:]+")


def _flag_starts(text: str) -> list[tuple[int, int]]:
    """Spans of the flags' first words in a cell of nothing else (``: ไม่เป็นไป : เป็นไปตาม``).

    Empty unless every ``:`` part is a flag's start, not the whole flag.
    """
    parts = [m for m in _PART_RE.finditer(text) if m.group().strip()]
    spans = []
    for m in parts:
        word = m.group().strip()
        if not any(f.startswith(word) and f != word for f in _FLAG_WORDS):
            return []
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        spans.append((start, start + len(word)))
    return spans


def _flags_rejoined(cells: list[_Cell]) -> list[_Cell]:
    """``cells`` with flags a narrow column wrapped made whole, last in the row.

    Two narrow flag columns printed with too small a gap come back as one cell of
    their first words (``: ไม่เป็นไป : เป็นไปตาม``) and, lines lower, one of their
    last words (``ตามแผน เป้าหมาย``): word by word they make the flags.
    """
    for i, cell in enumerate(cells):
        starts = _flag_starts(cell.text)
        if not starts:
            continue
        for j in range(i + 1, len(cells)):
            end = cells[j]
            words = [m.span() for m in _WORD_RE.finditer(end.text)]
            if end.line.no == cell.line.no or len(words) != len(starts) or not all(
                    cell.text[a:b] + end.text[x:y] in _FLAG_WORDS
                    for (a, b), (x, y) in zip(starts, words, strict=True)):
                continue
            flags = []
            for (a, b), (x, y) in zip(starts, words, strict=True):
                line = joined_line([(cell.line, cell.start + a, cell.start + b),
                                    (end.line, end.start + x, end.start + y)], "")
                flags.append(_Cell(line, 0, line.text, False))
            return [*cells[:i], *cells[i + 1:j], *cells[j + 1:], *flags]
    return cells


#: A cell that is a flag alone (``: เป็นไปตามแผน``), and one that starts with a value's
#: rest (``(ครั้งที่ 13) = 0 บาท``, ``= 0 บาท``).
_FLAG_ONLY_RE = re.compile(rf"^[\s:]*(?:{_PLAN_FLAG}|{_TARGET_FLAG})[\s:]*$")
_VALUE_START_RE = re.compile(r"^\s*(?:\([^()=]{0,20}\)\s*)?=")


def _coalesced(cells: list[_Cell]) -> list[_Cell]:
    """Cells with a label left dangling joined to the one with its value.

    ``… =``, ``…เบิกใช้`` (:func:`_dangles`); and a value a line's end cut joined to
    its rest (:func:`_goes_on`). The rest of a value on a later line goes to its label
    across the row's flag cells, which a wrap set before it (``…เบิกใช้`` ``: เป็นไปตามแผน``
    ``: เป็นไปตามเป้าหมาย`` / ``(ครั้งที่ 13) = 0 บาท``).
    """
    out: list[_Cell] = []
    for cell in cells:
        flags = 0
        while flags < len(out) and _FLAG_ONLY_RE.match(out[-1 - flags].text):
            flags += 1
        if flags and flags < len(out) and _VALUE_START_RE.match(cell.text) \
                and cell.line.no != out[-1].line.no and _dangles(out[-1 - flags].text):
            moved = out[-flags:]
            del out[-flags:]
            last = out.pop()
            line = joined_line([(last.line, last.start, last.start + len(last.text)),
                                (cell.line, cell.start, cell.start + len(cell.text))], " ")
            out += [_Cell(line, 0, line.text, last.first), *moved]
            continue
        if out and cell.text.strip() and ((_dangles(out[-1].text)
                                           and not _FLAG_ONLY_RE.match(cell.text))
                                          or _goes_on(out[-1], cell)):
            last = out.pop()
            sep = cell_separator(last.text.rstrip(), cell.text.lstrip()) \
                if _goes_on(last, cell) else " "
            line = joined_line([(last.line, last.start, last.start + len(last.text)),
                                (cell.line, cell.start, cell.start + len(cell.text))], sep)
            cell = _Cell(line, 0, line.text, last.first)
        out.append(cell)
    return _flags_rejoined(out)


#: Three Thai letters in a row (marks between them do not break it): a word, not a speck.
_THAI_RUN3 = re.compile("(?:[\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46]"
                        "[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*){3}")
_TOKEN_RE = re.compile(r"\S+")
_BULLETS = frozenset(("-", "*", "•", "–", "--"))
_DATE_PLACE_COLON_RE = re.compile(r"[^:\n]{1,24}?\s:\s+")
#: How far into an entry (characters) the place of its date may reach: ``:: 25/12/2568 :``
#: with OCR's specks around it.
DATE_PLACE_CHARS = 28


def _date_place_end(text: str, unread: bool) -> int:
    """Where the narrative begins after the place of a date OCR made unreadable (scans).

    ``_OCR_DATE_JUNK_RE`` first (``อ/๑๐/๒๕๒๕ ``, ``ๆ :``); then, while the date is
    still ``unread``, every token at the start that is no word: no three Thai
    letters in a row, and a digit, a ``/``, a ``:``, a ``|`` or at most two characters
    (not a bullet: ``-`` opens a narrative)
    (``1:1 ๒๕ี๓/๒๕๒๕ : อยู่…`` for ``:: ๒๕/๓/๒๕๖๙ : อยู่…``, ``ร ญ่๑ไ๒๕๒๓ จัด…``; a
    cell ``Be ๕`` left by the ``|`` OCR read inside the date); or all up to a `` : ``
    within :data:`DATE_PLACE_CHARS` with no Thai word before it. 0 when nothing is skipped.
    """
    junk = _OCR_DATE_JUNK_RE.match(text)
    end = junk.end() if junk else 0
    if not unread:
        return end
    colon = _DATE_PLACE_COLON_RE.match(text, end)
    if colon is not None and not _THAI_RUN3.search(colon.group()):
        end = colon.end()  # the date's own colon closes its place (``onload oe : อยู่…``)
    for token in _TOKEN_RE.finditer(text, end):
        word = token.group()
        if token.end() > DATE_PLACE_CHARS or _THAI_RUN3.search(word) or not (
                any(c.isdigit() or c in "/:|" for c in word)
                or (len(word) <= 2 and word not in _BULLETS)):
            break
        end = token.end()
    return end


def _report_row(doc: RepairedText, ordinal: int, rep: _Report) -> RawRow:
    row = RawRow("progress_updates", ordinal, {"seq_label": rep.label})
    narrative: list[Raw] = []
    after_budget = False  # past the budget only the flags remain (and, from OCR, specks)
    past_budget: list[_Cell] = []  # the cells past the budget
    budget_tail: tuple[Line, int, int] | None = None  # the rest of the budget's cell
    for cell in _coalesced(rep.cells):
        text, line = cell.text, cell.line
        flags = _trailing_flags(text) or (_flags_in_tail(text) if after_budget else [])
        for column, a, b in flags:
            row.fields.setdefault(column, doc.raw_in(line, cell.start + a, cell.start + b))
        if after_budget:
            past_budget.append(cell)
        if flags or after_budget:
            continue
        body_start, body_end = 0, len(text)
        date = _DATE_PART_RE.match(text)
        if date is None and doc.ocr_used:
            date = _OCR_DATE_PART_RE.match(text)
        if date:
            body_start = date.end()
            rest = _OCR_DATE_REST_RE.match(text, body_start) if doc.ocr_used else None
            if rest is not None:  # OCR read more digits than a date has (๒๕๒๐๐): not read
                body_start = rest.end()
            else:
                row.fields.setdefault("report_date",
                                      doc.raw_in(line, cell.start + date.start("date"),
                                                 cell.start + date.end("date")))
        elif doc.ocr_used and (odd := _OCR_ODD_DATE_RE.match(text)):
            derived = _date_read_oddly(doc, odd, line, cell.start)
            if derived is not None:
                row.fields.setdefault("report_date", derived)
                body_start = odd.end()
        elif doc.ocr_used and (lost := _DATE_LOST_SLASH_RE.match(text)):
            derived = _date_with_lost_slash(doc, lost, line, cell.start)
            if derived is not None:
                row.fields.setdefault("report_date", derived)
                body_start = lost.end()
        elif doc.ocr_used and not narrative:  # a date OCR made unreadable: not the narrative
            body_start = _date_place_end(text, "report_date" not in row.fields)
        progress = _labelled(text, _PROGRESS_LABEL, _PROGRESS_VALUE, body_start, doc.ocr_used)
        budget_from = None
        if progress:
            row.fields.setdefault("progress_pct", doc.raw_in(
                line, cell.start + progress.start("value"), cell.start + progress.end("value")))
            label_at = search_key(_PROGRESS_LABEL, text[body_start:progress.start("value")])
            body_end = body_start + label_at[0] if label_at else progress.start()
            body_end = len(text[:body_end].rstrip(" :\t"))
            budget_from = progress.end()
        elif "progress_pct" in row.fields:  # the budget went on to the next line
            budget_from = 0
        elif doc.ocr_used and (label := search_key(_PROGRESS_LABEL, text[body_start:])):
            # the label read, its value not (``= ส๒.๕๐ %``): the narrative still ends there
            body_end = len(text[:body_start + label[0]].rstrip(" :\t"))
            budget_from = body_start + label[1]
        if budget_from is not None:
            budget = _labelled(text, _BUDGET_LABEL, _BUDGET_VALUE, budget_from, doc.ocr_used)
            if budget and not progress:
                body_end = min(body_end, len(text[:budget.start()].rstrip(" :\t")))
            if budget:
                after_budget = True
                budget_tail = (line, cell.start + budget.end(), cell.start + len(text))
                row.fields.setdefault("budget_disbursed_thb", doc.raw_in(
                    line, cell.start + budget.start("value"), cell.start + budget.end("value")))
                tail = text[budget.end():]
                for column, a, b in _trailing_flags(tail) or _flags_in_tail(tail):
                    row.fields.setdefault(column, doc.raw_in(
                        line, cell.start + budget.end() + a, cell.start + budget.end() + b))
        body = text[body_start:body_end]
        lead = len(body) - len(body.lstrip(" \t:"))
        trail = len(body.rstrip(" \t:"))
        if doc.ocr_used:  # specks OCR read apart from the words: ``. ดำเนินการ``, ``ราคากลาง :: .``
            opening, closing = _OCR_LEAD_SPECKS.match(body), _OCR_TRAIL_SPECKS.search(body)
            lead = opening.end() if opening else lead
            trail = max(lead, closing.start()) if closing else trail
        piece = doc.raw_in(line, cell.start + body_start + lead, cell.start + body_start + trail)
        if piece is not None:
            narrative.append(piece)
    if past_budget and ("on_plan" not in row.fields or "on_target" not in row.fields):
        _flags_across(doc, past_budget, row)
    if doc.ocr_used and budget_tail is not None and (
            "on_plan" not in row.fields or "on_target" not in row.fields):
        after = joined_line([budget_tail, *((c.line, c.start, c.start + len(c.text))
                                           for c in past_budget)])
        _put_approx_flags(doc, after, 0, len(after.text), row)
    if narrative:
        row.fields["detail"] = narrative
    return row


#: The flags' words without ไม่, in key form, the longer first: an approximate match
#: of the plan's words must not be the target's (both open with เป็นไปตาม).
_FLAG_CORES = (("on_target", key("เป็นไปตามเป้าหมาย")), ("on_plan", key("เป็นไปตามแผน")))
_NEGATION_KEY = key("ไม่")
#: What may stand before a flag read approximately, for it to be read as affirmative:
#: nothing, or the separator of its cell.
_FLAG_OPENS = re.compile(r"(?:^|[:|;])[\s.'\u2019]*$")
#: Least similarity (0..100) of a flag read approximately to its words.
FLAG_SIMILARITY = 80.0


def _approx_flags(text: str) -> list[tuple[str, bool, int, int]]:
    """Flags OCR read with letters wrong (``เป็นไปตามเบ้าหมาย``): ``(column, value, a, b)``.

    The words after ไม่ are matched approximately in key form; the flag is
    negative when ไม่ (in key form) stands right before them, affirmative when
    nothing or a cell separator does, and not read at all otherwise: OCR may have
    made anything of a ไม่, and a flag is never guessed.
    """
    from rapidfuzz.fuzz import partial_ratio_alignment

    folded, offsets = key_map(text)
    out: list[tuple[str, bool, int, int]] = []
    for column, core in _FLAG_CORES:
        found = partial_ratio_alignment(core, folded, score_cutoff=FLAG_SIMILARITY)
        if found is None or found.dest_end - found.dest_start < len(core) - 3:
            continue
        a, b = found.dest_start, found.dest_end
        start = offsets[a]
        if folded[:a].endswith(_NEGATION_KEY):
            value, start = False, offsets[a - len(_NEGATION_KEY)]
        elif _FLAG_OPENS.search(text[:start]):
            value = True
        else:
            continue
        out.append((column, value, start, past_marks(text, offsets[b - 1] + 1)))
        folded = folded[:a] + "#" * (b - a) + folded[b:]  # the plan's words are not these
    return out


def _put_approx_flags(doc: RepairedText, line: Line, a: int, b: int, row: RawRow) -> None:
    """Flags still missing, read approximately from ``line.text[a:b]`` (OCR only)."""
    for column, value, x, y in _approx_flags(line.text[a:b]):
        if column in row.fields:
            continue
        raw = doc.raw_in(line, a + x, a + y)
        if raw is not None:
            row.fields[column] = Derived(
                value, f"OCR read the flag {raw.text!r}: its words matched approximately",
                raw.span)


def _flags_across(doc: RepairedText, tail: list[_Cell], row: RawRow) -> None:
    """Flags a narrow column wrapped over cells (``: เป็นไปตาม`` / ``แผน : …``), read joined."""
    joined = joined_line([(c.line, c.start, c.start + len(c.text)) for c in tail], sep="")
    for column, a, b in _trailing_flags(joined.text) or _flags_in_tail(joined.text):
        row.fields.setdefault(column, doc.raw_in(joined, a, b))


def _date_read_oddly(doc: RepairedText, m: re.Match[str], line: Line, base: int
                     ) -> Derived | None:
    """``25/2|2562`` → 25/2/2562: OCR read a ``/`` as another stroke."""
    try:
        value = parse_date(f"{m.group('d')}/{m.group('m')}/{m.group('y')}")
    except NormalizeError:
        return None
    evidence = doc.raw_in(line, base + m.start("d"), base + m.end("y"))
    return Derived(value, f"OCR read a '/' as another stroke: {m.group(0).strip(': ')!r}",
                   evidence.span if evidence else None)


def _date_with_lost_slash(doc: RepairedText, m: re.Match[str], line: Line, base: int
                          ) -> Derived | None:
    """``242|2563`` → 24/2/2563 when exactly one split of the digits is a real date."""
    digits, year = m.group("dm"), int(m.group("year"))
    found = []
    for cut in range(1, len(digits)):
        day, month = int(digits[:cut]), int(digits[cut:])
        if digits[cut] == "0" and cut < len(digits) - 1:
            continue  # a month is not written with a leading zero and more digits
        try:
            found.append(parse_date(f"{day}/{month}/{year}"))
        except NormalizeError:
            continue
    if len(found) != 1:
        return None
    evidence = doc.raw_in(line, base + m.start(), base + m.end())
    return Derived(found[0], f"OCR lost a '/': {m.group(0).strip(': ')!r} read as "
                   f"{found[0].isoformat()}", evidence.span if evidence else None)


LAYOUT = Layout(
    layout_id="legacy_progress_form",
    title=TITLE,
    tables=(Project, ProgressUpdate),
    score=score,
    extract=extract,
    signals=SIGNALS,
)

__all__ = ["LAYOUT", "Derived", "extract", "score"]

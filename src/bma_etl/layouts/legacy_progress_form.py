"""Legacy progress form (แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ).

Stage: extract. Consumes the repaired text of one form; produces raw rows for
``projects`` (sections 1.1-1.6: the ``<label> : <value>`` lines and the
rationale, objectives and target read here) and ``progress_updates`` (the report
table of section 2: :mod:`bma_etl.layouts.legacy_reports`), every value a
:class:`~bma_etl.layouts.base.Raw` slice with its span. The report table's cells
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

from bma_etl.errors import ExtractError
from bma_etl.layouts.base import (
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
from bma_etl.layouts.history_specks import DIGITS_ALONE, numbers_read_as_specks, short_specks
from bma_etl.layouts.legacy_reports import read_reports
from bma_etl.layouts.wrapped import label_values, numbered_items, rest_of
from bma_etl.matchkey import fuzzy_search, key, literal_of, matches_key, search_key
from bma_etl.matchlabel import find_label
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
#: (``1.4 วัตถุประสงค์ของโครงการ 1. เพื่อ…``), with what may close them; after OCR
#: ``ของ`` may be misread (``วัตถุประสงค์แลงโครงการ``), never the first objective's text.
_CONTENT_HEADINGS = {
    block: re.compile(rf"(?:{words})[\s.:…]*")
    for words, block in ((r"หลักการและเหตุผล", "rationale"),
                         (r"วัตถุประสงค์(?:ของโครงการ|\S{1,5}โครงการ)?", "objectives"),
                         (r"เป้าหมายของโครงการ", "target"))
}
#: A section's own number (``1.4``), which a list item (``1.``) does not have.
_SECTION_NO_RE = re.compile(r"^\s*(?:[^\w\s]{1,2}\s*)?[0-9]{1,2}[.,][0-9]{1,2}[.,]?\s")
#: A numbered line (``1.2 …``, ``3. …``): a heading OCR damaged past recognising, never
#: more of a value (a wrapped value may go on with ``3 (พ.ศ. …``, a number without its dot).
_NUMBERED_RE = re.compile(r"^\s*(?:[^\w\s]{1,2}\s*)?[0-9]{1,2}(?:(?:[.,][0-9]{1,2})+[.,]?|[.)])\s")
_HEADING_RE = re.compile(r"^\s*[0-9]{1,2}(?:\.[0-9]{1,2})?\.?\s+(?P<title>\S.*?)[\s.]*$")
#: The same from OCR: a speck read before the number (``. 2. รายงาน…``, ``' 1.3 …``)
#: or standing apart after it (``2. . รายงาน…``), and ``,`` read for its dot (``2, รายงาน…``).
_OCR_HEADING_RE = re.compile(
    r"^\s*(?:[^\w\s]{1,2}\s*)?[0-9]{1,2}(?:[.,][0-9]{1,2})?[.,]?\s+(?:[^\w\s]{1,2}\s+)?"
    r"(?P<title>\S.*?)[\s.]*$")
_PAGE_HEADER_RE = re.compile(r"^\s*\*+\s*แบบแสดงรายงานความก้าวหน้า.*\*+\s*$")
_FOOTER_RE = re.compile(r"^\s*(?:ขอรับรองว่า|ลงชื่อ|ตำแหน่ง\s*$)")

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


def extract(doc: RepairedText) -> Extraction:
    """Read one legacy progress form into raw ``projects`` and ``progress_updates`` rows."""
    out = Extraction()
    blocks = _split_blocks(doc)
    project = RawRow("projects", None)
    for block in ("_section1", "_strategy"):  # a value never runs from one into the next
        for line in label_values(blocks.get(block, []),
                                 lambda ln: _label_of(ln, doc.ocr_used) is not None,
                                 lambda ln: bool(_NUMBERED_RE.match(ln.text))):
            _read_label_line(doc, line, project, out)
    if "project_code" not in project.fields and "project_name" not in project.fields:
        raise ExtractError("legacy progress form without รหัสโครงการ or ชื่อโครงการ (section 1.1)")
    for column in ("rationale", "target"):
        pieces = _text_pieces(doc, blocks.get(column, []))
        if pieces:
            project.fields[column] = pieces
    listed = blocks.get("objectives", [])
    numbers = numbers_read_as_specks(listed) if doc.ocr_used else []
    objectives = numbered_items(doc, _content_lines(listed, doc.ocr_used, numbers), numbers)
    if objectives:
        project.fields["objectives"] = objectives
    reports = read_reports(doc, blocks.get("_reports", []), out)
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
        if found is None and doc.ocr_used:
            found = _heading_number_misread(line.text, current) \
                or _heading_misspelt(line.text, current)
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

    The heading's words are matched as printed, then in key form (after OCR, a
    long title under a section number ``1.6`` too: ``1.6 สนับสนุ่นแผนพัฒนา กทม.
    ระยะ 20 ปี (ยุทธศาสตร์-…/ตัวชี้วัด)``, a mark misread). The text of
    the rationale, objectives or target may follow their heading on its line
    (a section number ``1.4`` then the heading's words): it starts after them;
    for any other heading the offset is ``len(text)``.
    """
    # after OCR its own pattern first: the printed one takes a speck for the title's start
    heading = (_OCR_HEADING_RE.match(text) if ocr else None) or _HEADING_RE.match(text)
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
        if re.match(pattern, title):  # a content heading's text after its number misread
            joined = _CONTENT_HEADINGS[block].match(text, heading.start("title")) \
                if block in _CONTENT_HEADINGS else None
            return block, joined.end() if joined else len(text)
    if len(title) > 80 and not (ocr and _SECTION_NO_RE.match(text)):
        return None  # a heading is short, a numbered item of content not (1.6's runs long)
    for pattern, block in SECTION_HEADINGS.items():
        if matches_key(pattern, title):
            return block, len(text)
    return None


#: The blocks in the order the form prints their sections.
_BLOCK_ORDER = ("_preamble", "_section1", "rationale", "objectives", "target", "_strategy",
                "_reports", "_footer")
#: A heading whose number OCR read as letters or specks (``oe หลักการและเหตุผล`` for
#: ``1.3 หลักการและเหตุผล``, ``Tae เวส: รายงานความก้าวหน้า…`` for ``2. รายงาน…``): a
#: first token of no Thai letter and not a number (``20 ปี วัตถุประสงค์…`` is a wrapped
#: line), at most one more short one, then the title.
_MISREAD_NUMBER_RE = re.compile(
    r"^\s*(?![0-9.,]+\s)[^\s\u0e01-\u0e4e]{1,4}\s+(?:\S{1,4}\s+)?"
    r"(?P<title>[\u0e01-\u0e4e].*?)[\s.|]*$")


def _heading_number_misread(text: str, current: str) -> tuple[str, int] | None:
    """A section heading whose number OCR misread (:data:`_MISREAD_NUMBER_RE`), or None.

    Its title must open as a section's does, and the section must come after
    ``current`` in the form's order (:data:`_BLOCK_ORDER`): a line of a value or
    narrative that happens to hold a heading's words never sends the reader back.
    Returns what :func:`_heading_of` does.
    """
    m = _MISREAD_NUMBER_RE.match(text)
    if m is None or len(text) > 160:
        return None
    title_at = m.start("title")
    after = _BLOCK_ORDER.index(current) if current in _BLOCK_ORDER else 0
    for block, words in _CONTENT_HEADINGS.items():
        joined = words.match(text, title_at)
        if joined and _BLOCK_ORDER.index(block) > after:
            return block, joined.end()
    title = m.group("title")
    if len(title) > 80:
        return None
    for pattern, block in SECTION_HEADINGS.items():
        if _BLOCK_ORDER.index(block) > after and (
                re.match(pattern, title) or matches_key(pattern, title)):
            return block, len(text)
    return None


#: How far into a misspelt heading's title its words may start (a speck OCR read first).
_TITLE_SLACK = 2
#: A section number as OCR may damage it past :data:`_OCR_HEADING_RE`: its dot read as
#: a digit (``122 หน่วยงานที่รับผิดชอบ`` for ``1.2 …``), or no space read before the
#: title (``1.3หลักการและเหตุผล``, ``2.รายงานความก้าวหน้า…``). Only a heading's words
#: opening the title make it one.
_OCR_NUMBER_RUN_RE = re.compile(
    r"^\s*(?:[^\w\s]{1,2}\s*)?(?:[1-9][0-9][1-9]\s+|[0-9]{1,2}[.,](?:[0-9]{1,2}[.,]?)?(?=[ก-ฮ]))"
    r"(?P<title>\S.*?)[\s.]*$")
#: Blocks opened by more than one heading (``1.1 …``, ``1.2 …``), so a heading may
#: open the block the reader is in.
_SUBSECTIONS = frozenset({"_section1"})
#: What closes a heading's words before the text that may follow them.
_HEADING_CLOSE_RE = re.compile(r"[\s.:…]*")
#: The same after ``วัตถุประสงค์``: its ``ของโครงการ`` as read, if any.
_OBJECTIVES_TAIL_RE = re.compile(r"(?:\S{0,5}โครงการ)?[\s.:…]*")


def _heading_misspelt(text: str, current: str) -> tuple[str, int] | None:
    """A numbered section heading whose words OCR misspelt, or None.

    ``2 รายงานความถ้าวหน้าของโครงการและถารใช้จ่ายงบประมาณ`` (``ก`` read as ``ถ``),
    ``1.5 เป้าหมายขอลงโครงการ..``: a section number then, opening the title, an
    approximate match (:func:`~bma_etl.matchkey.fuzzy_search`) of a heading's words.
    As with :func:`_heading_number_misread` the section must come after ``current``
    in the form's order, so a value or narrative line never sends the reader back.
    Returns what :func:`_heading_of` does: the block, and for a heading whose text may
    follow it on its line, where that text starts (else ``len(text)``).
    """
    heading = _OCR_HEADING_RE.match(text) or _OCR_NUMBER_RUN_RE.match(text)
    if heading is None:
        return None
    # only a heading whose text follows it on its line is long (``14⇥วัตถุประสงค์…⇥1.⇥เพื่อ…``)
    long = len(text) > 160 or len(heading.group("title")) > 80
    title_at = heading.start("title")
    after = _BLOCK_ORDER.index(current) if current in _BLOCK_ORDER else 0
    for pattern, block in SECTION_HEADINGS.items():
        at = _BLOCK_ORDER.index(block)
        if at < after or (at == after and block not in _SUBSECTIONS) \
                or (long and block not in _CONTENT_HEADINGS):
            continue
        found = fuzzy_search(literal_of(pattern), text[title_at:])
        if found is None or found[0] > _TITLE_SLACK:
            continue
        if at == after and text[title_at + found[1]:].strip(_ALONE_JUNK):
            continue  # a label line of the section (``หน่วยงานที่รับผิดชอบ : …``), no heading
        if block in _CONTENT_HEADINGS:
            closed = (_OBJECTIVES_TAIL_RE if block == "objectives" else _HEADING_CLOSE_RE
                      ).match(text, title_at + found[1])
            return block, closed.end() if closed else title_at + found[1]
        return block, len(text)
    return None


#: What OCR reads around a label alone on its line: specks, dots, spaces.
_ALONE_JUNK = "'\".,|!*…:; \t"


def _label_of(line: Line, ocr: bool) -> tuple[str, int] | None:
    """``(column, offset of the value in line.text)`` of the label ``line`` opens with.

    A label of sections 1.1, 1.2 or 1.6 with its separator (:func:`find_label`);
    after OCR also a label alone on the line's first physical line, its ``:`` lost
    (a justified line sets the ``:`` at the margin, where Tesseract may not read
    it): the value is the lines after it (``ชื่อโครงการ/กิจกรรม`` / ``โครงการ…``), or
    the cells after the label's own (``หน่วยงานที่รับผิดชอบ.⇥สำนักงานเขต…``).
    """
    found = find_label(line.text, PROJECT_LABELS, fuzzy=ocr)
    if found is not None or not ocr:
        return found
    first = line.text[:line.pieces[1][0]] if len(line.pieces) > 1 else line.text
    value_at = len(first)
    if "\t" in first.strip(_ALONE_JUNK):  # the label in a cell of its own, the value after it
        first = first[:first.index("\t", len(first) - len(first.lstrip(_ALONE_JUNK))) + 1]
        rest = line.text[len(first):]
        value_at = len(first) + len(rest) - len(rest.lstrip(_ALONE_JUNK))
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


def _read_label_line(doc: RepairedText, line: Line, row: RawRow, out: Extraction) -> None:
    found = _label_of(line, doc.ocr_used)
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
    pieces = [doc.raw_in(ln, 0, len(ln.text)) for ln in _content_lines(lines, doc.ocr_used)]
    return [p for p in pieces if p is not None]


LAYOUT = Layout(
    layout_id="legacy_progress_form",
    title=TITLE,
    tables=(Project, ProgressUpdate),
    score=score,
    extract=extract,
    signals=SIGNALS,
)

__all__ = ["LAYOUT", "extract", "score"]

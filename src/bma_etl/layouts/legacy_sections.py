"""The legacy progress form's numbered sections: the headings that open them, the lines each holds.

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_progress_form`, not a
layout). Consumes the repaired text of one form
(:class:`~bma_etl.layouts.base.RepairedText`); produces its lines grouped under the
numbered section that holds them (:func:`_split_blocks`: ``_preamble``, ``_section1``
for sections 1.1 and 1.2, ``rationale``, ``objectives``, ``target``, ``_strategy``
for 1.6, ``_reports`` for the report table of section 2, ``_footer``), repeated page
headers left out and the text printed after a heading on its line kept as the first
line of its block. A section's number may be printed in Arabic or Thai digits
(``1.1`` or ``๑.๑``). A heading is matched as printed (:data:`SECTION_HEADINGS`) and,
after OCR, also with its number misread (:func:`_heading_number_misread`) or its
words misspelt (:func:`_heading_misspelt`), a damaged heading only one that comes
later in the form's order. Never raises.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bma_etl.layouts.base import Line, RepairedText
from bma_etl.layouts.legacy_labels import junk_label_cell, report_label
from bma_etl.layouts.wrapped import rest_of
from bma_etl.matchkey import (
    LINE_CACHE,
    fuzzy_search,
    key,
    literal_of,
    matches_key,
    search_key,
)
from bma_etl.normalize.digits import DIGIT

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
_SECTION_NO_RE = re.compile(rf"^\s*(?:[^\w\s]{{1,2}}\s*)?{DIGIT}{{1,2}}[.,]{DIGIT}{{1,2}}[.,]?\s")
_HEADING_RE = re.compile(rf"^\s*{DIGIT}{{1,2}}(?:\.{DIGIT}{{1,2}})?\.?\s+(?P<title>\S.*?)[\s.]*$")
#: The same from OCR: a speck read before the number (``. 2. รายงาน…``, ``' 1.3 …``)
#: or standing apart after it (``2. . รายงาน…``), and ``,`` read for its dot (``2, รายงาน…``).
_OCR_HEADING_RE = re.compile(
    rf"^\s*(?:[^\w\s]{{1,2}}\s*)?{DIGIT}{{1,2}}(?:[.,]{DIGIT}{{1,2}})?[.,]?\s+(?:[^\w\s]{{1,2}}\s+)?"
    r"(?P<title>\S.*?)[\s.]*$")
_PAGE_HEADER_RE = re.compile(r"^\s*\*+\s*แบบแสดงรายงานความก้าวหน้า.*\*+\s*$")
_FOOTER_RE = re.compile(r"^\s*(?:ขอรับรองว่า|ลงชื่อ|ตำแหน่ง\s*$)")


def _split_blocks(doc: RepairedText) -> dict[str, list[Line]]:
    """Group the document's lines under the numbered section that holds them.

    A heading whose number a print wrapped onto a line of its own (``2.`` /
    ``รายงานความก้าวหน้าของโครงการ…``, a large font) is the heading still.
    """
    blocks: dict[str, list[Line]] = {}
    current = "_preamble"
    rows = doc.rows()
    for i, line in enumerate(rows):
        if _PAGE_HEADER_RE.match(line.text):
            continue
        if _wrapped_number(rows, i, doc.ocr_used, current):
            continue  # the next line is its heading's title
        found = _heading_of(line.text, doc.ocr_used, current)
        if found is None and i and _NUMBER_ALONE_RE.match(rows[i - 1].text):
            number = rows[i - 1].text.strip() + " "
            whole = _heading_of(number + line.text, doc.ocr_used, current)
            if whole is not None:
                found = whole[0], max(whole[1] - len(number), 0)
        if found is None and doc.ocr_used:
            found = _heading_number_misread(line.text, current) \
                or _heading_misspelt(line.text, current)
        if found is not None:
            current, text_at = found
            rest = rest_of(line, text_at)  # the text printed after the heading
            if rest is not None:
                blocks.setdefault(current, []).append(rest)
            continue
        if found is None and doc.ocr_used and current in _BEFORE_REPORTS \
                and opens_report_table(line.text):
            current = "_reports"  # its heading OCR lost: the table's head or first row opens it
        if current == "_reports" and (_FOOTER_RE.match(line.text) or (
                doc.ocr_used and search_key(_FOOTER_RE.pattern, line.text))):
            current = "_footer"
        blocks.setdefault(current, []).append(line)
    return blocks


#: A line holding only a section's number (``2.``, ``1.3``): a heading's, wrapped.
_NUMBER_ALONE_RE = re.compile(rf"^\s*{DIGIT}{{1,2}}(?:\.{DIGIT}{{1,2}})?\.?\s*$")


def _wrapped_number(rows: list[Line], i: int, ocr: bool, current: str) -> bool:
    """Whether ``rows[i]`` is only a section number whose heading's title is the next line."""
    if i + 1 >= len(rows) or not _NUMBER_ALONE_RE.match(rows[i].text):
        return False
    return _heading_of(f"{rows[i].text.strip()} {rows[i + 1].text}", ocr, current) is not None


@lru_cache(maxsize=LINE_CACHE)
def _heading_of(text: str, ocr: bool = False, current: str = "_preamble"
                ) -> tuple[str, int] | None:
    """The block a numbered section heading opens, and where the text after it starts.

    The heading's words are matched as printed, then in key form (after OCR, a
    long title under a section number ``1.6`` too: ``1.6 สนับสนุ่นแผนพัฒนา กทม.
    ระยะ 20 ปี (ยุทธศาสตร์-…/ตัวชี้วัด)``, a mark misread). The text of
    the rationale, objectives or target may follow their heading on its line
    (a section number ``1.4`` then the heading's words): it starts after them;
    for any other heading the offset is ``len(text)``. ``current``: the block the
    line is read in (section 2 by its kind only where it can stand: :data:`_REPORTS_HEADING_RE`).
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
    if _REPORTS_HEADING_RE.match(text) and (
            current == "_strategy" or _REPORTS_WORDS_RE.match(text)):
        return "_reports", len(text)
    return None


#: Section 2 by its kind, whatever its wording (``2. รายงานผลการดำเนินงานและการเบิกจ่าย
#: งบประมาณ``, ``2. รายงานความก้าวหน้า…``): the form's second top-level section, a
#: report (``รายงาน…``). An objective or a target item numbered ``2.`` may open
#: ``รายงาน…`` too (``2. รายงานผลการดำเนินงานต่อผู้บริหารทุกไตรมาส``): the heading is
#: section 2 only where it can stand, after section 1.6 (``current`` ``_strategy``),
#: or by its words, a report of the work (``ผล``, ``ความก้าวหน้า``) and of the budget
#: (``งบประมาณ``) on its line (:data:`_REPORTS_WORDS_RE`).
_REPORTS_HEADING_RE = re.compile(r"^\s*[2๒]\.?\s+รายงาน\S")
_REPORTS_WORDS_RE = re.compile(r"^\s*[2๒]\.?\s+รายงาน\S*?(?:ผล|ความก้าวหน้า).*?งบประมาณ")


#: The blocks in the order the form prints their sections.
_BLOCK_ORDER = ("_preamble", "_section1", "rationale", "objectives", "target", "_strategy",
                "_reports", "_footer")
#: A heading whose number OCR read as letters or specks (``oe หลักการและเหตุผล`` for
#: ``1.3 หลักการและเหตุผล``, ``Tae เวส: รายงานความก้าวหน้า…`` for ``2. รายงาน…``): a
#: first token of no Thai letter and not a number (``20 ปี วัตถุประสงค์…`` is a wrapped
#: line), at most one more short one, then the title.
_MISREAD_NUMBER_RE = re.compile(
    r"^\s*(?![0-9๐-๙.,]+\s)[^\s\u0e01-\u0e4e]{1,4}\s+(?:\S{1,4}\s+)?"
    r"(?P<title>[\u0e01-\u0e4e].*?)[\s.|]*$")


def _heading_number_misread(text: str, current: str) -> tuple[str, int] | None:
    """A section heading whose number OCR misread (:data:`_MISREAD_NUMBER_RE`), or None.

    Its title must open as a section's does, and the section must come after
    ``current`` in the form's order (:data:`_BLOCK_ORDER`): a line of a value or
    narrative that happens to hold a heading's words never sends the reader back.
    Returns what :func:`_heading_of` does.
    """
    m = _MISREAD_NUMBER_RE.match(text)
    if m is None:
        return None
    title_at = m.start("title")
    after = _BLOCK_ORDER.index(current) if current in _BLOCK_ORDER else 0
    for block, words in _CONTENT_HEADINGS.items():
        joined = words.match(text, title_at)
        if joined and _BLOCK_ORDER.index(block) > after:
            return block, joined.end()
    # only a heading whose text follows it on its line is long (``Le วัตถุประสงศ์… 1. เพื่อ…``)
    long = len(text) > 160 or len(m.group("title")) > 80
    if not long:
        for pattern, block in SECTION_HEADINGS.items():
            if _BLOCK_ORDER.index(block) > after and (
                    re.match(pattern, m["title"]) or matches_key(pattern, m["title"])):
                return block, len(text)
    return _misspelt_title(text, title_at, after, long)


#: Thai letters enough for the text after a misspelt heading to be its section's own
#: (``1.5 เป้าหมายของโครงก Bi 5ต``: the rest is the heading's end misread, no text).
_REST_LETTERS = 4
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")


def _misspelt_title(text: str, title_at: int, after: int,
                    long: bool) -> tuple[str, int] | None:
    """A heading whose number OCR misread and whose words it misspelt too, or None.

    ``LS เป้าหมายของโครงก Bi 5ต`` for ``1.5 เป้าหมายของโครงการ..``: the words of a
    section after ``after`` (an index into :data:`_BLOCK_ORDER`) opening the title
    approximately (:func:`~bma_etl.matchkey.fuzzy_search`), as in
    :func:`_heading_misspelt`. What follows them is the section's text only when it
    holds Thai words (:data:`_REST_LETTERS`); else the heading's own end, misread.
    A ``long`` line can only be a heading whose section's text follows it.
    """
    for pattern, block in SECTION_HEADINGS.items():
        if _BLOCK_ORDER.index(block) <= after or (long and block not in _CONTENT_HEADINGS):
            continue
        found = fuzzy_search(literal_of(pattern), text[title_at:])
        if found is None or found[0] > _TITLE_SLACK:
            continue
        end = title_at + found[1]
        if block not in _CONTENT_HEADINGS or len(_THAI_LETTER.findall(text[end:])) \
                < _REST_LETTERS:
            return block, len(text)
        closed = (_OBJECTIVES_TAIL_RE if block == "objectives" else _HEADING_CLOSE_RE
                  ).match(text, end)
        return block, closed.end() if closed else end
    return None


#: How far into a misspelt heading's title its words may start (a speck OCR read first).
_TITLE_SLACK = 2
#: A section number as OCR may damage it past :data:`_OCR_HEADING_RE`: its dot read as
#: a digit (``122 หน่วยงานที่รับผิดชอบ`` for ``1.2 …``), or no space read before the
#: title (``1.3หลักการและเหตุผล``, ``2.รายงานความก้าวหน้า…``). Only a heading's words
#: opening the title make it one.
_OCR_NUMBER_RUN_RE = re.compile(
    rf"^\s*(?:[^\w\s]{{1,2}}\s*)?(?:[1-9๑-๙]{DIGIT}[1-9๑-๙]\s+|{DIGIT}{{1,2}}[.,](?:{DIGIT}{{1,2}}[.,]?)?(?=[ก-ฮ]))"
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


#: The blocks a report table whose heading OCR lost may follow: the sections after 1.2
#: (never sections 1.1/1.2, whose labels and values come first).
_BEFORE_REPORTS = frozenset({"rationale", "objectives", "target", "_strategy"})
#: The report table's head as printed (``ครั้งที่รายงาน | รายละเอียดการดำเนินงาน |
#: ผลการดำเนินงาน | การประเมิน``): its column titles.
_TABLE_HEAD_WORDS = ("ครั้งที่รายงาน", "รายละเอียดการดำเนินงาน", "ผลการดำเนินงาน", "การประเมิน")
#: A report row's date opening its entry (``:: 25/11/2563 :``), its label lost before it.
_ROW_DATE_RE = re.compile(
    r"^[\s|'\".,]*::\s*[0-9๐-๙]{1,2}\s*/\s*[0-9๐-๙]{1,2}\s*/\s*[0-9๐-๙]{4}\s*:")
#: A report row's entry from its progress on, its start lost (a faxed top bar hid it):
#: ``:: ความก้าวหน้าของงานฯ = 3.00 % : งบประมาณที่เบิกใช้ (ครั้งที่ 1) =``.
_ROW_VALUES_RE = re.compile(
    rf":{{1,2}}\s*ความก้าวหน้าของงาน\S*\s*=\s*{DIGIT}[0-9๐-๙.,]*\s*%.{{0,12}}?งบประมาณที่เบิกใช้")


def opens_report_table(text: str) -> bool:
    """Whether an OCR'd line is the report table's head or first row, its heading lost.

    Section 2's heading OCR may read past recognising (``ชื, วมงานตรามมำจาบั…`` for
    ``2. รายงานความก้าวหน้าของโครงการและการใช้จ่ายงบประมาณ``): the table is then found
    by what it holds. Its head: three of its four column titles in their order
    (:data:`_TABLE_HEAD_WORDS`, approximately), little else on the line. Its first
    row: a report's label with its number (``รายงานครั้งที่1 :: 25/11/2563 :``, as
    :func:`~bma_etl.layouts.legacy_labels.report_label` reads it), or a report's
    ``:: date :`` behind at most a short token of junk (the label lost), or a report's
    progress and money labels (:data:`_ROW_VALUES_RE`: its start hidden). A line of
    sections 1.3-1.6 holds none of these (their values are labels, narrative and lists).
    """
    head = text.lstrip("| \t")
    found = report_label(head, ocr=True)
    if found is not None and found[0] < found[1]:
        return True
    if _ROW_DATE_RE.match(head) or junk_label_cell(head) or _ROW_VALUES_RE.search(head):
        return True
    if len(text) > 400:
        return False
    at, titles = 0, 0
    for words in _TABLE_HEAD_WORDS:  # in the head's order, one after another
        found = search_key(words, text[at:]) or fuzzy_search(words, text[at:])
        if found is not None:
            at, titles = at + found[1], titles + 1
    return titles >= 3 and len(key(text)) <= 2 * len(key("".join(_TABLE_HEAD_WORDS)))


#: What OCR reads around a label alone on its line: specks, dots, spaces.
_ALONE_JUNK = "'\".,|!*…:; \t"


#: The labels that name the project (section 1.1), as printed before their ``:``.
_IDENTITY_LABEL_RE = re.compile(r"(รหัสโครงการ|ชื่อโครงการ\S*)[.\s]*:")


def no_identity(blocks: dict[str, list[Line]]) -> str:
    """Why the form gave neither รหัสโครงการ nor ชื่อโครงการ, and where they were looked for.

    Section 1.1's labels are read under its heading only; the reason says whether that
    heading was found (and the lines it spans) and names the first such label seen
    outside it, with its line, so that a person sees the heading to mend.
    """
    section = blocks.get("_section1", [])
    where = (f"section 1 (lines {section[0].no}-{section[-1].no}) holds neither" if section
             else "no heading of section 1 or 1.1 was found (its labels are read under it "
                  "only)")
    seen = next(((found.group(1), line.no) for name, lines in blocks.items()
                 if name != "_section1" for line in lines
                 if (found := _IDENTITY_LABEL_RE.search(line.text))), None)
    outside = f"; a '{seen[0]}' label stands outside it at line {seen[1]}" if seen else ""
    return f"legacy progress form without รหัสโครงการ or ชื่อโครงการ: {where}{outside}"

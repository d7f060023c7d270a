"""The annual action plan's header: title, fiscal year, agencies, vision, missions.

Stage: extract (a helper of :mod:`bma_etl.layouts.annual_action_plan`, not a layout).
Consumes the lines of a :class:`~bma_etl.layouts.base.RepairedText`; produces the
one ``plans`` raw row. The title and agencies are read from the cover and title
page; the vision is the paragraph under วิสัยทัศน์, the missions the numbered
items under พันธกิจ.
"""

from __future__ import annotations

import re
from itertools import pairwise

from bma_etl.layouts.base import (
    Line,
    Raw,
    RawRow,
    RepairedText,
)
from bma_etl.layouts.plan_agencies import read_agencies
from bma_etl.layouts.plan_budget_sections import SUMMARY_HEADING
from bma_etl.layouts.plan_cells import DIGIT, HEADING_MAX, ITEM_RE, blank_tags, is_text_line
from bma_etl.layouts.plan_flow_years import LETTER_YEAR
from bma_etl.layouts.plan_page_furniture import page_furniture
from bma_etl.layouts.plan_swot import _swot_kind
from bma_etl.layouts.plan_swot_headings import PART_OPENING_RE
from bma_etl.layouts.plan_values import to_int
from bma_etl.matchkey import key
from bma_etl.rows import join_lines

PLAN_WORDS = r"แผนปฏิบัติ\s*(?:การ|ราชการ)\s*ประจำปี(?:\s*งบประมาณ)?"
#: ``พ.ศ.``; its last point OCR may read as a comma (``พ.ศ, ๒๕๖๘``, a Ghostscript re-save).
_BE = r"(?:พ\s*\.\s*ศ\s*[.,]?)"
#: The same year in the Common Era after the Buddhist one (``พ.ศ. 2567 (ค.ศ. 2024)``):
#: part of the title, no agency.
_CE = rf"(?:\s*\(\s*ค\s*\.\s*ศ\s*\.?\s*{DIGIT}{{4}}\s*\))?"
#: ``แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๕`` on one line.
_TITLE_RE = re.compile(
    rf"^\s*(?P<title>{PLAN_WORDS}\s*{_BE}?\s*(?P<year>{DIGIT}{{4}}){_CE})"
    r"(?:\s+(?P<rest>\S.*?))?\s*$"
)
#: A year as OCR may read it: a digit too many (``พ.ศ. ๒๕๒๐๐``) or one lost
#: (``พ.ศ. ๒๕๒``), or a digit read as the letter it looks like (``พ.ศ. ๒๕ฒ๐`` for
#: ``๒๕๗๐``, 150 and 200 dpi scans: :data:`~.plan_flow_years.LETTER_YEAR`).
_OCR_YEAR = rf"(?:{DIGIT}{{3,6}}|{LETTER_YEAR})"
#: The title as OCR may read it: with such a year, which is no year (the fiscal year
#: is then left to the plan's other lines); the title and the agencies under it are
#: read still.
_OCR_TITLE_RE = re.compile(
    rf"^\s*(?P<title>{PLAN_WORDS}\s*{_BE}?\s*{_OCR_YEAR}{_CE})(?:\s+(?P<rest>\S.*?))?\s*$"
)
#: The cover's ``แผนปฏิบัติการ ประจำปี`` with the year on a line of its own.
_TITLE_START_RE = re.compile(rf"^\s*{PLAN_WORDS}\s*$")
_YEAR_LINE_RE = re.compile(rf"^\s*{_BE}?\s*(?P<year>{DIGIT}{{4}}){_CE}\s*$")
#: The same as OCR may read it (``พ.ศ. ๒๕๒9๕``, ``พ.ศ. ๒๕๒``, ``พ.ศ.๒๕ฒ๐``; พ.ศ. read as
#: a Latin word with its point, ``WA. ๒๕๒๐๐``): the title's, but no year.
_OCR_YEAR_LINE_RE = re.compile(rf"^\s*(?:{_BE}|[A-Za-z]{{2,3}}\.)?\s*{_OCR_YEAR}\s*$")
#: The cover's big Thai-digit year read by OCR's English model as a Latin word
#: (``พ.ศ. Wed`` for ``พ.ศ. ๒๕๖๗`` at 24 pt on a 200 dpi scan): the title is there, its
#: year is not; the title is not loaded (its year unread), the agencies under it are read.
_LATIN_YEAR_LINE_RE = re.compile(rf"^\s*{_BE}\s*[A-Za-z]{{2,6}}\s*$")
#: The plan's year as its own text states it (``จัดทำแผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๗``):
#: the fiscal year when the title's could not be read.
_YEAR_STATED_RE = re.compile(rf"{PLAN_WORDS}\s*{_BE}\s*(?P<year>{DIGIT}{{4}})(?!{DIGIT})")
#: Headings of the plan's narrative part (heading words → field). The text may follow
#: on the heading's line after ``:`` or in the next cell (a page number there is a
#: table of contents' line).
HEADINGS: dict[str, str] = {
    r"วิสัยทัศน์(?:\s*\(\s*Vision\s*\))?": "vision",
    r"พันธกิจ(?:\s*\(\s*Missions?\s*\))?": "missions",
}
_HEADING_RES = [
    (re.compile(rf"^\s*(?:{words})\s*(?:(?::|\t)\s*(?!{DIGIT}{{1,3}}\s*$)(?P<rest>\S.*?))?\s*$",
                re.IGNORECASE), name)
    for words, name in HEADINGS.items()
]

#: A heading alone on its line as OCR may misread it by a letter (``พฟันธกิจ``), in key
#: form: told on OCR'd pages only, a line of at most this many letters.
_MISREAD_HEADINGS = {key("พันธกิจ"): "missions", key("วิสัยทัศน์"): "vision"}
_MISREAD_HEADING_MAX = 12


def _misread_heading(text: str) -> str | None:
    """The field a one-word line names when it is a heading with one letter misread.

    >>> _misread_heading("พฟันธกิจ"), _misread_heading("พันธกิจ"), _misread_heading("พัฒนา")
    ('missions', 'missions', None)
    """
    word = text.strip()
    if not word or len(word) > _MISREAD_HEADING_MAX or any(c.isspace() for c in word):
        return None
    folded = key(word)
    return next((name for want, name in _MISREAD_HEADINGS.items()
                 if _one_edit(folded, want)), None)


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter added, lost or changed at most."""
    if abs(len(a) - len(b)) > 1:
        return False
    prefix = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                  min(len(a), len(b)))
    return a[prefix + (len(a) >= len(b)):] == b[prefix + (len(b) >= len(a)):]


#: Scanned for the title and the agency: the cover and title page.
_HEAD_LINES = 80


# ---------------------------------------------------------------------------
# plans
# ---------------------------------------------------------------------------


def untabbed(lines: list[Line], leading: bool = False) -> list[Line]:
    """``lines`` with the tabs cut off the end of a line that has one cell only.

    A paragraph of a PDF with ruled tables can come back with a tab after it, or
    before it (the reader's gap to a margin): it is a line of text, not a table
    row. ``leading``: cut tabs before the text as well (the plan's header, vision
    and missions, where a one-cell table row does not occur).
    """
    out = []
    for line in lines:
        if "\t" in line.text and (leading or not line.text.startswith("\t")):
            text = line.text.rstrip("\t \u00a0")
            lead = len(text) - len(text.lstrip("\t")) if leading else 0
            if "\t" not in text[lead:]:
                line = Line(line.no, line.start + lead, text[lead:])
        out.append(line)
    return out



def plan_row(doc: RepairedText, lines: list[Line]) -> RawRow:
    """Read title, fiscal year and agencies from the title page; vision and missions.

    A page's running header atop the first page (:func:`.page_furniture`) is passed
    over unless no other line holds the title.
    """
    row = RawRow("plans", None)
    head = [ln for ln in lines[:_HEAD_LINES] if is_text_line(ln)]
    # a running header atop the first page (``แผนปฏิบัติราชการ... (สำนักการโยธา)``) is no title
    running = page_furniture(lines, 0).running
    found = _read_title(doc, [ln for ln in head if ln.no not in running], row)
    if found is None:
        found = _read_title(doc, head, row)
    if found is not None:
        same_line, after = found
        following = [ln for ln in head if ln.no > after and ln.text.strip()]
        read_agencies(doc, [same_line, *following] if same_line else following, row, head)
        if "fiscal_year_be" not in row.fields and doc.ocr_used:
            _year_stated(doc, lines, row)
    for i, line in enumerate(lines):
        if all(name in row.fields for _, name in _HEADING_RES):
            break  # every heading read: only the first of each counts
        if not is_text_line(line):
            continue
        for regex, name in _HEADING_RES:
            m = regex.match(line.text)
            misread = doc.ocr_used and not m and _misread_heading(line.text) == name
            if not (m or misread) or name in row.fields:
                continue
            inline = doc.raw_match(m, "rest", base=line.start) if m and m.group("rest") else None
            if name == "vision":
                row.fields[name] = inline or _paragraph(doc, lines[i + 1:])
            else:
                row.fields[name] = [inline] if inline else _items(doc, lines[i + 1:])
    return row


def _read_title(doc: RepairedText, head: list[Line], row: RawRow
                ) -> tuple[Line | None, int] | None:
    """Set ``title`` and ``fiscal_year_be``.

    Returns what follows the title on its line (the agency, when printed there)
    and the number of the line the title ends on; None when there is no title.
    """
    for line in head:
        m = _TITLE_RE.match(line.text) or (
            _OCR_TITLE_RE.match(line.text) if doc.ocr_used else None)
        if m:
            row.fields["title"] = doc.raw_match(m, "title", base=line.start)
            if m.re is _TITLE_RE:
                row.fields["fiscal_year_be"] = doc.raw_match(m, "year", base=line.start)
            rest = None
            if m.group("rest"):
                rest = Line(line.no, line.start + m.start("rest"), m.group("rest"))
            return rest, line.no
    filled = [ln for ln in head if ln.text.strip()]
    for first, second in pairwise(filled):
        year = _YEAR_LINE_RE.match(second.text) or (
            _OCR_YEAR_LINE_RE.match(second.text) if doc.ocr_used else None)
        if _TITLE_START_RE.match(first.text) and year:
            title = [doc.raw(first.start, first.end), doc.raw(second.start, second.end)]
            row.fields["title"] = [p for p in title if p is not None]
            if year.re is _YEAR_LINE_RE:
                row.fields["fiscal_year_be"] = doc.raw_match(year, "year", base=second.start)
            return None, second.no
        if doc.ocr_used and _TITLE_START_RE.match(first.text) \
                and _LATIN_YEAR_LINE_RE.match(second.text):
            return None, second.no  # the year unread: no title, the agencies under it
    return None


def _year_stated(doc: RepairedText, lines: list[Line], row: RawRow) -> None:
    """Set ``fiscal_year_be`` from the plan's lines naming the plan and its year.

    For a scan whose title's year OCR could not read: the first line stating
    :data:`_YEAR_STATED_RE` (the foreword's ``จัดทำแผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๗``)
    when every such line states the same digits; none when they differ. A year read
    in Thai digits stays doubtful (:mod:`bma_etl.normalize.trust` loads it only when
    the same year is read again elsewhere).
    """
    found = [(line, m) for line in lines for m in _YEAR_STATED_RE.finditer(line.text)]
    if found and len({m.group("year") for _, m in found}) == 1:
        line, m = found[0]
        row.fields["fiscal_year_be"] = doc.raw_match(m, "year", base=line.start)



#: An item numbered in brackets (``(1) ให้บริการ…``) or set under a bullet (``- ให้บริการ…``,
#: no number): what other agencies print for :data:`~.plan_cells.ITEM_RE`'s ``1.``.
_OTHER_ITEM_RE = re.compile(
    rf"^\s*(?:\(\s*(?P<no>{DIGIT}{{1,2}})\s*\)|[-•–])\s*(?P<body>\S.*?)\s*$", re.S)
#: An item's number alone on its line (``๒.``): the page put its words on the next.
_NUMBER_ALONE_RE = re.compile(rf"^\s*(?P<no>{DIGIT}{{1,2}})\s*[.)]\s*$")


#: The SWOT analysis' own heading at a line's start: ``การวิเคราะห์สภาพแวดล้อมภายใน
#: และภายนอก (SWOT Analysis)``, ``SWOT Analysis``, ``๓. การวิเคราะห์สภาพแวดล้อม``.
_SWOT_TITLE_LINE_RE = re.compile(
    rf"^\s*(?:{DIGIT}{{1,2}}\s*[.)]\s*)?(?:(?:การ)?วิเคราะห์\s*สภาพแวดล้อม|\(?\s*SWOT\b)",
    re.IGNORECASE)


def is_swot_heading(text: str, ocr: bool = False) -> bool:
    """Whether a line is a heading of the SWOT analysis: its own, or one of a kind's.

    ``text``: one line. The analysis' heading starts the line (its words may wrap
    onto the next); a kind's heading is the whole line (``จุดแข็ง (Strength)``;
    ``ocr``: as an OCR'd page may misread it, see :mod:`.plan_swot`).

    >>> [is_swot_heading(t) for t in ("การวิเคราะห์สภาพแวดล้อมภายใน", "จุดแข็ง (Strength)",
    ...                                 "๒. ติดตามการวิเคราะห์ข้อมูล")]
    [True, True, False]
    """
    if len(text) > HEADING_MAX:
        return False
    return _SWOT_TITLE_LINE_RE.match(blank_tags(text)) is not None \
        or _swot_kind(text, ocr) is not None


def _is_heading(text: str, ocr: bool = False) -> bool:
    """Tell the vision's or the missions' heading, or one of the plan's parts after them.

    The SWOT analysis' headings, a part's (``ส่วนที่ ๒``) and the budget summary's
    (``สรุปโครงการและงบประมาณ...``, set right under the last mission when the plan
    has no analysis). A heading ends the paragraph or list above it whatever the
    reader made of the line before (a full line it took for wrapped, or an HTML
    heading set under a paragraph: :func:`_ends_short` cannot tell).
    """
    bare = blank_tags(text)
    return any(regex.match(text) for regex, _ in _HEADING_RES) or is_swot_heading(text, ocr) \
        or (ocr and _misread_heading(text) is not None) \
        or SUMMARY_HEADING.match(bare) is not None or PART_OPENING_RE.match(bare) is not None


def _ends_short(doc: RepairedText, line: Line, nxt: Line) -> bool:
    """Whether ``nxt`` cannot continue ``line``, the page having not wrapped it.

    Only a PDF's reader marks wrapped lines (:meth:`RepairedText.wraps_known`: a page
    it measured, even one where no line wrapped); a paragraph set right under a list
    or another paragraph, no blank line between, starts after a line not wrapped
    (a page's last line is never marked: a page break says nothing).
    """
    return doc.wraps_known(line.start) and line.no not in doc.wraps and "\t" not in line.text \
        and "\t" not in nxt.text and doc.index.page_of(line.start) == doc.index.page_of(nxt.start)


def _paragraph(doc: RepairedText, lines: list[Line]) -> Raw | list[Raw] | None:
    """Read the first paragraph after a heading: non-blank lines up to a blank one.

    It also ends at the next heading (``พันธกิจ``) and, in a PDF, after a line the
    page did not wrap (:func:`_ends_short`). A wide gap read as a tab is text.
    """
    parts: list[Raw] = []
    previous: Line | None = None
    for line in lines:
        if not is_text_line(line) or _is_heading(line.text, doc.ocr_used):
            break
        if not line.text.strip():
            if parts:
                break
            continue
        if previous is not None and _ends_short(doc, previous, line):
            break
        raw = doc.raw(line.start, line.end)
        if raw is not None:
            parts.append(raw)
            previous = line
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else parts


def _items(doc: RepairedText, lines: list[Line]) -> list[Raw] | None:
    """Read the items after a heading, each without its number or bullet.

    Items are numbered (``๑. ...``, ``(1) ...``) or bulleted (``- ...``; a bullet under a
    numbered item is more of it). A line without a number right under an item (no
    blank line between) continues it; a line without a number after a blank line is
    the next heading, and so is, in a PDF, one under a line the page did not wrap
    (:func:`_ends_short`). A number alone on its line (``๒.``) numbers the line that
    follows; a number that is no higher than the one before starts another list,
    which ends this one (on an OCR'd page, not a ``2`` after the first item: its
    number was misread).
    """
    items: list[list[Line]] = []
    blank_before = False
    bare = False  # a number alone on the line before
    last_no: int | None = None
    previous: Line | None = None
    for line in lines:
        if not is_text_line(line) or _is_heading(line.text, doc.ocr_used):
            break
        if not line.text.strip():
            blank_before = True
            continue
        text = blank_tags(line.text)
        alone = _NUMBER_ALONE_RE.match(text)
        m = None if alone else (ITEM_RE.match(text) or _OTHER_ITEM_RE.match(text))
        if m is not None and not m.group("no") and last_no is not None:
            m = None  # a bullet under a numbered item: more of it, no item of its own
        numbered = alone or (m if m is not None and m.group("no") else None)
        if numbered is not None:
            number = to_int(numbered.group("no"))
            # the numbers start over: another list; but item 2 after one item whose number
            # OCR misread (``9.`` for ``๑.``) goes on with it
            if last_no is not None and number is not None and number <= last_no \
                    and not (doc.ocr_used and number == 2 and len(items) == 1):
                break
            last_no = number
        if alone:
            bare = True
        elif bare:
            items.append([line])
            bare = False
        elif m:
            items.append([Line(line.no, line.start + m.start("body"), line.text[m.start("body"):])])
        elif items and not blank_before and not (
                previous is not None and _ends_short(doc, previous, line)):
            items[-1].append(line)
        elif _numbered_on(doc, lines[lines.index(line) + 1:], last_no):
            return None  # the next number under an unnumbered line: the list out of order
        else:
            break
        blank_before = False
        previous = line
    found = [r for r in (_item_raw(doc, item) for item in items) if r is not None]
    return found or None


def _numbered_on(doc: RepairedText, lines: list[Line], last_no: int | None) -> bool:
    """Whether the list numbered up to ``last_no`` goes on in the next two text lines.

    A text dumped in reading order (poppler's ``pdftotext`` without ``-layout``)
    may write an item's number alone, the item's last wrapped line, then its first
    (``๑.`` / ``ปัจจุบัน`` / ``จัดทำและปรับปรุง…ให้เป็น`` / ``๒. พัฒนา…``): read as it
    stands, the list was one item, the wrap's rest (a wrong value).
    """
    if last_no is None:
        return False
    for line in [ln for ln in lines if ln.text.strip()][:2]:
        text = blank_tags(line.text)
        m = _NUMBER_ALONE_RE.match(text) or ITEM_RE.match(text)
        if m is not None and m.group("no") and to_int(m.group("no")) == last_no + 1:
            return True
    return False


def _item_raw(doc: RepairedText, lines: list[Line]) -> Raw | None:
    """One item's lines as one value, its line breaks kept.

    A page's furniture between two of its lines (left out of ``lines``) stays out.
    """
    if all(b.no == a.no + 1 for a, b in pairwise(lines)):
        return doc.raw(lines[0].start, lines[-1].end)
    joined = join_lines(lines, lambda _a, _b: "\n")
    return doc.raw_in(joined, 0, len(joined.text))

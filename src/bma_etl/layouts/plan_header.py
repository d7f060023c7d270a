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
from bma_etl.layouts.plan_cells import (
    DIGIT,
    ITEM_RE,
)

PLAN_WORDS = r"แผนปฏิบัติ\s*(?:การ|ราชการ)\s*ประจำปี(?:\s*งบประมาณ)?"
_BE = r"(?:พ\s*\.\s*ศ\s*\.?)"
#: ``แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๕`` on one line.
_TITLE_RE = re.compile(
    rf"^\s*(?P<title>{PLAN_WORDS}\s*{_BE}?\s*(?P<year>{DIGIT}{{4}}))(?:\s+(?P<rest>\S.*?))?\s*$"
)
#: The same as OCR may read it: a year with a digit too many (``พ.ศ. ๒๕๒๐๐``), which is
#: no year (the fiscal year is then left to the plan's other lines).
_OCR_TITLE_RE = re.compile(
    rf"^\s*(?P<title>{PLAN_WORDS}\s*{_BE}?\s*{DIGIT}{{4,6}})(?:\s+(?P<rest>\S.*?))?\s*$"
)
#: The cover's ``แผนปฏิบัติการ ประจำปี`` with the year on a line of its own.
_TITLE_START_RE = re.compile(rf"^\s*{PLAN_WORDS}\s*$")
_YEAR_LINE_RE = re.compile(rf"^\s*{_BE}?\s*(?P<year>{DIGIT}{{4}})\s*$")
#: Words an organisation's name starts with (agency and parent agency lines).
_ORG_RE = re.compile(
    r"(?:สำนัก|กอง|ส่วน|ฝ่าย|กลุ่ม|ศูนย์|สถาบัน|โรงพยาบาล|สถานี|กรุงเทพมหานคร|เขต|วิทยาลัย)"
)
#: Headings of the plan's narrative part (heading words → field).
HEADINGS: dict[str, str] = {
    r"วิสัยทัศน์(?:\s*\(\s*Vision\s*\))?": "vision",
    r"พันธกิจ(?:\s*\(\s*Missions?\s*\))?": "missions",
}
_HEADING_RES = [
    (re.compile(rf"^\s*(?:{words})\s*(?::\s*(?P<rest>\S.*?))?\s*$", re.IGNORECASE), name)
    for words, name in HEADINGS.items()
]

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
    """Read title, fiscal year and agencies from the title page; vision and missions."""
    row = RawRow("plans", None)
    head = [ln for ln in lines[:_HEAD_LINES] if "\t" not in ln.text]
    found = _read_title(doc, head, row)
    if found is not None:
        same_line, after = found
        following = [ln for ln in head if ln.no > after and ln.text.strip()]
        _read_agencies(doc, [same_line, *following] if same_line else following, row)
    for i, line in enumerate(lines):
        if all(name in row.fields for _, name in _HEADING_RES):
            break  # every heading read: only the first of each counts
        if "\t" in line.text:
            continue
        for regex, name in _HEADING_RES:
            m = regex.match(line.text)
            if not m or name in row.fields:
                continue
            inline = doc.raw_match(m, "rest", base=line.start) if m.group("rest") else None
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
        year = _YEAR_LINE_RE.match(second.text)
        if _TITLE_START_RE.match(first.text) and year:
            title = [doc.raw(first.start, first.end), doc.raw(second.start, second.end)]
            row.fields["title"] = [p for p in title if p is not None]
            row.fields["fiscal_year_be"] = doc.raw_match(year, "year", base=second.start)
            return None, second.no
    return None


def _read_agencies(doc: RepairedText, following: list[Line], row: RawRow) -> None:
    """``agency parent`` on one line after the title, or on two lines one under the other."""
    if not following or not _ORG_RE.match(following[0].text.strip()):
        return
    line = following[0]
    text = line.text
    # The parent is the last organisation name on the line: split before it.
    for m in reversed(list(re.finditer(r"\s+", text.strip()))):
        cut = len(text) - len(text.lstrip()) + m.end()
        before = text[: cut - len(m.group(0))]
        if _ORG_RE.match(text[cut:]) and before.strip():
            row.fields["agency"] = doc.raw(line.start, line.start + len(before))
            row.fields["parent_agency"] = doc.raw(line.start + cut, line.end)
            return
    row.fields["agency"] = doc.raw(line.start, line.end)
    if len(following) > 1:
        nxt = following[1]
        if _ORG_RE.match(nxt.text.strip()) and len(nxt.text.strip()) <= 60:
            row.fields["parent_agency"] = doc.raw(nxt.start, nxt.end)


def _paragraph(doc: RepairedText, lines: list[Line]) -> Raw | list[Raw] | None:
    """Read the first paragraph after a heading: non-blank lines up to a blank one."""
    parts: list[Raw] = []
    for line in lines:
        if "\t" in line.text:
            break
        if not line.text.strip():
            if parts:
                break
            continue
        raw = doc.raw(line.start, line.end)
        if raw is not None:
            parts.append(raw)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else parts


def _items(doc: RepairedText, lines: list[Line]) -> list[Raw] | None:
    """Read the numbered items (``๑. ...``) after a heading, each without its number.

    A line without a number right under an item (no blank line between) continues
    it; a line without a number after a blank line is the next heading.
    """
    spans: list[tuple[int, int]] = []
    blank_before = False
    for line in lines:
        if "\t" in line.text:
            break
        if not line.text.strip():
            blank_before = True
            continue
        m = ITEM_RE.match(line.text)
        if m:
            spans.append((line.start + m.start("body"), line.end))
        elif spans and not blank_before:
            spans[-1] = (spans[-1][0], line.end)
        else:
            break
        blank_before = False
    raws = [doc.raw(a, b) for a, b in spans]
    found = [r for r in raws if r is not None]
    return found or None

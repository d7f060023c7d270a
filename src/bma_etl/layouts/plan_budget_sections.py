"""The sections of an action plan's budget summary, as their headings name them.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_budget`, not a layout).
Consumes the heading lines above one budget table of the summary
(สรุปโครงการและงบประมาณ...); tells which section they name (``strategic``,
``key``, ``routine``: :func:`section_of`) and whether a line is such a heading
(:func:`is_heading`). Section words are matched in key form (OCR loses marks) and,
the longer ones, approximately (OCR misread a letter: ``ตามการกิจ``).
"""

from __future__ import annotations

import re

from bma_etl.layouts.base import Line
from bma_etl.layouts.plan_cells import CONTINUED_RE, DIGITS_RE, HEADING_MAX
from bma_etl.matchkey import KeyRegex, fuzzy_search, key
from bma_etl.rows import separator

__all__ = ["SECTION_PHRASES", "SECTION_WORDS", "SUMMARY_HEADING", "is_continued", "is_heading",
           "is_split_heading", "misread_summary", "section_of", "summary_headings"]

#: The budget summary's heading (สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการ...).
SUMMARY_HEADING = re.compile(r"^\s*สรุป.{0,60}งบประมาณ")
#: Heading words naming a summary table's section, checked in this order
#: (the strategic heading also says ประจำปี, so routine needs พื้นฐาน or งานประจำ;
#: it may say โครงการตามแผนปฏิบัติราชการประจำปี without ยุทธศาสตร์).
SECTION_WORDS: tuple[tuple[str, str], ...] = (
    (r"พื้นฐาน|งานประจำ|โครงการประจำ(?!ปี\s*(?:งบประมาณ\s*)?พ)", "routine"),
    (r"สำคัญ|ตามภารกิจ", "key"),
    (r"ยุทธศาสตร์|โครงการตามแผนปฏิบัติราชการ", "strategic"),
)
#: Matched in key form too: OCR loses marks (``พื้นฐาน`` as ``พืนฐาน``).
_SECTION_RES = [(KeyRegex(p), s) for p, s in SECTION_WORDS]
#: Section words long enough to be told when OCR misread a letter of them
#: (``ตามการกิจ``): matched approximately (:func:`~bma_etl.matchkey.fuzzy_search`).
SECTION_PHRASES: tuple[tuple[str, str], ...] = (
    ("ตามภารกิจ", "key"),
    ("ยุทธศาสตร์", "strategic"),
    ("งานประจำพื้นฐาน", "routine"),
    # บัญชีรายการ/โครงการประจำปีพื้นฐาน with ฐ read ช (200 dpi scans: พื้นชาน)
    ("โครงการประจำปีพื้นฐาน", "routine"),
)


def section_of(headings: list[Line]) -> tuple[str, Line] | None:
    """Find the section of a summary table: the nearest heading above that names one.

    A heading whose section words OCR misread by a letter (``ตามการกิจ``) still names
    it (:data:`SECTION_PHRASES`, matched approximately).
    """
    for line in reversed(headings):
        text = _cells_joined(line.text) if is_split_heading(line.text) else line.text
        for regex, section in _SECTION_RES:
            if regex.search(text):
                return section, line
        if SUMMARY_HEADING.match(line.text):
            return None
        misread = _misread_section(text)
        if misread is not None:
            return misread, line
    return None


def is_continued(text: str) -> bool:
    """Whether a heading says its table goes on from the page before (``... (ต่อ)``).

    A multi-page plan repeats a section's heading over the rest of its table with
    this mark; the mark ends the heading, in brackets or set off by a space (a word
    ending in ต่อ, ``รายงานต่อ``, is no mark).

    >>> [is_continued(t) for t in ("บัญชีรายการ/โครงการประจำปีพื้นฐาน (ต่อ)",
    ...     "โครงการสำคัญ (ต่อจากหน้า ๗)", "โครงการยุทธศาสตร์ ต่อ", "รายงานต่อ", "โครงการ")]
    [True, True, True, False, False]
    """
    return len(text) <= HEADING_MAX and CONTINUED_RE.search(" ".join(text.split())) is not None


def _misread_section(text: str) -> str | None:
    """The section a heading's words name with a letter OCR misread (:data:`SECTION_PHRASES`).

    The words matched are as long as the phrase, less a letter at most: the end of
    a word a line wrapped (``กองยุทธ`` / ``ศาสตร์ฯ``, a unit's name) names none.

    >>> _misread_section("โครงการอัาศีกตามการกิจฟองชำทัาหกรัตก์:"), _misread_section("ศาสตร์ฯ")
    ('key', None)
    """
    if len(text) > HEADING_MAX:
        return None
    for phrase, section in SECTION_PHRASES:
        found = fuzzy_search(phrase, text)
        if found is not None and len(key(text[found[0]:found[1]])) >= len(key(phrase)) - 1:
            return section
    return None


def is_heading(text: str, ocr: bool = True) -> bool:
    """Tell a heading that ends a plain budget table: a section's or the summary's.

    A heading's words with a letter misread count only from OCR (``ocr``): a text
    layer's letters are as written, and a unit's name a wrap cut (``กองยุ`` /
    ``ทธศาสตร์ฯ``) is no ``ยุทธศาสตร์`` heading.
    """
    return len(text) <= HEADING_MAX and not DIGITS_RE.match(text) and (
        SUMMARY_HEADING.match(text) is not None
        or any(regex.search(text) for regex, _ in _SECTION_RES)
        or (ocr and _misread_section(text) is not None))


#: A cell no heading holds: an amount, or the words saying a project uses no budget.
_AMOUNT_CELL_RE = re.compile(r"[0-9๐-๙.,\s\-]+(?:บาท)?|.*ไม่ใช้\s*งบ.*")
#: A row's responsible unit, its last cell (``กองยุทธศาสตร์และประเมินผล``, ``ฝ่ายโยธา``): a
#: project's row (``โครงการจัดทำแผนยุทธศาสตร์<tab>กองยุทธศาสตร์``), never a heading's tail.
_UNIT_CELL_RE = re.compile(r"(?:กอง|ฝ่าย|สำนัก|ส่วน|กลุ่ม|ศูนย์|สถานี|โรงเรียน|โรงพยาบาล)")
#: Words of a budget table's header row, which names a section too
#: (``ชื่อโครงการยุทธศาสตร์``), in key form.
_HEADER_KEYS = (key("ลำดับ"), key("ชื่อโครงการ"))


def _cells_joined(text: str) -> str:
    """A tab line's filled cells as one text, joined as a wrap is (:func:`.separator`)."""
    joined = ""
    for cell in (c.strip() for c in text.split("\t")):
        if cell:
            joined += separator(joined, cell) + cell if joined else cell
    return joined


def is_split_heading(text: str, ocr: bool = True) -> bool:
    r"""Whether a tab line is a section's or the summary's heading a column rule cut into cells.

    A heading set over a ruled grid (a spreadsheet's text running across empty
    cells, their borders drawn through it) is read cell by cell, the cut falling
    anywhere, even inside a word (``โครงการสํ<tab><tab>าคัญตามภารกิจของ...``). Its
    cells joined are the heading (:func:`is_heading`); a table's row starts with
    its number cell or an empty one, holds an amount, or is the table's header
    (``ลำดับที่<tab>ชื่อโครงการยุทธศาสตร์``), or ends in its unit.

    >>> is_split_heading("โครงการสํ\t\tาคัญตามภารกิจของสำนักการระบายน้ำ\t\t")
    True
    >>> is_split_heading("ลำดับที่\tชื่อโครงการยุทธศาสตร์\tงบประมาณ\tส่วนราชการ")
    False
    >>> is_split_heading("\tโครงการพัฒนายุทธศาสตร์\t5,000,000.- บาท\tกองยุทธศาสตร์")
    False
    >>> is_split_heading("โครงการสำคัญเร่งด่วน\tฝ่ายโยธา")  # a row, its amount on another line
    False
    """
    if "\t" not in text or not text[:1].strip():
        return False
    cells = [c.strip() for c in text.split("\t") if c.strip()]
    if len(cells) < 2 or any(_AMOUNT_CELL_RE.fullmatch(c) for c in cells) \
            or _UNIT_CELL_RE.match(cells[-1]):
        return False
    joined = _cells_joined(text)
    keyed = key(joined)
    return not any(word in keyed for word in _HEADER_KEYS) and is_heading(joined, ocr)


#: Words of a budget table's header (ลำดับที่ | ชื่อโครงการ... | งบประมาณ | ...), in key form.
_TABLE_HEADER_WORDS = (key("ลำดับ"), key("งบประมาณ"))


def misread_summary(lines: list[Line]) -> int | None:
    """The line of a summary heading that no pattern matches, or is not there; or None.

    OCR may garble the whole heading (``ครูปโครงพรงแตยลาประมาก...``), and a plan typed
    in a spreadsheet may leave its row out, the section headings naming its tables
    being enough. The summary
    then still shows as its first section heading (a line naming the strategic,
    key or routine section, :func:`section_of`) with a budget table's header
    (``ลำดับ``, ``งบประมาณ``) within the two lines under it; the line above that
    section heading stands for the summary's heading.
    """
    for i in range(1, len(lines) - 1):
        line = lines[i]
        if len(line.text) > HEADING_MAX or section_of([line]) is None:
            continue
        under = [key(ln.text) for ln in lines[i + 1:i + 3]]
        if any(all(word in text for word in _TABLE_HEADER_WORDS) for text in under):
            return i - 1
    return None


#: Lines under a header's number cell its budget cell stands within, a cell a line.
STACKED_HEADER_SPAN = 8


def stacked_header(lines: list[Line], after: int) -> int | None:
    r"""The line number of a budget table's header read a cell a line, after line ``after``.

    A PDF's text dumped in reading order (poppler's ``pdftotext`` without
    ``-layout``) writes a table cell by cell, a wrapped cell's rest after the row's
    other cells or after the table: a line holding only the number column's heading
    (``ลำดับ ที่``) and, within :data:`STACKED_HEADER_SPAN` lines, one holding only
    the budget column's (``งบประมาณ``). None when there is none.

    >>> from bma_etl.document import RepairedText
    >>> doc = RepairedText.of("สรุปโครงการ\nลำดับ ที่\n\nชื่อโครงการ\n\nงบประมาณ\n๑")
    >>> stacked_header(list(doc.lines()), 1), stacked_header(list(doc.lines()), 3)
    (2, None)
    """
    lines = [ln for ln in lines if ln.no > after and ln.text.strip()]
    for i, line in enumerate(lines):
        if key(line.text) not in (key("ลำดับ"), key("ลำดับที่")):
            continue
        if any(key(ln.text) == key("งบประมาณ") for ln in lines[i + 1:i + STACKED_HEADER_SPAN]):
            return line.no
    return None


def _heading_text(line: Line) -> str:
    """A line's words (a wide gap comes back as a tab, even inside a heading)."""
    return " ".join(line.text.split()) if "\t" in line.text else line.text


def summary_headings(lines: list[Line]) -> list[tuple[int, int]]:
    """Where the summary heading may be: ``(index of its first line, of the line after)``.

    A heading the page wrapped (``สรุปโครงการและ`` / ``งบประมาณที่...``) is found
    across its two lines; one OCR garbled whole, or left out, by the section and table
    header under it (:func:`.plan_budget_sections.misread_summary`).
    """
    out: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        if "สรุป" not in line.text or len(line.text) > HEADING_MAX:
            continue
        text = _heading_text(line)
        if SUMMARY_HEADING.match(text):
            out.append((i, i + 1))
        elif i + 1 < len(lines) and text.strip().startswith("สรุป"):
            after = _heading_text(lines[i + 1]).strip()
            if after and SUMMARY_HEADING.match(text.strip() + after):
                out.append((i, i + 2))
    if not out and (garbled := misread_summary(lines)) is not None:
        out.append((garbled, garbled + 1))
    return out

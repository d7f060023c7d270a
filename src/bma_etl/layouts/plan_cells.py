"""Cells and rows of the annual action plan's tab tables.

Stage: extract (a helper of :mod:`bma_etl.layouts.annual_action_plan`, not a layout).
Consumes tab lines of a :class:`~bma_etl.layouts.base.RepairedText`; gives
:class:`Row` (a tab line's cells with their ``plain`` and ``squashed`` forms),
:class:`Cell` (one cell and its offset in the document) and the helpers every plan
reader shares to tell its lines apart: the plan's number patterns, column lookup
by header words, lines of text against table rows, calendar and total rows.
Values are read from the cells by :mod:`bma_etl.layouts.plan_values`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from bma_etl.layouts.base import Finding, Line
from bma_etl.matchkey import LINE_CACHE, key, key_pattern
from bma_etl.normalize.digits import DIGIT
from bma_etl.normalize.ocr_points import SPACE_GROUPS, SPACED_POINT_GROUP
from bma_etl.normalize.unit_words import UNIT_WORD

#: One digit, and a run of digits (compiled once: the readers use them on every row).
DIGIT_RE = re.compile(DIGIT)
DIGITS_RE = re.compile(f"{DIGIT}+")
#: An HTML tag (``<p>``, ``<u>``, ``<ol ...>``) inside a line; no tag reaches a value.
TAG_RE = re.compile(r"<[^<>\n]*>")
#: ``๑. text`` / ``1) text`` at the start of a cell; ``๕.๑ text`` (an outline number) is not.
ITEM_RE = re.compile(rf"^\s*(?P<no>{DIGIT}{{1,2}})\s*[.)](?!{DIGIT})\s*(?P<body>\S.*?)\s*$", re.S)
#: An amount as printed: ``๑,๕๐๐,๐๐๐`` (the ``.- บาท`` after it is not part of the value),
#: with all its decimals (``2.7270`` in a column in millions: never cut to ``2.72``) and
#: the unit word after it, which scales it (``13.8149 ล้านบาท``); a whole amount's dash
#: after three decimals stays with them (``459.500.-``: OCR read its comma as a point),
#: and so does a last group after a point OCR set a space beside (``12,191 .500``,
#: ``61 .500.00``: :data:`~bma_etl.normalize.ocr_points.SPACED_POINT_GROUP`; never
#: ``12,191`` or ``61`` alone); thousands groups set apart by spaces are read whole
#: (``12 450 000``, a French decimal comma after them: ``1 212 450,50``); so are groups
#: after two points or more, OCR's reading of the commas (``4.529.800.50``: never ``4.529``,
#: :func:`~bma_etl.normalize.digits.parse_amount` reads them).
AMOUNT_RE = re.compile(
    rf"(?:{DIGIT}{{1,3}}(?:\.{DIGIT}{{3}}){{2,}}(?:\.{DIGIT}{{2}})?(?![0-9๐-๙])"
    rf"|{DIGIT}{{1,3}}{SPACE_GROUPS}(?![,.]{DIGIT}{{3}})(?:,{DIGIT}{{2}}(?!{DIGIT}))?"
    rf"|{DIGIT}{{1,3}}(?:,{DIGIT}{{3}})*{SPACED_POINT_GROUP}|{DIGIT}{{1,3}}(?:,{DIGIT}{{3}})+"
    rf"|{DIGIT}+)(?:\.{DIGIT}+(?:\.-)?)?"
    rf"(?:\s*{UNIT_WORD})?"
)
NUMBER_RE = re.compile(rf"{DIGIT}+(?:\.{DIGIT}+)?")
_YEAR_RE = re.compile(rf"^(?:พ\s*\.\s*ศ\s*\.?\s*)?(?P<year>[๒2][๔-๖4-6]{DIGIT}{{2}})$")
_MONTH_RE = re.compile(r"^(?:ต\.ค|พ\.ย|ธ\.ค|ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย)\.?$")
_ARROWS_RE = re.compile(r"^[←→↔\-\s]+$")
PAGE_NUMBER_RE = re.compile(rf"^\s*(?:[-–]\s*)?(?:หน้า\s*)?{DIGIT}{{1,3}}(?:\s*[-–])?\s*$")
#: A section's statement that it lists nothing, in place of its rows: ``- ไม่มีโครงการในหมวดนี้ -``,
#: ``(ไม่มีรายการ)``, ``- ไม่มี -`` (a Word table's row merged over every column).
NO_ITEMS_RE = re.compile(
    r"^\s*(?:[-\u2013\u2014]\s*)?\(?\s*ไม่มี(?:โครงการ|รายการ|กิจกรรม)[^\t]{0,40}?"
    r"\s*\)?(?:\s*[-\u2013\u2014])?\s*$|^\s*(?:[-\u2013\u2014]\s*ไม่มี\s*[-\u2013\u2014]|\(\s*ไม่มี\s*\))\s*$")
#: ``ขั้นตอนที่ ๑ text`` (the number needs no point after the word ขั้นตอนที่).
STEP_RE = re.compile(rf"^\s*ขั้นตอนที่\s*(?P<no>{DIGIT}{{1,2}})\s*[.):]?\s*(?P<body>\S.*?)\s*$", re.S)

#: Longer lines are paragraphs, not headings (SWOT and summary headings).
HEADING_MAX = 160
#: A heading's mark that its table goes on from the page before: ``(ต่อ)``, ``(ต่อจากหน้า ๗)``,
#: ``(ต่อหน้า ๘)``, or ``ต่อ`` alone after a space, ending the heading
#: (set off by a space: a word ending in ต่อ, ``รายงานต่อ``, is no mark).
CONTINUED_RE = re.compile(r"(?:\(\s*ต่อ[^()]{0,40}\)|(?:^|\s)ต่อ)\s*[:.]?\s*$")


#: A Thai letter, vowel or mark (not a Thai digit).
_THAI_LETTER_RE = re.compile("[\u0e01-\u0e4e]")
#: Fewer Thai letters than this on a line of no word OCR read sure: junk (:func:`few_letters`).
_JUNK_LETTERS = 3


def few_letters(text: str) -> bool:
    """Whether ``text`` is not blank but has fewer than three Thai letters.

    On an OCR'd page that is what Tesseract makes of a band it could not read (a
    row drowned in noise comes back as lines of ``ee Cee «= a``, ``รี e``, ``4 5``)
    or of a page number (``Sadie``). Numbers alone have no letters either: the
    caller tells when a line can no longer be a row's number (its row is whole).
    """
    stripped = text.strip()
    return bool(stripped) and len(_THAI_LETTER_RE.findall(stripped)) < _JUNK_LETTERS


#: Most characters (white space aside) of a page number OCR misread at a page's foot.
_PAGE_NUMBER_MISREAD_MAX = 4
#: A row's number alone (``๓``, ``๗.``): a row the page turned, no page number.
_ROW_NUMBER_ALONE_RE = re.compile(r"^[0-9๐-๙]{1,2}[.)]?$")


def misread_page_number(text: str) -> bool:
    """Whether a line is what OCR made of a page number: a digit among letters or signs.

    ``- 1 -`` small and centred at a page's foot read as ``ซี๊๓``, ``เว6`` or ``ay ๑``:
    four characters at most (white space aside), a digit among them, no row's number
    alone. The caller tells it stands at a page's foot.

    >>> [misread_page_number(t) for t in ("ซี๊๓", "เว6", "ay ๑", "๓", "๗.", "ส่วน", "ร้อยละ ๙๐")]
    [True, True, True, False, False, False, False]
    """
    squashed = "".join(text.split())
    return 0 < len(squashed) <= _PAGE_NUMBER_MISREAD_MAX \
        and re.search("[0-9๐-๙]", squashed) is not None \
        and _ROW_NUMBER_ALONE_RE.match(squashed) is None


# ---------------------------------------------------------------------------
# Cells, rows, blocks
# ---------------------------------------------------------------------------


class Cell(NamedTuple):
    """One tab-separated cell: its offset in the document and its text as printed.

    ``plain`` is the cell's words without tags, spaces collapsed, and ``squashed``
    the same without any space (:func:`squash`): both for matching only.
    """

    start: int
    text: str
    plain: str
    squashed: str


@dataclass(frozen=True, slots=True)
class Row:
    """A table line: the texts of its cells and their ``plain`` and ``squashed`` forms.

    The forms are worked out once, when the row is made (:func:`row_of`), as the
    readers match on them many times over; a :class:`Cell` is made only when asked
    for (:meth:`cell`), since a plan has thousands of cells, most of them empty
    columns of a schedule that no reader looks into.
    """

    line: Line
    texts: tuple[str, ...]
    plains: tuple[str, ...]
    squashed: tuple[str, ...]

    @property
    def cells(self) -> tuple[Cell, ...]:
        """Every cell of the row (made on each call: :meth:`cell` is cheaper for one)."""
        cells: list[Cell] = []
        start = self.line.start
        for text, plain, squashed in zip(self.texts, self.plains, self.squashed, strict=True):
            cells.append(Cell(start, text, plain, squashed))
            start += len(text) + 1
        return tuple(cells)

    def plain(self, col: int | None) -> str:
        """Plain text of column ``col`` ('' when the row has no such column)."""
        if col is None or col >= len(self.texts):
            return ""
        return self.plains[col]

    def cell(self, col: int | None) -> Cell | None:
        """Column ``col`` of the row, if the row has it."""
        if col is None or col >= len(self.texts):
            return None
        start = self.line.start + sum(map(len, self.texts[:col])) + col
        return Cell(start, self.texts[col], self.plains[col], self.squashed[col])

    def filled(self) -> list[str]:
        """Plain texts of the non-empty cells."""
        return list(filter(None, self.plains))


class CellForms:
    """The ``plain`` and ``squashed`` forms of the cell texts met so far in a document.

    Tables repeat their cell texts (empty cells, arrows, repeated headers): each
    text's forms are worked out once.

    >>> forms = CellForms()
    >>> forms.add(["<p>ลำดับ  ที่</p>"])
    >>> forms.plain["<p>ลำดับ  ที่</p>"], forms.squashed["<p>ลำดับ  ที่</p>"]
    ('ลำดับ ที่', 'ลำดับที่')
    """

    __slots__ = ("plain", "squashed")

    def __init__(self) -> None:
        """Start with no text met."""
        self.plain: dict[str, str] = {}
        self.squashed: dict[str, str] = {}

    def add(self, texts: Iterable[str]) -> None:
        """Work out the forms of the texts not met yet."""
        for text in texts:
            if text not in self.plain:
                plain = " ".join((TAG_RE.sub(" ", text) if "<" in text else text).split())
                self.plain[text] = plain
                self.squashed[text] = plain.replace(" ", "")


def row_of(line: Line, forms: CellForms | None = None) -> Row:
    """Split a tab line into cells.

    ``forms`` holds the forms of the cell texts already met in the same document.
    """
    forms = CellForms() if forms is None else forms
    texts = tuple(line.text.split("\t"))
    forms.add(texts)
    return Row(line, texts, tuple(map(forms.plain.__getitem__, texts)),
               tuple(map(forms.squashed.__getitem__, texts)))


def squash(text: str) -> str:
    """Text without tags or white space, for matching words split by the PDF.

    >>> squash("<p>ลำดับ ที่</p>")
    'ลำดับที่'
    """
    return "".join(TAG_RE.sub("", text).split())


#: Most filled cells of a line of text whose wide gaps the reader took for tabs (a
#: justified line, a number set at a tab stop); a line of more is a table row.
_GAP_CELLS_MAX = 3


def is_text_line(line: Line) -> bool:
    """Tell a line of text, its wide gaps read as tabs, from a table row.

    Justified and distributed lines (every gap of a short line spread wide) come
    back with tabs, even two in a row; a table row has more cells, or starts with
    an empty one. A heading and its text in two cells of one row are a line of text,
    and so is a short line spread letter by letter (distributed alignment: every
    cell one to four Thai letters or signs, ``ป<tab>ร<tab>ะ<tab>เ<tab>ท<tab>ศ<tab>”``).
    """
    return "\t" not in line.text or _is_text(line.text)


@lru_cache(maxsize=LINE_CACHE)
def _is_text(text: str) -> bool:
    """:func:`is_text_line` for a line of tabs, kept per text (a plan's readers ask it often)."""
    filled = [c for c in text.split("\t") if c.strip()]
    return not text.startswith("\t") and (
        len(filled) <= _GAP_CELLS_MAX or all(_SPREAD_CELL_RE.fullmatch(c) for c in filled))


#: A cell of a line spread letter by letter: one to four Thai letters, vowels and
#: marks (``ป`` ``ะ`` ``ข็ง``), or a quote or bracket that closes or opens the text.
_SPREAD_CELL_RE = re.compile(r"\s*[\u0e01-\u0e4e]{1,4}\s*|\s*[”“\"()]\s*")


def blank_tags(text: str) -> str:
    """``text`` with every tag replaced by spaces (offsets kept, for matching)."""
    if "<" not in text:  # no tag: most cells and lines
        return text
    return TAG_RE.sub(lambda m: " " * len(m.group(0)), text)


def find_col(header: Row, *patterns: str, skip: tuple[int | None, ...] = ()) -> int | None:
    r"""First column whose squashed header text matches one of ``patterns`` (in order).

    A pattern is matched as printed, then in key form (:func:`~bma_etl.matchkey.key`):
    an OCR'd header loses marks (``ตัวชีวัด``, ``คะแนนทีได้รับ``).

    >>> find_col(row_of(Line(1, 0, "ลำดับที\tตัวชีวัด\tค่าเป้าหมาย")), "ตัวชี้วัด")
    1
    """
    for pattern in patterns:
        for i, squashed in enumerate(header.squashed):
            if i not in skip and re.search(pattern, squashed):
                return i
        compiled = key_pattern(pattern)
        for i, squashed in enumerate(header.squashed):
            if i not in skip and compiled is not None and compiled.search(key(squashed)):
                return i
    return None


def is_year(text: str) -> re.Match[str] | None:
    """``๒๕๖๓`` or ``พ.ศ. ๒๕๖๕`` as a whole cell (spaces a PDF set between digits ignored)."""
    return _YEAR_RE.match("".join(text.split()))


#: A piece of a month abbreviation a narrow column cut, or whose mark the page
#: set in the next cell (``ม`` beside ``ี.ค.``): letters, marks and points.
_MONTH_PIECE_RE = re.compile(
    r"^[.\u0e31-\u0e3a\u0e47-\u0e4e]*(?:[\u0e40-\u0e44]?[ก-ฮ][.\u0e31-\u0e3a\u0e47-\u0e4e]*){1,3}$")
#: Least months a row with pieces of months must show whole.
_CALENDAR_MONTHS_MIN = 2


def is_calendar_row(row: Row) -> bool:
    r"""Tell a header row of years, month abbreviations or arrows only (Gantt columns).

    White space a narrow cell's wrapping set inside an abbreviation (``ต .ค.``) is
    ignored; pieces of months (:data:`_MONTH_PIECE_RE`) may stand among
    :data:`_CALENDAR_MONTHS_MIN` whole months or more. A cell of years set apart by
    white space (``2561 2562``: a flowing print's tab stop the reader took for a
    space, two columns in one cell) is years too.

    >>> is_calendar_row(row_of(Line(1, 0, "\t\tต .ค.\tพ.ย.\tก .พ. ี.ค.\tม")))
    True
    >>> is_calendar_row(row_of(Line(1, 0, "\t2559\t2560\t2561 2562")))
    True
    >>> is_calendar_row(row_of(Line(1, 0, "รอง\tและ")))
    False
    """
    cells = row.filled()
    filled = ["".join(t.split()) for t in cells]
    if not filled:
        return False
    months = sum(1 for t in filled if _MONTH_RE.match(t))
    return all(is_year(t) or _MONTH_RE.match(t) or _ARROWS_RE.match(t) or (
        months >= _CALENDAR_MONTHS_MIN and _MONTH_PIECE_RE.match(t))
        or all(is_year(word) for word in cell.split()) for t, cell in zip(filled, cells,
                                                                         strict=True))


def unplaced(table: str, row: Row, what: str) -> Finding:
    """Make the ``unparsed_line`` finding for a table line no field could take."""
    text = " | ".join(row.filled())
    if len(text) > 80:
        text = text[:77] + "..."
    return Finding(table, None, None, "warning", "unparsed_line",
                   f"line {row.line.no}: {what}: {text}")


#: (``รวมทั้งสิ้น``, ``รวมทั้งหมด``: a total; ``รวมทั้งวิเคราะห์``, "as well as": words).
#: Signs a speck made may stand before it, apart (``~~ รวม ๓,๘๕๓,๖๐๐.- บาท`` on a scan); a
#: column rule may cut its label short (``รวมงบป<tab>ระมาณทั้งสิ้น``).
_TOTAL_RE = re.compile(
    r"(?:[^\w\s]{1,3}\s+)?รวม(?:$|งบ|เงิน|ทั้ง(?:ส[ิี]|หมด|(?![ก-ฮ]))|\s|[0-9๐-๙])")
#: The same in key form (:func:`~bma_etl.matchkey.key`: marks and spaces dropped), for a
#: label OCR read with marks that are not there (``รุวมุงบประมาณทั้งสิ้น``: a cell rule's
#: ticks read as SARA U).
_TOTAL_KEY_RE = re.compile(r"[^\w\s]{0,3}รวม(?:$|งบ|เงน|ทง(?:ส|หมด|(?![ก-ฮ]))|[0-9๐-๙])")


def is_total(text: str) -> bool:
    """Tell a total row's label: ``รวม``, ``รวมงบประมาณทั้งสิ้น``, ``รวม ๕ ขั้นตอน ...``.

    >>> is_total("รวม ๕ ขั้นตอน คิดเป็นร้อยละ"), is_total("รวมพลังชุมชน")
    (True, False)
    >>> is_total("รวมทั้งสิ้น"), is_total("รวมทั้งวิเคราะห์อุปสรรค")
    (True, False)
    >>> is_total("~~ รวม ๓,๘๕๓,๖๐๐.- บาท"), is_total("- รวมพลังชุมชน"), is_total("รวมงบป")
    (True, False, True)
    >>> is_total("รุวมุงบประมาณทั้งสิ้น"), is_total("รุวมพลังชุมชน")
    (True, False)
    """
    text = text.strip()
    return _TOTAL_RE.match(text) is not None or _TOTAL_KEY_RE.match(key(text)) is not None




#: Fewest column letters that make a spreadsheet's printed column headings.
_SHEET_LETTERS_MIN = 3


@lru_cache(maxsize=LINE_CACHE)
def is_sheet_letters(text: str) -> bool:
    r"""Whether a tab line is a spreadsheet's printed column headings (``A``, ``B``, ``C``...).

    A sheet printed with its row and column headings puts a row of the column
    letters over each table (and a blank cell over the row numbers): no row of the
    plan's table, nor its header.

    >>> is_sheet_letters("\tA\tB\tC\tD\tE\tF"), is_sheet_letters("A\tB\tC")
    (True, True)
    >>> is_sheet_letters("\tA\tC\tD"), is_sheet_letters("ก\tข\tค"), is_sheet_letters("A\tB")
    (False, False, False)
    """
    cells = [c.strip() for c in text.split("\t") if c.strip()]
    return len(cells) >= _SHEET_LETTERS_MIN and all(
        c == chr(ord("A") + k) for k, c in enumerate(cells))

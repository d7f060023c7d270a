"""Tab tables of the annual action plan: cells, blocks, tables and three table readers.

Stage: extract (a helper of :mod:`bma_etl.layouts.annual_action_plan`, not a layout;
the budget summary reader lives there, the step schedule reader in
:mod:`bma_etl.layouts.plan_steps`). Consumes a
:class:`~bma_etl.layouts.base.RepairedText`; produces raw rows for
``plan_indicators``, ``plan_scoring_levels`` and ``plan_kpi_definitions``.

The PDF conversion left each table as tab-separated lines. A table that runs onto
the next page comes back as a second *block* (after a blank line) that repeats the
header rows; a cell continued onto the next page comes back as a row whose
numbering cell is empty. Cells may carry HTML tags (``<p>``, ``<u>``, ``<ol ...>``):
values are cut into pieces around them, so no tag reaches a value.

Which reader a block goes to is decided by its header cells, never by its position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from bma_etl.errors import NormalizeError
from bma_etl.layouts.base import Derived, FieldValue, Finding, Line, Raw, RawRow, RepairedText
from bma_etl.normalize.digits import parse_amount, parse_int
from bma_etl.normalize.text import clean_text
from bma_etl.rows import join_lines

DIGIT = "[0-9๐-๙]"
#: One digit, and a run of digits (compiled once: the readers use them on every row).
DIGIT_RE = re.compile(DIGIT)
DIGITS_RE = re.compile(f"{DIGIT}+")
_TAG_RE = re.compile(r"<[^<>\n]*>")
#: Inline markup, which breaks no line: ``<u>นิยาม</u> การ...`` reads ``นิยาม การ...``.
_INLINE_TAG_RE = re.compile(r"</?(?:u|b|i|em|strong|span|font|sup|sub|small)\b[^<>\n]*>",
                            re.IGNORECASE)
#: ``๑. text`` / ``1) text`` at the start of a cell; ``๕.๑ text`` (an outline number) is not.
ITEM_RE = re.compile(rf"^\s*(?P<no>{DIGIT}{{1,2}})\s*[.)](?!{DIGIT})\s*(?P<body>\S.*?)\s*$", re.S)
#: An amount as printed: ``๑,๕๐๐,๐๐๐`` (the ``.- บาท`` after it is not part of the value).
AMOUNT_RE = re.compile(
    rf"{DIGIT}{{1,3}}(?:,{DIGIT}{{3}})+(?:\.{DIGIT}{{1,2}})?|{DIGIT}+(?:\.{DIGIT}{{1,2}})?"
)
NUMBER_RE = re.compile(rf"{DIGIT}+(?:\.{DIGIT}+)?")
_YEAR_RE = re.compile(rf"^(?:พ\s*\.\s*ศ\s*\.?\s*)?(?P<year>[๒2][๔-๖4-6]{DIGIT}{{2}})$")
_MONTH_RE = re.compile(r"^(?:ต\.ค|พ\.ย|ธ\.ค|ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย)\.?$")
_ARROWS_RE = re.compile(r"^[←→↔\-\s]+$")
PAGE_NUMBER_RE = re.compile(rf"^\s*(?:[-–]\s*)?(?:หน้า\s*)?{DIGIT}{{1,3}}(?:\s*[-–])?\s*$")
#: ``ขั้นตอนที่ ๑ text`` (the number needs no point after the word ขั้นตอนที่).
STEP_RE = re.compile(rf"^\s*ขั้นตอนที่\s*(?P<no>{DIGIT}{{1,2}})\s*[.):]?\s*(?P<body>\S.*?)\s*$", re.S)


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
                plain = " ".join((_TAG_RE.sub(" ", text) if "<" in text else text).split())
                self.plain[text] = plain
                self.squashed[text] = plain.replace(" ", "")


@dataclass(slots=True)
class Block:
    """Consecutive tab lines, with the non-table lines (headings) that came before."""

    rows: list[Row]
    headings: list[Line]


@dataclass(slots=True)
class Table:
    """One logical table: a block and the blocks that continue it on later pages."""

    kind: str
    rows: list[Row]
    headings: list[Line]
    first_line: int


def row_of(line: Line, forms: CellForms | None = None) -> Row:
    """Split a tab line into cells.

    ``forms`` holds the forms of the cell texts already met in the same document.
    """
    forms = CellForms() if forms is None else forms
    texts = tuple(line.text.split("\t"))
    forms.add(texts)
    return Row(line, texts, tuple(map(forms.plain.__getitem__, texts)),
               tuple(map(forms.squashed.__getitem__, texts)))


def blocks_of(doc: RepairedText, lines: Iterable[Line] | None = None) -> list[Block]:
    """Every run of tab lines in ``doc``, each with the heading lines before it.

    ``lines`` are ``doc.lines()`` when the caller already has them. A page number
    on a line of its own (``- ๑๒ -``) is not a heading: it must not cut a table
    that runs over a page.
    """
    out: list[Block] = []
    headings: list[Line] = []
    current: Block | None = None
    forms = CellForms()
    for line in doc.lines() if lines is None else lines:
        if "\t" in line.text:
            if current is None:
                row = row_of(line, forms)
                fragments = _header_fragments(headings, line, row)
                if fragments:
                    headings = headings[:-len(fragments)]
                    row = _with_first_cell(row, " ".join(f.text.strip() for f in fragments),
                                           forms)
                current = Block([row], headings)
                out.append(current)
                headings = []
                continue
            current.rows.append(row_of(line, forms))
            continue
        current = None
        if line.text.strip() and not PAGE_NUMBER_RE.match(line.text):
            headings.append(line)
    return out


#: A header cell of a narrow first column wraps into short lines above its row.
_FRAGMENT_MAX = 12


def _header_fragments(headings: list[Line], line: Line, row: Row) -> list[Line]:
    """The short lines right above a table's first row that are its empty first cell.

    ``ลำดับ`` / ``ที่`` printed on two lines of their own above the header row
    ``<tab>ชื่อโครงการ<tab>งบประมาณ``: a narrow column's header cell, wrapped.
    """
    if row.plains[0] or len(row.texts) < 3:
        return []
    out: list[Line] = []
    expected = line.no - 1
    for heading in reversed(headings):
        if heading.no != expected or len(heading.text.strip()) > _FRAGMENT_MAX:
            break
        out.insert(0, heading)
        expected -= 1
    return out if len(out) <= 3 else []


def _with_first_cell(row: Row, text: str, forms: CellForms) -> Row:
    """``row`` with its (empty) first cell read as ``text`` (a header row only)."""
    forms.add([text])
    return Row(row.line, (text, *row.texts[1:]), (forms.plain[text], *row.plains[1:]),
               (forms.squashed[text], *row.squashed[1:]))


def squash(text: str) -> str:
    """Text without tags or white space, for matching words split by the PDF.

    >>> squash("<p>ลำดับ ที่</p>")
    'ลำดับที่'
    """
    return "".join(_TAG_RE.sub("", text).split())


def blank_tags(text: str) -> str:
    """``text`` with every tag replaced by spaces (offsets kept, for matching)."""
    if "<" not in text:  # no tag: most cells and lines
        return text
    return _TAG_RE.sub(lambda m: " " * len(m.group(0)), text)


def pieces(doc: RepairedText, start: int, end: int) -> list[Raw]:
    """Raw pieces of ``text[start:end]`` cut around HTML tags, blank pieces dropped."""
    text = doc.text[start:end]
    if "<" not in text:  # no tag: one piece at most
        raw = doc.raw(start, end)
        return [] if raw is None else [raw]
    out: list[Raw] = []
    pos = 0
    for m in _TAG_RE.finditer(text):
        raw = doc.raw(start + pos, start + m.start())
        if raw is not None:
            out.append(raw)
        pos = m.end()
    raw = doc.raw(start + pos, end)
    if raw is not None:
        out.append(raw)
    return out


def segments(doc: RepairedText, start: int, end: int) -> list[Raw]:
    """Raw pieces of ``text[start:end]`` cut at block tags only (``<p>``, ``<ul ...>``).

    Inline tags (``<u>``, ``<b>``...) stay inside a segment; :func:`text_value`
    turns segments into a field value.
    """
    text = doc.text[start:end]
    if "<" not in text:  # no tag: one segment at most
        raw = doc.raw(start, end)
        return [] if raw is None else [raw]
    out: list[Raw] = []
    pos = 0
    for m in _TAG_RE.finditer(text):
        if not _INLINE_TAG_RE.fullmatch(m.group()):
            _add_segment(doc, text, start, pos, m.start(), out)
            pos = m.end()
    _add_segment(doc, text, start, pos, len(text), out)
    return out


def _add_segment(doc: RepairedText, text: str, start: int, a: int, b: int, out: list[Raw]
                 ) -> None:
    """Append the raw of ``text[a:b]`` (``text`` is at offset ``start``) unless blank."""
    if not text[a:b].strip():  # between two tags, often
        return
    raw = doc.raw(start + a, start + b)
    if raw is not None and ("<" not in raw.text or _TAG_RE.sub("", raw.text).strip()):
        out.append(raw)


def cell_segments(doc: RepairedText, cell: Cell | None) -> list[Raw]:
    """Segments of a whole cell."""
    return [] if cell is None else segments(doc, cell.start, cell.start + len(cell.text))


def text_value(doc: RepairedText, parts: FieldValue) -> FieldValue:
    """The value of a text field read as segments, one line of text per segment.

    A segment without inline tags inside it is read as it stands (a tag at its
    edge is cut off). One with an inline tag between words cannot be one exact
    slice of the text without the tag: the field is then given as derived, the
    segments with their tags removed, and its evidence spans them all.
    """
    if not isinstance(parts, list):
        parts = [parts] if isinstance(parts, Raw) else []
    # A part without a tag is its own one piece.
    cut = [pieces(doc, p.span.char_start, p.span.char_end) if "<" in p.text else [p]
           for p in parts]
    if all(len(c) <= 1 for c in cut):
        return value([c[0] for c in cut if c])
    lines = (clean_text(_TAG_RE.sub("", p.text)) for p in parts)
    said = doc.raw(parts[0].span.char_start, parts[-1].span.char_end)
    return Derived("\n".join(t for t in lines if t),
                   "read without its inline tags (<u>, <b>...), which break no line",
                   said.span if said else None)


def value(parts: list[Raw]) -> Raw | list[Raw] | None:
    """One piece as a Raw, several as a list, none as None."""
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else list(parts)


def cell_pieces(doc: RepairedText, cell: Cell | None) -> list[Raw]:
    """Raw pieces of a whole cell."""
    if cell is None:
        return []
    return pieces(doc, cell.start, cell.start + len(cell.text))


def first_match(doc: RepairedText, regex: re.Pattern[str], cell: Cell | None) -> Raw | None:
    """Raw of the first match of ``regex`` in ``cell`` (outside tags)."""
    if cell is None:
        return None
    if "<" not in cell.text:  # no tag to be inside of
        m = regex.search(cell.text)
        return None if m is None else doc.raw(cell.start + m.start(), cell.start + m.end())
    tags = [t.span() for t in _TAG_RE.finditer(cell.text)]
    for m in regex.finditer(cell.text):
        inside_tag = any(a <= m.start() < b for a, b in tags)
        if not inside_tag:
            return doc.raw(cell.start + m.start(), cell.start + m.end())
    return None


def put_budget(fields: dict[str, FieldValue], amounts: list[Decimal], no_budget: bool,
               said: Raw | None) -> bool:
    """An item's ``budget_thb`` and ``uses_budget`` from what its budget cell says.

    ``no_budget``: the cell says ไม่ใช้งบประมาณ (``said`` is those words); else
    ``said`` is the amount, whose value joins ``amounts`` (for the section's
    computed total). False when the cell said neither.
    """
    if no_budget:
        fields["uses_budget"] = Derived(False, "the plan states ไม่ใช้งบประมาณ",
                                        said.span if said else None)
        return True
    if said is None:
        return False
    fields["budget_thb"] = said
    fields["uses_budget"] = Derived(True, "a budget amount is stated", said.span)
    number = to_decimal(said.text)
    if number is not None:
        amounts.append(number)
    return True


def find_col(header: Row, *patterns: str, skip: tuple[int | None, ...] = ()) -> int | None:
    """First column whose squashed header text matches one of ``patterns`` (in order)."""
    for pattern in patterns:
        for i, squashed in enumerate(header.squashed):
            if i not in skip and re.search(pattern, squashed):
                return i
    return None


def is_year(text: str) -> re.Match[str] | None:
    """``๒๕๖๓`` or ``พ.ศ. ๒๕๖๕`` as a whole cell (spaces a PDF set between digits ignored)."""
    return _YEAR_RE.match("".join(text.split()))


def is_calendar_row(row: Row) -> bool:
    """Tell a header row of years, month abbreviations or arrows only (Gantt columns)."""
    filled = row.filled()
    return bool(filled) and all(
        is_year(t) or _MONTH_RE.match(t) or _ARROWS_RE.match(t) for t in filled
    )


# ---------------------------------------------------------------------------
# Classifying and merging blocks into tables
# ---------------------------------------------------------------------------


#: Every kind's header has one of these words (checked first: it is cheap).
_HEADER_WORDS = ("ขั้นตอน", "ระดับ", "นิยาม", "คำอธิบาย", "ลำดับ", "ตัวชี้วัด")


def kind_of(header: Row, next_row: Row | None) -> str | None:
    """Which reader a block with this first row belongs to (None: not read)."""
    cells = header.squashed
    joined = "|".join(cells)
    for word in _HEADER_WORDS:
        if word in joined:
            break
    else:  # a data row: most rows
        return None
    rest = "|".join(cells[1:])
    if cells[0].startswith("ขั้นตอน") and "ร้อยละ" in rest and not STEP_RE.match(cells[0]):
        return "steps"
    if cells[0].startswith("ระดับ") and "คะแนน" in rest:
        return "scoring"
    if is_kpi_header(cells):
        return "kpi"
    if "ลำดับ" in joined and "งบประมาณ" in joined:
        return "budget"
    if "ตัวชี้วัด" in joined:
        years = [p for p in header.plains if is_year(p)]
        if not years and next_row is not None:
            years = [p for p in next_row.plains if is_year(p)]
        if years:
            return "targets"
    return None


#: Longer header cells are data: a definition cell may well say นิยาม and ตัวชี้วัด.
_HEADER_CELL_MAX = 60


def is_kpi_header(cells: Sequence[str]) -> bool:
    """Tell the header of an indicator definition table from its squashed cells.

    A ``นิยาม/คำอธิบายตัวชี้วัด`` column beside a ``ตัวชี้วัด...`` one, every cell short.

    >>> is_kpi_header(["มาตรการ", "ตัวชี้วัดมาตรการ", "นิยาม/คำอธิบายตัวชี้วัด", "โครงการ/กิจกรรม"])
    True
    >>> is_kpi_header(["ลำดับที่", "ตัวชี้วัด", "เป้าหมาย", "หน่วยงานที่รับผิดชอบ"])
    False
    """
    definition = [i for i, c in enumerate(cells) if c.startswith(("นิยาม", "คำอธิบาย"))]
    if not definition or any(len(c) > _HEADER_CELL_MAX for c in cells):
        return False
    return any(
        c.startswith("ตัวชี้วัด") for i, c in enumerate(cells) if i not in definition)


#: Heading lines that start a new table of a kind even when no other line intervenes.
CONTEXT_HEADINGS: dict[str, re.Pattern[str]] = {
    "steps": re.compile(r"^\s*ชื่อ\s*(?:โครงการ|ตัวชี้วัด)"),
    "scoring": re.compile(r"เกณฑ์การให้คะแนน"),
}


#: Most lines a table's header row is printed on.
_MAX_HEADER_LINES = 4


def _with_header_joined(rows: list[Row]) -> list[Row]:
    """``rows`` with a header printed over several lines made one row, cell by cell.

    ``ลำดับที่`` on one line, ``ชื่อโครงการ / งบประมาณ / ส่วนราชการ`` on the next and
    ``ที่รับผิดชอบ`` under the last: a PDF whose header cells wrap at different
    heights. Joined only when the first line alone is no known header and the
    joined one is (a header's cells are words; a data row is not taken in).
    """
    if not rows or kind_of(rows[0], rows[1] if len(rows) > 1 else None) is not None:
        return rows
    forms = CellForms()
    for count in range(2, min(_MAX_HEADER_LINES, len(rows)) + 1):
        if any(DIGIT_RE.search(t) for t in rows[count - 1].plains):
            break  # a data row: the header is not below it
        width = max(len(r.texts) for r in rows[:count])
        texts = tuple(" ".join(r.texts[i].strip() for r in rows[:count]
                               if i < len(r.texts) and r.texts[i].strip()) for i in range(width))
        forms.add(texts)
        header = Row(rows[0].line, texts, tuple(map(forms.plain.__getitem__, texts)),
                     tuple(map(forms.squashed.__getitem__, texts)))
        if kind_of(header, rows[count] if count < len(rows) else None) is not None:
            return [header, *rows[count:]]
    return rows


def _kind(rows: list[Row]) -> str | None:
    """The kind of a block whose first rows are ``rows``."""
    return kind_of(rows[0], rows[1] if len(rows) > 1 else None)


def _in_margin(rows: list[Row]) -> bool:
    """Whether every row of a block starts with an empty cell (a ruled table's left margin).

    A PDF reader may read the gap between the page's text margin and a ruled
    table's left rule as a cell of its own: the whole table is then shifted one
    column to the right.
    """
    return all(len(r.texts) > 2 and not r.texts[0].strip() for r in rows)


def _without_margin(rows: list[Row]) -> list[Row]:
    """``rows`` without their first (empty) cell."""
    out = []
    for r in rows:
        cut = len(r.texts[0]) + 1
        line = r.line
        out.append(Row(Line(line.no, line.at(cut), line.text[cut:]) if not line.pieces
                       else line, r.texts[1:], r.plains[1:], r.squashed[1:]))
    return out


def _split_at_headers(blocks: list[Block]) -> list[Block]:
    """``blocks`` cut before every row that is the header of another kind of table.

    Two tables printed with no line between them (a scoring table right under a
    definition table, as a PDF may give them) come back as one run of rows.
    """
    out: list[Block] = []
    for block in blocks:
        rows = block.rows
        first = _kind(_without_margin(rows[:2])) if _in_margin(rows[:2]) else _kind(rows[:2])
        start = 0
        for k in range(1, len(rows)):
            pair = rows[k:k + 2]
            kind = _kind(_without_margin(pair)) if _in_margin(pair) else _kind(pair)
            if kind is not None and kind != first:
                out.append(Block(rows[start:k], block.headings if start == 0 else []))
                start, first = k, kind
        out.append(Block(rows[start:], block.headings if start == 0 else []))
    return out


def tables_of(blocks: list[Block]) -> list[Table]:
    """Join blocks into tables, each classified by its header (``other``: no reader).

    A block continues the table before it when no heading line comes between them
    that opens a new table: any heading at all for a block without a header of its
    own and for budget and target tables; for step and scoring tables, whose
    header is repeated on every page, only a ``ชื่อโครงการ``/``ชื่อตัวชี้วัด`` or
    ``เกณฑ์การให้คะแนน`` line (so a page header between pages is harmless).
    """
    out: list[Table] = []
    previous: Table | None = None
    margin = False  # the table before had an empty margin column, dropped
    for block in _split_at_headers(blocks):
        rows = _with_header_joined(block.rows)
        kind = kind_of(rows[0], rows[1] if len(rows) > 1 else None)
        if _in_margin(rows) and ((margin and previous is not None and kind is None) or (
                kind is None and _kind(_without_margin(rows[:2])) is not None)):
            rows = _with_header_joined(_without_margin(rows))
            kind = kind_of(rows[0], rows[1] if len(rows) > 1 else None)
            margin = kind is not None or margin
        elif kind is not None:
            margin = False
        if previous is not None and (kind is None or kind == previous.kind):
            pattern = CONTEXT_HEADINGS.get(previous.kind)
            if kind is None or pattern is None:
                opens = bool(block.headings)
            else:
                opens = any(pattern.search(h.text) for h in block.headings)
            if not opens:
                previous.rows.extend(rows)
                previous.headings.extend(block.headings)
                continue
        previous = Table(kind or "other", list(rows), list(block.headings), rows[0].line.no)
        out.append(previous)
    return out


def unplaced(table: str, row: Row, what: str) -> Finding:
    """Make the ``unparsed_line`` finding for a table line no field could take."""
    text = " | ".join(row.filled())
    if len(text) > 80:
        text = text[:77] + "..."
    return Finding(table, None, None, "warning", "unparsed_line",
                   f"line {row.line.no}: {what}: {text}")


_TOTAL_RE = re.compile(r"รวม(?:$|งบประมาณ|เงิน|ทั้ง|\s|[0-9๐-๙])")


def is_total(text: str) -> bool:
    """Tell a total row's label: ``รวม``, ``รวมงบประมาณทั้งสิ้น``, ``รวม ๕ ขั้นตอน ...``.

    >>> is_total("รวม ๕ ขั้นตอน คิดเป็นร้อยละ"), is_total("รวมพลังชุมชน")
    (True, False)
    """
    return _TOTAL_RE.match(text.strip()) is not None


def joined(current: FieldValue, extra: list[Raw]) -> Raw | list[Raw] | None:
    """Join the pieces of a text field continued on another row, in order."""
    parts: list[Raw] = []
    if isinstance(current, Raw):
        parts.append(current)
    elif isinstance(current, list):
        parts.extend(current)
    parts.extend(extra)
    return value(parts)


@dataclass(slots=True)
class BudgetTable:
    """What one budget table states: its item rows (ordinal None) and its total."""

    items: list[RawRow] = field(default_factory=list)
    amounts: list[Decimal] = field(default_factory=list)
    stated_total: Raw | None = None


def to_decimal(text: str) -> Decimal | None:
    """Read the number in ``text`` as the normalize stage will (None if unreadable)."""
    try:
        return parse_amount(text)
    except NormalizeError:
        return None


def to_int(text: str) -> int | None:
    """Read a whole number as the normalize stage will (None if unreadable)."""
    try:
        return parse_int(text)
    except NormalizeError:
        return None


# ---------------------------------------------------------------------------
# Indicator targets per year (plan_indicators)
# ---------------------------------------------------------------------------

_YEAR_IN_CELL_RE = re.compile(rf"[๒2][๔-๖4-6]{DIGIT}{{2}}")


def read_target_table(doc: RepairedText, table: Table, findings: list[Finding]) -> list[RawRow]:
    """Read one row per indicator per year column (``name``, ``year_be``, ``target_text``)."""
    header = table.rows[0]
    name_col = find_col(header, "ตัวชี้วัด")
    seq_col = find_col(header, "ลำดับ", skip=(name_col,))
    years: dict[int, FieldValue] = {}
    for row in table.rows[:2]:
        for i, cell in enumerate(row.cells):
            found = is_year(cell.plain) if i != name_col else None
            if found is None:
                continue
            year: FieldValue = first_match(doc, _YEAR_IN_CELL_RE, cell)
            if year is None:  # ``๒๕ ๕๘``: the PDF set a gap between its digits
                said = doc.raw(cell.start, cell.start + len(cell.text))
                number = to_int(found.group("year"))
                year = None if number is None else Derived(
                    number, "a year whose digits the PDF set apart", said.span if said else None)
            if year is not None:
                years.setdefault(i, year)
    header_words = [squash(t) for t in header.filled()]
    indicators: list[tuple[FieldValue, dict[int, FieldValue]]] = []
    for row in table.rows:
        repeat = [squash(t) for t in row.filled()] == header_words
        if not row.filled() or is_calendar_row(row) or repeat:
            continue
        name = cell_pieces(doc, row.cell(name_col))
        targets: dict[int, FieldValue] = {i: value(cell_pieces(doc, row.cell(i))) for i in years}
        stated = {i: v for i, v in targets.items() if isinstance(v, Raw | list)}
        if indicators and not row.plain(seq_col) and (not name or not stated):
            last_name, last_targets = indicators[-1]
            if name:
                indicators[-1] = (joined(last_name, name), last_targets)
            for i, v in stated.items():
                extra = v if isinstance(v, list) else [v]
                last_targets[i] = joined(last_targets.get(i), extra)
            continue
        if not name:
            findings.append(unplaced("plan_indicators", row, "targets without an indicator"))
            continue
        indicators.append((value(name), targets))
    rows: list[RawRow] = []
    for name_value, targets in indicators:
        for i, year in years.items():
            rows.append(RawRow("plan_indicators", None, {
                "name": name_value, "year_be": year, "target_text": targets.get(i)}))
    return rows


# ---------------------------------------------------------------------------
# Scoring levels (plan_scoring_levels)
# ---------------------------------------------------------------------------

_QUOTED_RE = re.compile(r"[“\"](?P<name>[^”\"]+)[”\"]")
_SCORING_HEADING_RE = re.compile(r"เกณฑ์การให้คะแนน\s*(?:ตัวชี้วัด)?\s*:?\s*(?P<name>\S.*?)?\s*$")


#: Most lines a quoted indicator name in a เกณฑ์การให้คะแนน heading runs over.
_HEADING_LINES_MAX = 4
#: Most lines (a page's foot and head) between the heading words and their quote.
_HEADING_GAP_MAX = 8


def scoring_indicator(doc: RepairedText, headings: list[Line]) -> Raw | None:
    """Find the indicator a เกณฑ์การให้คะแนน heading names (the quoted words when quoted).

    A quote the page wrapped (``“ระดับ...`` on one line, ``...ต่างประเทศ”`` on the
    next ones, or the whole quote on the line after the heading words) is read
    across the heading's lines.
    """
    for i in range(len(headings) - 1, -1, -1):
        line = headings[i]
        m = _SCORING_HEADING_RE.search(line.text)
        if not m:
            continue
        opened = line.text.find("“", m.start())
        after = headings[i + 1].text.lstrip() if i + 1 < len(headings) else ""
        if (opened >= 0 and "”" not in line.text[opened:]) or (
                not m.group("name") and after.startswith("“")):
            run = [line]
            for nxt in headings[i + 1:i + _HEADING_LINES_MAX]:
                # the next line, or the next after a page break (its furniture left out)
                if nxt.no - run[-1].no > _HEADING_GAP_MAX:
                    break
                run.append(nxt)
                if "”" in nxt.text:
                    line = join_lines(run)
                    m = _SCORING_HEADING_RE.search(line.text)
                    break
        if m is None:
            continue
        quoted = _QUOTED_RE.search(line.text, m.start())
        if quoted:
            return doc.raw_match(quoted, "name", line=line)
        return doc.raw_match(m, "name", line=line) if m.group("name") else None
    return None


def read_scoring_table(doc: RepairedText, table: Table, findings: list[Finding]) -> list[RawRow]:
    """Read levels 5..1: ``level``, ``weight_pct``, ``description``, ``score``, ``indicator``."""
    header = table.rows[0]
    level_col = find_col(header, "ระดับ")
    weight_col = find_col(header, "ร้อยละ", "น้ำหนัก", "เกณฑ์", skip=(level_col,))
    score_col = find_col(header, "คะแนน", skip=(level_col, weight_col))
    desc_col = find_col(header, "ดำเนินงาน", "รายละเอียด", "ผลงาน", "คำอธิบาย", ".",
                        skip=(level_col, weight_col, score_col))
    indicator = scoring_indicator(doc, table.headings)
    rows: list[RawRow] = []
    for row in table.rows:
        if not row.filled() or kind_of(row, None) == "scoring":
            continue
        level_text = row.plain(level_col)
        desc = cell_pieces(doc, row.cell(desc_col))
        if not level_text and rows and desc:  # a description continued on the next page
            last = rows[-1].fields
            last["description"] = joined(last.get("description"), desc)
            if last.get("score") is None:
                last["score"] = first_match(doc, NUMBER_RE, row.cell(score_col))
            continue
        level = to_int(level_text) if DIGIT_RE.fullmatch(level_text) else None
        if level is None or not 1 <= level <= 5:
            findings.append(unplaced("plan_scoring_levels", row, "not a level 1..5"))
            continue
        rows.append(RawRow("plan_scoring_levels", None, {
            "indicator": indicator,
            "level": first_match(doc, DIGIT_RE, row.cell(level_col)),
            "weight_pct": first_match(doc, NUMBER_RE, row.cell(weight_col)),
            "description": value(desc),
            "score": first_match(doc, NUMBER_RE, row.cell(score_col)),
        }))
    return rows


# ---------------------------------------------------------------------------
# Indicator definitions (plan_kpi_definitions)
# ---------------------------------------------------------------------------

KPI_TABLE = "plan_kpi_definitions"


def kpi_columns(header: Row) -> dict[str, int | None]:
    """Column of each ``plan_kpi_definitions`` field in a definition table's header.

    ``มาตรการ | ตัวชี้วัดมาตรการ | นิยาม/คำอธิบายตัวชี้วัด | โครงการ/กิจกรรม`` or, without
    measures, ``ตัวชี้วัด | นิยาม/คำอธิบายตัวชี้วัด | โครงการ/กิจกรรมและส่วนราชการ...``.
    """
    definition = find_col(header, "^นิยาม", "^คำอธิบาย", "นิยาม")
    activities = find_col(header, "^โครงการ", "^กิจกรรม", "โครงการ", "กิจกรรม", skip=(definition,))
    indicator = find_col(header, "^ตัวชี้วัด", "ตัวชี้วัด", skip=(definition, activities))
    measure = find_col(header, "^มาตรการ", "มาตรการ", skip=(definition, activities, indicator))
    return {"measure": measure, "indicator": indicator, "definition": definition,
            "activities": activities}


def read_kpi_table(doc: RepairedText, table: Table, findings: list[Finding],
                   carry: RawRow | None = None) -> list[RawRow]:
    """Read one row per definition: ``measure``, ``indicator``, ``definition``, ``activities``.

    A row whose indicator cell is empty continues the definition above, cell by
    cell (a row broken over a page comes back after the repeated header with its
    first cells empty). So does the first row after a page break that has an
    indicator but no measure while the table has a measure column: the indicator
    cell itself ran over the page. ``carry`` is the last definition of the table
    just before, which a table opening with such a row continues. Fields hold the
    segments read (:func:`segments`) until :func:`finish_text_fields`.
    """
    columns = kpi_columns(table.rows[0])
    key = columns["indicator"] if columns["indicator"] is not None else columns["measure"]
    measure = columns["measure"]
    rows: list[RawRow] = []
    last = carry
    after_break = True
    previous_line: int | None = None
    for row in table.rows:
        if kind_of(row, None) == "kpi":  # the header, or its repeat on the next page
            after_break = True
            continue
        if not row.filled():
            continue
        if previous_line is not None and row.line.no != previous_line + 1:
            after_break = True  # a block without a repeated header
        previous_line = row.line.no
        page_start, after_break = after_break, False
        cells = {name: cell_segments(doc, row.cell(col)) for name, col in columns.items()}
        if not any(cells.values()):
            findings.append(unplaced(KPI_TABLE, row, "text outside the definition columns"))
            continue
        if not row.plain(key) and last is None:
            findings.append(unplaced(KPI_TABLE, row, "text before the first definition"))
            continue
        if last is not None and (not row.plain(key) or (
                page_start and measure is not None and measure != key
                and not row.plain(measure))):
            for name, parts in cells.items():
                if parts:
                    last.fields[name] = joined(last.fields.get(name), parts)
            continue
        last = RawRow(KPI_TABLE, None, {name: list(parts) for name, parts in cells.items()})
        rows.append(last)
    return rows


def finish_text_fields(doc: RepairedText, rows: list[RawRow]) -> None:
    """Turn the segments each text field of ``rows`` was read as into its value."""
    for row in rows:
        for name, parts in row.fields.items():
            if isinstance(parts, Raw | list):
                row.fields[name] = text_value(doc, parts)

"""Tab tables of the annual action plan: blocks of tab lines joined into tables.

Stage: extract (a helper of :mod:`bma_etl.layouts.annual_action_plan`, not a layout).
Consumes the tab lines of a :class:`~bma_etl.layouts.base.RepairedText`
(cells and rows: :mod:`bma_etl.layouts.plan_cells`); produces :class:`Table` s,
each classified by its header (``budget``, ``targets``, ``scoring``, ``steps``,
``kpi`` or ``other``) for its reader (:mod:`bma_etl.layouts.plan_budget`,
:mod:`bma_etl.layouts.plan_indicators`, :mod:`bma_etl.layouts.plan_steps`).

The PDF conversion left each table as tab-separated lines. A table that runs onto
the next page comes back as a second *block* (after a blank line) that repeats the
header rows; a cell continued onto the next page comes back as a row whose
numbering cell is empty.

Which reader a block goes to is decided by its header cells, never by its position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bma_etl.layouts.base import Line, RepairedText
from bma_etl.layouts.plan_budget_sections import is_split_heading
from bma_etl.layouts.plan_cells import (
    DIGIT_RE,
    NO_ITEMS_RE,
    PAGE_NUMBER_RE,
    STEP_RE,
    CellForms,
    Row,
    is_sheet_letters,
    is_text_line,
    is_year,
    row_of,
)
from bma_etl.layouts.plan_unread_tables import lost_number_header
from bma_etl.matchkey import LINE_CACHE, key


@dataclass(slots=True)
class Block:
    """Consecutive tab lines, with the non-table lines (headings) that came before.

    ``loose``: how many of the first ``headings`` stand between the block before and
    this one with no blank line anywhere between: words of a cell that the page
    left outside its ruled row (a row broken over a page, its rule not drawn).
    """

    rows: list[Row]
    headings: list[Line]
    loose: int = 0


@dataclass(slots=True)
class Table:
    """One logical table: a block and the blocks that continue it on later pages."""

    kind: str
    rows: list[Row]
    headings: list[Line]
    first_line: int


def blocks_of(doc: RepairedText, lines: Iterable[Line] | None = None) -> list[Block]:
    """Every run of tab lines in ``doc``, each with the heading lines before it.

    ``lines`` are ``doc.lines()`` when the caller already has them. A page number
    on a line of its own (``- ๑๒ -``) is not a heading: it must not cut a table
    that runs over a page; nor is ``- ไม่มีโครงการในหมวดนี้ -`` (its total is its table's).
    """
    out: list[Block] = []
    headings: list[Line] = []
    current: Block | None = None
    forms = CellForms()
    gap = True  # a blank line since the last tab line
    run = 0  # index in ``headings`` of the first heading line since the last blank line
    for line in doc.lines() if lines is None else lines:
        if "\t" in line.text and is_sheet_letters(line.text):
            continue  # a spreadsheet's column letters over the table: no row of it
        if "\t" in line.text and not _is_heading_line(line, doc.ocr_used) \
                and not (current is None and _ends_heading(headings[run:], line)):
            if current is None:
                row = row_of(line, forms)
                fragments = _header_fragments(headings, line, row)
                if fragments:
                    headings = headings[:-len(fragments)]
                    row = _with_first_cell(row, " ".join(f.text.strip() for f in fragments),
                                           forms)
                current = Block([row], headings, 0 if gap or fragments else len(headings))
                out.append(current)
                headings, run = [], 0
            else:
                current.rows.append(row_of(line, forms))
            gap = False
            continue
        current = None
        if not line.text.strip():
            gap, run = True, len(headings)
        elif not PAGE_NUMBER_RE.match(line.text) and not NO_ITEMS_RE.match(line.text):
            headings.append(line)
    return out


def _ends_heading(run: list[Line], line: Line) -> bool:
    """Whether ``line`` (with tabs) is the last line of a heading the page wrapped.

    ``run``: the heading lines right above it, no blank line between. A justified
    or distributed heading's last line comes back with its wide gaps as tabs
    (``พื้นที่เขตจตุจักร<tab>(ส่วนแผนงานฯ)``): a line of text
    (:func:`~bma_etl.layouts.plan_cells.is_text_line`) under a ``ชื่อโครงการที่`` /
    ``ชื่อตัวชี้วัดที่`` heading line is no table row, nor is one that ends with the
    project's unit in brackets, however many cells its gaps made.
    """
    return bool(run) and (is_text_line(line) or (
        not line.text.startswith("\t") and _UNIT_END_RE.search(line.text) is not None)) \
        and run[-1].no == line.no - 1 and any(_NEXT_HEADING_RE.match(h.text) for h in run)


#: A heading's last line ending with the unit in brackets (``…<tab>(ฝ่ายบริหารงานทั่วไป)``).
_UNIT_END_RE = re.compile(r"\([^()\t]+\)\s*$")


#: Headings of the plan's next table, which a page may set right under a table.
_NEXT_HEADING_RE = re.compile(r"^\s*(?:เกณฑ์การให้คะแนน|ชื่อ\s*(?:โครงการ|ตัวชี้วัด)\s*ที่)")


def _is_heading_line(line: Line, ocr: bool) -> bool:
    """A heading read as cells (a wide gap, column rules): no row of the table above it."""
    return (is_text_line(line) and _NEXT_HEADING_RE.match(line.text) is not None) \
        or is_split_heading(line.text, ocr)


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


# ---------------------------------------------------------------------------
# Classifying and merging blocks into tables
# ---------------------------------------------------------------------------


#: Every kind's header has one of these words (checked first: it is cheap), in key
#: form (:func:`~bma_etl.matchkey.key`): an OCR'd header loses its marks (``ตัวชีวัด``).
_HEADER_WORDS = tuple(key(w) for w in ("ขั้นตอน", "ระดับ", "นิยาม", "คำอธิบาย", "ลำดับ", "ตัวชี้วัด"))
_K = {w: key(w) for w in ("ขั้นตอน", "ร้อยละ", "ระดับ", "คะแนน", "ลำดับ", "งบประมาณ", "ตัวชี้วัด",
                          "นิยาม", "คำอธิบาย")}


def kind_of(header: Row, next_row: Row | None) -> str | None:
    """Which reader a block with this first row belongs to (None: not read).

    Header words are matched in key form, so a header whose marks OCR lost
    (``ลำดับที ตัวชีวัด``) is still one. A budget table's number column may be
    headed ``ที่`` alone instead of ``ลำดับที่``.
    """
    kind = _kind_of_cells(header.squashed)
    if kind != _MAYBE_TARGETS:
        return kind
    years = [p for p in header.plains if is_year(p)]
    if not years and next_row is not None:
        years = [p for p in next_row.plains if is_year(p)]
    return "targets" if years else None


#: A target table's header when years head its columns (or fill the row under it).
_MAYBE_TARGETS = "targets?"


@lru_cache(maxsize=LINE_CACHE)
def _kind_of_cells(squashed: tuple[str, ...]) -> str | None:
    """:func:`kind_of` by a row's squashed cells: the kind, None or :data:`_MAYBE_TARGETS`.

    Kept per row (every reader and the block splitter ask it of the same rows).
    """
    cells = [key(c) for c in squashed]
    joined = "|".join(cells)
    if (squashed and squashed[0] == "ที่" and _K["งบประมาณ"] in joined) or lost_number_header(cells):
        return "budget"  # ``ที่ | ชื่อโครงการ/กิจกรรม | งบประมาณ (บาท) | ...``, or ลำดับ lost
    for word in _HEADER_WORDS:
        if word in joined:
            break
    else:  # a data row: most rows
        return None
    rest = "|".join(cells[1:])
    if cells[0].startswith(_K["ขั้นตอน"]) and _K["ร้อยละ"] in rest \
            and not STEP_RE.match(squashed[0]):
        return "steps"
    if cells[0].startswith(_K["ระดับ"]) and _K["คะแนน"] in rest:
        return "scoring"
    if is_kpi_header(squashed):
        return "kpi"
    if _K["ลำดับ"] in joined and _K["งบประมาณ"] in joined:
        return "budget"
    if _K["ตัวชี้วัด"] in joined:
        return _MAYBE_TARGETS
    return None


#: Longer header cells are data: a definition cell may well say นิยาม and ตัวชี้วัด.
_HEADER_CELL_MAX = 60


def is_kpi_header(cells: Sequence[str]) -> bool:
    """Tell the header of an indicator definition table from its squashed cells.

    A ``นิยาม/คำอธิบายตัวชี้วัด`` column beside a ``ตัวชี้วัด...`` one, every cell
    short; words matched in key form (OCR loses marks: ``ตัวชีวัดมาตรการ``).

    >>> is_kpi_header(["มาตรการ", "ตัวชี้วัดมาตรการ", "นิยาม/คำอธิบายตัวชี้วัด", "โครงการ/กิจกรรม"])
    True
    >>> is_kpi_header(["มาตรการ", "ตัวชีวัดมาตรการ", "นิยาม/คําอธิบายตัวชีวัด", "โครงการ/กิจกรรม"])
    True
    >>> is_kpi_header(["ลำดับที่", "ตัวชี้วัด", "เป้าหมาย", "หน่วยงานที่รับผิดชอบ"])
    False
    """
    keys = [key(c) for c in cells]
    definition = [i for i, c in enumerate(keys) if c.startswith((_K["นิยาม"], _K["คำอธิบาย"]))]
    if not definition or any(len(c) > _HEADER_CELL_MAX for c in cells):
        return False
    return any(
        c.startswith(_K["ตัวชี้วัด"]) for i, c in enumerate(keys) if i not in definition)


#: Heading lines that start a new table of a kind even when no other line intervenes.
CONTEXT_HEADINGS: dict[str, re.Pattern[str]] = {
    "steps": re.compile(r"^\s*ชื่อ\s*(?:โครงการ|ตัวชี้วัด)"),
    "scoring": re.compile(r"เกณฑ์การให้คะแนน"),
}


#: Tables whose loose lines (:attr:`Block.loose`) between two of their blocks are
#: words of their first column, read as rows of that column alone: the step
#: tables, whose only column of words is the first (the others hold percentages
#: and the schedule's arrows).
LOOSE_WORDS_KINDS = ("steps",)


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
    definition table, as a PDF may give them) come back as one run of rows. A
    heading's last line with spread gaps right above a header (``ชื่อโครงการที่ ๑``
    wrapped, ``…เขตหนองจอก→เขตบางรัก``) is no table of its own: it stays with the
    headings of the table under it.
    """
    out: list[Block] = []
    for block in blocks:
        rows = block.rows
        first = _kind(_without_margin(rows[:2])) if _in_margin(rows[:2]) else _kind(rows[:2])
        if first is None and len(rows) > 1 and (
                below := _kind(_with_header_joined(rows[1:_MAX_HEADER_LINES + 2]))) is not None \
                and _continues_heading(block.headings, below):
            block = Block(rows[1:], [*block.headings, rows[0].line], block.loose)
            rows, first = block.rows, below
        start = 0
        for k in range(1, len(rows)):
            pair = rows[k:k + 2]
            kind = _kind(_without_margin(pair)) if _in_margin(pair) else _kind(pair)
            if kind is not None and kind != first:
                out.append(Block(rows[start:k], *_headings(block, start)))
                start, first = k, kind
        out.append(Block(rows[start:], *_headings(block, start)))
    return out


def _continues_heading(headings: list[Line], kind: str) -> bool:
    """Whether the last of ``headings`` opens a table of ``kind`` (its next line may wrap it)."""
    pattern = CONTEXT_HEADINGS.get(kind)
    return bool(headings) and pattern is not None and pattern.search(headings[-1].text) is not None


def _headings(block: Block, start: int) -> tuple[list[Line], int]:
    """The headings and loose lines of the part of ``block`` from row ``start`` on."""
    return (block.headings, block.loose) if start == 0 else ([], 0)


def tables_of(blocks: list[Block]) -> list[Table]:
    """Join blocks into tables, each classified by its header (``other``: no reader).

    A block continues the table before it when no heading line comes between them
    that opens a new table: any heading at all for a block without a header of its
    own and for budget and target tables; for step and scoring tables, whose
    header is repeated on every page, only a ``ชื่อโครงการ``/``ชื่อตัวชี้วัด`` or
    ``เกณฑ์การให้คะแนน`` line (so a page header between pages is harmless).
    Loose lines between two blocks of a step table (:data:`LOOSE_WORDS_KINDS`) are
    rows of its first column.
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
            loose = block.loose if previous.kind in LOOSE_WORDS_KINDS else 0
            if pattern is not None and any(pattern.search(h.text) for h in block.headings):
                opens = True
            else:  # loose lines are no heading
                opens = (kind is None or pattern is None) and bool(block.headings[loose:])
            if not opens:
                forms = CellForms()
                previous.rows.extend(row_of(line, forms) for line in block.headings[:loose])
                previous.rows.extend(rows)
                previous.headings.extend(block.headings[loose:])
                continue
        previous = Table(kind or "other", list(rows), list(block.headings), rows[0].line.no)
        out.append(previous)
    return out

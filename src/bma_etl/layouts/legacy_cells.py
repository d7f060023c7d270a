"""The legacy progress form's report table as cells, with what a wrap cut joined again.

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_reports`, not a layout).
Consumes the lines of the report table (their cells:
:func:`bma_etl.document.cells`); produces :class:`ReportCell` lists in reading
order: :func:`filled_cells` (each with whether it leads its row, a flag or a
percent a narrow column wrapped made whole) and :func:`coalesced` (one report's
cells with a label left dangling joined to its value, a value a line cut joined
to its rest, and flags a narrow column wrapped rejoined). Nothing is dropped: a
joined cell is a :func:`bma_etl.document.joined_line` whose characters keep their
spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bma_etl.document import cells, joined_line
from bma_etl.layouts.base import Line
from bma_etl.layouts.legacy_flags import (
    FLAG_ONLY_RE,
    FLAG_WORDS,
    PLAN_FLAG,
    TARGET_FLAG,
    flag_starts,
)
from bma_etl.layouts.legacy_values import BUDGET_LABEL, PROGRESS_LABEL
from bma_etl.matchkey import matches_key, search_key
from bma_etl.rows import cell_separator

_PIPE_SEPARATOR_RE = re.compile(r"^\s*\|[\s|:-]*\|\s*$")


@dataclass
class ReportCell:
    """A piece of the report table: one cell's text and where it starts in its row."""

    line: Line
    start: int
    text: str
    first: bool  # the row's first (label) column


def _row_cells(line: Line) -> list[ReportCell]:
    """The row's cells (:func:`bma_etl.document.cells`), each with its line."""
    return [ReportCell(line, c.start, c.text, c.first) for c in cells(line)]


#: A spreadsheet's row number, a cell of its own before a report's label cell
#: (``12⇥รายงานครั้งที่1⇥:: 16/11/2566 : …``: a form printed from a sheet with its headings).
_ROW_NUMBER_RE = re.compile(r"^\s*[0-9]{1,4}\s*$")
_LABEL_OPENS_RE = re.compile(r"^\s*รายงาน\s*ครั้ง")


def filled_cells(lines: list[Line]) -> list[tuple[ReportCell, bool]]:
    """The report table's filled cells in reading order, each with whether it leads its row.

    A row's first filled cell leads it (a table may leave its first column empty); a
    spreadsheet's row number before a report's label cell is no cell of the table.
    """
    out: list[tuple[ReportCell, bool]] = []
    above: list[ReportCell] = []  # the cells of the line before, by column
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
            out[at] = (ReportCell(joined, 0, joined.text, False), out[at][1])
        taken = [id(cell) for cell in flags.values()]
        filled = [cell for cell in row if cell.text.strip()]
        if len(filled) > 1 and _ROW_NUMBER_RE.match(filled[0].text) \
                and _LABEL_OPENS_RE.match(filled[1].text):
            taken.append(id(filled[0]))  # a spreadsheet's row number before the label
        leading = True
        for cell in row:
            if cell.text.strip() and id(cell) not in taken:
                out.append((cell, leading))
                leading = False
        above = row
    return out


_CUT_PERCENT_RE = re.compile(r"=\s*[0-9๐-๙.,]+\s*$")


def _flag_ends(above: list[ReportCell], row: list[ReportCell]) -> dict[int, ReportCell]:
    """The cells of ``row`` that end a flag cell of the line above, by column.

    A narrow flag column wraps ``: เป็นไปตาม`` / ``แผน``: the row's next line
    (its first cell empty, as many cells as the line above) has the flag's last
    words in that column, with no ``:`` of a cell's own. The progress a line cut
    before its ``%`` goes on in the second column likewise.
    """
    if len(row) < 2 or len(above) < 3 or row[0].text.strip():
        return {}
    if len(row) != len(above):  # a borderless print: the columns do not line up
        return _cut_flag_ends(above, row)
    out: dict[int, ReportCell] = {}
    if _CUT_PERCENT_RE.search(above[1].text) and row[1].text.lstrip().startswith("%"):
        out[1] = row[1]  # ``= 94.50`` / ``% : งบประมาณ...``: the progress cut before its sign
    for column in range(2, len(row)):
        top, cell = above[column].text.strip(), row[column].text.strip()
        if top.startswith(":") and cell and ":" not in cell \
                and not re.search(f"{PLAN_FLAG}|{TARGET_FLAG}", top):
            out[column] = row[column]
    return out


def _cut_flag_ends(above: list[ReportCell], row: list[ReportCell]) -> dict[int, ReportCell]:
    """The cells of ``row`` that are the rest of a flag a cell of the line above ends with.

    A borderless print sets the flags' column with no rule: its wrapped last word
    (``: เป็นไปตามแผน : เป็นไปตามเป้า`` / ``หมาย``) comes in a cell of its own that
    need not be in the same column. Only a cell that is wholly the flag's rest, the two
    making one of :data:`~bma_etl.layouts.legacy_flags.FLAG_WORDS` exactly
    (:func:`cut_flag`), is taken.
    """
    out: dict[int, ReportCell] = {}
    for column in range(2, len(above)):
        top = above[column].text.rstrip()
        for cell in row[1:]:
            head = cell.text.strip()
            if head and ":" not in head and all(c is not cell for c in out.values()) \
                    and cut_flag(top, head):
                out[column] = cell
                break
    return out


_DANGLING = re.compile(r"[=]\s*$")
#: A cell that opens with a value (``๑๐๐.๐๐ % : งบ…``), the ``=`` before it left on the line above.
_NUMBER_START = re.compile(r"^\s*[0-9๐-๙]")


#: A cell ending with the budget's label, its value in the next cell or line; the
#: label's report number may be cut after its bracket opened (``(ครั้งที่`` / ``2) = ...``);
#: after OCR a speck beside it may read as a colon (``…เบิกใช้ :`` / ``(ครั้งที่ 6 = 0 บาท``).
_DANGLING_BUDGET = rf".*(?:{BUDGET_LABEL})[\s:]*(?:\([^()=]{{0,20}})?$"


def _dangles(text: str) -> bool:
    """Whether ``text`` ends with a label whose value is not in it.

    ``… =``, ``…เบิกใช้``, ``…เบิกใช้ (ครั้งที่``, ``…ความก้าวหน้าของงานฯ`` (a gap the
    reader took for a column's set its ``= 6.50 %`` in a cell of its own).
    """
    if _DANGLING.search(text) or _PROGRESS_END.search(text):
        return True
    # the cheap substring test first: the key form is matched only where it can match
    return ("เบิก" in text or "บก" in text) and matches_key(_DANGLING_BUDGET, text)


#: A cell's end that a page's wrap cut off the rest of its value: the progress or the
#: budget label with no ``=`` yet (``… (ครั้งที่ 13)``), or a value's first digits (``= 6``).
_CUT_LABEL_END = re.compile(
    rf"(?:{PROGRESS_LABEL}ฯ?|(?:{BUDGET_LABEL})\s*(?:\([^()=]{{0,20}}\))?)\s*$")
_PROGRESS_END = re.compile(rf"{PROGRESS_LABEL}ฯ?\s*$")
_CUT_DIGITS_END = re.compile(r"=\s*[0-9๐-๙]{1,2}\s*$")
#: A cell that starts with the rest of a cut amount (``73,000 บาท``) or progress
#: (``3.00 %``: LibreOffice's text print cuts ``= 23.00 %`` between its digits).
_VALUE_REST = re.compile(r"^\s*(?:[0-9๐-๙]{1,3},[0-9๐-๙]{3}|[0-9๐-๙]{1,2}\.[0-9๐-๙]{1,2}\s*%)")
#: An amount cut before a thousands comma (``= 6,499`` / ``,500 บาท``): its end, its rest.
_CUT_GROUP_END = re.compile(r"=\s*[0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})*\s*$")
_GROUP_REST = re.compile(r"^\s*,[0-9๐-๙]{3}(?![0-9๐-๙])")
#: A value cut before its decimal point (``= 51`` / ``.50 %``, ``= 1,342,000`` / ``.00 บาท``):
#: LibreOffice's Thai line breaker may break there. Its rest.
_POINT_REST = re.compile(r"^\s*\.[0-9๐-๙]{1,2}(?![0-9๐-๙])")
#: A value cut after its decimal point or a thousands comma (``= 13.`` / ``50 %``), or
#: between its decimals (``= 3.0`` / ``0 %``).
_CUT_MARK_END = re.compile(r"=\s*[0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})*(?:[.,]|\.[0-9๐-๙])$")
#: An amount cut inside a thousands group (``= 1,0`` / ``34,500 บาท``): the group's
#: digits so far; the next line starts with the rest of that group.
_CUT_IN_GROUP_END = re.compile(r"=\s*[0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})*,([0-9๐-๙]{1,2})$")


def _value_separator(left: str, right: str) -> str:
    """What joins a cell's line ``left`` to the next, ``right``: nothing inside a cut value."""
    if _CUT_MARK_END.search(left) and right[:1].isdigit():
        return ""
    return cell_separator(left, right)


def _goes_on(last: ReportCell, cell: ReportCell) -> bool:
    """Whether ``cell``, the first of its line, goes on ``last``'s value the line cut.

    A flowing print (fpdf2, LibreOffice from text) wraps a report's row and sets the
    flags after a gap on the next line, so the reader keeps the two lines apart.
    LibreOffice's text print also cuts a value between its digits (``= 2`` /
    ``3.00 %``), before or after its decimal point (``= 51`` / ``.50 %``, ``= 13.`` /
    ``50 %``) or between its decimals (``= 3.0`` / ``0 %``), before a thousands comma
    (``= 6,499`` / ``,500 บาท``)
    and inside a thousands group (``= 1,0`` / ``34,500 บาท``: the next line starts with
    the group's other digits).
    """
    if last.line.no == cell.line.no:
        return False
    head, tail = cell.text.lstrip(), last.text.rstrip()
    if head.startswith("="):
        return bool(_CUT_LABEL_END.search(last.text))
    if head.startswith("%"):  # ``= 43.00`` / ``% : งบประมาณ…``: the progress cut before its sign
        return bool(_CUT_PERCENT_RE.search(tail))
    if cut_flag(tail, head):
        return True
    for label in _CUT_LABELS:  # a label the line cut, between words or inside one
        if any(tail.endswith(label[:cut]) and head.startswith(label[cut:])
               for cut in range(2, len(label) - 1)):
            return True
    if _GROUP_REST.match(cell.text) or _POINT_REST.match(cell.text):
        return bool(_CUT_GROUP_END.search(last.text))
    if group := _CUT_IN_GROUP_END.search(tail):
        return re.match(f"[0-9๐-๙]{{{3 - len(group[1])}}}(?![0-9๐-๙])", head) is not None
    if _CUT_MARK_END.search(tail):
        return head[:1].isdigit()
    return bool(_VALUE_REST.match(cell.text)) and bool(_CUT_DIGITS_END.search(last.text))


def _sign_apart(last: ReportCell, cell: ReportCell) -> bool:
    """Whether ``cell`` opens with the ``%`` of the progress ``last`` ends with, a gap apart.

    A filled form's progress stands in its field's box, the ``%`` printed after the
    box: ``ความก้าวหน้าของงานฯ =`` ⇥ ``21.00`` ⇥ ``% : งบประมาณ…`` on one line (the
    sign left alone before the budget's label read as the report's narrative).
    """
    return cell.text.lstrip().startswith("%") and \
        _CUT_PERCENT_RE.search(last.text.rstrip()) is not None


#: The value labels a line may cut (``งบประมาณที่เบิก`` / ``ใช้ (...``, ``ความก้าวหน้าขอ`` /
#: ``งงานฯ``: LibreOffice breaks inside a word too).
_CUT_LABELS = ("งบประมาณที่เบิกใช้", "ความก้าวหน้าของงาน")

_WORD_RE = re.compile(r"\S+")
#: The last ``:`` part of a cell, and the first of the next: where a line cut a flag.
_LAST_PART_RE = re.compile(r"[^:|]*$")
_FIRST_PART_RE = re.compile(r"^[^:|]*")


def cut_flag(tail: str, head: str) -> bool:
    """Whether a line's end cut a flag: ``tail`` ends with its first words, ``head`` the rest.

    ``: เป็นไปตามแผน: ไม่`` / ``เป็นไปตามเป้าหมาย``, ``: เป็นไปตาม`` / ``แผน``. The two
    parts joined (no space: Thai sets none inside a flag) must be one of
    :data:`~bma_etl.layouts.legacy_flags.FLAG_WORDS` exactly, the first a proper start of it.
    """
    first = _LAST_PART_RE.search(tail)
    rest = _FIRST_PART_RE.match(head)
    if first is None or rest is None:
        return False
    a, b = first.group().strip(), rest.group().strip()
    return bool(a) and bool(b) and a + b in FLAG_WORDS


def _flags_rejoined(cells: list[ReportCell]) -> list[ReportCell]:
    """``cells`` with flags a narrow column wrapped made whole, last in the row.

    Two narrow flag columns printed with too small a gap come back as one cell of
    their first words (``: ไม่เป็นไป : เป็นไปตาม``) and, lines lower, one of their
    last words (``ตามแผน เป้าหมาย``): word by word they make the flags.
    """
    for i, cell in enumerate(cells):
        starts = flag_starts(cell.text)
        if not starts:
            continue
        for j in range(i + 1, len(cells)):
            end = cells[j]
            words = [m.span() for m in _WORD_RE.finditer(end.text)]
            if end.line.no == cell.line.no or len(words) != len(starts) or not all(
                    cell.text[a:b] + end.text[x:y] in FLAG_WORDS
                    for (a, b), (x, y) in zip(starts, words, strict=True)):
                continue
            flags = []
            for (a, b), (x, y) in zip(starts, words, strict=True):
                line = joined_line([(cell.line, cell.start + a, cell.start + b),
                                    (end.line, end.start + x, end.start + y)], "")
                flags.append(ReportCell(line, 0, line.text, False))
            return [*cells[:i], *cells[i + 1:j], *cells[j + 1:], *flags]
    return cells


#: A cell that starts with a value's rest (``(ครั้งที่ 13) = 0 บาท``, ``= 0 บาท``).
_VALUE_START_RE = re.compile(r"^\s*(?:\([^()=]{0,20}\)\s*)?=")


def coalesced(cells: list[ReportCell]) -> list[ReportCell]:
    """Cells with a label left dangling joined to the one with its value.

    ``… =``, ``…เบิกใช้`` (:func:`_dangles`); and a value a line's end cut joined to
    its rest (:func:`_goes_on`). The rest of a value on a later line goes to its label
    across the row's flag cells, which a wrap set before it (``…เบิกใช้`` ``: เป็นไปตามแผน``
    ``: เป็นไปตามเป้าหมาย`` / ``(ครั้งที่ 13) = 0 บาท``).
    """
    out: list[ReportCell] = []
    for cell in cells:
        flags = 0
        while flags < len(out) and FLAG_ONLY_RE.match(out[-1 - flags].text):
            flags += 1
        cut = flags and flags < len(out) and cell.line.no != out[-1].line.no \
            and _goes_on(out[-1 - flags], cell)
        if cut or (flags and flags < len(out) and cell.line.no != out[-1].line.no
                   and _dangles(out[-1 - flags].text)
                   and (_VALUE_START_RE.match(cell.text)
                        or (_DANGLING.search(out[-1 - flags].text)
                            and _NUMBER_START.match(cell.text)))):
            moved = out[-flags:]
            del out[-flags:]
            last = out.pop()
            sep = _value_separator(last.text.rstrip(), cell.text.lstrip()) if cut else " "
            line = joined_line([(last.line, last.start, last.start + len(last.text)),
                                (cell.line, cell.start, cell.start + len(cell.text))], sep)
            out += [ReportCell(line, 0, line.text, last.first), *moved]
            continue
        if out and cell.text.strip() and ((_dangles(out[-1].text)
                                           and not FLAG_ONLY_RE.match(cell.text))
                                          or _goes_on(out[-1], cell)
                                          or _sign_apart(out[-1], cell)):
            last = out.pop()
            sep = ("" if cut_flag(last.text.rstrip(), cell.text.lstrip())
                   else _value_separator(last.text.rstrip(), cell.text.lstrip())) \
                if _goes_on(last, cell) else " "
            line = joined_line([(last.line, last.start, last.start + len(last.text)),
                                (cell.line, cell.start, cell.start + len(cell.text))], sep)
            cell = ReportCell(line, 0, line.text, last.first)
        out.append(cell)
    return _flags_rejoined(out)


#: A percentage ending the text before the budget's label: the progress, its label junk.
_PERCENT_END = re.compile(r"[0-9๐-๙]\s*%[\s:;|]*$")


def progress_label_junk(cells: list[ReportCell], start: int) -> tuple[int, int] | None:
    """``(narrative's end, budget's label)`` in ``cells[0]``, its progress's label junk.

    After OCR: a percentage right before the budget's label, in the cell or opening the next
    (``IE EE HORSE ต๒.๐๐ % : งบประมาณที่เบิกใช้…``), on a physical line of its own from
    ``start``: the narrative ends where that line starts. None when no such line is there.
    """
    text = cells[0].text
    label = search_key(BUDGET_LABEL, text[start:])
    end = start + label[0] if label else len(text)
    if (label is None and not (len(cells) > 1 and opens_with(BUDGET_LABEL, cells[1]))) \
            or not _PERCENT_END.search(text[start:end]):
        return None
    opens = {0, *(at for at, _, _ in cells[0].line.pieces)}  # where its physical lines start
    line_at = max((at - cells[0].start for at in opens if start <= at - cells[0].start < end),
                  default=None)
    return None if line_at is None else (line_at, end)


def opens_with(label: str, cell: ReportCell) -> bool:
    """Whether ``cell`` opens with ``label`` (in key form), specks before it at most."""
    found = search_key(label, cell.text[:40])
    return found is not None and not cell.text[:found[0]].strip(" :;=")

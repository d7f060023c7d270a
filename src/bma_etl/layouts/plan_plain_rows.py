"""Rows of the annual action plan's budget tables printed as plain lines, and where one starts.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_plain`, not a layout).
Consumes the physical lines under a plain budget-table header; gives the shapes
the table is read into (:class:`Columns`, :class:`PlainRow`, :class:`PlainTable`),
a row's lines joined as one (:func:`join_lines`, keeping every span), and
:func:`row_start`: whether a line opens the table's next row, its number in
sequence or, on an OCR'd page, misread or lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bma_etl.layouts.base import Finding, Line
from bma_etl.layouts.plan_amounts import budget_said
from bma_etl.layouts.plan_cells import DIGIT, NO_ITEMS_RE, is_total, squash
from bma_etl.layouts.plan_values import to_int
from bma_etl.rows import join_lines as join_model_lines
from bma_etl.rows import separator

#: A row's number at the start of a line: ``๑ โครงการ...``, ``2.`` alone, ``3) ...``;
#: never a number that goes on (``00.- บาท``, ``100,000``, ``2566 –``). OCR reads the
#: rule between the number and the name as ``|`` or ``,`` now and then (``๑ | โครงการ...``).
_ROW_START_RE = re.compile(
    rf"^\s*(?P<no>{DIGIT}{{1,3}})(?P<dot>\s*[.)])?(?![0-9๐-๙,.])(?:\s+|$)(?:[|,]\s*)?(?P<rest>.*)$"
)
#: On an OCR'd page an item's number whose point OCR read as a comma (``2, โครงการ...``):
#: the comma right after the digits, then a space and Thai words (never an amount's
#: group, ``2,500``).
_OCR_COMMA_ITEM_RE = re.compile(
    rf"^\s*(?P<no>{DIGIT}{{1,2}})(?P<dot>,)\s+(?P<rest>[\u0e01-\u0e2eเ-ไ].*)$")
#: On an OCR'd page a speck read as a sign or two between a row's number and its
#: name (``6 '. โครงการ...``): no part of the name.
_OCR_NAME_SPECK_RE = re.compile(
    r"[.,:;'|\"`\u2018\u2019\u201c\u201d]{1,2}\s+(?=[\u0e01-\u0e2eเ-ไ])")
#: On an OCR'd page the rule between a row's number and its name read as a digit or a
#: sign glued to leading vowels (``๓ 7เโครงการ...``) or set apart (``๒ 7 โครงการ...``),
#: or both, the sign apart from the vowels (``๕ - โโครงการ...``), or glued to a group's
#: name (``๑ 7ด้านการบริหารทั่วไป ๑. ...``): no part of the name.
_OCR_GLUED_RULE_RE = re.compile(
    r"[^\s\u0e00-\u0e7f]{1,2}\s*[เแโใไ]*\s*(?=โครงการ|ด้าน|แผนงาน)")
#: What may follow a row's number: a letter (not ``(``, a digit or a dash).
_ROW_BODY_RE = re.compile(r"^(?:$|[\u0e01-\u0e5bA-Za-z\"'<\u201c\u2018])")
#: On an OCR'd page an item's number misread as a sign or Latin letters, its point as
#: a comma now and then (``o. โครงการ...``, ``lo, โครงการ...``): a short token of no
#: Thai letter and no digit, its point, then the item's words.
OCR_ITEM_RE = re.compile(
    r"(?<!\S)(?P<no>[^\s\u0e01-\u0e4f0-9๐-๙.,]{1,2})[.,)]\s*(?=[\u0e01-\u0e2eเ-ไ])")
#: A line ending in a short run of digits (``... ใกล้เคียง 1``), and one starting with
#: the rest of an amount (``1,773,400.- บาท``): the run is the amount's first digits.
_DIGITS_END_RE = re.compile(rf"(?<![0-9๐-๙,.]){DIGIT}{{1,2}}$")
_GROUPED_START_RE = re.compile(rf"^(?P<lead>{DIGIT}{{1,3}})(?:,{DIGIT}{{3}})+(?![0-9๐-๙])")
#: An amount OCR misread at a line's end or start: a digit read as a Thai letter
#: right after or before a thousands comma (``๑๐,ฒ``, ``ฒ,อ๐๕``); no Thai word
#: has a letter beside a comma and a digit.
_MISREAD_GROUP_END_RE = re.compile(rf"(?<![^\s]){DIGIT}{{1,3}},[ก-ฮ]{{1,2}}$")
_MISREAD_AMOUNT_START_RE = re.compile(rf"^[ก-ฮ]{{1,2}},[ก-ฮ]?{DIGIT}")
_DIGIT_START_RE = re.compile(DIGIT)
#: A row's number may skip this many (a row lost to a damaged line).
_SEQ_SLACK = 3


@dataclass(frozen=True, slots=True)
class Columns:
    """What a plain header says of its columns.

    ``group``: a ``ด้าน/แผนงาน`` column before the items (the routine list);
    ``unit``: a responsible unit column after the budget; ``baht_unit``: the power of
    ten of the unit the budget column's heading states (``งบประมาณ (ล้านบาท)``: 6), or
    a unit note above the header (``(หน่วย : ล้านบาท)``).
    """

    group: bool
    unit: bool
    baht_unit: int = 0


@dataclass(slots=True)
class PlainRow:
    """A row as lines: ``kind`` item, group or total; ``body`` where its text starts."""

    kind: str
    lines: list[Line]
    no: tuple[int, int] | None = None  # the number's offsets in the joined text
    body: int = 0
    #: Numbers alone on a line inside the row before its budget, read as page numbers.
    set_aside: list[Line] = field(default_factory=list)
    #: Line numbers of numbers alone that end the row's name (a cell of their own:
    #: never glued to the amount on the next line).
    named: list[int] = field(default_factory=list)

    def joined(self) -> Line:
        """The row's lines as one :class:`Line` (see :func:`join_lines`)."""
        return join_model_lines(self.lines, _separator, frozenset(self.named)) if self.named \
            else join_lines(self.lines)


@dataclass(slots=True)
class PlainTable:
    """One budget table read from plain lines: its header, rows and the headings above."""

    first_line: int
    columns: Columns
    headings: list[Line]
    rows: list[PlainRow] = field(default_factory=list)


def _separator(left: str, right: str) -> str:
    """What goes between two physical lines of a plan row (:func:`~bma_etl.rows.separator`).

    Beyond the model's rule: ``ใกล้เคียง 1`` / ``1,773,400.- บาท`` is an amount cut
    after its first digits when the two make one group of at most three (a name
    may end in a number: then this guess is wrong, and the total says so).
    """
    between = separator(left, right)
    tail, head = _DIGITS_END_RE.search(left), _GROUPED_START_RE.match(right)
    if between and tail and head and len(tail.group()) + len(head.group("lead")) <= 3:
        return ""
    if _MISREAD_GROUP_END_RE.search(left) and _DIGIT_START_RE.match(right):
        return ""  # ``๑๐,ฒ`` / ``๑๑,๐๐๐ บาท``: an amount OCR misread, cut at the wrap
    if _MISREAD_AMOUNT_START_RE.match(right):
        return " "  # ``...จัดการเมือง`` / ``ฒ,อ๐๕,อ๐๐ บาท``: an amount, not the word's rest
    return between


def join_lines(lines: list[Line]) -> Line:
    """The physical lines of a plan row as one :class:`Line` (see :func:`_separator`)."""
    return join_model_lines(lines, _separator)


@dataclass(slots=True)
class Numbers:
    """The last row and group numbers met in a table."""

    row: int | None = None
    group: int | None = None


def _next_number(no: int, last: int | None, complete: bool) -> bool:
    """Tell whether ``no`` is the number of the next row after ``last``."""
    if last is None:
        return True
    return no == last + 1 or (complete and last < no <= last + _SEQ_SLACK)


#: The word baht: after a number it ends an amount, it opens no row.
_BAHT_RE = re.compile(r"บาท(?![\u0e01-\u0e4e])")
#: A row whose number OCR read as something else (``é โครงการ...``, ``ษ โครงการ...``):
#: one or two signs, its point or not (``lo. โครงการ...``), then a project's name, a
#: speck read as a sign or two before it or not, glued to it or not (``๕ .โครงการ...``,
#: ``L ' โครงการ...``).
_OCR_ROW_START_RE = re.compile(
    r"^\s*(?P<no>\S{1,2})[.,)]?\s+(?:[.,:;'|`\"\u2018\u2019\u201c\u201d]{1,2}\s*)?"
    r"(?P<rest>โครงการ.*)$")
#: A group row whose number OCR read as a sign or two (``[<tab>ด้านการบริหารทั่วไป ๑.``:
#: the ``๑`` and the column's rule): no Thai letter, then the group's name, which
#: names a ด้าน or a แผนงาน; or whose number OCR did not read at all (a faint ``๑``
#: dropped as a speck: ``<tab>ด้านการบริหารทั่วไป ๑. โครงการ...``).
_OCR_GROUP_START_RE = re.compile(
    r"^\s*(?:(?P<no>[^\s\u0e01-\u0e4f]{1,2})\s+)?(?P<rest>(?:ด้าน|แผนงาน)\S.*)$")
#: A row whose number OCR did not read at all (a faint ``๒.`` dropped as a speck): the
#: line opens with a project's name, right after a row that has its budget.
_OCR_BARE_ROW_RE = re.compile(r"^\s*(?=โครงการ\S)")
#: Leading vowels before another (``ใโครงการ``, ``เโครงการ``, ``ใไโโครงการ``) are no
#: Thai spelling: on an OCR'd page they are the rule between the row's number and its
#: name, read as letters. Two SARA E are SARA AE as OCR writes it (``เเผน``), kept.
_OCR_RULE_LETTER_RE = re.compile("(?:[แโใไ]|เ(?!เ))+(?=[เแโใไ])")


def row_start(line: Line, columns: Columns, numbers: Numbers, complete: bool,
              ocr: bool = False, first: bool = False) -> PlainRow | None:
    """The row ``line`` starts, if it starts one: a number in sequence, then words.

    From OCR, a line after a complete row (``complete``), or the table's first line,
    that opens with a sign or two and ``โครงการ`` starts the next item too, its
    number not read, and so does a line after a complete row that opens with
    ``โครงการ`` (the number not read at all), as does the ``first`` line of a table of
    no groups (a table of one row whose ``๑`` OCR lost); a sign or two, or nothing,
    before a ด้าน or แผนงาน name starts the next group of a table of groups (its
    first too: a group's name never wraps from a row with its budget); and a number
    out of sequence after a complete row starts one.
    """
    text = line.text.strip()
    m = _ROW_START_RE.match(text) or (_OCR_COMMA_ITEM_RE.match(text) if ocr else None)
    if m is not None and not _ROW_BODY_RE.match(m.group("rest")) \
            and not (ocr and (_OCR_NAME_SPECK_RE.match(m.group("rest"))
                              or _OCR_GLUED_RULE_RE.match(m.group("rest")))):
        m = None  # a number that opens no words (``(``, a digit, a dash after it)
    if m is not None and _BAHT_RE.match(m.group("rest")):
        m = None  # an amount's last digits the wrap put under it (``388,800.0`` / ``0 บาท``)
    if ocr and complete and columns.group and m is None and numbers.group is not None \
            and (item := OCR_ITEM_RE.match(text) or _OCR_ROW_START_RE.match(text)) is not None:
        # an item of the group above, its number misread (``lo, โครงการ...``, or its
        # point lost too: ``© โครงการ...``): not read
        return PlainRow("item", [line], None,
                        item.start("rest") if item.re is _OCR_ROW_START_RE else item.end())
    if ocr and complete and m is None \
            and ((numbers.group or numbers.row) is not None or (first and not columns.group)) \
            and _OCR_BARE_ROW_RE.match(text) is not None:
        # the next item, its number lost: no number read
        if not columns.group:
            numbers.row = (numbers.row or 0) + 1
        return PlainRow("item", [line], None, 0)
    if ocr and complete and columns.group and m is None \
            and (odd := _OCR_GROUP_START_RE.match(text)) is not None:
        numbers.group, numbers.row = (numbers.group or 0) + 1, None  # the next group
        return PlainRow("group", [line], None, odd.start("rest"))
    if ocr and complete and not columns.group and m is None:
        odd = _OCR_ROW_START_RE.match(text)
        if odd is not None:  # the first row too: its number misread (``® โครงการ...``)
            numbers.row = (numbers.row or 0) + 1
            # offsets index the joined row, whose lines are stripped (:func:`join_lines`)
            return PlainRow("item", [line], None, odd.start("rest"))
    if m is None:
        return None
    no = to_int(m.group("no"))
    if no is None:
        return None
    # A routine list's item whose point OCR lost (``๒ โครงการ...`` under its group): a
    # group names a ด้าน or a แผนงาน, never a project.
    group = columns.group and not m.group("dot") and not (
        ocr and numbers.group is not None and _OCR_BARE_ROW_RE.match(m.group("rest")))
    last = numbers.group if group else numbers.row
    # From OCR a Thai digit may be misread (``๔`` as ``๕``): after a complete row
    # any number starts the next.
    if not _next_number(no, last, complete) and not (ocr and complete):
        return None
    if group:
        numbers.group, numbers.row = no, None
    else:
        numbers.row = no
    rest = m.start("rest")
    if ocr and (speck := _OCR_NAME_SPECK_RE.match(text, rest)
                or _OCR_GLUED_RULE_RE.match(text, rest)):
        rest = speck.end()
    if ocr and (rule := _OCR_RULE_LETTER_RE.match(text, rest)):
        rest = rule.end()  # the column's rule read as vowels glued to the name: ``ใโครงการ``
    return PlainRow("group" if group else "item", [line], m.span("no"), rest)


def total_next(lines: list[Line], j: int) -> bool:
    """Whether the next line after ``lines[j]`` with text is a table's total (``รวม…``).

    A section's heading is followed by its own table's header; a line a total
    follows is still in the table above: the rest of its last row's unit, which a
    wrap cut inside the name (``…บาท ก`` / ``องยุทธศาสตร์ฯ``, naming ``ยุทธศาสตร์``
    as a strategic section's heading does) before the table's ``รวมงบประมาณทั้งสิ้น``.
    """
    after = next((line.text for line in lines[j + 1:] if line.text.strip()), "")
    return is_total(" ".join(_TAG_RE.sub(" ", after).split()))


#: A tag left in a line of an HTML table's text (matched without it).
_TAG_RE = re.compile(r"<[^<>\n]*>")
def set_aside_findings(row: PlainRow) -> list[Finding]:
    """A warning for each bare number alone on a line inside ``row`` before its budget.

    Set aside when the document's pages cannot tell a page's number from the name's
    last number the print wrapped alone (``…ระยะที่`` / ``4`` / ``8,300,000 บาท``,
    :meth:`~.plan_page_furniture.Furniture.lone_number`): the name is not loaded.
    """
    return [Finding("plan_projects", None, "name", "warning", "ambiguous_value",
                    f"line {line.no}: {line.text.strip()!r} alone inside a row before its "
                    f"budget is a page number or the end of the name: name not loaded")
            for line in row.set_aside if _NUMBER_ALONE_RE.match(line.text)]


#: Most lines one row is printed on (a row that never states its budget ends there).
MAX_ROW_LINES = 12
#: A line opening with a Thai letter: a project's, a group's or a unit's words.
_THAI_START_RE = re.compile("^[\u0e01-\u0e2eเ-ไ]")
#: A row's number standing alone on its line (``๓``, ``12``).
_NUMBER_ALONE_RE = re.compile(rf"^\s*(?P<no>{DIGIT}{{1,3}})\s*$")


def number_alone(lines: list[Line], j: int, columns: Columns, numbers: Numbers,
                 complete: bool, heads: Callable[[int], int]) -> bool:
    """Whether a number alone on ``lines[j]`` is the next row's, not a page number.

    Text copied from a PDF viewer puts each cell on a line of its own (``๓`` /
    ``โครงการ...`` / ``๔,๙๖๐,๐๐๐ บาท`` / ``ส่วนคดี``): the row's number stands alone,
    as a page number does. It is the row's when the row above has its budget
    (``complete``; or the table has no row yet), it is the next in the table's
    sequence (its groups' in a table of groups), the next line with text opens
    with a Thai letter and is no total, and the lines after it are the row's cells
    up to its budget (:func:`_cells_to_budget`): a page number equal to the next
    row's stands above a running header and the header printed again, or above the
    row's own number. ``heads(k)``: how many lines a table header at ``lines[k]``
    takes (0: none). When unsure the number is read as a page number (the row is
    lost, never given a header's words).
    """
    m = _NUMBER_ALONE_RE.match(lines[j].text)
    if m is None or not complete:
        return False
    last = numbers.group if columns.group else numbers.row
    no = to_int(m.group("no"))
    if no != (last or 0) + 1:
        return False
    after = next((line.text.strip() for line in lines[j + 1:] if line.text.strip()), "")
    return bool(_THAI_START_RE.match(after)) and not is_total(" ".join(after.split())) \
        and _cells_to_budget(lines, j, no, columns, heads)


def _cells_to_budget(lines: list[Line], j: int, no: int, columns: Columns,
                     heads: Callable[[int], int]) -> bool:
    """Whether the lines after the number alone on ``lines[j]`` reach a budget as one row's.

    They are the row's cells when a budget is said within :data:`MAX_ROW_LINES` lines
    of text, before a table header, a total,
    or the same number alone again above a Thai line other than a budget (the row's
    own number under a page number; above its budget, ``ไม่ใช้งบประมาณ`` too, it is the
    end of the name the print wrapped).
    """
    seen = 0
    for k in range(j + 1, len(lines)):
        text = lines[k].text.strip()
        if not text:
            continue
        seen += 1
        if seen >= MAX_ROW_LINES:
            return False
        alone = _NUMBER_ALONE_RE.match(text)
        after = next((line.text.strip() for line in lines[k + 1:] if line.text.strip()), "")
        if heads(k) or is_total(" ".join(text.split())) or (
                alone and to_int(alone.group("no")) == no and _THAI_START_RE.match(after)
                and budget_said(after, bool(columns.baht_unit)) is None):
            return False
        if budget_said(text, bool(columns.baht_unit)) is not None:
            return True
    return False


#: The first Thai letter of a line, where a row's name starts after what OCR made of its number.
_THAI_WORD_START_RE = re.compile("[\u0e01-\u0e2eเ-ไ]")


def unnumbered_whole(line: Line, columns: Columns, heading: bool) -> PlainRow | None:
    """On an OCR'd page, a whole row on one line whose number and first words OCR garbled.

    After a row with its budget and unit, a line stating a budget of its own, words
    before it and a unit after it (``ตา ซาร์ บ รร ฒ,๕๓๕,๓๐๐ บาท ส่วนคดี``), is the next
    row, not the rest of the unit above (a row has one budget); in a table of no
    groups with a unit column only; ``heading``: the line heads the next table.
    Its number is not read; its name is as OCR read it.
    """
    text = line.text.strip()  # a row's offsets index its stripped lines (:func:`join_lines`)
    if columns.group or not columns.unit or heading or is_total(text):
        return None
    said = budget_said(text, bool(columns.baht_unit))
    word = _THAI_WORD_START_RE.search(text)
    if said is None or word is None or word.start() >= said.start() \
            or not _THAI_WORD_START_RE.search(text, said.end()):
        return None
    return PlainRow("item", [line], None, word.start())


__all__ = ["MAX_ROW_LINES", "OCR_ITEM_RE", "Columns", "Numbers", "PlainRow", "PlainTable",
           "join_lines", "number_alone", "row_start", "set_aside_findings", "total_next",
           "unnumbered_whole"]


#: A line right under the header, with no digit and at most this many letters,
#: is the rest of a header cell (``ที่รับผิดชอบ``).
_HEADER_TAIL_MAX = 40


def passed_under_header(text: str, is_heading: Callable[[str], bool]) -> bool:
    """Tell a line under a table's header, before its first row, that is no row of it.

    The rest of a header cell (``ที่รับผิดชอบ``: no digit, short), or a section's
    statement that it lists nothing (``- ไม่มีโครงการในหมวดนี้ -``); never its total
    (``รวมงบประมาณทั้งสิ้น -``) or the next section's heading (``is_heading``).
    """
    return NO_ITEMS_RE.match(text) is not None or (
        not re.search(DIGIT, text) and len(squash(text)) <= _HEADER_TAIL_MAX
        and not is_total(text) and not is_heading(text))

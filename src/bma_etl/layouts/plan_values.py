"""Raw values of the annual action plan's cells: pieces cut around tags, numbers, budgets.

Stage: extract (a helper of :mod:`bma_etl.layouts.annual_action_plan`, not a layout).
Consumes spans of a :class:`~bma_etl.layouts.base.RepairedText` and the
:class:`~bma_etl.layouts.plan_cells.Cell` s of its tab tables; produces the raw
pieces of a cell cut around HTML tags (``<p>``, ``<u>``, ``<ol ...>``: no tag
reaches a value), text field values read as segments, an item's budget fields
(:func:`put_budget`, :class:`BudgetTable`), and whole numbers and amounts read as
the normalize stage will.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from bma_etl.errors import NormalizeError
from bma_etl.layouts.base import Derived, FieldValue, Raw, RawRow, RepairedText
from bma_etl.layouts.common import ORGANISATION_WORD
from bma_etl.layouts.plan_cells import DIGIT, TAG_RE, Cell, Row
from bma_etl.normalize.digits import NO_BUDGET_RE, parse_amount, parse_int
from bma_etl.normalize.text import clean_text

#: Inline markup, which breaks no line: ``<u>นิยาม</u> การ...`` reads ``นิยาม การ...``.
_INLINE_TAG_RE = re.compile(r"</?(?:u|b|i|em|strong|span|font|sup|sub|small)\b[^<>\n]*>",
                            re.IGNORECASE)

def pieces(doc: RepairedText, start: int, end: int) -> list[Raw]:
    """Raw pieces of ``text[start:end]`` cut around HTML tags, blank pieces dropped."""
    text = doc.text[start:end]
    if "<" not in text:  # no tag: one piece at most
        raw = doc.raw(start, end)
        return [] if raw is None else [raw]
    out: list[Raw] = []
    pos = 0
    for m in TAG_RE.finditer(text):
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
    for m in TAG_RE.finditer(text):
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
    if raw is not None and ("<" not in raw.text or TAG_RE.sub("", raw.text).strip()):
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
    lines = (clean_text(TAG_RE.sub("", p.text)) for p in parts)
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
    tags = [t.span() for t in TAG_RE.finditer(cell.text)]
    for m in regex.finditer(cell.text):
        inside_tag = any(a <= m.start() < b for a, b in tags)
        if not inside_tag:
            return doc.raw(cell.start + m.start(), cell.start + m.end())
    return None


def put_budget(fields: dict[str, FieldValue], amounts: list[Decimal], no_budget: bool,
               said: Raw | Derived | None, *, ocr: bool) -> bool:
    """An item's ``budget_thb`` and ``uses_budget`` from what its budget cell says.

    ``no_budget``: the cell says ไม่ใช้งบประมาณ (``said`` is those words); else
    ``said`` is the amount (Derived when scaled by its heading's unit,
    :func:`in_unit`), whose value joins ``amounts`` (for the section's computed
    total, read with OCR's repairs when ``ocr``). False when the cell said neither.
    """
    if no_budget:
        fields["uses_budget"] = Derived(False, "the plan states ไม่ใช้งบประมาณ",
                                        said.span if isinstance(said, Raw) else None)
        return True
    if said is None:
        return False
    fields["budget_thb"] = said
    span = said.span if isinstance(said, Raw) else said.evidence
    fields["uses_budget"] = Derived(True, "a budget amount is stated", span)
    number = to_decimal(said.text, ocr=ocr) if isinstance(said, Raw) else \
        said.value if isinstance(said.value, Decimal) else None
    if number is not None:
        amounts.append(number)
    return True


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
    stated_total: Raw | Derived | None = None
    #: Items whose budget cell is printed empty (text as printed, not OCR'd): no amount
    #: they list is missing from the section's sum.
    unstated: list[RawRow] = field(default_factory=list)


#: A budget cell holding a dash alone (``-``): the plan states no budget for the item.
_DASH_RE = re.compile(r"[-–—]")


def states_no_budget(text: str, *, dash: bool) -> re.Match[str] | None:
    """ไม่ใช้งบประมาณ in a budget cell's text, or a dash alone (``-``), as a match in it.

    Both state that the project uses no budget; None when the cell says neither. A
    dash counts only when ``dash`` (text as printed: on an OCR'd page a speck in a
    cell whose amount OCR lost reads as one).
    """
    said = NO_BUDGET_RE.search(text)
    if said is None and dash and _DASH_RE.fullmatch(text.strip()):
        said = _DASH_RE.search(text)
    return said


def budget_elsewhere(row: Row, name_col: int | None, skip: tuple[int, ...] = ()) -> Cell | None:
    """The cell after the name that states a budget, when the budget column's does not.

    A table continued on another page, or drawn without rules, may come back with
    its columns shifted: the amount or ไม่ใช้งบประมาณ is then found by what it says.
    Columns in ``skip`` (another year's budget) are never it.
    """
    for col in range((name_col or 0) + 1, len(row.texts)):
        cell = None if col in skip else row.cell(col)
        if cell is not None and (NO_BUDGET_RE.search(cell.text) or
                                 _BUDGET_CELL_RE.match(cell.plain)
                                 or budget_then_unit(cell) is not None):
            return cell
    return None


def budget_then_unit(cell: Cell | None) -> int | None:
    """Where the unit's words start in a cell that begins with the budget, or None.

    A print whose gap between the budget column and the unit column was read as a
    space gives one cell for both: ``๑๑,๕๐๘,๔๐๐.๐๐ บาท ส่วนคดี``, ``ไม่ใช้งบประมาณ
    ส่วนโยธา``. An amount in baht or ไม่ใช้งบประมาณ is never a unit's name, so the
    words after it are the unit; the offset is into ``cell.text``. None when the
    cell does not begin with a budget or has no words after it.
    """
    if cell is None:
        return None
    said = _BUDGET_THEN_WORDS_RE.match(cell.text)
    if said is None:
        no_budget = NO_BUDGET_RE.search(cell.text)
        if no_budget is None or cell.text[:no_budget.start()].strip():
            return None
        said = _WORDS_AFTER_RE.match(cell.text, no_budget.end())
    return said.end() if said is not None else None


#: A Thai word's first letter (a consonant, or a vowel written before it: เ แ โ ใ ไ)
#: or a bracket.
_WORD_START = r"(?=[\u0e01-\u0e2e\u0e40-\u0e44(])"
#: An amount in baht at a cell's start with words after it (the unit run into it).
_BUDGET_THEN_WORDS_RE = re.compile(
    rf"\s*{DIGIT}{{1,3}}(?:,{DIGIT}{{3}})*(?:\.{DIGIT}{{0,2}})?[.\-–]*\s*บาท\s+{_WORD_START}"
)
#: The space between ไม่ใช้งบประมาณ and the words of the unit after it.
_WORDS_AFTER_RE = re.compile(rf"\s+{_WORD_START}")
#: Words that read as an organisation's name (:data:`ORGANISATION_WORD` first), never
#: words about the budget (``(หนึ่งล้านบาทถ้วน)``, ``งบประมาณกรุงเทพมหานคร``).
_UNIT_NAME_RE = re.compile(rf"{ORGANISATION_WORD}(?!.*(?:บาท|งบ))", re.DOTALL)


def unit_beside(doc: RepairedText, row: Row, unit_col: int,
                budget_cell: Cell | None) -> Raw | list[Raw] | None:
    """The ``responsible_unit`` of a budget table's row: its unit cell's pieces.

    When the unit cell is empty or is the budget's own cell, and that cell goes on
    with words after the budget (:func:`budget_then_unit`) that read as an
    organisation's name (:data:`_UNIT_NAME_RE`: ``ส่วนคดี``, ``โรงพยาบาลกลาง``), those
    words are the unit. Other words there (``(หนึ่งล้านบาทถ้วน)``,
    ``งบประมาณกรุงเทพมหานคร``) name no unit: the unit is then the unit cell's, None
    when it is empty or is the budget's own cell.
    """
    unit = row.cell(unit_col)
    if budget_cell is None or not (unit is None or not unit.plain
                                   or unit.start == budget_cell.start):
        return _without_rule(doc, value(cell_pieces(doc, unit)))
    start = budget_then_unit(budget_cell)
    if start is not None and _UNIT_NAME_RE.match(budget_cell.text, start):
        return value(pieces(doc, budget_cell.start + start,
                            budget_cell.start + len(budget_cell.text)))
    return None if unit is not None and unit.start == budget_cell.start \
        else value(cell_pieces(doc, unit))


#: A table's rule before a unit's name as OCR read it (``เ(ฝ่ายโยธา``, ``(ฝ่ายโยธา``,
#: ``|กองคลัง``): no unit's name starts so (a bracket opened is closed after it).
_RULE_BEFORE_UNIT_RE = re.compile(rf"^(?:เ?[(|\[]|เ)\s*(?={ORGANISATION_WORD})(?!.*[)\]])")


def _without_rule(doc: RepairedText, unit: Raw | list[Raw] | None) -> Raw | list[Raw] | None:
    """``unit`` without a rule OCR read before its name (:data:`_RULE_BEFORE_UNIT_RE`).

    >>> doc = RepairedText.of("เ(ฝ่ายโยธา", ocr_used=True)
    >>> _without_rule(doc, doc.raw(0, 10)).text
    'ฝ่ายโยธา'
    """
    m = _RULE_BEFORE_UNIT_RE.match(unit.text) if doc.ocr_used and isinstance(unit, Raw) \
        and not unit.joined else None
    if m is None or unit is None or isinstance(unit, list):
        return unit
    cut = doc.raw(unit.span.char_start + m.end(), unit.span.char_end)
    return cut if cut is not None else unit


#: A cell that is an amount as the budget column prints it (``๘๗๙,๕๐๐.- บาท``).
_BUDGET_CELL_RE = re.compile(
    rf"^\s*{DIGIT}{{1,3}}(?:,{DIGIT}{{3}})*(?:\.{DIGIT}{{0,2}})?[.\-–\s]*(?:บาท)?\s*$"
)


def to_decimal(text: str, *, ocr: bool) -> Decimal | None:
    """Read the number in ``text`` as the normalize stage will (None if unreadable).

    ``ocr``: the text was OCR'd (:func:`parse_amount` repairs it then).
    """
    try:
        return parse_amount(text, ocr=ocr)
    except NormalizeError:
        return None


def to_int(text: str) -> int | None:
    """Read a whole number as the normalize stage will (None if unreadable)."""
    try:
        return parse_int(text)
    except NormalizeError:
        return None


def finish_text_fields(doc: RepairedText, rows: list[RawRow]) -> None:
    """Turn the segments each text field of ``rows`` was read as into its value."""
    for row in rows:
        for name, parts in row.fields.items():
            if isinstance(parts, Raw | list):
                row.fields[name] = text_value(doc, parts)

"""A flowing step row's number cells as OCR reads them (see :mod:`bma_etl.layouts.plan_flow`).

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_flow`, not a layout).
Consumes the joined text of one step row read off an OCR'd page; tells where the
row's two number cells (the step's percentage and the cumulative) start when OCR
misread their digits, so they did not add up (:func:`cells_start`), and whether a
row ends with such cells (:func:`ends_with_cells`): the words before them are the
step's, the cells are none of its words. Also joins a row's lines as the flow readers read
them (:func:`joined_row`, :func:`joinings`).
"""

from __future__ import annotations

import re
from decimal import Decimal

from bma_etl.layouts.base import FieldValue, Line, Raw
from bma_etl.layouts.plan_cells import DIGIT
from bma_etl.layouts.plan_values import to_decimal
from bma_etl.matchkey import MARKS
from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.rows import join_lines, separator

__all__ = ["DIGIT_END", "OCR_BARE_START", "between_lines", "cells_start", "confirm_percentages",
           "ends_with_cells", "ends_with_two_cells", "first_cell", "glued_span", "joined_row",
           "joinings"]

#: A number without its point before Thai words: a step's start on an OCR'd page
#: when the lines before end with a row's cells.
OCR_BARE_START = re.compile(rf"^\s*{DIGIT}{{1,2}}\s+[\u0e01-\u0e4f]{{3}}")
#: The cells after an OCR'd step's words that did not add up: numbers and marks.
#: A number is a token of digits with at most two other signs OCR put among them
#: (``ฒ๐`` ``«๐``: ๗ and ๔ misread, a letter with a mark: ``ฒ่๐``, a speck read as a
#: leading vowel: ``เ๕๐``, a digit read as the repetition mark: ``9ๆ0``), a mark a
#: short token of no Thai and no digit (``'dbo``: ๑๐๐ misread).
_OCR_NUMBER = (rf"(?=[^\s]*{DIGIT})(?:[^\s\u0e01-\u0e4f]|ๆ|[ก-ฮเ-ไ][{MARKS}]?(?=[^\s]*{DIGIT}))"
               r"{1,5}")
_OCR_MARK = r"[^\s\u0e00-\u0e7f0-9]{1,4}"
_OCR_CELLS_END = re.compile(
    rf"(?:\s+(?:{_OCR_NUMBER}|{_OCR_MARK}))*\s+{_OCR_NUMBER}(?:\s+{_OCR_MARK})*\s*$")
#: The cells after a step's words whose last cell, after the cells' gap (a tab), OCR read
#: as one or two Thai letters (``...ในพื้นที่ ๓ ๐\tสง``: ``๓๐ ๘๐``, the wrap cut the first),
#: or with a number's digit read as a lone letter before that gap (``...มหานคร ๒ ว\tMO``).
_OCR_LETTER_CELLS_END = re.compile(
    rf"(?:\s+(?:{_OCR_NUMBER}|{_OCR_MARK}))*\s+{_OCR_NUMBER}(?:\s+[ก-ฮ](?=\t))?"
    rf"\t+(?:[ก-ฮ]{{1,2}}|{_OCR_MARK}|{_OCR_NUMBER})\s*$")
#: A step's two number cells both read as Latin letters (``mo do``: ๓๐ ๑๐๐; a sign
#: among them: ``ao) =O``), right after its Thai words: the form ends a step with
#: them, so they are no words of it.
_LATIN_CELL = r"(?=\S*[A-Za-z])[^\s\u0e00-\u0e7f0-9]{1,3}"
_OCR_LATIN_CELLS_END = re.compile(
    rf"(?<=[\u0e01-\u0e4f])\s+{_LATIN_CELL}\s+{_LATIN_CELL}(?:\s+{_OCR_MARK})*\s*$")
#: The percentage run into the step's last word (``หลักและรอง๑๐ mo``: the wrap left
#: no space), the cumulative after it misread: the digits are no part of the word.
_OCR_GLUED_CELLS_END = re.compile(
    rf"(?<=[\u0e01-\u0e4f]){DIGIT}{{1,3}}(?:\s+(?:{_OCR_NUMBER}|{_OCR_MARK}))+\s*$")


#: A row's two cells at its line's end, after its words: a number, then a number or
#: a Latin misreading of one (``๑๐ ๕๐``, ``๕๐ Go»``, ``. ๓๐ alo``). A wrap that cut a
#: number leaves one (``…ถัดไป 4``): no end so.
_OCR_TWO_CELLS_END = re.compile(
    rf"(?<=\S)\s+(?:[^\s\w]{{1,2}}\s*)?{_OCR_NUMBER}\s+(?:[^\s\w]{{1,2}}\s*)?"
    rf"(?:{_OCR_NUMBER}|{_LATIN_CELL}[^\s\u0e00-\u0e7f0-9]?)(?:\s+{_OCR_MARK})*\s*$")


def ends_with_two_cells(text: str) -> bool:
    """Whether an OCR'd line ``text`` ends with a step's two number cells after other words.

    >>> ends_with_two_cells("๓. เผยแพร่ผลการดำเนินงาน ๑๐ ๕๐"), ends_with_two_cells("ราชการ . ๓๐ alo")
    (True, True)
    >>> ends_with_two_cells("ตลอดจนสรุปผลและข้อเสนอแนะ 4"), ends_with_two_cells("0 40")
    (False, False)
    """
    return _OCR_TWO_CELLS_END.search(text) is not None


def ends_with_cells(text: str) -> bool:
    """Whether a step row's joined ``text`` ends with its number cells (misread or not).

    Both cells may be read as Latin letters right after the row's Thai words
    (``…แผนปฏิบัติ NNT bo ~~ lo``: :data:`_OCR_LATIN_CELLS_END`).

    >>> ends_with_cells("ขออนุมัติโครงการ NNT bo ~~ lo"), ends_with_cells("ขออนุมัติโครงการ Ok")
    (True, False)
    """
    return any(rx.search(text) is not None
               for rx in (_OCR_CELLS_END, _OCR_LATIN_CELLS_END, _OCR_LETTER_CELLS_END))


def cells_start(text: str, body: int) -> int | None:
    """Where the number cells OCR misread start after a step's words at ``body``; None: none.

    >>> cells_start("๒. จัดทำรายงานผลการดำเนินโครงการ mo do", 3)
    32
    >>> cells_start("๔. จัดทำรายงานผล ao) =O", 3), cells_start("๒. หลักและรอง๑๐ mo", 3)
    (16, 13)
    """
    found = [m.start() for m in (_OCR_CELLS_END.search(text, body),
                                 _OCR_LATIN_CELLS_END.search(text, body),
                                 _OCR_GLUED_CELLS_END.search(text, body),
                                 _OCR_LETTER_CELLS_END.search(text, body))
             if m is not None and m.start() > body]
    return min(found) if found else None  # the percentage run into the words starts them


#: A step's percentage as its first cell: a number alone (``๔๐``, ``30``).
_FIRST_CELL_RE = re.compile(rf"\s*({DIGIT}{{1,3}})(?=\s|$)")


def glued_span(m: re.Match[str], expected: Decimal) -> tuple[int, int]:
    """Span of the step's percentage when the page ran it into the words before it.

    The digits before the cumulative end with ``expected`` (the cumulative less the
    one before): those last digits are the percentage. Else the span as matched.
    """
    start, end = m.span("pct")
    digits = to_arabic_digits(m.group("pct"))
    want = f"{expected.normalize():f}"
    if expected > 0 and len(digits) > len(want) and digits.endswith(want):
        return end - len(want), end
    return start, end


def first_cell(text: str, at: int) -> tuple[int, int] | None:
    """Span of a whole number opening the cells at ``at`` (:func:`cells_start`); None: none.

    >>> first_cell("ราชการ 40 9ๆ0", 6), first_cell("ราชการ ฆ่๐ ๑", 6)
    ((7, 9), None)
    """
    m = _FIRST_CELL_RE.match(text, at)
    return m.span(1) if m else None


def confirm_percentages(steps: list[tuple[dict[str, FieldValue], Raw | None]], *,
                        ocr: bool) -> None:
    """Give a step whose cells did not add up the percentage its first cell ``pct`` says.

    ``steps``: one table's steps in order, each with the whole number its cells open
    with when they did not add up (:func:`first_cell`; None for the others). The
    number is the step's percentage when the steps around it confirm it: the
    cumulative before it (0 before the table's step ``1``) plus the number is the
    cumulative the next step's two cells leave before it (its cumulative less its
    percentage), or 100 for the table's last step. The misread cumulative stays NULL.
    ``ocr``: the document was OCR'd (:func:`~bma_etl.layouts.plan_values.to_decimal`).
    """
    for k, (fields, pct) in enumerate(steps):
        if pct is None or fields.get("step_pct") is not None:
            continue
        if k > 0:
            before = _number(steps[k - 1][0].get("cumulative_pct"), ocr)
        else:
            before = Decimal(0) if _number(fields.get("step_no"), ocr) == 1 else None
        if k + 1 < len(steps):
            step, cum = (_number(steps[k + 1][0].get(f), ocr)
                         for f in ("step_pct", "cumulative_pct"))
            after = cum - step if step is not None and cum is not None else None
        else:
            after = Decimal(100)
        number = _number(pct, ocr)
        if before is not None and number is not None and before + number == after:
            fields["step_pct"] = pct


def _number(value: FieldValue, ocr: bool) -> Decimal | None:
    """A cell's number (Thai or Arabic digits); None when it holds none."""
    return to_decimal(value.text, ocr=ocr) if isinstance(value, Raw) else None


def joinings(run: list[Line]) -> list[Line]:
    """The lines of one row as one line, two ways.

    As usual, then with a number the wrap cut (``2`` / ``0``) made whole.
    """
    if len(run) == 1:
        return [run[0]]
    return [joined_row(run), join_lines(
        run, lambda a, b: "" if DIGIT_END.search(a) and DIGIT_START.match(b)
        else between_lines(a, b))]


def joined_row(run: list[Line], cut: bool = False) -> Line:
    """The lines of one row as one line (``22`` / ``.5`` read ``22.5``).

    ``cut``: the last line is the rest of a number the line before ends with
    (``๒`` / ``๐`` read ``๒๐``).
    """
    if len(run) == 1:
        return run[0]
    if not cut:
        return join_lines(run, between_lines)
    last = sum(1 for line in run if line.text.strip()) - 1  # the joins: one per inked line
    joins = [0]  # join_lines calls ``between`` once per inked line after the first, in order

    def between_cut(left: str, right: str) -> str:
        joins[0] += 1
        return "" if joins[0] == last else between_lines(left, right)

    return join_lines(run, between_cut)


def between_lines(left: str, right: str) -> str:
    """:func:`separator`, and nothing before a decimal point the wrap left a line to start."""
    if DIGIT_END.search(left) and _DECIMALS_START.match(right):
        return ""
    return separator(left, right)


_DECIMALS_START = re.compile(rf"\.{DIGIT}")


DIGIT_END = re.compile(f"{DIGIT}$")
DIGIT_START = re.compile(DIGIT)

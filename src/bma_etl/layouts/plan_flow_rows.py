"""How a flowing step table's rows are written (see :mod:`bma_etl.layouts.plan_flow`).

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_flow`, not a layout).
Consumes one line of a step table (or the joined lines of one row); tells whether
it starts a step, holds a whole step (number, words, percentage, cumulative), or
a step whose number OCR lost, as printed (:data:`PRINTED`) or as OCR reads it
(:data:`OCR`, :data:`NUMBERLESS`), and whether a line is a gap or opens
something else (:data:`OTHER_RE`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bma_etl.layouts.base import FieldValue, Line, Raw
from bma_etl.layouts.plan_cells import DIGIT, PAGE_NUMBER_RE
from bma_etl.layouts.plan_flow_cells import OCR_BARE_START, ends_with_cells, joined_row
from bma_etl.layouts.plan_values import to_int
from bma_etl.matchkey import KeyRegex

__all__ = [
    "ARROWS",
    "NUM",
    "NUMBERLESS",
    "OCR",
    "OCR_GLUED_LETTER",
    "OTHER_RE",
    "PRINTED",
    "ROW_LINES_MAX",
    "StepPatterns",
    "is_gap",
    "number_in_order",
    "starts",
]

#: A cell's number (a percentage): digits, a decimal part.
NUM = rf"{DIGIT}+(?:\.{DIGIT}+)?"
#: A step's number: digits, or on an OCR'd page also what OCR read a Thai digit
#: as before its point (``©.`` ``on.``, the point read as a comma: ``lo,``, as both:
#: ``@.,``; ``๓`` read ``©)``): one or two signs or Latin letters, never a Thai
#: letter (``อ.`` ``จ.`` are abbreviations that may start a wrapped line), before
#: Thai words (not ``an. พ.ย.``, the header's months misread) or alone on its line
#: (``©).`` over a description too long to share the number's line).
_NO = rf"(?P<no>{DIGIT}{{1,2}})"
_OCR_NO = (
    rf"(?P<no>{DIGIT}{{1,2}}|[^\s\u0e01-\u0e4f0-9๐-๙.,()]{{1,2}}"
    r"(?=\)?\s*[.,]{1,2}\s*(?:[\u0e01-\u0e4f]{3}|$)))"
)
#: What may follow a whole step's cumulative: the schedule's marks; on an OCR'd
#: page also what OCR read them as (``=-``, ``wo``): short tokens of no Thai, no digit.
_MARKS = r"[\s←→↔\-]*$"
_OCR_MARKS = r"(?:[\s←→↔\-]|[^\s\u0e00-\u0e7f0-9]{1,3}(?=\s|$))*$"
#: Schedule arrows (and white space) a line break set between a step's words and its
#: percentage (``…ถัดไป →<tab>๓๐ ๗๐ ←``): marks of the month columns, no words; on an
#: OCR'd page an arrow's shaft read as a dash (``…หน่วยงาน - ๓๐ ๑๐๐``).
ARROWS = " \t←→↔-–"
#: A whole step as joined: number, words, percentage, cumulative, schedule marks.
#: On an OCR'd page specks may stand between the two numbers, after the percentage
#: or before the cumulative (``๑๐ ' ๒๐``, ``๒๐ %๕๐``, ``๓๐. . . ๓๐``, ``๒๐. ๑๐๐``):
#: signs, a few, no letter, no digit; or one Thai letter a speck or the cell's rule
#: was read as, glued to the cumulative (``10 เ100``, ``30 แ80``: no word is one
#: letter run into digits, :data:`OCR_GLUED_LETTER`).
_STEP_RE = (
    r"^\s*{no}\s*{point}\s*(?P<body>.*?)\s*(?P<pct>{num}){speck}(?P<cum>{num})"
    r"{marks}"
)
_SPACE = r"\s+"
#: One Thai letter (a consonant or a leading vowel) after white space, glued to the
#: digits of a row's last number on an OCR'd page: a speck or a rule read as a letter.
OCR_GLUED_LETTER = rf"(?<=\s)[\u0e01-\u0e2e\u0e40-\u0e44](?={DIGIT})"
_OCR_SPECK = rf"(?:[^\s\w]{{0,2}}\s+){{1,3}}(?:[^\s\w]{{1,2}}\s*|{OCR_GLUED_LETTER})?"
#: A step's words after its number (a step whose percentages do not add up).
_STEP_WORDS_RE = r"^\s*{no}\s*{point}\s*(?P<body>\S.*?)\s*$"


class StepPatterns(NamedTuple):
    """A step's first line, a whole step, a step's words: as printed, or as OCR reads them."""

    start: re.Pattern[str]
    whole: re.Pattern[str]
    words: re.Pattern[str]
    ocr: bool


def _step_patterns(no: str, point: str, marks: str, ocr: bool) -> StepPatterns:
    # OCR reads a point as a comma now and then, or as a comma and a point (``๒,.``),
    # or as a semicolon (``2; ประสานงาน``) or a colon (``๓: เผยแพร่``), and loses the
    # space after it (``๓.ดำเนินการ``: a number in digits before Thai words)
    start = "[.,;:)]{1,2}" if ocr else "[.)]"
    glued = rf"|^\s*{DIGIT}{{1,2}}[.,](?=[\u0e01-\u0e2eเ-ไ][\u0e01-\u0e4f]{{2}})" if ocr else ""
    return StepPatterns(
        re.compile(rf"^\s*{no}\s*{start}(?!{DIGIT})(?:\s|$){glued}"),
        re.compile(
            _STEP_RE.format(
                no=no, point=point, num=NUM, marks=marks, speck=_OCR_SPECK if ocr else _SPACE
            ),
            re.S,
        ),
        re.compile(_STEP_WORDS_RE.format(no=no, point=point), re.S),
        ocr,
    )


PRINTED = _step_patterns(_NO, "[.)]", _MARKS, False)
#: On an OCR'd page a step's point may be lost (``๕ จัดประชุม...``): see :func:`starts`.
OCR = _step_patterns(_OCR_NO, "[.,;:)]{0,2}", _OCR_MARKS, True)
#: Lines that open something else: a table's heading, a new indicator or project.
OTHER_RE = KeyRegex(
    r"^\s*(?:เกณฑ์การให้คะแนน|ชื่อ\s*(?:ตัวชี้วัด|โครงการ)|ตาราง|มาตรการ"
    r"|ตัวชี้วัด|แนวทางการประเมิน)"
)
#: Most lines of one row.
ROW_LINES_MAX = 12


def is_gap(line: Line) -> bool:
    """A blank line, or a number alone (a page number; inside a row, its last cell)."""
    return not line.text.strip() or PAGE_NUMBER_RE.match(line.text) is not None


#: A step's two cells alone on a line, a speck OCR read after the first (``๓๐ . ๑๐๐``):
#: the rest of the step above, not a step numbered by its first cell.
_CELLS_ALONE_RE = re.compile(rf"^\s*{NUM}\s*[^\s\w]{{1,2}}\s+{NUM}\s*$")


def starts(text: str, run: list[Line], pats: StepPatterns) -> bool:
    """Whether ``text`` starts a step (after the lines ``run`` of the step before)."""
    if pats.start.match(text):
        return not (pats.ocr and run and _CELLS_ALONE_RE.match(text))
    return (
        pats.ocr
        and bool(run)
        and OCR_BARE_START.match(text) is not None
        and ends_with_cells(joined_row(run).text)
    )


#: What is left of a step's number OCR misread past a digit, before the step's words
#: (``Pe จัดทำ...``, ``ล`` over them, ``อ. ประสานงาน...``): a Latin token, or one Thai
#: letter with or without a point. Taken so only where a step is due (the row
#: before ended with its cells): elsewhere ``อ.`` may be an abbreviation.
_LOST_NO = r"(?P<no>)(?:(?:[A-Za-z]{1,3}|(?!ณ)[ก-ฮ][.,]?)\s+)?"
#: A step whose number OCR lost: Thai words from the line's start (or after what is
#: left of the number), then its two cells.
NUMBERLESS = StepPatterns(
    re.compile(r"^\s*(?:(?:[A-Za-z]{1,3}|(?!ณ)[ก-ฮ][.,]?)\s+)?(?=[\u0e01-\u0e2eเ-ไ])"),
    re.compile(
        _STEP_RE.format(no=_LOST_NO, point="", num=NUM, marks=_OCR_MARKS, speck=_OCR_SPECK), re.S
    ),
    re.compile(_STEP_WORDS_RE.format(no=_LOST_NO, point=""), re.S),
    True,
)


def number_in_order(rows: list[dict[str, FieldValue]]) -> None:
    """NULL the last step's ``step_no`` unless it follows the step before's.

    ``rows``: the fields of one table's steps read so far, the last one read with
    its number cells OCR misread (no cell confirms the row) and its number without
    its point (``๕ ดำเนินการ...``): OCR misreads a digit as another (``๕`` for ``๔``),
    so the number is kept only when it is the table's first (``1``) or the step
    before's + 1.
    """
    no = rows[-1].get("step_no")
    if not isinstance(no, Raw):
        return
    want: int | None = 1
    if len(rows) > 1:
        before = rows[-2].get("step_no")
        last = to_int(before.text) if isinstance(before, Raw) else None
        want = None if last is None else last + 1
    if want is None or to_int(no.text) != want:
        rows[-1]["step_no"] = None


"""A flowing step table's header lines and total row (see :mod:`bma_etl.layouts.plan_flow`).

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_flow`, not a layout).
Consumes the document's lines from a ``ขั้นตอนการดำเนินงาน`` header; tells where the
header's lines (its words, years and month abbreviations, on an OCR'd page also
the month row OCR misread past every month) end and the steps begin.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bma_etl.layouts.base import Line
from bma_etl.layouts.plan_cells import DIGIT
from bma_etl.matchkey import LINE_CACHE, KeyRegex, key

__all__ = ["STEP_HEADER_RE", "STEP_TOTAL_RE", "is_step_header", "skip_header"]

#: A step table's header (its first words), as printed or with its marks lost.
STEP_HEADER_RE = KeyRegex(r"^\s*ขั้นตอน\s*การ\s*ดำเนิน\s*งาน")
#: Those words in key form as OCR reads them off a noisy scan: a letter read as
#: another of like shape (``ชั้นตอน``, ``การตำเนินงาน``) or a speck before them
#: (``ขชั้นตอน``). Taken for the header only with its ``ร้อยละ`` on the same line.
#: Off a 1-bit scan in a serif font (Norasi at 200 dpi) the loop of ``ข`` and the
#: head of ``อ`` break: read ``ย`` and ``ก`` or ``ถ`` (``ยึ้นตกนการตำเนินงาน``; the
#: page's ``ของ`` read ``ยอง``, ``ยกง``).
_OCR_HEADER_KEY = re.compile(r"^[ก-ฮ]?[ขชย]น[ตด][อกถ]นการ[ดต]าเนนงาน")
#: A speck OCR read as a short token before the header's words (``ea ขั้นตอน...``):
#: Latin letters or signs, no Thai, no digit, set off by a space.
_OCR_SPECK_LEAD_RE = re.compile(r"^\s*[^\s\u0e00-\u0e7f0-9]{1,3}\s+(?=\S)")
_PERCENT_KEY = key("ร้อยละ")
#: The table's total row (``รวม ๕ ขั้นตอน คิดเป็นร้อยละ``); not ``รวมทั้ง...``, a word.
#: Its count OCR may misread, and ขั้นตอน with it (``รวม > ชั้นตอน คิดเป็นร้อยลอะ``):
#: a few short words, then คิดเป็น.
STEP_TOTAL_RE = KeyRegex(rf"^\s*รวม\s*(?:ทั้งสิ้น\s*)?(?:{DIGIT}+\s*ขั้นตอน|$|{DIGIT}"
                         r"|(?:\S{1,8}\s+){1,2}คิด\s*เป็น)")
_MONTHS = ("ต.ค", "พ.ย", "ธ.ค", "ม.ค", "ก.พ", "มี.ค", "เม.ย", "พ.ค", "มิ.ย", "ก.ค", "ส.ค", "ก.ย")
#: A step table header's words, in key form (OCR loses their marks).
_HEADER_KEYS = tuple(key(w) for w in ("ร้อยละ", "ความก้าวหน้า", "ระยะเวลา", "ขั้นตอนการ"))
#: Most lines of the repeated header.
_HEADER_LINES_MAX = 6
#: Fewest tokens of a schedule's month row as OCR reads it (``an. หพย ศา มด OW. มัค``).
_MONTH_TOKENS_MIN = 6
#: A short token: at most four signs, each with the marks above or below it (OCR may
#: add two to a month's letters: ``กูุพ.`` for ``ก.พ.``).
_MARK = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_SHORT_TOKEN = re.compile(rf"(?:[^\s{_MARK}][{_MARK}]*){{1,4}}")
#: Fewest month abbreviations read whole that make a line the schedule's month row.
_MONTHS_MIN = 3


@lru_cache(maxsize=LINE_CACHE)
def is_step_header(text: str, ocr: bool) -> bool:
    """Whether line ``text`` opens a step table (``ขั้นตอนการดำเนินงาน ... (ร้อยละ)``).

    ``ocr``: the page was OCR'd, so its first words may be misread as
    :data:`_OCR_HEADER_KEY` allows, or after a speck (:data:`_OCR_SPECK_LEAD_RE`), the
    line then also saying ``ร้อยละ``.
    """
    if STEP_HEADER_RE.match(text):
        return True
    if not ocr:
        return False
    folded = key(_OCR_SPECK_LEAD_RE.sub("", text))
    return _OCR_HEADER_KEY.match(folded) is not None and _PERCENT_KEY in folded


def skip_header(lines: list[Line], i: int, start: re.Pattern[str], ocr: bool) -> int:
    """Index of the first line after the step table header starting at line ``i``.

    ``start``: the pattern of a step's first line, which ends the header; ``ocr``:
    the page was OCR'd (a month row OCR misread is header, however it starts).
    """
    end = i + 1
    months = False  # the month row seen: on an OCR'd page the header's last row
    for j in range(i + 1, min(i + _HEADER_LINES_MAX, len(lines))):
        text = lines[j].text
        if end == j and _month_tail(text):
            end = j + 1
            continue
        if ocr and (_ocr_month_row(text) or _months_read(text)
                    or (end == j and _lone_month(lines, j, start))):
            end, months = j + 1, True
            continue
        if ocr and months and end == j and _month_row_rest(text):
            end = j + 1  # the month row's last months, wrapped (``ส.ค.<tab>กุย.``)
            continue
        if start.match(text) or STEP_TOTAL_RE.match(text) or (ocr and months):
            break  # (a first step whose number OCR lost may name ความก้าวหน้า)
        if _is_header_line(text):
            end = j + 1
            months = months or sum(m in text for m in _MONTHS) >= _MONTHS_MIN
    return end


#: The last month the header's row wrapped onto a line of its own, as OCR read it
#: (``ก.ย.`` read ``fe.``): one short token, no digit, no Thai letter.
_LONE_MONTH_RE = re.compile(r"^\s*[^\s0-9๐-๙\u0e01-\u0e4f]{1,4}\s*$")


def _month_tail(text: str) -> bool:
    """Whether ``text`` is a month's end the month row wrapped onto a line of its own.

    ``ย.``: the rest of ``ก.ย.``, read right.

    >>> _month_tail("ย."), _month_tail("ก.ย."), _month_tail("ยื่นคำขอ")
    (True, True, False)
    """
    tail = text.strip().rstrip(".")
    return bool(tail) and any(m.endswith(tail) for m in _MONTHS)


def _lone_month(lines: list[Line], j: int, start: re.Pattern[str]) -> bool:
    """On an OCR'd page, whether line ``j`` (after the header's lines) is its last month.

    The month misread (``fe.``), not a step's number alone on its line: a number
    alone on its line has its step's words on the next; a line that starts a step
    of its own (``๑. สืบค้น...``) leaves the token none.
    """
    return bool(_LONE_MONTH_RE.match(lines[j].text)) and j + 1 < len(lines) \
        and start.match(lines[j + 1].text) is not None


#: Most months the month row may wrap onto a line of its own.
_ROW_REST_MAX = 3


def _month_row_rest(text: str) -> bool:
    """Whether ``text`` is the month row's last months the page wrapped onto a line.

    A few short tokens (at most four signs each), one a month read whole
    (``ส.ค.<tab>กุย.``: ส.ค. and ก.ย. misread); no step's words.
    """
    tokens = text.split()
    return 0 < len(tokens) <= _ROW_REST_MAX and all(_SHORT_TOKEN.fullmatch(t) for t in tokens) \
        and any(t.rstrip(".") in _MONTHS for t in tokens)


def _is_header_line(text: str) -> bool:
    """A line of a step table's header: its words, years or month abbreviations."""
    if any(m in text for m in _MONTHS) or "พ.ศ" in text:
        return True
    folded = key(text)
    return any(w in folded for w in _HEADER_KEYS)


def _months_read(text: str) -> bool:
    """Whether ``text`` names :data:`_MONTHS_MIN` months or more: the month row.

    However OCR read its other tokens (its first like a step's number:
    ``aa. พุย. ก.ค. ...``); no step's words name three months.
    """
    return sum(m in text for m in _MONTHS) >= _MONTHS_MIN


def _ocr_month_row(text: str) -> bool:
    """Whether ``text`` is a step table header's month row OCR misread (no month left whole).

    Twelve abbreviations read as short tokens (at most four signs each, marks OCR
    added not counted), at least
    :data:`_MONTH_TOKENS_MIN` of them; a step's words are longer (``ดำเนินการ``).
    Its first token may look like a step's number (``an.``): the row is no step.
    """
    tokens = text.split()
    return len(tokens) >= _MONTH_TOKENS_MIN and all(_SHORT_TOKEN.fullmatch(t) for t in tokens)

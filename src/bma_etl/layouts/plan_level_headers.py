"""The header of a scoring table (``ระดับความสำเร็จ  เกณฑ์ร้อยละความสำเร็จ  คะแนน``).

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_flow_levels`, not a layout).
Consumes a plan's lines and an index; tells whether that line opens a scoring
table, as printed (:func:`is_level_header`) or as OCR may have misread its words
(:func:`is_ocr_level_header`: a first syllable lost, ``ด`` read as ``ต``, the first
word misread whole or lost). Never raises.
"""

from __future__ import annotations

import re

from bma_etl.layouts.base import Line
from bma_etl.matchkey import KeyRegex, key

__all__ = ["LEVEL_HEADER_RE", "is_level_header", "is_ocr_level_header"]

#: The header's first word as printed (key form matching).
LEVEL_HEADER_RE = KeyRegex(r"^\s*ระดับ\s*ความ\s*สำเร็จ")


def is_level_header(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` opens a scoring table (``ระดับความสำเร็จ ... คะแนน``).

    Or its first two cells' words print over each other, read interleaved
    (``ระดับความสำเเกร็จณฑ์ร้อยละความสำเร็จ``: a program that breaks no Thai line, Apache
    FOP, runs a word too long for its cell on over the next): the line opens with the
    two words' letters merged, each word's in its order (:func:`_interleaved`).
    """
    text = lines[i].text
    window = "".join(ln.text for ln in lines[i:i + 2]).replace(" ", "")
    if "คะแนน" not in window:
        return False
    return LEVEL_HEADER_RE.match(text) is not None or _interleaved(
        *_FIRST_CELLS, key(text).replace("\u0e41", "\u0e40\u0e40"))


#: The header's first two cells in key form (a SARA AE of a key counts as two SARA E:
#: ``สำเ`` + ``เกณฑ์`` read ``สำเเกณฑ์``).
_FIRST_CELLS = (key("ระดับความสำเร็จ"), key("เกณฑ์ร้อยละความสำเร็จ"))


def _interleaved(first: str, second: str, text: str) -> bool:
    """Whether ``text`` opens with the letters of ``first`` and ``second`` merged.

    Each word's letters in their own order, the two words' letters taken in turn in
    any way (two texts printed over each other, read by position).
    """
    reached = {(0, 0)}  # letters of each word read so far
    for at in range(len(first) + len(second)):
        if at >= len(text) or not reached:
            return False
        letter = text[at]
        reached = {(i + 1, j) for i, j in reached if i < len(first) and first[i] == letter} \
            | {(i, j + 1) for i, j in reached if j < len(second) and second[j] == letter}
    return (len(first), len(second)) in reached


#: The scoring table header's words in key form, as OCR may misread them: its first
#: word's letters after ``ระดับความสำ`` (``สําเว็จ``) and ``คะแนน`` (``คะ ะแนน``).
_OCR_HEADER_START = key("ระดับความสำ")
#: The header's first word with its first syllable lost or read as Latin letters
#: (``Je ดับความสำเร็จ``), or ``ด`` read as its look-alike ``ต`` after a space OCR put
#: inside the word (``ระ ตับความสำเร็จ``): the rest of the word, after at most this
#: many letters.
_OCR_HEADER_REST = key("ับความสำ")
_OCR_HEADER_LEAD_MAX = 4
_OCR_HEADER_WORDS = (key("เกณฑ์ร้อยละ"), key("คะแนน"))
#: The header's first word OCR misread past knowing (``ระต้าเความสำเร็จ``, ``จะ ะดับ…``)
#: or lost: its second word, ``เกณฑ์ร้อยละความสำเร็จ`` in key form, its ``ร้อ`` misread
#: too (``รัก``), stands first or after at most as many letters as the first word has,
#: :data:`_OCR_HEADER_LEAD_MAX` more.
_OCR_SECOND_WORD_RE = re.compile(
    rf"^.{{0,{len(key('ระดับความสำเร็จ')) + _OCR_HEADER_LEAD_MAX}}}"
    rf"{key('เกณฑ์')}.{{1,4}}{key('ละความสำ')}")


def is_ocr_level_header(lines: list[Line], i: int) -> bool:
    """On an OCR'd page: the header, its first word misread, with its other words.

    Or its first word misread whole or lost, the line opening with its second
    (:data:`_OCR_SECOND_WORD_RE`).

    Not the indicator's quote right above a header whose first word OCR damaged
    (``“ระดับความสำเร็จในการ…”`` over ``Je ดับความสำเร็จ เกณฑ์ร้อยละ…``): the next line
    opens as a header and holds its words itself.
    """
    second = _OCR_SECOND_WORD_RE.match(key(lines[i].text)) is not None
    if not _opens_ocr_header(lines[i].text) and not second:
        return False
    if i + 1 < len(lines) and _opens_ocr_header(lines[i + 1].text) \
            and _OCR_HEADER_WORDS[0] in key(lines[i + 1].text) \
            and _OCR_HEADER_WORDS[0] not in key(lines[i].text):
        return False
    window = key(" ".join(ln.text for ln in lines[i:i + 2]))
    return (second or _OCR_HEADER_WORDS[0] in window) and (
        _OCR_HEADER_WORDS[1] in window or "แนน" in window)


def _opens_ocr_header(text: str) -> bool:
    """Whether ``text`` opens as the header's first word, as OCR may read it."""
    first = key(text)
    return first.startswith(_OCR_HEADER_START) \
        or 0 <= first.find(_OCR_HEADER_REST) <= _OCR_HEADER_LEAD_MAX

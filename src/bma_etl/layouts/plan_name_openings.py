"""How an indicator's name in a flowing target table opens, as printed or as OCR read it.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_flow_kpi`, not a layout).
Consumes the start of one line (or the name read from a row) of a target table
whose ``ลำดับที่`` cell is empty; tells whether it opens a name
(:func:`opens_name`): a Thai word's first letter, or, on an OCR'd page, that letter
read as a digit (``3 ะดับความสำเร็จ…`` for ``ระดับความสำเร็จ…``: no Thai word opens
with a vowel or a mark that follows a consonant, and no target is a number before
one). :func:`with_opening_put_back` gives the name with the word it opens with
whole again, when that word is one indicators' names open with.
"""

from __future__ import annotations

import re

from bma_etl.layouts.base import Derived, Raw
from bma_etl.normalize.text import clean_text
from bma_etl.unwrap import unwrapped_text

#: A name's opening: a Thai word's first letter (no vowel or mark that follows a
#: consonant), after a list mark if any (``- ร้อยละของ…``); not a speck OCR read (``'``).
NAME_OPENING_RE = re.compile(r"(?:[-–—•·*]\s*)?[ก-ฮเ-ไ]")
#: On an OCR'd page, a name whose first letter OCR read as a digit (``3 ะดับ…``): one
#: digit, a space or none, then a vowel or a mark that only follows a consonant.
_DIGIT_FOR_LETTER_RE = re.compile(
    r"(?P<digit>[0-9๐-๙])\s?(?=[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e][\u0e01-\u0e4e])")
#: The words indicators' names open with, whose first letter may be put back.
_OPENING_WORDS = ("ระดับ", "ร้อยละ", "จำนวน")


def opens_name(body: str, ocr: bool) -> bool:
    """Whether ``body`` (a line without its leading white space) opens a name.

    >>> opens_name("ระดับความสำเร็จ", False), opens_name("3 ะดับความสำเร็จ", True)
    (True, True)
    >>> opens_name("3 ะดับความสำเร็จ", False), opens_name("๑๖ ครั้ง", True)
    (False, False)
    """
    return bool(NAME_OPENING_RE.match(body)) or (ocr and misread_opening(body))


def misread_opening(body: str) -> bool:
    """Whether ``body`` opens with a name's first letter OCR read as a digit (``3 ะดับ…``)."""
    return _DIGIT_FOR_LETTER_RE.match(body) is not None


def past_misread_digit(body: str) -> str:
    """``body`` after a first letter OCR read as a digit (``3 ะดับ…`` → ``ะดับ…``), else ``body``."""
    m = _DIGIT_FOR_LETTER_RE.match(body)
    return body if m is None else body[m.end():]


def with_opening_put_back(name: Raw | Derived) -> Raw | Derived:
    """``name`` (OCR'd) with its first word whole, if OCR read the word's letter as a digit.

    ``3 ะดับความสำเร็จ…`` is ``ระดับความสำเร็จ…`` (derived, quoting the name) when the
    rest is one of :data:`_OPENING_WORDS` without its first letter; else ``name`` as
    read (a name that opens otherwise is not guessed).

    >>> from bma_etl.provenance import Span
    >>> with_opening_put_back(Raw("3 ะดับความสำเร็จ", Span(1, 0, 16))).value
    'ระดับความสำเร็จ'
    """
    text = name.text if isinstance(name, Raw) else str(name.value)
    m = _DIGIT_FOR_LETTER_RE.match(text)
    if m is None:
        return name
    rest = text[m.end():]
    word = next((w for w in _OPENING_WORDS if rest.startswith(w[1:])), None)
    if word is None:
        return name
    return Derived(clean_text(unwrapped_text(word[0] + rest)),
                   "a name whose first letter OCR read as a digit",
                   name.span if isinstance(name, Raw) else name.evidence)


__all__ = ["NAME_OPENING_RE", "misread_opening", "opens_name", "past_misread_digit",
           "with_opening_put_back"]

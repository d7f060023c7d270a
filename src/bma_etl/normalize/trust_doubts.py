"""Why a number OCR read is doubtful: by its own text, or by the words it was read from.

Stage: normalize (a helper of :mod:`bma_etl.normalize.trust`, which loads a doubtful
value only when another value of the page confirms it).
"""

from __future__ import annotations

import re

from bma_etl.document import words_over
from bma_etl.normalize.codes import letters_in_code
from bma_etl.normalize.fields import ProvenanceRow

__all__ = ["doubt_of", "doubted_digits", "read_alike"]

_THAI_DIGIT = re.compile("[๐-๙]")
#: A letter between two digits, or a lone letter glued before a number (``ซ๕,๒๐๐``); a
#: leading vowel (เ-ไ) is one too, and so is one after a code's dash (``08368321-เ096``).
_LETTER_IN_NUMBER = re.compile(
    r"[0-9๐-๙][,.\-]?[A-Za-zก-ฮ\u0e40-\u0e44][,.]?[0-9๐-๙]"
    r"|(?:^|\s)[A-Za-zก-ฮ\u0e40-\u0e44][0-9๐-๙]")
#: A stroke before the digits that may be a table's rule or a ``1`` (``|5.00 %``: 15 or 5).
_STROKE_BEFORE_NUMBER = re.compile(r"^[|!][0-9๐-๙]")
#: A question mark touching a digit: no number or code prints one, OCR reads a digit it
#: cannot make out as one (seed 3221: ``Policy ID?77`` for ``77``).
_QUERY_AT_DIGIT = re.compile(r"\?[0-9๐-๙]|[0-9๐-๙]\?")
#: A time of day after a date, to the end of the date's span: ``00:00:00.000`` (a point or
#: a comma before its thousandths as OCR read it), ``00:00:00``, ``00:00``.
#: Five Thai digits or more in a row in an amount, no comma or point among them: Thai-digit
#: amounts print thousands commas, and OCR loses a comma or a point at times
#: (``๑๒,๕๕๒,๒๐๐.๕๐`` read ``๑๒๕๕๒๒๐๐๕๐``, a hundred times the amount): every digit
#: read right, and two readers agreeing on them, does not make it the amount.
_THAI_RUN_UNSEPARATED = re.compile("[๐-๙]{5,}")
#: An amount's one point before three digits, a point after them (``๑๘๖.๕๐๐.``): read as
#: a thousands comma and the ``.-`` whose dash OCR lost (:mod:`~bma_etl.normalize.ocr_points`),
#: the likely reading, not the only one: doubtful however its digits were read.
_ONE_POINTED_GROUP = re.compile(
    "(?<![0-9๐-๙.,])[0-9๐-๙]{1,3}\\.[0-9๐-๙]{3}\\.(?![-–—0-9๐-๙])")
_TIME_OF_DAY = re.compile(r"\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]{1,3})?)?\s*$")


def doubt_of(raw_text: str, kind: str | None = None, alike: bool = False) -> str | None:
    """Why a number OCR read as ``raw_text`` (of parser ``kind``) is doubtful, or None.

    A code (``kind`` ``"code"``) is also doubtful with letters glued inside its digits
    or at its dash (:func:`~bma_etl.normalize.codes.letters_in_code`: ``15896อออ-7344``
    for ``15090000-7314``): a code prints digits and dashes only.

    Tesseract's word confidence is not a reason: on the robustness corpus's scans,
    Arabic-digit values it read right had confidences as low as 5, and the few it
    read wrong were as sure as the rest (so ``provenance.confidence`` informs, and
    decides nothing here; seed 1525's scans: under 60, 13 values read right and 1
    of the 2 read wrong, ``84`` read ``86`` at 91). Two models' readings decide
    instead (:func:`doubted_digits`). ``alike``: the reason its Thai digits would give
    is left out (they were read alike by Tesseract and the glyph reader, :func:`read_alike`).

    >>> doubt_of("๕๐๐,๐๐๐"), doubt_of("ซ๕,๒๐๐"), doubt_of("500,000")
    ('Thai digits, which the OCR model cannot all read', 'a letter among its digits', None)

    An amount of five Thai digits or more with no comma among them
    (:data:`_THAI_RUN_UNSEPARATED`) is doubtful even when two readers read its digits alike.

    >>> doubt_of("๑๒๕๕๒๒๐๐๕๐ บาท", "amount", True)
    'Thai digits with no thousands comma, which OCR may have lost, or a point'

    So is one whose only point before a group OCR read for a comma, the dash after it
    lost (``๑๘๖.๕๐๐.``: 186,500, :data:`_ONE_POINTED_GROUP`); ``459.500.-`` is not.

    >>> doubt_of("186.500. บาท", "amount"), doubt_of("459.500.- บาท", "amount")
    ('a point where its thousands comma stands, read as the comma', None)
    """
    if _LETTER_IN_NUMBER.search(raw_text) or (kind == "code" and letters_in_code(raw_text)):
        return "a letter among its digits"
    if _QUERY_AT_DIGIT.search(raw_text):
        return "a question mark at its digits, a digit OCR could not make out"
    if _STROKE_BEFORE_NUMBER.search(raw_text):
        return "a stroke before its digits, a table's rule or a 1"
    if kind == "amount" and _THAI_RUN_UNSEPARATED.search(raw_text):
        return "Thai digits with no thousands comma, which OCR may have lost, or a point"
    if kind == "amount" and _ONE_POINTED_GROUP.search(raw_text):
        return "a point where its thousands comma stands, read as the comma"
    if _THAI_DIGIT.search(raw_text) and not alike:
        return "Thai digits, which the OCR model cannot all read"
    return None


def doubted_digits(prov: ProvenanceRow, doubted: tuple[tuple[int, int, float], ...],
                    text: str, kind: str | None = None) -> str | None:
    """Why a number is doubtful by the words it was read from, or None.

    ``doubted``: the ``(start, end, confidence)`` in ``text`` of the words two of
    OCR's models read with other digits (:func:`~bma_etl.read.ocr_rereads.digit_readings`:
    the Thai model read ``4,429,000`` as ``6,429,000``, the English one right), or that a
    streak down the scan crossed, hiding ink (:func:`~bma_etl.read.ocr_streaks.crossed_words`:
    ``ร้อยละ 93`` read ``43``). A value is doubted when a letter or digit of its span
    lies in one of them. A date (parser ``kind`` ``"date"``) is read from its day, month
    and year alone: a time
    of day after them (:data:`_TIME_OF_DAY`, the tracking system's ``2026-09-30
    00:00:00.000``, a word of its own) is no part of it, and its digits read
    otherwise (``00:00:00,000`` on seed 4261's 150 dpi scan) do not doubt the date.
    """
    start, end = prov.char_start, prov.char_end
    if not doubted or start is None or end is None:
        return None
    if kind == "date" and (time := _TIME_OF_DAY.search(text, start, end)) is not None:
        end = time.start()
    if any(any(c.isalnum() for c in text[max(a, start):min(b, end)])
           for a, b, _ in words_over(doubted, start, end)):
        return ("OCR's Thai and English models read its digits differently, or a streak"
                " down the scan hid part of them")
    return None


def read_alike(prov: ProvenanceRow, agreed: tuple[tuple[int, int, float], ...],
               text: str, kind: str | None = None) -> bool:
    """Whether two readers read every Thai digit of a value alike, its only doubt.

    ``agreed``: the ``(start, end, confidence)`` in ``text`` of the words whose Thai
    digits the glyph reader (:func:`~bma_etl.read.ocr_thai_digits.thai_digit_readings`)
    read as Tesseract did. Debian's ``tha`` model has no ``๔ ๖ ๗ ๘ ๙``: a number holding
    them is the glyph reader's reading alone and is never among them, while one of
    ``๐ ๑ ๒ ๓ ๕`` both read the same is two independent readings. True when the value's
    span holds Thai digits, each in such a word, and they are the digits of its
    ``raw_text``, which :func:`doubt_of` doubts for nothing else. Such a value is
    confirmed unless a check of the page refutes it (:func:`~.trust.screen`).
    """
    start, end = prov.char_start, prov.char_end
    if not agreed or start is None or end is None or doubt_of(prov.raw_text or "", kind, True):
        return False
    places = [m.start() for m in _THAI_DIGIT.finditer(text, start, end)]
    if not places or "".join(text[p] for p in places) != "".join(
            _THAI_DIGIT.findall(prov.raw_text or "")):
        return False
    words = words_over(agreed, start, end)
    return all(any(a <= p < b for a, b, _ in words) for p in places)

"""An amount's Thai words: its satang after the baht, or the whole amount spelled out.

Stage: normalize (helpers of :func:`~bma_etl.normalize.digits.parse_amount`).
Consumes an amount's text in Arabic digits (``23,369,000 บาท ห้าสิบสตางค์``,
``2,500,000 บาท (สองล้านห้าแสนบาทถ้วน)``); produces the parts the words state:
the satang after the baht (:func:`satang_after`), the amount a bracket spells out
(:func:`amount_in_words`). Thai number words are read by PyThaiNLP
(:func:`pythainlp.util.thaiword_to_num`), which takes the number words alone:
``บาท``, ``สตางค์`` and ``ถ้วน`` (``and no satang``) are split off here, and spaces
between the words dropped. Words that are no Thai numeral raise
:class:`~bma_etl.errors.NormalizeError` for satang (the amount has no other
satang to read), and say nothing for a bracket (its digits stand alone).
"""

from __future__ import annotations

import re
from decimal import Decimal

from pythainlp.util import thaiword_to_num

from bma_etl.errors import NormalizeError

__all__ = ["SATANG_WORD", "amount_in_words", "satang_after", "thai_number_words"]

#: The word for satang, a hundredth of a baht.
SATANG_WORD = "สตางค์"
_SPACE = "[ \t\u00a0]"
_THAI_WORD = "[\u0e01-\u0e4e]"
#: An amount in baht, then its satang, as a number or in Thai words, and the word
#: (``… บาท 50 สตางค์``, ``… บาท ห้าสิบสตางค์``).
_SATANG = re.compile(
    rf"(?P<baht>.*[0-9].*บาท){_SPACE}*(?P<satang>[0-9]{{1,2}}|{_THAI_WORD}(?:{_SPACE}?{_THAI_WORD})*?)"
    rf"{_SPACE}*{SATANG_WORD}[ \t\u00a0.]*", re.S)
#: The amount spelled out in a bracket, dashes around the words or not
#: (``(สองล้านห้าแสนบาทถ้วน)``, ``(-หนึ่งแสนบาทห้าสิบสตางค์-)``).
_IN_BRACKETS = re.compile(
    rf"[(\[]{_SPACE}*[-–]?{_SPACE}*(?P<words>{_THAI_WORD}[\u0e01-\u0e4e \t\u00a0]*?บาท"
    rf"[\u0e01-\u0e4e \t\u00a0]*?){_SPACE}*[-–]?{_SPACE}*[)\]]")
#: The words of an amount: baht, then ``ถ้วน`` or the satang.
_BAHT_WORDS = re.compile(rf"(?P<baht>{_THAI_WORD}+?)บาท(?:ถ้วน|(?P<satang>{_THAI_WORD}+?)สตางค์)?")
#: A digit's word: an amount spelled out has one (``(ล้านบาท)`` states a unit, no amount).
_DIGIT_WORD = re.compile("หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|ยี่|เอ็ด|ศูนย์")
#: Most satang a baht has, less one.
_SATANG_MAX = 99


def thai_number_words(words: str) -> int | None:
    """The whole number ``words`` spell in Thai (spaces aside), or None if they spell none.

    >>> thai_number_words("สองล้าน ห้าแสน"), thai_number_words("ห้าสิบ")
    (2500000, 50)
    >>> thai_number_words("ห้าสิบห้าสิบ") is None, thai_number_words("ลบห้า") is None
    (True, True)
    """
    try:
        number = thaiword_to_num(re.sub(r"\s+", "", words))
    except ValueError:
        return None
    return number if number >= 0 else None


def satang_after(s: str, text: str) -> tuple[str, int] | None:
    """``(the baht's text, satang)`` of ``text`` (``s`` in Arabic digits), or None.

    Satang follow the baht as a number or in words (``… บาท ห้าสิบสตางค์``: 50);
    words that spell no number below 100 raise: the amount is unreadable, never
    the baht alone.

    >>> satang_after("", "23,369,000 บาท ห้าสิบสตางค์"), satang_after("", "900 บาท 5 สตางค์")
    (('23,369,000 บาท', 50), ('900 บาท', 5))
    """
    m = _SATANG.fullmatch(text)
    if m is None:
        if SATANG_WORD in text:
            raise NormalizeError(f"{s!r} is not a baht amount: its satang are not a number")
        return None
    said = m["satang"]
    satang = int(said) if said.isdigit() else thai_number_words(said)
    if satang is None or satang > _SATANG_MAX:
        raise NormalizeError(f"{s!r} is not a baht amount: {said!r} before {SATANG_WORD} "
                             "is no number of satang")
    return m["baht"], satang


def amount_in_words(text: str) -> tuple[Decimal | None, str, int, int] | None:
    """The amount a bracket in ``text`` spells out: ``(value, words, start, end)``, or None.

    A bracket of words with a digit's word and ``บาท`` in them (``(ล้านบาท)`` is a
    unit); ``value`` is None when its words spell no amount, ``start``, ``end`` are
    the bracket's offsets in ``text``.

    >>> amount_in_words("2,500,000 บาท (สองล้านห้าแสนบาทถ้วน)")
    (Decimal('2500000'), 'สองล้านห้าแสนบาทถ้วน', 14, 36)
    >>> amount_in_words("100,000.50 บาท (-หนึ่งแสนบาทห้าสิบสตางค์-)")[0]
    Decimal('100000.50')
    >>> amount_in_words("2.5 (ล้านบาท)") is None
    True
    """
    m = _IN_BRACKETS.search(text)
    if m is None or not _DIGIT_WORD.search(m["words"]):
        return None
    words = m["words"].strip()
    said = _BAHT_WORDS.fullmatch(re.sub(r"\s+", "", words))
    baht = thai_number_words(said["baht"]) if said else None
    satang = thai_number_words(said["satang"]) if said and said["satang"] else 0
    if said is None or baht is None or satang is None or satang > _SATANG_MAX:
        return None, words, m.start(), m.end()
    value = Decimal(baht) + Decimal(satang).scaleb(-2) if satang else Decimal(baht)
    return value, words, m.start(), m.end()

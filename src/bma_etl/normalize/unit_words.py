"""Thai unit words that scale an amount: ``480 พันบาท``, ``1.5 ล้านบาท``, ``(ล้านบาท)``.

Stage: normalize (helpers of :func:`~bma_etl.normalize.digits.parse_amount`, and of
the layouts that keep a unit word with its number or read a heading's unit).
Consumes an amount's text in Arabic digits, or a column's or label's heading;
produces the power of ten a unit word states (:func:`unit_after`,
:func:`heading_unit`), or raises :class:`~bma_etl.errors.NormalizeError` for a
unit word that runs on into another word.
"""

from __future__ import annotations

import re

from bma_etl.errors import NormalizeError

__all__ = ["MILLION_WORD", "UNIT_WORD", "UNIT_WORDS", "heading_unit", "unit_after"]

#: Thai unit words after a number and the power of ten each multiplies it by
#: (``480 พันบาท``, ``4.8 แสนบาท``, ``1.5 ล้าน``); ล้าน multiplies what comes before
#: it, so ``พันล้าน`` is 10**9 and ``หมื่นล้าน`` 10**10.
UNIT_WORDS: dict[str, int] = {"สิบ": 1, "ร้อย": 2, "พัน": 3, "หมื่น": 4, "แสน": 5}
MILLION_WORD = "ล้าน"
# A unit word: an optional small unit and any number of ล้าน, spaces allowed between.
_UNIT = re.compile(r"[ \t\u00a0]*(?P<small>สิบ|ร้อย|พัน|หมื่น|แสน)?(?P<millions>(?:[ \t\u00a0]*ล้าน)*)")
# A unit word ends a word: what follows is no Thai letter, or is บาท (``พันบาท``);
# ``5 พันธุ์`` or ``2 แสนสุข`` hold no unit word.
_UNIT_END = re.compile(r"(?![\u0e01-\u0e4e])|[ \t\u00a0]*บาท")
#: A unit word as a pattern for the readers, to keep it with the number it scales
#: (``13.8149 ล้านบาท``, ``480 พันบาท``): a small unit and any ``ล้าน``, or ``ล้าน``s,
#: ending the word (บาท may follow).
UNIT_WORD = (r"(?:(?:สิบ|ร้อย|พัน|หมื่น|แสน)(?:[ \t\u00a0]*ล้าน)*|ล้าน(?:[ \t\u00a0]*ล้าน)*)"
             r"(?=[ \t\u00a0]*บาท|[^\u0e01-\u0e4e]|$)")
# The unit a heading states for its column or label: the unit word right before บาท,
# in brackets or not (``งบประมาณ (ล้านบาท)``, ``งบฯ ที่ได้รับ (พันบาท)``, ``(บาท)``).
_HEADING_UNIT = re.compile(
    r"(?<![\u0e01-\u0e4e])(?P<small>สิบ|ร้อย|พัน|หมื่น|แสน)?(?P<millions>(?:[ \t\u00a0]*ล้าน)*)"
    r"[ \t\u00a0]*บาท")


def unit_after(s: str, text: str, end: int) -> tuple[int, int] | None:
    """``(power of ten, end)`` of the unit word right after ``text[:end]``, if one is there.

    A unit word that runs on into another Thai word (``5 พันธุ์``, ``1.5 ล้านเศษ``)
    may or may not scale the number: an error, never a guess.
    """
    m = _UNIT.match(text, end)
    if m is None or not (m["small"] or m["millions"]):
        return None
    if not _UNIT_END.match(text, m.end()):
        word = text[m.start():].split()[0] if text[m.start():].strip() else ""
        raise NormalizeError(f"{s!r} is not a baht amount: {word!r} after the number is "
                             "not a unit word on its own")
    power = UNIT_WORDS[m["small"]] if m["small"] else 0
    return power + 6 * m["millions"].count(MILLION_WORD), m.end()


def heading_unit(text: str) -> int:
    """The power of ten of the baht unit a column's or label's heading states.

    ``งบประมาณ (ล้านบาท)`` gives 6, ``(พันบาท)`` 3; ``(บาท)``, or no unit stated, 0
    (baht). Only the unit word right before บาท counts.

    >>> heading_unit("งบประมาณ (ล้านบาท)"), heading_unit("งบฯ ที่ได้รับ (พันบาท)")
    (6, 3)
    >>> heading_unit("งบฯ ที่ใช้ไป (บาท)"), heading_unit("ชื่อโครงการ")
    (0, 0)
    """
    m = _HEADING_UNIT.search(text)
    if m is None:
        return 0
    power = UNIT_WORDS[m["small"]] if m["small"] else 0
    return power + 6 * m["millions"].count(MILLION_WORD)

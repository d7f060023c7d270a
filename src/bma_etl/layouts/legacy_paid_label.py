"""A legacy form's report budget by its label, in either wording the forms use.

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_reports`, not a layout).
Consumes the text of one report cell past its progress; produces the budget's match
(group ``value``, as :func:`~bma_etl.layouts.legacy_values.labelled`'s): labelled
``งบประมาณที่เบิกใช้ (ครั้งที่ n) = 0 บาท``, ``เบิกจ่ายงบประมาณ (ครั้งที่ n) = 449,000
บาท`` or ``งบประมาณที่เบิกจ่าย (ครั้งที่ n) = 0 บาท`` (:data:`PAID_LABELS`). The paid
wordings are read only as labels of their own and with an amount: inside a longer
wording (``ร้อยละการเบิกจ่ายงบประมาณ = 45.00 %``, a percent of the budget paid) one is
no amount in baht and the column stays NULL. Never raises.
"""

from __future__ import annotations

import re

from bma_etl.layouts.legacy_values import (
    _LABEL_TO_VALUE,
    BUDGET_LABEL,
    BUDGET_VALUE,
    OCR_BUDGET_VALUE,
    labelled,
)
from bma_etl.matchkey import search_key
from bma_etl.normalize.unit_words import UNIT_WORD

#: The budget's other wordings, the amount paid at that report (``เบิกจ่ายงบประมาณ
#: (ครั้งที่ 2) = 449,000 บาท``, ``งบประมาณที่เบิกจ่าย (ครั้งที่ 2) = 0 บาท``): the same
#: column as :data:`BUDGET_LABEL`'s.
PAID_LABELS = (r"เบิกจ่ายงบประมาณ", r"งบประมาณที่เบิกจ่าย")
#: A Thai letter, vowel or mark: one right before the paid label makes it the tail of
#: a longer word (``ร้อยละการเบิกจ่ายงบประมาณ``, ``ผลการเบิกจ่ายงบประมาณ``).
_THAI = re.compile("[\u0e01-\u0e4e]")
#: A value stated in baht: ``บาท`` or a unit word after the amount (``449,000 บาท``,
#: ``0.24 ล้าน``).
_IN_BAHT = re.compile(rf"(?:{UNIT_WORD}|บาท)")
#: After OCR, more digits after an amount with no unit, past a gap and a mark or not
#: (``= 51 .50“บา`` for ``516,450.50 บาท``, a pen stroke across it): the amount was cut.
#: Its value is then taken with those pieces (:data:`_CUT_AMOUNT`), which the normalizer
#: reports unreadable (NULL with an issue), never the head alone (``51``).
_CUT_TAIL = re.compile(r"(?<![บาท])[ ]{1,2}[.,'`\u2018\u2019\u201c\u201d]?[ ]?[0-9๐-๙]")
_CUT_AMOUNT = (r"(?P<value>[0-9๐-๙][0-9๐-๙.,]*(?:[ ]{1,2}[.,'`\u2018\u2019\u201c\u201d]?[ ]?"
               r"[0-9๐-๙][0-9๐-๙.,]*)+[^\s|:]*)")
#: A ``%`` after the amount: a percent, never an amount (``= 45.00 %``).
_PERCENT_AFTER = re.compile(r"[ \t]*%")


def budget_labelled(text: str, start: int, ocr: bool) -> re.Match[str] | None:
    """A report's budget by its label from ``start``, or None.

    ``งบประมาณที่เบิกใช้`` (:func:`~bma_etl.layouts.legacy_values.labelled`,
    approximately too after OCR: ``ocr``; a value with ``%`` after it is a percent, no
    amount: ``ร้อยละงบประมาณที่เบิกจ่าย = 45.00 %`` read approximately), else a paid
    wording (:func:`paid_labelled`).
    """
    value = OCR_BUDGET_VALUE if ocr else BUDGET_VALUE
    m = labelled(text, BUDGET_LABEL, value, start, ocr)
    if m is not None and _PERCENT_AFTER.match(text, m.end("value")):
        m = None
    if m is not None and ocr and _CUT_TAIL.match(text, m.end("value")):
        m = labelled(text, BUDGET_LABEL, _CUT_AMOUNT, start, ocr) or m
    return m or paid_labelled(text, value, start)


def paid_labelled(text: str, value: str, start: int) -> re.Match[str] | None:
    """The amount labelled in a paid wording (:data:`PAID_LABELS`) from ``start``, or None.

    The label as printed or in key form, opening a word (no Thai letter right before
    it: ``ร้อยละการเบิกจ่ายงบประมาณ`` is a percent's label), and its ``value`` an
    amount: no ``%`` after it, ``บาท`` or a unit word after it unless the label states
    its unit (``เบิกจ่ายงบประมาณ (บาท) = 449,000``). A label that fails is passed over
    for a later one; of the wordings, the first in ``text`` wins. The match's start is
    where the label begins when it is as printed.
    """
    found = [m for label in PAID_LABELS if (m := _paid_by(label, text, value, start))]
    return min(found, key=lambda m: m.start("value"), default=None)


def _paid_by(label: str, text: str, value: str, start: int) -> re.Match[str] | None:
    """:func:`paid_labelled` for the one wording ``label``."""
    at = start
    while (found := search_key(label, text[at:])) is not None:
        begin, end = at + found[0], at + found[1]
        at = end
        if begin and _THAI.match(text, begin - 1):
            continue
        m = re.compile(f"(?:{label}){_LABEL_TO_VALUE}{value}").match(text, begin) \
            or re.compile(f"(?:{_LABEL_TO_VALUE}){value}").match(text, end)
        if m is None or _PERCENT_AFTER.match(text, m.end("value")):
            continue
        if _IN_BAHT.search(m["value"]) or "บาท" in text[begin:m.start("value")]:
            return m
    return None

"""A report's budget whose label OCR read only its first syllables of, found by them.

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_reports`, not a layout).
Consumes the text of a report's cell after its progress (``… = 63.50 %``); produces
the match of the budget's amount, as :func:`~.legacy_values.labelled` does (group
``value``), or None.

The form prints ``งบประมาณที่เบิกใช้ (ครั้งที่ N) = AMOUNT บาท`` after each report's
progress. On grey scans Tesseract's ``tha`` now and then reads the label's first
syllables and makes the rest, the bracket's words with it, Latin or Thai junk
(``งบประ บละหารย ane 1) = 0 บาท``, ``งบประ Galante (ครั้งมี 3) = 0 บาท``): neither the
label nor the bracket (:func:`~.legacy_values.budget_by_bracket`) is found. The cell
is the budget's all the same when, right after the progress's colon, it opens with
``งบประ`` and, on the same line and within :data:`JUNK` characters of no ``:`` or
``=``, the bracket's count and ``)`` follow, then ``=`` and an amount in baht: no
other cell of the form holds ``N) = … บาท``.
"""

from __future__ import annotations

import re

from bma_etl.layouts.legacy_values import OCR_BUDGET_VALUE

#: Characters OCR made of the label's rest and the bracket's words, at most.
JUNK = 30
_HEAD_THEN_COUNT = re.compile(
    rf"[\s:;]*งบประ[^\n:=]{{0,{JUNK}}}?(?<=[\s(])[0-9๐-๙]{{1,3}}\s*[)\]]\s*=\s*"
    r"(?=[0-9๐-๙][0-9๐-๙., ]*บาท)" + OCR_BUDGET_VALUE)


def budget_by_head(text: str, start: int) -> re.Match[str] | None:
    """The budget's amount after its label's first syllables and junk, at ``start``, or None.

    ``start`` is past the report's progress (its ``%``); the label's head must open
    what follows it (colons and spaces aside). The match is as
    :func:`~.legacy_values.labelled`'s: group ``value`` (the amount with ``บาท``).
    """
    return _HEAD_THEN_COUNT.match(text, start)

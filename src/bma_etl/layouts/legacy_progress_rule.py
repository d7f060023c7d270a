"""A legacy form's progress after OCR read the table's rule before it (``= |12.00 %``).

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_values`, not a layout).
On a scan the rule of the progress's cell stands just before its value, and OCR
reads it as ``|``, ``l`` or ``I`` glued to the digits (``ความก้าวหน้าของงานฯ =
|12.00 %``). The same strokes are how OCR reads a ``1``: ``|5.00 %`` may be 15.00
or 5.00. The rule is taken for a speck only when reading it as ``1`` makes no
percent (``|12.00`` as 112.00, over 100): the value is then the digits after it,
derived with a note (:func:`ruled_progress`). Otherwise the value is kept as read,
the stroke with it, and the normalizer's trust screen leaves it NULL with an
``ocr_doubtful_value`` issue (:func:`bma_etl.normalize.trust.doubt_of`): never a
guess between 15 and 5.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from bma_etl.layouts.base import Derived, Line, Raw, RepairedText
from bma_etl.layouts.legacy_values import PROGRESS_LABEL, labelled, progress_read, progress_value
from bma_etl.normalize.digits import to_arabic_digits

#: Strokes OCR reads for a table's rule, and for a ``1``, glued before a progress's digits.
RULE_STROKES = "|lI!"
#: A progress's value with a rule's stroke before it: ``|12.00 %``, ``l 5.00 %``.
OCR_PROGRESS_RULE = (rf"(?P<rule>[{RULE_STROKES}])[ \t]?"
                     r"(?P<value>[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,2})?[ \t]*%)")
_DIGITS = re.compile(r"[0-9๐-๙]+(?:\.[0-9๐-๙]+)?")


def ruled_progress(doc: RepairedText, m: re.Match[str], line: Line, base: int
                   ) -> Raw | Derived | None:
    """The progress of a match of :data:`OCR_PROGRESS_RULE` on ``line``'s text at ``base``.

    A :class:`Derived` percent (``Decimal``, 0..100) when the stroke read as ``1``
    would make more than 100 (``|12.00 %`` → 12.00); else the raw text from the
    stroke on (``|5.00 %``), which the normalizer holds doubtful (NULL with an
    ``ocr_doubtful_value`` issue); None when the text has no place on the page.
    """
    digits = _DIGITS.search(m.group("value"))
    raw_all = doc.raw_in(line, base + m.start("rule"), base + m.end("value"))
    if digits is None or raw_all is None:
        return raw_all
    try:
        number = Decimal(to_arabic_digits(digits.group()))
        with_one = Decimal("1" + to_arabic_digits(digits.group()))
    except InvalidOperation:
        return raw_all
    if with_one > 100 and number <= 100:
        return Derived(number, f"OCR read the table's rule before the progress as "
                               f"{m.group('rule')!r}: {raw_all.text!r}", raw_all.span)
    return raw_all


def progress_or_ruled(text: str, start: int, ocr: bool, past_progress: bool
                      ) -> re.Match[str] | None:
    """:func:`~bma_etl.layouts.legacy_values.progress_read`, else (OCR) a ruled one.

    The latter is a match of :data:`OCR_PROGRESS_RULE` after the progress's label
    (groups ``rule`` and ``value``), read by :func:`progress_of`.
    """
    found = progress_read(text, start, ocr, past_progress)
    if found is None and ocr:
        found = labelled(text, PROGRESS_LABEL, OCR_PROGRESS_RULE, start, ocr)
    return found


def progress_of(doc: RepairedText, m: re.Match[str], line: Line, base: int
                ) -> Raw | Derived | None:
    """The value of a match of :func:`progress_or_ruled`: :func:`ruled_progress` or as before."""
    if "rule" in m.re.groupindex:
        return ruled_progress(doc, m, line, base)
    return progress_value(doc, m, line, base)

"""A legacy form's amount whose thousands commas OCR read as dots (``232.500 บาท``).

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_progress_form` and
:mod:`bma_etl.layouts.legacy_reports`, not a layout). Consumes a section 1.1 budget's
value (:func:`stated_amount_dots`) or a report's budget match
(:func:`amount_dots_read`); produces the amount as a
:class:`~bma_etl.layouts.base.Derived` in baht, or None. Never raises.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bma_etl.layouts.base import Derived, Line, Raw, RepairedText

#: A budget whose thousands commas OCR read as dots, a speck before it (``232.500 บาท``,
#: ``.1.149.500 บาท``, ``37.000 บท``, a space after a dot too: ``1.727. 500 บาท``): groups
#: of three digits after a dot are no satang, which a baht amount prints two of; those
#: may follow (``37.500.00 บาท``).
_AMOUNT_DOTS_RE = re.compile(
    r"^[.\s]*(?P<n>[0-9]{1,3}(?:\. ?[0-9]{3})+)(?P<satang>\.[0-9]{2})?(?![0-9.,])")
#: What may follow such an amount filling a ``<label> : <value>`` line: its unit.
_UNIT_ALONE_RE = re.compile(r"\s*(?:บาท|บท)?\s*")


def _dotted_value(dots: re.Match[str]) -> Decimal:
    return Decimal(re.sub(r"[. ]", "", dots.group("n")) + (dots.group("satang") or ""))


def stated_amount_dots(raw: Raw) -> Derived | None:
    """A form's ``งบประมาณที่ใช้ไป : 37.500.00 บาท`` value whose commas OCR read as dots.

    ``raw`` is the value after its label; None unless it is such an amount and its
    unit alone.
    """
    dots = _AMOUNT_DOTS_RE.match(raw.text)
    if dots is None or not _UNIT_ALONE_RE.fullmatch(raw.text, dots.end()):
        return None
    return Derived(_dotted_value(dots),
                   f"OCR read the amount's commas as dots: {dots.group().strip()!r}", raw.span)


def amount_dots_read(doc: RepairedText, m: re.Match[str], line: Line, base: int
                     ) -> Derived | None:
    """``232.500 บาท`` → 232500: the amount of a budget match ``m`` whose commas OCR read as dots.

    None when its value (group ``value``) is not :data:`_AMOUNT_DOTS_RE`.
    """
    dots = _AMOUNT_DOTS_RE.match(m.group("value"))
    if dots is None:
        return None
    evidence = doc.raw_in(line, base + m.start("value") + dots.start("n"),
                          base + m.start("value") + dots.end())
    return Derived(_dotted_value(dots),
                   f"OCR read the amount's commas as dots: {dots.group('n')!r}",
                   evidence.span if evidence else None)

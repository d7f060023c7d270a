"""A doubtful value printed again on the page in Arabic digits, which confirms it.

Stage: normalize (a helper of :mod:`bma_etl.normalize.trust`, for documents read by
OCR). A number or code OCR read doubtfully (Thai digits, two models' readings apart)
is the page's when the same value stands elsewhere in the text in Arabic digits, a
reading that is not doubtful.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from bma_etl.normalize.digits import to_arabic_digits

__all__ = ["printed_again"]

_ARABIC_TOKEN = re.compile(r"(?<![0-9๐-๙])[0-9][0-9,.\-]*[0-9](?![0-9๐-๙])")


def printed_again(text: str, start: int | None, end: int | None, value: object,
                  kind: str) -> bool:
    """Whether ``value`` (read at ``text[start:end]``) is printed elsewhere in Arabic digits.

    ``kind``: its parser kind (a ``"code"`` compares as text, a ``"date"`` never
    matches, any other as a number, commas aside). Only values of four digits or more:
    a small number printed again is chance.

    >>> printed_again("\u0e51,\u0e52\u0e50\u0e50 / 1,200", 0, 5, Decimal(1200), "amount")
    True
    """
    if start is None or end is None or kind == "date" \
            or sum(c.isdigit() for c in str(value)) < 4:
        return False
    want = _number_key(str(value)) if kind != "code" else str(value)
    for m in _ARABIC_TOKEN.finditer(text):
        if m.start() < end and m.end() > start:
            continue  # the value itself
        token = m.group()
        got = token if kind == "code" else _number_key(token)
        if got is not None and got == want:
            return True
    return False


def _number_key(text: str) -> Decimal | None:
    try:
        return Decimal(to_arabic_digits(text).replace(",", ""))
    except InvalidOperation:
        return None

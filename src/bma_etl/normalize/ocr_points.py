"""Thousands commas OCR read as points in a baht amount, read back as commas.

Stage: normalize (a repair :func:`~bma_etl.normalize.digits.parse_amount` makes
for OCR'd text only). Consumes an amount's text in Arabic digits; produces it
with those points as commas. In printed or typed text ``12,872,200.000 บาท`` is
three decimal places (an error), never 12,872,200,000 baht.
"""

from __future__ import annotations

import re

# In a baht amount (two decimals at most, the satang) a point is a thousands comma OCR
# read as a point when it stands
# - after comma groups, before three digits that end the amount or that the satang or
#   a whole amount's dash follow ("2,533.100 บาท", "2,533.100.00", "2,533.100.-"), a
#   space OCR put beside it or not ("12,191 .500 บาท", "1,250. 000.00 บาท");
# - after a first group alone, before three digits and a whole amount's dash
#   ("459.500.- บาท"), or, a space beside it, before three digits and the satang or the
#   dash ("61 .500.00 บาท"; "1.234.56" stays malformed).
# - after a first group alone, before three digits and a point that ends the amount:
#   a whole amount's ``.-`` whose dash OCR lost ("186.500. บาท").
# A decimal part has no point in it.
AMOUNT_POINT_GROUP = re.compile(
    r"(?<=,[0-9]{3})(?:[ \t]?\.[ \t]?)(?=[0-9]{3}(?:\.[0-9]{2}|\.-)?(?![0-9,]|\.[0-9]))"
    r"|(?<![0-9,.])(?P<lost>[0-9]{1,3})\.(?=[0-9]{3}\.(?![0-9-]))"
    r"|(?<![0-9,.])(?P<lead>[0-9]{1,3})\.(?=[0-9]{3}\.-)"
    r"|(?<![0-9,.])(?P<spaced>[0-9]{1,3})(?:[ \t]\.[ \t]?|\.[ \t])"
    r"(?=[0-9]{3}(?:\.-|\.[0-9]{2}(?![0-9,]|\.[0-9])))")

#: For the readers: a thousands group after a point with a space beside it (``12,191 .500``,
#: ``1,250. 000``), what OCR makes of an amount's last comma, which goes on the amount
#: before it; and a whole amount's dash after it (``855. 500.-``), which tells that it is
#: no decimal. Read only in OCR'd text (:func:`commas_for_points`), an error in typed text.
SPACED_POINT_GROUP = r"(?:[ \t]\.[ \t]?|\.[ \t])[0-9๐-๙]{3}(?![0-9๐-๙])(?:\.-)?"
#: Thousands groups set apart by a space, as SI style and other locales print them
#: (``12 450 000``, with a no-break space U+00A0, a narrow one U+202F or a thin one
#: U+2009): for the readers, after an amount's first one to three digits.
SPACE_GROUPS = r"(?:[ \u00a0\u202f\u2009][0-9๐-๙]{3}(?![0-9๐-๙]))+"


def commas_for_points(text: str) -> str:
    """``text`` with the points :data:`AMOUNT_POINT_GROUP` finds read as commas.

    A space OCR put beside such a point goes with it, so the text may be shorter.

    >>> commas_for_points("12,191 .500 บาท"), commas_for_points("1,250. 000.00 บาท")
    ('12,191,500 บาท', '1,250,000.00 บาท')
    >>> commas_for_points("61 .500.00 บาท"), commas_for_points("61 .500 บาท")
    ('61,500.00 บาท', '61 .500 บาท')
    >>> commas_for_points("186.500. บาท"), commas_for_points("186.50. บาท")
    ('186,500. บาท', '186.50. บาท')
    """
    return AMOUNT_POINT_GROUP.sub(lambda m: f"{m['lead'] or m['spaced'] or m['lost'] or ''},", text)


__all__ = ["AMOUNT_POINT_GROUP", "SPACED_POINT_GROUP", "commas_for_points"]

"""Thousands commas OCR read as points in a baht amount, read back as commas.

Stage: normalize (a repair :func:`~bma_etl.normalize.digits.parse_amount` makes
for OCR'd text only). Consumes an amount's text in Arabic digits; produces it
with those points as commas. In printed or typed text ``12,872,200.000 บาท`` is
three decimal places (an error), never 12,872,200,000 baht.
"""

from __future__ import annotations

import re

# In a baht amount (two decimals at most, the satang): a point before three digits that
# end the amount after comma groups ("2,533.100 บาท"), or before three digits and the
# dash of a whole amount ("459.500.- บาท"), is a thousands comma OCR read as a point.
AMOUNT_POINT_GROUP = re.compile(
    r"(?<=,[0-9]{3})\.(?=[0-9]{3}(?![0-9,]|\.[0-9]))|(?<![0-9,.])(?P<lead>[0-9]{1,3})\.(?=[0-9]{3}\.-)")


def commas_for_points(text: str) -> str:
    """``text`` with the points :data:`AMOUNT_POINT_GROUP` finds read as commas."""
    return AMOUNT_POINT_GROUP.sub(lambda m: f"{m['lead'] or ''},", text)


__all__ = ["AMOUNT_POINT_GROUP", "commas_for_points"]

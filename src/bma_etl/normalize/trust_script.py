"""Arabic digits OCR read in a column printed in Thai digits: a misread, until confirmed.

Stage: normalize (a helper of :mod:`bma_etl.normalize.trust`).
Debian's Thai model reads some Thai digits as Arabic ones, at high confidence: a
plan's SWOT item numbered ``๑.`` under items ``๒.``, ``๓.`` read ``9.`` (on a grey
300 dpi scan whose paper was made white). A document prints one column's numbers
(a table's field: the SWOT items' numbers, the projects' budgets, the reports' dates)
in one kind of digits, so a number read in Arabic digits where the column's other
numbers were read in Thai digits is more likely a Thai number misread than one
printed otherwise: it is doubtful, loaded only when the page confirms it, as a
number read in Thai digits is (:func:`~bma_etl.normalize.trust.screen`). A column
whose numbers read in Arabic digits as often as in Thai ones, or with fewer than
:data:`THAI_SIBLINGS_MIN` read in Thai digits, says nothing: a form that prints its
year and budgets in Thai digits and the system's dates in ISO keeps its dates.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

__all__ = ["THAI_SIBLINGS_MIN", "arabic_among_thai"]

#: Numbers of a column read in Thai digits, besides the one judged, that make it a
#: column printed in Thai digits (one other could be a Thai number in an Arabic list).
THAI_SIBLINGS_MIN = 2

_THAI_DIGIT = re.compile("[๐-๙]")
_ARABIC_DIGIT = re.compile("[0-9]")

REASON = "Arabic digits in a column whose other numbers read in Thai digits"


def _script(raw_text: str) -> str | None:
    """``"thai"``, ``"arabic"`` or None (both, or no digit) for one value's text."""
    thai = bool(_THAI_DIGIT.search(raw_text))
    arabic = bool(_ARABIC_DIGIT.search(raw_text))
    if thai == arabic:
        return None
    return "thai" if thai else "arabic"


def arabic_among_thai(values: Sequence[tuple[str, str, str | None]]) -> dict[int, str]:
    """The values read in Arabic digits in a column read in Thai digits, with the reason.

    ``values``: ``(table, field, raw_text)`` of each number, date or code OCR read
    (raw_text None: not known, never judged); returns their indexes in ``values``
    that are doubtful, mapped to why. A value is judged against its column's other
    values: at least :data:`THAI_SIBLINGS_MIN` of them read in Thai digits, and
    more of them in Thai digits than in Arabic ones.

    >>> arabic_among_thai([("t", "seq", "9"), ("t", "seq", "๒"), ("t", "seq", "๓")])
    {0: 'Arabic digits in a column whose other numbers read in Thai digits'}
    >>> arabic_among_thai([("t", "d", "2023-10-01"), ("t", "seq", "๒"), ("t", "seq", "๓")])
    {}
    """
    scripts = [_script(raw) if raw is not None else None for _, _, raw in values]
    counts: Counter[tuple[str, str, str]] = Counter(
        (table, field, script) for (table, field, _), script in zip(values, scripts, strict=True)
        if script is not None)
    doubts: dict[int, str] = {}
    for i, ((table, field, _), script) in enumerate(zip(values, scripts, strict=True)):
        if script != "arabic":
            continue
        thai = counts[(table, field, "thai")]
        arabic = counts[(table, field, "arabic")] - 1  # the others only
        if thai >= THAI_SIBLINGS_MIN and thai > arabic:
            doubts[i] = REASON
    return doubts

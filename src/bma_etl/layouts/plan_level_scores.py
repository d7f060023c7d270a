"""Scores of an OCR'd scoring table that its weights say were misread.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_flow_levels`, not a layout).
A scoring table's levels give their weight as a share of the indicator's full
score (``๓ ร้อยละ ๘๐ ของน้ำหนักคะแนน ... ๒๐`` of a full ``๒๕``): every level's
score is its weight's share of one full score. On an OCR'd page a score read
with a digit lost (``๕`` for ``๑๗.๕``) is still a number; when the other levels
agree on the full score and this one does not, its score is not read (NULL),
never loaded wrong. Consumes the raw rows of one table's levels; changes their
``score`` in place.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal, InvalidOperation

from bma_etl.layouts.base import Raw, RawRow
from bma_etl.normalize.digits import to_arabic_digits

__all__ = ["drop_misread_scores"]

#: Levels that must agree on the full score before another's score is doubted.
_AGREEING_MIN = 2


def _number(field: object) -> Decimal | None:
    """A raw field's text as a number (Thai or Arabic digits), or None."""
    if not isinstance(field, Raw):
        return None
    try:
        found = Decimal(to_arabic_digits(field.text.strip()))
    except (InvalidOperation, ValueError):
        return None
    return found if found.is_finite() else None


def drop_misread_scores(rows: list[RawRow]) -> None:
    """Set to None the score of a level out of proportion with its weight.

    ``rows``: one table's ``plan_scoring_levels`` rows (fields ``weight_pct`` and
    ``score`` as read). The full score each level implies is ``score * 100 /
    weight``; when at least two levels imply one full score and more levels imply
    it than any other, a level implying another has its score dropped.

    >>> from bma_etl.provenance import Span
    >>> def r(w, s):
    ...     return RawRow("plan_scoring_levels", None, {
    ...         "weight_pct": Raw(w, Span(1, 0, 1)), "score": Raw(s, Span(1, 0, 1))})
    >>> rows = [r("100", "25"), r("90", "22.5"), r("80", "20"), r("70", "5"), r("60", "15")]
    >>> drop_misread_scores(rows)
    >>> [x.fields["score"].text if x.fields["score"] else None for x in rows]
    ['25', '22.5', '20', None, '15']
    """
    full: list[Decimal | None] = []
    for row in rows:
        weight, score = _number(row.fields.get("weight_pct")), _number(row.fields.get("score"))
        full.append(None if weight is None or score is None or not weight
                    else (score * 100 / weight).quantize(Decimal("0.01")))
    counts = Counter(f for f in full if f is not None).most_common(2)
    if not counts or counts[0][1] < _AGREEING_MIN or (
            len(counts) > 1 and counts[1][1] == counts[0][1]):
        return
    agreed = counts[0][0]
    for row, implied in zip(rows, full, strict=True):
        if implied is not None and implied != agreed:
            row.fields["score"] = None

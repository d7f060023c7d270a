"""A project's budgets OCR read out of line with each other: the unsure one is doubtful.

Stage: normalize (a helper of :mod:`bma_etl.normalize.trust`).
A project states what it was allocated and what it has spent (``projects``
``budget_allocated_thb`` and ``budget_spent_thb``, in baht); spent more than
allocated is rare, and on a scan it is mostly a misread: Tesseract added a leading
digit to the spent amount of a detail page (``19,352,500`` for ``9,352,500``,
under an allocated ``10,000,000``) or lost one of the allocated amount. Its word
confidence alone decides nothing (:func:`~bma_etl.normalize.trust.doubt_of`: values
read right go as low as 5), but a pair out of line says one of the two is wrong,
and the word read less surely is the likelier: the one whose confidence is under
:data:`UNSURE_BELOW` and under the other's is doubtful, loaded only when the page
confirms it (:func:`~bma_etl.normalize.trust.screen`). Two amounts read surely
stay as read: a project may overspend, and :mod:`bma_etl.checks` reports it.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from decimal import Decimal

__all__ = ["UNSURE_BELOW", "budgets_out_of_line"]

#: Tesseract's word confidence (0-100) under which an amount of a pair out of line
#: is the misread one.
UNSURE_BELOW = 70.0

_ALLOCATED = ("projects", "budget_allocated_thb")
_SPENT = ("projects", "budget_spent_thb")

REASON = (
    "spent {spent} is more than allocated {allocated}, and OCR read this amount "
    "unsurely (confidence {confidence:.0f})"
)


def budgets_out_of_line(
    values: Sequence[tuple[Hashable, str, str, object, float | None]],
) -> dict[int, str]:
    """The budgets read out of line with their row's other budget, with the reason.

    ``values``: ``(row key, table, field, value, confidence)`` of each value OCR read
    (confidence: the lowest of its words', 0-100, None when not known); returns the
    indexes in ``values`` that are doubtful, mapped to why. A row whose spent amount
    is more than its allocated amount doubts the one of the two read less surely,
    when its confidence is under :data:`UNSURE_BELOW`.

    >>> budgets_out_of_line([(1, "projects", "budget_allocated_thb", Decimal(900), 91.0),
    ...                      (1, "projects", "budget_spent_thb", Decimal(1800), 48.0)])
    {1: 'spent 1800 is more than allocated 900, and OCR read this amount unsurely (confidence 48)'}
    >>> budgets_out_of_line([(1, "projects", "budget_allocated_thb", Decimal(900), 91.0),
    ...                      (1, "projects", "budget_spent_thb", Decimal(800), 48.0)])
    {}
    """
    pairs: dict[Hashable, dict[tuple[str, str], tuple[int, Decimal, float | None]]] = {}
    for i, (row, table, field, value, confidence) in enumerate(values):
        if (table, field) in (_ALLOCATED, _SPENT) and isinstance(value, Decimal):
            pairs.setdefault(row, {})[(table, field)] = (i, value, confidence)
    doubts: dict[int, str] = {}
    for pair in pairs.values():
        if len(pair) != 2:
            continue
        (a, allocated, a_sure), (s, spent, s_sure) = pair[_ALLOCATED], pair[_SPENT]
        if spent <= allocated or a_sure is None or s_sure is None or a_sure == s_sure:
            continue
        unsure, confidence = (a, a_sure) if a_sure < s_sure else (s, s_sure)
        if confidence < UNSURE_BELOW:
            doubts[unsure] = REASON.format(spent=spent, allocated=allocated, confidence=confidence)
    return doubts

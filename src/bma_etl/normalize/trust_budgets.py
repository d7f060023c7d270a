"""A project's budgets OCR read out of line with each other: both are doubtful.

Stage: normalize (a helper of :mod:`bma_etl.normalize.trust`).
A project states what it was allocated and what it has spent (``projects``
``budget_allocated_thb`` and ``budget_spent_thb``, in baht); spent more than
allocated is rare, and on a scan it is mostly a misread: Tesseract added a leading
digit to the spent amount of a detail page (``19,352,500`` for ``9,352,500``,
under an allocated ``10,000,000``, at confidence 48) or lost one of the allocated
amount. Which of the two is wrong, word confidence does not tell: on the detail and
tracking scans of robustness seeds 3301 and 3303 (fpdf2, 32 scans), of 23 budget
amounts OCR read with a confidence, the 17 read right went from 37 to 93 (3 under
70) and the 6 misread (a digit read as another, ``20,551,000`` for ``20,991,000``)
from 71 to 93: none under 70. So a pair out of line doubts both amounts, whatever
their confidence; each is loaded only when the page confirms it
(:func:`~bma_etl.normalize.trust.screen`: printed again, a form's reports adding up
to its spent amount), else NULL with ``ocr_doubtful_value``. A scanned project that
truly overspent loses the amounts nothing confirms (LOST, never WRONG); on text
layers nothing is doubted and :mod:`bma_etl.checks` reports the overspend.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from decimal import Decimal

__all__ = ["budgets_out_of_line"]

_ALLOCATED = ("projects", "budget_allocated_thb")
_SPENT = ("projects", "budget_spent_thb")

REASON = (
    "spent {spent} is more than allocated {allocated} as OCR read them (this amount "
    "at confidence {confidence:.0f}): one of the two may be misread"
)


def budgets_out_of_line(
    values: Sequence[tuple[Hashable, str, str, object, float | None]],
) -> dict[int, str]:
    """The budgets read out of line with their row's other budget, with the reason.

    ``values``: ``(row key, table, field, value, confidence)`` of each value OCR read
    (confidence: the lowest of its words', 0-100, None when not known); returns the
    indexes in ``values`` that are doubtful, mapped to why. A row whose spent amount
    is more than its allocated amount, both read by OCR (confidences known), doubts
    both.

    >>> budgets_out_of_line([(1, "projects", "budget_allocated_thb", Decimal(900), 91.0),
    ...                      (1, "projects", "budget_spent_thb", Decimal(1800), 48.0)])[1]
    'spent 1800 is more than allocated 900 as OCR read them (this amount at confidence 48): \
one of the two may be misread'
    >>> sorted(budgets_out_of_line([
    ...     (1, "projects", "budget_allocated_thb", Decimal(900), 91.0),
    ...     (1, "projects", "budget_spent_thb", Decimal(1800), 91.0)]))
    [0, 1]
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
        if spent <= allocated or a_sure is None or s_sure is None:
            continue
        for i, confidence in ((a, a_sure), (s, s_sure)):
            doubts[i] = REASON.format(spent=spent, allocated=allocated, confidence=confidence)
    return doubts

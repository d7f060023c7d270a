"""A month's progress OCR's two models read apart, confirmed by the months either side.

A detail page's monthly plan is cumulative (2, 5, 9, 14, ... 100). Where the Thai
and English models read a month's digits differently (a faded single digit), the
value is doubted; one strictly between the sure progresses of the months before
and after it fits its place and is loaded, one outside them is NULL with an
``ocr_doubtful_value`` finding, as before. The months are written here from known
values; the page's text is their numbers, one a line.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from bma_etl.normalize.fields import Normalized, NormalizedRow, ProvenanceRow
from bma_etl.normalize.trust import screen

PLAN = [2, 5, 9, 14, 20, 27, 35, 44, 52, 64, 80, 100]


def _page(values: list[int], doubted_month: int) -> tuple[Normalized, str, tuple[
        tuple[int, int, float], ...]]:
    lines, rows, provs, doubted = [], [], [], []
    at = 0
    for month, value in enumerate(values, start=1):
        line = f"{month}\t{value}"
        start = at + len(f"{month}\t")
        rows.append(NormalizedRow("monthly_progress", month,
                                  {"month_no": month, "value": Decimal(value)}))
        provs.append(ProvenanceRow("monthly_progress", month, "value", 1, month, start,
                                   start + len(str(value)), str(value), False, False, None, 91.0))
        if month == doubted_month:
            doubted.append((start, start + len(str(value)), 91.0))
        lines.append(line)
        at += len(line) + 1
    return Normalized(rows, provs, []), "\n".join(lines), tuple(doubted)


@pytest.mark.parametrize("month", [2, 3, 7, 11])
def test_a_doubted_month_between_its_neighbours_is_loaded(month: int) -> None:
    n, text, doubted = _page(PLAN, month)
    screen(n, text, doubted)
    assert n.rows[month - 1].values.get("value") == Decimal(PLAN[month - 1])
    assert not [f for f in n.findings if f.code == "ocr_doubtful_value"]


@pytest.mark.parametrize(("month", "misread"), [(3, 3), (3, 19), (7, 53)])
def test_a_doubted_month_out_of_its_place_is_null_with_an_issue(month: int, misread: int
                                                               ) -> None:
    values = [*PLAN]
    values[month - 1] = misread
    n, text, doubted = _page(values, month)
    screen(n, text, doubted)
    assert n.rows[month - 1].values.get("value") is None
    assert [f for f in n.findings if f.code == "ocr_doubtful_value" and f.row_ordinal == month]


def test_a_doubted_month_of_a_plan_that_falls_is_not_confirmed() -> None:
    values = [2, 9, 5, 14, 20, 27, 35, 44, 52, 64, 80, 100]  # no cumulative plan
    n, text, doubted = _page(values, 4)
    screen(n, text, doubted)
    assert n.rows[3].values.get("value") is None

"""A detail page's monthly results set as cards, four a row, each month with its value.

A tracking page restyled with a flex panel of month cards, printed (an outside test's
Safari-like print), gives ``ผลงานเดือนที่ 1 5⇥ผลงานเดือนที่ 2 5⇥…`` a line: the month and
its value spaced in one cell. Each cell was taken for a month's label and the next
cell for its value, two months a pair, and every reported month was lost
(:func:`bma_etl.layouts.web_detail_pairs._month_end`).

Generated detail pages (bench/corpus, known values) with their month lines set as
cards, ``per_row`` a line, months not reported yet as a label alone; the truth is the
pages as generated.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from corpus.build import GENERATORS
from read_back import assert_read_as_generated

MONTH = "ผลงานเดือนที่"


def _cards(text: str, values: dict[int, str | None], per_row: int, reported: int) -> str:
    lines = text.splitlines()
    at = next(k for k, line in enumerate(lines) if line.startswith(MONTH))
    kept = [line for line in lines if not line.startswith(MONTH)]
    cells = [f"{MONTH} {n} {values[n]}" if n <= reported and values.get(n) is not None
             else f"{MONTH} {n}" for n in range(1, 13)]
    rows = ["\t".join(cells[k:k + per_row]) for k in range(0, 12, per_row)]
    return "\n".join(kept[:at] + rows + kept[at:]) + "\n"


@pytest.mark.parametrize(("k", "per_row"), [(0, 4), (1, 4), (2, 3), (3, 6)])
def test_month_cards_read_each_month(tmp_path: Path, k: int, per_row: int) -> None:
    doc = GENERATORS["web_detail"](random.Random(f"cards-{k}"))
    months = doc.truth["tables"]["monthly_progress"]
    reported = 7
    values = {row["month_no"]: row["value"] for row in months}
    truth = {"tables": {"monthly_progress": [
        {**row, "value": row["value"] if row["month_no"] <= reported else None}
        for row in months]}}
    path = tmp_path / "detail.txt"
    path.write_text(_cards(doc.text, values, per_row, reported), encoding="utf-8")
    assert_read_as_generated(path, truth, ["monthly_progress"])

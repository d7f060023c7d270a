"""A report's progress printed as a pair, planned and actual: the actual is stored.

An outside tester's form printed each report's progress as
``ความก้าวหน้าของงานฯ (แผน/ผล) = 10.00 / 5.00 %``: the planned figure, 10.00, was
stored as the progress, for every report. The label's bracket names the figures;
``ผล`` (the result) is the progress. With no bracket naming them, which figure is which
is a guess: the progress is NULL.

Forms are generated from known values (bench/corpus ``legacy_tab``, ``legacy_pipe``,
``legacy_long``); each report's progress is printed as a pair with a planned figure
drawn beside the generated one; the truth is the generated progress.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest

from bma_etl.layouts.legacy_progress_form import extract

from corpus.build import GENERATORS
from read_back import records_of

_PROGRESS = re.compile(r"(ความก้าวหน้าของงานฯ) = (\d+\.\d\d) %")


def _paired(text: str, rng: random.Random, order: str) -> str:
    def pair(m: re.Match[str]) -> str:
        actual = m[2]
        planned = f"{min(Decimal(100), Decimal(actual) + rng.randint(1, 15)):.2f}"
        if order == "plan_first":
            return f"{m[1]} (แผน/ผล) = {planned} / {actual} %"
        if order == "actual_first":
            return f"{m[1]} (ผล/แผน) = {actual} / {planned} %"
        return f"{m[1]} = {planned} / {actual} %"
    text, count = _PROGRESS.subn(pair, text)
    assert count >= 1
    return text


@pytest.mark.parametrize("ocr", [False, True])
@pytest.mark.parametrize("order", ["plan_first", "actual_first"])
@pytest.mark.parametrize("generator", ["legacy_tab", "legacy_pipe", "legacy_long"])
@pytest.mark.parametrize("seed", range(2))
def test_the_actual_figure_of_a_planned_actual_pair_is_the_progress(
        seed: int, generator: str, order: str, ocr: bool) -> None:
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    text = _paired(generated.text, rng, order)
    got = records_of(extract, text, ocr_used=ocr, screened=False)
    want = [Decimal(r["progress_pct"]) for r in generated.tables["progress_updates"]]
    assert [r.progress_pct for r in got["progress_updates"]] == want
    assert [r.budget_disbursed_thb for r in got["progress_updates"]] == [
        Decimal(r["budget_disbursed_thb"]) for r in generated.tables["progress_updates"]]
    latest = generated.tables["projects"][0]["progress_pct"]
    assert got["projects"][0].progress_pct == Decimal(latest)


@pytest.mark.parametrize("generator", ["legacy_tab", "legacy_pipe", "legacy_long"])
def test_a_pair_no_bracket_names_is_null(generator: str) -> None:
    rng = random.Random(3)
    generated = GENERATORS[generator](rng)
    text = _paired(generated.text, rng, "unnamed")
    got = records_of(extract, text, ocr_used=False, screened=False)
    assert [r.progress_pct for r in got["progress_updates"]] == [None] * len(
        generated.tables["progress_updates"])
    assert len(got["progress_updates"]) == len(generated.tables["progress_updates"])

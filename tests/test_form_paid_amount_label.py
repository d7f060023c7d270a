"""A legacy form's report whose paid amount is labelled ``เบิกจ่ายงบประมาณ (ครั้งที่ n)``.

Forms are generated from known values (``bench/corpus``); each report's
``งบประมาณที่เบิกใช้ (ครั้งที่ n) = AMOUNT บาท`` is printed with the other wording of
the same amount, ``เบิกจ่ายงบประมาณ (ครั้งที่ n)`` or ``งบประมาณที่เบิกจ่าย (ครั้งที่ n)``.
In typed text it was not read (``budget_disbursed_thb`` NULL, no issue): it is the
same column.

The truth is the generated values: every report's amount, flags and narrative, typed
and OCR'd alike.
"""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from bma_etl.layouts.legacy_progress_form import extract

from corpus.build import GENERATORS
from read_back import records_of


@pytest.mark.parametrize("ocr", [False, True])
@pytest.mark.parametrize("generator", ["legacy_tab", "legacy_pipe", "legacy_long", "legacy_html"])
@pytest.mark.parametrize("wording", ["เบิกจ่ายงบประมาณ", "งบประมาณที่เบิกจ่าย"])
@pytest.mark.parametrize("seed", range(3))
def test_paid_amount_labelled_another_way_is_the_reports_disbursed_budget(
        seed: int, wording: str, generator: str, ocr: bool) -> None:
    generated = GENERATORS[generator](random.Random(seed))
    text = generated.text.replace("งบประมาณที่เบิกใช้", wording)
    assert text != generated.text
    got = records_of(extract, text, ocr_used=ocr, screened=False)["progress_updates"]
    want = generated.tables["progress_updates"]
    assert [(r.budget_disbursed_thb, r.on_plan, r.on_target, r.detail) for r in got] == [
        (Decimal(w["budget_disbursed_thb"]), w["on_plan"], w["on_target"], w["detail"])
        for w in want]

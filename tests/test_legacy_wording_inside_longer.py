"""Legacy-form wordings that another wording holds: a percent's label, an objective.

A report whose budget clause is a percent (``ร้อยละการเบิกจ่ายงบประมาณ = 45.00 %``)
stored 45.00 as ``budget_disbursed_thb``: the paid wording ``เบิกจ่ายงบประมาณ`` was
found inside the longer label and its value was not asked to be an amount. Now the
label must open a word and its value be one in baht
(:func:`bma_etl.layouts.legacy_paid_label.paid_labelled`): the column is NULL.

An objective numbered ``2.`` opening ``รายงาน…`` (``2. รายงานผลการดำเนินงานต่อผู้บริหาร
ทุกไตรมาส``) was taken as section 2's heading in another wording, and dropped: the
heading by its kind is section 2 only after section 1.6 or with a report's words
(:data:`bma_etl.layouts.legacy_sections._REPORTS_WORDS_RE`).

Forms are generated from known values (bench/corpus ``legacy_tab``, ``legacy_pipe``),
reworded, and read as typed and as OCR'd text; the truth is the generated values.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest

from bma_etl.layouts.legacy_progress_form import extract

from corpus.build import GENERATORS
from read_back import records_of

#: The generated budget clause of a report (``งบประมาณที่เบิกใช้ (ครั้งที่ 1) = 2,136,000 บาท``).
_BUDGET_CLAUSE = re.compile(r"งบประมาณที่เบิกใช้ \(ครั้งที่ [0-9๐-๙]+\) = [^\t|:\n]*?บาท")


@pytest.mark.parametrize("ocr", [False, True])
@pytest.mark.parametrize("generator", ["legacy_tab", "legacy_pipe"])
@pytest.mark.parametrize("clause", ["ร้อยละการเบิกจ่ายงบประมาณ = 45.00 %",
                                    "ผลการเบิกจ่ายงบประมาณ = 62.50 %",
                                    "เบิกจ่ายงบประมาณ = 30.00 %",
                                    "ร้อยละงบประมาณที่เบิกจ่าย = 45.00 %",
                                    "งบประมาณที่เบิกจ่าย = 30.00 %"])
@pytest.mark.parametrize("seed", range(2))
def test_a_percent_of_the_budget_paid_is_no_amount_disbursed(
        seed: int, clause: str, generator: str, ocr: bool) -> None:
    generated = GENERATORS[generator](random.Random(seed))
    text, count = _BUDGET_CLAUSE.subn(clause, generated.text)
    assert count
    got = records_of(extract, text, ocr_used=ocr, screened=False)["progress_updates"]
    want = generated.tables["progress_updates"]
    assert [(r.budget_disbursed_thb, r.progress_pct, r.on_plan, r.on_target, r.detail)
            for r in got] == [
        (None, Decimal(w["progress_pct"]), w["on_plan"], w["on_target"], w["detail"])
        for w in want]


@pytest.mark.parametrize("ocr", [False, True])
@pytest.mark.parametrize("generator", ["legacy_tab", "legacy_pipe"])
@pytest.mark.parametrize("seed", range(2))
def test_an_objective_numbered_2_that_opens_a_report_is_an_objective(
        seed: int, generator: str, ocr: bool) -> None:
    generated = GENERATORS[generator](random.Random(seed))
    objective = "รายงานผลการดำเนินงานต่อผู้บริหารทุกไตรมาส"
    first = re.search(r"^1\. (เพื่อ\S+)\s*$", generated.text, re.M)
    assert first is not None
    text, count = re.subn(r"^2\. เพื่อ\S+", f"2. {objective}", generated.text, flags=re.M)
    assert count == 1
    got = records_of(extract, text, ocr_used=ocr, screened=False)
    assert got["projects"][0].objectives == [first[1], objective]
    want = generated.tables["progress_updates"]
    assert [(r.budget_disbursed_thb, r.on_plan, r.detail) for r in got["progress_updates"]] == [
        (Decimal(w["budget_disbursed_thb"]), w["on_plan"], w["detail"]) for w in want]

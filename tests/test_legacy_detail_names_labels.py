"""A legacy form's report whose narrative itself holds a progress's or budget's wording.

A report entry is ``:: DATE : NARRATIVE :: ความก้าวหน้าของงานฯ = P % : งบประมาณที่เบิกใช้
(ครั้งที่ n) = A บาท``. A narrative that quotes a value in the labels' own words
(``ความก้าวหน้าของงานฯ = 99.00 % ตามแผนเดิม``) had its quote read as the report's
progress (99.00 stored for the row's own 10.00) and the narrative cut there. The row's
own values follow the narrative's end, the ``::`` before the progress's label
(:func:`bma_etl.layouts.legacy_detail_end.own_values_at`); what comes before it is
narrative.

Forms are generated from known values (bench/corpus ``legacy_tab``, ``legacy_pipe``,
``legacy_long``), their narratives lengthened with such a quote, and read as typed and
as OCR'd text; the truth is the generated values and the lengthened narratives.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest

from bma_etl.layouts.legacy_progress_form import extract

from corpus.build import GENERATORS
from read_back import records_of

QUOTES = (
    "ความก้าวหน้าของงานฯ = 99.00 % ตามแผนเดิม",
    "ขออนุมัติงบประมาณที่เบิกใช้ (ครั้งที่ 1) = 90,000 บาท ความก้าวหน้าของงานฯ = 99.00 % ตามแผนเดิม",
    "ความก้าวหน้าของงานฯ = 97.50 % : งบประมาณที่เบิกใช้ (ครั้งที่ 1) = 90,000 บาท ตามแผนเดิม",
)


@pytest.mark.parametrize("ocr", [False, True])
@pytest.mark.parametrize("generator", ["legacy_tab", "legacy_pipe", "legacy_long"])
@pytest.mark.parametrize("quote", QUOTES)
@pytest.mark.parametrize("seed", range(2))
def test_a_value_quoted_in_the_narrative_is_narrative_not_the_reports_value(
        seed: int, quote: str, generator: str, ocr: bool) -> None:
    generated = GENERATORS[generator](random.Random(seed))
    want = generated.tables["progress_updates"]
    text = generated.text
    for detail in {w["detail"] for w in want}:
        text = text.replace(f" : {detail}", f" : {detail} {quote}")
    assert text.count(quote) >= len(want)
    got = records_of(extract, text, ocr_used=ocr, screened=False)["progress_updates"]
    assert [(r.progress_pct, r.budget_disbursed_thb, r.on_plan, r.on_target,
             _words(r.detail, ocr)) for r in got] == [
        (Decimal(w["progress_pct"]), Decimal(w["budget_disbursed_thb"]), w["on_plan"],
         w["on_target"], _words(f"{w['detail']} {quote}", ocr)) for w in want]


def _words(detail: str | None, ocr: bool) -> str | None:
    """``detail`` as compared: after OCR a sign standing alone (``=``, ``:``) is a speck
    the narrative drops (:func:`bma_etl.layouts.legacy_narrative.without_specks`)."""
    if detail is None or not ocr:
        return detail
    return re.sub(r"(?:\s+[=:])*\s+", " ", detail)

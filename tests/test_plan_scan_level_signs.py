"""A scoring level whose ร้อยละ OCR read as a Latin word with a sign after it.

Plans are generated from known values (``bench/corpus``); their scoring tables are
printed flowing as a scan's OCR gives them (:func:`plan_text.scanned_level_lines`), and
one level of each table has its ``ร้อยละ`` read as a Latin word with a colon glued
after it (``4 Fava: 90 ของน้ำหนักคะแนน ...``, a 200 dpi grey scan): the colon is no
weight, and the weight and its words are no part of the description.

The truth is the generated values: every level keeps its number, weight, score and
description.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from plan_text import scanned_level_lines
from read_back import records_of

#: ร้อยละ as OCR read it on the level the test damages.
_MISREAD = ("Fava:", "Sor;")


@pytest.mark.parametrize("seed", range(6))
def test_level_whose_percent_word_ocr_read_latin_with_a_sign_is_read(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    lines: list[str] = []
    place = 0
    for line in generated.text.split("\n"):
        wrapped, level = scanned_level_lines(line, (70, 90), rng)
        place = place + 1 if level else place
        if level and place % 5 == 2:  # each table's second level
            wrapped[0] = wrapped[0].replace(" ร้อยละ ", f" {rng.choice(_MISREAD)} ", 1)
        lines += wrapped
    text = "\n".join(lines)
    assert any(word in text for word in _MISREAD)
    got = [(str(r.level), str(r.weight_pct), str(r.score), "".join(r.description.split()))
           for r in records_of(extract, text, screened=False).get(
               "plan_scoring_levels", [])]
    want = [(str(w["level"]), w["weight_pct"], w["score"], "".join(w["description"].split()))
            for w in generated.tables["plan_scoring_levels"]]
    assert got == want

"""A scanned progress form whose report amount a pen stroke crossed.

Forms are generated from known values (``bench/corpus``, ``legacy_pipe``, digits
printed Arabic); a report's amount is then damaged as Tesseract read it where a
blue signature crossed it at 300 dpi: its middle lost, a gap and a mark, then its
last digits, the unit broken (``516,450.50 บาท`` read ``51 .50“บา``). The amount
is NULL with an issue, never its head (``51``).
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.legacy_progress_form import extract
from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus.build import GENERATORS

_AMOUNT = re.compile(r"(?<=\) = )(?P<amount>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]{2})?) บาท")


def _read(text: str) -> tuple[list[Any], list[Any]]:
    doc = RepairedText.of(text, ocr_used=True)
    normalized = normalize(extract(doc), doc.text, doc.words, None, doc.spaced, True)
    return (build_records(normalized, "0" * 64).get("progress_updates", []),
            normalized.findings)


@pytest.mark.parametrize("seed", range(8))
def test_amount_a_pen_stroke_cut_is_null_never_its_head(seed: int) -> None:
    rng = random.Random(seed)
    while True:
        generated = GENERATORS["legacy_pipe"](rng)
        text = to_arabic_digits(generated.text)
        found = list(_AMOUNT.finditer(text))
        if found:
            break
    cut = rng.choice(found)
    amount = cut["amount"]
    damaged = (f"{amount[:2].rstrip(',')} {rng.choice('.,')}{amount[-2:]}"
               f"{rng.choice(['“บา', 'บ', ''])}")
    text = text[:cut.start()] + damaged + text[cut.end():]
    rows, findings = _read(text)
    want = generated.tables["progress_updates"]
    assert len(rows) == len(want)
    k = text[:cut.start()].count("รายงานครั้งที่") - 1  # the report whose amount was cut
    assert rows[k].budget_disbursed_thb is None
    assert any(f.field == "budget_disbursed_thb" and f.row_ordinal == rows[k].ordinal
               for f in findings)
    assert [f"{r.budget_disbursed_thb:.2f}" for i, r in enumerate(rows) if i != k] == [
        w["budget_disbursed_thb"] for i, w in enumerate(want) if i != k]

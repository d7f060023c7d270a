"""A scanned progress form whose report amount a pen stroke crossed.

Forms are generated from known values (``bench/corpus``, ``legacy_pipe``, digits
printed Arabic); a report's amount is then damaged as Tesseract read it where a
blue signature crossed it at 300 dpi: its middle lost, a gap and a mark, then its
last digits, the unit broken (``516,450.50 บาท`` read ``51 .50“บา``). The amount
is NULL with an issue, never its head (``51``).
"""

from __future__ import annotations

import random

import pytest

from form_ocr_lines import assert_damaged_amount_null


@pytest.mark.parametrize("seed", range(8))
def test_amount_a_pen_stroke_cut_is_null_never_its_head(seed: int) -> None:
    def cut(amount: str, rng: random.Random) -> str:
        return (f"{amount[:2].rstrip(',')} {rng.choice('.,')}{amount[-2:]}"
                f"{rng.choice(['“บา', 'บ', ''])}")

    assert_damaged_amount_null(random.Random(seed), lambda rng: "legacy_pipe", cut)

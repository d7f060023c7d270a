"""An OCR'd amount whose last digit group was misread as letters after its comma.

A light photocopy read at 200 dpi gave ``1,488, pie บาท`` for ``1,488,000 บาท`` and
``992, ว บาท`` for ``992,000 บาท``: the digits before the dangling comma are not the
amount (a thousandth of it). Amounts are generated from known values, their last
group replaced by what OCR made of it; the amount is NULL with an issue, never the
digits before the comma. Forms and plans are generated (``bench/corpus``) and
damaged as read; a plan's budget cell is read the same typed or OCR'd.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bma_etl.errors import NormalizeError
from bma_etl.layouts import annual_action_plan
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.digits import parse_amount, to_arabic_digits
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus.build import GENERATORS
from form_ocr_lines import assert_damaged_amount_null

_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_JUNK = ["pie ", "ว ", "", " ", "ooo", "."]


@given(st.integers(1_000, 99_999_999), st.sampled_from(_JUNK), st.booleans(),
       st.sampled_from([" บาท", "บาท", "", ".- บาท"]), st.booleans())
def test_an_amount_whose_last_group_ocr_lost_is_an_error(value: int, junk: str, thai: bool,
                                                         suffix: str, ocr: bool) -> None:
    printed = f"{value:,}"
    damaged = printed[:printed.rindex(",") + 1] + junk + suffix
    if thai:
        damaged = damaged.translate(_THAI)
    with pytest.raises(NormalizeError, match="no digit group follows the comma"):
        parse_amount(damaged, ocr=ocr)


@given(st.integers(1_000, 99_999_999), st.sampled_from([", ", " , ", ",", " ,"]))
def test_a_whole_amount_with_a_space_at_its_comma_is_still_read(value: int, comma: str) -> None:
    head, _, last = f"{value:,}".rpartition(",")
    assert parse_amount(f"{head}{comma}{last} บาท") == Decimal(value)


@pytest.mark.parametrize("seed", range(6))
def test_a_form_report_amount_with_a_dangling_comma_is_null_with_an_issue(seed: int) -> None:
    def dangling(amount: str, rng: random.Random) -> str:
        return amount[:amount.rindex(",") + 1] + rng.choice(["pie", "ว", ""]) + " บาท"

    assert_damaged_amount_null(random.Random(seed),
                               lambda rng: rng.choice(["legacy_pipe", "legacy_tab"]), dangling)


_PLAN_CELL = re.compile(r"(?<=\t)(?P<amount>[0-9]{1,3}(?:,[0-9]{3})+) บาท(?=\t)")


@pytest.mark.parametrize("ocr", [True, False])
@pytest.mark.parametrize("seed", [0, 3, 5])
def test_a_plan_budget_cell_with_a_dangling_comma_is_null_with_an_issue(seed: int,
                                                                         ocr: bool) -> None:
    generated = GENERATORS["plan"](random.Random(seed))
    text = to_arabic_digits(generated.text)
    cut = random.Random(seed).choice(list(_PLAN_CELL.finditer(text)))
    amount = cut["amount"]
    head = amount[:amount.rindex(",")]
    text = text[:cut.start()] + head + ", pie บาท" + text[cut.end():]
    doc = RepairedText.of(text, ocr_used=ocr)
    normalized = normalize(annual_action_plan.extract(doc), doc.text, doc.words, None,
                           doc.spaced, ocr)
    rows = build_records(normalized, "0" * 64)["plan_projects"]
    loaded = [r.budget_thb for r in rows]
    assert Decimal(head.replace(",", "")) not in loaded
    assert any("no digit group follows the comma" in f.message for f in normalized.findings)

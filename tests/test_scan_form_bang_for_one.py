"""A progress form's amounts whose first digit OCR read as ``!`` (a 1-bit scan's thin ``1``).

Forms are generated from known values (``bench/corpus``, ``legacy_pipe``); then one
amount's first digit is replaced by ``!``, glued or spaced, as Tesseract read a 1-bit
G4 scan's ``11,975,000`` (``! 1.975,000``, the tester's img_g4_L6.tif). The truth is
the generated values: that amount is NULL, never the smaller number after the ``!``;
every other amount is read as generated.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal
from typing import Any

import pytest

from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.legacy_progress_form import extract
from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records
from test_scan_form_row_junk import _generated

_SPENT = re.compile(r"(?<=งบประมาณที่ใช้ไป : )(?P<value>[0-9๐-๙][0-9๐-๙,.]*)(?= บาท)")
_PAID = re.compile(r"(?<=\) = )(?P<value>[0-9๐-๙][0-9๐-๙,.]*)(?= บาท)")


def _records(text: str, *, ocr: bool = True) -> dict[str, list[Any]]:
    doc = RepairedText.of(text, ocr_used=ocr)
    return build_records(normalize(extract(doc), doc.text, doc.words, None, ocr=ocr), "0" * 64)


def _banged(rng: random.Random, value: str) -> str:
    digits = to_arabic_digits(value)
    return "!" + rng.choice(("", " ")) + digits[1:]


def _whole_digits(value: str) -> int:
    return len(to_arabic_digits(value).split(".")[0].replace(",", ""))


def _spent_form(rng: random.Random) -> tuple[Any, re.Match[str]]:
    """A generated form that spent more than one digit's baht, and its spent amount."""
    for _ in range(200):
        generated = _generated(rng, least=1)
        hit = _SPENT.search(generated.text)
        if hit is not None and _whole_digits(hit["value"]) > 1:
            return generated, hit
    raise AssertionError("no generated form spent more than 9 baht in 200 draws")


def _amount(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


@pytest.mark.parametrize("seed", range(6))
def test_spent_budget_whose_first_digit_reads_bang_is_null(seed: int) -> None:
    rng = random.Random(seed)
    generated, hit = _spent_form(rng)
    text = generated.text[:hit.start()] + _banged(rng, hit["value"]) + generated.text[hit.end():]
    project = _records(text)["projects"][0]
    want = generated.tables["projects"][0]
    assert project.budget_spent_thb is None
    assert project.budget_allocated_thb == _amount(want["budget_allocated_thb"])


@pytest.mark.parametrize("seed", range(6))
def test_paid_amount_whose_first_digit_reads_bang_is_null(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(200):  # a form with a report that paid more than one digit's baht
        generated = _generated(rng, least=2)
        hits = [(k, m) for k, m in enumerate(_PAID.finditer(generated.text))
                if _whole_digits(m["value"]) > 1]
        if hits:
            break
    assert hits, "no generated form paid more than 9 baht in a report in 200 draws"
    k, hit = rng.choice(hits)
    text = generated.text[:hit.start()] + _banged(rng, hit["value"]) + generated.text[hit.end():]
    got = [r.budget_disbursed_thb for r in _records(text)["progress_updates"]]
    want = [_amount(w["budget_disbursed_thb"]) for w in generated.tables["progress_updates"]]
    assert got[k] is None
    assert got[:k] + got[k + 1:] == want[:k] + want[k + 1:]


@pytest.mark.parametrize("seed", range(4))
def test_typed_form_keeps_an_amount_after_a_bang(seed: int) -> None:
    """A form's text layer (typed, not OCR'd): a ``!`` before an amount is the writer's own."""
    rng = random.Random(seed)
    generated, hit = _spent_form(rng)
    text = generated.text[:hit.start()] + "! " + generated.text[hit.start():]
    project = _records(text, ocr=False)["projects"][0]
    assert project.budget_spent_thb == _amount(generated.tables["projects"][0]["budget_spent_thb"])

"""A scanned progress form's amounts OCR's two models read with other digits.

Forms are generated from known values (``bench/corpus``, ``legacy_pipe``, digits
printed Arabic). On a scan, a report's amount disbursed may sit in one OCR word with
the report's count (``(ครั้งที่ 4)=0บาท`` read ``9ๆ=0บาท``), a word Tesseract's Thai
and English models read with other digits: the amount is doubted. The reports'
amounts add up to the form's budget spent (``งบประมาณที่ใช้ไป``), so a doubted amount
that is what the sum leaves for it is the one printed: it is loaded. One whose digits
OCR changed is not, and stays NULL with its issue, never loaded wrong; so does a
doubted budget spent.
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
from bma_etl.normalize.trust import screen
from bma_etl.validate import build_records

from corpus.build import GENERATORS

_AMOUNT = r"(?P<amount>[0-9][0-9,]*(?:\.[0-9]{2})?) บาท"
_PAID = re.compile(r"\(ครั้งที่ [0-9]+\) = " + _AMOUNT)
_SPENT = re.compile(r"งบประมาณที่ใช้ไป : " + _AMOUNT)
#: Forms drawn at most for one that fits.
_DRAWS = 50


def _form(seed: int) -> tuple[Any, str]:
    """A generated form (and its text, digits Arabic) with two reports or more and a
    budget spent; draws at most ``_DRAWS`` forms, then fails (never a hang)."""
    rng = random.Random(seed)
    for _ in range(_DRAWS):
        generated = GENERATORS["legacy_pipe"](rng)
        text = to_arabic_digits(generated.text)
        if len(_PAID.findall(text)) >= 2 and _SPENT.search(text):
            return generated, text
    raise AssertionError(f"no form of {_DRAWS} drawn from seed {seed} had two reports' "
                         "amounts and a budget spent")


def _read(text: str, doubted: tuple[int, int]) -> tuple[dict[str, list[Any]], list[Any]]:
    """The records of ``text`` read as OCR'd, the word over ``doubted`` (start, end)
    read with other digits by OCR's two models."""
    words = tuple((m.start(), m.end(), 90.0) for m in re.finditer(r"\S+", text))
    doc = RepairedText.of(text, ocr_used=True, words=words)
    normalized = normalize(extract(doc), doc.text, doc.words, None, doc.spaced, True)
    screen(normalized, doc.text, ((*doubted, 60.0),))
    return build_records(normalized, "0" * 64), normalized.findings


def _misread(amount: str) -> str:
    """``amount`` with its first digit read as another (same shape)."""
    return str((int(amount[0]) + 3) % 9 + 1) + amount[1:]


@pytest.mark.parametrize("seed", range(6))
def test_a_doubted_amount_the_budget_spent_adds_up_to_is_loaded(seed: int) -> None:
    generated, text = _form(seed)
    found = list(_PAID.finditer(text))
    k = random.Random(seed).randrange(len(found))
    records, findings = _read(text, found[k].span("amount"))
    want = [Decimal(w["budget_disbursed_thb"]) for w in generated.tables["progress_updates"]]
    assert [r.budget_disbursed_thb for r in records["progress_updates"]] == want
    assert not [f for f in findings if f.code == "ocr_doubtful_value"]


@pytest.mark.parametrize("seed", range(6))
def test_a_doubted_amount_read_with_another_digit_stays_null(seed: int) -> None:
    generated, text = _form(seed)
    found = list(_PAID.finditer(text))
    k = random.Random(seed).randrange(len(found))
    start, end = found[k].span("amount")
    text = text[:start] + _misread(found[k]["amount"]) + text[end:]
    records, findings = _read(text, (start, end))
    rows = records["progress_updates"]
    want = [Decimal(w["budget_disbursed_thb"]) for w in generated.tables["progress_updates"]]
    assert rows[k].budget_disbursed_thb is None
    assert any(
        f.code == "ocr_doubtful_value" and f.row_ordinal == rows[k].ordinal for f in findings
    )
    assert [r.budget_disbursed_thb for i, r in enumerate(rows) if i != k] == [
        w for i, w in enumerate(want) if i != k
    ]


@pytest.mark.parametrize("seed", range(4))
def test_a_doubted_budget_spent_is_loaded_only_as_the_reports_add_up(seed: int) -> None:
    generated, text = _form(seed)
    spent = _SPENT.search(text)
    assert spent is not None
    records, _ = _read(text, spent.span("amount"))
    want = Decimal(generated.tables["projects"][0]["budget_spent_thb"])
    assert records["projects"][0].budget_spent_thb == want
    start, end = spent.span("amount")
    misread = text[:start] + _misread(spent["amount"]) + text[end:]
    records, _ = _read(misread, (start, end))
    assert records["projects"][0].budget_spent_thb is None

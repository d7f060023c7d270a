"""Progress-form budgets whose label OCR read only in part: every amount is still read.

Forms are generated from known values (``bench/corpus``) in their table dialects; the
budget of a report is then damaged the ways Tesseract read it on the corpus's grey
scans: the label's first syllables read, its rest and the bracket's words made junk
(``งบประ บละหารย ane 1) = 0 บาท``, ``งบประ Galante (ครั้งมี 3) = 0 บาท``), or a speck
after the bracket read as a digit (``(ครั้งที่ 1)1 = 0 บาท``). The truth is the
generated values: every amount, and the flags after it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from test_scan_form_labels import _read, _values, _want

from corpus.build import GENERATORS

_BUDGET = r"งบประมาณที่เบิกใช้ \(ครั้งที่ ?([0-9๐-๙]+)\) = "
#: What OCR made of the label's rest and the bracket's ``(ครั้งที่`` on the corpus's scans.
_HEAD_JUNK = ("งบประ บละหารย ane ", "งบประ Galante (ครั้งมี ", "งบประ มาณ (คร ")


@pytest.mark.parametrize("generator", ["legacy_html", "legacy_tab", "legacy_pipe"])
@pytest.mark.parametrize("seed", range(4))
def test_budget_whose_label_ocr_read_its_head_of_still_gives_its_amount(
        generator: str, seed: int) -> None:
    """``งบประ บละหารย ane 1) = …``, ``งบประ Galante (ครั้งมี 3) = …``: every amount and flag."""
    _amounts_read_after(generator, seed,
                        lambda m, rng: f"{rng.choice(_HEAD_JUNK)}{m.group(1)}) = ")


@pytest.mark.parametrize("generator", ["legacy_html", "legacy_tab", "legacy_pipe"])
@pytest.mark.parametrize("seed", range(4))
def test_budget_with_a_speck_read_as_a_digit_after_its_bracket_still_gives_its_amount(
        generator: str, seed: int) -> None:
    """``(ครั้งที่ 1)1 = 0 บาท``, ``(ครั้งที่ 2)]7 = …``: every amount and flag."""
    _amounts_read_after(generator, seed,
                        lambda m, rng: f"{m.group()[:-3]}{rng.choice(('1', ']7', '4'))} = ")


def _amounts_read_after(generator: str, seed: int,
                        damage: Callable[[re.Match[str], random.Random], str]) -> None:
    """A generated form (``generator``, ``seed``) whose every report budget's label
    ``damage`` rewrote as OCR read it: every amount and flag is read as generated."""
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    text = re.sub(_BUDGET, lambda m: damage(m, rng), generated.text)
    assert text != generated.text
    assert _values(_read(text)) == _want(generated)


def test_a_head_and_a_count_without_an_amount_in_baht_give_no_budget() -> None:
    """``งบประ ane 1) = 4,559,000`` with no ``บาท``: no amount is taken for the budget."""
    generated = GENERATORS["legacy_html"](random.Random(1))
    text = re.sub(_BUDGET + r"([0-9,]+) บาท", r"งบประ ane \1) = \2", generated.text)
    assert text != generated.text
    assert all(r.budget_disbursed_thb is None for r in _read(text))

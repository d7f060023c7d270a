"""A footnote's mark after an amount, or between it and its unit, is no digit of it.

An outside tester's form (a Word document with footnotes) printed ``งบประมาณที่ได้รับ :
3,480,000 บาท 1/`` and ``งบประมาณที่ใช้ไป : 1,212,450.50 2/ บาท``: both budgets were NULL
("several numbers"). The mark is left off, and named in a warning. A re-typed form's
``วันที่เริ่มโครงการ`` (for ``เริ่มต้นโครงการ``) now names the start date too.

Forms are generated from known values (bench/corpus ``legacy_tab``, ``legacy_pipe``,
``legacy_long``); marks are set after the budgets' amounts or units; the truth is the
generated values.
"""

from __future__ import annotations

import random
import re
from datetime import date
from decimal import Decimal

import pytest

from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.legacy_progress_form import extract
from bma_etl.normalize.fields import normalize

from corpus.build import GENERATORS
from read_back import records_of

_BUDGETS = re.compile(r"^(งบประมาณที่(?:ได้รับ|ใช้ไป) : )(\S+)( บาท)$", re.M)
MARKS = {
    "slash_after_unit": lambda n, amount, unit: f"{amount}{unit} {n}/",
    "slash_before_unit": lambda n, amount, unit: f"{amount} {n}/{unit}",
    "star_after_unit": lambda n, amount, unit: f"{amount}{unit}{'*' * n}",
    "thai_slash": lambda n, amount, unit: f"{amount}{unit} {'๑๒'[n - 1]}/",
}


@pytest.mark.parametrize("mark", sorted(MARKS))
@pytest.mark.parametrize("generator", ["legacy_tab", "legacy_pipe", "legacy_long"])
@pytest.mark.parametrize("seed", range(2))
def test_a_footnote_mark_is_left_off_the_amount(seed: int, generator: str, mark: str) -> None:
    generated = GENERATORS[generator](random.Random(seed))
    want = generated.tables["projects"][0]
    marked = iter((1, 2))
    text, count = _BUDGETS.subn(
        lambda m: m[1] + MARKS[mark](next(marked), m[2], m[3]), generated.text)
    assert count == 2
    got = records_of(extract, text, ocr_used=False, screened=False)["projects"][0]
    assert (got.budget_allocated_thb, got.budget_spent_thb) == (
        Decimal(want["budget_allocated_thb"]), Decimal(want["budget_spent_thb"]))
    doc = RepairedText.of(text, (), ocr_used=False)
    notes = [f for f in normalize(extract(doc), doc.text).findings
             if f.field in ("budget_allocated_thb", "budget_spent_thb")]
    assert len(notes) == 2 and all("footnote mark" in f.message for f in notes)


def test_a_date_is_no_footnote_mark() -> None:
    """``1/10/2566`` after an amount is no mark (a digit follows its slash): still NULL."""
    generated = GENERATORS["legacy_tab"](random.Random(4))
    text = _BUDGETS.sub(lambda m: f"{m[1]}{m[2]}{m[3]} 1/10/2566", generated.text)
    got = records_of(extract, text, ocr_used=False, screened=False)["projects"][0]
    assert got.budget_allocated_thb is None and got.budget_spent_thb is None


@pytest.mark.parametrize("label", ["วันที่เริ่มโครงการ", "วันเริ่มโครงการ"])
def test_a_retyped_start_label_names_the_start_date(label: str) -> None:
    generated = GENERATORS["legacy_tab"](random.Random(5))
    text, count = re.subn(r"^เริ่มต้นโครงการ :", f"{label} :", generated.text, flags=re.M)
    assert count == 1
    got = records_of(extract, text, ocr_used=False, screened=False)["projects"][0]
    assert got.start_date == date.fromisoformat(generated.tables["projects"][0]["start_date"])

"""Budget amounts whose first digits OCR glued to the project's name, on generated plans.

Plans are generated from known values (``bench/corpus``); their budget tables are
read as OCR reads a borderless table (tabs as spaces) and some amounts damaged the
way Tesseract read them on a 150 dpi grey scan: the gap between the name's cell and
the budget's lost, the amount's thousands comma read as a space, so its first
digits stand glued to the name's last word
(``...เพื่อการบริหารจัดการเมือง10 381,100 บาท ฝ่ายการคลัง`` for ``10,381,100``).

The truth is the generated values: the name is the name, without the digits, and the
budget is the whole amount, never the groups after the glued digits.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest

from bma_etl.layouts.annual_action_plan import extract

from conftest import budget_rows_read, records_of
from corpus.build import GENERATORS

#: An amount of two groups or more, as generated (its first group cut off by the damage).
_AMOUNT = re.compile(r"^(?P<lead>[0-9๐-๙]{1,3}),(?P<rest>[0-9๐-๙]{3}(?:,[0-9๐-๙]{3})*\S*\s+บาท)")
#: How many plans to try for one with an amount of a million or more.
_ATTEMPTS = 8


@pytest.mark.parametrize("seed", range(8))
def test_an_amounts_first_digits_glued_to_the_name_are_the_amounts(seed: int) -> None:
    glued: list[str] = []
    for attempt in range(_ATTEMPTS):
        rng = random.Random(seed if attempt == 0 else f"{seed}-{attempt}")
        generated = GENERATORS["plan"](rng)

        def row(m: re.Match[str], rng: random.Random = rng) -> str:
            rest = " ".join(m.group("rest").split())
            amount = _AMOUNT.match(rest)
            if amount is None or rng.random() < 0.3:
                return f"{m.group('no')} {m.group('name')} {rest}"
            glued.append(m.group("name"))
            return f"{m.group('no')} {m.group('name')}{amount.group('lead')} " \
                   f"{amount.group('rest')}{rest[amount.end():]}"

        text = budget_rows_read(generated.text, row)
        if glued:
            break
    assert glued, "no generated plan had an amount of a million baht or more"
    want = [w for w in generated.tables["plan_projects"] if w["section"] != "routine"]
    got = [r for r in records_of(extract, text, screened=False)["plan_projects"]
           if r.section != "routine"]
    assert [r.name for r in got] == [w["name"] for w in want]
    assert [r.budget_thb for r in got] == [
        None if w["budget_thb"] is None else Decimal(w["budget_thb"]) for w in want]
    assert [r.responsible_unit for r in got] == [w["responsible_unit"] for w in want]

"""Digits glued to a scanned plan project's name before its amount, on generated plans.

Plans are generated from known values (``bench/corpus``); their budget tables are
read as OCR reads a borderless table (tabs as spaces). Digits then stand glued to the
name's last word before an amount in two ways that read alike:

- the amount's first digits, the gap between the name's cell and the budget's lost
  and the thousands comma read as a space, as Tesseract read a 150 dpi grey scan
  (``...เพื่อการบริหารจัดการเมือง10 381,100 บาท ฝ่ายการคลัง`` for ``10,381,100``);
- the end of the name, as Thai names glue numbers to words
  (``...ซอยเพชรเกษม69 855,500 บาท``, ``ถนนพระราม๙``, ``รัชกาลที่๙``).

When the amount's first group has three digits both readings are whole amounts, so
the budget is never loaded as either: NULL with an ``ambiguous_value`` finding naming
both, the name keeping the digits as read. Never a wrong value. An amount whose first
group has fewer digits reads one way: the digits are the name's, the amount as read.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.digits import to_arabic_digits

from corpus.build import GENERATORS
from plan_text import budget_rows_read
from read_back import records_of

#: An amount of two groups or more, as generated (its first group cut off by the damage).
_AMOUNT = re.compile(r"^(?P<lead>[0-9๐-๙]{1,3}),(?P<rest>[0-9๐-๙]{3}(?:,[0-9๐-๙]{3})*\S*\s+บาท)")
#: An amount whose first group has three digits (``855,500``, ``500.00``).
_THREE_GROUP = re.compile(r"^[0-9๐-๙]{3}(?![0-9๐-๙])")
#: How many plans to try for one with an amount of a million or more.
_ATTEMPTS = 8
#: Numbers Thai names glue to their last word: a soi's, a road's, a reign's.
_GLUED_ENDS = ("ซอยเพชรเกษม69", "ถนนพระราม๙", "รัชกาลที่๙", "ซอยสุขุมวิท101", "ซอย๒๔")


def _ambiguous(text: str) -> list[str]:
    """The ``ambiguous_value`` findings on ``budget_thb`` the plan's extraction makes."""
    found = extract(RepairedText.of(text, ocr_used=True)).findings
    return [f.message for f in found
            if f.field == "budget_thb" and f.code == "ambiguous_value"]


def _amount(text: str) -> Decimal:
    return Decimal(to_arabic_digits(text).replace(",", ""))


@pytest.mark.parametrize("seed", range(8))
def test_an_amounts_first_digits_glued_to_the_name_are_never_left_out(seed: int) -> None:
    """``...จัดการเมือง10 381,100 บาท`` (truth 10,381,100): NULL with a finding naming
    10,381,100 and 381,100, never 381,100 loaded; every other row read right."""
    glued: list[str] = []
    for attempt in range(_ATTEMPTS):
        rng = random.Random(seed if attempt == 0 else f"{seed}-{attempt}")
        generated = GENERATORS["plan"](rng)
        glued = []
        leads: dict[str, list[str]] = {}  # a name's glued digits, row by row ("" for none)

        def row(m: re.Match[str], rng: random.Random = rng, glued: list[str] = glued,
                leads: dict[str, list[str]] = leads) -> str:
            rest = " ".join(m.group("rest").split())
            amount = _AMOUNT.match(rest)
            if amount is None or rng.random() < 0.3:
                leads.setdefault(m.group("name"), []).append("")
                return f"{m.group('no')} {m.group('name')} {rest}"
            glued.append(m.group("name"))
            leads.setdefault(m.group("name"), []).append(amount.group("lead"))
            return f"{m.group('no')} {m.group('name')}{amount.group('lead')} " \
                   f"{amount.group('rest')}{rest[amount.end():]}"

        text = budget_rows_read(generated.text, row)
        if glued:
            break
    assert glued, "no generated plan had an amount of a million baht or more"
    want = [w for w in generated.tables["plan_projects"] if w["section"] != "routine"]
    got = [r for r in records_of(extract, text, screened=False)["plan_projects"]
           if r.section != "routine"]
    lead = [leads[w["name"]].pop(0) if leads.get(w["name"]) else "" for w in want]
    assert [r.name for r in got] == [w["name"] + d for w, d in zip(want, lead, strict=True)]
    assert [r.budget_thb for r in got] == [
        None if w["budget_thb"] is None or d else Decimal(w["budget_thb"])
        for w, d in zip(want, lead, strict=True)]
    assert [r.responsible_unit for r in got] == [w["responsible_unit"] for w in want]
    messages = _ambiguous(text)
    assert len(messages) == len(glued)
    budgets = [Decimal(w["budget_thb"]) for w, d in zip(want, lead, strict=True) if d]
    assert [_amount(re.findall(r"reads (\S+)", m)[0]) for m in messages] == budgets


@pytest.mark.parametrize("seed", range(8))
def test_digits_glued_to_a_names_last_word_are_never_taken_into_its_amount(seed: int) -> None:
    """``...ซอยเพชรเกษม69 855,500 บาท``: never 69,855,500; NULL with a finding naming
    both readings, or, when the amount's first group has fewer digits, the amount."""
    three: list[str] = []
    for attempt in range(_ATTEMPTS):
        generated = GENERATORS["plan"](random.Random(seed if attempt == 0 else
                                                     f"{seed}-{attempt}"))
        three = []
        ends: dict[str, list[tuple[str, bool]]] = {}  # a name's glued end, row by row

        def row(m: re.Match[str], ends: dict[str, list[tuple[str, bool]]] = ends,
                three: list[str] = three) -> str:
            rest = " ".join(m.group("rest").split())
            end = _GLUED_ENDS[sum(map(len, ends.values())) % len(_GLUED_ENDS)]
            ambiguous = _THREE_GROUP.match(rest) is not None
            ends.setdefault(m.group("name"), []).append((end, ambiguous))
            if ambiguous:
                three.append(m.group("name"))
            return f"{m.group('no')} {m.group('name')}{end} {rest}"

        text = budget_rows_read(generated.text, row)
        if three:
            break
    assert three, "no generated amount had a first group of three digits"
    want = [w for w in generated.tables["plan_projects"] if w["section"] != "routine"]
    got = [r for r in records_of(extract, text, screened=False)["plan_projects"]
           if r.section != "routine"]
    glued = [ends[w["name"]].pop(0) for w in want]
    assert [r.name for r in got] == [
        w["name"] + end for w, (end, _) in zip(want, glued, strict=True)]
    assert [r.budget_thb for r in got] == [
        None if w["budget_thb"] is None or ambiguous else Decimal(w["budget_thb"])
        for w, (_, ambiguous) in zip(want, glued, strict=True)]
    assert [r.uses_budget for r in got] == [w["uses_budget"] for w in want]
    messages = _ambiguous(text)
    budgets = [Decimal(w["budget_thb"]) for w, (_, ambiguous) in zip(want, glued, strict=True)
               if ambiguous]
    assert [_amount(re.findall(r" or (\S+) \(", m)[0]) for m in messages] == budgets


@pytest.mark.parametrize(("millions", "end"), [("150", "ซอยเพชรเกษม69"), ("๒๕๐", "ถนนพระราม๙")])
def test_digits_glued_to_a_name_before_an_amount_in_millions_are_the_names(
        millions: str, end: str) -> None:
    """``...ซอยเพชรเกษม69 150 ล้านบาท``: an amount scaled by its unit word prints no
    thousands groups, so the digits are the name's and the amount is read as stated."""
    generated = GENERATORS["plan"](random.Random(0))

    def row(m: re.Match[str]) -> str:
        unit = " ".join(m.group("rest").split()).partition("บาท")[2]
        return f"{m.group('no')} {m.group('name')}{end} {millions} ล้านบาท{unit}"

    text = budget_rows_read(generated.text, row)
    want = [w for w in generated.tables["plan_projects"] if w["section"] != "routine"]
    got = [r for r in records_of(extract, text, screened=False)["plan_projects"]
           if r.section != "routine"]
    assert [r.name for r in got] == [w["name"] + end for w in want]
    assert [r.budget_thb for r in got] == [_amount(millions) * 1_000_000 for _ in want]
    assert _ambiguous(text) == []

"""Names whose key form OCR damaged, on generated plans.

Plans are generated from known values (``bench/corpus``) and damaged the ways
Tesseract damaged them on the held-out grey and 1-bit scans (seed 73 and 71):

- a scoring table's heading ``เกณฑ์การให้คะแนน “ระดับความสำเร็จ...”`` wrapped,
  the quote on the lines under the heading words, its ``“ระ`` read as a speck
  (``๒๕ ดับความสำเร็จ``, ``a ดับความสำเร็จ``, ``“จะดับความสำเร็จ``): each level's
  indicator is the name the heading quotes (it was NULL or started ``จะดับ``);
- a step table's project (``ชื่อโครงการที่ ๑ โครงการ...``) with a speck read before
  ``โครงการ`` (``o โครงการ``, ``เไโครงการ``): the name without it;
- a project list's name with the first digit of its amount left on the name's line
  (``...ในสังกัด ๒`` over ``๔๐๓,๕๐๐ บาท``): the name without it.

The truth is the generated values.
"""

from __future__ import annotations

import random
import re
import textwrap
from decimal import Decimal
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from read_back import records_of

#: What OCR read the ``“ระ`` of a quoted ``“ระดับความสำเร็จ`` as on the held-out scans.
_HEADS = ("๒๕ ", "a ", "“จะ", "“$e ", "")

_HEADING_RE = re.compile(r"^เกณฑ์การให้คะแนน “ระดับ(?P<rest>[^”]*)”$", re.M)


def _plan(seed: int) -> Any:
    return GENERATORS["plan"](random.Random(seed))


def _squashed(text: str | None) -> str | None:
    return None if text is None else "".join(text.split())


@pytest.mark.parametrize("seed", range(5))
def test_scoring_heading_whose_quote_lost_its_first_syllable_names_the_indicator(
        seed: int) -> None:
    rng = random.Random(seed)
    generated = _plan(seed)
    damaged = 0

    def heading(m: re.Match[str]) -> str:
        nonlocal damaged
        damaged += 1
        quote = f"{_HEADS[(seed + damaged) % len(_HEADS)]}ดับ{m.group('rest')}”"
        return "เกณฑ์การให้คะแนน\n" + "\n".join(textwrap.wrap(quote, rng.choice((40, 60))))

    text = _HEADING_RE.sub(heading, generated.text)
    assert damaged, "the generator writes quoted scoring headings"
    want = [(row["indicator"], row["level"]) for row in generated.tables["plan_scoring_levels"]]
    got = [(r.indicator, r.level)
           for r in records_of(extract, text, screened=False).get("plan_scoring_levels", [])]
    assert got == want


_STEP_PROJECT_RE = re.compile(r"^(ชื่อโครงการที่ \S+ )(โครงการ)", re.M)
_SPECKS = ("o ", "เไ", "] ")


@pytest.mark.parametrize("seed", range(4))
def test_step_project_with_a_speck_before_its_name_is_read_without_it(seed: int) -> None:
    generated = _plan(seed)
    speck = _SPECKS[seed % len(_SPECKS)]
    text, count = _STEP_PROJECT_RE.subn(rf"\g<1>{speck}\g<2>", generated.text)
    assert count, "the generator writes step tables"
    want = [_squashed(row["project_name"]) for row in generated.tables["plan_steps"]]
    got = [_squashed(r.project_name)
           for r in records_of(extract, text, screened=False).get("plan_steps", [])]
    assert got == want


_PROJECT_ROW_RE = re.compile(
    r"^(?P<seq>[0-9๑-๙]+)\t(?P<name>โครงการ[^\t]*)\t(?P<amount>[1-9๑-๙][0-9๐-๙,.]*) บาท\t",
    re.M)


@pytest.mark.parametrize("seed", range(4))
def test_project_name_with_its_amounts_first_digit_is_read_without_it(seed: int) -> None:
    def cut(m: re.Match[str]) -> str:
        amount = m.group("amount")
        # the amount's first digit read in the name's cell
        return f"{m.group('seq')}\t{m.group('name')} {amount[0]}\t{amount[1:]} บาท\t"

    rng = random.Random(seed)
    count = 0
    while not count:  # a plan whose project lists are printed in cells with amounts
        generated = GENERATORS["plan"](rng)
        text, count = _PROJECT_ROW_RE.subn(cut, generated.text)
    want = generated.tables["plan_projects"]
    got = records_of(extract, text, screened=False).get("plan_projects", [])
    assert [_squashed(r.name) for r in got] == [_squashed(w["name"]) for w in want]
    # the amount is read whole, or not at all: never without its first digit
    assert all(r.budget_thb is None or r.budget_thb == Decimal(w["budget_thb"])
               for r, w in zip(got, want, strict=True))
    assert any(r.budget_thb is not None for r in got)


@pytest.mark.parametrize("seed", range(6))
def test_indicator_of_a_list_whose_first_syllable_ocr_misread_is_read(seed: int) -> None:
    """``... - “$e ดับความสำเร็จ...``: each name of a list of indicators starts with its
    own ``ระดับความสำเร็จ``, restored as the first name's is."""
    rng = random.Random(seed)
    count = 0
    while not count:  # a plan with a list of indicators one of which is a level of success
        generated = GENERATORS["plan"](rng)
        text, count = re.subn(r" - ระดับความสำเร็จ", lambda _m: " - " + rng.choice(
            ("“$e ", "๒๕ ", "จะ")) + "ดับความสำเร็จ", generated.text)
    want = [row["name"] for row in generated.tables["plan_indicators"]]
    got = [r.name for r in records_of(extract, text, screened=False).get("plan_indicators", [])]
    assert got == want

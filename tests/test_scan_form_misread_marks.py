"""A progress form's objective numbers, a label's ``:`` and a budget's bracket as OCR
misread them on scans.

Forms are generated from known values (``bench/corpus``); their text is then
damaged as Tesseract read the corpus's scans: the second objective's ``2.`` read
as another digit without its dot (``9 เพื่อ…``), or alone on its line as Latin
letters (``Nw`` / ``เพื่อ…``); the ``:`` between the agency's label and its value
read as a dash standing alone (``หน่วยงานที่รับผิดชอบ.⇥-⇥สำนัก…``); a budget's
``(ครั้งที่ 2)`` read as a digit and the number (``1 2)``) or as two words of letters
(``ana t=``). The truth is the generated values.
"""

from __future__ import annotations

import random
import re
import string
from typing import Any

import pytest

from bma_etl.layouts.legacy_progress_form import extract as legacy

from corpus.build import GENERATORS
from read_back import records_of


def _form(rng: random.Random, least_objectives: int = 1) -> Any:
    """A generated legacy form with at least ``least_objectives`` objectives."""
    while True:
        generated = GENERATORS[rng.choice(("legacy_pipe", "legacy_tab", "legacy_long"))](rng)
        if len(generated.tables["projects"][0].get("objectives") or []) >= least_objectives:
            return generated


@pytest.mark.parametrize("seed", range(6))
def test_second_objective_number_read_as_another_digit_without_its_dot(seed: int) -> None:
    """``9 เพื่อ…`` for ``2. เพื่อ…`` after the blank line that parts the items: an item of
    its own though one item only stands above it to open alike."""
    rng = random.Random(seed)
    generated = _form(rng, 2)
    text = re.sub(r"(?<=\n\n)2\. (?=เพื่อ)", lambda m: f"{rng.choice('3456789')} ",
                  generated.text, count=1)
    assert text != generated.text
    [project] = records_of(legacy, text, screened=False)["projects"]
    assert project.objectives == generated.tables["projects"][0]["objectives"]


@pytest.mark.parametrize("seed", range(6))
def test_objective_number_alone_on_its_line_read_as_latin_letters(seed: int) -> None:
    """``Nw`` / ``เพื่อ…`` for ``2.`` alone on its line: no text of the item above, and
    its item opens on the next line."""
    rng = random.Random(seed)
    generated = _form(rng, 2)
    letters = rng.choice(string.ascii_uppercase) + rng.choice(string.ascii_lowercase)
    text = re.sub(r"(?<=\n\n)2\. (?=เพื่อ)", f"{letters}\n", generated.text, count=1)
    assert text != generated.text
    [project] = records_of(legacy, text, screened=False)["projects"]
    assert project.objectives == generated.tables["projects"][0]["objectives"]


@pytest.mark.parametrize("seed", range(6))
def test_agency_label_colon_read_as_a_dash_alone(seed: int) -> None:
    """``หน่วยงานที่รับผิดชอบ.⇥-⇥สำนัก…⇥/``: the dash is the label's ``:``, no part of
    the agency."""
    rng = random.Random(seed)
    generated = _form(rng)
    text = re.sub(r"^(หน่วยงานที่รับผิดชอบ\.) : (.*)$",
                  lambda m: f"{m[1]}\t-\t" + m[2].replace(" / ", "\t/\t"),
                  generated.text, count=1, flags=re.M)
    assert text != generated.text
    [project] = records_of(legacy, text, screened=False)["projects"]
    [want] = generated.tables["projects"]
    assert project.agency == want["agency"]


_BRACKET = re.compile(r"(?<=งบประมาณที่เบิกใช้ )\((?:ครั้งที่) (?P<no>[0-9๐-๙]+)\)(?= = )")


@pytest.mark.parametrize("seed", range(6))
def test_budget_bracket_read_with_a_digit_among_its_letters_or_as_letters_alone(
        seed: int) -> None:
    """``งบประมาณที่เบิกใช้ 1 2) = 757,500 บาท`` (``(ครั้งที่`` read as a digit) and
    ``งบประมาณที่เบิกใช้ ana t= 0 บาท`` (the whole bracket read as two words of letters):
    every report's budget reads as generated."""
    rng = random.Random(seed)
    generated = _form(rng)
    text = _BRACKET.sub(lambda m: rng.choice((f"{rng.randrange(10)} {m['no']})", "ana t")),
                        generated.text)
    assert text != generated.text
    rows = records_of(legacy, text, screened=False)["progress_updates"]
    assert [None if r.budget_disbursed_thb is None else f"{r.budget_disbursed_thb:.2f}"
            for r in rows] == [w["budget_disbursed_thb"]
                               for w in generated.tables["progress_updates"]]


_BUDGET = re.compile(r"(?<=งบประมาณที่เบิกใช้ )\(ครั้งที่ [0-9๐-๙]+\) = "
                     r"(?P<head>[0-9]{1,3}),(?P<rest>[0-9]{3}(?:,[0-9]{3})*) บาท")


@pytest.mark.parametrize("seed", range(6))
def test_budget_after_an_unclosed_bracket_whose_marks_ocr_spaced_is_no_tail_of_it(
        seed: int) -> None:
    """``(ครั้งที่ ศา 5. 656, 000 บาท`` for ``(ครั้งที่ 2) = 5,656,000 บาท``: the bracket's
    number, ``)`` and ``=`` misread, the marks read with a space after each. The amount's
    last group (``000 บาท``) is not read as the budget: it is left NULL, the other
    reports' budgets read as generated."""
    rng = random.Random(seed)
    while not _BUDGET.search((generated := _form(rng)).text):
        pass
    m = _BUDGET.search(generated.text)
    assert m is not None
    spaced = m["head"] + ". " + m["rest"].replace(",", ", ")
    text = generated.text.replace(m.group(), f"(ครั้งที่ ศา {spaced} บาท", 1)
    rows = records_of(legacy, text, screened=False)["progress_updates"]
    want = [w["budget_disbursed_thb"] for w in generated.tables["progress_updates"]]
    hit = next(i for i, w in enumerate(generated.tables["progress_updates"])
               if w["budget_disbursed_thb"] == f"{int(m['head'] + m['rest'].replace(',', '')):.2f}")
    want[hit] = None
    assert [None if r.budget_disbursed_thb is None else f"{r.budget_disbursed_thb:.2f}"
            for r in rows] == want

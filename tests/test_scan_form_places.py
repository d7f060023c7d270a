"""Report rows of a scanned progress form whose number, budget or progress OCR damaged.

Forms are generated from known values (``bench/corpus``) in their dialects; their report
table is then damaged the ways Tesseract read it on the corpus's scans: a report's number
misread (``รายงานครั้งที่6`` for the third) or lost, the budget's ``(ครั้งที่ N) =`` read
as junk up to its amount (``(ครั้งที่ ey`` / ``4,909,500 บาท``), the progress's value
wrapped onto the next line behind a speck (``= -`` / ``17.00 %``), a rule's bit read as
``_`` around the detail. The truth is the
generated values: every row reads them, and a number nothing confirms stays as read.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts.legacy_progress_form import extract as legacy

from corpus.build import GENERATORS
from read_back import assert_rows_read, records_of

_DIALECTS = ("legacy_pipe", "legacy_tab", "legacy_html", "legacy_long")


def _form(rng: random.Random, least: int = 3) -> Any:
    """A generated form in one of the dialects, in Arabic digits, ``least`` reports or more."""
    while True:
        generated = GENERATORS[rng.choice(_DIALECTS)](rng)
        if (
            re.search(r"งานฯ = [0-9]", generated.text)
            and len(generated.tables["progress_updates"]) >= least
        ):
            return generated


def _labels(text: str) -> list[re.Match[str]]:
    return list(re.finditer(r"รายงานครั้งที่(?P<no>[0-9]{1,2})(?=\s)", text))


@pytest.mark.parametrize("seed", range(6))
def test_report_number_misread_or_lost_is_its_place_when_a_later_one_reads_its_own(
    seed: int,
) -> None:
    """``รายงานครั้งที่6`` for the third report, or its number lost: the third, derived,
    as a report below reads its own place; the last report's misread number stays as read
    (nothing below it says otherwise)."""
    rng = random.Random(seed)
    generated = _form(rng)
    want = generated.tables["progress_updates"]
    labels = _labels(generated.text)
    assert len(labels) == len(want)
    inner, last = labels[rng.randrange(len(labels) - 1)], labels[-1]
    misread = str(int(last["no"]) + 2)
    text = generated.text
    for m, number in sorted(
        ((inner, rng.choice(("6", "9", "ๆ"))), (last, misread)), key=lambda p: -p[0].start("no")
    ):
        text = text[: m.start("no")] + number + text[m.end("no") :]
    got = records_of(legacy, text, screened=False)["progress_updates"]
    assert [r.seq_label for r in got] == [w["seq_label"] for w in want[:-1]] + [int(misread)]


@pytest.mark.parametrize("junk", ["ey", "ซา", "5]", "J"])
@pytest.mark.parametrize("seed", range(3))
def test_budget_whose_bracket_and_equals_ocr_read_as_junk(seed: int, junk: str) -> None:
    """``งบประมาณที่เบิกใช้ (ครั้งที่ ey 4,909,500 บาท``: the amount in baht after the
    bracket's junk is still the budget, and the flags after it are read."""
    rng = random.Random(seed)
    generated = _form(rng)
    text = re.sub(
        r"\(ครั้งที่ [0-9]{1,2}\) = (?=[0-9][0-9,]*(?:\.[0-9]+)? บาท)", f"(ครั้งที่ {junk} ", generated.text
    )
    assert text != generated.text
    _assert_values_read(text, generated)


@pytest.mark.parametrize("speck", ["-", "=", "~", ""])
@pytest.mark.parametrize("seed", range(3))
def test_progress_value_wrapped_onto_the_next_line_behind_a_speck(seed: int, speck: str) -> None:
    """``ความก้าวหน้าของงานฯ = -`` / ``17.00 % : งบประมาณที่เบิกใช้ …``: the value at the
    next line's start, with its ``%``, is the progress; the budget after it still reads."""
    rng = random.Random(seed)
    generated = _form(rng)
    text = re.sub(r"(ความก้าวหน้าของงานฯ =) (?=[0-9.]+ %)", rf"\1 {speck}\n", generated.text)
    assert text != generated.text
    _assert_values_read(text, generated)


@pytest.mark.parametrize("seed", range(6))
def test_a_rules_underscore_around_the_detail(seed: int) -> None:
    """``:: 1/8/2569 : _ อยู่ระหว่าง…`` and ``…ราคากลาง`` / ``_ ม ความก้าวหน้าของงานฯ = …``
    (a rule's bit read as ``_`` before the detail, and before the ``::`` read as a letter on
    the line after it): the detail is its words alone."""
    rng = random.Random(seed)
    generated = _form(rng, least=1)
    text = re.sub(r"([0-9]{4} :) (?=\S)", r"\1 _ ", generated.text)
    text = re.sub(r"[ \t]*:: (?=ความก้าวหน้าของงาน)", lambda m: f"\n_ {rng.choice('มร=')} ", text)
    assert text.count("_ ") >= 2
    got = records_of(legacy, text, screened=False)["progress_updates"]
    assert [r.detail for r in got] == [w["detail"] for w in generated.tables["progress_updates"]]


def _assert_values_read(text: str, generated: Any) -> None:
    """Every report of the damaged ``text`` reads the generated form's progress, budget
    and flags."""
    got = records_of(legacy, text, screened=False)["progress_updates"]
    assert_rows_read(
        "progress_updates",
        got,
        generated.tables["progress_updates"],
        ("progress_pct", "budget_disbursed_thb", "on_plan", "on_target"),
    )

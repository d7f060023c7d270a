"""Target tables whose year line OCR read with a look-alike letter or a digit lost.

Plans are generated from known values (``bench/corpus``); their target tables are
printed flowing and damaged as :mod:`test_plan_scan_tables` damages them, and the
year line further the ways Tesseract read it on 200 and 300 dpi scans: a digit of a
year read as the Thai letter it looks like (``๒๕๕ฆ`` and ``๒๕๒ฒ`` for ``๙``, ``ณ``
for ``๓``) and another year's last digit lost (``๒๕๕`` for ``๒๕๕๙``). Each is still
a year column: every row of the table is read, one per year, and a year is the
generated one or NULL, never another. A row whose targets' numbers OCR read as
Latin words (``od ชุมชน``) whose last unit a wrap ran into the next word
(``ชุมชน`` / ``ภายในปี``, joined ``ชุมชนภายในปี``) is cut into as many targets as
years. The truth is the generated values.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import Line
from bma_etl.layouts.plan_flow_targets import target_starts
from bma_etl.rows import join_lines
from test_plan_scan_tables import _YEARS, _ocr_print

from corpus.build import GENERATORS
from corpus.score import score_tables
from read_back import records_of

#: The Thai letters Tesseract read a Thai digit of a year as, by their look.
_LOOKALIKES = {"๙": ("ฆ", "ฒ"), "๗": ("ฒ",), "๓": ("ณ",), "๖": ("อ",)}


def _years_lookalike(line: str, rng: random.Random) -> str | None:
    """The year line with one year's digit read as a look-alike letter and another
    year's last digit lost; None when no year has a digit with a look-alike."""
    years = line.split()
    letters = [k for k, y in enumerate(years) if any(ch in _LOOKALIKES for ch in y[2:])]
    if not letters or len(years) < 3:
        return None
    k = rng.choice(letters)
    at = max(i for i in (2, 3) if years[k][i] in _LOOKALIKES)
    years[k] = years[k][:at] + rng.choice(_LOOKALIKES[years[k][at]]) + years[k][at + 1:]
    lost = rng.choice([j for j in range(len(years)) if j != k])
    years[lost] = years[lost][:3]
    return "\t\t" + "\t".join(years)


def _plan(seed: int) -> tuple[Any, str]:
    """A plan in Thai digits whose year lines read with a look-alike letter and a digit lost."""
    for k in range(80):
        rng = random.Random(seed * 1000 + k)
        generated = GENERATORS["plan"](rng)
        lines = generated.text.split("\n")
        damaged = [_years_lookalike(line, rng) if _YEARS.match(line) else None
                   for line in lines]
        if any(d is not None for d in damaged) and all(
                d is not None for d, line in zip(damaged, lines, strict=True)
                if _YEARS.match(line)):
            text = "\n".join(d if d is not None else line
                             for d, line in zip(damaged, lines, strict=True))
            return generated, _ocr_print(text, rng)
    pytest.fail("no plan in Thai digits whose years have a look-alike letter")


@pytest.mark.parametrize("seed", range(6))
def test_year_line_with_a_lookalike_letter_and_a_lost_digit_keeps_its_columns(
        seed: int) -> None:
    generated, text = _plan(seed)
    want = generated.tables["plan_indicators"]
    truth = {"tables": {"plan_indicators": want}}
    skip = {f"plan_indicators.{i}.year_be" for i in range(len(want))}
    got = records_of(extract, text).get("plan_indicators", [])
    right, total, lost = score_tables({"plan_indicators": got}, truth, skip)
    assert len(got) == len(want) and right == total, lost[:6]
    assert all(r.year_be in (None, w["year_be"]) for r, w in zip(got, want, strict=True))


#: A target as ``_phrases`` prints it in one of its shapes: a number, a unit, then words.
_UNIT_TARGET_RE = re.compile(r"^(?P<no>[๐-๙]+) (?P<unit>\S+) (?P<rest>ภายในปี .*)$")


def _rows_with_units(seed: int) -> list[tuple[str, list[str]]]:
    """Generated target rows whose targets each open with a number and a unit word."""
    rows: dict[str, list[str]] = {}
    for k in range(200):
        generated = GENERATORS["plan"](random.Random(seed * 1000 + k))
        for row in generated.tables["plan_indicators"]:
            rows.setdefault(row["name"], []).append(row["target_text"])
        found = [(name, targets) for name, targets in rows.items()
                 if len(targets) >= 3 and all(_UNIT_TARGET_RE.match(t) for t in targets)]
        if found:
            return found
        rows.clear()
    pytest.fail("the generator wrote no target row of numbers and units")


@pytest.mark.parametrize("seed", range(4))
def test_latin_numbers_and_a_unit_a_wrap_ran_into_the_next_word_cut_the_targets(
        seed: int) -> None:
    for name, targets in _rows_with_units(seed):
        # every target's number after the first read as a Latin word (``od``)
        read = [targets[0]] + [_UNIT_TARGET_RE.sub(r"od \g<unit> \g<rest>", t)
                               for t in targets[1:]]
        last = _UNIT_TARGET_RE.match(targets[-1])
        assert last is not None
        cut = len(" ".join([name, *read])) - len(last.group("rest")) - 1
        flat = " ".join([name, *read])
        # the wrap falls right after the last target's unit: no space where it joins
        lines = [Line(1, 0, flat[:cut]), Line(2, cut + 1, flat[cut + 1:])]
        joined = join_lines(lines).text
        assert last.group("unit") + "ภายในปี" in joined
        starts = target_starts(joined, 0, len(targets), ocr=True)
        want, at = [], len(name) + 1
        for target in read[:-1]:
            want.append(at)
            at += len(target) + 1
        want.append(at)
        assert starts == want, (joined, starts, want)

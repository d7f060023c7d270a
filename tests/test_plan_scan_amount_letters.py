"""An amount OCR misread into digits and letters is no part of the project's name.

On a scanned plan OCR may read an amount's middle as Thai letters between digits, as
one word with the rest (breaker17's ``turn270_rotfix_P1``: ``๙๖,๗๐๐.- บาท`` read
``๓๕จุฒ๐๐.- บาท``, the cell's gap read as a space), and the row's reader left the
token before the last digits on the name (``โครงการตรวจสอบสัญญาเช่าที่ราชพัสดุ ๓๕จุฒ``).
Digits then letters glued to the amount's digits, or digits, letters and a digit, are
no word of a name: the name ends before them, and the amount, not stated readably, is
NULL, never its tail.

Plans are generated from known values (``bench/corpus``); some rows' amounts are
damaged so; the truth is the generated names and amounts.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from read_back import records_of

#: A project row's amount, the cell gap before it and its word baht after.
_AMOUNT = re.compile(r"(?<=โครงการ)(?P<name>[^\t]*)\t(?P<amount>[0-9๐-๙][0-9๐-๙,]+)"
                     r"(?P<point>\.[0-9๐-๙]{2})?(?=\.?-? บาท)")
#: Letters (and marks) Tesseract's Thai model read a scan's digits and commas as.
_MISREAD = ("จุฒ", "จุ", "ซ", "ฆฒ", "ษจ")


def _damaged(rng: random.Random, line: str) -> tuple[str, str | None]:
    """``line`` with its amount's middle read as letters and its gap as a space, or not.

    Also the project's name (after ``โครงการ``) when damaged.
    """
    m = _AMOUNT.search(line)
    digits = m.group("amount").replace(",", "") if m else ""
    if m is None or len(digits) < 5 or rng.random() < 0.4:
        return line, None
    amount = f"{digits[:2]}{rng.choice(_MISREAD)}{digits[-2:]}{m.group('point') or ''}"
    return line[:m.start()] + f"{m.group('name')} {amount}" + line[m.end():], m.group("name")


@pytest.mark.parametrize("seed", range(6))
def test_an_amount_read_as_digits_and_letters_stays_off_the_name(seed: int) -> None:
    rng = random.Random(f"3293-{seed}")
    generated = GENERATORS["plan"](rng)
    lines, hit = [], set()
    for line in generated.text.split("\n"):
        line, name = _damaged(rng, line)
        lines.append(line)
        if name is not None:
            hit.add("โครงการ" + name)
    got = records_of(extract, "\n".join(lines), screened=False)["plan_projects"]
    want = generated.tables["plan_projects"]
    assert hit and len(got) == len(want)
    assert [r.name for r in got] == [w["name"] for w in want]
    for r, w in zip(got, want, strict=True):
        truth = None if w["budget_thb"] is None else Decimal(w["budget_thb"])
        assert r.budget_thb == truth or (w["name"] in hit and r.budget_thb is None), w["name"]

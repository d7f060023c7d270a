"""Indicator targets of two units each (``๘ ราย ๑๖ ผลิตภัณฑ์``) whose first unit OCR
misread, on generated plans.

Plans are generated from known values (``bench/corpus``); their indicator-target
tables are printed flowing (tabs read as spaces: what Tesseract gives for a
borderless table) and damaged the ways Tesseract damaged them on the corpus's
150 dpi scans: the row's first target read as a short Latin word (``...เมืองน้อง
Se`` for ``... ๗ ราย``, its number and first unit), a later target's number read as
a sign (``= ราย``) or its first unit as other letters (``๒๑ จย``).

The truth is the generated values: every row keeps its name (no misread target
in it), and every target OCR did not damage is read whole, none shifted onto its
neighbour's year.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from read_back import records_of

#: A target of two units as generated: its number, the first unit, the second.
_TWO_UNITS = re.compile(r"^(?P<a>[๐-๙0-9]+) ราย (?P<b>[๐-๙0-9]+) ผลิตภัณฑ์$")
#: A target table's rows: from the header (``ลำดับที่<tab>ตัวชี้วัด``) to a blank line.
_HEADER = "ลำดับที่\tตัวชี้วัด\tค่าเป้าหมาย"


def _plans() -> list[int]:
    """Seeds whose plan has a target row of two units each (``N ราย M ผลิตภัณฑ์``)."""
    return [s for s in range(40) if any(
        _TWO_UNITS.match(str(r["target_text"]))
        for r in GENERATORS["plan"](random.Random(s)).tables["plan_indicators"])][:4]


def _flowing(text: str, damage: str) -> tuple[str, set[str]]:
    """``text`` with its target tables flowing and each two-unit row damaged; the
    targets the damage took (as generated)."""
    out: list[str] = []
    taken: set[str] = set()
    table = False
    for line in text.split("\n"):
        table = line.startswith(_HEADER) or (table and bool(line.strip()))
        cells = line.split("\t")
        if table and len(cells) > 3 and _TWO_UNITS.match(cells[-1]):
            first = _TWO_UNITS.match(cells[2])
            assert first is not None
            if damage == "lead":  # the first target's number and first unit as Latin
                cells[2] = f"Se {first.group('b')} ผลิตภัณฑ์"
                taken.add(cells[1] + "|0")
            else:  # the second target's number as a sign, the third's unit as letters
                cells[3] = re.sub(r"^\S+ ราย", "= ราย", cells[3])
                cells[4] = re.sub(r"^(\S+) ราย", r"\1 จย", cells[4])
                taken |= {cells[1] + "|1", cells[1] + "|2"}
        out.append(" ".join(c for c in cells if c) if table else line)
    return "\n".join(out), taken


@pytest.mark.parametrize("damage", ["lead", "units"])
@pytest.mark.parametrize("seed", _plans())
def test_two_unit_targets_keep_their_years_when_a_unit_is_misread(seed: int,
                                                                  damage: str) -> None:
    generated = GENERATORS["plan"](random.Random(seed))
    text, taken = _flowing(generated.text, damage)
    assert taken, "the test damages a row of two-unit targets"
    want = generated.tables["plan_indicators"]
    got = records_of(extract, text, screened=False).get("plan_indicators", [])
    assert [r.name for r in got] == [w["name"] for w in want]
    names = [w["name"] for w in want]
    for k, (r, w) in enumerate(zip(got, want, strict=True)):
        place = f"{w['name']}|{k - names.index(w['name'])}"
        if place not in taken:
            assert r.target_text == w["target_text"], (k, r.target_text, w["target_text"])

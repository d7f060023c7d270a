"""Budget rows and totals of a plan as OCR read them on seeds 43 and 47, read right.

The projects and totals of generated plans (``bench/corpus``) are written as a row
OCR gives them (its cells apart by spaces) and damaged the ways the 150 dpi grey
and 300 dpi 1-bit scans showed:

- a thousands comma read as a point (``459.500.- บาท``, ``2.263,300.00 บาท``): the
  budget was NULL, and the section's computed total with it;
- a budget's first digit read as a letter and a mark, its comma as a comma and a
  point (``ฒ่,.๓๑๕.๐๐๐ บาท``, a 200 dpi 1-bit scan): the amount ran into the name;
- a speck read as signs before a total's label (``~~ รวม ๓,๘๕๓,๖๐๐.- บาท``): the
  total was taken for the rest of the last project's row.

The truth is the generated values.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest

from bma_etl.layouts.plan_amounts import budget_said
from bma_etl.layouts.plan_cells import is_total
from bma_etl.normalize.digits import parse_amount

from corpus.build import GENERATORS

_LAST_COMMA = re.compile(r",(?=[0-9๐-๙]{3}(?![0-9๐-๙,]))")
_FIRST_COMMA = re.compile(r",(?=[0-9๐-๙]{3},)")


def _printed(budget: str, thai: bool) -> str:
    """``budget`` (``"2263300.00"``) as the plans print it: ``๒,๒๖๓,๓๐๐.- บาท``."""
    text = f"{int(Decimal(budget)):,}.-"
    return text.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) if thai else text


@pytest.mark.parametrize("seed", range(4))
def test_budget_with_a_comma_read_as_a_point_is_read(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    projects = [p for p in generated.tables["plan_projects"]
                if p["budget_thb"] is not None and Decimal(p["budget_thb"]) >= 1000]
    assert projects, "the generator writes budgets"
    for project in projects:
        amount = _printed(project["budget_thb"], rng.random() < 0.5)
        damage = _FIRST_COMMA if _FIRST_COMMA.search(amount) and rng.random() < 0.5 \
            else _LAST_COMMA
        damaged = damage.sub(".", amount, count=1)
        assert damaged != amount
        line = f"{project.get('seq') or 1} {project['name']} {damaged} บาท ส่วนคดี"
        m = budget_said(line)
        assert m is not None and line[:m.start()].strip().endswith(project["name"]), line
        assert parse_amount(m.group("amount")) == Decimal(project["budget_thb"]), line


@pytest.mark.parametrize("seed", range(3))
def test_total_with_signs_a_speck_made_before_it_is_a_total(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    for section in generated.tables["plan_sections"]:
        label = rng.choice(("รวม", "รวมงบประมาณทั้งสิ้น"))
        line = f"{rng.choice(('~~', '~', '--', '“'))} {label} " \
               f"{_printed(section['stated_total_thb'], rng.random() < 0.5)} บาท"
        assert is_total(line), line


@pytest.mark.parametrize("seed", range(4))
def test_budget_whose_first_digit_and_comma_ocr_misread_ends_the_name(seed: int) -> None:
    """The first digit read as a letter and a mark, its comma as a comma and a point,
    the other commas as points (``ฒ่,.๓๑๕.๐๐๐ บาท``, a 200 dpi 1-bit scan): the amount
    still ends the project's name (its value is not read)."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    projects = [p for p in generated.tables["plan_projects"]
                if p["budget_thb"] is not None and Decimal(p["budget_thb"]) >= 1_000_000]
    assert projects, "the generator writes budgets of millions"
    for project in projects:
        amount = _printed(project["budget_thb"], True).replace(",", ".")
        damaged = rng.choice(("ฒ่", "ส", "«")) + ",." + amount.split(".", 1)[1]
        line = f"{project.get('seq') or 1} {project['name']} {damaged} บาท ส่วนคดี"
        m = budget_said(line)
        assert m is not None and line[:m.start()].strip().endswith(project["name"]), line
        assert line[m.end():].strip() == "ส่วนคดี", line

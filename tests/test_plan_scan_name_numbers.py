"""A scanned project's name ending in a number, its budget whole in the next cell.

Plans are generated from known values (bench/corpus ``plan``); each project of the
budget tables gets a number ending its name (``...ในซอยลาดกระบัง 3``, as a long
plan names its sites), its amount whole in its own cell (``251,250``), as OCR read a
1-bit 200 dpi scan of such a plan. The number was taken for the amount's first
digits cut off (the budget loaded as 3,251,250, the name without its number). The
row reads both ways; the section's stated total tells which. The truth is the
generated values: each name with its number, each budget as printed (or NULL with
an ``ambiguous_value`` issue when nothing tells), never another amount.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal
from functools import partial
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from read_back import records_of

#: A numbered project's row (an amount, or ไม่ใช้งบประมาณ, after its name).
_PROJECT_ROW_RE = re.compile(r"^(?P<seq>[0-9๑-๙]+)\t(?P<name>โครงการ[^\t]*)\t(?P<rest>[^\t]+\t)",
                             re.M)


def _number(names: list[str], m: re.Match[str]) -> str:
    """The row with a number (3, 6, 9... down the rows) ending its name, kept in ``names``."""
    names.append(f"{m['name']} {3 * (len(names) + 1)}")
    return f"{m['seq']}\t{names[-1]}\t{m['rest']}"


def _numbered(seed: int, total: bool = True) -> tuple[str, list[dict[str, Any]]]:
    """A plan whose projects' names end in a number (3, 6, 9...), and the projects' truth."""
    rng = random.Random(f"name-numbers-{seed}")
    while True:
        generated = GENERATORS["plan"](rng)
        names: list[str] = []
        text, count = _PROJECT_ROW_RE.subn(partial(_number, names), generated.text)
        if count:
            break
    if not total:  # the totals' amounts lost (a total the scan cut off)
        text = re.sub(r"^(รวม[^\t]*\t\t)[^\t]+\t$", r"\1\t", text, flags=re.M)
    want = [dict(p) for p in generated.tables["plan_projects"]]
    listed = [p for p in want if p["section"] != "routine"]  # the rows the pattern numbered
    assert len(listed) == len(names)
    for p, name in zip(listed, names, strict=True):
        p["name"] = name
    return text, want


@pytest.mark.parametrize("seed", range(4))
def test_name_ending_in_a_number_keeps_it_and_its_budget_is_as_printed(seed: int) -> None:
    text, want = _numbered(seed)
    got = records_of(extract, text, screened=False).get("plan_projects", [])
    assert [r.name for r in got] == [w["name"] for w in want]
    assert [r.budget_thb for r in got] == [
        None if w["budget_thb"] is None else Decimal(w["budget_thb"]) for w in want]


@pytest.mark.parametrize("seed", range(2))
def test_name_ending_in_a_number_with_no_total_loads_no_wrong_budget(seed: int) -> None:
    text, want = _numbered(seed, total=False)
    got = records_of(extract, text, screened=False).get("plan_projects", [])
    assert [r.name for r in got] == [w["name"] for w in want]
    assert all(r.budget_thb is None or r.budget_thb == Decimal(w["budget_thb"])
               for r, w in zip(got, want, strict=True))

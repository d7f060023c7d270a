"""Budget amounts of an action plan whose last thousands comma OCR read as a spaced point.

Plans are generated from known values (``bench/corpus``); a budget such as
``12,191,500 บาท`` comes back from OCR as ``12,191 .500 บาท`` (a space before the
last group, its comma read as a point; or the space after it, ``12,191. 500``). It
was stored as 12,191, a wrong value, with ``.500 บาท`` left in the responsible unit.

- On an OCR'd page the groups make the amount certain (three digits after the point,
  after a comma group, or before the satang or a whole amount's dash): it is read
  whole, and the section's computed total with it.
- Where they do not (``855 .500 บาท``: one group before it, no satang after), and in
  typed text (no OCR repair), the budget is NULL with an ``unparsed_value`` issue,
  never the digits before the point.

The truth is the generated values; every row keeps its name and unit.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize

from corpus.build import GENERATORS
from plan_text import budget_rows_read
from read_back import records_of

#: An amount's last thousands comma (``๑๒,๑๙๑,๕๐๐`` → the one before ``๕๐๐``).
_LAST_COMMA = re.compile(r",(?=[0-9๐-๙]{3}(?![0-9๐-๙,]))")
_SPACED = (" .", ". ")


def _damaged(rng: random.Random, text: str) -> str:
    """``text`` with its amount's last comma read as a point beside a space."""
    return _LAST_COMMA.sub(rng.choice(_SPACED), text, count=1)


def _certain(amount: str, budget: Decimal) -> bool:
    """Whether the damaged amount's groups make it certain: a comma group before the
    point, or the satang or a whole amount's dash after its three digits."""
    return budget >= 1_000_000 or ".-" in amount or bool(
        re.search(r"[0-9๐-๙]{3}\.[0-9๐-๙]{2}(?![0-9๐-๙])", amount))


def _plan(seed: int, flowing: bool) -> tuple[str, list[dict[str, object]]]:
    """A generated plan's text with every project's amount damaged, its projects."""
    text, tables = _plan_tables(seed, flowing)
    return text, tables["plan_projects"]


def _plan_tables(seed: int, flowing: bool) -> tuple[str, dict[str, list[dict[str, object]]]]:
    """A generated plan's text with every project's amount damaged, its tables."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    row = re.compile(r"^[๑-๙0-9]{1,2}\t.*บาท")
    if flowing:
        text = budget_rows_read(generated.text, lambda m: _damaged(
            rng, f"{m['no']} {m['name']} {m['rest'].replace(chr(9), ' ')}"))
    else:
        text = "\n".join(_damaged(rng, line) if row.match(line) else line
                         for line in generated.text.split("\n"))
    return text, generated.tables


@pytest.mark.parametrize("flowing", [False, True])
@pytest.mark.parametrize("seed", range(6))
def test_an_amount_whose_last_comma_ocr_read_as_a_spaced_point_is_never_its_head(
        seed: int, flowing: bool) -> None:
    text, tables = _plan_tables(seed, flowing)
    records = records_of(extract, text, screened=False)
    got, want = records["plan_projects"], tables["plan_projects"]
    assert len(got) == len(want)
    read = 0
    for record, project in zip(got, want, strict=True):
        assert record.name == project["name"]
        if project["section"] != "routine":
            assert record.responsible_unit == project["responsible_unit"], text
        amount = _line_of(text, project)
        if project["budget_thb"] is None or not _SPACED_RE.search(amount):
            continue
        budget = Decimal(str(project["budget_thb"]))
        if _certain(amount, budget) or record.budget_thb is not None:
            assert record.budget_thb == budget, amount
            read += 1
    assert read
    # a section whose every amount was read has its computed total right
    for section in records["plan_sections"]:
        budgets = [r.budget_thb for r in got if r.section == section.section]
        truth = next(s for s in tables["plan_sections"] if s["section"] == section.section)
        if all(b is not None or not r.uses_budget
               for b, r in zip(budgets, [r for r in got if r.section == section.section],
                               strict=True)):
            assert section.computed_total_thb == Decimal(str(truth["computed_total_thb"]))


#: An amount damaged so (``๑๒,๑๙๑ .๕๐๐``, ``๘๕๕. ๕๐๐``).
_SPACED_RE = re.compile(r"[0-9๐-๙](?: \.|\. )[0-9๐-๙]{3}")


def _line_of(text: str, project: dict[str, object]) -> str:
    """The line of ``text`` that states ``project``'s budget."""
    return next(line for line in text.split("\n") if str(project["name"]) in line
                and ("บาท" in line or "ไม่ใช้" in line))


def _issues(text: str, *, ocr: bool) -> tuple[list[object], list[str]]:
    """The plan's projects' budgets and the ``unparsed_value`` issues on them."""
    doc = RepairedText.of(text, (), ocr_used=ocr)
    normalized = normalize(extract(doc), doc.text, doc.words, None, ocr=ocr)
    rows = [r for r in normalized.rows if r.table == "plan_projects"]
    issues = [f.message for f in normalized.findings
              if f.code == "unparsed_value" and f.field == "budget_thb"]
    return [r.values.get("budget_thb") for r in rows], issues


@pytest.mark.parametrize("seed", range(4))
def test_typed_amount_with_a_spaced_point_is_null_with_an_issue(seed: int) -> None:
    """In typed text the strict reading stays: ``12,191 .500 บาท`` is NULL with an issue."""
    text, want = _plan(seed, False)
    budgets, issues = _issues(text, ocr=False)
    damaged = [p["budget_thb"] is not None and bool(_SPACED_RE.search(_line_of(text, p)))
               for p in want]
    assert any(damaged) and len(budgets) == len(want)
    assert all(b is None for b, d in zip(budgets, damaged, strict=True) if d)
    assert len(issues) == sum(damaged)


@pytest.mark.parametrize("flowing", [False, True])
@pytest.mark.parametrize("seed", range(4))
def test_total_whose_last_comma_ocr_read_as_a_spaced_point_is_never_its_head(
        seed: int, flowing: bool) -> None:
    """``รวมงบประมาณทั้งสิ้น ๔๒,๑๕๓ .๕๐๐ บาท``: the section's stated total is read whole
    (a comma group before the point), or NULL, never ``42,153``."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    text = "\n".join(_damaged(rng, line) if line.startswith("รวม") and "บาท" in line else line
                     for line in generated.text.split("\n"))
    if flowing:
        text = budget_rows_read(text, lambda m: f"{m['no']} {m['name']} "
                                                f"{m['rest'].replace(chr(9), ' ')}")
    got = {s.section: s.stated_total_thb
           for s in records_of(extract, text, screened=False)["plan_sections"]}
    want = {s["section"]: Decimal(str(s["stated_total_thb"]))
            for s in generated.tables["plan_sections"] if s["stated_total_thb"] is not None}
    assert want
    for section, total in want.items():
        if total >= 1_000_000:
            assert got[section] == total, section
        else:
            assert got.get(section) in (None, total), section

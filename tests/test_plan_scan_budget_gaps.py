"""Budget table rows of an OCR'd plan whose number, amount or baht OCR parted or misread.

Plans are generated from known values (``bench/corpus``); their budget tables are
printed flowing (no tab: what Tesseract gives for a borderless table) and damaged
the ways Tesseract damages them on the corpus's scans: the rule after a row's
number read as a digit set apart from the name (``๒ 7 โครงการ...``), a routine
item's point lost (``๒ โครงการ...`` under its ด้าน group), an amount's dash read as
``=-`` with its บาท wrapped under a blank line and a speck, an amount's first
digits glued to letters OCR made of the next ones (``@๑๓,ดาด๒,๕๐๐.- บาท``).

The truth is the generated values: every row is read, its name and unit whole; an
amount OCR damaged is NULL, never a piece of it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from plan_text import budget_rows_read
from read_back import assert_rows_read, records_of

#: Plans whose strategic or key table has a row 2 with an amount (seeds of
#: ``corpus.build``'s generator).
_SEEDS = (0, 1, 2, 3, 6, 7)
_FIELDS = ("section", "name", "uses_budget", "responsible_unit")
#: A flowing row's rest: its amount (a dash after it or not), บาท, its unit.
_REST_RE = re.compile(r"^(?P<amount>\S+?)(?:\.-)?\s+บาท\s+(?P<unit>.+)$")


def _plan(seed: int, routine: bool = False) -> tuple[str, list[dict[str, object]]]:
    """A generated plan's text; its strategic and key rows (``routine``: its routine list's)."""
    generated = GENERATORS["plan"](random.Random(seed))
    return generated.text, [r for r in generated.tables["plan_projects"]
                            if (r["section"] == "routine") == routine]


def _read(text: str, routine: bool = False) -> list[Any]:
    return [r for r in records_of(extract, text, screened=False).get("plan_projects", [])
            if (r.section == "routine") == routine]


def _second_rows(text: str, row: Callable[[re.Match[str], re.Match[str]], str]
                 ) -> tuple[str, int]:
    """``text`` with its strategic and key tables flowing, their row 2 as ``row(match)``."""
    count = 0

    def flowing(m: re.Match[str]) -> str:
        nonlocal count
        rest = _REST_RE.match(m.group("rest").replace("\t", " "))
        if m.group("no") in ("2", "๒") and rest is not None:
            count += 1
            return row(m, rest)
        return f"{m.group('no')} {m.group('name')} {m.group('rest').replace(chr(9), ' ')}"

    return budget_rows_read(text, flowing), count


def _read_second_rows_as(seed: int, row: Callable[[re.Match[str], re.Match[str]], str],
                         fields: tuple[str, ...] = _FIELDS
                         ) -> tuple[list[Any], list[dict[str, object]]]:
    """A generated plan read with its row 2 damaged as ``row`` says: (rows read, rows
    generated), ``fields`` of every row checked as generated."""
    text, want = _plan(seed)
    damaged, count = _second_rows(text, row)
    assert count, "the generated plan has a row 2 with an amount"
    got = _read(damaged)
    assert_rows_read("plan_projects", got, want, fields)
    return got, want


@pytest.mark.parametrize("seed", _SEEDS)
def test_a_rule_read_as_a_digit_apart_from_the_name_starts_the_row(seed: int) -> None:
    """``๒ 7 โครงการ...`` after a complete row: row 2, its name from โครงการ (the row is
    not taken as the rest of the unit above)."""
    _read_second_rows_as(
        seed, lambda m, r: f"{m.group('no')} 7 {m.group('name')} {m.group('rest')}".replace(
            "\t", " "))


@pytest.mark.parametrize("seed", _SEEDS)
def test_baht_wrapped_under_a_gap_ends_the_amount_of_the_row_above(seed: int) -> None:
    """``๒ โครงการ... ๑๓,๓๙๒,๙๐๐.=-`` / a blank line / ``pee`` / ``บาท ส่วนแผนงานฯ``: the
    row's unit is read after the baht, and the rows after it are still the table's."""
    _read_second_rows_as(
        seed, lambda m, r: f"{m.group('no')} {m.group('name')} {r.group('amount')}.=-"
                           f"\n\npee\nบาท {r.group('unit')}", (*_FIELDS, "budget_thb"))


@pytest.mark.parametrize("seed", _SEEDS)
def test_an_amount_whose_first_group_ocr_glued_to_letters_is_no_part_of_the_name(
        seed: int) -> None:
    """``...ใกล้เคียง @๑๓,ดาด๒,๕๐๐.- บาท ส่วนแผนงานฯ``: the name ends before ``@๑๓,``; the
    amount is unreadable (NULL), never ``๒,๕๐๐``."""
    got, want = _read_second_rows_as(
        seed, lambda m, r: f"{m.group('no')} {m.group('name')} @๑๓,ดาด๒,๕๐๐.- บาท "
                           f"{r.group('unit')}")
    second = [i for i, w in enumerate(want) if str(w["seq"]) in ("2", "๒")
              and w["section"] != "routine" and w["budget_thb"] is not None]
    assert second and all(got[i].budget_thb is None for i in second)
    assert all(got[i].budget_thb is not None
               for i, w in enumerate(want)
               if i not in second and w["budget_thb"] is not None)


@pytest.mark.parametrize("seed", _SEEDS)
def test_an_amount_whose_first_group_wrapped_glued_to_the_name_is_no_part_of_it(
        seed: int) -> None:
    """``...ใกล้เคียง๕, ew`` / ``๕,๑๐๐.- บาท ส่วนนิติการ``: the amount's first digits and
    comma glued to the name's last word, a group read as Latin letters, the rest on the
    next line; the name ends before ``๕,``, the amount is unreadable (NULL)."""
    got, want = _read_second_rows_as(
        seed, lambda m, r: f"{m.group('no')} {m.group('name')}๕, ew\n๕,๑๐๐.- บาท "
                           f"{r.group('unit')}")
    assert all(got[i].budget_thb is None for i, w in enumerate(want)
               if str(w["seq"]) in ("2", "๒") and w["budget_thb"] is not None)


#: Plans whose routine list has a second item (seeds of ``corpus.build``'s generator).
_ROUTINE_SEEDS = (1, 2, 3, 5, 7)


@pytest.mark.parametrize("seed", _ROUTINE_SEEDS)
def test_a_routine_item_whose_point_ocr_lost_is_an_item_of_its_group(seed: int) -> None:
    """``<tab>๒ โครงการ...`` under ``๑ ด้านการบริหารทั่วไป ๑. โครงการ...``: the group's
    second item (a group names a ด้าน or a แผนงาน, never a project), not a group
    of no item that drops it."""
    text, want = _plan(seed, routine=True)
    lines, routine, lost = text.split("\n"), False, 0
    for k, line in enumerate(lines):
        routine = line.startswith("ลำดับที่\tด้าน") or (routine and bool(line.strip()))
        if routine:
            point_lost = re.sub(r"^\t\t([๒-๙2-9])\. (?=โครงการ)", r"\t\1 ", line)
            lost += point_lost != line
            lines[k] = point_lost.replace("\t\t\t", " ").replace("\t", " ") \
                if not point_lost.startswith("\t") else "\t" + point_lost[1:].replace("\t", " ")
    assert lost, "the generated routine list has a second item"
    assert_rows_read("plan_projects", _read("\n".join(lines), routine=True), want,
                     ("section", "name", "budget_thb"))

"""Budget tables of an action plan whose rules, page numbers and amounts OCR misread.

Plans are generated from known values (``bench/corpus``); their strategic and key
tables flow (no tab), as OCR gives them, and are damaged the ways Tesseract damages
them on the corpus's scans (150 and 200 dpi, 1-bit):

- a row's rule read as a digit or a sign glued to leading vowels before the
  project's name (``๓ 7เโครงการ...``);
- a routine group's rule read as a digit glued to the group's name
  (``๑ 7ด้านการบริหารทั่วไป ๑. โครงการ...``);
- a page number between two rows read with its dashes misread (``:2-``);
- an amount whose first thousands comma OCR read as a gap and a digit after it as a
  letter (``๑ อ๒๕,๐๐๐ บาท``), or whose comma it kept, a space after it, and its
  บาท misread (``๑, ๐๕๕,๓๐๐ UM``);
- a sign read from a speck after a row's unit (``ส่วนนิติการ,``).

The truth is the generated values: every row keeps its section, name and unit.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from read_back import assert_rows_read, records_of

_PROJECT_ROW = re.compile(r"^(?P<no>[๑-๙0-9]{1,2})\t(?P<rest>โครงการ.*)$")
_SPLIT_AMOUNT = re.compile(
    r"(?P<lead>[0-9๐-๙]{1,3}),(?P<group>[0-9๐-๙]{3})(?P<tail>(?:,[0-9๐-๙]{3})+) บาท"
)


def _assert_flowing_read(
    seed: int,
    damage: Callable[[random.Random, str, str], list[str]],
    after: Callable[[random.Random], list[str]] | None = None,
) -> None:
    """The strategic and key tables of a plan generated from ``seed`` flowing, each row
    written as ``damage`` gives it (its number, its rest); ``after`` gives lines set
    after some rows (not a table's last): every row of theirs is read, and the routine
    table after them too."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    lines: list[str] = []
    table = False
    for k, line in enumerate(written):
        table = line.startswith("ลำดับ ที่\tชื่อโครงการ") or (table and bool(line.strip()))
        m = _PROJECT_ROW.match(line)
        if m is None:
            lines.append(" ".join(line.split()) if table else line)
            continue
        lines += damage(rng, m.group("no"), " ".join(m.group("rest").split()))
        if after is not None and _PROJECT_ROW.match(written[k + 1]) and rng.random() < 0.5:
            lines += after(rng)
    got = records_of(extract, "\n".join(lines), screened=False).get("plan_projects", [])
    want = generated.tables["plan_projects"]
    for routine, fields in (
        (False, ("section", "name", "responsible_unit")),
        (True, ("section", "name")),
    ):
        assert_rows_read(
            "plan_projects",
            [r for r in got if (r.section == "routine") == routine],
            [w for w in want if (w["section"] == "routine") == routine],
            fields,
        )


# ------------------------------------------------------------------ a rule glued to the name


@pytest.mark.parametrize("seed", range(8))
def test_rule_read_as_a_sign_glued_to_the_name_is_no_part_of_it(seed: int) -> None:
    def damage(rng: random.Random, no: str, rest: str) -> list[str]:
        if rng.random() < 0.5:
            return [f"{no} {rest}"]
        return [f"{no} {rng.choice(('7', 'l', '/', '1'))}{rng.choice(('เ', 'ไโ', ''))}{rest}"]

    _assert_flowing_read(seed, damage)


# ------------------------------------------------------------------ a page number misread


@pytest.mark.parametrize("seed", range(6))
def test_page_number_read_with_its_dashes_misread_between_rows_is_a_gap(seed: int) -> None:
    _assert_flowing_read(
        seed,
        lambda rng, no, rest: [f"{no} {rest}"],
        lambda rng: ["", rng.choice((":2-", "~๓ .", "-๒ :", ".4-"))],
    )


# ------------------------------------------------------------------ an amount split by OCR


def _split_amount(rng: random.Random, no: str, rest: str) -> list[str]:
    m = _SPLIT_AMOUNT.search(rest)
    if m is not None:
        group = m.group("group")
        if rng.random() < 0.5:  # the comma read as a gap, a digit after it as a letter
            at = rng.randrange(3)
            group = group[:at] + rng.choice("อฒ@") + group[at + 1 :]
            amount = f"{m.group('lead')} {group}{m.group('tail')} บาท"
        else:  # the comma kept, a space after it, บาท misread
            amount = f"{m.group('lead')}, {group}{m.group('tail')} {rng.choice(('UM', 'us'))}"
        rest = rest[: m.start()] + amount + rest[m.end() :]
    if rng.random() < 0.3:
        rest += rng.choice((",", ";", " '"))  # a speck after the unit
    return [f"{no} {rest}"]


@pytest.mark.parametrize("seed", range(10))
def test_amounts_first_digits_split_off_are_no_part_of_the_name(seed: int) -> None:
    _assert_flowing_read(seed, _split_amount)


# ------------------------------------------------------------------ a rule glued to a group

_GROUP_ROW = re.compile(r"^(?P<no>[๑-๙0-9]{1,2})\t(?P<rest>(?:ด้าน|แผนงาน).*)$")


@pytest.mark.parametrize("seed", range(6))
def test_rule_read_as_a_digit_glued_to_a_group_is_no_part_of_the_item(seed: int) -> None:
    """The routine list's group rows flowing, the rule after a group's number read as a
    digit glued to its name (``๑ 7ด้านการบริหารทั่วไป ๑. โครงการ...``, a 300 dpi grey
    scan): the group's first item keeps its name (the group's name no part of it)."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    lines = []
    table = False
    for line in generated.text.split("\n"):
        table = "ด้าน/แผนงาน" in line or (table and bool(line.strip()))
        m = _GROUP_ROW.match(line)
        if m is not None:
            line = f"{m.group('no')} {rng.choice('7l1')}{m.group('rest')}"
        lines.append(" ".join(line.split()) if table else line)
    text = "\n".join(lines)
    assert text != generated.text, "the generated plan has a routine list of groups"
    got = records_of(extract, text, screened=False).get("plan_projects", [])
    assert_rows_read("plan_projects", [r for r in got if r.section == "routine"],
                     [w for w in generated.tables["plan_projects"] if w["section"] == "routine"],
                     ("section", "name"))

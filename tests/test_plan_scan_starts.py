"""Rows of an action plan's tables whose number OCR misread or lost, on generated plans.

Plans are generated from known values (``bench/corpus``); their tables are printed
flowing (a row's cells run into wrapped lines, no tab: what Tesseract gives for a
table without ruled cells) and damaged the ways Tesseract damages them on the
corpus's scans:

- a step whose Thai number OCR read as signs or Latin letters (``©).``, ``&.``,
  ``en.``) on a line of its own, its description on the next line;
- a step table's header whose first words OCR misread (``ชั้นตอน``, ``ขชั้นตอน``,
  ``การตำเนินงาน``), or whose last month, wrapped onto a line of its own, OCR read
  as Latin letters (``fe.`` for ``ก.ย.``);
- a step whose point OCR lost (``๓ ดำเนินการ...``) after a whole step;
- an indicator heading whose tone mark OCR read as another (``ชื่อตัวชี่วัดที่``), or
  whose ``ช`` it read as ``ซ`` (``ชื่อตัวซี้วัดที่``);
- a step's number cells read with a speck glued to a digit (``เ๕๐``), as Latin
  letters (``'dbo``), or with a speck read as a digit of the other kind between
  them (``๑๐ 7 ๓๐``), or a speck between them or glued to the cumulative
  (``๑๐ ' ๒๐``, ``๒๐ %๕๐``);
- a budget item whose number OCR did not read at all (the line opens with the
  project's name); a routine table's group whose number OCR read as a sign
  (``[ ด้านการบริหารทั่วไป ๑. โครงการ...``), or its first item's number read without
  its point (``๑ ด้านการบริหารทั่วไป oO`` / ``โครงการ...``);
- a scoring level whose digit OCR read as a Thai letter (``ศุ ร้อยละ ๙๐ ...``);
- a month of a step table's schedule read alone under a project heading (``ก.ค.``);
- the agency and its parent under the title run together, the space lost.

The truth is the generated values: every row is read, none is added, and a
number OCR did not read stays NULL.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from corpus.score import score_tables
from plan_text import LEVEL_LINE, budget_rows_read
from read_back import assert_rows_read, records_of

# ------------------------------------------------------------------ step tables

#: A step's row as generated: its number and words, its two number cells, the schedule.
_STEP_CELLS = re.compile(r"^(?P<no>[๑-๙1-9])\.\s(?P<body>[^\t]+)\t(?P<pct>[๐-๙0-9.]+)\t"
                         r"(?P<cum>[๐-๙0-9.]+)(?P<marks>.*)$")
#: What OCR reads a step's Thai number and point as, alone on a line.
_NUMBER_ALONE = ("©).", "&.", "en.", "mn.", "dD.")


def _steps_read(seed: int, rate: float, damage: Callable[[re.Match[str], random.Random], str],
                screened: bool = True) -> tuple[list[Any], list[Any]]:
    """The generated plan's steps and the steps read when each step row, with odds
    ``rate``, is replaced by ``damage(match, rng)`` (tabs read as spaces); ``screened``:
    as :func:`records_of` says."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    out: list[str] = []
    damaged = 0
    for line in generated.text.split("\n"):
        m = _STEP_CELLS.match(line)
        if m is not None and rng.random() < rate:
            line = damage(m, rng)
            damaged += 1
        out.append(" ".join(line.split("\t")).rstrip() if "\t" in line else line)
    assert damaged
    return generated.tables["plan_steps"], records_of(
        extract, "\n".join(out), screened=screened).get("plan_steps", [])


def _assert_steps_right(want: list[Any], got: list[Any]) -> None:
    assert_rows_read("plan_steps", got, want, ("project_name", "description"))


@pytest.mark.parametrize("seed", range(8))
def test_step_whose_misread_number_stands_alone_on_its_line_is_a_step(seed: int) -> None:
    """``©).`` / ``เผยแพร่ผล... ๑๐ ๔๐``: the step is read, its number NULL, not guessed."""
    def damage(m: re.Match[str], rng: random.Random) -> str:
        marks = " ".join(m.group("marks").split())
        return (f"{rng.choice(_NUMBER_ALONE)}\n{m.group('body')} {m.group('pct')} "
                f"{m.group('cum')} {marks}").rstrip()

    want, got = _steps_read(seed, 0.5, damage)
    _assert_steps_right(want, got)
    assert any(r.step_no is None for r in got)


@pytest.mark.parametrize("seed", range(8))
def test_step_cells_misread_with_a_speck_are_no_words_of_the_step(seed: int) -> None:
    """``... ความท้าทาย ๑๐ เ๕๐`` and ``... ๒๐ 'dbo``: the cells are cut off the words."""
    def damage(m: re.Match[str], rng: random.Random) -> str:
        marks = " ".join(m.group("marks").split())
        cells = rng.choice((f"{m.group('pct')} เ{m.group('cum')}", f"{m.group('pct')} \u2018dbo"))
        return f"{m.group('no')}. {m.group('body')} {cells} {marks}".rstrip()

    want, got = _steps_read(seed, 0.6, damage)
    _assert_steps_right(want, got)


@pytest.mark.parametrize("seed", range(8))
def test_speck_of_other_digits_between_step_cells_is_no_percentage(seed: int) -> None:
    """``๒. สืบค้น... ๑๐ 7 ๓๐`` in every row: no step takes the speck for its percentage,
    and its words end before the cells."""
    def damage(m: re.Match[str], rng: random.Random) -> str:
        speck = "7" if re.search("[๐-๙]", m.group("cum")) else "๗"
        marks = " ".join(m.group("marks").split())
        return (f"{m.group('no')}. {m.group('body')} {m.group('pct')} {speck} "
                f"{m.group('cum')} {marks}").rstrip()

    want, got = _steps_read(seed, 1.0, damage)
    _assert_steps_right(want, got)
    assert all(r.step_pct is None or r.step_pct != 7 for r in got)


#: A speck OCR read between a step's two number cells, or glued to the cumulative.
_CELL_SPECKS = ("{pct} ' {cum}", "{pct} %{cum}", "{pct} | {cum}", "{pct} “{cum}")


@pytest.mark.parametrize("seed", range(8))
def test_step_cells_with_a_speck_between_them_are_read(seed: int) -> None:
    """``... ความท้าทาย ๑๐ ' ๒๐`` and ``... ๒๐ %๕๐``: the two cells are the step's
    percentage and cumulative, the speck no part of the step."""
    def damage(m: re.Match[str], rng: random.Random) -> str:
        marks = " ".join(m.group("marks").split())
        cells = rng.choice(_CELL_SPECKS).format(pct=m.group("pct"), cum=m.group("cum"))
        return f"{m.group('no')}. {m.group('body')} {cells} {marks}".rstrip()

    want, got = _steps_read(seed, 0.5, damage, screened=False)
    _assert_steps_right(want, got)
    assert [(str(r.step_pct), str(r.cumulative_pct)) for r in got] == [
        (_arabic(r["step_pct"]), _arabic(r["cumulative_pct"])) for r in want]


def _arabic(text: str) -> str:
    return text.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))


@pytest.mark.parametrize("seed", range(8))
def test_step_whose_point_ocr_lost_after_a_whole_step_is_a_step(seed: int) -> None:
    """``๒. ... ๒๐ ๔๐`` then ``๓ ดำเนินการ... ๓๐ ๗๐``: the second is a step of its own,
    its number read."""
    def damage(m: re.Match[str], rng: random.Random) -> str:
        marks = " ".join(m.group("marks").split())
        point = "" if m.group("no") not in ("๑", "1") else "."
        return f"{m.group('no')}{point} {m.group('body')} {m.group('pct')} {m.group('cum')} {marks}"

    want, got = _steps_read(seed, 0.5, damage)
    _assert_steps_right(want, got)


#: What OCR reads a step table header's first words as off a noisy scan.
_HEADER_MISREAD = ("ชั้นตอนการดำเนินงาน", "ขชั้นตอนการดำเนินงาน", "ขั้นตอนการตำเนินงาน",
                   "ชั้นตอนการตำเนินงาน")


@pytest.mark.parametrize("seed", range(8))
def test_step_table_whose_header_ocr_misread_is_read(seed: int) -> None:
    """``ชั้นตอนการดำเนินงาน เนื้อหา รายขั้นตอน (ร้อยละ) ...`` opens a step table: its
    steps are read, none added."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    out: list[str] = []
    for line in generated.text.split("\n"):
        if line.startswith("ขั้นตอนการดำเนินงาน\t"):
            line = rng.choice(_HEADER_MISREAD) + line[len("ขั้นตอนการดำเนินงาน"):]
        out.append(" ".join(line.split()) if "\t" in line else line)
    got = records_of(extract, "\n".join(out)).get("plan_steps", [])
    _assert_steps_right(generated.tables["plan_steps"], got)
    # as printed (a text layer) the misread words open no table
    printed = records_of(extract, "\n".join(out), ocr_used=False).get("plan_steps", [])
    assert len(printed) < len(got)


#: What OCR reads the month row's last month (``ก.ย.``) as, wrapped onto a line of its own.
_LAST_MONTH_MISREAD = ("fe.", "na.", "ie.", "A.", "fel.")


@pytest.mark.parametrize("seed", range(8))
def test_last_month_ocr_misread_alone_under_the_header_is_no_step(seed: int) -> None:
    """``ต.ค. ... ส.ค.`` / ``fe.`` / ``๑. สืบค้น...``: the misread month is the header's,
    not a step with no words; every step is read with its own words."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    out: list[str] = []
    for line in generated.text.split("\n"):
        if line.rstrip().endswith("\tก.ย.") and "ต.ค." in line:
            out.extend([" ".join(line.split()[:-1]), rng.choice(_LAST_MONTH_MISREAD)])
            continue
        out.append(" ".join(line.split()) if "\t" in line else line)
    assert any(x in out for x in _LAST_MONTH_MISREAD)
    got = records_of(extract, "\n".join(out)).get("plan_steps", [])
    _assert_steps_right(generated.tables["plan_steps"], got)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("misread", ["ชื่อตัวชี่วัดที่", "ชื่อตัวซี้วัดที่", "ซื่อตัวซี้วัดที่"])
def test_indicator_heading_with_a_mark_misread_numbers_its_steps(seed: int, misread: str) -> None:
    """``ชื่อตัวชี่วัดที่ <tab> ๒``, ``ชื่อตัวซี้วัดที่ ๒`` (ช read ซ): the steps below
    belong to indicator 2."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    text = generated.text.replace("ชื่อตัวชี้วัดที่", misread)
    assert text != generated.text
    want = generated.tables["plan_steps"]
    # not screened: a Thai number read without word confidences is doubtful, not loaded
    got = records_of(extract, text, screened=False).get("plan_steps", [])
    assert len(got) == len(want)
    assert [r.indicator_no for r in got] == [int(r["indicator_no"]) for r in want]


# ------------------------------------------------------------------ budget tables

#: Plans generated, one seed after another, until one has a row the test can damage.
_ATTEMPTS = 20

_ITEM_ROW = re.compile(r"^\t\t(?P<item>[๑-๙])\. (?P<rest>โครงการ.*)$")


@pytest.mark.parametrize("seed", range(8))
def test_routine_item_whose_number_ocr_lost_is_an_item(seed: int) -> None:
    """``โครงการปรับปรุง... ๑,๕๔๓,๒๐๐.๐๐ บาท`` after an item with its budget: the next
    item, its number NULL."""
    for attempt in range(_ATTEMPTS):  # the first plan with a routine item to damage
        rng = random.Random(seed if attempt == 0 else f"{seed}-{attempt}")
        generated = GENERATORS["plan"](rng)
        want = [r for r in generated.tables["plan_projects"] if r["section"] == "routine"]
        out: list[str] = []
        lost: list[int] = []  # the items whose number was lost, by their place in the list
        items = 0
        table = False
        for line in generated.text.split("\n"):
            table = line.startswith("ลำดับที่\tด้าน/แผนงาน") or (table and bool(line.strip()))
            items += table and re.search(r"(?<!\S)[๑-๙]\. โครงการ", line) is not None
            m = _ITEM_ROW.match(line)
            if m is not None and rng.random() < 0.7:
                out.append(" ".join(m.group("rest").split()))
                lost.append(items)
            else:
                out.append(" ".join(line.split()) if table else line)
        if lost:
            break
    assert lost, "no generated plan had a routine item after a group's first"
    got = [r for r in records_of(extract, "\n".join(out)).get("plan_projects", [])
           if r.section == "routine"]
    assert_rows_read("plan_projects", got, want, ("name", "uses_budget"))
    assert all(got[k - 1].seq is None for k in lost)  # a number not read is not guessed


#: What OCR read a routine table's group number and the rule after it as.
_GROUP_NUMBER_MISREADS = ("[", "|", "l", "©", "[\t")


@pytest.mark.parametrize("seed", range(6))
def test_routine_group_whose_number_ocr_misread_opens_its_items(seed: int) -> None:
    """``[ ด้านการบริหารทั่วไป ๑. โครงการ...``: the group opens the table; every item
    under it is read."""
    rng = random.Random(seed)

    def misread(line: str) -> str:
        m = re.match(r"^[๑1]\t(?=ด้าน)", line)
        return line if m is None else rng.choice(_GROUP_NUMBER_MISREADS) + " " + line[m.end():]

    _assert_routine_read(rng, misread)


#: What OCR read a group's first item number as on a 200 dpi grey scan: one Thai
#: letter, the point read as a vowel under it or lost.
_LETTER_ITEM = ("ณุ", "ณ", "ฒ", "ญุ")


@pytest.mark.parametrize("seed", range(6))
def test_group_first_item_whose_number_ocr_read_as_a_thai_letter_is_an_item(
        seed: int) -> None:
    """``๑ ด้านการบริหารทั่วไป ณุ โครงการ... ๘,๔๕๗,๔๐๐.๐๐ บาท`` (on the group's line, or
    the name on the next): the group's first item is read, its number not."""
    rng = random.Random(seed)

    def misread(line: str) -> str:
        m = re.match(r"^(?P<group>[๑1]\tด้าน[^\t]*)\t[๑1]\. (?P<rest>.*)$", line)
        if m is None:
            return line
        between = rng.choice((" ", "\n"))
        return f"{m.group('group')} {rng.choice(_LETTER_ITEM)}{between}{m.group('rest')}"

    _assert_routine_read(rng, misread)


def _assert_routine_read(rng: random.Random, misread: Callable[[str], str]) -> None:
    """A generated plan's routine table, each line ``misread`` and its cells OCR-spaced
    (a line ``misread`` may part in two): every routine project is read."""
    generated = GENERATORS["plan"](rng)
    want = [r for r in generated.tables["plan_projects"] if r["section"] == "routine"]
    assert want, "the generator writes a routine table"
    out: list[str] = []
    table = False
    for line in generated.text.split("\n"):
        table = line.startswith("ลำดับที่\tด้าน/แผนงาน") or (table and bool(line.strip()))
        out.extend(" ".join(part.split()) if table else part
                   for part in misread(line).split("\n"))
    got = [r for r in records_of(extract, "\n".join(out)).get("plan_projects", [])
           if r.section == "routine"]
    assert_rows_read("plan_projects", got, want, ("name", "uses_budget"))


@pytest.mark.parametrize("seed", range(8))
def test_budget_row_whose_number_ocr_lost_is_the_next_row(seed: int) -> None:
    """``โครงการ... ๑๒,๕๐๐,๐๐๐ บาท กองยุทธศาสตร์ฯ`` after a whole row: the next project.
    Its number is not guessed; a number read is its row's (two rows may share a name)."""
    lost: list[str] = []
    kept: list[str] = []
    for attempt in range(_ATTEMPTS):  # the first plan with a budget row to damage
        rng = random.Random(seed if attempt == 0 else f"{seed}-{attempt}")
        generated = GENERATORS["plan"](rng)
        want = [r for r in generated.tables["plan_projects"] if r["section"] != "routine"]
        kept.clear()

        def row(m: re.Match[str], rng: random.Random = rng) -> str:
            rest = " ".join(m.group("rest").split())
            if m.group("no") not in ("๑", "1") and rng.random() < 0.5:
                lost.append(m.group("name"))
                return f"{m.group('name')} {rest}"
            kept.append(m.group("name"))
            return f"{m.group('no')} {m.group('name')} {rest}"

        text = budget_rows_read(generated.text, row)
        if lost:
            break
    assert lost, "no generated plan had a budget row after a table's first"
    got = [r for r in records_of(extract, text).get("plan_projects", [])
           if r.section != "routine"]
    assert_rows_read("plan_projects", got, want, ("name", "uses_budget", "responsible_unit"))
    assert all(r.seq is None for r in got if r.name in lost and r.name not in kept)
    assert all(r.seq in (None, w["seq"]) for r, w in zip(got, want, strict=True))


# ------------------------------------------------------------------ scoring levels

#: What OCR reads a level's digit as: a Thai letter, with a vowel or not.
_LETTER_LEVELS = ("ศุ", "ส", "ฝ")


@pytest.mark.parametrize("seed", range(8))
def test_level_ocr_read_as_a_thai_letter_starts_its_level(seed: int) -> None:
    """``ศุ ร้อยละ ๙๐ ของน้ำหนักคะแนน ...``: the level is a row of its own, not words of
    the level above."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = generated.tables["plan_scoring_levels"]
    out: list[str] = []
    damaged = 0
    for line in generated.text.split("\n"):
        m = LEVEL_LINE.match(line)
        if m is not None and m.group("level") in ("๔", "4", "๒", "2") and rng.random() < 0.7:
            line = f"{rng.choice(_LETTER_LEVELS)}\tร้อยละ {m.group('rest')}"
            damaged += 1
        out.append(" ".join(line.split("\t")) if m is not None else line)
    assert damaged
    got = records_of(extract, "\n".join(out)).get("plan_scoring_levels", [])
    truth = {"tables": {"plan_scoring_levels": [
        {k: r[k] for k in ("indicator", "description")} for r in want]}}
    right, total, lost = score_tables({"plan_scoring_levels": got}, truth)
    assert total > 0 and len(got) == len(want) and right == total, lost[:6]


# ------------------------------------------------------------------ a month under a heading

#: A month of a step table's schedule as OCR read it, alone on a line of its own.
_LONE_MONTHS = ("ก.ค.", "ต.ค.", "มี.ค.")


@pytest.mark.parametrize("seed", range(6))
def test_month_read_under_a_project_heading_is_no_part_of_its_name(seed: int) -> None:
    """``ชื่อโครงการที่ ๑ โครงการ... (ส่วนยุทธศาสตร์ฯ)`` / ``ก.ค.``: the heading ends
    with its unit; the steps under it take the project's name without the month."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    out: list[str] = []
    for line in generated.text.split("\n"):
        out.append(" ".join(line.split("\t")).rstrip() if "\t" in line else line)
        if line.startswith("ชื่อโครงการที่"):
            out.append(rng.choice(_LONE_MONTHS))
    want = generated.tables["plan_steps"]
    got = records_of(extract, "\n".join(out)).get("plan_steps", [])
    assert [r.project_name for r in got] == [r["project_name"] for r in want]


# ------------------------------------------------------------------ the agencies run together


@pytest.mark.parametrize("seed", range(4))
def test_agency_and_parent_ocr_ran_together_are_cut_where_the_cover_prints_them(
        seed: int) -> None:
    """``สำนักงานการต่างประเทศสำนักปลัดกรุงเทพมหานคร`` under the title (the space lost),
    the cover printing the two on lines of their own: agency and parent agency."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    plan = generated.tables["plans"][0]
    both = f"{plan['agency']} {plan['parent_agency']}"
    assert both in generated.text.split("\n"), "the title page prints the two on one line"
    text = "\n".join(line.replace(" ", "") if line == both else line
                     for line in generated.text.split("\n"))
    [got] = records_of(extract, text)["plans"]
    assert (got.agency, got.parent_agency) == (plan["agency"], plan["parent_agency"])


#: What OCR read a group's first item number as, its point lost.
_POINTLESS_ITEM = ("oO", "©", "ee")


@pytest.mark.parametrize("seed", range(6))
def test_group_first_item_whose_number_ocr_read_without_its_point_is_an_item(
        seed: int) -> None:
    """``๑ ด้านการบริหารทั่วไป oO`` / ``โครงการ... ๕๓๕,๓๐๐.๐๐ บาท``: the group's first
    item is read, its number not."""
    rng = random.Random(seed)

    def misread(line: str) -> str:
        m = re.match(r"^(?P<group>[๑1]\tด้าน[^\t]*)\t[๑1]\. (?P<rest>.*)$", line)
        if m is None:
            return line
        return f"{m.group('group')} {rng.choice(_POINTLESS_ITEM)}\n{m.group('rest')}"

    _assert_routine_read(rng, misread)

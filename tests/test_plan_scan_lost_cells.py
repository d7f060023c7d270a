"""Rows of an action plan's step and scoring tables whose cells OCR lost or misread, on
generated plans.

Plans are generated from known values (``bench/corpus``); their tables are printed
flowing (a row's cells run into wrapped lines, no tab: what Tesseract gives for a
table without ruled cells) and damaged the ways Tesseract damaged them on the
corpus's 150 and 200 dpi scans:

- a step whose number cell OCR lost (the row opens with its words), whose point
  it glued to the words (``๓.ดำเนินการ``) or read as a semicolon (``๒; ประสานงาน``);
- a step whose cells OCR misread before a blank line, and the next step's words
  after it, their number lost and their cells misread (``wo: ๐``);
- the schedule's month row read as short tokens, the first like a step's number
  (``an. หพย ศา มด OW. มัค``);
- a scoring level whose digit OCR read as a Thai letter and a vowel (``ชา ร้อยละ``);
- a page number at a page's foot read as two Latin words (``iy be``) inside a
  scoring level the page broke;
- a project heading's unit whose closing bracket OCR lost (``(ฝ่ายบริหารงานทั่วไป``), or
  a speck before its name read as a Thai letter glued to it (``ไโครงการ...``).

The truth is the generated values: every row keeps its own values (none shifts to
the row above or below), and a number OCR did not read stays NULL.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from ocr_text import thai_wrapped
from plan_text import LEVEL_LINE
from read_back import assert_rows_read, records_of

#: A step's row as generated: its number and words, its two number cells, the schedule.
_STEP_CELLS = re.compile(r"^(?P<no>[๑-๙1-9])\.\s(?P<body>[^\t]+)\t(?P<pct>[๐-๙0-9.]+)\t"
                         r"(?P<cum>[๐-๙0-9.]+)(?P<marks>.*)$")
#: The schedule's month row as generated (tabs between the abbreviations).
_MONTH_ROW = re.compile(r"^\t+ต\.ค\.\t")
#: What OCR read month abbreviations as: short tokens, no month whole.
_MONTHS_MISREAD = ("หพย", "ศา", "มด", "OW.", "มัค", "เมย", "พัต.", "มย", "A.", "aw.", "na", "สด")
_STEP_FIELDS = ("project_name", "description", "step_pct", "cumulative_pct")


def _flowing(line: str) -> str:
    """A generated line as OCR reads a table without ruled cells: tabs read as spaces."""
    return " ".join(line.split("\t")).rstrip() if "\t" in line else line


def _steps(seed: int, damage: Any) -> tuple[list[dict[str, Any]], list[Any], list[int]]:
    """The generated steps, the steps read with each step row after a table's first
    replaced by ``damage(match, rng)`` (or kept when it returns None), and the places
    (in the steps' order) of the rows damaged."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    out: list[str] = []
    damaged: list[int] = []
    place = -1
    for line in generated.text.split("\n"):
        m = _STEP_CELLS.match(line)
        place += m is not None
        if m is not None and m.group("no") not in ("๑", "1"):
            new = damage(m, rng)
            if new is not None:
                damaged.append(place)
                out.append(new)
                continue
        out.append(_flowing(line))
    return generated.tables["plan_steps"], records_of(extract, "\n".join(out), screened=False).get(
        "plan_steps", []), damaged


def _assert_right(want: list[dict[str, Any]], got: list[Any], fields: tuple[str, ...]) -> None:
    assert_rows_read("plan_steps", got, want, fields)


@pytest.mark.parametrize("seed", range(8))
def test_step_whose_number_cell_ocr_lost_keeps_its_own_cells(seed: int) -> None:
    """``จัดทำรายงาน... ๒๐ ๗๐`` after a whole step: a step of its own, its number NULL,
    its words and percentages its own (not the step above's, not shifted)."""
    def damage(m: re.Match[str], rng: random.Random) -> str | None:
        if rng.random() < 0.5:
            return None
        marks = " ".join(m.group("marks").split())
        lines = thai_wrapped(f"{m.group('body')} {m.group('pct')} {m.group('cum')}",
                             rng.choice((60, 80, 200)))
        return "\n".join(["", *lines[:-1], f"{lines[-1]} {marks}".rstrip()])

    want, got, damaged = _steps(seed, damage)
    assert damaged
    _assert_right(want, got, _STEP_FIELDS)
    assert [r.step_no for r in got] == [  # a number OCR lost is not guessed
        None if k in damaged else int(r["step_no"]) for k, r in enumerate(want)]


@pytest.mark.parametrize("seed", range(6))
def test_step_whose_point_ocr_glued_to_its_words_starts_a_step(seed: int) -> None:
    """``๓.ดำเนินการตามแผน... ๓๐ ๑๐๐``: the step is read whole, with its number."""
    def damage(m: re.Match[str], rng: random.Random) -> str | None:
        marks = " ".join(m.group("marks").split())
        return (f"{m.group('no')}.{m.group('body')} {m.group('pct')} {m.group('cum')} "
                f"{marks}").rstrip()

    want, got, damaged = _steps(seed, damage)
    assert damaged
    _assert_right(want, got, ("step_no", *_STEP_FIELDS))


@pytest.mark.parametrize("seed", range(6))
def test_step_whose_point_ocr_read_as_a_semicolon_starts_a_step(seed: int) -> None:
    """``๒; ประสานงาน... ๒๐ ๗๐``: the step is read whole, with its number, not as
    words of the step above."""
    def damage(m: re.Match[str], rng: random.Random) -> str | None:
        if rng.random() < 0.4:
            return None
        marks = " ".join(m.group("marks").split())
        return (f"{m.group('no')}; {m.group('body')} {m.group('pct')} {m.group('cum')} "
                f"{marks}").rstrip()

    want, got, damaged = _steps(seed, damage)
    assert damaged
    _assert_right(want, got, ("step_no", *_STEP_FIELDS))


@pytest.mark.parametrize("seed", range(6))
def test_steps_whose_cells_ocr_misread_before_a_blank_line_keep_their_own_words(
    seed: int,
) -> None:
    """``๔. ประสานงาน... ๒๐ de`` / blank / ``จัดประชุม... wo: ๐``: the blank line ends
    the first step (its cumulative misread), and the words after it, their number
    lost and their cells misread, are the next step's (not the first's): each keeps
    its words, no percentage, the second no number."""
    previous: list[int] = []  # the number of the step damaged just before, if any

    def damage(m: re.Match[str], rng: random.Random) -> str | None:
        no = int(m.group("no").translate(_ARABIC))
        if previous and previous[-1] == no - 1:
            previous.clear()
            return f"\n{m.group('body')} wo: ๐"
        if rng.random() < 0.5:
            return None
        previous[:] = [no]
        return f"{m.group('no')}. {m.group('body')} {m.group('pct')} de\n"

    want, got, damaged = _steps(seed, damage)
    assert len(damaged) >= 2
    _assert_right(want, got, ("project_name", "description"))
    for k in damaged:  # a percentage the steps around confirm is read, never another
        assert got[k].step_pct in (None, Decimal(want[k]["step_pct"].translate(_ARABIC)))
        assert got[k].cumulative_pct is None


@pytest.mark.parametrize("seed", range(6))
def test_percentage_the_wrap_cut_after_a_step_that_did_not_add_up_is_whole(seed: int) -> None:
    """``๔. ประสานงาน... ๔`` / ``๐ ๙๐`` after a step whose cells OCR misread: the
    cumulative before is unknown, but no step is 0 %: the percentage is ๔๐."""
    previous: list[int] = []

    def damage(m: re.Match[str], rng: random.Random) -> str | None:
        no, pct = int(m.group("no").translate(_ARABIC)), m.group("pct")
        if previous and previous[-1] == no - 1 and len(pct) == 2 and pct[1] in "0๐":
            previous.clear()
            return f"{m.group('no')}. {m.group('body')} {pct[0]}\n{pct[1]} {m.group('cum')}"
        if rng.random() < 0.5:
            return None
        previous[:] = [no]
        return f"{m.group('no')}. {m.group('body')} {m.group('pct')} de\n"

    want, got, damaged = _steps(seed, damage)
    # the steps whose cumulative OCR misread (``de``) read none; the cut ones read theirs
    cut = [k for k in damaged if got[k].cumulative_pct is not None]
    assert cut, "a percentage the wrap cut"
    for k in set(damaged) - set(cut):  # a percentage the steps around confirm, or none
        assert got[k].step_pct in (None, Decimal(want[k]["step_pct"].translate(_ARABIC)))
    _assert_right(want, got, ("project_name", "description"))
    assert [(got[k].step_pct, got[k].cumulative_pct) for k in cut] == [
        (Decimal(want[k]["step_pct"].translate(_ARABIC)),
         Decimal(want[k]["cumulative_pct"].translate(_ARABIC))) for k in cut]


_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


@pytest.mark.parametrize("seed", range(6))
def test_month_row_ocr_misread_is_no_step(seed: int) -> None:
    """``an. หพย ศา มด OW. มัค ...`` under a step table's header: header, not a step."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    out: list[str] = []
    for line in generated.text.split("\n"):
        if _MONTH_ROW.match(line):
            line = "\t\tan. " + " ".join(rng.sample(_MONTHS_MISREAD, rng.randint(6, 11)))
        out.append(_flowing(line))
    got = records_of(extract, "\n".join(out), screened=False).get("plan_steps", [])
    _assert_right(generated.tables["plan_steps"], got, ("step_no", *_STEP_FIELDS))


# ------------------------------------------------------------------ scoring levels

_LEVEL_FIELDS = ("indicator", "level", "weight_pct", "description", "score")


def _levels_right(want: list[dict[str, Any]], got: list[Any], fields: tuple[str, ...]) -> None:
    assert_rows_read("plan_scoring_levels", got, want, fields)


@pytest.mark.parametrize("seed", range(6))
def test_level_read_as_a_letter_and_a_vowel_starts_its_level(seed: int) -> None:
    """``ชา ร้อยละ ๗๐ ของน้ำหนักคะแนน ...``: a row of its own with its weight, words and
    score; its level (not read) is not taken from the rows beside it."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    out: list[str] = []
    damaged = 0
    for line in generated.text.split("\n"):
        m = LEVEL_LINE.match(line)
        if m is not None and m.group("level") in ("๒", "2", "๓", "3") and rng.random() < 0.6:
            line = f"{rng.choice(('ชา', 'ดำ', 'ทิ'))}\tร้อยละ {m.group('rest')}"
            damaged += 1
        out.append(_flowing(line) if m is not None else line)
    assert damaged
    got = records_of(extract, "\n".join(out), screened=False).get("plan_scoring_levels", [])
    _levels_right(generated.tables["plan_scoring_levels"], got,
                  ("indicator", "weight_pct", "description", "score"))


@pytest.mark.parametrize("seed", range(6))
def test_page_number_misread_inside_a_level_the_page_broke_is_no_part_of_it(seed: int) -> None:
    """``... ได้ครบ ๕ ขั้นตอน`` / ``iy be`` (page foot) / ``และรายงานผล... ๒๕``: the level
    is read whole, without the junk, and the levels after it are read."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    lines = generated.text.split("\n")
    levels = [k for k, line in enumerate(lines) if LEVEL_LINE.match(line)]
    broken = rng.choice(levels[:-1])
    out: list[str] = []
    page_two = 0
    for k, line in enumerate(lines):
        m = LEVEL_LINE.match(line)
        if k != broken:
            out.append(_flowing(line) if m is not None else line)
            continue
        assert m is not None
        wrapped = thai_wrapped(f"{m.group('level')} ร้อยละ {m.group('rest').replace(chr(9), ' ')}",
                               rng.choice((60, 80)))
        out.extend([*wrapped[:-1], "", rng.choice(("iy be", "Site", "- ce -"))])
        page_two = len("\n".join(out)) + 1
        out.append(wrapped[-1])
    got = records_of(extract, "\n".join(out), (0, page_two), screened=False).get(
        "plan_scoring_levels", [])
    _levels_right(generated.tables["plan_scoring_levels"], got, _LEVEL_FIELDS)


# ------------------------------------------------------------------ project headings

_PROJECT_HEADING = re.compile(r"^(?P<head>ชื่อโครงการที่ \S+ .*) (?P<unit>\([^()]+\))$")


@pytest.mark.parametrize("seed", range(6))
def test_project_unit_whose_closing_bracket_ocr_lost_is_no_part_of_the_name(seed: int) -> None:
    """``ชื่อโครงการที่ ๑ โครงการ... (ฝ่ายบริหารงานทั่วไป``: the name ends before the unit."""
    _assert_steps_read(random.Random(seed), _PROJECT_HEADING,
                       lambda m, rng: f"{m.group('head')} {m.group('unit')[:-1]}")


def _assert_steps_read(rng: random.Random, heading: re.Pattern[str],
                       damage: Callable[[re.Match[str], random.Random], str]) -> None:
    """A generated plan flowing, seven in ten project headings matching ``heading``
    written as ``damage`` gives them: every step is read right."""
    generated = GENERATORS["plan"](rng)
    out: list[str] = []
    damaged = 0
    for line in generated.text.split("\n"):
        m = heading.match(line)
        if m is not None and rng.random() < 0.7:
            line = damage(m, rng)
            damaged += 1
        out.append(_flowing(line))
    assert damaged
    got = records_of(extract, "\n".join(out), screened=False).get("plan_steps", [])
    _assert_right(generated.tables["plan_steps"], got, ("step_no", *_STEP_FIELDS))


#: A project heading as generated: its words and number, then the name.
_PROJECT_NAME = re.compile(r"^(?P<head>ชื่อโครงการที่ \S+ )(?P<name>(?:โครงการ|กิจกรรม).*)$")
#: What OCR read a speck before a project's name as: a Thai letter glued to it.
_SPECK_LETTERS = ("ไ", "เ", "ก")


@pytest.mark.parametrize("seed", range(6))
def test_project_name_with_a_speck_read_as_a_letter_glued_before_it(seed: int) -> None:
    """``ชื่อโครงการที่ ๑ ไโครงการ...``: the letter is no part of the name."""
    _assert_steps_read(
        random.Random(seed), _PROJECT_NAME,
        lambda m, rng: f"{m.group('head')}{rng.choice(_SPECK_LETTERS)}{m.group('name')}")


# ------------------------------------------------------------------ indicator-target rows

_TARGET_HEADER = re.compile(r"^ลำดับที่\tตัวชี้วัด\tค่าเป้าหมาย")
#: A target row as generated: its name cell, then its first target opening with ร้อยละ.
_PERCENT_FIRST = re.compile(r"^\t(?P<name>[^\t]+)\tร้อยละ (?P<rest>[๐-๙0-9].*)$")
#: What OCR read a number's first digit as before it, on the corpus's 1-bit scans.
_SIGNS = ("«", "{", "'")


@pytest.mark.parametrize("seed", range(6))
def test_target_whose_number_opens_with_a_misread_sign_leaves_the_name_whole(seed: int) -> None:
    """``ระดับ...ในชุมชน ร้อยละ «๕ ของกลุ่มเป้าหมาย ...``: the name ends before ร้อยละ."""
    for attempt in range(20):  # the first plan with a target row opening with ร้อยละ
        rng = random.Random(seed if attempt == 0 else f"{seed}-{attempt}")
        generated = GENERATORS["plan"](rng)
        out: list[str] = []
        damaged = 0
        table = False
        for line in generated.text.split("\n"):
            table = bool(_TARGET_HEADER.match(line)) or (table and bool(line.strip()))
            m = _PERCENT_FIRST.match(line) if table else None
            if m is not None:
                line = f"{m.group('name')} ร้อยละ {rng.choice(_SIGNS)}{m.group('rest')}"
                damaged += 1
            out.append(" ".join(line.split()) if table else line)
        if damaged:
            break
    assert damaged
    got = records_of(extract, "\n".join(out), screened=False).get("plan_indicators", [])
    want = generated.tables["plan_indicators"]
    assert [r.name for r in got] == [r["name"] for r in want]

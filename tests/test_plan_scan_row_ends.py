"""Where a row of a scanned action plan's table ends when OCR damaged its edges.

Plans are generated from known values (``bench/corpus``); their tables are printed
flowing (tabs read as spaces, as Tesseract gives a borderless table) and damaged
the ways Tesseract damages them on the corpus's scans (150 to 300 dpi):

- a step whose cumulative OCR misread by a digit the model lacks (``๑๐ ๕๐`` for
  ``๑๐ ๔๐``: the numbers no longer add up), the next step's number misread as a
  letter and a point (``อ. ประสานงาน...``), Latin letters (``Pe จัดทำ...``) or a
  letter alone on its line (``ล`` over the words): the step ends at its cells, the
  next is a row of its own;
- the table's total whose count OCR misread with its ขั้นตอน (``รวม > ชั้นตอน``)
  after such a step;
- a step table's header read after a speck (``ea ขั้นตอนการดำเนินงาน...``), its month
  row misread and its last months wrapped onto a line of their own (``ส.ค.<tab>กุย.``),
  the first step's number read with a point and a comma (``@.,``);
- a budget row's amount whose first digits OCR misread and set apart from the rest
  (``...สาธารณสุข oon, ๒๓๓,๓๐๐ บาท``, ``...ในสังกัด a 090,900.00 บาท``);
- a total's amount after a speck glued to it (``ว24,469,800.- บาท``) or with a space
  before a thousands comma (``1 ,542,600.- บาท``);
- a routine item's amount whose last digit the wrap put on the next line with
  its baht (``388,800.0`` / ``0 บาท``): no row of its own;
- a SWOT item's number misread as Latin letters with a speck after them, alone
  on its line (``Dy<tab>ie``), its words on the next;
- a step's schedule arrow read as a dash before its cells (``...หน่วยงาน - ๓๐ ๑๐๐``);
- a scoring table's heading words misread past a letter (``เศณฑ์การ์ให้คะแนน``), its
  quote on the next line; a level whose digit OCR read with a speck after it
  (``๕ ' ร้อยละ``) or as Latin tokens (``aS i ร้อยละ``).

The truth is the generated values: every row is read, none is added, and its
words are its own.
"""

from __future__ import annotations

import random
import re
import textwrap
from collections.abc import Callable

import pytest

from bma_etl.layouts.annual_action_plan import extract
from test_plan_scan_swot import _assert_items_damaged_read

from corpus.build import GENERATORS
from plan_text import LEVEL_LINE, budget_rows_read
from read_back import assert_rows_read, records_of

_STEP = re.compile(
    r"^(?P<no>[๑-๙1-9])\.\s(?P<words>[^\t]+)\t(?P<pct>[๐-๙0-9]+)\t(?P<cum>[๐-๙0-9]+)"
    r"(?P<marks>.*)$"
)
_TOTAL = re.compile(r"^รวม (?P<count>[๐-๙0-9]+) ขั้นตอน (?P<rest>.*)$")
#: A digit read as another (the model lacks ๔, ๖, ๗, ๘, ๙; Arabic digits misread alike).
_MISREAD = str.maketrans("๐๑๒๓๔๕๖๗๘๙0123456789", "๕๒๓๕๕๒๒๓๓๕5233522335")
#: What OCR read a step's number and point as, before its words or alone over them.
_NUMBER_BEFORE = ("อ. ", "Pe ", "ผ. ")
_NUMBER_ALONE = ("ล", "Nore")


def _misread(cum: str) -> str:
    """``cum`` with its first digit misread (never the number it was)."""
    first = cum[0].translate(_MISREAD)
    return (first if first != cum[0] else "๕" if cum[0] != "๕" else "๓") + cum[1:]


def _flowing(line: str) -> str:
    return " ".join(line.split("\t")).rstrip() if "\t" in line else line


def _assert_steps(text: str, want: list[dict[str, str]]) -> None:
    got = records_of(extract, text).get("plan_steps", [])
    assert_rows_read("plan_steps", got, want, ("project_name", "description"))


def _steps_damaged(seed: int, damage: Callable[[list[str], int, random.Random], bool]) -> None:
    """A plan generated from ``seed``, its lines flowing, ``damage`` applied to each step
    line's index (it changes the lines in place; True when it did): every step read."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    lines = generated.text.split("\n")
    damaged = sum(damage(lines, k, rng) for k in range(len(lines)) if _STEP.match(lines[k]))
    assert damaged, "the test damages a step"
    _assert_steps("\n".join(_flowing(line) for line in lines), generated.tables["plan_steps"])


@pytest.mark.parametrize("seed", range(8))
def test_step_whose_cells_ocr_misread_ends_at_them_before_a_misread_number(seed: int) -> None:
    """``๓. เผยแพร่... ๑๐ ๕๐`` then ``อ. ประสานงาน... ๒๐ ๑๐๐``: two steps, not one."""

    def damage(lines: list[str], k: int, rng: random.Random) -> bool:
        m, after = _STEP.match(lines[k]), _STEP.match(lines[k + 1])
        if m is None or after is None or rng.random() < 0.4:
            return False
        lines[k] = (
            f"{m.group('no')}. {m.group('words')}\t{m.group('pct')}\t"
            f"{_misread(m.group('cum'))}{m.group('marks')}"
        )
        words = lines[k + 1][after.start("words") :]
        if rng.random() < 0.5:
            lines[k + 1] = f"{rng.choice(_NUMBER_BEFORE)}{words}"
        else:
            lines[k + 1] = f"{rng.choice(_NUMBER_ALONE)}\n{words}"
        return True

    _steps_damaged(seed, damage)


@pytest.mark.parametrize("seed", range(6))
def test_total_whose_count_ocr_misread_ends_the_table_after_misread_cells(seed: int) -> None:
    """The last step's cumulative misread, then ``รวม > ชั้นตอน คิดเป็นร้อยลอะ``: no row of it."""

    def damage(lines: list[str], k: int, rng: random.Random) -> bool:
        m, total = _STEP.match(lines[k]), _TOTAL.match(lines[k + 1])
        if m is None or total is None:
            return False
        lines[k] = (
            f"{m.group('no')}. {m.group('words')}\t{m.group('pct')}\t"
            f"{_misread(m.group('cum'))}{m.group('marks')}"
        )
        lines[k + 1] = f"รวม > ชั้นตอน คิดเป็นร้อยลอะ {total.group('rest').split(' ', 1)[-1]}"
        return True

    _steps_damaged(seed, damage)


@pytest.mark.parametrize("seed", range(4))
def test_step_header_read_after_a_speck_opens_its_table(seed: int) -> None:
    """``ea ขั้นตอนการดำเนินงาน เนื้อหา...``: the table under it is read."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    lines = [
        f"{rng.choice(('ea', '|', 'Ss'))} {line}" if line.startswith("ขั้นตอนการดำเนินงาน") else line
        for line in generated.text.split("\n")
    ]
    _assert_steps("\n".join(_flowing(line) for line in lines), generated.tables["plan_steps"])


# ------------------------------------------------------------------ budget rows

_AMOUNT = re.compile(r"^(?P<amount>[๐-๙0-9][๐-๙0-9,.]*)(?P<rest>.*)$")
#: What OCR read an amount's first digits as, a space after them.
_LEADS = ("oon,", "a", "ev,")


@pytest.mark.parametrize("seed", range(8))
def test_amount_whose_first_digits_ocr_misread_apart_is_no_part_of_the_name(seed: int) -> None:
    """``...สาธารณสุข oon, ๒๒๓,๓๑๐.๐๐ บาท ส่วนโยธา``: the name ends before ``oon,``."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = [r for r in generated.tables["plan_projects"] if r["section"] != "routine"]

    def row(m: re.Match[str]) -> str:
        rest = m.group("rest").replace("\t", " ")
        amount = _AMOUNT.match(rest)
        if amount is not None and "," in amount.group("amount") and rng.random() < 0.6:
            head, tail = amount.group("amount").split(",", 1)
            lead = rng.choice(_LEADS)
            if lead == "a" and len(head) > 1:
                tail = f"{head[1:]},{tail}"  # the first digit misread alone
            rest = f"{lead} {tail}{amount.group('rest')}"
        return f"{m.group('no')} {m.group('name')} {rest}"

    got = [
        r
        for r in records_of(extract, budget_rows_read(generated.text, row)).get("plan_projects", [])
        if r.section != "routine"
    ]
    assert [(r.name, r.responsible_unit) for r in got] == [
        (r["name"], r["responsible_unit"]) for r in want
    ]


_TOTAL_ROW = re.compile(
    r"^(?P<label>รวมงบประมาณทั้งสิ้น)\s+(?P<amount>[๐-๙0-9][๐-๙0-9,.]*)"
    r"(?P<rest>.*)$"
)


@pytest.mark.parametrize("seed", range(8))
def test_total_whose_amount_ocr_read_with_a_speck_or_a_spaced_comma_is_stated(seed: int) -> None:
    """``รวมงบประมาณทั้งสิ้น ว24,469,800.- บาท`` and ``... 1 ,542,600.- บาท`` under a
    flowing budget table: each section's stated total read, the speck no digit of it.

    (A ``!`` before an amount's digits is no speck here: OCR reads a first ``1`` so, and
    the amount is then unreadable, NULL, rather than short of its first digit.)"""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    out: list[str] = []
    for line in budget_rows_read(generated.text, lambda m: " ".join(m.group(0).split())).split(
        "\n"
    ):
        m = _TOTAL_ROW.match(line)
        if m is not None:
            amount = m.group("amount")
            if rng.random() < 0.5:
                amount = f"{rng.choice(('ว', '|'))}{amount}"
            elif "," in amount:
                amount = amount.replace(",", " ,", 1)
            line = f"{m.group('label')} {amount}{m.group('rest')}"
        out.append(line)
    want = [r for r in generated.tables["plan_sections"] if r["section"] != "routine"]
    got = [
        r
        for r in records_of(extract, "\n".join(out), screened=False).get("plan_sections", [])
        if r.section != "routine"
    ]
    assert_rows_read("plan_sections", got, want, ("section", "stated_total_thb"))


_ROUTINE_ROW = re.compile(
    r"^(?P<lead>[^\t]*\t[^\t]*)\t(?P<item>[๑-๙1-9]\. .*)\t"
    r"(?P<amount>[๐-๙0-9,.]*[๐-๙0-9])(?P<baht>.*บาท.*)$"
)


@pytest.mark.parametrize("seed", range(8))
def test_routine_amounts_last_digit_wrapped_with_its_baht_starts_no_row(seed: int) -> None:
    """``๑. โครงการ... 388,800.0`` / ``0 บาท``, the next item's number lost (``โครงการ...``):
    each item read, its name whole (the amount the wrap left ends the row; the ``0``
    is no row's number, so the next item is no part of one)."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    while sum(r["section"] == "routine" for r in generated.tables["plan_projects"]) < 2:
        generated = GENERATORS["plan"](rng)  # an item after the group's first
    want = [r for r in generated.tables["plan_projects"] if r["section"] == "routine"]
    out: list[str] = []
    table = False
    for line in generated.text.split("\n"):
        table = line.startswith("ลำดับที่\tด้าน/แผนงาน") or (table and bool(line.strip()))
        m = _ROUTINE_ROW.match(line) if table else None
        if m is None:  # the list flowing, as OCR gives it (no tab)
            out.append(" ".join(line.split()) if table else line)
            continue
        lead = " ".join(m.group("lead").split())
        item = m.group("item") if lead else m.group("item").split(" ", 1)[1]  # number lost
        amount = m.group("amount")
        if "." not in amount:  # the same value with its satang written
            zero = "0" if amount[-1] == "0" else "๐"
            amount = f"{amount}.{zero}{zero}"
        out += [f"{lead} {item} {amount[:-1]}".strip(), f"{amount[-1]} บาท"]
    got = [
        r
        for r in records_of(extract, "\n".join(out), screened=False).get("plan_projects", [])
        if r.section == "routine"
    ]
    assert_rows_read("plan_projects", got, want, ("name", "uses_budget"))


# ------------------------------------------------------------------ SWOT items

#: An item's number as OCR read it with a speck after it in a cell of its own.
_NUMBER_CELLS = ("Dy\tie", "Ds\ta", "fo\t'")


@pytest.mark.parametrize("seed", range(8))
def test_swot_number_read_as_latin_letters_and_a_speck_numbers_the_next_line(seed: int) -> None:
    """``Dy<tab>ie`` over an item's words: the words are an item of their own."""
    _assert_items_damaged_read(
        seed, lambda rng, line, m: [rng.choice(_NUMBER_CELLS), m.group("body")],
        after_item=True)


# ------------------------------------------------------------------ step cells, scoring tables


@pytest.mark.parametrize("seed", range(4))
def test_schedule_arrow_read_as_a_dash_before_a_steps_cells_is_no_word_of_it(seed: int) -> None:
    """``๕. เผยแพร่...หน่วยงาน - ๓๐ ๑๐๐``: the description ends with its words."""

    def damage(lines: list[str], k: int, rng: random.Random) -> bool:
        m = _STEP.match(lines[k])
        if m is None or rng.random() < 0.5:
            return False
        lines[k] = f"{m.group('no')}. {m.group('words')} -\t{m.group('pct')}\t{m.group('cum')}"
        return True

    _steps_damaged(seed, damage)


_SCORING_HEADING = re.compile(r"^เกณฑ์การให้คะแนน (?P<quote>“.*”)$")
#: A level's digit as OCR read it with a speck after it, or as Latin tokens.
_LEVEL_STARTS = ("{level} '", "aS i", "{level} \u2018")


@pytest.mark.parametrize("seed", range(6))
def test_scoring_heading_misread_and_levels_misread_keep_the_table(seed: int) -> None:
    """``เศณฑ์การ์ให้คะแนน`` over ``“ระดับ...”``, levels ``๕ ' ร้อยละ...`` and ``aS i
    ร้อยละ...``: every level read, with its indicator and its words."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    out: list[str] = []
    for line in generated.text.split("\n"):
        heading, level = _SCORING_HEADING.match(line), LEVEL_LINE.match(line)
        if heading is not None:
            out += ["เศณฑ์การ์ให้คะแนน", heading.group("quote")]
        elif line.startswith("ระดับความสำเร็จ\t"):  # a table's header, flowing
            out.append(line.replace("\t", " "))
        elif level is not None:
            start = (
                rng.choice(_LEVEL_STARTS).format(level=level.group("level"))
                if rng.random() < 0.4
                else level.group("level")
            )
            rest = level.group("rest").replace("\t", " ")
            out += textwrap.wrap(f"{start} ร้อยละ {rest}", rng.choice((70, 90, 110)))
        else:
            out.append(line)
    want = [
        (r["indicator"], "".join(r["description"].split()))
        for r in generated.tables["plan_scoring_levels"]
    ]
    assert want, "the generator writes scoring tables"
    got = [
        (r.indicator, "".join((r.description or "").split()))
        for r in records_of(extract, "\n".join(out), screened=False).get("plan_scoring_levels", [])
    ]
    assert got == want


_MONTH_ROW = re.compile(r"^\t+ต\.ค\.\t")


@pytest.mark.parametrize("seed", range(4))
def test_month_row_wrapped_and_misread_is_header_not_a_step(seed: int) -> None:
    """``aA We oA UA AW LA we wa ie. naa.`` / ``ส.ค.<tab>กุย.`` / ``@.,`` / the first step's
    words: the last months are the header's, the step its own row."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    lines = generated.text.split("\n")
    out: list[str] = []
    for k, line in enumerate(lines):
        step = _STEP.match(lines[k]) if k and _MONTH_ROW.match(lines[k - 1]) else None
        if _MONTH_ROW.match(line):
            out += ["aA We oA UA AW LA we wa ie. naa.", "ส.ค.\tกุย."]
        elif step is not None:
            out += ["@.,", line[step.start("words") :]]
        else:
            out.append(line)
    _assert_steps("\n".join(_flowing(line) for line in out), generated.tables["plan_steps"])

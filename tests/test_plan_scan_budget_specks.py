"""Budget tables of an OCR'd plan whose header, total or row number OCR misread.

Plans are generated from known values (``bench/corpus``); their strategic and key
budget tables are printed flowing (no tab: what Tesseract gives for a borderless
table) and damaged the ways Tesseract damages them on the corpus's scans: a speck
read as a sign before the header's ``ลำดับ`` (``' ลำดับ ที่ ชื่อโครงการ...``), a
total's amount read as Latin letters (``รวมงบประมาณทั้งสิ้น one, ERE,QOO.CO บาท``),
a row's number read as letters and a point (``lo. โครงการ...``), the rule after a row's
number read as a sign and vowels glued to the name (``๔ - โโครงการ...``).

The truth is the generated values: every table is found under its heading and
every row read, so the plan loads instead of losing the whole document.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from plan_text import budget_rows_read
from read_back import assert_rows_read, records_of

#: What OCR reads from a speck before a header's first word.
_SPECKS = ("' ", "| ", "` ", ", ", "i ")
#: A flowing budget header (its tabs read as spaces).
_HEADER = "ลำดับ ที่ ชื่อโครงการ"
#: A total's amount, to misread.
_TOTAL_AMOUNT = re.compile(r"^(รวมงบประมาณทั้งสิ้น)\s+\S+ บาท\s*$", re.M)
_FIELDS = ("section", "seq", "name", "budget_thb", "responsible_unit")


def _flowing(seed: int, row: str = "{no} {name} {rest}") -> tuple[str, list[dict[str, object]]]:
    """A generated plan's text, its strategic and key tables flowing; their rows."""
    generated = GENERATORS["plan"](random.Random(seed))
    want = [r for r in generated.tables["plan_projects"] if r["section"] != "routine"]
    text = budget_rows_read(
        generated.text,
        lambda m: row.format(
            no=m.group("no"), name=m.group("name"), rest=m.group("rest").replace("\t", " ")
        ),
    )
    return text, want


def _read(text: str) -> list[object]:
    return [
        r
        for r in records_of(extract, text, screened=False).get("plan_projects", [])
        if r.section != "routine"
    ]


@pytest.mark.parametrize("seed", range(6))
def test_a_speck_before_a_budget_header_is_no_part_of_it(seed: int) -> None:
    """``' ลำดับ ที่ ชื่อโครงการ... งบประมาณ...``: still the table's header."""
    text, want = _flowing(seed)
    specks = random.Random(seed)
    lines = [
        specks.choice(_SPECKS) + ln if ln.startswith(_HEADER) else ln for ln in text.split("\n")
    ]
    assert any(ln[2:].startswith(_HEADER) for ln in lines)
    assert_rows_read("plan_projects", _read("\n".join(lines)), want, _FIELDS)


@pytest.mark.parametrize("seed", range(6))
def test_a_total_whose_amount_ocr_misread_ends_its_table(seed: int) -> None:
    """``รวมงบประมาณทั้งสิ้น one, ERE,QOO.CO บาท``, then the next section's heading: the
    heading names the next table (it is no wrapped rest of the total)."""
    text, want = _flowing(seed)
    damaged, count = _TOTAL_AMOUNT.subn(r"\1 one, ERE,QOO.CO บาท", text)
    assert count >= 2, "the generated plan has two flowing budget tables"
    assert_rows_read("plan_projects", _read(damaged), want, _FIELDS)


@pytest.mark.parametrize("seed", range(6))
def test_a_row_number_read_as_letters_and_a_point_starts_the_row(seed: int) -> None:
    """``lo. โครงการ...`` after a complete row: the next row, its number not read."""
    text, want = _flowing(seed)
    misread = re.sub(r"^[๒2] (?=โครงการ)", "lo. ", text, flags=re.M)
    assert misread != text, "the generated plan has a row 2"
    got = _read(misread)
    assert_rows_read(
        "plan_projects", got, want, ("section", "name", "budget_thb", "responsible_unit")
    )
    assert [r.seq for r in got if r.seq is None] and all(
        r.seq in (None, w["seq"]) for r, w in zip(got, want, strict=True)
    )


#: What OCR makes of a table's first row number and the rule after it: letters and
#: signs, no digit (``L ' โครงการ...``, ``| : โครงการ...``).
_FIRST_NUMBER_MISREAD = ("L ' ", "| : ", "Il ", "ee \u2018 ", "i, ")


@pytest.mark.parametrize("seed", range(6))
def test_a_first_row_whose_number_ocr_misread_keeps_its_table(seed: int) -> None:
    """A table's first row opening with letters and signs where its number was: still the
    first row (its number not read), and neither its table nor the tables after it lost
    (the routine list after the key table is read too)."""
    generated = GENERATORS["plan"](random.Random(seed))
    misread = random.Random(seed).choice(_FIRST_NUMBER_MISREAD)
    text = budget_rows_read(
        generated.text,
        lambda m: ((misread if m.group("no") in ("1", "๑") else m.group("no") + " ")
                   + f"{m.group('name')} {m.group('rest').replace(chr(9), ' ')}"),
    )
    assert text.count(f"\n{misread}โครงการ") >= 2, "the test misreads two first rows"
    want = generated.tables["plan_projects"]
    got = records_of(extract, text, screened=False).get("plan_projects", [])
    assert_rows_read("plan_projects", got, want, ("section", "name", "budget_thb"))
    assert_rows_read("plan_projects", [r for r in got if r.section != "routine"],
                     [w for w in want if w["section"] != "routine"], ("responsible_unit",))
    assert [r.seq for r in got if r.section != "routine"] == [  # a misread number: not guessed
        None if str(w["seq"]) in ("1", "๑") else w["seq"]
        for w in want if w["section"] != "routine"]


#: What OCR makes of the rule between a row's number and its name: a sign apart, then
#: the rule's edge read as leading vowels glued to the name (``๔ - โโครงการ...``).
_RULE_APART = ("- โ", "~ เ", "| ใ", "7 ไ")


@pytest.mark.parametrize("seed", range(6))
def test_a_sign_and_vowels_between_a_rows_number_and_name_are_no_part_of_it(seed: int) -> None:
    """``๔ - โโครงการติดตั้ง... ๒,๕๒๐,๒๐๐ บาท ส่วนคดี``: the row is read, its name from
    ``โครงการ`` (the row is no rest of the unit of the row above)."""
    rng = random.Random(seed)
    text, want = _flowing(seed)
    damaged = re.sub(r"^([๒-๙2-9]) (?=โครงการ)",
                     lambda m: f"{m.group(1)} {rng.choice(_RULE_APART)}", text, flags=re.M)
    assert damaged != text, "the generated plan has a row 2 or later"
    assert_rows_read("plan_projects", _read(damaged), want, _FIELDS)


#: What OCR may make of a row's number and first words on a faint band: Thai letters
#: and signs that spell nothing (``ตา ซาร์ บ รร``).
_GARBLED_STARTS = ("ตา ซาร์ บ รร", "ดน ณร ทษ", "ล่ ฒ. ฉฉ")


@pytest.mark.parametrize("seed", range(6))
def test_a_whole_row_whose_number_and_name_ocr_garbled_is_a_row(seed: int) -> None:
    """``ตา ซาร์ บ รร ฒ,๕๓๕,๓๐๐ บาท ส่วนคดี`` after a whole row: a row of its own, its
    budget and unit read, its number not guessed; the row above keeps its own unit."""
    rng = random.Random(seed)
    text, want = _flowing(seed)
    lines = text.split("\n")
    rows = [i for i, ln in enumerate(lines) if re.match(r"[๒-๙2-9] โครงการ", ln)]
    garbled = rng.choice(rows)
    lines[garbled] = re.sub(r"^\S+ โครงการ\S*", rng.choice(_GARBLED_STARTS), lines[garbled])
    got = _read("\n".join(lines))
    assert_rows_read("plan_projects", got, want,
                     ("section", "budget_thb", "uses_budget", "responsible_unit"))
    hit = lines[garbled]
    assert [r.seq is None for r in got] == [hit.startswith(r.name or "-") for r in got]

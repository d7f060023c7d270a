"""Indicator-target rows whose targets OCR damaged with a Thai letter, on generated plans.

Plans are generated from known values (``bench/corpus``); their indicator-target
tables are printed flowing (a row's number, its cells run together, a tab at the
number column's gap, as the corpus's scans give them). Two damages OCR does to a
target's opening, seen on the corpus's 300 dpi 1-bit scans:

- a number's first digit read as a Thai letter (``ร้อยละ ฒ๐`` for ``ร้อยละ ๗๐``:
  Debian's model reads ``๗`` as ``ฒ``);
- the target's word losing a letter to a speck (``ไม่ต่ *ากว่าร้อยละ``: ``ำ`` read
  ``*า``, the wrap's space in it).

The truth is the generated values: each row keeps its own name, no target word in
it, and the targets not damaged are read as written; a damaged target is read as
OCR printed it (its damage is the known value).
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import Raw, RepairedText
from bma_etl.layouts.plan_flow_kpi import flow_targets

from corpus.build import GENERATORS
from read_back import records_of

_HEADER = "ลำดับที่\tตัวชี้วัด\tค่าเป้าหมาย"
_NUMBER = re.compile(r"^[๐-๙0-9]{1,2}$")
#: A target's word, then a number of two Thai digits: its first digit is the one damaged.
_TWO_DIGITS = re.compile(r"(?<=ร้อยละ )[๑-๙](?=[๐-๙](?![๐-๙]))")


def _flowing(text: str) -> tuple[str, list[str], int]:
    """``text`` with its target tables flowing after the number's tab, the first target of
    each row that states a percent of two digits damaged (:data:`_TWO_DIGITS`); the
    targets as printed then, in order, and how many were damaged."""
    out: list[str] = []
    targets: list[str] = []
    table, damaged = False, 0
    for line in text.split("\n"):
        if line.startswith(_HEADER):
            table = True
        elif table and not line.strip():
            table = False
        cells = line.split("\t")
        if table and len(cells) > 3 and _NUMBER.match(cells[0]):
            cells = [c for c in cells[1:] if c]
            name, row = cells[0], cells[1:]
            for k, target in enumerate(row):
                if _TWO_DIGITS.search(target):
                    row[k] = _TWO_DIGITS.sub("ฒ", target, count=1)
                    damaged += 1
                    break
            targets.extend(row)
            line = line.split("\t")[0] + "\t" + " ".join([name, *row])
        out.append(line)
    return "\n".join(out), targets, damaged


def _plans() -> list[int]:
    """Seeds whose plan has a numbered target row with such a target."""
    return [s for s in range(60)
            if _flowing(GENERATORS["plan"](random.Random(s)).text)[2]][:6]


@pytest.mark.parametrize("seed", _plans())
def test_a_number_opening_with_a_letter_still_starts_its_target(seed: int) -> None:
    generated = GENERATORS["plan"](random.Random(seed))
    text, targets, damaged = _flowing(generated.text)
    assert damaged
    want = generated.tables["plan_indicators"]
    got = records_of(extract, text, screened=False).get("plan_indicators", [])
    assert [r.name for r in got] == [w["name"] for w in want]
    assert [r.target_text for r in got] == targets


HEAD = "แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๗\nสำนักงานการต่างประเทศ\n\n"
TABLE = ("ตัวชี้วัดเป้าประสงค์\n\nลำดับที่ ตัวชี้วัด ค่าเป้าหมาย\n\t\t๒๕๖๕ ๒๕๖๖ ๒๕๖๗\n{rows}\n\n"
         "แนวทางการประเมินผล\n")
_NAMES = ("ระดับความสำเร็จในการจัดกิจกรรมกระชับและส่งเสริมความสัมพันธ์กับเมืองพี่เมืองน้อง"
          " - ระดับความสำเร็จของการพัฒนาระบบฐานข้อมูลกลางของหน่วยงาน",
          "ระดับความสำเร็จในการพัฒนาระบบฐานข้อมูลสำหรับบูรณาการภารกิจของหน่วยงาน"
          " - จำนวนช่องทางการเผยแพร่ข้อมูลข่าวสารผ่านสื่อออนไลน์")


def _rows(rows: str) -> list[tuple[object, ...]]:
    doc = RepairedText.of(HEAD + TABLE.format(rows=rows), ocr_used=True)
    return [tuple(v.text if isinstance(v, Raw) else v for v in f.row.fields.values())
            for f in flow_targets(doc, list(doc.lines()), set())]


@pytest.mark.parametrize("damaged", ["ไม่ต่\n*ากว่า", "ไม่ต่*ากว่า", "ไม่ตำกว่า"])
def test_a_target_word_a_speck_damaged_is_no_part_of_the_name(damaged: str) -> None:
    """Unnumbered rows (the empty cell's tab), the first target's word damaged."""
    rows = _rows(f"\t{_NAMES[0][:60]}\n{_NAMES[0][60:]} {damaged}ร้อยละ ๗๐ ไม่ต่ำกว่าร้อยละ ๗๕"
                 " ไม่ต่ำกว่าร้อยละ ๘๐\n"
                 f"\t{_NAMES[1]} ร้อยละ ๖๒ ของช่องทางทั้งหมด ร้อยละ ๖๗ ของช่องทางทั้งหมด"
                 " ร้อยละ ๗๒ ของช่องทางทั้งหมด")
    assert [r[0] for r in rows] == [_NAMES[0]] * 3 + [_NAMES[1]] * 3
    assert [" ".join(str(r[2]).split()) for r in rows][1:] == [
        "ไม่ต่ำกว่าร้อยละ ๗๕", "ไม่ต่ำกว่าร้อยละ ๘๐", "ร้อยละ ๖๒ ของช่องทางทั้งหมด",
        "ร้อยละ ๖๗ ของช่องทางทั้งหมด", "ร้อยละ ๗๒ ของช่องทางทั้งหมด"]


def test_a_target_before_is_no_damaged_word() -> None:
    """``ระดับ ๓`` is one letter from ``ระดับ``: a target, not a damaged word of the next."""
    rows = _rows(f"\t{_NAMES[1]} ระดับ ๓\tระดับ ๔ ระดับ ๕")
    assert [r[2] for r in rows] == ["ระดับ ๓", "ระดับ ๔", "ระดับ ๕"]

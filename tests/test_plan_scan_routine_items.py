"""Routine-list items whose number OCR read without its point, on generated plans.

Plans are generated from known values (``bench/corpus``); their routine table
(``ลำดับที่ | ด้าน/แผนงาน | รายการ/โครงการ | งบประมาณ``) is printed flowing, its cells
OCR-spaced, and its item numbers damaged the ways Tesseract read them on 150 and
200 dpi scans: a group's first item's number read right but its point lost, the
item's words wrapped onto the next line (``๑ ด้านการบริหารทั่วไป ๑`` /
``โครงการ...``); a later item's number read as a sign, its point lost
(``© โครงการ...``). Every routine project is read as generated, not run into the
one above.
"""

from __future__ import annotations

import random
import re

import pytest

from test_plan_scan_starts import _assert_routine_read


@pytest.mark.parametrize("seed", range(6))
def test_group_first_item_whose_point_ocr_lost_is_an_item(seed: int) -> None:
    rng = random.Random(seed)

    def misread(line: str) -> str:
        m = re.match(r"^(?P<group>[๑1]\tด้าน[^\t]*)\t(?P<no>[๑1])\. (?P<rest>.*)$", line)
        if m is None:
            return line
        return f"{m.group('group')} {m.group('no')}\n{m.group('rest')}"

    _assert_routine_read(rng, misread)


@pytest.mark.parametrize("seed", range(6))
def test_later_item_whose_number_ocr_read_as_a_sign_without_its_point_is_an_item(
        seed: int) -> None:
    rng = random.Random(seed)

    def misread(line: str) -> str:
        return re.sub(r"^\t\t[๒-๙2-9]\. (?=โครงการ)", lambda _: f"\t{rng.choice('©@®')} ", line)

    _assert_routine_read(rng, misread)


@pytest.mark.parametrize("seed", range(4))
def test_routine_header_whose_seq_word_ocr_read_with_a_letter_misread_is_a_header(
        seed: int) -> None:
    """``สำดับที่ ด้าน/แผนงาน รายการ/โครงการ งบประมาณ`` (``ล`` read ``ส`` on a 150 dpi
    1-bit scan): still the routine table's header, its group column known; every
    routine project is read."""
    rng = random.Random(seed)

    def misread(line: str) -> str:
        if not line.startswith("ลำดับที่\tด้าน"):
            return line
        return rng.choice(("สำดับ", "ลำตับ", "ลำดัน")) + line[len("ลำดับ"):]

    _assert_routine_read(rng, misread)


@pytest.mark.parametrize("seed", range(6))
def test_group_whose_number_ocr_lost_is_a_group_not_its_first_items_name(seed: int) -> None:
    """``<tab>ด้านการบริหารทั่วไป ๑. โครงการ...`` (the group's faint ``๑`` dropped as a
    speck on a 150 dpi grey scan): the group's row, its first item read without the
    group's name, and the items after it read as items of the group."""
    rng = random.Random(seed)

    def misread(line: str) -> str:
        return re.sub(r"^[๑-๙1-9]\t(?=ด้าน)", "\t", line)

    _assert_routine_read(rng, misread)


@pytest.mark.parametrize("seed", range(6))
def test_routine_header_whose_group_word_ocr_misread_names_the_group_column(seed: int) -> None:
    """``ลำดับที่ ต้าน/แผนงาน รายการ/โครงการ งบประมาณ`` (``ด`` read ``ต`` on a 200 dpi
    1-bit scan): the group column is still known, so a group's name does not run into
    its first item's."""
    rng = random.Random(seed)

    def misread(line: str) -> str:
        if not line.startswith("ลำดับที่\tด้าน"):
            return line
        return line.replace("ด้าน", rng.choice(("ต้าน", "ค้าน", "ด้าบ")), 1)

    _assert_routine_read(rng, misread)


@pytest.mark.parametrize("seed", range(6))
def test_group_first_item_whose_number_ocr_read_with_a_speck_is_an_item(seed: int) -> None:
    """``๑ ด้านการบริหารทั่วไป ๑@.`` / ``โครงการ...`` (a speck read between the item's
    number and its point, the item's words wrapped on a 200 dpi grey scan): the item is
    read, not dropped for a budget without a name."""
    rng = random.Random(seed)

    def misread(line: str) -> str:
        m = re.match(r"^(?P<group>[๑1]\tด้าน[^\t]*)\t(?P<no>[๑1])\. (?P<rest>.*)$", line)
        if m is None:
            return line
        return f"{m.group('group')} {m.group('no')}{rng.choice('@®©')}.\n{m.group('rest')}"

    _assert_routine_read(rng, misread)

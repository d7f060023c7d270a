"""Headings of an action plan's lists and tables OCR misread off a 1-bit 200 dpi scan.

Plans are generated from known values (``bench/corpus``); their tables are printed
flowing (tabs read as spaces, as Tesseract gives a table without ruled cells) and
damaged the ways Tesseract read a Norasi plan scanned 1-bit at 200 dpi (seed 1811
``plan_004``), where ``ข`` reads ``ย`` and ``อ`` reads ``ก`` or ``ถ``:

- a step table's header words misread (``ยึ้นตกนการตำเนินงาน``): the table's steps
  were all lost;
- a step table's month row misread past every month, its first like a step's number
  (``aa. พุย. ก.ค. มคค. กูุพ. ...``): read as a step, its months the step's words;
- a SWOT heading's Thai word misread and split by a space (``จุดถ่อ น (Weakness)``):
  the weaknesses were stored as strengths.

The truth is the generated values: every row is read, with its project or kind.
"""

from __future__ import annotations

import random
import re

import pytest

from test_plan_scan_rows import _assert_steps_read_when_damaged, assert_swot_headings_misread

_STEP_HEADER = re.compile(r"^(?P<words>ขั้นตอนการดำเนินงาน)(?P<rest>\t.*)$")
#: What OCR reads the step header's first words as off a 1-bit 200 dpi scan in a serif
#: font: ``ข`` as ``ย``, ``อ`` as ``ก`` or ``ถ``, ``ด`` as ``ต``, ``ั`` as ``ึ``.
_HEADER_MISREAD = ("ยึ้นตกนการตำเนินงาน", "ยั้นตถนการดำเนินงาน", "ขั้นตกนการตำเนินงาน")


@pytest.mark.parametrize("seed", range(8))
def test_step_header_whose_first_words_ocr_misread_opens_its_table(seed: int) -> None:
    """``ยึ้นตกนการตำเนินงาน ... (ร้อยละ)``: the steps under it are read, with their project."""
    def damage(m: re.Match[str], rng: random.Random) -> str:
        return rng.choice(_HEADER_MISREAD) + m.group("rest")

    _assert_steps_read_when_damaged(seed, _STEP_HEADER, 1.0, damage)


_MONTH_ROW = re.compile(r"^(?P<lead>\t*)ต\.ค\.(?P<rest>\t.*)$")
#: The twelve months as OCR read them off a 1-bit 200 dpi scan (Norasi): ``ธ.ค.`` and
#: ``ก.ย.`` lost, ``ก.ค.`` the one read whole, marks added (``กูุพ.``).
_MONTHS_READ = ("aa.", "พุย.", "ก.ค.", "มคค.", "กูุพ.", "มีค", "เมย.", "พ.ุค", "มิย", "กุค",
                "ส.ุค", "ก.ุ")


@pytest.mark.parametrize("seed", range(8))
def test_month_row_ocr_misread_past_its_months_is_no_step(seed: int) -> None:
    """``aa. พุย. ธ.ศ. มคค. กูุพ. ...``: its first month read like a step's number and
    marks added to its letters, the header's month row is still no step."""
    def damage(m: re.Match[str], rng: random.Random) -> str:
        if rng.random() < 0.5:  # as a 1-bit 200 dpi scan read it: one month left whole
            return m.group("lead") + "\t".join(_MONTHS_READ)
        rest = m.group("rest")  # or its first month only and marks added to a few
        for month, misread in (("พ.ย.", "พุย."), ("ก.พ.", "กูุพ."), ("ส.ค.", "ส.ุค")):
            rest = rest.replace(month, misread)
        return f"{m.group('lead')}aa.{rest}"

    _assert_steps_read_when_damaged(seed, _MONTH_ROW, 1.0, damage)


#: What OCR reads a heading's Thai word as on a 1-bit 200 dpi scan: a letter misread
#: (``อ`` as ``ถ``, ``็`` as ``้``) and the word split by a space, its bracketed English
#: read right.
_SPLIT_HEADING_JUNK = ("จุดถ่อ น", "จุดแข้ ง", "โอกาล ส", "กุปสรร ค")


@pytest.mark.parametrize("seed", range(8))
def test_swot_heading_whose_misread_thai_word_ocr_split_keeps_its_kind(seed: int) -> None:
    """``จุดถ่อ น (Weakness)``: the items under it are weaknesses, not the kind above."""
    assert_swot_headings_misread(seed, _SPLIT_HEADING_JUNK)

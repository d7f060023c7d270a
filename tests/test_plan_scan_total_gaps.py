"""A budget total whose first thousands comma OCR read as a gap, or whose label OCR misread.

The budget tables of generated plans (``bench/corpus``) are written as OCR gives a
table without ruled cells (its cells apart by spaces), and each ``รวมงบประมาณทั้งสิ้น``
total has its first thousands comma read as a space (``๔ ๑๕๕,๘๐๐ บาท`` for
``๔,๑๕๕,๘๐๐ บาท``, on a 150 dpi 1-bit scan): the total was loaded as the digits after
the gap (``155800``), a wrong number. A total's label never ends in a number, so the
digits before the gap are the amount's first. A routine list's short ``รวม`` misread
(``ธรม ๒๒,๒๕๕,๔๐๐ บาท``) was taken for the rest of the last item, whose budget became
the total's.

The truth is the generated values.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from read_back import records_of

#: An amount's first thousands comma (more groups after it).
_FIRST_COMMA = re.compile(r"(?<=[0-9๐-๙]),(?=[0-9๐-๙]{3}[,.\s])")


def _as_ocr_reads(text: str, comma_gap: bool = True) -> str:
    """The plan's budget tables with their cells apart by spaces, each total's first
    thousands comma read as a space (when ``comma_gap``)."""
    out: list[str] = []
    inside = False
    for line in text.split("\n"):
        inside = (inside or (line.startswith("ลำดับ") and "งบประมาณ" in line)) \
            and bool(line.strip())
        if inside or line.startswith("รวม"):
            line = re.sub(r"\t+", " ", line).strip()
        if comma_gap and line.startswith("รวมงบประมาณทั้งสิ้น"):
            line = _FIRST_COMMA.sub(" ", line, count=1)
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("seed", range(6))
def test_total_whose_first_comma_ocr_read_as_a_gap_is_read_whole(seed: int) -> None:
    generated = GENERATORS["plan"](random.Random(seed))
    text = _as_ocr_reads(generated.text)
    assert re.search(r"รวมงบประมาณทั้งสิ้น [0-9๐-๙]{1,3} [0-9๐-๙]{3}", text), \
        "the test damages a total"
    got = records_of(extract, text, screened=False).get("plan_sections", [])
    assert [(s.section, s.stated_total_thb) for s in got] == [
        (s["section"], Decimal(s["stated_total_thb"])) for s in generated.tables["plan_sections"]]



#: What OCR reads a routine list's short total label ``รวม`` as, on a line of its own.
_TOTAL_LABELS = ("ธรม", "จ๊วม", "sou", "ธรวม")


@pytest.mark.parametrize("seed", range(6))
def test_total_whose_short_label_ocr_misread_is_the_total(seed: int) -> None:
    """``ธรม ๒๒,๒๕๕,๔๐๐ บาท`` under the routine list's last item: the list's total, not
    the last item's budget (the item keeps its own amount)."""
    generated = GENERATORS["plan"](random.Random(seed))
    label = random.Random(seed).choice(_TOTAL_LABELS)
    text, count = re.subn(r"^รวม(?= [0-9๐-๙,.\-]+ บาท$)", label,
                          _as_ocr_reads(generated.text, comma_gap=False), flags=re.M)
    assert count == 1, "the routine list has one total"
    records = records_of(extract, text, screened=False)
    assert [(s.section, s.stated_total_thb, s.computed_total_thb)
            for s in records.get("plan_sections", [])] == [
        (s["section"], Decimal(s["stated_total_thb"]), Decimal(s["computed_total_thb"]))
        for s in generated.tables["plan_sections"]]
    assert [(p.section, p.budget_thb) for p in records.get("plan_projects", [])] == [
        (p["section"], None if p["budget_thb"] is None else Decimal(p["budget_thb"]))
        for p in generated.tables["plan_projects"]]

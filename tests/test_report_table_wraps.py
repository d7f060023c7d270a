"""A report register whose rows wrap as Word and LibreOffice set them, and other headings.

A Word table with narrow columns wraps a row over several lines: the first holds
every cell, the next only the wrapped parts — a date cut inside its year
(``03/11/2`` / ``566``), an amount cut in its satang (``120,250.`` / ``00``), the
narrative's next words — with the trailing empty cells left off, and once the
other cells have ended the narrative's last lines stand alone (``รายงานผล`` /
``ต่อผู้บังคับ``). Read as they were, such a line ended the table: every later
report was lost and the wrapped ones kept a cut date and narrative. A detail
column headed ``รายละเอียดความก้าวหน้า`` named no column, so no register was found.

The registers are generated (bench/corpus: a form's head and reports from known
values) and given as the text a reader makes of such a print (tab cells); the
truth is the values they were written from.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import pytest

from bma_etl.layouts import legacy_progress_form

from corpus import forms
from ocr_text import thai_wrapped
from read_back import assert_rows_read, records_of

FIELDS = ("seq_label", "report_date", "progress_pct", "budget_disbursed_thb", "on_plan",
          "on_target", "detail")
PLAN = {True: "เป็นไปตามแผน", False: "ไม่เป็นไปตามแผน"}
TARGET = {True: "เป็นไปตามเป้าหมาย", False: "ไม่เป็นไปตามเป้าหมาย"}
#: Detail headings agencies print, each naming the narrative's column.
DETAIL_HEADINGS = ("รายละเอียดความก้าวหน้า", "รายละเอียดความคืบหน้า", "รายละเอียดความก้าวหน้าของงาน")


def _be_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d:02d}/{m:02d}/{y + 543}"


def _register(seed: int, reports: int, heading: str) -> tuple[list[dict[str, Any]], list[str]]:
    rng = random.Random(seed)
    _project, rows, head = forms._form_head(rng, reports, sentences=2)
    head.append("\t".join(["ครั้งที่", "วันที่รายงาน", heading, "ร้อยละความก้าวหน้า",
                           "งบประมาณที่เบิกจ่าย (บาท)", "เป็นไปตามแผน", "เป็นไปตามเป้าหมาย"]))
    return rows, head


def _wrapped_row(r: dict[str, Any], rng: random.Random) -> list[str]:
    """One report as Word wraps it in narrow columns (tab cells, trailing empties off)."""
    date, amount = _be_date(r["report_date"]), f"{Decimal(r['budget_disbursed_thb']):,.2f}"
    detail = thai_wrapped(r["detail"], rng.randint(14, 30))
    date_cut, amount_cut = rng.randint(7, 9), len(amount) - rng.randint(1, 2)
    first = [str(r["seq_label"]), date[:date_cut], detail[0], r["progress_pct"],
             amount[:amount_cut], PLAN[r["on_plan"]], TARGET[r["on_target"]]]
    second = ["", date[date_cut:], detail[1] if len(detail) > 1 else "", "", amount[amount_cut:]]
    return ["\t".join(first), "\t".join(second), *detail[2:]]


@pytest.mark.parametrize("heading", DETAIL_HEADINGS)
def test_a_detail_column_headed_with_its_progress_is_read(heading: str) -> None:
    reports, lines = _register(7, 5, heading)
    for r in reports:
        lines.append("\t".join([str(r["seq_label"]), _be_date(r["report_date"]), r["detail"],
                                r["progress_pct"], f"{Decimal(r['budget_disbursed_thb']):,.2f}",
                                PLAN[r["on_plan"]], TARGET[r["on_target"]]]))
    text = "\n".join([*lines, *forms._FOOTER])
    got = records_of(legacy_progress_form.extract, text, ocr_used=False)
    assert_rows_read("progress_updates", got.get("progress_updates", []), reports, FIELDS)


@pytest.mark.parametrize("seed", range(4))
def test_rows_word_wrapped_over_lines_read_whole(seed: int) -> None:
    rng = random.Random(seed)
    reports, lines = _register(100 + seed, rng.randint(4, 9), DETAIL_HEADINGS[0])
    for r in reports:
        lines += _wrapped_row(r, rng)
    text = "\n".join([*lines, *forms._FOOTER])
    got = records_of(legacy_progress_form.extract, text, ocr_used=False)
    assert_rows_read("progress_updates", got.get("progress_updates", []), reports, FIELDS)


def test_a_line_after_the_table_is_no_narrative() -> None:
    """A one-cell line after the last row (the form's certification) is not glued on."""
    reports, lines = _register(131, 3, DETAIL_HEADINGS[0])
    rng = random.Random(131)
    for r in reports:
        lines += _wrapped_row(r, rng)[:2]
    text = "\n".join([*lines, *forms._FOOTER])
    got = records_of(legacy_progress_form.extract, text, ocr_used=False)
    read = got.get("progress_updates", [])
    assert len(read) == 3
    assert all(forms._FOOTER[1][:10] not in (r.detail or "") for r in read)


def test_a_lone_line_with_another_fields_label_is_no_wrap() -> None:
    """A line of one cell that starts with a column's label (``** อุปสรรคของโครงการ :``)
    states that field: it does not go on the row's narrative."""
    reports, lines = _register(137, 2, DETAIL_HEADINGS[0])
    for r in reports:
        lines += _wrapped_row(r, random.Random(137))[:2]
    lines.insert(-2, "** อุปสรรคของโครงการ :ไม่มี")
    text = "\n".join([*lines, *forms._FOOTER])
    got = records_of(legacy_progress_form.extract, text, ocr_used=False)
    assert all("อุปสรรค" not in (r.detail or "") for r in got.get("progress_updates", []))


def test_a_heading_after_the_register_is_no_narrative_though_a_table_follows() -> None:
    """A heading after the register, then another table of the same width further down:
    the heading is not the last report's narrative."""
    reports, lines = _register(139, 3, DETAIL_HEADINGS[0])
    for r in reports:
        lines += _wrapped_row(r, random.Random(139))[:2]
    lines += ["", "3. ปัญหาและอุปสรรคในการดำเนินงาน",
              "\t".join(["ไตรมาส", "แผน", "ผล", "ร้อยละ", "งบประมาณ", "เบิกจ่าย", "คงเหลือ"]),
              "\t".join(["1", "10", "8", "80", "1,000", "800", "200"])]
    text = "\n".join([*lines, *forms._FOOTER])
    got = records_of(legacy_progress_form.extract, text, ocr_used=False)
    assert all("ปัญหาและอุปสรรค" not in (r.detail or "") for r in got.get("progress_updates", []))

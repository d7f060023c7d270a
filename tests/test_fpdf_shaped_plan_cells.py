"""Plan table cells whose gap a shaped fpdf2 print leaves narrower than a tab's.

fpdf2 with HarfBuzz shaping prints a plan's tab rows by moving its pen to the next
default tab stop; a cell whose text ends just before a stop leaves a gap the reader
takes for two spaces, or for one. Two kinds of damage follow, each trapped on text
built from generated values, then on the corpus's plan printed so:

- a flowing target row whose number the page cut at the line's end after such a
  gap (``…ผลิตภัณฑ์  ๒`` / ``๑ ราย ๔๐ ผลิตภัณฑ์``; after one space, or none:
  ``…ผลิตภัณฑ์๑`` / ``๖ ราย``, ``…พ.ศ. ๒๕๕๘ ๓`` / ``๙ ชุมชน``) lost the number's first
  digits to the target before;
- the routine list's header with its ``ด้าน/แผนงาน`` and ``รายการ/โครงการ`` in one
  cell was read as a table of tabs, its group cell taken for the project's name.

The truth is the values the plans were generated from.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import Raw, RepairedText
from bma_etl.layouts.plan_flow_kpi import flow_targets

from corpus.build import GENERATORS
from corpus_prints import corpus_fpdf_print
from read_back import assert_read_as_generated, assert_rows_read, records_of

_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
HEAD = "แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๗\nสำนักงานการต่างประเทศ\n\n"
YEARS = ["๒๕๖๓", "๒๕๖๔", "๒๕๖๕", "๒๕๖๖", "๒๕๖๗"]
NAME = "ระดับความสำเร็จในการจัดกิจกรรมกระชับและส่งเสริมความสัมพันธ์กับเมืองพี่เมืองน้อง"


def _targets(text: str) -> list[tuple[object, object, object]]:
    doc = RepairedText.of(f"{HEAD}ตัวชี้วัดเป้าประสงค์\n\nลำดับที่ ตัวชี้วัด ค่าเป้าหมาย\n"
                          f"{' '.join(YEARS)}\n{text}\n\nแนวทางการประเมินผล\n")
    rows = [{k: v.text if isinstance(v, Raw) else v for k, v in f.row.fields.items()}
            for f in flow_targets(doc, list(doc.lines()), set())]
    return [(r["name"], r["year_be"], r["target_text"]) for r in rows]


#: A row's targets: two numbers, or a number and a year; a print leaves a gap between
#: two that the reader takes for two spaces, one, or none.
SHAPES = ("{a} ราย {b} ผลิตภัณฑ์", "{a} ชุมชน ภายในปี พ.ศ. ๒๕{b}")


@pytest.mark.parametrize("gap", ["  ", " ", ""])
@pytest.mark.parametrize("seed", range(4))
def test_a_target_number_cut_at_a_line_end_is_whole(seed: int, gap: str) -> None:
    rng = random.Random(seed)
    first, second = rng.randint(10, 60), rng.randint(10, 60)
    shape = SHAPES[seed % 2] if gap else SHAPES[0]  # a year and a number keep a gap
    targets = [shape.format(a=first + k, b=second + k).translate(_THAI) for k in range(5)]
    cut = rng.randint(1, 3)  # the target whose number the line's end cuts after its first digit
    row = gap.join(targets)
    at = row.index(targets[cut]) + 1
    assert _targets(f"๑ {NAME} {row[:at]}\n{row[at:]}") == [
        (NAME, year, target) for year, target in zip(YEARS, targets, strict=True)]


def test_a_name_ending_in_a_number_at_a_line_end_keeps_it() -> None:
    """``ระยะที่ ๒`` ends the name's line, the targets' first number opens the next:
    a number after a word of the name, no target's unit, is no number cut."""
    name = "ระดับความสำเร็จของแผนพัฒนาเมือง ระยะที่ ๒"
    targets = [f"{a} ราย {a + 3} ผลิตภัณฑ์".translate(_THAI) for a in range(5, 10)]
    assert _targets(f"๑ {name}\n{'  '.join(targets)}") == [
        (name, year, target) for year, target in zip(YEARS, targets, strict=True)]


def test_the_targets_of_a_shaped_print_keep_a_number_cut_at_a_line_end(tmp_path: Path) -> None:
    # corpus seed 593's fourth plan, fpdf2-shaped in Sarabun (16 pt, A4 portrait): a
    # target row wrapped ``…๓๙ ผลิตภัณฑ์  ๒`` / ``๑ ราย ๔๐ ผลิตภัณฑ์``
    doc, pdf = corpus_fpdf_print(tmp_path, 593, "plan", 3, "Sarabun", shaping=True)
    assert_read_as_generated(pdf, doc.truth, ["plan_indicators"])


@pytest.mark.parametrize("seed", range(4))
def test_a_routine_header_of_group_and_items_in_one_cell_reads_the_items(seed: int) -> None:
    generated = GENERATORS["plan"](random.Random(seed))
    header = "ด้าน/แผนงาน\tรายการ/โครงการ"
    assert header in generated.text
    want = [r for r in generated.tables["plan_projects"] if r["section"] == "routine"]
    text = generated.text.replace(header, header.replace("\t", " "))
    got = [r for r in records_of(extract, text, ocr_used=False, screened=False)
           .get("plan_projects", []) if r.section == "routine"]
    assert_rows_read("plan_projects", got, want, ("name", "budget_thb", "uses_budget"))


def test_the_routine_list_of_a_shaped_print_is_read(tmp_path: Path) -> None:
    # corpus seed 599's third plan, fpdf2-shaped in Norasi (12 pt, A4 landscape): the
    # routine list's header ``ลำดับที่`` / ``ด้าน/แผนงาน รายการ/โครงการ`` / ``งบประมาณ``
    doc, pdf = corpus_fpdf_print(tmp_path, 599, "plan", 2, "Norasi", shaping=True)
    assert_read_as_generated(pdf, doc.truth, ["plan_projects"])

"""A table's total row read as the rest of the project row above it (fpdf2 print).

fpdf2 prints a plan's project table at tab stops. A project that uses no budget
(``ไม่ใช้งบประมาณ``) whose name wraps onto the next page ends there with its budget
and its agency cells, and the table's total row under it (``รวมงบประมาณทั้งสิ้น`` ⇥
``๒๙,๕๘๕,๙๐๐.- บาท``) starts its cells in the same columns. The reader took the total
line for the rest of the project's cells: ``รวมงบประมาณทั้งสิ้น`` was joined into the
project's name, the section's total read as the project's budget (a wrong number
where the plan states none), the section's stated total lost and its computed
total doubled. A line whose first piece is a total's label and which states a
number in another column or at its end is a row of its own
(:func:`bma_etl.read.pdf_cuts.numbers_apart`). A step table's total under its last
step (``รวม 4 ขั้นตอน คิดเป็นร้อยละ 100 100``, its values set too close for tabs) was
joined into that step's description alike.

The truth is the values the corpus's plans were generated from.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_prints import corpus_fpdf_print
from read_back import assert_read_as_generated


@pytest.mark.parametrize(("seed", "k", "font"), [
    # corpus seed 2209's first plan, fpdf2 in Garuda (16 pt, A4 portrait)
    (2209, 0, "Garuda"),
])
def test_a_total_row_is_no_part_of_the_project_row_above(
        tmp_path: Path, seed: int, k: int, font: str) -> None:
    doc, pdf = corpus_fpdf_print(tmp_path, seed, "plan", k, font, shaping=False)
    assert_read_as_generated(pdf, doc.truth, ["plan_projects", "plan_sections"])


@pytest.mark.parametrize(("seed", "k", "font"), [
    # corpus seed 2209's third plan, fpdf2 in Laksaman (11 pt, A4 landscape)
    (2209, 2, "Laksaman"),
])
def test_a_step_table_total_is_no_part_of_the_last_step(
        tmp_path: Path, seed: int, k: int, font: str) -> None:
    doc, pdf = corpus_fpdf_print(tmp_path, seed, "plan", k, font, shaping=False)
    assert_read_as_generated(pdf, doc.truth, ["plan_steps"])

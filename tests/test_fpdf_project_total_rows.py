"""A flowing print's last project row and its table's total, read as one wrapped cell.

fpdf2 (shaped or not) prints a plan's project table at tab stops; a project's name
that wraps ends its last line with its amount at a stop (``…เขตปทุมวัน 13,924,200 บาท``,
the stop's gap read as a space), and the table's total row under it states its own
amount at the same stop (``รวมงบประมาณทั้งสิ้น 13,924,200 บาท``). The reader took the
total line for the rest of the project's cell: the total's words and amount were
joined into the project's name, its budget read as the total (a wrong number), the
section's stated total lost. Two lines whose piece in one column each ends with an
amount in baht are two rows (:func:`bma_etl.read.pdf_cuts.numbers_apart`).

The truth is the values the corpus's plans were generated from.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_prints import corpus_fpdf_print
from read_back import assert_read_as_generated


@pytest.mark.parametrize(("seed", "k", "font", "shaping"), [
    # corpus seed 1801's seventh plan, fpdf2 in Kinnari (16 pt, A4 landscape)
    (1801, 6, "Kinnari", False),
    # corpus seed 1803's third plan, fpdf2-shaped in Norasi (14 pt, A4 landscape)
    (1803, 2, "Norasi", True),
])
def test_a_project_row_and_the_total_under_it_stay_two_rows(
        tmp_path: Path, seed: int, k: int, font: str, shaping: bool) -> None:
    doc, pdf = corpus_fpdf_print(tmp_path, seed, "plan", k, font, shaping=shaping)
    assert_read_as_generated(pdf, doc.truth, ["plan_projects", "plan_sections"])

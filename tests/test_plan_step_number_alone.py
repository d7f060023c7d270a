"""A flowing step table whose next step sets its number alone keeps its steps.

fpdf2 sets a blank line between a plan's steps, and a step whose first word does
not fit its line with its number alone on that line (``2.`` / ``จัดทำรายงาน…``,
a long Thai run with no break in it). The run of tab lines the cell reader reads ends
at the blank line: it read step 1 whole, the table counted as read, and the flowing
reader left it alone: the steps after the blank line were lost (fpdf2 Norasi; fpdf2
with text shaping, Norasi). A step table whose cells stop at a blank line over the next
step in order is read as flowing text
(:func:`bma_etl.layouts.plan_steps.stops_before_next_step`).

Two plans generated (bench/corpus) and printed as the corpus builder prints the fourth
plan of seed 2337 (fpdf2, Norasi) and the second of seed 2319 (fpdf2-shaped, Norasi);
the truth is their steps.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_prints import corpus_fpdf_print
from read_back import assert_read_as_generated


@pytest.mark.parametrize(("seed", "k", "shaping"), [(2337, 3, False), (2319, 1, True)])
def test_steps_after_a_step_number_alone_are_read(tmp_path: Path, seed: int, k: int,
                                                  shaping: bool) -> None:
    doc, pdf = corpus_fpdf_print(tmp_path, seed, "plan", k, "Norasi", shaping=shaping)
    assert len(doc.truth["tables"]["plan_steps"]) >= 4
    assert_read_as_generated(pdf, doc.truth, ["plan_steps"])

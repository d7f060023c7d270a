"""A scoring level's last line at the foot of two pages in a row is no running footer.

A plan's scoring tables repeat their levels' wording for each indicator: level 2's
last line (``และรายงานผลต่อผู้บริหารกรุงเทพมหานคร 14``) of two indicators' tables
came to stand at the foot of two pages in a row. A line at one edge of two pages in
a row only is a section's own footer when other pages have a repeated line at that
edge too; the list items ``1.`` and ``2.`` a break left at the foot of pages one and
two counted as one, repeating only by their page's number, and both levels were
lost (fpdf2 with text shaping, Norasi). A line of no letter is no section's footer
(:func:`bma_etl.furniture_runs._others_repeat`).

The plan is generated (bench/corpus) and printed as the corpus builder prints its
third plan of seed 2113 (fpdf2-shaped, Norasi); the truth is its scoring levels.
"""

from __future__ import annotations

from pathlib import Path

from corpus_prints import corpus_fpdf_print
from read_back import assert_read_as_generated


def test_a_level_s_line_at_two_page_feet_in_a_row_stays_in_its_row(tmp_path: Path) -> None:
    doc, pdf = corpus_fpdf_print(tmp_path, 2113, "plan", 2, "Norasi", shaping=True)
    assert len(doc.truth["tables"]["plan_scoring_levels"]) >= 10
    assert_read_as_generated(pdf, doc.truth, ["plan_scoring_levels"])

"""A flowing scoring table's last level at a page's foot, the next definitions at the next top.

An fpdf2 plan printed as flowing text set a scoring table's last level (``1 ร้อยละ 60
ของน้ำหนักคะแนน … 18``) at a page's foot and the next measure's definition table at
the next page's top, its header's first two cells run together
(``มาตรการตัวชี้วัดมาตรการ``). That header was left out as a table header repeated
over a page, and not taken back as the one opening the definitions (only a header
with its cells apart was): the definition row's lines ran on into the level, and both
the level (no longer ending with its score) and the definition were lost. A level's
lines up to a page's end that read as one whole level are that level
(:func:`bma_etl.layouts.plan_flow_levels._whole_at_page_end`), and a definition header
run together opens its table as one set apart does
(:func:`bma_etl.layouts.annual_action_plan._flow_lines`).

The plan is generated (bench/corpus) and printed as the corpus builder prints its
fifth plan of seed 2325 (fpdf2, Norasi); the truth is its scoring levels and its
measures' definitions.
"""

from __future__ import annotations

from pathlib import Path

from corpus_prints import corpus_fpdf_print
from read_back import assert_read_as_generated


def test_a_level_at_a_page_foot_and_the_definitions_after_it_keep_their_rows(
        tmp_path: Path) -> None:
    doc, pdf = corpus_fpdf_print(tmp_path, 2325, "plan", 4, "Norasi", shaping=False)
    assert len(doc.truth["tables"]["plan_scoring_levels"]) >= 10
    assert_read_as_generated(pdf, doc.truth, ["plan_scoring_levels", "plan_kpi_definitions"])

"""A plan fpdf2 printed with tab stops in a wide Thai font (Garuda).

bench/corpus ``fpdf2-shaped``: plain flowing text, each tab the next default tab
stop; a wide font leaves a table's cells a word space apart, or a cell's last
word cut at the margin onto the next line (``กองยุ`` / ``ทธศาสตร์ฯ``).

- A unit's name a wrap cut is no section heading: ``ทธศาสตร์ฯ`` is
  ``ยุทธศาสตร์`` a letter short only as OCR misreads, and a text layer's letters
  are as written (:func:`bma_etl.layouts.plan_budget_sections.is_heading`); read
  as one, with the next section's header three lines down, it ended the budget
  table before its total.
- A multi-year target's header row (``2561 2562``), its years set a word space
  apart under ``ตัวชี้วัด``, is a row of its own, no rest of that header cell
  (:func:`bma_etl.read.pdf_cuts.years_row`): joined to it, the indicators'
  years were lost, and their rows with them.

- A step whose number stands alone on its line (``3.``, its description a run too
  long to follow it) and whose last line ends a page is no row the next page's
  first line (``4. เผยแพร่…``) goes on: the item the row goes on is looked for up
  to three lines above it (:func:`bma_etl.read.pdf_cutrows.join_cut_row`).

The plan is generated (bench/corpus, drawn as the corpus builder draws its fourth
plan of seed 149) and printed in Garuda and Loma; the truth is its projects,
sections, indicators and steps as generated.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS, _rng
from corpus.score import score
from thai_fonts import font_file

TABLES = ("plan_projects", "plan_sections", "plan_indicators", "plan_steps")



@pytest.mark.parametrize("font", ["Garuda", "Loma"])
def test_a_tab_stop_plan_in_a_wide_font_reads_its_tables(tmp_path: Path, font: str) -> None:
    doc = GENERATORS["plan"](_rng(149, "plan", 3))
    pdf = tmp_path / f"plan.{font}.pdf"
    render.render_fpdf(doc, pdf, font, font_file(font), _rng(149, "plan", 3, "fpdf2-shaped"),
                       shaping=True)
    truth = {"tables": {t: doc.truth["tables"][t] for t in TABLES}}
    assert all(truth["tables"][t] for t in TABLES)
    result = score(process_file(pdf), truth)
    assert result.total > 0 and result.lost == [], result.lost[:6]

"""A plan's project name or step whose justified first line splits its number from its words.

``chromium-land`` (Chromium's print on A4 landscape, borderless tables, all text
``text-align: justify``) spreads a wrapped project cell's first line, ``1. โครงการ…เขต``,
to the column's edge: the gap after the item's number grows as wide as a cell gap
and the line reads ``1.`` ⇥ ``โครงการ…เขต``. The paragraph's last line, not spread,
starts where ``1.`` does and runs across where ``โครงการ`` starts (``บางขุนเทียน …``):
it was read as the number's cell, and the name lost its end.

The plan is generated from known values (bench/corpus, seed 3621); the truth is its
projects.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import render
from corpus.build import GENERATORS, _rng
from read_back import assert_read_as_generated
from thai_fonts import font_file


@pytest.mark.parametrize("font", ["Sarabun", "Loma"])
def test_justified_project_name_over_two_lines(font: str, tmp_path: Path) -> None:
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    doc = GENERATORS["plan"](_rng(3621, "plan", 1))
    pdf = tmp_path / "plan.chromium-land.pdf"
    render.render_chromium(doc, pdf, font, font_file(font),
                           _rng(3621, "plan", 1, "chromium-land"), borderless=True, pt=16)
    assert_read_as_generated(pdf, doc.truth, tables=("plan_projects",))


@pytest.mark.parametrize(("font", "steps_pct"), [("Sarabun", 18), ("Kinnari", 14)])
def test_justified_step_over_lines_of_its_own(font: str, steps_pct: int,
                                              tmp_path: Path) -> None:
    """A step's first line spread (``1.`` ⇥ ``สืบค้น``), its words one line each below.

    The step's cell alone is one row of the table: its next lines (``ค้นคว้า และ``,
    ``วางแผนการ`` …) run across where ``สืบค้น`` starts, so that start is no column and
    the lines are the step's words, not text after the table.
    """
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    doc = GENERATORS["plan"](_rng(3621, "plan", 1))
    pdf = tmp_path / "plan.chromium-land.pdf"
    render.render_chromium(doc, pdf, font, font_file(font),
                           _rng(3621, "plan", 1, "chromium-land"), borderless=True, pt=16,
                           steps_pct=steps_pct)
    assert_read_as_generated(pdf, doc.truth, tables=("plan_steps",))

"""Poppler's ``pdftotext -layout``: a form's report table and a plan's budget tables.

``-layout`` sets a table's columns side by side, a cell its column wraps going on at
the next lines in the same column; a cell too long for its column pushes the next
one right, one space after it; a page break repeats the header in the middle of a
row. Read as written every report's narrative and flags were NULL and a plan's
project names cut at their wrap (``interleaved_columns``), or read into the next
cell (wrong). :mod:`bma_etl.read.text_layout` reads such tables back into rows.

The documents are generated (``bench/corpus``), printed by Chromium in Sarabun and
dumped by ``pdftotext -layout`` (``make venv`` installs poppler-utils); the values
read are compared with the generated ones. The plans are cut before their KPI
tables (which the text is left as dumped for: see the module).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS, _rng
from corpus.score import score
from thai_fonts import font_file

#: The plan's tables the budget summary fills (its KPI tables cut off).
_PLAN_TABLES = ("plans", "plan_projects", "plan_sections", "plan_swot_items")


def _layout_dump(doc: Any, seed: int, generator: str, tmp_path: Path) -> Path:
    if shutil.which("pdftotext") is None:
        pytest.fail("needs pdftotext: apt-get install poppler-utils (make venv does)")
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    pdf = tmp_path / "printed.pdf"
    render.render_chromium(doc, pdf, "Sarabun", font_file("Sarabun"),
                           _rng(seed, generator, 0, "chromium"))
    dump = tmp_path / "dump.txt"
    subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(pdf), str(dump)], check=True)
    return dump


@pytest.mark.parametrize(("generator", "seed"), [
    ("legacy_tab", 4),  # Thai digits; row 1 on its page alone
    ("legacy_html", 6),  # a header over row 1; a flag pushed right of a long narrative
    ("legacy_html", 1),  # a page break in row 3: the header repeated, its rest under it
    ("legacy_pipe", 2),
])
def test_a_form_dumped_with_layout_reads_its_reports(
        generator: str, seed: int, tmp_path: Path) -> None:
    doc = GENERATORS[generator](_rng(seed, generator, 0))
    result = score(process_file(_layout_dump(doc, seed, generator, tmp_path)),
                   json.loads(doc.truth_json()))
    wrong = [lost for lost in result.lost if lost[2] is not None]
    assert not wrong, wrong[:4]
    assert result.right >= result.total - 1, result.lost[:6]  # main: 12 to 40 NULL


@pytest.mark.parametrize("seed", [1, 3])
def test_a_plan_dumped_with_layout_reads_its_budget_tables(seed: int, tmp_path: Path) -> None:
    # seed 1: the strategic table's header at the foot of page 1, its rows on page 2
    doc = GENERATORS["plan"](_rng(seed, "plan", 0))
    doc.text = doc.text[:doc.text.index("การนำแผนฯ")]
    doc.tables = {name: rows for name, rows in doc.tables.items() if name in _PLAN_TABLES}
    result = score(process_file(_layout_dump(doc, seed, "plan", tmp_path)),
                   json.loads(doc.truth_json()))
    assert not result.lost, result.lost[:6]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_plan_dumped_in_reading_order_loads_without_its_projects(
        seed: int, tmp_path: Path) -> None:
    # without -layout poppler writes the budget tables a cell a line, a wrapped name's
    # rest after the row: no project is read, but the plan is one (it was quarantined:
    # "no budget table after the summary heading")
    doc = GENERATORS["plan"](_rng(seed, "plan", 0))
    doc.text = doc.text[:doc.text.index("การนำแผนฯ")]
    doc.tables = {name: rows for name, rows in doc.tables.items() if name in _PLAN_TABLES}
    dump = _layout_dump(doc, seed, "plan", tmp_path)
    subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "printed.pdf"), str(dump)],
                   check=True)
    processed = process_file(dump)
    result = score(processed, json.loads(doc.truth_json()))
    assert result.layout == "annual_action_plan"
    wrong = [lost for lost in result.lost if lost[2] is not None]
    assert not wrong, wrong[:4]
    assert not {"plans.agency", "plans.fiscal_year_be"} & {lost[0] for lost in result.lost}
    assert "plan_projects" not in processed.tables or not processed.tables["plan_projects"]
    found = {(i.code, i.message.split(":")[0]) for i in processed.tables["quality_issues"]}
    assert any(code == "unparsed_line" for code, _ in found), found

"""A budget table's budget cell and unit cell run together in one cell.

A print whose gap between the budget column and the unit column is read as a
space gives one cell ``๑๑,๕๐๘,๔๐๐.๐๐ บาท ส่วนคดี`` (or ``ไม่ใช้งบประมาณ ส่วนโยธา``),
in the budget column or shifted a column right of it (fpdf2 with Norasi: tab
stops after a short name). The budget was taken as unstated, the amount and unit
as the unit: ``budget_thb`` NULL, ``responsible_unit`` ``๑๑,๕๐๘,๔๐๐.๐๐ บาท ส่วนคดี``
and the section's computed total 0. An amount in baht or ไม่ใช้งบประมาณ is never a
unit's name: the words after it are the unit. A unit cell that holds an amount
anywhere is a budget unread, never unstated: the section's computed total is NULL.

Plans are generated (bench/corpus) and their rows glued as such prints read them;
one is rendered by fpdf2 in Norasi. The truth is the values generated.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

from bma_etl.pipeline import process_file

from conftest import font_file
from corpus import render
from corpus.build import GENERATORS, _rng
from corpus.doc import GeneratedDoc
from corpus.score import score

#: A project row's budget cell and the unit cell after it (amount or ไม่ใช้งบประมาณ).
_BUDGET_TAB_UNIT = re.compile(
    r"^([๐-๙0-9]+\.?\t[^\n]*?)\t((?:[๐-๙0-9,.]+ บาท|ไม่ใช้งบประมาณ))\t(?=\S)", re.MULTILINE)


def _budget_truth(doc: GeneratedDoc) -> dict[str, Any]:
    tables = copy.deepcopy(doc.truth["tables"])
    return {"tables": {name: tables[name] for name in ("plan_projects", "plan_sections")}}


def _plans(count: int) -> list[GeneratedDoc]:
    docs = [GENERATORS["plan"](_rng(1151, "plan", n)) for n in range(count)]
    assert all(_BUDGET_TAB_UNIT.search(d.text) for d in docs), "no budget rows to glue"
    return docs


def test_a_budget_and_unit_in_one_cell(tmp_path: Path) -> None:
    for i, doc in enumerate(_plans(4)):
        path = tmp_path / f"plan_{i}.txt"
        path.write_text(_BUDGET_TAB_UNIT.sub(r"\1\t\2 ", doc.text), encoding="utf-8")
        result = score(process_file(path), _budget_truth(doc))
        assert result.total > 0 and result.lost == [], result.lost[:6]


def test_a_budget_and_unit_in_one_cell_a_column_right(tmp_path: Path) -> None:
    for i, doc in enumerate(_plans(4)):
        path = tmp_path / f"plan_{i}.txt"
        path.write_text(_BUDGET_TAB_UNIT.sub(r"\1\t\t\2 ", doc.text), encoding="utf-8")
        result = score(process_file(path), _budget_truth(doc))
        assert result.total > 0 and result.lost == [], result.lost[:6]


def test_an_amount_after_the_unit_leaves_no_sum(tmp_path: Path) -> None:
    """The amount after the unit's words in the unit cell, the budget cell empty: the
    budget is unread, so the section's computed total is NULL, never 0."""
    doc = _plans(1)[0]
    text = _BUDGET_TAB_UNIT.sub(lambda m: f"{m[1]}\t\t" + (
        "ส่วนคดี " + m[2] if "บาท" in m[2] else m[2] + "\t"), doc.text)
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    result = process_file(path)
    sums = [s.computed_total_thb for s in result.rows("plan_sections")]
    assert sums and all(s is None or s > 0 for s in sums), sums


def test_a_budget_and_unit_in_one_cell_in_an_fpdf2_print(tmp_path: Path) -> None:
    """fpdf2, Norasi: tab stops after a short name shift the glued cell a column right."""
    doc = GENERATORS["plan"](_rng(1817, "plan", 5))
    for shaped in (False, True):
        pdf = tmp_path / f"plan_{shaped}.pdf"
        producer = "fpdf2-shaped" if shaped else "fpdf2"
        render.render_fpdf(doc, pdf, "Norasi", font_file("Norasi"),
                           _rng(1817, "plan", 5, producer), shaping=shaped)
        result = score(process_file(pdf), _budget_truth(doc))
        assert result.total > 0 and result.lost == [], result.lost[:6]

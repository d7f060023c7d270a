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
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS, _rng
from corpus.doc import GeneratedDoc
from corpus.score import score
from thai_fonts import font_file

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
    budget is unread, so the section's computed total is NULL, never 0. Only the first
    item is printed so: the other sections' budgets are all read, their totals known."""
    doc = _plans(1)[0]
    text = _BUDGET_TAB_UNIT.sub(lambda m: f"{m[1]}\t\t" + (
        "ส่วนคดี " + m[2] if "บาท" in m[2] else m[2] + "\t"), doc.text, count=1)
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    result = process_file(path)
    sums = {s.section: s.computed_total_thb for s in result.rows("plan_sections")}
    truth = doc.truth["tables"]["plan_sections"]
    first = doc.truth["tables"]["plan_projects"][0]["section"]
    assert sums == {s["section"]: None if s["section"] == first
                    else Decimal(s["computed_total_thb"]) for s in truth}


#: A project row: its number and name, its budget cell (amount or ไม่ใช้งบประมาณ), its unit.
_BUDGET_ROW = re.compile(
    r"^([๐-๙0-9]+\.?\t[^\n]*?)\t([๐-๙0-9,.]+ บาท|ไม่ใช้งบประมาณ)\t([^\t\n]*)", re.MULTILINE)


def _words_after_the_budget(doc: GeneratedDoc, words: tuple[str, ...]
                            ) -> tuple[str, dict[str, str]]:
    """The plan with each row's unit cell emptied and ``words`` (in turn) after its
    budget; and those words by the row's printed name and number (a table without a unit
    column is left as printed)."""
    said = iter(words * 20)
    glued: dict[str, str] = {}

    def glue(m: re.Match[str]) -> str:
        glued[m[1]] = next(said)
        return f"{m[1]}\t{m[2]} {glued[m[1]]}\t"
    return _BUDGET_ROW.sub(glue, doc.text), glued


def _read(tmp_path: Path, text: str) -> tuple[list[tuple[Any, Any]], dict[Any, Any]]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    result = process_file(path)
    return ([(p.budget_thb, p.responsible_unit) for p in result.rows("plan_projects")],
            {s.section: s.computed_total_thb for s in result.rows("plan_sections")})


def _known(doc: GeneratedDoc, glued: dict[str, str], unit: Any
           ) -> tuple[list[tuple[Any, Any]], dict[Any, Any]]:
    """The generated budgets and totals; the unit ``unit(words)`` of a row glued so."""
    tables = doc.truth["tables"]
    rows = []
    for p in tables["plan_projects"]:
        words = [w for printed, w in glued.items() if printed.endswith(p["name"])]
        assert len(words) <= 1, p["name"]
        rows.append((None if p["budget_thb"] is None else Decimal(p["budget_thb"]),
                     unit(words[0]) if words else p.get("responsible_unit")))
    assert len(glued) >= 3
    return (rows, {s["section"]: Decimal(s["computed_total_thb"])
                   for s in tables["plan_sections"]})


@pytest.mark.parametrize("words", [
    ("(หนึ่งล้านบาทถ้วน)", "งบประมาณกรุงเทพมหานคร", "เงินงบประมาณ", "(เงินนอกงบประมาณ)")])
def test_words_about_the_budget_after_it_are_no_unit(tmp_path: Path, words: tuple[str, ...]
                                                     ) -> None:
    """Words after the amount that name no organisation (the amount in words, the
    budget's source) are no unit: the unit cell is empty, so the unit is NULL."""
    for doc in _plans(3):
        text, glued = _words_after_the_budget(doc, words)
        assert _read(tmp_path, text) == _known(doc, glued, lambda _: None)


def test_a_unit_a_leading_vowel_opens_after_the_budget(tmp_path: Path) -> None:
    """A unit whose first letter is a vowel written before its consonant (เ แ โ ใ ไ)
    run into the budget cell is the unit, as one a consonant opens is."""
    units = ("โรงพยาบาลกลาง", "เขตดุสิต", "โรงเรียนวัดสระเกศ", "ฝ่ายโยธา")
    for doc in _plans(3):
        text, glued = _words_after_the_budget(doc, units)
        assert _read(tmp_path, text) == _known(doc, glued, lambda w: w)


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

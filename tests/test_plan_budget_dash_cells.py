"""A budget cell that holds a dash alone, or nothing, between the name and the unit.

Plans print ``-`` in the budget column for a project that uses no budget (as they
print ไม่ใช้งบประมาณ), or leave the cell empty. The tab table was taken for one
whose tabs are mere gaps and read from its lines: the unit ran into the project's
name (``… - ส่วนนิติการ``), the unit and ``uses_budget`` were lost and the section's
computed total was not stated. A dash states no budget (``uses_budget`` False); an
empty cell states nothing (``uses_budget`` NULL) and lists no amount, so the
section's sum is still that of its amounts.

Plans are generated (bench/corpus) with a no-budget project; their ไม่ใช้งบประมาณ
cells are printed as ``-`` or left empty, as text and by fpdf2 (a print read from
its lines: the dash alone between the name and the unit). The truth is the values
generated.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS, _rng
from corpus.doc import GeneratedDoc
from corpus.score import score
from read_back import records_of
from thai_fonts import font_file

NO_BUDGET = "\tไม่ใช้งบประมาณ\t"


def _plans_with_no_budget(count: int) -> list[GeneratedDoc]:
    docs = []
    for n in range(200):
        doc = GENERATORS["plan"](_rng(1128, "plan", n))
        if NO_BUDGET in doc.text:
            docs.append(doc)
        if len(docs) == count:
            break
    assert len(docs) == count, "the generator no longer writes no-budget projects"
    return docs


def _budget_truth(doc: GeneratedDoc) -> dict[str, Any]:
    tables = copy.deepcopy(doc.truth["tables"])
    return {"tables": {name: tables[name] for name in ("plan_projects", "plan_sections")}}


def test_a_dash_budget_cell_states_no_budget(tmp_path: Path) -> None:
    for i, doc in enumerate(_plans_with_no_budget(3)):
        path = tmp_path / f"plan_{i}.txt"
        path.write_text(doc.text.replace(NO_BUDGET, "\t-\t"), encoding="utf-8")
        result = score(process_file(path), _budget_truth(doc))
        assert result.total > 0 and result.lost == [], result.lost[:6]


def test_a_dash_alone_in_an_ocr_read_budget_cell_states_nothing() -> None:
    """On an OCR'd page a dash alone may be a speck where OCR lost the amount: the
    project's ``uses_budget`` is then NULL, never False; its name and unit are read."""
    for doc in _plans_with_no_budget(3):
        got = records_of(extract, doc.text.replace(NO_BUDGET, "\t-\t"), screened=False)
        want = [r for r in doc.tables["plan_projects"] if r.get("uses_budget") is False]
        assert want
        for row in want:
            read = [r for r in got["plan_projects"]
                    if (r.section, r.name) == (row["section"], row["name"])]
            assert len(read) == 1, row["name"]
            assert read[0].uses_budget is None
            assert read[0].responsible_unit == row["responsible_unit"]


def test_an_empty_budget_cell_keeps_the_unit_and_the_sum(tmp_path: Path) -> None:
    for i, doc in enumerate(_plans_with_no_budget(3)):
        path = tmp_path / f"plan_{i}.txt"
        path.write_text(doc.text.replace(NO_BUDGET, "\t\t"), encoding="utf-8")
        truth = _budget_truth(doc)
        for row in truth["tables"]["plan_projects"]:
            if row.get("uses_budget") is False:
                row["uses_budget"] = None  # an empty cell states nothing
        result = score(process_file(path), truth)
        assert result.total > 0 and result.lost == [], result.lost[:6]


def test_a_dash_budget_cell_in_a_pdf_print(tmp_path: Path) -> None:
    """fpdf2 sets the row at tab stops: the dash stands between the name and the unit."""
    docs = [GENERATORS["plan"](_rng(1177, "plan", 0))]
    assert NO_BUDGET in docs[0].text, "the generator no longer writes this plan's no-budget row"
    for i, doc in enumerate(docs + _plans_with_no_budget(1)):
        doc.text = doc.text.replace(NO_BUDGET, "\t-\t")
        pdf = tmp_path / f"plan_{i}.pdf"
        render.render_fpdf(doc, pdf, "Sarabun", font_file("Sarabun"),
                           _rng(1177, "plan", i, "fpdf2"), shaping=False)
        result = score(process_file(pdf), _budget_truth(doc))
        assert result.total > 0 and result.lost == [], result.lost[:6]

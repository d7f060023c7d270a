"""Row numbers written with a point after them (``1.``) in a plan's tables.

Some plans number their rows ``1.``, ``2.``: in the routine list's ลำดับ cell a
number with its point was taken for words, the tab table for one whose tabs are
mere gaps, and the group's name (``ด้านการบริหารทั่วไป``) ran into the first
project's. Plans are generated (bench/corpus) and their row numbers given a point;
the truth is the values generated.
"""

from __future__ import annotations

from pathlib import Path

from bma_etl.pipeline import process_file

from corpus.build import GENERATORS, _rng
from corpus.score import score


def _with_points(text: str) -> str:
    """Each table row's number (a first cell of digits, in a row of four cells) with a point."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        cells = line.split("\t")
        if len(cells) >= 4 and cells[0].isdigit():
            lines[i] = "\t".join([cells[0] + ".", *cells[1:]])
    return "\n".join(lines)


def test_budget_tables_numbered_with_points(tmp_path: Path) -> None:
    for n in range(4):
        doc = GENERATORS["plan"](_rng(1146, "plan", n))
        path = tmp_path / f"plan_{n}.txt"
        text = _with_points(doc.text)
        assert text != doc.text
        path.write_text(text, encoding="utf-8")
        tables = doc.truth["tables"]
        truth = {"tables": {name: tables[name] for name in ("plan_projects", "plan_sections")}}
        result = score(process_file(path), truth)
        assert result.total > 0 and result.lost == [], (n, result.lost[:6])


def test_scoring_levels_numbered_with_points(tmp_path: Path) -> None:
    """``5.`` in a scoring table's ระดับ column is level 5 (each table's five levels kept)."""
    for n in range(3):
        doc = GENERATORS["plan"](_rng(1143, "plan", n))
        tables = doc.truth["tables"]
        if not tables.get("plan_scoring_levels"):
            continue
        path = tmp_path / f"plan_{n}.txt"
        path.write_text(_with_points(doc.text), encoding="utf-8")
        truth = {"tables": {"plan_scoring_levels": tables["plan_scoring_levels"]}}
        result = score(process_file(path), truth)
        assert result.total > 0 and result.lost == [], (n, result.lost[:6])

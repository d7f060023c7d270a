"""A plan's table set side by side with spaces (``pdftotext -layout``): a name cut at its wrap.

Poppler's ``-layout`` writes a table's columns side by side, each line of the page one
line of text: a project's name wrapped in its cell goes on at the next line's same
place, beside the rest of its amount (``บาท``) and unit (``โครงการจัดทำแผนที่ภาพถ่ายทาง``
/ ``อากาศเชิงเลขกรุงเทพมหานคร``, the seventeenth outside tester's plan). The plan's
reader took the first line as the name: six names stored cut, no finding. A text
value read from one line of such a table whose cell goes on below, nothing left of
it, is now NULL with an ``interleaved_columns`` warning
(:func:`bma_etl.normalize.trust_clusters.drop_dump_misreads`).

Plans are generated from known values (bench/corpus); their budget tables are laid
out as ``-layout`` lays them (name cells 28 letters wide, wrapped as a page wraps
Thai, amounts over their ``บาท``); the truth is the generated plan.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus.build import GENERATORS, _rng
from corpus.score import score
from ocr_text import thai_wrapped
from plan_text import BUDGET_ROW


def _laid_out(text: str) -> str:
    """``text`` with its budget tables' rows set in columns as ``pdftotext -layout`` does."""
    out: list[str] = []
    for line in text.splitlines():
        m = BUDGET_ROW.match(line)
        if not m:
            out.append(line)
            continue
        amount, _, unit = m["rest"].partition("\t")
        name = thai_wrapped(m["name"], 28)
        money = amount.split(" ") if amount.endswith(" บาท") else thai_wrapped(amount, 8)
        units = thai_wrapped(unit, 10)
        for k in range(max(len(name), len(money), len(units))):
            cells = [m["no"] if k == 0 else "", *(
                part[k] if k < len(part) else "" for part in (name, money, units))]
            out.append(f"{cells[0]:<18}{cells[1]:<38}{cells[2]:<15}{cells[3]}".rstrip())
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("seed", [2, 3])
def test_a_name_cut_at_its_cell_s_wrap_is_null_not_its_first_line(
        seed: int, tmp_path: Path) -> None:
    doc = GENERATORS["plan"](_rng(seed, "plan", 0))
    path = tmp_path / "layout.txt"
    path.write_text(_laid_out(doc.text), encoding="utf-8")
    processed = process_file(path)
    result = score(processed, json.loads(doc.truth_json()))
    wrong = [lost for lost in result.lost
             if lost[2] is not None and lost[0].startswith("plan_projects.")]
    assert not wrong, wrong[:4]
    names = processed.tables["plan_projects"]
    assert any(p.name is None for p in names) and any(p.name is not None for p in names)
    codes = {i.code for i in processed.tables["quality_issues"]}
    assert "interleaved_columns" in codes

"""Sub-activity rows (``๑.๑ กิจกรรมย่อย…``) under a project of a plan's budget table.

Plans list a project's sub-activities under it, each in the name column with an
outline number and no budget. They were taken for the project's name broken over
rows and joined into it. plan_projects has no place for them: the project's name
is its own, and one finding names the sub-activities. Plans are generated
(bench/corpus) and sub-activity rows put under their first project; the truth is
the values generated.
"""

from __future__ import annotations

from pathlib import Path

from bma_etl.pipeline import process_file

from corpus.build import GENERATORS, _rng
from corpus.score import score

SUBS = ("๑.๑ กิจกรรมย่อยจัดประชุมชี้แจง", "๑.๒ กิจกรรมย่อยติดตามผล")


def _with_subs(text: str) -> str:
    """Sub-activity rows under the first numbered row of the first budget table."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        cells = line.split("\t")
        if len(cells) == 4 and cells[0].strip() in ("1", "๑"):
            return "\n".join(lines[:i + 1] + [f"\t{s}\t\t" for s in SUBS] + lines[i + 1:])
    raise AssertionError("no numbered row of four cells")


def test_sub_activities_stay_out_of_the_name(tmp_path: Path) -> None:
    for n in range(3):
        doc = GENERATORS["plan"](_rng(1126, "plan", n))
        path = tmp_path / f"plan_{n}.txt"
        path.write_text(_with_subs(doc.text), encoding="utf-8")
        processed = process_file(path)
        tables = doc.truth["tables"]
        truth = {"tables": {name: tables[name] for name in ("plan_projects", "plan_sections")}}
        result = score(processed, truth)
        assert result.total > 0 and result.lost == [], (n, result.lost[:6])
        named = [i.message for i in processed.tables["quality_issues"]
                 if "sub-activities" in i.message]
        assert len(named) == 1 and all(s in named[0] for s in SUBS), named

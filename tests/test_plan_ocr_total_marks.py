"""An OCR'd plan's total row read with marks that are not there, its next heading cut.

A landscape budget page scanned on a portrait sheet and turned back is read with a
cell rule's ticks as SARA U in the total's label (``รุวมุงบประมาณทั้งสิ้น``) and the next
section's heading cut into cells (``โครงการสำคัญต⇥าม⇥ภารกิจของ…``, the eighteenth outside
tester's scan). The total was not told: its label went onto the last project's unit,
the heading became a project of the section above, and every later project took its
neighbour's name and budget flag. The plans are generated (``bench/corpus``) and their
text damaged so; the truth is the generated values.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus.build import GENERATORS, _rng
from corpus.score import score


def _damaged(text: str) -> str:
    """Each total's label with SARA U after its first and third letters, each section
    heading after the first cut into cells inside a word."""
    out, headings = [], 0
    for line in text.splitlines():
        if line.startswith("รวมงบประมาณทั้งสิ้น"):
            line = "รุวมุ" + line.removeprefix("รวม")
        elif line.startswith("โครงการสำคัญตามภารกิจ"):
            line = "โครงการสำคัญต\tาม\t" + line.removeprefix("โครงการสำคัญตาม") + "\t\t\t"
            headings += 1
        out.append(line)
    assert headings == 1
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_total_read_with_stray_marks_ends_its_section(seed: int, tmp_path: Path) -> None:
    doc = GENERATORS["plan"](_rng(seed, "plan", 0))
    path = tmp_path / "plan.txt"
    path.write_text(_damaged(doc.text), encoding="utf-8")
    result = score(process_file(path), json.loads(doc.truth_json()))
    plan_lost = [lost for lost in result.lost if lost[0].startswith("plan_")]
    assert not plan_lost, plan_lost[:4]

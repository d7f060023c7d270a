"""A budget cell's ``ไม่ใช้งบประมาณ`` spread letter by letter still says the project has no budget.

LibreOffice prints a Thai-language Word file in distributed justification by
widening the gaps between a narrow cell's letters; where the reader cannot tell
the even gaps (a glyph's box wider than its advance makes one narrower), it
keeps a space in them: ``ไ ม่ใ ช้งบประมาณ``. The words were not read as the
budget's, so they ran into the project's name with the responsible unit after
them (``โครงการซ่อมแซมสวนสาธารณะขนาดเล็ก ไ ม่ใ ช้งบประมาณ ส่วนคดี``) and the row lost
its ``uses_budget`` and unit (:data:`bma_etl.normalize.digits.NO_BUDGET_RE`).

Plans generated from known values (bench/corpus), their no-budget cells spread as
such a print reads them; the truth is their projects.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from corpus.build import GENERATORS
from read_back import assert_read_as_generated

WORDS = "\tไม่ใช้งบประมาณ\t"
#: ``ไม่ใช้งบประมาณ`` as such prints read it: a space between any two of its letters
#: (inside ``ไม่``, ``ใช้``, ``งบ``, ``ประมาณ``, or between every one), the gap to the
#: next cell read as a tab or as a space (the unit run into the words).
SPREAD = ("\tไ ม่ใ ช้งบประมาณ\t", "\tไ ม่ใ ช้ง บประมาณ\t", "\tไม่ใ ช้งบประมาณ\t",
          "\tไม่ใช้งบประ มาณ ", " ไม่ใช้งบ ป ระมาณ\t", "\tไ ม่ ใ ช้ ง บ ป ร ะ ม า ณ ")


def _plans(count: int) -> list[object]:
    """The first ``count`` generated plans with a project that uses no budget."""
    found = []
    k = 0
    while len(found) < count:
        doc = GENERATORS["plan"](random.Random(f"spread-no-budget-{k}"))
        if WORDS in doc.text:
            found.append(doc)
        k += 1
    return found


@pytest.mark.parametrize("spread", SPREAD)
def test_spread_no_budget_words_read_as_no_budget(tmp_path: Path, spread: str) -> None:
    for k, doc in enumerate(_plans(2)):
        path = tmp_path / f"plan-{k}.txt"
        path.write_text(doc.text.replace(WORDS, spread), encoding="utf-8")
        assert_read_as_generated(path, doc.truth, ["plan_projects"])

"""A plan budget table's total row read onto its last item's row.

Plans are generated from known values (``bench/corpus``). Their text is damaged the
way a scanned Calc plan read (breaker's 300 dpi grey scan): the section's total row
``รวมงบประมาณทั้งสิ้น ⇥ 20,750,000.00 บาท`` ran into the last item's row, whose name
then held the item's amount, its unit and the total's label and whose budget was the
section's total; or the item's amount cell read as the total's. The truth is the
generated values: no item stores the total as its budget or a name holding the
label; those values are NULL with a ``plan_total_in_item`` issue, the others as
generated.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bma_etl.pipeline_file import process_file

from corpus.build import GENERATORS


def _damaged(seed: int, glue: bool) -> tuple[str, Any, str, int]:
    """The plan's text, its truth, the damaged section and the damaged item's seq."""
    generated = GENERATORS["plan"](random.Random(seed))
    lines = generated.text.split("\n")
    totals = [i for i, line in enumerate(lines) if line.startswith("รวมงบประมาณทั้งสิ้น")]
    sections = generated.tables["plan_sections"]
    k = next(j for j, s in enumerate(sections) if s["items"] >= 2)
    at = totals[k]
    item, total = lines[at - 1].split("\t"), lines[at].split("\t")
    if glue:  # the total row read onto the item's row, OCR's space inside its label
        if seed % 2:
            total[0] = total[0].replace("ประมาณ", "ปร ะมาณ")
        lines[at - 1] = "\t".join([item[0], " ".join(item[1:]) + " " + total[0], *total[1:]])
        del lines[at]
    else:  # the item's amount cell read as the total's
        lines[at - 1] = "\t".join([*item[:2], total[2], *item[3:]])
    last = [p for p in generated.tables["plan_projects"]
            if p["section"] == sections[k]["section"]][-1]
    return "\n".join(lines), generated, sections[k]["section"], last["seq"]


def _money(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@pytest.mark.parametrize("glue", [True, False])
@pytest.mark.parametrize("seed", range(3))
def test_total_row_read_onto_an_item_is_never_its_budget_or_name(
        tmp_path: Path, seed: int, glue: bool) -> None:
    """The damaged item's budget (and, glued, its name) is NULL with an issue; the rest right."""
    text, generated, section, seq = _damaged(seed, glue)
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    out = process_file(path)
    want = {p["seq"]: p for p in generated.tables["plan_projects"] if p["section"] == section}
    got = {p.seq: p for p in out.tables["plan_projects"] if p.section == section}
    assert set(got) == set(want)
    for n, project in got.items():
        if n == seq:
            assert project.budget_thb is None
            if glue:
                assert project.name is None
            continue
        assert _money(project.budget_thb) == _money(want[n]["budget_thb"])
        assert project.name == want[n]["name"]
    codes = {(q.table_name, q.field) for q in out.tables["quality_issues"]
             if q.code == "plan_total_in_item"}
    assert ("plan_projects", "budget_thb") in codes

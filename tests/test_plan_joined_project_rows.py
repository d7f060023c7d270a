"""Two project rows of a plan's routine list that a page break's join made one row.

ReportLab closes both parts of a ruled table a page break splits with rules of
their own; when the break falls between two project rows of one ``ด้าน/แผนงาน``
group, the second row (its first two cells empty) reads like the rest of the
first, and the reader joins them cell by cell: ``1. โครงการ ก 2. โครงการ ข`` and
``5,809,500 บาท 14,972,200 บาท``. The inputs are generated plans whose routine
list has such a pair, joined the way the reader joins cells; the truth is the
values the plans were generated from.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from bma_etl.layouts.plan_budget_items import items_in_cell
from bma_etl.pipeline import process_file

from corpus.build import GENERATORS
from corpus.score import score_tables

#: A routine-list row opening a group (``1<TAB>ด้าน…<TAB>1. โครงการ…<TAB>amount``)
#: and the group's next project row (its first two cells empty).
_GROUP_ROW = re.compile(r"^\d+\t[^\t]+\t\d+\.\s[^\t]+\t[^\t]+$")
_NEXT_ROW = re.compile(r"^\t\t\d+\.\s[^\t]+\t[^\t]+$")


def _joined(text: str) -> str | None:
    """``text`` with its first group row and the row after it joined cell by cell."""
    lines = text.split("\n")
    for i in range(len(lines) - 1):
        if _GROUP_ROW.match(lines[i]) and _NEXT_ROW.match(lines[i + 1]):
            first, second = lines[i].split("\t"), lines[i + 1].split("\t")
            lines[i] = "\t".join(f"{a} {b}".strip() for a, b in zip(first, second, strict=True))
            del lines[i + 1]
            return "\n".join(lines)
    return None


def test_joined_project_rows_read_as_their_projects(tmp_path: Path) -> None:
    tried = 0
    for k in range(40):
        doc = GENERATORS["plan"](random.Random(f"joined-projects-{k}"))
        text = _joined(doc.text)
        if text is None:
            continue
        tried += 1
        path = tmp_path / f"plan{k}.txt"
        path.write_text(text, encoding="utf-8")
        processed = process_file(path)
        truth = {"tables": {"plan_projects": doc.truth["tables"]["plan_projects"]}}
        right, total, lost = score_tables({"plan_projects": processed.rows("plan_projects")},
                                          truth)
        assert right == total, (k, lost[:4])
        if tried == 4:
            break
    assert tried == 4, "fewer than four generated plans have a group of two projects"


def test_one_project_whose_name_holds_a_number_and_a_point_stays_one() -> None:
    name = "1. โครงการพัฒนาสวน ระยะที่ 2. ก่อสร้าง"
    assert items_in_cell(name, (0, 1), 3, "5,000,000 บาท") is None  # one amount: one project
    assert items_in_cell(name, (0, 1), 3, "5,000,000 บาท 3,000,000 บาท") is not None
    assert items_in_cell("1. โครงการ ก 3. โครงการ ข", (0, 1), 3, "1,000 บาท 2,000 บาท") is None

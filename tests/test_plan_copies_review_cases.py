"""Plans copied a cell a line: three shapes a final review found read wrong or lost.

Generated plans (bench/corpus), copied as a PDF viewer or a word processor gives
them; the truth is the values they were generated from.

- A row whose responsible unit is the plan's own agency (a district office's plan):
  the unit's line also stands atop the first page (the title block), and beside the
  next row's bare number it looked like a running header at a page break, so the
  rows after it were lost or run together (a name over several rows, a seq WRONG).
- A copy with one page break, inside a row, under a running header: the page's
  bare number beside the running header was glued onto the next amount
  (2,657,300 stored as 12,657,300).
- A word processor's text export (an empty cell a blank line) whose total's label
  holds a count (``รวม 3 โครงการ``): the count was taken for the total's amount
  column, and every section's stated total was lost.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import plans
from corpus.doc import GeneratedDoc
from corpus.plan_copies import RUNNING_HEADERS, Pages, viewer_copy
from corpus.score import score

TABLES = ("plans", "plan_projects", "plan_sections")


def _truth(doc: GeneratedDoc, names: tuple[str, ...] = TABLES) -> dict:
    return {"tables": {n: doc.truth["tables"][n] for n in names}}


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("style", ["- {n} -", "{n}", "หน้า {n}"])
def test_a_row_whose_unit_is_the_agency_reads(seed: int, style: str, tmp_path: Path) -> None:
    rng = random.Random(seed)
    doc = plans.action_plan(rng)
    agency = doc.tables["plans"][0]["agency"]
    lines = doc.text.split("\n")
    row = next(r for r in doc.tables["plan_projects"] if r.get("responsible_unit")
               and sum(ln.endswith("\t" + r["responsible_unit"]) and f"\t{r['name']}\t" in ln
                       for ln in lines) == 1)
    at = next(i for i, ln in enumerate(lines)
              if ln.endswith("\t" + row["responsible_unit"]) and f"\t{row['name']}\t" in ln)
    lines[at] = lines[at][: -len(row["responsible_unit"])] + agency
    row["responsible_unit"] = agency
    doc.text = "\n".join(lines)
    running = None if style == "- {n} -" else RUNNING_HEADERS[0].format(
        year=doc.tables["plans"][0]["fiscal_year_be"], agency=agency)
    path = tmp_path / "plan.txt"
    path.write_text(viewer_copy(doc, Pages(style, False, running, False, False, 14), rng),
                    encoding="utf-8")
    result = score(process_file(path), _truth(doc, ("plans", "plan_projects")))
    assert result.lost == []


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("top", [False, True])
def test_one_page_break_inside_a_row_stores_no_wrong_value(seed: int, top: bool,
                                                            tmp_path: Path) -> None:
    rng = random.Random(seed)
    doc = plans.action_plan(rng)
    plan = doc.tables["plans"][0]
    running = RUNNING_HEADERS[seed % 4].format(year=plan["fiscal_year_be"], agency=plan["agency"])
    text = viewer_copy(doc, Pages("{n}", top, running, False, False, 500, in_row=True), rng)
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    result = score(process_file(path), _truth(doc))
    assert [lost[:3] for lost in result.lost if lost[2] is not None] == []  # lost, never wrong


@pytest.mark.parametrize("seed", range(3))
def test_a_total_labelled_with_a_count_keeps_its_amount(seed: int, tmp_path: Path) -> None:
    doc = plans.action_plan(random.Random(seed))
    out: list[str] = []
    rows = 0
    for line in doc.text.split("\n"):
        if "\t" not in line:
            out.append(line)
            continue
        cells = line.split("\t")
        if cells[0].startswith("รวม"):
            cells[0] = f"{cells[0]} {rows} โครงการ"
        rows = rows + 1 if re.fullmatch(r"[0-9๐-๙]+", cells[0]) else 0 \
            if cells[0].startswith("ลำดับ") else rows
        out += cells
    assert any(re.match(r"รวม.* [0-9]+ โครงการ$", ln) for ln in out), "no total: shows nothing"
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(out), encoding="utf-8")
    assert score(process_file(path), _truth(doc)).lost == []

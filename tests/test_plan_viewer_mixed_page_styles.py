"""A plan copied a cell a line whose front matter and tables are numbered in two styles.

A preface typed apart from the tables numbers its pages ``- 1 -`` (or ``หน้า 1``)
while the tables' pages are numbered bare, or the other way round. Before, one page
number anywhere printed in a style no row takes made every bare number alone inside
a row the name's: a table page's number was glued onto the name it cut
(``…และพื้นที่ใกล้เคียง 3``, WRONG), and bare numbers at the tables' running headers
were no longer known as pages' when the front matter's were in another style. Now
the page numbers around the row, among the tables' pages, decide. Generated plans
(:mod:`corpus.plan_copies`) are the truth.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import plans
from corpus.plan_copies import RUNNING_HEADERS, Pages, draw_pages, viewer_copy
from read_back import assert_read_as_generated

_TABLES = ("plans", "plan_projects", "plan_sections")


def _two_styles(rng: random.Random, doc: plans.GeneratedDoc, pages: Pages, front: str) -> str:
    """``doc`` copied with ``pages``, its pages before the first table numbered ``front``."""
    state = rng.getstate()
    before = viewer_copy(doc, replace(pages, style=front), rng).split("\n")
    rng.setstate(state)
    after = viewer_copy(doc, pages, rng).split("\n")
    table = next(i for i, line in enumerate(after) if line.startswith("ลำดับ"))
    return "\n".join(before[:table] + after[table:])


@pytest.mark.parametrize("seed", range(8))
def test_a_table_pages_bare_number_is_not_glued_to_a_name(tmp_path: Path, seed: int) -> None:
    # Bare page numbers, no running header, a page break inside a row; only the first
    # page's number printed ``- 1 -``: the next page's ``3`` is no part of the name.
    rng = random.Random(9200 + seed)
    doc = plans.action_plan(rng)
    pages = replace(draw_pages(rng, doc), style="{n}", running=None, in_row=True, top=False,
                    thai_digits=False)
    text = re.sub(r"(?m)^1$", "- 1 -", viewer_copy(doc, pages, rng), count=1)
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    want = {row["name"] for row in doc.tables["plan_projects"]}
    got = [row.name for row in process_file(path).rows("plan_projects")]
    assert got and [name for name in got if name is not None and name not in want] == []


@pytest.mark.parametrize("seed", range(3))
def test_bare_table_pages_after_a_front_matter_in_another_style_read(tmp_path: Path,
                                                                      seed: int) -> None:
    # Front matter ``- n -`` or ``หน้า n``; the tables' pages numbered bare under a
    # running header, a page break inside a row: the page's number is no part of it.
    rng = random.Random(9210 + seed)
    doc = plans.action_plan(rng)
    plan = doc.tables["plans"][0]
    running = RUNNING_HEADERS[seed].format(year=plan["fiscal_year_be"], agency=plan["agency"])
    pages = Pages("{n}", True, running, False, seed < 2, 15, in_row=True)
    text = _two_styles(rng, doc, pages, ("- {n} -", "หน้า {n}")[seed % 2])
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    assert_read_as_generated(path, doc.truth, tables=_TABLES)

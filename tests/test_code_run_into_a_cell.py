"""A code whose value runs on into another cell is no code: NULL with an issue.

A detail page printed by Chromium with its sidebar on the right set the sidebar's
``โครงการทั้งหมด (152)`` on the code's line, a cell of its own: the project code was
stored as ``11040000-3402⇥โครงการทั้งหมด (152)`` (an outside tester's D07). A tab inside a
code is a cell's end; which part is the code is not known, so it is NULL with an
``unparsed_value`` issue, never the joined text; when the page's title states the code
and it is the part before the tab, the title's code stands.

Pages are generated from known values (bench/corpus ``web_detail``); a sidebar's cell is
set after the code on its line; the truth is the generated values.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts import web_project_detail
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize

from corpus.build import GENERATORS
from read_back import records_of


def _with_sidebar_cell(seed: int, title: bool) -> tuple[str, dict[str, object]]:
    generated = GENERATORS["web_detail"](random.Random(seed))
    want = generated.tables["projects"][0]
    text, count = re.subn(r"^(รหัสโครงการ\S+)$", r"\1\tโครงการทั้งหมด (152)", generated.text,
                          flags=re.M)  # Arabic or Thai digits
    assert count == 1
    if not title:  # the page's head (its title with the code) not saved
        text = text[text.index("ข้อมูลโครงการ/กิจกรรม"):]
    return text, want


@pytest.mark.parametrize("seed", range(3))
def test_a_code_run_into_a_sidebar_cell_is_null_with_an_issue(seed: int) -> None:
    text, want = _with_sidebar_cell(seed, title=False)
    project = records_of(web_project_detail.extract, text, ocr_used=False,
                         screened=False)["projects"][0]
    assert project.project_code is None
    assert (project.fiscal_year_be, project.project_name) == (
        int(str(want["fiscal_year_be"])), want["project_name"])
    doc = RepairedText.of(text, (), ocr_used=False)
    issues = [f for f in normalize(web_project_detail.extract(doc), doc.text).findings
              if f.field == "project_code"]
    assert [f.code for f in issues] == ["unparsed_value"]
    assert "another cell" in issues[0].message


@pytest.mark.parametrize("seed", range(3))
def test_the_title_states_the_code_a_sidebar_cell_ran_into(seed: int) -> None:
    """The page's title states the code too, the same: the title's is the code."""
    text, want = _with_sidebar_cell(seed, title=True)
    project = records_of(web_project_detail.extract, text, ocr_used=False,
                         screened=False)["projects"][0]
    assert project.project_code == want["project_code"]

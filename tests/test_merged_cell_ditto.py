"""A ruled cell merged over rows is no value in the rows it covers (the ditto mark ``〃``).

The PDF reader writes :data:`~bma_etl.read.pdf_rowspans.DITTO` in each row a cell merged
over rows covers; only a layout that knows what "as above" means for a column takes
the value above (a plan's responsible unit, :mod:`test_plan_merged_cells`). The truth
is generated values, printed by headless Chromium from HTML with ``rowspan`` cells:

- a project-detail page whose ผู้รับผิดชอบ value cell is merged over the
  ผู้ตรวจประเมิน row: the responsible person as printed, the coordinator NULL (the
  page states none of its own) with an issue saying the cell is merged — never ``〃``;
- a plan whose number and name cells are merged over two rows (one project, two
  budget lines): one project, not a made-up one named ``〃``; its own budget cannot
  be told from two lines (NULL, ``uses_budget`` true, an issue naming both amounts).
"""

from __future__ import annotations

import random
from dataclasses import replace
from html import escape
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.values import draw_amount, money_str
from corpus.web import project_detail
from plan_prints import key_rows, plan, plan_html, print_html
from read_back import assert_read_as_generated
from thai_fonts import font_file


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_detail_value_cell_merged_over_two_rows_is_the_first_row_s_only(
        tmp_path: Path, seed: int) -> None:
    if not render.have("chromium"):
        pytest.fail("needs Chromium: make venv installs chromium")
    rng = random.Random(f"merged-detail-{seed}")
    doc = project_detail(rng)
    project = doc.tables["projects"][0]
    resp, coord = project["responsible_person"], project["coordinator"]
    html = doc.html.replace(
        f'<tr><th width="22%">ผู้รับผิดชอบ</th><td>{escape(str(resp))}</td></tr>',
        f'<tr><th width="22%">ผู้รับผิดชอบ</th><td rowspan="2">{escape(str(resp))}</td></tr>'
    ).replace(f'<tr><th width="22%">ผู้ตรวจประเมิน</th><td>{escape(str(coord))}</td></tr>',
              '<tr><th width="22%">ผู้ตรวจประเมิน</th></tr>')
    assert "rowspan" in html and str(coord) not in html
    project["coordinator"] = None
    doc = replace(doc, html=html)
    pdf = tmp_path / "detail.pdf"
    render.render_chromium(doc, pdf, "Garuda", font_file("Garuda"), random.Random(seed),
                           header_footer=False, paper="A4")
    assert_read_as_generated(pdf, doc.truth, ["projects"])
    result = process_file(pdf)
    assert [r.coordinator for r in result.rows("projects")] == [None]
    assert any("merged" in i.message and i.field == "coordinator"
               for i in result.rows("quality_issues"))


@pytest.mark.parametrize(("seed", "valign"), [(1, "top"), (2, "middle"), (3, "top")])
def test_a_plan_project_with_its_number_and_name_merged_over_two_budget_lines_is_one_project(
        tmp_path: Path, seed: int, valign: str) -> None:
    rng = random.Random(f"merged-lines-{seed}")
    agency, year, strategic, key = plan(rng)
    first = rng.randint(0, len(key) - 2)
    name, _, unit = key[first]
    second = draw_amount(rng, 200_000, 5_000_000)
    lines = [*key[:first + 1], (name, second, unit), *key[first + 1:]]
    pdf = print_html(tmp_path, plan_html(agency, year, strategic, lines,
                                         ("seq name", first, 2), valign, None), seed)
    rows, issues = key_rows(pdf)
    assert [r["name"] for r in rows] == [n for n, _, _ in key]
    assert [r["seq"] for r in rows] == list(range(1, len(key) + 1))
    assert [r["responsible_unit"] for r in rows] == [u for _, _, u in key]
    assert [r["budget_thb"] for r in rows] == [None if k == first else a
                                              for k, (_, a, _) in enumerate(key)]
    assert [r["uses_budget"] for r in rows] == [True if k == first else a is not None
                                               for k, (_, a, _) in enumerate(key)]
    assert any(money_str(second) in m and "line" in m for m in issues), issues
    assert all("〃" not in str(r["name"]) for r in rows)


@pytest.mark.parametrize("seed", [1, 2])
def test_a_header_of_two_rows_with_merged_cells_is_no_row_to_read(tmp_path: Path,
                                                                  seed: int) -> None:
    rng = random.Random(f"merged-header-{seed}")
    agency, year, strategic, key = plan(rng)
    html = plan_html(agency, year, strategic, key, None, "middle", None).replace(
        "<tr><th>ลำดับที่</th><th>ชื่อโครงการ</th><th>งบประมาณ</th>"
        "<th>ส่วนราชการที่รับผิดชอบ</th></tr>",
        '<tr><th rowspan="2">ลำดับที่</th><th rowspan="2">ชื่อโครงการ</th><th>งบประมาณ</th>'
        '<th rowspan="2">ส่วนราชการที่รับผิดชอบ</th></tr><tr><th>(บาท)</th></tr>')
    assert "(บาท)" in html
    rows, issues = key_rows(print_html(tmp_path, html, seed))
    assert [r["name"] for r in rows] == [n for n, _, _ in key]
    assert [r["budget_thb"] for r in rows] == [a for _, a, _ in key]
    assert [r["responsible_unit"] for r in rows] == [u for _, _, u in key]
    assert not [m for m in issues if "〃" in m or "(บาท)" in m], issues


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_ditto_line_in_a_text_read_over_lines_is_left_out_and_a_ditto_value_is_null(
        seed: int) -> None:
    """A merged number cell's mark read into the text beside it (a form's report row)."""
    from bma_etl.document import Extraction, RawRow
    from bma_etl.layouts.base import RepairedText
    from bma_etl.normalize.fields import normalize

    from corpus.web import running_text

    said = running_text(random.Random(seed), 2)
    doc = RepairedText.of(f"{said}\n〃\n〃")
    first, mark = doc.raw(0, len(said)), doc.raw(len(said) + 1, len(said) + 2)
    assert first is not None and mark is not None
    out = normalize(Extraction(rows=[RawRow("projects", None, {
        "rationale": [first, mark], "coordinator": mark})]), doc.text)
    assert out.rows[0].values.get("rationale") == said
    assert "coordinator" not in out.rows[0].values
    assert any(f.field == "coordinator" and "merged" in f.message for f in out.findings)

"""A project page's monthly results printed as a grid: months across, values below.

A page re-typed in a spreadsheet or Word prints ``ผลงานเดือนที่ | 1 | 2 | … | 12`` as
one row and the results as the row under it (``ร้อยละ | 5 | 8 | … |``), the months
not yet reported left empty. Each column is one month: its result is the cell
under it. Read line by line, the grid's months were taken for one month's glued
digits and every monthly result was lost.

Project pages generated from known values (bench/corpus ``project_detail``), as
text, as HTML and printed by Chromium; the truth is their monthly results.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render, web
from read_back import assert_read_as_generated
from thai_fonts import font_file

TABLE = "monthly_progress"
_MONTH_LINE = re.compile(r"^ผลงานเดือนที่ ")
_MONTH_ROW = re.compile(r"\s*<tr><td>ผลงานเดือนที่ (\S+)</td><td[^>]*>([^<]*)</td></tr>\n?")


def _as_grid(doc: web.GeneratedDoc, label: str) -> web.GeneratedDoc:
    """``doc`` with its twelve month lines (and HTML rows) set as a two-row grid."""
    assert doc.html is not None
    rows = _MONTH_ROW.findall(doc.html)  # (month, value) as the page prints them
    assert len(rows) == 12
    lines = doc.text.split("\n")
    at = [i for i, line in enumerate(lines) if _MONTH_LINE.match(line)]
    grid = ["\t".join(["ผลงานเดือนที่", *(m for m, _ in rows)]),
            "\t".join([label, *(v for _, v in rows)])]
    doc.text = "\n".join(lines[:at[0]] + grid + lines[at[-1] + 1:])
    head = "".join(f"<th>{m}</th>" for m, _ in rows)
    values = "".join(f'<td align="right">{v}</td>' for _, v in rows)
    doc.html = _MONTH_ROW.sub("", doc.html).replace(
        "<tr><th>เป้าหมาย</th><th></th></tr>",
        f"</table><table border=\"1\"><tr><th>ผลงานเดือนที่</th>{head}</tr>"
        f"<tr><td>{label}</td>{values}</tr>")
    return doc


def _pages(k: int) -> web.GeneratedDoc:
    rng = random.Random(f"month-grid-{k}")
    doc = web.project_detail(rng)
    return _as_grid(doc, ("ร้อยละ", "ผลงาน (%)", "")[k % 3])


@pytest.mark.parametrize("k", range(6))
def test_a_month_grid_in_a_text_file(k: int, tmp_path: Path) -> None:
    doc = _pages(k)
    path = tmp_path / "page.txt"
    path.write_text(doc.text, encoding="utf-8")
    assert_read_as_generated(path, doc.truth, tables=[TABLE])


@pytest.mark.parametrize("k", range(3))
def test_a_month_grid_in_a_saved_page(k: int, tmp_path: Path) -> None:
    doc = _pages(k)
    path = tmp_path / "page.html"
    path.write_bytes(doc.html_bytes())
    assert_read_as_generated(path, doc.truth, tables=[TABLE])


@pytest.mark.parametrize(("k", "font"), [(0, "Sarabun"), (1, "Loma")])
def test_a_month_grid_printed_by_a_browser(k: int, font: str, tmp_path: Path) -> None:
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    doc = _pages(k)
    pdf = tmp_path / "page.pdf"
    render.render_chromium(doc, pdf, font, font_file(font), random.Random(k),
                           header_footer=False)
    assert_read_as_generated(pdf, doc.truth, tables=[TABLE])


def test_values_that_do_not_fill_the_grid_are_not_placed(tmp_path: Path) -> None:
    """Six values under twelve months, no empty cells kept: which month each is cannot
    be told, so the months are read and no value is."""
    doc = web.project_detail(random.Random("month-grid-short"))
    lines = doc.text.split("\n")
    at = [i for i, line in enumerate(lines) if _MONTH_LINE.match(line)]
    grid = ["\t".join(["ผลงานเดือนที่", *map(str, range(1, 13))]),
            "\t".join(["ร้อยละ", "5", "8", "20", "41", "50", "62"])]
    path = tmp_path / "page.txt"
    path.write_text("\n".join(lines[:at[0]] + grid + lines[at[-1] + 1:]), encoding="utf-8")
    processed = process_file(path)
    rows = processed.rows(TABLE)
    assert [r.month_no for r in rows] == list(range(1, 13))
    assert all(r.value is None for r in rows)
    assert any("6 values under 12 months" in i.message for i in processed.rows("quality_issues"))


@pytest.mark.parametrize("plan_label", ["แผน (%)", "เป้าหมาย", "ค่าเป้าหมาย ร้อยละ"])
def test_a_plan_row_over_the_results_is_no_result(plan_label: str, tmp_path: Path) -> None:
    """A grid with a plan's row (``แผน (%) | 8 | 16 | …``) over the results' row: each
    month's value is the result under it, never the plan."""
    doc = _pages(4)
    lines = doc.text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("ผลงานเดือนที่\t"))
    plan = "\t".join([plan_label, *(str(8 * m) for m in range(1, 13))])
    path = tmp_path / "page.txt"
    path.write_text("\n".join([*lines[:at + 1], plan, *lines[at + 1:]]), encoding="utf-8")
    assert_read_as_generated(path, doc.truth, tables=[TABLE])


def test_a_value_over_100_in_the_grid_is_null_with_an_issue(tmp_path: Path) -> None:
    doc = web.project_detail(random.Random("month-grid-over"))
    lines = doc.text.split("\n")
    at = [i for i, line in enumerate(lines) if _MONTH_LINE.match(line)]
    grid = ["\t".join(["ผลงานเดือนที่", "1", "2", "3"]), "\t".join(["ร้อยละ", "5", "120", "20"])]
    path = tmp_path / "page.txt"
    path.write_text("\n".join(lines[:at[0]] + grid + lines[at[-1] + 1:]), encoding="utf-8")
    processed = process_file(path)
    assert [r.value for r in processed.rows(TABLE)] == [5, None, 20]
    assert any("'120' is no percent" in i.message for i in processed.rows("quality_issues"))

"""A plan copied a cell a line from a PDF viewer, with each page's furniture in it.

Where a page broke, the copy holds the page's number (``3``, ``- 3 -``, ``หน้า 3``,
at the page's foot or top, Arabic or Thai digits) and the next page's running
header (the plan's title and year, its agency), and the table's header again or
not. Before, a running header without the header again under it ended the table
(the rows after it lost, the running header atop the first page taken for the
plan's title, its agency lost), a page number or running header that a word
processor's restacking took for a total's cell gave the total the page's number or
year (WRONG), and a name's last number wrapped alone (``…ระยะที่`` / ``4``) was taken
for a page number (the name loaded without it). Now the document's other pages
tell: running headers repeat at page breaks, page numbers run in sequence, a
row's number and a name's last number do neither. Generated plans
(:mod:`corpus.plan_copies`) are the truth.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import RepairedText
from bma_etl.read.text_stacked import restacked_cells

from corpus import plans
from corpus.plan_copies import (
    NUMBER_STYLES,
    RUNNING_HEADERS,
    Pages,
    draw_pages,
    numbered_names,
    viewer_copy,
)
from read_back import assert_read_as_generated

_TABLES = ("plans", "plan_projects", "plan_sections")


def _copied(tmp_path: Path, seed: int, pages: Pages | None = None, *, names: bool = False,
            **fixed: object) -> tuple[Path, dict[str, object], str]:
    """``(path, truth, text)``: a generated plan copied with ``pages`` (drawn, then
    ``fixed`` fields set, when None), some names ending in a wrapped number if ``names``."""
    rng = random.Random(seed)
    doc = plans.action_plan(rng)
    if names:
        assert numbered_names(doc, rng, share=1.0) > 0
    pages = replace(pages or draw_pages(rng, doc), **fixed)  # type: ignore[arg-type]
    text = viewer_copy(doc, pages, rng)
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return path, doc.truth, text


def _running(seed: int, k: int) -> str:
    doc = plans.action_plan(random.Random(seed))
    plan = doc.tables["plans"][0]
    return RUNNING_HEADERS[k].format(year=plan["fiscal_year_be"], agency=plan["agency"])


@pytest.mark.parametrize("header_again", (False, True))
@pytest.mark.parametrize(("seed", "wording", "style", "top"), [
    (seed, seed % len(RUNNING_HEADERS), seed % len(NUMBER_STYLES), seed % 3 == 0)
    for seed in range(6)])
def test_rows_after_a_running_header_are_read(tmp_path: Path, seed: int, wording: int,
                                              style: int, top: bool, header_again: bool) -> None:
    pages = Pages(NUMBER_STYLES[style], top, _running(seed, wording), header_again,
                  seed % 2 == 0, 12 + seed)
    path, truth, _ = _copied(tmp_path, seed, pages)
    assert_read_as_generated(path, truth, tables=_TABLES)


@pytest.mark.parametrize("seed", range(4))
def test_page_numbers_without_a_running_header_are_no_rows(tmp_path: Path, seed: int) -> None:
    pages = Pages(NUMBER_STYLES[seed], seed % 2 == 1, None, False, seed < 2, 11 + seed)
    path, truth, _ = _copied(tmp_path, seed, pages)
    assert_read_as_generated(path, truth, tables=_TABLES)


@pytest.mark.parametrize("seed", range(4))
def test_a_running_header_on_pages_without_numbers_is_passed_over(tmp_path: Path,
                                                                  seed: int) -> None:
    # No page shows its number (a blank line where it would be): the running header
    # atop the first page and at every break is told by its repeats alone.
    pages = Pages("", False, _running(seed, seed), seed % 2 == 1, False, 11 + seed)
    path, truth, _ = _copied(tmp_path, seed, pages, names=seed >= 2)
    assert_read_as_generated(path, truth, tables=_TABLES)


@pytest.mark.parametrize("seed", range(4))
def test_a_row_split_over_two_pages_keeps_its_name_and_budget(tmp_path: Path,
                                                              seed: int) -> None:
    # ``๓`` / ``โครงการ...`` / ``4`` / running header / ``8,300,000 บาท``: the page's
    # bare number between a row's name and its budget is no part of the name.
    pages = Pages("{n}", seed % 2 == 1, _running(seed, seed), seed >= 2, seed % 2 == 0,
                  14, in_row=True)
    path, truth, _ = _copied(tmp_path, seed, pages)
    assert_read_as_generated(path, truth, tables=_TABLES)


@pytest.mark.parametrize("seed", range(6))
def test_a_names_last_number_wrapped_alone_is_the_names_when_the_pages_tell(
        tmp_path: Path, seed: int) -> None:
    # ``…ระยะที่`` / ``4`` / ``8,300,000 บาท``: the pages are numbered in another
    # style, or their bare numbers stand at the running headers in sequence and this
    # one does not: the name's, whole, no warning.
    rng = random.Random(seed)
    styles = ("- {n} -", "{n}", "หน้า {n}")
    pages = Pages(styles[seed % 3], seed % 2 == 0, _running(seed, seed % 4), seed >= 3,
                  rng.random() < 0.5, 12 + seed)
    path, truth, text = _copied(tmp_path, seed, pages, names=True)
    assert_read_as_generated(path, truth, tables=_TABLES)
    findings = extract(RepairedText.of(text, ocr_used=False)).findings
    assert not [f for f in findings if f.field == "name" and f.code == "ambiguous_value"]


def test_a_total_before_a_page_break_keeps_its_amount_only() -> None:
    # A total restacked from a copy a cell a line: the page's number (``หน้า ๔``, a bare
    # ``7``) or the running header after a blank line is no cell of it.
    rng = random.Random(3)
    amounts = [rng.randint(1, 9_000) * 1_000 for _ in range(2)]
    cells = ["ลำดับที่", "ชื่อโครงการ", "งบประมาณ", "หน่วยงาน"]
    for no, amount in enumerate(amounts, start=1):
        cells += [str(no), f"โครงการที่ {no}", f"{amount:,} บาท", "กองก"]
    total = f"{sum(amounts):,} บาท"
    for furniture in (["หน้า ๔", "", "สำนักงานเขตบางรัก"], ["7", "", "สำนักงานเขตบางรัก"],
                      ["", "แผนปฏิบัติราชการ ประจำปี พ.ศ. 2567", "- 4 -"]):
        text = "\n".join([*cells, "รวม", total, *furniture, "บัญชีรายการ", ""])
        got = restacked_cells(text)
        assert got is not None and f"\nรวม\t{total}\n" in got, (furniture, got)

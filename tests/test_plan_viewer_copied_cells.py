"""An action plan's table as a PDF viewer copies it: each cell on a line of its own.

Selecting a printed plan's text in a PDF viewer and pasting it gives a table's
cells one after another, a line each (a long cell wrapped onto several), and
leaves empty cells out: ``๓`` / ``โครงการ...`` / ``๔,๙๖๐,๐๐๐ บาท`` / ``ส่วนคดี``,
then ``รวมงบประมาณทั้งสิ้น`` / ``๔,๙๖๐,๐๐๐ บาท`` and the next section's heading.
Before, a row's number alone on its line was taken for a page number and the
table's rows lost, a total was restacked with the heading and header after it
(the next section's rows put in the section above), and a row whose name wrapped
was restacked with the wrapped lines for its budget and unit (WRONG). Generated
plans (:mod:`corpus.plans`) are the truth.
"""

from __future__ import annotations

import random
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import RepairedText
from bma_etl.read.text_stacked import restacked_cells

from corpus import plans
from read_back import assert_read_as_generated, records_of


def _viewer_copy(text: str, wrap: int | None) -> str:
    """``text`` with each tab cell on a line of its own, empty cells left out.

    ``wrap``: cells longer than this many characters wrapped at a space, as the print
    wraps them, and no blank line kept; None keeps the blank lines and no cell wraps.
    """
    lines: list[str] = []
    for line in text.split("\n"):
        cells = [c for c in line.split("\t") if c] if "\t" in line else [line]
        for cell in cells:
            if wrap is None:
                lines.append(cell)
            elif cell.strip():
                lines += textwrap.wrap(cell, wrap, break_long_words=False)
    return "\n".join(lines)


@pytest.mark.parametrize("wrap", (None, 45))
@pytest.mark.parametrize("seed", range(4))
def test_a_plan_copied_a_cell_a_line_reads_as_generated(tmp_path: Path, seed: int,
                                                         wrap: int | None) -> None:
    doc = plans.action_plan(random.Random(seed))
    path = tmp_path / "plan.txt"
    path.write_text(_viewer_copy(doc.text, wrap), encoding="utf-8")
    assert_read_as_generated(path, doc.truth, tables=("plan_projects", "plan_sections"))


def test_a_total_without_its_empty_cells_ends_before_the_next_heading() -> None:
    text = ("ลำดับที่\nชื่อโครงการ\nงบประมาณ\nหน่วยงาน\n1\nโครงการก\n5,000 บาท\nกองก\n"
            "2\nโครงการข\nไม่ใช้งบประมาณ\nกองข\nรวม\n5,000 บาท\nโครงการสำคัญ\nลำดับที่\n")
    assert restacked_cells(text) == (
        "ลำดับที่\tชื่อโครงการ\tงบประมาณ\tหน่วยงาน\n1\tโครงการก\t5,000 บาท\tกองก\n"
        "2\tโครงการข\tไม่ใช้งบประมาณ\tกองข\nรวม\t5,000 บาท\nโครงการสำคัญ\nลำดับที่\n")


def test_a_row_longer_than_its_cells_is_not_restacked() -> None:
    text = ("ลำดับที่\nชื่อโครงการ\nงบประมาณ\nหน่วยงาน\n1\nโครงการก\n5,000 บาท\nกองก\n"
            "2\nโครงการข\n7,000 บาท\nกองข\n3\nโครงการค ระยะ 20 ปี\nในพื้นที่เขตบางรัก\n"
            "9,000 บาท\nกองค\nรวม\n21,000 บาท\n")
    assert restacked_cells(text) is None


@pytest.mark.parametrize("seed", range(3))
def test_a_names_last_number_wrapped_alone_no_page_shown_is_flagged_not_loaded(
        seed: int) -> None:
    # ``…ระยะที่`` / ``4`` / ``8,300,000 บาท``: a page number or the name's end? No page of
    # the document shows its number or a running header, so nothing tells: the name is
    # NULL with an ambiguous_value warning (before, it was loaded without its number);
    # the number is never glued to the amount below.
    rng = random.Random(seed)
    doc = plans.action_plan(rng)
    wanted = [r for r in doc.tables["plan_projects"] if r["section"] != "routine"]
    for row in wanted:
        name = f"{row['name']} ระยะที่ {rng.randint(1, 9)}"
        doc.text = doc.text.replace(f"\t{row['name']}\t", "\t" + name.replace(
            "ระยะที่ ", "ระยะที่\n") + "\t", 1)
        row["name"] = name
    text = _viewer_copy(doc.text, None)
    got = [r for r in records_of(extract, text, ocr_used=False, screened=False)["plan_projects"]
           if r.section != "routine"]
    assert [r.budget_thb for r in got] == [
        None if w["budget_thb"] is None else Decimal(w["budget_thb"]) for w in wanted]
    assert [r.responsible_unit for r in got] == [w["responsible_unit"] for w in wanted]
    assert [r.name for r in got] == [None for _ in wanted]
    flagged = [f.message for f in extract(RepairedText.of(text, ocr_used=False)).findings
               if f.field == "name" and f.code == "ambiguous_value"]
    assert len(flagged) == len(wanted)


@pytest.mark.parametrize("seed", range(4))
def test_a_page_number_equal_to_the_next_rows_over_a_running_header_is_no_row(
        seed: int) -> None:
    # A page break after a table's 2nd row: a blank line, the page number (equal to the
    # next row's number), the page's running header, the table's header printed again.
    # Before, the number started the next row and the running header became its name.
    doc = plans.action_plan(random.Random(seed))
    lines = doc.text.split("\n")
    h = next(h for h, line in enumerate(lines) if line.startswith("ลำดับ") and "\t" in line
             and lines[h + 2].split("\t")[0].strip() and lines[h + 3].split("\t")[0].strip())
    no = lines[h + 3].split("\t")[0]
    running = f"แผนปฏิบัติราชการ ประจำปี พ.ศ. {random.Random(seed).randint(2562, 2570)}"
    lines[h + 3:h + 3] = ["", no, running, lines[h]]
    text = _viewer_copy("\n".join(lines), None)
    got = records_of(extract, text, ocr_used=False, screened=False)["plan_projects"]
    assert [(r.name, r.budget_thb) for r in got] == [
        (w["name"], None if w["budget_thb"] is None else Decimal(w["budget_thb"]))
        for w in doc.tables["plan_projects"]]


@pytest.mark.parametrize("seed", range(4))
def test_a_header_copied_on_five_lines_its_number_cell_wrapped_is_read(
        tmp_path: Path, seed: int) -> None:
    # ``ลำดับ`` / ``ที่`` / ``ด้าน/แผนงาน`` / ``รายการ/โครงการ`` / ``งบประมาณ``: the number
    # cell wrapped makes the routine header five lines. Before, a header was at most
    # four lines, so it was not found and every routine row was lost.
    doc = plans.action_plan(random.Random(seed))
    text = _viewer_copy(doc.text, None)
    assert "ลำดับที่\nด้าน/แผนงาน" in text
    path = tmp_path / "plan.txt"
    path.write_text(text.replace("ลำดับที่\nด้าน/แผนงาน", "ลำดับ\nที่\nด้าน/แผนงาน"),
                    encoding="utf-8")
    assert_read_as_generated(path, doc.truth, tables=("plan_projects", "plan_sections"))

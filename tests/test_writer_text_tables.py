"""A Word file's tables saved by Writer as Text: each cell on its own line.

Writer's (and Word's) "Text" export writes a table's cells one after another,
each on its own line, an empty cell as an empty line. Read as printed, an action
plan saved so had no table row and lost every project (breaker14 E08). Documents
generated from known values (bench/corpus ``plan``), written as Word files the
way the corpus writes them and saved as Text by LibreOffice; the truth is the
values they were generated from.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.text_stacked import restacked_cells

from read_back import assert_read_as_generated


@pytest.mark.parametrize("k", range(3))
def test_a_plan_saved_by_writer_as_text(k: int, tmp_path: Path) -> None:
    from corpus import render
    from corpus.build import GENERATORS, _rng

    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS["plan"](_rng(4409, "plan", k))
    source = tmp_path / "plan.docx"
    render.write_docx(doc, source, "Sarabun")
    path = tmp_path / "plan.txt"
    failed = render._soffice(str(tmp_path), [str(source)], [path], "--convert-to", "txt:Text")
    assert not failed, failed
    assert_read_as_generated(path, doc.truth, tables=["plan_projects", "plan_sections"])


def test_a_stacked_table_with_an_empty_cell_and_a_continued_item() -> None:
    text = ("บัญชีรายการ/โครงการประจำปีพื้นฐาน\n\nลำดับที่\nด้าน/แผนงาน\nรายการ/โครงการ\nงบประมาณ\n"
            "๑\nด้านการบริหารทั่วไป\n๑. โครงการก\n1,000 บาท\n\n\n๒. โครงการข\n2,000 บาท\n"
            "๒\n\nโครงการค\nไม่ใช้งบประมาณ\nรวม\n\n\n3,000 บาท\n\nการนำแผนฯ ไปสู่การปฏิบัติ\n")
    assert restacked_cells(text) == (
        "บัญชีรายการ/โครงการประจำปีพื้นฐาน\n\nลำดับที่\tด้าน/แผนงาน\tรายการ/โครงการ\tงบประมาณ\n"
        "๑\tด้านการบริหารทั่วไป\t๑. โครงการก\t1,000 บาท\n\t\t๒. โครงการข\t2,000 บาท\n"
        "๒\t\tโครงการค\tไม่ใช้งบประมาณ\nรวม\t\t\t3,000 บาท\n\nการนำแผนฯ ไปสู่การปฏิบัติ\n")


@pytest.mark.parametrize("text", [
    "วัตถุประสงค์\n1. เพื่อปรับปรุงทางเดิน\n2. เพื่อส่งเสริมการสัญจร\n",  # a numbered list
    "ครั้งที่\nผลการดำเนินงาน\n1\nสำรวจพื้นที่\n",  # one numbered row: no table told
    "ลำดับที่\tชื่อ\n1\tก\n2\tข\n",  # already tab rows
    "ลำดับที่\nชื่อ\n1\nก\nบรรทัดสอง\n2\nข\n",  # a cell of two lines breaks the count
    # a numbered list whose numbers stand on lines of their own, under a heading
    "1.4 วัตถุประสงค์ของโครงการ\n1\nเพื่อให้ประชาชนได้รับบริการ\n2\nเพื่อปรับปรุงการให้บริการ\n",
    "ข้อความยาวของหลักการและเหตุผล\nวัตถุประสงค์\n1\nเพื่อให้\n2\nเพื่อปรับปรุง\n",
])
def test_text_that_is_no_stacked_table_is_left_as_it_is(text: str) -> None:
    assert restacked_cells(text) is None


def test_a_stacked_table_whose_row_holds_the_next_number_in_a_later_cell() -> None:
    # the first row's third cell is 2: cut 2 cells a row it would seem to continue
    text = ("ลำดับ\nตัวชี้วัด\nจำนวน\nหน่วยนับ\n1\nศูนย์บริการที่ปรับปรุง\n2\nแห่ง\n"
            "2\nถนนที่ซ่อม\n5\nสาย\n")
    assert restacked_cells(text) == (
        "ลำดับ\tตัวชี้วัด\tจำนวน\tหน่วยนับ\n1\tศูนย์บริการที่ปรับปรุง\t2\tแห่ง\n"
        "2\tถนนที่ซ่อม\t5\tสาย\n")


@pytest.mark.parametrize("k", range(3))
def test_a_form_whose_objectives_number_stands_alone_keeps_them(k: int, tmp_path: Path
                                                                 ) -> None:
    """A legacy form saved without blank lines, each objective's number on a line of
    its own (``1`` / ``เพื่อให้…``): the numbers make no table, the objectives are read."""
    import re

    from corpus.build import GENERATORS, _rng

    doc = GENERATORS["legacy_tab"](_rng(1, "legacy_tab", k))
    text = re.sub(r"(?m)^([0-9๐-๙]+)\. (เพื่อ)", r"\1\n\2", doc.text)
    text = "\n".join(line for line in text.split("\n") if line.strip())
    assert re.search(r"(?m)^1\n", text)
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    assert_read_as_generated(path, doc.truth, tables=["projects"])
    wanted = re.findall(r"(?m)^[0-9๐-๙]+\. (เพื่อ.*)$", doc.text)
    rationale = re.search(r"หลักการและเหตุผล\n+(.+)\n", doc.text)
    assert wanted and rationale
    project = process_file(path).tables["projects"][0]
    assert project.rationale == rationale[1].strip()
    assert project.objectives and all(w.strip() in "\n".join(project.objectives) for w in wanted)

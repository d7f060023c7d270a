"""Project-detail page saved as HTML: numbered objectives on lines of one table cell.

The page is generated here from known objectives, each label and value a row of a
table; the objectives' cell holds them on lines of their own, split by ``<br>`` or by a
newline (which a browser shows as a space). Each objective is loaded as one item.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bma_etl.layouts import web_project_detail as layout
from bma_etl.pipeline import process_file

OBJECTIVES = ["เพื่อส่งเสริมสุขภาพกายและใจของผู้สูงอายุ",
              "เพื่อสร้างเครือข่ายผู้ดูแลผู้สูงอายุในชุมชน",
              "เพื่อจัดอบรมอาสาสมัคร 50 คน ปีละ 2 ครั้ง"]


def page(cell: str) -> str:
    rows = [("รหัสโครงการ", "50120000-5521"), ("ปี", "2567"),
            ("ชื่อโครงการ", "โครงการส่งเสริมสุขภาพผู้สูงอายุ"), ("วัตถุประสงค์", cell),
            ("เป้าหมาย", "ผู้สูงอายุ 500 คน")]
    body = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in rows)
    return (f'<html><head><meta charset="utf-8"></head><body><h3>รายละเอียดโครงการ/กิจกรรม'
            f"</h3><table>{body}</table><p>ผลงานเดือนที่ 1</p></body></html>")


@pytest.mark.parametrize("between", ["\n", "<br>", " <br/>", "\r\n"])
@pytest.mark.parametrize("space", ["", " "])
def test_objectives_on_lines_of_one_cell_are_items(between: str, space: str,
                                                   tmp_path: Path) -> None:
    cell = between.join(f"{n}.{space}{text}" for n, text in enumerate(OBJECTIVES, 1))
    path = tmp_path / "detail.html"
    path.write_text(page(cell), encoding="utf-8")
    (row,) = process_file(path, layout=layout.LAYOUT).rows("projects")
    assert row.model_dump()["objectives"] == OBJECTIVES

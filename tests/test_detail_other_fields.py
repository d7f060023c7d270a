"""Project-detail page: fields the warehouse does not hold end the value above them,
and the Thai wordings of the date and budget labels are read.

The page is generated here from known values, one label per line with its value
glued (as the tracking system's text dump prints it), then an extra line or a
label's other wording put in; the loaded values are compared with the known ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bma_etl.layouts import web_project_detail as layout
from bma_etl.pipeline import process_file

KNOWN: dict[str, str] = {
    "project_code": "50120000-5521", "fiscal_year_be": "2567",
    "project_name": "โครงการส่งเสริมสุขภาพผู้สูงอายุในชุมชน", "agency": "สำนักงานเขตดุสิต",
    "budget_allocated_thb": "2345678.50", "budget_spent_thb": "1100000",
    "start_date": "2023-10-01", "end_date": "2024-09-30",
    "target": "ผู้สูงอายุในพื้นที่เขต จำนวน 500 คน",
}
#: (label, value as printed) in the page's order.
FIELDS = [
    ("รหัสโครงการ", "50120000-5521"), ("ปี", "2567"),
    ("ชื่อโครงการ", KNOWN["project_name"]), ("Policy ID", "12"), ("Branch ID", "2210"),
    ("Kpi ID", "5012-0077"), ("งบฯ ที่ได้รับ (บาท)", "2,345,678.50"),
    ("งบฯ ที่ใช้ไป (บาท)", "1,100,000"), ("หน่วยงาน", KNOWN["agency"]),
    ("Start Date", "2023-10-01 00:00:00.000"), ("Finish Date", "2024-09-30 00:00:00.000"),
    ("วัตถุประสงค์", "1.เพื่อส่งเสริมสุขภาพ"), ("เป้าหมาย", KNOWN["target"]),
]


def page(fields: list[tuple[str, str]]) -> str:
    return "รายละเอียดโครงการ/กิจกรรม: 50120000-5521\n\n" + "".join(
        f"{label}{value}\n" for label, value in fields) + "ผลงานเดือนที่ 110\n"


def after(label: str, extra: tuple[str, str]) -> list[tuple[str, str]]:
    at = next(i for i, (lab, _) in enumerate(FIELDS) if lab == label) + 1
    return [*FIELDS[:at], extra, *FIELDS[at:]]


def relabel(fields: list[tuple[str, str]], old: str, new: str, value: str | None = None
            ) -> list[tuple[str, str]]:
    return [(new, v if value is None else value) if lab == old else (lab, v)
            for lab, v in fields]


def load(text: str, tmp_path: Path) -> tuple[dict[str, object], list[str]]:
    path = tmp_path / "detail.txt"
    path.write_text(text, encoding="utf-8")
    processed = process_file(path, layout=layout.LAYOUT)
    (row,) = [r.model_dump() for r in processed.rows("projects")]
    issues = [str(i.model_dump()["message"]) for i in processed.rows("quality_issues")]
    return row, issues


def assert_known(row: dict[str, object]) -> None:
    for column, want in KNOWN.items():
        assert str(row[column]) == str(want), column


@pytest.mark.parametrize(("above", "extra"), [
    ("หน่วยงาน", ("ประเภทงบประมาณ", "งบกลาง 2567")),
    ("หน่วยงาน", ("สถานะโครงการ", "อยู่ระหว่างดำเนินการ")),
    ("หน่วยงาน", ("ผู้อนุมัติ : ", "นายสมชาย ใจดี")),
    ("ชื่อโครงการ", ("ชื่อโครงการ (ภาษาอังกฤษ)", "Elderly Health Promotion Project")),
    ("ชื่อโครงการ", ("แผนงาน : ", "แผนงานสาธารณสุข")),
])
def test_a_field_not_held_ends_the_value_above_and_is_named(
        above: str, extra: tuple[str, str], tmp_path: Path) -> None:
    row, issues = load(page(after(above, extra)), tmp_path)
    assert_known(row)
    assert extra[1] not in " ".join(str(v) for v in row.values())
    label = extra[0].strip(" :")
    assert any(label in m and "not loaded" in m for m in issues), issues


def test_thai_date_labels_are_read(tmp_path: Path) -> None:
    fields = relabel(relabel(FIELDS, "Start Date", "วันที่เริ่มต้น", "1 ต.ค. 2566"),
                     "Finish Date", "วันที่สิ้นสุด", "30 ก.ย. 2567")
    row, _ = load(page(fields), tmp_path)
    assert_known(row)


@pytest.mark.parametrize("words", ["งบประมาณ", "งบประมาณ "])
def test_budget_labels_spelled_out_are_read(words: str, tmp_path: Path) -> None:
    fields = relabel(relabel(FIELDS, "งบฯ ที่ได้รับ (บาท)", f"{words}ที่ได้รับ (บาท)"),
                     "งบฯ ที่ใช้ไป (บาท)", f"{words}ที่ใช้ไป (บาท)")
    row, _ = load(page(fields), tmp_path)
    assert_known(row)

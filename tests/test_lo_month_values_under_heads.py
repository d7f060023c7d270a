"""Monthly results LibreOffice printed under a 12-month head keep their months.

A detail page's months as one table (a head row ``ผลงานเดือนที่ 1 … 12``, a row of
values that fills the months reported so far) printed by LibreOffice has no rules:
the head cells are centred and wrapped, the values left-aligned on a line of their
own. The value row was read as fewer cells than months, which month each is told by
nothing, and every value was NULL. Each value stands inside one head column
(:func:`bma_etl.read.pdf_under_heads.under_heads`): the row is read in the head's
columns, the months after the last value empty.

The page is built here from known values in the tracking system's ``<th>`` template
and printed by LibreOffice (``render._soffice``); the truth is those values.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from bma_etl.pipeline_file import process_file

from corpus import render


def _page(code: str, name: str, months: list[float | None]) -> str:
    """A detail page: labels in ``<th scope=row>``, values in ``<td>``, a 12-month table."""
    last = max(v for v in months if v is not None)
    rows = [("รหัสโครงการ", code), ("ปี", "2568"), ("ชื่อโครงการ", name), ("Policy ID", "7"),
            ("Branch ID", "1180"), ("Kpi ID", "5002-0211"), ("งบฯ ที่ได้รับ (บาท)", "3,480,000"),
            ("งบฯ ที่ใช้ไป (บาท)", "1,120,000"), ("คืบหน้าล่าสุด", f"{last:g}"),
            ("หน่วยงาน", "สำนักการโยธา"), ("Start Date", "2024-10-01 00:00:00.000"),
            ("Finish Date", "2025-09-30 00:00:00.000"),
            ("หลักการและเหตุผล", "ทางเท้าชำรุดเป็นอุปสรรคต่อการสัญจรของประชาชน"),
            ("วัตถุประสงค์", "1.เพื่อความปลอดภัยของผู้สัญจร"), ("เป้าหมาย", "ทางเท้า 2 กิโลเมตร"),
            ("ผู้รับผิดชอบ", "กองควบคุมการก่อสร้าง"), ("ผู้ตรวจประเมิน", "นางสาววิไล ใจดี"),
            ("หมายเหตุ", "(ไม่ได้ตั้ง)"), ("ค่าน้ำหนัก", "1"), ("เป้าหมายโครงการ", "100 ร้อยละ"),
            ("ผลการดำเนินการ", f"{last:g} ร้อยละ"), ("หน่วยนับ", "ร้อยละ")]
    html = ["<!DOCTYPE html><html lang='th'><head><meta charset='utf-8'><title>รายละเอียด"
            "โครงการ - ระบบติดตามโครงการ กทม.</title></head><body>",
            f"<h4>รายละเอียดโครงการ/กิจกรรม: {code}</h4><div>คืบหน้าล่าสุด : ร้อยละ {last:g}</div>"
            "<div>ข้อมูลโครงการ/กิจกรรม <a href='#'>พิมพ์ PDF</a></div>",
            '<table class="table">' + "".join(f'<tr><th scope="row">{k}</th><td>{v}</td></tr>'
                                              for k, v in rows) + "</table>",
            "<div>อธิบายรายละเอียดความคืบหน้า</div><div>เป้าหมาย</div>",
            '<table class="table"><tr>' + "".join(f"<th>ผลงานเดือนที่ {i}</th>"
                                                  for i in range(1, 13))
            + "</tr><tr>" + "".join(f"<td>{'' if v is None else f'{v:g}'}</td>" for v in months)
            + "</tr></table>", "</body></html>"]
    return "\n".join(html)


@pytest.mark.parametrize(("code", "name", "months"), [
    ("50020000-1187", "โครงการปรับปรุงทางเท้าถนนรามคำแหง",
     [3, 12, 30, 45, None, None, None, None, None, None, None, None]),
    ("11040000-2290", "โครงการก่อสร้างเขื่อนป้องกันตลิ่งคลองลาดพร้าว",
     [2, 6, 11, 19, 27, 38, 44, 58, 71, None, None, None]),
])
def test_values_under_a_month_head_keep_their_months(tmp_path: Path, code: str, name: str,
                                                     months: list[float | None]) -> None:
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    html = tmp_path / "detail.html"
    html.write_text(_page(code, name, months), encoding="utf-8")
    pdf = tmp_path / "detail.pdf"
    with tempfile.TemporaryDirectory() as tmp:
        assert render._soffice(tmp, [str(html)], [pdf], "--convert-to", "pdf") == {}
    for path in (html, pdf):  # the page as served, and as LibreOffice printed it
        processed = process_file(path)
        assert processed.layout == "web_project_detail"
        got = [(row.month_no, None if row.value is None else float(row.value))
               for row in processed.rows("monthly_progress")]
        assert got == [(i, v) for i, v in enumerate(months, 1)], path.suffix

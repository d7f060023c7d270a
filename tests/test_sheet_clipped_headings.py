"""A progress form typed in a sheet whose register headings are wider than their columns.

Calc clips a cell's text at its column's edge where the next cell holds some, but
the printed PDF keeps every letter: the clipped headings run into each other
(``รายละเอียดความก้าวหน`` + ``ร้อยละความก้าวหน้า``), the header row comes back with
fewer cells than the register's rows, and no report was read (breaker14 X05).
The sheet is built here from known values with openpyxl and printed by LibreOffice;
the truth is those values.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

HEAD = [
    ("ชื่อโครงการ/กิจกรรม :", "โครงการปรับปรุงทางเท้าถนนพหลโยธิน ระยะที่ 1"),
    ("รหัสโครงการ :", "50080000-1234"),
    ("ปีงบประมาณ พ.ศ. :", "2567"),
    ("งบประมาณที่ได้รับ :", "2,500,000 บาท"),
    ("หน่วยงานที่รับผิดชอบ :", "สำนักงานเขตจตุจักร / ฝ่ายโยธา"),
]
HEADINGS = ["ครั้งที่", "วันที่รายงาน", "รายละเอียดความก้าวหน้า", "ร้อยละความก้าวหน้า",
            "งบประมาณที่เบิกจ่าย (บาท)", "เป็นไปตามแผน", "เป็นไปตามเป้าหมาย"]
REPORTS = [
    (1, "15/11/2566", "สำรวจพื้นที่และออกแบบ", Decimal("10.00"), Decimal("0"), True, True),
    (2, "14/12/2566", "จัดทำราคากลาง", Decimal("25.50"), Decimal("125000.00"), True, False),
    (3, "16/01/2567", "ลงนามสัญญาจ้าง", Decimal("40.00"), Decimal("480250.50"), False, False),
]


def _sheet(path: Path, widths: list[float]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Side

    book = Workbook()
    sheet = book.active
    sheet.append(["แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ"])
    sheet.append(["1. ชื่อโครงการและหน่วยงานที่รับผิดชอบโครงการ"])
    for label, value in HEAD:
        sheet.append([label, value])
    sheet.append(["2. รายงานความก้าวหน้าของโครงการและการใช้จ่ายงบประมาณ"])
    sheet.append(HEADINGS)
    for seq, day, detail, pct, paid, plan, target in REPORTS:
        sheet.append([seq, day, detail, float(pct), float(paid),
                      "เป็นไปตามแผน" if plan else "ไม่เป็นไปตามแผน",
                      "เป็นไปตามเป้าหมาย" if target else "ไม่เป็นไปตามเป้าหมาย"])
        sheet.cell(sheet.max_row, 4).number_format = "0.00"
        sheet.cell(sheet.max_row, 5).number_format = "#,##0.00"
        for cell in sheet[sheet.max_row]:  # the register's cells ruled and wrapped
            cell.border = Border(*(Side(style="thin"),) * 4)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEFG", widths, strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True  # the sheet's width on one page
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    book.save(path)


@pytest.mark.parametrize("widths", [
    [28, 60, 24, 18, 18, 16, 22],  # the long headings clipped by their neighbours
    [24, 50, 26, 14, 16, 18, 22],
])
def test_a_register_whose_headings_ran_together(widths: list[float], tmp_path: Path) -> None:
    from bma_etl.pipeline import process_file

    from corpus import render

    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-calc-nogui")
    source = tmp_path / "form.xlsx"
    _sheet(source, widths)
    pdf = tmp_path / "form.pdf"
    failed = render._soffice(str(tmp_path), [str(source)], [pdf], "--convert-to", "pdf")
    assert not failed, failed
    rows = process_file(pdf).rows("progress_updates")
    got = [(r.seq_label, str(r.report_date), r.detail, Decimal(str(r.progress_pct)),
            Decimal(str(r.budget_disbursed_thb)), r.on_plan, r.on_target) for r in rows]
    want = [(seq, f"{int(day[6:]) - 543}-{day[3:5]}-{day[:2]}", detail, pct, paid, plan,
             target) for seq, day, detail, pct, paid, plan, target in REPORTS]
    assert got == want


@pytest.mark.parametrize("heading", ["ผลการดำเนินงาน / ปัญหาอุปสรรค",  # names no column
                                     "ผลการดำเนินงาน / ปัญหาอุปสรรค ร้อยละความก้าวหน้า"])
@pytest.mark.parametrize("extra", ["flag", "gap"])
def test_a_register_whose_rows_are_wider_for_another_reason(heading: str, extra: str,
                                                            tmp_path: Path) -> None:
    """Rows a cell wider than a header that reads (or that no cut of fits): a flag
    after the last column, or a detail split in two by a wide gap. A cut of the
    header that names columns the rows' cells do not fit is no header: every value
    is read right or not at all (NULL), never one shifted into another's column."""
    from bma_etl.pipeline import process_file

    names = ["ครั้งที่", "วันที่", *heading.split(" ร้อยละ")[:1]]
    names += ["ร้อยละความก้าวหน้า" if " ร้อยละ" in heading else "ร้อยละ", "เบิกจ่าย"]
    lines = ["แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ",
             "1. ชื่อโครงการและหน่วยงานที่รับผิดชอบโครงการ",
             *(f"{label}\t{value}" for label, value in HEAD),
             "2. รายงานความก้าวหน้าของโครงการและการใช้จ่ายงบประมาณ", "\t".join(names)]
    for seq, day, detail, pct, paid, plan, _ in REPORTS:
        cells = [str(seq), day, detail, f"{pct:.2f}", f"{paid:,.2f}"]
        if extra == "flag":
            cells.append("เป็นไปตามแผน" if plan else "ไม่เป็นไปตามแผน")
        else:
            cells[2:3] = [detail[:5], detail[5:]]
        lines.append("\t".join(cells))
    path = tmp_path / "form.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for row in process_file(path).rows("progress_updates"):
        seq, day, _, pct, paid, _, _ = REPORTS[int(row.seq_label) - 1]
        assert row.report_date in (None, date(int(day[6:]) - 543, int(day[3:5]), int(day[:2])))
        assert row.progress_pct in (None, pct)
        assert row.budget_disbursed_thb in (None, paid)
        assert row.on_plan is None or extra == "flag"

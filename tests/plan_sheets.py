"""An action plan's head as a spreadsheet (openpyxl) for printing by LibreOffice Calc.

The lines above a plan's key-project table (title, agency, vision, mission, the summary
heading and the section's), then the table's header row, on a sheet printed one A4 page
wide: what a district office types into Excel before its rows.
"""

from __future__ import annotations

from typing import Any

#: The plan's lines above its table, one a row in column A (written for these tests).
HEAD_LINES = ("แผนปฏิบัติราชการประจำปี พ.ศ. 2568", "สำนักงานเขตบางเขน", "วิสัยทัศน์",
              "บางเขนน่าอยู่ ปลอดภัย", "พันธกิจ", "1. พัฒนาโครงสร้างพื้นฐาน",
              "สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. 2568",
              "โครงการสำคัญตามภารกิจของสำนักงานเขตบางเขน")
#: The key-project table's header row.
TABLE_HEAD = ("ลำดับที่", "ชื่อโครงการ", "งบประมาณ (บาท)", "ส่วนราชการที่รับผิดชอบ")


def plan_sheet(widths: list[int]) -> tuple[Any, Any]:
    """A workbook and its sheet: A4, one page wide, columns A-D ``widths`` (characters)
    wide, holding :data:`HEAD_LINES` and then :data:`TABLE_HEAD` (the sheet's last row)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True  # one page wide
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    for col, width in zip("ABCD", widths, strict=True):
        sheet.column_dimensions[col].width = width
    for text in HEAD_LINES:
        sheet.append([text])
    sheet.append(list(TABLE_HEAD))
    return book, sheet

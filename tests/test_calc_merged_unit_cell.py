"""A plan's unit cell Calc merged over two rows belongs to both rows (its rules show the merge).

A spreadsheet's Merge & Center of the responsible unit over a table's first two rows,
printed by LibreOffice: the rule between the two rows stops at the merged cell's left
side, and the unit, set vertically centred, stands right past that side (Calc's
padding is under a point) and under the rule's height. The rule's end, within a point
of the unit's first letter, was taken for a rule over it: the unit was read as the
second row's text, and the first row's unit was NULL. A rule stops at the column rule
at its end (:func:`bma_etl.read.pdf_tables._past_side`): the unit is the merged
cell's, its first row's, the other row's by the ditto mark (:mod:`.pdf_rowspans`).

A plan workbook is written here with openpyxl from known values and printed by
LibreOffice (``render._soffice``); the truth is those values.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from openpyxl.styles import Alignment, Border, Font, Side

from bma_etl.pipeline_file import process_file

from corpus import render
from plan_sheets import plan_sheet

_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_ROWS = [(1, "โครงการปรับปรุงผิวจราจรถนนพหลโยธิน", 4_250_000, "ฝ่ายโยธา"),
         (2, "โครงการก่อสร้างสะพานคนเดินข้ามคลองเปรมประชากร", 2_180_500, "ฝ่ายโยธา"),
         (3, "โครงการฝึกอบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน", None, "ฝ่ายปกครอง")]


def _workbook(path: Path, font: str) -> None:
    """A plan of one key-project table whose unit is merged over its rows 1-2."""
    book, sheet = plan_sheet([8, 55, 18, 30])
    for cell in sheet[sheet.max_row]:
        cell.border = _BOX
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    start = sheet.max_row + 1
    for seq, name, budget, unit in _ROWS:
        sheet.append([seq, name, budget if budget is not None else "ไม่ใช้งบประมาณ", unit])
        for cell in sheet[sheet.max_row]:
            cell.border = _BOX
            cell.alignment = Alignment(vertical="top", wrap_text=True, horizontal="right" if
                                       isinstance(cell.value, int) else "left")
            if isinstance(cell.value, int) and cell.column == 3:
                cell.number_format = "#,##0.00"
    sheet.merge_cells(start_row=start, start_column=4, end_row=start + 1, end_column=4)
    sheet.cell(start, 4).alignment = Alignment(vertical="center", wrap_text=True)
    total = sum(b for _, _, b, _ in _ROWS if b is not None)
    sheet.append(["รวมงบประมาณทั้งสิ้น", None, total])
    sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row,
                      end_column=2)
    sheet.cell(sheet.max_row, 3).number_format = "#,##0.00"
    for cell in sheet[sheet.max_row]:
        cell.border = _BOX
    for row in sheet.iter_rows():  # a row height for one line of 12 pt, as a typist sets it
        sheet.row_dimensions[row[0].row].height = 25
        for cell in row:
            cell.font = Font(name=font, size=12)
    book.save(path)


@pytest.mark.parametrize("font", ["Garuda", "Loma"])
def test_a_unit_merged_over_two_rows_is_each_rows(tmp_path: Path, font: str) -> None:
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-calc-nogui")
    book = tmp_path / "plan.xlsx"
    _workbook(book, font)
    pdf = tmp_path / "plan.pdf"
    with tempfile.TemporaryDirectory() as tmp:
        assert render._soffice(tmp, [str(book)], [pdf], "--convert-to", "pdf") == {}
    processed = process_file(pdf)
    assert processed.layout == "annual_action_plan"
    got = [(row.seq, row.budget_thb, row.responsible_unit)
           for row in processed.rows("plan_projects")]
    assert got == [(seq, budget, unit) for seq, _, budget, unit in _ROWS]

"""A plan kept in a sheet whose rows are not fitted to their wrapped cells, printed ruled.

Excel and Calc keep a row at the height it was given: a cell set to wrap whose text
needs two lines draws the second one line pitch on, past the row's bottom rule and
clipped there; the PDF's text layer keeps it, standing in the next row's box. Read by
where it stands, a heading's ``(บาท)`` went on project 1's name, a name's second line
on the next project's name, a unit's on the total row (breaker26 D_xlsx_gridlines).
Such a line goes back to the cell it runs on from (:mod:`bma_etl.read.pdf_overflow`).

A plan workbook is written here with openpyxl from known values, every row one line
tall, and printed by LibreOffice; the truth is those values.
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl.styles import Alignment, Border, Font, Side

from bma_etl.pipeline_file import process_file

from corpus import render
from plan_sheets import plan_sheet
from thai_fonts import font_file

_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
#: ``(seq, name, budget, unit)``: names and units long enough to wrap in their columns.
_ROWS = [(1, "โครงการพัฒนาห้องเรียนดิจิทัลในโรงเรียนสังกัดกรุงเทพมหานครทุกแห่ง",
          Decimal("387450000.00"), "กลุ่มงานเทคโนโลยีสารสนเทศ"),
         (2, "โครงการอาหารกลางวันคุณภาพสำหรับนักเรียนระดับประถมศึกษา",
          Decimal("125600750.50"), "กลุ่มงานสวัสดิการ"),
         (3, "โครงการพัฒนาทักษะภาษาอังกฤษ", Decimal("64800000.00"), "กลุ่มงานหลักสูตร"),
         (4, "โครงการโรงเรียนปลอดภัยไร้ความรุนแรง", None, "กลุ่มงานกิจการนักเรียนและชุมชน")]


def _workbook(path: Path, font: str, pt: int, grid: str, height: float) -> None:
    """A plan of one key-project table, every row ``height`` font sizes tall (one line),
    printed one page wide."""
    book, sheet = plan_sheet([10, 42, 20, 22])
    table = [sheet.max_row]
    for seq, name, budget, unit in _ROWS:
        sheet.append([seq, name, float(budget) if budget is not None else "ไม่ใช้งบประมาณ",
                      unit])
        sheet.cell(sheet.max_row, 3).number_format = "#,##0.00"
        table.append(sheet.max_row)
    total = sum((b for _, _, b, _ in _ROWS if b is not None), Decimal(0))
    sheet.append(["รวมงบประมาณทั้งสิ้น", None, float(total)])
    sheet.cell(sheet.max_row, 3).number_format = "#,##0.00"
    table.append(sheet.max_row)
    for row in sheet.iter_rows():  # one line tall: the sheet's rows never fitted
        sheet.row_dimensions[row[0].row].height = round(pt * height, 1)
        for cell in row:
            cell.font = Font(name=font, size=pt)
            if cell.row in table:
                cell.alignment = Alignment(vertical="top", wrap_text=True)
                if grid == "borders":
                    cell.border = _BOX
    sheet.print_options.gridLines = grid == "lines"
    book.save(path)


#: ``(font, size, grid, row height in font sizes)``: a row a little taller than one line
#: (the next row's own first line stands clear of the line run into it).
PRINTS = [("Loma", 12, "lines", 1.8), ("Sarabun", 14, "lines", 1.5),
          ("Sarabun", 11, "borders", 1.8)]


@pytest.mark.parametrize(("font", "pt", "grid", "height"), PRINTS)
def test_a_wrapped_cells_line_past_its_rule_stays_with_its_cell(
        font: str, pt: int, grid: str, height: float, tmp_path: Path) -> None:
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-calc-nogui")
    font_file(font)
    book = tmp_path / "plan.xlsx"
    _workbook(book, font, pt, grid, height)
    pdf = tmp_path / "plan.pdf"
    with tempfile.TemporaryDirectory() as tmp:
        assert render._soffice(tmp, [str(book)], [pdf], "--convert-to", "pdf") == {}
    processed = process_file(pdf)
    assert processed.layout == "annual_action_plan"
    got = [(row.seq, row.name, row.budget_thb, row.responsible_unit)
           for row in processed.rows("plan_projects")]
    assert got == _ROWS

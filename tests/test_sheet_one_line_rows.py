"""A plan kept in a sheet whose rows are one line pitch tall, printed ruled.

Excel and Calc keep a row at the height it was given and clip a wrapped cell's text
to the cell: its second line is drawn one line pitch under its first, on the next
row's own line (pdfium ran their letters together: ``กรุงเทพมห โครงการอาาหนครทุกแห่ง``)
or past it, and a last row's under the table's bottom rule. The text layer keeps the
hidden lines, and each text object's clip says whose cell they are
(:mod:`bma_etl.read.pdf_clip_cells`): the warehouse gets each cell's full text.

The workbook is written here with openpyxl from known values and printed by
LibreOffice; the truth is those values.
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl.styles import Alignment, Border, Font, Side

from bma_etl.pipeline_file import process_file

from conftest import font_file
from corpus import render
from plan_sheets import plan_sheet
from test_sheet_unfitted_rows import _ROWS, _workbook

_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)

#: ``(font, size, grid, row height in font sizes)``: rows one line pitch tall or less,
#: so a cell's hidden line stands on the next row's line (Sarabun 11: pdfium ran the
#: two lines' letters together) or on the one after it (Sarabun 14), and a row whose
#: line stands on its own bottom rule (Loma 12).
ONE_LINE = [("Loma", 12, "lines", 1.2), ("Sarabun", 14, "lines", 1.2),
            ("Sarabun", 11, "borders", 1.3)]


def _printed(book: Path, tmp_path: Path) -> Path:
    """``book`` printed to PDF by LibreOffice (fails the test when it cannot be)."""
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-calc-nogui")
    pdf = tmp_path / "plan.pdf"
    with tempfile.TemporaryDirectory() as tmp:
        assert render._soffice(tmp, [str(book)], [pdf], "--convert-to", "pdf") == {}
    return pdf


@pytest.mark.parametrize(("font", "pt", "grid", "height"), ONE_LINE)
def test_a_cells_hidden_line_on_the_next_rows_line_stays_with_its_cell(
        font: str, pt: int, grid: str, height: float, tmp_path: Path) -> None:
    font_file(font)
    book = tmp_path / "plan.xlsx"
    _workbook(book, font, pt, grid, height)
    processed = process_file(_printed(book, tmp_path))
    assert processed.layout == "annual_action_plan"
    got = [(row.seq, row.name, row.budget_thb, row.responsible_unit)
           for row in processed.rows("plan_projects")]
    assert got == _ROWS
    total = sum((b for _, _, b, _ in _ROWS if b is not None), Decimal(0))
    assert [s.stated_total_thb for s in processed.rows("plan_sections")] == [total]


#: ``(seq, name, budget, unit)``: the last row's name and unit wrap past the table's foot.
_LAST = [(1, "โครงการซ่อมแซมถนนในซอย", Decimal("2450000.00"), "ฝ่ายโยธา"),
         (2, "โครงการจัดเก็บขยะมูลฝอยจากชุมชนริมคลองและแหล่งน้ำสาธารณะ",
          Decimal("875300.25"), "ฝ่ายรักษาความสะอาดและสวนสาธารณะ")]


def _last_row_book(path: Path, font: str, pt: int) -> None:
    """A plan whose key-project table ends with :data:`_LAST`'s last row, no total under
    it, every row one line (``1.2`` font sizes) tall, ruled by borders."""
    book, sheet = plan_sheet([8, 40, 18, 24])
    table = [sheet.max_row]
    for seq, name, budget, unit in _LAST:
        sheet.append([seq, name, float(budget), unit])
        sheet.cell(sheet.max_row, 3).number_format = "#,##0.00"
        table.append(sheet.max_row)
    for row in sheet.iter_rows():
        sheet.row_dimensions[row[0].row].height = round(pt * 1.2, 1)
        for cell in row:
            cell.font = Font(name=font, size=pt)
            if cell.row in table:
                cell.alignment = Alignment(vertical="top", wrap_text=True)
                cell.border = _BOX
    book.save(path)


@pytest.mark.parametrize(("font", "pt"), [("Sarabun", 13), ("Garuda", 11)])
def test_a_last_rows_lines_under_the_tables_foot_stay_with_their_cells(
        font: str, pt: int, tmp_path: Path) -> None:
    font_file(font)
    book = tmp_path / "plan.xlsx"
    _last_row_book(book, font, pt)
    processed = process_file(_printed(book, tmp_path))
    assert processed.layout == "annual_action_plan"
    got = [(row.seq, row.name, row.budget_thb, row.responsible_unit)
           for row in processed.rows("plan_projects")]
    assert got == _LAST

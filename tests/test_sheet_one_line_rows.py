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
from test_sheet_unfitted_rows import _ROWS, _workbook

from corpus import render
from plan_sheets import plan_sheet
from thai_fonts import font_file

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


def _plan_book(path: Path, font: str, pt: int, grid: str, height: float,
               vertical: str | None) -> None:
    """:func:`test_sheet_unfitted_rows._workbook`'s plan, its table's cells aligned
    ``vertical`` (None: the sheet's default, the cell's foot)."""
    _workbook(path, font, pt, grid, height)
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    for row in sheet.iter_rows():
        for cell in row:
            if cell.alignment.wrap_text:
                cell.alignment = Alignment(vertical=vertical, wrap_text=True)
    book.save(path)


@pytest.mark.parametrize(("font", "pt", "grid", "height"), ONE_LINE)
def test_a_cells_hidden_line_on_the_next_rows_line_stays_with_its_cell(
        font: str, pt: int, grid: str, height: float, tmp_path: Path) -> None:
    font_file(font)
    book = tmp_path / "plan.xlsx"
    _workbook(book, font, pt, grid, height)
    _read_back(book, tmp_path)


@pytest.mark.parametrize("vertical", [None, "center"])
def test_a_cells_lines_hidden_over_its_row_stay_with_their_cell(
        vertical: str | None, tmp_path: Path) -> None:
    """At the sheet's default alignment a cell's last line stands in it and its first
    ones over it, on the rows above (centred: some over it, some under it)."""
    font_file("Sarabun")
    book = tmp_path / "plan.xlsx"
    _plan_book(book, "Sarabun", 14, "lines", 1.2, vertical)
    _read_back(book, tmp_path)


def _read_back(book: Path, tmp_path: Path) -> None:
    """Print ``book`` and check its projects and its stated total against the values."""
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


def test_a_line_read_in_a_cells_band_goes_back_up_with_its_clip() -> None:
    """A line pdfium read far under the page goes back where it was drawn; others stay."""
    from bma_etl.read.pdf_clip_cells import Parked, unparked
    from bma_etl.read.pdf_line import TextLine

    parked = Parked(step=2 * 842.0 + 1000.0, middle=421.0,
                    clips=((105.6, 634.6, 322.6, 648.1), (425.9, 594.1, 539.5, 607.6)))
    down = 2 * parked.step  # the second cell's band
    lines = [TextLine("ในซอย", 637.0, 14.0, heights=(637.0,)),
             TextLine("และชุมชน", 578.5 - down, 14.0, heights=(578.5 - down,)),
             TextLine("ท้ายกระดาษ", -20.0, 9.0)]
    got = unparked(lines, parked)
    assert [(line.baseline, line.heights, line.clip) for line in got] == [
        (637.0, (637.0,), None), (578.5, (578.5,), parked.clips[1]), (-20.0, (), None)]
    assert unparked(lines, None) is lines

"""A plan typed in a sheet whose rows keep the default height, in a font taller than them.

Calc's default row is about 15 points: Garuda 14's lines are taller, so each ruled
row's text overflows its row and the printed row rule (gridlines, cell borders) runs
through its letters. A row whose text reaches from its first column's left padding to
its last column's right padding (an amount right-aligned in the last column) has that
rule end with its text, as a deletion's line-through does: the row was taken for
struck-through words and left out, and the rows under it moved up a place, so the
first routine item got the second's name and amount (breaker30 D_xlsx_autofit_grid).
A rule that crosses the rules between the columns is no line-through
(:func:`bma_etl.read.pdf_strikes._beyond`).

The workbook is written here with openpyxl from known values and printed by
LibreOffice; the truth is those values.
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from bma_etl.pipeline_file import process_file

from corpus import render
from thai_fonts import font_file

_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD = ["ลำดับที่", "ชื่อโครงการ", "งบประมาณ (บาท)", "หน่วยงานที่รับผิดชอบ"]
#: ``(section, seq, name, budget, unit)`` of the plan written here (names short enough
#: for one line each).
_ITEMS = [("strategic", 1, "โครงการปรับปรุงผิวจราจรซอยวัดเทพ", Decimal("4215000.00"),
           "ฝ่ายโยธา"),
          ("strategic", 2, "โครงการติดตั้งไฟส่องสว่าง", Decimal("876500.50"), "ฝ่ายโยธา"),
          ("key", 1, "โครงการคัดแยกขยะในชุมชน", Decimal("152300.00"), "ฝ่ายรักษาความสะอาด"),
          ("key", 2, "โครงการอบรมอาสาสมัครจราจร", None, "ฝ่ายเทศกิจ"),
          ("routine", 1, "โครงการจัดซื้อครุภัณฑ์", Decimal("1348200.00"), None),
          ("routine", 2, "โครงการจ้างเหมาดูแลสวน", Decimal("2715600.25"), None),
          ("routine", 3, "โครงการซ่อมบำรุงลิฟต์", Decimal("409800.00"), None)]


def _sheet_rows(summary: bool = True, strategic: bool = True
                ) -> tuple[list[list[object]], set[int]]:
    """The sheet's rows (values) and which of them are table rows (1-based); without
    the summary's heading row (สรุปโครงการและงบประมาณ...) unless ``summary``; without the
    strategic section's heading unless ``strategic`` (its table's header then names
    the strategic projects, ``ชื่อโครงการยุทธศาสตร์``)."""
    rows: list[list[object]] = [
        ["แผนปฏิบัติราชการประจำปี พ.ศ. 2568"], ["สำนักงานเขตบางพลัด สำนักปลัดกรุงเทพมหานคร"],
        ["วิสัยทัศน์"], ["บางพลัดน่าอยู่ ริมน้ำสะอาด"], ["พันธกิจ"],
        ["1. พัฒนาโครงสร้างพื้นฐาน"], []]
    if summary:
        rows.append(["สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. 2568"])
    if strategic:
        rows.append(["โครงการยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. 2568"])
    table: set[int] = set()
    for section, title in (("strategic", None), ("key", "โครงการสำคัญตามภารกิจของสำนักงานเขต")):
        if title:
            rows += [[], [title]]
        rows.append(list(_HEAD) if strategic or title else
                    [_HEAD[0], "ชื่อโครงการยุทธศาสตร์", *_HEAD[2:]])
        table.add(len(rows))
        items = [item for item in _ITEMS if item[0] == section]
        for _, seq, name, budget, unit in items:
            rows.append([seq, name, float(budget) if budget else "ไม่ใช้งบประมาณ", unit])
            table.add(len(rows))
        rows.append(["รวมงบประมาณ", None, float(sum(i[3] or 0 for i in items)), None])
        table.add(len(rows))
    rows += [[], ["บัญชีรายการ/โครงการประจำปีพื้นฐาน"],
             ["ลำดับที่", "ด้าน/แผนงาน", "รายการ/โครงการ", "งบประมาณ (บาท)"]]
    table.add(len(rows))
    routine = [item for item in _ITEMS if item[0] == "routine"]
    for k, (_, seq, name, budget, _unit) in enumerate(routine):
        rows.append([1 if k == 0 else None, "ด้านการบริหารทั่วไป" if k == 0 else None,
                     f"{seq}. {name}", float(budget) if budget else "ไม่ใช้งบประมาณ"])
        table.add(len(rows))
    rows.append(["รวม", None, None, float(sum(i[3] or 0 for i in routine))])
    table.add(len(rows))
    return rows, table


def _workbook(path: Path, font: str, pt: int, summary: bool = True,
              strategic: bool = True) -> None:
    """The plan in ``font`` ``pt``, rows at the sheet's default height, ruled, landscape
    (``summary``, ``strategic``: with those headings' rows, :func:`_sheet_rows`)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    rows, table = _sheet_rows(summary, strategic)
    for r, values in enumerate(rows, 1):
        for c, value in enumerate(values, 1):
            cell = sheet.cell(row=r, column=c, value=value)
            cell.font = Font(name=font, size=pt)
            if isinstance(value, float):
                cell.number_format = "#,##0.00"  # right-aligned: its row's text fills it
            if r in table:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                cell.border = _BOX
    for col, width in zip("ABCD", (10, 50, 34, 18), strict=True):
        sheet.column_dimensions[col].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.print_options.gridLines = True
    book.save(path)


def _items_read(tmp_path: Path, font: str, pt: int, summary: bool = True,
                strategic: bool = True) -> list[tuple[str, int, str, Decimal | None]]:
    """The plan's items as read from its print: section, seq, name, budget."""
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-calc-nogui")
    font_file(font)
    book = tmp_path / "plan.xlsx"
    _workbook(book, font, pt, summary, strategic)
    pdf = tmp_path / "plan.pdf"
    with tempfile.TemporaryDirectory() as tmp:
        assert render._soffice(tmp, [str(book)], [pdf], "--convert-to", "pdf") == {}
    processed = process_file(pdf)
    assert processed.layout == "annual_action_plan"
    return [(row.section, row.seq, row.name, row.budget_thb)
            for row in processed.rows("plan_projects")]


@pytest.mark.parametrize(("font", "pt"), [("Garuda", 14), ("Garuda", 16)])
def test_rows_overflowing_their_default_height_are_all_read(
        font: str, pt: int, tmp_path: Path) -> None:
    assert _items_read(tmp_path, font, pt) == [item[:4] for item in _ITEMS]


@pytest.mark.parametrize(("font", "pt"), [("Loma", 12), ("Garuda", 14)])
def test_a_plan_without_its_summary_heading_is_read_by_its_sections_headings(
        font: str, pt: int, tmp_path: Path) -> None:
    """No row สรุปโครงการและงบประมาณ...: the first section's heading, a budget table's
    header under it, starts the summary (it was quarantined whole: breaker30 *_nohead)."""
    assert _items_read(tmp_path, font, pt, summary=False) == [item[:4] for item in _ITEMS]


def test_the_summarys_first_table_under_no_heading_is_named_by_its_header(
        tmp_path: Path) -> None:
    """No strategic heading over the summary's first table (OCR lost the line on a
    Ghostscript re-save: breaker30 D_xlsx_clip_grid_gs_ebook), its header naming the
    strategic projects: the table is the strategic section's (it was skipped, "budget
    table under no heading naming its section"), with a warning saying so."""
    assert _items_read(tmp_path, "Loma", 12, strategic=False) == [item[:4] for item in _ITEMS]

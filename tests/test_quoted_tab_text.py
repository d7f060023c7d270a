"""A sheet saved as tab-separated text with its text cells in quotes (Calc, Excel).

"Text (tab-delimited)" puts each text cell in double quotes, a quote inside it
doubled, leaves numbers bare and pads every row with empty cells to the sheet's
width. Read as printed, no label matched (every line began with ``"``) and each
such file was quarantined. Documents generated from known values (bench/corpus:
legacy forms, action plans, project pages), saved as such a sheet would save them;
the truth is the values they were generated from.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.read.text_quoted import unquoted_cells

from corpus.build import GENERATORS
from read_back import assert_read_as_generated

_NUMBER = re.compile(r"-?[0-9][0-9,]*(?:\.[0-9]+)?")


def as_sheet_text(text: str, rng: random.Random) -> str:
    """``text`` saved by a sheet: a cell per tab cell, text quoted, rows padded."""
    rows = [line.split("\t") for line in text.split("\n")]
    width = max(len(row) for row in rows) + rng.randint(0, 2)
    out = []
    for row in rows:
        cells = ['"' + cell.replace('"', '""') + '"' if cell and not _NUMBER.fullmatch(cell)
                 else cell for cell in row]
        out.append("\t".join(cells + [""] * (width - len(cells))))
    return "\n".join(out)


@pytest.mark.parametrize("generator", ["legacy_tab", "plan", "web_detail", "web_history"])
@pytest.mark.parametrize("k", range(3))
def test_a_sheet_saved_as_quoted_tab_text(generator: str, k: int, tmp_path: Path) -> None:
    rng = random.Random(f"quoted-{generator}-{k}")
    doc = GENERATORS[generator](rng)
    path = tmp_path / "sheet.txt"
    path.write_text(as_sheet_text(doc.text, rng), encoding="utf-8")
    assert_read_as_generated(path, doc.truth)


def test_a_quote_inside_a_cell_and_a_cell_over_two_lines() -> None:
    sheet = ('"ชื่อโครงการ :"\t"โครงการ ""สวนสวย"" ระยะที่ 2"\t\n'
             '"หมายเหตุ :"\t"1. บรรทัดแรก\n2. บรรทัดสอง"\t\n')
    assert unquoted_cells(sheet) == ('ชื่อโครงการ :\tโครงการ "สวนสวย" ระยะที่ 2\n'
                                     "หมายเหตุ :\t1. บรรทัดแรก\n2. บรรทัดสอง\n")


@pytest.mark.parametrize("text", [
    'ชื่อโครงการ : โครงการ "สวนสวย"\tระยะที่ 2\nรหัสโครงการ : 1234\n',  # quotes in prose
    '"ชื่อโครงการ :\t"ไม่ปิด\n"รหัส"\n',  # a quote never closed: no sheet
])
def test_text_that_is_no_quoted_sheet_is_left_as_it_is(text: str) -> None:
    assert unquoted_cells(text) is None


#: Thai consonants: a line break set between two of them falls inside a word.
_CONSONANT = re.compile("[\u0e01-\u0e2e]")
#: The detail page's labels, longest first: its table pasted into a sheet is label, value.
_DETAIL_LABELS = sorted((
    "รหัสโครงการ", "ปี", "ชื่อโครงการ", "Policy ID", "Branch ID", "Kpi ID",
    "งบฯ ที่ได้รับ (บาท)", "งบฯ ที่ใช้ไป (บาท)", "คืบหน้าล่าสุด", "หน่วยงาน", "Start Date",
    "Finish Date", "หลักการและเหตุผล", "วัตถุประสงค์", "เป้าหมาย", "ผู้รับผิดชอบ",
    "ผู้ตรวจประเมิน", "หมายเหตุ", "นโยบาย ผว.", "ค่าน้ำหนัก", "เป้าหมายโครงการ",
    "ผลการดำเนินการ", "หน่วยนับ"), key=len, reverse=True)


def as_detail_sheet(text: str) -> str:
    """A detail page's ``labelvalue`` lines as its table pasted into a sheet: label⇥value."""
    out, inside = [], False
    for line in text.split("\n"):
        if line.startswith("อธิบายรายละเอียด"):
            inside = False
        label = next((k for k in _DETAIL_LABELS if line.startswith(k) and line != k), None)
        out.append(f"{label}\t{line[len(label):]}" if inside and label else line)
        inside = inside or line.startswith("ข้อมูลโครงการ/กิจกรรม")
    return "\n".join(out)


def tsv_cell(cell: str) -> str:
    """A cell as a sheet's tab text writes it: quoted when it holds a tab, line break or quote."""
    if any(c in cell for c in '\t\n"'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def with_cell_breaks(text: str, rng: random.Random) -> str:
    """``text``'s tab rows copied through a sheet whose cells got manual line breaks.

    About half the cells holding a word get a line break (Alt+Enter) inside a Thai
    word, as a writer narrows a column; the sheet then writes each row's cells by
    the TSV rules (:func:`tsv_cell`). Lines without a tab (the prose around the
    tables) are left as they are.
    """
    out = []
    for line in text.split("\n"):
        if "\t" not in line:
            out.append(line)
            continue
        cells = []
        for cell in line.split("\t"):
            cuts = [i for i in range(1, len(cell))
                    if _CONSONANT.match(cell[i - 1]) and _CONSONANT.match(cell[i])]
            if cuts and rng.random() < 0.5:
                at = rng.choice(cuts)
                cell = cell[:at] + "\n" + cell[at:]
            cells.append(tsv_cell(cell))
        out.append("\t".join(cells))
    return "\n".join(out)


@pytest.mark.parametrize("generator", ["plan", "legacy_tab", "web_detail_long"])
@pytest.mark.parametrize("k", range(3))
def test_quoted_cells_over_lines_among_other_text(generator: str, k: int,
                                                  tmp_path: Path) -> None:
    rng = random.Random(f"cell-breaks-{generator}-{k}")
    doc = GENERATORS[generator](rng)
    text = as_detail_sheet(doc.text) if generator == "web_detail_long" else doc.text
    sheet = with_cell_breaks(text, rng)
    assert sheet.count('"') > doc.text.count('"'), "no cell was quoted"
    path = tmp_path / "sheet.txt"
    path.write_text(sheet, encoding="utf-8")
    assert_read_as_generated(path, doc.truth)


def test_a_quoted_cell_is_read_where_it_stands() -> None:
    text = ('บทนำ "ข้อความ" ของแผน\n"ลำดับ\nที่"\tชื่อ\t"ส่วน\nราชการ"\n'
            '1\t"โครงการ ""ก"""\tกอง\nเขียน "ก"\tต่อ\n')
    assert unquoted_cells(text) == ('บทนำ "ข้อความ" ของแผน\nลำดับที่\tชื่อ\tส่วนราชการ\n'
                                    '1\tโครงการ "ก"\tกอง\nเขียน "ก"\tต่อ\n')

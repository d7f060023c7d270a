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

from conftest import assert_read_as_generated
from corpus.build import GENERATORS

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
    sheet = '"ชื่อโครงการ :"\t"โครงการ ""สวนสวย"" ระยะที่ 2"\t\n"หมายเหตุ :"\t"บรรทัดแรก\nบรรทัดสอง"\t\n'
    assert unquoted_cells(sheet) == ('ชื่อโครงการ :\tโครงการ "สวนสวย" ระยะที่ 2\n'
                                     "หมายเหตุ :\tบรรทัดแรก\nบรรทัดสอง\n")


@pytest.mark.parametrize("text", [
    'ชื่อโครงการ : โครงการ "สวนสวย"\tระยะที่ 2\nรหัสโครงการ : 1234\n',  # quotes in prose
    '"ชื่อโครงการ :\t"ไม่ปิด\n"รหัส"\n',  # a quote never closed: no sheet
])
def test_text_that_is_no_quoted_sheet_is_left_as_it_is(text: str) -> None:
    assert unquoted_cells(text) is None

"""A project page's glued monthly results printed from a sheet, an empty cell after each.

The tracking system may print a month and its result glued in one cell
(``ผลงานเดือนที่ 12`` is month 1, result 2). Kept as a spreadsheet and printed by
LibreOffice Calc with the table's grid, such a row fills its first cell only and
the empty second cell follows it (``ผลงานเดือนที่ 12⇥``). The empty cell was taken
for the month's result cell: month 1 was read as month 12 and its result lost.

Project pages generated from known values (bench/corpus, producer ``soffice-calc``),
drawn with a first result of 0 to 2; the truth is their monthly results.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import calc, render
from corpus.build import GENERATORS
from corpus.score import score
from thai_fonts import font_file

TABLE = "monthly_progress"
#: Draws of ``web_detail`` whose first month's result (0 to 2) glued to it reads as a month
#: (``ผลงานเดือนที่ 11``); the second's last months have no result (``ผลงานเดือนที่ 10⇥``).
DRAWS = ("calc-glued-months-22", "calc-glued-months-51")


def _doc(draw: str) -> object:
    doc = GENERATORS["web_detail"](random.Random(draw))
    first = doc.truth["tables"][TABLE][0]
    assert first["value"] in ("0", "1", "2") and f"ผลงานเดือนที่ 1{first['value']}\n" in doc.text
    return doc


@pytest.mark.parametrize("draw", DRAWS)
def test_glued_months_each_before_an_empty_cell(draw: str, tmp_path: Path) -> None:
    doc = _doc(draw)
    text = "\n".join(line + "\t" if line.startswith("ผลงานเดือนที่") else line
                     for line in doc.text.split("\n"))
    path = tmp_path / "detail.txt"
    path.write_text(text, encoding="utf-8")
    result = score(process_file(path), {"tables": {TABLE: doc.truth["tables"][TABLE]}})
    assert result.total > 0 and result.lost == [], result.lost[:6]


@pytest.mark.parametrize(("draw", "font"), [(DRAWS[0], "Norasi"), (DRAWS[1], "Garuda")])
def test_sheet_print_of_glued_months(draw: str, font: str, tmp_path: Path) -> None:
    if not (render.have("soffice")
            and Path("/usr/lib/libreoffice/program/libsclo.so").exists()):
        pytest.fail("needs LibreOffice Calc: make venv installs libreoffice-calc-nogui")
    font_file(font)
    doc = _doc(draw)
    settings = {"fit": "yes", "grid": "lines", "pt": "14", "colon": "label", "cap": "250",
                "orientation": "portrait", "valign": "bottom"}
    pdf = tmp_path / "detail.pdf"
    failed = calc.render_calc_batch([(doc, pdf, font, settings)])
    assert not failed, failed
    result = score(process_file(pdf), json.loads(doc.truth_json()))
    assert result.total > 0 and result.lost == [], result.lost[:6]

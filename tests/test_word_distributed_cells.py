"""Cells of Word documents in Thai distributed justification, printed by LibreOffice.

Documents are generated from known values (bench/corpus) and printed as the
``soffice-docx-dist`` producer prints them (borderless tables, a narrow first
column, distributed justification); the truth is the generated values.

What these prints do:

- a plan's KPI table (มาตรการ / ตัวชี้วัด / นิยาม / โครงการ) sets ``มน.`` alone on
  the first line of its narrow first column, the next word not fitting beside it;
  the row's next line then starts with a word in every column, as a next row would
  (the row's measure and the rows under it were read apart: their four fields
  lost), and the first cell's last words may wrap on below the row's other cells
  (``…ในชุมชน`` on a line of its own);
- a project row (at a page's foot, or opening a page) whose amount's first digit is set beside the
  name's first line, closer than a tab (``โครงการ…โรง ๓`` / ``พยาบาลในสังกัด
  ,๒๙๔,๐๐๐.๐๐ บาท`` on the next page): the amount went into the name (the row's
  amount, unit and the section's total lost); also in Thai justification, and
  beside an item's name whose number (``1.``) justification had set apart;
- a detail page's ``ผลงานเดือนที่ ๑๑๓`` (month 1, value 13, glued as the web page
  glues them) is spread to the margin: its one space is as wide as a tab (every
  month lost).
"""

from __future__ import annotations

import random
import re
import zlib
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.score import score
from corpus_prints import amount_cut_in_its_cell
from thai_fonts import font_file

#: ``(font, points, first column cm)`` of each print.
PLAN_PRINT = ("Sarabun", 14, 2.0)
DETAIL_PRINT = ("Garuda", 14, 2.4)


def _printed(tmp_path: Path, doc: GeneratedDoc, font: str, pt: int, first_cm: float,
             align: str = "distribute") -> Path:
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    font_file(font)  # fails the test when the font is not installed
    pdf = tmp_path / f"{doc.name}.{font}.pdf"
    failed = render.render_docx_batch([(doc, pdf, font, {
        "align": align, "pt": str(pt), "widths": "content", "ruled": "no",
        "first_cm": str(first_cm), "footer": "- {n} -"})])
    assert not failed, failed
    return pdf


def test_kpi_rows_keep_a_first_column_whose_first_line_is_short(tmp_path: Path) -> None:
    # a plan whose KPI rows stand whole on their pages (a row a page break cuts is
    # another fault), with มน. alone and a measure wrapping below its row
    doc = GENERATORS["plan"](random.Random("extras3-plan-1"))
    pdf = _printed(tmp_path, doc, *PLAN_PRINT)
    result = score(process_file(pdf), doc.truth)
    assert result.layout == "annual_action_plan"
    rows = doc.truth["tables"]["plan_kpi_definitions"]
    assert any((row.get("measure") or "").startswith("มน.") for row in rows)
    lost = [item for item in result.lost if item[0].startswith("plan_kpi_definitions.")]
    assert not lost, lost


@pytest.mark.parametrize(("seed", "k", "font", "pt", "first_cm", "align"), [
    (7, 1, "Garuda", 14, 2.0, "distribute"),  # a row cut at a page's foot after its first line
    (7, 0, "Norasi", 12, 2.0, "thai"),  # a row opening a page, its header at the page before's foot
    (11, 0, "Norasi", 14, 1.8, "distribute"),  # ``1. โครงการ…`` a cell of its own, joined back
])
def test_an_amounts_first_digits_beside_the_name_stay_in_their_column(
        tmp_path: Path, seed: int, k: int, font: str, pt: int, first_cm: float,
        align: str) -> None:
    # plans of the bench's corpus printed as it prints them: a project's amount wraps
    # after its first digits, set beside the last words of the name's first line
    doc = GENERATORS["plan"](random.Random(zlib.crc32(repr((seed, "plan", k)).encode())))
    pdf = _printed(tmp_path, doc, font, pt, first_cm, align)
    assert amount_cut_in_its_cell(pdf, doc.text), "no amount wrapped in its cell"
    result = score(process_file(pdf), doc.truth)
    assert result.layout == "annual_action_plan"
    lost = [item for item in result.lost
            if item[0].startswith(("plan_projects.", "plan_sections."))]
    assert not lost, lost


def test_month_lines_spread_to_the_margin_keep_their_month_and_value(tmp_path: Path) -> None:
    # a page whose months are written in Thai digits (their lines spread widest)
    doc = next(d for d in (GENERATORS["web_detail"](random.Random(f"distributed-cells-{k}"))
                           for k in range(40))
               if re.search("^ผลงานเดือนที่ [๐-๙]", d.text, re.MULTILINE))
    pdf = _printed(tmp_path, doc, *DETAIL_PRINT)
    result = score(process_file(pdf), doc.truth)
    assert result.layout == "web_project_detail"
    months = doc.truth["tables"]["monthly_progress"]
    assert months
    lost = [item for item in result.lost if item[0].startswith("monthly_progress.")]
    assert not lost, lost

"""Borderless tables a PDF writes cell by cell: each cell's lines, then back up the page.

Qt's ``QPdfWriter`` printing a ``QTextDocument`` table, and a PDF library drawing each
cell as a text box of its own (fpdf2's ``multi_cell``, ReportLab, PyMuPDF's
``insert_textbox``), write a table's first cell top to bottom, then go back up for the
next one. Without rules, the reader put a wrapped cell's second line under its row
as a line of its own: an action plan's project names and step descriptions were
read cut after their first line, their rest going to the next row or into the unit
column. Qt also sets a cell of digits a little higher than the Thai beside it.

The documents are generated from known values (bench/corpus) and written here
with fpdf2, each cell a ``multi_cell`` of its own in narrow columns (cells wrap to
two or three lines, at a pitch wider than single spacing as Qt sets Thai); the
truth is the generated values.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest

from bma_etl.pipeline import process_file

from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.render import blocks, fpdf_page
from corpus.score import score
from thai_fonts import font_file

SEED = 3713
#: An amount's cell (``7,961,700.00``, ``๘,๔๕๐,๐๐๐.- บาท``): Qt sets its comma in a
#: fallback font whose taller line box puts the cell's text a little higher.
_AMOUNT = re.compile(r"[\d๐-๙]{1,3}(,[\d๐-๙]{3})+(\.[\d๐-๙]*)?-?( บาท)?")


def _widths(rows: list[list[str]], total: float) -> list[float]:
    """Column widths (mm): a short column as wide as its longest cell, the rest shared."""
    columns = max(len(r) for r in rows)
    longest = [max((len(r[k]) if k < len(r) else 0) for r in rows) for k in range(columns)]
    weights = [min(max(n, 4), 40) for n in longest]
    raw = [max(12.0, total * w / sum(weights)) for w in weights]
    return [w * total / sum(raw) for w in raw]


def write_cell_by_cell(doc: GeneratedDoc, out: Path, font: str, pt: int, pitch_em: float,
                       lift_pt: float) -> None:
    """Write ``doc`` with fpdf2, its tables borderless and drawn cell by cell.

    Each cell is one ``multi_cell`` (left-aligned, ``pitch_em`` font sizes a line); the
    pen goes back up to the row's top for the next cell. An amount's cell is set
    ``lift_pt`` points higher (:data:`_AMOUNT`).
    """
    pdf: Any = fpdf_page(font, font_file(font), pt, numbered=True)
    h = pt * pitch_em * 25.4 / 72
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for kind, rows in blocks(doc.text):
        if kind == "p":
            line = rows[0][0]
            if line.strip():
                pdf.multi_cell(0, h, line, align="L", new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.ln(h * 0.6)
            continue
        widths = _widths(rows, width)
        for row in rows:
            cells = row + [""] * (len(widths) - len(row))
            tall = max(len(pdf.multi_cell(w, h, c, dry_run=True, output="LINES")) if c else 1
                       for c, w in zip(cells, widths, strict=True))
            if pdf.get_y() + tall * h > pdf.h - 20:
                pdf.add_page()
            top, x = pdf.get_y(), pdf.l_margin
            for cell, w in zip(cells, widths, strict=True):
                lift = lift_pt * 25.4 / 72 if _AMOUNT.fullmatch(cell.strip()) else 0.0
                pdf.set_xy(x, top - lift)
                if cell.strip():
                    pdf.multi_cell(w, h, cell, align="L", new_x="RIGHT", new_y="TOP")
                x += w
            pdf.set_xy(pdf.l_margin, top + tall * h + h * 0.4)
    pdf.output(str(out))


#: ``(seed key, font, points, line pitch in font sizes, amount lifted by points)``:
#: Qt's look (Thai lines 1.8 font sizes apart, amounts 2 points up), and single
#: spacing in another font.
PRINTS = (("a", "Sarabun", 12, 1.8, 2.0), ("b", "Garuda", 11, 1.4, 0.0))
#: Least share of the plans' fields right: measured 488 of 513 (454 before a cell
#: written apart was read as one: names, scoring levels' descriptions and scores,
#: the KPI definitions' cells cut after their first line).
FLOOR = 0.94
#: The tables whose wrapped cells the reader cut ...
WRAPPED = ("plan_projects", "plan_steps", "plan_scoring_levels", "plan_kpi_definitions")
#: ... and the most of their fields read wrong: measured 3 (28 before), the cells of
#: the last row of the last page, which nothing of its table follows on its page: a
#: row a page break may cut, left to the cut rows' reading (README, Known limits).
MAX_WRONG = 3


def _written(tmp_path: Path, generator: str, key: str, font: str, pt: int, pitch_em: float,
             lift: float) -> tuple[Path, GeneratedDoc]:
    doc = GENERATORS[generator](random.Random(f"{SEED}-{key}"))
    pdf = tmp_path / f"{generator}-{key}.pdf"
    write_cell_by_cell(doc, pdf, font, pt, pitch_em, lift)
    return pdf, doc


def test_plans_whose_borderless_tables_are_written_cell_by_cell_give_their_fields(
        tmp_path: Path) -> None:
    right = total = 0
    wrong = []
    for spec in PRINTS:
        pdf, doc = _written(tmp_path, "plan", *spec)
        result = score(process_file(pdf), doc.truth)
        assert result.layout == "annual_action_plan"
        right, total = right + result.right, total + result.total
        wrong += [item for item in result.lost if item[0].split(".")[0] in WRAPPED
                  and item[3] not in ("missing", "row_missing")]
    assert len(wrong) <= MAX_WRONG, wrong
    assert right >= FLOOR * total, (right, total)


@pytest.mark.parametrize("generator", ["legacy_pipe", "web_history"])
def test_a_form_or_history_page_written_cell_by_cell_stays_read(
        tmp_path: Path, generator: str) -> None:
    pdf, doc = _written(tmp_path, generator, "f", "Sarabun", 12, 1.8, 2.0)
    result = score(process_file(pdf), doc.truth)
    assert result.right == result.total, result.lost

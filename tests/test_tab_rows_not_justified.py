"""A tab row of a plan fpdf2 printed is no justified line, however alike its gaps.

bench/corpus ``fpdf2`` / ``fpdf2-shaped``: each tab of a row moves the pen to the
next default tab stop, and a project name too long for the line is cut where the
line is full (``1`` ⇥ ``โครงการ…และเ`` / ``ขตหนองจอก`` ⇥ ``10,416,400 บาท``). Such
a first line ends flush with the margin, as a justified paragraph's does:

- with one gap (the sequence number's), it read as a label and its value spread
  to the margin (:func:`bma_etl.read.pdf_justified.with_spread_lines`), one cell;
- with two tab gaps that happen to be alike (``๑`` ⇥ ``โครงการ…`` ⇥ ``ส่วนแผน``),
  as a justified line whose spaces were stretched
  (:func:`bma_etl.read.pdf_justified.justified`), one cell.

Either way the row lost its cells and the section its table: every project of it.
A gap before a cell that starts where the page's other rows start a cell is a
column's (:func:`bma_etl.read.pdf_justified.column_starts`); so is one before a
cell on the page's grid of tab stops (:func:`bma_etl.read.pdf_tabstops.tab_grid`):
with three tab gaps alike, one at a column, the other two were still read as
stretched spaces (``๑`` ⇥ ``โครงการ…ศาลาท่าน้ำ`` ⇥ ``ไม่ใช้งบประมาณ`` ⇥ ``ฝ่ายการค``).
The plans are
generated (bench/corpus) and printed as the corpus builder prints them; the truth
is their projects and sections as generated.
"""

from __future__ import annotations

import random
import zlib
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf_justified import column_starts, justified
from bma_etl.read.pdf_line import TextLine

from corpus import render
from corpus.build import GENERATORS
from corpus.score import score
from corpus_prints import corpus_fpdf_print
from read_back import assert_read_as_generated
from thai_fonts import font_file

TABLES = ("plan_projects", "plan_sections")


def _seeded(*parts: object) -> random.Random:
    """The random source bench/corpus's builder draws a document or a print from."""
    return random.Random(zlib.crc32(repr(parts).encode()))


@pytest.mark.parametrize(("k", "producer", "font", "pt"), [
    (1, "fpdf2", "Loma", None),  # one gap: read as spread to the margin
    (2, "fpdf2-shaped", "Sarabun", None),  # two alike tab gaps: read as justified
])
def test_a_plan_row_cut_at_the_margin_keeps_its_cells(tmp_path: Path, k: int, producer: str,
                                                     font: str, pt: int | None) -> None:
    doc = GENERATORS["plan"](_seeded(199, "plan", k))
    pdf = tmp_path / f"plan.{producer}.{font}.pdf"
    render.render_fpdf(doc, pdf, font, font_file(font), _seeded(199, "plan", k, producer),
                       shaping=producer == "fpdf2-shaped", pt=pt)
    truth = {"tables": {t: doc.truth["tables"][t] for t in TABLES}}
    assert all(truth["tables"][t] for t in TABLES)
    result = score(process_file(pdf), truth)
    assert result.total > 0 and result.lost == [], result.lost[:6]


def _line(text: str, cells: tuple[float, ...], ends: tuple[float, ...], right: float,
          spread: float = 0.0) -> TextLine:
    return TextLine(text, 700.0, 12.0, cells, cells[0], right, 10.0, 10.0, False, None,
                    ends=ends, spread=spread)


def test_alike_tab_gaps_at_columns_are_no_justification() -> None:
    margin, edge = 59.5, 534.0
    row = _line("๑\tโครงการ\tส่วนแผน", (59.5, 95.0, 491.5), (67.6, 463.8, 534.0), 534.0,
                spread=43.1)
    under = _line("๓\tโครงการ ๑๑,๗๖๒,๙๐๐.๐๐ บาท\tส่วนแผนงานฯ", (59.5, 95.0, 455.5),
                  (67.9, 426.4, 523.8), 500.0)
    prose = _line("คำ\tคำ\tคำ", (59.5, 250.0, 440.0), (180.0, 370.0, 534.0), 534.0,
                  spread=43.1)
    lines = [row, under, prose]
    columns = column_starts(lines, edge)
    assert not justified(lines, 0, margin, edge, columns)  # its name's cell is a column's
    assert justified(lines, 2, margin, edge, columns)  # no cell at a column: stretched spaces


def test_alike_tab_gaps_on_the_tab_grid_are_no_justification() -> None:
    margin, edge, stop = 74.83, 520.0, 36.0
    # three tab gaps alike (27.4, 28.8, 27.7 points), the first at a column
    row = _line("๑\tโครงการ ไม่ใช้งบประมาณ\tฝ่ายการค", (margin, 110.31, margin + 11 * stop),
                (82.94, 443.11, 516.75), 516.75, spread=65.9)
    row = TextLine(row.text, 700.0, 12.0, row.cells, margin, 516.75, 10.0, 10.0, False, None,
                   ends=row.ends, gaps=((333.29, 362.06),), spread=65.9)
    under = _line("๒\tโครงการ ไม่ใช้งบประมาณ\tส่วนนิติการ", (margin, 110.31, 362.06),
                  (82.94, 300.0, 400.0), 400.0)
    lines = [row, under]
    columns = column_starts(lines, edge)
    assert justified(lines, 0, margin, edge, columns)  # the page shows no grid
    assert not justified(lines, 0, margin, edge, columns, (margin, stop))
    assert justified(lines, 0, margin, edge, columns, (margin + 0.5, stop))  # off the grid


def test_a_row_of_three_alike_tab_gaps_keeps_its_cells(tmp_path: Path) -> None:
    # corpus seed 331's fourth plan, fpdf2-shaped in Sarabun: the strategic projects'
    # first row (``๑`` ⇥ ``โครงการอบรมป้ายรถ…`` ⇥ ``ไม่ใช้งบประมาณ`` ⇥ ``ฝ่ายการค`` /
    # ``ลัง``) read as one justified line: the section lost its five projects
    doc, pdf = corpus_fpdf_print(tmp_path, 331, "plan", 3, "Sarabun", shaping=True)
    assert_read_as_generated(pdf, doc.truth, TABLES)

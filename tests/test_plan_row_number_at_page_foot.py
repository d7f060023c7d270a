"""A tab row's number left alone at a page's foot keeps the table's heading its own line.

fpdf2 prints a plan's tab rows as text at tab stops, wrapped at a space: a row whose
project name does not fit after its number (``2.`` / ``โครงการ…``) leaves the number
alone on its first line. When that line is a full page's last, the page ends with
the table's heading line, its first row (``1 ด้าน… 1. โครงการ…`` and its budget
further right) and the number: the budget stood beside the middle of three lines at
the margin, as a cell centred beside a wrapped one, and the three were joined as one
row (``ลำดับที่ ด้าน/แผนงาน … 1. โครงการ… 2.`` / ``132,000 บาท``): the table's heading
was lost and every row with it (seed 127 plan_000, Kinnari). A cell's lines wrap;
the heading line ends far short of room for the next line's first word
(:func:`bma_etl.read.pdf_page._unwrapped`).

Plans generated (bench/corpus), printed the way ``render_fpdf`` prints them (A4
landscape) with the routine table's second row starting on a page's last line; the
truth is the generated projects and sections.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf_glyphs import TAB_GAP_EM

from corpus.build import GENERATORS
from corpus.render import fpdf_page
from corpus.score import score
from thai_fonts import fonts_or_fail

HEADING = "บัญชีรายการ/โครงการประจำปีพื้นฐาน"
STOP = 12.7  # mm: render_fpdf's tab stops
MARGINS = (15.0, 20.0, 25.4)  # mm: render_fpdf's
SIZES = (12.0, 12.5, 13.0, 13.5, 14.0, 14.5, 15.0, 15.5, 16.0)  # pt: a size puts the case


def _pdf(font: str, path: Path, pt: float, margin: float) -> Any:
    """A wide page (the row and its budget on one line) with render_fpdf's page number."""
    return fpdf_page(font, path, pt, orientation="L", margin=margin)


def _line(pdf: Any, line: str, h: float, last_gap: float = 0.0) -> list[float]:
    """One line of the text as render_fpdf prints it; the gaps before its cells (mm).

    ``last_gap``: the last cell goes to the first stop at least that far from the text
    before it (a writer's second tab).
    """
    margin = pdf.l_margin
    gaps: list[float] = []
    if "\t" not in line:
        if line.strip():
            pdf.multi_cell(0, h, line, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(h * 0.6)
        return gaps
    pdf.set_x(margin)
    end = None  # where the last cell's text ended on this line
    pieces = line.split("\t")
    for i, piece in enumerate(pieces):
        if i:
            nxt = margin + (int((pdf.get_x() - margin) / STOP) + 1) * STOP
            while i == len(pieces) - 1 and end is not None and nxt - end < last_gap:
                nxt += STOP
            if nxt > pdf.w - margin - 5:
                pdf.ln(h)
                end = None
            else:
                pdf.set_x(nxt)
        if piece:
            if end is not None:
                gaps.append(pdf.get_x() - end)
            pdf.write(h, piece)
            end = pdf.get_x()
    pdf.ln(h)
    return gaps


def _print(text: str, font: str, path: Path, pt: float, margin: float, out: Path) -> bool:
    """The plan printed, the routine table's second row begun on a page's last line.

    The first row's budget goes to a stop a tab gap or more past its name (a writer's
    second tab), so that it stands apart as a cell. False when the plan's table is not
    the case: heading words or first-row cells set apart as cells, a heading line or
    first row that wraps, or a second row whose name fits after its number.
    """
    lines = text.split("\n")
    at = lines.index(HEADING)
    second = lines[at + 4]
    if not second.startswith("\t"):
        return False
    h = pt * 0.5
    scratch = _pdf(font, path, pt, margin)
    right = scratch.w - margin
    em = TAB_GAP_EM * pt * 25.4 / 72  # mm: a narrower gap is read as no tab
    tops, gaps = [], []
    for k, line in enumerate(lines[at:at + 4]):
        tops.append(scratch.get_y())
        gaps.append(_line(scratch, line, h, em * 1.1 if k == 3 else 0.0))
    if max(gaps[2] + gaps[3][:-1]) >= em or gaps[3][-1] < em * 1.05:
        return False  # the heading and the first row up to its budget read as one cell each
    block = scratch.get_y() - tops[0]
    if any(abs(d - h) > 0.01 for d in (tops[3] - tops[2], scratch.get_y() - tops[3])):
        return False  # the heading line or the first row wraps
    number, name = second.strip().split("\t")[0].split(" ", 1)
    x = margin
    for _ in range(2):  # render_fpdf's two tabs (in floating point: one stop or two)
        x = margin + (int((x - margin) / STOP) + 1) * STOP
    x += scratch.get_string_width(number + " ")
    if x + scratch.get_string_width(name.split()[0]) <= right:
        return False  # the name's first words stand beside the number
    pdf = _pdf(font, path, pt, margin)
    for k, line in enumerate(lines):
        if k == at:
            if pdf.get_y() + block + h > pdf.page_break_trigger:
                pdf.add_page()
            pdf.set_y(pdf.page_break_trigger - block - h - 0.5)
        _line(pdf, line, h, em * 1.1 if k == at + 3 else 0.0)
    pdf.output(str(out))
    return True


@pytest.mark.parametrize(("font", "seed"), [("Kinnari", 0), ("Laksaman", 30), ("Loma", 60)])
def test_row_number_alone_at_a_page_foot_keeps_the_heading(font: str, seed: int,
                                                           tmp_path: Path) -> None:
    path = fonts_or_fail([font])[font]
    out = tmp_path / "plan.pdf"
    printed = next(((k, pt) for k in range(seed, seed + 40) for pt in SIZES for margin in MARGINS
                    if _print(GENERATORS["plan"](random.Random(k)).text, font, path, pt, margin,
                              out)), None)
    assert printed is not None, "no plan whose second routine row's name wraps off its number"
    generated = GENERATORS["plan"](random.Random(printed[0]))
    tables = generated.truth["tables"]
    truth = {"tables": {"plan_projects": tables["plan_projects"],
                        "plan_sections": tables["plan_sections"]}}
    result = score(process_file(out), truth)
    assert result.right == result.total, result.lost

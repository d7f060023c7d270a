"""An indicator table whose header is a page's last line and whose years open the next.

A plan printed as flowing text with tab stops (bench/corpus ``fpdf2``) sets the
multi-year target header ``ลำดับที่ ตัวชี้วัด ค่าเป้าหมาย`` on one line and its
years (``2565 2566 …``) under ``ค่าเป้าหมาย`` on the next. When a page ends between
the two, the years are the next page's first line: a row of its own, never the rest
of the header's last cell (:func:`bma_etl.read.pdf_cutrows.join_cut_row`, with
:func:`bma_etl.read.pdf_cuts.years_row`). Joined to the header, the table had no
year line and its indicators were lost, every row of them.

The plan is generated (bench/corpus); blank lines (each a 0.6-line gap) before the
header move it to a page's foot, computed from the printer's own position, and the
test checks from the PDF's text that the header ends its page and the years open the
next. The truth is the plan's indicators as generated.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.score import score
from thai_fonts import font_file


def _print_with_header_at_foot(lines: list[str], header: int, out: Path, font: str,
                               pt: int, header_text: str | None, margin: float = 20.0) -> None:
    """Print ``lines`` as :func:`corpus.render.render_fpdf` does, padded so that line
    ``header`` is its page's last line and the line after it opens the next page."""
    h = pt * 0.5
    probe = render.fpdf_page(font, font_file(font), pt, header=header_text, margin=margin)
    render.fpdf_lines(probe, lines[:header], h)
    room = probe.page_break_trigger - probe.get_y()
    if room < 2 * h:  # too little room left for padding: start from the next page
        room += probe.page_break_trigger - probe.t_margin - (6 if header_text else 0)
    pad = max(0, math.ceil((room - 2 * h) / (0.6 * h) + 1e-6))
    pdf = render.fpdf_page(font, font_file(font), pt, header=header_text, margin=margin)
    render.fpdf_lines(pdf, [*lines[:header], *[""] * pad, *lines[header:]], h)
    pdf.output(str(out))


def _page_lines(path: Path) -> list[list[str]]:
    """Each page's text lines, the printer's own page furniture left out."""
    pages = []
    for page in pdfium.PdfDocument(path):
        text = page.get_textpage().get_text_bounded()
        pages.append([line.strip() for line in text.splitlines()
                      if line.strip() and not line.strip().startswith("- ")])
    return pages


@pytest.mark.parametrize(("seed", "font", "pt", "running"), [
    (5, "Kinnari", 16, None),
    (11, "Norasi", 14, "เอกสารประกอบการประชุม"),
    (17, "Loma", 12, None),
])
def test_years_opening_a_page_are_the_header_rows_own(
        tmp_path: Path, seed: int, font: str, pt: int, running: str | None) -> None:
    _check_plan(tmp_path, seed, font, pt, running)


@pytest.mark.parametrize(("seed", "running"), [(1, None), (2, "เอกสารประกอบการประชุม")])
def test_years_each_at_a_stop_of_its_own_opening_a_page_are_the_header_rows_own(
        tmp_path: Path, seed: int, running: str | None) -> None:
    # Thai digits at 14 pt Norasi between 15 mm margins (seed 89's plan_003): each
    # year stands at a tab stop of its own, one cell a year, two or more under
    # ``ค่าเป้าหมาย``; no column of the header, the table's one line on its page,
    # shows an edge, so no room tells the header ended
    # (:func:`bma_etl.read.pdf_cutrows._years_apart`).
    _check_plan(tmp_path, seed, "Norasi", 14, running, margin=15.0, apart=True)


def _check_plan(tmp_path: Path, seed: int, font: str, pt: int, running: str | None,
                margin: float = 20.0, apart: bool = False) -> None:
    """Print generated plan ``seed`` with its target header at a page's foot; read it back."""
    doc = GENERATORS["plan"](random.Random(seed))
    lines = doc.text.split("\n")
    header = next(i for i, line in enumerate(lines)
                  if line.startswith("ลำดับที่\t") and "ค่าเป้าหมาย" in line)
    years = lines[header + 1].split()
    assert len(years) >= 2 and all(len(y) == 4 for y in years), "the generator writes years"
    pdf = tmp_path / "plan.pdf"
    _print_with_header_at_foot(lines, header, pdf, font, pt, running, margin)

    pages = _page_lines(pdf)
    at = next(n for n, page in enumerate(pages) if any("ค่าเป้าหมาย" in x for x in page))
    body = [x for x in pages[at + 1] if x != running]
    assert "ค่าเป้าหมาย" in pages[at][-1] and "".join(body[0].split()) == "".join(years), \
        "the header ends its page and the years open the next"
    if apart:
        assert "\u0e52" in years[0] and len(body[0].split()) == len(years) >= 3, \
            "Thai years, each apart"

    truth = {"tables": {"plan_indicators": doc.truth["tables"]["plan_indicators"]}}
    assert truth["tables"]["plan_indicators"]
    result = score(process_file(pdf), truth)
    assert result.total > 0 and result.lost == [], result.lost[:6]

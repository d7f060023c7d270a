"""A target table's years set at tab stops under a header they do not line up with.

bench/corpus ``fpdf2`` at 10 pt: a tab moves the pen to the next default tab stop, so
a header whose cells run past a stop (``ลำดับที่`` ⇥ ``ตัวชี้วัด`` ⇥ ``ค่าเป้าหมาย``)
pushes its cells right, and the years under it (``⇥ ⇥ ๒๕๖๖ ⇥ ๒๕๖๗``) land under
``ตัวชี้วัด`` and ``ค่าเป้าหมาย``. When the first indicator's name is a run too long
for its line, only its ``-`` stands at the stop, under the years. With no other row
to show where the columns end, the three lines read as one header row whose cells
wrapped (``ตัวชี้วัด ๒๕๖๖ -`` | ``ค่าเป้าหมาย ๒๕๖๗``): the table lost its years and
every target. Right under a table's first line, pieces of one year each are its
years, a row of its own that no cell's rest goes on
(:func:`bma_etl.read.pdf_cuts.years_row`, :func:`bma_etl.read.pdf_borderless.top_aligned_rows`).

The plan is generated (bench/corpus) and printed by fpdf2 in Norasi 10 pt; the truth
is its indicators as generated.
"""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium

from bma_etl.pipeline import process_file
from bma_etl.read.pdf_cuts import years_row

from corpus import render
from corpus.build import GENERATORS
from corpus.score import score
from thai_fonts import font_file


def test_a_years_row_at_tab_stops_under_its_header_keeps_its_targets(tmp_path: Path) -> None:
    doc = GENERATORS["plan"](random.Random(1017))
    pdf = tmp_path / "plan.pdf"
    render.render_fpdf(doc, pdf, "Norasi", font_file("Norasi"), random.Random(1018),
                       shaping=False, pt=10)
    pages = pdfium.PdfDocument(pdf)
    drawn = "".join(page.get_textpage().get_text_range() for page in pages)
    assert "\r\n-\r\n" in drawn  # the first name's dash alone on its line, under the years
    truth = {"tables": {"plan_indicators": doc.truth["tables"]["plan_indicators"]}}
    result = score(process_file(pdf), truth)
    assert result.total > 0 and result.lost == [], result.lost[:6]


def test_single_years_are_a_years_row_only_under_a_header() -> None:
    assert years_row({1: "๒๕๖๖", 2: "๒๕๖๗"}, under_header=True)
    assert not years_row({1: "๒๕๖๖", 2: "๒๕๖๗"})  # a wrapped row's rest (พ.ศ. / ๒๕๖๖)
    assert not years_row({1: "๒๕๖๖"}, under_header=True)  # one year: a cell's rest
    assert not years_row({1: "๒๕๖๖", 2: "ร้อยละ ๕"}, under_header=True)

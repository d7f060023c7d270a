"""A form's value cells printed higher than their labels: each row still one row.

A legacy form typed in a spreadsheet, label cell | value cell, printed by
LibreOffice with a font it had to substitute sets each value's text about half a
line above its label's baseline. Read as lines, the value came first and each
label took the value of the row below it: the project code stored as the year, the
name as the code, dates and budgets lost.

Forms generated from known values (bench/corpus ``legacy_tab``): their head's
``label : value`` lines printed by fpdf2 as two cells, the value set 0.4 to 0.6 of a
font size higher than its label; and the form kept in a Calc sheet in a font that
is not installed, printed by LibreOffice. The truth is the generated values.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf_line import TextLine
from bma_etl.read.pdf_row_offsets import offset_rows

from corpus import render
from corpus.build import GENERATORS
from corpus.calc import render_calc_batch
from corpus.doc import GeneratedDoc
from corpus.score import score
from thai_fonts import font_file

_LABEL = re.compile(r"^(?P<label>[^:|\t]{2,60}?)\s+:\s+(?P<value>\S.*)$")
_FIELDS = ("project_code", "project_name", "fiscal_year_be", "start_date", "end_date",
           "budget_allocated_thb", "budget_spent_thb", "coordinator", "agency")


def _lost(path: Path, doc: GeneratedDoc) -> list[tuple[str, object, object, str]]:
    processed = process_file(path)
    assert processed.layout == "legacy_progress_form", path.name
    return [item for item in score(processed, doc.truth).lost
            if item[0].split(".")[-1] in _FIELDS]


def _offset_print(doc: GeneratedDoc, out: Path, font: str, lift_em: float) -> None:
    """``doc`` printed by fpdf2, each ``label : value`` line as a label cell and a value
    cell whose text stands ``lift_em`` font sizes above the label's baseline."""
    pt = 12
    pdf = render.fpdf_page(font, font_file(font), pt, numbered=False)
    h = pt * 1.6 * 25.4 / 72  # a row: one line and its cell's padding
    lift = lift_em * pt * 25.4 / 72
    step = pt * 0.5  # a wrapped value's lines (mm)
    for line in doc.text.split("\n"):
        m = _LABEL.match(line.strip())
        if m is None or "\t" in line:
            render.fpdf_lines(pdf, [line.replace("\t", " ")], pt * 0.5)
            continue
        if pdf.get_y() + 2 * h > pdf.h - 18:
            pdf.add_page()
        y = pdf.get_y()
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(60, h, f"{m['label']} :")  # its line centred in the row
        pdf.set_xy(pdf.l_margin + 62, y + (h - step) / 2 - lift)
        pdf.multi_cell(0, step, m["value"], new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(max(pdf.get_y() + (h - step) / 2 + lift, y + h))
    pdf.output(str(out))


@pytest.mark.parametrize(("k", "font", "lift"),
                         [(0, "Sarabun", 0.4), (1, "Loma", 0.5), (2, "Garuda", 0.6),
                          (3, "Sarabun", 0.55)])
def test_values_set_higher_than_their_labels(k: int, font: str, lift: float,
                                             tmp_path: Path) -> None:
    doc = GENERATORS["legacy_tab"](random.Random(f"offset-cells-{k}"))
    pdf = tmp_path / "form.pdf"
    _offset_print(doc, pdf, font, lift)
    assert not _lost(pdf, doc)


def test_a_sheet_printed_in_a_substituted_font(tmp_path: Path) -> None:
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: apt-get install libreoffice-calc (make venv does)")
    docs = [GENERATORS["legacy_tab"](random.Random(f"offset-calc-{k}")) for k in range(2)]
    settings = {"fit": "yes", "grid": "none", "pt": "12", "colon": "label", "cap": "60",
                "orientation": "portrait", "valign": "split", "rows": "one"}
    jobs = [(doc, tmp_path / f"form-{k}.pdf", "TH Sarabun New", settings)
            for k, doc in enumerate(docs)]
    assert not render_calc_batch(jobs)
    for doc, pdf, _, _ in jobs:
        assert not _lost(pdf, doc), pdf.name


def _line(text: str, baseline: float, left: float, right: float) -> TextLine:
    return TextLine(text, baseline, 10.0, (left,), left, right)


def test_a_value_as_near_to_two_labels_is_paired_with_neither() -> None:
    """A value cell half-way between two label lines: which row it is cannot be told."""
    lines = [_line("รหัสโครงการ :", 700.0, 50.0, 120.0),
             _line("50140000-7215", 696.0, 160.0, 230.0),
             _line("ปีงบประมาณ :", 692.0, 50.0, 120.0)]
    assert offset_rows(lines, [True] * 3) == frozenset()
    lines[2] = _line("ปีงบประมาณ :", 680.0, 50.0, 120.0)
    assert offset_rows(lines, [True] * 3) == frozenset({1})

"""Text printed over text in a PDF: values read from such a cell are NULL and flagged.

xhtml2pdf does not break Thai inside a table cell: a plan's project name ran on over
the budget cell beside it, the two overprinted each other, and the text layer read
interleaved (``น๔ข้,๒อ๐มู๐ลผั,๐ง๐เมื๐อ.-งดิจิทัลบาท``): the budget ๔,๒๐๐,๐๐๐.- บาท was
stored as 4.00, a score ๑๒ as 1.0000. Letters of a line whose boxes stand over each
other (:mod:`bma_etl.read.pdf_overprint`) now make the values read from their cell
NULL with an ``overprinted_value`` issue (:mod:`bma_etl.normalize.trust_overprint`).

Forms are generated from known values (bench/corpus ``legacy_tab``) and printed by
fpdf2; the allocated budget has another text (the project's name) drawn over its unit
(the digits read whole, and the old reader stored them as they read),
the same form without it is the control. The truth is the generated values.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus.build import GENERATORS
from corpus.render import fpdf_lines, fpdf_page
from thai_fonts import font_file

_BUDGET = "งบประมาณที่ได้รับ : "


def _printed(text: str, over: str | None, out: Path, font: str) -> None:
    """``text`` printed by fpdf2, ``over`` drawn over the allocated budget's value."""
    pdf = fpdf_page(font, font_file(font), 12)
    h = 6.0
    for line in text.split("\n"):
        if over is None or not line.startswith(_BUDGET):
            fpdf_lines(pdf, [line], h)
            continue
        pdf.set_x(pdf.l_margin)
        pdf.write(h, _BUDGET)
        x, y = pdf.get_x(), pdf.get_y()
        pdf.write(h, line[len(_BUDGET):])
        number = line[len(_BUDGET):].split(" ")[0]
        # the other text starts over the value's unit, past its digits: the digits
        # read whole, but the cell is not to be trusted
        pdf.set_xy(x + pdf.get_string_width(number + " "), y)
        pdf.write(h, over)
        pdf.ln(h)
    pdf.output(str(out))


@pytest.mark.parametrize("font", ["Loma", "Sarabun"])
@pytest.mark.parametrize("seed", range(2))
def test_a_value_printed_over_by_other_text_is_null_and_flagged(
        tmp_path: Path, seed: int, font: str) -> None:
    generated = GENERATORS["legacy_tab"](random.Random(seed))
    want = generated.tables["projects"][0]
    assert want["budget_allocated_thb"] is not None and want["project_name"]
    assert f"\n{_BUDGET}" in generated.text
    plain, over = tmp_path / "plain.pdf", tmp_path / "over.pdf"
    _printed(generated.text, None, plain, font)
    _printed(generated.text, want["project_name"], over, font)

    control = process_file(plain, ocr="never")
    got = control.rows("projects")[0]
    assert got.budget_allocated_thb == Decimal(str(want["budget_allocated_thb"]))
    assert not [i for i in control.rows("quality_issues") if i.code == "overprinted_value"]

    read = process_file(over, ocr="never")
    got = read.rows("projects")[0]
    assert got.budget_allocated_thb is None
    assert (got.project_code, got.budget_spent_thb is None) == (
        want["project_code"], want["budget_spent_thb"] is None)
    flagged = [i for i in read.rows("quality_issues") if i.code == "overprinted_value"]
    assert [i.field for i in flagged] == ["budget_allocated_thb"]


#: The second column's width (points): a plan's project names.
_NAME_WIDTH = 200.0


def _unbroken_cells(text: str, out: Path, font: str) -> None:
    """``text`` printed by ReportLab with each table cell one unbroken string.

    xhtml2pdf (ReportLab underneath) does not break Thai in a cell: a long project
    name runs on across the column's rule over the budget beside it. Cells given as
    strings, not paragraphs, are drawn so.
    """
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from corpus.render import blocks

    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(font, str(font_file(font))))
    body = ParagraphStyle("body", fontName=font, fontSize=12, leading=16)
    story: list[object] = []
    for kind, rows in blocks(text):
        if kind == "p":
            line = rows[0][0]
            story.append(Paragraph(line.replace("&", "&amp;").replace("<", "&lt;"), body)
                         if line.strip() else Spacer(1, 6))
            continue
        columns = max(len(r) for r in rows)
        data = [r + [""] * (columns - len(r)) for r in rows]
        widths = ([480.0] if columns == 1 else [30.0, 450.0] if columns == 2
                  else [30.0, _NAME_WIDTH] + [(450 - _NAME_WIDTH) / (columns - 2)] * (columns - 2))
        table = Table(data, colWidths=widths)
        # the cells after the second set right: a name runs on over the empty left of
        # the next cell, or, longer, over the amount there
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("FONT", (0, 0), (-1, -1), font, 11),
                                   ("ALIGN", (2, 0), (-1, -1), "RIGHT")]))
        story.append(table)
    SimpleDocTemplate(str(out), pagesize=A4).build(story)


@pytest.mark.parametrize("seed", range(2))
def test_a_name_run_on_across_a_rule_is_whole_or_null(tmp_path: Path, seed: int) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    generated = GENERATORS["plan"](random.Random(f"unbroken-{seed}"))
    pdf = tmp_path / "plan.pdf"
    _unbroken_cells(generated.text, pdf, "Sarabun")
    read = process_file(pdf, ocr="never")
    got = {row.name for row in read.rows("plan_projects")}
    flagged = [i for i in read.rows("quality_issues") if i.code == "overprinted_value"]
    run_on = [p["name"] for p in generated.tables["plan_projects"]
              if stringWidth(p["name"], "Sarabun", 11) > _NAME_WIDTH - 12]
    assert run_on and flagged  # the input is what the test says
    names = {p["name"] for p in generated.tables["plan_projects"]}
    assert got - {None} <= names  # a name is read whole or not at all: never cut at the rule
    assert got & set(run_on)  # a name run on over an empty stretch of the row reads whole


def test_word_that_lost_a_mark_in_one_row_dooms_only_the_rows_that_lost_it() -> None:
    """A label every row repeats, its mark lost in some rows only (Firefox's prints):
    the word as read is looked for first, so the rows that read the mark keep their
    values (by its letters alone it was found in every row, and every row was NULL)."""
    from types import SimpleNamespace

    from bma_etl.read.pdf_overprint import UNREAD, overprinted_lines

    rows = ["รายงานครั้งที่1\t:: งบประมาณที่เบิกใช้ = 0 บาท",
            "รายงานครั้งที่2\t:: งบประมาณทีเบิกใช้ = 0 บาท",
            "รายงานครั้งที่3\t:: งบประมาณที่เบิกใช้ = 2,318,400 บาท",
            "รายงานครั้งที่4\t:: งบประมาณทีเบิกใช้ = 5,904,275 บาท"]
    page = SimpleNamespace(text="\n".join(rows), overprints=[UNREAD + "ณทีเบิ"], ocr=False)
    assert [line for line, _ in overprinted_lines([page])] == [2, 4]

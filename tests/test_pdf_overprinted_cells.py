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

from conftest import font_file
from corpus.build import GENERATORS
from corpus.render import fpdf_lines, fpdf_page

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

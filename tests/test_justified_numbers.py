"""Lone numbers that justification set apart, on lines built from known values.

A text-layer plan prints a step table's heading as a paragraph: ``ชื่อตัวชี้วัดที่ ๓``
then the indicator's name, ``ชื่อโครงการที่ ๑`` then the project's. When the name is
too long for the line, the number is left alone and justification sets it on the
right edge, so the page shows a column of numbers beside the paragraph's lines.
That is no table row set beside the table above it: the lines stay lines. And a
step's last line with its two percentages set a word space apart (``… ๓๐ ๑๐๐``)
over the total row's (``รวม ๓ ขั้นตอน … ๑๐๐ ๑๐๐``) is two rows, not one cell wrapped.
"""

from __future__ import annotations

import pytest

from bma_etl.read.pdf_borderless import top_aligned_rows
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_page import with_side_by_side

SIZE = 10.0
PITCH = 14.17
LEFT, EDGE = 74.8, 520.4


def _line(
    text: str, baseline: float, cells: tuple[float, ...], ends: tuple[float, ...]
) -> TextLine:
    return TextLine(text, baseline, SIZE, cells, cells[0], ends[-1], ends=ends)


def _heading(
    top: float, indicator_no: str, indicator: str, project_no: str, project: str, unit: str
) -> list[TextLine]:
    """The step table's heading as the page sets it: each number alone on the right edge."""
    texts = [
        (f"ชื่อตัวชี้วัดที่\t{indicator_no}", (LEFT, EDGE - 7), (120.3, EDGE)),
        (indicator, (LEFT,), (471.4,)),
        (f"ชื่อโครงการที่\t{project_no}", (LEFT, EDGE - 7), (126.9, EDGE)),
        (project, (LEFT,), (500.0,)),
        (unit, (LEFT,), (150.0,)),
    ]
    return [_line(t, top - k * PITCH, cells, ends) for k, (t, cells, ends) in enumerate(texts)]


@pytest.mark.parametrize(("indicator_no", "project_no"), [("๓", "๑"), ("2", "4"), ("๑๒", "๒")])
def test_numbers_justified_onto_the_right_edge_are_no_table_row(
    indicator_no: str, project_no: str
) -> None:
    total = _line("รวม ๖ ขั้นตอน คิดเป็นร้อยละ\t๑๐๐ ๑๐๐", 200.0, (LEFT, 218.8), (192.2, 275.1))
    heading = _heading(
        200.0 - 1.6 * PITCH,
        indicator_no,
        "ระดับความสำเร็จในการส่งเสริมผลงานที่โดดเด่นของกรุงเทพมหานคร",
        project_no,
        "โครงการพัฒนาศูนย์บริการสาธารณสุขในพื้นที่เขตปทุมวัน",
        "(ส่วนยุทธศาสตร์ฯ)",
    )
    got = with_side_by_side([total, *heading], {SIZE: PITCH})
    assert [line.text for line in got] == [total.text, *(line.text for line in heading)]


def test_a_padded_row_of_two_wrapped_cells_is_still_one_row() -> None:
    """Two cells each wrapped over lines that follow one another, beside a padded row
    of the same table: one row of two cells."""
    above = _line("ตัวชี้วัด\tค่าเป้าหมาย", 300.0, (LEFT, 300.0), (140.0, 360.0))
    run = [
        _line("ร้อยละของผู้ป่วย\tร้อยละ ๘๐", 300.0 - 1.6 * PITCH, (LEFT, 300.0), (200.0, 350.0)),
        _line("ที่ได้รับการรักษา\tของผู้ป่วย", 300.0 - 2.6 * PITCH, (LEFT, 300.0), (205.0, 352.0)),
    ]
    got = with_side_by_side([above, *run], {SIZE: PITCH})
    assert [line.text for line in got] == [above.text, "ร้อยละของผู้ป่วยที่ได้รับการรักษา\tร้อยละ ๘๐ ของผู้ป่วย"]


@pytest.mark.parametrize(
    ("step", "total"), [(("๓๐", "๑๐๐"), ("๑๐๐", "๑๐๐")), (("20", "90"), ("100", "100"))]
)
def test_percentages_a_word_space_apart_over_the_total_row_are_two_rows(
    step: tuple[str, str], total: tuple[str, str]
) -> None:
    """A step's last line ``… ๓๐ ๑๐๐`` over ``รวม ๓ ขั้นตอน … ๑๐๐ ๑๐๐``: the
    percentage columns stand too close for a tab, and the two lines stay two rows."""
    lines = [
        _line(f"กำหนดไว้ในแผนปฏิบัติราชการ\t{' '.join(step)}", 300.0, (LEFT, 218.8), (196.1, 275.1)),
        _line(
            f"รวม ๓ ขั้นตอน คิดเป็นร้อยละ\t{' '.join(total)}",
            300.0 - PITCH,
            (LEFT, 218.8),
            (192.2, 275.1),
        ),
    ]
    got = top_aligned_rows(lines, [LEFT, 218.8], PITCH, EDGE)
    assert [line.text for line in got] == [line.text for line in lines]

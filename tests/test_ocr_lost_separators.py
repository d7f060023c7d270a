"""A Thai-digit amount OCR read with its commas or point lost is not loaded on its digits.

A Ghostscript /ebook re-save of a spreadsheet plan, read by OCR, gave a section total
``๑๒,๕๕๒,๒๐๐.๕๐`` as ``๑๒๕๕๒๒๐๐๕๐``: every digit read right (Tesseract and the glyph
reader read them alike, which confirms a Thai-digit value:
``normalize/trust_doubts.read_alike``), and 1,255,220,050 baht loaded, a hundred times
the plan's (breaker30 D_xlsx_clip_grid_gs_ebook). Thai-digit amounts print thousands
commas: five Thai digits or more in a row is a comma or point lost, and the value is
doubtful however its digits were read. The amounts are written here and put through
the screen with the words their digits lie in read alike.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from bma_etl.normalize.fields import Normalized, NormalizedRow, ProvenanceRow
from bma_etl.normalize.trust import screen

THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _screened(printed: str, value: Decimal) -> Normalized:
    """One plan item whose budget OCR read as ``printed``, its digits read alike."""
    line = f"๓\tโครงการส่งเสริมอาชีพ\t{printed} บาท\tฝ่ายโยธา\n"
    start = line.index(printed)
    row = NormalizedRow("plan_projects", 1, {"budget_thb": value})
    prov = ProvenanceRow("plan_projects", 1, "budget_thb", 1, 1, start, start + len(printed),
                         printed, False, False, confidence=90.0)
    normalized = Normalized([row], [prov], [])
    screen(normalized, line, (), ((start, start + len(printed), 90.0),))
    return normalized


@pytest.mark.parametrize("printed", ["1255220050", "3021005", "10250"])
def test_thai_digits_with_their_separators_lost_are_not_loaded(printed: str) -> None:
    normalized = _screened(printed.translate(THAI), Decimal(printed))
    assert normalized.rows[0].values == {}
    assert [f.code for f in normalized.findings] == ["ocr_doubtful_value"]
    assert "no thousands comma" in normalized.findings[0].message


@pytest.mark.parametrize("printed", ["12,552,200.50", "1,025.00", "3150"])
def test_thai_digits_with_their_commas_read_alike_are_loaded(printed: str) -> None:
    value = Decimal(printed.replace(",", ""))
    normalized = _screened(printed.translate(THAI), value)
    assert normalized.rows[0].values == {"budget_thb": value}

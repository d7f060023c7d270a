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


# ------------------------------------------------ thousands commas OCR read as points

#: ``(name, amount as OCR read it, value)`` of a plan's strategic projects, written here:
#: every comma read as a point (the satang after them), and a whole amount whose
#: ``.-`` lost its dash (``915.000.``).
_POINTED = [("โครงการขุดลอกคูระบายน้ำ", "2.364.800.50", Decimal("2364800.50")),
            ("โครงการปรับปรุงสวนหย่อม", "915.000.", Decimal("915000")),
            ("โครงการซ่อมแซมทางเท้า", "1.250.000.-", Decimal("1250000"))]


def _plan_text(total: bool) -> str:
    """An OCR'd plan's text (a tab between cells, as OCR's columns give them)."""
    rows = [f"{k}\t{name}\t{amount} บาท\tฝ่ายโยธา" for k, (name, amount, _) in
            enumerate(_POINTED, 1)]
    if total:
        rows.append("รวมงบ\t\t4.529.800.50 บาท\t")
    return "\n".join(["แผนปฏิบัติราชการประจำปี พ.ศ. 2568", "สำนักงานเขตบางพลัด",
                      "สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. 2568",
                      "โครงการยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. 2568",
                      "ลำดับที่\tชื่อโครงการ\tงบประมาณ\tหน่วยงานที่รับผิดชอบ", *rows, ""])


@pytest.mark.parametrize("total", [True, False])
def test_amounts_ocr_read_with_points_for_commas(total: bool) -> None:
    """Groups after points (two points or more) are thousands: the amount is read whole,
    never cut at its second point (``2.364``: an error). A lone group after a point and a
    point after it (``915.000.``) is read as 915,000 and is doubtful: loaded when the
    section's total confirms it, else NULL with an ``ocr_doubtful_value`` finding."""
    from bma_etl.layouts.annual_action_plan import extract
    from bma_etl.layouts.base import RepairedText
    from bma_etl.normalize.fields import normalize

    doc = RepairedText.of(_plan_text(total), (0,), ocr_used=True)
    normalized = normalize(extract(doc), doc.text, doc.words, None)
    screen(normalized, doc.text)
    got = [row.values.get("budget_thb") for row in normalized.rows
           if row.table == "plan_projects"]
    want = [value for _, _, value in _POINTED]
    if not total:
        want[1] = None
        assert any(f.code == "ocr_doubtful_value" and "915.000." in f.message
                   and "thousands comma" in f.message for f in normalized.findings)
    assert got == want
    assert not [f for f in normalized.findings if f.code == "unparsed_value"]

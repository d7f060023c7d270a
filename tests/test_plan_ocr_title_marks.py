"""An OCR'd plan title with ``พ.ศ,`` and a doubled NIKHAHIT; a title whose year is not loaded.

OCR of a Ghostscript /ebook re-save of a spreadsheet plan read its title
``แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๘`` as ``แผนปฏิบัติการประจํําปี พ.ศ, ๒๕๒๕``: the doubled
NIKHAHIT and the comma for the point left no title, and with it no agency or parent
agency under it (breaker30 D_xlsx_clip_grid_gs_ebook). A title read with a year
that the trust screen does not load is another plan's title: NULL too, with a finding.
The plan's lines are written here, as OCR gives them.
"""

from __future__ import annotations

import pytest

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.normalize.trust import screen
from bma_etl.textnorm import repair_text

_DOUBLED = "ประจ\u0e4d\u0e4d\u0e32ปี"  # ประจำปี, its NIKHAHIT read twice


def _plan(year: str) -> str:
    return "\n".join([
        f"แผนปฏิบัติการ{_DOUBLED} พ.ศ, {year}", "สำนักงานเขตบางพลัด สำนักปลัดกรุงเทพมหานคร",
        "สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. 2568",
        "โครงการยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. 2568",
        "ลำดับที่\tชื่อโครงการ\tงบประมาณ\tหน่วยงานที่รับผิดชอบ",
        "1\tโครงการปรับปรุงสวนหย่อม\t915,000 บาท\tฝ่ายโยธา", ""])


@pytest.mark.parametrize(("year", "title", "fiscal"), [
    ("2568", "แผนปฏิบัติการประจำปี พ.ศ, 2568", 2568),
    ("๒๕๒๕", None, None),  # ๒๕๖๘ misread: far from the plan's other years, not loaded
])
def test_ocr_title_with_a_comma_and_a_doubled_mark(year: str, title: str | None,
                                                  fiscal: int | None) -> None:
    doc = RepairedText.of(repair_text(_plan(year)), (0,), ocr_used=True)
    normalized = normalize(extract(doc), doc.text, doc.words, None)
    screen(normalized, doc.text)
    plan = next(r.values for r in normalized.rows if r.table == "plans")
    assert plan.get("agency") == "สำนักงานเขตบางพลัด"
    assert plan.get("parent_agency") == "สำนักปลัดกรุงเทพมหานคร"
    assert plan.get("title") == title and plan.get("fiscal_year_be") == fiscal
    if title is None:
        assert any(f.field == "title" and f.code == "ocr_doubtful_value"
                   for f in normalized.findings)
        assert not [p for p in normalized.provenance if p.field == "title"]

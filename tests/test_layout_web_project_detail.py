"""The tracking system's project-detail page: one test per trap of the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bma_etl.errors import ExtractError
from bma_etl.layouts import web_project_detail as layout
from bma_etl.layouts.base import Extraction, Raw, RawRow, RepairedText
from bma_etl.pipeline import Processed, process_file
from bma_etl.textnorm import repair_text

from golden_compare import diff, load_golden
from layout_checks import (
    assert_raw_values_slice_their_spans,
    assert_score_separates,
    text_of,
    values,
)
from repo_paths import FIXTURES, GOLDEN, SAMPLES

SAMPLE = SAMPLES / "004_bd40e9a681c8a540.txt"
HTML = FIXTURES / "html" / "004_bd40e9a681c8a540.html"
VARIANTS = FIXTURES / "variants"
OTHER = VARIANTS / "web_project_detail_other_agency.txt"
THAI = VARIANTS / "web_project_detail_thai_digits.txt"
HEAD = "รหัสโครงการ04160000-0001\n"


def process(path: Path) -> Processed:
    """Every stage but load, read as this layout."""
    return process_file(path, layout=layout.LAYOUT)


def extract_text(text: str) -> Extraction:
    return layout.extract(RepairedText.of(repair_text(text)))


def project(extraction: Extraction) -> RawRow:
    (row,) = [r for r in extraction.rows if r.table == "projects"]
    return row


def months(extraction: Extraction) -> list[tuple[int, str | None]]:
    """(month, value text) per monthly row, in order."""
    out = []
    for row in extraction.rows:
        if row.table == "monthly_progress":
            month, value = row.fields["month_no"], row.fields.get("value")
            assert isinstance(month, Raw)
            out.append((int(month.text), value.text if isinstance(value, Raw) else None))
    return out


def ambiguous(extraction: Extraction) -> list[int | None]:
    return [f.row_ordinal for f in extraction.findings if f.code == "ambiguous_value"]


def month_page(*digits: str) -> str:
    return HEAD + "".join(f"ผลงานเดือนที่ {d}\n" for d in digits)


# ------------------------------------------------------------------ the sample


def test_sample_rows_match_golden() -> None:
    golden = load_golden(GOLDEN / "004_bd40e9a681c8a540.json")
    assert golden["layout"] == layout.LAYOUT.layout_id
    processed = process(SAMPLE)
    assert diff(processed, golden) == []
    assert processed.rows("quality_issues") == []


def test_glued_labels_read_their_values() -> None:
    fields = project(extract_text(SAMPLE.read_text(encoding="utf-8"))).fields
    assert text_of(fields["project_code"]) == "04160000-6961"
    assert text_of(fields["fiscal_year_be"]) == "2566"
    assert text_of(fields["budget_allocated_thb"]) == "1,500,000"
    assert text_of(fields["budget_spent_thb"]) == "1,500,000"
    assert text_of(fields["start_date"]) == "2022-10-01 00:00:00.000"
    assert text_of(fields["end_date"]) == "2023-09-30 00:00:00.000"
    assert text_of(fields["coordinator"]) == "นางวิมลพรรณ พิมสาร"
    assert (text_of(fields["policy_id"]), text_of(fields["branch_id"]),
            text_of(fields["kpi_id"])) == ("37", "1707", "0416-1044")
    assert text_of(fields["progress_pct"]) == "45"


def test_glued_labels_normalise() -> None:
    (proj,) = values(process(SAMPLE), "projects")
    assert str(proj["budget_allocated_thb"]) == "1500000"
    assert str(proj["start_date"]) == "2022-10-01"
    assert proj["fiscal_year_be"] == 2566
    assert proj["agency"] == "สำนักปลัดกรุงเทพมหานคร"  # SARA AM joined by the repair stage


def test_numbered_objectives_become_a_list_without_numbers() -> None:
    fields = project(extract_text(SAMPLE.read_text(encoding="utf-8"))).fields
    objectives = fields["objectives"]
    assert isinstance(objectives, list) and len(objectives) == 4
    assert all(o.text.startswith("เพื่อ") for o in objectives)


def test_empty_target_heading_does_not_replace_target() -> None:
    fields = project(extract_text(SAMPLE.read_text(encoding="utf-8"))).fields
    assert text_of(fields["target"]).startswith("สกต. ดำเนินการต้อนรับ")  # type: ignore[union-attr]


def test_month_145_is_month_1_value_45() -> None:
    ex = extract_text(month_page("145"))
    assert months(ex) == [(1, "45")]
    assert ambiguous(ex) == []


def test_month_10_empty_after_month_9() -> None:
    assert months(extract_text(SAMPLE.read_text(encoding="utf-8")))[12:] == [
        (9, None), (10, None), (11, None), (12, None)]


def test_repeated_and_out_of_order_months_kept_in_document_order() -> None:
    got = months(extract_text(SAMPLE.read_text(encoding="utf-8")))
    assert [m for m, _ in got] == [1, 1, 2, 3, 1, 4, 5, 6, 7, 8, 6, 6, 9, 10, 11, 12]
    assert [v for _, v in got][:7] == ["45"] * 7
    rows = values(process(SAMPLE), "monthly_progress")
    assert [r["ordinal"] for r in rows] == list(range(1, 17))


def test_neighbours_decide_month_1_value_2_at_the_start() -> None:
    ex = extract_text(month_page("12", "245", "345"))
    assert months(ex) == [(1, "2"), (2, "45"), (3, "45")]
    assert ambiguous(ex) == []


def test_neighbours_decide_month_10_after_an_empty_month_1() -> None:
    ex = extract_text(month_page("1", "10"))
    assert months(ex) == [(1, None), (10, None)]


def test_undecidable_month_keeps_value_empty_with_finding() -> None:
    ex = extract_text(OTHER.read_text(encoding="utf-8"))
    got = months(ex)
    assert got[10:] == [(10, "30"), (11, None), (12, None)]
    assert ambiguous(ex) == [12]
    (finding,) = ex.findings
    assert finding.field == "value" and "110" in finding.message
    month = next(r for r in ex.rows if r.ordinal == 12).fields["month_no"]
    assert isinstance(month, Raw) and month.low_confidence


def test_lone_ambiguous_month_prefers_no_value_and_warns() -> None:
    ex = extract_text(month_page("10"))
    assert months(ex) == [(10, None)]
    assert ambiguous(ex) == [1]


def test_leading_zero_value_is_not_a_reading() -> None:
    ex = extract_text(month_page("100", "1100"))
    assert months(ex) == [(10, "0"), (1, "100")]


def test_tab_separated_cells_are_unambiguous() -> None:
    ex = extract_text(month_page("1\t0", "10\t", "1 45", "2 : 50.5"))
    assert months(ex) == [(1, "0"), (10, None), (1, "45"), (2, "50.5")]
    assert ambiguous(ex) == []


def test_thai_digit_months_and_labels() -> None:
    processed = process(THAI)
    (proj,) = values(processed, "projects")
    assert proj["project_code"] == "05010000-0077"
    assert proj["fiscal_year_be"] == 2564
    assert str(proj["budget_spent_thb"]) == "795200"
    assert str(proj["progress_pct"]) == "100"  # from the header line: no คืบหน้าล่าสุด label
    assert [(r["month_no"], str(r["value"])) for r in values(processed, "monthly_progress")] == [
        (1, "25"), (2, "50"), (3, "100")]


def test_unreadable_month_line_is_reported() -> None:
    ex = extract_text(month_page("ไม่ระบุ", "245"))
    assert months(ex) == [(2, "45")]
    assert [f.code for f in ex.findings] == ["unparsed_line"]


@st.composite
def month_runs(draw: st.DrawFn) -> list[tuple[int, int | None]]:
    """Months in page order (repeats allowed), cumulative values, unreported months last."""
    numbers = sorted(draw(st.lists(st.integers(1, 12), min_size=1, max_size=16)))
    figures = sorted(draw(st.lists(st.integers(0, 100), min_size=len(numbers),
                                   max_size=len(numbers))))
    reported = draw(st.integers(0, len(numbers)))
    return [(m, v if i < reported else None)
            for i, (m, v) in enumerate(zip(numbers, figures, strict=True))]


@given(month_runs())
def test_glued_months_are_never_confidently_wrong(run: list[tuple[int, int | None]]) -> None:
    ex = extract_text(month_page(*(f"{m}{'' if v is None else v}" for m, v in run)))
    flagged = set(ambiguous(ex))
    got = months(ex)
    assert len(got) == len(run)
    for ordinal, ((month, value), (got_month, got_value)) in enumerate(
            zip(run, got, strict=True), start=1):
        if ordinal in flagged:
            assert got_value is None
        else:
            assert (got_month, got_value) == (month, None if value is None else str(value))


# ------------------------------------------------------------- other values


def test_variant_other_agency_year_and_values() -> None:
    processed = process(OTHER)
    (proj,) = values(processed, "projects")
    assert proj["project_code"] == "11000000-1234"
    assert proj["fiscal_year_be"] == 2565
    assert proj["project_name"] == "โครงการพัฒนาระบบข้อมูลสารสนเทศเพื่อการบริหารจัดการเมือง"
    assert (proj["agency"], proj["division"]) == ("สำนักยุทธศาสตร์และประเมินผล", "กองประเมินผล")
    assert str(proj["budget_allocated_thb"]) == "2350000.50"
    assert str(proj["budget_spent_thb"]) == "0"
    assert str(proj["progress_pct"]) == "30.5"
    assert (proj["responsible_person"], proj["responsible_phone"]) == ("นางสาวสมศรี ใจงาม", "1234")
    assert (proj["coordinator"], proj["coordinator_phone"]) == ("นายสมชาย ใจดี", "1544")
    assert proj["policy_id"] == "12" and proj["kpi_id"] == "1100-0203"
    assert len(values(processed, "monthly_progress")) == 13


def test_objective_running_over_two_lines_is_one_item() -> None:
    (proj,) = values(process(OTHER), "projects")
    objectives = proj["objectives"]
    assert isinstance(objectives, list) and len(objectives) == 2
    assert objectives[0].startswith("เพื่อพัฒนาระบบข้อมูลกลาง")
    assert objectives[0].endswith("สำหรับการติดตามโครงการของทุกหน่วยงาน")
    assert objectives[1] == "เพื่อลดระยะเวลาการจัดทำรายงาน"  # "2)" numbering too


def test_label_word_inside_running_text_continues_it() -> None:
    (proj,) = values(process(OTHER), "projects")
    # line 20 starts with "หน่วยงาน" (a label already read on line 16)
    assert str(proj["rationale"]).endswith(
        "หน่วยงานแต่ละแห่งจัดเก็บข้อมูลในรูปแบบที่ต่างกัน ทำให้การติดตามผลล่าช้า")
    assert proj["agency"] == "สำนักยุทธศาสตร์และประเมินผล"


def test_title_code_that_differs_warns() -> None:
    ex = extract_text("รายละเอียดโครงการ/กิจกรรม: 04160000-0002\n" + month_page("145"))
    assert text_of(project(ex).fields["project_code"]) == "04160000-0001"
    assert [(f.field, f.code) for f in ex.findings] == [("project_code", "ambiguous_value")]


def test_title_code_stands_in_for_missing_label() -> None:
    ex = extract_text("รายละเอียดโครงการ/กิจกรรม: 04160000-0002\nผลงานเดือนที่ 145\n")
    assert text_of(project(ex).fields["project_code"]) == "04160000-0002"


def test_update_history_rows_are_reported_not_dropped() -> None:
    ex = extract_text(HEAD + "ประวัติการปรับปรุงข้อมูล\n"
                      "วันที่ เวลา ชื่อผู้ใช้ กระทำ สอดคล้องตามนโยบาย\n"
                      "2023-01-05 10:00 somsri แก้ไข ใช่\n")
    assert [(f.table_name, f.code) for f in ex.findings] == [("progress_updates",
                                                              "unparsed_line")]


def test_page_without_code_name_or_months_raises_extract_error() -> None:
    with pytest.raises(ExtractError, match="รหัสโครงการ"):
        extract_text("รายละเอียดโครงการ/กิจกรรม\nPolicy ID37\n")


# ------------------------------------------------------------------ HTML and spans


def test_windows_874_html_loads_to_same_rows_as_txt() -> None:
    assert b'<meta charset="windows-874">' in HTML.read_bytes()
    from_txt, from_html = process(SAMPLE), process(HTML)
    for table in ("projects", "monthly_progress"):
        assert values(from_html, table) == values(from_txt, table)
    assert from_html.rows("quality_issues") == []
    assert diff(from_html, load_golden(GOLDEN / "004_bd40e9a681c8a540.json")) == []


@pytest.mark.parametrize("path", [SAMPLE, HTML, OTHER, THAI], ids=lambda p: p.name)
def test_every_raw_value_slices_its_span(path: Path) -> None:
    assert_raw_values_slice_their_spans(layout.LAYOUT, path)


def test_score_separates_layouts() -> None:
    assert_score_separates(layout.LAYOUT, SAMPLE, HTML, OTHER, THAI)


def test_ocr_damaged_id_labels_and_month_words() -> None:
    """OCR: ``I`` read as ``1``/``!``, a speck before ``ID``, a space inside เดือน."""
    text = (SAMPLE.read_text(encoding="utf-8")
            .replace("Policy ID37", "Policy !037").replace("Branch ID1707", "Branch 1D1707")
            .replace("Kpi ID0416-1044", "Kpi |ID0416-1044")
            .replace("ผลงานเดือนที่ 445", "ผลงานเดื อนที 445"))
    extraction = layout.extract(RepairedText.of(repair_text(text), ocr_used=True))
    fields = project(extraction).fields
    assert (text_of(fields["policy_id"]), text_of(fields["branch_id"]),
            text_of(fields["kpi_id"])) == ("37", "1707", "0416-1044")
    assert (4, "45") in months(extraction)


@pytest.mark.parametrize("label", ["ซื้อโครงการ", "ซือโครงการ", "ชือโครงการ"])
def test_ocr_name_label_with_its_cho_read_as_so(label: str) -> None:
    """OCR: ``ชื่อ`` read as ``ซื้อ`` (the letters Tesseract confuses) or without its mark."""
    name = "โครงการสร้างสังคมพหุวัฒนธรรมร่วมกับเมืองพี่เมืองน้อง"
    text = SAMPLE.read_text(encoding="utf-8").replace("ชื่อโครงการ" + name, label + name)
    fields = project(layout.extract(RepairedText.of(repair_text(text), ocr_used=True))).fields
    assert text_of(fields["project_name"]) == name

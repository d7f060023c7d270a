"""The tracking system's progress-history page: one test per trap of the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from bma_etl.errors import ExtractError
from bma_etl.layouts import web_progress_history as layout
from bma_etl.layouts.base import Derived, Extraction, Raw, RawRow, RepairedText
from bma_etl.pipeline import Processed, process_file
from bma_etl.records import Record
from bma_etl.textnorm import repair_text

from golden_compare import diff, load_golden
from layout_checks import (
    assert_raw_values_slice_their_spans,
    assert_score_separates,
    text_of,
    values,
)
from repo_paths import FIXTURES, GOLDEN, SAMPLES

SAMPLE = SAMPLES / "001_c025c6fdd2ac5ca8.txt"
HTML = FIXTURES / "html" / "001_c025c6fdd2ac5ca8.html"
VARIANTS = FIXTURES / "variants"
FULLER = VARIANTS / "web_progress_history_fuller_save.txt"
EXTENSION = VARIANTS / "web_progress_history_extension_phone.txt"
OTHER_YEAR = VARIANTS / "web_progress_history_plain_other_year.txt"


def process(path: Path) -> Processed:
    """Every stage but load, read as this layout."""
    return process_file(path, layout=layout.LAYOUT)


def extract_text(text: str) -> tuple[RepairedText, Extraction]:
    doc = RepairedText.of(repair_text(text))
    return doc, layout.extract(doc)


def extract_file(path: Path) -> tuple[RepairedText, Extraction]:
    return extract_text(path.read_text(encoding="utf-8"))


def rows(extraction: Extraction, table: str) -> list[RawRow]:
    return [r for r in extraction.rows if r.table == table]


def project(extraction: Extraction) -> RawRow:
    (row,) = rows(extraction, "projects")
    return row


def codes(processed: Processed) -> set[tuple[str, int | None, str | None, str]]:
    return {(q.table_name, q.row_ordinal, q.field, q.code)  # type: ignore[attr-defined]
            for q in processed.rows("quality_issues")}


def page(*header: str, entries: str = "") -> str:
    """A small history page: header lines, then one entry unless others are given."""
    body = entries or (
        "(1) ความคืบหน้าโครงการฯ ร้อยละ 50.00 (2023-03-01)\n"
        "01/03/2566 : ดำเนินการ\n"
        "** ปัญหาของโครงการ :ไม่มี\n"
        "** อุปสรรคของโครงการ :ไม่มี\n"
        "------------------&&&--------------------\n"
    )
    return "\n".join(header) + "\n" + body


# ------------------------------------------------------------------ the sample


def test_sample_rows_match_golden() -> None:
    golden = load_golden(GOLDEN / "001_c025c6fdd2ac5ca8.json")
    assert golden["layout"] == layout.LAYOUT.layout_id
    processed = process(SAMPLE)
    assert diff(processed, golden) == []
    assert codes(processed) == set()


def test_no_project_code_or_name_on_history_page() -> None:
    _, ex = extract_file(SAMPLE)
    fields = project(ex).fields
    assert fields.get("project_code") is None
    assert fields.get("project_name") is None


def test_fiscal_year_derived_from_entry_dates() -> None:
    doc, ex = extract_file(SAMPLE)
    fy = project(ex).fields["fiscal_year_be"]
    assert isinstance(fy, Derived)
    assert fy.value == 2566
    assert fy.evidence is not None
    assert doc.text[fy.evidence.char_start:fy.evidence.char_end] == "29/09/2566"
    processed = process(SAMPLE)
    (prov,) = [p for p in processed.rows("provenance")
               if p.table_name == "projects" and p.field == "fiscal_year_be"]  # type: ignore[attr-defined]
    assert prov.derived is True  # type: ignore[attr-defined]


def test_fiscal_year_derived_by_majority_when_a_report_falls_after_year_end() -> None:
    _, ex = extract_file(OTHER_YEAR)
    fy = project(ex).fields["fiscal_year_be"]
    assert isinstance(fy, Derived)
    assert fy.value == 2567  # three of four dates; 2024-10-03 is in FY 2568
    assert "3 of 4" in fy.note


def test_unit_code_pair_gives_one_code() -> None:
    _, ex = extract_file(SAMPLE)
    assert text_of(project(ex).fields["unit_code"]) == "04160200"
    assert not [f for f in ex.findings if f.field == "unit_code"]


def test_unit_code_pair_that_differs_keeps_first_and_warns() -> None:
    _, ex = extract_file(OTHER_YEAR)
    assert text_of(project(ex).fields["unit_code"]) == "04160300"
    (finding,) = [f for f in ex.findings if f.field == "unit_code"]
    assert finding.code == "ambiguous_value"
    assert "04160300/04160301" in finding.message


def test_unit_line_under_progress_is_the_responsible_unit_not_the_agency() -> None:
    _, ex = extract_file(SAMPLE)
    fields = project(ex).fields
    assert text_of(fields["division"]) == "กลุ่มงานส่งเสริมศักยภาพของเมือง"
    assert fields.get("agency") is None


def test_strategy_lines_in_order_without_trailing_pipe() -> None:
    _, ex = extract_file(SAMPLE)
    fields = project(ex).fields
    assert text_of(fields["strategy_issue"]) == (
        "ด้านที่ ๗ – การบริหารจัดการเมืองมหานคร : Management Strategy")
    assert text_of(fields["strategy_sub_issue"]) == "๗.๒ - การบริหารแผนและประเมินผล"
    assert text_of(fields["strategy_goal"]).endswith("แผนพัฒนากรุงเทพ%")  # type: ignore[union-attr]
    assert text_of(fields["strategy_indicator"]).startswith("๗.๒.๑.๑ ")  # type: ignore[union-attr]


def test_unlabelled_paragraphs_are_rationale_objective_target() -> None:
    _, ex = extract_file(SAMPLE)
    fields = project(ex).fields
    assert text_of(fields["rationale"]).startswith("กรุงเทพมหานคร ในฐานะเมืองหลวง")  # type: ignore[union-attr]
    objectives = fields["objectives"]
    assert isinstance(objectives, list) and len(objectives) == 1
    assert objectives[0].text.startswith("เพิ่มบทบาทของกรุงเทพมหานคร")
    assert text_of(fields["target"]).startswith("ผู้บริหารกรุงเทพมหานครร่วมประชุม")  # type: ignore[union-attr]


def test_entries_in_document_order_with_printed_numbers() -> None:
    processed = process(SAMPLE)
    updates = values(processed, "progress_updates")
    assert [u["ordinal"] for u in updates] == list(range(1, 11))
    assert [u["seq_label"] for u in updates] == list(range(1, 11))
    assert str(updates[0]["progress_pct"]) == "100.00"
    assert str(updates[-1]["progress_pct"]) == "61.00"


def test_report_date_from_be_date_line() -> None:
    _, ex = extract_file(SAMPLE)
    first = rows(ex, "progress_updates")[0]
    assert text_of(first.fields["report_date"]) == "29/09/2566"
    assert text_of(first.fields["detail"]) == "ดำเนินการในปีงบประมาณ พ.ศ. 2566 แล้วเสร็จ"


def test_entry_without_be_date_keeps_iso_date() -> None:
    _, ex = extract_file(SAMPLE)
    tenth = rows(ex, "progress_updates")[9]
    assert text_of(tenth.fields["seq_label"]) == "10"
    assert text_of(tenth.fields["report_date"]) == "2023-01-25"
    assert text_of(tenth.fields["detail"]) == "เพิ่มงบประมาณที่ใช้ไป (MGMAC 2022 พนมเปญ)"
    processed = process(SAMPLE)
    assert str(values(processed, "progress_updates")[9]["report_date"]) == "2023-01-25"


def test_mai_mee_kept_as_written() -> None:
    processed = process(SAMPLE)
    updates = values(processed, "progress_updates")
    assert updates[0]["problems"] == "ไม่มี"
    assert updates[0]["obstacles"] == "ไม่มี"
    assert updates[5]["problems"] == (
        "สถานการณ์โรคระบาดและภัยพิบัติอาจทำให้เจ้าภาพเลื่อนหรือยกเลิกการจัดประชุมได้")


def test_empty_problem_is_null_not_mai_mee() -> None:
    processed = process(FULLER)
    last = values(processed, "progress_updates")[-1]
    assert last["problems"] is None
    assert last["obstacles"] == "ไม่มี"


def test_multiline_narrative_and_problem_keep_their_lines() -> None:
    processed = process(FULLER)
    first = values(processed, "progress_updates")[0]
    assert first["detail"] == ("ติดตั้งระบบต้นแบบและทดสอบกับหน่วยงานนำร่อง 12 หน่วยงาน\n"
                               "อบรมผู้ใช้งานรุ่นที่ 1 จำนวน 40 คน")
    assert first["problems"] == "งบประมาณได้รับการจัดสรรล่าช้า\nทำให้ต้องเลื่อนการอบรมรุ่นที่ 2"


def test_status_completed_from_latest_narrative() -> None:
    _, ex = extract_file(SAMPLE)
    status = project(ex).fields["status"]
    assert isinstance(status, Derived) and status.value == "completed"


def test_kpi_block_becomes_indicator() -> None:
    processed = process(SAMPLE)
    (kpi,) = values(processed, "indicators")
    assert kpi["code"] == "2.8"
    assert str(kpi["name"]).startswith("ระดับความสำเร็จในการส่งเสริมผลงาน")
    assert (str(kpi["target_value"]), str(kpi["achieved_value"])) == ("1", "1")
    assert kpi["unit"] == "ระดับ"
    assert kpi["kind"] == "ตัวชี้วัดเชิงยุทธศาสตร์ ตัวชี้วัดระดับผลผลิต (output)"


def test_two_kpi_blocks_and_evaluation_section_ignored() -> None:
    processed = process(FULLER)
    kpis = values(processed, "indicators")
    assert [(k["ordinal"], k["code"], k["unit"]) for k in kpis] == [
        (1, "1.3", "ร้อยละ"), (2, "1.4", "หน่วยงาน")]
    assert [(str(k["target_value"]), str(k["achieved_value"])) for k in kpis] == [
        ("80", "60"), ("50", "12")]
    assert codes(processed) == set()  # the quarterly evaluation lines are not data


# ------------------------------------------------------------ fuller saves


def test_fuller_save_header_read_and_boilerplate_dropped() -> None:
    processed = process(FULLER)
    (proj,) = values(processed, "projects")
    assert proj["project_code"] == "11000000-1234"
    assert proj["project_name"] == "โครงการพัฒนาระบบข้อมูลสารสนเทศเพื่อการบริหารจัดการเมือง"
    assert proj["agency"] == "สำนักยุทธศาสตร์และประเมินผล"
    assert proj["division"] == "กองประเมินผล"
    assert proj["fiscal_year_be"] == 2565
    assert str(proj["progress_pct"]) == "60"
    assert proj["responsible_person"] == "นางสาวสมศรี ใจงาม"
    assert proj["responsible_phone"] == "1234"
    assert proj["unit_code"] == "11020300"
    assert proj["objectives"] == ["เพื่อพัฒนาระบบข้อมูลกลางสำหรับการติดตามโครงการ",
                                  "เพื่อลดระยะเวลาการจัดทำรายงานผลการดำเนินงาน"]
    rationale = str(proj["rationale"])
    for boilerplate in ("ระบบติดตาม", "หน้าหลัก", "ยินดีต้อนรับ", "พิมพ์ข้อมูล", "สยป."):
        assert boilerplate not in rationale
    assert rationale.startswith("กรุงเทพมหานครมีข้อมูลกระจายอยู่")
    assert codes(processed) == set()


def test_fuller_save_stated_fiscal_year_is_read_not_derived() -> None:
    _, ex = extract_file(FULLER)
    fy = project(ex).fields["fiscal_year_be"]
    assert isinstance(fy, Raw) and fy.text == "2565"


def test_fuller_save_with_agency_path_thai_year_and_extension() -> None:
    processed = process(EXTENSION)
    (proj,) = values(processed, "projects")
    assert proj["project_name"] == "โครงการแลกเปลี่ยนเยาวชนกับเมืองพี่เมืองน้อง"  # "1.7 " gone
    assert proj["project_code"] == "04160000-7012"
    assert (proj["agency"], proj["division"]) == ("สำนักปลัดกรุงเทพมหานคร",
                                                  "สำนักงานการต่างประเทศ")
    assert proj["fiscal_year_be"] == 2567
    assert str(proj["progress_pct"]) == "100"
    assert (proj["responsible_person"], proj["responsible_phone"]) == ("นายสมชาย ใจดี", "1601")
    assert proj["status"] == "completed"
    assert [u["seq_label"] for u in values(processed, "progress_updates")] == [2, 1]


@pytest.mark.parametrize(("line", "person", "phone"), [
    ("ผู้รับผิดชอบ : นางสาวสมศรี ใจงาม โทร. 1234", "นางสาวสมศรี ใจงาม", "1234"),
    ("ผู้รับผิดชอบโครงการ : นางสาวพลอยนภัส พัฒน์ธัญ 1521", "นางสาวพลอยนภัส พัฒน์ธัญ", "1521"),
    ("ผู้รับผิดชอบ น.ส.สมรภัทรธร โพธากุล (โทร.1136)", "น.ส.สมรภัทรธร โพธากุล", "1136"),
    ("ผู้รับผิดชอบ : นาย ก ข โทร. 0 2224 1234 ต่อ 1521", "นาย ก ข", "0 2224 1234 ต่อ 1521"),
    ("นายสมชาย ใจดี (ต่อ 1601)", "นายสมชาย ใจดี", "1601"),
    ("นางวิมล ใจงาม ภายใน 1544", "นางวิมล ใจงาม", "1544"),
    ("ผู้รับผิดชอบ : นางวิมลพรรณ พิมสาร", "นางวิมลพรรณ พิมสาร", None),
])
def test_responsible_person_with_phone_extension_forms(line: str, person: str,
                                                        phone: str | None) -> None:
    _, ex = extract_text(page("ชื่อโครงการทดสอบ : 04160000-0001",
                              "สำนักงานการต่างประเทศ : (2566)",
                              "ความคืบหน้าโครงการ ร้อยละ 50", line))
    fields = project(ex).fields
    assert text_of(fields["responsible_person"]) == person
    assert text_of(fields.get("responsible_phone")) == phone


# ------------------------------------------------------------- other values


def test_variant_other_counts_and_values() -> None:
    processed = process(OTHER_YEAR)
    (proj,) = values(processed, "projects")
    assert proj["project_code"] is None and proj["project_name"] is None
    assert (proj["agency"], proj["division"]) == (None, "ส่วนความร่วมมือระหว่างประเทศ")
    assert proj["strategy_goal"] is None  # only two strategy lines on this page
    updates = values(processed, "progress_updates")
    assert [u["seq_label"] for u in updates] == [4, 3, 2, 1]
    assert [str(u["report_date"]) for u in updates] == [
        "2024-10-03", "2024-08-15", "2024-05-10", "2024-03-01"]
    issues = codes(processed)
    assert ("progress_updates", 1, "report_date", "date_outside_fiscal_year") in issues
    assert ("progress_updates", 2, "progress_pct", "progress_decreased") in issues


def test_be_and_iso_dates_that_disagree_warn_and_keep_be_date() -> None:
    _, ex = extract_text(page("ความคืบหน้าโครงการ ร้อยละ 50", entries=(
        "(1) ความคืบหน้าโครงการฯ ร้อยละ 50.00 (2023-03-02)\n"
        "01/03/2566 : ดำเนินการ\n"
        "------------------&&&--------------------\n")))
    (entry,) = rows(ex, "progress_updates")
    assert text_of(entry.fields["report_date"]) == "01/03/2566"
    (finding,) = ex.findings
    assert (finding.row_ordinal, finding.field, finding.code) == (
        1, "report_date", "ambiguous_value")


def test_stray_line_between_entries_is_reported() -> None:
    _, ex = extract_text(page("ความคืบหน้าโครงการ ร้อยละ 50", entries=(
        "(1) ความคืบหน้าโครงการฯ ร้อยละ 50.00 (2023-03-01)\n"
        "01/03/2566 : ดำเนินการ\n"
        "------------------&&&--------------------\n"
        "บรรทัดที่ไม่อยู่ในรายการใด\n"
        "(2) ความคืบหน้าโครงการฯ ร้อยละ 40.00 (2023-02-01)\n"
        "------------------&&&--------------------\n")))
    assert len(rows(ex, "progress_updates")) == 2
    (finding,) = ex.findings
    assert finding.code == "unparsed_line"
    assert "line 5" in finding.message


def test_page_without_entries_or_progress_raises_extract_error() -> None:
    with pytest.raises(ExtractError, match="ความคืบหน้าโครงการฯ"):
        extract_text("------------------&&&--------------------\nข้อความอื่น\n")


# ------------------------------------------------------------------ HTML and spans


def test_html_version_loads_to_same_rows_as_txt() -> None:
    from_txt, from_html = process(SAMPLE), process(HTML)
    for table in ("projects", "progress_updates", "indicators"):
        assert values(from_html, table) == values(from_txt, table)
    assert diff(from_html, load_golden(GOLDEN / "001_c025c6fdd2ac5ca8.json")) == []


@pytest.mark.parametrize("path", [SAMPLE, HTML, FULLER, EXTENSION, OTHER_YEAR],
                         ids=lambda p: p.name)
def test_every_raw_value_slices_its_span(path: Path) -> None:
    assert_raw_values_slice_their_spans(layout.LAYOUT, path)


def test_score_separates_layouts() -> None:
    assert_score_separates(layout.LAYOUT, SAMPLE, HTML, FULLER, EXTENSION, OTHER_YEAR)


def test_records_validate_for_every_variant() -> None:
    for path in (FULLER, EXTENSION, OTHER_YEAR):
        processed = process(path)
        assert all(isinstance(r, Record) for r in processed.rows("projects"))
        assert len(processed.rows("projects")) == 1


def test_ocr_damage_in_entries() -> None:
    """Entry headings, labels, dates and separators as OCR reads them (sample 001)."""
    text = SAMPLE.read_text(encoding="utf-8")
    text = (text.replace("(2) ความคืบหน้าโครงการฯ ร้อยละ 99.00", "(2 ความคืบหน้าโครงการฯ ร์ ร้อยละ 99.00")
                .replace("** ปัญหาของโครงการ :ไม่มี\n** อุปสรรคของโครงการ :ไม่มี\n"
                         "------------------&&&--------------------\n(2",
                         "** บัญหาของโครงการ :ไมมี\n** อุปสรรคของโครงการ 1ไม่มี\n8@@ -----\n(2", 1)
                .replace("19/09/2566 :", "19/0912566 :", 1)
                .replace("21/08/2566 :", "23/08/2566 :", 1))
    rows = [r for r in layout.extract(RepairedText.of(text, ocr_used=True)).rows
            if r.table == "progress_updates"]
    first, second, third = rows[0].fields, rows[1].fields, rows[2].fields
    problems = first["problems"]  # label read approximately; ไมมี is ไม่มี without marks
    assert isinstance(problems, Derived) and problems.value == "ไม่มี"
    assert [p.text for p in first["obstacles"]] == ["ไม่มี"]  # type: ignore[union-attr]
    assert second["seq_label"].text == "2"  # type: ignore[union-attr]  # bracket lost
    assert second["report_date"].text == "2023-09-19"  # type: ignore[union-attr]
    assert second["detail"][0].text.startswith("ดำเนินการเบิกจ่าย")  # type: ignore[index]
    assert third["report_date"] is None  # two OCR readings of one date disagree: NULL


@pytest.mark.parametrize(("line", "code"), [
    ("707391 11/70739111", "70739111"),
    ("70739111/7073 9111", "70739111"),
    ("707391 12/70739111", None),  # the pair disagrees past the space: neither is kept
])
def test_unit_code_pair_with_a_space_read_in_one_code(line: str, code: str | None) -> None:
    text = page("ความคืบหน้าโครงการ ร้อยละ 50.00", "โรงพยาบาลกลาง", line)
    _, ex = extract_text(text)
    assert text_of(project(ex).fields.get("unit_code")) == code
    assert bool([f for f in ex.findings if f.field == "unit_code"]) == (code is None)


@pytest.mark.parametrize("junk", ["K&R", "น 00 0ฝไ0", "จงซึ้งร", "a oo"])
def test_separator_ocr_read_as_letters_is_no_part_of_the_value_above(junk: str) -> None:
    """A separator read as a few letters that are no words; a wrapped value's words stay."""
    entry = ("({n}) ความคืบหน้าโครงการฯ ร้อยละ {n}0.00 (2023-03-0{n})\n"
             "0{n}/03/2566 : ดำเนินการ\n"
             "** ปัญหาของโครงการ :ไม่มี\n"
             "** อุปสรรคของโครงการ :{obstacle}\n{after}\n")
    text = page("ความคืบหน้าโครงการ ร้อยละ 50.00", "โรงพยาบาลกลาง", "70739111/70739111",
                entries=entry.format(n=3, obstacle="ผู้รับจ้างขาดแคลนแรงงาน", after=junk)
                + entry.format(n=2, obstacle="ผู้รับจ้างขาดแคลน", after="แรงงาน")
                + entry.format(n=1, obstacle="ไม่มี", after=junk))
    extraction = layout.extract(RepairedText.of(repair_text(text), ocr_used=True))
    obstacles = [text_of(r.fields["obstacles"]) for r in rows(extraction, "progress_updates")]
    # under the last entry (no heading below) the separator read as Latin bits alone goes
    # too (history_specks.without_junk_lines); as other letters it stays
    last = "ไม่มี" if junk == "a oo" else "ไม่มี\n" + junk
    assert obstacles == ["ผู้รับจ้างขาดแคลนแรงงาน", "ผู้รับจ้างขาดแคลน\nแรงงาน", last]


@pytest.mark.parametrize(("lead", "unit", "problem", "obstacle"), [
    ("si", "กองวิศวกรรมจราจร", "ผู้รับจ้างขาดแคลนแรงงาน", "ไม่มี"),
    ("ae", "ฝ่ายโยธา", "ไม่มี", "ผู้รับจ้างขาดแคลนแรงงาน"),
    ("“", "สำนักงานเขตบางรัก", "ฝนตกต่อเนื่อง", "เข้าพื้นที่ไม่ได้"),
], ids=["letters", "letters-none-first", "quote"])
def test_ocr_lost_colon_after_a_starred_label_and_a_speck_before_the_unit(
        lead: str, unit: str, problem: str, obstacle: str) -> None:
    """OCR read an entry label's ``**`` as specks or Latin letters and lost its ``:``
    (``si อุปสรรคของโครงการไม่มี``), and a speck before the unit under the progress line
    (``. กองวิศวกรรมจราจร``): the label, its value and the unit are read; the line
    above keeps its own value. A line of text that opens with the label's words (no
    ``**`` before them) stays part of the value above, and a text layer reads as printed."""
    entry = ("(1) ความคืบหน้าโครงการฯ ร้อยละ 50.00 (2023-03-01)\n"
             "01/03/2566 : ดำเนินการ\n"
             f"** ปัญหาของโครงการ :{problem}\n"
             f"{lead} อุปสรรคของโครงการ{obstacle}\n"
             "------------------&&&--------------------\n")
    text = page("ความคืบหน้าโครงการ ร้อยละ 50.00", f". {unit}", "70739111/70739111",
                entries=entry)
    ocr = layout.extract(RepairedText.of(repair_text(text), ocr_used=True))
    (update,) = rows(ocr, "progress_updates")
    assert (text_of(update.fields["problems"]), text_of(update.fields["obstacles"])) \
        == (problem, obstacle)
    assert text_of(project(ocr).fields.get("division")) == unit
    plain = layout.extract(RepairedText.of(repair_text(text.replace(f"{lead} อุปสรรค", "อุปสรรค"
                                                                     )), ocr_used=True))
    (update,) = rows(plain, "progress_updates")
    assert text_of(update.fields.get("obstacles")) is None
    printed = layout.extract(RepairedText.of(repair_text(text)))
    assert text_of(project(printed).fields.get("division")) != unit


@pytest.mark.parametrize(("number", "year"), [(2, 2566), (12, 2567), (3, 2565)])
def test_ocr_detail_wrapped_before_a_number_over_a_year_keeps_it(number: int, year: int
                                                                  ) -> None:
    """A detail wrapped after ``ครั้งที่``, its number over the Buddhist-era year on a line
    of its own (``2/2566``), keeps that line on an OCR'd page: it is no speck line
    (specks, ``๕@๑๕``, are still let go)."""
    detail = "จัดประชุมคณะทำงานเพื่อติดตามความก้าวหน้าของโครงการ ครั้งที่"
    entry = ("(1) ความคืบหน้าโครงการฯ ร้อยละ 50.00 (2023-03-01)\n"
             f"01/03/2566 : {detail}\n{number}/{year}\n๕@๑๕\n"
             "** ปัญหาของโครงการ :ไม่มี\n** อุปสรรคของโครงการ :ไม่มี\n"
             "------------------&&&--------------------\n")
    text = page("ความคืบหน้าโครงการ ร้อยละ 50.00", "กองวิศวกรรมจราจร", "70739111/70739111",
                entries=entry)
    ocr = layout.extract(RepairedText.of(repair_text(text), ocr_used=True))
    (update,) = rows(ocr, "progress_updates")
    assert text_of(update.fields["detail"]) == f"{detail}\n{number}/{year}"


@pytest.mark.parametrize(("code", "name", "gap"), [
    ("9.7", "ระดับความสำเร็จของพัฒนาครุภัณฑ์การแพทย์สำหรับโรงพยาบาลในสังกัด", "\t:\t"),
    ("12.3", "ร้อยละของชุมชนที่ได้รับการพัฒนาตามแผน", " : "),
    ("4", "จำนวนครั้งของการประชุมติดตามผล", ": "),
])
def test_kpi_name_wrapped_under_its_code_is_the_name(code: str, name: str, gap: str) -> None:
    kpi_block = (f"ตัวชี้วัด{gap}{code}\n{name}\n"
                 "ค่าเป้าหมาย ครั้ง : 6\nผลงานที่ทำได้ ครั้ง : 3\n"
                 "ประเภทตัวชี้วัด : ตัวชี้วัดเชิงยุทธศาสตร์\n")
    _, extraction = extract_text(page("กองรายได้") + kpi_block)
    (kpi,) = rows(extraction, "indicators")
    assert (text_of(kpi.fields["code"]), text_of(kpi.fields["name"])) == (code, name)
    assert (text_of(kpi.fields["target_value"]), text_of(kpi.fields["kind"])) == (
        "6", "ตัวชี้วัดเชิงยุทธศาสตร์")
    assert not [f for f in extraction.findings if f.code == "unparsed_line"]


def test_kpi_code_alone_over_a_label_keeps_the_label() -> None:
    """A heading with no name at all: its code is the code, the name NULL, the target kept."""
    _, extraction = extract_text(page("กองรายได้") + "ตัวชี้วัด : 9.7\nค่าเป้าหมาย ครั้ง : 6\n")
    (kpi,) = rows(extraction, "indicators")
    assert (text_of(kpi.fields["code"]), kpi.fields["name"]) == ("9.7", None)
    assert text_of(kpi.fields["target_value"]) == "6"

"""Annual action plan layout: one test per trap of 003_bab53728cf3029b8.txt, then variants."""

from __future__ import annotations

import functools
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bma_etl.errors import BmaEtlError, ExtractError
from bma_etl.layouts.annual_action_plan import extract, score, swot_rows
from bma_etl.layouts.base import Derived, Extraction, Raw, RawRow, RepairedText
from bma_etl.pipeline import Processed, process_file
from bma_etl.records import Provenance, QualityIssue

from golden_compare import diff, load_golden
from repo_paths import FIXTURES, SAMPLES
from thai_fonts import fonts_or_fail

SAMPLE = SAMPLES / "003_bab53728cf3029b8.txt"
VARIANTS = FIXTURES / "variants"
MEDICAL = VARIANTS / "plan_medical_2567_arabic.txt"
DISTRICT = VARIANTS / "plan_district_2566_thai.txt"
CULTURE = VARIANTS / "plan_culture_2568_mixed.txt"
NO_SUMMARY = VARIANTS / "plan_no_budget_summary.txt"
PLANS = (SAMPLE, MEDICAL, DISTRICT, CULTURE)
OTHER_SAMPLES = sorted(p for p in SAMPLES.glob("*.txt") if p != SAMPLE)


def _doc(path: Path) -> RepairedText:
    return RepairedText.of(path.read_text(encoding="utf-8"))


@functools.cache
def _extracted(path: Path) -> Extraction:
    return extract(_doc(path))


@functools.cache
def _processed(path: Path) -> Processed:
    """The whole pipeline (normalise, validate, checks), detection included."""
    return process_file(path)


def _raw_rows(path: Path, table: str) -> list[RawRow]:
    return [r for r in _extracted(path).rows if r.table == table]


def _rows(path: Path, table: str) -> list[Any]:
    return list(_processed(path).rows(table))


def _issues(path: Path) -> set[tuple[str, str | None, str]]:
    return {(q.table_name, q.field, q.code)
            for q in _processed(path).rows("quality_issues") if isinstance(q, QualityIssue)}


def _raws(value: object) -> list[Raw]:
    if isinstance(value, Raw):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, Raw)]
    return []


# ---------------------------------------------------------------- detection


@pytest.mark.parametrize("path", (*PLANS, NO_SUMMARY), ids=lambda p: p.stem)
def test_score_recognises_plans(path: Path) -> None:
    assert score(_doc(path)) >= 0.7


@pytest.mark.parametrize("path", OTHER_SAMPLES, ids=lambda p: p.stem)
def test_score_rejects_progress_forms_and_web_pages(path: Path) -> None:
    assert score(_doc(path)) < 0.3


def test_score_never_raises_on_odd_text() -> None:
    for text in ("", "\n\n\t\t", "<p>\t</p>", "แผนปฏิบัติการประจำปี"):
        assert 0.0 <= score(RepairedText.of(text)) <= 1.0


def test_sample_detected_and_counted() -> None:
    processed = _processed(SAMPLE)
    assert processed.layout == "annual_action_plan"
    counts = {t: len(processed.rows(t)) for t in (
        "plans", "plan_projects", "plan_sections", "plan_indicators",
        "plan_scoring_levels", "plan_steps", "plan_swot_items", "plan_kpi_definitions")}
    assert counts == {"plans": 1, "plan_projects": 11, "plan_sections": 3,
                      "plan_indicators": 6, "plan_scoring_levels": 15, "plan_steps": 34,
                      "plan_swot_items": 31, "plan_kpi_definitions": 9}


# ---------------------------------------------------------------- traps of the sample


def test_plan_header_agency_year_vision_missions() -> None:
    plan = _rows(SAMPLE, "plans")[0]
    assert plan.agency == "สำนักงานการต่างประเทศ"
    assert plan.parent_agency == "สำนักปลัดกรุงเทพมหานคร"
    assert plan.fiscal_year_be == 2565
    assert plan.title == "แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๕"
    assert plan.vision.startswith("สำนักงานการต่างประเทศเป็นองค์กรหลักของกรุงเทพมหานคร")
    assert len(plan.missions) == 7
    assert plan.missions[0].startswith("เสริมสร้าง และยกระดับสถานะความสัมพันธ์")
    assert plan.missions[6].endswith("พัฒนาศักยภาพของบุคลากรผู้ปฏิบัติงานด้านต่างประเทศ")
    assert not any(m.startswith(("๑", "๗")) for m in plan.missions)


def test_thai_numerals_read_as_written_and_parsed() -> None:
    raw = _raw_rows(SAMPLE, "plan_projects")[2].fields["budget_thb"]
    assert isinstance(raw, Raw) and raw.text == "๒,๕๐๐,๐๐๐"
    projects = _rows(SAMPLE, "plan_projects")
    assert projects[2].budget_thb == Decimal("2500000")
    assert [p.seq for p in projects if p.section == "key"] == [1, 2, 3, 4, 5, 6]
    second = [s for s in _rows(SAMPLE, "plan_steps") if s.indicator_no == 2]
    raw_second = [r for r in _raw_rows(SAMPLE, "plan_steps")
                  if isinstance(no := r.fields["indicator_no"], Raw) and no.text == "๒"]
    raw_pct = raw_second[0].fields["step_pct"]
    assert isinstance(raw_pct, Raw) and raw_pct.text == "๒๐"
    assert second[0].step_pct == Decimal(20) and second[1].cumulative_pct == Decimal(40)
    # Free text keeps its Thai digits; only numeric columns are converted.
    assert _rows(SAMPLE, "plan_indicators")[0].target_text == "๕ ราย ๘ ผลิตภัณฑ์"


def test_total_mismatch_kept_as_written() -> None:
    sections = {s.section: s for s in _rows(SAMPLE, "plan_sections")}
    key = sections["key"]
    assert key.stated_total_thb == Decimal("21903200")
    assert key.computed_total_thb == Decimal("12903200")
    assert key.items == 6
    assert sections["strategic"].stated_total_thb == sections["strategic"].computed_total_thb
    assert sections["routine"].stated_total_thb == Decimal("1941200") == \
        sections["routine"].computed_total_thb
    assert ("plan_sections", "stated_total_thb", "total_mismatch") in _issues(SAMPLE)
    mismatches = [q for q in _processed(SAMPLE).rows("quality_issues")
                  if isinstance(q, QualityIssue) and q.code == "total_mismatch"
                  and q.table_name == "plan_sections"]
    assert len(mismatches) == 1
    assert mismatches[0].row_ordinal == key.ordinal
    assert "21903200" in mismatches[0].message and "12903200" in mismatches[0].message


def test_no_budget_is_null_and_false() -> None:
    routine = [p for p in _rows(SAMPLE, "plan_projects") if p.section == "routine"]
    assert [(p.budget_thb, p.uses_budget) for p in routine] == [
        (None, False), (None, False), (Decimal("1607500"), True), (Decimal("333700"), True)]
    assert routine[1].name == "โครงการการแปลและตรวจร่างเอกสารภาษาอังกฤษ"
    doc = _doc(SAMPLE)
    flag = _raw_rows(SAMPLE, "plan_projects")[7].fields["uses_budget"]
    assert isinstance(flag, Derived) and flag.value is False and flag.evidence is not None
    assert doc.text[flag.evidence.char_start:flag.evidence.char_end] == "ไม่ใช้งบประมาณ"


def test_routine_list_printed_twice_read_once() -> None:
    # The routine list appears in the summary and again under การนำแผนฯ ไปสู่การปฏิบัติ.
    routine = [p for p in _rows(SAMPLE, "plan_projects") if p.section == "routine"]
    assert [p.seq for p in routine] == [1, 2, 3, 4]
    assert all(p.responsible_unit is None for p in routine)  # the list has no unit column
    assert [s.section for s in _rows(SAMPLE, "plan_sections")] == ["strategic", "key", "routine"]


def test_mission_tables_before_the_summary_not_counted() -> None:
    # ภารกิจที่ ๔ and ๕ list the same ASEAN project; the summary lists it once.
    names = [p.name for p in _rows(SAMPLE, "plan_projects")]
    assert sum("ในกลุ่มประเทศอาเซียน" in n for n in names) == 1
    assert _rows(SAMPLE, "plan_projects")[0].responsible_unit == "ส่วนแผนงานฯ"


def test_html_tags_in_cells_never_reach_values() -> None:
    for path in PLANS:
        for row in _extracted(path).rows:
            for value in row.fields.values():
                for raw in _raws(value):
                    assert "<" not in raw.text and ">" not in raw.text, (path.name, raw)
                if isinstance(value, Derived) and isinstance(value.value, str):
                    assert "<" not in value.value and ">" not in value.value, (path.name, value)
    digital = _rows(MEDICAL, "plan_projects")[3]
    assert digital.name == "โครงการโรงพยาบาลดิจิทัล\n(ระยะที่ 2)"
    assert digital.responsible_unit == "กองยุทธศาสตร์ฯ"
    assert _rows(DISTRICT, "plan_projects")[0].budget_thb == Decimal("800000")


def test_header_repeated_on_continued_page_is_not_a_row() -> None:
    steps = _rows(SAMPLE, "plan_steps")
    assert not any(s.description.startswith(("ขั้นตอน", "พ.ศ.", "ต.ค.")) for s in steps)
    levels = _rows(SAMPLE, "plan_scoring_levels")
    assert not any("ระดับความสำเร็จ" == lv.description for lv in levels)
    key = [p for p in _rows(MEDICAL, "plan_projects") if p.section == "key"]
    assert [p.seq for p in key] == [1, 2, 3]


def test_step_continued_across_page_joined() -> None:
    steps = [s for s in _rows(SAMPLE, "plan_steps") if s.indicator_no == 3]
    assert [s.step_no for s in steps] == [1, 2, 3, 4, 5]
    assert steps[4].description == (
        "สรุปกิจกรรมที่ดำเนินการพร้อมประเด็นการพัฒนาที่ กรุงเทพมหานครและเมืองเป้าหมายได้"
        "นำเสนอในการจัด กิจกรรม พร้อมทั้งวิเคราะห์ประเด็นเพื่อจัดทำข้อเสนอแนะเชิง "
        "นโยบายสำหรับการดำเนินการในอนาคตเสนอปลัด\n"
        "กรุงเทพมหานครรับทราบและจัดส่งให้หน่วยงานที่เกี่ยวข้อง ดำเนินการต่อไป")
    assert (steps[4].step_pct, steps[4].cumulative_pct) == (Decimal(20), Decimal(100))
    sixth = [s for s in _rows(SAMPLE, "plan_steps") if s.indicator_no == 6]
    assert sixth[3].description.endswith("กระทรวงมหาดไทย กระทรวง พาณิชย์")


def test_table_of_unnamed_project_after_a_total_kept_apart() -> None:
    # Lines 503-508 follow indicator 1's total with no new heading, and wrap their
    # cells differently from lines 496-501: another table, whose project the text
    # does not name. Its step ๕ is kept; the orphan cell tail of line 506 is reported.
    first = [s for s in _rows(SAMPLE, "plan_steps") if s.indicator_no == 1]
    assert [s.step_no for s in first] == [1, 2, 3, 4, 5, 5]
    assert first[3].description.endswith(
        "ต่างประเทศของ\nเมืองพี่เมืองน้อง/องค์การระหว่างประเทศที่กำหนดไว้ "
        "จำนวน ๔ เรื่องและเผยแพร่บนแพลตฟอร์มจำนวน ๔ แพลตฟอร์ม")
    assert first[0].project_name == (
        "การจัดการประชุม Countermeasures to Combat Infectious Diseases in Asia ครั้งที่ ๑๖")
    assert first[5].project_name is None
    assert first[5].description.startswith("มีจำนวนผลงานที่ได้รับการเผยแพร่ที่เป็นผลงานที่โดดเด่น ของ")
    assert (first[5].step_pct, first[5].cumulative_pct) == (Decimal(20), Decimal(100))
    orphans = [f.message for f in _extracted(SAMPLE).findings if f.code == "unparsed_line"]
    assert orphans == ["line 506: text before the first step: "
                       "๔ เรื่องและเผยแพร่บนแพลตฟอร์มจำนวน ๔ แพลตฟอร์ม"]


def test_page_printed_twice_read_once() -> None:
    # The district variant prints its last step page twice, letter for letter.
    steps = [s for s in _rows(DISTRICT, "plan_steps") if s.project_name ==
             "โครงการติดตั้งกล้องวงจรปิดในจุดเสี่ยงภัย"]
    assert [s.step_no for s in steps] == [1, 2, 3]
    assert ("plan_steps", None, "repeated_page") in _issues(DISTRICT)
    assert not [f for f in _extracted(SAMPLE).findings if f.code == "repeated_page"]


def test_stated_step_count_that_differs_is_reported() -> None:
    fifth = [s for s in _rows(SAMPLE, "plan_steps") if s.indicator_no == 5]
    assert len(fifth) == 5  # the total row says ๗ ขั้นตอน
    found = {(f.row_ordinal, f.message) for f in _extracted(SAMPLE).findings
             if f.table_name == "plan_steps" and f.code == "total_mismatch"}
    assert found == {(6, "line 508: the total row says 5 steps, the table lists 1"),
                     (27, "line 573: the total row says 7 steps, the table lists 5")}
    # Both reach quality_issues: they point at different rows.
    issues = [q for q in _processed(SAMPLE).rows("quality_issues")
              if isinstance(q, QualityIssue) and q.table_name == "plan_steps"
              and q.code == "total_mismatch"]
    assert len(issues) == 2


def test_scoring_levels_25_to_15() -> None:
    levels = _rows(SAMPLE, "plan_scoring_levels")
    by_indicator: dict[str, list[Any]] = {}
    for lv in levels:
        by_indicator.setdefault(lv.indicator, []).append(lv)
    assert len(by_indicator) == 3
    tables = list(by_indicator.values())
    for table in tables:
        assert [lv.level for lv in table] == [5, 4, 3, 2, 1]
        assert [lv.weight_pct for lv in table] == [Decimal(w) for w in (100, 90, 80, 70, 60)]
    for table in (tables[0], tables[2]):
        assert [lv.score for lv in table] == [Decimal(s) for s in ("25", "22.5", "20", "17.5",
                                                                    "15")]
    assert [lv.score for lv in tables[1]] == [Decimal(s) for s in (20, 18, 16, 14, 12)]
    assert next(iter(by_indicator)) == (
        "ระดับความสำเร็จในการส่งเสริมผลงานของกรุงเทพมหานครสู่แพลตฟอร์มออนไลน์ต่างประเทศ")


def test_indicator_targets_one_row_per_year() -> None:
    rows = _rows(SAMPLE, "plan_indicators")
    assert [r.year_be for r in rows] == [2563, 2564, 2565] * 2
    assert rows[2].target_text == "เพิ่มขึ้น ๕ ราย จากปี พ.ศ. ๒๕๖๔ ๑๗ ผลิตภัณฑ์"
    assert rows[0].name.startswith("จำนวนผู้ประกอบการและผลิตภัณฑ์ชุมชน")
    assert rows[3].name.startswith("-จำนวนผู้ประกอบการที่เข้าร่วมกิจกรรม")


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_spans_slice_the_text_to_the_value(path: Path) -> None:
    text = _doc(path).text
    for row in _extracted(path).rows:
        for name, value in row.fields.items():
            for raw in _raws(value):
                assert text[raw.span.char_start:raw.span.char_end] == raw.text, (row.table, name)
            if isinstance(value, Derived) and value.evidence is not None:
                ev = value.evidence
                assert 0 <= ev.char_start < ev.char_end <= len(text)


def test_computed_values_are_marked_derived() -> None:
    provenance = {(p.table_name, p.row_ordinal, p.field): p
                  for p in _processed(SAMPLE).rows("provenance") if isinstance(p, Provenance)}
    assert provenance[("plan_sections", 2, "computed_total_thb")].derived
    assert not provenance[("plan_sections", 2, "stated_total_thb")].derived
    assert provenance[("plan_projects", 1, "section")].derived
    assert not provenance[("plan_projects", 1, "budget_thb")].derived
    assert provenance[("plan_projects", 1, "budget_thb")].raw_text == "๑,๕๐๐,๐๐๐"


def test_swot_items_under_each_heading_numbers_kept_apart() -> None:
    items = _rows(SAMPLE, "plan_swot_items")
    kinds = [i.kind for i in items]
    assert kinds == ["strength"] * 4 + ["weakness"] * 9 + ["opportunity"] * 11 + ["threat"] * 7
    assert [i.seq for i in items if i.kind == "opportunity"] == list(range(1, 12))
    assert [i.ordinal for i in items] == list(range(1, 32))
    assert items[0].text.startswith("สำนักงานการต่างประเทศมีบทบาทนำ")
    assert not any(i.text.startswith(("๑", "๒", "S", "-")) for i in items)
    # Free text keeps its digits as printed, Thai or Arabic.
    assert items[11].text.endswith("โคโรนา 2019 (COVID - 19)")
    seq = _raw_rows(SAMPLE, "plan_swot_items")[22].fields["seq"]
    assert isinstance(seq, Raw) and seq.text == "๑๐"


def test_swot_item_broken_by_a_page_joined() -> None:
    # Line 138 ends '...ใน', the page breaks, line 140 carries on; ๑๐. follows on line 142.
    ninth = [i for i in _rows(SAMPLE, "plan_swot_items") if i.kind == "opportunity"][8]
    assert ninth.text == (
        "ประชาชนทั้งชาวไทยและชาวต่างประเทศ รวมทั้งสถานเอกอัครราชทูต และองค์การระหว่างประเทศใน\n"
        "พื้นที่กรุงเทพมหานคร มีความกระตือรือร้นที่จะมีส่วนร่วมกับการทำงานของกรุงเทพมหานคร")


def test_strategy_paragraphs_citing_swot_codes_are_not_items() -> None:
    # Lines 155-183 ('- S๑ ...', '๑. การดำเนินงานเชิงรุกโดยใช้จุดแข็ง (Strengths)...') follow the
    # list after a paragraph: the list has ended, and those lines name no SWOT heading.
    threats = [i for i in _rows(SAMPLE, "plan_swot_items") if i.kind == "threat"]
    assert threats[-1].seq == 7 and "\n" not in threats[-1].text
    kinds = {r.fields["kind"] for r in _raw_rows(SAMPLE, "plan_swot_items")}
    assert {k.evidence.line_no for k in kinds if isinstance(k, Derived) and k.evidence} == {
        108, 116, 128, 145}


@pytest.mark.parametrize(("heading", "kind"), [
    ("จุดแข็ง (Strength)", "strength"), ("จุดแข็ง", "strength"), ("S : จุดแข็ง", "strength"),
    ("Strengths (จุดแข็ง)", "strength"), ("๑. จุดอ่อน (Weakness)", "weakness"),
    ("W - Weaknesses", "weakness"), ("โอกาส : Opportunities", "opportunity"),
    ("O (Opportunity)", "opportunity"), ("อุปสรรค (Threat)", "threat"),
    ("<u>ภัยคุกคาม</u>", "threat"), ("Threats", "threat"),
])
def test_swot_heading_shapes(heading: str, kind: str) -> None:
    text = f"การวิเคราะห์ SWOT\n\n{heading}\n\n1. ข้อที่หนึ่ง\n2) ข้อที่สอง\n"
    doc = RepairedText.of(text)
    rows = swot_rows(doc, list(doc.lines()))
    assert [(r.fields["kind"].value, r.fields["seq"].text) for r in rows  # type: ignore[union-attr]
            ] == [(kind, "1"), (kind, "2")]


@pytest.mark.parametrize("line", [
    "๑. การดำเนินงานเชิงรุกโดยใช้จุดแข็ง (Strengths) และใช้ประโยชน์โอกาส (Opportunities)",
    "เปิดโอกาสให้ความสัมพันธ์ระหว่างประเทศ", "ปัญหาและอุปสรรค", "จุดแข็ง.....\t๕",
])
def test_sentences_using_swot_words_are_not_headings(line: str) -> None:
    text = f"การวิเคราะห์ SWOT\n\n{line}\n\n1. ข้อที่หนึ่ง\n"
    doc = RepairedText.of(text)
    assert swot_rows(doc, list(doc.lines())) == []


def test_kpi_definitions_continued_across_pages_joined() -> None:
    rows = _rows(SAMPLE, "plan_kpi_definitions")
    first = rows[0]
    assert first.measure == "มน. นำเสนอผลงานที่โดดเด่นของกรุงเทพมหานครสู่แพลตฟอร์มออนไลน์ของต่างประเทศ"
    # Lines 373 + 376: the activities cell breaks inside a project name.
    assert "๒. การจัดการประชุม Countermeasures\nto Combat Infectious Diseases in Asia" in \
        first.activities
    assert first.activities.endswith("๓. โครงการส่งเสริมศักยภาพของเมืองในเวทีระดับโลก\n"
                                     "งบประมาณ ๒,๕๐๐,๐๐๐.- บาท (ส่วนแผนงานฯ)")
    # Lines 373 + 376 + 379: three pages of one definition cell.
    assert first.definition.startswith("นิยาม การส่งเสริมผลงานของกรุงเทพมหานคร")
    assert first.definition.endswith("จำนวนแพลตฟอร์มที่เผยแพร่ผลงานฯ วิธีเก็บข้อมูล/หลักฐาน ๑. "
                                     "รายงานการส่งเสริมผลงานของกรุงเทพมหานครสู่ แพลตฟอร์มออนไลน์"
                                     "ต่างประเทศ ๒. เอกสารหลักฐานอื่น ๆ ที่เกี่ยวข้อง")
    assert [r.measure.split()[0] if r.measure else None for r in rows] == [
        "มน.", "การพัฒนาทรัพยากรบุคคลของกรุงเทพมหานครตามหลักสมรรถนะมุ่งสู่ความเป็นมืออาชีพ",
        "มน.", "ม.", "มน.ส่งเสริมความสัมพันธ์และความร่วมมือระหว่างกรุงเทพมหานครกับอาเซียน"
        "หรือองค์การระหว่างประเทศและกลุ่มประเทศภายนอกอาเซียน", "มน.", None, None, None]


def test_kpi_table_without_measure_column() -> None:
    # ตาราง ง (lines 463-482): ตัวชี้วัด | นิยาม/คำอธิบายตัวชี้วัด | โครงการ/กิจกรรมและส่วนราชการ...
    rows = _rows(SAMPLE, "plan_kpi_definitions")[6:]
    assert [r.indicator.split()[0] for r in rows] == [
        "ความสำเร็จในการพัฒนานวัตกรรมเพื่อเพิ่มประสิทธิภาพการปฏิบัติงานของหน่วยงาน", "๕.๑", "๕.๒"]
    assert all(r.measure is None for r in rows)
    assert rows[0].activities.endswith("(ส่วนราชการรับผิดชอบหลัก : ส่วนแผนงานฯ ส่วนราชการสนับสนุน"
                                       " : ส่วนส่งเสริมฯและฝ่ายบริหารงานทั่วไป)")
    # Line 473 opens a new definition on the page of line 472, which continued the one above.
    assert rows[1].definition.count("\n") == 4 and "งบประมาณรายจ่ายเพิ่มเติม" in rows[1].definition


def test_kpi_inline_tag_removed_without_a_break_and_marked_derived() -> None:
    provenance = {(p.table_name, p.row_ordinal, p.field): p
                  for p in _processed(SAMPLE).rows("provenance") if isinstance(p, Provenance)}
    underlined = provenance[("plan_kpi_definitions", 1, "definition")]
    assert underlined.derived and underlined.line_no == 373
    assert underlined.raw_text.startswith("<u>นิยาม</u> การส่งเสริมผลงาน")
    plain = provenance[("plan_kpi_definitions", 2, "definition")]
    assert not plain.derived and plain.raw_text.startswith("นิยาม การแลกเปลี่ยน")
    assert not provenance[("plan_kpi_definitions", 1, "measure")].derived


def test_neighbour_tables_are_not_kpi_definitions() -> None:
    # The ตาราง ก indicator tables (lines 369, 396, 423) sit right above definition tables.
    indicators = [r.indicator for r in _rows(SAMPLE, "plan_kpi_definitions")]
    assert not any(i.startswith("จำนวนการประชุม/นิทรรศการ") for i in indicators)
    assert not [f for f in _extracted(SAMPLE).findings if f.table_name == "plan_kpi_definitions"]


# ---------------------------------------------------------------- variants


@pytest.mark.parametrize("path", (MEDICAL, DISTRICT, CULTURE), ids=lambda p: p.stem)
def test_variant_matches_its_expectations(path: Path) -> None:
    golden = load_golden(path.with_suffix(".json"))
    processed = _processed(path)
    assert processed.layout == golden["layout"]
    problems = diff(processed, golden)
    assert not problems, "\n".join(problems)


def test_variant_sections_found_by_heading_words_in_any_order() -> None:
    sections = [s.section for s in _rows(MEDICAL, "plan_sections")]
    assert sections == ["routine", "strategic", "key"]
    assert [s.section for s in _rows(DISTRICT, "plan_sections")] == ["key", "strategic"]


def test_variant_arabic_digits_and_another_agency() -> None:
    plan = _rows(MEDICAL, "plans")[0]
    assert (plan.agency, plan.parent_agency, plan.fiscal_year_be) == (
        "สำนักการแพทย์", "กรุงเทพมหานคร", 2567)
    assert _rows(MEDICAL, "plan_sections")[1].computed_total_thb == Decimal("15500000")
    assert not {i for i in _issues(MEDICAL) if i[2] == "total_mismatch"}


def test_variant_table_split_without_repeated_header() -> None:
    key = [p for p in _rows(DISTRICT, "plan_projects") if p.section == "key"]
    assert [p.seq for p in key] == [1, 2, 3]
    assert _rows(DISTRICT, "plan_sections")[0].items == 3


def test_variant_step_percent_on_continuation_row() -> None:
    step = _rows(DISTRICT, "plan_steps")[1]
    assert step.description == "จัดซื้อจัดจ้างและติดตั้งกล้อง\nวงจรปิดตามจุดที่สำรวจ"
    assert (step.step_pct, step.cumulative_pct) == (Decimal(50), Decimal(80))


def test_variant_page_number_does_not_cut_a_table() -> None:
    strategic = _rows(CULTURE, "plan_sections")[0]
    assert (strategic.section, strategic.items) == ("strategic", 4)
    assert not [f for f in _extracted(CULTURE).findings if f.code == "unparsed_line"]
    steps = _rows(CULTURE, "plan_steps")
    assert [s.step_no for s in steps] == [1, 2, 3]  # ขั้นตอนที่ ๑ .. ๓
    assert steps[1].description == "จัดกิจกรรมดนตรีในสวนสาธารณะ\n๑๒ แห่งทุกเดือน"


def test_variant_sentence_about_budget_is_not_the_summary_heading() -> None:
    # Line 13 "สรุปผลการใช้งบประมาณ..." is followed by an indicator table, not a budget one.
    projects = _rows(CULTURE, "plan_projects")
    assert [p.section for p in projects] == ["strategic"] * 4 + ["key"] + ["routine"] * 2
    assert _raw_rows(CULTURE, "plan_projects")[0].fields["name"] is not None


def test_variant_title_and_agency_on_one_line() -> None:
    plan = _rows(CULTURE, "plans")[0]
    assert plan.title == "แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๘"
    assert plan.agency == "สำนักวัฒนธรรม กีฬาและการท่องเที่ยว"
    assert plan.parent_agency == "กรุงเทพมหานคร"


def test_row_that_fits_nowhere_is_an_unparsed_line() -> None:
    found = [f for f in _extracted(DISTRICT).findings if f.code == "unparsed_line"]
    assert len(found) == 1 and found[0].message.startswith("line 33:")
    assert _rows(DISTRICT, "plan_sections")[0].computed_total_thb == Decimal("1250000")


def test_variant_swot_headings_bullets_and_letter_codes() -> None:
    items = _rows(MEDICAL, "plan_swot_items")
    assert [(i.kind, i.seq) for i in items] == [
        ("strength", 1), ("strength", 2), ("weakness", None), ("weakness", None),
        ("opportunity", 1), ("opportunity", 2), ("threat", 1), ("threat", 2)]
    assert items[1].text == "มีศูนย์สั่งการการแพทย์ฉุกเฉินตลอด 24 ชั่วโมง\nครอบคลุมทั้ง 50 เขต"
    # O2 breaks at the page number of line 46; the threats heading follows its tail.
    assert items[5].text.endswith("พร้อมใช้บริการ\nออนไลน์")
    seq = _raw_rows(MEDICAL, "plan_swot_items")[4].fields["seq"]
    assert isinstance(seq, Raw) and seq.text == "1"


def test_variant_lone_obstacle_heading_is_not_a_swot_list() -> None:
    assert _rows(DISTRICT, "plan_swot_items") == []
    assert _rows(CULTURE, "plan_swot_items") == []


def test_variant_kpi_split_without_repeated_header() -> None:
    rows = _rows(MEDICAL, "plan_kpi_definitions")
    assert [r.ordinal for r in rows] == [1, 2, 3, 4]
    # Line 100 follows a blank line with its measure cell empty: the indicator ran over.
    assert rows[1].indicator == "จำนวนเตียงผู้ป่วยวิกฤต\nที่เปิดให้บริการ (ค่าเป้าหมาย 120 เตียง)"
    assert rows[1].definition == "เตียงผู้ป่วยวิกฤต หมายถึง เตียง ICU ที่มีเครื่องช่วยหายใจพร้อมใช้"
    # Line 101, same page: an indicator without a measure is a definition of its own.
    assert (rows[2].measure, rows[2].indicator) == (
        None, "อัตราการเสียชีวิตของผู้ป่วยวิกฤตภายใน 48 ชั่วโมง")
    assert rows[0].activities == ("โครงการพัฒนาระบบการแพทย์ฉุกเฉิน งบประมาณ 12,500,000 บาท\n"
                                  "(ศูนย์บริการการแพทย์ฉุกเฉิน)")
    district = _rows(DISTRICT, "plan_kpi_definitions")
    assert len(district) == 1 and district[0].definition.endswith("ในรอบปี\nค่าเป้าหมาย ๒๐ จุด")


def test_missing_budget_summary_is_an_extract_error() -> None:
    with pytest.raises(ExtractError, match="budget summary"):
        extract(_doc(NO_SUMMARY))
    with pytest.raises(BmaEtlError) as info:
        _processed.__wrapped__(NO_SUMMARY)
    assert info.value.reason().startswith("extract: ")
    assert "\n" not in info.value.reason()


def test_summary_heading_without_a_budget_table_is_an_extract_error() -> None:
    text = ("แผนปฏิบัติการประจำปี พ.ศ. 2566\nสำนักงานเขตสาทร กรุงเทพมหานคร\n\n"
            "สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการ\n\nอยู่ระหว่างจัดทำ\n")
    with pytest.raises(ExtractError, match="no budget table after the summary heading on line 4"):
        extract(RepairedText.of(text))


@given(st.data())
def test_damaged_plan_gives_rows_or_extract_error(data: st.DataObject) -> None:
    lines = DISTRICT.read_text(encoding="utf-8").split("\n")
    dropped = data.draw(st.sets(st.integers(0, len(lines) - 1), max_size=12))
    cut = data.draw(st.integers(0, 3))
    kept = [ln if i % 7 != cut else ln.replace("\t", "", 1)
            for i, ln in enumerate(lines) if i not in dropped]
    doc = RepairedText.of("\n".join(kept))
    try:
        out = extract(doc)
    except ExtractError:
        return
    for row in out.rows:
        for value in row.fields.values():
            for raw in _raws(value):
                said = doc.text[raw.span.char_start:raw.span.char_end]
                if raw.joined:  # read across lines: the span starts and ends as the value
                    squashed, value = "".join(said.split()), "".join(raw.text.split())
                    assert squashed[:2] == value[:2] and squashed[-2:] == value[-2:]
                else:
                    assert said == raw.text


# ------------------------------------------------------------ summary without tab columns

_PLAIN_HEAD = "แผนปฏิบัติการประจำปี พ.ศ. 2567\nสำนักงานเขตคลองเตย กรุงเทพมหานคร\n\n"
#: The summary as a PDF laid out with tab stops gives it: no tab, names wrapped anywhere.
_PLAIN_SUMMARY = """สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ.
2567
โครงการยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ.
2567
ลำดับ ที่ ชื่อโครงการยุทธศาสตร์ งบประมาณ ส่วนราชการ ที่รับผิดชอบ
1 โครงการอบรมกล้องวงจรปิดในชุมชน13,077,400 บาท ส่วนนิติการ
2 โครงการอบรมครุภัณฑ์การแพทย์สำหรับโรงพยาบาลในสังกัดเพื่อยก
ระดับคุณภาพชีวิตของประชาชนในพื้นที่เขตคลองเตย เขตตลิ่งชัน
และพื้นที่ใกล้เคียงไม่ใช้งบประมาณ ฝ่ายบริหารงานทั่วไป
3 โครงการส่งเสริมสวนสาธารณะขนาดเล็กเพื่อยกระดับคุณภาพชีวิตของป
ระชาชนในพื้นที่เขตบางรัก เขตมีนบุรี และพื้นที่ใกล้เคียง4,485,500 บาท ฝ่ายบริหารงานทั่วไป
รวมงบประมาณทั้งสิ้น 25,057,100 บาท

บัญชีรายการ/โครงการประจำปีพื้นฐาน

ลำดับที่ ด้าน/แผนงาน รายการ/โครงการ งบประมาณ
๑ ด้านการบริหารทั่วไป ๑.
โครงการจัดหาสวนสาธารณะขนาดเล็ก ๖,๓๕๕,๑
๐๐.- บาท
๒. โครงการติดตั้งทางเท้า ๑.๕ ล้านบาท
รวม ๗,๘๕๕,๑๐๐.- บาท

การนำแผนฯ ไปสู่การปฏิบัติและการติดตามประเมินผล
"""


def _plain_plan(summary: str = _PLAIN_SUMMARY) -> tuple[RepairedText, Extraction]:
    doc = RepairedText.of(_PLAIN_HEAD + summary)
    return doc, extract(doc)


def _fields(out: Extraction, table: str) -> list[dict[str, object]]:
    def plain(value: object) -> object:
        if isinstance(value, Raw):
            return value.text
        if isinstance(value, Derived):
            return value.value
        return value
    return [{k: plain(v) for k, v in r.fields.items()} for r in out.rows if r.table == table]


def test_summary_without_tabs_read_from_its_lines() -> None:
    _, out = _plain_plan()
    projects = _fields(out, "plan_projects")
    assert [(p["section"], p.get("seq"), p.get("budget_thb"), p["uses_budget"],
             p.get("responsible_unit")) for p in projects] == [
        ("strategic", "1", "13,077,400", True, "ส่วนนิติการ"),
        ("strategic", "2", None, False, "ฝ่ายบริหารงานทั่วไป"),
        ("strategic", "3", "4,485,500", True, "ฝ่ายบริหารงานทั่วไป"),
        ("routine", "๑", "๖,๓๕๕,๑๐๐", True, None),
        ("routine", "๒", "๑.๕ ล้าน", True, None),
    ]
    assert projects[0]["name"] == "โครงการอบรมกล้องวงจรปิดในชุมชน"
    assert projects[1]["name"] == ("โครงการอบรมครุภัณฑ์การแพทย์สำหรับโรงพยาบาลในสังกัดเพื่อยกระดับ"
                                   "คุณภาพชีวิตของประชาชนในพื้นที่เขตคลองเตย เขตตลิ่งชัน"
                                   "และพื้นที่ใกล้เคียง")  # a wrap between Thai letters: no space
    assert projects[3]["name"] == "โครงการจัดหาสวนสาธารณะขนาดเล็ก"
    sections = _fields(out, "plan_sections")
    assert [(s["section"], s["stated_total_thb"], s["computed_total_thb"], s["items"])
            for s in sections] == [
        ("strategic", "25,057,100", Decimal("17562900"), 3),
        ("routine", "๗,๘๕๕,๑๐๐", Decimal("7855100"), 2),
    ]


def test_summary_without_tabs_as_ocr_reads_it() -> None:
    """A rule read as ``|``, a number misread, a malformed amount, ไม่ใช่ for ไม่ใช้."""
    summary = (_PLAIN_SUMMARY
               .replace("1 โครงการอบรมกล้อง", "1 | โครงการอบรมกล้อง")
               .replace("13,077,400 บาท", "13,0774,00 บาท")
               .replace("2 โครงการอบรมครุภัณฑ์", "é โครงการอบรมครุภัณฑ์")
               .replace("ใกล้เคียงไม่ใช้งบประมาณ", "ใกล้เคียงไม่ใช่งบประมาณ"))
    doc = RepairedText.of(_PLAIN_HEAD + summary, ocr_used=True)
    projects = _fields(extract(doc), "plan_projects")
    assert [(p.get("seq"), p.get("budget_thb"), p["uses_budget"], p.get("responsible_unit"))
            for p in projects[:3]] == [
        ("1", "13,0774,00", True, "ส่วนนิติการ"),  # the amount ends the name, never loads
        (None, None, False, "ฝ่ายบริหารงานทั่วไป"),
        ("3", "4,485,500", True, "ฝ่ายบริหารงานทั่วไป"),
    ]
    assert projects[0]["name"] == "โครงการอบรมกล้องวงจรปิดในชุมชน"
    assert str(projects[1]["name"]).endswith("และพื้นที่ใกล้เคียง")


def test_summary_without_tabs_keeps_spans() -> None:
    doc, out = _plain_plan()
    for row in out.rows:
        for value in row.fields.values():
            for raw in _raws(value):
                said = doc.text[raw.span.char_start:raw.span.char_end]
                if raw.joined:  # a name wrapped over lines: the same words
                    assert "".join(said.split()) == "".join(raw.text.split())
                else:
                    assert said == raw.text


def test_total_mismatch_found_in_a_summary_without_tabs(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(_PLAIN_HEAD + _PLAIN_SUMMARY, encoding="utf-8")
    processed = process_file(path)
    sections = {s.section: s for s in processed.rows("plan_sections")}  # type: ignore[attr-defined]
    assert sections["strategic"].stated_total_thb == Decimal("25057100")
    assert sections["routine"].computed_total_thb == Decimal("7855100")
    issues = {(q.table_name, q.field, q.code) for q in processed.rows("quality_issues")}  # type: ignore[attr-defined]
    assert ("plan_sections", "stated_total_thb", "total_mismatch") in issues


def test_summary_heading_wrapped_before_its_budget_word() -> None:
    summary = _PLAIN_SUMMARY.replace(
        "สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ.\n2567",
        "สรุปโครงการและ\nงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. 2567")
    _, out = _plain_plan(summary)
    assert len(_fields(out, "plan_projects")) == 5


def test_section_heading_with_a_gap_tab_is_no_table() -> None:
    summary = _PLAIN_SUMMARY.replace("กรุงเทพมหานคร ประจำปี", "กรุงเทพมหานคร\tประจำปี").replace(
        "งบประมาณ ส่วนราชการ", "งบประมาณ\tส่วนราชการ")
    _, out = _plain_plan(summary)
    assert [p["section"] for p in _fields(out, "plan_projects")] == ["strategic"] * 3 + [
        "routine"] * 2


@pytest.mark.parametrize("seed", range(4))
def test_tab_stop_pdf_of_a_generated_plan_keeps_its_summary(seed: int, tmp_path: Path) -> None:
    """fpdf2 lays tables out with tab stops: every field of the summary and SWOT is read.

    (The indicator and definition tables flowed into paragraphs are not read yet:
    README, known limits; `make robustness` measures them.)
    """
    import random

    from corpus import render
    from corpus.build import GENERATORS
    from corpus.score import score as score_fields

    found = fonts_or_fail(("Garuda", "Sarabun", "Loma", "Norasi"), least=2)
    picked = list(found)
    doc = GENERATORS["plan"](random.Random(f"plain-{seed}"))
    for font in picked[seed % 2::2][:2]:
        pdf = tmp_path / f"plan.{font}.pdf"
        render.render_fpdf(doc, pdf, font, found[font], random.Random(f"plain-{seed}-{font}"),
                           shaping=False)
        truth = {**doc.truth, "tables": {t: rows for t, rows in doc.truth["tables"].items()
                                         if t in _SUMMARY_AND_SWOT}}
        result = score_fields(process_file(pdf), truth)
        assert result.right == result.total, (font, result.lost[:5])


_SUMMARY_AND_SWOT = ("plans", "plan_projects", "plan_sections", "plan_swot_items")


def test_ocr_title_with_a_digit_too_many_still_heads_the_plan() -> None:
    head = _PLAIN_HEAD.replace("พ.ศ. 2567", "พ.ศ. 25677")
    out = extract(RepairedText.of(head + _PLAIN_SUMMARY, ocr_used=True))
    (plan,) = _fields(out, "plans")
    assert plan["agency"] == "สำนักงานเขตคลองเตย" and plan["parent_agency"] == "กรุงเทพมหานคร"
    assert plan.get("fiscal_year_be") != "25677"  # five digits are no year

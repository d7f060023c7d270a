"""One test per trap of the legacy progress form (seeds README, issue 2)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from bma_etl.errors import ExtractError
from bma_etl.layouts.base import Derived, RepairedText
from bma_etl.layouts.legacy_progress_form import LAYOUT, extract
from bma_etl.pipeline import Processed, process_file
from bma_etl.records import ProgressUpdate, Project

from layout_checks import assert_score_separates
from repo_paths import SAMPLES

PIPE = SAMPLES / "000_52cb5c31ec83ab03.txt"
TAB = SAMPLES / "002_9d2ef115f542a230.txt"


@pytest.fixture(scope="module")
def pipe() -> Processed:
    return process_file(PIPE)


@pytest.fixture(scope="module")
def tab() -> Processed:
    return process_file(TAB)


def _updates(p: Processed) -> list[ProgressUpdate]:
    return p.rows("progress_updates")  # type: ignore[return-value]


def _project(p: Processed) -> Project:
    return p.rows("projects")[0]  # type: ignore[return-value]


def test_report_counts_in_document_order(pipe: Processed, tab: Processed) -> None:
    assert [u.ordinal for u in _updates(pipe)] == list(range(1, 8))
    assert [u.seq_label for u in _updates(tab)] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12]


def test_report_continued_on_second_row(pipe: Processed) -> None:
    seventh = _updates(pipe)[6]
    assert seventh.report_date == dt.date(2020, 5, 15)
    assert seventh.progress_pct == Decimal("20.00")
    assert seventh.on_plan is False and seventh.on_target is False
    assert seventh.detail is not None and seventh.detail.startswith("ยกเลิกโครงการ")


def test_report_without_progress_keeps_nulls(pipe: Processed) -> None:
    sixth = _updates(pipe)[5]
    assert sixth.report_date == dt.date(2020, 3, 17)
    assert (sixth.progress_pct, sixth.budget_disbursed_thb, sixth.on_plan) == (None, None, None)


def test_report_split_by_page_break(tab: Processed) -> None:
    fifth = _updates(tab)[4]
    assert fifth.seq_label == 5
    assert fifth.report_date == dt.date(2020, 2, 24)
    assert fifth.detail is not None and "อินซอน" in fifth.detail
    assert "แบบแสดงรายงาน" not in fifth.detail


def test_report_with_no_date(tab: Processed) -> None:
    sixth = _updates(tab)[5]
    assert sixth.seq_label == 6 and sixth.report_date is None
    assert sixth.progress_pct == Decimal("40.00")


def test_two_reports_labelled_12_are_both_kept(tab: Processed) -> None:
    twelves = [u for u in _updates(tab) if u.seq_label == 12]
    assert [u.report_date for u in twelves] == [dt.date(2020, 8, 24), dt.date(2020, 9, 11)]
    codes = {(q.row_ordinal, q.code) for q in tab.rows("quality_issues")}  # type: ignore[attr-defined]
    assert (13, "duplicate_seq_label") in codes


def test_tab_rows_multi_line_narrative(tab: Processed) -> None:
    second = _updates(tab)[1]
    assert second.detail is not None and second.detail.count("\n") == 2
    assert second.budget_disbursed_thb == Decimal("55189")


def test_question_mark_for_lost_dash(pipe: Processed, tab: Processed) -> None:
    assert _project(pipe).strategy_issue == "ด้านที่ ๗ - การบริหารจัดการเมืองมหานคร : Management Strategy"
    first = _updates(tab)[0]
    assert first.detail is not None and "4 - 7 พฤศจิกายน" in first.detail


def test_lao_letters_repaired(pipe: Processed) -> None:
    goal = _project(pipe).strategy_goal
    assert goal is not None and goal.endswith("และเป็นที่เชิ")


def test_page_header_dropped_from_target(pipe: Processed) -> None:
    target = _project(pipe).target
    assert target is not None and "แบบแสดงรายงาน" not in target
    assert target.splitlines()[3].startswith("ตามความเห็นของคณะกรรมการ")


def test_outline_number_removed_from_name(pipe: Processed) -> None:
    assert _project(pipe).project_name == (
        "โครงการส่งเสริมความร่วมมือจากแนวปฏิบัติที่ดีที่สุดกับเมืองที่เมืองน้อง"
        " (เรียนรู้ในด้านคุณภาพชีวิต)")


def test_agency_division_dedup_and_phone(pipe: Processed, tab: Processed) -> None:
    p = _project(pipe)
    assert p.agency == "สำนักปลัดกรุงเทพมหานคร"
    assert p.division == "ส่วนส่งเสริมความสัมพันธ์ระหว่างเมือง"
    assert (p.responsible_person, p.responsible_phone) == ("นางสาวพลอยนภัส พัฒน์ธัญ", "1521")
    t = _project(tab)
    assert (t.coordinator, t.coordinator_phone) == ("นางปัทมา ศาสตร์พันธ์", "1544")


def test_cancelled_status_and_latest_progress(pipe: Processed, tab: Processed) -> None:
    assert (_project(pipe).status, _project(pipe).progress_pct) == ("cancelled", Decimal("20"))
    assert (_project(tab).status, _project(tab).progress_pct) == ("cancelled", Decimal("40"))


def test_status_is_recorded_as_derived(pipe: Processed) -> None:
    rows = [p for p in pipe.rows("provenance")
            if p.table_name == "projects" and p.field == "status"]  # type: ignore[attr-defined]
    assert len(rows) == 1 and rows[0].derived is True  # type: ignore[attr-defined]
    assert rows[0].raw_text == "ยกเลิกโครงการ"  # type: ignore[attr-defined]


def test_score_separates_layouts() -> None:
    assert_score_separates(LAYOUT, PIPE, TAB)


def test_form_without_code_or_name_is_an_extract_error() -> None:
    text = "** แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ **\n\nรายงานครั้งที่1\n"
    with pytest.raises(ExtractError, match="รหัสโครงการ"):
        extract(RepairedText.of(text))


def test_unreadable_value_becomes_null_with_issue(tmp_path: Path) -> None:
    text = PIPE.read_text(encoding="utf-8").replace("ปีงบประมาณ พ.ศ. : 2563",
                                                    "ปีงบประมาณ พ.ศ. : สองห้าหกสาม")
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    processed = process_file(path)
    assert _project(processed).fiscal_year_be is None
    issues = [q for q in processed.rows("quality_issues")
              if q.field == "fiscal_year_be"]  # type: ignore[attr-defined]
    assert issues and issues[0].code == "unparsed_value"  # type: ignore[attr-defined]


def test_cp874_file_loads_like_utf8(tmp_path: Path) -> None:
    text = TAB.read_text(encoding="utf-8")
    path = tmp_path / "form-tis620.txt"
    path.write_bytes(text.encode("cp874"))
    assert [u.model_dump(exclude={"doc_id"}) for u in _updates(process_file(path))] == [
        u.model_dump(exclude={"doc_id"}) for u in _updates(process_file(TAB))]


def test_ocr_confusions_are_tolerated() -> None:
    text = TAB.read_text(encoding="utf-8")
    text = (text.replace("รายงานครั้งที่ 5", "รายงานครังที 5")
                .replace(":: 24/2/2563 :", ":: 242|2563 :")
                .replace("งบประมาณที่เบิกใช้ (ครั้งที่ 2)", "งบประมาณทที่เบิกใช้ (ครั้งที 2)"))
    doc = RepairedText.of(text, ocr_used=True)
    rows = [r for r in extract(doc).rows if r.table == "progress_updates"]
    assert len(rows) == 13
    fifth = rows[4].fields
    assert fifth["seq_label"].text == "5"  # type: ignore[union-attr]
    date = fifth["report_date"]
    assert isinstance(date, Derived) and date.value == dt.date(2020, 2, 24)
    assert rows[1].fields["budget_disbursed_thb"].text == "55,189 บาท"  # type: ignore[union-attr]


def test_lost_slash_is_not_guessed_when_two_readings_fit() -> None:
    text = TAB.read_text(encoding="utf-8").replace(":: 24/2/2563 :", ":: 112|2563 :")
    rows = [r for r in extract(RepairedText.of(text, ocr_used=True)).rows
            if r.table == "progress_updates"]
    assert "report_date" not in rows[4].fields  # 1/12 or 11/2: left NULL


def test_ocr_damage_around_the_report_table() -> None:
    """What OCR makes of the section heading, a flag, a budget bracket and a date."""
    text = TAB.read_text(encoding="utf-8")
    text = (text.replace("2. รายงานความก้าวหน้าของโครงการ", ". 2, รายงานความก้าวหน้าของโครงการ")
                .replace("(ครั้งที่ 1) = 0 บาท\t: เป็นไปตามแผน\t: เป็นไปตามเป้าหมาย",
                         "(ครั้งที่ 12 = 0 บาท\t: เป็นไปตามแผน\t: เป็นไปตามเบ้าหมาย")
                .replace(":: 19/11/2562 :", ":: 19/11/25622 :"))
    rows = [r for r in extract(RepairedText.of(text, ocr_used=True)).rows
            if r.table == "progress_updates"]
    assert len(rows) == 13  # the heading still opens the report table
    first = rows[0].fields
    assert first["budget_disbursed_thb"].text == "0 บาท"  # type: ignore[union-attr]
    target = first["on_target"]  # its words read approximately: derived, and said so
    assert isinstance(target, Derived) and target.value is True
    # a year of five digits is not read as printed; its one reading with a digit fewer
    # between the dates of the reports above and below is (derived, and said so)
    read = rows[1].fields["report_date"]
    assert isinstance(read, Derived) and read.value == dt.date(2019, 11, 19)
    detail = rows[1].fields["detail"]
    assert isinstance(detail, list) and detail[0].text.startswith("- ให้การต้อนรับ")


def test_a_flag_read_approximately_is_never_guessed() -> None:
    """ไม่ before the words decides; OCR junk in its place leaves the flag unread."""
    from bma_etl.layouts.legacy_flags import approx_flags

    assert [(c, v) for c, v, _, _ in approx_flags(": ไม่เป็นไปตามเบ้าหมาย")] == [
        ("on_target", False)]
    assert [(c, v) for c, v, _, _ in approx_flags(": เป็นไปตามเเผน | : เป็นไปตามเป่าหมาย")] == [
        ("on_target", True), ("on_plan", True)]
    assert approx_flags("Tyเป็นไปตามเบ้าหมาย") == []
    assert approx_flags("เห็นโป๊ตรยผุน") == []

"""The legacy progress form as other agencies word it: its section-2 heading, its labels,
a report's date with the time of day.

Other agencies' forms title section 2 otherwise (``2. รายงานผลการดำเนินงานและการเบิกจ่าย
งบประมาณ``): every progress report was lost, the section read by one wording only; now a
top-level section ``2`` opening ``รายงาน…`` is the report section by its kind
(:data:`bma_etl.layouts.legacy_sections._REPORTS_HEADING_RE`). A report's date printed
with its time (``:: 14/11/2565 10:30 :``) left ``10:30 :`` at the start of every
detail; the time is now passed over (:data:`bma_etl.layouts.legacy_date_parts.DATE_PART_RE`).
Section 1's labels in other wordings (``วันที่เริ่มต้นโครงการ``, ``ระยะเวลาเริ่มต้น``,
``วันที่สิ้นสุดโครงการ``, ``งบประมาณที่เบิกจ่ายไปแล้ว``, ``งบประมาณที่เบิกจ่าย``,
``หน่วยงานรับผิดชอบ``, ``หน่วยงานผู้รับผิดชอบ``, ``ส่วนราชการ``) left their fields NULL
(:data:`bma_etl.layouts.legacy_progress_form.PROJECT_LABELS`).

The forms are generated (bench/corpus ``legacy_tab``, ``legacy_pipe``, ``legacy_html``)
and reworded; the truth is every field as generated.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus.build import GENERATORS, _rng
from read_back import assert_read_as_generated

_GENERATORS = ["legacy_tab", "legacy_pipe", "legacy_html"]
_SECTION_2 = "รายงานความก้าวหน้าของโครงการและการใช้จ่ายงบประมาณ"


def _read_reworded(tmp_path: Path, generator: str, k: int, seed: int,
                   rewrite: list[tuple[str, str]]) -> None:
    doc = GENERATORS[generator](_rng(seed, generator, k))
    text = doc.text
    for pattern, replacement in rewrite:
        text, count = re.subn(pattern, replacement, text)
        assert count, pattern
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    assert_read_as_generated(path, doc.truth)


@pytest.mark.parametrize("heading", ["รายงานผลการดำเนินงานและการเบิกจ่ายงบประมาณ",
                                     "รายงานผลการปฏิบัติงานและการใช้จ่ายงบประมาณ"])
@pytest.mark.parametrize("generator", _GENERATORS)
def test_section_2_in_another_wording_still_holds_the_reports(
        generator: str, heading: str, tmp_path: Path) -> None:
    _read_reworded(tmp_path, generator, 0, 431, [(_SECTION_2, heading)])


@pytest.mark.parametrize("time", ["10:30", "08:05:00", "14.45 น."])
@pytest.mark.parametrize("generator", _GENERATORS)
def test_a_report_date_with_its_time_of_day_leaves_no_time_in_the_detail(
        generator: str, time: str, tmp_path: Path) -> None:
    # ``:: 14/11/2565 :`` → ``:: 14/11/2565 10:30 :`` in every report row
    _read_reworded(tmp_path, generator, 1, 433,
                   [(r"(::\s*[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})(\s*:)", rf"\g<1> {time}\g<2>")])


@pytest.mark.parametrize(("start", "end", "spent", "agency"), [
    ("วันที่เริ่มต้นโครงการ", "วันที่สิ้นสุดโครงการ", "งบประมาณที่เบิกจ่ายไปแล้ว", "หน่วยงานรับผิดชอบ"),
    ("ระยะเวลาเริ่มต้น", "ระยะเวลาสิ้นสุด", "งบประมาณที่เบิกจ่าย", "หน่วยงานผู้รับผิดชอบ"),
    ("วันที่เริ่มต้นโครงการ", "วันที่สิ้นสุดโครงการ", "งบประมาณที่เบิกจ่าย", "ส่วนราชการ"),
])
@pytest.mark.parametrize("generator", _GENERATORS)
def test_section_1_labels_in_other_wordings_are_read(
        generator: str, start: str, end: str, spent: str, agency: str,
        tmp_path: Path) -> None:
    _read_reworded(tmp_path, generator, 2, 439, [
        (r"(?<![ก-๙])เริ่มต้นโครงการ", start), (r"(?<![ก-๙])สิ้นสุดโครงการ", end),
        ("งบประมาณที่ใช้ไป", spent), (r"หน่วยงานที่รับผิดชอบ\.", agency)])


@pytest.mark.parametrize(("allocated", "spent"), [
    ("งบประมาณที่ได้รับจัดสรร (บาท)", "งบประมาณที่เบิกจ่ายแล้ว (บาท)"),
    ("งบประมาณที่ได้รับจัดสรร (บาท)", "งบประมาณที่เบิกจ่ายไปแล้ว (บาท)"),
])
@pytest.mark.parametrize("generator", _GENERATORS)
def test_budget_labels_in_other_wordings_with_a_unit_bracket_are_read(
        generator: str, allocated: str, spent: str, tmp_path: Path) -> None:
    # ``งบประมาณที่ได้รับ :`` → ``งบประมาณที่ได้รับจัดสรร (บาท) :``: the bracket after a synonym
    _read_reworded(tmp_path, generator, 3, 443, [
        (r"งบประมาณที่ได้รับ(?=\s*:)", allocated), (r"งบประมาณที่ใช้ไป(?=\s*:)", spent)])


@pytest.mark.parametrize("dash", ["-", "–", "-."])
@pytest.mark.parametrize("generator", _GENERATORS)
def test_a_coordinator_stated_as_a_dash_is_null(generator: str, dash: str,
                                                tmp_path: Path) -> None:
    # ``ผู้ประสานงาน สยป : น.ส.… โทร.4799`` → ``ผู้ประสานงาน สยป : -``: no person stated
    from bma_etl.pipeline import process_file

    doc = GENERATORS[generator](_rng(449, generator, 4))
    text, count = re.subn(r"(ผู้ประสานงาน สยป : )[^\n<]+", rf"\g<1>{dash}", doc.text)
    assert count == 1
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    project = process_file(path).rows("projects")[0]
    assert (project.coordinator, project.coordinator_phone) == (None, None)
    assert project.responsible_person == doc.tables["projects"][0]["responsible_person"]


@pytest.mark.parametrize("generator", _GENERATORS)
def test_agency_path_parts_with_codes_in_brackets(generator: str, tmp_path: Path) -> None:
    # ``สำนักการระบายน้ำ / กองระบบ…`` → ``สำนักการระบายน้ำ (09000000) / กองระบบ… (09020000)``:
    # the names as generated, the last part's (the unit's) code to unit_code
    from bma_etl.pipeline import process_file

    from corpus.score import score

    doc = GENERATORS[generator](_rng(457, generator, 5))
    line = re.search(r"(หน่วยงานที่รับผิดชอบ\. : )([^\n<]+)", doc.text)
    assert line is not None
    parts = line[2].split(" / ")
    codes = [f"{9000000 + 10100 * i:08d}" for i in range(len(parts))]
    coded = " / ".join(f"{p} ({c})" for p, c in zip(parts, codes, strict=True))
    path = tmp_path / "form.txt"
    path.write_text(doc.text.replace(line[0], line[1] + coded), encoding="utf-8")
    truth = doc.truth
    truth["tables"]["projects"][0]["unit_code"] = codes[-1]
    processed = process_file(path)
    result = score(processed, truth)
    assert result.lost == [], result.lost[:4]
    division = processed.rows("projects")[0].division
    assert division == (" / ".join(dict.fromkeys(parts[1:])) if parts[1:] else None)


@pytest.mark.parametrize("months", ["ต.ค. {a} - ก.ย. {b}", "ตุลาคม {a2} – กันยายน {b2}"])
@pytest.mark.parametrize("generator", _GENERATORS)
def test_fiscal_year_with_its_months_in_a_bracket(generator: str, months: str,
                                                  tmp_path: Path) -> None:
    # ``ปีงบประมาณ พ.ศ. : 2566`` → ``… : 2566 (ต.ค. 2565 - ก.ย. 2566)``: the year is read
    doc = GENERATORS[generator](_rng(463, generator, 6))
    year = doc.tables["projects"][0]["fiscal_year_be"]
    bracket = months.format(a=year - 1, b=year, a2=(year - 1) % 100, b2=year % 100)
    _read_reworded(tmp_path, generator, 6, 463,
                   [(r"(ปีงบประมาณ พ\.ศ\. : [0-9๐-๙]{4})", rf"\g<1> ({bracket})")])

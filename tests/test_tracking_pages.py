"""Tracking-system pages as people save them (tests/fixtures/tracking-pages/README.md).

Twelve saves of the mobile view, most holding only the top of the page, and three
pages of other systems that look alike; ``expected.json`` holds what a careful
reader writes down. One test per trap of the page, each on its fixture and on
pages written here from known values.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bma_etl.errors import ExtractError, UnknownLayout
from bma_etl.layouts import web_progress_history as layout
from bma_etl.layouts.base import Derived, RepairedText
from bma_etl.pipeline import Processed, process_file
from bma_etl.textnorm import repair_text

from repo_paths import FIXTURES

PAGES = FIXTURES / "tracking-pages"
EXPECTED: dict[str, Any] = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
LOADS = sorted(n for n, e in EXPECTED.items() if e["layout"] != "unknown")
LOOK_ALIKES = sorted(n for n, e in EXPECTED.items() if e["layout"] == "unknown")

HEAD = ("ความคืบหน้าโครงการ/กิจกรรม", "", "Back Home", "FusionCharts will render here", "")


def _same(got: Any, want: Any) -> bool:
    if isinstance(want, str) and re.fullmatch(r"-?[0-9]+\.[0-9]+", want):
        return got is not None and Decimal(str(got)) == Decimal(want)
    return bool(got == want)


def _project(processed: Processed) -> dict[str, Any]:
    (row,) = processed.rows("projects")
    return row.model_dump(mode="json")


def _codes(processed: Processed) -> list[tuple[str | None, str]]:
    return [(q.field, q.code) for q in processed.rows("quality_issues")]  # type: ignore[attr-defined]


def _write(tmp_path: Path, *lines: str, name: str = "page.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _load(path: Path) -> dict[str, Any]:
    return _project(process_file(path))


# ------------------------------------------------------------------ the fixtures


@pytest.mark.parametrize("name", LOADS)
def test_tracking_page_loads_its_expected_values(name: str) -> None:
    processed = process_file(PAGES / name)
    want = EXPECTED[name]
    assert processed.layout == want["layout"]
    for table in ("projects", "progress_updates"):
        got = [r.model_dump(mode="json") for r in processed.rows(table)]
        assert len(got) == len(want[table]), table
        for i, (g, w) in enumerate(zip(got, want[table], strict=True)):
            wrong = {f: (g[f], v) for f, v in w.items() if not _same(g[f], v)}
            assert not wrong, f"{name} {table}[{i}]: (read, right) {wrong}"


@pytest.mark.parametrize("name", LOOK_ALIKES)
def test_look_alike_page_of_another_system_stays_unknown(name: str) -> None:
    with pytest.raises(UnknownLayout) as caught:
        process_file(PAGES / name)
    assert "no known layout recognised" in str(caught.value)
    assert "web_progress_history" in str(caught.value)  # the reason shows every score


def test_look_alikes_of_each_kind_stay_unknown(tmp_path: Path) -> None:
    """Other systems' words: a grant report's งวด, a KPI popup's ไตรมาส, a news item."""
    pages = [
        ("รายงานความก้าวหน้าโครงการ งวดที่ 2", "ความก้าวหน้าของโครงการ ร้อยละ 60",
         "ผู้รายงาน นายสมชาย ใจดี โทร. 1234"),
        ("ข่าวประชาสัมพันธ์", "กรุงเทพมหานครรายงานความคืบหน้าโครงการ ร้อยละ 80 ในไตรมาสที่ 2",
         "สำนักงานเขตบางรัก : 02 123 4567"),
        ("ตัวชี้วัด", "ไตรมาสที่ 3 100", "ผลการดำเนินงาน ร้อยละ 75", "หน่วยงาน : สำนักอนามัย"),
    ]
    for i, lines in enumerate(pages):
        with pytest.raises(UnknownLayout):
            process_file(_write(tmp_path, *lines, name=f"n{i}.txt"))


# ------------------------------------------------------------------ one test per trap


def test_full_header_boilerplate_is_never_a_value() -> None:
    """t01: the title, ``Back Home``, the chart placeholder, the links line and the
    banner are frame; none of their words ends in a value."""
    row = _load(PAGES / "t01_full_header.txt")
    values = " ".join(str(v) for v in row.values() if v is not None)
    for frame in ("Back", "FusionCharts", "พิมพ์ข้อมูล", "สยป.", "กิจกรรม\n"):
        assert frame not in values
    assert row["rationale"].startswith("สำนักงานเขตมีหน้าที่ดูแลความปลอดภัย")


def test_decomposed_sara_am_is_composed_in_values() -> None:
    """t02: ``สํานักการระบายน้ํา`` (NIKHAHIT + SARA AA) loads as ``สำนักการระบายน้ำ``."""
    row = _load(PAGES / "t02_decomposed_sara_am_zero_progress.txt")
    assert row["agency"] == "สำนักการระบายน้ำ"
    assert "\u0e4d\u0e32" not in json.dumps(row, ensure_ascii=False)


@pytest.mark.parametrize("printed", ["0.00", "0", "๐.๐๐"])
def test_zero_progress_is_zero_not_missing(printed: str, tmp_path: Path) -> None:
    row = _load(_write(tmp_path, *HEAD, "โครงการทดสอบ : 12000000-0001", "สำนักการโยธา : (2566)",
                       printed, f"ความคืบหน้าโครงการ ร้อยละ {printed}",
                       "ดูโครงการแผนปีฯ : พิมพ์ข้อมูล"))
    assert row["progress_pct"] is not None and Decimal(row["progress_pct"]) == 0


def test_agency_without_year_gives_no_fiscal_year_without_entries() -> None:
    """t03: no ``: (25xx)`` and no entries: the year is NULL, never guessed from
    the narrative's dates."""
    row = _load(PAGES / "t03_agency_without_year.txt")
    assert (row["agency"], row["fiscal_year_be"]) == ("สำนักอนามัย", None)


def test_agency_without_year_takes_the_year_of_its_entries(tmp_path: Path) -> None:
    processed = process_file(_write(
        tmp_path, *HEAD, "โครงการทดสอบ : 12000000-0001", "สำนักอนามัย", "",
        "ความคืบหน้าโครงการ ร้อยละ 40", "นายสมชาย ใจดี โทร. 1234", "ดูโครงการแผนปีฯ : พิมพ์ข้อมูล",
        "(1) ความคืบหน้าโครงการฯ ร้อยละ 40.00 (2023-11-15)", "15/11/2566 : เริ่มดำเนินการ",
        "** ปัญหาของโครงการ :ไม่มี", "** อุปสรรคของโครงการ :ไม่มี",
        "------------------&&&--------------------"))
    row = _project(processed)
    assert (row["agency"], row["fiscal_year_be"]) == ("สำนักอนามัย", 2567)
    (derived,) = [p for p in processed.rows("provenance")
                  if p.table_name == "projects" and p.field == "fiscal_year_be"]  # type: ignore[attr-defined]
    assert derived.derived  # type: ignore[attr-defined]


def test_name_ending_in_a_year_keeps_it_and_is_not_the_fiscal_year() -> None:
    """t04: ``…รับจ้าง (2564) : 15000000-2719``: the ``(2564)`` is part of the name."""
    row = _load(PAGES / "t04_name_ends_with_year_two_persons.txt")
    assert row["project_name"].endswith("(2564)")
    assert row["project_code"] == "15000000-2719"


def test_name_year_is_not_the_fiscal_year_when_the_agency_line_has_none(
        tmp_path: Path) -> None:
    row = _load(_write(tmp_path, *HEAD, "โครงการจัดระเบียบทางเท้า (2563) : 15000000-0002",
                       "สำนักเทศกิจ", "ความคืบหน้าโครงการ ร้อยละ 10",
                       "ดูโครงการแผนปีฯ : พิมพ์ข้อมูล"))
    assert row["fiscal_year_be"] is None


def test_two_persons_joined_by_lae_are_one_responsible_value() -> None:
    row = _load(PAGES / "t04_name_ends_with_year_two_persons.txt")
    assert row["responsible_person"] == "นายสมชาย ใจดีงาม และนางสาวจินตนา รักงานดี"
    assert row["responsible_phone"] == "4410-12"


@pytest.mark.parametrize("unit", ["ฝ่ายโยธา", "กลุ่มงานส่งเสริมศักยภาพของเมือง",
                                  "ส่วนความร่วมมือระหว่างประเทศ", "กองควบคุมโรค"])
def test_headerless_unit_is_neither_a_person_nor_the_agency(unit: str, tmp_path: Path) -> None:
    """t05: a unit where the person stands names who is responsible (→ division)."""
    row = _load(_write(tmp_path, "ความคืบหน้าโครงการ ร้อยละ 100", unit,
                       "ดูโครงการแผนปีฯ : พิมพ์ข้อมูล", "*** สยป. ประเมินโครงการ : ไตรมาสที่ 1"))
    assert (row["responsible_person"], row["agency"], row["division"]) == (None, None, unit)
    assert _load(PAGES / "t05_headerless_unit.txt")["division"] == "ฝ่ายโยธา"


@pytest.mark.parametrize(("line", "person", "phone"), [
    ("นางอรทัย ศรีสวัสดิ์ (5512)", "นางอรทัย ศรีสวัสดิ์", "5512"),  # t06
    ("นางพิมพา ศรีงามวงศ์ 2549", "นางพิมพา ศรีงามวงศ์", "2549"),  # t07: a phone, not a year
    ("นายธนากร ขยันยิ่ง โทร. 0 2245 1234-5", "นายธนากร ขยันยิ่ง", "0 2245 1234-5"),  # t08
    ("นางสาวพรทิพย์ อ่อนละมัย (โทร.6604)", "นางสาวพรทิพย์ อ่อนละมัย", "6604"),  # t09
    ("น.ส.สุดา ใจเย็นดี โทร 7720", "น.ส.สุดา ใจเย็นดี", "7720"),  # t10
    ("นายสมชาย ใจดีงาม และนางสาวจินตนา รักงานดี โทร. 4410-12",
     "นายสมชาย ใจดีงาม และนางสาวจินตนา รักงานดี", "4410-12"),
    ("ว่าที่ร้อยตรีสมศักดิ์ มั่นคง โทร. 1520", "ว่าที่ร้อยตรีสมศักดิ์ มั่นคง", "1520"),
    ("ดร.วิภา แสงทอง (๑๕๒๐)", "ดร.วิภา แสงทอง", "๑๕๒๐"),
    ("นางวิมลพรรณ พิมสาร", "นางวิมลพรรณ พิมสาร", None),
])
def test_every_phone_form_of_the_responsible_line(line: str, person: str, phone: str | None,
                                                  tmp_path: Path) -> None:
    for header in ((*HEAD, "โครงการทดสอบ : 12000000-0001", "สำนักการโยธา : (2566)", "15"),
                   ()):
        row = _load(_write(tmp_path, *header, "ความคืบหน้าโครงการ ร้อยละ 15", line,
                           "ดูโครงการแผนปีฯ : พิมพ์ข้อมูล", "*** สยป. ประเมินโครงการ : ไตรมาสที่ 3 100"))
        assert (row["responsible_person"], row["responsible_phone"]) == (
            person, phone and phone.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")))


def test_extension_that_looks_like_a_year_is_not_a_year() -> None:
    """t07: ``… 2549`` after a name is an extension; the year is the agency line's."""
    row = _load(PAGES / "t07_extension_looks_like_year.txt")
    assert (row["responsible_phone"], row["fiscal_year_be"]) == ("2549", 2561)


def test_headerless_person_with_tel_without_dot() -> None:
    row = _load(PAGES / "t10_headerless_person_tel_no_dot.txt")
    assert (row["responsible_person"], row["responsible_phone"]) == ("น.ส.สุดา ใจเย็นดี", "7720")
    assert (row["project_code"], row["agency"]) == (None, None)


@pytest.mark.parametrize(("banner", "quarter", "score"), [
    ("*** สยป. ประเมินโครงการ : ไตรมาสที่ 2 100", 2, "100"),
    ("*** สยป. ประเมินโครงการ : ไตรมาสที่ 1 100.0000", 1, "100"),
    ("*** สยป. ประเมินโครงการ : ไตรมาสที่ 4 : 0.0000", 4, "0"),
    ("*** สยป. ประเมินโครงการ : ไตรมาสที่ 1", 1, None),
    ("*** สยป. ประเมินโครงการ : ไตรมาสที่ ๓ ๘๗.๕๐๐๐", 3, "87.5"),
    ("*** สยป. ประเมินโครงการ :ไตรมาสที่3 75", 3, "75"),
])
def test_assessment_banner_quarter_and_score(banner: str, quarter: int, score: str | None,
                                             tmp_path: Path) -> None:
    row = _load(_write(tmp_path, "ความคืบหน้าโครงการ ร้อยละ 50", "ฝ่ายโยธา",
                       "ดูโครงการแผนปีฯ : พิมพ์ข้อมูล", banner))
    assert row["assessment_quarter"] == quarter
    got = row["assessment_score"]
    assert (Decimal(got) == Decimal(score)) if score else got is None


def test_banner_quarter_out_of_range_is_null_with_an_issue(tmp_path: Path) -> None:
    processed = process_file(_write(tmp_path, "ความคืบหน้าโครงการ ร้อยละ 50", "ฝ่ายโยธา",
                                    "ดูโครงการแผนปีฯ : พิมพ์ข้อมูล",
                                    "*** สยป. ประเมินโครงการ : ไตรมาสที่ 5 100"))
    assert _project(processed)["assessment_quarter"] is None
    assert ("assessment_quarter", "invalid_value") in _codes(processed)


def test_full_page_reads_header_and_entries() -> None:
    """t11: the header as on the head-only saves, the entries as before, and the
    unit code line inside the narrative is the unit code, not the project code."""
    processed = process_file(PAGES / "t11_full_page_with_entries.txt")
    row = _project(processed)
    assert (row["project_code"], row["unit_code"]) == ("50260000-6610", "50260400")
    assert row["objectives"] == ["เพื่อเพิ่มพื้นที่สีเขียวริมถนนสายหลักในพื้นที่เขต"]
    assert row["target"] == "ปลูกต้นไม้ใหญ่ จำนวน 300 ต้น"
    assert [u.seq_label for u in processed.rows("progress_updates")] == [1, 2, 3]  # type: ignore[attr-defined]
    assert _codes(processed) == []


def test_narrative_dates_are_not_report_dates() -> None:
    """t04, t06: dates in หลักการและเหตุผล make no progress entry and no year."""
    for name in ("t04_name_ends_with_year_two_persons.txt", "t06_bare_extension_in_brackets.txt"):
        processed = process_file(PAGES / name)
        assert processed.rows("progress_updates") == []
        assert _project(processed)["fiscal_year_be"] == 2564


def test_headings_put_their_text_in_its_column() -> None:
    row = _load(PAGES / "t02_decomposed_sara_am_zero_progress.txt")
    assert row["rationale"].startswith("ในฤดูฝนหลายพื้นที่")
    assert row["objectives"] == ["เพื่อจัดทำแผนที่จุดเสี่ยงน้ำท่วมขังที่เป็นปัจจุบัน"]


def test_saved_by_browser_ignores_scripts_and_reads_the_header() -> None:
    """t12: the same page as HTML; scripts, styles and the chart are not text."""
    processed = process_file(PAGES / "t12_saved_by_browser.html")
    assert "FusionCharts.ready" not in processed.text
    assert "jquery" not in processed.text
    assert _project(processed)["project_code"] == "50190000-7015"
    assert _codes(processed) == []  # the address names the same code


def _browser_save(tmp_path: Path, url_code: str, body: str) -> Path:
    url = f"https://tracking.example/mobile/myproject.php?pid={url_code}"
    path = tmp_path / "saved.html"
    path.write_text(f"<!DOCTYPE html>\n<!-- saved from url=({len(url):04d}){url} -->\n"
                    f"<html><head><script>var x = 1;</script></head><body>{body}</body></html>",
                    encoding="utf-8")
    return path


def test_code_from_the_saved_address_when_the_text_has_none(tmp_path: Path) -> None:
    processed = process_file(_browser_save(tmp_path, "50190000-7015", (
        "<p>ความคืบหน้าโครงการ ร้อยละ 80</p><p>นางสาวอัมพร แก้วประเสริฐ โทร. 6920</p>"
        "<p>ดูโครงการแผนปีฯ : พิมพ์ข้อมูล</p><p>*** สยป. ประเมินโครงการ : ไตรมาสที่ 2 100</p>")))
    assert _project(processed)["project_code"] == "50190000-7015"
    (prov,) = [p for p in processed.rows("provenance")
               if p.table_name == "projects" and p.field == "project_code"]  # type: ignore[attr-defined]
    assert prov.derived and "address" in (prov.note or "")  # type: ignore[attr-defined]


def test_canonical_link_gives_the_code(tmp_path: Path) -> None:
    path = tmp_path / "canonical.html"
    path.write_text(
        '<html><head><link rel="canonical" href="https://tracking.example/myproject.php?'
        'pid=11000000-1234&amp;m=1"></head><body><p>ความคืบหน้าโครงการ ร้อยละ 5</p>'
        "<p>ฝ่ายโยธา</p><p>ดูโครงการแผนปีฯ : พิมพ์ข้อมูล</p>"
        "<p>*** สยป. ประเมินโครงการ : ไตรมาสที่ 1</p></body></html>", encoding="utf-8")
    assert _load(path)["project_code"] == "11000000-1234"


def test_code_in_the_address_and_in_the_text_that_differ_raise_an_issue(
        tmp_path: Path) -> None:
    processed = process_file(_browser_save(tmp_path, "50190000-7016", (
        "<h3>โครงการพัฒนาศักยภาพอาสาสมัคร : 50190000-7015</h3><p>สำนักงานเขตบางซื่อ : (2567)</p>"
        "<p>ความคืบหน้าโครงการ ร้อยละ 80</p><p>ดูโครงการแผนปีฯ : พิมพ์ข้อมูล</p>")))
    assert _project(processed)["project_code"] == "50190000-7015"  # the text is kept
    assert ("project_code", "ambiguous_value") in _codes(processed)


def test_address_printed_on_the_page_gives_the_code(tmp_path: Path) -> None:
    """A browser prints the address in the page footer of a PDF it prints."""
    row = _load(_write(tmp_path, "ความคืบหน้าโครงการ ร้อยละ 100", "ฝ่ายโยธา",
                       "ดูโครงการแผนปีฯ : พิมพ์ข้อมูล", "*** สยป. ประเมินโครงการ : ไตรมาสที่ 1",
                       "https://tracking.example/mobile/myproject.php?pid=50330000-3110 1/1"))
    assert row["project_code"] == "50330000-3110"


def test_bare_progress_and_percent_line_that_disagree_raise_an_issue(tmp_path: Path) -> None:
    processed = process_file(_write(
        tmp_path, *HEAD, "โครงการทดสอบ : 12000000-0001", "สำนักการโยธา : (2566)", "45",
        "ความคืบหน้าโครงการ ร้อยละ 54", "ดูโครงการแผนปีฯ : พิมพ์ข้อมูล"))
    assert Decimal(_project(processed)["progress_pct"]) == 54
    assert ("progress_pct", "ambiguous_value") in _codes(processed)


def test_bare_progress_and_percent_line_that_agree_raise_nothing(tmp_path: Path) -> None:
    processed = process_file(_write(
        tmp_path, *HEAD, "โครงการทดสอบ : 12000000-0001", "สำนักการโยธา : (2566)", "45",
        "ความคืบหน้าโครงการ ร้อยละ 45.00", "ดูโครงการแผนปีฯ : พิมพ์ข้อมูล"))
    assert _codes(processed) == []


@pytest.mark.parametrize("cut", [5, 6, 7])
def test_save_cut_after_the_header_loads_what_it_holds(cut: int, tmp_path: Path) -> None:
    lines = [*HEAD, "โครงการทดสอบระบบ : 12000000-0001", "สำนักการโยธา : (2566)",
             "ความคืบหน้าโครงการ ร้อยละ 20", "นายสมชาย ใจดี โทร. 1234"]
    row = _load(_write(tmp_path, *lines[:cut + 1]))
    assert (row["project_code"], row["project_name"]) == ("12000000-0001", "โครงการทดสอบระบบ")
    assert row["fiscal_year_be"] == (2566 if cut >= 6 else None)


def test_page_with_only_its_title_and_navigation_is_quarantined_with_a_reason() -> None:
    doc = RepairedText.of(repair_text("\n".join(HEAD) + "\nดูโครงการแผนปีฯ : พิมพ์ข้อมูล\n"))
    with pytest.raises(ExtractError, match="header value"):
        layout.extract(doc)


def test_derived_code_is_not_read_text(tmp_path: Path) -> None:
    doc = RepairedText.of("ความคืบหน้าโครงการ ร้อยละ 5\nฝ่ายโยธา\nดูโครงการแผนปีฯ : พิมพ์ข้อมูล",
                          source_url="https://x.example/myproject.php?pid=11000000-0001")
    (project,) = [r for r in layout.extract(doc).rows if r.table == "projects"]
    code = project.fields["project_code"]
    assert isinstance(code, Derived) and code.value == "11000000-0001"


def test_name_without_its_code_is_still_the_name(tmp_path: Path) -> None:
    """A browser save whose text lost the code: the name stands alone above the agency
    line, and the address gives the code."""
    row = _load(_browser_save(tmp_path, "50400000-6110", (
        "<h1>ความคืบหน้าโครงการ/กิจกรรม</h1><div>FusionCharts will render here</div>"
        "<p>โครงการปรับปรุงศาลาท่าน้ำริมคลองบางมด</p><p>สำนักงานเขตจอมทอง : (2568)</p>"
        "<p>0.00</p><p>ความคืบหน้าโครงการ ร้อยละ 0.00</p>"
        "<p>ดูโครงการแผนปีฯ : พิมพ์ข้อมูล</p>")))
    assert (row["project_name"], row["project_code"]) == (
        "โครงการปรับปรุงศาลาท่าน้ำริมคลองบางมด", "50400000-6110")
    assert (row["agency"], row["fiscal_year_be"]) == ("สำนักงานเขตจอมทอง", 2568)


@pytest.mark.parametrize(("line", "unit", "phone"), [
    ("ฝ่ายโยธา โทร. 6543", "ฝ่ายโยธา", "6543"),
    ("กลุ่มงานสารสนเทศ (โทร.6543)", "กลุ่มงานสารสนเทศ", "6543"),
    ("ฝ่ายการคลัง", "ฝ่ายการคลัง", None),
])
def test_unit_with_a_phone_keeps_the_phone(line: str, unit: str, phone: str | None,
                                           tmp_path: Path) -> None:
    row = _load(_write(tmp_path, "ความคืบหน้าโครงการ ร้อยละ 30", line,
                       "ดูโครงการแผนปีฯ : พิมพ์ข้อมูล", "*** สยป. ประเมินโครงการ : ไตรมาสที่ 2"))
    assert (row["division"], row["responsible_person"], row["responsible_phone"]) == (
        unit, None, phone)


def test_manual_quoting_the_pages_lines_mid_sentence_stays_unknown(tmp_path: Path) -> None:
    """Approximate matching of a line's opening words looks at line starts only."""
    with pytest.raises(UnknownLayout):
        process_file(_write(
            tmp_path, "คู่มือการใช้งานระบบติดตามโครงการ (สำหรับมือถือ)",
            "บทที่ 3 การดูความคืบหน้าโครงการ/กิจกรรม",
            "1. เลือกโครงการจากรายการ ระบบจะแสดงหน้า ความคืบหน้าโครงการ/กิจกรรม",
            "2. ปุ่ม Back Home ใช้กลับไปหน้าหลัก",
            "3. ข้อความ *** สยป. ประเมินโครงการ : ไตรมาสที่ 2 100 คือผลการประเมิน",
            "ติดต่อผู้ดูแลระบบ กลุ่มงานสารสนเทศ โทร. 1234"))

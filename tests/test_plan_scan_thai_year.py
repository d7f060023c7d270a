"""A plan printed in Thai digits and scanned at 200 dpi keeps its agency and year.

The twenty-third outside tester's plan (landscape, 15 pt, every digit Thai) rasterised
clean at 200 dpi lost its agency and year: the cover's ``พ.ศ. ๒๕๖๗`` was read as a
Latin word (``พ.ศ. Wed``), so no title was found and the agencies under it were not
read; the year read exactly in the foreword (``จัดทำแผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๗``)
and again over the strategic table was left doubtful, nothing confirming it. A year
read glyph by glyph (it holds a digit Debian's model never gives) and read the same
after another ``พ.ศ.`` is confirmed (``normalize/trust_years.year_read_again``); one
Tesseract read alike everywhere (``๒๕๒๕`` for ``๒๕๖๕``) is not. The plans are written
first (agency, year, projects), printed by Chromium, rasterised and read back.
"""

from __future__ import annotations

import random
from decimal import Decimal
from html import escape
from pathlib import Path

import pytest

from bma_etl.document import RepairedText
from bma_etl.layouts.annual_action_plan import extract
from bma_etl.normalize.fields import Normalized, NormalizedRow, ProvenanceRow
from bma_etl.normalize.trust import screen
from bma_etl.pipeline import process_file

from corpus.values import draw_amount, money_str, project_name
from plan_prints import plan_scan

THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
#: Chromium's Thai face on Debian (fonts-noto-core), the tester's: the glyph reader's
#: references hold it.
FONT = "Noto Sans Thai"
FONT_FILE = Path("/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf")
AGENCIES = ("สำนักงานเขตบางกอกน้อย", "สำนักงานเขตหนองจอก", "สำนักงานเขตบางรัก")
UNITS = ("ฝ่ายโยธา", "ฝ่ายพัฒนาชุมชนฯ", "ฝ่ายเทศกิจ", "ฝ่ายการศึกษา")


def _table(title: str, rows: list[tuple[str, Decimal, str]]) -> str:
    out = [f"<p><b>{escape(title)}</b></p><table><tr><th>ลำดับที่</th><th>ชื่อโครงการ</th>"
           "<th>งบประมาณ</th><th>ส่วนราชการที่รับผิดชอบ</th></tr>"]
    for k, (name, amount, unit) in enumerate(rows, start=1):
        out.append(f"<tr><td>{k}</td><td>{escape(name)}</td><td>{money_str(amount)} บาท</td>"
                   f"<td>{unit}</td></tr>")
    total = sum((a for _, a, _ in rows), Decimal(0))
    out.append(f"<tr><td colspan='2'>รวมงบประมาณทั้งสิ้น</td><td>{money_str(total)} บาท</td>"
               "<td></td></tr></table>")
    return "".join(out)


def _plan(seed: int) -> tuple[str, int, str]:
    """``(agency, year, html)``: a plan's cover, foreword and strategic table, Thai digits."""
    rng = random.Random(seed)
    agency, year = rng.choice(AGENCIES), rng.randint(2566, 2569)
    rows = [(project_name(rng, long=False), draw_amount(rng, 200_000, 9_000_000),
             rng.choice(UNITS)) for _ in range(2)]
    body = (f"<p style='text-align:center;font-size:28px'><b>แผนปฏิบัติการ ประจำปี</b></p>"
            f"<p style='text-align:center;font-size:28px'><b>พ.ศ. {year}</b></p>"
            f"<p style='text-align:center'>{agency}</p>"
            "<p style='text-align:center'>สำนักปลัดกรุงเทพมหานคร</p><p><b>คำนำ</b></p>"
            f"<p>{agency}จัดทำแผนปฏิบัติการประจำปี พ.ศ. {year} เพื่อเป็นกรอบในการดำเนินงาน</p>"
            "<p><b>วิสัยทัศน์</b></p><p>ชุมชนน่าอยู่ ปลอดภัย</p>"
            f"<p><b>สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. {year}</b></p>"
            + _table(f"โครงการยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. {year}",
                     rows))
    html = ("<!DOCTYPE html><html lang='th'><head><meta charset='utf-8'><style>"
            "table { border-collapse: collapse; width: 100%; }"
            " td, th { border: 1px solid #000; padding: 2px 6px; } p { margin: 3px 0; }"
            "</style></head><body>" + body.translate(THAI) + "</body></html>")
    return agency, year, html


@pytest.mark.parametrize("seed", [1, 2])
def test_scanned_thai_digit_plan_keeps_its_year(seed: int, tmp_path: Path) -> None:
    agency, year, html = _plan(seed)
    result = process_file(plan_scan(tmp_path, html, seed, family=FONT, font=FONT_FILE, dpi=200,
                                    pt=20))
    (plan,) = result.rows("plans")
    assert plan.agency == agency  # type: ignore[attr-defined]
    assert plan.fiscal_year_be == year  # type: ignore[attr-defined]


# ------------------------------------------------------------------ the rules alone


def _year_screened(raw: str, text: str) -> Normalized:
    start = text.index(raw)
    row = NormalizedRow("plans", None, {"fiscal_year_be": 2500 + int(raw[2:].translate(
        str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")))})
    prov = ProvenanceRow("plans", None, "fiscal_year_be", 1, 1, start, start + 4, raw,
                         False, True)
    normalized = Normalized([row], [prov], [])
    screen(normalized, text)
    return normalized


def test_a_year_read_glyph_by_glyph_twice_is_loaded() -> None:
    text = "แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๗\nโครงการยุทธศาสตร์ ประจำปี พ.ศ. ๒๕๖๗\n"
    assert _year_screened("๒๕๖๗", text).rows[0].values == {"fiscal_year_be": 2567}


@pytest.mark.parametrize("text", [
    "แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๗\n",  # read once
    "แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๗\nประจำปี พ.ศ. ๒๕๖๖\n",  # read otherwise
])
def test_a_year_read_once_or_otherwise_stays_doubtful(text: str) -> None:
    normalized = _year_screened("๒๕๖๗", text)
    assert normalized.rows[0].values == {}
    assert [f.code for f in normalized.findings] == ["ocr_doubtful_value"]


def test_a_year_tesseract_misreads_alike_confirms_nothing() -> None:
    """``๒๕๒๕`` holds no digit only the glyph reader gives: Tesseract's alike misreading."""
    normalized = _year_screened("๒๕๒๕", "พ.ศ. ๒๕๒๕\nประจำปี พ.ศ. ๒๕๒๕\n")
    assert normalized.rows[0].values == {}


def test_cover_year_read_as_a_latin_word_keeps_the_agencies() -> None:
    """``พ.ศ. Wed``: the cover's title stands, its year unread; the agencies are read."""
    text = ("แผนปฏิบัติการ ประจำปี\nพ.ศ. Wed\nสำนักงานเขตบางกอกน้อย\nสำนักปลัดกรุงเทพมหานคร\n"
            "คำนำ\nสำนักงานเขตบางกอกน้อยจัดทำแผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๗ เพื่อเป็นกรอบ\n"
            "สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. Bede\n"
            "โครงการยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. ๒๕๖๗\n"
            "ลำดับที่\tชื่อโครงการ\tงบประมาณ\tส่วนราชการที่รับผิดชอบ\n"
            "๑\tโครงการปรับปรุงภูมิทัศน์\t๑๒,๔๘๐,๐๐๐.- บาท\tฝ่ายโยธา\n"
            "รวมงบประมาณทั้งสิ้น\t\t๑๒,๔๘๐,๐๐๐.- บาท\t\n")
    fields = extract(RepairedText.of(text, ocr_used=True)).rows[0].fields
    assert fields["agency"].text == "สำนักงานเขตบางกอกน้อย"  # type: ignore[union-attr]
    assert fields["parent_agency"].text == "สำนักปลัดกรุงเทพมหานคร"  # type: ignore[union-attr]
    assert fields["fiscal_year_be"].text == "๒๕๖๗"  # type: ignore[union-attr]
    assert "title" not in fields


def test_misread_missions_heading_and_first_number_keep_the_missions() -> None:
    """``พฟันธกิจ`` (a stray letter) ends the vision; ``9.`` (``๑.`` misread) opens the list."""
    text = ("แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๗\nสำนักงานเขตบางกอกน้อย\nวิสัยทัศน์\n"
            "ชุมชนริมน้ำที่น่าอยู่ ปลอดภัย\nพฟันธกิจ\n9. พัฒนาโครงสร้างพื้นฐาน\n"
            "๒. ส่งเสริมคุณภาพชีวิตผู้สูงอายุ\n๓. บริการประชาชนอย่างโปร่งใส\n"
            "สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. ๒๕๖๗\n"
            "โครงการยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. ๒๕๖๗\n"
            "ลำดับที่\tชื่อโครงการ\tงบประมาณ\tส่วนราชการที่รับผิดชอบ\n"
            "๑\tโครงการปรับปรุงภูมิทัศน์\t๑๒,๔๘๐,๐๐๐.- บาท\tฝ่ายโยธา\n"
            "รวมงบประมาณทั้งสิ้น\t\t๑๒,๔๘๐,๐๐๐.- บาท\t\n")
    fields = extract(RepairedText.of(text, ocr_used=True)).rows[0].fields
    assert fields["vision"].text == "ชุมชนริมน้ำที่น่าอยู่ ปลอดภัย"  # type: ignore[union-attr]
    missions = fields["missions"]
    assert isinstance(missions, list)
    assert [m.text for m in missions] == [  # type: ignore[union-attr]
        "พัฒนาโครงสร้างพื้นฐาน", "ส่งเสริมคุณภาพชีวิตผู้สูงอายุ", "บริการประชาชนอย่างโปร่งใส"]

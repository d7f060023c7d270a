"""Progress-history page: entry headings with a bullet, report dates with a Thai month.

The page is generated here from known entries (number, progress, system date, report
date, narrative, problem, obstacle), printed the way the tracking system prints them,
then with a bullet before each heading or the report date's month written as a Thai
word; the loaded rows are compared with the known values.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from bma_etl.layouts import web_progress_history as layout
from bma_etl.pipeline import process_file

#: (number, progress, report date, narrative, problem, obstacle), newest first.
ENTRIES = [
    (1, "75.50", date(2024, 6, 28), "ขุดลอกคลองแล้วเสร็จ 3 สาย", "ไม่มี", "ฝนตกหนัก"),
    (2, "40.00", date(2024, 3, 29), "ลงนามสัญญาจ้างเลขที่ 12/2567", "ผู้รับจ้างขอขยายเวลา", "ไม่มี"),
    (3, "12.25", date(2023, 12, 27), "สำรวจพื้นที่และประมาณราคา", "ไม่มี", "ไม่มี"),
]
HEADER = ["โครงการพัฒนาคลองในชุมชน : 50300000-8123", "สำนักงานเขตหนองแขม : (2567)",
          "ความคืบหน้าโครงการ ร้อยละ 75.50"]
SHORT = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.",
         "พ.ย.", "ธ.ค."]
FULL = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
        "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]


def slashed(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year + 543}"


def short_month(d: date) -> str:
    return f"{d.day} {SHORT[d.month - 1]} {d.year + 543}"


def full_month(d: date) -> str:
    return f"{d.day} {FULL[d.month - 1]} {d.year + 543}"


def short_year(d: date) -> str:
    return f"{d.day} {SHORT[d.month - 1]} {(d.year + 543) % 100}"


def page(bullet: str = "", said: Callable[[date], str] = slashed) -> str:
    out = [*HEADER]
    for no, pct, d, narrative, problem, obstacle in ENTRIES:
        out += [f"{bullet}({no}) ความคืบหน้าโครงการฯ ร้อยละ {pct} ({d.isoformat()})",
                f"{said(d)} : {narrative}", f"** ปัญหาของโครงการ :{problem}",
                f"** อุปสรรคของโครงการ :{obstacle}", "------------------&&&--------------------"]
    return "\n".join(out) + "\n"


def assert_entries(text: str, tmp_path: Path) -> None:
    path = tmp_path / "history.txt"
    path.write_text(text, encoding="utf-8")
    processed = process_file(path, layout=layout.LAYOUT)
    got = [r.model_dump() for r in processed.rows("progress_updates")]
    assert [(r["seq_label"], r["progress_pct"], r["report_date"], r["detail"], r["problems"],
             r["obstacles"]) for r in got] == [
        (no, Decimal(pct), d, narrative, problem, obstacle)
        for no, pct, d, narrative, problem, obstacle in ENTRIES]
    assert not [q for q in processed.rows("quality_issues")
                if q.model_dump()["table_name"] == "progress_updates"]


@pytest.mark.parametrize("bullet", ["• ", "•", "● ", "◦ ", "▪ "])
def test_bulleted_entry_headings_open_entries(bullet: str, tmp_path: Path) -> None:
    assert_entries(page(bullet), tmp_path)


@pytest.mark.parametrize("said", [short_month, full_month, short_year])
def test_report_date_with_a_thai_month_is_the_date_not_the_narrative(
        said: Callable[[date], str], tmp_path: Path) -> None:
    assert_entries(page(said=said), tmp_path)

"""A register's heading of two words joined by a slash heads one column, never two.

A progress register (a tracking page's history, a legacy form's reports) may head
its text column ``ผลการดำเนินงาน / ปัญหาอุปสรรค``: the detail and its problems in one
cell. A row whose detail a wide gap split in two then has a cell more than the
header; the header is not cut at the slash into a detail and a problems column
(the detail's second half would be stored as the entry's problems). Values that
cannot be lined up are NULL, never another column's text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bma_etl.layouts.report_columns import COLUMN_LABELS, column_of
from bma_etl.layouts.report_head_splits import split_headings

REPORTS = [(1, "15/11/2566", "สำรวจพื้นที่และออกแบบ", "10.00", "0.00"),
           (2, "14/12/2566", "จัดทำราคากลาง", "25.50", "125,000.00"),
           (3, "16/01/2567", "ลงนามสัญญาจ้าง", "40.00", "480,250.50")]
HEADS = {
    "history": ["ความคืบหน้าโครงการ ร้อยละ 40", "กองระบบท่อระบายน้ำ",
                "ดูโครงการแผนปีฯ : พิมพ์ข้อมูล", "*** สยป. ประเมินโครงการ : ไตรมาสที่ 2"],
    "legacy": ["แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ",
               "1. ชื่อโครงการและหน่วยงานที่รับผิดชอบโครงการ",
               "ชื่อโครงการ/กิจกรรม :\tโครงการปรับปรุงทางเท้าถนนพหลโยธิน ระยะที่ 1",
               "รหัสโครงการ :\t50080000-1234", "ปีงบประมาณ พ.ศ. :\t2567",
               "2. รายงานความก้าวหน้าของโครงการและการใช้จ่ายงบประมาณ"],
}


@pytest.mark.parametrize("kind", sorted(HEADS))
@pytest.mark.parametrize("gap", [3, 5, 8])
def test_a_detail_split_by_a_gap_under_a_slashed_heading_is_no_problem(
        kind: str, gap: int, tmp_path: Path) -> None:
    from bma_etl.pipeline import process_file

    lines = [*HEADS[kind], "ครั้งที่\tวันที่\tผลการดำเนินงาน / ปัญหาอุปสรรค\tร้อยละ\tเบิกจ่าย"]
    for seq, day, detail, pct, paid in REPORTS:
        lines.append("\t".join([str(seq), day, detail[:gap], detail[gap:], pct, paid]))
    path = tmp_path / "register.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = process_file(path).rows("progress_updates")
    for row in rows:
        _, _, detail, _, _ = REPORTS[int(row.seq_label) - 1]
        assert row.problems is None
        assert row.obstacles is None
        assert row.detail in (None, detail)


@pytest.mark.parametrize("heading", ["ผลการดำเนินงาน / ปัญหาอุปสรรค", "ผลการดำเนินงาน/ปัญหาอุปสรรค",
                                     "ความคืบหน้า / ปัญหา"])
def test_a_slashed_heading_is_not_cut_at_its_slash(heading: str) -> None:
    texts = ["ครั้งที่", "วันที่", heading, "ร้อยละ", "เบิกจ่าย"]
    assert split_headings(texts, 6, column_of, COLUMN_LABELS) is None


def test_a_slashed_heading_run_into_the_next_is_cut_after_it() -> None:
    texts = ["ครั้งที่", "วันที่", "ผลการดำเนินงาน/รายละเอียด ร้อยละความก้าวหน้า", "เบิกจ่าย"]
    assert split_headings(texts, 5, column_of, COLUMN_LABELS) == [
        "ครั้งที่", "วันที่", "ผลการดำเนินงาน/รายละเอียด", "ร้อยละความก้าวหน้า", "เบิกจ่าย"]

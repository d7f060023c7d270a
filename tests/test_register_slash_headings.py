"""A register's heading of two words joined by a slash heads one column, never two.

A progress register (a tracking page's history, a legacy form's reports) may head
its text column ``ผลการดำเนินงาน / ปัญหาอุปสรรค``: the detail and its problems in one
cell. A row whose detail a wide gap split in two then has a cell more than the
header; the header is not cut at the slash into a detail and a problems column
(the detail's second half would be stored as the entry's problems). Values that
cannot be lined up are NULL, never another column's text; a row whose two text
cells can sit only under the slashed heading is read with them joined (the gap a
space), its date, percent and amount read as the page states them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
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


def _register(kind: str, heading: str, gap: int | None, tmp_path: Path) -> list:
    """The register's rows as read: each report's detail split at ``gap`` (None: whole)."""
    from bma_etl.pipeline import process_file

    lines = [*HEADS[kind], f"ครั้งที่\tวันที่\t{heading}\tร้อยละ\tเบิกจ่าย"]
    for seq, day, detail, pct, paid in REPORTS:
        text = [detail] if gap is None else [detail[:gap], detail[gap:]]
        lines.append("\t".join([str(seq), day, *text, pct, paid]))
    path = tmp_path / "register.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return process_file(path).rows("progress_updates")


@pytest.mark.parametrize("kind", sorted(HEADS))
@pytest.mark.parametrize("heading", ["ผลการดำเนินงาน / ปัญหาอุปสรรค", "ผลการดำเนินงาน/ปัญหาอุปสรรค",
                                     "ผลการดำเนินงาน/รายละเอียด"])
@pytest.mark.parametrize("gap", [None, 3, 5, 8])
def test_a_detail_split_by_a_gap_under_a_slashed_heading_is_read_whole(
        kind: str, heading: str, gap: int | None, tmp_path: Path) -> None:
    rows = _register(kind, heading, gap, tmp_path)
    assert [int(row.seq_label) for row in rows] == [r[0] for r in REPORTS]
    for row, (_, day, detail, pct, paid) in zip(rows, REPORTS, strict=True):
        d, m, y = (int(x) for x in day.split("/"))
        assert row.report_date == dt.date(y - 543, m, d)
        assert row.progress_pct == Decimal(pct)
        assert row.budget_disbursed_thb == Decimal(paid.replace(",", ""))
        assert row.detail == (detail if gap is None else f"{detail[:gap]} {detail[gap:]}")
        assert row.problems is None
        assert row.obstacles is None


def _rows(kind: str, header: list[str], cells: list[list[str]], tmp_path: Path) -> list:
    from bma_etl.pipeline import process_file

    lines = [*HEADS[kind], "\t".join(header), *("\t".join(row) for row in cells)]
    path = tmp_path / "register.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return process_file(path).rows("progress_updates")


@pytest.mark.parametrize("kind", sorted(HEADS))
def test_a_split_detail_beside_a_slashed_problems_column_is_read(kind: str, tmp_path: Path
                                                                   ) -> None:
    header = ["ครั้งที่", "วันที่", "ผลการดำเนินงาน/รายละเอียด", "ร้อยละ", "เบิกจ่าย", "ปัญหา/อุปสรรค"]
    rows = _rows(kind, header, [[str(seq), day, detail[:5], detail[5:], pct, paid, "ไม่มี"]
                                for seq, day, detail, pct, paid in REPORTS], tmp_path)
    assert len(rows) == len(REPORTS)
    for row, (_, _, detail, pct, paid) in zip(rows, REPORTS, strict=True):
        assert row.detail == f"{detail[:5]} {detail[5:]}"
        assert row.problems == "ไม่มี"
        assert row.progress_pct == Decimal(pct)
        assert row.budget_disbursed_thb == Decimal(paid.replace(",", ""))


@pytest.mark.parametrize("kind", sorted(HEADS))
def test_a_split_row_that_cannot_be_placed_is_left_unread(kind: str, tmp_path: Path) -> None:
    """The extra cell may sit under the slashed heading or the next text column: no shift."""
    header = ["ครั้งที่", "วันที่", "ผลการดำเนินงาน / ปัญหาอุปสรรค", "อุปสรรค", "ร้อยละ", "เบิกจ่าย"]
    rows = _rows(kind, header, [[str(seq), day, detail[:5], detail[5:], "ไม่มี", pct, paid]
                                for seq, day, detail, pct, paid in REPORTS], tmp_path)
    for row in rows:
        _, _, detail, pct, paid = REPORTS[int(row.seq_label) - 1]
        assert row.detail in (None, detail)
        assert row.obstacles in (None, "ไม่มี")
        assert row.problems is None
        assert row.progress_pct in (None, Decimal(pct))
        assert row.budget_disbursed_thb in (None, Decimal(paid.replace(",", "")))


@pytest.mark.parametrize("heading", ["ผลการดำเนินงาน / ปัญหาอุปสรรค", "ผลการดำเนินงาน/ปัญหาอุปสรรค",
                                     "ความคืบหน้า / ปัญหา"])
def test_a_slashed_heading_is_not_cut_at_its_slash(heading: str) -> None:
    texts = ["ครั้งที่", "วันที่", heading, "ร้อยละ", "เบิกจ่าย"]
    assert split_headings(texts, 6, column_of, COLUMN_LABELS) is None


def test_a_slashed_heading_run_into_the_next_is_cut_after_it() -> None:
    texts = ["ครั้งที่", "วันที่", "ผลการดำเนินงาน/รายละเอียด ร้อยละความก้าวหน้า", "เบิกจ่าย"]
    assert split_headings(texts, 5, column_of, COLUMN_LABELS) == [
        "ครั้งที่", "วันที่", "ผลการดำเนินงาน/รายละเอียด", "ร้อยละความก้าวหน้า", "เบิกจ่าย"]


def test_a_clipped_heading_whose_slash_joins_one_columns_words_is_still_cut_apart() -> None:
    # ``ร้อยละ/เปอร์เซ็นต์`` run on after the detail's heading: both its parts name the
    # progress, so it is that column's heading (as before the slash rule)
    from bma_etl.layouts.report_columns import COLUMN_LABELS, column_of
    from bma_etl.layouts.report_head_splits import split_headings

    assert split_headings(["ครั้งที่", "วันที่", "ผลการดำเนินงาน ร้อยละ/เปอร์เซ็นต์", "เบิกจ่าย"],
                          5, column_of, COLUMN_LABELS) == [
        "ครั้งที่", "วันที่", "ผลการดำเนินงาน", "ร้อยละ/เปอร์เซ็นต์", "เบิกจ่าย"]

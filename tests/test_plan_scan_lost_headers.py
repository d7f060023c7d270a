"""A scanned plan's budget tables whose header or section heading OCR misread are read.

The twenty-third outside tester's plan (Thai digits, landscape) scanned at 200 dpi lost
tables with no word said: on the 93 % reduced, skewed scan the key table's header came
back without its narrow number column's ``ลำดับ`` / ``ที่`` (``<tab>ชื่อโครงการยุทธศาสตร์
<tab>งบประมาณ<tab>ส่วนราชการ ที่รับผิดชอบ``), so no budget table was known there and
its 5 projects and total were dropped; on both scans the routine heading read
``บัญชีราย<tab>การ/โครงการประจำปีพื้น<tab><tab>ชาน`` (ฐ as ช), so the routine table's 4
projects were dropped. The plans are generated (``bench/corpus``) and their text
damaged so; the truth is the generated values. A table of amounts under a header no
reader knows is named in a finding (``plan_unread_tables``).
"""

from __future__ import annotations

import pytest

from bma_etl.document import RepairedText
from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS, _rng

HEADER = "ลำดับ ที่\tชื่อโครงการยุทธศาสตร์\tงบประมาณ\tส่วนราชการ ที่รับผิดชอบ"
ROUTINE = "บัญชีรายการ/โครงการประจำปีพื้นฐาน"


def _damaged(text: str, header: str) -> str:
    """The key table's header as ``header``, the routine heading cut and ฐ read ช."""
    lines = text.splitlines()
    at = [i for i, line in enumerate(lines) if line == HEADER]
    assert len(at) == 2 and lines.count(ROUTINE) == 1
    lines[at[1]] = header
    lines[lines.index(ROUTINE)] = "บัญชีราย\tการ/โครงการประจำปีพื้น\t\tชาน\t\t"
    return "\n".join(lines) + "\n"


def _projects(text: str) -> list[tuple[object, ...]]:
    """``(section, seq, name, budget)`` of each project read from ``text`` as OCR gave it."""
    out = extract(RepairedText.of(text, ocr_used=True))
    rows = [r.fields for r in out.rows if r.table == "plan_projects"]
    return [tuple(getattr(f.get(k), "value", getattr(f.get(k), "text", None))
                  for k in ("section", "seq", "name", "budget_thb")) for f in rows]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_key_table_without_its_number_header_and_misread_routine_heading(seed: int) -> None:
    doc = GENERATORS["plan"](_rng(seed, "plan", 0))
    text = _damaged(doc.text, "\tชื่อโครงการยุทธศาสตร์\tงบประมาณ\tส่วนราชการ ที่รับผิดชอบ")
    want = [(p["section"], p["name"]) for p in doc.truth["tables"]["plan_projects"]]
    got = _projects(text)
    assert [(g[0], g[2]) for g in got] == want
    assert got == _projects(doc.text)  # numbers and amounts as the undamaged text's


def test_a_table_of_amounts_under_an_unknown_header_is_a_finding() -> None:
    doc = GENERATORS["plan"](_rng(1, "plan", 0))
    text = _damaged(doc.text, "\tซือโครงการยุทธศาสตร\tจบประมาณ\tสวนราชการ")
    out = extract(RepairedText.of(text, ocr_used=True))
    told = [f.message for f in out.findings if "was not read" in f.message]
    assert len(told) == 1 and "its projects are not loaded" in told[0]


@pytest.mark.parametrize(("cell", "unit"), [
    ("เ(ฝ่ายโยธา", "ฝ่ายโยธา"), ("(ฝ่ายโยธา", "ฝ่ายโยธา"), ("เฝ่ายโยธา", "ฝ่ายโยธา"),
    ("(ฝ่ายโยธา)", "(ฝ่ายโยธา)"), ("เขตดุสิต", "เขตดุสิต"),
])
def test_a_rule_read_before_the_unit_is_no_part_of_it(cell: str, unit: str) -> None:
    """The cell's left rule read ``เ(`` or ``(`` (the tester's 200 dpi scans)."""
    text = ("แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๗\nสำนักงานเขตบางกอกน้อย\n"
            "สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. ๒๕๖๗\n"
            "โครงการยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. ๒๕๖๗\n"
            "ลำดับที่\tชื่อโครงการ\tงบประมาณ\tส่วนราชการที่รับผิดชอบ\n"
            f"๑\tโครงการปรับปรุงภูมิทัศน์\t๑๒,๔๘๐,๐๐๐.- บาท\t{cell}\n"
            "รวมงบประมาณทั้งสิ้น\t\t๑๒,๔๘๐,๐๐๐.- บาท\t\n")
    out = extract(RepairedText.of(text, ocr_used=True))
    (row,) = [r.fields for r in out.rows if r.table == "plan_projects"]
    assert getattr(row["responsible_unit"], "text", None) == unit

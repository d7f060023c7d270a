"""A progress-history page copied from its phone-width view: each label over its value.

A responsive page narrowed to a phone's width stacks what the page prints on one line:
an entry heading over four lines (``(3)`` / ``ความคืบหน้าโครงการฯ`` / ``ร้อยละ 40.00`` /
``(2024-03-29)``), the report date over its narrative, each label (``** ปัญหาของโครงการ :``,
``ตัวชี้วัด``, ``ค่าเป้าหมาย ครั้ง``, the head's ``ชื่อโครงการ``, ``รหัสโครงการ``…) over its
value. Such a copy was read as a page of no entries, its head's labels as its name and
paragraphs (breaker28 ``B_mobile_stacked.txt``: 8 of 152 fields).
:mod:`bma_etl.layouts.history_stacked` joins the pieces back.

The pages are written here from known values (entries with wrapped narratives, a label
without its ``:``, an empty problem, a KPI block), read, and compared with those values.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

NAME = "โครงการปรับปรุงทางเท้าและระบบระบายน้ำในชุมชน"
CODE = "50300000-8123"
AGENCY = "สำนักงานเขตหนองแขม"
YEAR = 2567
UNIT = "ฝ่ายโยธา"
UNIT_CODE = "50300400"
RATIONALE = "ทางเท้าในชุมชนชำรุดและน้ำท่วมขังเมื่อฝนตกหนัก"
OBJECTIVE = "เพื่อให้ประชาชนสัญจรได้อย่างปลอดภัย"
TARGET = "ปรับปรุงทางเท้า 12 สาย"
STRATEGY = ["ด้านที่ ๑ – มหานครปลอดภัย : Safe City |", "๑.๒ - ทางเท้าปลอดภัย |"]

#: (number, progress, date, narrative lines, problem lines, obstacle lines), newest first;
#: an empty list: the label stated with no value.
ENTRIES = [
    (4, "75.50", date(2024, 6, 28), ["ปรับปรุงทางเท้าแล้วเสร็จ 9 สาย", "อยู่ระหว่างตรวจรับงานงวดที่ 3"],
     ["ไม่มี"], ["ฝนตกหนัก"]),
    (3, "40.00", date(2024, 3, 29), ["ลงนามสัญญาจ้างเลขที่ 12/2567"],
     ["ผู้รับจ้างขอขยายเวลา", "เนื่องจากขาดแคลนแรงงาน"], ["ไม่มี"]),
    (2, "18.25", date(2024, 1, 17), ["จัดทำแบบรูปรายการและราคากลาง"], [], ["ไม่มี"]),
    (1, "5.00", date(2023, 11, 2), ["สำรวจพื้นที่และประมาณราคา"], ["ไม่มี"], []),
]
KPI = ("2.4", "ร้อยละของทางเท้าที่ได้รับการปรับปรุง", "สาย", "12", "9",
       "ตัวชี้วัดเชิงยุทธศาสตร์ ตัวชี้วัดระดับผลผลิต (output)")


def be(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year + 543}"


def head(labelled: bool) -> list[str]:
    """The page's head as the phone stacks it: labelled values, or the page's own lines."""
    top = ["ความคืบหน้าโครงการ", "ร้อยละ", "75.50"]
    if labelled:
        top += ["ชื่อโครงการ", NAME, "รหัสโครงการ", CODE, "หน่วยงาน", AGENCY,
                "ปีงบประมาณ", str(YEAR), "ส่วนราชการ", UNIT]
    else:
        top = [f"{NAME} : {CODE}", f"{AGENCY} : ({YEAR})", *top, UNIT]
    top += ["ดูโครงการแผนปีฯ", "พิมพ์ข้อมูล", "*** สยป. ประเมินโครงการ : ไตรมาสที่ 3",
            "หลักการและเหตุผล", RATIONALE]
    top += ["รหัสหน่วยงาน", f"{UNIT_CODE}/{UNIT_CODE}"] if labelled \
        else [f"{UNIT_CODE}/{UNIT_CODE}"]
    top += ["วัตถุประสงค์ของโครงการ", OBJECTIVE, "เป้าหมาย", TARGET]
    return top + (["ยุทธศาสตร์", *STRATEGY] if labelled else STRATEGY)


def page(labelled: bool) -> str:
    lines = head(labelled)
    for k, (no, pct, d, narrative, problem, obstacle) in enumerate(ENTRIES):
        colon = " :" if k not in (1, 2) else ""  # two entries' labels without their colon
        lines += [f"({no})", "ความคืบหน้าโครงการฯ", f"ร้อยละ {pct}", f"({d.isoformat()})",
                  be(d), *narrative, f"** ปัญหาของโครงการ{colon}", *problem,
                  f"** อุปสรรคของโครงการ{colon}", *obstacle,
                  "------------------&&&--------------------"]
    code, name, unit, target, achieved, kind = KPI
    lines += ["ตัวชี้วัด", f"{code} {name}", f"ค่าเป้าหมาย {unit}", target,
              f"ผลงานที่ทำได้ {unit}", achieved, "ประเภทตัวชี้วัด", kind]
    return "\n".join(lines) + "\n"


def _bare(value: object) -> object:
    """A text value without its white space (a wrapped value's break is no letter)."""
    return "".join(value.split()) if isinstance(value, str) else value


def _said(pieces: list[str]) -> str | None:
    return "".join("".join(pieces).split()) if pieces else None


@pytest.mark.parametrize("labelled", [True, False], ids=["labelled-head", "page-head"])
def test_stacked_phone_copy_reads_every_entry_kpi_and_head_value(
        labelled: bool, tmp_path: Path) -> None:
    path = tmp_path / "history.txt"
    path.write_text(page(labelled), encoding="utf-8")
    processed = process_file(path)
    assert processed.layout == "web_progress_history"
    got = [r.model_dump() for r in processed.rows("progress_updates")]
    assert [(r["seq_label"], r["progress_pct"], r["report_date"], _bare(r["detail"]),
             _bare(r["problems"]), _bare(r["obstacles"])) for r in got] == [
        (no, Decimal(pct), d, _said(narrative), _said(problem), _said(obstacle))
        for no, pct, d, narrative, problem, obstacle in ENTRIES]
    (kpi,) = [r.model_dump() for r in processed.rows("indicators")]
    assert (kpi["code"], kpi["name"], kpi["unit"], kpi["target_value"],
            kpi["achieved_value"], kpi["kind"]) == (
        KPI[0], KPI[1], KPI[2], Decimal(KPI[3]), Decimal(KPI[4]), KPI[5])
    (project,) = [r.model_dump() for r in processed.rows("projects")]
    assert {c: _bare(project[c]) for c in (
        "project_name", "project_code", "agency", "fiscal_year_be", "division", "unit_code",
        "progress_pct", "rationale", "target")} == {
        "project_name": NAME, "project_code": CODE, "agency": AGENCY, "fiscal_year_be": YEAR,
        "division": UNIT, "unit_code": UNIT_CODE, "progress_pct": Decimal("75.50"),
        "rationale": _bare(RATIONALE), "target": _bare(TARGET)}
    assert project["objectives"] == [OBJECTIVE]
    assert (project["strategy_issue"], project["strategy_sub_issue"]) == (
        STRATEGY[0].rstrip(" |"), STRATEGY[1].rstrip(" |"))
    assert not [q.model_dump() for q in processed.rows("quality_issues")
                if q.model_dump()["severity"] == "error"]

"""``annual_action_plan`` from values: cover, vision, missions, SWOT, budget summary
and the indicator, scoring-level, step and definition tables.

The tables copy ``samples/003_*.txt`` and the variants in
``tests/fixtures/variants/plan_*.txt``: tab-separated rows under the headings the
samples use, ``ไม่ใช้งบประมาณ`` for an item without budget, a stated total per
section, Thai or Arabic digits, amounts as ``4,960,000.- บาท`` or ``12,500,000.00 บาท``.
Cells of the indicator, scoring, step and definition tables are long enough to
wrap on an A4 page; their row counts vary (:mod:`corpus.plan_tables`).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal

from corpus.doc import GeneratedDoc, Row
from corpus.plan_tables import indicator_tables, swot_lists
from corpus.values import AGENCIES, draw_amount, money_str, project_name, thai

_UNITS = ("ส่วนแผนงานฯ", "ส่วนนิติการ", "ส่วนคดี", "ฝ่ายบริหารงานทั่วไป", "ส่วนส่งเสริมฯ",
          "กองยุทธศาสตร์ฯ", "ฝ่ายการคลัง", "ส่วนโยธา")
_PLAN_NAMES = ("แผนปฏิบัติการ ประจำปี", "แผนปฏิบัติราชการ ประจำปี")
_MISSIONS = ("ให้บริการประชาชนอย่างมีคุณภาพและทั่วถึง",
             "พัฒนาระบบงานและบุคลากรให้มีประสิทธิภาพ",
             "ส่งเสริมการมีส่วนร่วมของประชาชนและภาคีเครือข่าย",
             "บริหารจัดการงบประมาณอย่างโปร่งใสและตรวจสอบได้")
_HEADER = "ลำดับ ที่\tชื่อโครงการยุทธศาสตร์\tงบประมาณ\tส่วนราชการ ที่รับผิดชอบ"


def _amount_text(amount: Decimal, style: str, t: Callable[[str], str]) -> str:
    if style == "dash":
        return t(f"{amount:,.0f}.- บาท")
    if style == "decimals":
        return t(f"{amount:,.2f} บาท")
    return t(f"{amount:,.0f} บาท")


def _items(rng: random.Random, low: int, high: int) -> list[tuple[str, Decimal | None, str]]:
    out = []
    for _ in range(rng.randint(low, high)):
        budget = None if rng.random() < 0.15 else draw_amount(rng, 20_000, 15_000_000, 100)
        out.append((project_name(rng), budget, rng.choice(_UNITS)))
    return out


def action_plan(rng: random.Random) -> GeneratedDoc:
    """An action plan with strategic, key and routine project tables and their totals."""
    year = rng.randint(2560, 2569)
    parent, divisions = rng.choice(AGENCIES)
    if parent == "สำนักปลัดกรุงเทพมหานคร":
        agency = rng.choice(divisions)
    else:
        agency, parent = parent, "กรุงเทพมหานคร"
    digits = rng.random() < 0.5
    t: Callable[[str], str] = thai if digits else (lambda s: s)
    style = rng.choice(("dash", "decimals", "plain"))
    lines = ["", rng.choice(_PLAN_NAMES), "", t(f"พ.ศ. {year}"), "", agency, parent, "",
             t(f"แผนปฏิบัติการประจำปี พ.ศ. {year}"), f"{agency} {parent}", "",
             "วิสัยทัศน์", "", f"เป็นองค์กรที่ให้บริการแก่หน่วยงานและประชาชนอย่างมีคุณภาพ"
             f" ภายใต้การกำกับของ{parent}", "", "พันธกิจ", ""]
    missions = rng.sample(_MISSIONS, rng.randint(2, 4))
    lines += [t(f"{i}. {m}") for i, m in enumerate(missions, start=1)]
    lines += [""]
    swot = swot_lists(rng, lines, t)
    lines += [t(f"สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. {year}"), ""]
    projects: list[Row] = []
    sections: list[Row] = []
    doc = GeneratedDoc(name="plan", layout="annual_action_plan", text="",
                       tables={"plans": [{"agency": agency, "parent_agency": parent,
                                          "fiscal_year_be": year}],
                               "plan_projects": projects, "plan_sections": sections,
                               "plan_swot_items": swot})
    if digits:
        doc.mark_thai("plans", 0, "fiscal_year_be")
        for i in range(len(swot)):
            doc.mark_thai("plan_swot_items", i, "seq")

    def numbered(section: str, heading: str, total_label: str, seq_in_truth: bool) -> None:
        items = _items(rng, 1, 6)
        lines.extend([heading, "", _HEADER])
        for seq, (name, budget, unit) in enumerate(items, start=1):
            money = _amount_text(budget, style, t) if budget is not None else "ไม่ใช้งบประมาณ"
            lines.append(f"{t(str(seq))}\t{name}\t{money}\t{unit}")
            row: Row = {"section": section, "seq": seq, "name": name,
                        "budget_thb": money_str(budget) if budget is not None else None,
                        "uses_budget": budget is not None, "responsible_unit": unit}
            if not seq_in_truth:
                del row["seq"]
            if digits:
                doc.mark_thai("plan_projects", len(projects), "seq", "budget_thb")
            projects.append(row)
        total = sum((b for _, b, _ in items if b is not None), Decimal(0))
        lines.extend([f"{total_label}\t\t{_amount_text(total, style, t)}\t", ""])
        if digits:
            doc.mark_thai("plan_sections", len(sections), "stated_total_thb", "computed_total_thb")
        sections.append({"section": section, "stated_total_thb": money_str(total),
                         "computed_total_thb": money_str(total), "items": len(items)})

    def routine_by_area() -> None:
        items = _items(rng, 1, 4)
        lines.extend(["บัญชีรายการ/โครงการประจำปีพื้นฐาน", "",
                      "ลำดับที่\tด้าน/แผนงาน\tรายการ/โครงการ\tงบประมาณ"])
        for i, (name, budget, _unit) in enumerate(items, start=1):
            budget = budget if budget is not None else draw_amount(rng, 20_000, 900_000, 100)
            first = f"{t('1')}\tด้านการบริหารทั่วไป" if i == 1 else "\t"
            lines.append(f"{first}\t{t(str(i))}. {name}\t{_amount_text(budget, style, t)}")
            if digits:
                doc.mark_thai("plan_projects", len(projects), "budget_thb")
            projects.append({"section": "routine", "name": name, "budget_thb": money_str(budget),
                             "uses_budget": True})
            items[i - 1] = (name, budget, _unit)
        total = sum((b for _, b, _ in items if b is not None), Decimal(0))
        lines.extend([f"รวม\t\t\t{_amount_text(total, style, t)}", ""])
        if digits:
            doc.mark_thai("plan_sections", len(sections), "stated_total_thb", "computed_total_thb")
        sections.append({"section": "routine", "stated_total_thb": money_str(total),
                         "computed_total_thb": money_str(total), "items": len(items)})

    numbered("strategic", t(f"โครงการยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. {year}"),
             "รวมงบประมาณทั้งสิ้น", True)
    numbered("key", f"โครงการสำคัญตามภารกิจของ{agency}", "รวมงบประมาณทั้งสิ้น", True)
    routine_by_area()
    lines += ["การนำแผนฯ ไปสู่การปฏิบัติและการติดตามประเมินผล", "",
              "หน่วยงานติดตามผลการดำเนินงานทุกไตรมาสและรายงานต่อผู้บริหาร", ""]
    indicator_tables(rng, doc, lines, year, digits)
    doc.text = "\n".join(lines)
    return doc

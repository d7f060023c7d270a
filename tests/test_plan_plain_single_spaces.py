"""An action plan whose cells and thousands groups are all parted by single plain spaces.

Text copied from a PDF viewer, dumped by a text extractor, or typed keeps neither
tabs nor commas: ``๓ โครงการ... ๓ ๖๘๖ ๕๐๐.๐๐ บาท ฝ่ายการคลัง``. The amount is the
run of groups before บาท; its first group may be the name's last number
(``ระยะที่ 2 450 000 บาท``), and the table's stated total decides which. Before,
the amount was not read, the name ran over the amount and the unit, and the rows
after it were lost. Generated plans (:mod:`corpus.plans`) are the truth.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import RepairedText

from corpus import plans
from corpus.doc import GeneratedDoc
from corpus.values import draw_amount, project_name, thai
from read_back import assert_read_as_generated, records_of

#: An amount grouped by commas (the generator's), its satang after a point or not.
_GROUPED = re.compile(r"(?<![0-9๐-๙,.])([0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})+)(?![0-9๐-๙,])")


def _single_spaced(text: str) -> str:
    """``text`` with every amount's commas and every tab as one plain space."""
    text = _GROUPED.sub(lambda m: m.group(1).replace(",", " "), text)
    return "\n".join(" ".join(c for c in line.split("\t") if c) for line in text.split("\n"))


@pytest.mark.parametrize("seed", range(6))
def test_a_single_spaced_plans_rows_are_read_as_generated(tmp_path: Path, seed: int) -> None:
    doc = plans.action_plan(random.Random(seed))
    path = tmp_path / "plan.txt"
    path.write_text(_single_spaced(doc.text), encoding="utf-8")
    assert_read_as_generated(path, doc.truth, tables=("plan_projects", "plan_sections"))


def _numbered_name(seed: int) -> tuple[GeneratedDoc, str, str]:
    """A generated plan whose first strategic project's name ends in ``ระยะที่ N``.

    Returns the plan (text and truth renamed), the new name and its budget in the
    text. Draws plans until that project has a budget.
    """
    for attempt in range(50):
        rng = random.Random(f"{seed}-{attempt}")
        doc = plans.action_plan(rng)
        row = doc.tables["plan_projects"][0]
        if row["budget_thb"] is None:
            continue
        name = f"{row['name']} ระยะที่ {rng.randint(1, 9)}"
        doc.text = doc.text.replace(f"\t{row['name']}\t", f"\t{name}\t", 1)
        row["name"] = name
        return doc, name, row["budget_thb"]
    raise AssertionError("no generated plan's first project had a budget")


@pytest.mark.parametrize("seed", range(4))
def test_a_names_last_number_before_a_single_spaced_amount_is_told_by_the_total(
        tmp_path: Path, seed: int) -> None:
    doc, _, _ = _numbered_name(seed)
    path = tmp_path / "plan.txt"
    path.write_text(_single_spaced(doc.text), encoding="utf-8")
    assert_read_as_generated(path, doc.truth, tables=("plan_projects", "plan_sections"))


@pytest.mark.parametrize("seed", range(4))
def test_without_a_total_a_names_last_number_leaves_the_amount_and_name_null(
        seed: int) -> None:
    # Without the total nothing tells ``ระยะที่ 2`` + 450,000 from ``ระยะที่`` +
    # 2,450,000: both the amount and the name are NULL and flagged. Before, the name
    # was loaded without its number (WRONG).
    doc, name, budget = _numbered_name(seed)
    lines = _single_spaced(doc.text).split("\n")
    first_total = next(i for i, line in enumerate(lines) if line.startswith("รวมงบประมาณ"))
    text = "\n".join(lines[:first_total] + lines[first_total + 1:])
    got = records_of(extract, text, ocr_used=False, screened=False)["plan_projects"]
    row = next(r for r in got if r.section == "strategic" and r.seq == 1)
    assert row.budget_thb is None and row.uses_budget is True
    assert row.name is None and row.responsible_unit == doc.tables["plan_projects"][0][
        "responsible_unit"]
    assert name and budget
    found = extract(RepairedText.of(text, ocr_used=False)).findings
    for field in ("budget_thb", "name"):
        assert [f for f in found if f.field == field and f.code == "ambiguous_value"]


@pytest.mark.parametrize("seed", range(2))
def test_fourteen_million_scale_rows_are_all_told_by_the_total(seed: int) -> None:
    # Every amount of a million or more after a word reads two ways (its first group may
    # be the name's number); the stated total decides all 14 rows together. Before, past
    # ten such rows every budget was NULL.
    rng = random.Random(seed)
    wanted = [(thai(f"{project_name(rng)} ด้านสิ่งแวดล้อม"),
               draw_amount(rng, 1_000_000, 20_000_000, 100))
              for _ in range(14)]
    rows = [thai(f"{k}\t{name}\t{budget:,.2f} บาท\tฝ่ายโยธา")
            for k, (name, budget) in enumerate(wanted, start=1)]
    total = sum(budget for _, budget in wanted)
    text = "\n".join([
        thai("แผนปฏิบัติราชการ ประจำปี พ.ศ. 2568"), "สำนักงานเขตบางรัก", "",
        thai("สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. 2568"), "",
        thai("โครงการยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. 2568"), "",
        "ลำดับ ที่\tชื่อโครงการยุทธศาสตร์\tงบประมาณ\tส่วนราชการ ที่รับผิดชอบ", *rows,
        thai(f"รวมงบประมาณทั้งสิ้น\t\t{total:,.2f} บาท\t"), ""])
    got = records_of(extract, _single_spaced(text), ocr_used=False,
                     screened=False)["plan_projects"]
    assert [(r.name, r.budget_thb) for r in got] == wanted


@pytest.mark.parametrize("unread", ["2 000 000", "สองล้านบาท"])
def test_the_total_decides_nothing_when_another_rows_amount_is_unread(unread: str) -> None:
    # Row 3's amount is not read (no unit after it, or written in words): its 2,000,000
    # exactly fills the gap between row 2's readings (2,450,000 and 450,000), so the
    # total must not pick 2,450,000 for row 2.
    text = "\n".join([
        "แผนปฏิบัติราชการ ประจำปี พ.ศ. 2568", "สำนักงานเขตบางรัก", "",
        "สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. 2568", "",
        "โครงการยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. 2568", "",
        "ลำดับ ที่ ชื่อโครงการยุทธศาสตร์ งบประมาณ ส่วนราชการ ที่รับผิดชอบ",
        "1 โครงการปรับปรุงถนน 1 000 000 บาท ฝ่ายโยธา",
        "2 โครงการก่อสร้างเขื่อน ระยะที่ 2 450 000 บาท ฝ่ายโยธา",
        f"3 โครงการจัดซื้อรถ {unread} ฝ่ายปกครอง",
        "รวมงบประมาณทั้งสิ้น 3 450 000 บาท", ""])
    rows = records_of(extract, text, ocr_used=False, screened=False)["plan_projects"]
    second = next(r for r in rows if r.seq == 2)
    assert second.budget_thb is None  # 450,000 is right, 2,450,000 wrong: neither is chosen
    findings = extract(RepairedText.of(text, ocr_used=False)).findings
    assert any(f.code == "ambiguous_value" for f in findings)

"""An action plan's text dumped in reading order (poppler's ``pdftotext`` without ``-layout``).

The dump writes a budget table a cell a line, a wrapped cell's rest after the row's
other cells, and may write a numbered item's number alone, the item's last wrapped
line, then its first. The plan was quarantined ("no budget table after the summary
heading"); read as written, a mission list came out as one item, the wrap's rest.
Now the plan loads without its projects, with a finding
(:func:`bma_etl.layouts.plan_budget_sections.stacked_header`), and a list whose
next number follows an unnumbered line is NULL. The texts are written from the
values read back, in the order the outside tester's dump gave them.
"""

from __future__ import annotations

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import RepairedText

from read_back import records_of

_AGENCY, _PARENT = "กองสารสนเทศภูมิศาสตร์", "สำนักการวางผังและพัฒนาเมือง"
_MISSIONS = ("จัดทำและปรับปรุงข้อมูลแผนที่ของกรุงเทพมหานครให้เป็น", "ปัจจุบัน",
             "พัฒนาระบบสารสนเทศภูมิศาสตร์", "ให้บริการข้อมูลภูมิสารสนเทศแก่ประชาชน")


def _dump(missions: list[str], tabbed: bool = False) -> str:
    head = ["แผนปฏิบัติการ ประจำปี", "พ.ศ. ๒๕๖๘", _AGENCY, _PARENT, "", "วิสัยทัศน์",
            "เป็นศูนย์กลางข้อมูลภูมิสารสนเทศ", "พันธกิจ", *missions,
            "สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. ๒๕๖๘",
            "โครงการยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. ๒๕๖๘"]
    cells = ["ลำดับ ที่", "ชื่อโครงการยุทธศาสตร์", "งบประมาณ", "ส่วนราชการ ที่", "๑",
             "โครงการจัดทำแผนที่ภาพถ่ายทาง", "๑๒,๕๐๐,๐๐๐.-", "ส่วนแผนที่ฯ",
             "อากาศเชิงเลขกรุงเทพมหานคร", "รวมงบ", "บาท\nบาท", "ประมาณทั้ง"]
    if tabbed:  # the table as a copy gives it: the plan's other parts are the question
        return "\n".join([*head, "ลำดับที่\tชื่อโครงการ\tงบประมาณ\tส่วนราชการ",
                          "๑\tโครงการจัดทำแผนที่\t๑๒,๕๐๐,๐๐๐.- บาท\tส่วนแผนที่ฯ",
                          "รวมงบประมาณทั้งสิ้น\t\t๑๒,๕๐๐,๐๐๐.- บาท\t"]) + "\n"
    return "\n".join(head) + "\n" + "\n\n".join(cells) + "\n"


def test_a_budget_table_a_cell_a_line_leaves_the_plan_loaded() -> None:
    text = _dump([f"{n}. {m}" for n, m in zip("๑๒๓", (
        _MISSIONS[0] + _MISSIONS[1], *_MISSIONS[2:]), strict=True)])
    records = records_of(extract, text, ocr_used=False)
    plan = records["plans"][0]
    assert (plan.agency, plan.parent_agency, plan.fiscal_year_be) == (_AGENCY, _PARENT, 2568)
    assert len(plan.missions) == 3
    assert not records.get("plan_projects")
    found = extract(RepairedText.of(text)).findings
    assert any(f.code == "unparsed_line" and "a cell a line" in f.message for f in found)


def test_a_mission_s_lines_out_of_order_are_no_mission() -> None:
    # ``๑.`` / its wrap's rest / its first line / ``๒. …``: read as written, one mission
    # ``ปัจจุบัน`` (wrong); the list is NULL
    text = _dump(["๑.", "", _MISSIONS[1], "", _MISSIONS[0], "", f"๒. {_MISSIONS[2]}",
                  f"๓. {_MISSIONS[3]}"], tabbed=True)
    plan = records_of(extract, text, ocr_used=False)["plans"][0]
    assert plan.missions is None
    assert plan.agency == _AGENCY

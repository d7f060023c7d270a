"""A project's status is what its latest report says of the project, now.

An outside tester's forms and tracking pages stored ``completed`` for projects half
done: the latest report said a part was done (``งวดที่ 1 แล้วเสร็จ``, ``แล้วเสร็จ 4
แห่ง``, ``แล้วเสร็จร้อยละ 62``), denied it (``ยังไม่แล้วเสร็จ``) or planned it
(``คาดว่าจะแล้วเสร็จ…``), and ``suspended`` where a contractor slowed a delivery
(``ผู้รับจ้างชะลอการส่งวัสดุ``): any status word anywhere in the narrative counted.

Documents are generated from known values (bench/corpus forms and progress-history
pages, the project not done); the latest report's narrative is replaced by one of
these; the truth is the status the narrative states (``in_progress`` when it names
none of the project).
"""

from __future__ import annotations

import itertools
import random
from typing import Any

import pytest

from bma_etl.layouts import legacy_progress_form, web_progress_history
from bma_etl.layouts.base import Derived, Raw, RawRow
from bma_etl.layouts.status_words import derive_status
from bma_etl.provenance import Span

from corpus.build import GENERATORS
from read_back import records_of

#: Narratives that name no status of the project: a part done, denied, planned,
#: possible, or someone else slowing something.
NOT_THE_PROJECTS = (
    "ผู้รับจ้างดำเนินการงวดที่ 1 แล้วเสร็จ เบิกจ่ายเงินงวด",
    "งานงวดที่ 2 แล้วเสร็จ ตรวจรับเมื่อวันที่ 27 มี.ค. 2567",
    "ส่งมอบงานงวดที่ ๓ และ ๔ แล้วเสร็จ",
    "ติดตั้งเครื่องสูบน้ำ 3 เครื่อง แล้วเสร็จร้อยละ 62",
    "ผู้รับจ้างดำเนินการปรับปรุงแล้วเสร็จ 4 แห่ง",
    "ก่อสร้างแล้วเสร็จไปแล้ว ๒ ช่วง",
    "อยู่ระหว่างดำเนินการ ยังไม่แล้วเสร็จ คาดว่าจะแล้วเสร็จเดือนมิถุนายน 2567",
    "เร่งรัดผู้รับจ้างให้ดำเนินการให้แล้วเสร็จภายในกำหนด",
    "ระยะที่ 1 เสร็จสิ้น อยู่ระหว่างดำเนินการระยะที่ 2",
    "ผู้รับจ้างชะลอการส่งวัสดุเนื่องจากฝนตกหนัก",
    "หากไม่ได้รับจัดสรรงบประมาณเพิ่มเติม อาจยกเลิกโครงการ",
)
#: Narratives that state the project's status (from the samples' wordings and others).
THE_PROJECTS = (
    ("ขอชะลอโครงการ เนื่องจากสถานการณ์การระบาดของโรค", "suspended"),
    ("ชะลอการดำเนินการโครงการฯ ตามประกาศกรุงเทพมหานคร", "suspended"),
    ("ระงับการดำเนินงานไว้ก่อน เนื่องจากรอผลการพิจารณา", "suspended"),
    ("โครงการถูกระงับตามหนังสือสำนักงบประมาณ", "suspended"),
    ("ยกเลิกโครงการ เนื่องจากไม่ได้รับจัดสรรงบประมาณ", "cancelled"),
    ("ปลัดกรุงเทพมหานครเห็นชอบให้ยกเลิกโครงการ และคืนงบประมาณ", "cancelled"),
    ("ผู้รับจ้างชะลอการส่งวัสดุ จึงขอยกเลิกการดำเนินโครงการ", "cancelled"),
)
LAYOUTS = {"legacy_tab": legacy_progress_form, "legacy_pipe": legacy_progress_form,
           "legacy_long": legacy_progress_form, "web_history": web_progress_history}


def _not_done(generator: str, seed: int) -> Any:
    """The first document ``generator`` makes from seed ``seed`` on whose project is not done."""
    for s in itertools.count(seed * 100):
        doc = GENERATORS[generator](random.Random(s))
        if doc.tables["projects"][0]["status"] == "in_progress":
            return doc
    raise AssertionError("unreachable")


def _status_with(generator: str, seed: int, narrative: str) -> str | None:
    doc = _not_done(generator, seed)
    latest = max(doc.tables["progress_updates"], key=lambda r: (r["report_date"], r["seq_label"]))
    assert doc.text.count(latest["detail"]) >= 1
    text = doc.text.replace(latest["detail"], narrative)
    got = records_of(LAYOUTS[generator].extract, text, ocr_used=False, screened=False)
    project = got["projects"][0]
    assert project.project_code == doc.tables["projects"][0].get("project_code",
                                                                 project.project_code)
    return project.status


@pytest.mark.parametrize("generator", sorted(LAYOUTS))
@pytest.mark.parametrize("seed", range(2))
@pytest.mark.parametrize("narrative", NOT_THE_PROJECTS)
def test_words_of_a_part_denied_or_planned_name_no_status(generator: str, seed: int,
                                                           narrative: str) -> None:
    assert _status_with(generator, seed, narrative) == "in_progress"


@pytest.mark.parametrize("generator", sorted(LAYOUTS))
@pytest.mark.parametrize(("narrative", "status"), THE_PROJECTS)
def test_words_that_say_it_of_the_project_name_its_status(generator: str, narrative: str,
                                                           status: str) -> None:
    assert _status_with(generator, 0, narrative) == status


def _report(detail: str, pct: str) -> RawRow:
    return RawRow("progress_updates", 1, {"progress_pct": Raw(pct, Span(1, 0, len(pct))),
                                          "detail": Raw(detail, Span(2, 10, 10 + len(detail)))})


@pytest.mark.parametrize(("detail", "pct", "status"), [
    ("ดำเนินการแล้วเสร็จ ส่งมอบงานเรียบร้อย", "100.00", "completed"),
    ("ดำเนินการแล้วเสร็จ 100 %", "100.00", "completed"),
    ("ก่อสร้างแล้วเสร็จร้อยละ ๑๐๐", "๑๐๐.๐๐", "completed"),
    ("ดำเนินการในปีงบประมาณ พ.ศ. 2566 แล้วเสร็จ", "100.00", "completed"),
    # A completion word in a report whose progress is stated under 100 %: a part of it.
    ("ดำเนินการแล้วเสร็จ ส่งมอบงานเรียบร้อย", "48.50", "in_progress"),
    ("ก่อสร้างเสร็จสิ้นตามสัญญา", "๖๒.๐๐", "in_progress"),
])
def test_a_completion_word_completes_the_project_only_at_full_progress(
        detail: str, pct: str, status: str) -> None:
    found = derive_status([_report(detail, pct)])
    assert isinstance(found, Derived) and found.value == status

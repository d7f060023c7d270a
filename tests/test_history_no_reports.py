"""A progress-history page of a project with no reports yet; a page's own record fields.

Where the entries would stand, the page prints one line saying there are none
(``ยังไม่มีการรายงานความคืบหน้า``, or another office's or plug-in's wording). That
line is no field value: the target stays the target and the page has no entries.
The pages are generated (``bench/corpus/web.py`` ``progress_history``) with their
entries taken out; the truth is the values they were generated from.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus.web import progress_history

#: "Nothing reported yet", as pages word it.
EMPTY_STATES = ("ยังไม่มีการรายงานความคืบหน้า", "- ยังไม่ได้รายงานผลการดำเนินงาน -",
                "ไม่พบข้อมูล", "(ยังไม่มีรายงานความคืบหน้าของโครงการ)",
                "No data available in table", "Nothing reported yet")
_GOAL = "ดำเนินการตามแผนที่กำหนดให้แล้วเสร็จภายในปีงบประมาณ"
_OBJECTIVE = "เพื่อพัฒนาศักยภาพของหน่วยงานและคุณภาพชีวิตของประชาชน"


def _without_entries(text: str, notice: str) -> str:
    """``text`` (a generated page) with its entries replaced by ``notice``."""
    lines = text.split("\n")
    first = next(i for i, ln in enumerate(lines) if re.match(r"\(\d+\) ความคืบหน้า", ln))
    kpi = next(i for i, ln in enumerate(lines) if ln.startswith("ตัวชี้วัด :"))
    lines[0] = "ความคืบหน้าโครงการ ร้อยละ 0"
    return "\n".join([*lines[:first], notice, *lines[kpi:]])


def _html_without_entries(page: str, notice: str) -> str:
    """``page`` (a generated page's HTML) with its entries' table holding ``notice``."""
    entries = re.search(r'<table[^>]*>\n  <tr><td colspan="2"><b>\(\d+\).*?</table>', page,
                        re.DOTALL)
    assert entries is not None
    return page.replace(entries.group(0), f"<table><tr><td>{notice}</td></tr></table>")


@pytest.mark.parametrize("k", range(len(EMPTY_STATES)))
@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_a_no_reports_line_is_no_field(k: int, suffix: str, tmp_path: Path) -> None:
    doc = progress_history(random.Random(f"no-reports-{k}"))
    notice = EMPTY_STATES[k]
    assert doc.html is not None
    page = (_without_entries(doc.text, notice) if suffix == ".txt"
            else _html_without_entries(doc.html, notice))
    path = tmp_path / f"history{suffix}"
    path.write_text(page, encoding="utf-8")
    result = process_file(path)
    project = result.tables["projects"][0]
    want = doc.tables["projects"][0]
    assert (project.objectives, project.target) == ([_OBJECTIVE], _GOAL)
    assert (project.unit_code, project.division) == (want["unit_code"], want["division"])
    assert result.tables.get("progress_updates", []) == []


@pytest.mark.parametrize("text", ["ยังไม่มีการรวบรวมข้อมูลที่เกี่ยวข้องในเชิงลึก", "ไม่มีข้อมูล",
                                  "ไม่มี", "ไม่มีรายงานการประชุมครั้งที่ 2 ของคณะกรรมการ",
                                  "No data centre was built in 2567"])
def test_a_paragraph_with_the_same_words_is_text(text: str) -> None:
    from bma_etl.layouts.history_empty import is_empty_state

    assert not is_empty_state(text)


#: A restyled page's own record fields under its progress line (an Edge save of a
#: CSS-grid page, breaker26 B_edge_cssgrid): on one line each, or label over value.
RECORD_FIELDS = (["สถานะโครงการ\tอยู่ระหว่างดำเนินการ",
                  "ปรับปรุงล่าสุด\t19/09/2568 16:05 น. โดย latkrabang01"],
                 ["สถานะโครงการ", "ดำเนินการแล้วเสร็จ", "ปรับปรุงล่าสุด", "02/10/2567 09:12 น."],
                 ["สถานะโครงการ : อยู่ระหว่างดำเนินการ", "แก้ไขล่าสุด : 5 มี.ค. 2568"])


@pytest.mark.parametrize("k", range(len(RECORD_FIELDS)))
def test_the_pages_own_record_fields_are_no_person(k: int, tmp_path: Path) -> None:
    doc = progress_history(random.Random(f"record-fields-{k}"))
    lines = doc.text.split("\n")
    lines[1:1] = RECORD_FIELDS[k]
    path = tmp_path / "history.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    project = process_file(path).tables["projects"][0]
    want = doc.tables["projects"][0]
    assert (project.responsible_person, project.division) == (None, want["division"])
    assert (project.objectives, project.target) == ([_OBJECTIVE], _GOAL)

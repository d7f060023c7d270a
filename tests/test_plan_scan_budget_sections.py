"""A budget table whose section heading and header start OCR misread, on generated plans.

Plans are generated from known values (``bench/corpus``); their strategic and key
budget tables are printed flowing (no tab: what Tesseract gives for a borderless
table) and damaged the ways Tesseract damaged the key table on the corpus's
150 dpi grey scans:

- the section heading's words read with a letter for another (``ตามการกิจ`` for
  ``ตามภารกิจ``, ``ยุทธศาสตร`` without its mark) and the rest of the heading as
  junk: the heading still names its section;
- the header's ``ลำดับ ที่`` read as Latin letters (``ane i ชื่อโครงการ...``): the
  header's other cells (the name column's word, ``งบประมาณ``, the unit's) and the
  numbered row under it still make it the table's header.

The truth is the generated values: every table is found under its heading and
every row read with its section (before, the key table's rows were lost).
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import Line
from bma_etl.layouts.plan_budget_sections import section_of
from test_plan_scan_budget_headers import assert_flowing_tables_read

from corpus.build import GENERATORS
from read_back import assert_rows_read, records_of

#: A section heading as OCR misread it: its section words with a letter for another,
#: the words after them junk.
_HEADINGS = {
    "โครงการสำคัญตามภารกิจ": ("โครงการอัาศีกตามการกิจฟองชำทัาหกรัตก์:", "โครงการสำคับตามภารกิจ"),
    "โครงการยุทธศาสตร์": ("โครงการยุทธศาสตรตามแผนปฏิบัติราชการ", "โครงการยุทธศาสตร์ตามแผน"),
}
#: ``ลำดับ ที่`` as OCR read it at the start of a header.
_LEADS = ("ane i", "aa: i", "ANG N")


def _damaged(text: str, rng: random.Random) -> tuple[str, int]:
    """``text`` with its strategic and key headings and headers damaged; how many lines."""
    out: list[str] = []
    damaged = 0
    for line in text.split("\n"):
        for start, misreads in _HEADINGS.items():
            if line.startswith(start):
                line = rng.choice(misreads)
                damaged += 1
        if line.startswith("ลำดับ ที่ ชื่อโครงการ") and rng.random() < 0.7:
            line = rng.choice(_LEADS) + line[len("ลำดับ ที่"):]
            damaged += 1
        out.append(line)
    return "\n".join(out), damaged


@pytest.mark.parametrize("seed", range(8))
def test_budget_table_under_a_misread_heading_and_header_keeps_its_rows(seed: int) -> None:
    """``โครงการอัาศีกตามการกิจ...`` over ``ane i ชื่อโครงการ... งบประมาณ ...`` over row
    ``๑``: the key table is read with its section, rows and units."""
    assert_flowing_tables_read(seed, _damaged)


def test_a_heading_near_no_section_word_names_no_section() -> None:
    """Words a letter or more away from every section's are no section's heading."""
    for text in ("ตามแผนการจัดการ", "การนำแผนฯ ไปสู่การปฏิบัติและการติดตามประเมินผล",
                 "ตามกำหนดการ"):
        assert section_of([Line(1, 0, text)]) is None, text


#: The summary heading as OCR garbled it whole (no ``สรุป``, no ``งบประมาณ``).
_GARBLED_SUMMARIES = (
    "ครูปโครงพรงแตยลาประมากที่หนั่วยงรณัปตักเห็นการใหโปงทประมาณีพ.ศ. 2569",
    "สธุปโครงการแลลงบปธะมาณที่หน่วยงานจะดำเนินการ",
    "~ ._",
)


@pytest.mark.parametrize("seed", range(6))
def test_summary_heading_ocr_garbled_whole_still_opens_the_summary(seed: int) -> None:
    """The summary heading read as junk, its section heading and table header under it:
    the plan loads with every budget row (before: quarantined, "without its budget
    summary"); a text file without the heading loads them too (a plan typed in a
    spreadsheet may leave the summary's row out, its sections' headings being enough)."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    lines = generated.text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("สรุปโครงการและงบประมาณ"))
    lines[at] = rng.choice(_GARBLED_SUMMARIES)
    text = "\n".join(lines)
    got = records_of(extract, text, screened=False).get("plan_projects", [])
    assert_rows_read("plan_projects", got, generated.tables["plan_projects"],
                     ("section", "name", "budget_thb"))
    typed = records_of(extract, text, ocr_used=False, screened=False).get("plan_projects", [])
    assert_rows_read("plan_projects", typed, generated.tables["plan_projects"],
                     ("section", "name", "budget_thb"))

"""A scanned plan's section heading and total label cut into cells by a column rule.

Plans are generated from known values (``bench/corpus``) and damaged the way
Tesseract read a plan printed over a ruled grid (breaker14's Calc plan scan,
breaker15's upside-down and 1-bit G4 scans): a heading set right under the table
above (no blank line), the grid's column rules drawn through it, comes back as a
row of cells cut anywhere, even inside a word (``โครงการสํ<tab><tab>าคัญตามภารกิจ...``);
a total row's label the same (``รวมงบป<tab>ระมาณทั้งสิ้น``); and a unit's left
rule read as SARA E glued to it (``เกองระบบคลอง``). The heading still names its
section, no unit holds a heading, and the total row ends its table. The truth is
the generated values.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from read_back import records_of

_HEADING_RE = re.compile(r"^(?:โครงการยุทธศาสตร์|โครงการสำคัญ|บัญชีรายการ)[^\t\n]*$", re.M)
_TOTAL_RE = re.compile(r"^รวมงบประมาณทั้งสิ้น\t\t", re.M)
_UNIT_RE = re.compile(
    r"^(?P<row>[0-9๑-๙]+\t[^\t\n]*\t[^\t\n]*\t)(?P<unit>(?:กอง|ฝ่าย|สำนัก)[^\t\n]*)$", re.M)


def _ruled(text: str, rng: random.Random) -> str:
    """``text`` as OCR read it over a ruled grid: headings and totals cut, units marked."""
    def cut(m: re.Match[str]) -> str:
        heading = m.group(0)
        at = rng.randrange(6, 12)  # inside the heading's first words
        return heading[:at] + "\t" * rng.randrange(1, 3) + heading[at:] + "\t\t"

    text = re.sub(r"\n\n(?=โครงการสำคัญ|บัญชีรายการ)", "\n", text)  # no gap under a table
    text = re.sub(r"(?<=\n)\n(?=ลำดับ)", "", text)  # nor between heading and header
    text = _HEADING_RE.sub(cut, text)
    text = _TOTAL_RE.sub("รวมงบป\tระมาณทั้งสิ้น\t", text)
    return _UNIT_RE.sub(lambda m: m.group("row") + "เ" + m.group("unit"), text, count=1)


@pytest.mark.parametrize("seed", range(6))
def test_a_heading_cut_by_column_rules_still_names_its_section(seed: int) -> None:
    generated = GENERATORS["plan"](random.Random(seed))
    text = _ruled(generated.text, random.Random(seed))
    assert len(re.findall(r"^(?:โครงการ|บัญชี)[^\t\n]{0,12}\t", text, re.M)) >= 1
    want = [(w["section"], "".join(w["name"].split()), w.get("responsible_unit"))
            for w in generated.tables["plan_projects"]]
    got = [(r.section, "".join(str(r.name).split()), r.responsible_unit)
           for r in records_of(extract, text, screened=False).get("plan_projects", [])]
    assert got == want


@pytest.mark.parametrize("row", [
    "โครงการจัดทำแผนยุทธศาสตร์\tกองยุทธศาสตร์และประเมินผล",
    "โครงการสำคัญเร่งด่วนด้านโครงสร้างพื้นฐาน\tฝ่ายโยธา",
    "โครงการตามภารกิจประจำ\tฝ่ายปกครอง",
])
def test_a_rows_first_line_naming_a_sections_words_stays_a_row(row: str) -> None:
    # a project's name and unit on its first line, its number and amount set lower (a
    # merged cell's text centred): section words in a name make no heading of it
    from bma_etl.layouts.plan_budget_sections import is_split_heading

    assert not is_split_heading(row) and not is_split_heading(row, False)

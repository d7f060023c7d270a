"""A heading, table head or label OCR read past recognising costs no section or field.

Forms and history pages are generated from known values (``bench/corpus``); their text
is then damaged the ways Tesseract read them on the corpus's scans (seeds 59-67):

- the legacy form's report heading (``2. รายงานความก้าวหน้าของโครงการและการใช้จ่าย
  งบประมาณ``) read as junk (``ชื, วมงานตรามมำจาบัาชุกจัตรจการบลษาวัชิราสรุปประมาย``), the
  table's head beneath it read with a title cut (``การประเ`` / ``มัน:``) or lost too:
  the table is found by what its rows hold, every report is read;
- a label of section 1.1 read as junk (``ภับากฑ์ : 2564`` for ``ปีงบประมาณ พ.ศ. : 2564``,
  a start or end date's label): the value's form says which field it is;
- a history page's KPI heading whose ``:`` was read as a gap (``ตัวชี้วัด⇥⇥7.6``), its
  name wrapped below it over two lines, or its code read as Latin letters
  (``ตัวชี้วัด⇥⇥⇥TAZ``, the code then NULL): the block is found by its target line below.

The truth is the generated values.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts.legacy_progress_form import extract as legacy
from bma_etl.layouts.legacy_sections import opens_report_table
from bma_etl.layouts.web_progress_history import extract as history

from corpus.build import GENERATORS
from read_back import assert_rows_read, records_of

_REPORT_FIELDS = ("seq_label", "report_date", "progress_pct", "budget_disbursed_thb",
                  "on_plan", "on_target")
#: What OCR read for the report table's heading on the corpus's scans.
_HEADING_JUNK = ("ชื, วมงานตรามมำจาบัาชุกจัตรจการบลษาวัชิราสรุปประมาย", "'. ฮ ษ่ ขนว ฮ",
                 "วายงานดวามกัาวหบ้าฯ ซองไครงถาร")
_HEADING_RE = re.compile(r"^2\. รายงานความก้าวหน้าของโครงการ\S*$", re.M)
_TABLE_HEAD_RE = re.compile(r"^\|?\s*ครั้งที่รายงาน.*$", re.M)


def _form(generator: str, seed: int) -> Any:
    return GENERATORS[generator](random.Random(seed))


def _reports_read(text: str, generated: Any) -> None:
    records = records_of(legacy, text, screened=False)
    assert_rows_read("progress_updates", records.get("progress_updates", []),
                     generated.tables["progress_updates"], _REPORT_FIELDS)
    [project] = records["projects"]
    [want] = generated.tables["projects"]
    assert (f"{project.progress_pct:.2f}", project.status) == (want["progress_pct"],
                                                               want["status"])


@pytest.mark.parametrize("generator", ["legacy_pipe", "legacy_tab", "legacy_html", "legacy_long"])
@pytest.mark.parametrize("seed", range(3))
def test_report_heading_read_as_junk_head_cut(generator: str, seed: int) -> None:
    """The heading junk, the head's last title cut over two lines: every report is read."""
    generated = _form(generator, seed)
    rng = random.Random(seed)
    text = _HEADING_RE.sub(rng.choice(_HEADING_JUNK), generated.text, count=1)
    text = _TABLE_HEAD_RE.sub(lambda m: m.group().replace("การประเมิน", "การประเ\nมัน:"),
                              text, count=1)
    assert "รายงานความก้าวหน้าของโครงการ" not in text and "การประเมิน" not in text
    _reports_read(text, generated)


@pytest.mark.parametrize("generator", ["legacy_pipe", "legacy_tab", "legacy_html", "legacy_long"])
@pytest.mark.parametrize("seed", range(3))
def test_report_heading_and_table_head_both_lost(generator: str, seed: int) -> None:
    """Heading and head read as junk: the first report's label opens the table."""
    generated = _form(generator, seed)
    rng = random.Random(seed)
    text = _HEADING_RE.sub(rng.choice(_HEADING_JUNK), generated.text, count=1)
    text = _TABLE_HEAD_RE.sub("ครั ซี รา | รายเอียด", text, count=1)
    _reports_read(text, generated)


@pytest.mark.parametrize("line", [
    "เพื่อติดตามผลการดำเนินงานและการประเมินผล",
    "ครั้งที่ผ่านมา รายละเอียดการดำเนินงาน",
    "ตัวชี้วัด... : มิติที่ 1 ร้อยละของจุดบริการที่ได้รับการปรับปรุง",
    "3. เพื่อรายงานผลการดำเนินงานครั้งที่ 1 ต่อผู้บริหาร",
    "ดำเนินการให้แล้วเสร็จภายในปีงบประมาณ 2566",
])
def test_narrative_and_values_never_open_the_report_table(line: str) -> None:
    """A line of sections 1.3-1.6 that names the table's words is no table head or row."""
    assert not opens_report_table(line)


_SECTION1_LABELS = {
    "fiscal_year_be": (r"^ปีงบประมาณ พ\.ศ\. :", ("ภับากฑ์ :", "ปีงบ'ปรฆา พศ :")),
    "start_date": (r"^เริ่มต้นโครงการ :", ("เรมตนไดรงการ :", "เรี่ม์ตัน :")),
    "end_date": (r"^สิ้นสุดโครงการ :", ("สีนสุดไครงกาs :", "ลันสุด :")),
}


@pytest.mark.parametrize("generator", ["legacy_pipe", "legacy_tab", "legacy_html"])
@pytest.mark.parametrize("column", sorted(_SECTION1_LABELS))
@pytest.mark.parametrize("seed", range(2))
def test_section1_label_read_as_junk_value_known_by_its_form(generator: str, column: str,
                                                            seed: int) -> None:
    """``ภับากฑ์ : 2564``: a year alone is the fiscal year; a date the start (above the
    end) or the end (below the start). The other fields stay as read."""
    generated = _form(generator, seed)
    label, junk = _SECTION1_LABELS[column]
    text = re.sub(label, random.Random(seed).choice(junk), generated.text, count=1, flags=re.M)
    assert text != generated.text
    [project] = records_of(legacy, text, screened=False)["projects"]
    [want] = generated.tables["projects"]
    for name in ("fiscal_year_be", "start_date", "end_date"):
        assert str(getattr(project, name)) == str(want[name]), name


@pytest.mark.parametrize("generator", ["legacy_pipe", "legacy_html"])
def test_damaged_label_of_another_value_is_not_read_as_a_date_or_year(generator: str) -> None:
    """A junk label before a value of another form (a code, an amount) gives no field; a
    year or date whose label was read stays the one read."""
    generated = _form(generator, 0)
    text = re.sub(r"^ปีงบประมาณ พ\.ศ\. :.*$", "ภับากฑ์ : 15667101-6970", generated.text,
                  count=1, flags=re.M)
    [project] = records_of(legacy, text, screened=False)["projects"]
    assert project.fiscal_year_be is None


_KPI_RE = re.compile(r"^ตัวชี้วัด : (\S+) (.+)$", re.M)


@pytest.mark.parametrize("seed", range(6))
def test_kpi_heading_colon_lost_name_wrapped(seed: int) -> None:
    """``ตัวชี้วัด⇥⇥7.6`` / the name over two lines / ``ค่าเป้าหมาย …``: the indicator is read,
    and the entry above it ends before it."""
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    while not generated.tables.get("indicators"):
        generated = GENERATORS["web_history"](rng)

    def damaged(m: re.Match[str]) -> str:
        name = m.group(2)
        cut = rng.randrange(len(name) // 3, 2 * len(name) // 3)
        gap = rng.choice(("\t\t", " ", "\t"))
        if rng.random() < 0.5:
            return f"ตัวชี้วัด{gap}{m.group(1)}\n{name[:cut]}\n{name[cut:]}"
        return f"ตัวชี้วัด{gap}{m.group(1)}\n{name}"

    text = _KPI_RE.sub(damaged, generated.text)
    assert not _KPI_RE.search(text)
    records = records_of(history, text, screened=False)
    assert_rows_read("indicators", records.get("indicators", []),
                     generated.tables["indicators"],
                     ("code", "name", "target_value", "achieved_value", "unit", "kind"))
    assert_rows_read("progress_updates", records["progress_updates"],
                     generated.tables["progress_updates"],
                     ("seq_label", "detail", "problems", "obstacles"))


@pytest.mark.parametrize("seed", range(6))
def test_kpi_heading_code_read_as_latin_letters(seed: int) -> None:
    """``ตัวชี้วัด⇥⇥⇥TAZ`` / the name / ``ค่าเป้าหมาย …`` (seed 73, 150 dpi, for ``ตัวชี้วัด :
    7.12 ระดับ…``): the indicator is read but its code, which is NULL, never the letters;
    the entry above it ends before it (its obstacles took the whole block)."""
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    while not generated.tables.get("indicators"):
        generated = GENERATORS["web_history"](rng)
    junk, gap = rng.choice(("TAZ", "Tad", "iil", "%")), rng.choice(("\t\t\t", " "))
    text = _KPI_RE.sub(lambda m: f"ตัวชี้วัด{gap}{junk}\n{m[2]}", generated.text)
    assert not _KPI_RE.search(text)
    records = records_of(history, text, screened=False)
    got = records.get("indicators", [])
    assert [r.code for r in got] == [None] * len(generated.tables["indicators"])
    assert_rows_read("indicators", got, generated.tables["indicators"],
                     ("name", "target_value", "achieved_value", "unit", "kind"))
    assert_rows_read("progress_updates", records["progress_updates"],
                     generated.tables["progress_updates"],
                     ("seq_label", "detail", "problems", "obstacles"))


_PROGRESS_RE = re.compile(r"(ความก้าวหน้าของงานฯ? *=) *([0-9๐-๙.,]+ *%)")


@pytest.mark.parametrize("generator", ["legacy_pipe", "legacy_tab", "legacy_html"])
@pytest.mark.parametrize("seed", range(3))
def test_progress_value_wrapped_below_junk_is_no_part_of_the_narrative(generator: str,
                                                                       seed: int) -> None:
    """``… :: ความก้าวหน้าของงานฯ = Eee`` / ``90.50 % : งบประมาณ…``: the value is read, the
    narrative ends at its label (the value's line adds nothing to it)."""
    generated = _form(generator, seed)
    if generator == "legacy_pipe":  # a pipe row's next line continues it with an empty cell
        text = _PROGRESS_RE.sub(r"\1 Eee |  |  |\n|  | \2", generated.text)
    else:
        text = _PROGRESS_RE.sub(r"\1 Eee\n\2", generated.text)
    assert text != generated.text
    records = records_of(legacy, text, screened=False)
    assert_rows_read("progress_updates", records["progress_updates"],
                     generated.tables["progress_updates"], (*_REPORT_FIELDS, "detail"))


_ENTRY_LABEL = re.compile(r"^\*\* (ปัญหา|อุปสรรค)ของโครงการ :", re.M)


@pytest.mark.parametrize("seed", range(4))
def test_entry_label_star_read_as_a_letter_colon_lost(seed: int) -> None:
    """``ห* อุปสรรคของโครงการไม่มี``: one star read as a Thai letter, the ``:`` lost, the
    value glued on: the label is still the obstacle's (or problem's), the value its own."""
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    text = _ENTRY_LABEL.sub(lambda m: f"{rng.choice('หนร')}* {m.group(1)}ของโครงการ",
                            generated.text)
    text = re.sub(r"(\* (?:ปัญหา|อุปสรรค)ของโครงการ) ", r"\1", text)  # glued to the value
    assert not _ENTRY_LABEL.search(text)
    records = records_of(history, text, screened=False)
    assert_rows_read("progress_updates", records["progress_updates"],
                     generated.tables["progress_updates"], ("detail", "problems", "obstacles"))

"""An action plan's target and definition tables as Tesseract damages them past their words.

Plans are generated from known values (``bench/corpus``); their target and
definition tables are printed flowing (a row's cells run into wrapped lines, no
tab) and damaged the ways Tesseract's page layout and Thai model damage them on
the corpus's scans beyond the words themselves:

- a row's number in the margin, lower than the Thai letters beside it, read as a
  line of its own after the row's first line (laid out as Tesseract's words, with
  boxes, and tidied as every OCR'd page is); a target's number wrapped to open a
  line (``๒๓ ผลิตภัณฑ์``), which is no row's number;
- the section's heading and the table's header read as Latin junk, a stray mark
  left at the end of the line of years;
- a mark of a target's opening word read as another (``เพิ่มขื้น``), a letter of
  one read as another (``เพิ่มชื้น``: that row's targets cannot be cut, the next row
  still starts at its number);
- a letter of ``ตัวชี้วัด`` in a definition table's header read as another
  (``ตัวขี้วัด``), a row's ``มน.`` read as Latin (``NU.``), an indicator's number
  read as a letter and a sign (``ด)`` for ``๕.๑``), a speck read as a line of Latin
  (``“tate``) between a table's header and its first row.

The truth is the generated values (the years' digits are not counted where the
test misreads them).
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_tidy import tidied

from corpus.build import GENERATORS
from corpus.score import score_tables
from ocr_text import thai_wrapped
from plan_text import budget_rows_read
from read_back import assert_rows_read, records_of

_TARGET_HEADER = re.compile(r"^ลำดับที่\tตัวชี้วัด\tค่าเป้าหมาย")
_KPI_HEADER = re.compile(r"^(?:มาตรการ\t)?ตัวชี้วัด[^\t]*\tนิยาม")
_YEARS = re.compile(r"^[\t ]*(?:[๒2][๕5][0-9๐-๙]{2}[\t ]*){2,}$")
_ROW = re.compile(r"^(?P<no>[๑-๙1-9])\t(?P<rest>.*)$")
#: A target's number of two digits and the word after it, the row's last ones.
_LAST_TARGET = re.compile(r"(?<= )[๐-๙0-9]{2} [ก-ฮเ-ไ][^ ]+$")
_POINT_NO = re.compile(r"^[๐-๙0-9]\.[๐-๙0-9]\s")
#: Junk Tesseract reads a damaged heading or header line as.
#: A speck or a page's edge read as a line of Latin letters or signs.
_JUNK_LINES = ("“tate", "ee", "'", "«= a")
_JUNK = ("an", "oe ek ซ้จ/", "Aart", "ee Re")


def _numbered_plan(rng: random.Random) -> Any:
    """A generated plan whose target tables number their rows (the damage these tests
    make is to row numbers; a table that leaves ``ลำดับที่`` empty has none to damage)."""
    while True:
        plan = GENERATORS["plan"](rng)
        lines = plan.text.split("\n")
        firsts = [next((x for x in lines[k + 1:] if x.strip()), "")
                  for k, line in enumerate(lines) if _YEARS.match(line)]
        if firsts and all(re.match(r"[0-9๐-๙]", x) for x in firsts):
            return plan


def _flowing(text: str, rng: random.Random, *, headless: bool, misread: bool
             ) -> list[tuple[str, str | None]]:
    """The plan's lines with its target and definition tables flowing and damaged.

    Each line comes with the row number that Tesseract took apart from it (None
    when it did not).
    """
    out: list[tuple[str, str | None]] = []
    table = False
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if headless and line == "ตัวชี้วัดเป้าประสงค์":
            out.append((rng.choice(_JUNK), None))
            continue
        if _TARGET_HEADER.match(line):
            out.append((rng.choice(_JUNK) if headless else "ลำดับที่ ตัวชี้วัด ค่าเป้าหมาย", None))
            table = True
            continue
        if _KPI_HEADER.match(line):
            header = line.replace("\t", " ")
            out.append((header.replace("ตัวชี้วัด", "ตัวขี้วัด", 1) if misread else header, None))
            if misread:  # a speck or the page's edge read as Latin before the first row
                out.append((rng.choice(_JUNK_LINES), None))
            table = True
            continue
        if not table or not line.strip():
            table = table and bool(line.strip())
            out.append((line, None))
            continue
        if _YEARS.match(line):
            out.append((" ".join(line.split()) + (" ๊" if headless else ""), None))
            if misread:
                out.append((rng.choice(_JUNK_LINES), None))
            continue
        if misread and k and _YEARS.match(lines[k - 1]):  # the first row of a target table
            line = line.replace("เพิ่มขึ้น", "เพิ่มชื้น", 1).replace("เพิ่มขึ้น", "เพิ่มขื้น", 1)
        if misread and line.startswith("มน.") and rng.random() < 0.5:
            line = "NU." + line[3:]  # the measure's มน. read as Latin
        elif misread and _POINT_NO.match(line):
            line = _POINT_NO.sub(rng.choice(("ด) ", "a. ")), line)  # ๕.๑ read as a letter
        m = _ROW.match(line)
        if m is None:
            out.extend((w, None) for w in thai_wrapped(line.replace("\t", " "),
                                                   rng.choice((60, 75, 90))))
            continue
        rest = m.group("rest").replace("\t", " ")
        cut = [c.start() for c in _LAST_TARGET.finditer(rest)]
        if cut and not misread:  # the last target's number and word wrapped to a line
            first = [*thai_wrapped(rest[:cut[-1]], rng.choice((60, 75, 90))), rest[cut[-1]:]]
        else:
            first = thai_wrapped(rest, rng.choice((60, 75, 90)))
        out.append((first[0], m.group("no")))  # the number taken apart from its line
        out.extend((w, None) for w in first[1:])
    return out


def _ocr_page(lines: list[tuple[str, str | None]], rng: random.Random
              ) -> tuple[str, tuple[OcrWord, ...]]:
    """The lines laid out as Tesseract's words; a number taken apart follows its line."""
    height = rng.choice((40, 60, 90))  # 150 to 300 dpi
    margin, indent = 100, 100 + round(1.8 * height)
    text: list[str] = []
    words: list[OcrWord] = []
    at = 0
    for no, (line, number) in enumerate(lines):
        top = 100 + round(no * 1.6 * height)
        x = indent if number else margin
        for m in re.finditer(r"\S+", line):
            if m.start():
                x += round(height * rng.uniform(0.3, 0.5))
            box = (x, top, x + round(0.5 * height * len(m.group())), top + height)
            words.append(OcrWord(m.group(), rng.uniform(85, 97), box, at + m.start()))
            x = box[2]
        text.append(line)
        at += len(line) + 1
        if number:  # lower than the letters beside it (no marks over a digit)
            low = top + round(height * rng.uniform(0.35, 0.5))
            box = (margin, low, margin + round(0.5 * height), low + round(0.45 * height))
            words.append(OcrWord(number, rng.uniform(85, 97), box, at))
            text.append(number)
            at += len(number) + 1
    page = "\n".join(text)
    assert all(page[w.start:w.end] == w.text for w in words)
    return page, tuple(words)


def _tables(page: str, words: tuple[OcrWord, ...]) -> dict[str, list[Any]]:
    text, _ = tidied(page, words)
    records = records_of(extract, text)
    return {t: records.get(t, []) for t in ("plan_indicators", "plan_kpi_definitions")}


def _truth(rows: list[dict[str, Any]], fields: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{k: v for k, v in row.items() if k in fields} for row in rows]


@pytest.mark.parametrize("seed", range(8))
def test_row_numbers_ocr_took_apart_are_put_back(seed: int) -> None:
    """Every target row is found with its name and targets; no row is lost or added."""
    rng = random.Random(seed)
    generated = _numbered_plan(rng)
    lines = _flowing(generated.text, rng, headless=False, misread=False)
    assert any(number for _, number in lines), "the test takes row numbers apart"
    _assert_targets_read(generated.tables["plan_indicators"], lines, rng)


@pytest.mark.parametrize("seed", range(8))
def test_target_table_whose_heading_and_header_ocr_lost_is_read(seed: int) -> None:
    """The table is found by its line of years (a stray mark after them) and its rows."""
    rng = random.Random(seed)
    generated = _numbered_plan(rng)
    lines = _flowing(generated.text, rng, headless=True, misread=False)
    assert not any("ค่าเป้าหมาย" in line for line, _ in lines)
    _assert_targets_read(generated.tables["plan_indicators"], lines, rng)


def _assert_targets_read(want: list[dict[str, Any]], lines: list[tuple[str, str | None]],
                         rng: random.Random) -> None:
    """Every target row of ``want`` read from the OCR'd ``lines``, names and targets right."""
    got = _tables(*_ocr_page(lines, rng))["plan_indicators"]
    truth = {"tables": {"plan_indicators": _truth(want, ("name", "target_text"))}}
    right, total, lost = score_tables({"plan_indicators": got}, truth)
    assert len(got) == len(want) and right == total, lost[:6]


@pytest.mark.parametrize("seed", range(12))
def test_rows_and_definition_headers_with_letters_misread_are_read(seed: int) -> None:
    """A definition header's misread ตัวชี้วัด still opens its table, a row whose
    measure or number OCR misread is still a row; a target row
    whose opening word OCR misread keeps its name, and the row after it is whole."""
    rng = random.Random(seed)
    generated = _numbered_plan(rng)
    lines = _flowing(generated.text, rng, headless=False, misread=True)
    assert any("ตัวขี้วัด" in line for line, _ in lines)
    got = _tables(*_ocr_page(lines, rng))
    want_kpi = generated.tables["plan_kpi_definitions"]
    # an indicator whose number OCR misread keeps the misreading; its other fields count
    truth = {"tables": {"plan_kpi_definitions": _truth(want_kpi, ("definition", "activities"))}}
    right, total, lost = score_tables({"plan_kpi_definitions": got["plan_kpi_definitions"]},
                                      truth)
    assert len(got["plan_kpi_definitions"]) == len(want_kpi) and right == total, lost[:6]
    want = generated.tables["plan_indicators"]
    first = want[0]["name"]  # the first row's opening word is the one misread
    damaged = "เพิ่มขึ้น" in str(want[0]["target_text"])
    truth = {"tables": {"plan_indicators": [
        row if not damaged or row["name"] != first else {}
        for row in _truth(want, ("name", "target_text"))]}}
    right, total, lost = score_tables({"plan_indicators": got["plan_indicators"]}, truth)
    assert len(got["plan_indicators"]) == len(want) and right == total, lost[:6]


# ------------------------------------------------------------------ budget summary rows

#: What OCR reads between a row's number and its name: the rule as leading vowels
#: glued to the name, a speck as a sign before it.
_BEFORE_NAME = ("เ", "ใ", "ใไโ", "ไโ", ".", " .")


@pytest.mark.parametrize("seed", range(10))
def test_budget_rows_with_a_rule_or_speck_before_the_name_keep_it(seed: int) -> None:
    """The letters or sign OCR read before ``โครงการ`` are no part of the name; no row is lost."""
    rng = random.Random(seed)
    generated = _numbered_plan(rng)
    want = [r for r in generated.tables["plan_projects"] if r["section"] != "routine"]
    text = budget_rows_read(generated.text, lambda m: (
        f"{m.group('no')} {rng.choice(_BEFORE_NAME)}{m.group('name')} "
        f"{m.group('rest').replace(chr(9), ' ')}"))
    got = [r for r in records_of(extract, text).get("plan_projects", [])
           if r.section != "routine"]
    assert_rows_read("plan_projects", got, want, ("name", "responsible_unit"))


# ------------------------------------------------------------------ step tables

_STEP_ROW = re.compile(r"^(?P<no>[๑-๙1-9])\.(?P<rest>\s.*)$")
#: What OCR reads a step's Thai number as, its point as a comma.
_STEP_NO_DAMAGE = {"๒": "lo", "๓": "on", "๑": "©"}


@pytest.mark.parametrize("seed", range(8))
def test_steps_whose_point_ocr_read_as_a_comma_are_steps(seed: int) -> None:
    """``lo, ดำเนินการ...``, ``๓, จัดทำ...``: every step is found with its words."""
    rng = random.Random(seed)
    generated = _numbered_plan(rng)
    want = generated.tables["plan_steps"]
    out: list[str] = []
    damaged = 0
    for line in generated.text.split("\n"):
        m = _STEP_ROW.match(line)
        if m is not None and rng.random() < 0.5:
            no = m.group("no")
            no = _STEP_NO_DAMAGE.get(no, no) if rng.random() < 0.5 else no
            line = f"{no},{m.group('rest')}"
            damaged += 1
        out.append(" ".join(line.split("\t")).rstrip() if "\t" in line else line)
    assert damaged
    got = records_of(extract, "\n".join(out)).get("plan_steps", [])
    truth = {"tables": {"plan_steps": _truth(want, ("project_name", "description"))}}
    right, total, lost = score_tables({"plan_steps": got}, truth)
    assert total > 0 and len(got) == len(want) and right == total, lost[:6]


# ------------------------------------------------------------------ SWOT lists

_SWOT_HEADINGS = ("จุดแข็ง", "จุดอ่อน", "โอกาส", "อุปสรรค")
_ITEM_LINE = re.compile(r"^(?P<no>[๑-๙1-9])\.\s(?P<text>.+)$")


@pytest.mark.parametrize("seed", range(8))
def test_swot_items_whose_point_ocr_misread_are_items(seed: int) -> None:
    """``lo, ระบบ...`` and a number alone with a speck after it (``en.\\t-``, its words
    on the next line) are items; every item's kind and text read right."""
    rng = random.Random(seed)
    generated = _numbered_plan(rng)
    want = generated.tables["plan_swot_items"]
    out: list[str] = []
    swot = False
    for line in generated.text.split("\n"):
        if line.startswith(_SWOT_HEADINGS):
            swot = True
        elif line.startswith("จากการวิเคราะห์") or line.startswith("สรุปโครงการ"):
            swot = False
        m = _ITEM_LINE.match(line)
        if not swot or m is None:
            out.append(line)
            continue
        no = _STEP_NO_DAMAGE.get(m.group("no"), m.group("no"))
        if rng.random() < 0.5:
            out.append(f"{no}, {m.group('text')}")
        else:
            out.extend([f"{no}.\t{rng.choice(('-', '~', '='))}", m.group("text")])
    got = records_of(extract, "\n".join(out)).get("plan_swot_items", [])
    truth = {"tables": {"plan_swot_items": _truth(want, ("kind", "text"))}}
    right, total, lost = score_tables({"plan_swot_items": got}, truth)
    assert total > 0 and len(got) == len(want) and right == total, lost[:6]

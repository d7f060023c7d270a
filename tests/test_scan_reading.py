"""What the reading side makes of text OCR read damaged, on generated documents.

Documents are generated from known values (``bench/corpus``), then damaged the
ways Tesseract's Thai model damages them on the corpus's scans; the truth is the
generated values. An action plan's scoring tables printed as flowing text (cells
run into wrapped lines, as fpdf2 prints them): no ๔ ๖ ๗ ๘ ๙ (a level 4 reads 5,
a weight ``๙๐`` reads junk), ร้อยละ with a letter misread or added (``หร้อยละ``
``วัอยละ``) or read as a Latin word, a page number at a page's foot read as Latin
junk inside a row, the header's first word misread (``สําเว็จ``) and the
indicator's closing quote lost: every level is loaded, with its indicator and
level. Step-table headings and SWOT items whose marks or numbers OCR lost, and
progress-history entry labels with a letter wrong.
"""

from __future__ import annotations

import random
import re
import textwrap
from typing import Any

import pytest

from bma_etl.furniture import furniture_lines
from bma_etl.layouts import BY_ID
from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import Extraction, RawRow, RepairedText
from bma_etl.layouts.plan_steps import StepContext, update_step_context
from bma_etl.normalize.fields import normalize
from bma_etl.normalize.trust_places import level_places

from corpus.build import GENERATORS
from corpus.plan_tables import _UNITS
from corpus.score import same
from corpus.values import THAI_DIGITS, project_name
from read_back import records_of

_NO_MODEL_DIGIT = str.maketrans("๔๖๗๘๙", "๕๕๒๓๕")  # what the model reads them as
_PERCENT_DAMAGE = ("หร้อยละ", "รจ้อยละ", "วัอยละ", "วรอยละ", "รอยละ", "VAY")
_MISREAD_HEADER = "ระ ดับความสําเว็จ เกณฑ์ร้อยละ ความสําเร็จ การดําเนินงานคะ ะแนนที่ได้รับ"
_LEVEL_LINE = re.compile(r"^([๑-๕1-5])\tร้อยละ ")


def _ocr_print(text: str, rng: random.Random) -> tuple[str, tuple[int, ...]]:
    """The plan's text with its scoring tables flowing and damaged; and its page starts."""
    out: list[str] = []
    page_starts = [0]
    breaks = 0
    for line in text.split("\n"):
        if line.startswith("ระดับความสำเร็จ\t"):  # the header; its first word misread
            out.append(rng.choice((line.replace("\t", " "), _MISREAD_HEADER)))
            continue
        if line.startswith("เกณฑ์การให้คะแนน") and rng.random() < 0.5:
            line = line.replace("”", "")  # the closing quote lost
            out.append(line)
            continue
        m = _LEVEL_LINE.match(line)
        if m is None:
            out.append(line)
            continue
        flowing = line.replace("\t", " ").translate(_NO_MODEL_DIGIT)
        damage = rng.choice(_PERCENT_DAMAGE)
        flowing = flowing.replace("ร้อยละ", damage, 1)
        wrapped = textwrap.wrap(flowing, 70)
        if breaks < 2 and len(wrapped) > 1 and rng.random() < 0.3:
            breaks += 1  # a page turns inside the row: blank margin, junk footer
            out.extend([wrapped[0], "", rng.choice(("Site", "Be", "=.")), ""])
            page_starts.append(len("\n".join(out)) + 1)
            out.extend(wrapped[1:])
        else:
            out.extend(wrapped)
    return "\n".join(out), tuple(page_starts)


def _levels(text: str, page_starts: tuple[int, ...]) -> list[Any]:
    return records_of(extract, text, page_starts).get("plan_scoring_levels", [])


@pytest.mark.parametrize("seed", range(12))
def test_ocr_damaged_levels_are_loaded_with_their_indicator_and_level(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = [(row["indicator"], row["level"])
            for row in generated.tables["plan_scoring_levels"]]
    assert want, "the generator writes scoring tables"
    text, pages = _ocr_print(generated.text, rng)
    assert not re.search(r"^๔\s+ร้อยละ", text, re.M)  # level 4 reads as 5
    got = [(row.indicator, row.level) for row in _levels(text, pages)]
    assert got == want


def test_level_places_need_an_order_the_other_levels_read() -> None:
    assert level_places([5, 5, 3, 2, 1]) == (5, 4, 3, 2, 1)
    assert level_places([1, 2, 3, 5, 5]) == (1, 2, 3, 4, 5)
    assert level_places([None, None, 3, 2, 1]) == (5, 4, 3, 2, 1)
    assert level_places([5, None, 3, None, None]) is None  # two read: not plain
    # two read off the middle, none against them: the others' cells read empty
    assert level_places([None, None, None, 2, 1]) == (5, 4, 3, 2, 1)
    assert level_places([None, 5, None, 2, None]) is None  # 5 in place 2: neither order
    assert level_places([5, 2, 3, 4, 1]) is None  # read in both orders
    assert level_places([5, 4, 3, 2]) is None  # a level missing: places shift


# ------------------------------------------------------------------ step table headings

_MARKS_RE = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


@pytest.mark.parametrize("seed", range(12))
def test_project_heading_ocr_read_without_marks_gives_the_name_alone(seed: int) -> None:
    """``ชื่อโครงการที่ ๑ name (unit)`` read ``ชือโครงการที<tab>๑ name (ฝายบริหารงานทัวไป)``."""
    rng = random.Random(seed)
    name = project_name(rng)
    if seed % 3 == 0:  # a name that starts with ท: not taken for the ที่ OCR damaged
        name = "ทางเท้า" + name.removeprefix("โครงการ")
    no = str(rng.randint(1, 9))
    no = no.translate(THAI_DIGITS) if rng.random() < 0.5 else no
    unit = rng.choice(_UNITS)
    word = rng.choice(("ที่", "ที", "ทึ่"))
    gap = rng.choice((" ", "\t", ""))
    heading = f"{_MARKS_RE.sub('', 'ชื่อ')}โครงการ{word}{gap}{no} {name} ({_MARKS_RE.sub('', unit)})"
    doc = RepairedText.of(heading, ocr_used=True)
    ctx = StepContext()
    update_step_context(doc, ctx, list(doc.lines()))
    assert ctx.project_name is not None and ctx.project_name.text == name


# ------------------------------------------------------------------ SWOT items

_SWOT_HEADING = re.compile(r"^(?:จุดแข็ง|จุดอ่อน|โอกาส|อุปสรรค) \(")
_SWOT_ITEM = re.compile(r"^[๑-๙0-9]{1,2}\. ")


def _swot_numbers_lost(text: str, rng: random.Random) -> str:
    """The plan's SWOT lists with numbers OCR lost.

    The first item's under each heading, and at most one later item's (a blank
    line before it) that is not the list's last: a last item without its number
    and a paragraph after the list cannot be told apart.
    """
    lines = text.split("\n")
    out: list[str] = []
    first = lost = False
    for i, line in enumerate(lines):
        if _SWOT_HEADING.match(line):
            first, lost = True, False
        elif _SWOT_ITEM.match(line) and first:  # the first item under the heading
            line = _SWOT_ITEM.sub("", line)
            first = False
        elif _SWOT_ITEM.match(line) and not lost and i + 1 < len(lines) \
                and _SWOT_ITEM.match(lines[i + 1]) and rng.random() < 0.5:
            out.append("")
            line = _SWOT_ITEM.sub("", line)
            lost = True
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("seed", range(10))
def test_swot_items_whose_number_ocr_lost_are_items_of_their_kind(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = [(row["kind"], row["text"]) for row in generated.tables["plan_swot_items"]]
    records = records_of(extract, _swot_numbers_lost(generated.text, rng))
    got = [(row.kind, row.text) for row in records.get("plan_swot_items", [])]
    assert got == want


# ------------------------------------------------------------------ progress-history labels

_ENTRY_LABEL = re.compile(r"^\*\* (ปัญหา|อุปสรรค)ของโครงการ :", re.M)


@pytest.mark.parametrize("seed", range(6))
def test_entry_label_ocr_read_with_a_letter_added_and_its_colon_misread(seed: int) -> None:
    """``** บปัญหาของโครงการ 1ไม่มี``: the label still ends the detail above it."""
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)

    def damaged(m: re.Match[str]) -> str:
        return f"** {rng.choice(('บ', 'ป', ''))}{m.group(1)}ของโครงการ {rng.choice(('1', '“'))}"

    text = _ENTRY_LABEL.sub(damaged, generated.text)
    got = records_of(BY_ID["web_progress_history"].extract, text,
                     screened=False)["progress_updates"]
    want = generated.tables["progress_updates"]
    assert [(r.detail, r.problems, r.obstacles) for r in got] == [
        (w["detail"], w["problems"], w["obstacles"]) for w in want]


# ------------------------------------------------------------------ progress-form entries

_ENTRY_DATE = re.compile(r"(รายงานครั้งที่\s*\S+\t):: (\d{1,2})/(\d{1,2}/\d{4}) : ")


@pytest.mark.parametrize("seed", range(6))
def test_entry_date_ocr_made_unreadable_is_not_part_of_the_narrative(seed: int) -> None:
    """``๒๑๕/๑๑/๒๕๒๕่อยู่...`` (the date's colons lost, a mark glued) and a ``;`` speck."""
    rng = random.Random(seed)
    generated = GENERATORS["legacy_tab"](rng)

    def damaged(m: re.Match[str]) -> str:
        if rng.random() < 0.5:  # a digit too many in the day, its colons lost, a mark
            return f"{m.group(1)}{m.group(2)}{rng.randint(0, 9)}/{m.group(3)}\u0e48"
        return f"{m.group(1)}:: {m.group(2)}/{m.group(3)} :\t;\n"  # a speck, a line apart

    text = _ENTRY_DATE.sub(damaged, generated.text)
    assert text != generated.text
    got = records_of(BY_ID["legacy_progress_form"].extract, text,
                     screened=False)["progress_updates"]
    assert [r.detail for r in got] == [w["detail"] for w in generated.tables["progress_updates"]]


# ------------------------------------------------------------------ plan summary rows

_SUMMARY_ROW = re.compile(r"^([๑-๙0-9]{1,2})\t(โครงการ.*)$", re.M)


@pytest.mark.parametrize("seed", range(6))
def test_rule_read_as_a_vowel_before_a_project_name_is_not_the_name(seed: int) -> None:
    """``๕ ใโครงการ...``: a leading vowel before another is no Thai spelling."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)

    def damaged(m: re.Match[str]) -> str:
        vowel = rng.choice(("ใ", "ไ", ""))
        return f"{m.group(1)} {vowel}{m.group(2).replace(chr(9), ' ')}"

    text = _SUMMARY_ROW.sub(damaged, generated.text).replace("\t", " ")  # flowing, as OCR
    assert "ใโครงการ" in text or "ไโครงการ" in text
    got = records_of(extract, text, screened=False)["plan_projects"]
    assert [r.name for r in got] == [w["name"] for w in generated.tables["plan_projects"]]


# ------------------------------------------------------------------ running headers

@pytest.mark.parametrize("seed", range(6))
def test_running_header_ocr_read_differently_is_furniture(seed: int) -> None:
    """The header repeated on each page, read with a letter wrong or specks beside it."""
    rng = random.Random(seed)
    header = rng.choice(("ระบบติดตามและประเมินผลโครงการ กรุงเทพมหานคร",
                         "เอกสารประกอบการประชุม", "แผนปฏิบัติราชการประจำปี สำนักงานเขต"))
    at = rng.randrange(3, len(header) - 2)
    misread = (header[:at] + rng.choice("ดคบ") + header[at + 1:],  # a letter read as another
               header + "\t' 65!\t.")  # specks read as cells beside it
    heads = [header, header, *misread]
    rng.shuffle(heads)
    pages = [f"{head}\n{project_name(rng)}\n{project_name(rng)}" for head in ["ปก", *heads]]
    starts = tuple(sum(len(p) + 1 for p in pages[:k]) for k in range(len(pages)))
    text = "\n".join(pages)
    furniture = furniture_lines(text, starts)
    lines = text.split("\n")
    assert {lines[no - 1] for no in furniture} == set(heads)


_ENTRY_HEADING = re.compile(
    r"^\((\d+)\) ความคืบหน้าโครงการฯ ร้อยละ ([0-9.]+) \((\d{4}-\d{2}-\d{2})\)$", re.M)


@pytest.mark.parametrize("seed", range(6))
def test_entry_heading_ocr_damaged_still_opens_its_entry(seed: int) -> None:
    """``(2 ... (2020-05- 17 ร`` (brackets lost, a speck) and words made junk."""
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)

    def damaged(m: re.Match[str]) -> str:
        seq, pct, iso = m.groups()
        if rng.random() < 0.5:  # the date's closing bracket lost, a space in it, a speck
            return f"({seq}) ความคืบหน้าโครงการฯ ร้อยละ {pct} ({iso[:8]} {iso[8:]} ร"
        return f"({seq}) (สวมเดิกห์น ครงกรรร ร รอยละ {pct} ({iso})"  # the words made junk

    text = _ENTRY_HEADING.sub(damaged, generated.text)
    assert text != generated.text
    got = records_of(BY_ID["web_progress_history"].extract, text,
                     screened=False)["progress_updates"]
    want = generated.tables["progress_updates"]
    assert [(r.seq_label, str(r.progress_pct), str(r.report_date)) for r in got] == [
        (w["seq_label"], w["progress_pct"], w["report_date"]) for w in want]


@pytest.mark.parametrize("seed", range(4))
def test_assessment_banner_whose_point_ocr_read_as_a_comma(seed: int) -> None:
    """``*** สุยป, ประเมินโครงการ : ไตรมาสที่ 2 80``: the quarter and score still read."""
    rng = random.Random(seed)
    generated = GENERATORS["web_tracking"](rng)
    while "*** สยป. " not in generated.text or "assessment_score" not in generated.tables[
            "projects"][0]:  # a page with an assessment and its score
        generated = GENERATORS["web_tracking"](rng)
    text = generated.text.replace("*** สยป. ", rng.choice(("*** สุยป, ", "*** สยป, ")))
    (got,) = records_of(BY_ID["web_progress_history"].extract, text, screened=False)["projects"]
    (want,) = generated.tables["projects"]
    assert "assessment_quarter" in want
    for name in ("assessment_quarter", "assessment_score", "rationale"):
        assert same(want.get(name), getattr(got, name)) or name not in want, name


# ------------------------------------------------------------------ specks beside values

@pytest.mark.parametrize("seed", range(6))
def test_speck_ocr_read_beside_a_text_value_is_not_the_value(seed: int) -> None:
    """``สวนโยธา ,`` and ``| ฝ่ายการคลัง``: the value without it, its span trimmed."""
    rng = random.Random(seed)
    unit, name = rng.choice(_UNITS), project_name(rng)
    speck = rng.choice((",", "|", ".", "'"))
    line = f"{speck} {name}\n{unit} {speck}" if seed % 2 else f"{name} {speck}\n{unit} {speck}"
    for ocr in (True, False):
        doc = RepairedText.of(line, ocr_used=ocr)
        first = line.split("\n")[0]
        row = RawRow("plan_projects", 1, {
            "name": doc.raw(0, len(first)),
            "responsible_unit": doc.raw(len(first) + 1, len(line))})
        normalized = normalize(Extraction(rows=[row]), doc.text, doc.words, None)
        values = normalized.rows[0].values
        if ocr:
            assert (values["name"], values["responsible_unit"]) == (name, unit)
            for prov in normalized.provenance:
                assert doc.text[prov.char_start:prov.char_end] == values[prov.field]
        else:  # printed: a point or a quote may be the value's own
            assert values["responsible_unit"] == f"{unit} {speck}"

"""An action plan's target and definition tables as OCR gives them, on generated plans.

Plans are generated from known values (``bench/corpus``); their target and
definition tables are printed flowing (a row's cells run into wrapped lines, no
tab: what Tesseract gives for a table without ruled cells) and damaged the ways
Tesseract's Thai model damages them on the corpus's scans: the header words lose
their marks (``ลำดับที ตัวชีวัด ค่าเป้าหมาย``, ``ตัวชีวัดมาตรการ นิยาม/คำอธิบายตัวชีวัด``),
the years over the target columns lose the digits the model lacks (``๒๕๖๐`` read
``๒๕๒๐๐`` or ``๒๕๕๐``) and pick up a rule's trace, once or twice (``ไ๒๕๖๓``,
``|ไ๒๕๖๓``), a row's number is misread (``lo`` for ``๒``), and ``เป้าหมาย`` in the
header is misread; a budget row's amount is read with digits as letters, around a
wrap too (``ฒ,อ๐๕,อ๐๐ บาท``, ``๑๐,ฒ`` / ``๑๑,๐๐๐ บาท``). The truth is the
generated values; the years themselves are not counted (the model cannot read
them), every other field of the two tables is.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from corpus.score import score_tables
from ocr_text import thai_wrapped
from read_back import assert_rows_read, records_of

TABLES = ("plan_indicators", "plan_kpi_definitions")
_MARKS_RE = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
#: What the model reads the digits it lacks as: one digit or two.
_NO_MODEL = {"๔": ("๕",), "๖": ("๒", "๒๐", "๕"), "๗": ("๓", "๒"), "๘": ("๕",), "๙": ("๕", "๑")}
_TARGET_HEADER = re.compile(r"^ลำดับที่\tตัวชี้วัด\tค่าเป้าหมาย")
_KPI_HEADER = re.compile(r"^(?:มาตรการ\t)?ตัวชี้วัด[^\t]*\tนิยาม")
_YEARS = re.compile(r"^[\t ]*(?:[๒2][๕5][0-9๐-๙]{2}[\t ]*){2,}$")
_ROW = re.compile(r"^(?P<no>[๑-๙])\t")
#: ``เป้าหมาย`` as OCR misread it in a header (a letter added, a letter lost).
_HEADER_DAMAGE = ("ค่าเปบ้าหมาย", "ค่าเปาหมาย", "Aart าหมาย")
_SEQ_DAMAGE = {"๒": "lo", "๓": "on"}


#: ``๖`` read as the letter อ (``๒๕ออ`` for ``๒๕๖๖``).
_SIX_AS_LETTER = {**_NO_MODEL, "๖": ("อ",)}


def _years_damaged(line: str, rng: random.Random, letters: bool = False) -> str:
    years = line.split()
    out = []
    for year in years:
        misread = _SIX_AS_LETTER if letters and rng.random() < 0.5 else _NO_MODEL
        read = "".join(rng.choice(misread.get(ch, (ch,))) for ch in year)
        # a column's rule read before the year, once or twice (``ไ๒๕๖๑``, ``|ไ๒๕๖๑``)
        out.append(rng.choice(("", "", "ไ", "|ไ", "]ไ")) + read)
    return " ".join(out)


def _years_glued(line: str, rng: random.Random) -> str:
    """The years misread and run together where the reader left no gap between two
    close tab stops (``๒๕๕๕๒๕๒๐๐ ๒๕๒๑``), all of them now and then."""
    years = ["".join(rng.choice(_NO_MODEL.get(ch, (ch,))) for ch in year)
             for year in line.split()]
    gaps = [rng.choice(("", " ")) for _ in years[1:]]
    if "" not in gaps or rng.random() < 0.3:
        gaps = [""] * len(gaps)
    return years[0] + "".join(gap + year for gap, year in zip(gaps, years[1:], strict=True))


def _ocr_print(text: str, rng: random.Random, *, glued: bool = False,
               letters: bool = False) -> str:
    """The plan's target and definition tables flowing and OCR-damaged (other lines as
    printed); ``glued``: the years of a target table run together; ``letters``: some
    years' ``๖`` read as อ."""
    out: list[str] = []
    table = False
    for line in text.split("\n"):
        if _TARGET_HEADER.match(line):
            header = _MARKS_RE.sub("", "ลำดับที่ ตัวชี้วัด ")
            out.append(header + (rng.choice(_HEADER_DAMAGE) if rng.random() < 0.5
                                 else _MARKS_RE.sub("", "ค่าเป้าหมาย")))
            table = True
            continue
        if _KPI_HEADER.match(line):
            out.append(_MARKS_RE.sub("", line.replace("\t", " ")))
            table = True
            continue
        if not table:
            out.append(line)
            continue
        if not line.strip():
            table = False
            out.append(line)
            continue
        if _YEARS.match(line):
            out.append(_years_glued(line, rng) if glued else _years_damaged(line, rng, letters))
            continue
        m = _ROW.match(line)
        if m and m.group("no") in _SEQ_DAMAGE and rng.random() < 0.5:
            line = _SEQ_DAMAGE[m.group("no")] + line[1:]
        out.extend(thai_wrapped(line.replace("\t", " "), rng.choice((60, 75, 90))))
    return "\n".join(out)


def _tables(text: str) -> dict[str, list[Any]]:
    records = records_of(extract, text)
    return {t: records.get(t, []) for t in TABLES}


def targets_read(text: str, want: list[dict[str, Any]]) -> list[Any]:
    """The target rows (``plan_indicators``) read from ``text``, asserted to be one per
    generated row in ``want`` with every field right; a row's year is not scored, as OCR
    may leave it unstated. Raises ``AssertionError`` with the first lost fields."""
    skip = {f"plan_indicators.{i}.year_be" for i in range(len(want))}
    got = records_of(extract, text).get("plan_indicators", [])
    right, total, lost = score_tables({"plan_indicators": got}, {"tables": {
        "plan_indicators": want}}, skip)
    assert len(got) == len(want) and right == total, lost[:6]
    return got


@pytest.mark.parametrize("seed", range(10))
def test_ocr_damaged_target_and_definition_tables_are_read(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    truth = {"tables": {t: generated.tables[t] for t in TABLES}}
    assert truth["tables"]["plan_indicators"], "the generator writes target tables"
    text = _ocr_print(generated.text, rng)
    assert "ตัวชี้วัด" not in text.split("ลำดับที ตัวชีวัด", 1)[-1].split("\n", 1)[0]
    skip = {f"plan_indicators.{i}.year_be" for i in range(len(truth["tables"]["plan_indicators"]))}
    right, total, lost = score_tables(_tables(text), truth, skip)
    assert right == total, lost[:6]


@pytest.mark.parametrize("seed", range(10))
def test_target_tables_whose_misread_years_ran_together_are_read(seed: int) -> None:
    """A line of misread years with no gap between some or all of them
    (``๒๕๕๕๒๕๒๐๒๕๒๑``) is still the table's year line: one column per year, every
    row of the table read, none shifted onto the next table's name."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    truth = {"tables": {"plan_indicators": generated.tables["plan_indicators"]}}
    text = _ocr_print(generated.text, rng, glued=True)
    assert re.search(r"[0-9๐-๙]{8}", text), "the test runs years together"
    skip = {f"plan_indicators.{i}.year_be" for i in range(len(truth["tables"]["plan_indicators"]))}
    got = _tables(text)["plan_indicators"]
    right, total, lost = score_tables({"plan_indicators": got}, truth, skip)
    assert len(got) == len(truth["tables"]["plan_indicators"]) and right == total, lost[:6]


@pytest.mark.parametrize("seed", range(6))
def test_target_table_whose_years_ocr_read_with_letters_is_read(seed: int) -> None:
    """``๒๕๒๒ ๒๕๒๓ ๒๕ออ``: a year whose ``๖`` OCR read as อ is still a column (its year
    not stated), and the table's rows are read."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    truth = {"tables": {"plan_indicators": generated.tables["plan_indicators"]}}
    text = _ocr_print(generated.text, rng, letters=True)
    skip = {f"plan_indicators.{i}.year_be" for i in range(len(truth["tables"]["plan_indicators"]))}
    got = _tables(text)["plan_indicators"]
    right, total, lost = score_tables({"plan_indicators": got}, truth, skip)
    assert len(got) == len(truth["tables"]["plan_indicators"]) and right == total, lost[:6]


#: A letter OCR misread in an indicator's opening words (``ร`` read ``ว``), and the
#: point of an indicator's number lost (``๕.๒`` read ``๕๒``) or read as a space (``๕ ๒``).
_LETTER_DAMAGE = (("ความสำเร็จ", "ความสำเว็จ"), ("ความพึงพอใจ", "ความพีงพอไจ"))
_POINT_LOST = re.compile(r"^([๐-๙0-9])\.([๐-๙0-9]) ")


def _indicators_misread(text: str, rng: random.Random, point: str = r"\1\2 ") -> str:
    """The plan's definition rows with the indicator's words or its number's point misread
    (``point``: what ``๕.๑ `` is read as; a letter after it is a speck's)."""
    out: list[str] = []
    for line in text.split("\n"):
        cells = line.split("\t")
        if len(cells) == 4 and cells[0].startswith("มน.") and rng.random() < 0.7:
            for right, wrong in _LETTER_DAMAGE:
                cells[1] = cells[1].replace(right, wrong, 1)
        elif len(cells) == 3 and _POINT_LOST.match(cells[0]) and rng.random() < 0.7:
            cells[0] = _POINT_LOST.sub(point, cells[0])
        out.append("\t".join(cells))
    return "\n".join(out)


@pytest.mark.parametrize(("seed", "point"), [(s, r"\1\2 ") for s in range(10)]
                         + [(s, r"\1 \2 ") for s in range(6)]
                         + [(s, r"\1.\2 ว") for s in range(6)])  # a speck's letter: ``๕.๑ วร้อยละ``
def test_definition_rows_whose_indicator_ocr_misread_are_rows(seed: int, point: str) -> None:
    """Every definition row is found; its definition and activities read right."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = generated.tables["plan_kpi_definitions"]
    text = _ocr_print(_indicators_misread(generated.text, rng, point), rng)
    got = _tables(text)["plan_kpi_definitions"]
    truth = {"tables": {"plan_kpi_definitions": [
        {k: v for k, v in row.items() if k in ("definition", "activities")} for row in want]}}
    right, total, lost = score_tables({"plan_kpi_definitions": got}, truth)
    assert len(got) == len(want) and right == total, lost[:6]


# ------------------------------------------------------------------ budget summary rows

#: What OCR reads บาท as after an amount, and a digit the model lacks inside one.
_BAHT_DAMAGE = ("UM", "ปาท", "บปาท", "บาท")
_PROJECT_ROW = re.compile(r"^(?P<no>[๑-๙0-9]{1,2})\t(?P<name>โครงการ[^\t]*)\t(?P<amount>[^\t]*?)"
                          r"\s*บาท\t(?P<unit>[^\t]+)$")


def _budget_rows_misread(text: str, rng: random.Random) -> str:
    """The summary tables' project rows flowing, their amounts and baht misread."""
    out: list[str] = []
    table = False
    for line in text.split("\n"):
        table = line.startswith("ลำดับ ที่\tชื่อโครงการ") or (table and bool(line.strip()))
        m = _PROJECT_ROW.match(line)
        if m is None:
            out.append(line.replace("\t", " ") if table else line)
            continue
        amount = m.group("amount")
        digits = [i for i, ch in enumerate(amount) if ch.isdigit()]
        if len(digits) > 3 and rng.random() < 0.5:
            at = rng.choice(digits[1:-1])  # a digit read as a letter or a sign
            amount = amount[:at] + rng.choice("ฒ«") + amount[at + 1:]
        out.append(f"{m.group('no')} {m.group('name')} {amount} {rng.choice(_BAHT_DAMAGE)} "
                   f"{m.group('unit')}")
    return "\n".join(out)


@pytest.mark.parametrize("seed", range(10))
def test_budget_rows_whose_baht_ocr_misread_keep_name_and_unit(seed: int) -> None:
    """The misread amount is not loaded; the name before it and the unit after it are."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = [r for r in generated.tables["plan_projects"] if r["section"] != "routine"]
    text = _budget_rows_misread(generated.text, rng)
    got = [r for r in records_of(extract, text).get("plan_projects", [])
           if r.section != "routine"]
    truth = {"tables": {"plan_projects": [
        {k: row[k] for k in ("name", "responsible_unit")} for row in want]}}
    right, total, lost = score_tables({"plan_projects": got}, truth)
    assert total > 0 and right == total, lost[:6]


def _amounts_misread_at_the_wrap(text: str, rng: random.Random) -> str:
    """The summary tables' project rows flowing, each amount's digits around its first
    comma read as Thai letters (``ฒ,อ๐๕,อ๐๐``), the row wrapped before the amount or
    inside it (``๑๐,ฒ`` / ``๑๑,๐๐๐ บาท``)."""
    out: list[str] = []
    table = False
    for line in text.split("\n"):
        table = line.startswith("ลำดับ ที่\tชื่อโครงการ") or (table and bool(line.strip()))
        m = _PROJECT_ROW.match(line)
        if m is None or "," not in m.group("amount"):
            out.append(line.replace("\t", " ") if table else line)
            continue
        head, rest = m.group("amount").split(",", 1)
        if rng.random() < 0.5:  # wrapped before the amount, its first digits misread
            out += [f"{m.group('no')} {m.group('name')}",
                    f"{head[:-1]}ฒ,อ{rest[1:]} บาท {m.group('unit')}"]
        else:  # wrapped inside the amount, the digit after the comma misread
            out += [f"{m.group('no')} {m.group('name')} {head},ฒ",
                    f"{rest[1:]} บาท {m.group('unit')}"]
    return "\n".join(out)


@pytest.mark.parametrize("seed", range(8))
def test_budget_rows_whose_amount_ocr_misread_at_the_wrap_keep_their_name(seed: int) -> None:
    """``...จัดการเมือง`` / ``ฒ,อ๐๕,อ๐๐ บาท ส่วน...`` and ``...จตุจักร ๑๐,ฒ`` /
    ``๑๑,๐๐๐ บาท ...``: the name ends before the amount; the amount is not loaded."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = [r for r in generated.tables["plan_projects"] if r["section"] != "routine"]
    text = _amounts_misread_at_the_wrap(generated.text, rng)
    assert ",ฒ" in text or "ฒ,อ" in text
    got = [r for r in records_of(extract, text).get("plan_projects", [])
           if r.section != "routine"]
    assert_rows_read("plan_projects", got, want, ("name", "responsible_unit"))


#: What the model read a target's number as (``๒๖`` read ``lod``): a short Latin word.
_NUMBER_AS_LATIN = ("lod", "mb", "oo", "wo", "ne")
_COUNTED = re.compile(r"^(?P<no>[๐-๙0-9]+)(?P<rest> [ก-ฮเ-ไ].*)$")


def _numbers_as_latin(generated: Any, rng: random.Random) -> tuple[str, list[dict[str, Any]]]:
    """The plan with some targets' numbers (``๒๖ ครั้ง ภายในปี พ.ศ. ...``) read as Latin
    words, at least one a row kept in digits; the target rows with those targets as read."""
    truth = [dict(r) for r in generated.tables["plan_indicators"]]
    read = {r["target_text"]: r["target_text"] for r in truth}
    out: list[str] = []
    for line in generated.text.split("\n"):
        cells = line.split("\t")
        counted = [k for k, c in enumerate(cells) if k >= 2 and _COUNTED.match(c)]
        if len(counted) > 1:
            kept = rng.choice(counted)
            for k in counted:
                if k != kept and rng.random() < 0.6:
                    m = _COUNTED.match(cells[k])
                    assert m is not None
                    read[cells[k]] = cells[k] = rng.choice(_NUMBER_AS_LATIN) + m.group("rest")
            line = "\t".join(cells)
        out.append(line)
    for row in truth:
        row["target_text"] = read[row["target_text"]]
    return "\n".join(out), truth


@pytest.mark.parametrize("seed", range(6))
def test_target_rows_whose_numbers_ocr_read_as_latin_are_rows(seed: int) -> None:
    """``lod ครั้ง ภายในปี พ.ศ. ๒๕๕๗ ๓๑ ครั้ง ...``: a target whose number OCR read as a
    Latin word still starts where its unit says; its row is whole, and the next row
    (``ลำดับที่`` empty) is a row of its own, not more of its targets."""
    for k in range(200):  # a plan with a row of targets written as a number and its unit
        rng = random.Random(seed * 1000 + k)
        generated = GENERATORS["plan"](rng)
        text, truth = _numbers_as_latin(generated, rng)
        if any(r["target_text"][:1].isascii() for r in truth):
            break
    else:
        pytest.fail("no plan with a target whose number the test reads as Latin")
    text = _ocr_print(text, rng)
    skip = {f"plan_indicators.{i}.year_be" for i in range(len(truth))}
    got = _tables(text)["plan_indicators"]
    right, total, lost = score_tables({"plan_indicators": got}, {"tables": {
        "plan_indicators": truth}}, skip)
    assert len(got) == len(truth) and right == total, lost[:6]


#: A year whose digit the model lacks read as three digits (``๒๕๕๘`` read ``๒๕๕๕๓๐``).
_THREE = {"๔": "๕๓๐", "๖": "๒๐๐", "๗": "๓๑๐", "๘": "๕๓๐", "๙": "๕๑๐"}


def _year_as_six_digits(line: str, rng: random.Random) -> str:
    """A line of years with one year's missing digit read as three (``๒๕๕๕๓๐``), its
    other missing digits as one; the other years as :func:`_years_damaged` reads them."""
    years = line.split()
    wide = [k for k, y in enumerate(years) if any(ch in _THREE for ch in y)]
    if not wide:
        return _years_damaged(line, rng)
    k = rng.choice(wide)
    at = rng.choice([i for i, ch in enumerate(years[k]) if ch in _THREE])
    out = [_years_damaged(y, rng) for y in years]
    out[k] = "".join(_THREE[ch] if i == at else _NO_MODEL.get(ch, (ch,))[0]
                     for i, ch in enumerate(years[k]))
    return " ".join(out)


@pytest.mark.parametrize("seed", range(8))
def test_target_tables_with_a_year_misread_as_six_digits_are_read(seed: int) -> None:
    """``๒๕๕๓ ๒๕๕๕๓๐ ๒๕๕๓ ๒๕๐๐``: a year OCR read with six digits is still a column of
    the year line; every row of the table is read."""
    for k in range(50):  # a plan printed in Thai digits (the ones the model lacks)
        rng = random.Random(seed * 1000 + k)
        generated = GENERATORS["plan"](rng)
        text = "\n".join(_year_as_six_digits(line, rng) if _YEARS.match(line) else line
                         for line in generated.text.split("\n"))
        if re.search(r"(?<!\S)\S*[๐-๙]{6}(?!\S)", text):
            break
    else:
        pytest.fail("no plan whose year the test reads as six digits")
    truth = {"tables": {"plan_indicators": generated.tables["plan_indicators"]}}
    text = _ocr_print(text, rng)
    skip = {f"plan_indicators.{i}.year_be" for i in range(len(truth["tables"]["plan_indicators"]))}
    got = _tables(text)["plan_indicators"]
    right, total, lost = score_tables({"plan_indicators": got}, truth, skip)
    assert len(got) == len(truth["tables"]["plan_indicators"]) and right == total, lost[:6]


_RISE = re.compile(r"^(?P<word>เพิ่มขึ้น) (?P<no>[๐-๙0-9]+)(?P<rest> [ก-ฮเ-ไ].*)$")


@pytest.mark.parametrize("seed", range(6))
def test_target_whose_number_after_its_word_ocr_read_as_latin_starts_a_target(
        seed: int) -> None:
    """``... ของหน่วยงาน เพิ่มขึ้น on ราย จากปี พ.ศ. ...``: the first target's number
    read as a Latin word; the target still starts at its word, the name ends before it,
    and that target, its number unread, is NULL (``ocr_doubtful_value``), not loaded
    with ``on`` for its number."""
    for k in range(200):  # a plan whose targets say เพิ่มขึ้น and a number
        rng = random.Random(seed * 1000 + k)
        generated = GENERATORS["plan"](rng)
        if re.search(r"\tเพิ่มขึ้น [๐-๙0-9]+ ", generated.text):
            break
    else:
        pytest.fail("no plan with a target that says เพิ่มขึ้น and a number")
    truth = [dict(r) for r in generated.tables["plan_indicators"]]
    read: dict[str, str] = {}
    out: list[str] = []
    for line in generated.text.split("\n"):
        cells = line.split("\t")
        if len(cells) > 2 and (m := _RISE.match(cells[2])) is not None:
            read[cells[2]] = cells[2] = f"{m.group('word')} {rng.choice(('on', 'lo', 'mb'))}" \
                + m.group("rest")
        out.append("\t".join(cells))
    assert read, "the test reads a first target's number as Latin"
    unread = {i for i, row in enumerate(truth) if row["target_text"] in read}
    skip = {f"plan_indicators.{i}.year_be" for i in range(len(truth))} | {
        f"plan_indicators.{i}.target_text" for i in unread}
    got = _tables(_ocr_print("\n".join(out), rng))["plan_indicators"]
    right, total, lost = score_tables({"plan_indicators": got}, {"tables": {
        "plan_indicators": truth}}, skip)
    assert len(got) == len(truth) and right == total, lost[:6]
    assert [got[i].target_text for i in sorted(unread)] == [None] * len(unread)

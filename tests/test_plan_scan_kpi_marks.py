"""Target and definition tables whose marks OCR read as Latin letters, on generated plans.

Plans are generated from known values (``bench/corpus``); their target and
definition tables are printed flowing and damaged as in
:mod:`test_plan_scan_tables`, then the ways Tesseract read them on the corpus's
1-bit scans (seed 47, 200 dpi):

- one year of a target table's year line read whole as a Latin word
  (``๒๕๕๓ wees ๒๕๕๕๓๕ ๒๕๐๐ ๒๕๐๑``), or with a rule's trace before it read as a
  zero and letters (``0ปไ๒๕๐๓``, seed 101, 150 dpi grey): still a column (its
  year not stated), so the table and its rows are read;
- a definition row's measure mark ``มน.`` read with a comma (``มน,``) or as Latin
  letters (``Nu.``, ``UU,``): the row still starts there, and its measure reads
  ``มน.`` and its words;
- an indicator's number whose point OCR read as a space (``5 1 ร้อยละ...``): the
  indicator reads ``5.1 ร้อยละ...``;
- a definition table's header whose definition column OCR misread, its slash kept
  (``มาตรการ ตัวชี้วัดมาตรการ มียคม/ศักย์ธีบายตัวซี้ชัด โครงการ/กิจกรรม``, seed 103,
  150 dpi grey): the table is still found, and its rows read;
- the activities' ``๑.`` read as another digit in a cell of its own at the end of
  the definition's last line (``...เทียบกับเกณฑ์<tab>2``, seed 59, 200 dpi grey): no
  word of the definition.

The truth is the generated values; the years are not counted (the model cannot
read them), every other field of the two tables is.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract
from test_plan_scan_tables import _ocr_print

from corpus.build import GENERATORS
from corpus.score import score_tables
from ocr_text import letters_and_spaces
from read_back import records_of

#: A year line of the flowing print: misread years, a space or more between them.
_YEAR_LINE = re.compile(r"^(?P<lead>[\t ]*)(?P<years>\S*[๒2]\S+(?: +\S+){2,})$")
#: What Tesseract read a whole year as on a 1-bit scan.
_LATIN_YEARS = ("wees", "lee", "ben")
#: An indicator's number opening a definition row (``5.1\tร้อยละ...``).
_POINT = re.compile(r"^([0-9๐-๙])\.([0-9๐-๙]) (?=[^\t]*\t[^\t]*\t[^\t]*$)", re.MULTILINE)
#: What it read the measure mark ``มน.`` as.
_MARK_DAMAGE = ("มน,", "Nu.", "UU,", "Nu,")


def _latin_year(text: str, rng: random.Random, trace: bool = False) -> str:
    """Each target table's year line with one year (not the first) read as a Latin word;
    ``trace``: read with a rule's trace before it as ``0ปไ`` instead."""
    out: list[str] = []
    for line in text.split("\n"):
        m = _YEAR_LINE.match(line)
        if m is not None and re.fullmatch(r"[\s0-9๐-๙|\]ไ]+", line):
            years = m.group("years").split()
            at = rng.randrange(1, len(years))
            years[at] = "0ปไ" + years[at].lstrip("|]ไ") if trace else rng.choice(_LATIN_YEARS)
            line = m.group("lead") + " ".join(years)
        out.append(line)
    return "\n".join(out)


def _assert_definitions_read(text: str, want: list[dict[str, Any]]) -> None:
    """Every generated definition row (``want``) read from ``text``, field by field."""
    got = records_of(extract, text).get("plan_kpi_definitions", [])
    right, total, lost = score_tables({"plan_kpi_definitions": got}, {"tables": {
        "plan_kpi_definitions": want}})
    assert len(got) == len(want) and right == total, lost[:6]


@pytest.mark.parametrize(("seed", "trace"), [(s, False) for s in range(6)]
                         + [(s, True) for s in range(4)])
def test_target_table_with_a_year_read_as_a_latin_word_is_read(seed: int, trace: bool) -> None:
    """``๒๕๕๓ wees ๒๕๕๕๓๕``; or ``trace``: a rule's trace read before a year as ``0ปไ``."""
    rng = random.Random(seed)
    while True:  # a plan with a target table of three years or more
        generated = GENERATORS["plan"](rng)
        text = _latin_year(_ocr_print(generated.text, rng), rng, trace)
        if any(w in text for w in (*_LATIN_YEARS, "0ปไ")):
            break
    want = generated.tables["plan_indicators"]
    skip = {f"plan_indicators.{i}.year_be" for i in range(len(want))}
    got = records_of(extract, text).get("plan_indicators", [])
    right, total, lost = score_tables({"plan_indicators": got}, {"tables": {
        "plan_indicators": want}}, skip)
    assert len(got) == len(want) and right == total, lost[:6]


@pytest.mark.parametrize("seed", range(8))
def test_definition_rows_whose_measure_mark_ocr_misread_are_read(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = generated.tables["plan_kpi_definitions"]
    text = "\n".join(rng.choice(_MARK_DAMAGE) + line[3:] if line.startswith("มน.") else line
                     for line in _ocr_print(generated.text, rng).split("\n"))
    measured = [row for row in want if row.get("measure")]
    assert measured, "the generated plan must have a measure column to damage"
    assert "มน." not in text
    _assert_definitions_read(text, want)


@pytest.mark.parametrize("seed", range(8))
def test_indicator_whose_numbers_point_ocr_read_as_a_space_reads_its_point(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = generated.tables["plan_kpi_definitions"]
    spaced = _POINT.sub(r"\1 \2 ", generated.text)  # every indicator's ``5.1 `` as ``5 1 ``
    text = _ocr_print(spaced, rng)
    assert re.search(r"^[0-9๐-๙] [0-9๐-๙] ", text, re.MULTILINE), "no number damaged"
    _assert_definitions_read(text, want)


#: What OCR read the definition column's header ``นิยาม/คำอธิบายตัวชี้วัด`` as.
_DEFINITION_HEADER_DAMAGE = ("มียคม/ศักย์ธีบายตัวซี้ชัด", "นิยวม/คําอซิบายตัวชีวัด", "uiu/ศาอธิบาย")


@pytest.mark.parametrize("seed", range(8))
def test_definition_table_whose_headers_definition_column_ocr_misread_is_read(
        seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = generated.tables["plan_kpi_definitions"]
    text = _ocr_print(generated.text, rng)
    # the header as OCR prints it has lost its marks (``นยาม/คำอธบายตวชวด``)
    damaged = re.sub(r"(?<= )น\S{0,2}ยาม/\S+(?= โครงการ)",
                     lambda m: rng.choice(_DEFINITION_HEADER_DAMAGE), text)
    assert damaged != text and not re.search(r"น\S?ยาม/", damaged), \
        "the plan has a definition table"
    got = records_of(extract, damaged).get("plan_kpi_definitions", [])
    right, total, lost = score_tables({"plan_kpi_definitions": got}, {"tables": {
        "plan_kpi_definitions": want}})
    assert len(got) == len(want) and right == total, lost[:6]


#: A definition's last words, then the activities' first project numbered ``๑.``.
_FIRST_ACTIVITY = re.compile(r"(?<=\S) [๑1]\. (?=โครงการ|กิจกรรม)")


@pytest.mark.parametrize("seed", range(8))
def test_activities_number_read_as_a_digit_in_a_cell_stays_out_of_the_definition(
        seed: int) -> None:
    """``...เทียบกับเกณฑ์<tab>2`` / ``โครงการ...`` (seed 59, 200 dpi grey): the
    activities' ``๑.`` read as another digit without its point, in a cell of its own
    at the end of the definition's last line, the project on the next line. Every
    definition reads as written (its letters: a space the print wrapped at is not
    on the page) and as the same print without the misread does; the activities
    keep what OCR read."""
    for attempt in range(20):  # a plan whose activities open with a numbered project
        rng = random.Random(f"{seed}-{attempt}")
        generated = GENERATORS["plan"](rng)
        printed = _ocr_print(generated.text, rng)
        text, damaged = _FIRST_ACTIVITY.subn("\t2\n", printed)
        if damaged:
            break
    assert damaged, "the generator numbers some definitions' activities"
    want = generated.tables["plan_kpi_definitions"]
    got = records_of(extract, text).get("plan_kpi_definitions", [])
    assert [(r.indicator, letters_and_spaces(r.definition)[0]) for r in got] \
        == [(w["indicator"], letters_and_spaces(w["definition"])[0]) for w in want]
    undamaged = records_of(extract, printed).get("plan_kpi_definitions", [])
    assert [r.definition for r in got] == [r.definition for r in undamaged]
    assert sum(str(r.activities).startswith("2 ") for r in got) == damaged


#: What Tesseract read a definition table's first columns' header words as (``มาตรการ
#: ตัวชี้วัดมาตรการ`` / ``ตัวชี้วัด``): a short Latin word and a wide gap, or nothing
#: (seed 71, 300 dpi 1-bit: ``Se<tab>นิยาม/คำอธิบายตัวชี้วัด โครงการ/กิจกรรม...``).
_FIRST_COLUMNS_DAMAGE = ("Se\t", "Se ", "")
#: A definition table's header as :func:`_ocr_print` prints it, up to the definition column.
_FIRST_COLUMNS = re.compile(r"^(?:มาตรการ )?ตวชวด\S* (?=นยาม/)", re.MULTILINE)


@pytest.mark.parametrize("seed", range(8))
def test_definition_table_whose_headers_first_columns_ocr_misread_is_read(seed: int) -> None:
    """Each definition table's header read from its definition column on, its first
    columns' words misread or lost: the tables are still found (with their measure
    column when their rows open with ``มน.``) and every row reads as generated."""
    _assert_read_with(seed, _FIRST_COLUMNS, _FIRST_COLUMNS_DAMAGE, "a definition table")


#: What Tesseract made of a measure's mark ``มน.`` it could not read (seed 73, 150 dpi
#: grey): a speck's letters on a line of their own, or nothing.
_LOST_MARKS = ("et\n", "")
#: A definition table's header, then the first row's measure mark.
_FIRST_MARK = re.compile(r"(?<=โครงการ/กจกรรม\n)มน\. ")


@pytest.mark.parametrize("seed", range(8))
def test_first_definition_row_whose_measure_mark_ocr_lost_is_read(seed: int) -> None:
    """The first row under each measured definition table's header, its ``มน.`` lost:
    the row still starts there, and its measure reads ``มน.`` and its words."""
    _assert_read_with(seed, _FIRST_MARK, _LOST_MARKS, "a measured definition table")


def _assert_read_with(seed: int, where: re.Pattern[str], damage: tuple[str, ...],
                      what: str) -> None:
    """A plan generated from ``seed``, printed as OCR reads it, each match of ``where``
    replaced by one of ``damage`` at random: every definition row reads as generated."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    text, damaged = where.subn(lambda m: rng.choice(damage), _ocr_print(generated.text, rng))
    assert damaged, f"the plan has {what}"
    _assert_definitions_read(text, generated.tables["plan_kpi_definitions"])


#: A definition's term before ``หมายถึง`` right after the indicator's words on the row's
#: first line, its first word holding a following vowel or mark after its first letters.
_TERM = re.compile(r"(?<=\S) (?P<head>[ก-ฮ]{2,}?)(?P<mark>[\u0e30-\u0e3a\u0e47-\u0e4e])"
                   r"(?P<rest>\S*)(?= หมายถึง)")


@pytest.mark.parametrize("seed", range(6))
def test_definitions_term_whose_first_word_ocr_cut_at_the_indicators_line_end_is_its(
        seed: int) -> None:
    """The term's first word cut where a mark follows its first letters, the mark read
    as a quote (``ความส`` / ``“าเร็จ หมายถึง ...``, seeds 61 and 113, 1-bit scans): the
    first piece stays on the indicator's line. The indicator reads as generated; the
    definition holds the whole term (its mark as OCR read it)."""
    for attempt in range(20):  # a plan with such a row (not every plan has one)
        rng = random.Random(f"{seed}-{attempt}")
        generated = GENERATORS["plan"](rng)
        lines = _ocr_print(generated.text, rng).split("\n")
        at = next((k for k, line in enumerate(lines) if _TERM.search(line)), None)
        if at is not None:
            break
    assert at is not None, "the plan has a definition row whose term follows its indicator"
    m = _TERM.search(lines[at])
    assert m is not None
    before = "".join(lines[at][:m.start()].split())  # the row's words before the term
    lines[at] = f"{lines[at][:m.start()]} {m.group('head')}\n\u201c{m.group('rest')}" \
        + lines[at][m.end():]
    whole, read = m.group().strip(), f"{m.group('head')} \u201c{m.group('rest')}"
    want = generated.tables["plan_kpi_definitions"]
    got = records_of(extract, "\n".join(lines)).get("plan_kpi_definitions", [])
    assert [r.indicator for r in got] == [w["indicator"] for w in want]
    damaged = next(k for k, w in enumerate(want)  # the first such row is the one damaged
                   if "".join(w["indicator"].split()).endswith(before[-8:])
                   and w["definition"].startswith(whole))
    for k, (r, w) in enumerate(zip(got, want, strict=True)):
        definition = w["definition"]
        if k == damaged:  # its term as OCR read it
            definition = definition.replace(whole, read, 1)
        assert "".join((r.definition or "").split()) == "".join(definition.split())

"""Step tables' headings and row ends as scans and flowing prints damage them, read right.

Plans are generated from known values (``bench/corpus``); their step tables are
printed flowing (a row's cells on one line, spaces between, the schedule's arrows
not read: what Tesseract gives) and damaged the ways the robustness seeds 43 and 47
showed:

- ``ชื่อโครงการที่ 1`` read with its ``1`` as a bar (``ชื่อโครงการที่ | โครงการ…``): the
  bar went into every step's project name;
- ``ชื่อตัวชี้วัดที่`` read with the ``อ`` of ``ชื่อ`` as ``ก`` (``ชื่กตัวชี้วัดที่ 1`` on a
  1-bit scan at 200 dpi): the steps under it got no indicator, or the one before;
- ``ชื่อตัวชี้วัดที่`` read with its ``ช`` as ``ข`` (``ชื่อตัวขี้วัดที่ ๓``), or its number
  garbled (``a``, ``is``, ``:``): the steps under it kept the indicator before. The
  number after indicator N is N + 1 (derived); the first heading's is not known (NULL);
- ``ชื่อตัวชี้วัดที่`` read with its ``ด`` as ``ต`` and its number as a dash before the
  name on the same line (``ชื่อตัวชี๊วัตที่ - ระดับ…``): the same;
- a speck or a rule read as a Thai letter glued to a row's last number (``๑๐ เ๑๐๐``
  for a step's cumulative, ``…กรุงเทพมหานคร ว๒๐`` for a level's score): both
  percentages, or the score, were lost;
- a level's weight words with a space and a tone mark added (``ของน้ำหนักคะ แน่น``):
  they went into the description;
- ``ชื่อโครงการที่`` read with its ``ช`` as ``ซ`` (``ซื่อโครงการที่ ๑``, a 150 dpi 1-bit
  scan): the steps under it got no project;
- (a text layer) a project heading the reader ran onto the end of the indicator's
  name above it (``…ต่างประเทศชื่อโครงการที่ ๑ โครงการ…``): the steps got no project;
- (a text layer) a score cut before its decimals (``๒`` / ``๒.๕`` of ``๒๒.๕``): it read
  ``๒.๕``, the ``๒`` going to the description.

The truth is the generated values.
"""

from __future__ import annotations

import random
import re
import textwrap
from collections.abc import Callable
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import Raw, RepairedText
from bma_etl.layouts.plan_flow_levels import flow_levels

from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from plan_text import LEVEL_LINE
from read_back import assert_rows_read, records_of

_STEP = re.compile(r"^(?P<no>[๐-๙0-9]+)\. (?P<desc>[^\t]*)\t(?P<pct>[^\t]+)\t(?P<cum>[^\t]+)")
_INDICATOR = re.compile(r"^ชื่อตัวชี้วัดที่ (?P<no>[๐-๙0-9]+) (?P<name>.*)$")
_PROJECT = re.compile(r"^ชื่อโครงการที่ (?P<no>[๐-๙0-9]+) (?P<rest>.*)$")
_STEP_FIELDS = ("indicator_no", "project_name", "step_no", "description", "step_pct",
                "cumulative_pct")
_THAI = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def _flowing(text: str, rng: random.Random, glue: float = 0.0) -> str:
    """The plan's step tables flowing: one line a step, no schedule; with share ``glue``
    of the cumulatives a Thai letter glued before them."""
    out = []
    for line in text.split("\n"):
        m = _STEP.match(line)
        if m:
            cum = m["cum"] if rng.random() >= glue else rng.choice("เแวร") + m["cum"]
            out.append(f"{m['no']}. {m['desc']} {m['pct']} {cum}")
        elif line.startswith("\t\t\t"):  # the schedule's years and months
            out.append(line.strip())
        else:
            out.append(line)
    return "\n".join(out)


def _steps(text: str, *, ocr_used: bool = True) -> list[Any]:
    return records_of(extract, text, ocr_used=ocr_used, screened=False).get("plan_steps", [])


@pytest.mark.parametrize("seed", range(4))
def test_cumulative_with_a_letter_glued_before_it_is_read(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    text = _flowing(generated.text, rng, glue=0.5)
    assert re.search(r" [เแวร][๐-๙0-9]", text), "the test glues letters"
    assert_rows_read("plan_steps", _steps(text), generated.tables["plan_steps"], _STEP_FIELDS)


def _three_step_tables(rng: random.Random) -> GeneratedDoc:
    """The first plan ``rng`` generates whose steps fall under three indicators or more."""
    generated = GENERATORS["plan"](rng)
    while len({row["indicator_no"] for row in generated.tables["plan_steps"]}) < 3:
        generated = GENERATORS["plan"](rng)
    return generated


def _headings(text: str, damage: Any) -> str:
    """``text`` with each indicator and project heading as ``damage(kind, no, line)`` gives it."""
    out = []
    for line in text.split("\n"):
        m = _INDICATOR.match(line) or _PROJECT.match(line)
        if m is None:
            out.append(line)
            continue
        kind = "indicator" if m.re is _INDICATOR else "project"
        out.append(damage(kind, int(m["no"].translate(_THAI)), m))
    return "\n".join(out)


def _later_indicator_headings(rng: random.Random, generated: GeneratedDoc,
                              second: Callable[[re.Match[str]], str],
                              later: Callable[[re.Match[str]], str]) -> str:
    """The plan's text flowing, its second indicator heading written as ``second`` makes
    it and every one after as ``later`` does (the first as generated)."""

    def damage(kind: str, no: int, m: re.Match[str]) -> str:
        if kind != "indicator" or no == 1:
            return m.group(0)
        return second(m) if no == 2 else later(m)

    return _headings(_flowing(generated.text, rng), damage)


@pytest.mark.parametrize("seed", range(4))
def test_project_heading_with_its_one_read_as_a_bar(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    # the unit wrapped onto a line of its own, as a long heading is
    text = _headings(_flowing(generated.text, rng), lambda kind, no, m: (
        "ชื่อโครงการที่ | " + "\n(".join(m["rest"].rsplit(" (", 1))
        if kind == "project" and no == 1 else m.group(0)))
    assert "ชื่อโครงการที่ | " in text
    assert_rows_read("plan_steps", _steps(text), generated.tables["plan_steps"], _STEP_FIELDS)


#: What OCR read an indicator heading's number as on seeds 43 and 47 (or nothing).
_GARBLED = ("a", "is", ":", "")


@pytest.mark.parametrize("seed", range(4))
def test_indicator_heading_misread_takes_its_number_by_place(seed: int) -> None:
    rng = random.Random(seed)
    generated = _three_step_tables(rng)
    garbled: set[int] = set()

    def damage(kind: str, no: int, m: re.Match[str]) -> str:
        if kind != "indicator":
            return m.group(0)
        if no == 2:  # its ช read as ข, the number read
            return f"ชื่อตัวขี้วัดที่ {m['no']} {m['name']}"
        garbled.add(no)
        return f"ชื่อตัวชี้วัดที่\t{rng.choice(_GARBLED)}\n{m['name']}"

    text = _headings(_flowing(generated.text, rng), damage)
    want = [dict(row, indicator_no=None if row["indicator_no"] == 1 else row["indicator_no"])
            for row in generated.tables["plan_steps"]]
    assert garbled - {1}, "the test garbles a heading after the first"
    got = _steps(text)
    assert [r.indicator_no for r in got] == [w["indicator_no"] for w in want]
    assert_rows_read("plan_steps", [r for r in got if r.indicator_no is not None],
                     [w for w in want if w["indicator_no"] is not None], _STEP_FIELDS)


@pytest.mark.parametrize("seed", range(4))
def test_indicator_heading_with_a_speck_or_its_number_as_a_letter(seed: int) -> None:
    """``ชื่อตัวชี้วัดที่<tab>, ๒`` (a speck before the number): the number is read;
    ``ชื่อตัวขี้วัดที่<tab><tab>ซู`` (the number read as a Thai letter and a vowel, seed
    59): the heading is there, its number taken by place. The steps under either are
    the heading's, not the indicator's before."""
    rng = random.Random(seed)
    generated = _three_step_tables(rng)
    text = _later_indicator_headings(
        rng, generated, lambda m: f"ชื่อตัวชี้วัดที่\t, {m['no']}\n{m['name']}",
        lambda m: f"ชื่อตัวขี้วัดที่\t\t{rng.choice(('ซู', 'ฐิ', 'ว'))}\n{m['name']}")
    assert "\t, " in text
    assert_rows_read("plan_steps", _steps(text), generated.tables["plan_steps"], _STEP_FIELDS)


@pytest.mark.parametrize("seed", range(4))
def test_project_heading_run_onto_the_indicator_name_above(seed: int) -> None:
    # a text layer: the indicator's number on a line of its own, its name reaching the
    # margin, the project heading run onto it with no space
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    lines = _flowing(generated.text, rng).split("\n")
    out = []
    for k, line in enumerate(lines):
        m = _INDICATOR.match(line)
        if m and k + 1 < len(lines) and _PROJECT.match(lines[k + 1]):
            out.append(f"ชื่อตัวชี้วัดที่\t{m['no']}\n{m['name']}{lines[k + 1]}")
            lines[k + 1] = ""
        elif line or not out or out[-1]:
            out.append(line)
    text = "\n".join(out)
    assert re.search("[ก-๛]ชื่อโครงการที่", text)
    assert_rows_read("plan_steps", _steps(text, ocr_used=False),
                     generated.tables["plan_steps"], _STEP_FIELDS)


def _flowing_levels(text: str, rng: random.Random, glue: float = 0.5,
                    weight: float = 0.0) -> str:
    """The plan's scoring levels flowing, wrapped; share ``glue`` of their scores with a
    letter glued before them, share ``weight`` of their weight words with a space and a
    tone mark OCR added (``ของน้ำหนักคะ แน่น``)."""
    out = []
    for line in text.split("\n"):
        m = LEVEL_LINE.match(line)
        if m is None:
            out.append(line.replace("\t", " ") if line.startswith("ระดับความสำเร็จ\t") else line)
            continue
        rest, score = m["rest"].replace("\t", " ").rsplit(" ", 1)
        if rng.random() < weight:
            rest = rest.replace("ของน้ำหนักคะแนน", "ของน้ำหนักคะ แน่น")
        glued = rng.choice("วเ") + score if rng.random() < glue else score
        out.extend(textwrap.wrap(f"{m['level']} ร้อยละ {rest} {glued}", rng.choice((70, 90))))
    return "\n".join(out)


def _squashed(text: str | None) -> str | None:
    return None if text is None else "".join(text.split())


@pytest.mark.parametrize("seed", range(4))
def test_score_with_a_letter_glued_before_it_is_read(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    text = _flowing_levels(generated.text, rng)
    assert re.search(r" [วเ][๐-๙0-9]+$", text, re.M), "the test glues letters"
    got = records_of(extract, text, screened=False).get("plan_scoring_levels", [])
    assert [(_squashed(r.description), r.score) for r in got] == [
        (_squashed(row["description"]), pytest.approx(float(row["score"])))
        for row in generated.tables["plan_scoring_levels"]]


@pytest.mark.parametrize("seed", range(3))
def test_weight_words_with_a_mark_added_stay_out_of_the_description(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    text = _flowing_levels(generated.text, rng, glue=0.0, weight=0.5)
    assert "คะ แน่น" in text, "the test damages weight words"
    got = records_of(extract, text, screened=False).get("plan_scoring_levels", [])
    assert [(_squashed(r.description), r.score) for r in got] == [
        (_squashed(row["description"]), pytest.approx(float(row["score"])))
        for row in generated.tables["plan_scoring_levels"]]


@pytest.mark.parametrize("score", ["๒๒.๕", "17.5", "๑๐๐.๒๕"])
def test_score_cut_before_its_decimals_is_one_number(score: str) -> None:
    head = ("ระดับความสำเร็จ\tเกณฑ์ร้อยละความสำเร็จ\tการดำเนินงาน\tคะแนนที่ได้รับ\n"
            "๕\tร้อยละ ๑๐๐ ของน้ำหนักคะแนน ดำเนินการตามแผน\n")
    text = f"{head}ได้ครบ ๕ ขั้นตอน และรายงานผลต่อผู้บริหารกรุงเทพมหานคร {score[0]}\n{score[1:]}\n"
    doc = RepairedText.of(text, wraps=frozenset({3}))
    rows = [f.row.fields for f in flow_levels(doc, list(doc.lines()), set())]
    assert [(r["score"].text, r["description"].text.endswith("กรุงเทพมหานคร"))
            for r in rows if isinstance(r["score"], Raw) and isinstance(r["description"], Raw)
            ] == [(score, True)]


#: What OCR read an indicator heading's number as before its name on the same line
#: (a 200 dpi 1-bit scan: ``ชื่อตัวชี๊วัตที่ - ระดับความสำเร็จ…``, its ด read as ต).
_DASHES = ("-", "–", "|")


@pytest.mark.parametrize("seed", range(4))
def test_indicator_heading_with_its_number_as_a_dash_before_its_name(seed: int) -> None:
    """Every heading after the first: ``ชื่อตัวชี๊วัตที่ - name`` (or ``ชื่อตัวชี้วัตที่ N name``,
    the number read): the steps under it are the heading's, its number taken by place
    where not read, not the indicator's before."""
    rng = random.Random(seed)
    generated = _three_step_tables(rng)
    text = _later_indicator_headings(
        rng, generated, lambda m: f"ชื่อตัวชี้วัตที่ {m['no']} {m['name']}",
        lambda m: f"ชื่อตัวชี๊วัตที่ {rng.choice(_DASHES)} {m['name']}")
    assert "วัตที่ - " in text or "วัตที่ – " in text or "วัตที่ | " in text
    assert_rows_read("plan_steps", _steps(text), generated.tables["plan_steps"], _STEP_FIELDS)


@pytest.mark.parametrize("seed", range(4))
def test_indicator_heading_with_the_o_of_its_first_word_read_as_ko(seed: int) -> None:
    rng = random.Random(seed)
    generated = _three_step_tables(rng)

    def damage(kind: str, no: int, m: re.Match[str]) -> str:
        return f"ชื่กตัวชี้วัดที่ {m['no']} {m['name']}" if kind == "indicator" and no % 2 \
            else m.group(0)

    text = _headings(_flowing(generated.text, rng), damage)
    assert "ชื่กตัวชี้วัดที่" in text, "the test damages a heading"
    assert_rows_read("plan_steps", _steps(text), generated.tables["plan_steps"], _STEP_FIELDS)


@pytest.mark.parametrize("seed", range(4))
def test_project_heading_with_the_cho_of_its_first_word_read_as_so(seed: int) -> None:
    """``ซื่อโครงการที่<tab>๑`` / the name (a 150 dpi 1-bit scan, seed 561): the ``ช`` of
    ``ชื่อ`` read as ``ซ`` or ``ข``, or read twice, as itself and as ``ซ``
    (``ชซื่อโครงการที<tab>1``, a 200 dpi grey scan, its ``ที่`` losing its mark), the
    name on the line under the number; the steps under it keep the project, not the
    one before or none. So for the indicator's heading (``ชซื่อตัวชี้วัดที่``)."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)

    def damage(kind: str, no: int, m: re.Match[str]) -> str:
        head = rng.choice(("ซ", "ข", "ชซ", "ชข"))
        if kind == "indicator":
            return f"{head}ื่อตัวชี้วัดที่\t{m['no']}\n{m['name']}"
        return f"{head}ื่อโครงการ{rng.choice(('ที่', 'ที'))}\t{m['no']}\n{m['rest']}"

    text = _headings(_flowing(generated.text, rng), damage)
    assert re.search("^ช[ซข]ื่อ", text, re.M), "the test reads a ช twice"
    assert_rows_read("plan_steps", _steps(text), generated.tables["plan_steps"], _STEP_FIELDS)


@pytest.mark.parametrize("seed", range(4))
def test_indicator_heading_number_misread_with_a_sign_glued_is_taken_by_place(
        seed: int) -> None:
    """``ชื่อตัวชี้วัดที่<tab>1%`` / the name, for indicator 2 (a 200 dpi grey scan, the
    ``2`` read as ``1`` and a speck as ``%``): the steps under it are indicator 2's (the
    heading after 1), not 1's; a heading whose number is right, a sign glued after
    it (``3'``), keeps its number."""
    rng = random.Random(seed)
    generated = _three_step_tables(rng)
    text = _later_indicator_headings(
        rng, generated,
        lambda m: f"ชื่อตัวชี้วัดที่\t{int(m['no'].translate(_THAI)) - 1}"
                  f"{rng.choice('%*')}\n{m['name']}",
        lambda m: f"ชื่อตัวชี้วัดที่\t{m['no']}{rng.choice(('', chr(39), '°'))}\n{m['name']}")
    assert re.search("ที่\t1[%*]\n", text), "the test misreads the second heading's number"
    assert_rows_read("plan_steps", _steps(text), generated.tables["plan_steps"], _STEP_FIELDS)

"""Rows of an action plan's tables whose start OCR damaged, on generated plans.

Plans are generated from known values (``bench/corpus``); their tables are printed
flowing (a row's cells run into wrapped lines, no tab: what Tesseract gives for a
table without ruled cells) and damaged the ways Tesseract damages a row's start
on the corpus's scans:

- a scoring level whose level cell OCR read empty (the run of five levels still
  gives it) or read as another digit, its ``ร้อยละ`` read with more letters
  misread than a word's slip (``รวจ้อยละ``) or as a Latin word with no level
  before it (``FLAY``);
- a speck OCR read alone at a page's foot after a budget table's row, the next
  row after the page turn;
- a routine list's item numbers read as Latin letters (``o.``, ``lo,``), or their
  point read as a comma (``๒, โครงการ...``);
- a speck read as a sign between a budget row's number and its name (``๖ '. โครงการ``);
- a step's point read as a comma and a point (``๒,.``);
- a step's number cells read as Latin letters and signs (``ao) =O``), or its
  percentage run into its last word (``หลักและรอง๑๐ mo``).

The truth is the generated values: every row is read, none is added, and a
number OCR did not read stays NULL.
"""

from __future__ import annotations

import random
import re
import textwrap
from collections.abc import Callable
from typing import Any

import pytest

from bma_etl.furniture import furniture_lines
from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.normalize.trust import screen
from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_tidy import without_doubled_sara_a
from bma_etl.validate import build_records

from corpus.build import GENERATORS
from plan_text import LEVEL_LINE, budget_rows_read
from read_back import assert_rows_read, records_of

# ------------------------------------------------------------------ scoring levels

_NO_MODEL_DIGIT = str.maketrans("๔๖๗๘๙", "๕๕๒๓๕")  # what the model reads them as
#: ร้อยละ as OCR read it past a letter's slip, after a level read or not.
_PERCENT_DAMAGE = ("รวจ้อยละ", "ธรจ้อยละ", "รววอยละ")
_LATIN_PERCENT = ("FLAY", "Sor")


def _levels_damaged(text: str, rng: random.Random) -> tuple[str, tuple[int, ...]]:
    """The plan's scoring tables flowing; a table's first three level cells read empty
    (its last two read: the run is plain), or its levels' ร้อยละ damaged; a page turn
    inside a table now and then."""
    out: list[str] = []
    starts = [0]
    place = 0
    lost = latin = False
    for line in text.split("\n"):
        if line.startswith("ระดับความสำเร็จ\t"):  # a table's header
            out.append(line.replace("\t", " "))
            place, lost, latin = 0, rng.random() < 0.5, False
            continue
        m = LEVEL_LINE.match(line)
        if m is None:
            out.append(line)
            continue
        place += 1
        rest = m.group("rest").replace("\t", " ").translate(_NO_MODEL_DIGIT)
        level = m.group("level").translate(_NO_MODEL_DIGIT)
        if lost and place <= 3:  # the level cell read empty
            flowing = f"ร้อยละ {rest}"
        elif rng.random() < 0.5:
            flowing = f"{level} {rng.choice(_PERCENT_DAMAGE)} {rest}"
        elif not lost and not latin and rng.random() < 0.5:
            # the level lost too; once a table (two lost and a ๔ read ๕ leave no run)
            flowing, latin = f"{rng.choice(_LATIN_PERCENT)} {rest}", True
        else:
            flowing = f"{level} ร้อยละ {rest}"
        wrapped = textwrap.wrap(flowing, rng.choice((60, 70, 90)))
        if len(starts) < 3 and len(wrapped) > 1 and rng.random() < 0.2:
            out.extend([wrapped[0], "", ""])  # a page turns inside the row
            starts.append(len("\n".join(out)) + 1)
            out.extend(wrapped[1:])
        else:
            out.extend(wrapped)
    return "\n".join(out), tuple(starts)


def _level_rows(text: str, starts: tuple[int, ...]) -> list[Any]:
    doc = RepairedText.of(text, starts, ocr_used=True)
    normalized = normalize(extract(doc), doc.text, doc.words, None)
    screen(normalized, doc.text)
    return build_records(normalized, "0" * 64).get("plan_scoring_levels", [])


@pytest.mark.parametrize("seed", range(10))
def test_levels_whose_start_ocr_damaged_are_read_with_their_level(seed: int) -> None:
    """A level cell read empty takes its level from the table's run of five; a level
    whose ร้อยละ OCR damaged past a slip still starts its row (its description is
    not glued to the level above)."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    # the description as the model reads its digits, spaces aside (a wrap joins Thai words)
    want = [(row["indicator"], row["level"], _squashed(row["description"]))
            for row in generated.tables["plan_scoring_levels"]]
    assert want, "the generator writes scoring tables"
    text, starts = _levels_damaged(generated.text, rng)
    assert re.search(r"^ร้อยละ ", text, re.M) or any(w in text for w in _PERCENT_DAMAGE)
    got = [(row.indicator, row.level, _squashed(row.description))
           for row in _level_rows(text, starts)]
    assert got == want


def _squashed(text: str | None) -> str | None:
    return None if text is None else "".join(text.translate(_NO_MODEL_DIGIT).split())


# ------------------------------------------------------------------ budget summary rows

_PROJECT_ROW = re.compile(r"^(?P<no>[๑-๙0-9]{1,2})\t(?P<rest>โครงการ.*)$")
#: What OCR reads at a page's foot, alone on its line.
_FOOT_SPECKS = ("สว", "ง", "ฯ")
_RUNNING_HEADER = "แผนปฏิบัติราชการประจำปี สำนักงานเขต"


def _paged(lines: list[str], turn: int, header: str = _RUNNING_HEADER
           ) -> tuple[str, tuple[int, ...]]:
    """``lines`` as pages under the running ``header``, a page turning after line ``turn``."""
    pages: list[list[str]] = [[]]
    for k, line in enumerate(lines):
        pages[-1].append(line)
        if k == turn or (len(pages[-1]) > 40 and not line.strip()):
            pages.append([])
    texts = ["\n".join([header, *page]) for page in pages if page]
    starts = tuple(sum(len(p) + 1 for p in texts[:k]) for k in range(len(texts)))
    return "\n".join(texts), starts


@pytest.mark.parametrize("seed", range(8))
def test_speck_at_a_page_foot_after_a_budget_row_does_not_end_the_table(seed: int) -> None:
    """``สว`` alone under a blank line at a page's foot: the rows after the turn are read."""
    projects_after_a_page_foot(seed, _FOOT_SPECKS, _RUNNING_HEADER, after_last=True)


def projects_after_a_page_foot(seed: int, feet: tuple[str, ...], header: str, *,
                               after_last: bool) -> None:
    """Assert the strategic and key projects of a generated plan (``seed``) are read
    when its budget tables, flowing as OCR gives them, turn a page (under the running
    ``header``) after one of their rows (the last one too when ``after_last``), one
    of ``feet`` alone under a blank line at the page's foot."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = [r for r in generated.tables["plan_projects"] if r["section"] != "routine"]
    rows = sum(bool(_PROJECT_ROW.match(line)) for line in generated.text.split("\n"))
    after = rng.randrange(rows if after_last else rows - 1)  # the page turns after this row
    lines: list[str] = []
    turn = -1
    table = False
    for line in generated.text.split("\n"):
        table = line.startswith("ลำดับ ที่\tชื่อโครงการ") or (table and bool(line.strip()))
        m = _PROJECT_ROW.match(line)
        if m is None:  # the table flowing, as OCR gives it (no tab)
            lines.append(" ".join(line.split()) if table else line)
            continue
        lines.append(f"{m.group('no')} {m.group('rest').replace(chr(9), ' ')}")
        if after == 0:
            lines.extend(["", rng.choice(feet)])
            turn = len(lines) - 1
        after -= 1
    text, starts = _paged(lines, turn, header)
    doc = RepairedText.of(text, starts, ocr_used=True, furniture=furniture_lines(text, starts))
    assert doc.furniture, "the running header is furniture"
    normalized = normalize(extract(doc), doc.text, doc.words, None)
    screen(normalized, doc.text)
    got = [r for r in build_records(normalized, "0" * 64).get("plan_projects", [])
           if r.section != "routine"]
    assert_rows_read("plan_projects", got, want, ("section", "name", "responsible_unit"))


# ------------------------------------------------------------------ routine list items

_GROUP_ROW = re.compile(r"^(?P<no>[๑-๙])\t(?P<group>[^\t]+)\t(?P<item>[๑-๙])\. (?P<rest>.*)$")
_ITEM_ROW = re.compile(r"^\t\t(?P<item>[๑-๙])\. (?P<rest>.*)$")
#: What OCR reads an item's Thai number and point as.
_ITEM_DAMAGE = ("o.", "lo,", "on.", "©.")


@pytest.mark.parametrize("seed", range(10))
def test_routine_items_whose_number_ocr_misread_are_items(seed: int) -> None:
    """``๑ ด้าน... o. โครงการ...`` and ``lo, โครงการ...``: each item read, its number NULL."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = [r for r in generated.tables["plan_projects"] if r["section"] == "routine"]
    out: list[str] = []
    misread = 0
    table = False
    for line in generated.text.split("\n"):
        table = line.startswith("ลำดับที่\tด้าน/แผนงาน") or (table and bool(line.strip()))
        group, item = _GROUP_ROW.match(line), _ITEM_ROW.match(line)
        m = group or item
        if m is None:  # the list flowing, as OCR gives it (no tab)
            out.append(" ".join(line.split()) if table else line)
            continue
        number = f"{m.group('item')}."
        if rng.random() < 0.7:
            number, misread = rng.choice(_ITEM_DAMAGE), misread + 1
        rest = m.group("rest").replace("\t", " ")
        lead = f"{group.group('no')} {group.group('group')} " if group else ""
        out.append(f"{lead}{number} {rest}")
    got = [r for r in records_of(extract, "\n".join(out)).get("plan_projects", [])
           if r.section == "routine"]
    assert_rows_read("plan_projects", got, want, ("name", "uses_budget"))
    if misread:
        assert any(r.seq is None for r in got)  # a number OCR did not read is not guessed


@pytest.mark.parametrize("seed", range(8))
def test_routine_items_whose_point_ocr_read_as_a_comma_are_items(seed: int) -> None:
    """``๒, โครงการ...`` after an item with its budget: an item of its own, its number read."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    while not any(_ITEM_ROW.match(line) for line in generated.text.split("\n")):
        generated = GENERATORS["plan"](rng)  # a list with an item after its group's first
    want = [r for r in generated.tables["plan_projects"] if r["section"] == "routine"]
    out: list[str] = []
    table = False
    commas = 0
    numbers: list[int] = []  # the items' numbers as printed
    for line in generated.text.split("\n"):
        table = line.startswith("ลำดับที่\tด้าน/แผนงาน") or (table and bool(line.strip()))
        group, item = _GROUP_ROW.match(line), _ITEM_ROW.match(line)
        m = group or item
        if m is None:
            out.append(" ".join(line.split()) if table else line)
            continue
        point = "." if group or rng.random() < 0.3 else ","
        commas += point == ","
        numbers.append(int(m.group("item").translate(_ARABIC)))
        rest = m.group("rest").replace("\t", " ")
        lead = f"{group.group('no')} {group.group('group')} " if group else ""
        out.append(f"{lead}{m.group('item')}{point} {rest}")
    # unscreened: text without word confidences leaves every number doubtful
    got = [r for r in records_of(extract, "\n".join(out), screened=False)
           .get("plan_projects", []) if r.section == "routine"]
    assert_rows_read("plan_projects", got, want, ("name", "uses_budget"))
    assert [r.seq for r in got] == numbers
    assert commas or seed, "the test reads a comma for a point now and then"


_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
#: A speck OCR read between a budget row's number and its name.
_NAME_SPECKS = ("'.", "'", ".", ";", "“")


@pytest.mark.parametrize("seed", range(8))
def test_speck_between_a_budget_rows_number_and_name_is_no_part_of_the_name(seed: int) -> None:
    """``๖ '. โครงการ...``: the row is read, its name from ``โครงการ``."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = [r for r in generated.tables["plan_projects"] if r["section"] != "routine"]
    text = budget_rows_read(generated.text, lambda m: (
        f"{m.group('no')} {rng.choice(_NAME_SPECKS)} {m.group('name')} "
        f"{m.group('rest').replace(chr(9), ' ')}"))
    got = [r for r in records_of(extract, text).get("plan_projects", [])
           if r.section != "routine"]
    assert [(r.name, r.responsible_unit) for r in got] == [
        (r["name"], r["responsible_unit"]) for r in want]


# ------------------------------------------------------------------ step tables

def _assert_steps_read_when_damaged(seed: int, row: re.Pattern[str], rate: float,
                                   damage: Callable[[re.Match[str], random.Random], str]
                                   ) -> None:
    """A generated plan whose step rows matching ``row`` OCR damaged (``damage``, each
    row with odds ``rate``; tabs read as spaces): every step read, its project and
    description right."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = generated.tables["plan_steps"]
    out: list[str] = []
    damaged = 0
    for line in generated.text.split("\n"):
        m = row.match(line)
        if m is not None and rng.random() < rate:
            line = damage(m, rng)
            damaged += 1
        out.append(" ".join(line.split("\t")).rstrip() if "\t" in line else line)
    assert damaged
    got = records_of(extract, "\n".join(out)).get("plan_steps", [])
    assert_rows_read("plan_steps", got, want, ("project_name", "description"))


_STEP_ROW = re.compile(r"^(?P<no>[๑-๙1-9])\.(?P<rest>\s.*)$")


@pytest.mark.parametrize("seed", range(8))
def test_steps_whose_point_ocr_read_as_a_comma_and_a_point_are_steps(seed: int) -> None:
    """``๒,. ขออนุมัติ...``: the step is its own row, not the rest of the one above."""
    def damage(m: re.Match[str], rng: random.Random) -> str:
        return f"{m.group('no')}{rng.choice((',.', '.,'))}{m.group('rest')}"

    _assert_steps_read_when_damaged(seed, _STEP_ROW, 0.5, damage)


_STEP_CELLS = re.compile(r"^(?P<head>[๑-๙1-9]\.\s[^\t]+)\t(?P<pct>[๐-๙0-9.]+)\t(?P<cum>[๐-๙0-9.]+)"
                         r"(?P<marks>.*)$")
#: What OCR reads a step's two number cells as: Latin letters both (``mo do``), or a
#: digit the model lacks as a letter with a mark (``ฒ่๐``).
_LATIN_CELLS = ("mo do", "lo on", "ao) =O", "el, 'do")


@pytest.mark.parametrize("seed", range(8))
def test_steps_whose_number_cells_ocr_misread_keep_their_words_only(seed: int) -> None:
    """``... หลักและรอง mo do`` and ``... กิจกรรม ๕๐ ฒ่๐``: the cells are no words of the step."""
    def damage(m: re.Match[str], rng: random.Random) -> str:
        marks = " ".join(m.group("marks").split())
        if rng.random() < 0.5:
            cells = rng.choice(_LATIN_CELLS)
        else:
            cum = m.group("cum")
            cells = f"{m.group('pct')} ฒ\u0e48{cum[1:]}"
        return f"{m.group('head')} {cells} {marks}".rstrip()

    _assert_steps_read_when_damaged(seed, _STEP_CELLS, 0.6, damage)


@pytest.mark.parametrize("seed", range(8))
def test_step_percentage_run_into_its_last_word_is_no_word_of_it(seed: int) -> None:
    """``... หลักและรอง๑๐ mo``: the wrap left no space before the percentage and OCR
    misread the cumulative; the step's words end before the percentage."""
    def damage(m: re.Match[str], rng: random.Random) -> str:
        marks = " ".join(m.group("marks").split())
        return f"{m.group('head')}{m.group('pct')} {rng.choice(('mo', 'wo', 'elo'))} {marks}"

    _assert_steps_read_when_damaged(seed, _STEP_CELLS, 0.5, damage)


# ------------------------------------------------------------------ SWOT headings

_SWOT_HEADING = re.compile(r"^(?:จุดแข็ง|จุดอ่อน|โอกาส|อุปสรรค)(?= \()")
#: What OCR reads a heading's Thai word as, its bracketed English read right.
_HEADING_JUNK = ("Tanna", "โอภาล", "Sai", "จุดฮอน")


def assert_swot_headings_misread(seed: int, junk: tuple[str, ...]) -> None:
    """A generated plan two of whose SWOT headings (not the first) have their Thai word
    read as one of ``junk``: every item keeps its kind and words."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = [(row["kind"], row["text"]) for row in generated.tables["plan_swot_items"]]
    headings = [line for line in generated.text.split("\n") if _SWOT_HEADING.match(line)]
    misread = set(rng.sample(headings[1:], k=min(2, len(headings) - 1)))
    assert misread, "the generator writes SWOT headings"
    text = "\n".join(_SWOT_HEADING.sub(rng.choice(junk), line) if line in misread
                     else line for line in generated.text.split("\n"))
    got = [(row.kind, row.text) for row in records_of(extract, text).get("plan_swot_items", [])]
    assert got == want


@pytest.mark.parametrize("seed", range(8))
def test_swot_heading_whose_thai_word_ocr_misread_keeps_its_kind(seed: int) -> None:
    """``Tanna (Opportunity)``: the items under it are of its kind, not the one above."""
    assert_swot_headings_misread(seed, _HEADING_JUNK)


# ------------------------------------------------------------------ SARA A read twice


@pytest.mark.parametrize("seed", range(6))
def test_sara_a_ocr_read_twice_across_a_space_is_read_once(seed: int) -> None:
    """``และ ะบุคลากร``, ``คะ ะแนน``: the words as printed, each word's offset on its text."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    texts = [row["text"] for row in generated.tables["plan_swot_items"]]
    lines: list[str] = []
    for text in texts:  # Tesseract's words: cut where it wrote a space, SARA A read twice
        pieces = re.split(r"(?<=\u0e30)(?=[\u0e01-\u0e2e\u0e40-\u0e44])", text)
        lines.append("".join(p if k == 0 or rng.random() < 0.3 else " \u0e30" + p
                             for k, p in enumerate(pieces)))
    assert any(" \u0e30" in line for line in lines), "the test doubles a SARA A"
    page = "\n".join(lines)
    words: list[OcrWord] = []
    for no, line in enumerate(lines):
        at = sum(len(x) + 1 for x in lines[:no])
        x = 100
        for m in re.finditer(r"\S+", line):
            box = (x, 100 + 60 * no, x + 25 * len(m.group()), 140 + 60 * no)
            words.append(OcrWord(m.group(), 90.0, box, at + m.start()))
            x = box[2] + 20  # a word's space: no narrow space to close
    text, tidy = without_doubled_sara_a(page, tuple(words))
    assert text.split("\n") == texts
    assert all(text[w.start:w.end] == w.text for w in tidy)

"""Junk OCR leaves inside an action plan's tables and lists, on generated plans.

Plans are generated from known values (``bench/corpus``); their scoring tables are
printed flowing (a row's cells run into wrapped lines, no tab: what Tesseract gives
for a table without ruled cells) and damaged the ways Tesseract damaged them on the
corpus's 1-bit and grey scans beyond the words themselves:

- a band of noise over a level's first line read as lines of junk (``ee Cee «= a``,
  ``รี e``, a digit alone), the level's wrapped second line left after it; or junk
  lines alone after a whole level;
- a page number at a page's foot read as a Latin word (``Sadie``) inside a SWOT
  item the page broke;
- a speck after a scoring heading's words (``เกณฑ์การให้คะแนน<tab>ก:``), its quoted
  indicator wrapped onto the next two lines;
- a speck between a budget table header's two lines (``ae 2``);
- a definition table header's last cell (``โครงการ/กิจกรรม``) read after the rows.

The truth is the generated values: the rows OCR left are read whole, none takes
junk or another row's words, and a row OCR lost is not made up.
"""

from __future__ import annotations

import random
import re
import textwrap
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from ocr_text import thai_wrapped
from plan_text import LEVEL_LINE, budget_rows_read
from read_back import records_of

# ------------------------------------------------------------------ scoring levels

#: Lines of what Tesseract reads a band of noise as: Latin letters and signs, a Thai
#: letter or two, digits alone.
_JUNK_TOKENS = ("ee", "Cee", "«=", "a", "2๒", "รี", "e", "=", "แต", "“EE", "Fee", "=:", "3",
                "ว", "se:", "Spe", ">", "ะ", "Se", "2.", "4", "5", "<=", "zh")


def _junk_lines(rng: random.Random) -> list[str]:
    """Some lines of junk, one a digit alone; tabs before them as the layout aligns them."""
    out = []
    for k in range(rng.randint(3, 12)):
        words = rng.sample(_JUNK_TOKENS, rng.randint(1, 3))
        out.append("\t" * rng.randint(0, 6) + (" ".join(words) if k != 1 else "2"))
    return out


def _levels_with_junk(text: str, rng: random.Random) -> tuple[str, dict[int, int]]:
    """The plan's scoring tables flowing, each with junk in it: a level read as junk
    (its wrapped line left after the junk) or junk after a whole level.

    Also what each table lost: ``{table's number: place of the level lost}`` (places
    from 1; a table not in it lost none).
    """
    out: list[str] = []
    lost: dict[int, int] = {}
    table = -1
    place = 0
    loses = junk_after = 0
    for line in text.split("\n"):
        if line.startswith("ระดับความสำเร็จ\t"):  # a table's header
            out.append(line.replace("\t", " "))
            table, place = table + 1, 0
            loses = rng.choice((0, 2, 3, 4))  # never the first level: it opens the table
            junk_after = rng.randint(1, 4)
            if loses:
                lost[table] = loses
            continue
        m = LEVEL_LINE.match(line)
        if m is None:
            out.append(line)
            continue
        place += 1
        wrapped = textwrap.wrap(f"{m.group('level')} ร้อยละ {m.group('rest').replace(chr(9), ' ')}",
                                rng.choice((70, 90, 110)))
        if place == loses:  # the level's first line read as junk, its other lines kept
            out.extend(_junk_lines(rng))
            out.extend(wrapped[1:])
            continue
        out.extend(wrapped)
        if not loses and place == junk_after:
            out.extend(_junk_lines(rng))
    return "\n".join(out), lost


def _squashed(text: str | None) -> str | None:
    return None if text is None else "".join(text.split())


@pytest.mark.parametrize("seed", range(10))
def test_levels_after_junk_are_read_and_take_none_of_it(seed: int) -> None:
    """Junk inside a scoring table does not end it: every level OCR left is read, with
    its own description and score; the lost level's leftover line joins no level."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    text, lost = _levels_with_junk(generated.text, rng)
    assert lost or seed, "the test loses a level now and then"
    want: list[tuple[Any, ...]] = []
    table = place = 0
    previous = None
    for row in generated.tables["plan_scoring_levels"]:
        if previous is not None and row["indicator"] != previous:
            table, place = table + 1, 0
        previous = row["indicator"]
        place += 1
        if lost.get(table) != place:
            want.append((row["indicator"], row["level"], _squashed(row["description"]),
                         row["score"]))
    # the reading is under test, not the trust stage: with a level lost, the table's
    # other (Thai-digit) levels have no run of five to confirm them
    got = [(r.indicator, r.level, _squashed(r.description), _plain(r.score))
           for r in records_of(extract, text, screened=False).get("plan_scoring_levels", [])]
    assert got == want


def _plain(score: Any) -> str | None:
    return None if score is None else format(score.normalize(), "f")


# ------------------------------------------------------------------ SWOT items over a page

_ITEM = re.compile(r"^[๑-๙1-9]\. ")
_SWOT_HEADING = re.compile(r"^(?:จุดแข็ง|จุดอ่อน|โอกาส|อุปสรรค) \(")
#: What OCR read a page number at the page's foot as.
_PAGE_NUMBER_JUNK = ("Sadie", "Site", "- ce -", "Bs")


@pytest.mark.parametrize("seed", range(8))
def test_swot_item_a_page_broke_keeps_its_words_past_the_misread_page_number(seed: int) -> None:
    """``Sadie`` at the page's foot is no item: the item's words go on after the page
    turn, and the items after it keep their kinds and texts."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    lines = generated.text.split("\n")
    items = [k for k, line in enumerate(lines) if _ITEM.match(line)
             and len(line) > 90 and k > next(j for j, x in enumerate(lines)
                                              if _SWOT_HEADING.match(x))]
    assert items, "the generator writes long SWOT items"
    broken = rng.choice(items)
    head, *rest = thai_wrapped(lines[broken], rng.choice((60, 75)))
    page_one = [*lines[:broken], head, "", rng.choice(_PAGE_NUMBER_JUNK)]
    page_two = [*rest, *lines[broken + 1:]]
    text = "\n".join(page_one + page_two)
    starts = (0, len("\n".join(page_one)) + 1)
    want = [(row["kind"], _squashed(row["text"])) for row in generated.tables["plan_swot_items"]]
    got = [(row.kind, _squashed(row.text))
           for row in records_of(extract, text, starts).get("plan_swot_items", [])]
    assert got == want


# ------------------------------------------------------------------ scoring headings

_SCORING_HEADING = re.compile(r"^เกณฑ์การให้คะแนน “(?P<name>[^”]+)”$")
#: A speck after the heading's words, as OCR read it.
_SPECKS = ("ก:", "=", "“a", "ee")


@pytest.mark.parametrize("seed", range(6))
def test_scoring_heading_with_a_speck_and_its_quote_wrapped_names_the_indicator(
        seed: int) -> None:
    """``เกณฑ์การให้คะแนน<tab>ก:`` / ``“ระดับ...ออนไล`` / ``น์ต่างประเทศ”``: the levels'
    indicator is the quoted words, without the speck or the closing mark."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    out: list[str] = []
    for line in generated.text.split("\n"):
        m = _SCORING_HEADING.match(line)
        if m is None:
            out.append(line)
            continue
        quote = f"“{m.group('name')}”"
        cut = rng.randint(len(quote) // 3, len(quote) - 5)
        out.extend([f"เกณฑ์การให้คะแนน\t{rng.choice(_SPECKS)}", quote[:cut], quote[cut:]])
    want = [row["indicator"] for row in generated.tables["plan_scoring_levels"]]
    assert want, "the generator writes scoring tables"
    got = [r.indicator for r in records_of(extract, "\n".join(out), screened=False)
           .get("plan_scoring_levels", [])]
    assert got == want


# ------------------------------------------------------------------ definition rows

_KPI_HEADER = re.compile(r"^(?:มาตรการ\t)?ตัวชี้วัด[^\t]*\tนิยาม")
_FIRST_ITEM = re.compile(r"\t[๑1]\. (?=โครงการ|กิจกรรม)")
#: What OCR read an activity list's first number ``๑.`` as (``๑@.``, ``1#.``: its digit
#: with a speck's sign, seed 71, 150 dpi 1-bit).
_ITEM_NO_MISREAD = ("©.", "@.", "lo,", "a.", "๑@.", "1#.")


@pytest.mark.parametrize("seed", range(6))
def test_definition_ends_before_the_activities_number_ocr_misread(seed: int) -> None:
    """``...เทียบกับเกณฑ์ ©.`` / ``โครงการ...``: the misread number of the first
    activity starts the activities; the definition ends before it."""
    rng = random.Random(seed)
    out: list[str] = []
    while not out:  # a plan whose activities number their items (the damage is to those)
        generated = GENERATORS["plan"](rng)
        out = _activities_number_misread(generated.text, rng)
    want = [row["definition"] for row in generated.tables["plan_kpi_definitions"]]
    got = [r.definition for r in records_of(extract, "\n".join(out), screened=False)
           .get("plan_kpi_definitions", [])]
    assert [_squashed(g) for g in got] == [_squashed(w) for w in want]


def _activities_number_misread(text: str, rng: random.Random) -> list[str]:
    """The plan's lines, its definition tables flowing, each first activity's ``๑.``
    misread; none when no table numbers its activities."""
    out: list[str] = []
    table = damaged = False
    for line in text.split("\n"):
        if _KPI_HEADER.match(line):
            table = True
            out.append(line.replace("\t", " "))
            continue
        if not table or not line.strip():
            table = table and bool(line.strip())
            out.append(line)
            continue
        m = _FIRST_ITEM.search(line)
        if m is not None:
            line = f"{line[:m.start()]}\t{rng.choice(_ITEM_NO_MISREAD)} {line[m.end():]}"
            damaged = True
        out.extend(thai_wrapped(line.replace("\t", " "), rng.choice((70, 90))))
    return out if damaged else []


#: What OCR read specks inside a definition row as, unsure (seed 67, 200 dpi grey).
_ROW_SPECKS = ("eed Us", "és", "=)")


@pytest.mark.parametrize("seed", range(6))
def test_definition_row_keeps_none_of_a_line_of_specks_read_unsure(seed: int) -> None:
    """A line of Latin tokens read unsure (``eed Us``, confidence 31-36) after a definition
    row's first wrapped line: the row's indicator, definition and activities take none
    of it."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    out: list[str] = []
    table = False
    for line in generated.text.split("\n"):
        if _KPI_HEADER.match(line):
            table = True
            out.append(line.replace("\t", " "))
            continue
        if not table or not line.strip():
            table = table and bool(line.strip())
            out.append(line)
            continue
        wrapped = thai_wrapped(line.replace("\t", " "), 70)
        out.extend([*wrapped[:1], rng.choice(_ROW_SPECKS), *wrapped[1:]])
    text = "\n".join(out)
    words = tuple((m.start(), m.end(), 33.0 if m.group() in "eed Us és =)".split() else 92.0)
                  for m in re.finditer(r"\S+", text))
    want = generated.tables["plan_kpi_definitions"]
    assert want, "the generator writes definition tables"
    got = records_of(extract, text, words=words).get("plan_kpi_definitions", [])
    for name in ("indicator", "definition", "activities"):
        assert [_squashed(getattr(r, name)) for r in got] == [_squashed(w[name]) for w in want]


# ------------------------------------------------------------------ budget rows

#: A speck after a row's last cell, as OCR read it: a cell of its own.
_CELL_SPECKS = ("ie", "os", "«", "a.", "ๆ")


@pytest.mark.parametrize("seed", range(6))
def test_budget_row_with_a_speck_after_its_unit_keeps_the_unit(seed: int) -> None:
    """``กองยุทธศาสตร์ฯ<tab>ie``: the responsible unit ends before the speck's cell."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = [r for r in generated.tables["plan_projects"] if r["section"] != "routine"]
    text = budget_rows_read(generated.text, lambda m: (
        f"{m.group('no')} {m.group('name')} {m.group('rest').replace(chr(9), ' ')}"
        f"\t{rng.choice(_CELL_SPECKS)}"))
    got = [r for r in records_of(extract, text).get("plan_projects", [])
           if r.section != "routine"]
    assert [(r.name, r.responsible_unit) for r in got] == [
        (r["name"], r["responsible_unit"]) for r in want]


#: What OCR read a rule's edge between a header's two lines as (no Thai letter).
_HEADER_SPECKS = ("ae 2", "Be", "= -", "i 1", "«")


@pytest.mark.parametrize("seed", range(6))
def test_budget_header_with_a_speck_between_its_lines_keeps_the_first_row(seed: int) -> None:
    """``ลำดับ ที่ ... ส่วนราชการ`` / ``ae 2`` / ``ที่รับผิดชอบ``: the speck is not the
    table's end; every row under the header is read, the first one too."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = [r for r in generated.tables["plan_projects"] if r["section"] != "routine"]
    assert want, "the generator writes budget tables"
    text = budget_rows_read(generated.text, lambda m: (
        f"{m.group('no')} {m.group('name')} {m.group('rest').replace(chr(9), ' ')}"))
    text = text.replace(" ส่วนราชการ ที่รับผิดชอบ\n",
                        f" ส่วนราชการ\n{rng.choice(_HEADER_SPECKS)}\nที่รับผิดชอบ\n")
    assert "\nที่รับผิดชอบ\n" in text
    got = [r for r in records_of(extract, text).get("plan_projects", [])
           if r.section != "routine"]
    assert [(r.section, r.name, r.responsible_unit) for r in got] == [
        (r["section"], r["name"], r["responsible_unit"]) for r in want]


# ------------------------------------------------------------------ definition header cell

_LAST_HEADER_CELL = re.compile(r"\t(?P<cell>โครงการ/กิจกรรม\S*)$")


@pytest.mark.parametrize("seed", range(6))
def test_definition_header_cell_ocr_read_after_the_row_is_no_activity(seed: int) -> None:
    """``มาตรการ ตัวชี้วัดมาตรการ นิยาม/คำอธิบายตัวชี้วัด`` / the row / ``โครงการ/กิจกรรม``:
    the header's last cell, read out of order under the row, is no part of its activities."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    out: list[str] = []
    table = False
    moved = ""
    for line in generated.text.split("\n"):
        m = _LAST_HEADER_CELL.search(line) if _KPI_HEADER.match(line) else None
        if m is not None:
            out.append(line[:m.start()].replace("\t", " "))
            table, moved = True, m.group("cell")
            continue
        if table and not line.strip():  # the cell read after the table's rows
            out.append(moved)
            table = False
        if table:
            out.extend(thai_wrapped(line.replace("\t", " "), rng.choice((70, 90))))
        else:
            out.append(line)
    assert "\nโครงการ/กิจกรรม" in "\n".join(out)
    want = [(row["indicator"], _squashed(row["activities"]))
            for row in generated.tables["plan_kpi_definitions"]]
    got = [(r.indicator, _squashed(r.activities)) for r in records_of(
        extract, "\n".join(out), screened=False).get("plan_kpi_definitions", [])]
    assert got == want


#: What OCR read a quote's closing mark as, alone on the line under the quote.
_CLOSING_MISREAD = ("77", "7", "ee", "=")


@pytest.mark.parametrize("seed", range(6))
def test_scoring_heading_whose_closing_mark_ocr_misread_names_the_indicator(seed: int) -> None:
    """``เกณฑ์การให้คะแนน`` / ``“ระดับ...เมืองน้อง`` / ``77``: the closing mark OCR read
    as a speck on the line under the quote is no part of the levels' indicator."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    out: list[str] = []
    for line in generated.text.split("\n"):
        m = _SCORING_HEADING.match(line)
        if m is None:
            out.append(line)
            continue
        out.extend(["เกณฑ์การให้คะแนน", f"“{m.group('name')}", rng.choice(_CLOSING_MISREAD)])
    want = [row["indicator"] for row in generated.tables["plan_scoring_levels"]]
    assert want, "the generator writes scoring tables"
    got = [r.indicator for r in records_of(extract, "\n".join(out), screened=False)
           .get("plan_scoring_levels", [])]
    assert got == want

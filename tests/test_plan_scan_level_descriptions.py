"""Scoring levels' descriptions with junk OCR read around them, on generated plans.

Plans are generated from known values (``bench/corpus``); their scoring tables are
printed flowing (as in :mod:`test_plan_scan_levels`) and damaged the ways Tesseract
damaged them on scans of seeds 59, 67, 79 and 83 (150 to 300 dpi):

- a sign OCR made of a speck before the description (``_ ``, ``, ``), or before the
  weight words, glued to them (``.ของน้ำหนักคะแนน``): the weight words or the sign
  were kept as the description's first words;
- the weight words OCR garbled before ``หนักคะแนน`` (``ของนั้วหนักคะแนน``,
  ``ขลังน้ำหนักคะแนน``): they were kept as the description's first words;
- a sign after the description (`` »``, from ``»27`` whose ``27`` is the score), or a
  short Latin word OCR made of specks by the score, read unsure (``bend``, ``17D``,
  ``ES`` at 35-60): kept as the description's last words.

The truth is the generated values: every level keeps its description and its score.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract
from test_plan_scan_levels import _flowing, _plain, _plan, _squashed

from read_back import records_of

#: A level's rest: the weight, the weight words, the description, the score.
_REST_RE = re.compile(r"^(?P<weight>\S+) ของน้ำหนักคะแนน (?P<desc>.+) (?P<score>\S+)$")
#: What OCR read before a description, or before the weight words glued to them.
_LEADS = ("{w} ของน้ำหนักคะแนน _ {d}", "{w} ของน้ำหนักคะแนน , {d}", "{w} .ของน้ำหนักคะแนน {d}")
#: What OCR read after a description: a sign, or a Latin word read unsure.
_JUNK_WORDS = ("bend", "17D", "ES")
_TAILS = ("{d} »", *(f"{{d}} {word}" for word in _JUNK_WORDS))


def _words(text: str) -> tuple[tuple[int, int, float], ...]:
    """``text``'s words as OCR gives them: read sure (88-96), the junk words at 35-60."""
    rng = random.Random(len(text))
    return tuple((m.start(), m.end(), round(
        rng.uniform(35, 60) if m.group() in _JUNK_WORDS else rng.uniform(88, 96), 2))
        for m in re.finditer(r"\S+", text))


def _assert_levels_as_generated(generated: Any, text: str, *, indicators: bool = False) -> None:
    """Every scoring level of ``text`` (read as OCR'd) has its generated description and
    score (``indicators``: and its indicator, and the generator wrote some levels)."""
    def key(indicator: str) -> tuple[str, ...]:
        return (indicator,) if indicators else ()

    want: list[Any] = [
        (*key(row["indicator"]), _squashed(row["description"]), row["score"])
        for row in generated.tables["plan_scoring_levels"]
    ]
    assert want or not indicators, "the generator writes scoring tables"
    got = [
        (*key(r.indicator), _squashed(r.description), _plain(r.score))
        for r in records_of(extract, text, screened=False, words=_words(text)).get(
            "plan_scoring_levels", [])
    ]
    assert got == want


@pytest.mark.parametrize("seed", range(6))
def test_level_description_with_junk_read_around_it_keeps_its_words(seed: int) -> None:
    """Two levels of each table at random: junk before their description (or glued to
    the weight words) and after it. Every level keeps its description and score."""
    rng = random.Random(seed)
    generated = _plan(seed, thai=bool(seed % 2))
    damaged = {rng.randint(1, 5) for _ in range(2)}

    def damage(level: str, rest: str, place: int) -> tuple[str, str]:
        m = _REST_RE.match(rest)
        assert m is not None, rest
        if place not in damaged:
            return level, f"ร้อยละ {rest}"
        desc = rng.choice(_TAILS).format(d=m.group("desc"))
        lead = rng.choice(_LEADS).format(w=m.group("weight"), d=desc)
        return level, f"ร้อยละ {lead} {m.group('score')}"

    text = _flowing(generated.text, rng, damage)
    _assert_levels_as_generated(generated, text, indicators=True)


#: The weight words as OCR garbled them before ``หนักคะแนน``.
_GARBLED_WEIGHTS = ("ร้อยละ {w} ของนั้วหนักคะแนน {d}", "ร้อยละ {w} ขลังน้ำหนักคะแนน {d}")


@pytest.mark.parametrize("seed", range(6))
def test_level_description_after_weight_words_ocr_garbled_keeps_its_words(seed: int) -> None:
    """Two levels of each table at random: their weight words garbled. Every level
    keeps its description and its score."""
    rng = random.Random(seed)
    generated = _plan(seed, thai=bool(seed % 2))
    damaged = {rng.randint(1, 5) for _ in range(2)}

    def damage(level: str, rest: str, place: int) -> tuple[str, str]:
        m = _REST_RE.match(rest)
        assert m is not None, rest
        if place not in damaged:
            return level, f"ร้อยละ {rest}"
        lead = rng.choice(_GARBLED_WEIGHTS).format(w=m.group("weight"), d=m.group("desc"))
        return level, f"{lead} {m.group('score')}"

    text = _flowing(generated.text, rng, damage)
    _assert_levels_as_generated(generated, text)


# ------------------------------------------------------------------ a level's end

#: Signs OCR made of specks after a level's score, a tab before them (seed 67, 200 dpi:
#: ``...กรุงเทพมหานคร`` / ``27<tab>:``).
_SCORE_SPECKS = ("\t:", " :", "\t,", " » '")


@pytest.mark.parametrize("seed", range(6))
def test_signs_read_after_a_levels_score_are_neither_its_description_nor_its_score(
        seed: int) -> None:
    """Two levels of each table at random: the score on a line of its own, specks read
    as signs after it, and a level's words damaged (``ร้อยละ`` misread) so the level is
    read the OCR way. Every level keeps its description and its score."""
    rng = random.Random(seed)
    generated = _plan(seed, thai=bool(seed % 2))
    damaged = {rng.randint(1, 5) for _ in range(2)}

    def damage(level: str, rest: str, place: int) -> tuple[str, str]:
        m = _REST_RE.match(rest)
        assert m is not None, rest
        if place not in damaged:
            return level, f"ร้อยละ {rest}"
        return level, (f"รอยละ {m.group('weight')} ของน้ำหนักคะแนน {m.group('desc')}"
                       f" {m.group('score')}{rng.choice(_SCORE_SPECKS)}")

    text = _flowing(generated.text, rng, damage)
    _assert_levels_as_generated(generated, text)


#: The next indicator's heading as OCR read it right under a table's last level, the
#: blank line between lost (seed 83, 300 dpi 1-bit): ชี้ read ขี้ / ซี้.
_HEADING_MISREADS = ("ชื่อตัวขี้วัดที่", "ชื่อตัวซี้วัดที่", "ชื่อตัวชีวัดที่")


@pytest.mark.parametrize("seed", range(8))
def test_next_indicators_heading_misread_right_under_a_level_ends_the_level(seed: int) -> None:
    """Each ``ชื่อตัวชี้วัดที่`` heading after a scoring table written right under the
    table's last level, a letter misread: no level takes its words."""
    rng = random.Random(seed)
    for attempt in range(40):  # a plan that heads an indicator right after a scoring table
        generated = _plan(seed * 100 + attempt, thai=bool(seed % 2))
        flowing = _flowing(generated.text, rng, lambda lv, rest, place: (lv, f"ร้อยละ {rest}"))
        lines = flowing.split("\n")
        heads = [k for k in range(2, len(lines)) if lines[k].startswith("ชื่อตัวชี้วัดที่")
                 and not lines[k - 1].strip() and _REST_RE.search(lines[k - 2]) is None
                 and re.search(r"\S+\s*$", lines[k - 2]) is not None
                 and re.search(r"[0-9๐-๙]$", lines[k - 2].rstrip()) is not None]
        if heads:
            break
    assert heads, "the generator heads an indicator right after a scoring table"
    for k in sorted(heads, reverse=True):
        lines[k] = lines[k].replace("ชื่อตัวชี้วัดที่", rng.choice(_HEADING_MISREADS), 1)
        del lines[k - 1]
    text = "\n".join(lines)
    want = [_squashed(row["description"]) for row in generated.tables["plan_scoring_levels"]]
    got = [_squashed(r.description) for r in records_of(
        extract, text, screened=False, words=_words(text)).get("plan_scoring_levels", [])]
    assert got == want

"""Scoring levels OCR read but could not confirm, on generated plans.

Plans are generated from known values (``bench/corpus``); their scoring tables are
printed flowing (a row's cells run into wrapped lines, no tab: what Tesseract gives
for a table without ruled cells) and damaged the ways Tesseract damaged them on the
corpus's grey scans:

- every level's Thai digit read as what the model made of it (``¢€``, ``lo``, ``a``,
  ``๕`` for the ``๔`` it has no shape for), so the table's levels confirm no order:
  each level is NULL (``ocr_doubtful_value``) unless the table's weights say the
  order and no level read says another (each level then the generated one), and
  the row keeps its indicator,
  description and the rest (a level was a required field: the rows were dropped,
  every field with them);
- a level read with a speck before it (``\u2018lo``), or ร้อยละ with a mark glued to it
  (``ร้อยละ-๓๐``): the level still starts its row;
- every level's digit lost but the middle one's: the weights falling down the rows
  say the order, and each level is the generated one.

The truth is the generated values.
"""

from __future__ import annotations

import random
import textwrap
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from plan_text import LEVEL_LINE
from read_back import records_of

#: What Tesseract's Thai model read a level's digit as on the corpus's grey scans.
_LEVEL_MISREADS = ("¢€", "lo", "a", "๕", "\u2018lo", "é")


def _plan(seed: int, thai: bool = True) -> Any:
    """The first generated plan from ``seed`` on whose levels are Thai digits (or Arabic)."""
    rng = random.Random(seed)
    while True:
        generated = GENERATORS["plan"](rng)
        if ("๕\tร้อยละ" in generated.text) == thai:
            return generated


def _flowing(text: str, rng: random.Random, damage: Any) -> str:
    """The plan's scoring tables flowing, each level's first line as ``damage`` gives it."""
    out: list[str] = []
    place = 0
    for line in text.split("\n"):
        if line.startswith("ระดับความสำเร็จ\t"):  # a table's header
            out.append(line.replace("\t", " "))
            place = 0
            continue
        m = LEVEL_LINE.match(line)
        if m is None:
            out.append(line)
            continue
        place += 1
        level, rest = damage(m.group("level"), m.group("rest").replace("\t", " "), place)
        out.extend(textwrap.wrap(f"{level} {rest}", rng.choice((70, 90, 110))))
    return "\n".join(out)


def _squashed(text: str | None) -> str | None:
    return None if text is None else "".join(text.split())


@pytest.mark.parametrize("seed", range(4))
def test_levels_ocr_could_not_confirm_are_loaded_without_their_level(seed: int) -> None:
    rng = random.Random(seed)
    generated = _plan(seed)
    text = _flowing(
        generated.text,
        rng,
        lambda level, rest, place: (rng.choice(_LEVEL_MISREADS), f"ร้อยละ {rest}"),
    )
    want = [
        (row["indicator"], _squashed(row["description"]))
        for row in generated.tables["plan_scoring_levels"]
    ]
    assert want, "the generator writes scoring tables"
    rows = records_of(extract, text).get("plan_scoring_levels", [])
    assert [(r.indicator, _squashed(r.description)) for r in rows] == want
    # no level read is sure (no word confidences, no run of five in order): none is loaded,
    # but where no level read says another order than the table's weights: those say it
    levels = [row["level"] for row in generated.tables["plan_scoring_levels"]]
    assert all(r.level in (None, level) for r, level in zip(rows, levels, strict=True))


#: A level's first words damaged: a speck before its digit, or a mark glued to ร้อยละ.
_STARTS = (
    lambda level, rest: (f"\u2018{level}", f"ร้อยละ {rest}"),
    lambda level, rest: (level, f"ร้อยละ-{rest}"),
    lambda level, rest: (level, f"ร้อยละ.{rest}"),
)


@pytest.mark.parametrize("seed", range(6))
def test_level_with_a_speck_or_a_glued_mark_still_starts_its_row(seed: int) -> None:
    rng = random.Random(seed)
    generated = _plan(seed, thai=bool(seed % 2))
    damaged = {rng.randint(1, 5) for _ in range(2)}
    starts = rng.choice(_STARTS)
    text = _flowing(
        generated.text,
        rng,
        lambda level, rest, place: (
            starts(level, rest) if place in damaged else (level, f"ร้อยละ {rest}")
        ),
    )
    want = [
        (row["indicator"], _squashed(row["description"]), row["score"])
        for row in generated.tables["plan_scoring_levels"]
    ]
    got = [
        (r.indicator, _squashed(r.description), _plain(r.score))
        for r in records_of(extract, text, screened=False).get("plan_scoring_levels", [])
    ]
    assert got == want


def _plain(score: Any) -> str | None:
    return None if score is None else format(score.normalize(), "f")


#: The table header's first syllable as OCR read it: Latin letters, or lost.
_HEADER_STARTS = ("Je ดับ", "ดับ", "5ะ ดับ")


@pytest.mark.parametrize("seed", range(3))
def test_table_whose_header_lost_its_first_syllable_is_read(seed: int) -> None:
    generated = _plan(seed, thai=bool(seed % 2))
    text = "\n".join(
        _HEADER_STARTS[seed] + line.removeprefix("ระดับ")
        if line.startswith("ระดับความสำเร็จ เกณฑ์")  # a table's header, flowing
        else line
        for line in _flowing(
            generated.text, random.Random(seed), lambda level, rest, place: (level, f"ร้อยละ {rest}")
        ).split("\n")
    )
    want = [
        (row["indicator"], row["level"], _squashed(row["description"]))
        for row in generated.tables["plan_scoring_levels"]
    ]
    got = [
        (r.indicator, r.level, _squashed(r.description))
        for r in records_of(extract, text, screened=False).get("plan_scoring_levels", [])
    ]
    assert got == want


@pytest.mark.parametrize("seed", range(6))
def test_score_ocr_read_with_digits_lost_is_not_read(seed: int) -> None:
    """A level's score OCR read with its first digits lost (``๕`` for ``๑๗.๕``): its weight
    and the other levels' scores say the full score, and this one is out of proportion:
    NULL, never the wrong number; every other score is read."""
    rng = random.Random(seed)
    generated = _plan(seed, thai=bool(seed % 2))
    damaged = rng.randint(2, 5)
    lost = 0

    def damage(level: str, rest: str, place: int) -> tuple[str, str]:
        nonlocal lost
        words, score = rest.rsplit(" ", 1)
        if place == damaged and len(score) > 1:
            lost += 1
            return level, f"ร้อยละ {words} {score[-1]}"
        return level, f"ร้อยละ {rest}"

    text = _flowing(generated.text, rng, damage)
    assert lost, "the test cuts a score"
    levels = generated.tables["plan_scoring_levels"]
    got = records_of(extract, text, screened=False).get("plan_scoring_levels", [])
    assert len(got) == len(levels)
    places = [k % 5 + 1 for k in range(len(levels))]  # five levels a table, in order
    assert [_plain(r.score) for r in got] == [
        None if place == damaged and len(str(w["score"])) > 1 else w["score"]
        for place, w in zip(places, levels, strict=True)]


@pytest.mark.parametrize("seed", range(6))
def test_levels_ocr_lost_but_the_middle_are_given_by_the_weights(seed: int) -> None:
    """Tesseract read a table's level column as a block of its own (its digits set after
    the table, or lost): each level's row opens with ร้อยละ, only the middle level's digit
    read, which says no order. The weights falling (or rising) down the rows say it: each
    level is the generated one."""
    rng = random.Random(seed)
    generated = _plan(seed, thai=bool(seed % 2))
    text = _flowing(
        generated.text,
        rng,
        lambda level, rest, place: ("" if place != 3 else level, f"ร้อยละ {rest}"),
    )
    want = [(row["indicator"], row["level"]) for row in generated.tables["plan_scoring_levels"]]
    got = [
        (r.indicator, r.level)
        for r in records_of(extract, text, screened=False).get("plan_scoring_levels", [])
    ]
    assert got == want

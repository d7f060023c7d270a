"""Steps whose number and cells OCR both misread, on generated plans.

Plans are generated from known values (``bench/corpus``); their step tables are
printed flowing (a row's cells run into wrapped lines, no tab: what Tesseract
gives for a table without ruled cells) and damaged the ways Tesseract damaged
them on the corpus's 150 and 200 dpi scans, right after a whole step (its
percentage and cumulative read and adding up), with or without a blank line
between:

- the step's number read without its point, as another digit (``๕ ดำเนินการ...``
  for step ๔) or as its own, or lost with its cell (Thai words from the line's
  start), and its two number cells read as Latin letters and signs
  (``NNT bo ~~ lo``, ``mo do``): no cell confirms the row, only its place after a
  whole step and its words ending with cells;
- the step's point read as a colon (``๓: เผยแพร่...``).

The truth is the generated values: every step is read with its project and
description, none is added, and a step number is read right or NULL (a number
out of order is not taken).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from read_back import assert_damaged_steps_read, records_of

_STEP_CELLS = re.compile(r"^(?P<no>[๑-๙1-9])\.\s(?P<words>[^\t]+)\t(?P<pct>[๐-๙0-9.]+)\t"
                         r"(?P<cum>[๐-๙0-9.]+)(?P<marks>.*)$")
#: What OCR read a step's two number cells as on the corpus's scans.
_LATIN_CELLS = ("NNT bo ~~ lo", "mo do", "lo on", "wo oo")
_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _other(no: str, rng: random.Random) -> str:
    """Another digit in the same script as ``no`` (what OCR misread it as)."""
    digits = "๑๒๓๔๕๖๗๘๙" if no in "๑๒๓๔๕๖๗๘๙" else "123456789"
    return rng.choice([d for d in digits if d != no])


def _read(seed: int, damage: Callable[[re.Match[str], random.Random], str | None],
          screened: bool = True) -> tuple[list[dict[str, str]], list[object], int]:
    """A generated plan whose steps after the first of their table ``damage`` rewrote
    (None: left), half of them after a blank line; its truth, steps read, rows damaged.
    ``screened``: as :func:`read_back.records_of` (no word confidences: every number
    read is doubtful, NULL)."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    out: list[str] = []
    damaged = 0
    before = False  # the line before is a whole step row
    for line in generated.text.split("\n"):
        m = _STEP_CELLS.match(line)
        if m is not None and before and m.group("no") not in "๑1" and rng.random() < 0.5:
            new = damage(m, rng)
            if new is not None:
                if rng.random() < 0.5:
                    out.append("")
                line = new
                damaged += 1
                before = False
        else:
            before = m is not None
        out.append(" ".join(line.split("\t")).rstrip() if "\t" in line else line)
    got = records_of(extract, "\n".join(out), screened=screened).get("plan_steps", [])
    return generated.tables["plan_steps"], got, damaged


def _assert_steps(want: list[dict[str, str]], got: list[object], damaged: int) -> None:
    assert_damaged_steps_read(want, got, damaged, ("project_name", "description"),
                              ("step_no",))


@pytest.mark.parametrize("seed", range(8))
def test_step_whose_number_and_cells_ocr_misread_is_a_step(seed: int) -> None:
    """``๕ ดำเนินการ... NNT bo ~~ lo`` after a whole step ๓: step ๔, its number NULL."""
    def damage(m: re.Match[str], rng: random.Random) -> str:
        kind = rng.randrange(3)
        no = m.group("no")
        head = (f"{_other(no, rng)} " if kind == 0 else f"{no} " if kind == 1 else "")
        return f"{head}{m.group('words')} {rng.choice(_LATIN_CELLS)}"

    _assert_steps(*_read(seed, damage))


@pytest.mark.parametrize("seed", range(8))
def test_step_whose_point_ocr_read_as_a_colon_is_a_step(seed: int) -> None:
    """``๓: เผยแพร่ผล... ๕๐ ๑๐๐``: the step is its own row, not the rest of the one above."""
    def damage(m: re.Match[str], rng: random.Random) -> str:
        return f"{m.group('no')}: {m.group('words')}\t{m.group('pct')}\t{m.group('cum')}"

    _assert_steps(*_read(seed, damage))


def test_arabic_digits_are_misread_as_arabic_digits() -> None:
    """The damage keeps a number's script (the scan's model reads a Thai digit as one)."""
    assert _other("๔", random.Random(0)) in "๑๒๓๕๖๗๘๙"
    assert _other("4", random.Random(0)).translate(_THAI) in "๑๒๓๕๖๗๘๙"


@pytest.mark.parametrize("seed", range(6))
def test_step_cells_alone_with_a_speck_between_are_no_step(seed: int) -> None:
    """``๓. จัดทำรายงาน...`` / (blank) / ``๓๐ . ๑๐๐``: a wrap set the step's two cells on a
    line of their own, OCR read a speck after the first; that line is the step's cells,
    no step numbered ๓๐ with the words ``๑๐๐``."""
    def damage(m: re.Match[str], rng: random.Random) -> str:
        return f"{m.group('no')}. {m.group('words')}\n\n{m.group('pct')} . {m.group('cum')}"

    want, got, damaged = _read(seed, damage, screened=False)
    _assert_steps(want, got, damaged)
    cells = [(str(w["step_pct"]), str(w["cumulative_pct"])) for w in want]
    assert [(str(g.step_pct), str(g.cumulative_pct)) for g in got] == cells

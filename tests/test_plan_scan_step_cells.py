"""Steps whose cumulative OCR misread, on generated plans.

Plans are generated from known values (``bench/corpus``); their step tables are
printed flowing (no tab, as :mod:`test_plan_scan_step_numbers` prints them) and a
step after a whole step is damaged the way Tesseract damaged such rows on the
corpus's 200 and 300 dpi 1-bit scans: its cumulative read with a sign among its
digits (``๔๐`` as ``๔ๆ๐``, ``๒๐`` as ``ฆ่๐``), its percentage after the words or run
into their last word (``…ราชการ30 6ๆ40``: the wrap left no space).

The truth is the generated values: the step's words stop before its cells, its
percentage is read (the steps around it confirm it: the cumulative before it plus
it is what the next step's cells leave before that step, or 100 at the table's
end), and its cumulative, misread, is NULL, never another number.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from read_back import assert_damaged_steps_read, records_of

#: A generated step row: number, words, percentage, cumulative (tab cells).
_STEP_CELLS = re.compile(r"^(?P<no>[๑-๙1-9])\.\s(?P<words>[^\t]+)\t(?P<pct>[๐-๙0-9.]+)\t"
                         r"(?P<cum>[๐-๙0-9.]+)(?P<marks>.*)$")


def _read(seed: int, damage: Callable[[re.Match[str], random.Random], str | None]
          ) -> tuple[list[dict[str, str]], list[object], int]:
    """A generated plan, printed flowing, whose steps right after a whole step ``damage``
    rewrote (None: left) half the time; its truth, the steps read, the rows damaged."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    out: list[str] = []
    damaged = 0
    before = False  # the line before is a whole step row
    for line in generated.text.split("\n"):
        m = _STEP_CELLS.match(line)
        new = damage(m, rng) if m is not None and before and rng.random() < 0.5 else None
        before = m is not None and new is None
        damaged += new is not None
        line = line if new is None else new
        out.append(" ".join(line.split("\t")).rstrip() if "\t" in line else line)
    got = records_of(extract, "\n".join(out), screened=False).get("plan_steps", [])
    return generated.tables["plan_steps"], got, damaged


def _misread(cum: str, rng: random.Random) -> str:
    """``cum`` as OCR read it: a repetition mark after its first digit, or its first
    digit read as a letter with a mark (when another digit is left)."""
    if len(cum) > 1 and rng.random() < 0.5:
        return f"ฆ่{cum[1:]}"
    return f"{cum[0]}ๆ{cum[1:]}"


def _assert_cells(want: list[dict[str, str]], got: list[object], damaged: int) -> None:
    assert_damaged_steps_read(want, got, damaged, ("project_name", "description", "step_pct"),
                              ("cumulative_pct",))


@pytest.mark.parametrize("seed", range(8))
def test_step_whose_cumulative_ocr_misread_keeps_its_percentage(seed: int) -> None:
    """``๓. เผยแพร่ผล... ๑๐ ๕ๆ๐`` after a whole step: words, ๑๐, cumulative NULL."""
    def damage(m: re.Match[str], rng: random.Random) -> str:
        return f"{m.group('no')}. {m.group('words')} {m.group('pct')} " \
               f"{_misread(m.group('cum'), rng)}"

    _assert_cells(*_read(seed, damage))


@pytest.mark.parametrize("seed", range(8))
def test_percentage_run_into_the_words_is_no_word(seed: int) -> None:
    """``…แผนปฏิบัติราชการ๓๐ ฆ่๐``: the digits after the last Thai word are the percentage."""
    def damage(m: re.Match[str], rng: random.Random) -> str | None:
        if not re.search("[ก-๎]$", m.group("words")):
            return None
        return f"{m.group('no')}. {m.group('words')}{m.group('pct')} " \
               f"{_misread(m.group('cum'), rng)}"

    _assert_cells(*_read(seed, damage))

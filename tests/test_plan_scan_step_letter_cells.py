"""Steps whose number cells OCR read as Thai letters after the cells' gap, on generated plans.

Plans are generated from known values (``bench/corpus``); their step tables are
printed flowing (no tab between a step's words) and a step after a whole step is
damaged the way Tesseract damaged such rows on the corpus's 150 dpi scans: the
page wrapped the step's percentage after its first digit, and the line after holds
the percentage's rest, the cells' gap (a tab) and the cumulative read as one or two
Thai letters (``…ในพื้นที่ ๓`` / ``๐<tab>สง``), or the percentage's second digit read as
a lone letter and the cumulative as Latin ones (``…มหานคร ๒`` / ``ว<tab>MO``).

The truth is the generated values: the step's words stop before its cells (no
digit or letter of them in its description), and a cell is read right or is NULL,
never another number.
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
_STEP_CELLS = re.compile(r"^(?P<no>[๑-๙1-9])\.\s(?P<words>[^\t]+)\t(?P<pct>[๐-๙0-9]{2})\t"
                         r"(?P<cum>[๐-๙0-9.]+)(?P<marks>.*)$")


def _read(seed: int, damage: Callable[[re.Match[str]], str]
          ) -> tuple[list[dict[str, str]], list[object], int]:
    """A generated plan, printed flowing, half its steps after a whole step ``damage``
    rewrote; its truth, the steps read, the rows damaged."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    out: list[str] = []
    damaged = 0
    before = False  # the line before is a whole step row
    for line in generated.text.split("\n"):
        m = _STEP_CELLS.match(line)
        if m is not None and before and rng.random() < 0.5:
            out.append(damage(m))
            damaged += 1
            before = False
            continue
        before = m is not None
        out.append(" ".join(line.split("\t")).rstrip() if "\t" in line else line)
    got = records_of(extract, "\n".join(out), screened=False).get("plan_steps", [])
    return generated.tables["plan_steps"], got, damaged


def _assert_cells(want: list[dict[str, str]], got: list[object], damaged: int) -> None:
    assert_damaged_steps_read(want, got, damaged, ("project_name", "step_no", "description"),
                              ("step_pct", "cumulative_pct"))


@pytest.mark.parametrize("seed", range(6))
def test_cumulative_read_as_letters_after_the_gap_is_no_word(seed: int) -> None:
    """``๓. …ในพื้นที่ ๓`` / ``๐<tab>สง``: the words end before ``๓``."""
    def damage(m: re.Match[str]) -> str:
        pct = m.group("pct")
        return f"{m.group('no')}. {m.group('words')} {pct[0]}\n{pct[1]}\tสง"

    _assert_cells(*_read(seed, damage))


@pytest.mark.parametrize("seed", range(6))
def test_a_digit_read_as_a_lone_letter_before_the_gap_is_no_word(seed: int) -> None:
    """``๒. …มหานคร ๒`` / ``ว<tab>MO``: the words end before ``๒``."""
    def damage(m: re.Match[str]) -> str:
        return f"{m.group('no')}. {m.group('words')} {m.group('pct')[0]}\nว\tMO"

    _assert_cells(*_read(seed, damage))

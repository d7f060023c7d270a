"""Progress-history page numbered up from (1), newest first, read by OCR.

Some pages number their entries (1) newest … (n) oldest, the other way round from the
countdown the system prints. The page is generated from known entries
(:data:`corpus.build.GENERATORS` ``web_history``), renumbered so; every number read
right is kept, never derived to another (which also made a false
``duplicate_seq_label``), and a
number OCR misread between two read right is put right counting up.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.web_progress_history import extract

from corpus.build import GENERATORS
from read_back import records_of

_HEADING = re.compile(r"^\((\d+)\)(?= ความคืบหน้าโครงการฯ)", re.M)


def _counted_up(seed: int) -> tuple[str, int]:
    """A generated page of three entries or more, its numbers counting up; how many."""
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    while len(generated.tables["progress_updates"]) < 3:
        generated = GENERATORS["web_history"](rng)
    numbers = iter(range(1, 100))
    text = _HEADING.sub(lambda m: f"({next(numbers)})", generated.text)
    return text, len(_HEADING.findall(text))


def _read(text: str) -> list[object]:
    return [r.seq_label for r in records_of(extract, text, screened=False)["progress_updates"]]


@pytest.mark.parametrize("seed", range(6))
def test_numbers_read_right_counting_up_are_kept(seed: int) -> None:
    text, n = _counted_up(seed)
    assert _read(text) == list(range(1, n + 1))  # seed 2: three entries, (3) not made (1)


@pytest.mark.parametrize("seed", range(6))
def test_a_number_misread_counting_up_is_put_right(seed: int) -> None:
    text, n = _counted_up(seed)
    k = random.Random(seed).randrange(1, n)  # not the first: nothing above it
    heads = list(_HEADING.finditer(text))
    m = heads[k]
    text = text[:m.start(1)] + "8" + text[m.end(1):] if k + 1 != 8 else \
        text[:m.start(1)] + "9" + text[m.end(1):]
    assert _read(text) == list(range(1, n + 1))

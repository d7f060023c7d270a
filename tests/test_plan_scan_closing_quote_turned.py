"""A scoring table's quoted indicator whose closing ``”`` OCR read as an opening ``“``.

Plans are generated from known values (``bench/corpus``); each ``เกณฑ์การให้คะแนน
“…”`` heading over a scoring table is written as Tesseract read it on the corpus's
scans (LibreOffice prints, 1-bit at 200 dpi): the closing mark turned into an opening
one (``…ของหน่วยงาน“``), the quote on the heading's line or wrapped onto the next, and
with the opening mark lost as well (``เกณฑ์การให้คะแนน ระดับ…ความเป็นมือ`` /
``อาชีพ“``). The mark went into every level's indicator, or the words after the wrap
were lost.

The truth is the generated values: every level keeps its indicator.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from read_back import records_of

_HEADING = re.compile(r"^เกณฑ์การให้คะแนน “(?P<name>.+)”$")


def _turned(name: str, how: str, rng: random.Random) -> list[str]:
    """The heading over ``name`` as OCR read it: ``how`` is ``line`` (one line),
    ``wrapped`` (the quote over two lines) or ``unopened`` (wrapped, its ``“`` lost)."""
    if how == "line":
        return [f"เกณฑ์การให้คะแนน “{name}“"]
    cut = rng.randrange(len(name) // 2, len(name) - 3)
    while name[cut] in "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e":  # a mark stays with its letter
        cut += 1
    opening = "“" if how == "wrapped" else ""
    return [f"เกณฑ์การให้คะแนน {opening}{name[:cut]}", f"{name[cut:]}“"]


@pytest.mark.parametrize("how", ["line", "wrapped", "unopened"])
@pytest.mark.parametrize("seed", range(4))
def test_closing_quote_read_as_opening_one_ends_the_indicator(seed: int, how: str) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    lines: list[str] = []
    for line in generated.text.split("\n"):
        m = _HEADING.match(line)
        lines += [line] if m is None else _turned(m["name"], how, rng)
    got = records_of(extract, "\n".join(lines), screened=False).get("plan_scoring_levels", [])
    want = [w["indicator"] for w in generated.tables["plan_scoring_levels"]]
    assert want and [r.indicator for r in got] == want

"""Scoring-table headings whose words and opening quote OCR misread, on generated plans.

Plans are generated from known values (``bench/corpus``); their scoring tables are
printed flowing (as :mod:`test_plan_scan_levels` prints them) and each table's
heading is damaged the way Tesseract damaged it on the corpus's 200 dpi grey scans:
a speck read as a vowel inside the heading words (``เกณฑ์ โการให้คะแนน``) and the
``“`` read as a sign (``*``) or lost, the ``”`` kept at the line's end; and on a 200
dpi 1-bit scan a speck and a gap inside ``เกณฑ์`` (``เกณา" ฑ์``), the ``“`` read ``" '``.

The truth is the generated values: every level keeps the indicator its heading
quotes.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.annual_action_plan import extract
from test_plan_scan_levels import _flowing, _plan, _squashed

from read_back import records_of

_HEADING = re.compile(r"^เกณฑ์การให้คะแนน “(?P<name>[^”]+)”$")
#: What OCR read the heading words and the ``“`` as on the corpus's scans.
_MISREADS = ("เกณฑ์ โการให้คะแนน * ", "เกณฑ์ โการให้คะแนน ", "เกณฑ์การ ใ้ห้คะแนน : ")
#: And on a 200 dpi 1-bit scan (seed 561): a speck read inside ``เกณฑ์`` with a gap,
#: the ``“`` read as two signs.
_SPECK_MISREADS = ("เกณา\" ฑ์การให้คะแนน \" '",)


@pytest.mark.parametrize(("seed", "misreads"), [(s, m) for s in range(3)
                                                for m in (_MISREADS, _SPECK_MISREADS)])
def test_heading_misread_with_its_opening_quote_still_names_the_indicator(
        seed: int, misreads: tuple[str, ...]) -> None:
    generated = _plan(seed, thai=bool(seed % 2))
    lines = _flowing(generated.text, random.Random(seed),
                     lambda level, rest, place: (level, f"ร้อยละ {rest}")).split("\n")
    damaged = 0
    for k, line in enumerate(lines):
        if (m := _HEADING.match(line)) is not None:
            lines[k] = f"{misreads[damaged % len(misreads)]}{m.group('name')}”"
            damaged += 1
    assert damaged
    want = [(row["indicator"], row["level"], _squashed(row["description"]))
            for row in generated.tables["plan_scoring_levels"]]
    got = [(r.indicator, r.level, _squashed(r.description)) for r in records_of(
        extract, "\n".join(lines), screened=False).get("plan_scoring_levels", [])]
    assert got == want

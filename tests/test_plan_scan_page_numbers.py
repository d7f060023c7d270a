"""A page number OCR misread as a digit among letters inside a table, on generated plans.

Plans are generated from known values (``bench/corpus``); their budget and scoring
tables are printed flowing (a row's cells run into lines, no tab: what Tesseract
gives for a table without ruled cells) and a page turns after one of their rows.
The page's number under it (``- 1 -``), small and centred at the page's foot, OCR
read as a digit among Thai or Latin letters (``ซี๊๓``, ``ay ๑``, ``เว6``: 150 dpi
grey scans): no page number, no speck of letters alone, it ended the table (and
a budget summary's later tables with it). The truth is the generated rows: every
row is read, none added.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts.annual_action_plan import extract
from test_plan_scan_levels import _flowing, _plan
from test_plan_scan_rows import projects_after_a_page_foot

from read_back import assert_rows_read, records_of

#: What OCR read a page's number (``- 1 -``) at the page's foot as.
_PAGE_NUMBERS = ("ซี๊๓", "ay ๑", "เว6", "ล๓")
_RUNNING_HEADER = "เอกสารประกอบการประชุม"


@pytest.mark.parametrize("seed", range(8))
def test_page_number_read_as_letters_and_a_digit_does_not_end_the_summary(seed: int) -> None:
    """``ซี๊๓`` alone under a blank line at a page's foot: the rows after the turn, and the
    tables after that one, are read."""
    projects_after_a_page_foot(seed, _PAGE_NUMBERS, _RUNNING_HEADER, after_last=False)


_LEVEL_START = " ร้อยละ "


@pytest.mark.parametrize("seed", range(6))
def test_page_number_read_as_letters_and_a_digit_between_levels_does_not_end_the_table(
        seed: int) -> None:
    """``เว6`` alone under a blank line at the foot of a page that turns between two
    levels of a scoring table: the levels on the next page are the table's."""
    rng = random.Random(seed)
    generated = _plan(seed, thai=bool(seed % 2))
    broken = rng.randint(1, 4)  # the page turns after this level (place in its table)
    lines = _flowing(generated.text, rng, lambda level, rest, place: (level, f"ร้อยละ {rest}"))
    pages: list[list[str]] = [[]]
    place = 0
    for line in lines.split("\n"):
        if line.startswith("ระดับความสำเร็จ เกณฑ์"):
            place = 0
        elif line[1:9] == _LEVEL_START:
            if place == broken:  # the level before ends the page
                pages[-1] += ["", rng.choice(_PAGE_NUMBERS)]
                pages.append([])
            place += 1
        pages[-1].append(line)
    assert len(pages) > 1, "the test turns a page inside a scoring table"
    texts = ["\n".join(page) for page in pages]
    starts = tuple(sum(len(t) + 1 for t in texts[:n]) for n in range(len(texts)))
    got = records_of(extract, "\n".join(texts), starts, screened=False)
    assert_rows_read("plan_scoring_levels", got.get("plan_scoring_levels", []),
                     generated.tables["plan_scoring_levels"],
                     ("indicator", "level", "weight_pct", "score"))

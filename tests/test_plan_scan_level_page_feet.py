"""A scoring level a page broke, its page number OCR read as letters, on generated plans.

Plans are generated from known values (``bench/corpus``); their scoring tables are
printed flowing (:mod:`test_plan_scan_levels`) and one level of each table runs over
a page break after its first line. Under it, after the page's blank margin, stands
what Tesseract made of the page number ``- ๕ -`` on the corpus's 200 dpi grey scans:
two short tokens of letters (``ny. รน``, ``สรซี ซ่``, ``ซิ น``), no page number the
furniture reader knows. The level goes on on the next page, and the levels after it
are the table's: every level is read as generated. The truth is the generated values.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts.annual_action_plan import extract
from test_plan_scan_levels import _flowing, _plan

from read_back import assert_rows_read, records_of

#: What Tesseract read a page number at a page's foot as.
_FEET = ("ny. รน", "สรซี ซ่", "ซิ น")
_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


@pytest.mark.parametrize("seed", range(6))
def test_level_a_page_broke_over_a_misread_page_number_goes_on(seed: int) -> None:
    rng = random.Random(seed)
    generated = _plan(seed, thai=bool(seed % 2))
    broken = rng.randint(1, 4)  # the level (place in its table) the page breaks in

    def damage(level: str, rest: str, place: int) -> tuple[str, str]:
        return level, f"ร้อยละ {rest}"

    lines = _flowing(generated.text, rng, damage).split("\n")
    pages: list[list[str]] = [[]]
    place = 0
    for k, line in enumerate(lines):
        if line.startswith("ระดับความสำเร็จ เกณฑ์"):
            place = 0
        elif line[:1] in "12345๑๒๓๔๕" and line[1:9] == " ร้อยละ ":
            place += 1
        pages[-1].append(line)
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        # after the level's first line, when that line does not end in a number (which
        # would read as the level's score: a level the page broke there is another trap)
        if place == broken and line[1:9] == " ร้อยละ " and nxt and nxt[1:9] != " ร้อยละ " \
                and not line.rstrip()[-1:].translate(_ARABIC).isdigit():
            pages[-1] += ["", rng.choice(_FEET)]  # the page's foot
            pages.append([])
    assert len(pages) > 1, "the test breaks a page inside a level"
    texts = ["\n".join(page) for page in pages]
    starts = tuple(sum(len(t) + 1 for t in texts[:n]) for n in range(len(texts)))
    got = records_of(extract, "\n".join(texts), starts, screened=False)
    assert_rows_read("plan_scoring_levels", got.get("plan_scoring_levels", []),
                     generated.tables["plan_scoring_levels"],
                     ("indicator", "level", "weight_pct", "score"))

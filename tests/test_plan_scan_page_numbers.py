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
import re

import pytest

from bma_etl.furniture import furniture_lines
from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.normalize.trust import screen
from bma_etl.validate import build_records
from test_plan_scan_levels import _flowing, _plan

from conftest import assert_rows_read, records_of
from corpus.build import GENERATORS

_PROJECT_ROW = re.compile(r"^(?P<no>[๑-๙0-9]{1,2})\t(?P<rest>โครงการ.*)$")
#: What OCR read a page's number (``- 1 -``) at the page's foot as.
_PAGE_NUMBERS = ("ซี๊๓", "ay ๑", "เว6", "ล๓")
_RUNNING_HEADER = "เอกสารประกอบการประชุม"


def _paged(lines: list[str], turn: int) -> tuple[str, tuple[int, ...]]:
    """``lines`` as pages under a running header, a page turning after line ``turn``."""
    pages: list[list[str]] = [[]]
    for k, line in enumerate(lines):
        pages[-1].append(line)
        if k == turn or (len(pages[-1]) > 40 and not line.strip()):
            pages.append([])
    texts = ["\n".join([_RUNNING_HEADER, *page]) for page in pages if page]
    starts = tuple(sum(len(p) + 1 for p in texts[:k]) for k in range(len(texts)))
    return "\n".join(texts), starts


@pytest.mark.parametrize("seed", range(8))
def test_page_number_read_as_letters_and_a_digit_does_not_end_the_summary(seed: int) -> None:
    """``ซี๊๓`` alone under a blank line at a page's foot: the rows after the turn, and the
    tables after that one, are read."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = [r for r in generated.tables["plan_projects"] if r["section"] != "routine"]
    rows = sum(bool(_PROJECT_ROW.match(line)) for line in generated.text.split("\n"))
    after = rng.randrange(rows - 1)  # the page turns after this row, not after the last
    lines: list[str] = []
    turn = -1
    table = False
    for line in generated.text.split("\n"):
        table = line.startswith("ลำดับ ที่\tชื่อโครงการ") or (table and bool(line.strip()))
        m = _PROJECT_ROW.match(line)
        if m is None:  # the table flowing, as OCR gives it (no tab)
            lines.append(" ".join(line.split()) if table else line)
            continue
        lines.append(f"{m.group('no')} {m.group('rest').replace(chr(9), ' ')}")
        if after == 0:
            lines.extend(["", rng.choice(_PAGE_NUMBERS)])
            turn = len(lines) - 1
        after -= 1
    text, starts = _paged(lines, turn)
    doc = RepairedText.of(text, starts, ocr_used=True, furniture=furniture_lines(text, starts))
    assert doc.furniture, "the running header is furniture"
    normalized = normalize(extract(doc), doc.text, doc.words, None)
    screen(normalized, doc.text)
    got = [r for r in build_records(normalized, "0" * 64).get("plan_projects", [])
           if r.section != "routine"]
    assert_rows_read("plan_projects", got, want, ("section", "name", "responsible_unit"))


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

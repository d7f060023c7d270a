"""A ruled table's row that a browser moved whole to the next page, its cells Thai text.

Chromium prints a plan's indicator table (``ตัวชี้วัด`` | ``2567`` | ``2568`` | ``2569``,
its number column empty) as a ruled table; a row that does not fit at a page's foot
goes whole to the next page, closed by rules of its own. The row above it fills
each of its cells down to its bottom rule (a long name, targets wrapped over as many
lines), as the top part of a row the page cut does: whether the next page's first
row goes on it is told by the room each cell's last line left for that row's first
word. A Thai cell's first word is the first word a line breaker could move
(``ไม่`` of ``ไม่ต่ำกว่าร้อยละ 70``), not its text up to a space: taken whole, it seemed
too wide for the room, the next indicator was joined into the one above, and the
plan lost that indicator's three target rows (:mod:`bma_etl.read.pdf_break_words`).

Plans generated from known values (bench/corpus), printed by Chromium as the corpus
builder prints its fourth plan of seed 1573 (Norasi), and plans whose indicator tables
have a page break before each of their rows but the first; the truth is the plans'
indicators as generated.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

import pytest

from corpus import render
from corpus.build import GENERATORS, _rng
from corpus.doc import GeneratedDoc
from read_back import assert_read_as_generated
from thai_fonts import font_file

FONT = "Norasi"
TABLES = ["plan_indicators"]
#: An indicator row after another one: its number cell empty, its name Thai letters.
_NEXT_ROW = re.compile(r"<tr>(?=<td></td><td>[-\u0e01-\u0e2e])")


def _chromium() -> None:
    if not render.have("chromium"):
        pytest.fail("needs Chromium: make venv installs it")


#: An indicator table's header row of years (``2567`` | ``2568`` | ``2569``).
_YEARS = re.compile("<td>(?:25|\u0e52\u0e55)[0-9\u0e50-\u0e59]{2}</td></tr>")


def _broken(doc: GeneratedDoc) -> GeneratedDoc | None:
    """``doc`` as a ruled page with a page break before each indicator row but a table's
    first; None when it has no indicator table of two rows."""
    html = render.ruled_table_page(doc)
    out, count = [], 0
    for part in re.split(r"(?=<table)", html):
        head = _YEARS.search(part)  # the years header row, then the rows
        if part.startswith("<table") and head is not None:
            first = part.find("</tr>", head.end()) + len("</tr>")
            rest, n = _NEXT_ROW.subn('<tr style="break-before: page">', part[first:])
            part, count = part[:first] + rest, count + n
        out.append(part)
    return replace(doc, html="".join(out)) if count else None


def _plans(n: int) -> list[tuple[GeneratedDoc, GeneratedDoc]]:
    """``n`` generated plans and their pages broken before indicator rows."""
    docs = (GENERATORS["plan"](random.Random(f"row-moved-{k}")) for k in range(200))
    pairs = [(doc, broken) for doc in docs if (broken := _broken(doc)) is not None]
    assert len(pairs) >= n, "too few plans with an indicator table of two rows"
    return pairs[:n]


def test_the_corpus_plan_reads_its_first_indicator_and_the_next_apart(tmp_path: Path) -> None:
    _chromium()
    doc = GENERATORS["plan"](_rng(1573, "plan", 3))
    pdf = tmp_path / "plan.pdf"
    render.render_chromium(doc, pdf, FONT, font_file(FONT), _rng(1573, "plan", 3, "chromium"))
    assert_read_as_generated(pdf, doc.truth, TABLES)


@pytest.mark.parametrize("k", range(3))
def test_an_indicator_row_moved_to_the_next_page_is_no_rest_of_the_one_above(
        tmp_path: Path, k: int) -> None:
    _chromium()
    doc, broken = _plans(3)[k]
    pdf = tmp_path / "plan.pdf"
    render.render_chromium(broken, pdf, FONT, font_file(FONT), random.Random(k),
                           paper="A4", header_footer=False, pt=14)
    assert_read_as_generated(pdf, doc.truth, TABLES)

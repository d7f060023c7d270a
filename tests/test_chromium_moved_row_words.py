"""A row Chromium moved whole to the next page, told by ICU's dictionary words.

Chromium breaks a Thai cell's lines at ICU's dictionary words, finer than a
compound (``ไม่ต่ำกว่าร้อย`` / ``ละ ๗๐``), and moves a ruled table's row that does
not fit at a page's foot whole to the next page, closed by rules of its own. The
row above it then fills each of its cells down to its bottom rule as the top part
of a cut row does, and whether the next row goes on it is told by the room each
cell's last line left for the next row's first word. Allowing that word three times
its width for a compound the breaker might keep (LibreOffice does) made
``ระดับ`` of ``ระดับความสำเร็จ…`` (22 pt) too wide for the 27 pt a name's last
line left: the next indicator was joined into the one above (targets
``ไม่ต่ำกว่าร้อยละ ๗๐ อย่างน้อย ๒๑ แห่งต่อปี``) and its target rows were lost
(:func:`bma_etl.read.pdf_break_words.word_wider`, ``icu``).

Plans generated from known values (bench/corpus), printed by Chromium in Loma as
the corpus builder prints plan 10 of seed 1862, and with a page break before each
indicator row but a table's first; the truth is the plans' indicators as generated.
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

FONT = "Loma"
TABLES = ["plan_indicators"]
#: An indicator row after another one: its number cell empty, its name Thai letters.
_NEXT_ROW = re.compile(r"<tr>(?=<td></td><td>[-\u0e01-\u0e2e])")
#: An indicator table's header row of years (``2567`` | ``2568`` | ``2569``).
_YEARS = re.compile("<td>(?:25|\u0e52\u0e55)[0-9\u0e50-\u0e59]{2}</td></tr>")


def _chromium() -> None:
    if not render.have("chromium"):
        pytest.fail("needs Chromium: make venv installs it")


def _broken(doc: GeneratedDoc) -> GeneratedDoc | None:
    """``doc`` as a ruled page with a page break before each indicator row but a table's
    first; None when it has no indicator table of two rows."""
    html = render.ruled_table_page(doc)
    out, count = [], 0
    for part in re.split(r"(?=<table)", html):
        head = _YEARS.search(part)
        if part.startswith("<table") and head is not None:
            first = part.find("</tr>", head.end()) + len("</tr>")
            rest, n = _NEXT_ROW.subn('<tr style="break-before: page">', part[first:])
            part, count = part[:first] + rest, count + n
        out.append(part)
    return replace(doc, html="".join(out)) if count else None


def test_the_corpus_plan_reads_its_indicators_apart(tmp_path: Path) -> None:
    _chromium()
    doc = GENERATORS["plan"](_rng(1862, "plan", 10))
    pdf = tmp_path / "plan.pdf"
    render.render_chromium(doc, pdf, FONT, font_file(FONT), _rng(1862, "plan", 10, "chromium"))
    assert_read_as_generated(pdf, doc.truth, TABLES)


@pytest.mark.parametrize("k", range(4))
@pytest.mark.parametrize("pt", [12, 16])
def test_a_moved_indicator_row_in_loma_is_its_own_row(tmp_path: Path, k: int, pt: int) -> None:
    _chromium()
    docs = (GENERATORS["plan"](random.Random(f"moved-icu-{n}")) for n in range(200))
    pairs = [(doc, broken) for doc in docs if (broken := _broken(doc)) is not None][:4]
    doc, broken = pairs[k]
    pdf = tmp_path / "plan.pdf"
    render.render_chromium(broken, pdf, FONT, font_file(FONT), random.Random(k),
                           paper="A4", header_footer=False, pt=pt)
    assert_read_as_generated(pdf, doc.truth, TABLES)

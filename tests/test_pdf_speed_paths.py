"""The reader's faster paths give what their definitions give, on generated values.

Three helpers of the PDF reader were rewritten for speed (the same answers, less
work per page): :func:`bma_etl.read.pdf_tabstops.tab_grid` counts the starts on a
stop for all of a page's lines at once (numpy) rather than one
:func:`~bma_etl.read.pdf_tabstops.on_stop` call each;
:func:`bma_etl.read.pdf_cutcells._widest` finds a line's widest gap in one pass
rather than each gap against every other; and :func:`bma_etl.textnorm.damage_score`
counts clusters only when it found damage. (:func:`bma_etl.read.pdf_extent.page_extents`
tells marks by a table rather than ``numpy.isin``: tests/test_pdf_extents.py.)
Each is checked here against its definition, written out plainly, on lines,
gaps and texts generated from known values (cells set on a stop grid from a
margin, with and without the grid's slack; gap widths with ties; Thai text with
and without damage).
"""

from __future__ import annotations

import random

import pytest

from bma_etl.read.pdf_cutcells import _widest
from bma_etl.read.pdf_line import TextLine
from bma_etl.read.pdf_tabstops import (
    DEFAULT_STOPS,
    MIN_ON_GRID,
    MIN_SHARE,
    ON_GRID,
    on_stop,
    pen_margin,
    tab_grid,
)
from bma_etl.textnorm import damage_score


def _grid_by_definition(pages: list[list[TextLine]]) -> float | None:
    """:func:`tab_grid` as its docstring defines it: one :func:`on_stop` per start."""
    starts: list[tuple[float, float]] = []
    for lines in pages:
        margin = pen_margin(lines)
        if margin is None:
            continue
        starts += [(x, margin) for line in lines if line.table is None
                   for x in (*line.cells[1:], *(b for _, b in line.gaps))]
    best, most = None, 0
    for stop in DEFAULT_STOPS:
        hits = sum(1 for x, margin in starts if on_stop(x, margin, stop))
        if hits >= MIN_ON_GRID and hits >= MIN_SHARE * len(starts) and hits > most:
            best, most = stop, hits
    return best


def _page(rng: random.Random, stop: float, margin: float, lines: int, off: float
          ) -> list[TextLine]:
    """A page whose lines' cells stand on ``stop``'s grid from ``margin``, up to ``off`` off."""
    out = []
    for _ in range(lines):
        k = sorted(rng.sample(range(1, 12), rng.randint(1, 4)))
        cells = (margin, *(margin + n * stop + rng.uniform(-off, off) for n in k))
        gaps = tuple((x - rng.uniform(1.0, 9.0), x) for x in
                     (margin + rng.uniform(10.0, 400.0) for _ in range(rng.randint(0, 3))))
        out.append(TextLine("ก" * len(cells), 700.0, 16.0, cells, gaps=gaps,
                            table=(1,) if rng.random() < 0.1 else None))
    return out


@pytest.mark.parametrize("seed", range(40))
def test_tab_grid_counts_as_on_stop_does(seed: int) -> None:
    rng = random.Random(seed)
    stop = rng.choice([*DEFAULT_STOPS, 30.0])  # 30: on no default grid
    margin = rng.choice([45.35, 56.69, 72.0, 28.35])
    off = rng.choice([0.0, ON_GRID / 2, ON_GRID, 3 * ON_GRID, 10.0])
    pages = [_page(rng, stop, margin, rng.randint(0, 12), off) for _ in range(rng.randint(1, 3))]
    assert tab_grid(pages) == _grid_by_definition(pages)


def test_tab_grid_finds_a_grid_set_exactly() -> None:
    rng = random.Random(7)
    pages = [_page(rng, DEFAULT_STOPS[0], 45.35, 10, 0.0)]
    assert tab_grid(pages) == DEFAULT_STOPS[0]
    assert tab_grid([[]]) is None


def _widest_by_definition(widths: list[float]) -> int | None:
    found = [n for n in range(len(widths)) if len(widths) > 1
             and all(widths[n] > w for i, w in enumerate(widths) if i != n)]
    return found[0] if found else None


@pytest.mark.parametrize("seed", range(60))
def test_widest_gap_as_defined(seed: int) -> None:
    rng = random.Random(seed)
    widths = [round(rng.uniform(0.5, 12.0), rng.choice([0, 1, 2]))
              for _ in range(rng.randint(0, 9))]
    if widths and rng.random() < 0.3:  # the widest matched by another: none is widest
        widths.append(max(widths))
    assert _widest(widths) == _widest_by_definition(widths)


def test_widest_gap_nan_and_ties() -> None:
    assert _widest([3.0, float("nan"), 1.0]) is None
    assert _widest([2.0, 5.0, 5.0]) is None
    assert _widest([2.0, 5.0, 4.99]) == 1
    assert _widest([9.0]) is None


@pytest.mark.parametrize("text", [
    "สำนักงานการต่างประเทศ",
    "ด าเนินไป อ านาจ",  # SARA AM lost in a space
    "\u0e48กรุงเทพ",  # a tone mark with no letter
    "งบประมาณ \ue000 ปี",  # a Private Use Area glyph
    "ແຂວງ ทดสอบ",  # Lao letters in a Thai line
    "",
    "Budget 2023",
])
def test_damage_score_unchanged_by_the_clean_shortcut(text: str) -> None:
    import re

    import bma_etl.textnorm as tn

    damage = (len(tn._PUA.findall(text)) + len(tn._ORPHAN_MARKS.findall(text))
              + len(tn._LONE_NIKHAHIT.findall(text)) + len(tn._AM_LOST_IN_SPACE.findall(text)))
    if tn._LAO.search(text):
        for line in text.splitlines():
            if tn._LAO.search(line) and re.search(f"[{tn.THAI_CONSONANTS}]", line):
                damage += len(tn._LAO_RUN.findall(line))
    clusters = len(tn._CLUSTER_BASE.findall(text)) + len(tn._ORPHAN_MARKS.findall(text))
    want = 0.0 if clusters == 0 else min(1.0, damage / clusters)
    assert damage_score(text) == want

"""Action plans whose project tables have cells merged over rows (Word, spreadsheets, HTML).

A plan is generated from known values (agency, year, projects with their budgets
and units, drawn by seed) and printed by headless Chromium from HTML with
``rowspan`` cells, top- or middle-aligned as Word and a spreadsheet's Merge &
Center set them. The truth is the generated values:

- a responsible-unit cell merged over two or three projects states that unit for
  each of them;
- a budget cell merged over two projects (one amount for both) states neither
  project's own budget: both ``budget_thb`` NULL, each ``uses_budget``, a quality
  issue naming the shared amount, the section's stated total as printed.

The reader's part is checked on its own too: a ruled table drawn box by box, with
one box spanning rows, gives each row one line, the merged cell's text in its first
row and :data:`~bma_etl.read.pdf_rowspans.DITTO` in the others.
"""

from __future__ import annotations

import random
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import pytest

from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_rowspans import DITTO
from bma_etl.read.pdf_tables import Box, rules_of, with_table_rows

from corpus.values import money_str
from plan_prints import key_rows, money, plan, plan_html, print_html


@pytest.mark.parametrize(("seed", "valign", "spanned"),
                         [(1, "top", 2), (2, "middle", 2), (3, "top", 3)])
def test_a_unit_cell_merged_over_rows_is_each_row_s_unit(tmp_path: Path, seed: int, valign: str,
                                                         spanned: int) -> None:
    rng = random.Random(f"merged-unit-{seed}")
    agency, year, strategic, key = plan(rng)
    first = rng.randint(0, len(key) - spanned)
    unit = key[first][2]
    key = [(n, a, unit if first <= k < first + spanned else u) for k, (n, a, u) in enumerate(key)]
    pdf = print_html(tmp_path, plan_html(agency, year, strategic, key, ("unit", first, spanned),
                                         valign, None), seed)
    rows, _ = key_rows(pdf)
    assert [r["responsible_unit"] for r in rows] == [u for _, _, u in key]
    assert [r["budget_thb"] for r in rows] == [a for _, a, _ in key]
    assert [r["name"] for r in rows] == [n for n, _, _ in key]


@pytest.mark.parametrize(("seed", "valign"), [(4, "top"), (5, "middle")])
def test_a_budget_cell_merged_over_two_projects_is_neither_project_s_budget(
        tmp_path: Path, seed: int, valign: str) -> None:
    rng = random.Random(f"merged-budget-{seed}")
    agency, year, strategic, key = plan(rng)
    first = rng.randint(0, len(key) - 3)  # two projects with amounts of their own
    shared = sum((a for _, a, _ in key[first:first + 2] if a is not None), Decimal(0))
    shown = [money(shared) if first <= k < first + 2 else money(a)
             for k, (_, a, _) in enumerate(key)]
    pdf = print_html(tmp_path, plan_html(agency, year, strategic, key, ("budget", first, 2), valign,
                                 shown), seed)
    rows, issues = key_rows(pdf)
    expected = [None if first <= k < first + 2 else a for k, (_, a, _) in enumerate(key)]
    assert [r["budget_thb"] for r in rows] == expected
    assert [r["uses_budget"] for r in rows] == [
        True if first <= k < first + 2 else a is not None for k, (_, a, _) in enumerate(key)]
    assert [r["responsible_unit"] for r in rows] == [u for _, _, u in key]
    assert [r["name"] for r in rows] == [n for n, _, _ in key]
    assert any(money_str(shared) in m and "merged" in m for m in issues), issues


# ---------------------------------------------------------------- the reader on its own

SIZE = 10.0


@pytest.mark.parametrize("seed", range(12))
def test_a_box_over_rows_gives_its_text_to_its_first_row_and_a_ditto_to_the_others(
        seed: int) -> None:
    """A table drawn cell by cell (each box a fraction of a point off), one box spanning rows."""
    rng = random.Random(seed)
    edges = [40.0, 80.0, 300.0, 400.0, 550.0]
    rows, column = rng.randint(3, 5), rng.randint(1, 3)
    first = rng.randint(0, rows - 2)
    spanned = rng.randint(2, rows - first)
    heights = [rng.uniform(18.0, 40.0) for _ in range(rows)]
    tops = [700.0 - sum(heights[:k]) for k in range(rows + 1)]
    boxes: list[Box] = []
    pieces: list[TextLine] = []
    texts = [[f"{k + 1}", f"โครงการที่ {k + 1}", f"{rng.randint(1, 99)},000.- บาท",
              f"กองที่ {k + 1}"] for k in range(rows)]
    where = rng.choice(("top", "middle", "bottom"))
    for k in range(rows):
        for c, (left, right) in enumerate(pairwise(edges)):
            shake = [rng.uniform(-0.4, 0.4) for _ in range(4)]
            if c == column and first < k < first + spanned:
                texts[k][c] = DITTO
                continue
            low = tops[first + spanned] if c == column and k == first else tops[k + 1]
            boxes.append((left + shake[0], low + shake[1], right + shake[2], tops[k] + shake[3]))
            y = tops[k] - SIZE - 2.0
            if c == column and k == first:
                y = {"top": y, "middle": (tops[k] + low) / 2 - SIZE / 2,
                     "bottom": low + 3.0}[where]
            pieces.append(TextLine(texts[k][c], y, SIZE, (left + 3.0,), left + 3.0,
                                   left + 3.0 + 4 * len(texts[k][c])))
    lines = with_table_rows(sorted(pieces, key=lambda p: -(p.baseline or 0.0)), rules_of(boxes))
    assert [line.text.split("\t") for line in lines] == texts

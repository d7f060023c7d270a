"""The grid of ruled tables: rules, table ids and columns (read/pdf_tables.py, pdf_layout.py).

Tables are generated as a PDF producer draws them: every cell its own box (its
sides a fraction of a point off its neighbours'), tables stacked with no gap
between them, a column rule of one table a point beside another's, a browser's
print header and footer in the page's margin. The truth is the cells' texts and
the grids they were drawn with.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.read.pdf_layout import TextLine, with_columns
from bma_etl.read.pdf_tables import Box, rules_of, table_ids, with_table_rows

WORDS = ["โครงการ", "ปรับปรุง", "ศาลาท่าน้ำ", "ริมคลอง", "ทางเท้า", "ร้อยละ ๒๐", "ระดับ ๕",
         "15,000 บาท", "กรุงเทพมหานคร", "ดำเนินการ"]
SIZE = 9.0
ROW = 20.0  # points from one row rule to the next


def _table(rng: random.Random, edges: list[float], top: float, rows: int,
           jitter: float = 0.4) -> tuple[list[Box], list[TextLine], list[list[str]]]:
    """A ruled table drawn cell by cell: its boxes, its cells' pieces and their texts."""
    boxes: list[Box] = []
    pieces: list[TextLine] = []
    texts: list[list[str]] = []
    for r in range(rows):
        high, low = top - r * ROW, top - (r + 1) * ROW
        row = []
        for left, right in zip(edges, edges[1:], strict=False):
            shake = [rng.uniform(-jitter, jitter) for _ in range(4)]
            boxes.append((left + shake[0], low + shake[1], right + shake[2], high + shake[3]))
            text = rng.choice(WORDS)
            row.append(text)
            pieces.append(TextLine(text, high - 14.0, SIZE, (left + 3.0,), left + 3.0,
                                   left + 3.0 + 4 * len(text)))
        texts.append(row)
    return boxes, pieces, texts


def _edges(rng: random.Random, left: float, right: float, columns: int) -> list[float]:
    inner = sorted(rng.uniform(left + 30, right - 30) for _ in range(columns - 1))
    while any(b - a < 20 for a, b in zip([left, *inner], [*inner, right], strict=False)):
        inner = sorted(rng.uniform(left + 30, right - 30) for _ in range(columns - 1))
    return [left, *inner, right]


@pytest.mark.parametrize("seed", range(30))
def test_column_rules_of_two_tables_a_point_apart_stay_each_table_s(seed: int) -> None:
    """Two tables, one under the other, whose column rules stand about a point apart."""
    rng = random.Random(seed)
    upper = _edges(rng, 40.0, 550.0, 4)
    lower = [upper[0], upper[1] + rng.uniform(0.6, 1.4), *_edges(rng, upper[1] + 40, 550.0, 3)[1:]]
    gap = rng.choice([0.0, 3.0, 6.0])
    boxes_a, pieces_a, texts_a = _table(rng, upper, 700.0, 3)
    boxes_b, pieces_b, texts_b = _table(rng, lower, 700.0 - 3 * ROW - gap, 3)
    rules = rules_of(boxes_a + boxes_b)
    rows = with_table_rows(pieces_a + pieces_b, rules)
    assert [r.text.split("\t") for r in rows] == texts_a + texts_b


@pytest.mark.parametrize("seed", range(20))
def test_two_tables_of_one_width_stacked_without_a_gap_are_two_tables(seed: int) -> None:
    rng = random.Random(seed)
    upper, lower = _edges(rng, 40.0, 550.0, rng.randint(3, 7)), _edges(rng, 40.0, 550.0, 4)
    while any(abs(a - b) <= 2.5 for a in upper[1:-1] for b in lower[1:-1]):  # no rule shared
        lower = _edges(rng, 40.0, 550.0, 4)
    boxes_a, pieces_a, texts_a = _table(rng, upper, 700.0, rng.randint(2, 4))
    boxes_b, pieces_b, texts_b = _table(rng, lower, 700.0 - len(texts_a) * ROW, rng.randint(2, 4))
    rows = with_table_rows(pieces_a + pieces_b, rules_of(boxes_a + boxes_b))
    ids = [r.table for r in rows]
    assert len(set(ids[:len(texts_a)])) == 1 and len(set(ids[len(texts_a):])) == 1
    assert ids[0] != ids[-1]
    laid = with_columns(rows)
    assert [r.text.split("\t") for r in laid] == texts_a + texts_b


def test_a_header_over_merged_columns_and_a_total_row_are_rows_of_their_table() -> None:
    grid = (40.0, 200.0, 260.0, 320.0, 380.0, 550.0)
    rows = {(700.0, 680.0, 40.0, 550.0): (40.0, 200.0, 380.0),  # a header spanning months
            (680.0, 660.0, 40.0, 550.0): grid[:-1],
            (660.0, 640.0, 40.0, 550.0): grid[:-1],
            (640.0, 620.0, 40.0, 550.0): (40.0, 200.0, 260.0),  # a total row
            (620.0, 600.0, 40.0, 550.0): (40.0, 120.0, 450.0)}  # the next table
    ids = table_ids(rows)
    assert [ids[r][2] for r in sorted(rows, reverse=True)] == [0, 0, 0, 0, 1]


@pytest.mark.parametrize("seed", range(10))
def test_a_browser_s_header_and_footer_in_the_margin_leave_rows_and_paragraphs_alone(
        seed: int) -> None:
    """Chromium prints its date and title, and the page's address and number, left of the body."""
    rng = random.Random(seed)
    body = rng.uniform(30.0, 60.0)
    margin = body - rng.uniform(8.0, 20.0)
    header = TextLine(f"{rng.randint(1, 12)}/{rng.randint(1, 28)}/26, 11:{rng.randint(10, 59)}"
                      f" AM\tแผนปฏิบัติราชการ", 800.0, 8.0, (margin, 280.0), margin, 400.0)
    footer = TextLine(f"file:///tmp/print-{seed}/page.html\t{seed + 1}/{seed + 3}", 20.0, 8.0,
                      (margin, 560.0), margin, 580.0)
    paragraph = [TextLine(rng.choice(WORDS), 760.0 - 14 * k, SIZE, (body,), body, body + 80)
                 for k in range(3)]
    edges = _edges(rng, body - 2.0, 550.0, 4)
    table = [TextLine("\t".join(rng.choice(WORDS) for _ in edges[:-1]), 600.0 - 20 * k, SIZE,
                      tuple(x + 1.0 for x in edges[:-1]), body, 540.0,
                      table=(round(edges[0]), 550, 0)) for k in range(3)]
    lines = [header, *paragraph, *table, footer]
    laid = with_columns(lines)
    assert [line.text for line in laid[1:-1]] == [line.text for line in lines[1:-1]]

"""The grid of ruled tables: rules, table ids and columns (read/pdf_tables.py, pdf_layout.py).

Tables are generated as a PDF producer draws them: every cell its own box (its
sides a fraction of a point off its neighbours'), tables stacked with no gap
between them, a column rule of one table a point beside another's, a browser's
print header and footer in the page's margin. The truth is the cells' texts and
the grids they were drawn with.
"""

from __future__ import annotations

import random
from itertools import pairwise

import pytest

from bma_etl.read.pdf_breaks import Cut, join_cut_rows, mark_open
from bma_etl.read.pdf_columns import with_columns
from bma_etl.read.pdf_layout import TextLine
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
        for left, right in pairwise(edges):
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
    while any(b - a < 20 for a, b in pairwise([left, *inner, right])):
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


# ------------------------------------------------- a row an office suite cut after one line

#: Width (font sizes) of a character that advances the pen; a Thai mark takes none. A
#: line is drawn as wide as its characters: one drawn wider is spread (distributed).
ADVANCE_EM = 0.5
MARKS = frozenset("\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B)))
                  + "".join(map(chr, range(0x0E47, 0x0E4F))))


def _drawn(text: str, size: float = 14.0) -> float:
    """How wide (points) ``text`` is drawn at ``size`` (see :data:`ADVANCE_EM`)."""
    return ADVANCE_EM * size * sum(ch not in MARKS for ch in text)


def _cut_after_one_line(rng: random.Random, firsts: list[str], wrapped: list[bool],
                        rest: list[str]) -> list[list[TextLine]]:
    """Page N ends in a ruled row one line tall, closed by a rule (as LibreOffice closes
    both parts of a row it breaks over a page); page N+1 starts with ``rest`` under a rule.

    ``wrapped``: whether each cell's line runs to its column's right side (the
    paragraph went on) or stops short of it (the cell ended). Each line is as wide as
    its characters (:func:`_drawn`); its column leaves a point or a few beside a
    wrapped one, and one and a half to four times its width beside one that ended.
    """
    edges = [50.0]
    for text, full in zip(firsts, wrapped, strict=True):
        line = _drawn(text) + 9.0
        edges.append(edges[-1] + line + (rng.uniform(1.0, 4.0) if full else
                                          rng.uniform(1.5, 4.0) * line))
    right_edge = edges[-1]
    verticals = tuple((x, 60.0, 790.0) for x in edges)
    page_n = rules_of([(x - 0.25, 60.0, x + 0.25, 790.0) for x in edges]
                      + [(50.0, y - 0.25, right_edge, y + 0.25) for y in (60.0, 88.0, 790.0)])
    assert len(page_n.vertical) == len(verticals)
    pieces = []
    for k, text in enumerate(firsts):
        left = edges[k] + 4.5
        pieces.append(TextLine(text, 68.0, 14.0, (left,), left, left + _drawn(text)))
    row = with_table_rows(pieces, page_n)
    row = mark_open(row, page_n, Cut(), pieces)
    page_next = rules_of([(x - 0.25, 700.0, x + 0.25, 785.0) for x in edges]
                         + [(50.0, y - 0.25, right_edge, y + 0.25) for y in (700.0, 785.0)])
    part = with_table_rows([TextLine(text, 766.0, 14.0, (edges[k] + 4.5,), edges[k] + 4.5,
                                     edges[k] + 4.5 + _drawn(text))
                            for k, text in enumerate(rest) if text], page_next)
    return [row, part]


@pytest.mark.parametrize("seed", range(10))
def test_a_row_the_page_cut_after_its_first_line_is_joined(seed: int) -> None:
    """Every cell wrapped after its first line (a KPI definition), or only some (a budget)."""
    rng = random.Random(seed)
    firsts = ["มน. การส่งเสริม", "ระดับความสำเร็จ", "นิยาม การส่งเสริม", "๙,๒๖๖,๓"]
    rest = ["ผลงานที่โดดเด่นของกรุงเทพมหานคร", "ในการส่งเสริมผลงานที่โดดเด่น",
            "ผลงานที่โดดเด่นของกรุงเทพมหานคร", "๐๐.- บาท"]
    if seed % 2:  # only the name and the budget go on; the other cells ended
        firsts[0], rest[0], rest[2] = "๖", "", ""
    wrapped = [bool(t) for t in rest]
    pages = _cut_after_one_line(rng, firsts, wrapped, rest)
    join_cut_rows(pages)
    assert pages[1] == []
    cells = pages[0][0].text.split("\t")
    assert ["".join(c.split()) for c in cells] == [
        "".join((a + b).split()) for a, b in zip(firsts, rest, strict=True)]


@pytest.mark.parametrize("seed", range(10))
def test_a_next_row_under_a_row_of_one_line_is_its_own_row(seed: int) -> None:
    """The next row's first words would have fitted on the row's line: the row had ended."""
    rng = random.Random(seed)
    firsts = ["๖", "โครงการปรับปรุงทางเท้า", "๑๒,๐๐๐.- บาท", "ส่วนโยธา"]
    rest = ["๗", "โครงการซ่อมแซมศาลาท่าน้ำ", "๔๐๐.- บาท", "ส่วนนิติการ"]
    pages = _cut_after_one_line(rng, firsts, [False, False, False, False], rest)
    join_cut_rows(pages)
    assert [len(p) for p in pages] == [1, 1]

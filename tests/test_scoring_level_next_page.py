"""A scoring table's next level row that a page break set at the next page's top.

A browser printing a ruled table across pages may leave the table open at the
foot of page N (the rule under its last row drawn on page N+1, over the next row):
the last row reads as a row the page cut. A scoring table's levels count down
(``5`` … ``1``): the next level's row on page N+1 was joined into it as its rest
(``3 2``, two levels' texts run together, both lost; Chromium, Kinnari). A row's
number alone is whole: the number next to it alone under it, one less as one
more, opens a row of its own (:func:`bma_etl.read.pdf_cuts.label_again`).

The rows are a generated plan's scoring levels (bench/corpus), laid out as the
reader lays out a ruled table's rows; the truth is the levels as generated.
"""

from __future__ import annotations

import random

from bma_etl.read.pdf_breaks import join_cut_rows
from bma_etl.read.pdf_layout import TextLine

from corpus.build import GENERATORS

#: Column starts (points) of a ruled scoring table, and its id (left, right, n).
CELLS = (35.0, 89.0, 178.0, 526.0)
TABLE = (34, 580, 0)


def _row(cells: list[str], y: float, open_below: bool = False) -> TextLine:
    return TextLine("\t".join(cells), baseline=y, size=10.5, cells=CELLS, table=TABLE,
                    open_below=open_below)


def test_the_next_level_on_the_next_page_is_a_row_of_its_own() -> None:
    for k in range(4):  # odd k: the levels in Thai digits
        doc = GENERATORS["plan"](random.Random(f"level-next-page-{k}"))
        levels = doc.truth["tables"]["plan_scoring_levels"][:5]
        assert [int(level["level"]) for level in levels] == [5, 4, 3, 2, 1]
        digits = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙") if k % 2 else {}
        rows = [[str(level["level"]).translate(digits),
                 f"ร้อยละ {level['weight_pct']} ของน้ำหนักคะแนน",
                 level["description"], str(level["score"])] for level in levels]
        for cut in range(1, 5):  # the page breaks after the level ``cut`` rows down
            top = [_row(cells, 700.0 - 40 * n, open_below=n == cut - 1)
                   for n, cells in enumerate(rows[:cut])]
            rest = [_row(cells, 750.0 - 40 * n) for n, cells in enumerate(rows[cut:])]
            pages = [top, rest]
            join_cut_rows(pages)
            got = [line.text.split("\t") for page in pages for line in page]
            assert got == rows, (k, cut)


def test_a_row_cut_after_its_number_still_goes_on() -> None:
    # the rest of a row the page cut leaves its number cell empty: joined as before
    cells = ["3", "ร้อยละ 80 ของ", "ดำเนินการตามแผน", "24"]
    pages = [[_row(cells, 60.0, open_below=True)],
             [_row(["", "น้ำหนักคะแนน", "ได้ครบ 3 ขั้นตอน", ""], 750.0)]]
    join_cut_rows(pages)
    assert [line.text for line in pages[0]] == [
        "3\tร้อยละ 80 ของน้ำหนักคะแนน\tดำเนินการตามแผนได้ครบ 3 ขั้นตอน\t24"]
    assert pages[1] == []

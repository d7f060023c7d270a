"""An amount a narrow ruled cell cut every few digits, its lines spread, is one amount.

A Word table printed by LibreOffice in Thai distributed justification at a large
size cuts a project's budget in its narrow column every few characters (``๓๘`` /
``๓ ,๒ ๐`` / ``๐`` / ``บาท``) and spreads each line's digits and comma across the
cell, pdfium making up a space in each gap; the cell's lines were joined with those
spaces and the budget read ``๓๘๓`` (:func:`bma_etl.read.pdf_tables.with_table_rows`).
Amounts are generated, cut at random and set line by line in a ruled cell; the truth
is the amount.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_tables import Rules, with_table_rows

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
#: The rules of a two-column table: a name and a narrow amount column (points).
EDGES = (50.0, 300.0, 340.0)


@pytest.mark.parametrize("seed", range(12))
def test_an_amount_cut_and_spread_in_a_narrow_cell_reads_whole(seed: int) -> None:
    rng = random.Random(seed)
    amount = f"{rng.randint(1, 99_999) * 100:,}".translate(THAI_DIGITS)
    width = rng.randint(3, 4)  # characters a line of the cell holds
    at = rng.randint(1, width)  # the first line: what the words before it left
    pieces = [amount[:at]]
    while at < len(amount):
        pieces.append(amount[at : at + width])
        at += width
    # each line after the first spread letter by letter (a space in each gap)
    lines = [pieces[0], *(" ".join(piece) for piece in pieces[1:]), "บาท"]
    rules = Rules(
        tuple((x, 100.0, 700.0) for x in EDGES),
        ((700.0, EDGES[0], EDGES[-1]), (100.0, EDGES[0], EDGES[-1])),
    )
    cells = [TextLine("โครงการก่อสร้าง", 680.0, 16.0, (EDGES[0] + 3,), EDGES[0] + 3, 200.0)]
    cells += [
        TextLine(
            text, 680.0 - 20 * i, 16.0, (EDGES[1] + 3,), EDGES[1] + 3, EDGES[1] + 3 + 8 * len(text)
        )
        for i, text in enumerate(lines)
    ]
    row = with_table_rows(cells, rules)
    assert len(row) == 1
    budget = row[0].text.split("\t")[1]
    assert budget.removesuffix("บาท").strip() == amount, budget


def test_two_numbers_on_lines_of_their_own_stay_apart() -> None:
    # a count under a year, each whole: no amount cut (no comma grouping joins them)
    rules = Rules(
        tuple((x, 100.0, 700.0) for x in EDGES),
        ((700.0, EDGES[0], EDGES[-1]), (100.0, EDGES[0], EDGES[-1])),
    )
    cells = [
        TextLine("โครงการ", 680.0, 16.0, (EDGES[0] + 3,), EDGES[0] + 3, 200.0),
        TextLine("๒๕๖๐", 680.0, 16.0, (EDGES[1] + 3,), EDGES[1] + 3, EDGES[1] + 30),
        TextLine("๑ ๐", 660.0, 16.0, (EDGES[1] + 3,), EDGES[1] + 3, EDGES[1] + 20),
    ]
    assert with_table_rows(cells, rules)[0].text.split("\t")[1] != "๒๕๖๐๑๐"

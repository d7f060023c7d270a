"""A register's date whose ``/`` Tesseract read as a bar (``10/6|2567``), put back.

A report register's row is generated (``bench/corpus``: its report's number, date,
progress and detail, random values) and laid out as Tesseract gives a scanned ruled
table's row: one word per cell, a tab between, the date written day/month/Buddhist-era
year with one of its two strokes read ``|`` (the thin slash beside the cell's rule, as
on a 200 dpi scan of a landscape register). Tidied, the date cell reads as the
generated date again; a bar between numbers set apart (a rule read between two
cells) stays as read.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from bma_etl.normalize.dates import parse_date
from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_tidy import tidied

from corpus.build import GENERATORS


def _row(cells: list[str]) -> tuple[str, tuple[OcrWord, ...]]:
    """One table row, a word per cell, tabs between; boxes 25 px a letter, sure reading."""
    words: list[OcrWord] = []
    at, left = 0, 100
    for text in cells:
        words.append(OcrWord(text, 91.0, (left, 100, left + 25 * len(text), 160), at))
        at += len(text) + 1
        left += 25 * len(text) + 120
    return "\t".join(cells), tuple(words)


@pytest.mark.parametrize("seed", range(8))
def test_a_dates_stroke_read_as_a_bar_is_put_back(seed: int) -> None:
    rng = random.Random(seed)
    report = rng.choice(GENERATORS["legacy_tab"](rng).tables["progress_updates"])
    when = dt.date.fromisoformat(report["report_date"])
    strokes = ["/", "/"]
    strokes[rng.randrange(2)] = "|"
    read = f"{when.day}{strokes[0]}{when.month}{strokes[1]}{when.year + 543}"
    text, words = tidied(*_row([str(report["seq_label"]), read,
                                report["detail"].split(" ")[0], report["progress_pct"]]))
    cell = text.split("\t")[1]
    assert cell == f"{when.day}/{when.month}/{when.year + 543}"
    assert parse_date(cell) == when
    assert all(text[w.start : w.end] == w.text for w in words)


@pytest.mark.parametrize("read", ["12 | 2567", "10|6|2567", "1,250|6/2567", "40|13/2567",
                                  "10/6|25670"])
def test_a_bar_that_is_no_dates_stroke_stays(read: str) -> None:
    """A rule between two numbers, two bars, an amount, no day/month, a year run on."""
    text, _ = tidied(*_row(["1", read, "8.00"]))
    assert text.split("\t")[1] == read

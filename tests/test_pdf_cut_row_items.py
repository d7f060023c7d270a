"""A page's last row that a page break seems to cut, the next page opening a row of its own.

:func:`bma_etl.read.pdf_cutrows.join_cut_row` joins a borderless row a page break
cut. Two kinds of next-page first line are rows of their own, laid out here as
the printers lay them out (cells, ends and room as the reader measures them on
LibreOffice's and Chromium's prints), their texts from generated documents
(bench/corpus); the truth is those texts:

* a plain-text plan printed at tab stops (LibreOffice): a long project row wraps
  back to the left margin, its last line holding the name's end and the amount
  (``และพื้นที่ใกล้เคียง ↹ ๖,๘๘๐,๒๐๐.- บาท``); the next page opens with the next
  project (``๔. โครงการ…``), whose number follows the one on the line above;
* a tracking page printed by a browser: a label cell closed by its colon
  (``** ปัญหาของโครงการ :``, wrapped in its narrow column, its value filling the
  other) ends the page; the next label (``** อุปสรรคของโครงการ :``) opens the next.
"""

from __future__ import annotations

import random
import re
from itertools import pairwise

import pytest

from bma_etl.read.pdf_cutrows import join_cut_row
from bma_etl.read.pdf_layout import TextLine

from corpus.build import GENERATORS

#: A routine-list project row after the first of its group: two empty cells first.
_PROJECT = re.compile(r"^\t\t(?P<no>\d+)\.\s(?P<name>[^\t]+)\t(?P<amount>[^\t]+)$")
#: x (points) of the margin, the project column and the amount's tab stop (10 pt type).
MARGIN, NAMES, STOP = 56.8, 127.7, 305.0
#: Width (points) of a letter at 10 pt, near enough for the lines' right ends.
LETTER = 4.5


def _line(text: str, baseline: float, cells: tuple[float, ...], size: float = 10.0,
          first_end: float | None = None, **more: object) -> TextLine:
    """A line as the reader makes it; ``first_end``: where its first cell's first line ends."""
    pieces = [p for p in text.split("\t") if p.strip()]
    ends = tuple(x + LETTER * len(p) for x, p in zip(cells, pieces, strict=True))
    if first_end is not None:
        ends = (first_end, *ends[1:])
    return TextLine(text, baseline, size, cells, cells[0], ends[-1], ends=ends,
                    heights=(baseline,) * len(cells), **more)  # type: ignore[arg-type]


def _project_pairs(seed: str, want: int) -> list[tuple[re.Match[str], re.Match[str]]]:
    """Consecutive project rows of generated plans' routine lists, the first long."""
    pairs = []
    for k in range(200):
        lines = GENERATORS["plan"](random.Random(f"{seed}-{k}")).text.split("\n")
        for a, b in pairwise(lines):
            first, second = _PROJECT.match(a), _PROJECT.match(b)
            if first and second and len(first["name"].split()) >= 3:
                pairs.append((first, second))
                break
        if len(pairs) == want:
            return pairs
    raise AssertionError("too few generated plans have two project rows")


@pytest.mark.parametrize("pair", range(6))
def test_the_next_project_on_a_new_page_is_a_row_of_its_own(pair: int) -> None:
    first, second = _project_pairs("cut-row-items", 6)[pair]
    words = first["name"].split()
    head, tail = " ".join(words[:-2]), " ".join(words[-2:])  # wrapped back to the margin
    before = [_line(f"\t\t{first['no']}. {head}", 91.0, (NAMES,)),
              _line(f"{tail}\t\t{first['amount']}", 74.0, (MARGIN, NAMES))]
    after = [_line(f"\t{second['no']}. {second['name']}\t\t{second['amount']}", 773.0,
                   (NAMES, STOP)),
             _line("รวม\t\t36,488,600.- บาท", 756.0, (MARGIN, 163.2))]
    kept = join_cut_row(before, list(after))
    assert kept == after
    assert before[-1].text.split() == [*tail.split(), *first["amount"].split()]


def _label_rows(seed: str, want: int) -> list[tuple[str, str]]:
    """``(problems, obstacles)`` of generated tracking pages' progress updates."""
    rows = []
    for k in range(50):
        doc = GENERATORS["web_history"](random.Random(f"{seed}-{k}"))
        rows += [(u["problems"], u["obstacles"])
                 for u in doc.truth["tables"]["progress_updates"] if u["problems"] != "ไม่มี"]
        if len(rows) >= want:
            return rows[:want]
    raise AssertionError("too few generated progress updates name a problem")


@pytest.mark.parametrize("update", range(4))
def test_a_label_closed_by_its_colon_takes_no_next_label(update: int) -> None:
    problems, obstacles = _label_rows("cut-row-labels", 4)[update]
    label = (36.4, 110.1)  # a narrow label column, the value's column right of it
    before = [_line(f"** ปัญหาของโครงการ :\t{problems}", 53.7, label, 9.0, 85.2,
                    depth=12.0, room=(12.8, 0.0))]
    after = [_line(f"** อุปสรรคของโครงการ :\t{obstacles}", 802.2, label, 9.0, 92.3,
                   depth=12.0, room=(19.9, 0.0)),
             _line("\t\t------------------&&&--------------------", 772.9, (230.6,), 9.0)]
    kept = join_cut_row(before, list(after))
    assert kept == after
    assert before[-1].text == f"** ปัญหาของโครงการ :\t{problems}"

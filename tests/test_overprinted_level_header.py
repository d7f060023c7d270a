"""A scoring table whose head's first word runs on over the next cell keeps its rows.

Apache FOP breaks no Thai line: a word too long for its cell runs on over the cell
beside it, and the head ``ระดับความสำเร็จ | เกณฑ์ร้อยละความสำเร็จ`` of a plan's scoring
table, its first column narrow, prints the two words over each other. Read by
position their letters interleave (an outside tester's FOP plan read
``ระดับความสำเเกร็จณฑ์ร้อยละความสำเร็จ``): the head was not known and every level of
the table was lost, with no finding (15 fields). A head that opens with the two
words' letters merged, each word's in its order, opens the table
(:func:`bma_etl.layouts.plan_level_headers.is_level_header`).

The plans are the corpus's (bench/corpus ``plan``, as text), their scoring heads'
first two cells merged as a PDF read by position gives them: the first word's
letters up to where the second cell starts, then the two words' letters in turn
(clusters kept whole), then the rest. The truth is the generated levels; a line
whose letters are not the two words merged opens no table.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.layouts.base import Line
from bma_etl.layouts.plan_level_headers import is_level_header

from corpus.build import GENERATORS
from read_back import assert_read_as_generated

FIRST, SECOND = "ระดับความสำเร็จ", "เกณฑ์ร้อยละความสำเร็จ"
#: A letter and the marks drawn on it: what one glyph position holds.
_CLUSTER = re.compile("[^\u0e31\u0e34-\u0e3a\u0e47-\u0e4e][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*")


def overprinted(first: str, second: str, cut: int, step: int) -> str:
    """``first`` and ``second`` printed over each other from ``first``'s cluster ``cut``.

    Read by position: ``first``'s clusters to ``cut``, then ``step`` of ``second``'s
    for each one of ``first``'s in turn, then the rest of ``second``.
    """
    a, b = _CLUSTER.findall(first), _CLUSTER.findall(second)
    out, rest = a[:cut], a[cut:]
    while rest:
        out += [rest.pop(0), *b[:step]]
        b = b[step:]
    return "".join(out + b)


@pytest.mark.parametrize(("seed", "cut", "step"), [("3791-a", 8, 1), ("3791-b", 5, 2),
                                                   ("3793-a", 10, 1)])
def test_levels_under_a_head_whose_first_word_runs_on_over_the_next_are_read(
        seed: str, cut: int, step: int, tmp_path: Path) -> None:
    doc = GENERATORS["plan"](random.Random(seed))
    merged = overprinted(FIRST, SECOND, cut, step)
    text, count = re.subn(rf"(?m)^{FIRST}\t{SECOND}\t", merged + "\t", doc.text)
    assert count, "no scoring table's head in the plan"
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    assert_read_as_generated(path, doc.truth, tables=["plan_scoring_levels"])


def test_a_line_of_other_letters_opens_no_scoring_table() -> None:
    merged = overprinted(FIRST, SECOND, 8, 1)
    assert is_level_header([Line(1, 0, merged + "\tผลการดำเนินงาน\tคะแนนที่ได้รับ")], 0)
    for text in (merged[:-3] + "\tคะแนน", overprinted(FIRST, "เกณฑ์การให้คะแนน", 8, 1),
                 overprinted("ระดับความสำคัญ", SECOND, 8, 1)):
        assert not is_level_header([Line(1, 0, text + "\tคะแนน")], 0), text

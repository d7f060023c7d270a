"""A line of text told from a table row once per line's text, however often asked.

:func:`~bma_etl.layouts.plan_cells.is_text_line` is asked of the same lines by
each of the plan's readers; its answer for a line with a tab is cached by the
line's text. Generated plans: the rows of their tables (four cells or more) are
table rows, their headings spread letter by letter with tabs are lines of text,
and every line gets the answer the definition gives, asked again or not.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.base import Line
from bma_etl.layouts.plan_cells import is_text_line

from corpus.build import GENERATORS

_SPREAD_CELL = re.compile(r"\s*[\u0e01-\u0e4e]{1,4}\s*|\s*[”“\"()]\s*")


def _text_line(text: str) -> bool:
    """The definition: no tab, or at most three filled cells or every cell a few letters,
    and no empty first cell."""
    if "\t" not in text:
        return True
    filled = [c for c in text.split("\t") if c.strip()]
    return not text.startswith("\t") and (
        len(filled) <= 3 or all(_SPREAD_CELL.fullmatch(c) for c in filled))


@pytest.mark.parametrize("seed", range(3))
def test_plan_lines_told_apart_as_the_definition_says(seed: int) -> None:
    rng = random.Random(seed)
    lines = GENERATORS["plan"](rng).text.split("\n")
    rows = [ln for ln in lines if ln.count("\t") >= 3 and not ln.startswith("\t")]
    spread = ["\t".join(re.findall(r"[ก-ฮ][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*|[ะาำเ-ไ]", word))
              for word in ("ประเทศ", "วิสัยทัศน์", "พันธกิจ")]
    assert rows
    for _ in range(2):  # asked again, of new Line objects with the same text
        for no, text in enumerate([*lines, *spread], start=1):
            assert is_text_line(Line(no, 0, text)) == _text_line(text), text
        assert not any(is_text_line(Line(1, 0, row)) for row in rows
                       if len([c for c in row.split("\t") if c.strip()]) > 3
                       and not all(_SPREAD_CELL.fullmatch(c) for c in row.split("\t") if c.strip()))
        assert all(is_text_line(Line(1, 0, text)) for text in spread)

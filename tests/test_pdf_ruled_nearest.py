"""A ruled cell found from the rules nearest its point, looked for outwards from it.

:func:`bma_etl.read.pdf_tables.with_table_rows` asks, for each piece of each line,
which rules across its x stand nearest above and below it. Rules as read are
sorted by height, so they are looked at outwards from the point rather than all of
them; the cell found is the one a look at every rule finds, ties included (a
page-wide rule at a table's top, beside the table's own). Two tables side by side
are drawn from known values, and their rows read back as written.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.read.pdf_line import TextLine
from bma_etl.read.pdf_tables import Rules, _cell_of, with_table_rows

#: Column edges (points) of two tables side by side, and the heights of their rules.
LEFT, RIGHT = (50.0, 200.0, 300.0), (320.0, 450.0, 550.0)
YS = (700.0, 660.0, 620.0, 580.0)


def _rules() -> Rules:
    horizontal = [(y, edges[0], edges[-1]) for y in YS for edges in (LEFT, RIGHT)]
    horizontal.append((YS[0], LEFT[0], RIGHT[-1]))  # a page-wide rule over both tables
    vertical = [(x, YS[-1], YS[0]) for x in (*LEFT, *RIGHT)]
    return Rules(tuple(sorted(vertical)), tuple(sorted(horizontal)))


def test_the_nearest_rules_are_those_of_a_look_at_every_rule() -> None:
    rules = _rules()
    heights = [h[0] for h in rules.horizontal]
    for x in (40.0, 50.5, 120.0, 250.0, 299.5, 310.0, 400.0, 549.0, 560.0):
        for y in (720.0, 700.0, 690.0, 660.0, 640.0, 600.0, 580.0, 560.0):
            assert _cell_of(x, y, rules, None, heights) == _cell_of(x, y, rules), (x, y)


@pytest.mark.parametrize("seed", range(4))
def test_rows_of_two_tables_side_by_side_read_as_written(seed: int) -> None:
    rng = random.Random(seed)
    written = {edges: [[f"ค่า{rng.randint(1, 999)}" for _ in edges[:-1]] for _ in YS[1:]]
               for edges in (LEFT, RIGHT)}
    lines = [TextLine(text, top - 20.0, 12.0, (x + 3.0,), x + 3.0, x + 40.0)
             for top, k in zip(YS, range(len(YS) - 1), strict=False)
             for edges in (LEFT, RIGHT) for x, text in zip(edges, written[edges][k],
                                                           strict=False)]
    rows = with_table_rows(lines, _rules())
    assert [row.text for row in rows] == ["\t".join(written[edges][k])
                                          for k in range(len(YS) - 1) for edges in (LEFT, RIGHT)]

"""A ruled table's cell merged over rows: its text in its first row, a ditto mark in the others.

Stage: read (runs in the PDF worker process; a helper of
:func:`.pdf_tables.with_table_rows`). A cell a writer merged over two rows or more
(Word's Merge Cells, a spreadsheet's Merge & Center, HTML ``rowspan``) has no rule
across it between those rows: the band holding its text runs from the top of its
first row to the bottom of its last, while the other cells of those rows lie in
bands of their own. Read by bands alone, the merged cell's line held pieces of two
"rows" and was left unread as a row (``6,850,500.- บาท`` beside project 1 only, the
unit merged over two rows glued to the second row's name).

:func:`merged_bands` finds such bands and the row each one's text goes to (its
first, whichever of its lines the text stands on: top, middle or bottom); each
other row the cell spans gets :data:`DITTO` in that column (:func:`spanned_rows`):
the document states that one cell for those rows too. What that means is the
layout's to say (the same unit for each row; one amount for them together).
"""

from __future__ import annotations

from collections.abc import Iterable

from bma_etl.read.pdf_table_ids import JOIN, SLACK

#: Written in each cell that a cell merged from the row above covers (U+3003, the
#: ditto mark a typist puts in a cell for "as above").
DITTO = "\u3003"

#: A band between two horizontal rules: ``(top, bottom, left, right)`` in points
#: (PDF space: the top is the larger y).
Band = tuple[float, float, float, float]

#: A rule: ``(x, bottom, top)`` or ``(y, left, right)`` in points.
Rule = tuple[float, float, float]

#: Edges (points) of two bands of one table agree within this (:data:`.pdf_table_ids.SLACK`);
#: rules within :data:`.pdf_table_ids.JOIN` of each other are one.
EDGE_SLACK = SLACK


def _inside(inner: Band, outer: Band) -> bool:
    """Whether ``inner`` is a shorter band of ``outer``'s table, within its height."""
    return (abs(inner[2] - outer[2]) <= EDGE_SLACK and abs(inner[3] - outer[3]) <= EDGE_SLACK
            and inner[0] <= outer[0] + EDGE_SLACK and inner[1] >= outer[1] - EDGE_SLACK
            and inner[0] - inner[1] < outer[0] - outer[1] - EDGE_SLACK)


def merged_bands(bands: Iterable[Band]) -> dict[Band, Band]:
    """Each band that spans rows of its table (a merged cell's), with the row its text goes to.

    ``bands``: the bands holding a piece of text on one page. A band is merged when
    shorter bands of its table (same left and right edges) lie within it, the
    highest of them starting at its top: that one is its first row. A band with no
    such row (the text of a row of its own) is not in the result.

    >>> merged_bands([(700.0, 660.0, 40.0, 500.0), (700.0, 680.0, 40.0, 500.0),
    ...               (680.0, 660.0, 40.0, 500.0), (660.0, 640.0, 40.0, 500.0)])
    {(700.0, 660.0, 40.0, 500.0): (700.0, 680.0, 40.0, 500.0)}
    """
    every = set(bands)
    out: dict[Band, Band] = {}
    for band in every:
        inner = [b for b in every if _inside(b, band)]
        if not inner:
            continue
        first = max(inner, key=lambda b: (b[0], b[1]))  # the highest; of equals the shortest
        if abs(first[0] - band[0]) <= EDGE_SLACK:
            out[band] = first
    return out


def spanned_rows(merged: Band, rows: Iterable[Band], first: Band) -> list[Band]:
    """The rows of ``rows`` that the ``merged`` band covers, past its ``first`` row."""
    return sorted((row for row in rows if row != first and _inside(row, merged)),
                  key=lambda row: -row[0])


def column_at(columns: tuple[float, ...], x: float) -> int:
    """The column of ``columns`` (left edges, points) that holds ``x``; 0 left of them all."""
    return max((i for i, edge in enumerate(columns) if edge <= x + EDGE_SLACK), default=0)



def spread(rule: Rule, horizontal: Iterable[Rule],
           vertical: Iterable[Rule]) -> tuple[float, float, float]:
    """How far a row's rule reaches (left, right), over the cells merged across it; its height.

    ``rule``: a horizontal rule ``(y, left, right)`` above or below a row, one of
    ``horizontal`` (the page's). A cell merged over this row and the next has no rule
    across it: the rule between the two rows stops at its sides (and goes on past
    it, in pieces). A stretch left undrawn at ``rule``'s height counts as drawn when
    it is a merged cell's: the nearest rules above and below that cover it (the
    cell's top and bottom) are joined by column rules (``vertical``: ``(x, bottom,
    top)``) at both its ends (the cell's sides), between two pieces or past the rule's ends (the
    cell in the first or the last columns). Every cell of
    the row is then in one band. The height given is the leftmost piece's (pieces of
    a rule drawn box by box stand a fraction of a point apart): one for all of them.

    >>> sides = [(46.0, 100.0, 300.0), (332.0, 100.0, 300.0), (426.0, 100.0, 300.0),
    ...          (549.8, 100.0, 300.0)]
    >>> rules = [(252.0, 45.8, 549.8), (229.5, 45.8, 332.2), (229.5, 426.0, 549.8),
    ...          (188.3, 45.8, 549.8)]
    >>> spread((229.5, 426.0, 549.8), rules, sides)
    (45.8, 549.8, 229.5)
    >>> spread((229.5, 45.8, 426.0), [], sides)
    (45.8, 426.0, 229.5)
    """
    y = rule[0]
    rules = list(horizontal)
    drawn = sorted([(rule[1], rule[2], y), *((h[1], h[2], h[0]) for h in rules
                                            if abs(h[0] - y) <= EDGE_SLACK)])
    sides = [v for v in vertical if v[1] < y - EDGE_SLACK and v[2] > y + EDGE_SLACK]
    through = [v[0] for v in sides]

    def merged_cell(left: float, right: float) -> bool:
        """Whether a cell's box runs across ``y`` from ``left`` to ``right``."""
        over = [h[0] for h in rules if h[1] <= left + JOIN and h[2] >= right - JOIN]
        top = min((h for h in over if h > y + EDGE_SLACK), default=None)
        bottom = max((h for h in over if h < y - EDGE_SLACK), default=None)
        return top is not None and bottom is not None and all(
            any(abs(x - v[0]) <= JOIN and v[1] <= bottom + JOIN and v[2] >= top - JOIN
                for v in sides) for x in (left, right))

    stretches = [list(drawn[0])]
    for left, right, at in drawn[1:]:
        last = stretches[-1]
        if left <= last[1] + JOIN or merged_cell(last[1], left):
            last[1] = max(last[1], right)
        else:
            stretches.append([left, right, at])
    mine = next(s for s in stretches if s[0] <= rule[1] <= s[1])
    # a merged cell in the first or last columns: the rule stops at its side
    mine[0] = min([mine[0], *(x for x in through if x < mine[0] - JOIN
                              and merged_cell(x, mine[0]))])
    mine[1] = max([mine[1], *(x for x in through if x > mine[1] + JOIN
                              and merged_cell(mine[1], x))])
    return mine[0], mine[1], mine[2]

"""A ruled table the page's edge clipped on the right: its last column closed again.

Stage: read (runs in the PDF worker process; works on a page's :class:`.pdf_tables.Rules`).
A browser prints a table wider than the page as far as the page's printable area
and clips the rest: its row rules end at the clip, past the last column rule the
page kept, and the text of the column they run into (an arrow of a plan's schedule,
``→``) stood in no cell, so it was read as a line of its own under its row.
:func:`closed_sides` draws the missing rule where the row rules end.
"""

from __future__ import annotations

from itertools import pairwise

from bma_etl.read.pdf_tables import JOIN, MIN_RULE, SLACK, Rule, Rules

#: Row rules ending together past the table's last column rule, at least (a ruled
#: table: its top and bottom, and the rules between rows).
MIN_ROW_RULES = 2


def closed_sides(rules: Rules) -> Rules:
    """``rules`` with a vertical rule where a ruled table's row rules end open on the right.

    Row rules (horizontal) that end within :data:`.pdf_table_ids.JOIN` points of one x,
    :data:`MIN_ROW_RULES` or more, one above the next joined by column rules that
    span both, end open when no column rule of a row between them stands within
    :data:`.pdf_tables.MIN_RULE` points of that x.
    The rule added runs as far down and up as they and their column rules do (a row
    the page's foot cut goes on below the lowest).

    >>> rules = Rules(vertical=((10.0, 20.0, 300.0), (50.0, 20.0, 300.0), (90.0, 20.0, 300.0)),
    ...               horizontal=((20.0, 10.0, 120.0), (200.0, 10.0, 120.0), (300.0, 10.0, 120.0)))
    >>> closed_sides(rules).vertical[-1]
    (120.0, 20.0, 300.0)
    """
    added: list[Rule] = []
    for group in _ending_together(rules.horizontal):
        end = min(h[2] for h in group)
        chain: list[Rule] = []
        for h in sorted(group):
            if chain and not _joined(chain[-1], h, end, rules.vertical):
                added.extend(_closing(chain, end, rules.vertical))
                chain = []
            chain.append(h)
        added.extend(_closing(chain, end, rules.vertical))
    if not added:
        return rules
    return Rules(tuple(sorted((*rules.vertical, *added))), rules.horizontal)


def _ending_together(horizontal: tuple[Rule, ...]) -> list[list[Rule]]:
    """The horizontal rules grouped by their right ends (within :data:`.pdf_table_ids.JOIN`)."""
    groups: list[list[Rule]] = []
    for rule in sorted(horizontal, key=lambda h: h[2]):
        if groups and rule[2] - groups[-1][0][2] <= JOIN:
            groups[-1].append(rule)
        else:
            groups.append([rule])
    return groups


def _spanning(lower: Rule, upper: Rule, vertical: tuple[Rule, ...], end: float) -> list[Rule]:
    """The vertical rules up to ``end`` that run from ``lower`` to ``upper``."""
    return [v for v in vertical if v[0] <= end + JOIN and v[1] - SLACK <= lower[0]
            and v[2] + SLACK >= upper[0] and max(lower[1], upper[1]) - SLACK <= v[0]]


def _joined(lower: Rule, upper: Rule, end: float, vertical: tuple[Rule, ...]) -> bool:
    """Whether a column rule joins two row rules (one table's rules, one row apart)."""
    return bool(_spanning(lower, upper, vertical, end))


def _closing(chain: list[Rule], end: float, vertical: tuple[Rule, ...]) -> list[Rule]:
    """The rule closing ``chain`` (row rules of one table, bottom to top) at ``end``, if open.

    Open when every row between two of its rules has two column rules or more, none
    at ``end``, the last :data:`.pdf_tables.MIN_RULE` points or more left of it;
    the rule runs from the lowest of them and of their column rules to the highest.
    """
    if len(chain) < MIN_ROW_RULES:
        return []
    low, high = chain[0][0], chain[-1][0]
    for lower, upper in pairwise(chain):
        columns = _spanning(lower, upper, vertical, end)
        if len(columns) < 2 or end - max(v[0] for v in columns) < MIN_RULE:
            return []
        low = min(low, *(v[1] for v in columns))
        high = max(high, *(v[2] for v in columns))
    return [(end, low, high)]

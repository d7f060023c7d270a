"""Which ruled table each row of a page belongs to (:func:`table_ids`).

Stage: read (runs in the PDF worker process; a helper of
:func:`.pdf_tables.with_table_rows`, which gives every row it makes its table's id).
"""

from __future__ import annotations

#: Rules this close (points) are one: boxes drawn cell by cell share their sides.
JOIN = 2.5

#: Tolerance (points) for a piece on a rule, and for two band edges of one table
#: (:mod:`.pdf_tables`, :mod:`.pdf_rowspans`).
SLACK = 1.0

#: Column edges of two rows of one table agree within this (points): a table drawn
#: cell by cell puts a column's rule within a point of where the row above put it.
GRID_SLACK = JOIN


def table_ids(rows: dict[tuple[float, float, float, float], tuple[float, ...]]
              ) -> dict[tuple[float, float, float, float], tuple[int, int, int]]:
    """Each ruled row's table id: ``(left, right, n)``, edges rounded to points.

    ``rows``: each row's ``(top, bottom, left, right)`` and its columns' left edges.
    Going down the page, a row belongs to the table of the row above it with the
    same edges when their grids agree: the column rules inside one row all stand
    where the other has rules too (a row whose cells are merged has some of the
    table's rules, a header over merged columns fewer than the rows below it), or
    all stand where some row of the table had one. Rows of the same width under a
    rule with columns of their own start a new table (``n`` counts the tables of
    those edges on the page, from 0): two ruled tables printed with no gap between
    them are two tables, even when some of their columns line up.

    >>> ids = table_ids({(700.0, 680.0, 40.0, 500.0): (40.0, 200.0),
    ...                  (680.0, 600.0, 40.0, 500.0): (40.0, 200.5, 350.0),
    ...                  (600.0, 580.0, 40.0, 500.0): (40.0, 200.0, 300.0),
    ...                  (580.0, 560.0, 40.0, 500.0): (40.0, 90.0, 350.0)})
    >>> [ids[r][2] for r in sorted(ids, reverse=True)]
    [0, 0, 1, 2]
    """
    ids: dict[tuple[float, float, float, float], tuple[int, int, int]] = {}
    last: dict[tuple[int, int], tuple[tuple[float, ...], list[float], int]] = {}
    for row in sorted(rows, key=lambda r: -r[0]):
        edges = (round(row[2]), round(row[3]))
        inner = rows[row][1:]
        above = last.get(edges)
        if above is None:
            seen, n = list(inner), 0
        elif _within(inner, above[0]) or _within(above[0], inner) or _within(inner, above[1]):
            seen, n = above[1] + list(inner), above[2]
        else:
            seen, n = list(inner), above[2] + 1
        last[edges] = (inner, seen, n)
        ids[row] = (*edges, n)
    return ids


def _within(xs: tuple[float, ...], grid: tuple[float, ...] | list[float]) -> bool:
    """Whether each of ``xs`` stands within :data:`GRID_SLACK` of one of ``grid``."""
    return all(any(abs(x - g) <= GRID_SLACK for g in grid) for x in xs)


def one_each(xs: tuple[float, ...]) -> tuple[float, ...]:
    """Column edges (sorted, points) with edges within :data:`JOIN` of the one before dropped.

    A header cell's fill drawn inside its border gives its column a second edge a
    fraction of a point off (the border's middle, the fill's side): no column is that
    narrow. The table's right edge keeps the rightmost of its group.

    >>> one_each((46.1, 92.2, 92.6, 331.9, 425.6, 549.0, 549.4))
    (46.1, 92.2, 331.9, 425.6, 549.4)
    """
    out: list[float] = []
    for x in xs:
        if out and x - out[-1] <= JOIN:
            if x == xs[-1]:
                out[-1] = x
            continue
        out.append(x)
    return tuple(out)

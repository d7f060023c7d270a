"""A borderless table's row that a page break cut, joined again across the break.

Stage: read; the page-break half of :mod:`.pdf_borderless` (which finds the rows
within a page). A word processor's borderless row cut at a page's foot goes on
at the next page's head: the cells of the next page's first lines that start
under the row's cells go on them (``รายงาน`` / ``ครั้งที่8``).
"""

from __future__ import annotations

from dataclasses import replace

from bma_etl.read.pdf_borderless import FLUSH_EM, spaced_before, word_room
from bma_etl.read.pdf_cuts import cut_inside_word
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_tables import join_pieces


def join_cut_row(before: list[TextLine], after: list[TextLine]) -> list[TextLine]:
    """A borderless row a page break cut joined again.

    ``after`` (a page's lines) with its first lines joined into the last of ``before``
    (the page before's) when a page break cut a top-aligned borderless row there.

    The last line of ``before`` is a row of a borderless table (tabs, no rules); each
    of the first lines of ``after`` that has its first column empty goes on that
    row: each of its pieces goes on the row's cell that starts at its x or the
    nearest left of it (within a font size). The first of them may fill the first
    column too (``รายงาน`` / ``ครั้งที่8``) when the row's last line filled each
    column it goes on (:attr:`TextLine.room` less than the room its first word
    needs: :func:`top_aligned_rows`) and the row is of several lines or its first
    cell was cut inside a word (:func:`cut_inside_word`), as within a page. The
    joined row replaces the last line of ``before`` (in place); returns ``after``
    without the lines joined.
    """
    last = next((k for k in range(len(before) - 1, -1, -1) if before[k].text.strip()), None)
    first = next((k for k, line in enumerate(after) if line.text.strip()), None)
    if last is None or first is None:
        return after
    row = before[last]
    mine = [k for k, piece in enumerate(row.text.split("\t")) if piece.strip()]
    if row.table is not None or "\t" not in row.text or len(mine) != len(row.cells) \
            or len(mine) < 2:
        return after
    pieces = row.text.split("\t")
    taken = first
    while taken < len(after):
        cont = after[taken]
        texts = [p for p in cont.text.split("\t") if p.strip()]
        size = max(row.size, cont.size) or 1.0
        if cont.table is not None or len(texts) != len(cont.cells) or not texts:
            break
        into = []
        for x in cont.cells:
            near = [k for k, cx in zip(mine, row.cells, strict=True) if cx <= x + size]
            into.append(near[-1] if near else mine[0])
        if mine[0] in into and not (taken == first and _goes_on_first(row, cont, texts, into)):
            break  # a cell in the row's first column: a row of its own
        done: set[int] = set()
        for n, (k, text) in enumerate(zip(into, texts, strict=True)):
            glue = " " if k in done and spaced_before(cont, n) else None
            pieces[k] = pieces[k].strip() + glue + text.strip() if glue else \
                join_pieces(pieces[k].strip(), text.strip())
            done.add(k)
        taken += 1
    if taken == first:
        return after
    before[last] = replace(row, text="\t".join(pieces))
    return after[:first] + after[taken:]


def _goes_on_first(row: TextLine, cont: TextLine, texts: list[str], into: list[int]) -> bool:
    """Whether ``cont``, the next page's first line, fills on ``row`` from its first column.

    ``texts``: ``cont``'s pieces, going on ``row``'s columns ``into`` (see
    :func:`join_cut_row`).
    """
    if len(row.room) != len(row.cells) or len(set(into)) != len(into):
        return False
    pieces = row.text.split("\t")
    mine = [k for k, piece in enumerate(pieces) if piece.strip()]
    size = max(row.size, cont.size) or 1.0
    ends = cont.ends if len(cont.ends) == len(texts) else ()
    if not ends:
        return False
    for n, (k, text) in enumerate(zip(into, texts, strict=True)):
        at = mine.index(k)
        if at + 1 < len(row.cells) and ends[n] > row.cells[at + 1]:
            return False  # runs over the next column: no part of a cell of the row
        if row.room[at] > word_room(text, ends[n] - cont.cells[n], size):
            return False  # the row's last line left room there: it ended
        if len(row.ends) == len(row.cells) and row.room[at] != float("inf") \
                and ends[n] > row.ends[at] + row.room[at] + FLUSH_EM * size:
            return False  # runs past the column's edge: a paragraph under the table
    several = row.depth > 0.5 * size
    return several or cut_inside_word(pieces[mine[0]], texts[0])

"""A row of fewer cells under a borderless head row: its cells put in the head's columns.

Stage: read (a PDF text layer's page, after :func:`.pdf_columns.with_columns`).
LibreOffice prints a web page's table with no rules: a head row of centred cells
(``ผลงานเดือนที่ 1 … ผลงานเดือนที่ 12``, each wrapped over lines) over a row of
left-aligned values that fills the first columns only (``5 8 20 41 50 62``, the
months not reported yet left empty). The value row's cells start left of the head
cells' centred text, on a line of their own after a blank one: no column of
:mod:`.pdf_columns` joins them, and the row was read as six cells under twelve, which
month each is told by nothing. Each of its cells stands inside one head column
(:func:`under_heads`): the row gets one tab per column it skips, and its empty
cells to the head's last column, as a text file's tab row has them.
"""

from __future__ import annotations

from itertools import pairwise

from bma_etl.read.pdf_line import TextLine, replaced

#: A head row has this many cells at least.
MIN_HEADS = 3


def _column_of(head: TextLine, left: float, right: float, size: float) -> int | None:
    """The head column a cell ``left..right`` (points) stands in, or None.

    Column ``j`` runs from a font size left of its head cell's start to the next
    head cell's start; the cell starts in it and ends before the next one starts.
    """
    starts = head.cells
    for j, start in enumerate(starts):
        end = starts[j + 1] if j + 1 < len(starts) else float("inf")
        if start - size <= left < end and right <= end:
            return j
    return None


def _in_columns(head: TextLine, row: TextLine) -> list[int] | None:
    """Each of ``row``'s cells' head column, in order, or None when one stands in none."""
    size = max(head.size, row.size) or 1.0
    if len(row.ends) != len(row.cells):
        return None
    cols = [_column_of(head, left, right, size) for left, right in zip(row.cells, row.ends,
                                                                        strict=True)]
    if any(c is None for c in cols):
        return None
    placed = [c for c in cols if c is not None]
    if any(b <= a for a, b in pairwise(placed)):
        return None
    return placed


def _plain(line: TextLine) -> bool:
    """A borderless line whose tabs are its cells' breaks, one each (no empty cell)."""
    pieces = line.text.split("\t")
    return line.table is None and len(pieces) == len(line.cells) and all(
        piece.strip() for piece in pieces)


def under_heads(lines: list[TextLine]) -> list[TextLine]:
    """``lines`` with each value row under a borderless head row set in its columns.

    A head row: :data:`MIN_HEADS` cells or more, none empty. Its value row: the next
    line with text (blank lines between), of fewer cells, each of which stands in
    one head column (:func:`_column_of`), in order. The row's text gets one tab per
    column skipped and a tab per empty column after its last cell.
    """
    out = list(lines)
    for k, head in enumerate(lines):
        if len(head.cells) < MIN_HEADS or not _plain(head):
            continue
        m = next((i for i in range(k + 1, len(lines)) if lines[i].text.strip()), None)
        if m is None:
            continue
        row = lines[m]
        if not 1 < len(row.cells) < len(head.cells) or not _plain(row):
            continue
        cols = _in_columns(head, row)
        if cols is None:
            continue
        pieces = row.text.split("\t")
        text = "\t" * cols[0] + pieces[0]
        for previous, col, piece in zip(cols, cols[1:], pieces[1:], strict=False):
            text += "\t" * (col - previous) + piece
        out[m] = replaced(row, text=text + "\t" * (len(head.cells) - 1 - cols[-1]))
    return out


__all__ = ["MIN_HEADS", "under_heads"]

"""A ``pdftotext -layout`` table's pieces of text and its columns.

Stage: read (a helper of :mod:`bma_etl.read.text_layout`, which says how a table
is told and read). A line's pieces are its words one space apart; a table's
columns start where its pieces start on :data:`MIN_SUPPORT` lines or more and on
:data:`SUPPORT_SHARE` of its lines holding two pieces or more; a piece reaching
the next columns is cut there (:func:`cut_piece`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bma_etl.normalize.digits import to_arabic_digits

__all__ = ["MAX_COLUMNS", "NEAR", "Grid", "Piece", "column_of", "cut_piece", "first_word",
           "grid_of", "in_column", "runs"]

#: Lines a column's start must begin text on.
MIN_SUPPORT = 2
#: Places this near are one column's start (a page's table set a character or two over).
NEAR = 2
#: Share of a table's split lines a column's start must begin text on.
SUPPORT_SHARE = 0.25
#: Most columns a table read back has (a plan's budget table 4, a form's reports 4).
MAX_COLUMNS = 5

#: A piece of a line: words one space apart.
_RUN = re.compile(r"\S+(?: \S+)*")
_NUMBER = re.compile(r"[0-9][0-9,.\-]*")


@dataclass(frozen=True)
class Grid:
    """A table's columns: their starts, the first words their cells start with, widths."""

    starts: list[int]
    openings: dict[int, set[str]]
    width: dict[int, int]


@dataclass(frozen=True)
class Piece:
    """Text of one line at character ``start`` (the dump's place), in column ``col``."""

    start: int
    text: str
    col: int = -1

    @property
    def end(self) -> int:
        """The place just past the piece's text."""
        return self.start + len(self.text)


def runs(line: str) -> list[Piece]:
    """A line's pieces two spaces or more apart."""
    return [Piece(m.start(), m.group()) for m in _RUN.finditer(line)]


def _columns(lines: list[list[Piece]]) -> list[int]:
    """Places where text starts on :data:`MIN_SUPPORT` lines or more (:data:`NEAR`: the same).

    And on :data:`SUPPORT_SHARE` of the lines holding text in two places or more: a
    wrapped paragraph's words meet at a place now and then, a column's every row.
    """
    least = max(MIN_SUPPORT, SUPPORT_SHARE * sum(1 for ps in lines if len(ps) >= 2))
    seen: dict[int, set[int]] = {}
    for k, pieces in enumerate(lines):
        for p in pieces:
            seen.setdefault(p.start, set()).add(k)
    starts: list[int] = []
    for place in sorted(seen, key=lambda s: (-len(seen[s]), s)):
        if any(abs(place - s) <= NEAR for s in starts):
            continue
        near = set().union(*(seen.get(place + d, set()) for d in range(-NEAR, NEAR + 1)))
        if len(near) >= least:
            starts.append(place)
    return sorted(starts)


def first_word(text: str) -> str:
    """A cell's first word, a number as its shape (``9``)."""
    word = text.split(" ", 1)[0]
    return "9" if _NUMBER.fullmatch(to_arabic_digits(word)) else word


def cut_piece(line: str, piece: Piece, grid: Grid) -> list[Piece]:
    """A piece cut where it reaches the next columns (see the module docstring)."""
    out: list[Piece] = []
    floor = piece.start + 1  # a cut's rest stands in the column it was cut for
    col = column_of(piece, grid.starts)
    while True:
        inside = [c for c in grid.starts if floor < c <= piece.end]
        if not inside:
            out.append(Piece(piece.start, piece.text, col))
            return out
        nxt = inside[0]
        wide = grid.width.get(nxt, 8)
        stop = inside[1] if len(inside) > 1 else piece.end
        # a space the rest after which fits the next column (to its next start)
        spaces = [s for s in range(max(piece.start, nxt - wide - 1), stop - 1)
                  if line[s] == " " and line[s + 1] != " "
                  and (stop - s - 1 <= wide + NEAR or len(inside) > 1)]
        liked = [s for s in spaces
                 if first_word(line[s + 1:stop]) in grid.openings.get(nxt, set())]
        near = [s for s in spaces if s + 1 >= nxt - max(1, wide // 2)]
        exact = [s for s in near if s + 1 == nxt]
        if not (liked or near):
            out.append(Piece(piece.start, piece.text, col))
            return out
        cut = min(liked or exact or near, key=lambda s: abs(s + 1 - nxt))
        out.append(Piece(piece.start, line[piece.start:cut], col))
        piece, floor, col = Piece(cut + 1, line[cut + 1:piece.end]), nxt, grid.starts.index(nxt)


def column_of(piece: Piece, starts: list[int]) -> int:
    """The column a piece starting at its place stands in."""
    col = 0
    for k, c in enumerate(starts):
        if piece.start + NEAR >= c:
            col = k
    return col

def grid_of(pieces: list[list[Piece]]) -> Grid | None:
    """The columns of a table's lines' pieces, or None for too few or too many."""
    starts = _columns(pieces)
    if not 2 <= len(starts) <= MAX_COLUMNS:
        return None
    openings: dict[int, set[str]] = {}
    width: dict[int, int] = {}
    for ps in pieces:
        for p in ps:
            at = next((c for c in starts if abs(p.start - c) <= NEAR), None)
            if at is not None:
                openings.setdefault(at, set()).add(first_word(p.text))
                width[at] = max(width.get(at, 0), len(p.text))
    for k, c in enumerate(starts[:-1]):
        width[c] = starts[k + 1] - c
    return Grid(starts, openings, width)


def in_column(piece: Piece, grid: Grid) -> bool:
    """Whether a line's one piece stands in a column (a cell's last piece).

    At a later column's start, or within the first column (a total's wrapped
    label; not a paragraph's line).
    """
    col = column_of(piece, grid.starts)
    if col == 0:
        return piece.end < grid.starts[1] - 1
    return abs(piece.start - grid.starts[col]) <= NEAR and (
        col + 1 == len(grid.starts) or piece.end < grid.starts[col + 1] + grid.width[
            grid.starts[col + 1]])

"""A run of a PDF page's lines as pieces, and the columns the pieces stand in.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_page`, whose
side-by-side cells are found from these). A run is lines that follow one another
(:func:`.pdf_page.with_side_by_side`); a piece is a tab-separated cell of one of its
lines with its x extent (points).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from bma_etl.read.pdf_cutcells import cut_at_starts
from bma_etl.read.pdf_cuts import cut_inside_number
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_tables import join_pieces


@dataclass(frozen=True, slots=True)
class Piece:
    """A tab-separated cell of one line of a run, and where it stands (points)."""

    text: str
    left: float
    right: float
    baseline: float
    line: int  # index of its line in the run
    gaps: tuple[tuple[float, float], ...] = ()  # its spaces' two sides (TextLine.gaps)
    size: float = 0.0  # its line's font size (points)
    #: It ends in a space the PDF wrote (:attr:`TextLine.spaces`: LibreOffice keeps the
    #: space it wrapped a cell's line at).
    spaced: bool = False


def _pieces(line: TextLine, index: int) -> list[Piece]:
    """A line's tab-separated pieces with their x extents (a piece ends where the next starts)."""
    assert line.baseline is not None
    texts = line.text.split("\t")
    if len(texts) != len(line.cells) or len(texts) == 1:
        return [Piece(line.text.replace("\t", " "), line.left, line.right, line.baseline,
                      index, line.gaps if len(texts) == 1 else (), line.size, line.spaced_end)]
    # A cell ends at its last character when the line says where; else where the next starts.
    ends = line.ends if len(line.ends) == len(texts) else \
        [end - 0.5 for end in (*line.cells[1:], line.right + 0.5)]
    heights = line.heights if len(line.heights) == len(texts) else (line.baseline,) * len(texts)
    spaces = line.spaces if len(line.spaces) == len(texts) else (False,) * len(texts)
    return [Piece(t, x, max(x, end), y, index,
                  tuple(g for g in line.gaps if x <= g[0] and g[1] <= end), line.size, space)
            for t, x, end, y, space in zip(texts, line.cells, ends, heights, spaces, strict=True)
            if t.strip()]


def _columns(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces gathered into columns: pieces whose x extents overlap are one column.

    A piece is first cut where wide white space ends at another line's piece's start
    (:func:`.pdf_cutcells.cut_at_starts`: cells closer than a tab).
    """
    def starts(line: int) -> Callable[[], list[float]]:  # where the other lines' pieces start
        return lambda: [q.left for q in pieces if q.line != line]
    cut = []
    for p in pieces:
        parts = cut_at_starts(p.text, p.left, p.right, p.gaps, p.size, starts(p.line))
        cut += [Piece(text, left, right, p.baseline, p.line, gaps, p.size,
                      p.spaced and k == len(parts) - 1)  # the written space ends the last
                for k, (text, left, right, gaps) in enumerate(parts)]
    columns: list[list[Piece]] = []
    right = float("-inf")
    for piece in sorted(cut, key=lambda p: p.left):
        if columns and piece.left < right:
            columns[-1].append(piece)
            right = max(right, piece.right)
        else:
            columns.append([piece])
            right = piece.right
    return columns


def column_text(column: list[Piece]) -> tuple[str, bool]:
    """A column's pieces joined, and whether its last one ends in a written space.

    Pieces join top to bottom, left to right (:func:`.pdf_tables.join_pieces`). A
    piece that ends in a space the PDF wrote (:attr:`Piece.spaced`: LibreOffice keeps
    the space it wrapped a cell's line at when it fits) is followed by that space
    where the join would have run the two on (Thai letters on both sides,
    ``…คลองแสนแสบ `` / ``ระยะที่ 2``); an amount the cell's edge cut stays whole
    (:func:`.pdf_cuts.cut_inside_number`). A writer that leaves no trace of the
    space it wrapped at (Chromium writes none) gets the join's own choice.
    """
    text, space = "", False
    for piece in sorted(column, key=lambda p: (-p.baseline, p.left)):
        body = piece.text.strip()
        joined = join_pieces(text, body)
        if space and text and body and len(joined) == len(text) + len(body) \
                and not cut_inside_number(text, body):
            joined = f"{text} {body}"
        text, space = joined, piece.spaced
    return text, space


def line_pieces(line: TextLine) -> list[Piece]:
    """A line's tab-separated pieces with their x extents (points); its index is 0.

    ``line`` has a baseline; a line whose cells the text does not match is one piece.
    """
    return _pieces(line, 0)


def run_columns(run: list[TextLine]) -> list[list[Piece]]:
    """The pieces of a run's lines (:func:`_pieces`) gathered into :func:`_columns`."""
    return _columns([p for i, line in enumerate(run) for p in _pieces(line, i)])


def last_rooms(run: list[TextLine], columns: list[list[Piece]]) -> tuple[float, ...]:
    """Per column of a run's pieces: how far (points) its last line ends short of its widest.

    The last line is the lowest piece's (the rightmost of the lowest); a piece that
    is a cell whose lines were joined before (its line's
    :attr:`~.pdf_layout.TextLine.depth` and :attr:`~.pdf_layout.TextLine.room`, by
    the cell it starts) ends its own last line that much short of its right.
    """
    out = []
    for column in columns:
        low = min(column, key=lambda p: (p.baseline, -p.right))
        line = run[low.line]
        short = 0.0
        if line.depth and len(line.room) == len(line.cells) and low.left in line.cells:
            room = line.room[line.cells.index(low.left)]
            short = room if room > 0 else 0.0  # (NaN: unknown, none)
        out.append(max(p.right for p in column) - low.right + short)
    return tuple(out)


def with_stretched_tails(columns: list[list[Piece]], page: list[Piece]) -> list[list[Piece]]:
    """A run's columns with each justified line's last word back in its cell.

    Justification spreads a cell's line with one space to the cell's edge: the word
    after the space (``…ต่างประเทศ`` / ``(ส่วน``) stands alone at the edge, a font size
    or more past the cell's other lines, and makes a column of one piece. It is the
    line's last word when the column left of it has a piece on its line and on the
    next (the cell's text goes on below, so that line was no paragraph's last, and a
    spread one), it ends right of that column's lines, which wrap at its edge
    (:func:`_wraps_at`), another line of the page's tables (``page``:
    :func:`.pdf_rowlines.table_pieces`; a header) holds the run's columns with that
    column its last (:func:`_spans_to`), and none starts a cell of letters or digits
    where the word does (a narrow column's cell, centred beside the wrapped one, has
    its fellows there; a mark such as ``→`` is no cell). A label of short lines with
    its value centred beside its middle line has no such line over it.
    """
    out: list[list[Piece]] = []
    for column in columns:
        if len(column) == 1 and out:
            lone, before = column[0], out[-1]
            size = lone.size or 1.0
            on_line = [p for p in before if p.line == lone.line]
            if len(on_line) == 1 and any(p.line == lone.line + 1 for p in before) \
                    and lone.right > max(p.right for p in before) + size \
                    and _wraps_at(before, on_line[0], lone.right, size) \
                    and _spans_to(page, [min(p.left for p in c) for c in out], lone, size) \
                    and not any(abs(q.left - lone.left) <= size for q in page
                                if q.baseline != lone.baseline
                                and any(ch.isalnum() for ch in q.text)):
                piece = on_line[0]
                out[-1] = sorted([p for p in before if p is not piece] + [Piece(
                    f"{piece.text.rstrip()} {lone.text.strip()}", piece.left, lone.right,
                    piece.baseline, piece.line, (*piece.gaps, (piece.right, lone.left),
                                                 *lone.gaps), piece.size, lone.spaced)],
                    key=lambda p: p.left)
                continue
        out.append(column)
    return out


def _spans_to(page: list[Piece], lefts: list[float], lone: Piece, size: float) -> bool:
    """Whether a line of ``page`` holds the run's columns, its last one the line's last.

    ``page``: a page's table pieces (:func:`.pdf_rowlines.table_pieces`), a line's
    told by their baseline; the line of ``lone`` is not asked. ``lefts``: where the
    run's columns left of ``lone`` start (points). Such a line (the table's header,
    another row) starts a cell at two of them or more, at the last of them too, and
    none right of it: the column there is the table's last, ``lone`` inside it.
    """
    lines: dict[float, list[Piece]] = {}
    for q in page:
        if q.baseline != lone.baseline:
            lines.setdefault(q.baseline, []).append(q)
    last = lefts[-1]
    for line in lines.values():
        starts = [q.left for q in line]
        if sum(1 for x in lefts if any(abs(x - q) <= size for q in starts)) >= 2 \
                and any(abs(q - last) <= size for q in starts) \
                and not any(q > last + size for q in starts):
            return True
    return False


def _wraps_at(column: list[Piece], spread: Piece, edge: float, size: float) -> bool:
    """Whether ``column``'s lines are one cell's, wrapped at ``edge`` (points).

    Each line but the last (``spread``, the justified one, reaches the edge) leaves
    less room before the edge than the next line's first word (up to its first space)
    and a font ``size`` more: else the next word would have gone on the line.
    """
    ordered = sorted(column, key=lambda p: -p.baseline)
    for above, below in pairwise(ordered):
        word = (below.gaps[0][0] if below.gaps else below.right) - below.left
        room = 0.0 if above is spread else edge - above.right
        if room > word + size:
            return False
    return True

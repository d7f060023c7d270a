"""Where a page's table rows stand against its cut: open sides, reach, room, lead.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_breaks`, which
joins the two parts of a row a page break cut). :func:`mark_open` marks each table
row a rule :func:`.pdf_breaks.closed` added bounds (:attr:`TextLine.open_below`,
:attr:`TextLine.open_above`); on the page's lowest row, which cells run down to its
bottom rule (:attr:`TextLine.reach`) and the room each one's last line leaves
(:attr:`TextLine.room`); on its highest row, the width of each cell's first word
(:attr:`TextLine.lead`).

A cell's room is what its last line leaves before the cell's right edge, and in
Thai distributed justification (Word's ``thaiDistribute``, printed by LibreOffice)
every line is spread to that edge, its last one too: a header cell ``มาตรการ``
stands across its whole column with no room left, as a wrapped line does. Such a
line is told by its width: wider than its characters could be unspread
(:data:`WIDEST_CHAR_EM` a character); its room is then what the column leaves
beside its characters at that widest (:func:`natural_end`).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from bma_etl.read.pdf_break_words import unbroken_word
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_line import THAI_MARKS, replaced
from bma_etl.read.pdf_tables import SLACK, Rules
from bma_etl.read.pdf_wraps import advance_share

if TYPE_CHECKING:
    from bma_etl.read.pdf_breaks import Cut

__all__ = ["WIDEST_CHAR_EM", "mark_open", "natural_end"]

#: A cell whose last baseline stands this many font sizes or less above its row's
#: bottom rule runs down to it (its descent and the cell's padding); a filled cell
#: whose text stops higher ended above it.
REACH_EM = 1.6


def mark_open(lines: list[TextLine], rules: Rules, cut: Cut,
              pieces: Sequence[TextLine] = ()) -> list[TextLine]:
    """``lines`` with each table row a :class:`Cut` rule bounds marked open on that side.

    ``pieces``: the page's lines before :func:`~.pdf_tables.with_table_rows` made
    rows of them; the page's lowest table row gets :attr:`TextLine.reach` and
    :attr:`TextLine.room` from them, its highest :attr:`TextLine.lead`.
    """
    rows = [i for i, line in enumerate(lines) if line.table is not None
            and line.baseline is not None and line.cells]
    if not rows:
        return lines
    lowest = min(rows, key=lambda i: lines[i].baseline or 0.0)
    highest = max(rows, key=lambda i: lines[i].baseline or 0.0)
    out = list(lines)
    for i in rows:
        line = out[i]
        x, y = line.cells[0], line.baseline or 0.0
        across = [h[0] for h in rules.horizontal if h[1] - SLACK <= x <= h[2] + SLACK]
        above = min((h for h in across if h > y), default=None)
        below = max((h for h in across if h < y), default=None)
        reach, room = _reach(line, pieces, above, below) if i == lowest else ((), ())
        lead = _lead(line, pieces, above, below) if i == highest else ()
        out[i] = replaced(line, open_above=above is not None and above in cut,
                          open_below=below is not None and below in cut, reach=reach, room=room,
                          lead=lead)
    return out


def _lead(row: TextLine, pieces: Sequence[TextLine], top: float | None,
          bottom: float | None) -> tuple[float, ...]:
    """Per cell of ``row``: the width of the first word of its first line, as drawn.

    The word is the unit a line breaker keeps whole (:func:`.pdf_break_words.unbroken_word`:
    ``1/7/2565 :``, the colon after its space with it).
    A piece's word is its share of the piece's width by the characters that advance
    the pen (:func:`.pdf_wraps.advance_share`: a Thai line's marks take no width),
    the whole piece when it is one word (0.0 for an empty cell or one not measured). See
    :attr:`~TextLine.lead`.
    """
    if top is None or bottom is None or not pieces:
        return ()
    edges = [x - SLACK for x in row.cells]
    right = float((row.table or (0, 0))[1])
    first: list[tuple[float, float]] = [(float("-inf"), 0.0)] * len(edges)  # (baseline, width)
    for piece in pieces:
        if piece.baseline is None or not bottom < piece.baseline < top \
                or len(piece.ends) != len(piece.cells):
            continue
        texts = piece.text.split("\t")
        heights = piece.heights if len(piece.heights) == len(piece.cells) else \
            (piece.baseline,) * len(piece.cells)
        if len(texts) != len(piece.cells):
            continue
        for x, y, end, text in zip(piece.cells, heights, piece.ends, texts, strict=True):
            if not edges[0] - SLACK <= x <= right + SLACK or not text.strip():
                continue
            column = max(k for k, edge in enumerate(edges) if edge <= x + SLACK)
            if y > first[column][0] + SLACK:
                body = text.strip()
                word = unbroken_word(body)  # with a closing mark no line starts with
                first[column] = (y, max(0.0, end - x) * advance_share(word, body))
    return tuple(width for _y, width in first)


def _reach(row: TextLine, pieces: Sequence[TextLine], top: float | None,
           bottom: float | None) -> tuple[tuple[bool, ...], tuple[float, ...]]:
    """Per cell of ``row``: whether it runs down to its bottom rule, and its last line's room.

    See :attr:`~TextLine.reach` and :attr:`~TextLine.room`. A last line spread wider
    than its characters (distributed justification) has its room measured from
    where its characters would end unspread (:func:`natural_end`).
    """
    if top is None or bottom is None or not pieces:
        return (), ()
    edges = [x - SLACK for x in row.cells]
    right = float((row.table or (0, 0))[1])
    lowest: list[float | None] = [None] * len(edges)
    lines: list[set[float]] = [set() for _ in edges]  # each cell's baselines
    ends = [0.0] * len(edges)
    pads = [SLACK] * len(edges)
    # each cell's last line as drawn: its pieces' (left x, text or None: unknown, font size)
    last_line: list[list[tuple[float, str | None, float]]] = [[] for _ in edges]
    for piece in pieces:
        if piece.baseline is None or not bottom < piece.baseline < top:
            continue
        heights = piece.heights if len(piece.heights) == len(piece.cells) else \
            (piece.baseline,) * len(piece.cells)
        last = piece.ends if len(piece.ends) == len(piece.cells) else (piece.right,) * len(
            piece.cells)
        texts: list[str | None] = list(piece.text.split("\t"))
        if len(texts) != len(piece.cells):
            texts = [None] * len(piece.cells)
        for x, y, end, text in zip(piece.cells, heights, last, texts, strict=True):
            if edges[0] - SLACK <= x <= right + SLACK:
                column = max(k for k, edge in enumerate(edges) if edge <= x + SLACK)
                low = lowest[column]
                drawn = (x, text, piece.size or row.size)
                if low is None or y < low - SLACK:
                    lowest[column], ends[column] = y, end
                    last_line[column] = [drawn]
                elif y <= low + SLACK:
                    ends[column] = max(ends[column], end)
                    last_line[column].append(drawn)
                pads[column] = max(pads[column], x - edges[column] - SLACK)
                lines[column].add(round(y, 1))
    size = row.size or 1.0
    if all(low is None for low in lowest):
        return (), ()
    floor = min(low for low in lowest if low is not None)
    reach = tuple(low is not None and low - bottom <= REACH_EM * size
                  and not _line_above(sorted(ys), floor)
                  for low, ys in zip(lowest, lines, strict=True))
    sides = [*edges[1:], right]
    room = tuple(max(0.0, side - pad - natural_end(drawn, end)) if low is not None else 0.0
                 for side, pad, end, low, drawn in zip(sides, pads, ends, lowest, last_line,
                                                       strict=True))
    return reach, room


#: The widest a character advances the pen, in font sizes: the corpus's Thai fonts'
#: widest letters and Latin ``W`` take 0.8-0.94 em (Loma's ``ณ`` 0.93, ``W`` 0.94).
#: A line wider than its characters at this width is spread (distributed).
WIDEST_CHAR_EM = 1.0


def natural_end(pieces: Sequence[tuple[float, str | None, float]] | None, end: float) -> float:
    """Where (x, points) a cell's last line would end were it not spread, at the latest.

    ``pieces``: the line's pieces as drawn, ``(left x, text, font size)``, left to
    right (None or a text of None: not known); ``end``: its right edge as drawn. Its
    characters that advance the pen (a Thai mark does not), and a space between two
    pieces, each :data:`WIDEST_CHAR_EM` wide, from its left edge; ``end`` when that
    is further (a line not spread).

    >>> natural_end([(56.8, "มาตรการ", 10.0)], 161.1)  # distributed across its cell
    126.8
    >>> natural_end([(56.8, "มาตรการ", 10.0)], 90.0), natural_end(None, 161.1)
    (90.0, 161.1)
    """
    if not pieces or any(text is None for _x, text, _size in pieces):
        return end
    ems = [(sum(ch not in THAI_MARKS for ch in text or ""), size) for _x, text, size in pieces]
    width = WIDEST_CHAR_EM * (sum(n * size for n, size in ems)
                              + sum(size for _n, size in ems[1:]))  # a space between two
    return min(end, round(min(x for x, _text, _size in pieces) + width, 1))


def _line_above(baselines: list[float], floor: float) -> bool:
    """Whether a cell's lines (``baselines``, points, low to high) end a line above ``floor``.

    ``floor``: the lowest last baseline of any cell of the row. A cell of two lines or
    more whose last line stands its own line pitch or more above it had room for
    another line there: it ended, the page did not cut it (a target set in a
    distributed alignment fills each of its lines to the column's edge, so its last
    line's room tells nothing: soffice-docx's ``ร้อยละ ๖๕`` / ``ของ`` / ``กิจกรรม`` /
    ``ทั้งหมด`` beside an indicator one line longer).
    """
    if len(baselines) < 2:
        return False
    pitch = min(b - a for a, b in pairwise(baselines))
    return pitch > SLACK and baselines[0] - floor >= pitch - SLACK

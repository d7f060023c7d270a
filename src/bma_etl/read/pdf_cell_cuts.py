"""Whether a ruled cell's break between two of its lines cut a word or a number.

Stage: read (runs in the PDF worker process; helpers of
:func:`.pdf_tables.with_table_rows`, which joins a cell's lines top to bottom; x in
points). A writer that wraps only at spaces cuts a run of letters longer than its
cell where the line is full; a cell too narrow for a number cuts the number; a
narrow cell's amount spread by distribution comes out in spaced digits. Each says
how the next line joins the one above.
"""

from __future__ import annotations

import re

#: A cell's line ends full when it leaves less than this many font sizes before
#: the cell's right padding (taken as wide as its left one): less than a letter.
CELL_FULL_EM = 1.0


def ends_full(above: tuple[str, float, float, bool], left: float, right: float,
              size: float) -> bool:
    """Whether a cell's line (``above``: text, x, end) ends full (:data:`CELL_FULL_EM`).

    A writer that wraps only at spaces cuts a run of letters (one longer than the
    cell, ``left`` to ``right`` rule, is wide) where the line is full; its lines
    wrapped at a space end full only by chance (the next word would have taken
    less than a letter's room): a full line's break is taken for a cut.
    """
    _text, x, end, _space = above
    return bool(end) and right - max(0.0, x - left) - end < CELL_FULL_EM * size


def cut_run(above: tuple[str, float, float, bool], tail: float, head: float, left: float,
            right: float, size: float) -> bool:
    """Whether a cell's break after ``above`` cut a run (a word no line could hold).

    As :func:`.pdf_wraps.spaced_wraps`: the line ends full (:func:`ends_full`) and its last
    word (from ``tail``) and the next line's first (``head`` wide) fill the cell's text.
    """
    _text, x, end, _space = above
    return ends_full(above, left, right, size) and (
        not tail or not head or end - tail + head >= right - left - 2 * max(0.0, x - left))


def word_edges(gaps: tuple[tuple[float, float], ...], x: float,
               end: float) -> tuple[float, float]:
    """Where a piece's last word starts, its first word's width (by gaps; 0 unknown)."""
    inside = [g for g in gaps if x < g[0] and g[1] < end] if end else []
    return (inside[-1][1], inside[0][0] - x) if inside else (x, end - x) if gaps else (0, 0)


_DIGITS = frozenset("0123456789๐๑๒๓๔๕๖๗๘๙")


def cut_number(before: str, text: str, above: tuple[str, float, float, bool], x: float,
               end: float, left: float, right: float) -> bool:
    """Whether ``text`` goes on with the number its cell's line above ends with.

    A cell too narrow for a number (a schedule's ``๔๐`` in a 1 cm column) is cut
    where its line is full: the line above ends in a digit, no written space, with
    no room left for this line's first character (width from ``x`` to ``end``), and
    this one starts with a digit. ``left``/``right``: the cell's rules (points). Two
    numbers on lines of their own leave room after the first or end it with a space (and
    a writer that wraps at spaces cuts only a run too long for the cell: :func:`cut_run`).
    """
    _text, ax, aend, space = above
    if space or not before or before[-1] not in _DIGITS or text[:1] not in _DIGITS \
            or not aend or end <= x:
        return False
    letter = (end - x) / len(text)
    return right - max(0.0, ax - left) - aend < letter


#: A cell's line of digits, commas and points alone, spread by single spaces (``,๔ ๕``):
#: distribution spreads the line of an amount that a narrow cell cut; joined to the
#: amount above it (:func:`.pdf_cuts.cut_inside_number`), its spaces go.
SPREAD_DIGITS = re.compile(r"[0-9\u0e50-\u0e59,.]+(?: [0-9\u0e50-\u0e59,.]+)+")

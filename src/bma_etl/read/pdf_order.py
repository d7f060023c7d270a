"""Put a line's characters in the order they stand on it, not the order they were drawn.

Stage: read (runs in the PDF worker process; works on a line of
:mod:`.pdf_layout` as it is being rebuilt, after :mod:`.pdf_clusters` put the
marks back on their letters). pdfium gives a page's text in drawing order, and
LibreOffice draws punctuation it shapes as a run of its own (curly quotes,
guillemets, in Sarabun and the TLWG fonts) after or before the Thai letters it
stands between: ``ระดับความ“สำเร็จ”`` is drawn ``ระดับความ ส “ ” ำเร็จ`` and read
so. Each piece of the line that stands left of what comes before it moves back
to where it stands (its advance box's left edge).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bma_etl.read.pdf_layout import _Line

#: How far (font sizes) a piece's left edge may stand left of the one before it
#: and still be in order: consecutive letters' advance boxes start at least a
#: narrow letter's width (0.2 em) apart; kerning and rounding move them far less.
ORDER_SLACK_EM = 0.1
#: Pieces whose baselines stand this many font sizes apart are not compared (a
#: line may join cells a browser set at different heights: :data:`.pdf_layout.STEP_EM`).
SAME_LINE_EM = 0.25
#: SARA AM: a spacing vowel, but one glyph of it (its NIKHAHIT) stands over the letter.
_SARA_AM = "\u0e33"
_WHITE = frozenset(" \u00a0\t")


#: One piece of a line: a white-space character, or a character with the marks
#: drawn on it (Thai marks, SARA AM, Latin combining marks).
_PIECE = re.compile("[ \u00a0\t]|[^ \u00a0\t][\u0e31\u0e33-\u0e3a\u0e47-\u0e4e\u0300-\u036f]*")

#: A piece of :data:`_PIECE` that is no white space.
_INK_PIECE = re.compile("[^ \u00a0\t][\u0e31\u0e33-\u0e3a\u0e47-\u0e4e\u0300-\u036f]*")


def _pieces(line: _Line) -> list[tuple[int, int]]:
    """The line's text cut into pieces ``(start, end)`` (:data:`_PIECE`).

    A mark after white space (or at the line's start) starts a piece of its own.
    """
    return [found.span() for found in _PIECE.finditer(line.text)]


def in_drawn_order(line: _Line) -> None:
    """Reorder ``line``'s pieces (see :func:`_pieces`) by where they stand on it.

    A piece moves back over the pieces before it on its baseline whose left edge
    stands more than :data:`ORDER_SLACK_EM` font sizes right of its own, provided
    a letter is among them. White space moves as a letter does, but for a written
    space whose box overlaps a letter of the line: LibreOffice writes one inside a
    Thai cluster and draws it at an earlier letter's place, away from any gap; it
    stays where the text has it, as :func:`.pdf_clusters.misplaced_space` expects.
    (A generated space has no width: pdfium puts it where the next letter starts.)
    Marks never leave their letter, so a mark's box standing left of its base's (as
    LibreOffice draws them) changes nothing. Text in order is left as it is.
    """
    text, index, g = line.text, line.index, line.g
    if len(text) < 2:
        return
    at_left, at_right = g.lefts, g.rights
    if isinstance(index, range):  # the line as pdfium gave it: one slice, sorted in C
        drawn = at_left[index.start:index.stop]
        if drawn == sorted(drawn):
            return  # every character starts right of the one before: its pieces too
    # The common case first: every letter starts right of the one before. Only the
    # pieces that are no white space are compared, so only they are looked for (in
    # C: a line has dozens of them, and most lines are in order).
    first = _INK_PIECE.search(text)
    if first is None:
        return
    inks = list(map(at_left.__getitem__, map(index.__getitem__, map(
        re.Match.start, _INK_PIECE.finditer(text, first.start())))))
    if len(inks) < 2 or inks == sorted(inks):
        return
    slack = ORDER_SLACK_EM * max(g.size(index[first.start()]), 1.0)
    if all(a <= b + slack for a, b in pairwise(inks)):
        return
    pieces = _pieces(line)
    white = [text[start] in _WHITE for start, _ in pieces]
    lefts = [at_left[index[start]] for start, _ in pieces]
    rights = [max(at_right[index[k]] for k in range(start, end)) for start, end in pieces]
    inked = [(lefts[n], rights[n]) for n in range(len(pieces)) if not white[n]]
    movable = [not white[n] or g.generated(index[pieces[n][0]])
               or not any(left < rights[n] - slack and right > lefts[n] + slack
                          for left, right in inked)
               for n in range(len(pieces))]
    order = list(range(len(pieces)))  # pieces by position in the new order
    moved = False
    for n in range(1, len(pieces)):
        if not movable[n]:
            continue
        start = pieces[n][0]
        size = g.size(index[start])
        if size <= 1.0:  # a generated space reports 1: its neighbour's size
            size = g.size(index[pieces[n - 1][0]])
        if size <= 1.0:
            continue
        here = line.origin(start)
        slack = ORDER_SLACK_EM * size
        at = order.index(n)
        k, passed_letter, target = at - 1, False, at
        while k >= 0:
            other = order[k]
            there = line.origin(pieces[other][0])
            if here is not None and there is not None \
                    and abs(here[1] - there[1]) >= SAME_LINE_EM * size:
                break
            if lefts[other] <= lefts[n] + slack:
                break
            passed_letter = passed_letter or not white[other]
            k -= 1
            if passed_letter:
                target = k + 1
        if target < at:
            order.insert(target, order.pop(at))
            moved = True
    if not moved:
        return
    made = [white[n] and g.generated(index[start]) for n, (start, _) in enumerate(pieces)]
    order = _respaced(order, white, lefts, rights, slack / ORDER_SLACK_EM, made)
    chars = [text[s:e] for s, e in pieces]
    spans = [list(index[s:e]) for s, e in pieces]
    line.text = "".join(chars[p] for p in order)
    line.index = [i for p in order for i in spans[p]]


def _respaced(order: list[int], white: list[bool], lefts: list[float], rights: list[float],
              size: float, made: list[bool] | None = None) -> list[int]:
    """``order`` with white space the moves piled up moved into the gaps they opened.

    pdfium writes white space only between characters drawn one after the other:
    where two letters come to stand side by side that were not drawn so (the
    letter before a late-drawn quote and the one after it), a word gap between
    them has no space, while two runs of white space may meet elsewhere. Each
    white-space piece that the moves put after another (not drawn after it) goes,
    in turn, into such a gap of :data:`.pdf_layout.JOIN_GAP_EM` font sizes or more
    (``size``: points), which :meth:`.pdf_layout._Line._space` then decides as any
    other; one left over is dropped (the gap it stands in has white space). Of a
    space pdfium made up (``made``, by piece) and a written one piled after it, the
    written one stays: it is drawn in the gap it came to (a space written after a run of
    missing-glyph boxes that pdfium listed before the text left of them), the made-up
    one, of no width, is the one moved.
    """
    from bma_etl.read.pdf_layout import JOIN_GAP_EM

    if made is not None:
        order = list(order)
        for k in range(1, len(order)):
            p, before = order[k], order[k - 1]
            if white[p] and white[before] and before != p - 1 and made[before] and not made[p]:
                order[k - 1], order[k] = p, before
    spare = [p for k, p in enumerate(order)
             if k and white[p] and white[order[k - 1]] and order[k - 1] != p - 1]
    if not spare:
        return order
    kept = [p for p in order if p not in spare]
    gaps = [k for k in range(1, len(kept)) if not white[kept[k]] and not white[kept[k - 1]]
            and kept[k - 1] != kept[k] - 1
            and lefts[kept[k]] - rights[kept[k - 1]] >= JOIN_GAP_EM * size]
    fill = dict(zip(gaps, spare, strict=False))
    out: list[int] = []
    for k, p in enumerate(kept):  # a spare not used is dropped: its gap has white space
        if k in fill:
            out.append(fill[k])
        out.append(p)
    return out

"""Advance boxes wider than the advances a PDF lays its glyphs out with.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_layout`).
LibreOffice sets a run in one font's advances but may draw it with another's
glyphs (digits of a Noto Sans Thai text drawn from Waree, 0.636 em wide by the
PDF's widths, set 0.570 em apart): each advance box then reaches into the next
letter's, and a word space after the run looks narrower than a space by as much.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bma_etl.read.pdf_layout import _Line

#: An advance box reaching this many font sizes into the next letter's is wider than
#: the advance it was set with (kerning moves a letter back less).
OVERHANG_EM = 0.04


def overhang(line: _Line, pos: int, size: float) -> float:
    """How far (points) the advance box of ``line.text[pos]`` passes its laid-out advance.

    Measured on the letter before it, drawn on the same baseline: how far its box
    reaches past ``pos``'s origin, when that is :data:`OVERHANG_EM` font sizes or
    more (``size``: points) and no more than half ``pos``'s box; else 0.0.
    """
    if pos < 1 or size <= 1.0 or line.text[pos - 1] in " \u00a0\t" or line.text[pos] in " \u00a0\t":
        return 0.0
    g, index = line.g, line.index
    before, here = index[pos - 1], index[pos]
    if g.generated(before) or g.generated(here):
        return 0.0
    origin, previous = g.origin(here), g.origin(before)
    if origin is None or previous is None or abs(origin[1] - previous[1]) > 0.01 \
            or not previous[0] < origin[0]:
        return 0.0
    left, right = g.edges(here)
    reach = g.edges(before)[1] - origin[0]
    if reach < OVERHANG_EM * size or reach > (right - left) / 2:
        return 0.0
    return reach


def reach_back(line: _Line, pos: int) -> float:
    """How far (points) the advance box of ``line.text[pos]`` starts left of its origin.

    Some glyphs' boxes do (Sarabun's ``/`` by 0.03 font sizes, Garuda's ``โ`` by
    0.06): a word space pdfium made up before one looks narrower than it was laid
    out by as much. 0.0 when pdfium gives no origin or the box starts at or right of it.
    """
    g, index = line.g, line.index
    origin = g.origin(index[pos])
    return max(0.0, origin[0] - g.edges(index[pos])[0]) if origin is not None else 0.0


#: Most a letter's box passes its advance by and still counts (:func:`past_advance`):
#: a glyph's overshoot. Further, the space is not at the advance's end (Chromium
#: puts the spaces pdfium makes up after a cluster it wrote as one span elsewhere).
PAST_ADVANCE_EM = 0.04


def past_advance(line: _Line, a: int) -> float:
    """How far (points) the box of the letter before the space ``line.text[a]`` passes its advance.

    pdfium puts a space it made up at the letter's advance end (Sarabun's ``/`` draws
    0.02 font sizes past it): measured from the box, the space looks narrower by as
    much. 0.0 unless the space was made up and stands on the letter's baseline.
    """
    g, index = line.g, line.index
    if a < 1 or not g.generated(index[a]):
        return 0.0
    here, before = g.origin(index[a]), g.origin(index[a - 1])
    if here is None or before is None or abs(here[1] - before[1]) > 0.01 \
            or not before[0] < here[0]:
        return 0.0
    past = g.edges(index[a - 1])[1] - here[0]
    return past if 0.0 < past <= PAST_ADVANCE_EM * g.size(index[a - 1]) else 0.0

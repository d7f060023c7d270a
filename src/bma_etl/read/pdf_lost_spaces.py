"""Word spaces a browser drew after a Thai cluster that pdfium generated no space for.

Stage: read (runs in the PDF worker process; a helper of :meth:`.pdf_layout._Line.fixed`).
Chromium draws no space glyph; pdfium generates a space where the gap between two
letters says one stands. After a cluster Chromium wrote as an ``/ActualText`` span
(a letter and its mark: ``ดี``, ``ใช้``, ``ที่``) in a font whose glyph boxes pdfium
splits across the span's characters (Waree, the browser's fallback for Thai on a
page with no Thai font in its CSS), pdfium generates none: ``นายสมชาย ใจดี 6631``
read ``ใจดี6631``, ``นางสาวมาลี ศรีสุข`` read ``มาลีศรีสุข``. A gap of
:data:`LOST_SPACE_EM` font sizes or more (and less than a tab's) after a cluster that
ends in a mark, on the same baseline, with no white space written, is such a space:
:func:`lost_spaces` puts one there, which the line's spacing then decides as any
written space (a letter-spaced line's gaps stay letter gaps). A cluster's own letters
stand under a tenth of a font size apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bma_etl.read.pdf_glyphs import TAB_GAP_EM

if TYPE_CHECKING:
    from bma_etl.read.pdf_layout import _Line

#: Least gap (font sizes) after a mark-ended cluster that is a word space: Waree's
#: spaces after such clusters leave 0.28 to 0.35, its letters within a word 0.1.
LOST_SPACE_EM = 0.22
#: Thai marks drawn over or under their letter (a cluster's last character here).
_MARKS = frozenset("\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B)))
                   + "".join(map(chr, range(0x0E47, 0x0E4F))))
_WHITE = frozenset(" \u00a0\t\r\n")


def lost_spaces(line: _Line) -> None:
    """Put a space into ``line``'s text where a mark-ended cluster's gap says one was lost.

    The space takes the page index of the character after it (a written space:
    :meth:`.pdf_layout._Line._space` keeps it, or makes it a letter gap of a
    letter-spaced run).
    """
    text, index, g = line.text, line.index, line.g
    at: list[int] = []
    for pos in range(1, len(text)):
        if text[pos - 1] not in _MARKS or text[pos] in _MARKS or text[pos] in _WHITE:
            continue
        j, right = pos - 1, g.edges(index[pos - 1])[1]
        while j > 0 and text[j] in _MARKS:  # the cluster's edge: its letter's and marks'
            j -= 1
            right = max(right, g.edges(index[j])[1])
        if text[j] in _WHITE or text[j] in _MARKS:
            continue
        size = g.size(index[pos])
        size = size if size > 1.0 else g.size(index[j])
        first, second = g.origin(index[j]), g.origin(index[pos])
        if size <= 1.0 or first is None or second is None \
                or abs(first[1] - second[1]) > 0.2 * size:
            continue
        if LOST_SPACE_EM * size <= g.edges(index[pos])[0] - right < TAB_GAP_EM * size:
            at.append(pos)
    if not at:
        return
    chars, places = list(text), list(index)
    for pos in reversed(at):
        chars.insert(pos, " ")
        places.insert(pos, places[pos])
    line.text, line.index = "".join(chars), places

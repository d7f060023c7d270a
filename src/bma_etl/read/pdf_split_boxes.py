"""Where a Thai letter's advance ends when pdfium gave it its mark's box.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_layout`).
Chromium maps the shifted forms of Thai marks (a SARA I moved left of ``ป``'s tall
stem, a tone mark set low) to no text (U+0000). pdfium then gives the whole
cluster's text to one of its glyphs and splits that glyph's box between the
cluster's characters. When that glyph is the mark, the letter's box is a sliver of
the mark's, above the line, and its advance is lost: the gap to the next word is
measured from the mark's right edge, a space wider than the one printed (in Noto
Looped Thai ``เปิด`` read ``เปิ ด``; 35 of a plan's 1,401 Thai letters so placed).

A letter's ink always reaches its baseline band, so a letter box that stands
wholly above it (or below it) is a mark's. Its advance is then taken from the same
letter drawn elsewhere on the page at its true box (its advance box's width, in
font sizes), from where this one is drawn.
"""

from __future__ import annotations

from statistics import median
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from bma_etl.read.pdf_glyphs import Glyphs

#: A letter's ink box whose bottom stands this many font sizes or more above its
#: baseline (or whose top stands this far below it) is not the letter's: Thai letters
#: sit on the line (their bottoms within 0.02 em of it in the TLWG fonts, Sarabun and
#: Noto; ``ฐ ญ``'s tails reach below it), upper marks start 0.5 em or more above it.
OFF_LINE_EM = 0.3

#: The Thai consonants and independent vowels (``ก``-``ฮ``): letters that sit on the line.
_LETTERS = range(0x0E01, 0x0E2F)

#: Per page: each letter's advance (font sizes), measured where its box is its own.
_ADVANCES: WeakKeyDictionary[Glyphs, dict[int, float]] = WeakKeyDictionary()


def off_line(g: Glyphs, index: int) -> bool:
    """Whether character ``index`` is a Thai letter whose ink box stands off its line."""
    if g.unicode(index) not in _LETTERS:
        return False
    origin, size = g.origin(index), g.size(index)
    if origin is None or size <= 1.0:
        return False
    _, bottom, _, top = g.tight(index)
    reach = OFF_LINE_EM * size
    return bottom >= origin[1] + reach or top <= origin[1] - reach


def letter_end(g: Glyphs, index: int) -> float | None:
    """Where the advance of letter ``index`` ends (points), when its box is a mark's.

    ``None`` when its box is its own (:func:`off_line`) or the page draws the same
    letter nowhere with its own box (its advance is then not known).
    """
    if not off_line(g, index):
        return None
    advances = _ADVANCES.get(g)
    if advances is None:
        advances = _ADVANCES[g] = _page_advances(g)
    em = advances.get(g.unicode(index))
    origin = g.origin(index)
    if em is None or origin is None:
        return None
    return origin[0] + em * g.size(index)


def _page_advances(g: Glyphs) -> dict[int, float]:
    """Each Thai letter's median advance box width (font sizes) where its box is its own.

    A letter drawn from where its neighbour is drawn shares one glyph with it (a
    cluster's text given to one glyph, its box split between them): not measured.
    """
    seen: dict[int, list[float]] = {}
    count = len(g.lefts)
    for index in range(count):
        code = g.unicode(index)
        if code not in _LETTERS or g.generated(index):
            continue
        size = g.size(index)
        if size <= 1.0 or off_line(g, index) or _shares_glyph(g, index, count):
            continue
        left, right = g.edges(index)
        if right > left:
            seen.setdefault(code, []).append((right - left) / size)
    return {code: median(widths) for code, widths in seen.items()}


def _shares_glyph(g: Glyphs, index: int, count: int) -> bool:
    """Whether character ``index`` is drawn from its neighbour's origin (one glyph's text)."""
    here = g.origin(index)
    if here is None:
        return True
    for other in (index - 1, index + 1):
        if 0 <= other < count and not g.generated(other):
            there = g.origin(other)
            if there is not None and abs(there[0] - here[0]) < 0.01 \
                    and abs(there[1] - here[1]) < 0.01:
                return True
    return False

"""Thai marks a text map names for the other side of the line: not read, their word doubted.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_layout`, after
:func:`.pdf_unmapped.unmapped_read`). LibreOffice names the mark glyphs of a cluster
in its text map in the order of the cluster's characters, not of its glyphs: in Garuda
or Laksaman ``ผู้`` draws MAI THO's glyph before SARA UU's, and the map names the
MAI THO glyph SARA UU and the SARA UU glyph MAI THO; each later cluster drawing one of
them carries its right text in an ``/ActualText`` span only. Ghostscript re-distilling
the print (``/screen``, ``/ebook``) drops the spans: ``สูง`` reads ``ส้ง``, ``ปู่``
``ปู้``, ``จ้าง`` ``จูาง``, wrong text and no finding. The glyph's place says what the
map hides: a mark named for above the letters (a tone mark, an upper vowel) drawn
under the baseline, or a lower vowel drawn over the letters, is not the mark named.
Which mark it is cannot be told from this map (the font's other glyphs are named by
it too, and Ghostscript's subset names none), so it becomes :data:`~.pdf_glyphs.LOST`
and its word is doubted (:attr:`.pdf_glyphs.Glyphs.unread`: the value NULL with an
``unnamed_glyph`` finding; a page with many so is read by OCR). The ``ผ้้`` this
damage shows (``ผู้``: SARA UU's glyph named MAI THO) is so found. A tone mark twice on
one letter is not doubted for itself: HarfBuzz-shaped Sarabun (fpdf2) writes ``ที่``
with a sliver of the tone mark named as it too, which the page's lines drop, read right.

A cluster whose wrongly drawn marks swap sides one for one (``ผู้``: the glyph drawn over
named SARA UU, the one drawn under MAI THO) is named in character order, the text
right as a sequence: HarfBuzz-shaped fpdf2 prints write every such cluster so, and
LibreOffice's first. It is kept where the page holds no other wrongly drawn mark; on a
page that does (its map is wrong, as Ghostscript's re-save's), it is doubted too (its
``ปู่`` reads ``ปู้``, one swap as well).
"""

from __future__ import annotations

import ctypes
import re
from typing import Any

from bma_etl.read.pdf_glyphs import LOST
from bma_etl.read.pdf_spans import _has_spans

#: Marks drawn over the letters: MAI HAN-AKAT, SARA I..SARA UEE, MAITAIKHU..YAMAKKAN.
ABOVE = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
#: Marks drawn under the line: SARA U, SARA UU, PHINTHU.
BELOW = frozenset("\u0e38\u0e39\u0e3a")
_MARK = re.compile(f"[{''.join(sorted(ABOVE | BELOW))}]")
#: A mark drawn over the letters starts at least this far (font sizes) over the
#: baseline; one drawn under the line ends this far over it at most (a lower vowel's
#: box ends under the baseline in every Thai font; an upper mark's starts over the
#: x-height, 0.4 em and more, and a lowered tone mark's over 0.3 em).
ABOVE_EM, BELOW_EM = 0.25, 0.05
#: A mark and its letter are drawn from baselines this near (font sizes): one line's.
LINE_EM = 0.1


def wrong_side_marks(g: Any, raw: str) -> tuple[str, list[int]]:
    """``raw`` with each mark drawn on the other side of the line from its name made LOST.

    ``g``: the page's :class:`~.pdf_glyphs.Glyphs`; ``raw``: its text, one character
    per pdfium index. Returns the text (one for one: indexes hold) and the indexes
    made :data:`~.pdf_glyphs.LOST`, in order, for the caller to doubt their words.
    A page that gives text in ``/ActualText`` spans is left as it is: the spans are the
    producer's text for its clusters (LibreOffice's print itself, read right); so is
    a page whose every wrongly drawn mark is one of a swapped pair in its cluster.
    """
    found: list[int] = []
    sides: dict[int, int] = {}  # per letter: marks named above drawn under, less the others
    for mark in _MARK.finditer(raw):
        i, ch = mark.start(), mark.group()
        base = i - 1  # the letter the mark is drawn on: marks and breaks (a wrap's) aside
        while base > 0 and i - base < 5 and (raw[base] in ABOVE or raw[base] in BELOW
                                            or raw[base] in " \r\n"):
            base -= 1
        if base < 0 or not "\u0e01" <= raw[base] <= "\u0e2e":
            continue  # a mark with no letter before it: not this damage
        if _own_side(g, i, ch in ABOVE):
            continue  # on its own side of any letter it may be drawn on (most marks)
        letter = _drawn_on(g, raw, i, base)  # (pdfium may set a mark before its letter)
        if _other_side(g, i, letter, ch in ABOVE):
            found.append(i)
            sides[letter] = sides.get(letter, 0) + (1 if ch in ABOVE else -1)
    if not any(sides.values()) or _has_spans(g.textpage):
        return raw, []
    chars = list(raw)
    for i in found:
        chars[i] = LOST
    return "".join(chars), found


def _own_side(g: Any, i: int, above: bool) -> bool:
    """Whether mark ``i`` is drawn on its named side of every baseline near its own.

    A letter it is weighed against stands on a baseline within :data:`LINE_EM` of the
    mark's (:func:`_other_side`), so a mark over the letters whose ink reaches
    :data:`BELOW_EM` + :data:`LINE_EM` over its own baseline, or one under them whose ink
    starts under :data:`ABOVE_EM` - :data:`LINE_EM`, is on its side of any of them: the
    page's letters need not be looked at (9 marks in 10; the same answer, cheaper).
    """
    own, size = g.origin(i), g.size(i)
    if own is None or size <= 0:
        return True  # weighed against no letter (:func:`_other_side`)
    _, bottom, _, top = g.tight(i)
    if above:
        return top > own[1] + (BELOW_EM + LINE_EM) * size
    return bottom < own[1] + (ABOVE_EM - LINE_EM) * size


def _drawn_on(g: Any, raw: str, i: int, base: int) -> int:
    """The letter near mark ``i`` in ``raw`` (four either side) its ink lies most across.

    ``base``: the letter before it, taken when none is across it more.
    """
    left, _, right, _ = g.tight(i)
    own, size = g.origin(i), g.size(i)
    best, most = base, 0.0
    for j in range(max(0, i - 4), min(len(raw), i + 5)):
        at = g.origin(j)
        if "\u0e01" <= raw[j] <= "\u0e2e" and own is not None and at is not None \
                and abs(at[1] - own[1]) <= LINE_EM * size:  # on the mark's own line
            letter_left, _, letter_right, _ = g.tight(j)
            across = min(right, letter_right) - max(left, letter_left)
            if across > most:
                best, most = j, across
    return best


def _other_side(g: Any, i: int, base: int, above: bool) -> bool:
    """Whether glyph ``i``, named a mark over the letters (``above``) or under, is misdrawn.

    So when drawn on the other side of letter ``base``'s baseline, in upright text
    only: its ink box ends under :data:`BELOW_EM` (font sizes) over it, or starts
    over :data:`ABOVE_EM`, and spans across the letter's (a line turned a quarter
    sets its marks beside its letters).
    """
    import pypdfium2.raw as pdfium_c

    origin, size, own = g.origin(base), g.size(i), g.origin(i)
    if origin is None or own is None or size <= 0 \
            or abs(own[1] - origin[1]) > LINE_EM * size:
        return False  # not drawn on one baseline with its letter: another line's
    left, bottom, right, top = g.tight(i)
    letter_left, _, letter_right, _ = g.tight(base)
    if top <= bottom or right <= left or right < letter_left or left > letter_right:
        return False  # drawn nowhere, or not across its letter
    if top > origin[1] + BELOW_EM * size if above else bottom < origin[1] + ABOVE_EM * size:
        return False  # on its own side (most marks: asked no more)
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFText_GetMatrix(g.textpage.raw, i, ctypes.byref(matrix)):
        return False
    d = matrix.d  # set upright: else up is not up the page
    return d > 0 and abs(matrix.b) <= 0.01 * d and abs(matrix.c) <= 0.01 * d

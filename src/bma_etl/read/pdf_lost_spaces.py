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
written space (a letter-spaced line's gaps stay letter gaps). A word's next letter
stands a tenth of a font size off; where the span's boxes are narrower than a letter
(:data:`CLUSTER_EM`: a fixed-pitch Tlwg font's), or the gap is narrower than the
line's other spaces (:func:`_least_space`), it is no space. A space LibreOffice
wrote as a blank object of its own (:class:`Blanks`) goes in where it stands
(:func:`written_spaces`).
"""

from __future__ import annotations

import ctypes
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from bma_etl.read.pdf_glyphs import TAB_GAP_EM
from bma_etl.read.pdf_line import THAI_MARKS as _MARKS

if TYPE_CHECKING:
    from bma_etl.read.pdf_layout import _Line

#: Least gap (font sizes) after a mark-ended cluster that is a word space: Waree's
#: spaces after such clusters leave 0.28 to 0.35, its letters within a word 0.1.
LOST_SPACE_EM = 0.22
#: Least width (font sizes) of the cluster's boxes for its gap to tell: split over
#: the span, they cover its glyphs' ink (Waree's ``ดี`` 0.5); boxes narrower than a
#: letter (Tlwg Typo's ``ปู่`` 0.06: a mark's ink) say nothing of where the glyphs end.
CLUSTER_EM = 0.3
_WHITE = frozenset(" \u00a0\t\r\n")


def lost_spaces(line: _Line) -> None:
    """Put a space into ``line``'s text where a mark-ended cluster's gap says one was lost.

    The space takes the page index of the character after it (a written space:
    :meth:`.pdf_layout._Line._space` keeps it, or makes it a letter gap of a
    letter-spaced run).
    """
    text, index, g = line.text, line.index, line.g
    at: list[tuple[int, float]] = []
    for pos in range(1, len(text)):
        if text[pos - 1] not in _MARKS or text[pos] in _MARKS or text[pos] in _WHITE:
            continue
        j, right = _cluster_end(line, pos)
        if text[j] in _WHITE or text[j] in _MARKS:
            continue
        left = g.edges(index[j])[0]
        size = g.size(index[pos])
        size = size if size > 1.0 else g.size(index[j])
        first, second = g.origin(index[j]), g.origin(index[pos])
        if size <= 1.0 or first is None or second is None \
                or abs(first[1] - second[1]) > 0.2 * size:
            continue
        gap = _start(line, pos) - right
        if right - left >= CLUSTER_EM * size and LOST_SPACE_EM * size <= gap < TAB_GAP_EM * size:
            at.append((pos, gap))
    if not at:
        return
    least = _least_space(line)
    # (as wide to a twentieth of a point: two spaces' gaps measured from other edges);
    # a gap into another font's letters is that font's space (PyMuPDF's htmlbox sets
    # a Thai name's digits in Nimbus Sans: 0.28 em after Noto Serif Thai's 0.35)
    at = [(pos, gap) for pos, gap in at
          if least is None or gap >= least - 0.05 or _other_font(line, pos)]
    if not at:
        return
    chars, places = list(text), list(index)
    for pos, _ in reversed(at):
        chars.insert(pos, " ")
        places.insert(pos, places[pos])
    line.text, line.index = "".join(chars), places


def _cluster_end(line: _Line, pos: int) -> tuple[int, float]:
    """The cluster before ``line.text[pos]``: its letter's place and where it ends (points).

    It ends where its letter's advance box does, or a mark's that shares the
    letter's glyph (drawn from its origin: a span's text split over one glyph's box).
    A mark drawn from a pen of its own is ink over the letter, no advance: its box
    may pass the letter's end (Sarabun's ``้`` of ``ได้``, 0.02 em), and a space after
    the cluster measured from it looked narrower than the line's others.
    """
    text, index, g = line.text, line.index, line.g
    j, marks = pos - 1, []
    while j > 0 and text[j] in _MARKS:
        marks.append(j)
        j -= 1
    right = g.edges(index[j])[1]
    base = g.origin(index[j])
    for k in marks:
        origin = g.origin(index[k])
        if base is None or origin is None or abs(origin[0] - base[0]) < 0.01:
            right = max(right, g.edges(index[k])[1])
    return j, right


def _other_font(line: _Line, pos: int) -> bool:
    """Whether ``line.text[pos]`` is drawn in another font than the character before it."""
    import pypdfium2.raw as pdfium_c

    handle, index = getattr(line.g.textpage, "raw", line.g.textpage), line.index
    fonts = []
    for i in (index[pos - 1], index[pos]):
        text_object = pdfium_c.FPDFText_GetTextObject(handle, i)
        font = pdfium_c.FPDFTextObj_GetFont(text_object) if text_object else None
        fonts.append(ctypes.cast(font, ctypes.c_void_p).value if font else None)
    return None not in fonts and fonts[0] != fonts[1]


def _start(line: _Line, pos: int) -> float:
    """Where ``line.text[pos]`` starts: its advance box's left edge, or its origin if right of it.

    A Tlwg font's SARA O, SARA AI MAIMUAN and MAIMALAI (``โ``, ``ใ``, ``ไ``) reach left
    of their origin (Garuda's ``โ`` 0.06 font sizes): measured from the box, a space
    before one looks narrower than the line's other spaces by that much.
    """
    left = line.g.edges(line.index[pos])[0]
    origin = line.g.origin(line.index[pos])
    return max(left, origin[0]) if origin is not None else left


def _least_space(line: _Line) -> float | None:
    """The narrowest gap (points) a white-space run leaves between two letters of ``line``.

    Of the gaps :data:`LOST_SPACE_EM` font sizes wide or more (the line's spaces, not
    those pdfium made up inside a word); None when the line has none. A space lost
    after a cluster is as wide as the line's other spaces at least (Waree's 0.23 to
    0.27 font sizes, the lost ones 0.28 to 0.35); a fixed-pitch font's spaces are a
    whole advance wide, and the room its narrow letters leave inside a word
    (``ปู่ย่า``: 0.27) no space. A space after SARA AM is not measured: its SARA AA's
    glyph may carry no text, and its gap then runs from the NIKHAHIT (``น้ำ ประจำปี``).
    Nor is a gap beside a missing-glyph box (:mod:`.pdf_hex_boxes`), wider than its glyph.
    """
    text, index, g = line.text, line.index, line.g
    least = None
    for pos in range(1, len(text) - 1):
        if text[pos] not in " \u00a0" or text[pos - 1] in _WHITE:
            continue
        end = pos
        while end < len(text) and text[end] in " \u00a0":
            end += 1
        if end >= len(text) or text[end] in _WHITE or text[end] in _MARKS \
                or text[pos - 1] == "\u0e33":  # its SARA AA may carry no text: no edge
            continue
        j, right = _cluster_end(line, pos)
        if g.boxed and (index[j] in g.boxed or index[end] in g.boxed):
            continue  # a missing-glyph box is wider than a letter: its gaps measure nothing
        gap, size = _start(line, end) - right, g.size(index[end])
        if gap >= LOST_SPACE_EM * size and (least is None or gap < least):
            least = gap  # (narrower: a space pdfium made up inside a word, then dropped)
    return least


#: A blank text object (LibreOffice's written space, an object of its own after a
#: cluster it marks with ``/ActualText``) stands on a line's baseline within this
#: many font sizes, and within this many of the two letters' facing edges.
BLANK_RISE_EM = 0.25
BLANK_EDGE_EM = 0.15
#: Least room (font sizes) between the two letters for a space to stand there.
BLANK_GAP_EM = 0.1


class Blanks:
    """A page's blank text objects as points ``(x, y)`` of their boxes' left bottom, by height.

    LibreOffice writes the space after a glyph cluster it marks with ``/ActualText``
    (``ปี``, ``น้ำ``: a letter and its mark) as a text object of its own, which
    pdfium leaves out of its text: ``ประจำปี 2567`` read ``ประจำปี2567``.
    ``boxes``: (left, bottom, right, top) in points (:func:`.pdf_open.page_shapes`).
    """

    __slots__ = ("heights", "xs")

    def __init__(self, boxes: list[tuple[float, float, float, float]]) -> None:
        ordered = sorted((box[1], box[0]) for box in boxes)
        self.heights = [y for y, _ in ordered]
        self.xs = [x for _, x in ordered]

    def near(self, baseline: float, size: float) -> list[float]:
        """The x of each blank standing on ``baseline`` (within :data:`BLANK_RISE_EM`)."""
        rise = BLANK_RISE_EM * size
        return self.xs[bisect_left(self.heights, baseline - rise):
                       bisect_right(self.heights, baseline + rise)]

    def within(self, baseline: float | None, size: float, left: float, right: float) -> bool:
        """Whether a blank stands on ``baseline`` between ``left`` and ``right`` (points)."""
        return baseline is not None and size > 1.0 and any(
            left < x < right for x in self.near(baseline, size))


def written_spaces(line: _Line, blanks: Blanks | None) -> None:
    """Put a space into ``line``'s text where the page wrote one as a blank object.

    Between two letters with no white space between them whose facing edges (a
    cluster's: its letter's and its marks') leave room for a space
    (:data:`BLANK_GAP_EM`) and a blank of ``blanks`` stands in that room, on the
    line's baseline. The space takes the page index of the letter after it, as a
    written space (:func:`lost_spaces`).
    """
    if blanks is None or not blanks.xs:
        return
    text, index, g = line.text, line.index, line.g
    at: list[int] = []
    for pos in range(1, len(text)):
        if text[pos] in _MARKS or text[pos] in _WHITE or text[pos - 1] in _WHITE:
            continue
        j, right = pos - 1, g.edges(index[pos - 1])[1]
        while j > 0 and text[j] in _MARKS:
            j -= 1
            right = max(right, g.edges(index[j])[1])
        size = g.size(index[pos])
        size = size if size > 1.0 else g.size(index[j])
        origin = g.origin(index[pos])
        left = g.edges(index[pos])[0]
        if size <= 1.0 or origin is None or left - right < BLANK_GAP_EM * size:
            continue
        edge = BLANK_EDGE_EM * size
        if any(right - edge <= x <= left + edge for x in blanks.near(origin[1], size)):
            at.append(pos)
    if not at:
        return
    chars, places = list(text), list(index)
    for pos in reversed(at):
        chars.insert(pos, " ")
        places.insert(pos, places[pos])
    line.text, line.index = "".join(chars), places

"""Where a missing-glyph box read as its character stands among its line's spaces.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_hex_boxes`, which
reads each box's code and calls these once every box of the page is read). A box's
advance is its program's, not its drawing's (:func:`advances`); the spaces pdfium
lists among a box's digits or makes up between boxes set over each other are put
where they stand or dropped (:func:`spaces_between`, :func:`runs_joined`), and the
gap after a box set over the text after it is a space where it is wide
(:func:`space_after`). Characters are page indices into ``chars``, the page's text
being rebuilt (:data:`~.pdf_glyphs.JOINED` drops one).
"""

from __future__ import annotations

from bma_etl.read.pdf_glyphs import JOINED, Glyphs

#: The least gap (font sizes) after a box that is a space: as :data:`.pdf_layout.JOIN_GAP_EM`.
SPACE_EM = 0.22

_WHITE = " \r\n\u00a0"
Box = tuple[float, float, float, float]


def advances(g: Glyphs, chars: list[str], reps: list[int], frames: list[Box]) -> None:
    """Give each box read the advance it was set with, about its frame's middle.

    Pango draws a box centred on the advance its program set it with, which may be
    narrower than the box's digits (AbiWord sets a one-row box of 1.8 em over 0.8 em:
    over the boxes beside it and the text). Boxes whose frames touch or overlap, one
    after another on a baseline, stand one advance apart: that pitch is each one's
    advance where it is narrower than its digits. A box alone whose frame reaches
    over the text before it abuts that text: its advance reaches as far right of its
    middle as that text ends left of it. Else the box is its digits' width (two rows
    of two: as wide as its advance, within a tenth of an em).
    ``reps``: the characters read, by box, as ``frames``.
    """
    middles = [((f[0] + f[2]) / 2, rep, f) for rep, f in zip(reps, frames, strict=True)]
    by_line = sorted(middles, key=lambda m: (round(m[2][1]), m[0]))
    for k, (middle, rep, frame) in enumerate(by_line):
        pitches = [abs(other[0] - middle) for other in (by_line[k - 1:k] + by_line[k + 1:k + 2])
                   if abs(other[2][1] - frame[1]) < 0.5 and other[2][0] <= frame[2]
                   and frame[0] <= other[2][2]]  # a neighbour on the line, frames touching
        left, right = g.edges(rep)  # (its digits' width, as read)
        half = min(pitches) / 2 if pitches else _abutting(g, chars, rep, middle, frame)
        if half is not None and 0.0 < 2 * half < right - left:
            g.restate(rep, middle - half, middle + half, None)


def _abutting(g: Glyphs, chars: list[str], rep: int, middle: float, frame: Box) -> float | None:
    """Half the advance of a box alone whose frame reaches over the text before it."""
    origin = g.origin(rep)
    k = rep - 1
    while k >= 0 and (chars[k] in _WHITE or chars[k] == JOINED):
        k -= 1
    before = g.origin(k) if k >= 0 else None
    if origin is None or before is None or abs(before[1] - origin[1]) > 0.5:
        return None
    end = g.edges(k)[1]
    return middle - end if frame[0] < end < middle else None


def space_after(g: Glyphs, chars: list[str], rep: int, last: int) -> None:
    """Let the box's last digit (``last``) stand for the space its gap holds, if any.

    A box set over the text after it (AbiWord's one-row boxes) leaves pdfium no gap
    to make a space up in: where the text after the box (on its baseline, nothing
    between in the page's text) starts :data:`SPACE_EM` font sizes or more past the
    box's advance (:func:`advances`), that digit is a space over the gap.
    """
    k = last + 1
    if chars[last] != JOINED or k >= len(chars) or chars[k] in _WHITE or chars[k] == JOINED \
            or g.generated(k) or k in g.boxed:
        return
    here, there = g.origin(rep), g.origin(k)
    size = g.size(rep)
    if here is None or there is None or abs(here[1] - there[1]) > 0.5 or size <= 1.0:
        return
    left, right = g.rights[rep], g.edges(k)[0]
    if right - left >= SPACE_EM * size:
        g.restate(last, left, right, size, boxed=False)
        chars[last] = " "


def runs_joined(g: Glyphs, chars: list[str], spans: list[tuple[int, int, int]],
                 frames: list[Box]) -> None:
    """Join the spaces pdfium made up between two boxes whose frames touch.

    Boxes set over each other (AbiWord's one-row boxes) confuse pdfium's spacing:
    it makes a space up after each, or a line break where a box's rows stand apart
    as lines do (Pango 1.50 sets them 1.5 digit heights apart). ``spans``: each
    box's first digit, the one read, as ``frames``.
    """
    frame_at = {first: frame for (first, _, _), frame in zip(spans, frames, strict=True)}
    for (_, _, last), frame in zip(spans, frames, strict=True):
        k = last + 1
        while k < len(chars) and chars[k] in " \u00a0\r\n" and g.generated(k):
            k += 1
        other = frame_at.get(k)
        if other is not None and abs(other[1] - frame[1]) < 0.5 and other[0] <= frame[2]:
            for i in range(last + 1, k):
                chars[i] = JOINED


def spaces_on_line(g: Glyphs, chars: list[str], spans: list[tuple[int, int, int]]) -> None:
    """Stand the spaces pdfium made up right before and after each box on the box's line.

    pdfium puts a space it makes up next to a box on the baseline of the box's digit
    beside it, which stands off the text's line (Pango 1.50: a third of a font size
    under it, the upper row over it). Standing there, the space would cut the line
    where pdfium lists a run of boxes before the text left of them: the text could not
    be put back before the boxes (:func:`.pdf_order.in_drawn_order` compares pieces on
    one baseline). Each such space is set on the baseline of the character its box was
    read as. ``spans``: each box's first digit, the one read and its last.
    """
    for first, rep, last in spans:
        at = g.origin(rep)
        if at is None:
            continue
        k = last + 1
        while k < len(chars) and chars[k] in " \u00a0" and g.generated(k):
            g.set_on(k, at[1])
            k += 1
        k = first - 1
        while k >= 0 and chars[k] in " \u00a0" and g.generated(k):
            g.set_on(k, at[1])
            k -= 1


def spaces_between(g: Glyphs, chars: list[str], first: int, rep: int) -> None:
    """Move a written space among a box's digits that stands before the box, to before it.

    Pango writes a space before a box in the text's own run, apart from the box's
    digits, so pdfium lists it after the box's upper row, or after the next boxes'
    when several stand together (``21`` then three boxes read ``21 4`` for ``214``).
    Where pdfium also made up a space right before the boxes' digits, that one
    stands for it (:attr:`~.pdf_glyphs.Glyphs.written`); else the first digit of the
    boxes, joined, takes its place and its edges. The written space is joined.
    ``first``: the box's first digit (page index), ``rep``: the one read.
    """
    start = first  # and the written spaces right before it (after the box before)
    while start > 0 and chars[start - 1] in " \u00a0" and not g.generated(start - 1):
        start -= 1
    for i in range(start, rep):
        if chars[i] not in " \u00a0" or g.generated(i) or g.edges(i)[1] > g.lefts[rep] + 0.5:
            continue
        k, spare = first - 1, first if chars[first] == JOINED else None
        while k >= 0 and (chars[k] == JOINED or k in g.boxed or k == i):
            spare = k if chars[k] == JOINED else spare  # back over the boxes before it
            k -= 1
        if k >= 0 and chars[k] in " \u00a0" and g.generated(k):
            g.written.add(k)  # the space is written, where its gap is
        elif spare is not None:
            left, right = g.edges(i)
            g.restate(spare, left, right, g.size(i), boxed=False)
            g.written.add(spare)
            chars[spare] = chars[i]
        else:
            continue
        chars[i] = JOINED

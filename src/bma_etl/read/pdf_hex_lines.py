"""Where a missing-glyph box read as its character stands: its text's baseline and size.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_hex_boxes`, which
reads each box's code). Pango centres a box on its line, so the digits' rows stand off
the text's baseline and are set in a smaller size: the character a box is read as takes
the baseline and size of the text beside it (:func:`on_text_line`, :func:`text_size`),
or, amid a run of boxes too long for any text to stand near, those of a box of its run
that found them (:func:`runs_on_line`). Characters are page indices into ``chars``, the
page's text being rebuilt (:data:`~.pdf_glyphs.JOINED` drops one).
"""

from __future__ import annotations

from bma_etl.read.pdf_glyphs import JOINED, Glyphs

_HEX = frozenset("0123456789ABCDEF")
_WHITE = " \r\n\u00a0"
Box = tuple[float, float, float, float]


def on_text_line(g: Glyphs, chars: list[str], span: tuple[int, int, int], frame: Box) -> bool:
    """Stand the character a box was read as on the baseline of the text beside it; if found.

    Pango centres a box on its line, so its lower row's baseline may stand off the
    text's (Pango 1.50: a third of a font size under it) and the box read apart from
    its words. The text nearest the box (before it, else after) whose baseline the
    frame spans gives the line's baseline.
    """
    first, rep, last = span
    for i in (*range(first - 1, max(first - _NEAR, -1), -1),
              *range(last + 1, min(last + _NEAR, len(chars)))):
        if chars[i] not in _WHITE and chars[i] != JOINED and chars[i] not in _HEX \
                and not g.generated(i) and i not in g.boxed:
            at = g.origin(i)
            if at is not None and frame[1] <= at[1] <= frame[3]:
                g.set_on(rep, at[1])
                return True
    return False


#: How many characters either side of a box are looked at for the text beside it
#: (the digits of two boxes and pdfium's breaks among them between).
_NEAR = 24


def text_size(g: Glyphs, chars: list[str], first: int, last: int) -> float | None:
    """The font size of the text nearest the box (before it, else after), if any."""
    for i in (*range(first - 1, max(first - 8, -1), -1), *range(last + 1,
                                                               min(last + 8, len(chars)))):
        if chars[i] not in _WHITE and chars[i] != JOINED and chars[i] not in _HEX \
                and not g.generated(i):
            size = g.size(i)
            if size > 1.0:
                return size
    return None


def runs_on_line(g: Glyphs, spans: list[tuple[int, int, int]], frames: list[Box],
                 placed: list[bool]) -> None:
    """Stand each box no text stood near on the baseline, and in the size, of its run's.

    A run of boxes longer than two or three (``1,234,567.00``: twelve boxes, ten
    characters each in the page's text) holds boxes whose digits and breaks stand
    further from any text than :func:`on_text_line` looks: standing on their digits'
    row, they would cut the line (pdfium lists a run before the text left of it, and
    the line is put back in order only on one baseline). Such a box takes the baseline
    of the nearest box set on its text's baseline whose frame stands as high (a box
    on the same line: its frame as tall as the line's), and the largest size those
    boxes were given. ``spans``: each box's first digit, the one read and its last,
    as ``frames``; ``placed``: whether each was set on its text's baseline.
    """
    lines: dict[tuple[float, float], list[tuple[float, int]]] = {}
    for (_, rep, _), frame, done in zip(spans, frames, placed, strict=True):
        if done:
            lines.setdefault((round(frame[1], 1), round(frame[3], 1)), []).append(
                ((frame[0] + frame[2]) / 2, rep))
    if not lines:
        return
    for (_, rep, _), frame, done in zip(spans, frames, placed, strict=True):
        run = None if done else lines.get((round(frame[1], 1), round(frame[3], 1)))
        if not run:
            continue
        middle = (frame[0] + frame[2]) / 2
        _, near = min(run, key=lambda box: abs(box[0] - middle))
        at = g.origin(near)
        if at is not None:
            g.set_on(rep, at[1])
            g.restate(rep, *g.edges(rep), max(g.size(other) for _, other in run))

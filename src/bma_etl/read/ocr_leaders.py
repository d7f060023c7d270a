"""Erase a scanned form's dotted tab leaders (``ไข่ปลา``) before OCR.

Stage: read (the page image, before Tesseract). A Thai government Word form fills
the room between a label and its value with a dotted leader
(``รหัสโครงการ :................10000000-8812``). Tesseract reads a row of dots as
digits and letters glued to the value (``12222222222266610000000-8812``,
``ออออก๑๐233,352,250.50 บาท``), past any repair of the text. On the image a leader
is plain to see: five or more small round blobs of ink, each with white all round,
of one size, sitting on one baseline at an even pitch. Those blobs are painted
white (:func:`without_leaders`); a full stop, an ellipsis of three, Thai marks
(tall, thin or apart from any even row) and dotted table rules' own lines (found
before, :func:`~.ocr_image.page_rules`) are left.

Consumes a greyscale Pillow image and its resolution; produces the image with the
leaders' dots white (the same image when it has none). numpy only.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from PIL import Image

from bma_etl.read.ocr_image import otsu_threshold

#: A leader's dot is at most this wide and tall (inches: 12 pixels at 300 dpi, a full
#: stop of 24 pt type)...
DOT_MAX = 0.04
#: ...with at least this much white all round it (inches)...
DOT_CLEAR = 0.01
#: ...and at least this much ink (square inches: 4 pixels at 300 dpi; scan noise less).
DOT_MIN_AREA = 0.000045
#: The widest gap between two dots of a leader (inches: a 24 pt leader's).
GAP_MAX = 0.09
#: The fewest dots a leader has: an ellipsis (three) or a label's own dots stay.
LEADER_MIN_DOTS = 5
#: How far apart (in pitch) the dots of a leader may fall: the largest pitch over the
#: smallest.
PITCH_SPREAD = 1.6
#: How much one dot's height or width may differ from the leader's median (ratio).
SIZE_SPREAD = 1.8


@dataclass(frozen=True, slots=True)
class Blob:
    """One small piece of ink with white all round: its box (pixels, ends excluded)."""

    top: int
    bottom: int
    left: int
    right: int

    @property
    def height(self) -> int:
        """Rows it spans."""
        return self.bottom - self.top

    @property
    def width(self) -> int:
        """Columns it spans."""
        return self.right - self.left

    @property
    def centre(self) -> float:
        """Its middle column."""
        return (self.left + self.right) / 2


def without_leaders(image: Image.Image, dpi: float) -> Image.Image:
    """``image`` (greyscale) with the dots of every dotted leader painted white.

    Returns ``image`` itself when it holds no leader.
    """
    grey = image if image.mode == "L" else image.convert("L")
    pixels = np.asarray(grey)
    ink = pixels < otsu_threshold(grey)
    dots = _alone(ink, [b for b in small_blobs(ink, dpi) if _round(b)])
    leaders = [b for run in leader_runs(dots, dpi) for b in run]
    if not leaders:
        return image
    out = pixels.copy()
    height, width = out.shape
    edge = max(1, round(DOT_CLEAR * dpi))  # the dot's grey edge (white all round it)
    for b in leaders:
        out[max(0, b.top - edge):min(height, b.bottom + edge),
            max(0, b.left - edge):min(width, b.right + edge)] = 255
    return Image.fromarray(out, mode="L")


def _round(blob: Blob) -> bool:
    """Whether ``blob`` is as wide as it is tall, near enough (a dot; not ``่`` or ``ุ``)."""
    return blob.height <= 1.6 * blob.width + 1 and blob.width <= 1.6 * blob.height + 1


#: How far above or below a dot (in its heights) ink makes it part of a sign: a colon's
#: two dots (``:``, kept: a label's separator), Thai ``ะ``, a mark over or under a letter.
STACK_REACH = 3


def _alone(ink: np.ndarray, dots: list[Blob]) -> list[Blob]:
    """``dots`` with no ink right above or below them (``:``, ``ะ``; a leader's have none).

    Ink is a quarter of the dot's box or more: a speck of noise does not count.
    """
    rows = ink.shape[0]

    def stacked(dot: Blob) -> bool:
        reach = STACK_REACH * dot.height
        above = ink[max(0, dot.top - reach):dot.top, dot.left:dot.right]
        below = ink[dot.bottom:min(rows, dot.bottom + reach), dot.left:dot.right]
        least = dot.height * dot.width // 4  # a speck of the scan's noise is no mark
        return int(above.sum()) >= least or int(below.sum()) >= least

    return [d for d in dots if not stacked(d)]


def small_blobs(ink: np.ndarray, dpi: float) -> list[Blob]:
    """The pieces of ``ink`` (2-D bool) no larger than :data:`DOT_MAX`, white all round.

    A window of :data:`DOT_MAX` holds such a piece whole when the window widened by
    :data:`DOT_CLEAR` each way holds no more ink than it does (summed-area tables);
    the pieces are the ink those windows cover, split into 8-connected parts.
    """
    size = max(2, round(DOT_MAX * dpi))
    clear = max(1, round(DOT_CLEAR * dpi))
    wide = size + 2 * clear
    if ink.shape[0] < wide or ink.shape[1] < wide:
        return []
    # Only the ink's box and a window round it: a window holding no ink holds no piece
    # (a page's white margins cost nothing).
    inked_rows, inked_cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if not len(inked_rows):
        return []
    top, left = max(0, int(inked_rows[0]) - wide), max(0, int(inked_cols[0]) - wide)
    box = ink[top:int(inked_rows[-1]) + 1 + wide, left:int(inked_cols[-1]) + 1 + wide]
    return [Blob(b.top + top, b.bottom + top, b.left + left, b.right + left)
            for b in _boxed_blobs(box, size, clear, max(2, round(DOT_MIN_AREA * dpi * dpi)))]


def _boxed_blobs(ink: np.ndarray, size: int, clear: int, least: int) -> list[Blob]:
    """:func:`small_blobs` of ``ink`` in pixels: window ``size``, white ``clear`` round it."""
    wide = size + 2 * clear
    rows, cols = ink.shape
    if rows < wide or cols < wide:
        return []
    # the most ink a sum used below holds: the inner window's, or the ring round it
    table = _summed_area(ink, max(size * size, wide * wide - size * size))
    # anchors (y, x) of the inner window, y in [clear, rows - size - clear]
    ys, xs = rows - wide + 1, cols - wide + 1
    inner = _window(table, clear, size, ys, xs)
    ring = _window(table, 0, wide, ys, xs)  # the outer window, less the inner one
    ring -= inner
    # white all round but for a speck of the scan's noise
    whole = (ring <= least // 2) & (inner >= least)
    del ring, inner
    if not whole.any():
        return []
    covered = np.zeros((rows, cols), dtype=bool)
    for y, x in np.argwhere(whole):  # few: the windows round each small piece
        covered[y + clear:y + clear + size, x + clear:x + clear + size] = True
    return _parts(ink & covered)


def _summed_area(ink: np.ndarray, most: int) -> np.ndarray:
    """The summed-area table of ``ink`` (2-D bool), one row and column of 0 before.

    Kept modulo 256 (or 65536) when no sum asked of it (a window's, :func:`_window`, or
    the difference of two) holds ``most`` pixels or more: worked out modulo the same,
    such a sum is exact, and the table takes an eighth (a quarter) of the room and
    time of 64-bit numbers.
    """
    dtype = np.uint8 if most < 2**8 else np.uint16 if most < 2**16 else np.int64
    table = np.zeros((ink.shape[0] + 1, ink.shape[1] + 1), dtype=dtype)
    np.cumsum(ink, axis=0, dtype=dtype, out=table[1:, 1:])
    np.cumsum(table[1:, 1:], axis=1, dtype=dtype, out=table[1:, 1:])
    return table


def _window(table: np.ndarray, at: int, size: int, ys: int, xs: int) -> np.ndarray:
    """Ink in each ``size`` square window at ``(y + at, x + at)``, for ``ys`` by ``xs`` anchors.

    ``table``: :func:`_summed_area`; sums wrap as its numbers do.
    """
    b = at + size
    out = table[b:b + ys, b:b + xs] - table[at:at + ys, b:b + xs]
    out -= table[b:b + ys, at:at + xs]
    out += table[at:at + ys, at:at + xs]
    return out


def _parts(mask: np.ndarray) -> list[Blob]:
    """The 8-connected parts of ``mask`` (sparse), each as its box."""
    left = {(int(y), int(x)) for y, x in np.argwhere(mask)}
    out = []
    while left:
        start = left.pop()
        stack, top, bottom, lo, hi = [start], start[0], start[0], start[1], start[1]
        while stack:
            y, x = stack.pop()
            top, bottom, lo, hi = min(top, y), max(bottom, y), min(lo, x), max(hi, x)
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    near = (y + dy, x + dx)
                    if near in left:
                        left.remove(near)
                        stack.append(near)
        out.append(Blob(top, bottom + 1, lo, hi + 1))
    return out


def leader_runs(dots: list[Blob], dpi: float) -> list[list[Blob]]:
    """Runs of ``dots`` that are leaders: :data:`LEADER_MIN_DOTS` or more on one baseline.

    Dots whose bottoms lie within :data:`DOT_CLEAR` of each other, left to right, each
    within :data:`GAP_MAX` of the last, of one size (:data:`SIZE_SPREAD`) and at an
    even pitch (:data:`PITCH_SPREAD`).
    """
    near = max(1, round(DOT_CLEAR * dpi))
    gap = GAP_MAX * dpi
    out: list[list[Blob]] = []
    for line in _baselines(dots, near):
        run: list[Blob] = []
        for dot in sorted(line, key=lambda d: d.left):
            if run and dot.left - run[-1].right > gap:
                out.extend(_even(run))
                run = []
            run.append(dot)
        out.extend(_even(run))
    return out


def _baselines(dots: list[Blob], near: int) -> list[list[Blob]]:
    """``dots`` grouped by their bottoms, each group's within ``near`` of its first."""
    groups: list[list[Blob]] = []
    for dot in sorted(dots, key=lambda d: d.bottom):
        if groups and dot.bottom - groups[-1][0].bottom <= near:
            groups[-1].append(dot)
        else:
            groups.append([dot])
    return groups


def _even(run: list[Blob]) -> list[list[Blob]]:
    """The leaders in ``run``: its stretches of one pitch (:data:`PITCH_SPREAD`).

    Each of :data:`LEADER_MIN_DOTS` dots or more, of one size (:func:`_one_leader`).
    """
    out: list[list[Blob]] = []
    stretch: list[Blob] = []
    for dot in run:
        if len(stretch) >= 2:
            pitches = [b.centre - a.centre for a, b in pairwise(stretch)]
            pitch = dot.centre - stretch[-1].centre
            if pitch <= 0 or max(*pitches, pitch) > PITCH_SPREAD * min(*pitches, pitch):
                out.extend(_one_leader(stretch))
                stretch = stretch[-1:]
        stretch.append(dot)
    out.extend(_one_leader(stretch))
    return out


def _one_leader(run: list[Blob]) -> list[list[Blob]]:
    """``[run]`` when it is a leader (count, size, pitch), else nothing."""
    if len(run) < LEADER_MIN_DOTS:
        return []
    heights = sorted(d.height for d in run)
    widths = sorted(d.width for d in run)
    mid_h, mid_w = heights[len(heights) // 2], widths[len(widths) // 2]
    if any(not (mid_h / SIZE_SPREAD <= d.height <= mid_h * SIZE_SPREAD + 1
                and mid_w / SIZE_SPREAD <= d.width <= mid_w * SIZE_SPREAD + 1) for d in run):
        return []
    pitches = [b.centre - a.centre for a, b in pairwise(run)]
    if min(pitches) <= 0 or max(pitches) > PITCH_SPREAD * min(pitches):
        return []
    return [run]

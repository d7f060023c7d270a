"""Coloured ink on a colour scan is not the text: stamps, signatures and highlighter go.

Stage: read. Consumes a colour page image (Pillow, ``RGB``); produces the
greyscale page (``L``) OCR reads. Office documents are printed in black; a red
"certified copy" stamp, a blue signature or a yellow highlighter stroke laid
over the print is coloured. Read in grey, the stamp's ring is read as letters
into the line it crosses (an agency read ``สำนักการแพทย์กีธิจิฬิจรุพยาบาล``), and
the highlighter's grey band breaks the letters under it (``(พ.ศ. 2566 – 2570)``
read ``(W.@. 256…``).

A pixel's colour is the spread of its channels (largest minus smallest, grey
levels). Black print on white paper, and scanner noise, spread little; ink of a
colour spreads much. When a page has coloured marks on dark neutral text
(:func:`has_coloured_ink`), :func:`dropped_colour` greys it with the coloured
pixels taken out: a pixel of some colour becomes its brightest channel (what a
scanner's colour dropout sees: black print under a highlighter stays as dark
as it is, the highlighter's yellow goes to paper), brightened by the ink's own
light, and the strongly coloured pixels of a dark ink (a stamp, a pen) become
paper. A stamp's ink may cover the print rather than darken it (the print
under it shows as a darker red), and a dull JPEG scan leaves it little colour
(165, 80, 85): near a dark ink, what is much darker than the ink on paper is
the print under it, and stays black. Words printed in a colour among the black
ones (a red heading, a value in blue) are kept (:func:`coloured_print`): the
marks a stamp or a pen leaves cross the print or are larger than letters. A
page whose text itself is coloured (a blue print) is not touched, nor is a
grey or 1-bit scan (no pixel of it has a colour).
"""

from __future__ import annotations

import numpy as np
from PIL import Image

#: A pixel whose channels differ by less than this is neutral (black, grey, paper).
NEUTRAL_SPREAD = 40
#: A pixel whose channels differ by this much or more is strongly coloured: ink of
#: a stamp, a pen or a highlighter (red 200, 30, 40: 170; yellow 255, 240, 60: 195;
#: a stamp's red as a dull JPEG scan shows it, 165, 80, 85: 85).
COLOURED_SPREAD = 64
#: Pixels darker than this (grey level) are ink.
DARK = 128
#: A page has coloured marks when this share of its pixels or more is strongly coloured
#: (a stamp 1.2 inch across with its ring and words: about 0.1 % of an A4 page; one
#: with a thin ring seen at 72 dpi, where its ink blurs into the paper: 0.05 %).
MIN_COLOURED_SHARE = 0.0002
#: ...and its text is neutral when this share of its dark pixels or more is: a blue
#: print has next to none (its letters' edges are blue too); a page of a few
#: lines under a stamp and a signature has about a third.
MIN_NEUTRAL_INK = 0.25


def _spread(pixels: np.ndarray) -> np.ndarray:
    """Largest minus smallest channel of ``pixels`` (rows, columns, 3; uint8): int16."""
    wide = pixels.astype(np.int16)
    spread: np.ndarray = wide.max(axis=2) - wide.min(axis=2)
    return spread


def has_coloured_ink(image: Image.Image) -> bool:
    """Whether a page image shows coloured marks over dark neutral (black) text.

    Any size of the page will do (a 72 dpi copy is enough); an image that is
    not colour (``L``, ``1``) has none.
    """
    if image.mode not in ("RGB", "RGBA"):
        return False
    pixels = np.asarray(image.convert("RGB"))
    spread = _spread(pixels)
    if (spread >= COLOURED_SPREAD).mean() < MIN_COLOURED_SHARE:
        return False
    dark = np.asarray(image.convert("L")) < DARK
    if not dark.any():
        return False
    return bool((spread[dark] < NEUTRAL_SPREAD).mean() >= MIN_NEUTRAL_INK)


#: A strongly coloured pixel this bright or more, as a share of the coloured light
#: near it, is the ink on bare paper: white...
BARE_INK = 0.8
#: ...and so is every strongly coloured pixel where that light is below this: a dark
#: ink (a stamp's red, a pen's blue), not a highlighter's light one.
LIGHT_INK = 250


def dropped_colour(image: Image.Image) -> Image.Image:
    """The page in grey (``L``, same size) with its coloured pixels taken out.

    Neutral pixels keep their grey level. A pixel of some colour
    (:data:`NEUTRAL_SPREAD` or more) is print seen through coloured ink: its
    brightest channel, scaled by the brightest channel of the coloured pixels
    near it (:func:`_ink_light`, the ink's own light on bare paper); a strongly
    coloured pixel (:data:`COLOURED_SPREAD`) nearly that bright (:data:`BARE_INK`)
    is the ink alone: white. Near a dark ink (a stamp's red, a pen's blue:
    :data:`LIGHT_INK`), which may cover the print rather than darken it, a
    pixel is judged against the ink's own light within :data:`COVER_REACH`: the
    ink on paper (:data:`ON_PAPER` of it or more) goes to the paper's grey, the
    print under it (:data:`COVERED` or less) is black. A letter printed in a
    colour (:func:`coloured_print`) keeps its darkest channel. The stamp's ring
    and the signature's line go; a table's rule or a letter's edge under the
    highlighter keeps its grey.
    """
    pixels = np.asarray(image.convert("RGB"))
    spread = _spread(pixels)
    top = pixels.max(axis=2).astype(np.float32)
    coloured = spread >= NEUTRAL_SPREAD
    light = np.maximum(_ink_light(np.where(coloured, pixels.max(axis=2), 0)), 1)
    seen = np.minimum(255.0, top * (255.0 / light))
    strong = spread >= COLOURED_SPREAD
    # The ink goes to the paper's own grey: a white ring on grey paper is a shape.
    paper = float(np.percentile(top[::4, ::4], PAPER_SHARE))
    seen[strong & ((top >= BARE_INK * light) | (light < LIGHT_INK))] = paper
    # A dark ink (a stamp's red, a pen's blue) may cover the print rather than darken
    # it: the print under it is the ink at its darkest, the ink on paper is bright.
    reach = max(1, round(image.width / (COVER_REACH * LIGHT_BLOCK)))
    ink = _ink_level(top, strong, reach)
    # Again without the print under it: the ink on paper's own light.
    ink = _ink_level(top, strong & (top >= ON_PAPER * ink), reach)
    dark = (ink > 0) & (ink < LIGHT_INK) & _grown_pixels(coloured, image.width)
    share = top / np.maximum(ink, 1)
    ramp = np.clip((share - COVERED) / (ON_PAPER - COVERED), 0, 1) * paper
    seen[dark] = ramp[dark]
    coloured = coloured | dark
    grey = np.asarray(image.convert("L"))
    dark_ink = strong & (grey < DARK)
    if dark_ink.any():
        words = coloured_print(dark_ink, (spread < NEUTRAL_SPREAD) & (grey < DARK))
        seen[words] = pixels.min(axis=2)[words]
    out = np.where(coloured, seen, grey)
    return Image.fromarray(out.astype(np.uint8), "L")


#: Side, in pixels, of the blocks :func:`_ink_light` takes the brightest of; the
#: pixel's block and the 8 around it count (24 pixels either way: 0.08 inch at 300 dpi).
LIGHT_BLOCK = 8


#: A pixel near a dark ink whose brightest channel is this share of the ink's mean
#: light (:func:`_ink_level`) or less is print under the ink: black...
COVERED = 0.6
#: ...and one this share or more is the ink on paper: white (grey between).
ON_PAPER = 0.85
#: The ink's mean light is taken within this share of the page's width
#: (1/40: 0.2 inch on A4 portrait, past a letter the ring or the pen crosses).
COVER_REACH = 40
#: The paper's grey is the brightest channel this percentile of the page's pixels
#: reach (a page is mostly paper).
PAPER_SHARE = 75


def _grown_pixels(mask: np.ndarray, width: int) -> np.ndarray:
    """``mask`` grown by 2 pixels per :data:`GRID_WIDTH` of the page's ``width``."""
    block = max(1, round(width / GRID_WIDTH))
    grown = _grown(_blocks(mask, block), 2)
    rows, cols = mask.shape
    return np.repeat(np.repeat(grown, block, axis=0), block, axis=1)[:rows, :cols]


def _ink_level(top: np.ndarray, ink: np.ndarray, reach: int) -> np.ndarray:
    """The mean of ``top`` over the ``ink`` pixels near each pixel (float32, same shape).

    ``top``: each pixel's brightest channel (rows, columns); ``ink``: the pixels
    to average (bool, same shape). Near: in the pixel's :data:`LIGHT_BLOCK`
    block or the ``reach`` blocks around it each way; 0 where none is. A ring or
    a stroke is mostly ink on paper: its mean is that ink's light, which its
    bright edges and the darker print it crosses move little.
    """
    rows, cols = top.shape
    down, across = -(-rows // LIGHT_BLOCK), -(-cols // LIGHT_BLOCK)
    size = (down * LIGHT_BLOCK, across * LIGHT_BLOCK)
    sums, counts = np.zeros(size, dtype=np.float64), np.zeros(size, dtype=np.float64)
    sums[:rows, :cols] = np.where(ink, top, 0)
    counts[:rows, :cols] = ink
    boxed = []
    for grid in (sums, counts):
        blocks = grid.reshape(down, LIGHT_BLOCK, across, LIGHT_BLOCK).sum(axis=(1, 3))
        for axis, length in ((0, down), (1, across)):
            padding = [(reach + 1, reach) if a == axis else (0, 0) for a in (0, 1)]
            running = np.cumsum(np.pad(blocks, padding), axis=axis)
            blocks = (np.take(running, np.arange(2 * reach + 1, 2 * reach + 1 + length), axis=axis)
                      - np.take(running, np.arange(length), axis=axis))
        boxed.append(blocks)
    mean = np.where(boxed[1] > 0, boxed[0] / np.maximum(boxed[1], 1), 0).astype(np.float32)
    level: np.ndarray = np.repeat(np.repeat(mean, LIGHT_BLOCK, axis=0), LIGHT_BLOCK,
                                  axis=1)[:rows, :cols]
    return level


def _ink_light(top: np.ndarray, reach: int = 1) -> np.ndarray:
    """The brightest of ``top`` (rows, columns; uint8) near each pixel, same shape.

    Near: in the pixel's :data:`LIGHT_BLOCK` block or the ``reach`` blocks
    around it each way (1: the 8 around it).
    """
    rows, cols = top.shape
    down, across = -(-rows // LIGHT_BLOCK), -(-cols // LIGHT_BLOCK)
    padded = np.zeros((down * LIGHT_BLOCK, across * LIGHT_BLOCK), dtype=np.uint8)
    padded[:rows, :cols] = top
    near = np.pad(padded.reshape(down, LIGHT_BLOCK, across, LIGHT_BLOCK).max(axis=(1, 3)), reach)
    for axis, size in ((0, down), (1, across)):
        wide = np.take(near, np.arange(size), axis=axis)
        for step in range(1, 2 * reach + 1):
            np.maximum(wide, np.take(near, np.arange(step, step + size), axis=axis), out=wide)
        near = wide
    return np.repeat(np.repeat(near, LIGHT_BLOCK, axis=0), LIGHT_BLOCK, axis=1)[:rows, :cols]


#: A coloured mark this tall, as a share of the page's width, or more is not a letter
#: but a stamp's ring or a signature (1/14: 0.6 inch on A4 portrait; a letter of a
#: 20 pt heading with its marks is about 0.3 inch tall)...
MARK_SHARE = 1 / 14
#: ...and a mark that wide fills less than this share of its box when it is a pen's
#: stroke (a signature: about 0.05); letters that touch in a word fill about 0.25.
STROKE_FILL = 0.12
#: Marks this close, as a share of the page's width, are one group: the letters of
#: a line, the arcs and words of a stamp, the strokes of a signature (1/140: 0.06
#: inch on A4 portrait, a thick rule the ink crosses).
NEAR_SHARE = 1 / 140
#: Marks are found on a grid of blocks this many pixels across per 1,240 pixels of
#: the page's width (A4 at 150 dpi: 1 pixel; at 300 dpi: 2).
GRID_WIDTH = 1240


def coloured_print(dark_ink: np.ndarray, black_ink: np.ndarray) -> np.ndarray:
    """Which pixels of ``dark_ink`` are letters printed in a colour: bool, same shape.

    ``dark_ink``: the page's strongly coloured dark pixels (red, blue or green
    ink; a highlighter's yellow is light); ``black_ink``: its dark neutral ones
    (rows, columns; bool). The coloured pixels are grouped into marks
    (8-connected blocks, :data:`GRID_WIDTH`) and marks near each other into
    groups (:data:`NEAR_SHARE`). A mark is print when it is letter-sized (under
    :data:`MARK_SHARE` of the page's width tall, and as wide only when it is
    not a thin stroke: :data:`STROKE_FILL`) and its group crosses no black ink
    (ink laid over print meets black ink that reaches past it where it
    crosses, black under it staying black), is not mostly large marks (a
    signature's strokes) and lies inside no large group's box (a stamp's words
    inside its ring).
    """
    rows, cols = dark_ink.shape
    block = max(1, round(cols / GRID_WIDTH))
    marks = _blocks(dark_ink, block)
    row, start, end, label = _labelled_runs(marks)
    if not label.size:
        return np.zeros_like(dark_ink)
    count = int(label.max()) + 1
    box = _boxes(label, count, row, row, start, end - 1)
    limit = MARK_SHARE * cols / block
    ink = np.bincount(label, weights=end - start, minlength=count)
    tall, wide = box[1] - box[0] + 1, box[3] - box[2] + 1
    large = (tall >= limit) | ((wide >= limit) & (ink < STROKE_FILL * tall * wide))
    # Black ink a mark crosses reaches past it; a speck of its own stroke that the
    # scan's colour dulled (a JPEG's chroma) lies on its edge.
    far_black = _blocks(black_ink, block) & ~_grown(marks, 2)
    sums = np.pad(_grown(far_black, 3).cumsum(axis=1), ((0, 0), (1, 0)))
    crossing = np.bincount(label, weights=sums[row, end] - sums[row, start], minlength=count) > 0
    # Each mark's group: where its runs lie in the grown marks' runs (all in one).
    g_row, g_start, g_end, g_label = _labelled_runs(_grown(marks, round(NEAR_SHARE * cols / block)))
    painted = np.zeros(marks.shape, dtype=np.int64)
    for r, s, e, g in zip(g_row.tolist(), g_start.tolist(), g_end.tolist(), g_label.tolist(),
                          strict=True):
        painted[r, s:e] = g
    group = np.zeros(count, dtype=np.int64)
    group[label] = painted[row, start]
    groups = int(g_label.max()) + 1
    dropped = (np.bincount(group, weights=crossing, minlength=groups) > 0) | (
        2 * np.bincount(group, weights=ink * large, minlength=groups)
        >= np.bincount(group, weights=ink, minlength=groups))
    letter = ~large & ~dropped[group]
    g_box = _boxes(group, groups, *box)
    wide = dropped & ((g_box[1] - g_box[0] + 1 >= limit) | (g_box[3] - g_box[2] + 1 >= limit))
    for index in np.flatnonzero(wide):
        letter &= ~((box[0] >= g_box[0][index]) & (box[1] <= g_box[1][index])
                    & (box[2] >= g_box[2][index]) & (box[3] <= g_box[3][index]))
    kept = np.zeros(marks.shape, dtype=bool)
    chosen = letter[label]
    for r, s, e in zip(row[chosen].tolist(), start[chosen].tolist(), end[chosen].tolist(),
                       strict=True):
        kept[r, s:e] = True
    on_pixels = np.repeat(np.repeat(kept, block, axis=0), block, axis=1)[:rows, :cols]
    words: np.ndarray = dark_ink & on_pixels
    return words


def _blocks(mask: np.ndarray, block: int) -> np.ndarray:
    """``mask`` (rows, columns; bool) on a grid of square blocks of ``block`` pixels: any set."""
    rows, cols = mask.shape
    down, across = -(-rows // block), -(-cols // block)
    padded = np.zeros((down * block, across * block), dtype=bool)
    padded[:rows, :cols] = mask
    return np.asarray(padded.reshape(down, block, across, block).any(axis=(1, 3)))


def _grown(grid: np.ndarray, by: int) -> np.ndarray:
    """``grid`` (bool) with every set cell grown ``by`` cells each way (a square)."""
    if by <= 0:
        return grid
    grown = grid
    for axis in (0, 1):
        sums = np.cumsum(np.pad(grown, [(by + 1, by) if a == axis else (0, 0)
                                        for a in (0, 1)]), axis=axis, dtype=np.int32)
        size = grown.shape[axis]
        upper = np.take(sums, np.arange(2 * by + 1, 2 * by + 1 + size), axis=axis)
        lower = np.take(sums, np.arange(size), axis=axis)
        grown = np.asarray(upper - lower > 0)
    return grown


Boxes = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def _boxes(label: np.ndarray, count: int, top: np.ndarray, bottom: np.ndarray,
           left: np.ndarray, right: np.ndarray) -> Boxes:
    """The box of each of ``count`` labels over the items they label, and those items' boxes.

    Boxes are top, bottom, left, right: inclusive rows and columns (int arrays,
    one entry an item, and of ``count`` in what is returned).
    """
    first = np.full(count, np.iinfo(np.int64).max)
    last = np.full(count, -1)
    out_top, out_left = first.copy(), first.copy()
    out_bottom, out_right = last.copy(), last.copy()
    np.minimum.at(out_top, label, top)
    np.maximum.at(out_bottom, label, bottom)
    np.minimum.at(out_left, label, left)
    np.maximum.at(out_right, label, right)
    return out_top, out_bottom, out_left, out_right


def _labelled_runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The runs of ``mask`` (rows, columns; bool) along its rows, each with its mark.

    Returns four int arrays, one entry a run: its row, first column, column past
    its end, and the number of the 8-connected mark it belongs to (0, 1, ...).
    """
    edges = np.diff(np.pad(mask, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    row, start = np.nonzero(edges == 1)
    _, end = np.nonzero(edges == -1)
    parent = list(range(len(row)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    firsts = np.searchsorted(row, np.arange(mask.shape[0] + 1))
    for r in range(mask.shape[0] - 1):
        a, a_end, b, b_end = firsts[r], firsts[r + 1], firsts[r + 1], firsts[r + 2]
        while a < a_end and b < b_end:
            if start[a] <= end[b] and start[b] <= end[a]:
                parent[root(int(b))] = root(int(a))
            if end[a] < end[b]:
                a += 1
            else:
                b += 1
    roots = np.array([root(i) for i in range(len(row))], dtype=np.int64)
    _, label = np.unique(roots, return_inverse=True)
    return row, start, end, label.reshape(-1)

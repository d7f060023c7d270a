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
white. A page whose text itself is coloured (a blue print) is not
touched, nor is a grey or 1-bit scan (no pixel of it has a colour).
"""

from __future__ import annotations

import numpy as np
from PIL import Image

#: A pixel whose channels differ by less than this is neutral (black, grey, paper).
NEUTRAL_SPREAD = 40
#: A pixel whose channels differ by this much or more is strongly coloured: ink of
#: a stamp, a pen or a highlighter (red 200, 30, 40: 170; yellow 255, 240, 60: 195).
COLOURED_SPREAD = 96
#: Pixels darker than this (grey level) are ink.
DARK = 128
#: A page has coloured marks when this share of its pixels or more is strongly coloured
#: (a stamp 1.2 inch across with its ring and words: about 0.1 % of an A4 page).
MIN_COLOURED_SHARE = 0.0005
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
    near it (:func:`_ink_light`, the ink's own light on bare paper). A strongly
    coloured pixel (:data:`COLOURED_SPREAD`) nearly that bright (:data:`BARE_INK`),
    or in a dark ink (:data:`LIGHT_INK`), is the ink alone: white. The stamp's ring
    and the signature's line go; a table's rule or a letter's edge under the
    highlighter keeps its grey.
    """
    pixels = np.asarray(image.convert("RGB"))
    spread = _spread(pixels)
    top = pixels.max(axis=2).astype(np.float32)
    coloured = spread >= NEUTRAL_SPREAD
    light = np.maximum(_ink_light(np.where(coloured, pixels.max(axis=2), 0)), 1)
    seen = np.minimum(255.0, top * (255.0 / light))
    seen[(spread >= COLOURED_SPREAD) & ((top >= BARE_INK * light) | (light < LIGHT_INK))] = 255
    out = np.where(coloured, seen, np.asarray(image.convert("L")))
    return Image.fromarray(out.astype(np.uint8), "L")


#: Side, in pixels, of the blocks :func:`_ink_light` takes the brightest of; the
#: pixel's block and the 8 around it count (24 pixels either way: 0.08 inch at 300 dpi).
LIGHT_BLOCK = 8


def _ink_light(top: np.ndarray) -> np.ndarray:
    """The brightest of ``top`` (rows, columns; uint8) near each pixel, same shape.

    Near: in the pixel's :data:`LIGHT_BLOCK` block or the 8 blocks around it.
    """
    rows, cols = top.shape
    down, across = -(-rows // LIGHT_BLOCK), -(-cols // LIGHT_BLOCK)
    padded = np.zeros((down * LIGHT_BLOCK, across * LIGHT_BLOCK), dtype=np.uint8)
    padded[:rows, :cols] = top
    blocks = np.pad(padded.reshape(down, LIGHT_BLOCK, across, LIGHT_BLOCK).max(axis=(1, 3)), 1)
    near = np.zeros((down, across), dtype=np.uint8)
    for dy in range(3):
        for dx in range(3):
            np.maximum(near, blocks[dy:dy + down, dx:dx + across], out=near)
    return np.repeat(np.repeat(near, LIGHT_BLOCK, axis=0), LIGHT_BLOCK, axis=1)[:rows, :cols]

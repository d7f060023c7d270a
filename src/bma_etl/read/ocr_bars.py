"""A solid dark bar across a scanned page is no text: it is painted white before OCR.

Stage: read (in the worker: :func:`~.ocr._read_level`, after punched holes). Consumes a
level greyscale page image (``L``, :func:`~.ocr_image.levelled`) and its dpi; produces it
with every solid bar painted white. A web page's fixed top bar (its menu in light
letters on a coloured ground) printed and faxed turns solid black: Tesseract reads the
bar as a line of junk (the thirtieth outside tester's ``| วา้ยาาณุณุ…``), and a junk
line opening with a ``|`` took every report row under it into one table row
(:func:`bma_etl.rows.join_rows`), so a progress form lost five reports.

A bar is a band of rows at least :data:`LEAST_TALL` high each dark (darker than
:data:`DARK`) across :data:`LEAST_ACROSS` of the page's width or more: a line of text
inks a small share of its row, a table's rule is a few pixels high, a shaded
table head is lighter than :data:`DARK`. The letters printed light in the bar are
painted over with it: menus, not the document's text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

#: A bar's rows are this dark (grey of 255) or darker...
DARK = 96
#: ...across this share of the page's width or more (its light letters the rest)...
LEAST_ACROSS = 0.6
#: ...in a band this many inches high or more (a table's rule is far thinner), its rows
#: through a line of light letters no more than :data:`MOST_GAP` inches high.
LEAST_TALL = 0.12
MOST_GAP = 0.15


def bars(image: Image.Image, dpi: float) -> list[tuple[int, int]]:
    """The solid bars across a level grey page image: ``(top, bottom)`` rows of each."""
    import numpy as np

    pixels = np.asarray(image.convert("L"))
    across = (pixels <= DARK).mean(axis=1) >= LEAST_ACROSS
    rows = np.flatnonzero(across)
    tall, gap = max(2, round(dpi * LEAST_TALL)), max(1, round(dpi * MOST_GAP))
    out: list[tuple[int, int]] = []
    for run in np.split(rows, np.flatnonzero(np.diff(rows) > gap) + 1) if rows.size else ():
        if run[-1] - run[0] + 1 >= tall:
            out.append((int(run[0]), int(run[-1])))
    return out


def without_bars(image: Image.Image, dpi: float) -> Image.Image:
    """``image`` with its solid bars (:func:`bars`) painted white, a pixel beyond them too.

    The image is returned as given when the page has no bar.
    """
    import numpy as np
    from PIL import Image as PilImage

    found = bars(image, dpi)
    if not found:
        return image
    pixels = np.array(image.convert("L"))
    for top, bottom in found:
        pixels[max(0, top - 1):bottom + 2, :] = 255
    return PilImage.fromarray(pixels, "L")

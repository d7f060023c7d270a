"""A sheet feeder's streak down a scanned page: erased before OCR, and no table rule.

Stage: read (in the worker: :func:`~.ocr._read_level` asks, after the page's rules
are found). Dust on a sheet feeder's glass draws a thin straight line down every
page it scans, through the text: the twenty-third outside tester's 4-pixel streak through
``ร้อยละ 88.00`` made OCR lose two percents and read ``แสนแสบ`` as ``liduuau``, and
it was taken for a table's rule, splitting the lines it crossed into cells.
:func:`streaks` finds such a line: a few columns of pixels (:data:`MOST_WIDTH`) darker
than the paper beside them down most of the page (:data:`LEAST_SHARE`), which text
touches on both sides here and there (:data:`LEAST_CROSSED`: it crosses lines of
text; a column divider stands in a gutter) and at which no horizontal rule ends (a
table's side does; a rule that crosses it, a banner's edge, is no matter when the line
runs into the paper's top and bottom margins, :data:`MARGIN`, as no table's rule does).
:func:`without_streaks` paints each streak with the lighter of the pixels on its two
sides, row by row (a letter's stroke across it stays ink), keeping the ink seen through a
grey streak, and drops it from the page's rules. A streak too dark to see ink through
(:data:`HIDES`: the thirtieth tester's black 6-pixel one read ``ร้อยละ 93`` as ``43``)
is named in the rules' ``hidden``, and :func:`crossed_words` marks the words holding a
digit that it crosses doubted: their numbers are not loaded unconfirmed; a digit it leaves
inside a Thai word is dropped (:func:`without_hidden_digits`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bma_etl.read.ocr_layout import OcrWord

if TYPE_CHECKING:
    from PIL import Image

    from bma_etl.read.ocr_image import PageRules

#: A streak is at most this wide (inches: 10 pixels at 300 dpi, an 8-pixel streak and the
#: grey its edges blur into)...
MOST_WIDTH = 0.035
#: ...darker than the paper on its sides by this many grey levels...
LEAST_DARKER = 40
#: ...in this share of the page's rows or more (the text's ink on a column is far less)...
LEAST_SHARE = 0.6
#: ...and text touches it on both sides in this share of its rows or more.
LEAST_CROSSED = 0.004
#: The paper beside a streak is looked at this far (inches) from it.
SIDE = 0.02
#: A line dark in half the rows of the page's top and bottom this deep (inches) runs from
#: edge to edge of the sheet: a feeder's streak, whatever rule crosses it.
MARGIN = 0.25
#: A streak at or darker than this grey (of 255) hides the ink under it.
HIDES = 100


def streaks(image: Image.Image, dpi: float, rules: PageRules) -> list[tuple[int, int]]:
    """The streaks down a level grey page image: ``(first, last)`` columns of each.

    ``rules``: the page's rules (:func:`~.ocr_image.page_rules`); a dark line that a
    horizontal rule meets is a table's and is no streak.
    """
    import numpy as np

    pixels = np.asarray(image.convert("L"), dtype=np.int16)
    height, width = pixels.shape
    side = max(2, round(dpi * SIDE))
    if width < 4 * side or height < 10:
        return []
    # the grey a column is at or under in LEAST_SHARE of its rows: the paper's, unless
    # the column is dark most of its way down
    column = np.percentile(pixels[::4], 100 * LEAST_SHARE, axis=0)  # every 4th row will do
    widest = max(1, round(dpi * MOST_WIDTH))
    dark = np.flatnonzero(column <= float(np.median(column)) - LEAST_DARKER)
    out: list[tuple[int, int]] = []
    for run in np.split(dark, np.flatnonzero(np.diff(dark) > 1) + 1) if dark.size else ():
        first, last = int(run[0]), int(run[-1])
        if last - first + 1 > widest or first < side or last >= width - side:
            continue
        paper = min(float(np.median(column[max(0, first - 3 * side):first - 1])),
                    float(np.median(column[last + 2:last + 3 * side])))
        if float(column[first:last + 1].max()) <= paper - LEAST_DARKER \
                and _crossed(pixels, first, last, paper) \
                and not _met(rules, (first + last) / 2, side,
                             _edge_to_edge(pixels[:, first:last + 1], paper, dpi)):
            out.append((first, last))
    return out


def _crossed(pixels: object, first: int, last: int, paper: float) -> bool:
    """Whether ink touches columns ``first``..``last`` on both sides in enough rows."""
    import numpy as np

    grid = np.asarray(pixels)
    dark = paper - 2 * LEAST_DARKER
    both = (grid[:, max(0, first - 2)] < dark) & (grid[:, min(grid.shape[1] - 1, last + 2)] < dark)
    return bool(both.mean() >= LEAST_CROSSED)


def _edge_to_edge(band: object, paper: float, dpi: float) -> bool:
    """Whether the columns ``band`` (rows x columns) are dark in the page's top and bottom."""
    import numpy as np

    dark = np.asarray(band).max(axis=1) <= paper - LEAST_DARKER
    deep = max(1, round(dpi * MARGIN))
    return bool(dark[:deep].mean() >= 0.5 and dark[-deep:].mean() >= 0.5)


def _met(rules: PageRules, x: float, near: int, edge_to_edge: bool) -> bool:
    """Whether a horizontal rule of ``rules`` ends at column ``x`` (within ``near`` pixels).

    A rule crossing it counts too unless the line runs ``edge_to_edge`` of the sheet.
    """
    return any(abs(left - x) <= near or abs(right - x) <= near
               or (not edge_to_edge and left - near <= x <= right + near)
               for _, left, right in rules.horizontal)


def without_streaks(image: Image.Image, dpi: float, rules: PageRules
                    ) -> tuple[Image.Image, PageRules]:
    """``image`` with its streaks (:func:`streaks`) painted over, and ``rules`` without them.

    Each streak's pixels take, row by row, the lighter of the pixels two columns
    outside it on either side, but for those darker than the streak's own grey by
    :data:`LEAST_DARKER` (ink seen through it). The rules' ``hidden`` names the streaks
    at or darker than :data:`HIDES`. The image and rules are returned as given when the
    page has no streak.
    """
    import numpy as np
    from PIL import Image as PilImage

    found = streaks(image, dpi, rules)
    if not found:
        return image, rules
    pixels = np.array(image.convert("L"))
    width = pixels.shape[1]
    hidden: list[tuple[int, int]] = []
    for first, last in found:
        left = pixels[:, max(0, first - 2)]
        right = pixels[:, min(width - 1, last + 2)]
        under = pixels[:, first:last + 1].astype(np.int16)
        grey = np.percentile(under[::4], 100 * LEAST_SHARE, axis=0)  # the streak's own
        seen = under < grey[None, :] - LEAST_DARKER  # ink darker than the streak
        painted = np.maximum(left, right)[:, None]
        if float(grey.min()) <= HIDES:
            hidden.append((first, last))
        pixels[:, first:last + 1] = np.where(seen, under, painted).astype(np.uint8)
    near = max(2, round(dpi * SIDE))
    vertical = tuple(rule for rule in rules.vertical
                     if not any(first - near <= rule[0] <= last + near for first, last in found))
    return PilImage.fromarray(pixels, "L"), replace(rules, vertical=vertical,
                                                     hidden=(*rules.hidden, *hidden))


def crossed_words(tsv: str, hidden: tuple[tuple[int, int], ...]) -> set[int]:
    """The TSV's word rows (line numbers, header 0) with a digit a ``hidden`` streak crosses.

    ``tsv``: Tesseract's TSV of the page image the streaks were painted out of;
    ``hidden``: the ``(first, last)`` columns of streaks that hid the ink under them
    (:attr:`~.ocr_image.PageRules.hidden`). Part of such a word's ink is a guess: a
    ``9`` whose loop the streak hid reads ``4``.
    """
    out: set[int] = set()
    if not hidden:
        return out
    for n, row in enumerate(tsv.splitlines()):
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not any(c.isdigit() for c in cells[11]):
            continue
        left, width = int(cells[6]), int(cells[8])
        if any(left <= last + 1 and first - 1 <= left + width for first, last in hidden):
            out.add(n)
    return out


#: A digit between two Thai letters or marks of one word.
_GLUED_DIGIT = re.compile(r"(?<=[\u0e01-\u0e4e])\d(?=[\u0e01-\u0e4e])")


def without_hidden_digits(text: str, words: tuple[OcrWord, ...],
                          hidden: tuple[tuple[int, int], ...]) -> tuple[str, tuple[OcrWord, ...]]:
    """An OCR'd page's ``text`` and ``words`` without the digits a streak left in Thai words.

    A digit between two Thai letters of a word a ``hidden`` streak crosses (columns,
    :attr:`~.ocr_image.PageRules.hidden`) is what OCR made of a letter the streak hid
    (``ร้อยละ`` read ``ร้อ6ละ``): it is dropped, so the word reads as one with a letter
    lost (``ร้อละ``, which the Thai word list puts back, :mod:`.ocr_lexicon`), not as a
    number. Every later word's offset moves with the text.
    """
    if not hidden:
        return text, words
    out: list[OcrWord] = []
    pieces: list[str] = []
    pos = shift = 0
    for word in words:
        left, right = word.box[0], word.box[2]
        crossed = any(left <= last + 1 and first - 1 <= right for first, last in hidden)
        new = _GLUED_DIGIT.sub("", word.text) if crossed else word.text
        pieces.append(text[pos:word.start] + new)
        pos = word.end
        out.append(OcrWord(new, word.conf, word.box, word.start - shift, word.doubted,
                           word.agreed))
        shift += len(word.text) - len(new)
    pieces.append(text[pos:])
    return "".join(pieces), tuple(out)

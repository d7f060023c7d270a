"""Clean a page image up before OCR: even its light, straighten it, remove its noise.

Stage: read. Consumes a greyscale page image (Pillow); produces it with an
even white paper, turned upright and without specks (:func:`cleaned`). The
paper's light is evened by dividing the page by its own background
(:func:`flattened`). Pillow and numpy only: the skew is the
angle, within :data:`MAX_SKEW`, whose row profile of the ink is sharpest (text
lines and the gaps between them alternate), found on a small copy of the page;
the noise goes with a median filter (:data:`DENOISE_SIZE`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from PIL import Image

#: Skews searched on every page, in degrees either way...
MAX_SKEW = 1.5
#: ...and how far the search goes on when the sharpest angle is at its edge (a
#: page laid on a copier or photographed by hand is turned 2 degrees and more).
WIDEST_SKEW = 3.0
#: Angle steps of the search, in degrees: coarse over the range, then fine.
COARSE_STEP = 0.3
SKEW_STEP = 0.1
#: Skews smaller than this are left alone (resampling blurs the letters).
MIN_SKEW = 0.2
#: Width of the copy the skew is measured on.
PROBE_WIDTH = 1000


def skew_angle(image: Image.Image) -> float:
    """The angle (degrees, counter-clockwise) that makes the text lines level.

    Within :data:`MAX_SKEW`, or up to :data:`WIDEST_SKEW` when the lines get
    sharper toward that edge.
    """
    grey = image.convert("L")
    scale = min(1.0, PROBE_WIDTH / grey.width)
    small = grey.resize((max(1, round(grey.width * scale)), max(1, round(grey.height * scale))),
                        Image.Resampling.BOX)
    threshold = otsu_threshold(small)
    ink = small.point(lambda v: 255 if v < threshold else 0)

    def sharpness(angle: float) -> float:
        turned = ink.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=0)
        rows = turned.resize((1, turned.height), Image.Resampling.BOX).tobytes()
        return float(sum((a - b) ** 2 for a, b in pairwise(rows)))

    # Coarse steps over the range, on outward while the edge keeps getting sharper,
    # then fine ones around the best.
    coarse = round(MAX_SKEW / COARSE_STEP)
    best = max((i * COARSE_STEP for i in range(-coarse, coarse + 1)), key=sharpness)
    if abs(best) >= coarse * COARSE_STEP - SKEW_STEP / 2:
        outward = COARSE_STEP if best > 0 else -COARSE_STEP
        sharpest = sharpness(best)
        while abs(best + outward) <= WIDEST_SKEW + SKEW_STEP / 2:
            further = sharpness(best + outward)
            if further <= sharpest:
                break
            best, sharpest = best + outward, further
    fine = round(COARSE_STEP / SKEW_STEP)
    level: float = max((best + i * SKEW_STEP for i in range(-fine + 1, fine)), key=sharpness)
    return round(level, 2)


#: Side, in pixels, of the median filter run over a page before OCR. Scanner noise
#: and specks turn into stray marks and broken letters; a 3 x 3 median removes them
#: and keeps strokes (2 px and more at the 150-300 dpi pages are read at). On the
#: robustness corpus's fpdf2 scans (seeds 7 and 11, 24 documents) fields read right
#: went 36 -> 50 % and 39 -> 60 %; Tesseract's own Sauvola binarisation instead
#: (``thresholding_method=2``) lost fields (22 %, 23 %).
DENOISE_SIZE = 3


def cleaned(image: Image.Image, filtered: bool = False) -> Image.Image:
    """The page as OCR reads it best: evenly lit, level, its noise filtered out.

    :func:`~.ocr_paper.on_paper` (a photo's desk cut away), then :func:`flattened`,
    then :func:`deskewed`, then :func:`median3` and a grey page's paper made white
    (:func:`~.ocr_paper.whitened`; neither when ``filtered``: its noise went already,
    on the scan's own pixels, :func:`~.ocr_grid.on_grid`).

    The light goes first: a shadow band is a long dark stripe that would pull
    the skew search toward its own slant.
    """
    from bma_etl.read.ocr_paper import whitened

    level = levelled(image)
    return level if filtered else whitened(median3(level))


def levelled(image: Image.Image) -> Image.Image:
    """The page evenly lit and level, its noise kept: :func:`cleaned` before the median.

    A dotted copy is blurred back to grey first and a faded one stretched to its
    ink and paper (:mod:`~.ocr_copies`). Table rules are found on this image
    (:func:`page_rules`): the median erases a rule one pixel wide (a 0.5 pt line
    in a 1-bit scan at 200 dpi).
    """
    from bma_etl.read.ocr_copies import contrasted, smoothed
    from bma_etl.read.ocr_paper import on_paper

    return deskewed(contrasted(flattened(smoothed(on_paper(image)))))


# ------------------------------------------------------------------ uneven light

#: The background is estimated on a copy this many pixels wide (A4 at ~24 dpi):
#: a pixel of it is a few letters' strokes, the light changes over many of them.
BACKGROUND_WIDTH = 200
#: Side, in pixels of that copy, of the grey closing (brightest, then darkest
#: neighbour) that takes the ink out of the background: ~0.3 inch on A4, more
#: than a line of text or a letter's height, less than a shadow's width.
BACKGROUND_CLOSING = 7
#: A page is evened only when its background's light varies more than this
#: (grey levels, between the 2nd and 98th percentile of the background): on an
#: evenly lit page (paper noise, a 1-bit scan) the page is left as it is.
MIN_UNEVEN = 16
#: Backgrounds darker than this are taken as this: a dark filled box with white
#: letters in it is ink on paper, not paper in the dark.
DARKEST_PAPER = 96


def background(image: Image.Image) -> Image.Image:
    """The paper's light under a greyscale page: its ink closed away, smoothed, full size.

    A small copy (:data:`BACKGROUND_WIDTH`) is closed (:data:`BACKGROUND_CLOSING`),
    blurred and scaled back up; values are grey levels (``L``), never below
    :data:`DARKEST_PAPER`.
    """
    from PIL import ImageFilter

    grey = image.convert("L")
    scale = min(1.0, BACKGROUND_WIDTH / grey.width)
    small = grey.resize((max(1, round(grey.width * scale)), max(1, round(grey.height * scale))),
                        Image.Resampling.BOX)
    closed = small.filter(ImageFilter.MaxFilter(BACKGROUND_CLOSING)) \
        .filter(ImageFilter.MinFilter(BACKGROUND_CLOSING)) \
        .filter(ImageFilter.GaussianBlur(BACKGROUND_CLOSING / 3))
    closed = closed.point(lambda v: max(v, DARKEST_PAPER))
    return closed.resize(grey.size, Image.Resampling.BILINEAR)


def flattened(image: Image.Image) -> Image.Image:
    """The page divided by its :func:`background`: white paper, however it was lit.

    Uneven light (darker toward a corner, a shadow band) makes one threshold
    for the whole page (Tesseract's Otsu) take the shadow for ink and run its
    lines together; divided by the background the paper is white everywhere
    and the ink keeps its contrast, and a page showing through the paper fades
    with it. Greyscale in, greyscale out; an evenly lit page (:data:`MIN_UNEVEN`)
    comes back as it is (the same object).
    """
    import numpy as np

    grey = image.convert("L")
    back = background(grey)
    light = np.asarray(back)
    step = max(1, light.shape[1] // BACKGROUND_WIDTH)
    low, high = np.percentile(light[::step, ::step], (2, 98))
    if high - low <= MIN_UNEVEN:
        return image
    pixels = np.asarray(grey, dtype=np.float32)
    even = pixels * (255.0 / light.astype(np.float32))
    return Image.fromarray(np.clip(even + 0.5, 0, 255).astype(np.uint8))


#: The 3 x 3 median as 19 compare-exchanges of the 9 neighbours (the pixel's
#: column of three sorted, then the median of the columns' medians).
_MEDIAN9 = ((1, 2), (4, 5), (7, 8), (0, 1), (3, 4), (6, 7), (1, 2), (4, 5), (7, 8),
            (0, 3), (5, 8), (4, 7), (3, 6), (1, 4), (2, 5), (4, 7), (4, 2), (6, 4), (4, 2))


def median3(image: Image.Image) -> Image.Image:
    """A greyscale image's :data:`DENOISE_SIZE` (3 x 3) median filter, edges repeated.

    The same pixels as Pillow's ``ImageFilter.MedianFilter(3)`` (checked on the
    scanned fixtures, with noise added), in numpy: 0.07 s against 0.2-0.37 s for
    an A4 page at 300 dpi, and without holding the GIL while another page's
    engine waits for it.
    """
    import numpy as np

    pixels = np.asarray(image.convert("L"))
    height, width = pixels.shape
    edged = np.pad(pixels, 1, mode="edge")
    near = [edged[dy:dy + height, dx:dx + width] for dy in range(3) for dx in range(3)]
    for a, b in _MEDIAN9:
        near[a], near[b] = np.minimum(near[a], near[b]), np.maximum(near[a], near[b])
    return Image.fromarray(near[4])


def deskewed(image: Image.Image) -> Image.Image:
    """The image turned level, or the image itself when its skew is under :data:`MIN_SKEW`."""
    angle = skew_angle(image)
    if abs(angle) < MIN_SKEW:
        return image
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False,
                        fillcolor=255 if image.mode == "L" else None)


def otsu_threshold(image: Image.Image) -> int:
    """Otsu's threshold of a greyscale image: the grey level that best splits ink from paper."""
    hist = image.histogram()[:256]
    total = sum(hist)
    weighted = sum(i * h for i, h in enumerate(hist))
    below = below_weighted = 0.0
    best, best_var = 0, -1.0
    for level, count in enumerate(hist):
        below += count
        if below == 0 or below == total:
            continue
        below_weighted += level * count
        mean_below = below_weighted / below
        mean_above = (weighted - below_weighted) / (total - below)
        var = below * (total - below) * (mean_below - mean_above) ** 2
        if var > best_var:
            best, best_var = level + 1, var
    return best


# ------------------------------------------------------------------ table rules

#: A rule is a run of ink at least this long (inches): longer than any letter's
#: stroke, shorter than a table's narrowest column.
RULE_MIN_LENGTH = 0.4
#: Pieces of the page this long (inches) are looked at: a run of them all ink...
RULE_STEP = 1 / 50
#: ...at least this full of ink is part of a rule (a rule's pixels, blurred or
#: speckled by the scan, are not all black).
RULE_INK = 0.85
#: Runs of rule on rows (or columns) this close (inches) are one rule, however thick...
RULE_JOIN = 0.03
#: ...and so are runs in line with a gap this long (inches) between them: a scan
#: breaks a thin rule. (Joining longer gaps, up to 4 inches, and taking the ends of
#: the horizontal rules for a table's sides merged two rows of a 1-bit scan whose
#: rules were broken up: left out.)
RULE_GAP = 0.5

#: A rule's end this close (inches) to a rule crossing its line is drawn on to it: a
#: fax keeps a thin rule in dashes and now and then loses the last one or two.
RULE_REACH = 1.0


@dataclass(frozen=True, slots=True)
class PageRules:
    """A page image's drawn rules, in pixels, and the image's resolution.

    Horizontal rules are ``(y, left, right)``, vertical ones ``(x, top, bottom)``; ``hidden``:
    the ``(first, last)`` columns of streaks painted out that hid ink (:mod:`.ocr_streaks`).
    """

    horizontal: tuple[tuple[int, int, int], ...] = ()
    vertical: tuple[tuple[int, int, int], ...] = ()
    dpi: float = 300.0
    hidden: tuple[tuple[int, int], ...] = ()


def page_rules(image: Image.Image, dpi: float) -> PageRules:
    """The long straight lines of ink a (level, clean) page image draws: table rules.

    Pillow only: the ink is averaged over steps of :data:`RULE_STEP` along each
    row (and each column), and runs of full steps :data:`RULE_MIN_LENGTH` long or
    more are rules. Text has no such runs; a dashed line's gaps break it up.
    The ink is first widened by a pixel across the rules looked for (up and
    down for the horizontal ones, sideways for the vertical): a rule one pixel
    wide that a scan's leftover skew steps from one row of pixels to the next is
    one run, not pieces with gaps; the gaps between letters stay.
    """
    import numpy as np

    grey = image.convert("L")
    ink = np.asarray(grey) < otsu_threshold(grey)
    tall, wide = ink.copy(), ink.copy()
    tall[1:] |= ink[:-1]
    tall[:-1] |= ink[1:]
    wide[:, 1:] |= ink[:, :-1]
    wide[:, :-1] |= ink[:, 1:]
    across = Image.fromarray(tall.astype(np.uint8) * 255)
    down = Image.fromarray(wide.astype(np.uint8) * 255).transpose(Image.Transpose.TRANSPOSE)
    horizontal, vertical = _runs(across, dpi), _runs(down, dpi)
    reach = round(dpi * RULE_REACH)
    horizontal = _reaching(horizontal, vertical, reach)
    return PageRules(_bridged(horizontal, vertical, round(dpi * RULE_JOIN)),
                     _reaching(vertical, horizontal, reach), dpi)


def _bridged(rules: tuple[tuple[int, int, int], ...], crossing: tuple[tuple[int, int, int], ...],
             near: int) -> tuple[tuple[int, int, int], ...]:
    """``rules`` with pieces in line joined across a gap that ends between crossing rules.

    Rules are ``(at, start, end)`` in pixels. A table's rule stops at a crossing rule
    (a cell spanning two rows); one that stops between two, with a piece of it on
    the same line further on, is broken: a fax loses an inch of a thin rule now and
    then. Two pieces within ``near`` rows of each other are joined when they touch,
    or when crossing rules lie on both sides of the gap and either end at the gap
    meets none.
    """
    def meets(x: int, at: int) -> bool:
        return any(abs(c[0] - x) <= near and c[1] - near <= at <= c[2] + near for c in crossing)

    out: list[tuple[int, int, int]] = []
    for at, start, end in sorted(rules, key=lambda rule: rule[1]):
        for i, (at0, start0, end0) in enumerate(out):
            sides = [c[0] for c in crossing if c[1] - near <= at <= c[2] + near]
            touching = start <= end0 + near
            if abs(at - at0) <= near and (touching or (
                    any(x <= end0 for x in sides) and any(x >= start for x in sides)
                    and not (meets(end0, at0) and meets(start, at)))):
                longer = at0 if end0 - start0 >= end - start else at
                out[i] = (longer, start0, max(end, end0))
                break
        else:
            out.append((at, start, end))
    return tuple(sorted(out))


def _reaching(rules: tuple[tuple[int, int, int], ...], crossing: tuple[tuple[int, int, int], ...],
              reach: int) -> tuple[tuple[int, int, int], ...]:
    """``rules`` with each end that stops short of a crossing rule drawn on to it.

    Rules are ``(at, start, end)`` in pixels, ``crossing`` the rules across them. An end
    within ``reach`` pixels of a crossing rule that spans the rule's line is moved onto
    it: a fax's thin rule, broken into dashes, loses its last dash before the table's
    side, and a row's cells are then told apart by rules that do not meet.
    """
    out = []
    for at, start, end in rules:
        across = [c[0] for c in crossing if c[1] - reach <= at <= c[2] + reach]
        before = [x for x in across if start - reach <= x < start]
        after = [x for x in across if end < x <= end + reach]
        out.append((at, max(before, default=start), min(after, default=end)))
    return tuple(out)


def _runs(ink: Image.Image, dpi: float) -> tuple[tuple[int, int, int], ...]:
    """Horizontal rules of an ink image: ``(y, left, right)`` in its pixels."""
    step = max(2, round(dpi * RULE_STEP))
    width = ink.width // step
    if width < 2:
        return ()
    cells = ink.resize((width, ink.height), Image.Resampling.BOX).tobytes()
    full = round(255 * RULE_INK)
    mask = cells.translate(_MASKS[full])
    least = max(2, round(dpi * RULE_MIN_LENGTH / step))
    found: list[list[int]] = []  # y of first and last row, left, right (steps)
    join = max(1, round(dpi * RULE_JOIN))
    for m in re.finditer(b"1{%d,}" % least, mask):
        y, left = divmod(m.start(), width)
        right = min(m.end() - y * width, width)
        if right - left < least:
            continue
        for rule in reversed(found[-8:]):
            if y - rule[1] <= join and left <= rule[3] and right >= rule[2]:
                rule[1], rule[2], rule[3] = y, min(rule[2], left), max(rule[3], right)
                break
        else:
            found.append([y, y, left, right])
    merged: list[list[int]] = []  # pieces of one rule the scan broke, side by side
    gap = max(2, round(dpi * RULE_GAP / step))
    for piece in sorted(found):
        # A piece joins every rule it is in line with, not only the last one found:
        # a stepped rule's pieces start on rows out of their order along it.
        near = [rule for rule in merged if _in_line(piece, rule, join, gap)]
        for rule in near:
            merged.remove(rule)
        near.append(piece)
        merged.append([min(r[0] for r in near), max(r[1] for r in near),
                       min(r[2] for r in near), max(r[3] for r in near)])
    kept = [rule for rule in merged if not any(_within(rule, other, join) for other in merged)]
    return tuple(((a + b) // 2, left * step, right * step) for a, b, left, right in kept)


def _in_line(piece: list[int], rule: list[int], join: int, gap: int) -> bool:
    """Whether ``piece`` and ``rule`` (``[first row, last row, left, right]``) are one rule.

    Their rows lie within ``join`` of each other and their ends within ``gap`` steps:
    a thin rule a scan broke into dashes. A fax's rows are twice a pixel high, so a
    slightly turned rule steps by two rows or more, and its pieces, sorted by their
    first row, come out of their order along it.
    """
    return piece[0] - rule[1] <= join and rule[0] - piece[1] <= join \
        and piece[2] <= rule[3] + gap and piece[3] >= rule[2] - gap


def _within(piece: list[int], rule: list[int], join: int) -> bool:
    """Whether ``piece`` is a bit of a longer ``rule`` rows this close: text touching it.

    Both are ``[first row, last row, left, right]``. The ink of letters that touch a
    rule (widened by :func:`page_rules`) makes a run a row before the rule's own.
    """
    return rule[3] - rule[2] > piece[3] - piece[2] and rule[2] <= piece[2] \
        and piece[3] <= rule[3] and rule[0] - join <= piece[0] and piece[1] <= rule[1] + join


_MASKS = {full: bytes(49 if v >= full else 48 for v in range(256))
          for full in (round(255 * RULE_INK),)}

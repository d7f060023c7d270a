"""A number in Thai digits read from a page image glyph by glyph, against the Thai fonts.

Stage: read (:mod:`.ocr_thai_digits` asks it for each Thai number OCR read). The
number's pieces of ink (connected, 8 neighbours; a table's rules taken out first)
are cut out of the page; a piece over or under a wider one is part of it (a broken
stroke); each piece of a digit's height is compared with the ten digits drawn in
the installed Thai fonts at five stroke weights (:mod:`.ocr_digit_refs`: scaled to
one box, blurred, with their width to height; drawn once and kept on disk), all
references at once, and small pieces at the foot are a point or a comma. A number
is read only when every tall piece is surely one digit (no more unlike its nearest
reference than :data:`MAX_DISTANCE`, and nearer by :data:`MIN_MARGIN` than any other
digit). A number with a piece no digit reads as is worn (a thin print at 150 dpi in
one bit): every digit is then asked to be surer (:data:`WORN_DISTANCE`,
:data:`WORN_MARGIN`), neighbouring unsure pieces side by side are joined into the
digit they surely make (a ``๒`` broken into head and stroke, :func:`_rejoined`) and a
wide piece is cut into two digits touching (:func:`_split`), each only when one
reading alone fits; a letter or a stroke lost leaves it as Tesseract read it.
A digit cut off by the word's box (Tesseract's boxes end inside a last ``๐`` now and
then) is read with it when it is no other word's and stands as close as a digit's gap.

Measured on numbers drawn in eight tlwg faces at 150, 200 and 300 dpi, noised,
blurred and scaled to 300 dpi (``tests/test_ocr_thai_digits.py``'s page): 126 of
144 read, none wrong. A face unlike every installed one can be misread: with each
face left out of the references in turn, 21 read and 2 wrong (Waree's ``๙`` as ``๔``).
Generated plans scanned at 150 and 200 dpi (12 scans, 36 pages, 1,014 runs of Thai
digits): 296 numbers of two or more digits read right where 260 did, 87 left where
120 were, no digit newly wrong (``tests/test_ocr_digit_worn.py``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bma_etl.read.ocr_digit_refs import references, shape
from bma_etl.read.ocr_ink_pieces import Piece, pieces, threshold, without_rules

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image

__all__ = ["Box", "read_digits"]

#: Most a piece may differ from its nearest reference digit (mean absolute
#: difference of the blurred boxes plus :data:`ASPECT_WEIGHT` of the log of their width
#: ratio). Digits of breaker27's 150 dpi plan scan were 0.05-0.17 from their nearest;
#: a hole's shadow, a letter or two digits touching 0.3 and more.
MAX_DISTANCE = 0.25
#: Least a piece's nearest digit must be nearer than any other digit. The eight
#: faces' numbers of the module's measure read 126 of 144 at 0.02, 107 at 0.03, 74 at
#: 0.04, none wrong; with each face left out in turn, Waree's ``๙`` read ``๔`` at 0.02
#: and 0.03 alike (none at 0.04, where 16 numbers read).
MIN_MARGIN = 0.02
#: How much a piece's width to height ratio weighs against its reference's (log ratio).
ASPECT_WEIGHT = 0.3
#: A piece at least this share of the line's typical digit height is a digit (``๐``,
#: the shortest, stands 0.7-0.8 of ``๒``); a point or a comma is lower.
DIGIT_HEIGHT = 0.62
#: Most pieces a digit broken apart is joined from (:func:`_rejoined`).
MOST_PARTS = 3
#: Widest gap between the pieces of one broken digit, a share of the digits' height.
PART_GAP = 0.2
#: Widest a digit joined from pieces may be, times its height (the references' widest,
#: ``๓`` and ``๘`` thickened, are 1.45).
WIDEST = 1.5
#: A piece no digit reads as, at least this many times as wide as high, may be two
#: digits touching (:func:`_split`), cut in the middle share :data:`CUT_SPAN` of it.
TWO_WIDE = 1.5
CUT_SPAN = 0.4
#: In a worn number (:func:`_kind`), the farthest a digit may be from its nearest
#: reference and the least it must be nearer than any other digit's. Both sides of the
#: right cuts of two digits touching on the 150/200 dpi plans measured were 0.07-0.20
#: (a wrong cut, Garuda's ``๗`` short of its stem, read ``๓`` 0.16 and ``๔`` 0.24); a
#: thin Norasi ``๙`` beside broken ``๐`` read ``๔`` 0.138, ``๕`` 0.167.
WORN_DISTANCE = 0.2
WORN_MARGIN = 0.04
#: Widest gap, a share of the digits' height, between two words OCR cut one number
#: into (``๑๕,๘ ๓๖,๘๐๐``), as :func:`_with_cut_off` takes a digit past a word's end;
#: a space between words is half a digit's height and more.
JOIN_GAP = 0.35
_WORD = re.compile("[\u0e50-\u0e59]")

Box = tuple[int, int, int, int]


def read_digits(page: Image.Image, box: Box, others: list[Box] | None = None,
                joined_at: float | None = None) -> str | None:
    """The number in Thai digits in ``box`` of ``page``, or None when a piece is unsure.

    ``others``: boxes of the page's other words; a piece cut off by ``box`` is taken
    in only when its middle lies in none of them. ``joined_at``: the page's x between
    two words OCR cut a number into; None unless the ink there is as close as a digit's
    gap (:data:`JOIN_GAP`).
    """
    import numpy as np

    left, top, right, bottom = box
    height = max(1, bottom - top)
    x0, y0 = max(0, left - 3 * height), max(0, top - height // 2)
    x1, y1 = min(page.width, right + 3 * height), min(page.height, bottom + height // 2)
    area = np.asarray(page.crop((x0, y0, x1, y1)), dtype=np.uint8)
    if area.size == 0:
        return None
    ink = without_rules(area < threshold(area), 1.5 * height)
    found = pieces(ink)
    inside = [p for p in found if p[0] + x0 < right and p[2] + x0 > left
              and top <= (p[1] + p[3]) / 2 + y0 <= bottom]
    if not inside:
        return None
    inside = _parts_joined(inside)
    most = max(p[3] - p[1] for p in inside)
    tall = float(np.median([p[3] - p[1] for p in inside if p[3] - p[1] >= 0.5 * most]))
    if most > 1.6 * tall:
        return None
    chosen = _with_cut_off(inside, found, tall, [(a - x0, b - y0, c - x0, d - y0)
                                                  for a, b, c, d in (others or [])])
    chosen = _parts_joined(chosen)
    most = max(p[3] - p[1] for p in chosen)
    tall = float(np.median([p[3] - p[1] for p in chosen if p[3] - p[1] >= 0.5 * most]))
    chosen = _marks_joined(chosen, tall)
    chosen.sort(key=lambda p: p[0])
    foot = max(p[3] for p in chosen if p[3] - p[1] >= DIGIT_HEIGHT * tall)
    if joined_at is not None and _gap_at(chosen, joined_at - x0) > JOIN_GAP * tall:
        return None
    kinds: list[str | None] | None = [_kind(piece, tall, foot) for piece in chosen]
    if kinds is not None and None in kinds:  # a worn print: each digit asked to be surer
        kinds = [_kind(piece, tall, foot, worn=True) for piece in chosen]
        if None in kinds:
            kinds = _rejoined(chosen, kinds, tall)
    if kinds is None:
        return None
    reading = "".join(kind for kind in kinds if kind is not None)
    return reading if _WORD.search(reading) else None


def _gap_at(chosen: list[Piece], x: float) -> float:
    """The empty width around ``x`` between pieces sorted by their left (0 inside one)."""
    if any(p[0] < x < p[2] for p in chosen):
        return 0.0
    before = [p[2] for p in chosen if p[2] <= x]
    after = [p[0] for p in chosen if p[0] >= x]
    return float(min(after) - max(before)) if before and after else float("inf")


def _kind(piece: Piece, tall: float, foot: int, worn: bool = False) -> str | None:
    """What one piece is: a digit, ``,``, ``.``, ``-``, or None (unsure).

    ``worn``: the number has a piece no digit reads as (a digit broken apart or two
    touching): a digit must be no farther than :data:`WORN_DISTANCE` from its nearest
    reference and :data:`WORN_MARGIN` nearer than any other, and a wide piece may be
    two digits (:func:`_split`).
    """
    p_left, p_top, p_right, p_bottom, mask = piece
    h, w = p_bottom - p_top, p_right - p_left
    if h >= DIGIT_HEIGHT * tall:
        if not worn:
            return _digit(mask)
        digit = _digit(mask, most=WORN_DISTANCE, margin=WORN_MARGIN)
        return _split(mask, tall) if digit is None and w >= TWO_WIDE * h else digit
    if p_bottom >= foot - 0.35 * tall:
        return "," if h > 1.4 * w or p_bottom > foot + 0.12 * tall else "."
    if p_top < foot - 0.2 * tall and p_bottom < foot - 0.2 * tall and w > 1.5 * h:
        return "-"
    return None


def _split(mask: np.ndarray, tall: float) -> str | None:
    """Two digits touching (a 150 dpi scan's blurred gap), read on either side of a cut.

    The piece is cut down at each column of its middle :data:`CUT_SPAN`; the cut whose
    two sides are nearest their digits (the farther side's distance) is taken when both
    are sure digits of a digit's height (:data:`WORN_DISTANCE`, :data:`WORN_MARGIN`)
    and every cut reading other digits is :data:`WORN_MARGIN` farther. None otherwise.
    (Garuda's ``๗`` cut short of its stem reads ``๓`` at 0.16, the ``๔`` beside it
    with the stem 0.24; cut at the joint, ``๗`` and ``๔`` are nearer.)
    """
    import numpy as np

    w = mask.shape[1]
    low, high = round(w * (1 - CUT_SPAN) / 2), round(w * (1 + CUT_SPAN) / 2)
    cuts: list[tuple[float, str, bool]] = []
    for cut in range(max(1, low), min(w - 1, high)):
        far, pair, sure = 0.0, "", True
        for side in (mask[:, :cut], mask[:, cut:]):
            rows = np.flatnonzero(side.any(axis=1))
            if rows.size == 0 or rows[-1] + 1 - rows[0] < DIGIT_HEIGHT * tall:
                sure = False
                break
            ranked = _nearest(side)
            far = max(far, ranked[0][0])
            pair += ranked[0][1]
            sure = sure and ranked[1][0] - ranked[0][0] >= WORN_MARGIN
        else:
            cuts.append((far, pair, sure and far <= WORN_DISTANCE))
    if not cuts:
        return None
    best = min(cuts)
    if not best[2] or any(c[1] != best[1] and c[0] < best[0] + WORN_MARGIN for c in cuts):
        return None
    return best[1]


def _rejoined(chosen: list[Piece], kinds: list[str | None],
              tall: float) -> list[str | None] | None:
    """``kinds`` with each run of unsure pieces read as digits broken into parts, or None.

    A thin print scanned at 150 dpi in one bit breaks a digit into pieces side by side
    (``๒``'s head and its stroke), none a digit alone. Each run of unsure pieces
    (in ``chosen``'s left to right order) is cut into groups of one to
    :data:`MOST_PARTS` neighbouring pieces (:data:`PART_GAP` apart at most), each group
    joined reading surely as one digit no wider than :data:`WIDEST`; a run is read only
    when there is one such cutting (a group's first piece holds its digit, the others
    None). None when a run has no such cutting or more than one.
    """
    out = list(kinds)
    n = 0
    while n < len(out):
        if out[n] is not None:
            n += 1
            continue
        end = n
        while end < len(out) and out[end] is None:
            end += 1
        read = _run_read(chosen[n:end], tall)
        if read is None:
            return None
        for k, part in enumerate(read):
            out[n + k] = part
        n = end
    return out


def _run_read(run: list[Piece], tall: float) -> list[str | None] | None:
    """The one reading of a run of unsure pieces as joined digits (:func:`_rejoined`)."""
    groups: dict[tuple[int, int], str | None] = {}

    def group(a: int, b: int) -> str | None:
        if (a, b) not in groups:
            joined = run[a]
            for p in run[a + 1:b]:
                if p[0] - joined[2] > PART_GAP * tall:
                    groups[(a, b)] = None
                    return None
                joined = _joined(joined, p)
            h, w = joined[3] - joined[1], joined[2] - joined[0]
            groups[(a, b)] = (_digit(joined[4], most=WORN_DISTANCE, margin=WORN_MARGIN)
                              if h >= DIGIT_HEIGHT * tall
                              and w <= WIDEST * h else None)
        return groups[(a, b)]

    # readings[k]: the distinct readings of run[:k] (two at most are kept)
    empty: tuple[str | None, ...] = ()
    readings: list[list[tuple[str | None, ...]]] = [[empty]] + [[] for _ in run]
    for k in range(1, len(run) + 1):
        for size in range(1, min(MOST_PARTS, k) + 1):
            digit = group(k - size, k)
            if digit is None:
                continue
            for before in readings[k - size]:
                reading = (*before, digit, *([None] * (size - 1)))
                if reading not in readings[k] and len(readings[k]) < 2:
                    readings[k].append(reading)
    if len(readings[-1]) != 1:
        return None
    return list(readings[-1][0])


def _parts_joined(pieces: list[Piece]) -> list[Piece]:
    """Pieces lying over or under a wider one (a digit's stroke broken off) joined to it."""
    out = sorted(pieces, key=lambda p: p[2] - p[0], reverse=True)
    n = 0
    while n < len(out):
        big = out[n]
        rest = []
        for p in out[n + 1:]:
            overlap = min(p[2], big[2]) - max(p[0], big[0])
            if overlap >= 0.7 * (p[2] - p[0]):
                big = _joined(big, p)
            else:
                rest.append(p)
        out[n + 1:] = rest
        out[n] = big
        n += 1
    return out


def _joined(a: Piece, b: Piece) -> Piece:
    """One piece of the ink of ``a`` and ``b``."""
    import numpy as np

    left, top = min(a[0], b[0]), min(a[1], b[1])
    right, bottom = max(a[2], b[2]), max(a[3], b[3])
    mask = np.zeros((bottom - top, right - left), dtype=bool)
    for q in (a, b):
        mask[q[1] - top:q[3] - top, q[0] - left:q[2] - left] |= q[4]
    return (left, top, right, bottom, mask)


def _marks_joined(pieces: list[Piece], tall: float) -> list[Piece]:
    """Small pieces one above another (a comma's head and tail) joined into one mark."""
    small = sorted((p for p in pieces if p[3] - p[1] < DIGIT_HEIGHT * tall), key=lambda p: p[0])
    marks: list[Piece] = []
    for p in small:
        last = marks[-1] if marks else None
        if last is not None and p[0] < last[2] and last[0] < p[2]:
            marks[-1] = _joined(last, p)
        else:
            marks.append(p)
    return [p for p in pieces if p[3] - p[1] >= DIGIT_HEIGHT * tall] + marks


def _with_cut_off(inside: list[Piece], pieces: list[Piece], tall: float,
                  others: list[Box]) -> list[Piece]:
    """``inside`` with the digit-high pieces just past either end that are no other word's."""
    chosen = list(inside)
    top = min(p[1] for p in inside)
    bottom = max(p[3] for p in inside)
    grew = True
    while grew:
        grew = False
        first, last = min(p[0] for p in chosen), max(p[2] for p in chosen)
        for p in pieces:
            if any(p is q for q in chosen) or p[3] - p[1] < DIGIT_HEIGHT * tall:
                continue
            if p[3] <= top or p[1] >= bottom:
                continue
            gap = p[0] - last if p[0] >= last else first - p[2] if p[2] <= first else -1
            if gap < 0 or gap > 0.35 * tall:
                continue
            mid_x, mid_y = (p[0] + p[2]) / 2, (p[1] + p[3]) / 2
            if any(a <= mid_x <= c and b <= mid_y <= d for a, b, c, d in others):
                continue
            chosen.append(p)
            grew = True
    return chosen


def _digit(mask: np.ndarray, exclude: str = "", most: float = MAX_DISTANCE,
           margin: float = MIN_MARGIN) -> str | None:
    """The Thai digit a piece of ink surely is, or None.

    ``exclude``: a font family left out of the references (to measure the reader on a
    face it does not know); ``most``: the farthest its nearest reference may be;
    ``margin``: how much nearer than any other digit's.
    """
    ranked = _nearest(mask, exclude)
    if len(ranked) < 2 or ranked[0][0] > most or ranked[1][0] - ranked[0][0] < margin:
        return None
    return ranked[0][1]


def _nearest(mask: np.ndarray, exclude: str = "") -> list[tuple[float, str]]:
    """``(distance, digit)`` of each digit's nearest reference to a piece, nearest first.

    The distance is the mean absolute difference of the blurred boxes (0..1) plus
    :data:`ASPECT_WEIGHT` of the log of their width ratio; every reference at once.
    """
    import numpy as np

    cut, aspect = shape(mask)
    refs = references(exclude)
    if not refs.digits:
        return [(9.0, ""), (9.0, "")]
    ink = np.abs(refs.shapes - cut.ravel()).sum(axis=1, dtype=np.int64)
    distance = ink / (255 * cut.size) + ASPECT_WEIGHT * np.abs(np.log(aspect / refs.aspects))
    codes = np.frombuffer(refs.digits.encode("utf-32-le"), dtype=np.uint32)
    best = {digit: float(distance[codes == ord(digit)].min())
            for digit in set(refs.digits)}
    return sorted((d, digit) for digit, d in best.items())

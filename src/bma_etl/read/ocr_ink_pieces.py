"""The pieces of ink of a grey page area: its threshold, its rules taken out, its parts.

Stage: read (:mod:`.ocr_digit_glyphs` cuts a Thai number's digits out of the page
with them). Work is done on runs of ink (a row's unbroken stretch), with numpy: a
pixel-by-pixel walk in Python cost 50 ms an area, a second or more a page of amounts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Piece", "pieces", "threshold", "without_rules"]

#: ``(left, top, right, bottom, mask)``: a piece's box (right and bottom exclusive) in
#: the area's pixels and its ink (bool, bottom - top x right - left).
Piece = tuple[int, int, int, int, "np.ndarray"]


def threshold(area: np.ndarray) -> float:
    """Otsu's threshold of a grey area (uint8; ink under it)."""
    import numpy as np

    counts = np.bincount(area.ravel(), minlength=256).astype(float)
    levels = np.arange(256)
    total, mean_all = counts.sum(), (counts * levels).sum()
    best, at = -1.0, 128.0
    weight = mean = 0.0
    for level in range(255):
        weight += counts[level]
        mean += counts[level] * level
        if weight == 0 or weight == total:
            continue
        m0, m1 = mean / weight, (mean_all - mean) / (total - weight)
        between = weight * (total - weight) * (m0 - m1) ** 2
        if between > best:
            best, at = between, level + 0.5
    return at


def _runs(ink: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's runs of ink, in reading order: ``(rows, starts, ends)`` (ends exclusive)."""
    import numpy as np

    padded = np.zeros((ink.shape[0], ink.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    steps = np.diff(padded, axis=1)
    rows, starts = np.nonzero(steps == 1)
    _, ends = np.nonzero(steps == -1)
    return rows, starts, ends


def without_rules(ink: np.ndarray, longest: float) -> np.ndarray:
    """``ink`` (bool) without its straight runs (a table's rules) over ``longest`` pixels.

    Runs across and down are both taken out, each found on ``ink`` as given.
    """
    import numpy as np

    out = ink.copy()
    for grid, view in ((ink, out), (ink.T, out.T)):
        rows, starts, ends = _runs(grid)
        long = ends - starts > longest
        if not long.any():
            continue
        marks = np.zeros((grid.shape[0], grid.shape[1] + 1), dtype=np.int32)
        np.add.at(marks, (rows[long], starts[long]), 1)
        np.add.at(marks, (rows[long], ends[long]), -1)
        view[np.cumsum(marks, axis=1)[:, :-1] > 0] = False
    return out


def pieces(ink: np.ndarray) -> list[Piece]:
    """Connected pieces of ink (8 neighbours) of at least 3 pixels.

    In the order of their first pixel (row by row): ``(left, top, right, bottom, mask)``.
    """
    import numpy as np

    rows, starts, ends = _runs(ink)
    count = len(rows)
    if not count:
        return []
    width = ink.shape[1] + 2
    # run j of the next row touches run i (8 neighbours) when it starts at or before
    # i's end and ends at or after i's start
    start_keys = rows * width + starts
    end_keys = rows * width + ends
    first = np.searchsorted(end_keys, (rows + 1) * width + starts, side="left")
    past = np.searchsorted(start_keys, (rows + 1) * width + ends, side="right")
    many = np.maximum(past - first, 0)
    upper = np.repeat(np.arange(count), many)
    offsets = np.arange(int(many.sum())) - np.repeat(np.cumsum(many) - many, many)
    lower = np.repeat(first, many) + offsets
    parent = list(range(count))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a, b in zip(upper.tolist(), lower.tolist(), strict=True):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    label = np.array(parent)
    while True:  # every run's parent is an earlier run: jump to the root
        up = label[label]
        if (up == label).all():
            break
        label = up
    order = np.argsort(label, kind="stable")
    bounds = np.flatnonzero(np.diff(label[order])) + 1
    out: list[Piece] = []
    for group in np.split(order, bounds):
        g_rows, g_starts, g_ends = rows[group], starts[group], ends[group]
        if int((g_ends - g_starts).sum()) < 3:
            continue  # a speck
        top, left = int(g_rows.min()), int(g_starts.min())
        bottom, right = int(g_rows.max()) + 1, int(g_ends.max())
        mask = np.zeros((bottom - top, right - left), dtype=bool)
        for y, s, e in zip(g_rows.tolist(), g_starts.tolist(), g_ends.tolist(), strict=True):
            mask[y - top, s - left:e - left] = True
        out.append((left, top, right, bottom, mask))
    return out

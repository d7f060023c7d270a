"""The spaces a plain line keeps as written, told for every line of a page at once.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_fast`). A line
that needs none of the rebuild's repairs keeps its text as it is when each space
inside it is one the PDF wrote where its gap is (:func:`.pdf_fast._kept_spaces`
tells it per line, a Python step per space). :class:`PageSpaces` asks the same of
every space of a page in one pass: pdfium's per-character answers (made up or
written, font size, origin) for the spaces only, their tests as numpy arrays, and
the result per line. A page where a form moved characters, or whose lines are not
cut from its text one character per index, is left to the per-line test.
"""

from __future__ import annotations

from itertools import repeat
from typing import TYPE_CHECKING, Any

import numpy as np

from bma_etl.read.pdf_bulk import origins_of, sizes_of
from bma_etl.read.pdf_extent import PageExtents
from bma_etl.read.pdf_glyphs import STEP_EM, TAB_GAP_EM

if TYPE_CHECKING:
    from bma_etl.read.pdf_fast import PlainLines
    from bma_etl.read.pdf_gaps import PageGaps

#: Per code point less U+0E00 (128: outside the Thai block): a Thai mark.
_MARK = np.zeros(129, dtype=bool)
_MARK[[0x31, *range(0x34, 0x3B), *range(0x47, 0x4F)]] = True
_MARK_CHARS = frozenset(chr(0x0E00 + k) for k in np.flatnonzero(_MARK).tolist())

#: What :meth:`PageSpaces.kept` gives for a line that keeps no space as written.
NOT_KEPT: list[tuple[float, float]] | None = None


class PageSpaces:
    """Each line's spaces as :func:`.pdf_fast._kept_spaces` keeps them (the rule test aside).

    ``g``: the page's :class:`.pdf_glyphs.Glyphs`; ``raw``: its text, a character
    per index, no stand-in in it; ``spans``: each line's ``(start, end)`` in ``raw``.
    Measured when first asked.
    """

    __slots__ = ("_by_start", "_g", "_raw", "_spans")

    def __init__(self, g: Any, raw: str, spans: list[tuple[int, int]]) -> None:
        self._g, self._raw, self._spans = g, raw, spans
        self._by_start: dict[int, tuple[int, list[tuple[float, float]] | None]] | None = None

    def kept(self, start: int, end: int) -> tuple[bool, list[tuple[float, float]] | None]:
        """Whether the line ``raw[start:end]`` was measured, and its kept spaces' two sides.

        The sides (points) of each space inside the line, or None when one of them
        is not kept as written (:func:`.pdf_fast._kept_spaces`, less its rule test).
        """
        if self._by_start is None:
            self._by_start = self._measure()
        found = self._by_start.get(start)
        if found is None or found[0] != end:
            return False, NOT_KEPT
        return True, found[1]

    def _measure(self) -> dict[int, tuple[int, list[tuple[float, float]] | None]]:
        g, raw = self._g, self._raw
        lefts, rights = g.edge_arrays()
        if g.moved or len(lefts) != len(raw) or not self._spans:
            return {}
        codes = np.frombuffer(raw.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        white = np.zeros(len(codes) + 2, dtype=np.int8)  # padded: a run's two ends
        white[1:-1] = (codes == 0x20) | (codes == 0xA0)
        edges = np.flatnonzero(np.diff(white))
        run_a, run_b = edges[0::2], edges[1::2]  # every run of white space: [a, b)
        starts = np.array([a for a, _ in self._spans], dtype=np.int64)
        ends = np.array([b for _, b in self._spans], dtype=np.int64)
        line = np.searchsorted(starts, run_a, "right") - 1  # the line each run is in
        inside = (line >= 0) & (run_a > starts[np.maximum(line, 0)]) \
            & (run_b < ends[np.maximum(line, 0)])
        a, b, line = run_a[inside], run_b[inside], line[inside]
        bad = (b != a + 1) | (codes[np.minimum(b, len(codes) - 1)] == 0x0E33)
        one = np.flatnonzero(~bad)
        i = a[one]  # the space of each run of one
        asked = i.tolist()
        bad[one] |= np.fromiter(map(g._generated, repeat(g._at, len(asked)), asked),
                                dtype=np.int64, count=len(asked)) == 1
        size = sizes_of(g, (i + 1).tolist())
        small = np.flatnonzero(size <= 1.0)
        if len(small):
            size[small] = sizes_of(g, (i[small] - 1).tolist())
        sized = np.flatnonzero(size > 1.0)
        bad[one[sized]] |= lefts[i[sized] + 1] - rights[i[sized] - 1] >= TAB_GAP_EM * size[sized]
        # two pieces on baselines apart: a tab (the origins of the letters beside it)
        known, _, y = origins_of(g, np.stack((i[sized] - 1, i[sized] + 1), axis=1).ravel().tolist())
        known = known[0::2] & known[1::2]
        bad[one[sized]] |= known & (np.abs(y[0::2] - y[1::2]) > STEP_EM * size[sized])
        # a space between two Thai characters drawn away from its gap
        block_a, block_b = codes[i - 1], codes[i + 1]
        thai = (block_a >= 0x0E01) & (block_a <= 0x0E5B) & (block_b >= 0x0E01) \
            & (block_b <= 0x0E5B)
        begin = lefts[i - 1]
        offset = block_a.astype(np.int64) - 0x0E00
        marked = thai & _MARK[np.where((offset >= 0) & (offset < 128), offset, 128)]
        for k in np.flatnonzero(marked).tolist():  # the cluster's letter: its marks' start
            first, j = starts[line[one[k]]], asked[k] - 1
            least = begin[k]
            while j > first and raw[j] in _MARK_CHARS:
                j -= 1
                least = min(least, lefts[j])
            begin[k] = least
        bad[one] |= thai & ((rights[i] <= begin - 0.5) | (lefts[i] >= rights[i + 1] + 0.5))
        failed = np.zeros(len(starts), dtype=bool)
        failed[line[bad]] = True
        sides = list(zip(rights[i - 1].tolist(), lefts[i + 1].tolist(), strict=True))
        per_line: dict[int, list[tuple[float, float]]] = {}
        for k, n in enumerate(line[one].tolist()):
            per_line.setdefault(n, []).append(sides[k])
        out: dict[int, tuple[int, list[tuple[float, float]] | None]] = {}
        for n, (s, e, no) in enumerate(zip(starts.tolist(), ends.tolist(), failed.tolist(),
                                           strict=True)):
            out[s] = (e, NOT_KEPT if no else per_line.get(n, []))
        return out


def told_at_once(g: Any, raw: str, breaks: list[tuple[int, int]], gaps: PageGaps,
                 marked: bool, plain: PlainLines | None = None) -> PageExtents:
    """The page's line extents (:class:`.pdf_extent.PageExtents`), measured for all its lines.

    ``breaks``: the spans of its line breaks in ``raw`` (:func:`.pdf_linebreaks.line_breaks`);
    ``marked``: whether ``raw`` holds a stand-in (a dropped glyph, a copy, a joined
    break). Unless it does, each line's characters are the page's own and the
    page's spaces are told at once too (``gaps.spaces``, :class:`PageSpaces`), and
    so are its lines' letter gaps (``plain``'s :attr:`.pdf_fast.PlainLines.spans`).
    """
    spans = list(zip((0, *(b for _, b in breaks)), (*(a for a, _ in breaks), len(raw)),
                     strict=True))
    if not marked:
        gaps.spaces = PageSpaces(g, raw, spans)
        if plain is not None:
            plain.spans = spans
    return PageExtents(raw, spans, g)

"""Where a line of a PDF page starts and ends, and its first and last words' widths.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_layout`, which
makes a :class:`.pdf_line.TextLine` of these for every line of every page).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bma_etl.read.pdf_gaps import PageGaps
    from bma_etl.read.pdf_layout import _Line

_SPACES = re.compile("[ \u00a0]+")
#: Thai marks drawn over or under a letter.
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
#: White space between two words: none that pdfium set before a mark drawn apart from
#: its letter (fpdf2-shaped's ``พื ้ ้นที่``: the mark of ``ชั้น`` set later, at its
#: letter's place, pdfium's spaces around it) nor after such a mark; no word starts
#: with a mark.
_WORD_GAP = re.compile(f"(?<![ \u00a0][{_MARKS}])[ \u00a0]+(?![{_MARKS}])")


def extent(line: _Line) -> tuple[float, float, float, float]:
    """The line's left and right edges, its first and last words' widths (points).

    Measured on the line as cut from the page, before any repair: the advance boxes
    of its first character and of its last three that are not white space, and
    of its first word's last character and its last word's first.
    """
    text = line.text
    first = len(text) - len(text.lstrip(" \u00a0"))
    if first == len(text):
        return 0.0, 0.0, 0.0, 0.0
    end = len(text.rstrip(" \u00a0"))
    low = max(first, end - 3)
    tail = text[low:end]
    if " " in tail or "\u00a0" in tail:
        kept: list[int] = []  # the last three characters that are not white space
        pos = end - 1
        while len(kept) < 3 and pos >= first:
            if text[pos] not in " \u00a0":
                kept.append(pos)
            pos -= 1
        last: Sequence[int] = kept
    else:  # (most lines end in a word of three characters or more)
        last = range(end - 1, low - 1, -1)
    lefts, rights, index = line.g.lefts, line.g.rights, line.index  # (box: both edges)
    right = max([rights[index[i]] for i in last])
    left = lefts[index[first]]
    gaps = [m.span() for m in _WORD_GAP.finditer(text, first) if m.start() < last[0]]
    word_end = (gaps[0][0] if gaps else len(text)) - 1
    word_start = gaps[-1][1] if gaps else first
    return left, right, max(0.0, rights[index[word_end]] - left), \
        max(0.0, right - lefts[index[word_start]])


class PageExtents:
    """:func:`extent` of every line of a page at once, for lines cut from its text as read.

    ``raw``: the page's text, a character per index; ``g``: its
    :class:`.pdf_glyphs.Glyphs` (every character's advance box, points). A line
    ``raw[start:end]`` whose characters are the page's own (none dropped nor moved:
    its index is ``range(start, end)``) has the extent :func:`extent` measures on
    it; :meth:`of` gives it from arrays filled for the page in one numpy pass over
    its white space, not a Python step per line. The page is measured when first asked.
    """

    __slots__ = ("_by_start", "_g", "_page", "_raw", "_spans")

    def __init__(self, raw: str, spans: list[tuple[int, int]], g: Any,
                 page: PageGaps | None = None) -> None:
        self._raw, self._spans, self._g, self._page = raw, spans, g, page
        self._by_start: dict[int, tuple[int, tuple[float, float, float, float]]] | None = None

    def of(self, line: _Line) -> tuple[float, float, float, float]:
        """:func:`extent` of ``line`` (cut from the page's text), from the arrays when it can."""
        index = line.index
        if isinstance(index, range):
            if self._by_start is None:
                self._by_start = self._measure()
            found = self._by_start.get(index.start)
            if found is not None and found[0] == index.stop:
                return found[1]
        return extent(line)

    def _measure(self) -> dict[int, tuple[int, tuple[float, float, float, float]]]:
        import numpy as np

        from bma_etl.read.pdf_fast import MARK_KINDS
        from bma_etl.read.pdf_gaps import classed

        raw, spans = self._raw, [(a, b) for a, b in self._spans if b > a]
        lefts, rights = self._g.edge_arrays()
        if not spans or len(lefts) != len(raw):
            return {}
        page = self._page  # the page's text classed once, for its gaps too
        _, place, white_mask = page.codes() if page is not None and page.raw is raw \
            else classed(raw)
        inked = np.flatnonzero(~white_mask)
        mark = MARK_KINDS[place] > 0  # (a space beside a mark drawn apart: no gap)
        stray = np.zeros_like(white_mask)
        stray[:-1] |= white_mask[:-1] & mark[1:]
        stray[2:] |= white_mask[2:] & mark[1:-1] & white_mask[:-2]
        white = np.flatnonzero(white_mask & ~stray)
        starts = np.array([a for a, _ in spans], dtype=np.int64)
        ends = np.array([b for _, b in spans], dtype=np.int64)
        lo = np.searchsorted(inked, starts)  # the line's first character not white space
        hi = np.searchsorted(inked, ends) - 1  # ... and its last
        has = (lo < len(inked)) & (hi >= lo)
        lo, hi = np.minimum(lo, len(inked) - 1), np.maximum(hi, 0)
        first, last = inked[lo], inked[hi]
        right = rights[last]  # the last three characters that are not white space
        for back in (1, 2):
            k = np.maximum(hi - back, 0)
            right = np.where(hi - back >= lo, np.maximum(right, rights[inked[k]]), right)
        left = lefts[first]
        w = np.searchsorted(white, first)  # the white space ending the first word
        after = white[np.minimum(w, max(len(white) - 1, 0))] if len(white) else ends
        word_end = np.where((w < len(white)) & (after < ends), after, ends) - 1
        w = np.searchsorted(white, last) - 1  # the white space starting the last word
        before = white[np.maximum(w, 0)] if len(white) else first
        word_start = np.where((w >= 0) & (before >= first), before + 1, first)
        head = rights[word_end] - left
        tail = right - lefts[word_start]
        rows = zip(starts.tolist(), ends.tolist(), has.tolist(), left.tolist(), right.tolist(),
                   np.where(head > 0.0, head, 0.0).tolist(),
                   np.where(tail > 0.0, tail, 0.0).tolist(), strict=True)
        return {a: (b, (x0, x1, fw, lw) if ok else (0.0, 0.0, 0.0, 0.0))
                for a, b, ok, x0, x1, fw, lw in rows}


def kept_words(text: str, gaps: tuple[tuple[float, float], ...], left: float, right: float,
               first_word: float, last_word: float) -> tuple[float, float]:
    """The line's first and last words' widths (points) as its kept spaces cut it.

    ``first_word``/``last_word``: as measured on the page's text (:func:`extent`);
    ``text``: the line as rebuilt, ``gaps``: its kept spaces' sides (x, points;
    empty when not measured). pdfium invents a space of no width after a letter's
    stacked marks (LibreOffice in Kinnari: ``พื้ นที่``), which the rebuilt line leaves
    out: a word cut there is measured short, and a line whose next line opens with
    that word looks as if the word had fitted (no wrap). A word is never narrower
    than the kept spaces make it; a line of cells (tabs) is left as measured.

    >>> kept_words("พื้นที่", (), 57.0, 340.0, 7.0, 7.0)
    (283.0, 283.0)
    >>> kept_words("ab cd", ((70.0, 73.0),), 57.0, 90.0, 7.0, 7.0)
    (13.0, 17.0)
    """
    if "\t" in text:
        return first_word, last_word
    if gaps:
        return max(first_word, gaps[0][0] - left), max(last_word, right - gaps[-1][1])
    if " " in text or "\u00a0" in text:  # spaces not measured: as the page's text cut it
        return first_word, last_word
    return max(first_word, right - left), max(last_word, right - left)


def page_extents(g: Any, raw: str, breaks: list[tuple[int, int]],
                 page: PageGaps | None = None) -> PageExtents:
    """:class:`PageExtents` of the lines of ``raw`` (``g``'s text) between its ``breaks``.

    ``breaks``: the spans of its line breaks (:func:`.pdf_linebreaks.line_breaks`);
    ``page``: the page's :class:`.pdf_gaps.PageGaps`, whose classed text is read.
    """
    spans = list(zip((0, *(b for _, b in breaks)), (*(a for a, _ in breaks), len(raw)),
                     strict=True))
    return PageExtents(raw, spans, g, page)

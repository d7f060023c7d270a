"""A page's letter gaps, measured once for all its lines (what :mod:`.pdf_letters` reads).

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_layout`).
:func:`.pdf_letters.letter_spaced` measures a line's gaps between letters (advance
box to advance box, marks and white space skipped) and their kinds. For a line
whose characters stand as pdfium read them (none dropped or moved), those are
the page's: :class:`PageGaps` takes every gap of the page in one pass of numpy,
and a line's are a slice of them, cut at the rules that cross it. The same
numbers as measuring the line character by character, without a Python step
per character.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import pairwise, repeat
from typing import TYPE_CHECKING, Any

import numpy as np

from bma_etl.read.pdf_glyphs import TAB_GAP_EM
from bma_etl.read.pdf_letters import LETTER_SPREAD_EM, Run

if TYPE_CHECKING:
    from bma_etl.read.pdf_glyphs import Glyphs
    from bma_etl.read.pdf_layout import _Line

#: Classes of characters by code point less U+0E00 (128: outside the Thai block):
#: no Thai character, a letter a letter-spaced line may hold alone, a digit, SARA
#: AM, another Thai character; a mark is no letter (:data:`.pdf_letters._MARKS`).
_OTHER, _LETTER, _DIGIT, _AM, _THAI, _MARK = 1, 2, 3, 4, 5, 6
_CLASSES = np.full(129, _OTHER, dtype=np.int64)
_CLASSES[1:0x5C] = _THAI
_CLASSES[[*range(0x01, 0x31), 0x32, *range(0x40, 0x45)]] = _LETTER
_CLASSES[0x50:0x5A] = _DIGIT
_CLASSES[0x33] = _AM
_CLASSES[[0x31, *range(0x34, 0x3B), *range(0x47, 0x4F)]] = _MARK
#: The kind of the gap between two letters (:func:`.pdf_letters.letter_gap`), by
#: whether white space was written in it and the two letters' classes; ``D``:
#: between two Thai digits, ``d`` when narrower than a tab, else ``-``.
_KINDS = np.full((2, 7, 7), ord("-"), dtype=np.uint8)
for _w in (0, 1):
    for _a in range(1, 6):
        for _b in range(1, 6):
            _KINDS[_w, _a, _b] = ord(
                "a" if _AM in (_a, _b) else "x" if _OTHER in (_a, _b)
                else "t" if _a == _b == _LETTER and not _w
                else "D" if _a == _b == _DIGIT and not _w else "-")


def classed(raw: str) -> tuple[Any, Any, Any]:
    """``raw`` as numpy arrays: code points, places in the Thai tables, white space.

    See :meth:`PageGaps.codes`, which makes these once for a page.

    >>> [a.tolist() for a in classed("ก \u0e48a")]
    [[3585, 32, 3656, 97], [1, 128, 72, 128], [False, True, False, False]]
    """
    codes = np.frombuffer(raw.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    block = codes.astype(np.int64) - 0x0E00
    return (codes, np.where((block >= 0) & (block < 128), block, 128),
            (codes == 0x20) | (codes == 0xA0))


class PageGaps:
    """Every gap between two letters of a page's text, found when first asked.

    ``g``: the page's :class:`.pdf_glyphs.Glyphs`; ``raw``: its text, a character
    per index, as its lines are cut from it.
    """

    def __init__(self, g: Glyphs, raw: str) -> None:
        self.g, self.raw = g, raw
        self._letters: list[int] | None = None
        self._middles: Any = None
        self._at: Any = None
        self._runs_at: Any = None
        self._jumps: list[int] | None = None
        self._codes: tuple[Any, Any, Any] | None = None

    def codes(self) -> tuple[Any, Any, Any]:
        """The page's text as numpy arrays, one entry per character, made when first asked.

        ``(codes, place, white)``: each character's code point (uint32); its place in
        the Thai block tables (:data:`_CLASSES`, :data:`.pdf_fast.MARK_KINDS`: code
        point less U+0E00, 128 outside the block); whether it is a space or NBSP.
        Read by this page's gaps, its plain lines (:class:`.pdf_fast.PlainLines`) and
        its lines' extents (:class:`.pdf_extent.PageExtents`): the text is classed once.
        """
        if self._codes is None:
            self._codes = classed(self.raw)
        return self._codes

    def _measure(self) -> list[int]:
        g = self.g
        _, place, white = self.codes()
        classes = _CLASSES[place]
        letters = np.flatnonzero(~white & (classes != _MARK))
        lefts, rights = g.edge_arrays()
        gaps = np.zeros(len(letters))
        gaps[1:] = lefts[letters[1:]] - rights[letters[:-1]]
        # White space between two letters: where its run starts, and whether pdfium
        # made all of it up (asked only between two Thai letters or digits, where the
        # kind of the gap depends on it).
        spaces = np.flatnonzero(white)
        after = np.searchsorted(letters, spaces)  # the letter each white character precedes
        pending = np.full(len(letters) + 1, -1, dtype=np.int64)
        starts = np.flatnonzero(np.diff(after, prepend=-1))  # ``after`` is sorted
        pending[after[starts]] = spaces[starts]
        c = np.concatenate((classes[letters], [_OTHER]))
        ask = (after > 0) & (after < len(letters))
        pair = c[after[ask]]
        ask[ask] = (pair == c[after[ask] - 1]) & (pair >= _LETTER) & (pair <= _DIGIT)
        written = np.zeros(len(letters) + 1, dtype=np.int64)
        call, handle = g._generated, g._at
        asked = spaces[ask].tolist()
        made_up = np.fromiter(map(call, repeat(handle, len(asked)), asked), dtype=np.int64,
                              count=len(asked)) == 1
        written[after[ask][~made_up]] = 1
        kinds = _KINDS[written[1:len(letters)], c[:len(letters) - 1], c[1:len(letters)]]
        self.kinds = "-" + kinds.tobytes().decode("ascii")
        self.kept = np.concatenate(([False], (kinds != ord("a")) & (kinds != ord("x"))))
        self.gaps = gaps
        self.spaced_array = pending[:len(letters)] >= 0  # (numpy, for .pdf_fast)
        # letters with white space before them, and where it starts (as lists when
        # a run is first measured: most pages' lines never are)
        self._runs_at = (after[starts], spaces[starts])
        self._at = letters
        return letters.tolist()

    def letters(self) -> list[int]:
        """The page index of each letter (no white space, no mark), the page measured first.

        After it :attr:`gaps` (points, before each letter), :attr:`kinds`,
        :attr:`kept` and the numpy :attr:`spaced_array` are set, one per letter.
        """
        if self._letters is None:
            self._letters = self._measure()
        return self._letters

    def jumps(self) -> list[int]:
        """The page index of each letter set apart from the letter before it, in order.

        No white space stands between them, and a gap between their advance boxes:
        the pen may have moved on (:mod:`.pdf_jumps` judges how far).
        """
        if self._jumps is None:
            letters = self.letters()
            apart = np.flatnonzero(self.gaps > 0.0)
            apart = apart[(apart > 0) & ~self.spaced_array[apart]]
            self._jumps = [letters[k] for k in apart.tolist()]
        return self._jumps

    def middles(self) -> Any:
        """The middle (x, points) of each letter's advance box (numpy), made when first asked."""
        if self._middles is None:
            lefts, rights = self.g.edge_arrays()
            self._middles = ((lefts + rights) / 2)[self._at]
        return self._middles

    def runs(self, line: _Line, text: str) -> list[Run] | None:
        """The line's runs between rules (:data:`.pdf_letters.Run`); None if not as read.

        None when the line's characters are not the page's from one index on
        (some were dropped or moved): it is then measured character by character.
        """
        index = line.index
        if not isinstance(index, range) or index.step != 1:
            return None
        letters = self.letters()
        first, end = bisect_left(letters, index.start), bisect_left(letters, index.stop)
        if first >= end:
            return [([], [], "", [], [], 0.0, 0, 0, 0)]
        cuts = [first]
        if line.rules and end - first > 1:
            rules = np.asarray(line.rules)
            middles = self.middles()[first:end]
            ruled = np.searchsorted(rules, middles[1:], "left") \
                > np.searchsorted(rules, middles[:-1], "right")
            cuts.extend((np.flatnonzero(ruled) + first + 1).tolist())
        cuts.append(end)
        return [self._run(a, b, index.start) for a, b in pairwise(cuts)]

    def _run(self, first: int, end: int, base: int) -> Run:
        """The run of the page's letters ``first`` to ``end`` (exclusive) of a line at ``base``."""
        size = self.g.size(self._letters[first])  # type: ignore[index]
        tab, half = TAB_GAP_EM * size, LETTER_SPREAD_EM * size / 2
        measured = self.gaps[first + 1:end]
        gaps = measured.tolist()
        kinds = self.kinds[first + 1:end]
        if "D" in kinds:
            kinds = "".join(("d" if gap < tab else "-") if kind == "D" else kind
                            for gap, kind in zip(gaps, kinds, strict=True))
        if self._runs_at is not None:
            after, starts = self._runs_at
            self.spaced = self.spaced_array.tolist()
            self.after, self.starts, self._runs_at = after.tolist(), starts.tolist(), None
        after = self.after
        low, high = bisect_left(after, first + 1), bisect_left(after, end)
        runs = [(at - base, k - first - 1)
                for k, at in zip(after[low:high], self.starts[low:high], strict=True)]
        spaces = self.spaced[first + 1:end]
        tabs = [k for k, gap in enumerate(gaps) if gap >= tab] \
            if size > 1.0 and gaps and max(gaps) >= tab else []
        counts = (0, 0, 0)
        if runs and (tabs or "x" in kinds):
            wide = measured >= half
            counts = (int(np.count_nonzero(wide)), len(kinds) - kinds.count("a")
                      - kinds.count("x"), int(np.count_nonzero(wide & self.kept[first + 1:end])))
        return runs, gaps, kinds, spaces, tabs, size, *counts

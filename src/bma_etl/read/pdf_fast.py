"""Lines of a page that need none of the rebuild's repairs, told for the whole page at once.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_layout`).
Most lines of most PDFs come from pdfium as drawn: their characters in order,
each mark on its letter, no letter spaced apart. Such a line needs only its
white space decided (:meth:`.pdf_layout._Line._respace`); the repairs of
:meth:`.pdf_layout._Line.fixed` (copies a browser mapped, marks written late or
early, pieces drawn out of order, orphan marks, letter-spaced runs) would look
at it character by character and change nothing. :class:`PlainLines` tells
those lines from signals measured once per page: the advance boxes in order
(numpy over the page), no tone mark left of the letter before it, no mark
without its letter (a regular expression over the line), no browser mapping
(the page's first marked letters), and letter gaps that cannot make a
letter-spaced run (:data:`FEWEST_LETTERS`, :data:`SPACE_EM`: counts over the
page's letter gaps, :class:`.pdf_gaps.PageGaps`). Any other line is rebuilt in
full. ``bench/plain_lines.py`` reads every page both ways and counts the lines
that differ.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import numpy as np

from bma_etl.read.pdf_gaps import classed
from bma_etl.read.pdf_glyphs import STEP_EM, TAB_GAP_EM
from bma_etl.read.pdf_letters import LETTER_SPREAD_EM
from bma_etl.read.pdf_zero_width import advances_nothing

if TYPE_CHECKING:
    from bma_etl.read.pdf_gaps import PageGaps
    from bma_etl.read.pdf_layout import _Line

_MARK_CLASS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
#: A mark with no letter (nor mark) right before it: a mark written late or early,
#: or an orphan (:func:`.pdf_clusters.lead_marks`, ``replace_marks``, ``loose_marks``).
_LEAD = re.compile(f"(?<![\u0e01-\u0e2e{_MARK_CLASS}])[{_MARK_CLASS}]")
#: A consonant and the mark or SARA AM after it (:func:`.pdf_clusters.glyph_clusters`).
_MARKED = re.compile("[\u0e01-\u0e2e][\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]")
#: Marked letters of a page looked at for a browser's mapping (a cluster per glyph).
CLUSTER_PAIRS = 4
#: Fewest letters (marks aside) of a line whose letter spacing is told from counts:
#: a shorter one may be a word spread across a narrow cell (:data:`.pdf_letters.LONE_LETTERS`).
FEWEST_LETTERS = 6
#: Least width (font sizes) of a white-space gap told from counts: a letter gap
#: (under half :data:`.pdf_letters.LETTER_SPREAD_EM`) is then never near it.
SPACE_EM = 0.1
#: Least gap (font sizes) after a mark, with no white space, that sends a line to the
#: full rebuild: :data:`.pdf_lost_spaces.LOST_SPACE_EM` less the most a Thai letter's
#: box reaches left of its origin.
LOST_ROOM_EM = 0.12
#: Per code point less U+0E00 (128: outside the Thai block): 1 for a Thai mark, 2 for
#: a tone mark or THANTHAKHAT (what a shaped PDF writes before its own letter).
MARK_KINDS = np.zeros(129, dtype=np.uint8)
MARK_KINDS[[0x31, *range(0x34, 0x3B), *range(0x47, 0x4F)]] = 1
MARK_KINDS[0x48:0x4D] = 2


class PlainLines:
    """Which lines of one page :func:`plain_text` rebuilds as the full rebuild would.

    ``g``: the page's :class:`.pdf_glyphs.Glyphs`; ``raw``: its text, a character
    per index, as its lines are cut from it; ``gaps``: its :class:`.pdf_gaps.PageGaps`.
    The page is measured when a line is first asked about.
    """

    def __init__(self, g: Any, raw: str, gaps: PageGaps) -> None:
        self.g, self.raw, self.gaps = g, raw, gaps
        self._flagged: list[int] | None = None

    def _measure(self) -> list[int]:
        """The page indexes a line may not hold, and the page's letter-gap counts."""
        g, raw = self.g, self.raw
        for n, found in enumerate(_MARKED.finditer(raw)):
            if n == CLUSTER_PAIRS:
                break
            letter, mark = g.origin(found.start()), g.origin(found.start() + 1)
            if letter is not None and mark is not None and abs(letter[0] - mark[0]) < 0.01:
                self.browser = True  # a cluster per glyph: copies to drop
                return []
        lefts, rights = g.edge_arrays()
        # the page's text classed once, for its gaps too (.pdf_gaps.PageGaps.codes)
        codes, place, _ = self.gaps.codes() if self.gaps.raw is raw else classed(raw)
        self.browser = len(codes) != len(lefts)  # not a character per index: all rebuilt
        if self.browser:
            return []
        marks = MARK_KINDS[place]
        # a mark whose middle stands left of the letter before it (replace_marks)
        late = (
            np.flatnonzero(
                (marks[1:] > 0) & (marks[:-1] == 0) & ((lefts[1:] + rights[1:]) / 2 < lefts[:-1])
            )
            + 1
        )
        # a mark after a mark whose middle stands over the letter after it (early_marks)
        early = np.flatnonzero(
            (marks[1:-1] > 0) & (marks[:-2] > 0) & (marks[2:] == 0)
            & ((lefts[1:-1] + rights[1:-1]) / 2 > lefts[2:])
        ) + 1
        # a piece (a character with the Thai marks on it; SARA AM and Latin marks are
        # compared alone) left of the piece before it on its line (pdf_order.in_drawn_order)
        pieces = np.flatnonzero(
            (marks == 0)
            & (codes != 0x20)
            & (codes != 0xA0)
            & (codes != 0x09)
            & (codes != 0x0D)
            & (codes != 0x0A)
        )
        rows = np.cumsum(codes == 0x0A)[pieces]
        back = (lefts[pieces[1:]] < lefts[pieces[:-1]]) & (rows[1:] == rows[:-1])
        flagged = np.union1d(np.union1d(late, early), pieces[1:][back])
        self.letters = self.gaps.letters()
        gaps, kinds = self.gaps.gaps, np.frombuffer(self.gaps.kinds.encode("ascii"), np.uint8)
        spaced = self.gaps.spaced_array
        self.all = gaps.tolist()
        self.inner = np.where(spaced, -np.inf, gaps).tolist()
        self.space = np.where(spaced, gaps, np.inf).tolist()
        self.spaces = _counts(spaced)
        self.kept = _counts(self.gaps.kept & ~spaced)
        # white space pdfium made up between two Thai letters or digits
        self.made_up = _counts(spaced & ((kinds == ord("t")) | (kinds == ord("D"))))
        # letters after a mark with room before them and no white space: a space
        # pdfium generated none for may stand there (.pdf_lost_spaces.lost_spaces)
        at = np.asarray(self.letters, dtype=np.int64)
        after_mark = (at > 0) & (marks[np.maximum(at - 1, 0)] > 0) & ~spaced
        self.after_marks = np.flatnonzero(after_mark & (gaps > 0.0)).tolist()
        return flagged.tolist()

    def needs_none(self, line: _Line) -> bool:
        """Whether ``line`` (as cut from the page, not yet fixed) needs none of the repairs."""
        index = line.index
        if not isinstance(index, range):
            return False  # glyphs dropped from it (no text mapping, a copy, a joined break)
        flagged = self._flagged
        if flagged is None:
            flagged = self._flagged = self._measure()
        text = line.text
        if self.browser or _LEAD.search(text):
            return False
        k = bisect_left(flagged, index.start + 1)
        if k < len(flagged) and flagged[k] < index.stop:
            return False
        letters = self.letters
        first, end = bisect_left(letters, index.start), bisect_left(letters, index.stop)
        if self._lost_space(first, end):
            return False
        if " " not in text and "\u00a0" not in text:
            return True  # no white space: nothing is letter-spaced
        if not line.rules or end - first < 2:
            return end - first >= FEWEST_LETTERS and self._not_spread(first, end)
        # the line's runs between the rules that cross it (PageGaps.runs): cells
        rules, middles = np.asarray(line.rules), self.gaps.middles()[first:end]
        ruled = np.searchsorted(rules, middles[1:], "left") > np.searchsorted(
            rules, middles[:-1], "right"
        )
        cuts = [first, *(np.flatnonzero(ruled) + first + 1).tolist(), end]
        return all(self._not_spread(a, b) for a, b in pairwise(cuts))

    def _lost_space(self, first: int, end: int) -> bool:
        """Whether a letter of the run ``first:end`` after a mark has room for a lost space.

        A gap of :data:`LOST_ROOM_EM` font sizes or more, measured box to box:
        :func:`.pdf_lost_spaces.lost_spaces` measures from the letter's origin, which
        may stand right of its box, and decides.
        """
        after, gaps = self.after_marks, self.all
        k = bisect_left(after, first + 1)
        while k < len(after) and after[k] < end:
            letter = after[k]
            if gaps[letter] >= LOST_ROOM_EM * self.g.size(self.letters[letter]):
                return True
            k += 1
        return False

    def _not_spread(self, first: int, end: int) -> bool:
        """Whether the run of the page's letters ``first:end`` holds no letter-spaced piece.

        A run with no white space is not measured. Else its letter gaps with no
        white space are all under half :data:`.pdf_letters.LETTER_SPREAD_EM`, its
        white-space gaps at least :data:`SPACE_EM`, pdfium made up no space between
        two Thai letters or digits, and in the run and in each piece of it between
        tab-wide gaps the letter gaps :func:`.pdf_letters.letter_gap` keeps
        outnumber the white-space gaps: a common gap as wide as a space would then
        be near too few of its gaps (:data:`.pdf_letters.LETTER_EVEN_SHARE`), as
        would a line spread wider than a tab (:func:`.pdf_letters.spread_line`).
        A run of one tab-wide gap may be two digits spread apart: not told here.
        """
        lo, spaces, kept = first + 1, self.spaces, self.kept
        if end <= lo or spaces[end] == spaces[lo]:
            return True
        size = self.g.size(self.letters[first])
        half, gaps = LETTER_SPREAD_EM * size / 2, self.all
        if (
            size <= 1.0
            or max(self.inner[lo:end]) >= half
            or min(self.space[lo:end]) < SPACE_EM * size
            or self.made_up[end] != self.made_up[lo]
            or kept[end] - kept[lo] <= spaces[end] - spaces[lo]
        ):
            return False
        tab = TAB_GAP_EM * size
        if max(gaps[lo:end]) < tab:
            return True
        if end - lo == 1:
            return False
        start = lo
        for k in [*(k for k in range(lo, end) if gaps[k] >= tab), end]:
            if spaces[k] != spaces[start] and kept[k] - kept[start] <= spaces[k] - spaces[start]:
                return False
            start = k + 1
        return True


def _counts(flags: Any) -> list[int]:
    """How many of ``flags`` (numpy booleans) are set before each index (one more than them)."""
    out = np.zeros(len(flags) + 1, dtype=np.int64)
    np.cumsum(flags, out=out[1:])
    return list(out.tolist())


def plain_text(line: _Line) -> str:
    """:meth:`.pdf_layout._Line.fixed` for a line :meth:`PlainLines.needs_none` passed.

    Its white space decided as the full rebuild decides it, with no letter-spaced
    run; a line whose every space is :func:`_kept_spaces` is taken as it is.
    """
    text = line.text
    first = len(text) - len(text.lstrip(" \u00a0"))
    if first < len(text):
        line.start_cell(first)
    kept = _kept_spaces(line, text)
    if kept is not None:
        line.gaps.extend(kept)
        return text
    line.spaced = {}
    return line._respace(text)


_SPACES = re.compile("[ \u00a0]+")
_MARK_CHARS = frozenset(
    "\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B))) + "".join(map(chr, range(0x0E47, 0x0E4F)))
)


def _kept_spaces(line: _Line, text: str) -> list[tuple[float, float]] | None:
    """The two sides (points) of each space inside ``text``, if the rebuild keeps every one.

    None unless each is one space the PDF wrote (pdfium made none up), before no
    SARA AM, no rule crossing the line, under a tab wide, between letters on one
    baseline (:data:`.pdf_glyphs.STEP_EM`), drawn where its gap is
    (:func:`.pdf_clusters.misplaced_space`): what
    :meth:`.pdf_layout._Line._space` keeps as written.
    """
    g, base = line.g, line.index[0] if line.index else 0
    lefts, rights, size_of = g.lefts, g.rights, g.size
    if line.rules and len(text) > 1:  # rules outside the line's ink: as no rule
        ink = slice(base, base + len(text))
        lo, hi = min(min(lefts[ink]), min(rights[ink])), max(max(lefts[ink]), max(rights[ink]))
        k = bisect_left(line.rules, lo)
        if k < len(line.rules) and line.rules[k] < hi:
            return None
    gaps: list[tuple[float, float]] = []
    if " " not in text and "\u00a0" not in text:
        return gaps
    # pdfium's calls and the page's caches asked directly: a plain line asks about each space
    generated, at, sizes, origin = g._generated, g._at, g._sizes, g.origin
    step_em = STEP_EM
    for run in _SPACES.finditer(text):
        a, b = run.span()
        if b == len(text):
            break
        if a == 0:
            continue
        i = base + a
        if b != a + 1 or text[b] == "\u0e33" or generated(at, i) == 1:
            return None
        size = sizes.get(i + 1)
        if size is None:
            size = size_of(i + 1)
        if size <= 1.0:
            size = size_of(i - 1)
        if advances_nothing(g, i, size):
            return None  # no gap in print (.pdf_zero_width)
        if size > 1.0:
            if lefts[i + 1] - rights[i - 1] >= TAB_GAP_EM * size:
                return None  # a tab
            before, after = origin(i - 1), origin(i + 1)  # (line._step: index is a range)
            if before and after and abs(before[1] - after[1]) > step_em * size:
                return None  # may be a tab (the gap's letter side is a mark's)
        if "\u0e01" <= text[a - 1] <= "\u0e5b" and "\u0e01" <= text[b] <= "\u0e5b":
            start, j = lefts[i - 1], a - 1
            while j > 0 and text[j] in _MARK_CHARS:
                j -= 1
                start = min(start, lefts[base + j])
            if rights[i] <= start - 0.5 or lefts[i] >= rights[i + 1] + 0.5:
                return None  # drawn away from its gap
        gaps.append((rights[i - 1], lefts[i + 1]))
    return gaps

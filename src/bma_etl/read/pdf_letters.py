"""Lines justified letter by letter: the gaps between letters an alignment widened.

Stage: read (runs in the PDF worker process; works on a line of
:mod:`.pdf_layout` as it is being rebuilt). LibreOffice justifies a Thai line
(a Word file's text in the Thai language) that has few or no spaces by widening
every gap between its letters by one amount, up to 0.5 em in a narrow table
cell; pdfium then makes up a space in each gap (``แ พ ล ต ฟ อ ร์ม``), and a
space before SARA AA reads as a SARA AM whose NIKHAHIT was lost (``ก า ร``
repaired into ``กำ ร``). :func:`letter_spaced` finds such runs on the line's own
evidence (advance boxes from pdfium): a gap no wider than the run's common
letter gap plus :data:`SPACE_OVER_EM` is no space.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from bma_etl.read.pdf_crossing import ruled
from bma_etl.read.pdf_glyphs import TAB_GAP_EM
from bma_etl.read.pdf_spread import number_apart

if TYPE_CHECKING:
    from bma_etl.read.pdf_layout import _Line

#: Fewest letter gaps that show a run of letters spread apart (a short run's few
#: gaps may be even by chance) ...
MIN_LETTER_GAPS = 4
#: ... or of Thai letters (or Thai digits) with no space written between them: a word wrapped in a
#: narrow cell (``ก า ร`` alone on its line; a space would be written or wider).
MIN_THAI_GAPS = 2
#: A run is letter-spaced when its common letter gap is at least this many font
#: sizes: a font's letters set naturally touch (their advance boxes abut, kerning
#: aside), LibreOffice's justification of a Thai line without spaces puts the same
#: extra (0.1-0.5 em in narrow cells) after every letter.
LETTER_SPREAD_EM = 0.05
#: ... and when this share of its letter gaps lie within :data:`LETTER_EVEN_EM`
#: font sizes of the common one (a space, a letter's overhang aside).
LETTER_EVEN_SHARE = 0.7
LETTER_EVEN_EM = 0.05
#: Letters (a letter with its marks and SARA AM counts once) of a line that is one
#: word spread across a narrow cell: LibreOffice justifies ``ม<gap>า`` alone on a
#: line of a cell too narrow for a third letter (0.6-1.4 em apart), and its one
#: gap has no others to be even with; no space is written there (a word space is).
#: Two Thai digits alone are spread so too (a score ``๓<gap>๐`` in its narrow cell).
LONE_LETTERS = 2
#: A gap this many font sizes wider than a letter-spaced run's common letter gap is
#: a space (a space's advance: 0.22 em in Sarabun, 0.28 in Garuda as LibreOffice
#: sets it, wider in the other Thai fonts); a narrower one is the letter spacing.
SPACE_OVER_EM = 0.15
#: A gap of a letter-spaced run no wider than two of its letter gaps and this many
#: font sizes is a word space, however wide (the space's own advance, 0.22-0.4 em,
#: and the letter spacing on one side of it or both); a wider one of
#: :data:`.pdf_glyphs.TAB_GAP_EM` or more is a tab.
WORD_OVER_EM = 0.6


def letter_gap(gaps: list[float], size: float, kinds: str = "") -> float:
    """The common gap (points) between the letters of a letter-spaced run; 0.0 if not spread.

    ``gaps``: from each letter's advance box to the next letter's (points; marks
    over a letter are not letters), along one run of a line that no tab or rule
    cuts; ``size``: the font size drawn (points); ``kinds``: per gap, ``t`` between
    two Thai letters with no space written, ``d`` between two Thai digits so
    (narrower than a tab: digits in cells at an even pitch are wider apart, and
    counted as ``t`` is), ``x`` beside a digit, Latin letter or
    sign, ``a`` beside a SARA AM, ``-`` otherwise (default: all ``-``). The ``x``
    and ``a`` gaps are left out: LibreOffice spreads the Thai letters of a line,
    not its digits or signs (``10``, ``: 29/3``), and a font may box SARA AM from
    over its consonant, NIKHAHIT and all (Loma's gaps around it are not the
    line's). The common gap is the one most others lie within
    :data:`LETTER_EVEN_EM` font sizes of (the narrower on a tie); the letter gaps
    are those less than :data:`SPACE_OVER_EM` wider (the rest are spaces). The
    run is letter-spaced (an alignment widened every letter gap by one amount)
    when the common gap is at least :data:`LETTER_SPREAD_EM`,
    :data:`LETTER_EVEN_SHARE` of the letter gaps lie within :data:`LETTER_EVEN_EM`
    of it, and there are :data:`MIN_LETTER_GAPS` letter gaps or
    :data:`MIN_THAI_GAPS` ``t`` ones.

    >>> letter_gap([3.6, 3.7, 3.6, 6.9, 3.7], 10.0), letter_gap([0.0, 0.0, 2.9, 0.0], 10.0)
    (3.6, 0.0)
    >>> letter_gap([11.9, 8.1, 8.1, 20.0, 0.0], 11.0, "xttxx"), letter_gap([3.0, 3.0], 11.0)
    (8.1, 0.0)
    >>> letter_gap([5.9, 5.9, 6.0, -0.7, 3.2, 2.1, 2.2], 11.0, "xxxaatt")
    2.1
    """
    if size <= 1.0:
        return 0.0
    kinds = kinds or "-" * len(gaps)
    least = LETTER_SPREAD_EM * size
    kept = [(gap, kind) for gap, kind in zip(gaps, kinds, strict=True) if kind not in "ax"]
    if not kept:
        return 0.0
    even = LETTER_EVEN_EM * size
    widths = sorted(gap for gap, _ in kept)
    if widths[-1] < least:
        return 0.0  # the common gap is one of them: none is wide enough (most lines)
    tight = bisect_left(widths, least - even)  # gaps no common gap can be near
    if tight > (1.0 - LETTER_EVEN_SHARE) * len(widths):
        return 0.0  # they are letter gaps too: too many for an even run (most lines)
    common, most, lo, hi = 0.0, 0, 0, 0
    for g in widths:  # the gap with the most others within ``even`` (the narrower on a tie)
        while widths[lo] < g - even:
            lo += 1
        while hi < len(widths) and widths[hi] <= g + even:
            hi += 1
        if hi - lo > most:
            common, most = g, hi - lo
    if common < least:
        return 0.0
    letters = [(gap, kind) for gap, kind in kept if gap < common + SPACE_OVER_EM * size]
    near = sum(1 for gap, _ in letters if abs(gap - common) <= even)
    enough = len(letters) >= MIN_LETTER_GAPS or sum(
        1 for _, kind in letters if kind in "td") >= MIN_THAI_GAPS
    return common if enough and near >= LETTER_EVEN_SHARE * len(letters) else 0.0


def few_gaps(gaps: list[float], size: float, kinds: str, spaces: list[bool],
             alone: bool = False) -> float:
    """The letter gap (points) of a run with too few gaps for :func:`letter_gap`; 0.0 if none.

    ``gaps``, ``size``, ``kinds`` as :func:`letter_gap` takes them; ``spaces``: per
    gap, whether white space stands in it. ``alone``: the run is its line, two
    Thai letters and their marks or two Thai digits, or it is a ruled cell's two
    Thai digits, no space written (:data:`LONE_LETTERS`): its
    widest gap is the letter spacing when at least :data:`LETTER_SPREAD_EM` font
    sizes (LibreOffice spread the word across a cell too narrow for a third
    letter). Otherwise a run with one gap between Thai letters (``t``), white
    space in it, is spread when that gap is at least :data:`LETTER_SPREAD_EM` and
    :data:`SPACE_OVER_EM` narrower than each other white gap of the run (``: อ ย ู่``
    after a date: LibreOffice widened every gap alike, a word space's by a space
    more; a word space pdfium made up is as wide as the others).

    >>> few_gaps([9.7], 11.0, "t", [True], alone=True), few_gaps([0.1], 11.0, "t", [True], True)
    (9.7, 0.0)
    >>> few_gaps([-0.04, 10.7, 0.0, 10.9, 7.0], 11.0, "xxxxt", [False, True, False, True, True])
    7.0
    >>> few_gaps([3.6, 3.5, 0.1], 11.0, "xxt", [True, True, True])
    0.0
    """
    least = LETTER_SPREAD_EM * size
    if size <= 1.0 or not gaps:
        return 0.0
    if alone:
        return max(gaps) if max(gaps) >= least else 0.0
    if kinds.count("t") != 1:
        return 0.0
    at = kinds.index("t")
    others = [gap for gap, kind, space in zip(gaps, kinds, spaces, strict=True)
              if space and kind != "t"]
    gap = gaps[at]
    if not spaces[at] or gap < least or not others or gap + SPACE_OVER_EM * size > min(others):
        return 0.0
    return gap


def spread_line(gaps: list[float], size: float, kinds: str) -> float:
    """The common gap (points) of a run spread across all its glyphs; 0.0 if not so.

    ``gaps``, ``size``, ``kinds`` as :func:`letter_gap` takes them, the run cut
    only at rules (gaps of :data:`.pdf_glyphs.TAB_GAP_EM` or more kept). A line
    LibreOffice distributes, or justifies when it ends at a line break, may spread
    its letters wider than a tab (``ป ีง บ ... พ .ศ . : ๒ ๕ ๖ ๙``, 1.7-2.5 em) and
    spreads its digits, dots and colons alike: here the gaps beside them (``x``)
    count as letter gaps, and the run is spread when :func:`letter_gap` finds it
    so and :data:`MIN_THAI_GAPS` of the gaps within :data:`LETTER_EVEN_EM` of the
    common one lie between two Thai letters or digits (``t``, ``d``: a row of
    Arabic digits in cells an even pitch apart is not one word).

    >>> spread_line([24.5, 24.6, 52.4, 24.8, -0.03, 24.6, 27.8, 27.9, 24.5, 24.4], 10.0,
    ...             "ttxxxxxx--")
    24.4
    >>> spread_line([30.0, 30.0, 30.1, 30.0], 10.0, "xxxx")
    0.0
    """
    common = letter_gap(gaps, size, kinds.replace("x", "-"))
    even = LETTER_EVEN_EM * size
    thai = sum(1 for gap, kind in zip(gaps, kinds, strict=True)
               if kind in "td" and abs(gap - common) <= even)
    return common if common and thai >= MIN_THAI_GAPS else 0.0


#: Thai letters that may stand alone on a letter-spaced line (no digit, no sign).
_LETTERS = frozenset(chr(c) for c in (*range(0x0E01, 0x0E31), 0x0E32, 0x0E33,
                                      *range(0x0E40, 0x0E45)))
#: Characters of the Thai block (letters, marks, digits, signs).
_THAI = frozenset(map(chr, range(0x0E01, 0x0E5C)))
#: Thai digits (LibreOffice spreads them as it does Thai letters; Arabic ones not).
_DIGITS = frozenset(map(chr, range(0x0E50, 0x0E5A)))
_SARA_AM = "\u0e33"
_WHITE = frozenset(" \u00a0")
#: Thai marks drawn over or under a letter (as :data:`.pdf_layout._MARKS`).
_MARKS = frozenset("\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B)))
                   + "".join(map(chr, range(0x0E47, 0x0E4F))))


def letter_spaced(line: _Line, text: str) -> dict[int, float]:
    """The white-space runs (by start) of a line's ``text`` inside a letter-spaced run.

    The line is cut into runs at gaps of :data:`TAB_GAP_EM` font sizes or
    more and at rules; a run whose letter gaps (advance box to advance box,
    marks skipped) are all widened alike (:func:`letter_gap`: a
    short run counts by its gaps between Thai letters with no space written;
    digits and Latin letters set tight are left out) is letter-spaced; a run with
    too few gaps for that may be by :func:`few_gaps` (two Thai letters alone on
    their line, or one Thai letter gap narrower than the run's word spaces). A
    line LibreOffice spread by 1.7-2.5 em (distributed, or justified up to a line
    break) has its word spaces and some letter gaps tab-wide: its runs between
    rules are first measured as one (:func:`letter_gap`, and :func:`spread_line`
    counting the gaps beside digits, dots and colons), and the reader keeps a gap
    no wider than two letter gaps and :data:`WORD_OVER_EM` as a space.
    Returns each of its white-space runs' common letter gap (points).
    """
    if " " not in text and "\u00a0" not in text:
        return {}
    page = line.page
    runs = page.runs(line, text) if page is not None else None
    if runs is None:  # the line's characters moved or dropped: measured letter by letter
        runs = _runs(line, text)
    found: dict[int, float] = {}
    for run in runs:  # a rule or a tab cuts the line into runs: cells, not one word spread
        _measure(line, text, run, len(runs) > 1 or bool(run[4]), found)
    return found


#: One run of a line between rules (:func:`letter_spaced`): its white-space runs
#: ``(start, gap index)``, its letter gaps (points), their kinds (see
#: :func:`letter_gap`), whether white space stands in each, the gaps (by index) of
#: :data:`TAB_GAP_EM` or more, its font size (points), and how many gaps are at
#: least half :data:`LETTER_SPREAD_EM` (of all, and of those :func:`letter_gap` keeps).
Run = tuple[list[tuple[int, int]], list[float], str, list[bool], list[int], float,
            int, int, int]


def _measure(line: _Line, text: str, run: Run, cut: bool, found: dict[int, float]) -> None:
    """Note in ``found`` the white-space runs of a letter-spaced ``run`` with their letter gap."""
    runs, gaps, kind, spaces, tabs, size, wide, kept, wide_kept = run
    if not runs:
        return
    number = number_apart(line, text, run) if cut or line.rules else 0.0  # a ruled cell
    if number:
        found.update(dict.fromkeys((start for start, _ in runs), number))
        return
    if tabs or "x" in kind:  # the line's runs as one: spread wider than a tab
        common = (letter_gap(gaps, size, kind) if tabs and wide_kept >= LETTER_EVEN_SHARE
                  * kept else 0.0) or (spread_line(gaps, size, kind)
                                       if wide >= LETTER_EVEN_SHARE * len(gaps) else 0.0)
        if common:
            found.update(dict.fromkeys((start for start, _ in runs), common))
            return
    start = 0
    for end in (*tabs, len(gaps)):
        inside = [at for at, k in runs if start <= k < end]
        if inside:  # a piece with no white space in it decides nothing: not measured
            piece = kind[start:end]
            common = letter_gap(gaps[start:end], size, piece) or few_gaps(
                gaps[start:end], size, piece, spaces[start:end],
                (not cut and end - start <= 2 * LONE_LETTERS and _alone(line, text))
                or (not tabs and kind == "d"))  # a ruled cell's two Thai digits alone
            if common:
                found.update(dict.fromkeys(inside, common))
        start = end + 1


def _runs(line: _Line, text: str) -> list[Run]:
    """The line's runs between rules (:data:`Run`), measured character by character."""
    lefts, rights, index = line.g.lefts, line.g.rights, line.index
    out: list[Run] = []
    runs: list[tuple[int, int]] = []  # white-space runs (start, gap index) of the current run
    gaps: list[float] = []
    kinds: list[str] = []  # per gap: see letter_gap
    prev, pending, size, written = -1, -1, 0.0, False
    spaces: list[bool] = []  # per gap: white space in it
    tabs: list[int] = []  # gaps (by index) of TAB_GAP_EM or more
    # The cheap gate of the line-wide measures: gaps at least half the least spread,
    # of all and of those letter_gap keeps (a spread run has most of them so).
    wide, kept, wide_kept = 0, 0, 0
    generated, size_of, rules = line.g.generated, line.g.size, line.rules
    am, thai, thai_letters, digits = _SARA_AM, _THAI, _LETTERS, _DIGITS
    tab = half = 0.0  # TAB_GAP_EM and half LETTER_SPREAD_EM font sizes (points)
    for pos, ch in enumerate(text):
        if ch in _WHITE:
            if prev >= 0 and pending < 0:
                pending = pos
            written = written or not generated(index[pos])
            continue
        if ch in _MARKS:
            continue
        if prev < 0:
            size = size_of(index[pos])
            tab, half = TAB_GAP_EM * size, LETTER_SPREAD_EM * size / 2
        elif rules and ruled(line, prev, pos):
            out.append((runs, gaps, "".join(kinds), spaces, tabs, size, wide, kept, wide_kept))
            runs, gaps, kinds, spaces, tabs = [], [], [], [], []
            wide, kept, wide_kept = 0, 0, 0
            size = size_of(index[pos])
            tab, half = TAB_GAP_EM * size, LETTER_SPREAD_EM * size / 2
        else:
            gap = lefts[index[pos]] - rights[index[prev]]
            if size > 1.0 and gap >= tab:
                tabs.append(len(gaps))
            spread = gap >= half
            wide += spread
            gaps.append(gap)
            before = text[prev]
            kind = ("a" if ch == am or before == am
                    else "x" if ch not in thai or before not in thai
                    else "t" if ch in thai_letters and before in thai_letters and not written
                    else "d" if ch in digits and before in digits and not written
                    and gap < tab else "-")
            kinds.append(kind)
            if kind != "a" and kind != "x":
                kept += 1
                wide_kept += spread
            if pending >= 0:
                spaces.append(True)
                runs.append((pending, len(gaps) - 1))
            else:
                spaces.append(False)
        prev, pending, written = pos, -1, False
    out.append((runs, gaps, "".join(kinds), spaces, tabs, size, wide, kept, wide_kept))
    return out


def may_be_word_space(line: _Line, text: str, a: int, b: int, gap: float,
                      size: float) -> bool:
    """Whether a tab-wide ``gap`` (points) at ``text[a:b]`` may be a spread run's word space.

    Such a space is no wider than two letter gaps and :data:`WORD_OVER_EM` font
    sizes, so a letter gap beside it (the glyphs before ``a`` or from ``b``, marks
    and white space skipped) is at least half the rest, less :data:`LETTER_EVEN_EM`: a cell's tab
    between tight words is told without measuring the line (:func:`letter_spaced`).
    """
    least = (gap - WORD_OVER_EM * size) / 2 - LETTER_EVEN_EM * size
    lefts, rights, index = line.g.lefts, line.g.rights, line.index

    def beside(pos: int, step: int) -> float:
        first = -1
        while 0 <= pos < len(text):
            if text[pos] not in _MARKS and text[pos] not in _WHITE:
                if first >= 0:
                    left, right = (first, pos) if step > 0 else (pos, first)
                    return lefts[index[right]] - rights[index[left]]
                first = pos
            pos += step
        return -1.0

    return beside(a - 1, -1) >= least or beside(b, 1) >= least


def _alone(line: _Line, text: str) -> bool:
    """Whether a line's ``text`` is two Thai letters or digits alone (:data:`LONE_LETTERS`).

    Their marks and SARA AM go with them; white space only as pdfium made it up.
    """
    letters = [ch for ch in text if ch not in _WHITE and ch not in _MARKS and ch != _SARA_AM]
    generated, index = line.g.generated, line.index
    return len(letters) == LONE_LETTERS and all(ch in _LETTERS or ch in _DIGITS
                                                for ch in letters) and all(
        generated(index[pos]) for pos, ch in enumerate(text) if ch in _WHITE)

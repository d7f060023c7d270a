"""Vertical rules that cross a line being rebuilt: a tab where one stands between two letters.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_layout`, on a
line of a page as it is being rebuilt). A ruled table's cells may stand closer than
a tab's gap (:data:`.pdf_glyphs.TAB_GAP_EM`), even with no white space between them:
the rule between them (``rules`` of :class:`.pdf_layout._Line`: x of each vertical
rule that crosses the line, points, sorted) ends one cell and starts the next, unless
one run of text goes on across it.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bma_etl.read.pdf_layout import _Line

_MARKS = frozenset("\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B)))
                   + "".join(map(chr, range(0x0E47, 0x0E4F))))
_MARKS_OR_SPACE = _MARKS | {" ", "\u00a0"}
#: Two letters, the second drawn this near (font sizes) the end of the first's box
#: across a rule, are one run of text run on over it (:func:`_one_run`); a cell's
#: padding keeps letters further off.
RUN_TOUCH_EM = 0.02


def between(xs: list[float], left: float, right: float) -> bool:
    """Whether any of the sorted ``xs`` lies strictly between ``left`` and ``right``."""
    k = bisect_right(xs, left)
    return k < len(xs) and xs[k] < right


def ruled(line: _Line, a: int, b: int) -> bool:
    """Whether a vertical rule stands between characters ``a`` and ``b`` of ``line``'s text."""
    if not line.rules:
        return False
    lefts, rights, index = line.g.lefts, line.g.rights, line.index
    i, j = index[a], index[b]  # asked for each letter of a ruled line: no tuples made
    return between(line.rules, (lefts[i] + rights[i]) / 2, (lefts[j] + rights[j]) / 2)


def ruled_letters(line: _Line, text: str, start: int, end: int, out: list[str]) -> None:
    """``text[start:end]`` (no white space) onto ``out``, a tab where a rule stands inside.

    ``text``: ``line``'s text; each tab starts a cell of ``line`` (its x, its baseline).
    """
    if not line.rules or end - start < 2:
        out.append(text[start:end])
        return
    rules, edges, index = line.rules, line.g.edges, line.index
    # A run opening with marks (a space dropped before them) sides with their letter.
    first = start
    while text[start] in _MARKS and first > 0 and text[first] in _MARKS_OR_SPACE:
        first -= 1
    first = start if text[first] in _MARKS_OR_SPACE else first
    # Each character's middle lies between the least and the greatest of the
    # run's edges: no rule strictly inside those, no rule between two middles.
    g = line.g
    if isinstance(index, range):
        lo = min(min(g.lefts[index[first]:index[end - 1] + 1]),
                 min(g.rights[index[first]:index[end - 1] + 1]))
        hi = max(max(g.lefts[index[first]:index[end - 1] + 1]),
                 max(g.rights[index[first]:index[end - 1] + 1]))
        if not between(rules, lo, hi):
            out.append(text[start:end])
            return
    cut = start
    left, right = edges(index[first])
    before = (left + right) / 2
    for pos in range(start + 1, end):
        left, right = edges(index[pos])
        here = (left + right) / 2
        if text[pos] in _MARKS:  # a mark stands over its letter, wherever its box
            continue
        if between(rules, before, here) and not _one_run(line, text, pos):
            out.append(text[cut:pos])
            out.append("\t")
            line.start_cell(pos)
            cut = pos
        before = here
    out.append(text[cut:end])


def _one_run(line: _Line, text: str, pos: int) -> bool:
    """Whether ``text[pos]`` goes on the run of the letter before it across the rule.

    The two letters are drawn one after the other (the marks between them aside), on
    one baseline, the second drawn from where the first's advance box ends (within
    :data:`RUN_TOUCH_EM` font sizes): no cell's padding between them. A writer that
    does not break Thai in a table cell (xhtml2pdf) lets a long name run on so, and a
    spreadsheet a text over the empty cells beside it: the text is read whole, not
    cut at the rule into two cells (over another cell's text, :mod:`.pdf_overprint`
    finds the two printed over each other).
    """
    g, index = line.g, line.index
    before = pos - 1
    while before > 0 and text[before] in _MARKS:
        before -= 1
    if text[before] in _MARKS_OR_SPACE or index[pos] - index[before] != pos - before:
        return False
    first, second = g.origin(index[before]), g.origin(index[pos])
    size = g.size(index[pos])
    if first is None or second is None or size <= 1.0 or abs(first[1] - second[1]) > 0.01:
        return False
    # the second drawn from where the first's advance ends (its box may reach back: ``ไ``)
    return abs(second[0] - g.edges(index[before])[1]) <= RUN_TOUCH_EM * size

"""Where a line of a PDF page starts and ends, and its first and last words' widths.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_layout`, which
makes a :class:`.pdf_line.TextLine` of these for every line of every page).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bma_etl.read.pdf_layout import _Line

_SPACES = re.compile("[ \u00a0]+")


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
    space = _SPACES.search(text, first)
    word_end = (space.start() if space else len(text)) - 1
    word_start = max(text.rfind(" ", first, last[0]), text.rfind("\u00a0", first, last[0]))
    word_start = word_start + 1 if word_start >= 0 else first
    return left, right, max(0.0, rights[index[word_end]] - left), \
        max(0.0, right - lefts[index[word_start]])

"""A PDF page's lines as a page: reading order, wrapped lines, blank lines.

Stage: read (runs in the PDF worker process; works on :class:`.pdf_layout.TextLine`
lists that :func:`.pdf_layout.page_lines` made).
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from bma_etl.read.pdf_layout import TextLine


def in_reading_order(lines: list[TextLine]) -> list[TextLine]:
    """The page's lines top to bottom (a program may write its header and footer last).

    Lines on one baseline keep the order the PDF wrote them in; a line without
    text or position is dropped (blank lines come back from the spacing).
    """
    placed = [line for line in lines if line.text and line.baseline is not None]
    if len(placed) != sum(1 for line in lines if line.text):
        return lines  # positions unknown (surrogates shifted indices): keep the PDF's order
    return sorted(placed, key=lambda line: -(line.baseline or 0.0))


#: A line ends at the text's right margin when the next line's first word, after
#: a space this many font sizes wide, would have crossed it.
WRAP_SPACE_EM = 0.3


def wrapped_lines(lines: list[TextLine], page_width: float) -> list[int]:
    """Indexes of the lines that continue on the next line (the page wrapped them).

    A line wraps when the next holds no cells (no gap of a tab's width) and
    follows at once (no blank line), the line is no ruled table's row, and the
    next line's first word would not have fitted before the right margin: as
    far from the page's right edge as the text is from its left edge, or the
    widest line's right edge if that is further.
    """
    filled = [line for line in lines if line.right > 0.0]
    if not filled:
        return []
    # The body's left edge is where most lines start (a running header may stand
    # further out); the right margin mirrors it.
    lefts = Counter(round(line.left) for line in filled)
    body_left = max(lefts.items(), key=lambda kv: (kv[1], -kv[0]))[0]
    rights = sorted(line.right for line in filled)
    # A single line further right (a footer set flush right) is no margin.
    margin = max(rights[-2] if len(rights) > 1 else rights[-1], page_width - body_left)
    out = []
    for i, (line, following) in enumerate(pairwise(lines)):
        if not line.text or not following.text or line.size <= 1.0 or following.right == 0.0 \
                or "\t" in following.text or line.table is not None:
            continue
        if line.right + WRAP_SPACE_EM * line.size + following.first_word > margin:
            out.append(i)
    return out


#: Most blank lines put for one vertical gap.
MAX_BLANK_LINES = 5


def line_pitches(pages: list[list[TextLine]]) -> dict[float, float]:
    """The single-line pitch of each font size: the least baseline step between two lines.

    Taken over the whole document, as one page may set every line apart.
    """
    pitches: dict[float, float] = {}
    for lines in pages:
        for above, below in pairwise(lines):
            if above.baseline is None or below.baseline is None or above.size != below.size:
                continue
            step = above.baseline - below.baseline
            if step >= below.size > 1.0:  # a pitch is never less than the font size
                pitches[below.size] = min(step, pitches.get(below.size, step))
    return pitches


def with_blank_lines(lines: list[TextLine], pitches: dict[float, float]) -> list[TextLine]:
    """The page's lines with an empty line for each empty line's height between two lines.

    Paragraphs set apart by space come out set apart by blank lines, as the
    extractors read them in text files (and a table ends where space follows it).
    Two rows of one ruled table (:mod:`.pdf_tables`) get none between them.
    """
    out: list[TextLine] = []
    above: TextLine | None = None
    for line in lines:
        pitch = pitches.get(line.size)
        same_table = above is not None and line.table is not None and above.table == line.table
        if above is not None and above.baseline is not None and line.baseline is not None \
                and pitch and not same_table:
            blanks = round((above.baseline - line.baseline) / pitch) - 1
            out.extend([TextLine("")] * max(0, min(blanks, MAX_BLANK_LINES)))
        out.append(line)
        if line.text:
            above = line
    return out

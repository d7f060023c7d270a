"""A PDF page's lines as a page: reading order, wrapped lines, blank lines.

Stage: read (runs in the PDF worker process; works on :class:`.pdf_layout.TextLine`
lists that :func:`.pdf_layout.page_lines` made).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from itertools import pairwise

from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_tables import join_pieces


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


#: Two lines whose baselines are closer than this many font sizes stand side by
#: side (cells of one row), not one above the other.
SIDE_BY_SIDE_EM = 0.7


def with_side_by_side(lines: list[TextLine]) -> list[TextLine]:
    """Lines that stand side by side made one line of tab-separated cells.

    A borderless table whose label cell wraps beside a value centred in its cell
    comes out top to bottom as ``** ปัญหาของ`` / ``ไม่มี`` / ``โครงการ :``. Lines closer
    than :data:`SIDE_BY_SIDE_EM` of a line height form one band; within it the
    lines starting at one x are one cell (their pieces joined top to bottom), and
    the cells go left to right.
    """
    out: list[TextLine] = []
    band: list[TextLine] = []

    def flush() -> None:
        if len(band) > 1 and len({round(line.left) for line in band}) > 1:
            out.append(_band_line(band))
        else:
            out.extend(band)
        band.clear()

    for line in lines:
        last = band[-1] if band else None
        if last is not None and line.baseline is not None and last.baseline is not None \
                and line.table is None and last.table is None and "\t" not in line.text \
                and "\t" not in last.text and line.size > 1.0 \
                and last.baseline - line.baseline < SIDE_BY_SIDE_EM * line.size:
            band.append(line)
            continue
        flush()
        band.append(line)
    flush()
    return out


def _band_line(band: list[TextLine]) -> TextLine:
    size = max(line.size for line in band)
    columns: list[list[TextLine]] = []
    for line in sorted(band, key=lambda ln: ln.left):
        if columns and line.left - columns[-1][0].left < size:
            columns[-1].append(line)
        else:
            columns.append([line])
    texts = []
    for column in columns:
        text = ""
        for line in sorted(column, key=lambda ln: -(ln.baseline or 0.0)):
            text = join_pieces(text, line.text.strip())
        texts.append(text)
    first = band[0]
    return replace(first, text="\t".join(texts), size=size,
                   cells=tuple(column[0].left for column in columns),
                   left=min(line.left for line in band), right=max(line.right for line in band))

"""A page's running header and footer in small type, kept out of its table rows.

Stage: read (PDF text layer). A program may print a running header or footer in
small type in a page's margin over whatever the page holds there: a browser's
``position: fixed`` footer (``ระบบติดตามโครงการ … | พิมพ์ 05/07/2567 09:30``) stands
between the vertical rules of a history entry's box that the page cuts, which run
down to the page's edge. Made a row with the box's lines, the footer went into the
entry (its detail began with the footer, and the entry's rest on the next page was
joined after it: :func:`.pdf_breaks.join_cut_rows`). :func:`edge_lines` finds the
page's highest and lowest lines of that kind before the page's rows are made,
which leave them out; :func:`rejoined` puts back together the letters of one that
a rule drawn through it cut into cells (``ระ`` | ``บบติดตาม…``, no gap between them).
They stay lines of the page's text: furniture (:mod:`bma_etl.furniture`) leaves
them out of the layouts' lines.
"""

from __future__ import annotations

from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_line import replaced
from bma_etl.read.pdf_margins import SMALLER_PT
from bma_etl.read.pdf_page import DEFAULT_PITCH_EM

#: Largest share of the page's height between a header's or footer's baseline and the
#: page's edge: its margin.
EDGE_SHARE = 0.08
#: Least distance (line pitches of its own type) between a margin line's baseline and
#: the next line's: less, the two are one line of text (a cell's small-type note).
SAME_LINE_PITCHES = 0.3
#: Widest gap (font sizes) between two cells of an edge line that a rule cut, not a gap.
MAX_CUT_GAP_EM = 0.1


def edge_lines(lines: list[TextLine], height: float) -> set[int]:
    """Indexes of the page's first and last lines of text when they are a small-type margin line.

    ``height``: the page's height (points). A line is one when it stands within
    :data:`EDGE_SHARE` of the page's height from the page's edge, in type smaller
    than the next line of text's by :data:`~.pdf_margins.SMALLER_PT` or more (a
    table's last row in small type is in its rows' type), on a baseline of its own
    (:data:`SAME_LINE_PITCHES`): a fixed footer may stand close under the body's
    last line, or over it, as the body runs under it.
    """
    inked = sorted((k for k, line in enumerate(lines)  # (a cell's hidden line: no margin's)
                    if line.text.strip() and line.baseline is not None and line.clip is None),
                   key=lambda k: lines[k].baseline or 0.0)
    if len(inked) < 2 or height <= 0:
        return set()
    out: set[int] = set()
    for edge, other, bottom in ((inked[0], inked[1], True), (inked[-1], inked[-2], False)):
        line, near = lines[edge], lines[other]
        base, next_base = line.baseline or 0.0, near.baseline or 0.0
        if line.size <= 0 or line.size > near.size - SMALLER_PT:
            continue
        pitch = DEFAULT_PITCH_EM * line.size
        margin = base if bottom else height - base
        if abs(base - next_base) > SAME_LINE_PITCHES * pitch \
                and 0 <= margin <= EDGE_SHARE * height:
            out.add(edge)
    return out


def rejoined(line: TextLine) -> TextLine:
    """``line`` as one cell when a rule cut each of its cell breaks, with no gap (see above)."""
    if len(line.cells) < 2 or len(line.ends) != len(line.cells) \
            or line.text.count("\t") + 1 != len(line.cells):
        return line
    gap = MAX_CUT_GAP_EM * (line.size or 1.0)
    if any(start - end > gap for end, start in zip(line.ends, line.cells[1:], strict=False)):
        return line
    return replaced(line, text=line.text.replace("\t", ""), cells=line.cells[:1],
                    ends=line.ends[-1:], heights=line.heights[:1],
                    spaces=line.spaces[-1:], jumps=())


__all__ = ["edge_lines", "rejoined"]

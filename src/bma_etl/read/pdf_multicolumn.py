"""A page set in two or three columns of equal width, found from geometry.

Stage: read (runs in the PDF worker process). A web page printed with CSS
``column-count`` (a newsletter's layout, a page a user set in columns to save
paper) flows its text down the first column, then the next: read as one page, a
line of the first column and the line beside it in the next would become one line
of cells, and a table that goes on from the foot of one column to the head of the
next would have its rows shuffled with the other column's. :func:`column_cuts`
finds such a page from where its text and rules stand, never from what program
made it: bands down the page that no line of text and no rule or image crosses,
from the top of the text to its bottom, that part the text's width into two or
three columns of equal width (:data:`EQUAL_SHARE`), each with a column's worth of
lines and letters. A page where nearly every line of one side stands on the
baseline of a line of the other (a table drawn without rules, each of whose rows
starts on one height however its cells wrap: :data:`~.pdf_sheets.SHARED_ROWS`),
or whose lines run from one column to the next as a table's rows do
(:data:`~.pdf_sheets.ROW_SHARE`), stays whole. Each column is then read as a
page of its own (:func:`.pdf_sheets.keep_part`), so that a table the column's
foot cut is one table again as over a page break.
"""

from __future__ import annotations

from itertools import pairwise
from statistics import median

from bma_etl.read.pdf_forms import Box
from bma_etl.read.pdf_line import TextLine
from bma_etl.read.pdf_sheets import (
    MIN_LINES,
    MIN_SIDE_CHARS,
    ROW_SHARE,
    SAME_BASELINE_EM,
    SHARED_ROWS,
    SHEET_COVER,
    TOUCH,
    piece_spans,
)

#: Narrowest gap between two columns, in the text's median font size (CSS's
#: ``column-gap: normal`` is one em; words in a line stand a third of one apart).
MIN_GAP_EM = 0.8
#: Narrowest gap on a page after one set in columns (:func:`column_cuts`'s ``before``):
#: a table wider than its column narrows it; words stand a third of an em apart.
MIN_GAP_AFTER_EM = 0.5
#: The gaps' middles stand within this share of the text's width of where columns
#: of equal width put them.
EQUAL_SHARE = 0.03
#: Column counts looked for, most first.
COUNTS = (3, 2)


def column_cuts(lines: list[TextLine], shapes: list[Box], width: float, height: float,
                before: list[float] | None = None) -> list[float] | None:
    """Where a page set in columns is cut between them (x, points, left to right), or None.

    ``lines``: the page's lines as :func:`.pdf_layout.page_lines` reads them;
    ``shapes``: its paths' and images' boxes (left, bottom, right, top);
    ``width``, ``height``: the page as shown (points). The text's width runs from
    its leftmost letter to the page's width less that margin (a last column left
    short is still a column's width), or to its rightmost letter if further (a table
    wider than its column runs past the margin: both are tried).

    ``before``: the cuts of the page before, of this size, when it was set in columns.
    A document keeps its columns page after page, and a table too wide for its column
    narrows the gap beside it: this page's gaps need only :data:`MIN_GAP_AFTER_EM`,
    at as many cuts as ``before``'s.
    """
    placed = [line for line in lines if line.text.strip() and line.baseline is not None]
    if len(placed) < 2 * MIN_LINES:
        return None
    text = sorted(piece for line in placed for piece in piece_spans(line))
    left = text[0][0]
    # the page's right margin as wide as its left; a table wider than the last column
    # runs past it (the rightmost letter), and the columns are the margins' width still
    rights = sorted({max(max(piece[1] for piece in text), width - left), width - left},
                    reverse=True)
    if all(_spanned(text, left, right, count) for count in COUNTS for right in rights):
        return None  # the quick test: a line runs over where each count's gap would be
    size = median(line.size for line in placed if line.size > 1.0) \
        if any(line.size > 1.0 for line in placed) else 10.0
    drawn = [box for box in shapes
             if box[2] - box[0] < SHEET_COVER * width or box[3] - box[1] < SHEET_COVER * height]
    # a gap between columns is clear of rules and frames too
    least = MIN_GAP_EM if before is None else MIN_GAP_AFTER_EM
    gaps = _gaps(sorted(text + [(box[0], box[2]) for box in drawn]), least * size)
    for right in rights:
        for count in COUNTS if before is None else (len(before) + 1,):
            cuts = _equal_cuts(gaps, left, right, count)
            if cuts is not None and _columns_hold_text(placed, cuts, drawn,
                                                       before is not None):
                return cuts
    return None


def _spanned(pieces: list[tuple[float, float]], left: float, right: float, count: int
             ) -> bool:
    """Whether one piece of text runs over where a gap between ``count`` columns must be.

    A gap :func:`_equal_cuts` takes holds a column's edge or has its middle within
    :data:`EQUAL_SHARE` of the text's width of it; a piece (left, right; points)
    that covers that stretch, and :data:`~.pdf_sheets.TOUCH` more each side, leaves
    no such gap there. Most pages are one column: a line of text across the middle
    settles them before their gaps are looked for.
    """
    reach = EQUAL_SHARE * (right - left) + TOUCH
    for k in range(1, count):
        edge = left + k * (right - left) / count
        if any(low < edge - reach and high > edge + reach for low, high in pieces):
            return True
    return False


def _gaps(pieces: list[tuple[float, float]], least: float) -> list[tuple[float, float]]:
    """The stretches across the page, at least ``least`` wide, that no piece of text covers."""
    gaps = []
    reach = pieces[0][1]
    for left, right in pieces[1:]:
        if left - reach >= least:
            gaps.append((reach, left))
        reach = max(reach, right)
    return gaps


def _equal_cuts(gaps: list[tuple[float, float]], left: float, right: float, count: int
                ) -> list[float] | None:
    """The middles of the gaps that part ``left``..``right`` into ``count`` equal columns."""
    cuts = []
    for k in range(1, count):
        gap = next((g for g in gaps if g[0] <= left + k * (right - left) / count <= g[1]
                    or abs((g[0] + g[1]) / 2 - (left + k * (right - left) / count))
                    <= EQUAL_SHARE * (right - left)), None)
        if gap is None:
            return None
        cuts.append((gap[0] + gap[1]) / 2)
    return cuts


def _columns_hold_text(lines: list[TextLine], cuts: list[float], drawn: list[Box],
                       went_on: bool = False) -> bool:
    """Whether no shape crosses a cut and each column holds a column's lines and letters.

    Two columns whose lines stand on shared baselines are a table's rows
    (:data:`~.pdf_sheets.SHARED_ROWS`) unless ``went_on``: the page before was set
    in these columns. A writer sets the text of both columns on one grid of lines
    (one font, one line pitch, both from the top margin), so a page of flowing text
    in columns stands line for line too; after a page in columns it is that, when
    each side's lines, over the height both sides fill (a last column left short
    ends higher), stand beside the other's (:func:`_one_grid`). A table whose cells
    wrap leaves one side's wrapped lines with nothing beside them, and stays whole.
    """
    if any(box[0] - TOUCH <= cut <= box[2] + TOUCH for box in drawn for cut in cuts):
        return False  # a rule, a table's frame or a picture runs over a gap
    edges = [float("-inf"), *cuts, float("inf")]
    columns: list[list[TextLine]] = [[] for _ in range(len(cuts) + 1)]
    for line in lines:
        for k, (low, high) in enumerate(pairwise(edges)):
            if any(low < (a + b) / 2 < high for a, b in piece_spans(line)):
                columns[k].append(line)
    # a column's worth of text, not a table's column of marks (a schedule's months)
    if any(len(column) < MIN_LINES or sum(len("".join(line.text.split())) for line in column)
           < MIN_SIDE_CHARS for column in columns):
        return False
    for these, those in pairwise(columns):
        if went_on and _one_grid(these, those):
            continue  # flowing text going on in the page before's columns
        if max(_beside(these, those), _beside(those, these)) >= SHARED_ROWS:
            return False  # each line of one side starts a row beside the other's: a table
        ids = {id(line) for line in these}
        if sum(1 for line in those if id(line) in ids) > ROW_SHARE * len(those):
            return False
    return True


def _beside(these: list[TextLine], those: list[TextLine]) -> float:
    """Share of ``these`` lines that stand on the baseline of one of ``those``."""
    return sum(any(abs((a.baseline or 0.0) - (b.baseline or 0.0))
                   <= SAME_BASELINE_EM * max(a.size, b.size, 1.0) for b in those)
               for a in these) / len(these)


def _one_grid(these: list[TextLine], those: list[TextLine]) -> bool:
    """Whether two columns' lines stand on one grid of baselines, over the height both fill.

    Only the lines between the lower of the two columns' first baselines and the
    higher of their last ones count (a column the text left short, or one that a
    heading starts lower, is one grid still); each side's share of those standing
    beside one of the other's must reach :data:`~.pdf_sheets.SHARED_ROWS`.
    """
    top = min(max(line.baseline or 0.0 for line in side) for side in (these, those))
    bottom = max(min(line.baseline or 0.0 for line in side) for side in (these, those))
    spans = [[line for line in side if bottom - 1.0 <= (line.baseline or 0.0) <= top + 1.0]
             for side in (these, those)]
    if any(len(side) < MIN_LINES for side in spans):
        return False
    return min(_beside(spans[0], spans[1]), _beside(spans[1], spans[0])) >= SHARED_ROWS

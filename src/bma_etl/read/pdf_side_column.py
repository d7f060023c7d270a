"""A web page's side column (a sidebar, an ``<aside>``) beside its main column, read apart.

Stage: read (runs in the PDF worker process). A tracking-system page saved from a
browser prints the site's side column beside the page's own text: a menu of years,
counters (``โครงการแล้วเสร็จ (47)``), related projects, in a narrower box on the left
or the right, often in a smaller type. Read as one page, each line of the side column
and the line of the main column beside it became one line of cells, so a label's
value got the side column's text as a cell of its own, or a wrapped value had the
side column's line glued into it (``… ซอยลาดพร้าว โครงการแล้วเสร็จ (47)`` / ``101``).

:func:`side_column` finds such a column from where the text and rules stand, never
from what program made the page: below the lines that run across the page (a
navigation bar) and above those that run across it again (a footer), a gap down
the page that no piece of text and no rule crosses parts a block of lines on one
side, at most :data:`MAX_SIDE_SHARE` of the text's width wide, from the main
column on the other, which goes on :data:`MIN_MAIN_BEYOND` lines or more below the
block (a table's narrow column has a cell in each row; a side column ends
while the page's text goes on) and holds more lines than it. The block's lines follow
one another (no gap of more than :data:`MAX_SIDE_GAP_EM` font sizes: a column of a
table whose cells stand far apart is no side column) at their own pitch: when
half of them or more stand on the baselines of the main column's lines
(:data:`.pdf_side_clear.MAX_SHARED_ROWS`) they are a table's first column beside its rows,
and the page stays whole (so does a side column set in the page's own type and
pitch, its lines beside the page's), as it does when more of its lines than
:data:`~.pdf_sheets.ROW_SHARE` are one line with the main column's (cells of a
row). The page is then read without the side column's objects (:func:`drop_part`)
and the side column alone
(:func:`.pdf_sheets.keep_part`), its text after the document's (:func:`after_side`):
the page keeps its number. Before that, :func:`.pdf_side_clear.clear_beside` asks that
the page's text never enter the side column's stretch above or below it, and
:func:`.pdf_side_clear.spaced_as_rows` that its lines follow one another as a list's
(a table's column steps a row at a time); when in doubt the page is read whole.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import Any

from bma_etl.read.pdf_columns import with_columns
from bma_etl.read.pdf_forms import Box
from bma_etl.read.pdf_line import TextLine
from bma_etl.read.pdf_page import with_blank_lines, with_side_by_side
from bma_etl.read.pdf_sheets import (
    MIN_LINES,
    MIN_SIDE_CHARS,
    ROW_SHARE,
    SAME_BASELINE_EM,
    SHEET_COVER,
    TOUCH,
    keep_part,
    piece_spans,
    take_objects,
)
from bma_etl.read.pdf_side_clear import MAX_SHARED_ROWS, clear_beside, spaced_as_rows
from bma_etl.read.pdf_tables import Rule
from bma_etl.read.pdf_wraps import spaced_wraps, wrapped_lines

#: Narrowest gap between the side column and the main column, in the text's font
#: size (a sidebar's margin and padding leave an em or more; words stand a third apart).
MIN_GAP_EM = 1.0
#: Widest side column, as a share of the text's width (a sidebar takes a quarter or a
#: third of the page; wider, the two sides are a table's columns or a page's halves).
MAX_SIDE_SHARE = 0.4
#: Fewest lines of the main column below the side column's block (a sidebar stands
#: beside the page's first lines; a table's first cell over the rows above it is none).
MIN_MAIN_BEYOND = 3
#: Widest gap between two lines of the side column (font sizes): a sidebar's items
#: follow one another, a heading or a list's margin between them.
MAX_SIDE_GAP_EM = 4.0
#: Narrowest gap with a wall inside (a tall box's side: :func:`_walls`), in font sizes:
#: a sidebar's background or border parts it from the page's text however close they
#: stand (a browser's zoom; words stand a third of a font size apart, and no wall).
WALL_GAP_EM = 0.5
#: Widest side column parted by a wall (:func:`_walls`), as a share of the text's width:
#: a browser's zoom widens a sidebar's box to near half the page; its box, down the
#: page beside the text, tells it from a page's halves.
WALLED_SIDE_SHARE = 0.5
#: Least height of a wall, as a share of the page's height (a sidebar's box stretched
#: down beside the page's text; a word's frame, a button, a banner are short).
WALL_SHARE = 0.4
#: A hair (points): what rounding could move a gap's middle by, kept as a margin.
_HAIR = 1e-6
_FAR = float("inf")


def side_column(lines: list[TextLine], shapes: list[Box], width: float, height: float
                ) -> Box | None:
    """The box of a page's side column (left, bottom, right, top; points), or None.

    ``lines``: the page's lines as :func:`.pdf_layout.page_lines` reads them (a line
    of the main column and the side column's line beside it may be one line of
    cells); ``shapes``: its paths' and images' boxes; ``width``, ``height``: the page
    as shown (points). The box runs from the gap's middle to the page's edge on the
    side column's side, from below its lowest line to above its highest.
    """
    placed = sorted((line for line in lines if line.text.strip() and line.baseline is not None
                     and line.size > 1.0), key=lambda line: -(line.baseline or 0.0))
    if len(placed) < 2 * MIN_LINES + MIN_MAIN_BEYOND:
        return None
    pieces = [piece_spans(line) for line in placed]
    text_left = min(p[0] for ps in pieces for p in ps)
    text_right = max(p[1] for ps in pieces for p in ps)
    if text_right - text_left <= 0.0:
        return None
    drawn = [box for box in shapes
             if box[2] - box[0] < SHEET_COVER * width or box[3] - box[1] < SHEET_COVER * height]
    walls = _walls(drawn, height)
    frees = [_free(ps, text_left, text_right, MIN_GAP_EM * line.size, walls)
             for ps, line in zip(pieces, placed, strict=True)]
    least = 2 * MIN_LINES + MIN_MAIN_BEYOND
    count = len(placed)
    baselines = [line.baseline or 0.0 for line in placed]
    # lines k - 1 and k stand on one baseline
    one_row = [False] + [abs(baselines[k - 1] - baselines[k]) <= SAME_BASELINE_EM * placed[k].size
                         for k in range(1, count)]
    needs = [MIN_GAP_EM * line.size for line in placed]
    reach = [(min(p[1] for p in ps), max(p[1] for p in ps)) if ps else (_FAR, -_FAR)
             for ps in pieces]
    # a gap whose middle (and so any narrower gap's inside it) stands farther than
    # MAX_SIDE_SHARE from both edges of the text never parts a side column
    # (:func:`_side_box`): such gaps are not followed down (a hair's margin kept)
    share = (WALLED_SIDE_SHARE if walls else MAX_SIDE_SHARE) * (text_right - text_left)
    left_end, right_start = text_left + share + _HAIR, text_right - share - _HAIR

    for start in range(count - least + 1):
        if one_row[start]:
            continue  # a run takes a row's lines all or none
        # a gap inside one the line above leaves: the run from higher up holds this one
        spans, end = [gap for gap in frees[start] if (gap[0] < left_end or gap[1] > right_start)
                      and not (start and any(free[0] <= gap[0] and gap[1] <= free[1]
                                             for free in frees[start - 1]))], start + 1
        while spans:
            ended, going = [], []
            if end == count:
                ended = spans
            else:
                need, these = needs[end], frees[end]
                for span in spans:
                    low, high = span
                    gone = True
                    for free_low, free_high in these:
                        if free_low >= high:
                            break
                        if free_high <= low:
                            continue
                        left = free_low if free_low > low else low
                        right = free_high if free_high < high else high
                        if right > left and _wide(left, right, need, walls):
                            gone = False
                            if left < left_end or right > right_start:
                                going.append((left, right))
                    if gone:
                        ended.append(span)
            last = end
            while start < last < count and one_row[last]:
                last -= 1  # the row the run ends in crosses the gap
            for span in ended if last - start >= least else ():
                box = _side_box(placed[start:last], pieces[start:last], reach[start:last], span,
                                (text_left, text_right), (drawn, walls), width,
                                placed[start - 1] if start else None,
                                placed[last] if last < count else None)
                if box is not None:
                    # one side column found, or none: never a second guess further down
                    return box if clear_beside(placed, pieces, range(start, last), box,
                                               width, height) else None
            spans, end = going, end + 1
    return None


def _walls(drawn: list[Box], height: float) -> list[float]:
    """The x of the long sides of the tall boxes drawn on a page (points), sorted.

    ``drawn``: the page's paths' and images' boxes (left, bottom, right, top); a box as
    tall as :data:`WALL_SHARE` of the page's ``height`` or taller (a sidebar's
    background or border, stretched down the page beside the page's text) is a wall
    text does not run over.
    """
    return sorted({x for box in drawn if box[3] - box[1] >= WALL_SHARE * height
                   for x in (box[0], box[2])})


def _wide(left: float, right: float, need: float, walls: list[float]) -> bool:
    """Whether a stretch ``left``..``right`` is a gap between columns (points).

    ``need``: the gap a column needs (:data:`MIN_GAP_EM` font sizes); a stretch with a
    wall inside (:func:`_walls`) needs only :data:`WALL_GAP_EM` of it.
    """
    if right - left >= need:
        return True
    if right - left < need * WALL_GAP_EM / MIN_GAP_EM:
        return False
    at = bisect_left(walls, left + TOUCH)
    return at < len(walls) and walls[at] < right - TOUCH


def _free(pieces: list[tuple[float, float]], low: float, high: float, least: float,
          walls: list[float]) -> list[tuple[float, float]]:
    """The stretches of ``low``..``high`` no piece covers, wide enough (:func:`_wide`)."""
    out, reach = [], low
    for left, right in sorted(pieces):
        if left > reach and _wide(reach, left, least, walls):
            out.append((reach, left))
        reach = max(reach, right)
    if high > reach and _wide(reach, high, least, walls):
        out.append((reach, high))
    return out


def _side_box(run: list[TextLine], pieces: list[list[tuple[float, float]]],
              reach: list[tuple[float, float]], gap: tuple[float, float],
              text: tuple[float, float], shown: tuple[list[Box], list[float]],
              width: float, above: TextLine | None, below: TextLine | None) -> Box | None:
    """The side column's box when a run of lines parted at ``gap`` is a page and its side.

    ``reach``: each line's pieces' least and greatest right end (points); ``shown``:
    the page's drawn boxes and its walls (:func:`_walls`).
    """
    drawn, walls = shown
    cut = (gap[0] + gap[1]) / 2
    text_left, text_right = text
    walled = any(gap[0] < x < gap[1] for x in walls)  # a box's side in the gap
    share = (WALLED_SIDE_SHARE if walled else MAX_SIDE_SHARE) * (text_right - text_left)
    # the side column's width is its text's, up to the gap (a wide gutter, a browser's
    # zoom: the gap's middle may stand past the share while the column's text does not)
    narrow = gap[0] - text_left <= share, text_right - gap[1] <= share
    if narrow[0] and not (narrow[1] and text_right - gap[1] < gap[0] - text_left):
        side = 0  # the side column on the left
    elif narrow[1]:
        side = 1
    else:
        return None
    # a line holds a piece on the cut's left when its pieces' least right end is left of it
    lefts = [k for k, (least, _) in enumerate(reach) if least <= cut]
    rights = [k for k, (_, most) in enumerate(reach) if most > cut]
    own, main = (lefts, rights) if side == 0 else (rights, lefts)
    far = [k for k in range(len(own) - 1) if own[k + 1] - own[k] > 1 and (
        run[own[k]].baseline or 0.0) - (run[own[k + 1]].baseline or 0.0)
        > MAX_SIDE_GAP_EM * run[own[k]].size]
    if far and far[0] == len(own) - 2:
        own = own[:-1]  # a lone line far below the block (a button fixed at the foot)
    elif far:
        return None  # a table's column: cells far apart
    if len(own) < MIN_LINES or len(main) < len(own) + MIN_MAIN_BEYOND:
        return None
    low = run[own[-1]].baseline or 0.0
    beyond = {round(run[k].baseline or 0.0) for k in main
              if (run[k].baseline or 0.0) <= low - run[k].size / 2}
    if len(beyond) < MIN_MAIN_BEYOND:
        return None  # the side ends with the page's text: a table's column
    if len(set(own) & set(main)) > ROW_SHARE * len(own):
        return None  # its lines run on over the gap as a table's rows do
    heights = sorted(run[k].baseline or 0.0 for k in main)

    def beside(line: TextLine) -> bool:  # a line of the main column on its baseline
        at = bisect_left(heights, (line.baseline or 0.0) - SAME_BASELINE_EM * line.size)
        return at < len(heights) and \
            heights[at] <= (line.baseline or 0.0) + SAME_BASELINE_EM * line.size

    if sum(beside(run[k]) for k in own) >= MAX_SHARED_ROWS * len(own):
        return None  # its lines beside the page's, row by row: a table's rows
    if spaced_as_rows([run[k].baseline or 0.0 for k in own],
                      [run[k].baseline or 0.0 for k in main]):
        return None  # a table's column: one cell a row, the rows' lines between
    chars = 0
    for k in own:
        cells = run[k].text.split("\t")
        if len(cells) == len(pieces[k]):
            chars += sum(len("".join(cell.split())) for cell, p in zip(cells, pieces[k],
                                                                       strict=True)
                         if (p[1] <= cut) == (side == 0))
        elif all((p[1] <= cut) == (side == 0) for p in pieces[k]):
            chars += len("".join(run[k].text.split()))
    if chars < MIN_SIDE_CHARS:
        return None
    size = max(run[k].size for k in own)
    top = (run[own[0]].baseline or 0.0) + 1.2 * size
    bottom = (run[own[-1]].baseline or 0.0) - 0.6 * size
    if above is not None and above.baseline is not None:
        top = min(top, above.baseline - 0.4 * above.size)
    if below is not None and below.baseline is not None:
        bottom = max(bottom, below.baseline + 1.0 * below.size)
    low, high = gap  # the cut clear of the rules and boxes beside the side column
    for box in drawn:
        if box[1] >= top or box[3] <= bottom or box[2] <= low or box[0] >= high:
            continue
        if box[0] <= low + TOUCH and box[2] >= high - TOUCH:
            return None  # a rule or a row's box runs over the gap: a table
        if box[0] <= low + TOUCH:
            low = box[2]
        elif box[2] >= high - TOUCH:
            high = box[0]
    if high - low < 2 * TOUCH:
        return None
    cut = (low + high) / 2
    return (0.0, bottom, cut, top) if side == 0 else (cut, bottom, width, top)


def inside(box: Box, part: Box) -> bool:
    """Whether ``box``'s middle stands inside ``part`` (both left, bottom, right, top)."""
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return part[0] < x < part[2] and part[1] < y < part[3]


def drop_part(page: Any, part: Box) -> None:
    """Take off the pdfium ``page`` (in memory only) what it draws inside ``part``.

    ``part``: (left, bottom, right, top; points, the page as shown). An object goes
    when the middle of its box stands inside; a Form XObject that reaches over the
    part's edge is looked into and its objects taken the same way.
    """
    def crosses(box: Box) -> bool:  # over the part's edge: in it and out of it
        return box[0] < part[2] and box[2] > part[0] and box[1] < part[3] \
            and box[3] > part[1] and not (part[0] <= box[0] and box[2] <= part[2]
                                          and part[1] <= box[1] and box[3] <= part[3])

    take_objects(page, crosses, lambda box: inside(box, part))


def read_apart(load: Callable[[int], Any], index: int, side: Box, size: tuple[float, float],
               read_page: Callable[..., tuple[Any, list[TextLine]]]) -> tuple[Any, Any] | None:
    """The page ``index`` read without its side column ``side``, and the side column alone.

    ``load``: the PDF's page ``index`` afresh (a pdfium page, closed here), ``size`` as
    shown (points);
    ``read_page(page, shown, part=None)``: a page read (what the reader keeps of it,
    and its lines as :func:`.pdf_layout.page_lines` gave them), ``shown`` its size as
    shown, or a part's kept (:func:`.pdf_sheets.keep_part`) and ``part`` its box. None when what
    stays on the page still draws text inside ``side`` (a page drawn as one object
    that could not be taken apart) or the side column reads empty.
    """
    page = load(index)
    try:
        drop_part(page, side)
        main, lines = read_page(page, size)
    finally:
        page.close()
    for line in lines:
        if line.baseline is None or not line.text.strip():
            continue
        if any(inside((left, line.baseline, right, line.baseline), side)
               for left, right in piece_spans(line)):
            return None
    page = load(index)
    try:
        column, lines = read_page(page, keep_part(page, side, size), side)
    finally:
        page.close()
    return (main, column) if any(line.text.strip() for line in lines) else None


def after_side(laid: list[TextLine], wraps: list[int], spaced: list[int],
               lines: list[TextLine], rules: tuple[Rule, ...], pitches: dict[float, float],
               how: tuple[float, bool, bool]) -> tuple[list[TextLine], list[int], list[int]]:
    """A page's laid-out lines with a side column's after them, a blank line between.

    ``laid``, ``wraps``, ``spaced``: the page's lines and wrapped lines (indexes; those
    wrapped at a space); ``lines``, ``rules``: the side column's lines and horizontal
    rules as read; ``pitches``: font size → line pitch; ``how``: the side column's
    width (points), and the writer's ``fills`` and ``at_spaces``
    (:func:`.pdf_wraps.writer_rules`). Returns the three, the side column's added.
    """
    width, fills, at_spaces = how
    aside = with_columns(with_blank_lines(with_side_by_side(lines, pitches, rules), pitches),
                         borderless=True, pitches=pitches)
    side_wraps = wrapped_lines(aside, width, fills, fills and not at_spaces)
    shift = len(laid) + 1
    return ([*laid, TextLine(""), *aside], [*wraps, *(k + shift for k in side_wraps)],
            [*spaced, *(k + shift for k in spaced_wraps(aside, side_wraps, width, at_spaces,
                                                       fills))])


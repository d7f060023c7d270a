"""Which ruled table cell an OCR'd piece stands in, and which pieces are the rules.

Stage: read (a helper of :func:`~.ocr_layout.page_layout`, which gathers a ruled
table's rows into lines of cells). Rules and pieces are in pixels of the page
image (:class:`~.ocr_image.PageRules`, :class:`~.ocr_tsv.TsvPiece`); ``slack``
(pixels) is how far a piece or a rule's end may stand off a rule.
"""

from __future__ import annotations

import re

from bma_etl.read.ocr_image import PageRules
from bma_etl.read.ocr_tsv import TsvLine, TsvPiece

_THAI = re.compile("[\u0e00-\u0e7f]")

#: Where a piece stands: its row's key (top and bottom rules' y, the table's left and
#: right), its column, and the left edge of every column.
Place = tuple[tuple[int, int, int, int], int, tuple[int, ...]]


def cell_of(x: float, y: float, rules: PageRules, slack: float) -> Place | None:
    """``(row key, column, column edges)`` of the ruled table cell holding a point, or None."""
    across = [h for h in rules.horizontal if h[1] - slack <= x <= h[2] + slack]
    above = [h for h in across if h[0] < y]
    below = [h for h in across if h[0] > y]
    if not above or not below:
        return None
    top = max(above, key=lambda h: h[0])
    bottom = min(below, key=lambda h: h[0])
    left, right = max(top[1], bottom[1]), min(top[2], bottom[2])
    xs: list[int] = []
    for v in sorted(rules.vertical):
        if left - slack <= v[0] <= right + slack and v[1] <= top[0] + slack \
                and v[2] >= bottom[0] - slack and (not xs or v[0] - xs[-1] > slack):
            xs.append(v[0])
    if len(xs) < 3 or not xs[0] - slack <= x <= xs[-1] + slack:
        return None
    column = max(i for i, edge in enumerate(xs[:-1]) if edge <= x + slack)
    return (top[0], bottom[0], xs[0], xs[-1]), column, tuple(xs[:-1])


#: What Tesseract reads a vertical rule as.
_RULE_TEXT = frozenset("|lI![]1")


#: What Tesseract reads a speck of a rule as, where rules cross or a scan's rule is rough.
_SPECK_TEXT = _RULE_TEXT | frozenset(".,-_'")


def on_rule(piece: TsvPiece, rules: PageRules, slack: float) -> bool:
    """Whether a piece is a rule, or a speck of one, read as a letter.

    A vertical rule read as ``|`` or ``l`` beside it; a flat speck on a ruled table's
    row rule (``.`` where two rules cross: no higher than the slack, reaching the rule
    within half of it) and a stroke standing on one or hanging from it (``|``, its
    foot or head on the rule within half the slack); and a piece of no Thai letter
    that a column rule of the ruled cell it stands in runs through (``2.`` read from
    a rule and a digit's edge beside it: a table's text stays inside its cell).

    The speck and stroke rules hold in a ruled table only (:func:`_table_rule`): a
    letter's own stroke is a "rule" too when the page's text is large for its dots to
    the inch (a 300 dpi scan on a page declared at 72 dpi: 0.4 inch is 29 pixels, a
    digit's height), and ``1.`` or ``2566`` it runs through is the text, no speck.
    """
    if rule_letter(piece, rules, slack):
        return True
    edge = slack / 2
    flat = piece.bottom - piece.top <= slack and set(piece.text) <= _SPECK_TEXT
    stroke = set(piece.text) <= _RULE_TEXT
    middle = (piece.left + piece.right) / 2
    for y, left, right in rules.horizontal:
        if left <= piece.left and piece.right <= right and (
                (flat and piece.top - edge <= y <= piece.bottom + edge)
                or (stroke and min(abs(piece.top - y), abs(piece.bottom - y)) <= edge)) \
                and _table_rule(middle, y, rules, slack):
            return True
    if _THAI.search(piece.text):
        return False
    place = cell_of(middle, (piece.top + piece.bottom) / 2, rules, slack)
    return place is not None and any(
        piece.left + edge < x < piece.right - edge for x in (*place[2], place[0][3]))


def rule_letter(piece: TsvPiece, rules: PageRules, slack: float) -> bool:
    """Whether a piece is a vertical rule read as a letter (``|``, ``l``).

    A piece of such letters only, with a vertical rule as long as it within ``slack``.
    """
    return set(piece.text) <= _RULE_TEXT and any(
        piece.left - slack <= v[0] <= piece.right + slack and v[1] <= piece.top
        and v[2] >= piece.bottom for v in rules.vertical)


def _table_rule(x: float, y: int, rules: PageRules, slack: float) -> bool:
    """Whether the horizontal rule at ``y`` is a ruled table's at ``x``.

    It is when a ruled cell (:func:`cell_of`) lies just above or just below it.
    """
    return any(cell_of(x, y + side * (slack + 1), rules, slack) is not None for side in (-1, 1))


#: A piece that may stand over a row's rule and still be the row's: Thai marks drawn
#: above or below a letter, or a speck a rule leaves (``.``, ``|``).
_MARK_OR_SPECK = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e|.,'_-]+")


def row_cells(line: TsvLine, rules: PageRules, slack: float) -> list[Place] | None:
    """Each piece's ``(row key, column, column edges)`` (:func:`cell_of`), or None.

    The line is inside one ruled row when its pieces are: the row most of them lie
    in, and each other piece a letter alone, a mark or a speck (:data:`_MARK_OR_SPECK`)
    whose box reaches into that row's band (within ``slack``).
    A tone mark drawn over a cell's first line stands above the rule when the cell
    has no room over its text (``ที่`` under the rule, its ``่`` over it), and a
    speck where two rules cross (``.``) lies on the rule: they are the row's,
    whose other pieces would otherwise stay lines across the cells. None when a
    piece lies in no ruled cell, or outside that row.
    """
    cells = [cell_of((p.left + p.right) / 2, (p.top + p.bottom) / 2, rules, slack)
             for p in line.pieces]
    if any(c is None for c in cells):
        return None
    found = [c for c in cells if c is not None]
    keys = [c[0] for c in found]
    key = max(keys, key=keys.count)
    top, bottom = key[0], key[1]
    out: list[Place] = []
    for place, piece in zip(found, line.pieces, strict=True):
        if place[0] != key:
            if (len(piece.text) > 1 and not _MARK_OR_SPECK.fullmatch(piece.text)) \
                    or piece.bottom < top - slack or piece.top > bottom + slack:
                return None  # a word of another row: a line across rows (two columns)
            y = min(max((piece.top + piece.bottom) / 2, top + 1), bottom - 1)  # in the row
            moved = cell_of((piece.left + piece.right) / 2, y, rules, slack)
            if moved is None or moved[0] != key:
                return None
            place = moved
        out.append(place)
    return out

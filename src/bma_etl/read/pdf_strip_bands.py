"""The row band of each page of a sheet printed in column strips, "down, then over".

Stage: read (runs in the PDF worker process). Used by
:func:`.pdf_strips.find_strips` once the twins of cut text have linked some pages to
the page of the strip before that holds the same rows.

Calc prints no page that would hold nothing: a row band whose cells in a strip's
columns are all empty (a plan's title rows, written in column A alone, leave the
second strip's first band empty) is left out, so a later strip may open on its
second band or its fourth, and the number of row bands is not the distance from
the first linked page back to its twin's page. :func:`down_then_over` places the
pages by their rows instead: the first strip holds every band (column A holds
every heading), each later page stands in a later band of its strip, or in a later
strip, than the page before it, a page whose cut text has twins in the strip before
stands in its twin's band, and the rows of a page stand at the heights of its
band's rows in the first strip: the edges of its rows where cell borders or grid
lines draw them (:func:`rules_alike`), else its text (:func:`rows_alike`; a wrapped
cell's next lines stand where no first-strip row does, so the share is a score, not
a test). A later page with text but no rules is not placed so: most bands have rows
at the sheet's common row height, and a page of months or arrows fits several alike
(placed in another table's band, its text ran on into that table's cells); the
document is then left to :func:`.pdf_strips.find_strips`' count of bands. Of the
ways to place them the one whose pages' rows agree best wins, each band left out
costing :data:`LEFT_OUT`: where the rows agree no worse, nothing is left out.
"""

from __future__ import annotations

from bma_etl.read.pdf_forms import Box
from bma_etl.read.pdf_tables import rules_of

#: A page's rows agree with a band's when this share of its text boxes stand at the
#: heights of the band's first-strip rows; a page scores its share less this.
AGREE = 0.5
#: What each row band taken as left out (printed by no page of its strip) costs.
LEFT_OUT = 0.25
#: Two level rules stand at one height when this close (points: each strip draws them
#: alike), and a page placed by its rules has at least this many.
RULE_PT = 1.0
MIN_RULES = 3
#: Two text boxes stand on one row when their bottoms are this close (points).
ROW_PT = 3.0


def rows_alike(page: list[Box], band: list[Box]) -> float:
    """The share of ``page``'s text boxes whose bottoms stand at those of ``band``'s (0..1)."""
    if not page:
        return 0.0
    heights = sorted(box[1] for box in band)
    return sum(any(abs(h - box[1]) <= ROW_PT for h in heights) for box in page) / len(page)


def level_rules(paths: list[Box]) -> list[float]:
    """The heights (points) of the level rules among a page's paths (their boxes)."""
    return [height for height, _, _ in rules_of(paths).horizontal]


def rules_alike(page: list[float], band: list[float]) -> float | None:
    """The share of ``page``'s level rules at the heights of ``band``'s (0..1).

    A sheet's cell borders and grid lines are drawn on every strip at the heights of
    its rows' edges, and rows differ in height (a wrapped cell makes its row taller):
    the rules tell a band of rows from another where text heights do not (a page of a
    month column stands on rows at a common row height, as do most bands). None when
    either page has fewer than :data:`MIN_RULES` rules.
    """
    if len(page) < MIN_RULES or len(band) < MIN_RULES:
        return None
    heights = sorted(band)
    return sum(any(abs(h - y) <= RULE_PT for h in heights) for y in page) / len(page)


def down_then_over(pages: list[list[Box]], links: dict[int, tuple[int, float]],
                   rules: list[list[float]] | None = None
                   ) -> dict[int, tuple[int, int]] | None:
    """Each page's ``(row band, strip)``, or None when no placing keeps every link.

    ``pages``: each page's text boxes; ``links``: page -> (the page of the strip before
    that holds its cut text's twins, shift); ``rules``: each page's level rules
    (:func:`level_rules`), if known, which place a page by its rows' edges when both
    it and the band have them (:func:`rules_alike`). The first strip is the pages before the
    first linked page, less at most as many as its twin's band (pages of the second
    strip before it); each count is tried (see module) and the best placing kept.
    """
    first = min(links)
    twin = links[first][0]
    if rules is None or any(pages[b] and len(rules[b]) < MIN_RULES
                            for b in range(first - twin, len(pages)) if b not in links):
        # rows of text alone do not tell a band (most stand at a common row height):
        # such pages are left to the count of bands (:func:`.pdf_strips.find_strips`)
        return None
    best: tuple[float, dict[int, tuple[int, int]]] | None = None
    alike: dict[tuple[int, int], float] = {}  # (page, band) -> rows_alike less AGREE
    for b in range(first - twin, len(pages)):
        for band in range(min(b, first + 1)):
            by_rules = None if rules is None else rules_alike(rules[b], rules[band])
            if by_rules is not None:
                alike[b, band] = by_rules - AGREE
            else:
                alike[b, band] = rows_alike(pages[b], pages[band]) - AGREE if pages[b] else 0.0
    for bands in range(first - twin, first + 1):
        if twin >= bands:
            continue
        placed = _placed(len(pages), links, bands, alike)
        if placed is not None and (best is None or placed[0] > best[0] + 1e-9):
            best = placed
    return None if best is None else best[1]


def _placed(count: int, links: dict[int, tuple[int, float]], bands: int,
            alike: dict[tuple[int, int], float]
            ) -> tuple[float, dict[int, tuple[int, int]]] | None:
    """The best placing of ``count`` pages after a first strip of ``bands``, and its score.

    Each later page takes a slot ``(strip - 1) * bands + band``, the slots rising page by
    page; a page linked to a first-strip page takes that page's band in the second
    strip. ``alike``: (page, band) -> how well the page's rows agree with the band's.
    None when a link is broken.
    """
    later = list(range(bands, count))
    if not later:
        return None
    slots = len(later) * bands
    gain = [[alike[b, band] for band in range(bands)] for b in later]
    low = float("-inf")
    score: list[list[float]] = []
    back: list[list[int]] = []
    for i, b in enumerate(later):
        row, came = [low] * slots, [-1] * slots
        # the best of score[i - 1][q'] + LEFT_OUT * q' over the slots q' < q (a slot -1
        # before the first page's), and that slot
        best, at = (-LEFT_OUT, -1) if i == 0 else (low, -1)
        fixed = links.get(b)
        for q in range(slots):
            if i and q and score[i - 1][q - 1] > low:
                value = score[i - 1][q - 1] + LEFT_OUT * (q - 1)
                if value > best:
                    best, at = value, q - 1
            if best == low or (fixed is not None and fixed[0] < bands and q != fixed[0]):
                continue  # (linked to a first-strip page: its band, the second strip)
            row[q] = best - LEFT_OUT * (q - 1) + gain[i][q % bands]
            came[q] = at
        score.append(row)
        back.append(came)
    end = max(range(slots), key=lambda q: score[-1][q])
    if score[-1][end] == low:
        return None
    place = {b: (b, 0) for b in range(bands)}
    q = end
    for i in range(len(later) - 1, -1, -1):
        place[later[i]] = (q % bands, q // bands + 1)
        q = back[i][q]
    for b, (a, _) in links.items():
        if a not in place or place[b] != (place[a][0], place[a][1] + 1):
            return None
    # a first-strip page stands on its own band's rows: it scores as one that agrees whole
    return score[-1][end] + (1.0 - AGREE) * bands, place

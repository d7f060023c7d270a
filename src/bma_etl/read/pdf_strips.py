"""A spreadsheet printed without page set-up: its column strips put side by side again.

Stage: read (runs in the PDF worker process). A sheet wider than the paper,
printed as it is, goes to the printer in column strips: the columns that fit
on the first page (a form's label column), then the next columns on later
pages, the rows of each page the same in every strip. Read page by page, a
label and its value stand on different pages. Calc and Excel print "down,
then over" by default (every row band of the first strip, then every row band
of the next); "over, then down" (the strips of the first row band, then the
next band) is an option of both.

:func:`find_strips` recognises such a document from what is on its pages, never
from the program that wrote it: a cell whose text runs over into the next
column (a heading merged over the sheet's width) is drawn on each strip it
crosses, cut by the strip's edges, so the later strip's page holds a text
object that starts left of the page (x < 0) and the earlier strip's page the
same object (the same height, width and baseline) further right. Those twins
tell which pages hold the same rows (the same distance apart every time:
the number of row bands, "down, then over", or 1, "over, then down") and how
far right each strip stands on the sheet. The first strip's pages hold no such
cut text (nothing stands left of the sheet's first column). :func:`wide_page`
then draws a row band's strips side by side on one wide page in memory, each
where it stands on the sheet, and takes away the copies a strip draws of a cell
that an earlier strip draws whole, so the page is read as if printed fit to
width: each line holds its label and value cells in order. A document without
twins is left as read.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, replace
from statistics import median
from typing import Any

from bma_etl.read.pdf_forms import Box, box_through
from bma_etl.read.pdf_open import TextObject, page_shapes
from bma_etl.read.pdf_strip_bands import down_then_over, level_rules

#: Two text objects are the same cell's text drawn twice when their heights and
#: widths agree within this (points: each strip draws it with the same matrix).
TWIN_PT = 0.25
#: ... and the twins of one strip cut stand this close (points) to one shift.
SHIFT_PT = 0.5
#: Shortest shift (points) taken for a strip's width (a column is wider than this).
MIN_SHIFT = 10.0
#: A strip placed by a bands' width seen in one band only (no twin of its own) must
#: have this share of its text objects within :data:`ROW_PT` points of the height of
#: one on the strip before (a row's cells stand on one baseline; a glyph's box
#: reaches below it by a descender).
SAME_ROWS = 0.8
ROW_PT = 3.0
#: Room (points) left between two strips when no twin measured how far apart they stand.
GAP = 12.0


@dataclass(frozen=True, slots=True)
class Strips:
    """A document's pages as row bands of column strips.

    ``bands``: per row band, its pages (0-based) left to right; ``shifts``: per
    row band, how far right (points) each of its pages stands on the sheet
    (the first 0.0); ``drops``: per page, its text boxes that an earlier strip
    draws whole; ``by_rows``: the pages were placed by their rows' rules
    (:func:`.pdf_strip_bands.down_then_over`), so each strip may be set where the
    one before was cut (:func:`printed_shifts`); else each stays where the sheet has
    it (a page the count of bands put in another band stays apart from its text).
    """

    bands: list[list[int]]
    shifts: list[list[float]]
    drops: dict[int, list[Box]]
    by_rows: bool = False


def text_boxes(page: Any, rules: list[float] | None = None) -> list[Box]:
    """The boxes of the text objects a pdfium page draws (points, the page's space).

    ``rules``: if given, receives the heights (points) of the page's level rules (a
    sheet's cell borders and grid lines: :func:`.pdf_strip_bands.rules_alike`).
    """
    import pypdfium2.raw as pdfium_c

    texts: list[TextObject] = []
    paths, _ = page_shapes(page, texts)
    if rules is not None:
        rules += level_rules(paths)
    corners = [ctypes.c_float() for _ in range(4)]
    boxes = []
    for _, obj, to_page in texts:
        if pdfium_c.FPDFPageObj_GetBounds(obj, *corners):
            box = (corners[0].value, corners[1].value, corners[2].value, corners[3].value)
            boxes.append(box if to_page is None else box_through(to_page, box))
    return boxes


def _twin(box: Box, other: Box) -> float | None:
    """How far right ``other`` stands of ``box`` when it is the same text object drawn again."""
    if abs(box[1] - other[1]) > TWIN_PT or abs(box[3] - other[3]) > TWIN_PT \
            or abs((box[2] - box[0]) - (other[2] - other[0])) > TWIN_PT:
        return None
    shift = other[0] - box[0]
    return shift if shift >= MIN_SHIFT else None


Heights = dict[int, list[Box]]


def _by_height(boxes: list[Box]) -> Heights:
    """A page's boxes by their bottom, in steps of a point (a twin is looked for nearby)."""
    out: Heights = {}
    for box in boxes:
        out.setdefault(round(box[1]), []).append(box)
    return out


def _twins(box: Box, page: Heights) -> set[float]:
    """The shifts to every twin of ``box`` among a page's boxes (:func:`_by_height`)."""
    low = round(box[1])
    return {s for key in (low - 1, low, low + 1) for other in page.get(key, ())
            if (s := _twin(box, other)) is not None}


def find_strips(pages: list[list[Box]], rules: list[list[float]] | None = None
                ) -> Strips | None:
    """The row bands and strips of a sheet printed without page set-up, or None.

    ``pages``: each page's text boxes (:func:`text_boxes`), all pages the same size
    and upright. A page holding text cut at its left edge goes on from the earlier
    page holding most of that text's twins (the nearest of equals: a cell merged
    over three strips is drawn on all three); the pages of the first strip hold
    none. "Down, then over" (the first such page goes on from a page other than
    the one just before it): the first strip's pages are the row bands, and each
    later page is the row band after the page before it (the next strip after the
    last band) unless its twins place it. "Over, then down" (every such page goes
    on from the page just before it): the bands are as many pages each as the
    twins allow (:func:`_strips_across`), else a page without cut text starts one.
    ``rules``: each page's level rules (:func:`text_boxes`), if known. None when no
    page holds such text or two pages fall in one place.
    """
    links: dict[int, tuple[int, float]] = {}  # page -> (the page it goes on from, shift)
    heights = [_by_height(boxes) for boxes in pages]
    for b, boxes in enumerate(pages):
        best: tuple[int, int, float] | None = None  # (twins, page, shift)
        cut = [box for box in boxes if box[0] < 0.0]
        for a in range(b if cut else 0):
            # each cut box's shifts to its twins on page a; the shift most boxes share
            shifts = [found for box in cut if (found := _twins(box, heights[a]))]
            counted: dict[int, int] = {}  # shift (in steps of SHIFT_PT) -> boxes, give or take one
            for found in shifts:
                for key in {k + step for shift in found
                            for k in (round(shift / SHIFT_PT),) for step in (-1, 0, 1)}:
                    counted[key] = counted.get(key, 0) + 1
            if counted:
                key = max(counted, key=lambda k: (counted[k], -k))
                if best is None or (counted[key], a) > best[:2]:
                    near = [x for found in shifts for x in found
                            if abs(round(x / SHIFT_PT) - key) <= 1]
                    best = (counted[key], a, median(near))
        if best is not None:
            links[b] = best[1:]
    if not links:
        return None
    first = min(links)
    place: dict[int, tuple[int, int]] = {}  # page -> (row band, strip)
    if all(b - a == 1 for b, (a, _) in links.items()):  # over, then down
        across = _strips_across(len(pages), set(links))
        # a width the twins show in one band only holds when the pages it places
        # without a twin stand on their band's rows
        if across is not None and len({b // across for b in links}) < 2 and not all(
                _same_rows(pages[b], pages[b - 1]) for b in range(len(pages))
                if b % across and b not in links and pages[b]):
            across = None
        row = -1
        for b in range(len(pages)):
            if b in links or (across is not None and b % across):
                place[b] = (row, place[b - 1][1] + 1)
            else:
                row += 1
                place[b] = (row, 0)
    else:  # down, then over
        placed = down_then_over(pages, links, rules)  # (pages left out: :mod:`.pdf_strip_bands`)
        if placed is not None:
            rowed = _bands(pages, placed, links)
            return None if rowed is None else replace(rowed, by_rows=True)
        rows = first - links[first][0]  # the first page of the second strip is row band 0
        if links[first][0] >= rows:
            return None
        row, strip = -1, 0
        for b in range(len(pages)):
            if b in links:
                a = links[b][0]
                if a not in place:
                    return None
                row, strip = place[a][0], place[a][1] + 1
            elif b < rows:
                row, strip = b, 0
            else:
                row, strip = (row + 1, strip) if row + 1 < rows else (0, strip + 1)
            place[b] = (row, strip)
    if len(set(place.values())) < len(place) or any(place[b][1] == 0 for b in links):
        return None
    return _bands(pages, place, links)


def _same_rows(page: list[Box], before: list[Box]) -> bool:
    """Whether nearly all of a page's text stands at the heights of the page before's rows."""
    heights = _by_height(before)
    beside = sum(any(abs(other[1] - box[1]) <= ROW_PT for key in range(
        round(box[1]) - round(ROW_PT) - 1, round(box[1]) + round(ROW_PT) + 2)
        for other in heights.get(key, ())) for box in page)
    return beside >= SAME_ROWS * len(page)


def _strips_across(n: int, linked: set[int]) -> int | None:
    """Pages per row band when each band's strips follow one another (over, then down).

    ``linked``: the pages whose cut text goes on from the page just before. The
    fewest pages per band that puts no linked page first in a band, more than the
    longest run of linked pages; None when none does (Calc leaves out a page with
    nothing on it, so the bands may not be alike).
    """
    run = longest = 0
    for b in range(n):
        run = run + 1 if b in linked else 0
        longest = max(longest, run)
    return next((width for width in range(longest + 1, n + 1)
                 if all(b % width for b in linked)), None)


def _bands(pages: list[list[Box]], place: dict[int, tuple[int, int]],
           links: dict[int, tuple[int, float]]) -> Strips | None:
    """The row bands of ``place`` (page -> row band, strip) with each strip's shift."""
    widths: dict[int, list[float]] = {}  # strip -> the shifts twins measured for it
    for b, (a, shift) in links.items():
        if place[a][1] == place[b][1] - 1:
            widths.setdefault(place[b][1], []).append(shift)
    rows: dict[int, list[int]] = {}
    for b, (row, _) in sorted(place.items(), key=lambda item: item[1]):
        rows.setdefault(row, []).append(b)
    bands, shifts = [], []
    drops: dict[int, list[Box]] = {}
    for row in sorted(rows):
        band = rows[row]
        x, xs = 0.0, [0.0]
        for c in range(1, len(band)):
            before, page = pages[band[c - 1]], pages[band[c]]
            strip = place[band[c]][1]
            if band[c] in links and links[band[c]][0] == band[c - 1]:
                step = links[band[c]][1]
            elif strip in widths and place[band[c - 1]][1] == strip - 1:
                step = median(widths[strip])
            else:  # no twin measured this cut: the strip right of the earlier one's text
                step = max((box[2] for box in before), default=0.0) + GAP \
                    - min((box[0] for box in page), default=0.0)
            x += step
            xs.append(x)
            earlier = _by_height(before)
            drops[band[c]] = [box for box in page
                              if any(abs(s - step) <= SHIFT_PT for s in _twins(box, earlier))]
        bands.append(band)
        shifts.append(xs)
    return Strips(bands, shifts, drops)


def printed_shifts(band: list[int], shifts: list[float], boxes: list[list[Box]],
                   drops: dict[int, list[Box]], width: float, pull: bool = True
                   ) -> tuple[list[float], float]:
    """A row band's strips set side by side as the pages show them, and the wide page's width.

    ``band``, ``shifts``, ``drops``: one row band of :class:`Strips`; ``boxes``: every
    page's text boxes (:func:`text_boxes`); ``width``: the pages' width (points). A
    column wider than the paper (a sheet's column A sized to its long headings) is
    printed cut at the page's margin, and the next strip begins at the next column:
    set where the sheet has it, the next strip's cells would stand a blank gulf right
    of the cut column, two tables side by side (each line's cells read apart from its
    first). Each strip goes on where the one before was cut (the right margin taken as
    wide as the left), unless text the cut hid runs on under it (a cell's text is
    drawn whole and clipped: read as written, it stays where the sheet has it) on a row
    where the strip has text. The width (points) reaches the band's furthest text and a
    margin. ``pull``: False leaves each strip where the sheet has it (pages the count
    of bands placed, not their rules: :attr:`Strips.by_rows`).
    """
    margin = min((box[0] for box in boxes[band[0]] if box[0] >= 0.0), default=0.0)
    kept = [[box for box in boxes[page] if box not in drops.get(page, [])] for page in band]
    ends = [max((box[2] for box in page), default=margin) for page in kept]
    if not pull:
        reach = max((shift + box[2] for page, shift in zip(kept, shifts, strict=True)
                     for box in page), default=width)
        return list(shifts), reach + margin
    out = [shifts[0]]
    for c in range(1, len(shifts)):
        # the text of the strip before that stands on a row of this strip's text (a
        # heading's, alone on its row, runs on over this strip's empty cells)
        beside = max((box[2] for box in kept[c - 1] if any(
            min(box[3], other[3]) > max(box[1], other[1]) for other in kept[c])),
                     default=margin)
        shown = max(width - 2 * margin, beside + GAP - margin)
        out.append(out[-1] + min(shifts[c] - shifts[c - 1], shown))
    reach = max([shift + end for shift, end in zip(out, ends, strict=True) if end > margin]
                or [width])
    return out, reach + margin


def wide_page(wide: Any, pdf: Any, band: list[int], shifts: list[float],
              drops: dict[int, list[Box]], size: tuple[float, float]
              ) -> tuple[Any, tuple[float, float]]:
    """A new page of the pdfium document ``wide`` with the row band's strips side by side.

    ``pdf``: the document the pages come from; ``band``, ``shifts``, ``drops``: one
    row band of :class:`Strips`; ``size``: the wide page's width and height
    (points: the band's text and a margin). Each page is drawn as a form XObject
    moved right by its shift, without the text objects of ``drops``. Returns the
    page and its size.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    width = max(size[0], shifts[-1] + 1.0)
    page = wide.new_page(width, size[1])
    corners = [ctypes.c_float() for _ in range(4)]
    for index, shift in zip(band, shifts, strict=True):
        form = pdf.page_as_xobject(index, wide).as_pageobject()
        gone = drops.get(index, [])
        if gone:
            handle = form.raw
            doomed = []
            for i in range(pdfium_c.FPDFFormObj_CountObjects(handle)):
                obj = pdfium_c.FPDFFormObj_GetObject(handle, i)
                if obj and pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_TEXT \
                        and pdfium_c.FPDFPageObj_GetBounds(obj, *corners):
                    box = tuple(c.value for c in corners)
                    if any(all(abs(a - b) <= TWIN_PT for a, b in zip(box, drop, strict=True))
                           for drop in gone):
                        doomed.append(obj)
            for obj in doomed:
                if pdfium_c.FPDFFormObj_RemoveObject(handle, obj):
                    pdfium_c.FPDFPageObj_Destroy(obj)
        form.transform(pdfium.PdfMatrix().translate(shift, 0.0))
        page.insert_obj(form)
    page.gen_content()
    return page, (width, size[1])

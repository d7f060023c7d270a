"""Every page's text layer, read with pdfium in the worker process.

Stage: read. :func:`read_layers` turns a PDF's bytes into one :class:`PageLayer` per page as the
reader counts pages: a sheet holding two pages side by side (2-up; :mod:`.pdf_sheets`) gives two,
its left page then its right, a sheet of four (4-up; :mod:`.pdf_quarters`) four, its upper row
first, and a page set in columns (:mod:`.pdf_multicolumn`) one per column, left to right; a web
page's side column (:mod:`.pdf_side_column`) is read apart, its text after the document's. A page's
number in provenance is its place in that order (1-based): on a document printed 2-up from its
first sheet, sheet k holds pages 2k - 1 and 2k, the numbers the pages had before they were imposed.
:attr:`PageLayer.sheet` keeps the PDF page a page was read from and :attr:`PageLayer.clip` the part
of it, so OCR renders the same part. A spreadsheet printed without page set-up, its columns in
strips on pages of their own (:mod:`.pdf_strips`), gives one wide page per row band. A box a
browser printed over every page's body (a fixed banner: :mod:`.pdf_overlays`) is found in a first
reading, and the document is read again from its bytes without it.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from itertools import pairwise
from typing import Any

from bma_etl.errors import ReadError
from bma_etl.read.pdf_break_words import breaks_at_words
from bma_etl.read.pdf_breaks import closed, join_cut_rows, mark_open, sheet_printed
from bma_etl.read.pdf_clip_cells import park_hidden, unparked
from bma_etl.read.pdf_columns import with_columns
from bma_etl.read.pdf_cutrows import join_cut_row
from bma_etl.read.pdf_edge_lines import edge_lines, rejoined
from bma_etl.read.pdf_flat_fields import flat_values_placed
from bma_etl.read.pdf_forms import Box
from bma_etl.read.pdf_glyph_codes import remember_page
from bma_etl.read.pdf_glyphs import Glyphs
from bma_etl.read.pdf_hidden import without_hidden_lines
from bma_etl.read.pdf_justified import with_spread_lines
from bma_etl.read.pdf_kind import draws_text, image_cover, invisible_only, not_its_text
from bma_etl.read.pdf_layout import TextLine, page_lines
from bma_etl.read.pdf_lost_spaces import Blanks
from bma_etl.read.pdf_margins import first_text_line, last_text_line
from bma_etl.read.pdf_multicolumn import column_cuts
from bma_etl.read.pdf_open import TextObject, open_pdf
from bma_etl.read.pdf_overlays import Key, boxes_over_text, repeated_overlays, take_off
from bma_etl.read.pdf_page import (
    in_reading_order,
    line_pitches,
    with_blank_lines,
    with_side_by_side,
)
from bma_etl.read.pdf_page_layer import PageLayer, PageRead
from bma_etl.read.pdf_quarters import Cuts, quarters
from bma_etl.read.pdf_sheets import keep_part, left_only, sheet_gutter
from bma_etl.read.pdf_side_column import after_side, read_apart, side_column
from bma_etl.read.pdf_sides import closed_sides
from bma_etl.read.pdf_stamps import SmallType, small_type, stamps, take_stamp, under
from bma_etl.read.pdf_strikes import without_strikes
from bma_etl.read.pdf_strips import find_strips, printed_shifts, text_boxes, wide_page
from bma_etl.read.pdf_tables import page_shapes, rules_of, with_table_rows
from bma_etl.read.pdf_tabstops import with_tab_stops
from bma_etl.read.pdf_twins import twins_apart
from bma_etl.read.pdf_under_heads import under_heads
from bma_etl.read.pdf_upright import Frame, put_back, stored_frame, upright
from bma_etl.read.pdf_watermark import TextSizes, without_watermarks
from bma_etl.read.pdf_widgets import draw_form_values
from bma_etl.read.pdf_wrap_words import writer_rules_of
from bma_etl.read.pdf_wraps import spaced_wraps, with_written_ends, wrapped_lines, wraps_over_breaks
from bma_etl.read.scan_sheets import scan_sheet

#: Fewer non-blank characters than this and a page has no usable text layer; if it draws
#: UNREAD_GLYPHS glyphs (mapped to control codes: Ghostscript's rewrite), it is read by OCR.
MIN_CHARS_PER_PAGE = 20
UNREAD_GLYPHS = 4 * MIN_CHARS_PER_PAGE


def read_layers(data: bytes, name: str, page_limit: int = 1000) -> list[PageLayer]:
    """Every page's text layer, a sheet of two pages as two (runs in the worker process).

    The limits are passed in: the worker's environment is the one it started with.
    Raises ReadError for a PDF over ``page_limit`` pages or a page pdfium cannot load.
    """
    import pypdfium2 as pdfium

    pdf = open_pdf(data, name)
    try:
        if len(pdf) > page_limit:
            raise ReadError(f"{name}: {len(pdf)} pages, over the limit of {page_limit} pages "
                            "for one PDF (split the file, or raise BMA_ETL_MAX_PAGES)")
        unplaced = draw_form_values(pdf, MIN_CHARS_PER_PAGE)  # a filled form's values: text
        # (below: the two keys asked alone, not eight lookups)
        writer = f"{pdf.get_metadata_value('Producer')} {pdf.get_metadata_value('Creator')}"
        at_spaces, fills, uncut = *writer_rules_of(pdf, writer), sheet_printed(writer)

        def load(index: int) -> Any:
            try:  # (its index kept for .pdf_glyph_codes; a flattened form's values placed)
                return remember_page(flat_values_placed(pdf[index]), index)
            except pdfium.PdfiumError as exc:
                raise ReadError(f"{name}: page {index + 1} cannot be loaded ({exc}); "
                                "the PDF is damaged") from None

        turns: dict[int, int] = {}  # how the pages stored with each /Rotate turned
        # each page's frame as stored and its size as shown (a page loaded again is turned)
        frames: dict[int, tuple[Frame, tuple[float, float]]] = {}

        def shown(index: int) -> Any:  # a page loaded again, turned as first read
            page = load(index)
            frame = frames[index][0]
            if stored_frame(page) != frame:  # pdfium kept the frame as shown, not the turn
                put_back(page, frame)
                upright(page, turns)
            return page

        def read_all(drop: frozenset[Key]) -> list[PageRead]:
            """Every page read, the furniture boxes ``drop`` taken off (.pdf_overlays)."""
            pages: list[PageRead] = []
            last: tuple[float, tuple[float, float]] | None = None  # the last cut, on its sheet
            last4: tuple[Cuts, tuple[float, float]] | None = None  # the last 4-up cuts, likewise
            set_in: tuple[list[float], tuple[float, float]] | None = None  # last column cuts
            for index in range(len(pdf)):
                page = load(index)
                try:
                    frame = stored_frame(page)
                    size = upright(page, turns)  # a page stored rotated reads as it is shown
                    frames[index] = frame, size
                    whole, read, shapes = _read_page(page, size, at_spaces, index,
                                                     drop=drop)
                    parts: list[Box] = []
                    aside: Box | None = None
                    if whole.has_images and size[0] > size[1]:  # a scan: the cut from its ink
                        scanned = scan_sheet(page, size, last)
                        if scanned is not None:
                            pages.extend(_scan_halves(index, size, *scanned))
                            if len(scanned[1]) == 2:
                                last = (scanned[0], size)
                            continue
                    else:
                        cut = sheet_gutter(read, shapes, *size)
                        if cut is not None:
                            last, parts = (cut, size), [(0.0, 0.0, cut, size[1]),
                                                        (cut, 0.0, size[0], size[1])]
                        elif last is not None and last[1] == size \
                                and left_only(read, shapes, last[0], *size):
                            # a sheet like the last one cut, with a page in its left half only
                            parts = [(0.0, 0.0, last[0], size[1])]
                        else:  # four pages to a sheet, two rows of two
                            four = quarters(read, shapes, *size, last4[0] if last4 is not None
                                            and last4[1] == size else None)
                            if four is not None:
                                last4, parts = (four[0], size), four[1]
                            else:  # one page set in columns: each column read as a page
                                cuts = column_cuts(read, shapes, *size, set_in[0] if set_in
                                                   is not None and set_in[1] == size else None)
                                set_in = (cuts, size) if cuts else None
                                edges = [0.0, *(cuts or ()), size[0]]
                                parts = [(low, 0.0, high, size[1]) for low, high in
                                         pairwise(edges)] if len(edges) > 2 else []
                                aside = None if parts else side_column(read, shapes, *size)
                finally:
                    page.close()
                if not parts and aside is not None:
                    apart = read_apart(shown, index, aside, size, partial(
                        _read_lines, at_spaces=at_spaces, sheet=index, drop=drop))
                    pages.extend([apart[0], replace(apart[1], beside=True)] if apart else [whole])
                    continue
                if not parts:
                    pages.append(whole)
                    continue
                for part in parts:  # pages on one sheet: each read alone, in reading order
                    page = shown(index)
                    try:
                        # the sheet as first read: keep_part leaves its part's boxes on the page
                        kept = keep_part(page, part, size)
                        pages.append(_read_page(page, kept, at_spaces, index, part,
                                                drop=drop)[0])
                    finally:
                        page.close()
            if len(pages) == len(pdf) and all(page.clip is None for page in pages):
                for k, keys in stamps([page.small for page in pages]).items():
                    page = shown(k)  # a footer drawn over the body: read again without it
                    try:
                        pages[k] = _read_page(page, frames[k][1], at_spaces, k, stamp=keys,
                                              drop=drop)[0]
                    finally:
                        page.close()
            return pages

        pages = read_all(frozenset())
        drop = repeated_overlays((page.sheet, page.overlays) for page in pages)
        if drop:  # a banner printed over every page's body: read again without it, from
            pdf.close()  # the file (reading a page's part set its crop box in the document)
            pdf = open_pdf(data, name)
            draw_form_values(pdf, MIN_CHARS_PER_PAGE)
            turns.clear()
            frames.clear()
            pages = read_all(drop)
        if any(page.cut for page in pages) and len(pages) == len(pdf):
            pages = _strips_joined(pdf, pages, at_spaces)
        laid = _laid_out(pages, at_spaces, fills, uncut, breaks_at_words(writer))
        return [replace(layer, unplaced=unplaced.pop(layer.sheet, ())) for layer in laid]
    finally:
        pdf.close()


def _strips_joined(pdf: Any, pages: list[PageRead], at_spaces: bool) -> list[PageRead]:
    """The pages, one wide page per row band when they are a sheet's column strips.

    :mod:`.pdf_strips` finds the strips; the pages are returned as they are when
    there are none, or when the pages differ in size or are stored turned.
    """
    import pypdfium2 as pdfium

    boxes, sizes = [], set()
    rules: list[list[float]] = []
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            sizes.add((page.get_width(), page.get_height(), page.get_rotation()))
            rules.append([])
            boxes.append(text_boxes(page, rules[-1]))
        finally:
            page.close()
    if len(sizes) != 1:
        return pages
    width, height, turned = sizes.pop()
    strips = None if turned else find_strips(boxes, rules)
    if strips is None:
        return pages
    wide = pdfium.PdfDocument.new()
    try:
        out = []
        for band, sheet_shifts in zip(strips.bands, strips.shifts, strict=True):
            shifts, reach = printed_shifts(band, sheet_shifts, boxes, strips.drops, width,
                                           strips.by_rows)
            page, size = wide_page(wide, pdf, band, shifts, strips.drops, (reach, height))
            try:
                out.append(_read_page(page, size, at_spaces, band[0])[0])
            finally:
                page.close()
        return out
    finally:
        wide.close()


def _scan_halves(index: int, size: tuple[float, float], cut: float,
                 sides: tuple[int, ...]) -> list[PageRead]:
    """The pages of a scanned sheet cut at ``cut``: no text, each its part of the sheet."""
    return [PageRead([], True, 0, 0, 0.0, cut if side == 0 else size[0] - cut, 0, index,
                  (0.0, 0.0, cut, size[1]) if side == 0 else (cut, 0.0, size[0], size[1]))
            for side in sides]


def _read_lines(page: Any, size: tuple[float, float], part: Box | None = None, *,
                at_spaces: bool, sheet: int, drop: frozenset[Key] = frozenset()
                ) -> tuple[PageRead, list[TextLine]]:
    """:func:`_read_page`'s page and lines as pdfium gave them (:func:`.read_apart`)."""
    return _read_page(page, size, at_spaces, sheet, part, drop=drop)[:2]


def _read_page(page: Any, size: tuple[float, float], at_spaces: bool, sheet: int,
               clip: Box | None = None, stamp: frozenset[Any] = frozenset(),
               drop: frozenset[Key] = frozenset()
               ) -> tuple[PageRead, list[TextLine], list[Box]]:
    """One page's lines in reading order; also its lines as pdfium gave them, and its shapes.

    ``stamp``: the keys of a running footer drawn over the body (:mod:`.pdf_stamps`),
    read as a line under the page's last; ``drop``: the keys of a banner printed over
    every page's body (:mod:`.pdf_overlays`), taken off with its text.
    """
    texts: list[TextObject] = []
    blanks: list[Box] = []
    forms: list[Any] = []
    boxes: list[tuple[Any, Box]] = []
    order: list[tuple[int, Any, Box]] = []
    paths, pictures = page_shapes(page, texts, blanks, forms, boxes, order)
    over_text = boxes_over_text(page, boxes, order, size[1])
    if drop and over_text:
        take_off(page, over_text, drop, texts, boxes, paths, order, blanks)
    sizes = TextSizes.kept(page, texts)  # every object placed and measured once a page
    small = small_type(texts, boxes, sizes) if clip is None else SmallType()
    footer = take_stamp(page, texts, boxes, stamp) if stamp else None
    cells: list[tuple[Any, Box, Box]] = []  # text objects a cell's clip cuts
    without_hidden_lines(page, texts, boxes, cells)  # marks of a line the clip hides: not text
    struck, strokes = without_strikes(page, texts, paths, boxes)  # deleted words: not text
    rules, cut = closed(closed_sides(rules_of([path for path in paths if path not in strokes])))
    # before pdfium collects the characters (a struck word's line closed up: asked again)
    without_watermarks(page, texts, None if strokes else sizes)
    twins_apart(page, boxes)  # a line that repeats the one above: no copy to drop
    parked = park_hidden(page, cells, blanks, rules, size[1])  # a cell's lines its clip hides
    written = Blanks(blanks) if blanks else None  # spaces LibreOffice wrote apart
    textpage, over = page.get_textpage(), list[str]()
    try:  # taking watermarks off adds no form: a page that had none has none
        drawn = textpage.count_chars()
        read = unparked(with_written_ends(page_lines(
            g := Glyphs(textpage, bool(forms)), rules.vertical, blanks=written,
            overprints=over), written), parked)
        if g.frames:  # a missing-glyph box's frame is no table's rule
            rules, cut = closed(closed_sides(rules_of(g.unframed(paths, strokes))))
    finally:
        textpage.close()
    loose = sum(line.loose_marks for line in read)  # before rows merge lines
    with_tab_stops([read])  # cells at default tab stops, however little room before them
    with_spread_lines(read)  # a justified line's few words spread to the margin: one cell
    apart = edge_lines(read, size[1])  # a running header or footer: in no table's row
    kept = [line for k, line in enumerate(read) if k not in apart] if apart else read
    rows = [*with_table_rows(kept, rules, at_spaces), *(rejoined(read[k]) for k in apart)]
    if footer is not None:
        rows.append(under(footer, read))
    lines = in_reading_order(mark_open(rows, rules, cut, kept), rules.vertical)
    chars = sum(len("".join(line.text.split())) for line in lines)
    cover, ocr_layer = 0.0, False
    if chars < MIN_CHARS_PER_PAGE:  # a scan, text drawn as outlines or in glyphs of no text
        has_images = bool(pictures) or draws_text(paths) or drawn >= UNREAD_GLYPHS
    else:  # the images are measured only when the layer is in doubt
        has_images, ocr_layer = False, bool(pictures) and invisible_only(texts)
        if ocr_layer or (pictures and not_its_text("\n".join(ln.text for ln in lines))):
            cover = image_cover(page, pictures, size)
    out = PageRead(lines, has_images, sum(line.unmapped for line in lines),
                sum(line.am_tails for line in lines), cover, size[0] + page.get_bbox()[0],
                loose, sheet, clip, any(line.left < 0.0 for line in read if line.text.strip()),
                any(line.recoded for line in read), rules.horizontal, struck, small,
                overprints=tuple(over), ocr_layer=ocr_layer,
                overlays=tuple((key, under) for key, under, _ in over_text))
    return out, read, paths + pictures


def _laid_out(pages: list[PageRead], at_spaces: bool, fills: bool,
              uncut: bool = False, icu: bool = False) -> list[PageLayer]:
    """The pages' layers, with the steps that look across pages (cut rows, line pitches).

    ``uncut``: a spreadsheet's print, whose page breaks cut no row; ``icu``: a writer
    that breaks Thai at ICU's dictionary words (Chromium). A page's side column
    (:attr:`PageRead.beside`) is laid out alone, its text after the document's last line
    (a page's text may go on on the next page; the side column's is set apart).
    """
    sides: dict[int, PageRead] = {}
    bodies: list[PageRead] = []
    for page in pages:
        if page.beside and bodies:
            sides[len(bodies) - 1] = page
        else:
            bodies.append(page)
    pages = bodies
    if not uncut:  # a row a page break cut: one row again (a spreadsheet cuts none)
        join_cut_rows([page.lines for page in pages], icu)
    pitches = line_pitches([page.lines for page in [*pages, *sides.values()]])
    laid_out = [under_heads(with_columns(
        with_blank_lines(with_side_by_side(page.lines, pitches, page.rules), pitches),
        borderless=True, pitches=pitches,
        before=last_text_line(pages[k - 1].lines) if k else None,
        after=first_text_line(pages[k + 1].lines) if k + 1 < len(pages) else None))
        for k, page in enumerate(pages)]
    for k in range(1, 1 if uncut else len(laid_out)):  # a borderless row cut: one again
        laid_out[k] = join_cut_row(laid_out[k - 1], laid_out[k], pitches)
    # a page's last line that goes on on the next page, past its foot and running header
    over = wraps_over_breaks(laid_out, [page.width for page in pages], pitches, fills,
                             fills and not at_spaces)
    layers = []
    for k, (laid, page, carried) in enumerate(zip(laid_out, pages, over, strict=True)):
        wraps = wrapped_lines(laid, page.width, fills, fills and not at_spaces)
        spaced = spaced_wraps(laid, wraps, page.width, at_spaces, fills)
        if carried is not None:
            wraps.append(carried)
            if at_spaces:  # (a space-wrapping writer: the break stands for a space)
                spaced.append(carried)
        if k in sides:  # its side column's counts; its text after the document's
            side = sides[k]
            page = replace(page, unmapped=page.unmapped + side.unmapped,
                           am_tails=page.am_tails + side.am_tails, loose=page.loose + side.loose,
                           struck=page.struck + side.struck)
        if k == len(pages) - 1:
            for side in sides.values():
                laid, wraps, spaced = after_side(laid, wraps, spaced, side.lines, side.rules,
                                                 pitches, (side.width, fills, at_spaces))
        layers.append(PageLayer("\n".join(line.text for line in laid), page.has_images,
                                tuple(wraps), page.unmapped, page.am_tails, page.cover,
                                page.loose, tuple(spaced), page.sheet, page.clip,
                                page.recoded, page.struck, page.overprints, page.ocr_layer))
    return layers

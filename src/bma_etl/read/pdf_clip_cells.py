"""A spreadsheet cell's lines its clip hides: read apart, and given back to their cell.

Stage: read (runs in the PDF worker process; a step of :func:`.pdf_layers._read_page`
around :func:`.pdf_layout.page_lines`; y in points, up the page). Excel and Calc keep
a row at the height it was given: a cell set to wrap whose text needs more lines than
its row holds draws its later lines on down the page, each a line pitch under the
last, through the cell's clip (a rectangle, the cell's box), which hides them. The
text layer keeps them. Where rows are one line pitch tall, a hidden line stands on
the next row's own line, or past it, or under the table's bottom rule: pdfium ran
its letters into that row's (``กรุงเทพมห โครงการอาาหนครทุกแห่ง ารกลางวัน``), and by
where it stands it went on another row's cell, or on no row.

The cell's full text is what the sheet holds; the clip is only the print. A text
object whose baseline its clip hides (:data:`HIDDEN_EM`) and whose clip is a ruled
table's cell is moved, before pdfium reads the page, far under the page, in a band
of its cell's own (:func:`park_hidden`): pdfium reads its lines apart from every
other. Those lines are then put back where they stood, each marked with its clip's
box (:attr:`.pdf_line.TextLine.clip`; :func:`unparked`), and
:func:`.pdf_tables.with_table_rows` puts them in the cell that box is, after the
cell's own lines above them.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bma_etl.read.pdf_forms import Box
from bma_etl.read.pdf_line import TextLine, replaced

if TYPE_CHECKING:
    from bma_etl.read.pdf_tables import Rules

#: A text object whose baseline stands this many font sizes or more under its clip's
#: bottom, or less than this under its top, draws its letters (their middle stands
#: about this high over the baseline) where the clip hides them.
HIDDEN_EM = 0.35
#: Where a line's letters stand (font sizes over its baseline), by which a ruled row
#: holds it on a page whose cells' clips hid lines: there a row may be shorter than
#: its line, its text drawn on its bottom rule or just under it
#: (:func:`.pdf_tables.with_table_rows`).
BODY_EM = 0.25
#: Most cells whose hidden lines are read apart on one page (each takes a band of
#: its own under the page: pdfium's float coordinates lose precision far away).
MAX_CELLS = 300
#: Room (points) between two cells' bands, beyond twice the page's height.
BAND_ROOM = 1000.0


@dataclass(frozen=True, slots=True)
class Parked:
    """Where a page's hidden cell lines were moved: band ``k`` lies ``(k + 1) * step`` down.

    ``middle``: half the page's height (points): an unmoved line stands within a page's
    height of it; ``clips``: each band's cell, its clip's box (left, bottom, right, top).
    """

    step: float
    middle: float
    clips: tuple[Box, ...]


def park_hidden(page: Any, cells: list[tuple[Any, Box, Box]], blanks: list[Box],
                rules: Rules, height: float) -> Parked | None:
    """Move far under the page each text object a ruled cell's clip hides; where, or None.

    ``page``: a pypdfium2 ``PdfPage`` (or its raw handle), before its text page is
    made; ``cells``: its own text objects clipped to a cell, with their boxes and
    their clips' boxes (:func:`.pdf_hidden.without_hidden_lines`); ``blanks``: its
    blank objects' boxes (:class:`.pdf_lost_spaces.Blanks`), to which the moved
    blanks' new boxes are added; ``rules``: its rules (the clip's middle must lie in
    a ruled cell: :func:`.pdf_tables.cell_at`); ``height``: the page's (points).
    Objects inside forms are not among ``cells``. None when none was moved.
    """
    if not cells:
        return None
    import pypdfium2.raw as pdfium_c

    from bma_etl.read.pdf_tables import cell_at  # (it reads the lines this module marks)

    matrix, size = pdfium_c.FS_MATRIX(), ctypes.c_float()
    step = 2 * height + BAND_ROOM
    bands: dict[Box, int] = {}
    for obj, box, clip in cells:
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix) \
                or not pdfium_c.FPDFTextObj_GetFontSize(obj, size):
            continue
        em = size.value * abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
        y, reach = matrix.f, HIDDEN_EM * em
        if em <= 0.0 or clip[1] - reach < y < clip[3] - reach:
            continue  # drawn in view
        band = bands.get(clip)
        if band is None:
            if len(bands) >= MAX_CELLS \
                    or cell_at((clip[0] + clip[2]) / 2, (clip[1] + clip[3]) / 2, rules) is None:
                continue
            band = bands[clip] = len(bands)
        down = -(band + 1) * step
        pdfium_c.FPDFPageObj_Transform(obj, 1.0, 0.0, 0.0, 1.0, 0.0, down)
        if box[0] == box[2] and box[1] == box[3]:  # a written space, moved with its line
            blanks.append((box[0], box[1] + down, box[2], box[3] + down))
    return Parked(step, height / 2, tuple(bands)) if bands else None


def unparked(lines: list[TextLine], parked: Parked | None) -> list[TextLine]:
    """``lines`` with each line read in a band of ``parked`` put back where it was drawn.

    Such a line gets its band's clip (:attr:`.pdf_line.TextLine.clip`); its baseline
    and its cells' (:attr:`~.pdf_line.TextLine.heights`) move back up; x is untouched.
    """
    if parked is None:
        return lines
    out = []
    for line in lines:
        y = line.baseline
        band = round((parked.middle - y) / parked.step) - 1 if y is not None else -1
        if y is None or not 0 <= band < len(parked.clips):
            out.append(line)
            continue
        up = (band + 1) * parked.step
        out.append(replaced(line, baseline=y + up, heights=tuple(h + up for h in line.heights),
                            clip=parked.clips[band]))
    return out

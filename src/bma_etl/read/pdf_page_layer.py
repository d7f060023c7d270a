"""One page's text layer as the PDF worker reads it, and the page before the document-wide steps.

Stage: read (the worker's records; :mod:`.pdf_layers` makes them, :mod:`.pdf` takes
:class:`PageLayer` back from the worker).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bma_etl.read.pdf_forms import Box
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_overlays import Found
from bma_etl.read.pdf_stamps import SmallType


@dataclass(frozen=True, slots=True)
class PageLayer:
    """What one page's text layer holds, as the worker read it."""

    text: str
    has_images: bool
    wraps: tuple[int, ...] = ()  # 0-based lines of ``text`` that go on in the next line
    unmapped: int = 0  # glyphs dropped for having no text mapping (pdf_layout)
    am_tails: int = 0  # of those, the second halves of split SARA AMs
    image_cover: float = 0.0  # share of the page under images (measured on doubtful layers)
    loose_marks: int = 0  # orphan marks over no letter: words wrapped in narrow cells, no damage
    spaced: tuple[int, ...] = ()  # of ``wraps``, the lines wrapped at a space (.pdf_wraps)
    sheet: int = 0  # the PDF page (0-based) this page was read from
    #: Of a sheet of two or four pages, the part this page is (left, bottom, right, top; points,
    #: the sheet as shown); None for a whole PDF page.
    clip: Box | None = None
    recoded: bool = False  # the layer was TIS-620 bytes shown as Latin-1, decoded as Thai
    #: Pieces of text struck through (deleted words of a tracked-changes print), dropped.
    struck: int = 0
    overprints: tuple[str, ...] = ()  # cells of text over text, as read (.pdf_overprint)
    ocr_layer: bool = False  # every text object invisible: an OCR program's (.pdf_kind)
    #: Filled form fields left at their boxes, on no line (:func:`.pdf_widgets.draw_form_values`).
    unplaced: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PageRead:
    """One page's lines and measures, before the document-wide steps."""

    lines: list[TextLine]
    has_images: bool
    unmapped: int
    am_tails: int
    cover: float
    width: float  # x of its right edge (points, its text's space: a crop box may start past 0)
    loose: int
    sheet: int
    clip: Box | None = None
    cut: bool = False  # a line starts left of the page (a cell cut at a strip's edge: .pdf_strips)
    recoded: bool = False
    #: The page's horizontal rules, ``(y, left, right)`` (points), after its tables' open
    #: ends were closed (:func:`.pdf_breaks.closed`).
    rules: tuple[tuple[float, float, float], ...] = ()
    struck: int = 0  # text objects taken off for a line through them (.pdf_strikes)
    #: Its small-type text (a running footer drawn over the body: :mod:`.pdf_stamps`).
    small: SmallType = field(default_factory=SmallType)
    beside: bool = False  # the side column of the page before (.pdf_side_column), read after it
    overprints: tuple[str, ...] = ()  # cells of text over text, as read (.pdf_overprint)
    ocr_layer: bool = False
    overlays: Found = ()  # its boxes with text painted over text (.pdf_overlays)

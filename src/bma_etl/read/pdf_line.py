"""A text line of a PDF page, and how much white space an alignment spread into it.

Stage: read (runs in the PDF worker process). :class:`TextLine` is what
:func:`.pdf_layout.page_lines` makes of one line; :func:`spread` measures, on a
line whose white-space runs an alignment widened evenly (Word's Thai distributed
justification printed by LibreOffice widens every space of every line, a one-line
label included, until it reaches the right margin; a browser's justified line
does the same), how much wider than its natural width the line is drawn, so that
:func:`.pdf_wraps.wrapped_lines` judges a line full by the width its words need.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import MISSING, dataclass, fields
from operator import attrgetter
from typing import Any, TypeVar

#: A line is spread when each of its white-space runs is at least this many font
#: sizes wider than the widest natural space (a space run stands between the ink of
#: two words: the space's advance and the letters' side bearings, 0.24-0.34 em in
#: the TLWG fonts and Sarabun, 0.5 in Umpush, 0.6-0.68 in Waree as LibreOffice sets it).
SPREAD_EM = 0.3
#: ... and its runs are this many font sizes or less apart in width (an alignment
#: gives every space of a line the same extra; the columns of a table row stand
#: wherever their cells start).
EVEN_EM = 0.15
#: The widest natural space (font sizes): Garuda's is 0.34 em, Umpush's 0.5. pdfium
#: gives a font's advances by glyph index, not by character, so a run is measured
#: against this rather than the font's own space.
MAX_SPACE_EM = 0.5
#: Fewest white-space runs that show a line spread (one wide run is as likely two
#: cells of a row, a label and its value, as one spread space).
MIN_RUNS = 2


_T = TypeVar("_T")


def _filled_directly(cls: type[_T]) -> type[_T]:
    """``cls`` (a frozen dataclass with slots) with an ``__init__`` that fills each slot itself.

    The same signature and defaults as the one :func:`dataclasses.dataclass` writes,
    which sets every field through ``object.__setattr__`` (a frozen class refuses
    its own): twice the cost of setting the slots, and a page makes a line per
    line of text. Every field must have no default or a plain one (no factory).
    """
    names, params = [], []
    scope: dict[str, object] = {}
    for field in fields(cls):  # type: ignore[arg-type]
        names.append(field.name)
        scope[f"_set_{field.name}"] = getattr(cls, field.name).__set__
        if field.default is MISSING:
            params.append(field.name)
        else:
            scope[f"_default_{field.name}"] = field.default
            params.append(f"{field.name}=_default_{field.name}")
    source = f"def __init__(self, {', '.join(params)}):\n" + "".join(
        f"    _set_{name}(self, {name})\n" for name in names)
    exec(source, scope)  # the source is made of the class's own field names
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    setattr(cls, "__init__", init)  # noqa: B010
    # and a copy with some fields changed (:func:`replaced`): all fields read at once
    _FIELDS[cls] = attrgetter(*names), {name: k for k, name in enumerate(names)}
    return cls


#: Per class made by :func:`_filled_directly`: its fields' values read at once, and
#: each field's place among them.
_FIELDS: dict[type, tuple[Callable[[Any], tuple[Any, ...]], dict[str, int]]] = {}


def replaced(line: _T, **changes: Any) -> _T:
    """:func:`dataclasses.replace` (the same result), faster for a :class:`TextLine`.

    ``dataclasses.replace`` walks the class's field list on every call; a page's
    passes copy lines with a field or two changed thousands of times. TypeError
    for a name that is no field, as ``replace`` raises.
    """
    made = _FIELDS.get(type(line))
    if made is None:
        return dataclasses.replace(line, **changes)  # type: ignore[type-var]
    values = list(made[0](line))
    for name, value in changes.items():
        at = made[1].get(name)
        if at is None:
            raise TypeError(f"{type(line).__name__} has no field {name!r}")
        values[at] = value
    return type(line)(*values)


@_filled_directly
@dataclass(frozen=True, slots=True)
class TextLine:
    """One line of a text page: its text, baseline height and font size (0 if unknown)."""

    text: str
    baseline: float | None = None
    size: float = 0.0
    cells: tuple[float, ...] = ()  # x of each tab-separated cell's first character
    left: float = 0.0  # x of the left edge of its first character
    right: float = 0.0  # x of the right edge of its last character
    first_word: float = 0.0  # width of its first word (up to the first space)
    last_word: float = 0.0  # width of its last word (after the last space)
    #: Whether the line ends in a space, written or made up by pdfium for the pen's
    #: advance: LibreOffice keeps the space a line was wrapped at when it fits before
    #: the margin (:func:`.pdf_wraps.spaced_wraps`).
    spaced_end: bool = False
    table: tuple[int, ...] | None = None  # a ruled row's table (:func:`.pdf_tables.table_ids`)
    unmapped: int = 0  # glyphs dropped from the line for having no text mapping
    am_tails: int = 0  # of those, glyphs right after a SARA AM (its split second half)
    depth: float = 0.0  # how far below ``baseline`` its lowest piece stands (side-by-side cells)
    #: Baseline of each cell's first character (pdfium may put cells at different
    #: heights on one line).
    heights: tuple[float, ...] = ()
    #: Orphan marks drawn over no letter: a word wrapped in a narrow cell, not
    #: damage (:func:`.pdf_clusters.loose_marks`).
    loose_marks: int = 0
    #: x of the right edge of each cell's last character (a cell's true extent:
    #: the next cell may start far to its right).
    ends: tuple[float, ...] = ()
    #: Whether each cell ends in a space the PDF wrote (LibreOffice keeps the space a
    #: cell's line was wrapped at; the last cell's is :attr:`spaced_end`).
    spaces: tuple[bool, ...] = ()
    #: A ruled table row the page cut: no rule of its own closes it above (it goes
    #: on from the page before) or below (it goes on on the next page); see
    #: :mod:`.pdf_breaks`.
    open_above: bool = False
    open_below: bool = False
    #: Of a page's last ruled table row: whether each cell's text runs down to the
    #: row's bottom rule (a cell a page break cut goes on there; see :mod:`.pdf_breaks`).
    reach: tuple[bool, ...] = ()
    #: Of that row: per cell, the width (points) its last line leaves before the cell's
    #: right padding (a word that fitted there was not wrapped to the next line).
    room: tuple[float, ...] = ()
    #: Of a page's first ruled table row: per cell, the width (points) of the first word
    #: of its first line as drawn (that word did not fit a cut row's last line).
    lead: tuple[float, ...] = ()
    #: Of each white-space run inside the text (in order): where the text before it
    #: ends and the text after it starts (points); empty when unknown.
    gaps: tuple[tuple[float, float], ...] = ()
    #: How much wider (points) than its natural width an alignment drew the line,
    #: spread evenly over its white space (:func:`spread`); ``right - spread`` is
    #: where it would end set flush left.
    spread: float = 0.0
    #: Whether its page's text was TIS-620 bytes shown as Latin-1, decoded as Thai.
    recoded: bool = False
    #: Of a row joined from cells side by side (:func:`.pdf_page.with_side_by_side`): per
    #: cell, the two sides of each white-space run when the cell is one piece of one line
    #: (:attr:`gaps` of that piece), else empty (see :func:`.pdf_cutcells.cell_spaces`).
    cell_gaps: tuple[tuple[tuple[float, float], ...], ...] = ()
    #: Letters the pen moved on to with no white space before them (:mod:`.pdf_jumps`): the
    #: offset of each into :attr:`text` as :func:`.pdf_layout.page_lines` made it (a line
    #: whose text changed since may hold stale ones: only :func:`.pdf_tabstops.with_tab_stops`
    #: reads them), where the text before it ends and where it starts (points).
    jumps: tuple[tuple[int, float, float], ...] = ()
    #: A spreadsheet cell's line its clip hides, drawn past the cell's rule: that clip's
    #: box, left, bottom, right, top (points; :mod:`.pdf_clip_cells`). None: drawn in view.
    clip: tuple[float, float, float, float] | None = None

    @property
    def natural_right(self) -> float:
        """Where (x, points) the line would end without the alignment's spread."""
        return self.right - self.spread


def spread(runs: list[float], size: float) -> float:
    """How much an alignment widened a line's white space (points; 0.0 when it did not).

    ``runs``: the width (points) of each white-space run between two words of the
    line (written or generated spaces, tabs), from the ink before to the ink
    after; ``size``: the font size drawn (points). The line is spread when it has
    :data:`MIN_RUNS` runs or more at least :data:`SPREAD_EM` wider than the widest
    natural space, all within :data:`EVEN_EM` of each other (a narrower run is a
    space no alignment widens, a no-break space); the spread is then what they hold
    beyond a space each (a space taken :data:`MAX_SPACE_EM` wide, the widest a Thai
    font's own space is, so a ragged line in a wide-spaced font is not spread).
    """
    if len(runs) < MIN_RUNS or size <= 1.0:
        return 0.0
    space = MAX_SPACE_EM * size
    wide = [run for run in runs if run >= space + SPREAD_EM * size]
    if len(wide) < MIN_RUNS or max(wide) - min(wide) > EVEN_EM * size:
        return 0.0
    return sum(wide) - space * len(wide)


#: Thai marks drawn over or under a letter: no advance of their own.
THAI_MARKS = frozenset("\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B)))
                       + "".join(map(chr, range(0x0E47, 0x0E4F))))
#: The most a mark hangs left of the pen that set it (font sizes): its ink's width.
MARK_HANG_EM = 0.5


def pen_left(text: str, left: float, right: float, size: float = 0.0) -> float:
    """Where the pen stood for a piece of a line (x, points): its ``left`` edge, mostly.

    A Thai mark has no advance: it is drawn left of the pen, over the letter before
    it. A piece that opens with marks (a line breaker of a cell too narrow for a
    letter set ``ลำดับท`` / ``ี่`` or ``ลำด`` / ``ับ``, the marks cut from their letter)
    hangs left of where it was set, over its cell's left rule. Marks alone: the pen
    stood at its ``right`` edge (0.0 or less than ``left``: unknown, the left edge is
    kept); marks then letters: at most :data:`MARK_HANG_EM` font sizes (``size``,
    points; 0.0: unknown, the left edge is kept) right of its left edge.

    >>> pen_left("ี่", 117.7, 127.7), pen_left("ท", 127.7, 140.2), pen_left("ี่", 117.7, 0.0)
    (127.7, 127.7, 117.7)
    >>> pen_left("ับ", 118.0, 135.0, 18.0), pen_left("ับ", 118.0, 135.0)
    (127.0, 118.0)
    """
    piece = text.strip()
    if not piece or piece[0] not in THAI_MARKS:
        return left
    if all(c in THAI_MARKS for c in piece):
        return right if right > left else left
    return min(right, left + MARK_HANG_EM * size) if right > left and size > 0.0 else left


def cells_apart(one: TextLine, other: TextLine) -> bool:
    """Whether no cell of ``one`` stands over a cell of ``other`` (their x extents).

    Lines side by side are apart, and so are lines whose cells interleave: a filled
    form's values, drawn after its labels, stand in the gaps of their labels' line
    (:mod:`.pdf_widget_lines`). A line whose cells are unknown is one cell from its
    left to its right edge.
    """
    if one.left >= other.right or other.left >= one.right:
        return True
    spans = [_cell_spans(one), _cell_spans(other)]
    return not any(a < d and c < b for a, b in spans[0] for c, d in spans[1])


def _cell_spans(line: TextLine) -> list[tuple[float, float]]:
    """Each cell's x extent (points), from its first character to its last one's right edge."""
    if len(line.cells) < 2 or len(line.ends) != len(line.cells):
        return [(line.left, line.right)]
    return [(start, max(start, end)) for start, end in zip(line.cells, line.ends, strict=True)]

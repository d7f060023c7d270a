"""A running footer or header a browser drew over the body: taken off, put at the page's foot.

Stage: read (a helper of :mod:`.pdf_layers`). A browser prints an element of fixed
position (CSS ``position: fixed``) on every page at one place, which need not be the
margin: Chromium, a landscape page, ``bottom: -14mm``, drew a plan's running footer
``แผนปฏิบัติการประจำปี ๒๕๖๘ สำนักงานเขตลาดกระบัง หน้า`` a third of the way down,
over the title on one page and over a table's total row on the next. pdfium then puts
its letters in the line they cross (a title joined to the footer by a tab; a table
row of ``แผนปฏิ``, ``2568`` and ``า``). The page furniture rules
(:mod:`bma_etl.furniture`) know a running footer at a page's edge only.

A stamp is a run of text objects, in small type (:data:`SMALL` of the page's median
size or less), drawn on one line at the very same place and size (:data:`SAME_PT`)
on two pages or more and on half the pages or more, :data:`MIN_WIDTH` wide or more,
with the page's body text both above and below its bottom and top (a stamp in a
margin, above or below all the body, is left to the edge rules). On each page it
stands so, its objects are taken off before the page is read (in memory) and its
text comes back as one line under the page's last line, where
:func:`bma_etl.furniture.furniture_lines` finds it repeated and names it furniture.
"""

from __future__ import annotations

import ctypes
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median
from typing import Any

from bma_etl.read.pdf_forms import Box, remove_objects
from bma_etl.read.pdf_line import TextLine
from bma_etl.read.pdf_open import TextObject
from bma_etl.read.pdf_watermark import TextSizes, _box

#: Text set this share of the page's median size or less is small type (a footer's).
SMALL = 0.85
#: Two objects stand at the same place when their boxes and sizes round alike to this (points).
SAME_PT = 0.5
#: A stamp's run is this wide or wider (points): no stray mark or lone digit.
MIN_WIDTH = 20.0

#: A stamp's run is one line: its ink this many of its sizes high or less.
LINE_EMS = 2.0

_Key = tuple[float, float, float, float, float]


@dataclass(frozen=True, slots=True)
class SmallType:
    """One page's text objects in small type, and how far its other text reaches."""

    keys: tuple[_Key, ...] = ()  # each small object's rounded box and size
    low: float = 0.0  # the lowest bottom of the page's other text (points)
    high: float = 0.0  # the highest top of the page's other text (points)


def _key(box: Box, size: float) -> _Key:
    """A box and size rounded to :data:`SAME_PT`."""
    left, bottom, right, top = (round(v / SAME_PT) * SAME_PT for v in box)
    return left, bottom, right, top, round(size / SAME_PT) * SAME_PT


def _sized(texts: list[TextObject], sizes: TextSizes | None = None
           ) -> list[tuple[TextObject, float]]:
    """Each text object with its size as drawn (points); one pdfium cannot measure left out.

    ``sizes``: the objects' :class:`.pdf_watermark.TextSizes`, when measured already.
    """
    if sizes is None:
        sizes = TextSizes(texts)
    points = sizes.points
    out = []
    for text in texts:
        size = points[sizes.row(text)]
        if size is not None and size > 0:
            out.append((text, size))
    return out


def small_type(texts: list[TextObject], boxes: Sequence[tuple[Any, Box]] = (),
               sizes: TextSizes | None = None) -> SmallType:
    """The page's small-type text objects (see :class:`SmallType`).

    ``texts``: the page's text objects as :func:`.pdf_open.page_shapes` found them;
    ``boxes``: its own ones with their boxes, from the same walk, whose boxes are
    not asked of pdfium again (one call per object through pypdfium2's bindings,
    checked and converted, cost more than the rest of this); ``sizes``: the objects'
    :class:`.pdf_watermark.TextSizes`, when measured already (asked here when None).
    """
    sized = _sized(texts, sizes)
    if len(sized) < 2:
        return SmallType()
    body = median(points for _, points in sized)
    keys, low, high = [], math.inf, -math.inf
    known = {id(obj): box for obj, box in boxes}
    for text, points in sized:
        found = known.get(id(text[1])) if text[0] is None and text[2] is None else None
        box = found if found is not None else _box(text)
        if points <= SMALL * body:  # (a space drawn as an object of its own: no area)
            keys.append(_key(box, points))
        else:
            low, high = min(low, box[1]), max(high, box[3])
    if not keys or low > high:
        return SmallType()
    return SmallType(tuple(keys), low, high)


def stamps(pages: list[SmallType]) -> dict[int, frozenset[_Key]]:
    """Per page (0-based), the keys of a stamp that stands among the page's body text.

    Pages with none are left out (see the module docstring).
    """
    if len(pages) < 2:
        return {}
    seen = Counter(key for page in pages for key in set(page.keys))
    least = max(2, math.ceil(len(pages) / 2))
    out = {}
    for k, page in enumerate(pages):
        run = [key for key in page.keys if seen[key] >= least]
        if not run:
            continue
        inked = [key for key in run if key[3] > key[1]]
        if not inked:
            continue
        left, right = min(key[0] for key in inked), max(key[2] for key in inked)
        low, high = min(key[1] for key in inked), max(key[3] for key in inked)
        # one line, its marks above and below included
        if right - left < MIN_WIDTH or high - low > LINE_EMS * max(key[4] for key in inked):
            continue
        if page.low < low and page.high > high:  # body text above and below it
            out[k] = frozenset(run)
    return out


def take_stamp(page: Any, texts: list[TextObject], boxes: list[tuple[Any, Box]],
               keys: frozenset[_Key]) -> TextLine | None:
    """Take the stamp's objects off ``page`` (in memory); its text as a line (no baseline yet).

    ``page``: a pypdfium2 ``PdfPage``; a text page must be made after this call.
    ``texts`` and ``boxes``: the page's text objects as :func:`.pdf_open.page_shapes`
    found them, the stamp's taken out of both. None when none of its objects is on the page.
    """
    import pypdfium2.raw as pdfium_c

    found = [(text, points) for text, points in _sized(texts)
             if _key(_box(text), points) in keys]
    if not found:
        return None
    textpage = page.get_textpage()
    parts = []
    try:
        for (_form, obj, _matrix), _points in found:
            count = pdfium_c.FPDFTextObj_GetText(obj, textpage.raw, None, 0)
            if count <= 2:
                continue
            buffer = (ctypes.c_ushort * (count // 2 + 1))()
            pdfium_c.FPDFTextObj_GetText(obj, textpage.raw, buffer, count)
            parts.append(bytes(buffer).decode("utf-16-le", "ignore").split("\x00")[0])
    finally:
        textpage.close()
    gone = {id(text) for text, _ in found}
    handles = {ctypes.cast(text[1], ctypes.c_void_p).value for text, _ in found}
    texts[:] = [text for text in texts if id(text) not in gone]
    boxes[:] = [pair for pair in boxes
                if ctypes.cast(pair[0], ctypes.c_void_p).value not in handles]
    remove_objects(getattr(page, "raw", page), [text for text, _ in found])
    words = " ".join("".join(parts).split())
    if not words:
        return None
    drawn = [_box(text) for text, _ in found]
    size = max(points for _, points in found)
    left, right = min(box[0] for box in drawn), max(box[2] for box in drawn)
    return TextLine(words, None, size, cells=(left,), left=left, right=right, ends=(right,))


def under(line: TextLine, lines: list[TextLine]) -> TextLine:
    """``line`` set on a baseline under the page's last line (two of its own pitches)."""
    bases = [other.baseline for other in lines if other.baseline is not None and other.text.strip()]
    base = max(0.0, min(bases, default=2 * line.size) - 2 * max(line.size, 1.0))
    return TextLine(line.text, base, line.size, cells=line.cells, left=line.left,
                    right=line.right, ends=line.ends, heights=(base,))


__all__ = ["SmallType", "small_type", "stamps", "take_stamp", "under"]

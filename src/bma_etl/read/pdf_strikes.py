"""Struck-through (deleted) text taken off a page before its characters are read.

Stage: read (a helper of :mod:`.pdf_layers`, in the worker). A Word draft printed with
its tracked changes shown (LibreOffice ``soffice --convert-to pdf``, Word's own print)
draws a deletion as the deleted text with a line through it, and an insertion
underlined; HTML's ``<del>`` and ``<s>`` print struck the same way. The struck words
are not the document's text as it stands (``น.ส.ธนากร ... (ร่าง)`` read for the
person's name, ``2863 (ร่าง)`` for an agency), so a text object is taken off the page in
memory (never the file) before its text page is made when a stroke crosses it:

* the stroke is a path no thicker than :data:`STROKE_EM` of the text's size (a
  stroked line or a thin filled rectangle), running along the baseline;
* its middle stands between :data:`LOW_EM` and :data:`HIGH_EM` font sizes above
  the object's baseline: through the letters' bodies, where a line-through is
  drawn. An underline stands at or below the baseline, a table's rule along a
  cell's edge, clear of the letters: neither drops anything;
* the strokes over it (a deletion's line is drawn in pieces, one per run) cover
  :data:`COVERED` of the object's width: a word struck inside a longer piece of
  text leaves that piece as it is (kept, not half read); and they end with the
  text they cross (:data:`PAST_EM`): a rule runs on past a big watermark's letters.

A mark of a struck word drawn as an object of its own above the line (a browser's
tone mark) goes with it (:func:`_marks_under`), and the words after a deletion inside
a line are moved over the hole it left (:func:`closed_up`), so it reads as one space,
not a gap between cells. The strokes themselves are given back so the caller leaves
them out of the page's rules (a thin line-through is not a row's border).
"""

from __future__ import annotations

import ctypes
import math
from bisect import bisect_left, bisect_right
from typing import Any, cast

from bma_etl.read.pdf_forms import Box, apply, box_through, remove_objects
from bma_etl.read.pdf_open import TextObject

#: A stroke is no thicker than this many font sizes (its box, line width included).
STROKE_EM = 0.3
#: A stroke's middle stands at least this many font sizes above the baseline ...
LOW_EM = 0.1
#: ... and at most this many: between the baseline and the top of the letters' bodies.
HIGH_EM = 0.6
#: Share of a text object's width the strokes over it cover for it to be struck.
COVERED = 0.9
#: Paths thicker than this (points) are never strokes (a 40 pt heading's line-through
#: is under 4 pt): the quick test that leaves most pages' text objects unasked.
THICKEST = 6.0
#: A stroke runs on at most this many font sizes past the text it crosses (a rule runs on).
PAST_EM = 0.6
#: Struck objects this many font sizes apart or closer are one deleted span; the words
#: after a span are moved over it while each stands this close to the last.
JOINED_EM = 1.0
#: A path this narrow or narrower (points) is a vertical rule: words are not moved over it.
THIN_RULE = 2.5


def without_strikes(page: Any, texts: list[TextObject], paths: list[Box],
                    boxes: list[tuple[Any, Box]] | None = None) -> tuple[int, list[Box]]:
    """Take struck text objects off ``page``; how many, and the paths that struck them.

    ``page``: a pypdfium2 ``PdfPage`` (or its raw handle), upright, before its text
    page is made; ``texts`` and ``paths``: its text objects and path boxes (points),
    as :func:`.pdf_open.page_shapes` found them; ``boxes``: its page-level text
    objects with their boxes. The objects taken off are removed from ``texts`` and
    ``boxes`` in place (they are destroyed). An object pdfium cannot place stays.
    """
    thin = sorted((path for path in paths if 0.0 < path[3] - path[1] <= THICKEST
                   and path[2] - path[0] > path[3] - path[1]), key=_middle)
    if not thin:
        return 0, []
    handle = getattr(page, "raw", page)
    middles = [_middle(path) for path in thin]
    # asked: the page's own objects a thin path crosses (``boxes`` holds every one
    # pdfium can place) and every object inside a form
    known: dict[int, Box] = {} if boxes is None else \
        {id(boxes[k][0]): boxes[k][1] for k in _near_paths(boxes, thin)}
    asked = texts if boxes is None else \
        [text for text in texts if text[0] is not None or id(text[1]) in known]
    crossed: list[tuple[TextObject, list[Box], Box, tuple[float, float]]] = []
    for text in asked:
        crossing, placed, box = _strokes_over(text, thin, middles, known.get(id(text[1])))
        if crossing and placed is not None and box is not None:
            crossed.append((text, crossing, box, placed))
    rules = _beyond(crossed, _uprights(paths))
    struck: list[TextObject] = []
    strokes: dict[Box, tuple[float, float]] = {}  # a stroke: the baseline and size it struck
    words: list[tuple[Box, float, float]] = []  # a struck object's box, baseline and size
    for text, crossing, box, placed in crossed:
        if any(stroke not in rules for stroke in crossing):
            struck.append(text)
            strokes.update(dict.fromkeys(crossing, placed))
            words.append((box, *placed))
    if not struck:
        return 0, []
    struck += _marks_under(texts, struck, strokes)
    gone = {id(text[1]) for text in struck}
    texts[:] = [text for text in texts if id(text[1]) not in gone]
    if boxes is not None:
        boxes[:] = [(obj, box) for obj, box in boxes if id(obj) not in gone]
    closed_up(texts, _spans(words), [path for path in paths if path[2] - path[0] <= THIN_RULE])
    return remove_objects(handle, struck), sorted(strokes)


def _near_paths(boxes: list[tuple[Any, Box]], thin: list[Box]) -> list[int]:
    """The indices of ``boxes`` whose box a thin path's middle crosses, in order.

    ``boxes``: the page's own text objects with their boxes; ``thin``: its thin
    paths (points). One pass of numpy over the page: a path whose middle height
    lies strictly inside an object's box and whose span overlaps the box's
    (:func:`_strokes_over`'s first test), so that an object no path crosses is
    never asked for its baseline or font size.
    """
    if not boxes:
        return []
    import numpy as np

    own = np.array([box for _, box in boxes], dtype=np.float64)
    paths = np.array(thin, dtype=np.float64)
    middles = (paths[:, 1] + paths[:, 3]) / 2
    near = ((middles > own[:, 1:2]) & (middles < own[:, 3:4])
            & (paths[:, 0] < own[:, 2:3]) & (own[:, 0:1] < paths[:, 2])).any(axis=1)
    return cast(list[int], np.flatnonzero(near).tolist())


def _beyond(crossed: list[tuple[TextObject, list[Box], Box, tuple[float, float]]],
            uprights: list[Box] | None = None) -> set[Box]:
    """The paths that run on past the text they cross, or across a column's rule: rules.

    ``crossed``: each text object a thin path crosses, those paths, its box and its
    baseline and size; ``uprights``: the page's vertical rules (:func:`_uprights`). A
    line through deleted words ends with them; a table's rule through a big letter (a
    watermark's) runs on past it by more than :data:`PAST_EM`. A spreadsheet's row rule
    through a row whose text overflows it (Garuda's tall lines in Calc's default row
    height, text from the first column to the last) runs no farther than the text, but
    it crosses the rules between the columns (more than :data:`PAST_EM` from its ends),
    which a deletion's line, inside its cell or line of text, never does.
    """
    reach: dict[Box, list[float]] = {}  # a path: the left and right of what it crosses
    for _text, crossing, box, (_baseline, size) in crossed:
        for path in crossing:
            ends = reach.setdefault(path, [box[0], box[2], size])
            ends[:] = min(ends[0], box[0]), max(ends[1], box[2]), min(ends[2], size)
    return {path for path, (left, right, size) in reach.items()
            if path[0] < left - PAST_EM * size or path[2] > right + PAST_EM * size
            or _across_column(path, PAST_EM * size, uprights or [])}


def _uprights(paths: list[Box]) -> list[Box]:
    """The page's vertical rules: paths no wider than :data:`THIN_RULE`, taller than wide."""
    return [path for path in paths
            if path[2] - path[0] <= THIN_RULE and path[3] - path[1] > THIN_RULE]


def _across_column(path: Box, inside: float, uprights: list[Box]) -> bool:
    """Whether a vertical rule crosses ``path`` more than ``inside`` points from its ends."""
    middle = _middle(path)
    return any(path[0] + inside < (rule[0] + rule[2]) / 2 < path[2] - inside
               and rule[1] < middle < rule[3] for rule in uprights)


def _marks_under(texts: list[TextObject], struck: list[TextObject],
                 strokes: dict[Box, tuple[float, float]]) -> list[TextObject]:
    """The other objects of a struck word: a mark above or below its letters.

    A browser draws each glyph as an object of its own, a tone mark or vowel above
    the letters clear of the line through them, and marks the cluster's text on it
    (``ร่`` read for a struck ``ร่าง``). An object on a stroke's baseline (within
    :data:`LOW_EM` of its size) whose middle lies along the stroke is struck too.
    """
    taken = {id(text[1]) for text in struck}
    out = []
    for text in texts:
        if id(text[1]) in taken:
            continue
        box = _bounds(text)
        if box is None or box[2] <= box[0]:
            continue
        middle = (box[0] + box[2]) / 2
        along = [(stroke, placed) for stroke, placed in strokes.items()
                 if stroke[0] <= middle <= stroke[2]
                 and box[1] - placed[1] < stroke[1] < box[3] + placed[1]]
        if not along:
            continue
        placed = _baseline(text[1], text[2])
        if placed is not None and any(abs(placed[0] - baseline) <= LOW_EM * size
                                      for _, (baseline, size) in along):
            out.append(text)
    return out


def _bounds(text: TextObject) -> Box | None:
    """A text object's bounds on the page (left, bottom, right, top; points); None if unknown."""
    import pypdfium2.raw as pdfium_c

    _form, obj, to_page = text
    corners = [ctypes.c_float() for _ in range(4)]
    if not pdfium_c.FPDFPageObj_GetBounds(obj, *corners):
        return None
    box: Box = (corners[0].value, corners[1].value, corners[2].value, corners[3].value)
    return box if to_page is None else box_through(to_page, box)


def _middle(path: Box) -> float:
    """A path's middle height (points)."""
    return (path[1] + path[3]) / 2


def _strokes_over(text: TextObject, thin: list[Box], middles: list[float],
                  bounds: Box | None = None
                  ) -> tuple[list[Box], tuple[float, float] | None, Box | None]:
    """The thin paths that strike ``text`` through, its baseline and size, its box.

    ``thin``: the page's thin paths by their middle height, ``middles`` those
    heights; ``bounds``: the text's box where already known. See the module
    docstring; [] if none; baseline and size as :func:`_baseline` gives them and
    the box (points), or None where not asked.
    """
    box = _bounds(text) if bounds is None else bounds
    if box is None or box[2] <= box[0]:
        return [], None, None
    left, bottom, right, top = box
    near = [path for path in thin[bisect_right(middles, bottom):bisect_left(middles, top)]
            if path[0] < right and left < path[2]]
    if not near:
        return [], None, None
    placed = _baseline(text[1], text[2])
    if placed is None:
        return [], None, None
    baseline, em = placed
    over = [path for path in near if path[3] - path[1] <= STROKE_EM * em
            and LOW_EM * em <= (path[1] + path[3]) / 2 - baseline <= HIGH_EM * em]
    struck = _covered(over, left, right) >= COVERED * (right - left)
    return (over if struck else []), placed, box


def _spans(words: list[tuple[Box, float, float]]) -> list[tuple[float, float, float, float]]:
    """Struck objects' boxes joined into the spans they left.

    ``words``: each struck object's box, baseline and size (points). A span is
    ``(left, right, baseline, size)``: objects on one baseline within
    :data:`JOINED_EM` of each other are one.
    """
    spans: list[list[float]] = []
    for (left, _bottom, right, _top), baseline, size in sorted(words, key=lambda w: w[0][0]):
        for span in spans:
            if abs(span[2] - baseline) <= LOW_EM * size and left <= span[1] + JOINED_EM * size:
                span[1] = max(span[1], right)
                break
        else:
            spans.append([left, right, baseline, size])
    return [(left, right, baseline, size) for left, right, baseline, size in spans]


def closed_up(texts: list[TextObject], spans: list[tuple[float, float, float, float]],
              rules: list[Box]) -> int:
    """Move the words after each struck span left over it; how many objects moved.

    A deletion inside a line leaves a hole as wide as the struck words, which the
    reader would take for a gap between cells (``ใจดี`` and ``โทร. 1234`` two cells).
    The page's own objects on the span's baseline that follow it (each within
    :data:`JOINED_EM` of the last, no vertical rule of ``rules`` between: the rest of
    its cell or line) are moved left by the span's width. Objects in forms stay.
    """
    import pypdfium2.raw as pdfium_c

    moved = 0
    for left, right, baseline, size in sorted(spans, key=lambda span: -span[0]):
        after = []
        for text in texts:
            box = _bounds(text)
            if text[0] is None and box is not None and box[0] >= right - LOW_EM * size \
                    and box[1] <= baseline + size and box[3] >= baseline - size:
                placed = _baseline(text[1], None)
                if placed is not None and abs(placed[0] - baseline) <= LOW_EM * size:
                    after.append((box, text[1]))
        reach = right
        for box, obj in sorted(after, key=lambda item: item[0][0]):
            if box[0] > reach + JOINED_EM * size or any(
                    reach <= rule[0] <= box[0] and rule[1] <= baseline <= rule[3]
                    for rule in rules):
                break
            pdfium_c.FPDFPageObj_Transform(obj, 1.0, 0.0, 0.0, 1.0, -(right - left), 0.0)
            reach = max(reach, box[2])
            moved += 1
    return moved


def _baseline(obj: Any, to_page: Any) -> tuple[float, float] | None:
    """An upright text object's baseline (y, points) and font size as drawn; None otherwise."""
    import pypdfium2.raw as pdfium_c

    m = pdfium_c.FS_MATRIX()
    size = ctypes.c_float()
    if not (pdfium_c.FPDFPageObj_GetMatrix(obj, m)
            and pdfium_c.FPDFTextObj_GetFontSize(obj, size)):
        return None
    a, b, c, d, e, f = m.a, m.b, m.c, m.d, m.e, m.f
    if to_page is not None:
        e, f = apply(to_page, e, f)
        a, b, c, d = (to_page[0] * a + to_page[2] * b, to_page[1] * a + to_page[3] * b,
                      to_page[0] * c + to_page[2] * d, to_page[1] * c + to_page[3] * d)
    if not (a > 0 and d > 0 and abs(b) <= 0.1 * a and abs(c) <= 0.1 * d):
        return None  # turned or mirrored text: no line-through of this kind
    return f, size.value * math.sqrt(abs(a * d - b * c))


def _covered(strokes: list[Box], left: float, right: float) -> float:
    """How much of ``left``..``right`` (points) the strokes' spans cover, overlaps once."""
    spans = sorted((max(left, s[0]), min(right, s[2])) for s in strokes)
    total, reach = 0.0, left
    for start, end in spans:
        if end > reach:
            total += end - max(start, reach)
            reach = end
    return total

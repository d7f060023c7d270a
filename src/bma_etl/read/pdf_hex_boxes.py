"""Missing-glyph boxes (a box with the character's code in hex) read as the character.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_layout`).
Pango, which AbiWord, GTK programs and others print through, draws a character
that no font at hand has as a small framed box holding its code point in hex:
four digits in two rows of two (``00`` over ``3A`` for ``:``) or in one row
(``002E`` for ``.``, where the line is too low for two), six above U+FFFF, in a
small monospace font. The digits are real text in the PDF, so pdfium reads
``00``, a line break and ``3A`` where the document says ``:`` (field case: an
.odt printed by ``abiword --to=pdf``, whose Thai font has no ``:``, ``*``,
``(``, ``.`` or digits: ``(1)`` read ``0 0 / 2 8 0 0 / 3 1 ...``), and the frame's
sides are vertical rules that cut the line into cells.

A box is known by its frame and its digits together: a path whose box holds four
or six hex digits (their ink wholly; a digit half in it is another box's, and
the frame is left) of one height, in one row or in two rows
of the same count, column over column (within :data:`COLUMN_SLACK` digit heights),
the rows closer than lines of text stand (baselines :data:`ROW_LEAST` to
:data:`ROW_PITCH` digit heights apart), the digits of a row
:data:`COLUMN_LEAST` to :data:`COLUMN_PITCH` heights apart (wider than a
number's), the frame tight about them (:data:`FRAME_EM`). Its code is then read
exactly from its digits. The last digit of its lowest row (of a one-row box the
last but one) stands for the character, its size the text's beside it; the box's
other digits, and the breaks and spaces pdfium made up between them, are
:data:`~.pdf_glyphs.JOINED` (dropped, not counted lost), but for the first and a
one-row box's last, which may stand for spaces: where the box stands among its
line's spaces, and its advance, are :mod:`.pdf_hex_spaces`'s; its baseline and size,
:mod:`.pdf_hex_lines`'s. A grid whose code is no
character (a surrogate, past U+10FFFF, a control) is left as it is, and so is a
frame holding any other count of digits.
"""

from __future__ import annotations

import re
from itertools import pairwise

from bma_etl.read.pdf_glyphs import JOINED, Glyphs
from bma_etl.read.pdf_hex_lines import on_text_line, runs_on_line, text_size
from bma_etl.read.pdf_hex_spaces import (
    advances,
    runs_joined,
    space_after,
    spaces_between,
    spaces_on_line,
)

#: The most the baselines of a box's two rows stand apart, in digit heights. Pango's
#: rows touch (1.14 heights apart) or, in Pango 1.50, stand 1.53 apart; lines of text
#: stand at least 1.6 apart (a line pitch of 1.15 font sizes over digits 0.72 of a
#: size high).
ROW_PITCH = 1.56
#: The least the rows stand apart (in digit heights): a row is over the other.
ROW_LEAST = 0.8
#: How far apart (in digit heights) a row's digits stand, at least and at most:
#: Pango sets them 1.14 heights apart; a number's digits in text stand 0.76 apart.
COLUMN_LEAST = 0.95
COLUMN_PITCH = 1.6
#: How far (in digit heights) a column's two digits, or a row's, may stand apart
#: across (sideways, or up and down).
COLUMN_SLACK = 0.1
#: How far (in digit heights) the frame may reach past its digits on any side.
FRAME_EM = 2.0
#: How far (points) a path's bounds may stand from the rectangle it draws (its stroke).
SIDE_SLACK = 1.5
#: Digits of one box are one height to this share.
SAME_HEIGHT = 0.2

_HEX = frozenset("0123456789ABCDEF")
#: Two hex digits that stand alone, white space between them (pdfium spaces a box's
#: digits, set wider apart than a number's): what a page needs to be looked at.
_PAIR = re.compile(r"(?<![0-9A-Za-z])[0-9A-F][ \r\n]+[0-9A-F](?![0-9A-Za-z])")
_WHITE = " \r\n\u00a0"
Box = tuple[float, float, float, float]


def hex_boxes_read(g: Glyphs, raw: str) -> str:
    """``raw`` with each missing-glyph box's digits read as the character they name.

    ``g``: the page's :class:`~.pdf_glyphs.Glyphs` (the representing digit's
    edges and size are restated there, :meth:`~.pdf_glyphs.Glyphs.restate`, and
    each frame read is added to :attr:`~.pdf_glyphs.Glyphs.frames`); ``raw``: the
    page's text, one character per page index. Returns ``raw`` itself when the page
    holds no box (most pages: its paths are looked at (:func:`_frames`) only when
    hex digits stand as a box's do).
    """
    if not _PAIR.search(raw):
        return raw
    digits = [i for i, ch in enumerate(raw) if ch in _HEX and not g.generated(i)]
    if len(digits) < 4 or not any(_box_step(g, a, b) for a, b in pairwise(digits)):
        return raw
    paths = _frames(g)
    inks = {i: g.tight(i) for i in digits}
    runs = _runs(g, raw, digits)
    chars: list[str] | None = None
    used: set[int] = set()
    spans: list[tuple[int, int, int]] = []  # each box's first digit, the one read, its last
    placed: list[bool] = []  # each box's character set on its text's baseline
    for frame in paths:
        inside = _framed_digits(runs, inks, frame)
        if len(inside) not in (4, 6) or used.intersection(inside):
            continue
        rows = _grid(g, inside, inks, frame)
        if rows is None:
            continue
        code = int("".join(raw[i] for row in rows for i in row), 16)
        if not _is_character(code):
            continue
        if chars is None:
            chars = list(raw)
        spans.append(_read_box(g, chars, rows, chr(code)))
        placed.append(on_text_line(g, chars, spans[-1], frame))
        used.update(inside)
        g.frames.append(frame)
    if chars is None:
        return raw
    runs_on_line(g, spans, g.frames, placed)
    advances(g, chars, [rep for _, rep, _ in spans], g.frames)
    runs_joined(g, chars, spans, g.frames)
    for _, rep, last in spans:
        space_after(g, chars, rep, last)
    for first, rep, _ in spans:  # every box read: a space before a run of boxes is found
        spaces_between(g, chars, first, rep)
    spaces_on_line(g, chars, spans)
    return "".join(chars)




def _frames(g: Glyphs) -> list[Box]:
    """The rectangles (left, bottom, right, top, points) the paths of ``g``'s page draw.

    The rectangle itself, not the box of its stroke (pdfium's bounds reach past it by
    the line's width: Pango's frames, 12 points wide at 12 points, stand 9.35
    apart and overlap so). A path of the page itself drawn as one rectangle only
    (a move and three or four lines), through its matrix; none when the page is
    not known.
    """
    import ctypes

    import pypdfium2.raw as pdfium_c

    page = getattr(g.textpage, "page", None)
    if page is None:
        return []
    out: list[Box] = []
    x, y, m = ctypes.c_float(), ctypes.c_float(), pdfium_c.FS_MATRIX()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=1):
        handle = obj.raw
        count = pdfium_c.FPDFPath_CountSegments(handle)
        if count not in (4, 5) or not pdfium_c.FPDFPageObj_GetMatrix(handle, m):
            continue
        points = []
        for k in range(count):
            segment = pdfium_c.FPDFPath_GetPathSegment(handle, k)
            if not segment or not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
                break
            points.append((m.a * x.value + m.c * y.value + m.e,
                           m.b * x.value + m.d * y.value + m.f))
        if len(points) != count:
            continue
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        left, right, bottom, top = min(xs), max(xs), min(ys), max(ys)
        if all(min(abs(px - left), abs(px - right)) < 0.01
               and min(abs(py - bottom), abs(py - top)) < 0.01 for px, py in points):
            out.append((left, bottom, right, top))
    return out


def _runs(g: Glyphs, raw: str, digits: list[int]) -> list[list[int]]:
    """The page's hex digits cut into rows as written: one after another, one baseline.

    Consecutive digits (page indices) with nothing between but what pdfium made up
    (spaces, breaks), spaced as a box's (:func:`_box_step`).
    """
    runs: list[list[int]] = []
    for i in digits:
        if runs and _box_step(g, runs[-1][-1], i) and all(
                raw[k] in _WHITE and g.generated(k) for k in range(runs[-1][-1] + 1, i)):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _framed_digits(runs: list[list[int]], inks: dict[int, Box], frame: Box) -> list[int]:
    """The digits of the box ``frame`` draws: the rows that start at its left side.

    Each run's digits wholly inside the frame, in rows that start together, the
    leftmost such rows that hold four or six digits (AbiWord sets boxes over each
    other and over the text: another box's digits may stand in this one's frame,
    the last of the box before it even left of its own first).
    """
    left, bottom, right, top = frame
    rows: list[list[int]] = []
    for run in runs:
        row = [i for i in run if left <= inks[i][0] and inks[i][2] <= right
               and bottom <= inks[i][1] and inks[i][3] <= top]
        if row and row == run[run.index(row[0]):run.index(row[0]) + len(row)]:
            rows.append(row)
    if not rows:
        return []
    slack = COLUMN_SLACK * max(_height(inks[row[0]]) for row in rows)
    for start in sorted(inks[row[0]][0] for row in rows):  # the leftmost rows of a box's count
        box = [i for row in rows if abs(inks[row[0]][0] - start) <= slack for i in row]
        if len(box) in (4, 6):
            return box
    return []


def _box_step(g: Glyphs, a: int, b: int) -> bool:
    """Whether digits ``a`` and ``b`` stand as two of a box's row: one baseline, spaced."""
    first, second = g.origin(a), g.origin(b)
    height = _height(g.tight(a))
    if first is None or second is None or height <= 0.0:
        return False
    return abs(second[1] - first[1]) <= COLUMN_SLACK * height \
        and COLUMN_LEAST * height <= second[0] - first[0] <= COLUMN_PITCH * height


def _grid(g: Glyphs, inside: list[int], inks: dict[int, Box],
          frame: Box) -> list[list[int]] | None:
    """The digits of a frame as a box's rows (upper first, each left to right), if they are."""
    heights = [_height(inks[i]) for i in inside]
    height = max(heights)
    if height <= 0.0 or min(heights) < (1.0 - SAME_HEIGHT) * height:
        return None
    origins = {i: g.origin(i) for i in inside}
    if any(origin is None for origin in origins.values()):
        return None
    at: dict[int, tuple[float, float]] = {i: o for i, o in origins.items() if o is not None}
    rows: list[list[int]] = []
    for i in sorted(inside, key=lambda k: -at[k][1]):
        if rows and abs(at[rows[-1][0]][1] - at[i][1]) <= COLUMN_SLACK * height:
            rows[-1].append(i)
        else:
            rows.append([i])
    rows = [sorted(row, key=lambda k: at[k][0]) for row in rows]
    if len(rows) not in (1, 2) or len({len(row) for row in rows}) != 1:
        return None
    for row in rows:
        steps = [at[b][0] - at[a][0] for a, b in pairwise(row)]
        if not all(COLUMN_LEAST * height <= step <= COLUMN_PITCH * height for step in steps):
            return None
    if len(rows) == 2:
        upper, lower = rows
        pitch = at[upper[0]][1] - at[lower[0]][1]
        if not ROW_LEAST * height <= pitch <= ROW_PITCH * height or any(
                abs(at[a][0] - at[b][0]) > COLUMN_SLACK * height
                for a, b in zip(upper, lower, strict=True)):
            return None
    ink = [inks[i] for i in inside]
    reach = FRAME_EM * height
    if frame[0] < min(b[0] for b in ink) - reach or frame[2] > max(b[2] for b in ink) + reach \
            or frame[1] < min(b[1] for b in ink) - reach \
            or frame[3] > max(b[3] for b in ink) + reach:
        return None  # a frame about more than the digits: a table's cell, say
    return rows


def _height(box: Box) -> float:
    """The height (points) of an ink box (left, bottom, right, top)."""
    return box[3] - box[1]


def _is_character(code: int) -> bool:
    """Whether ``code`` is a character a box may stand for (no control, no surrogate)."""
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return False
    return code >= 0x20 and not 0x7F <= code <= 0x9F


def _read_box(g: Glyphs, chars: list[str], rows: list[list[int]], char: str
              ) -> tuple[int, int, int]:
    """Put ``char`` at the lowest row's last digit (one row: last but one); join the rest.

    Returns the page indices of the box's first digit, the one read and its last.
    """
    digits = sorted(i for row in rows for i in row)
    # (the first digit is left to stand for a space before; a one-row box's last, after)
    rep = rows[-1][-2] if len(rows) == 1 else rows[-1][-1]
    edges = [g.edges(i) for i in digits]
    size = text_size(g, chars, digits[0], digits[-1])
    g.restate(rep, min(e[0] for e in edges), max(e[1] for e in edges), size)
    chars[rep] = char
    baseline = g.origin(rep)
    for i in digits:
        if i != rep:
            chars[i] = JOINED
    for a, b in pairwise(digits):  # the breaks and spaces pdfium made up between them
        between = range(a + 1, b)
        if all(chars[k] in _WHITE or chars[k] == JOINED for k in between):
            for k in between:
                if g.generated(k):
                    chars[k] = JOINED
    for i in digits:  # a space made up after an upper row stands on no line of the text
        origin = g.origin(i)
        if origin is None or baseline is None or abs(origin[1] - baseline[1]) < 0.5:
            continue
        k = i + 1
        while k < len(chars) and chars[k] in " \u00a0" and g.generated(k):
            chars[k] = JOINED
            k += 1
    return digits[0], rep, digits[-1]


def framed(rule: tuple[float, float, float], frames: list[Box]) -> bool:
    """Whether a vertical ``rule`` ``(x, bottom, top)`` is the sides of ``frames``.

    Within :data:`SIDE_SLACK` points (a rule is found from a path's bounds, its
    stroke's width about it); the sides of frames one above another that touch
    (boxes on lines one under another: Pango 1.50's frames are as tall as a line)
    make one rule.
    """
    x, bottom, top = rule
    spans = sorted((f[1], f[3]) for f in frames
                   if min(abs(x - f[0]), abs(x - f[2])) <= SIDE_SLACK)
    reach = bottom + SIDE_SLACK  # covered up to here
    for low, high in spans:
        if low - SIDE_SLACK > reach:
            break
        reach = max(reach, high + SIDE_SLACK)
    return bool(spans) and spans[0][0] - SIDE_SLACK <= bottom and reach >= top


def through_frames(x: float, baseline: float | None, frames: list[Box]) -> bool:
    """Whether a vertical rule at ``x`` runs through a box's frame on the line at ``baseline``.

    Through it or along its sides, within :data:`SIDE_SLACK` points. A table's rule
    passes no box (a box stands in a cell); one that does is the sides of frames
    joined up and down with those of other lines' boxes a point or two aside (rules
    are joined at the leftmost's place, :func:`.pdf_tables.rules_of`, and closed up to
    the rules that meet them), which :func:`framed` does not tell: as a rule of this
    line, it would cut a run of boxes into cells (``* **``). ``frames``:
    :attr:`~.pdf_glyphs.Glyphs.frames`; a frame on the line spans its baseline.
    """
    if baseline is None:
        return False
    return any(f[1] - SIDE_SLACK <= baseline <= f[3] + SIDE_SLACK
               and f[0] - SIDE_SLACK <= x <= f[2] + SIDE_SLACK for f in frames)


def frames_apart(paths: list[Box], strokes: list[Box], frames: list[Box]) -> list[Box]:
    """``paths`` but ``strokes`` and the frames of the missing-glyph boxes read (no rules).

    ``paths``: path boxes as :func:`.pdf_open.page_shapes` gives them (a stroke's
    width about each); ``frames``: :attr:`.pdf_glyphs.Glyphs.frames`.
    """
    return [path for path in paths if path not in strokes and not any(
        all(abs(a - b) <= SIDE_SLACK for a, b in zip(path, frame, strict=True))
        for frame in frames)]

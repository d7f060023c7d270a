"""Shaped Thai glyph forms a PDF maps to Private Use Area code points of its own.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_layout`).
A font shaped by HarfBuzz draws some Thai marks and letters with glyphs the
font's character map does not name: Noto Sans and Serif Thai move a tone mark
up over a vowel with ``uni0E48.small``, left on a tall consonant with
``uni0E48.narrow``, and ``ี``, ``ั``, ``้``, ``็`` likewise. ReportLab maps each such
glyph to the next free code from U+E000 in the order it first drew them
(``ที่`` as ``ที`` and U+E000), so the code says nothing by itself. The glyph does: its
outline, taken from the PDF's own font program, is the outline of the Thai
character it is a form of, moved or scaled. Each such code of a page is read
as the mark or letter of the same font whose outline, scaled to the same box,
covers the most of it (:data:`MATCH`); a code no outline matches stays, as does
one whose character the PDF's font never draws in its own form (a subset font
holds only the glyphs the document drew).
The old fonts' fixed forms (U+F700-U+F89E) are :data:`bma_etl.textnorm.PUA_TO_THAI`'s.
"""

from __future__ import annotations

import ctypes
import re
from typing import Any

#: Codes a producer hands out to unnamed glyphs (below the old fonts' U+F700 forms).
PRIVATE = re.compile("[\ue000-\uf6ff]")
#: Thai characters a shaping font draws with unnamed forms: the marks above and
#: below a consonant, and the letters whose tail is cut off over a mark below.
FORMS = ("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a"
         "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e0d\u0e10\u0e0e\u0e0f\u0e24\u0e26")
#: Cells of the square an outline is filled into (its box's longer side).
GRID = 48
#: Least share of the two filled outlines' union they have in common (intersection
#: over union) for a form to read as a character, the best of them: a moved form
#: covers all of it (1.0), Noto's smaller and narrower forms 0.62-0.99 with the next
#: mark 0.05-0.6 under it (the closest: Noto Sans's narrow ``ี`` 0.79, ``ื`` 0.74;
#: Noto Serif's narrow ``ั`` 0.62, ``้`` 0.54).
MATCH = 0.5


def _outline(font: Any, code: int) -> list[list[tuple[float, float]]] | None:
    """The contours (points, font units scaled to 100) of ``code``'s glyph in ``font``.

    ``font``: a pdfium font handle; ``code``: the Unicode value the PDF's
    ``ToUnicode`` gives the glyph. ``None`` when the font has no glyph for it.
    """
    import pypdfium2.raw as pdfium_c

    path = pdfium_c.FPDFFont_GetGlyphPath(font, code, 100.0)
    if not path:
        return None
    x, y = ctypes.c_float(), ctypes.c_float()
    contours: list[list[tuple[float, float]]] = []
    for i in range(pdfium_c.FPDFGlyphPath_CountGlyphSegments(path)):
        segment = pdfium_c.FPDFGlyphPath_GetGlyphPathSegment(path, i)
        pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not contours:
            contours.append([])
        contours[-1].append((x.value, y.value))
    return contours or None


def _filled(contours: list[list[tuple[float, float]]]) -> Any:
    """The outline filled (even-odd) into a :data:`GRID` square set by its box's longer side.

    Returns a boolean numpy array, or ``None`` for an outline of fewer than three points.
    """
    import numpy as np
    from PIL import Image, ImageDraw

    points = np.array([p for contour in contours for p in contour])
    if len(points) < 3:
        return None
    low = points.min(axis=0)
    span = float(max(np.ptp(points[:, 0]), np.ptp(points[:, 1]))) or 1.0
    scale = (GRID - 1) / span
    filled = np.zeros((GRID, GRID), dtype=bool)
    for contour in contours:
        if len(contour) < 3:
            continue
        cells = [((px - low[0]) * scale, (GRID - 1) - (py - low[1]) * scale) for px, py in contour]
        image = Image.new("1", (GRID, GRID), 0)
        ImageDraw.Draw(image).polygon(cells, fill=1, outline=1)
        filled ^= np.asarray(image, dtype=bool)
    return filled


def _read_as(font: Any, code: int) -> str | None:
    """The character of :data:`FORMS` whose glyph in ``font`` matches ``code``'s glyph."""
    outline = _outline(font, code)
    shape = _filled(outline) if outline else None
    if shape is None:
        return None
    best, best_share = None, MATCH
    for char in FORMS:
        other = _outline(font, ord(char))
        known = _filled(other) if other else None
        if known is None:
            continue
        share = float((shape & known).sum()) / max(1, int((shape | known).sum()))
        if share > best_share:
            best, best_share = char, share
    return best


def private_forms_read(textpage: Any, raw: str) -> str:
    """``raw`` with each private code (:data:`PRIVATE`) read as the Thai character it draws.

    ``raw``: the page's text, one character per pdfium index; a code is read as
    the character its glyph is a form of, where one is (:func:`_read_as`).

    ``textpage``: the pypdfium2 text page ``raw`` was read from. One for one, so
    indexes hold. A page with no such code is returned as it is, unlooked at.
    """
    if PRIVATE.search(raw) is None:
        return raw
    import pypdfium2.raw as pdfium_c

    read: dict[tuple[int, int], str | None] = {}
    chars = list(raw)
    for match in PRIVATE.finditer(raw):
        i = match.start()
        text_object = pdfium_c.FPDFText_GetTextObject(textpage.raw, i)
        font = pdfium_c.FPDFTextObj_GetFont(text_object) if text_object else None
        if not font:
            continue
        key = (ctypes.cast(font, ctypes.c_void_p).value or 0, ord(chars[i]))
        if key not in read:
            read[key] = _read_as(font, key[1])
        char = read[key]
        if char is not None:
            chars[i] = char
    return "".join(chars)

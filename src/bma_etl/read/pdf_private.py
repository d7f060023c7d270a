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
covers the most of it (:data:`MATCH`); Sarabun's ligature of NIKHAHIT and a tone
mark (``น้ำ`` drawn as ``น``, the ligature, ``า``) as the tone mark, its contours
parted into the two marks, and the SARA AA after it as SARA AM. A code no outline
matches (a form whose character the subset font never draws in its own form) is
a glyph with no text: it is read as :data:`~.pdf_glyphs.LOST`, dropped from the
line and counted as the page's damage, never passed on. So is a letter pdfium
made of a glyph's byte code when the PDF maps the glyph to U+FFFF: ReportLab
shapes a paragraph it wraps twice (a table cell) again from its own private
codes, which HarfBuzz finds in no character map, and draws ``.notdef`` (the mark
is lost from the print itself); ``เป็น`` reads ``เปûน`` (:func:`byte_code_letters`).
The old fonts' fixed forms (U+F700-U+F89E) are :data:`bma_etl.textnorm.PUA_TO_THAI`'s.
"""

from __future__ import annotations

import ctypes
import re
import unicodedata
from typing import Any

from bma_etl.read.pdf_glyphs import LOST

#: Codes a producer hands out to unnamed glyphs (below the old fonts' U+F700 forms).
PRIVATE = re.compile("[\ue000-\uf6ff]")
#: Thai characters a shaping font draws with unnamed forms: the marks above and
#: below a consonant, and the letters whose tail is cut off over a mark below.
FORMS = ("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a"
         "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e0d\u0e10\u0e0e\u0e0f\u0e24\u0e26")
#: NIKHAHIT (the ring of SARA AM) and the tone marks a shaping font joins it with.
NIKHAHIT = "\u0e4d"
TONES = "\u0e48\u0e49\u0e4a\u0e4b"
#: SARA AA, and the SARA AM it makes after a NIKHAHIT.
SARA_AA, SARA_AM = "\u0e32", "\u0e33"
#: A Thai character.
_THAI = re.compile("[\u0e01-\u0e5b]")
#: The characters a glyph's byte code reads as (Latin letters with diacritics, signs).
_BYTE_CODES = re.compile("[\u0080-\u02ff]")
#: How far (characters) a byte-code letter's Thai text is looked for.
_NEAR = 40
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


def _share(shape: Any, known: Any) -> float:
    """Intersection over union of two filled outlines."""
    return float((shape & known).sum()) / max(1, int((shape | known).sum()))


def _best(contours: list[list[tuple[float, float]]], known: dict[str, Any],
          chars: str) -> tuple[str | None, float]:
    """The character of ``chars`` whose filled outline (``known``) best matches ``contours``."""
    shape = _filled(contours)
    best, best_share = None, MATCH
    if shape is None:
        return best, 0.0
    for char in chars:
        if char in known:
            share = _share(shape, known[char])
            if share > best_share:
                best, best_share = char, share
    return best, best_share


def _read_as(font: Any, code: int) -> str | None:
    """The character of :data:`FORMS` whose glyph in ``font`` matches ``code``'s glyph.

    A glyph no single form matches may be a ligature of NIKHAHIT and a tone mark
    (Sarabun's ``uni0E4D0E49``, drawn for ``น้ำ`` as ``น`` + ligature + ``า``): its
    contours part into a NIKHAHIT and a tone mark, each matched on its own box.
    Returns the tone mark then NIKHAHIT for such a glyph.
    """
    outline = _outline(font, code)
    if not outline:
        return None
    known: dict[str, Any] = {}
    for char in FORMS:
        other = _outline(font, ord(char))
        filled = _filled(other) if other else None
        if filled is not None:
            known[char] = filled
    best, _ = _best(outline, known, FORMS)
    if best is not None:
        return best
    parted = ring_and_tone(outline, known)
    return parted[0] if parted else None


def ring_and_tone(outline: list[list[tuple[float, float]]],
                  known: dict[str, Any]) -> tuple[str, float] | None:
    """A tone mark then NIKHAHIT, where ``outline``'s contours part into the two marks.

    ``known``: filled outlines of the font's own marks, by character (:func:`_filled`).
    Each part is matched on its own box (Sarabun's ``uni0E4D0E49``). Returns the two
    marks and the tone mark's match (:func:`_share`); ``None`` when no parting
    matches, or the font draws no NIKHAHIT of its own to match against.
    """
    if NIKHAHIT not in known or not 2 <= len(outline) <= 8:
        return None
    for mask in range(1, 2 ** len(outline) - 1):
        ring = [c for i, c in enumerate(outline) if mask >> i & 1]
        rest = [c for i, c in enumerate(outline) if not mask >> i & 1]
        if _best(ring, known, NIKHAHIT)[0] is not None:
            tone, share = _best(rest, known, TONES)
            if tone is not None:
                return tone + NIKHAHIT, share
    return None


def _font_of(textpage: Any, i: int) -> int:
    """The address of the font pdfium draws character ``i`` of ``textpage`` with (0: none)."""
    import pypdfium2.raw as pdfium_c

    text_object = pdfium_c.FPDFText_GetTextObject(textpage.raw, i)
    font = pdfium_c.FPDFTextObj_GetFont(text_object) if text_object else None
    return (ctypes.cast(font, ctypes.c_void_p).value or 0) if font else 0


def byte_code_letters(textpage: Any, raw: str) -> list[int]:
    """Indexes of letters in ``raw`` that are a glyph's byte code, not text.

    A glyph the PDF maps to no character (U+FFFF) pdfium reads through the font's
    own byte encoding (Mac Roman): a Latin letter with a diacritic (``ú``, ``û``,
    U+0080-U+02FF) drawn in the font of the Thai text near it, which prints no
    such letter. ``เป็น`` read ``เปûน``, ``ที่`` at a cell's end ``ทีú``. A code of
    U+00A0 and up reads as a sign (``†``, ``•``), which may be text: it stays.
    """
    letters = [m.start() for m in _BYTE_CODES.finditer(raw)
               if unicodedata.category(m.group()).startswith("L")]
    out: list[int] = []
    for i in letters:
        thai = next((j for step in range(1, _NEAR) for j in (i - step, i + step)
                     if 0 <= j < len(raw) and _THAI.match(raw[j])), None)
        if thai is not None and _font_of(textpage, i) == _font_of(textpage, thai) != 0:
            out.append(i)
    return out


def private_forms_read(textpage: Any, raw: str) -> str:
    """``raw`` with each private code (:data:`PRIVATE`) read as the Thai character it draws.

    ``raw``: the page's text, one character per pdfium index; a code is read as
    the character its glyph is a form of, where one is (:func:`_read_as`), else
    as :data:`~.pdf_glyphs.LOST`, as is a letter that is a glyph's byte code
    (:func:`byte_code_letters`).

    ``textpage``: the pypdfium2 text page ``raw`` was read from. One for one, so
    indexes hold. A page with no private code has its glyphs' outlines unlooked at.
    """
    lost = byte_code_letters(textpage, raw)
    private = PRIVATE.search(raw) is not None
    if not lost and not private:
        return raw  # most pages: neither, and no copy made
    chars = list(raw)
    for i in lost:
        chars[i] = LOST
    if not private:
        return "".join(chars)
    import pypdfium2.raw as pdfium_c

    read: dict[tuple[int, int], str | None] = {}
    for match in PRIVATE.finditer(raw):
        i = match.start()
        text_object = pdfium_c.FPDFText_GetTextObject(textpage.raw, i)
        font = pdfium_c.FPDFTextObj_GetFont(text_object) if text_object else None
        if not font:
            chars[i] = LOST
            continue
        key = (ctypes.cast(font, ctypes.c_void_p).value or 0, ord(chars[i]))
        if key not in read:
            read[key] = _read_as(font, key[1])
        char = read[key] or LOST
        chars[i] = char[0]
        if len(char) > 1 and i + 1 < len(chars) and chars[i + 1] == SARA_AA:
            chars[i + 1] = SARA_AM  # น + ligature + า: the NIKHAHIT and SARA AA are ำ
    return "".join(chars)

"""Glyphs a PDF maps to no text, read from the embedded font's own data.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_layout`,
after :func:`.pdf_glyphs.without_unmapped` marked such glyphs
:data:`~.pdf_glyphs.LOST`). WeasyPrint (HarfBuzz shaping, Noto Sans Thai) writes
a ``ToUnicode`` that gives one glyph of a cluster the cluster's text and the
others nothing: SARA AM drawn as NIKHAHIT (``uni0E4D``) and SARA AA keeps only
the SARA AA (``สำนัก`` read ``สานัก``, pdfium reporting the ring's byte code
``;``), and the small MAI THO the shaper picks over the ring (an unnamed glyph,
``glyph00049``) reads ``1``. The glyph still says what it is: a CIDFontType2
font (``/CIDToGIDMap /Identity``) draws code ``c`` with glyph ``c`` of its
font program, whose ``cmap`` names the glyphs drawn for characters; a glyph the
``cmap`` names for a Thai mark is that mark, and a positional form the ``cmap`` does
not name is read as the Thai mark whose outline covers most of its own
(:data:`.pdf_private.MATCH`, as for a producer's private codes). A glyph mapped to
U+FFFD (cairo) or U+0000 (Ghostscript's rewrite of a Chromium print: ``ที่`` read
``ที-``) is looked up by the code the page's content draws it with
(:func:`.pdf_glyph_codes.code_at`), else found by its box (:meth:`_Font.read_by_box`).
The same writer maps a glyph to the text of the first cluster it drew it in: a
page whose first SARA AA was a SARA AM's maps every SARA AA glyph to SARA AM
(``การ`` read ``กำร``). A SARA AM whose box is the font's SARA AA glyph's (and not
its SARA AM glyph's, where the font has one) is read as the SARA AA it is; the
ring drawn before it, read as NIKHAHIT, makes the SARA AM again. Where a glyph
of its cluster stays unread (it may be the ring, its text written on the SARA AA:
fpdf2 in Waree), the SARA AM stays; and it is read so only on a page where a ring
drawn with no text was read (this writer's damage; a browser's SARA AM has none).
Only marks are read (a letter read from a font whose codes are not its glyph
numbers could pass the box check by chance).

Qt's ``QPdfWriter`` and PyMuPDF's ``insert_htmlbox`` map no moved form at all
(pdfium reports its glyph number as text: ``ที่`` read ``ที-``), and Qt's subset
programs keep no ``cmap``: the marks the PDF's own text map names are the
references then (:mod:`.pdf_tounicode`), the marks the document also draws in
their own form. Those may not hold the mark a form is of, so a form read by them
must be drawn on the same side of the line as its match, and beat each
look-alike the text map does not name by a clear match (:mod:`.pdf_look_alikes`);
else it stays lost. PyMuPDF embeds CFF outlines (``OTTO``), read the same way.

A glyph is read only when the font program's glyph of that number has the
size pdfium drew it at (its outline's box, scaled by the font size, is the
character's box on the page within :data:`BOX_SLACK_EM`): a font whose codes
are not its glyph numbers fails that and its glyph stays lost (the page's
damage, counted), never read as another character.
"""

from __future__ import annotations

import ctypes
import io
import logging
import re
from typing import Any

from bma_etl.read.pdf_glyph_codes import NO_CODE, code_at
from bma_etl.read.pdf_glyphs import DROPPED, LOST, TAIL, THAI_MARK
from bma_etl.read.pdf_look_alikes import unsure
from bma_etl.read.pdf_outlines import OutlinePoints, font_data, read_once
from bma_etl.read.pdf_private import (
    FORMS,
    NIKHAHIT,
    SARA_AA,
    SARA_AM,
    _best,
    _filled,
    ring_and_tone,
)
from bma_etl.read.pdf_tounicode import named_marks, program_key

log = logging.getLogger(__name__)

#: How far (font sizes) a glyph's outline box, scaled, may differ from its box on
#: the page in width or height and still be the glyph drawn there: pdfium's box is
#: the outline's own, a little taller (Noto Sans Thai at 12 pt: the ring 0.218 x 0.192 em
#: on the page, 0.218 x 0.180 in the font; the small MAI THO 0.261 x 0.178, 0.261 x 0.163).
BOX_SLACK_EM = 0.05
#: A mark drawn above the letters starts this far (em) over the line; one below ends under
#: this: a form is read as a mark of its own side only.
ABOVE_EM, BELOW_EM = 0.25, 0.15
#: What a SARA AM's cluster holds besides its marks: SARA AM, and its glyphs with no text.
_IN_CLUSTER = (*DROPPED, SARA_AM)
#: A tone mark (or THANTHAKHAT).
_TONE = re.compile("[\u0e48-\u0e4c]")
#: A glyph drawn where a mark goes is no wider nor taller than this (font sizes).
MARK_MAX_EM = 0.55
#: What a glyph taken for a SARA AM's lost half may be read as: its ring, a tone mark
#: over it (a SARA AA read there would write the vowel twice).
_RING_AND_TONES = "\u0e4d\u0e48\u0e49\u0e4a\u0e4b"
#: What a glyph drawn with no text reads as on the way here: lost, or a soft hyphen's
#: code (fpdf2's SARA AA glyph, a line break at a line's end: :func:`.without_unmapped`).
_NO_TEXT = (*DROPPED, "\n", "\x02", "\ufffe")
#: A Thai character a font's ``cmap`` may name a glyph for.
_THAI = range(0x0E01, 0x0E5C)


def _side(contours: list[list[tuple[float, float]]] | None, em: float) -> str | None:
    """Where an outline is drawn: ``"above"`` the letters, ``"below"`` the line, or ``None``."""
    ys = [y for contour in contours or () for _, y in contour]
    if not ys:
        return None
    if min(ys) > ABOVE_EM * em:
        return "above"
    return "below" if max(ys) < BELOW_EM * em else None


class _Font:
    """One embedded font program (TrueType or CFF outlines): glyph numbers to Thai characters.

    ``marks``: codes the PDF's text map names Thai marks with (:mod:`.pdf_tounicode`),
    for a mark the program's own ``cmap`` (Qt's subsets have none) does not name.
    """

    def __init__(self, data: bytes, marks: dict[str, int] | None = None) -> None:
        from fontTools.ttLib import TTFont

        self.font = TTFont(io.BytesIO(data), lazy=True)
        self.order = self.font.getGlyphOrder()
        self.glyphs = self.font.getGlyphSet()
        self.glyf = self.font["glyf"] if "glyf" in self.font else None
        self.em = float(self.font["head"].unitsPerEm)
        cmap = (self.font["cmap"].getBestCmap() or {}) if "cmap" in self.font else {}
        self.named: dict[str, str] = {}
        for code, name in cmap.items():
            if code in _THAI:
                self.named.setdefault(name, chr(code))
        self.glyph_of = {char: name for name, char in self.named.items()}
        #: marks known from the text map only, and on which side of the line each is drawn
        self.from_text: dict[str, str | None] = {}
        for char, code in (marks or {}).items():
            if char not in self.glyph_of and 0 < code < len(self.order):
                self.glyph_of[char] = self.order[code]
                self.from_text[char] = _side(self.contours(self.order[code]), self.em)
        self._unnamed: list[str] | None = None  # (:meth:`read_by_box`)
        self.forms: dict[str, Any] = {}
        for char, name in self.glyph_of.items():
            if char in FORMS:
                contours = self.contours(name)
                filled = _filled(contours) if contours else None
                if filled is not None:
                    self.forms[char] = filled

    def contours(self, name: str) -> list[list[tuple[float, float]]] | None:
        """The outline of glyph ``name``: a list of contours, each a list of points."""
        if self.glyf is None:
            pen = OutlinePoints(self.glyphs)
            self.glyphs[name].draw(pen)
            return [c for c in pen.contours if c] or None
        glyph = self.glyf[name]
        if glyph.numberOfContours == 0:
            return None
        coords, ends, _ = glyph.getCoordinates(self.glyf)
        out, start = [], 0
        for end in ends:
            out.append([(float(x), float(y)) for x, y in coords[start:end + 1]])
            start = end + 1
        return out

    def box(self, name: str) -> tuple[float, float] | None:
        """Width and height (em) of glyph ``name``'s outline box; ``None`` for an empty glyph."""
        if self.glyf is None:
            points = [p for contour in self.contours(name) or () for p in contour]
            if not points:
                return None
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            return (max(xs) - min(xs)) / self.em, (max(ys) - min(ys)) / self.em
        glyph = self.glyf[name]
        if glyph.numberOfContours == 0 or not hasattr(glyph, "xMin"):
            return None
        return (glyph.xMax - glyph.xMin) / self.em, (glyph.yMax - glyph.yMin) / self.em

    def drawn(self, char: str, width_em: float, height_em: float) -> bool:
        """Whether the font's own glyph for ``char`` has the box ``width_em`` x ``height_em``."""
        name = self.glyph_of.get(char)
        return name is not None and _fits(self.box(name), width_em, height_em)

    def read(self, code: int, width_em: float, height_em: float) -> str | None:
        """The Thai character glyph ``code`` draws, if its box is the one on the page.

        A ligature of a tone mark and NIKHAHIT reads as the two (tone mark first).
        """
        if not 0 < code < len(self.order):
            return None
        return self._read_glyph(self.order[code], width_em, height_em)

    def read_by_box(self, width_em: float, height_em: float) -> str | None:
        """The Thai mark a glyph of unknown number draws, found by its box on the page.

        A map that names a glyph U+FFFD (cairo's: Firefox, ``pdftocairo``) leaves pdfium
        no glyph number. Each glyph the ``cmap`` does not name with the page's box is
        read (:meth:`read`): the mark is theirs when every one of them reads as it.
        """
        if self._unnamed is None:
            self._unnamed = [name for name in self.order[1:] if name not in self.named]
        found: set[str | None] = set()
        for name in self._unnamed:
            if not _fits(self.box(name), width_em, height_em):
                continue
            found.add(self._read_glyph(name, width_em, height_em))
            if len(found) > 1:
                return None
        return found.pop() if found else None

    def _read_glyph(self, name: str, width_em: float, height_em: float) -> str | None:
        """The Thai character glyph ``name`` draws, if its box is the one on the page."""
        if not _fits(self.box(name), width_em, height_em):
            return None
        if name in self.named:
            return self.named[name]
        contours = self.contours(name)
        if not contours:
            return None
        best, share = _best(contours, self.forms, FORMS)
        parted = ring_and_tone(contours, self.forms) if best is None else None
        read, share = (best, share) if parted is None else parted
        if read is None:
            return read
        if len(read) == 1 and read in self.from_text \
                and self.from_text[read] != _side(contours, self.em):
            return None  # a mark drawn on the other side of the line
        # (a subset's own cmap names only the marks it draws in their own form, too:
        # MuPDF's re-subset of a Chromium print drew ``ึ`` only moved, matched ``ื``)
        return None if unsure(read[0], share, self.forms, len(contours), self._count) else read

    def _count(self, char: str) -> int | None:
        """How many contours the font's own glyph of ``char`` has; ``None`` for none."""
        name = self.glyph_of.get(char)
        contours = self.contours(name) if name is not None else None
        return len(contours) if contours else None


def _fits(box: tuple[float, float] | None, width_em: float, height_em: float) -> bool:
    """Whether an outline ``box`` (em) is the box drawn on the page, to :data:`BOX_SLACK_EM`."""
    return box is not None and abs(box[0] - width_em) <= BOX_SLACK_EM \
        and abs(box[1] - height_em) <= BOX_SLACK_EM


def unmapped_read(g: Any, raw: str, count: int) -> str:
    """``raw`` with each glyph that has no text mapping read as the Thai character it draws.

    ``g``: the page's :class:`~.pdf_glyphs.Glyphs`; ``raw``: its text, one character
    per pdfium index (``count`` of them), such glyphs standing as :data:`~.pdf_glyphs.LOST`.
    A glyph read stays one character at its index (a NIKHAHIT before its SARA AA is
    joined into SARA AM by :func:`bma_etl.textnorm.repair_text`); one not read stays lost.
    """
    import pypdfium2.raw as pdfium_c

    if LOST not in raw and TAIL not in raw:
        return raw  # most pages: no glyph without text, so no ring seen and no SARA AM to mend
    # (a glyph the map names U+FFFD is as unnamed: cairo's rewrite of a Chromium print)
    todo = sorted({*g.unmapped(count), *(i for i, char in enumerate(raw) if char == LOST)})
    todo = [i for i in todo if raw[i] in DROPPED]
    if not todo:
        return raw
    chars = list(raw)
    fonts: dict[int, _Font | None] = {}
    tails: dict[int, str] = {}
    for i in todo:
        found = _glyph(g, i, fonts)
        code = int(pdfium_c.FPDFText_GetUnicode(g.textpage.raw, i))
        if code in NO_CODE and found is not None:  # no glyph number: found in the content
            origin = g.origin(i)
            page = getattr(g.textpage, "page", None)
            code = (code_at(page, origin) if origin is not None and page is not None
                    else None) or 0xFFFD
        char = None if found is None else found[0].read_by_box(found[1], found[2]) \
            if code == 0xFFFD else found[0].read(code, found[1], found[2])
        if char is None or not THAI_MARK.match(char):
            continue  # only a mark: a letter read so may be a font whose codes are not glyphs
        if len(char) > 1:  # a tone mark and the ring: the SARA AA after them makes SARA AM
            j = i + 1  # (pdfium may set the ligature on a line of its own)
            while j < len(chars) and chars[j] in "\r\n " and g.generated(j):
                j += 1
            if j < len(chars) and chars[j] == SARA_AA:
                chars[i], chars[j] = char[0], SARA_AM
            continue
        if raw[i] == LOST:
            chars[i] = char
        elif char in _RING_AND_TONES:
            tails[i] = char
    g.unread = [i for i in todo if chars[i] == LOST and _mark_drawn(g, i, chars)]
    rings = NIKHAHIT in tails.values() or any(
        chars[i] == NIKHAHIT for i in todo)  # this writer's damage seen on the page
    ams = [i for i, char in enumerate(raw) if char == SARA_AM] if rings else []
    for k in ams:
        found = _glyph(g, k, fonts)
        if found is None or not found[0].drawn(SARA_AA, found[1], found[2]) \
                or found[0].drawn(SARA_AM, found[1], found[2]):
            continue
        j = k - 1  # the ring and tone marks drawn before it (a SARA AM's half, once)
        while j >= 0 and (chars[j] in DROPPED or THAI_MARK.match(chars[j])):
            j -= 1
        cluster = range(j + 1, k)
        if any(chars[i] in DROPPED and i not in tails for i in cluster) \
                or (k + 1 < len(chars) and chars[k + 1] in _NO_TEXT
                    and not g.generated(k + 1)):
            continue  # a glyph drawn there is not read: it may be the ring this SARA AM has
        chars[k] = SARA_AA
        for i in cluster:
            chars[i] = tails.pop(i, chars[i])
    for i, char in tails.items():  # a tone mark drawn before a SARA AM with no tone of its own
        first, last = i, i + 1  # its cluster: the marks and drawn halves about it
        while first > 0 and (chars[first - 1] in _IN_CLUSTER or THAI_MARK.match(chars[first - 1])):
            first -= 1
        while last < len(chars) and (chars[last] in _IN_CLUSTER or THAI_MARK.match(chars[last])):
            last += 1
        if char != NIKHAHIT and not _TONE.search("".join(chars[first:i] + chars[i + 1:last])):
            chars[i] = char
    return "".join(chars)


def _mark_drawn(g: Any, i: int, chars: list[str]) -> bool:
    """Whether lost glyph ``i`` is drawn where a Thai mark goes, beside Thai letters.

    Small (:data:`MARK_MAX_EM`) and clear of the line's letters: its box starts
    :data:`ABOVE_EM` over the baseline or ends :data:`BELOW_EM` over it at most.
    """
    import pypdfium2.raw as pdfium_c

    if not any("\u0e01" <= chars[j] <= "\u0e2e" for j in range(max(0, i - 3), i)):
        return False
    left, bottom, right, top = (ctypes.c_double() for _ in range(4))
    origin, size = g.origin(i), g.size(i)
    if origin is None or size <= 0 or not pdfium_c.FPDFText_GetCharBox(
            g.textpage.raw, i, *(ctypes.byref(v) for v in (left, right, bottom, top))):
        return False
    if max(right.value - left.value, top.value - bottom.value) > MARK_MAX_EM * size:
        return False
    return bottom.value >= origin[1] + ABOVE_EM * size or top.value <= origin[1] + BELOW_EM * size


def _glyph(g: Any, i: int, fonts: dict[int, _Font | None]) -> tuple[_Font, float, float] | None:
    """Character ``i``'s font program and its box's width and height (font sizes).

    ``fonts``: the page's font programs read so far, by pdfium font handle.
    ``None`` where the character has no font, no box or a font with no TrueType outlines.
    """
    import pypdfium2.raw as pdfium_c

    text_object = pdfium_c.FPDFText_GetTextObject(g.textpage.raw, i)
    font = pdfium_c.FPDFTextObj_GetFont(text_object) if text_object else None
    if not font:
        return None
    key = ctypes.cast(font, ctypes.c_void_p).value or 0
    if key not in fonts:
        page = getattr(g.textpage, "page", None)
        fonts[key] = _parsed(font, getattr(page, "pdf", None))
    parsed = fonts[key]
    left, bottom, right, top = (ctypes.c_double() for _ in range(4))
    size = g.size(i)
    if parsed is None or size <= 0 or not pdfium_c.FPDFText_GetCharBox(
            g.textpage.raw, i, *(ctypes.byref(v) for v in (left, right, bottom, top))):
        return None
    return parsed, (right.value - left.value) / size, (top.value - bottom.value) / size


def _parsed(font: Any, document: Any = None) -> _Font | None:
    """``font``'s program as a :class:`_Font` (read once: :func:`.pdf_outlines.read_once`).

    ``document``: the pypdfium2 document the font is drawn in; where the program's
    own ``cmap`` names no Thai mark, the marks its text map names are its references
    (:func:`.pdf_tounicode.named_marks`). ``None`` for one fontTools cannot read.
    fontTools' warnings about the program's own oddities (a subset's ``head`` dated
    1970: Qt's) are no news to the user of a PDF and are not shown.
    """
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    data = font_data(font)
    if data is None:
        return None
    parsed = read_once((data, ()), lambda: _font(data))
    if parsed is not None and not parsed.forms and document is not None:
        marks = named_marks(document).get(program_key(data))
        if marks:
            parsed = read_once((data, tuple(sorted(marks.items()))), lambda: _font(data, marks))
    return parsed


def _font(data: bytes, marks: dict[str, int] | None = None) -> _Font | None:
    """``_Font(data, marks)``, or ``None`` for a program fontTools cannot read."""
    try:
        return _Font(data, marks)
    except Exception as exc:  # fontTools raises many kinds on a damaged font program
        log.debug("font program not read: %s", exc)
        return None

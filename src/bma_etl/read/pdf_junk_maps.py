"""Glyphs of a Thai font whose text map names junk: another program's rewritten ``ToUnicode``.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_layout`, after
:func:`.pdf_unmapped.unmapped_read`). Ghostscript re-distilling a PDF
(``-sDEVICE=pdfwrite``, ``/ebook``, PDF/A) drops a subset font's own ``cmap`` and
writes a new ``ToUnicode``; a glyph the producer's map did not name (it relied on
the font's ``cmap``, or named U+0000) gets junk: an ASCII sign, a digit, a CJK
character (Chromium in Noto Sans Thai: every ``ร`` reads ``/``, a moved tone mark
``-``; LibreOffice: a SARA AM's ring reads ``้䤳``, a raised tone mark ``(``). The
document itself says which glyphs these are, never the producer's name:

* a glyph drawn where a Thai mark goes (small, its ink above the Thai letters or
  under the line, advancing the pen by nothing) next to a Thai letter of its font,
  whose text is no Thai mark;
* a glyph whose ink is a Thai letter's (standing on the line, as tall as its font's
  Thai letters, within :data:`LETTER_SLACK_EM`), set between Thai letters of its font
  with no space, whose text is an ASCII sign or digit (:data:`REPEATS` times on the
  page at least, the same box each time);
* a letter of another script than Latin (CJK) drawn next to a Thai letter of its font.

A real sign keeps its own shape: ``/`` and digits rise over the Thai letters,
``-`` sits half way up them, quotes and ``*`` stand lower than the marks.
Each such glyph is read as :data:`~.pdf_glyphs.LOST` (no text), and a word that holds
one is doubted as a word whose mark no map names (:attr:`.pdf_glyphs.Glyphs.unread`):
its value is NULL with an ``unnamed_glyph`` warning, never stored with junk or a
letter short. The letters of those words count as the page's damage
(:func:`words_lost`): a page that writes a common letter so is read by OCR.
Reading such a glyph by its outline is not tried: Ghostscript's fonts keep no
``cmap`` to compare it with.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from typing import Any

from bma_etl.read.pdf_glyphs import LOST
from bma_etl.read.pdf_spans import bare_call

#: A character next to Thai that may be junk: not Thai, not Latin, not white space.
_CANDIDATE = re.compile(r"[^\u0e00-\u0e7fA-Za-z\s\x00-\x1f\x1e\ufffe\u00a0]")
#: A space a glyph may be named (Ghostscript's ``/printer`` names ``ฒ`` and ``ฑ`` so).
_SPACE = re.compile("(?<=[\u0e01-\u0e4e])[ \u00a0]|[ \u00a0](?=[\u0e01-\u0e4e])")
#: Ink (points high) a glyph named a space has at least: pdfium's box of a space has none.
INK_PT = 0.5
#: The candidates whose text is kept unless they look like a Thai letter many times.
_ASCII_SIGNS = frozenset("!\"#$%&'()*+,-./0123456789:;<=>?@[\\]^_`{|}~")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")
_THAI = re.compile("[\u0e01-\u0e3a\u0e40-\u0e4e]")
#: What a word holds: Thai characters and glyphs read as lost.
_IN_WORD = re.compile("[\u0e01-\u0e5b\x00]")
#: Thai marks: a mark drawn with a mark's glyph is a mark's text.
_MARKS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a"
                   "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
#: Thai letters that rise over the others or hang under the line (their boxes are not
#: the font's letter height): ป ฝ ฟ ฬ, ฎ ฏ ญ ฐ, and the leading vowels.
_UNEVEN = frozenset("\u0e1b\u0e1d\u0e1f\u0e2c\u0e0e\u0e0f\u0e0d\u0e10")
#: A glyph drawn where a mark goes is no wider nor taller than this (font sizes).
MARK_MAX_EM = 0.55
#: How far (font sizes) a mark's glyph moves the pen on at most (a mark advances nothing).
MARK_ADVANCE_EM = 0.1
#: A mark over the letters has its ink this far over its font's Thai letters' top at
#: least (font sizes; the letters stand 0.57 high in Noto Sans Thai, a SARA AM's ring
#: starts at 0.61): a quote or an asterisk starts under 0.5, a degree sign at 0.43.
ABOVE_EM = 0.02
#: The Thai letters' top (font sizes) taken where a page has too few to measure.
LETTER_TOP_EM = 0.58
#: A mark under the line ends this far under it at least (font sizes; ``ุ`` ``ู`` end
#: at -0.07 in Noto Sans Thai; a comma or a full stop ends over the line).
BELOW_EM = -0.04
#: How far (font sizes) a letter's ink may stand off the line, and its top off the
#: font's Thai letters' usual top, for its glyph to be taken for a Thai letter.
LETTER_SLACK_EM = 0.035
#: A glyph whose ink is a Thai letter's width this share of a font size at least.
LETTER_MIN_WIDTH_EM = 0.25
#: How often on a page an ASCII sign or digit must be drawn as a Thai letter (with the
#: same box) to be taken for junk: the glyph code is a letter's, used again and again.
REPEATS = 2


def junk_mapped(g: Any, raw: str) -> tuple[str, list[int]]:
    """``raw`` with each glyph whose text map names junk (see the module) read as lost.

    ``g``: the page's :class:`~.pdf_glyphs.Glyphs`; ``raw``: its text, one character
    per pdfium index. Returns the text (those glyphs' characters, every one a glyph
    maps to, :data:`~.pdf_glyphs.LOST`) and their indexes. Most pages have no Thai
    next to a sign and are not looked at glyph by glyph.
    """
    seen = [m.start() for m in _CANDIDATE.finditer(raw) if _beside_thai(raw, m.start())]
    seen += [i for i in _inked_spaces(g, raw) if _beside_thai(raw, i)]
    if not seen:
        return raw, []
    page = _Page(g, raw)
    junk: set[int] = set()
    letters: dict[tuple[Any, str, float, float], list[int]] = {}
    for i in seen:
        kind = page.junk_kind(i)
        if kind == "mark" and raw[i] in " \u00a0":
            continue  # SARA AM's ring named a space (a damaged map): repair_text mends it
        if kind == "mark" or (kind == "letter" and raw[i] not in _ASCII_SIGNS):
            junk.add(i)
        elif kind == "letter":
            letters.setdefault(page.glyph_key(i), []).append(i)
    for found in letters.values():
        if len(found) >= REPEATS:
            junk.update(found)
    if not junk:
        return raw, []
    chars = list(raw)
    for i in sorted(junk):  # every character the same glyph maps to (one box, one origin)
        for j in (*page.same_glyph(i), i):
            chars[j] = LOST
    lost = [i for i, char in enumerate(chars) if char == LOST and raw[i] != LOST]
    return "".join(chars), lost


def _inked_spaces(g: Any, raw: str) -> list[int]:
    """Spaces the page's text writes (not pdfium's) for a glyph with ink: no space draws any."""
    out = []
    for m in _SPACE.finditer(raw):
        if not g.generated(m.start()):
            _, bottom, _, top = g.tight(m.start())
            if top - bottom > INK_PT:
                out.append(m.start())
    return out


def _beside_thai(raw: str, i: int) -> bool:
    return (i > 0 and _THAI.match(raw[i - 1]) is not None) or (
        i + 1 < len(raw) and _THAI.match(raw[i + 1]) is not None)


class _Page:
    """What a page's glyphs look like: fonts, boxes, and each font's Thai letter height."""

    def __init__(self, g: Any, raw: str) -> None:
        self.g, self.raw = g, raw
        self._fonts: dict[int, Any] = {}
        self._tops: dict[Any, float | None] = {}

    def font(self, i: int) -> Any:
        """Character ``i``'s font handle (an int), or ``None``."""
        import ctypes

        if i not in self._fonts:  # (pdfium's own calls: addresses as ints, 0 for none)
            obj = bare_call("FPDFText_GetTextObject", ctypes.c_size_t)(self.g.handle, i)
            font = bare_call("FPDFTextObj_GetFont", ctypes.c_size_t)(
                ctypes.c_void_p(obj)) if obj else 0
            self._fonts[i] = font or None
        return self._fonts[i]

    def placed(self, i: int) -> tuple[float, float, float, float, float] | None:
        """Character ``i``'s ink box against its baseline, in font sizes, and its size.

        ``(left, bottom, right, top, size)``: bottom and top over the baseline; ``None``
        for a character with no origin or size.
        """
        origin, size = self.g.origin(i), self.g.size(i)
        if origin is None or size <= 1.0:
            return None
        left, bottom, right, top = self.g.tight(i)
        return ((left - origin[0]) / size, (bottom - origin[1]) / size,
                (right - origin[0]) / size, (top - origin[1]) / size, size)

    def letter_top(self, font: Any) -> float | None:
        """The usual top (font sizes over the line) of the page's Thai letters in ``font``."""
        if font not in self._tops:
            tops = []
            for m in _THAI_LETTER.finditer(self.raw):
                i = m.start()
                if m.group() in _UNEVEN or self.font(i) != font:
                    continue
                box = self.placed(i)
                if box is not None and abs(box[1]) <= LETTER_SLACK_EM:
                    tops.append(box[3])
                if len(tops) >= 60:
                    break
            self._tops[font] = statistics.median(tops) if len(tops) >= 3 else None
        return self._tops[font]

    def same_glyph(self, i: int) -> list[int]:
        """The characters next to ``i`` drawn by the same glyph (one box, one origin)."""
        box, origin = self.g.tight(i), self.g.origin(i)
        out = []
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(self.raw) and not self.g.generated(j) \
                    and self.g.tight(j) == box and self.g.origin(j) == origin:
                out.append(j)
                j += step
        return out

    def glyph_key(self, i: int) -> tuple[Any, str, float, float]:
        """What tells one glyph from another: font, text and box size (hundredths of a size)."""
        box = self.placed(i)
        width, height = (box[2] - box[0], box[3] - box[1]) if box else (0.0, 0.0)
        return self.font(i), self.raw[i], round(width, 2), round(height, 2)

    def _thai_next(self, i: int, step: int) -> int | None:
        """The Thai character next to ``i`` (the other side of one glyph's characters)."""
        skip = set(self.same_glyph(i))
        j = i + step
        while 0 <= j < len(self.raw) and j in skip:
            j += step
        if 0 <= j < len(self.raw) and _THAI.match(self.raw[j]) and not self.g.generated(j):
            return j
        return None

    def advances_not(self, i: int, right: float) -> bool:
        """Whether glyph ``i`` moves the pen on by no more than a mark does.

        Its ink ends at its origin (drawn back over the letter before, as a shaper's
        mark is: ``right``, font sizes past the origin), or the next glyph on its line
        starts within :data:`MARK_ADVANCE_EM` of it. A quote or a degree sign advances.
        """
        if right <= MARK_ADVANCE_EM:
            return True
        skip = set(self.same_glyph(i))
        j = i + 1
        while j in skip:
            j += 1
        if j >= len(self.raw) or self.g.generated(j):
            return False
        here, there, size = self.g.origin(i), self.g.origin(j), self.g.size(i)
        return here is not None and there is not None and abs(there[1] - here[1]) <= \
            MARK_ADVANCE_EM * size and abs(there[0] - here[0]) <= MARK_ADVANCE_EM * size

    def junk_kind(self, i: int) -> str | None:
        """``"mark"``, ``"letter"`` or ``None``: what glyph ``i`` is drawn as, if not its text."""
        before, after = self._thai_next(i, -1), self._thai_next(i, 1)
        font = self.font(i)
        near = [j for j in (before, after) if j is not None and self.font(j) == font]
        box = self.placed(i)
        if not near or font is None or box is None:
            return None
        left, bottom, right, top, _ = box
        # (the font's letter top, measured over the page's letters, only where it is asked)
        small = max(right - left, top - bottom) <= MARK_MAX_EM
        if small and self.raw[i] not in _MARKS and (
                bottom >= (self.letter_top(font) or LETTER_TOP_EM) + ABOVE_EM
                or (top <= BELOW_EM and len(near) == 2)) and self.advances_not(i, right):
            return "mark"
        if self.raw[i] not in _ASCII_SIGNS and unicodedata.category(self.raw[i]).startswith("L"):
            return "letter"  # a CJK or other script's letter drawn in a Thai font, in Thai
        if len(near) == 2 and abs(bottom) <= LETTER_SLACK_EM \
                and right - left >= LETTER_MIN_WIDTH_EM:
            letter_top = self.letter_top(font)
            if letter_top is not None and abs(top - letter_top) <= LETTER_SLACK_EM:
                return "letter"
        return None


def words_lost(raw: str, junk: list[int], start: int, end: int) -> int:
    """The letters of line ``raw[start:end]``'s words that hold a glyph of ``junk``, besides it.

    A glyph whose map names junk loses its word, not one letter: the word's value is
    not stored (:attr:`.pdf_glyphs.Glyphs.unread`). Counted as the page's damage, a page
    that writes a common letter so (``ร``: 3 % of the letters, in a word of five)
    is read by OCR. ``junk``: :func:`junk_mapped`'s indexes, in order.
    """
    seen: set[int] = set()
    for i in junk:
        if not start <= i < end or i in seen:
            continue
        first, last = i, i + 1
        while first > start and _IN_WORD.match(raw[first - 1]):
            first -= 1
        while last < end and _IN_WORD.match(raw[last]):
            last += 1
        seen.update(range(first, last))
    return sum(1 for i in seen if raw[i] != LOST)

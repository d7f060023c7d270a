"""Glyphs a PDF gives no text for, and line breaks pdfium invents, in a page's raw text.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_layout`).
A glyph with no text mapping (no ``ToUnicode`` entry, as HarfBuzz-shaped PDFs
leave the second glyph of a split SARA AM: field-cases/shaped_pdf_unmapped_glyph.pdf)
is never passed on as a character: pdfium reports its raw character code instead
(``.``, a control, even a line break), so it is marked here (:data:`LOST`,
:data:`TAIL`) for :mod:`.pdf_layout` to drop and count.
"""

from __future__ import annotations

import ctypes
import math
import re
from typing import Any

#: A gap between two characters of a line this many font sizes wide is a tab.
TAB_GAP_EM = 2.0
BREAK = re.compile(r"\r\n|\r|\n")
# Thai combining marks: MAI HAN-AKAT, SARA I..PHINTHU, MAITAIKHU..YAMAKKAN.
THAI_MARK = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
#: Stands in the page's text for a glyph with no text mapping until lines are built.
LOST = "\x00"
#: Stands for a glyph with no text mapping right after SARA AM: its second half.
TAIL = "\x1e"
DROPPED = (LOST, TAIL)
SENTINEL = re.compile("[\x00\x01\x1e]")
#: Stands for what is left of a line break pdfium generated inside a line.
JOINED = "\x01"

_MATRIX: list[Any] = []  # one FS_MATRIX, made once (the worker reads one page at a time)


def font_size(textpage: Any, index: int) -> float:
    """The font size (points) character ``index`` is drawn at; pdfium's 1 for a generated one.

    pdfium reports the size set in the text state, before the page's matrices: a
    browser that draws in CSS pixels (Chromium scales by 0.75) reports 16 for text
    drawn at 12 points, so every gap measured in font sizes would come out three
    quarters as wide. The character's matrix (text matrix and CTM) gives the scale.
    """
    import pypdfium2.raw as pdfium_c

    handle = getattr(textpage, "raw", textpage)
    size = float(pdfium_c.FPDFText_GetFontSize(handle, index) or 0.0)
    if size <= 1.0:
        return size
    if not _MATRIX:
        _MATRIX.append(pdfium_c.FS_MATRIX())
    matrix = _MATRIX[0]
    if pdfium_c.FPDFText_GetMatrix(handle, index, matrix):
        scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
        if scale > 0.0:
            size *= scale
    return size


def without_false_breaks(textpage: Any, raw: str) -> str:
    """``raw`` without the line breaks pdfium generates inside one line of a shaped PDF.

    Where a page's glyphs lack text mappings pdfium can lose the line's flow and
    break it after every cluster (HarfBuzz-shaped Loma, Waree, Umpush). A
    generated break whose neighbours stand on one baseline, the second just right
    of the first, is no line end: it becomes a generated space (which
    :class:`_Line` keeps or drops by the gap) and a :data:`JOINED` mark.
    """
    import pypdfium2.raw as pdfium_c

    chars = list(raw)
    x, y = ctypes.c_double(), ctypes.c_double()

    def origin(i: int) -> tuple[float, float]:
        pdfium_c.FPDFText_GetCharOrigin(textpage, i, x, y)
        return x.value, y.value

    skipped = (*DROPPED, "\r", "\n")
    for brk in BREAK.finditer(raw):
        before, after = brk.start() - 1, brk.end()
        while before >= 0 and (raw[before] in skipped or THAI_MARK.match(raw[before]) or (
                raw[before] == " " and pdfium_c.FPDFText_IsGenerated(textpage, before) == 1
                and before > 0 and THAI_MARK.match(raw[before + 1]))):
            before -= 1  # a mark's origin may stand right of its base: take the base
        while after < len(raw) and raw[after] in skipped:
            after += 1
        if before < 0 or after >= len(raw) or raw[before] == " " or raw[after] == " ":
            continue
        if any(pdfium_c.FPDFText_IsGenerated(textpage, i) != 1
               for i in range(brk.start(), brk.end())):
            continue
        size = font_size(textpage, before)
        (x0, y0), (x1, y1) = origin(before), origin(after)
        right = textpage.get_charbox(before, loose=True)[2]
        if size > 1.0 and abs(y1 - y0) < 0.2 * size and \
                x0 < x1 and x1 - right < TAB_GAP_EM * size:
            chars[brk.start()] = " "
            for i in range(brk.start() + 1, brk.end()):
                chars[i] = JOINED
    return "".join(chars)


def without_unmapped(textpage: Any, raw: str, count: int) -> str:
    """``raw`` with each glyph that has no text mapping replaced by :data:`LOST`.

    pdfium flags such a glyph (``FPDFText_HasUnicodeMapError``) and reports its
    character code as if it were text; a U+FFFD the PDF maps a glyph to is no
    text either. Replacing rather than removing keeps every index a character
    index, and a lost glyph reported as CR or LF no longer breaks its line.
    """
    import pypdfium2.raw as pdfium_c

    has_error = pdfium_c.FPDFText_HasUnicodeMapError
    chars = list(raw.replace("\ufffd", LOST))
    handle = getattr(textpage, "raw", textpage)  # the bare handle: a third faster per call
    lost = [i for i in range(count) if has_error(handle, i) == 1]
    for i in lost:
        chars[i] = LOST
    for i in lost:
        if _in_sara_am_cluster(chars, i):
            chars[i] = TAIL
    return "".join(chars)


def _in_sara_am_cluster(chars: list[str], i: int) -> bool:
    """Whether the lost glyph ``chars[i]`` is drawn in a cluster whose SARA AM was read.

    HarfBuzz splits SARA AM into NIKHAHIT and SARA AA glyphs (around a tone mark:
    น + ํ + ้ + า); the text map gives one of them the SARA AM and none to the other.
    """
    j = i - 1
    while j >= 0 and chars[j] in DROPPED:
        j -= 1
    if j >= 0 and chars[j] == "\u0e33":
        return True
    k = i + 1
    while k < len(chars) and (chars[k] in DROPPED or THAI_MARK.match(chars[k])):
        k += 1
    return k < len(chars) and chars[k] == "\u0e33"

"""Glyphs a PDF gives no text for, and line breaks pdfium invents, in a page's raw text.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_layout`).
A glyph with no text mapping (no ``ToUnicode`` entry, as HarfBuzz-shaped PDFs
leave the second glyph of a split SARA AM: field-cases/shaped_pdf_unmapped_glyph.pdf)
is never passed on as a character: pdfium reports its raw character code instead
(``.``, a control, even a line break), so it is marked here (:data:`LOST`,
:data:`TAIL`) for :mod:`.pdf_layout` to drop and count. Where pdfium's line
breaks are wrong is found from these glyphs by :mod:`.pdf_linebreaks`.
"""

from __future__ import annotations

import ctypes
import math
import re
import struct
from collections import deque
from itertools import repeat
from typing import Any

from bma_etl.read.pdf_forms import Matrix, apply, box_through, form_misplaced, placed_edges
from bma_etl.textnorm import PUA_TO_THAI

#: A gap between two characters of a line this many font sizes wide is a tab.
TAB_GAP_EM = 2.0
#: Two pieces of one line whose baselines stand this many font sizes apart are two
#: cells (a browser centres a cell's text in its row; one run of text keeps its baseline).
STEP_EM = 0.25
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

_CALLS: dict[str, Any] = {}  # pdfium's per-character calls without argument types


def _bare_calls() -> dict[str, Any]:
    """The per-character functions of pdfium as prototypes that convert no arguments.

    pypdfium2's bindings check and convert every argument, half a microsecond a
    call; a page asks about hundreds of characters, and these take half that. They
    are called with the text page as a pointer (:func:`as_pointer`), an index and
    ``byref`` outputs only. Made as Python-API prototypes (``PYFUNCTYPE``): the
    interpreter lock is kept through the call, not released and taken again around
    each of these calls of a microsecond (pdfium calls back into no Python).
    """
    if not _CALLS:
        import pypdfium2.raw as pdfium_c

        for name, restype in (("FPDFText_HasUnicodeMapError", ctypes.c_int),
                              ("FPDFText_IsGenerated", ctypes.c_int),
                              ("FPDFText_GetUnicode", ctypes.c_uint),
                              ("FPDFText_GetFontSize", ctypes.c_double),
                              ("FPDFText_GetMatrix", ctypes.c_int),
                              ("FPDFText_GetCharOrigin", ctypes.c_int),
                              ("FPDFText_GetCharBox", ctypes.c_int),
                              ("FPDFText_CountChars", ctypes.c_int)):
            address = ctypes.cast(getattr(pdfium_c, name), ctypes.c_void_p).value
            _CALLS[name] = ctypes.PYFUNCTYPE(restype)(int(address or 0))
        # The loose box of every character at once: the outputs are pointers into
        # one array made once (:func:`_box_slots`), passed as they are.
        address = ctypes.cast(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_void_p).value
        _CALLS["loose_into"] = ctypes.PYFUNCTYPE(ctypes.c_int)(int(address or 0))
    return _CALLS


#: A buffer of FS_RECTF boxes and a pointer to each, kept for the next page (grown as needed).
_SLOTS: list[Any] = [(ctypes.c_float * 0)(), []]
#: The type a handle is passed to the per-character calls as: ctypes converts a pointer
#: instance with less work than a ``c_void_p`` (whose format it looks up on each call).
_POINTER = ctypes.POINTER(ctypes.c_char)
#: An origin's x and y as pdfium writes them. Made once: ctypes keeps an array type
#: only while an array of it lives, and a type made anew for each page is garbage
#: only the cyclic collector frees.
_XY = ctypes.c_double * 2


def as_pointer(handle: Any) -> Any:
    """``handle`` (a ``c_void_p`` or raw handle) as a pointer, the cheapest argument to pass."""
    return ctypes.cast(handle, _POINTER)


def _box_slots(count: int) -> tuple[Any, list[ctypes.c_void_p]]:
    """A buffer of at least ``count`` FS_RECTF boxes and a ``c_void_p`` to each.

    Made once and reused page after page: converting an int into a pointer on each
    call (``argtypes``) costs pdfium's loose-box call more than the call itself.
    """
    rects, pointers = _SLOTS
    if len(pointers) < count:
        size = max(count, 2 * len(pointers), 4096)
        rects = (ctypes.c_float * (4 * size))()
        start = ctypes.addressof(rects)
        to_float = ctypes.POINTER(ctypes.c_float)
        pointers = [ctypes.cast(start + 16 * i, to_float) for i in range(size)]
        _SLOTS[:] = [rects, pointers]
    return rects, pointers


def loose_boxes(handle: ctypes.c_void_p) -> tuple[Any, Any]:
    """The left and right edges (points) of every character's advance box on a text page.

    Two numpy arrays (float64), by page index. One call per character into one
    array, with no Python object made per call: a page's text is rebuilt from
    nearly all of its boxes. A character pdfium gives no box for (an index it does
    not know) reads 0.0.
    """
    import numpy as np

    calls = _bare_calls()
    handle = as_pointer(handle)
    count = max(int(calls["FPDFText_CountChars"](handle)), 0)
    if not count:
        return np.zeros(0), np.zeros(0)
    rects, pointers = _box_slots(count)  # FS_RECTF: left, top, right, bottom
    ctypes.memset(rects, 0, 16 * count)  # a box pdfium does not give reads 0.0
    deque(map(calls["loose_into"], repeat(handle, count), range(count), pointers[:count]),
          maxlen=0)
    values = np.frombuffer(rects, dtype=np.float32, count=4 * count).astype(np.float64)
    return values[0::4], values[2::4]


class Glyphs:
    """One text page's characters as pdfium places them, each asked once (in the worker).

    Wraps a pypdfium2 ``PdfTextPage`` (or its raw handle), which must stay open
    while this is used. Positions are PDF points, y upwards. ``forms``: False when
    the page is known to draw no form XObject (its walk found none,
    :func:`.pdf_open.page_shapes`), so no character is asked whether a form moved it.
    """

    def __init__(self, textpage: Any, forms: bool = True) -> None:
        import pypdfium2.raw as pdfium_c

        calls = _bare_calls()
        self.textpage = textpage
        self.handle = ctypes.cast(getattr(textpage, "raw", textpage), ctypes.c_void_p)
        self._at = as_pointer(self.handle)  # what the per-character calls are passed
        self._generated = calls["FPDFText_IsGenerated"]
        self._unicode = calls["FPDFText_GetUnicode"]
        self._size = calls["FPDFText_GetFontSize"]
        self._matrix_of = calls["FPDFText_GetMatrix"]
        self._origin_of = calls["FPDFText_GetCharOrigin"]
        self._tight_of = calls["FPDFText_GetCharBox"]
        self._map_error = calls["FPDFText_HasUnicodeMapError"]
        self._m = pdfium_c.FS_MATRIX()
        self._m_ref = ctypes.byref(self._m)
        self._d = [ctypes.c_double() for _ in range(4)]
        self._d_ref = [ctypes.byref(d) for d in self._d]
        # an origin's x and y, read back as one tuple (:data:`_TWO_DOUBLES`)
        self._xy = _XY()
        self._x_ref, self._y_ref = ctypes.byref(self._xy), ctypes.byref(self._xy, 8)
        self._lefts: list[float] | None = None
        self._rights: list[float] = []
        self._arrays: tuple[Any, Any] | None = None
        self._origins: dict[int, tuple[float, float] | None] = {}
        self._sizes: dict[int, float] = {}
        self._unmapped: tuple[int, list[int]] | None = None  # (:meth:`unmapped`, once asked)
        self._moved: dict[int, Matrix] | None = None if forms else {}
        # whether the page writes zero-width spaces only (.pdf_zero_width), once known
        self.no_advance: bool | None = None
        # glyphs with no text drawn where a Thai mark goes, none read (.pdf_unmapped)
        self.unread: list[int] = []
        # characters that stand for a missing-glyph box (.pdf_hex_boxes)
        self.boxed: set[int] = set()
        # made-up spaces that stand for a space written elsewhere (.pdf_hex_boxes)
        self.written: set[int] = set()
        # the frames of the missing-glyph boxes read, as path boxes (.pdf_hex_boxes)
        self.frames: list[tuple[float, float, float, float]] = []

    def unmapped(self, count: int) -> list[int]:
        """Indexes of the characters (of the first ``count``) with no text mapping (asked once)."""
        if self._unmapped is None or self._unmapped[0] != count:
            flags = list(map(self._map_error, repeat(self._at, count), range(count)))
            self._unmapped = count, [i for i, f in enumerate(flags) if f == 1] if 1 in flags else []
        return list(self._unmapped[1])

    def generated(self, index: int) -> bool:
        """Whether pdfium made character ``index`` up (a space or line break between runs)."""
        if self.written and index in self.written:
            return False
        return bool(self._generated(self._at, index) == 1)

    def unicode(self, index: int) -> int:
        """Character ``index``'s code point as pdfium reports it.

        A Thai form in the Private Use Area (an old Thai font's shifted mark) is
        its Thai character (:data:`bma_etl.textnorm.PUA_TO_THAI`).
        """
        code = int(self._unicode(self._at, index))
        if 0xF700 <= code <= 0xF89E:
            thai = PUA_TO_THAI.get(code)
            if thai is not None:
                return ord(thai)
        return code

    @property
    def lefts(self) -> list[float]:
        """The left edge of each character's advance box (its loose box), by page index."""
        if self._lefts is None:
            self._lefts, self._rights = self._placed_edges()
        return self._lefts

    @property
    def rights(self) -> list[float]:
        """The right edge of each character's advance box, by page index."""
        if self._lefts is None:
            self._lefts, self._rights = self._placed_edges()
        return self._rights

    def edges(self, index: int) -> tuple[float, float]:
        """The left and right edges of character ``index``'s advance box (its loose box)."""
        if self._lefts is None:
            self._lefts, self._rights = self._placed_edges()
        return self._lefts[index], self._rights[index]

    def set_on(self, index: int, baseline: float) -> None:
        """Stand character ``index`` on ``baseline`` (y, points): a box drawn off its line."""
        at = self.origin(index)
        if at is not None:
            self._origins[index] = (at[0], baseline)

    def restate(self, index: int, left: float, right: float, size: float | None,
                boxed: bool = True) -> None:
        """Make character ``index`` stand for a drawing other than its glyph.

        Its advance box becomes ``left``-``right`` (points) and, when given, its
        font size ``size``: a missing-glyph box read as one character (``boxed``,
        added to :attr:`boxed`), or a space written elsewhere (:mod:`.pdf_hex_boxes`).
        """
        lefts, rights = self.lefts, self.rights
        lefts[index], rights[index] = left, right
        if boxed:
            self.boxed.add(index)
        self._arrays = None  # made again from the lists
        if size is not None:
            self._sizes[index] = size

    def unframed(self, paths: list[Any], strokes: list[Any]) -> list[Any]:
        """``paths`` but ``strokes`` and the frames of :attr:`frames` (no rules).

        ``paths``: the page's path boxes as :func:`.pdf_open.page_shapes` gives them
        (left, bottom, right, top, points); see :func:`.pdf_hex_boxes.frames_apart`.
        """
        from bma_etl.read.pdf_hex_boxes import frames_apart

        return frames_apart(paths, strokes, self.frames)

    def _placed_edges(self) -> tuple[list[float], list[float]]:
        """Every character's loose box edges (:func:`loose_boxes`), the :attr:`moved` placed."""
        lefts, rights = loose_boxes(self.handle)
        moved = self.moved
        if not moved:
            self._arrays = lefts, rights
        return placed_edges(lefts.tolist(), rights.tolist(), moved, self._reported_origin)

    def edge_arrays(self) -> tuple[Any, Any]:
        """:attr:`lefts` and :attr:`rights` as numpy arrays (float64)."""
        lefts, rights = self.lefts, self.rights  # made with the arrays when no form moved any
        if self._arrays is None:
            import numpy as np

            self._arrays = np.array(lefts), np.array(rights)
        return self._arrays

    @property
    def moved(self) -> dict[int, Matrix]:
        """See :func:`form_misplaced`; found once per page."""
        if self._moved is None:
            self._moved = form_misplaced(self.textpage, self.handle)
        return self._moved

    def tight(self, index: int) -> tuple[float, float, float, float]:
        """The ink box (left, bottom, right, top) of character ``index``."""
        left, right, bottom, top = self._d
        self._tight_of(self._at, index, *self._d_ref)
        box = left.value, bottom.value, right.value, top.value
        m = self.moved.get(index) if self.moved else None
        return box if m is None else box_through(m, box)

    def origin(self, index: int) -> tuple[float, float] | None:
        """Where character ``index`` is drawn from (x and baseline), if pdfium says."""
        found = self._origins.get(index, _UNASKED)
        if found is not _UNASKED:
            return found
        found = _TWO_DOUBLES(self._xy) if self._origin_of(self._at, index, self._x_ref,
                                                          self._y_ref) else None
        moved = self._moved if self._moved is not None else self.moved
        m = moved.get(index) if moved else None
        if m is not None and found is not None:
            found = apply(m, *found)
        self._origins[index] = found
        return found

    def _reported_origin(self, index: int) -> tuple[float, float] | None:
        """Character ``index``'s origin as pdfium reports it (see :func:`form_misplaced`)."""
        x, y = self._d[0], self._d[1]
        return (x.value, y.value) if self._origin_of(self._at, index, self._d_ref[0],
                                                     self._d_ref[1]) else None

    def size(self, index: int) -> float:
        """See :func:`font_size`."""
        size = self._sizes.get(index)
        if size is None:
            size = float(self._size(self._at, index) or 0.0)
            # (cairo, pdftocairo's rewrite, sets every font at 1 and scales by the
            # matrix; pdfium's generated characters report 1 and keep it)
            if (size > 1.0 or (size == 1.0 and self._generated(self._at, index) != 1)) \
                    and self._matrix_of(self._at, index, self._m_ref):
                a, b, c, d = _FOUR_FLOATS(self._m)  # (FS_MATRIX: a, b, c, d, e, f)
                scale = math.sqrt(abs(a * d - b * c))
                if scale > 0.0:
                    size *= scale
            self._sizes[index] = size
        return size


#: What :meth:`Glyphs.origin`'s cache holds for a character not asked about yet.
_UNASKED: Any = object()
#: Two C doubles read from a buffer as a tuple of floats (no ``.value`` per field).
_TWO_DOUBLES = struct.Struct("2d").unpack_from
#: The first four C floats of a buffer (a matrix's a, b, c, d) as Python floats.
_FOUR_FLOATS = struct.Struct("4f").unpack_from


def glyphs(textpage: Any) -> Glyphs:
    """``textpage`` as :class:`Glyphs` (made once per page)."""
    return textpage if isinstance(textpage, Glyphs) else Glyphs(textpage)


def font_size(textpage: Any, index: int) -> float:
    """The font size (points) character ``index`` is drawn at; pdfium's 1 for a generated one.

    pdfium reports the size set in the text state, before the page's matrices: a
    browser that draws in CSS pixels (Chromium scales by 0.75) reports 16 for text
    drawn at 12 points, so every gap measured in font sizes would come out three
    quarters as wide. The character's matrix (text matrix and CTM) gives the scale.
    ``textpage``: a pypdfium2 text page or its :class:`Glyphs`.
    """
    return glyphs(textpage).size(index)


def without_unmapped(textpage: Any, raw: str, count: int) -> str:
    """``raw`` with each glyph that has no text mapping replaced by :data:`LOST`.

    pdfium flags such a glyph (``FPDFText_HasUnicodeMapError``) and reports its
    character code as if it were text; a U+FFFD the PDF maps a glyph to is no
    text either. Replacing rather than removing keeps every index a character
    index, and a lost glyph reported as CR or LF no longer breaks its line.
    A SARA AM's second glyph that the text map gives U+0002 (fpdf2's shaped print)
    is one too: pdfium takes that code for a soft hyphen, and at a line's end
    writes U+FFFE for it and no line break (a word hyphenated there reads joined),
    which read ``ศาลาท่าน้ำ-`` run into the next line: it is the line's break there.
    A glyph the map names U+0000 pdfium writes U+FFFE for too, anywhere: Ghostscript's
    rewrite of a Chromium print names its moved marks so (``ปี`` read ``ป-``); no text.
    ``textpage``: a pypdfium2 text page or its :class:`Glyphs`.
    """
    g = glyphs(textpage)
    raw = raw.replace("\ufffd", LOST)
    hyphens = [i for i, char in enumerate(raw) if char in _HYPHEN_CODES] \
        if "\x02" in raw or "\ufffe" in raw else []  # (most pages hold neither code)
    lost = [*g.unmapped(count), *(i for i in hyphens if raw[i] == "\ufffe" and not g.unicode(i))]
    if not lost and not hyphens:
        return raw
    chars = list(raw)
    for i in lost:
        chars[i] = LOST
    for i in (*lost, *hyphens):
        if _in_sara_am_cluster(chars, i):
            chars[i] = "\n" if chars[i] == "\ufffe" else TAIL
    return "".join(chars)


#: What pdfium reports for a soft hyphen: U+0002 within a line, U+FFFE at its end.
_HYPHEN_CODES = "\x02\ufffe"


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

"""Line breaks pdfium invents inside a line, and those it does not write, in a page's raw text.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_layout`).
Consumes a page's raw text as pdfium gives it and the page's
:class:`~.pdf_glyphs.Glyphs` (origins, sizes, advance boxes); produces the text with
the false breaks of a shaped PDF turned into spaces (:func:`without_false_breaks`)
and the spans of every line break, including those pdfium missed between a
narrow cell's lines (:func:`line_breaks`). Indices stay page indices.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from bma_etl.read.pdf_glyphs import (
    BREAK,
    DROPPED,
    JOINED,
    LOST,
    TAB_GAP_EM,
    TAIL,
    THAI_MARK,
    Glyphs,
    glyphs,
)


def without_false_breaks(textpage: Any, raw: str) -> str:
    """``raw`` without the line breaks pdfium generates inside one line of a shaped PDF.

    Where a page's glyphs lack text mappings pdfium can lose the line's flow and
    break it after every cluster (HarfBuzz-shaped Loma, Waree, Umpush). A
    generated break whose neighbours stand on one baseline, the second just right
    of the first, is no line end: it becomes a generated space (which
    :class:`_Line` keeps or drops by the gap) and a :data:`JOINED` mark. Marks that
    open the second line may be judged by the letter after them (:func:`_letter_after`).
    ``textpage``: a pypdfium2 text page or its :class:`Glyphs`.
    """
    g = glyphs(textpage)
    chars: list[str] | None = None
    skipped = (*DROPPED, JOINED, "\r", "\n")  # (JOINED: a box's digits, a copy: no text)
    for brk in BREAK.finditer(raw):
        before, after = brk.start() - 1, brk.end()
        while before >= 0 and (raw[before] in skipped or THAI_MARK.match(raw[before]) or (
                raw[before] == " " and before > 0 and (THAI_MARK.match(raw[before + 1])
                                                       or raw[before + 1] == JOINED)
                and g.generated(before))):
            before -= 1  # a mark's origin may stand right of its base: take the base
        while after < len(raw) and (raw[after] in skipped or (
                raw[after] == " " and raw[after - 1] == JOINED and g.generated(after))):
            after += 1  # (a space pdfium generated between a span's copies: no text)
        if before < 0 or after >= len(raw) or raw[before] == " " or raw[after] == " ":
            continue
        # A line that starts left of where the one before it stands is a new line:
        # the cheapest test first (most breaks are real ones).
        if not (_goes_on(g, before, after) or _goes_on(g, before, _letter_after(raw, after))
                or _marks_left_behind(g, raw, before, after)):
            continue
        if not all(g.generated(i) for i in range(brk.start(), brk.end())):
            continue
        if chars is None:
            chars = list(raw)
        chars[brk.start()] = " "
        for i in range(brk.start() + 1, brk.end()):
            chars[i] = JOINED
        for i in (*range(before + 1, brk.start()), *range(brk.end(), after)):
            if chars[i] == " " and JOINED in (raw[i - 1], raw[i + 1]):
                chars[i] = JOINED  # a space between copies: the break's one stands for it
    return raw if chars is None else "".join(chars)


def _goes_on(g: Glyphs, before: int, after: int | None) -> bool:
    """Whether character ``after`` stands on ``before``'s baseline, just right of it."""
    if after is None:
        return False
    first, second = g.origin(before), g.origin(after)
    if first is None or second is None or not first[0] < second[0]:
        return False
    size = g.size(before)
    return size > 1.0 and abs(second[1] - first[1]) < 0.2 * size and \
        second[0] - g.edges(before)[1] < TAB_GAP_EM * size


def _marks_left_behind(g: Glyphs, raw: str, before: int, after: int) -> bool:
    """Whether ``raw[after:]`` to the next break is marks alone written late on ``before``'s line.

    LibreOffice may write a letter's vowel below (``ู`` of ``ความรู้``) after the end of
    its line, and pdfium sets it on a line of its own: its pen stands on that line's
    baseline, over the line, left of its end. Such marks are the line's: its
    mark repairs (:mod:`.pdf_clusters`) put them back over their letter.
    """
    end = after
    while end < len(raw) and THAI_MARK.match(raw[end]):
        end += 1
    if end == after:
        return False
    first, mark = g.origin(before), g.origin(after)
    size = g.size(before)
    if first is None or mark is None or size <= 1.0:
        return False
    if end < len(raw) and raw[end] not in "\r\n":
        # or the marks, then a space pdfium made and the line going on on ``before``'s
        # baseline, right of it (Gnumeric through cairo: ``ที่`` / ``้ ๙,๓๐๒``, a cell)
        going = g.origin(end + 1) if end + 1 < len(raw) else None
        if not (raw[end] == " " and g.generated(end) and going is not None
                and abs(going[1] - first[1]) < 0.2 * size and going[0] > first[0]):
            return False
    return abs(mark[1] - first[1]) < 0.2 * size and mark[0] < first[0]


def _letter_after(raw: str, at: int) -> int | None:
    """The letter after the Thai marks at ``raw[at]`` (and breaks among them), or None.

    HarfBuzz-shaped Sarabun draws a tone mark stacked over a vowel above (``ทั่วโลก``)
    higher than the line and a hair left of the vowel's end, and pdfium breaks the
    line before it (``ทั`` / ``่วโลก``): the mark's own place tells nothing, the letter
    after it stands where the line goes on.
    """
    if not THAI_MARK.match(raw[at]):
        return None
    while at < len(raw) and (THAI_MARK.match(raw[at]) or raw[at] in "\r\n"):
        at += 1
    return at if at < len(raw) and not raw[at].isspace() else None


#: A character whose baseline stands this many font sizes off the one before it,
#: and left of where that one ends, begins another line (see :func:`line_breaks`).
MISSED_BREAK_EM = 0.6


def line_breaks(textpage: Any, raw: str) -> list[tuple[int, int]]:
    """The spans of ``raw``'s line breaks: pdfium's, and empty ones where it wrote none.

    LibreOffice prints a Word table's narrow cells so that pdfium may write no
    break between a cell's last line and the next row's first (``อน๒.``: ``อน`` on
    one baseline, ``๒.`` a line lower and back at the cell's left edge), or only a
    space (``งาน ๓.``). Where two characters with nothing but marks or white space
    between them stand on baselines :data:`MISSED_BREAK_EM` font sizes apart, the
    second left of where the first ends (back at a line's start, not further along
    it), a line ends: a span over the white space pdfium generated there, or an
    empty one before the second character. Indices stay page indices.
    ``textpage``: a pypdfium2 text page or its :class:`Glyphs`.
    """
    g = glyphs(textpage)
    out: list[tuple[int, int]] = []
    start = 0
    for brk in (*BREAK.finditer(raw), None):
        end = brk.start() if brk else len(raw)
        out.extend(_missed_breaks(g, raw, start, end))
        if brk is not None:
            out.append(brk.span())
            start = brk.end()
    return out


def _missed_breaks(g: Glyphs, raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """The breaks in ``raw[start:end]`` (one line as pdfium broke it) that it did not write.

    A break takes the white space pdfium generated right before the next line's
    first character (``งาน ๓.``, and ``ค ้ น`` of ``สืบค้`` / ``น``: a mark between
    is the first line's); a written space stays at the end of its line.
    """
    head = _BASE.search(raw, start, end)
    if head is None:
        return []
    tail = end - 1  # the last base, found from the end (one regex call per character)
    while _BASE.match(raw, tail, end) is None:
        tail -= 1
    if tail == head.start():
        return []
    first, last = g.origin(head.start()), g.origin(tail)
    size = g.size(head.start())
    if first is not None and last is not None and size > 1.0 \
            and abs(first[1] - last[1]) < MISSED_BREAK_EM * size:
        return []  # the line ends on the baseline it starts on: most lines
    bases = [m.start() for m in _BASE.finditer(raw, start, end)]
    out = []
    for a, b in pairwise(bases):
        between = range(a + 1, b)
        if any(raw[k] in _NO_BASE and raw[k] not in _WHITE for k in between):
            continue  # a lost glyph or a joined break between: left as it is
        one, two = g.origin(a), g.origin(b)
        size = g.size(a)
        if one is None or two is None or size <= 1.0 or g.generated(b):
            continue
        if abs(two[1] - one[1]) >= MISSED_BREAK_EM * size and two[0] < g.edges(a)[1]:
            lead = b  # the white space right before the next line's first character
            while lead > a + 1 and raw[lead - 1] in _WHITE:
                lead -= 1
            made = lead < b and all(g.generated(k) for k in range(lead, b))
            out.append((lead, b) if made else (b, b))
    return out


#: White space pdfium may write between two lines it did not break.
_WHITE = frozenset((" ", "\u00a0"))
#: Characters that are no letter drawn on a line: white space, breaks, stand-ins.
_NO_BASE = frozenset((" ", "\u00a0", "\t", "\r", "\n", LOST, TAIL, JOINED))
#: One character that is a letter drawn on a line: neither of :data:`_NO_BASE` nor a
#: Thai mark (:data:`THAI_MARK`).
_BASE = re.compile("[^ \u00a0\t\r\n\x00\x1e\x01\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")

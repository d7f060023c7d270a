"""Text printed over text: letters of a line whose boxes stand over each other.

Stage: read (runs in the PDF worker process; a helper of :func:`.pdf_layout.page_lines`).
A writer that does not break Thai inside a table cell (xhtml2pdf: a project's name
ran on over the budget cell beside it) draws two texts over each other. pdfium gives
each letter its box, and a line rebuilt from them in the order they stand on the page
interleaves the two (``น๔ข้,๒อ๐มู๐ลผั,๐ง๐เมื๐อ.-งดิจิทัลบาท`` for the name's
``...ฐานข้อมูลผังเมืองดิจิทัล`` over ``๔,๒๐๐,๐๐๐.- บาท``): no value read from that cell
can be trusted. Two spacing letters of one line overprint when their advance boxes
overlap by more than :data:`OVERLAP_SHARE` of the narrower one's width and the PDF
draws them :data:`MIN_APART` characters apart or more (two runs of text); a mark
(drawn over its letter by design, as a shaped SARA AM's NIKHAHIT is), white space,
the letters of one shaped cluster and the same letter drawn twice in one place (a
producer's fake bold) do not count.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

import numpy as np

from bma_etl.read.pdf_glyphs import DROPPED

__all__ = ["MIN_APART", "OVERLAP_SHARE", "UNREAD", "overprinted_cell", "overprinted_cells",
           "unread_words"]

#: What a word that lost a mark starts with among a page's overprinted cells
#: (:func:`unread_words`): such a word is doubted as they are, for another reason.
UNREAD = "\x00"
#: Fewest letters of a word that lost a mark for it to be found by its letters alone.
WORD_LETTERS = 3
_SPACES = re.compile(r"\s+")
#: How many characters either side of a lost mark make its word (:func:`unread_words`).
_AROUND = 3
_MARK_RE = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
#: Share of the narrower letter's width that another letter's box must cover: kerned
#: pairs (``AV``, ``To``) overlap by a few hundredths of an em, never by half a letter.
OVERLAP_SHARE = 0.5
#: How far apart in the PDF's drawing order (characters) two overlapping letters must be
#: to belong to two runs: the letters of one shaped cluster (a letter and what pdfium
#: puts around its marks) are nearer.
MIN_APART = 3
#: Letters drawn in the same place within this share of their width are one letter
#: drawn twice (a fake bold's copy), not two texts.
_SAME_PLACE = 0.15
#: Thai marks drawn over or under their letter (zero advance), and SARA AM, whose
#: NIKHAHIT a shaping writer draws over the letter before (its box reaches back over
#: it): they stand on their letter's box by design.
_MARKS = frozenset(chr(c) for c in (0x0E31, 0x0E33, *range(0x0E34, 0x0E3B),
                                    *range(0x0E47, 0x0E4F)))
#: Two letters overprint only on one baseline, within this share of a font size.
_BASELINE_EM = 0.3
_NOT_LETTERS = frozenset(" \u00a0\t\r\n\x00\x01\x1e\u200b")
#: Characters never measured: no letters, or marks standing on their letter's box.
_SKIPPED = _NOT_LETTERS | _MARKS
_SKIPPED_CODES = np.array(sorted(ord(c) for c in _SKIPPED), dtype=np.uint32)
#: Apart from each other's (points): a page's coordinates stay well within it.
_LINE_APART = 1e5
#: Letters fewer than this many overprinted in a line are not counted: one letter's
#: box can lie over its neighbour's in a tight italic.
_MIN_LETTERS = 2


def overprinted_cells(g: Any, raw: str,
                      lines: Sequence[tuple[int, int, str, tuple[float, ...]]]) -> list[str]:
    """The cells of a page's lines in which two texts overprint (:func:`overprinted_cell`).

    ``lines``: each line's ``(start, end, text, cells)`` as :func:`overprinted_cell`
    takes them, in the page's order. The page is looked at once, over its arrays: of two
    letters that overprint, the one drawn later begins left of a box drawn before it in
    its line by more than :data:`OVERLAP_SHARE` of the narrower one's width, so by more
    than that share of its own width or of the narrowest box before it. Taken in drawing
    order, a line of letters set side by side never does (nearly every line); only a line
    where one does is sorted and measured.
    """
    lefts, rights = g.edge_arrays()
    count = min(len(raw), len(lefts))
    line_of = np.full(count, -1, dtype=np.int64)
    for k, (start, end, _, _) in enumerate(lines):
        line_of[start:min(end, count)] = k
    codes = np.frombuffer(raw[:count].encode("utf-32-le"), dtype=np.uint32)
    widths = rights[:count] - lefts[:count]
    kept = (line_of >= 0) & (widths > 0.1) & ~np.isin(codes, _SKIPPED_CODES)
    if kept.sum() < 2:
        return []
    line, width = line_of[kept], widths[kept]
    apart = line * _LINE_APART  # each line's boxes right of every earlier line's
    reach = np.maximum.accumulate(rights[:count][kept] + apart)
    narrowest = np.minimum.accumulate(width - apart)
    before = np.concatenate(([-np.inf], reach[:-1]))
    narrowest_before = np.concatenate(([np.inf], narrowest[:-1])) + apart
    over = lefts[:count][kept] + apart < before - OVERLAP_SHARE * np.minimum(width,
                                                                             narrowest_before)
    out: list[str] = []
    for k in np.unique(line[over]).tolist():
        start, end, text, cells = lines[k]
        out.extend(overprinted_cell(g, raw, start, end, text, cells))
    return out


def overprinted_cell(g: Any, raw: str, start: int, end: int, text: str,
                     cells: tuple[float, ...]) -> list[str]:
    """The cells of a line in which two texts overprint; empty when none do.

    ``g``: the page's :class:`~.pdf_glyphs.Glyphs`; ``raw[start:end]``: the line's
    characters, index for index pdfium's; ``text``: the line as rebuilt (cells
    separated by tabs); ``cells``: x (points) of each cell's first character. Returns
    the text of the cell where the first overprinted letters stand and of the cell
    each of the two texts starts in (a name run on over the cell beside it is cut at
    the rule between them: what is left of it in its own cell is no value either),
    or the whole line when its cells are not known.
    """
    boxes: list[tuple[float, float, str, int]] = []
    for i in range(start, end):
        ch = raw[i]
        if ch in _SKIPPED or ch.isspace():
            continue
        left, right = g.edges(i)
        if right - left > 0.1:
            boxes.append((left, right, ch, i))
    boxes.sort()
    hits: list[tuple[float, int, int]] = []  # x of the later letter, the two indexes
    widest: tuple[float, float, str, int] | None = None  # the box reaching furthest right
    for box in boxes:  # the baselines asked only of letters that overlap (a line has few)
        if widest is not None and _overprints(widest, box) and _one_baseline(g, widest, box):
            hits.append((box[0], widest[3], box[3]))
        if widest is None or box[1] > widest[1]:
            widest = box
    if len(hits) < _MIN_LETTERS:
        return []
    parts = text.split("\t")
    if len(parts) != len(cells) or len(parts) == 1:
        return [text]
    x, first, second = hits[0]
    places = [x, _run_start(g, raw, start, first), _run_start(g, raw, start, second)]
    found = sorted({max(0, bisect_right(cells, at + 0.01) - 1) for at in places})
    return [parts[k] for k in found]


def _run_start(g: Any, raw: str, start: int, i: int) -> float:
    """Where (x, points) the run of text drawn up to ``raw[i]`` begins on its line.

    Back in drawing order from ``i`` while each letter stands left of the next one
    and leaves less than a font size between them (a run set left to right; the cell
    before it stands further off); ``start``: the line's first index.
    """
    left = g.edges(i)[0]
    size = max(g.size(i), 1.0)
    j = i - 1
    while j >= start and raw[j] not in "\r\n\t":
        j_left, j_right = g.edges(j)
        if raw[j].isspace():
            j -= 1
            continue
        if j_left > left + 0.5 * size or left - j_right > size:
            break
        left = min(left, j_left)
        j -= 1
    return left


def _overprints(a: tuple[float, float, str, int], b: tuple[float, float, str, int]) -> bool:
    """Whether letter box ``b`` stands over ``a`` across (see the module docstring)."""
    if abs(a[3] - b[3]) < MIN_APART:
        return False
    narrow = min(a[1] - a[0], b[1] - b[0])
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    if overlap <= OVERLAP_SHARE * narrow:
        return False
    return not (a[2] == b[2] and abs(a[0] - b[0]) <= _SAME_PLACE * narrow)


def _one_baseline(g: Any, a: tuple[float, float, str, int],
                  b: tuple[float, float, str, int]) -> bool:
    """Whether letters ``a`` and ``b`` stand on one baseline (:data:`_BASELINE_EM`).

    Two lines of a cell that pdfium ran into one line overlap across, not over each
    other. Unknown when pdfium gives no origin: then not.
    """
    first, second = g.origin(a[3]), g.origin(b[3])
    if first is None or second is None:
        return False
    return abs(first[1] - second[1]) <= _BASELINE_EM * max(g.size(a[3]), g.size(b[3]), 1.0)


def unread_words(raw: str, start: int, end: int, unread: Sequence[int]) -> list[str]:
    """The words of line ``raw[start:end]`` that hold a glyph of ``unread``, as read.

    ``raw``: the page's text, one character per pdfium index, lost glyphs as
    :data:`~.pdf_glyphs.LOST`; ``unread``: indexes of lost glyphs drawn where a Thai
    mark goes (:func:`.pdf_unmapped.unmapped_read`). A word is the Thai letters and
    lost glyphs within :data:`_AROUND` characters of one, the lost glyphs left out
    (``เป็น`` read ``เปน``), tagged :data:`UNREAD`; it is found in the line's text
    by its letters, marks aside (a mark the PDF wrote out of place is put back). A
    mark with no letter about it (drawn after its line, between generated spaces) is
    left out: it would be found in every line.
    """
    words = []
    for i in unread:
        if not start <= i < end:
            continue
        first, last = i, i + 1
        while first > max(start, i - _AROUND) and _in_word(raw[first - 1]):
            first -= 1
        while last < min(end, i + 1 + _AROUND) and _in_word(raw[last]):
            last += 1
        word = "".join(c for c in raw[first:last] if c not in DROPPED)
        # (a mark the PDF drew after its line has no letters about it: nothing to find)
        if letters_only(word) and UNREAD + word not in words:
            words.append(UNREAD + word)
    return words


def _in_word(char: str) -> bool:
    return "\u0e01" <= char <= "\u0e5b" or char in DROPPED


def letters_only(text: str) -> str:
    """``text`` without its Thai marks (how an unread word is found in its line)."""
    return _MARK_RE.sub("", text)


def overprinted_lines(pages: Sequence[Any]) -> tuple[tuple[int, str], ...]:
    """Lines of a PDF's text holding text printed over text: ``(1-based line, cell)``.

    ``pages``: :class:`~.pdf.PdfPage` items in order, their texts joined by a newline
    (:attr:`.pdf.PdfText.text`); each names its overprinted cells (``overprints``, and
    the words that lost a mark, tagged :data:`UNREAD`). A cell the page's later steps
    changed past finding is left out; OCR'd pages have none. A word that lost a mark
    is looked for as read first: only where it is not found so, by its letters. One of
    fewer than :data:`WORD_LETTERS` letters is looked for whole first (``ป`` of ``ปี`` is
    in most lines), as read within words only where it is nowhere whole (a piece of a
    longer word: ``่าน`` of ``ท่าน้ำ``).
    """
    out: list[tuple[int, str]] = []
    first = 1
    for page in pages:
        if page.overprints and not page.ocr:
            lines = page.text.split("\n")
            for cell in page.overprints:
                found = [k for k, line in enumerate(lines) if cell in line]
                if not found and cell.startswith(UNREAD):
                    word = cell.removeprefix(UNREAD)  # as read first: a label each row
                    read = [k for k, line in enumerate(lines) if word in line]
                    by = [k for k, line in enumerate(lines) if _unread_in(cell, line)]
                    found = (by or read) if len(letters_only(word)) < WORD_LETTERS else (read or by)
                out.extend((first + k, cell) for k in found)  # repeats, its mark read in some
        first += page.text.count("\n") + 1
    return tuple(sorted(out))


def _unread_in(cell: str, line: str) -> bool:
    """Whether ``cell``, a word that lost a mark (tagged :data:`UNREAD`), is in ``line``.

    Found by its letters, marks and white space aside; a word of fewer than :data:`WORD_LETTERS`
    letters only as read and whole, between characters that are no Thai (``นที`` of
    ``รุ่นที่`` is in ``เดินทาง`` by its letters, ``ป`` of ``ปี`` in most lines as read).
    """
    if not cell.startswith(UNREAD):
        return False
    word = cell.removeprefix(UNREAD)
    letters = letters_only(word)
    if len(letters) >= WORD_LETTERS:  # (a space where the lost glyph advanced the pen)
        return letters in _SPACES.sub("", letters_only(line))
    return re.search(f"(?<![\u0e01-\u0e5b]){re.escape(word)}(?![\u0e01-\u0e5b])",
                     line) is not None

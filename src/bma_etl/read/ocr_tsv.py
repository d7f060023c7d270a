"""Tesseract's TSV output: its word rows as lines, and the edits made to it.

Stage: read. The TSV has one row per word (level 5) with its box, in pixels of the
image read, and its confidence, grouped under line rows (level 4) by block,
paragraph and line. :func:`parse_tsv` gives its lines of word pieces for
:mod:`~bma_etl.read.ocr_layout`; :func:`missed_bands`, :func:`shifted_tsv`,
:func:`latin_words` and :func:`with_words_replaced` are the steps by which
:func:`~bma_etl.read.ocr.ocr_image` reads again what Tesseract's page layout left
out or read as Latin junk.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PIL import Image

_THAI = re.compile("[\u0e00-\u0e7f]")

#: Block numbers from this on are lines read again from a band of the page that
#: Tesseract's layout left out (:func:`missed_bands`, :func:`shifted_tsv`).
MISSED_BLOCK = 10_000
#: A row of the page holds text when at least this share of its pixels is ink
#: that no word box covers...
MISSED_INK = 0.012
#: ...and such rows make a missed line when they run this many median word heights.
MISSED_HEIGHT = 0.6
#: Ink running down the page this many median word heights unbroken is no text: a
#: table's vertical rules, a screenshot's scroll bar or window edge. It is not
#: counted, else it fills every gap between a table's rows past :data:`MISSED_INK`.
MISSED_RULE_HEIGHTS = 3


@dataclass(slots=True)
class TsvPiece:
    """One TSV word row: its ``(block, paragraph, line)``, box in pixels, confidence, text."""

    line: tuple[int, int, int]
    left: int
    top: int
    right: int
    bottom: int
    conf: float
    text: str
    spaces: int | None = None  # spaces before it in Tesseract's text; None: unknown
    doubted: bool = False  # its digits read otherwise by the English model: :data:`DOUBTED`
    agreed: bool = False  # its Thai digits read alike glyph by glyph: :data:`AGREED`

    @property
    def height(self) -> int:
        """Height of its box in pixels."""
        return self.bottom - self.top


@dataclass(slots=True)
class TsvLine:
    """One TSV line row (its height in pixels) and its word pieces in reading order."""

    height: int
    pieces: list[TsvPiece] = field(default_factory=list)


def parse_tsv(tsv: str) -> list[TsvLine]:
    """Tesseract's TSV as lines of word pieces, in reading order (blank words left out)."""
    lines: dict[tuple[int, int, int], TsvLine] = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] not in ("4", "5"):
            continue
        try:
            block, par, line, left, top, width, height = (int(c) for c in
                                                          (*cells[2:5], *cells[6:10]))
            conf = float(cells[10])
        except ValueError:
            continue
        key = (block, par, line)
        if cells[0] == "4":
            lines[key] = TsvLine(height)
        elif cells[11].strip() and key in lines:
            lines[key].pieces.append(TsvPiece(key, left, top, left + width, top + height,
                                            max(conf, 0.0), cells[11].strip(),
                                            doubted=cells[12:13] == [DOUBTED],
                                            agreed=cells[12:13] == [AGREED]))
    return [line for line in lines.values() if line.pieces]


def tsv_and_text(api: Any, width: int, height: int) -> tuple[str, str]:
    """Tesseract's TSV and plain text of the page it last recognised, from one walk of its words.

    ``api`` is a tesserocr engine after ``Recognize``; ``width`` and ``height``,
    the image's size in pixels (the TSV's page row). The TSV is the one
    ``GetTSVText(0)`` returns, row for row; the text has the words' spaces as
    ``GetUTF8Text`` gives them (``BlanksBeforeWord``: Thai keeps Tesseract's gaps
    between words), one line of the page per line. Tesseract's own calls walk the
    words once each, and every step of its result iterator is slow on a Thai page
    (each cluster a word): a page of 2,268 words took 0.45-1.4 s for the two, and
    0.24-0.8 s this way.
    """
    from tesserocr import RIL

    rows = [f"1\t1\t0\t0\t0\t0\t0\t0\t{width}\t{height}\t-1\t"]
    lines: list[list[str]] = []
    it = api.GetIterator()
    block = par = line = word = 0
    while it is not None and not it.Empty(RIL.BLOCK):
        if it.Empty(RIL.WORD):
            if not it.Next(RIL.WORD):
                break
            continue
        if it.IsAtBeginningOf(RIL.TEXTLINE) or not lines:
            # A block or paragraph starts with a line: asked only there.
            if it.IsAtBeginningOf(RIL.BLOCK):
                block, par = block + 1, 0
                rows.append(_tsv_row(it, RIL.BLOCK, 2, block, 0, 0, 0))
            if it.IsAtBeginningOf(RIL.PARA):
                par, line = par + 1, 0
                rows.append(_tsv_row(it, RIL.PARA, 3, block, par, 0, 0))
            line, word = line + 1, 0
            rows.append(_tsv_row(it, RIL.TEXTLINE, 4, block, par, line, 0))
            lines.append([])
        word += 1
        text = it.GetUTF8Text(RIL.WORD)
        rows.append(_tsv_row(it, RIL.WORD, 5, block, par, line, word,
                             f"{it.Confidence(RIL.WORD):f}", text))
        lines[-1].append(" " * it.BlanksBeforeWord() + text)
        if not it.Next(RIL.WORD):
            break
    return "\n".join(rows) + "\n", "\n".join("".join(words) for words in lines)


def _tsv_row(it: Any, level: int, kind: int, block: int, par: int, line: int, word: int,
             conf: str = "-1", text: str = "") -> str:
    left, top, right, bottom = it.BoundingBox(level)
    return (f"{kind}\t1\t{block}\t{par}\t{line}\t{word}\t{left}\t{top}\t{right - left}\t"
            f"{bottom - top}\t{conf}\t{text}")


def missed_bands(page: Image.Image, tsv: str) -> list[tuple[int, int]]:
    """``(top, bottom)`` pixel rows of the page's lines of ink that no TSV word is beside.

    Tesseract's page layout (``psm 3``) now and then leaves a whole text line out
    of its blocks (a paragraph line of fixture 002's scan, with lines held to 2.5
    blob heights). A band is rows with ink (:data:`MISSED_INK`) at whose height no
    word of the page stands, at least :data:`MISSED_HEIGHT` median word heights
    tall (rules and specks are thinner), with a margin of one word height. Ink in a
    vertical run of :data:`MISSED_RULE_HEIGHTS` word heights is not counted: a 1x
    screenshot's table rules and dark window edge (2 % of each pixel row) made every
    gap between its rows such a band, read again as junk glued onto the values.
    """
    from bma_etl.read.ocr_image import otsu_threshold

    boxes = [(p.top, p.bottom) for line in parse_tsv(tsv) for p in line.pieces]
    if not boxes:
        return []
    height = statistics.median(bottom - top for top, bottom in boxes)
    read = bytearray(page.height + 1)
    for top, bottom in boxes:
        read[max(0, top - 2):bottom + 3] = b"\x01" * len(read[max(0, top - 2):bottom + 3])
    threshold = otsu_threshold(page)
    ink = np.asarray(page.convert("L")) < threshold
    if not _bands(np.rint(ink.mean(axis=1) * 255).tolist(), read, height):
        return []  # (taking the runs out only lowers each row's ink: most pages stop here)
    ink &= ~_vertical_runs(ink, round(MISSED_RULE_HEIGHTS * height))
    return _bands(np.rint(ink.mean(axis=1) * 255).tolist(), read, height, page.height)


def _bands(rows: list[float], read: bytearray, height: float, bottom: int = 0
           ) -> list[tuple[int, int]]:
    """The bands of ``rows`` (each pixel row's ink, 0-255) that no word stands beside.

    ``read``: 1 for each pixel row a word covers; ``height``: the median word height;
    ``bottom``: the page's height, where a band's margin ends (0: the bands unpadded).
    """
    limit = 255 * MISSED_INK
    bands: list[tuple[int, int]] = []
    start: int | None = None
    for y, value in enumerate([*rows, 0]):
        if value >= limit and not read[y]:
            start = y if start is None else start
        elif start is not None:
            if y - start >= MISSED_HEIGHT * height:
                pad = round(height) if bottom else 0
                bands.append((max(0, start - pad), min(bottom, y + pad) if bottom else y))
            start = None
    return bands


def _vertical_runs(ink: np.ndarray, length: int, chunk: int = 512) -> np.ndarray:
    """Pixels of ``ink`` (a boolean ``(height, width)`` array) in a long vertical run.

    A run is ``length`` pixels or more: a morphological opening by a line that tall.
    Worked ``chunk`` columns at a time, to keep a 400 dpi page's sums small.
    """
    out = np.zeros_like(ink)
    height = ink.shape[0]
    if length < 2 or height < length:
        return out
    ys = np.arange(height)
    low = np.maximum(ys - length + 1, 0)
    for left in range(0, ink.shape[1], chunk):
        part = ink[:, left:left + chunk]
        sums = np.zeros((height + 1, part.shape[1]), dtype=np.int32)
        np.cumsum(part, axis=0, out=sums[1:])
        starts = (sums[length:] - sums[:-length]) == length  # [y, y + length) all ink
        marks = np.zeros_like(sums)
        np.cumsum(starts, axis=0, out=marks[1:starts.shape[0] + 1])
        marks[starts.shape[0] + 1:] = marks[starts.shape[0]]
        out[:, left:left + chunk] = (marks[ys + 1] - marks[low]) > 0  # a run in (y-length, y]
    return out


#: A word of Latin letters (two or more) that Tesseract's ``tha+eng`` may have made
#: of a Thai word (``UM`` for ``บาท``, ``any.`` for ``กทม.``).
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z.,'\u2019]*")


def latin_words(tsv: str) -> list[tuple[int, tuple[int, int, int, int], float]]:
    """``(row, box, conf)`` of the TSV's Latin words on lines that hold Thai.

    ``row`` numbers the TSV's lines (header 0); ``box`` is ``(left, top, right, bottom)``.
    English words on Thai lines are among them (``Compact City``): what is read
    again decides (:func:`~bma_etl.read.ocr.ocr_image`).
    """
    rows = tsv.splitlines()
    words: dict[tuple[str, ...], list[tuple[int, list[str]]]] = {}
    for n, row in enumerate(rows[1:], start=1):
        cells = row.split("\t")
        if len(cells) >= 12 and cells[0] == "5" and cells[11].strip():
            words.setdefault(tuple(cells[2:5]), []).append((n, cells))
    out = []
    for line in words.values():
        if not any(_THAI.search(cells[11]) for _, cells in line):
            continue
        for n, cells in line:
            text = cells[11].strip()
            if _LATIN_WORD.fullmatch(text) and sum(c.isalpha() for c in text) >= 2:
                try:
                    left, top, width, height = (int(c) for c in cells[6:10])
                    conf = float(cells[10])
                except ValueError:
                    continue
                out.append((n, (left, top, left + width, top + height), conf))
    return out


#: A word holding an Arabic digit.
_ARABIC_DIGIT = re.compile("[0-9]")


def digit_words(tsv: str) -> list[tuple[int, tuple[int, int, int, int], str]]:
    """``(row, box, text)`` of the TSV's words holding an Arabic digit.

    ``row`` numbers the TSV's lines (header 0); ``box`` is ``(left, top, right, bottom)``.
    """
    out = []
    for n, row in enumerate(tsv.splitlines()[1:], start=1):
        cells = row.split("\t")
        if len(cells) >= 12 and cells[0] == "5" and _ARABIC_DIGIT.search(cells[11]):
            try:
                left, top, width, height = (int(c) for c in cells[6:10])
            except ValueError:
                continue
            out.append((n, (left, top, left + width, top + height), cells[11].strip()))
    return out


#: A thirteenth cell (Tesseract writes twelve) marking a word whose digits two of
#: OCR's models read otherwise (:func:`~.ocr_rereads.digit_readings`); the word keeps
#: Tesseract's confidence.
DOUBTED = "doubted"
#: The thirteenth cell of a word whose Thai digits the glyph reader read as Tesseract
#: did (:func:`~.ocr_thai_digits.thai_digit_readings`): two readings, not one.
AGREED = "agreed"


def with_words_doubted(tsv: str, doubted: dict[int, str] | set[int],
                       mark: str = DOUBTED) -> str:
    """The TSV with the word rows ``doubted`` names marked ``mark`` (a thirteenth cell).

    ``doubted``: ``{row: the other reading}`` (:func:`~.ocr_rereads.digit_readings`).
    :func:`parse_tsv` gives their pieces ``doubted``; with ``mark`` :data:`AGREED`,
    ``agreed``. A later mark takes the place of an earlier one.
    """
    if not doubted:
        return tsv
    rows = tsv.splitlines()
    for n in doubted:
        cells = rows[n].split("\t")
        if len(cells) in (12, 13) and cells[0] == "5":
            rows[n] = "\t".join([*cells[:12], mark])
    return "\n".join(rows) + ("\n" if tsv.endswith("\n") else "")


def word_places(tsv: str, txt: str) -> list[tuple[int, list[str], int]] | None:
    """Each TSV word row with its place in the plain text: ``(n, cells, at)``.

    ``n`` numbers the TSV's lines (header 0), ``cells`` are its 12+ tab-separated
    fields, ``at`` the offset of its word in ``txt``. The plain text is walked word by
    word, spaces between, as :func:`~bma_etl.read.ocr_layout.align_spaces` does; None
    when it does not follow the TSV.
    """
    out: list[tuple[int, list[str], int]] = []
    pos = 0
    for n, row in enumerate(tsv.splitlines()[1:], start=1):
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        word = cells[11].strip()
        at = pos
        while at < len(txt) and txt[at].isspace():
            at += 1
        if not txt.startswith(word, at):
            return None
        out.append((n, cells, at))
        pos = at + len(word)
    return out


def with_words_replaced(tsv: str, txt: str, new: dict[int, str]) -> tuple[str, str]:
    """The TSV and plain text with the words of TSV rows ``new`` names replaced.

    The plain text is walked word by word (:func:`word_places`); when it does not
    follow the TSV, both are returned as they were.
    """
    places = word_places(tsv, txt)
    if places is None:
        return tsv, txt
    rows = tsv.splitlines()
    out_txt: list[str] = []
    pos = 0
    for n, cells, at in places:
        word = cells[11].strip()
        if n in new:
            out_txt.append(txt[pos:at] + new[n])
            cells[11] = new[n]
            rows[n] = "\t".join(cells)
        else:
            out_txt.append(txt[pos:at + len(word)])
        pos = at + len(word)
    out_txt.append(txt[pos:])
    return "\n".join(rows) + ("\n" if tsv.endswith("\n") else ""), "".join(out_txt)


def shifted_tsv(tsv: str, top: int, n: int) -> str:
    """TSV rows of a band read alone, moved ``top`` pixels down, in block ``MISSED_BLOCK + n``."""
    out = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or not cells[7].lstrip("-").isdigit():
            continue
        cells[2] = str(MISSED_BLOCK * n + int(cells[2]))
        cells[7] = str(int(cells[7]) + top)
        out.append("\t".join(cells))
    return "".join("\n" + row for row in out)

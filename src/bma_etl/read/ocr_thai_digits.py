"""Numbers printed in Thai digits on an OCR'd page read again, glyph by glyph.

Stage: read (:func:`~bma_etl.read.ocr.ocr_image` runs it on every OCR'd page).
Debian's ``tha`` model has no ``๔ ๖ ๗ ๘ ๙``: a plan scanned in Thai digits read
``๗,๔๕๐,๐๐๐`` as ``๓,๕๕๐,๐๐๐`` and ``๘,๗๓๕,๕๐๐.๕๐`` as ``๕,ฒ่๓๕,๕๐๐.๕``, and every
such amount was NULL. Tesseract gives such a number as one word or as a word a
digit; the words of one number (:func:`thai_digit_runs`) are read again from the
page image as one (:func:`~.ocr_digit_glyphs.read_digits`), and replaced only when
every digit of it reads surely: the run's first word takes the reading and the
run's box, its other words become empty (:func:`with_run_boxes`).

What is read stays a reading of Thai digits: :mod:`bma_etl.normalize.trust` loads
it only when the page confirms it (a section's amounts adding up to its total, a
list number its place), so a digit read wrong here is NULL, not loaded.
Consumes the page image and the TSV and plain text of :mod:`.ocr_tsv`; produces
``{row: text}`` for :func:`~.ocr_tsv.with_words_replaced`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bma_etl.read.ocr_digit_glyphs import Box, read_digits
from bma_etl.read.ocr_tsv import word_places

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["thai_digit_readings", "thai_digit_runs", "with_run_boxes"]

_WORD = re.compile("[\u0e50-\u0e59]")
_NUMBER_SHAPE = re.compile("^[\u0e01-\u0e590-9.,\\-]+$")
_LETTER = re.compile("[\u0e01-\u0e4f]")
_MARK = re.compile("[.,\\-]")
#: An amount grouped by thousands, as a number OCR cut with a space must read.
_AMOUNT = re.compile("^[\u0e50-\u0e59]{1,3}(,[\u0e50-\u0e59]{3})+(\\.[\u0e50-\u0e59]{2}|\\.-)?$")


def thai_digit_runs(tsv: str, txt: str) -> list[tuple[list[int], Box]]:
    """Runs of the TSV's words that print one number in Thai digits: ``(rows, box)``.

    Tesseract gives a Thai number as one word or as a word a digit, the plain text
    joining them with no space: a run is such words, one after another in ``txt`` with
    nothing between, each of digits, points and commas or holding a Thai digit among
    at most two letters (a misread digit), at least one holding a Thai digit.
    ``rows`` number the TSV's lines (header 0); ``box`` is the run's, ``(left, top,
    right, bottom)``. Empty when the text does not follow the TSV.
    """
    runs: list[tuple[list[int], Box]] = []
    places = word_places(tsv, txt)
    if places is None:
        return []
    last_end = -1
    for n, cells, at in places:
        word = cells[11].strip()
        pos = at + len(word)
        try:
            left, top, width, height = (int(c) for c in cells[6:10])
        except ValueError:
            last_end = -1
            continue
        if not _number_like(word):
            last_end = -1
            continue
        box = (left, top, left + width, top + height)
        if at == last_end and runs:
            rows, run = runs[-1]
            runs[-1] = ([*rows, n], (min(run[0], box[0]), min(run[1], box[1]),
                                     max(run[2], box[2]), max(run[3], box[3])))
        else:
            runs.append(([n], box))
        last_end = pos
    words = _words(tsv)
    return [(rows, box) for rows, box in runs
            if any(_WORD.search(words[n]) for n in rows)]


def _with_marks_of(reading: str | None, read: str) -> str | None:
    """``reading`` with the points, commas and dashes Tesseract read, when as many.

    Tesseract tells a point from a comma well (``๔.๑.๒``); the glyph reader only by
    their shape and place, which a 9 pt print's blurred points make unsure.

    >>> _with_marks_of("\u0e54,\u0e51,\u0e52", "\u0e55.\u0e51.\u0e52")
    '\u0e54.\u0e51.\u0e52'

    Not when Tesseract's would put a point just before a comma (``๗.๖๐๒,๖๐๐``):

    >>> _with_marks_of("\u0e57,\u0e56\u0e50\u0e52,\u0e56\u0e50\u0e50",
    ...                "\u0e51.\u0e52\u0e50\u0e52,\u0e53\u0e52\u0e50\u0e50")
    '\u0e57,\u0e56\u0e50\u0e52,\u0e56\u0e50\u0e50'
    """
    if reading is None:
        return None
    theirs = _MARK.findall(read)
    if len(theirs) != len(_MARK.findall(reading)) or ".," in "".join(theirs):
        return reading  # a point before a comma is no number's: OCR misread one
    marks = iter(theirs)
    return _MARK.sub(lambda _: next(marks), reading)


def _words(tsv: str) -> dict[int, str]:
    """``{row: text}`` of the TSV's words."""
    out = {}
    for n, row in enumerate(tsv.splitlines()[1:], start=1):
        cells = row.split("\t")
        if len(cells) >= 12:
            out[n] = cells[11].strip()
    return out


def _number_like(word: str) -> bool:
    """Digits, points and commas, with at most two Thai letters (misread digits).

    An Arabic digit is one too: the Thai model reads a blurred ``๘`` as ``6`` now and
    then (``๑๕,๕6๓๐,๕6๐๐.-``), which cut the number into runs each read alone.
    """
    return bool(_NUMBER_SHAPE.match(word) and len(_LETTER.findall(word)) <= 2)


def with_run_boxes(tsv: str, readings: dict[int, str]) -> str:
    """The TSV with each run's first word boxed over the run (its other words emptied)."""
    rows = tsv.splitlines()
    first = None
    for n in sorted(readings):
        cells = rows[n].split("\t")
        if readings[n]:
            first = n
            continue
        if first is None or len(cells) < 12:
            continue
        head = rows[first].split("\t")
        try:
            a = [int(c) for c in head[6:10]]
            b = [int(c) for c in cells[6:10]]
        except ValueError:
            continue
        left, top = min(a[0], b[0]), min(a[1], b[1])
        right, bottom = max(a[0] + a[2], b[0] + b[2]), max(a[1] + a[3], b[1] + b[3])
        head[6:10] = [str(left), str(top), str(right - left), str(bottom - top)]
        rows[first] = "\t".join(head)
    return "\n".join(rows) + ("\n" if tsv.endswith("\n") else "")


def _word_boxes(tsv: str) -> dict[int, Box]:
    out = {}
    for n, row in enumerate(tsv.splitlines()[1:], start=1):
        cells = row.split("\t")
        if len(cells) >= 12 and cells[0] == "5" and cells[11].strip():
            try:
                left, top, width, height = (int(c) for c in cells[6:10])
            except ValueError:
                continue
            out[n] = (left, top, left + width, top + height)
    return out


def thai_digit_readings(page: Image.Image, tsv: str, txt: str,
                        agreed: set[int] | None = None) -> dict[int, str]:
    """``{row: text}``: the page's Thai numbers read again surely, where they differ.

    A run's first word takes the reading and its other words become empty. The rows
    of a run read surely as Tesseract read it are added to ``agreed`` (when given):
    two readers read its digits alike (:data:`~.ocr_tsv.AGREED`). Two runs
    one after the other on a line (``๑๕,๘ ๓๖,๘๐๐.-``: OCR cut an amount with a space)
    are read as one when the ink between them is a digit's gap and the reading is an
    amount grouped by thousands (:func:`_space_cut`).
    ``page``: the image the TSV's boxes are in (any mode Pillow converts to L).
    """
    runs = thai_digit_runs(tsv, txt)
    if not runs:
        return {}
    boxes = _word_boxes(tsv)
    words = _words(tsv)
    lines = _word_lines(tsv)
    grey = page.convert("L")
    out: dict[int, str] = {}

    def read(rows: list[int], box: Box, joined_at: float | None = None) -> str | None:
        others = [b for m, b in boxes.items() if m not in rows]
        reading = _with_marks_of(read_digits(grey, box, others, joined_at),
                                 "".join(words[n] for n in rows))
        # a point before a comma (a blurred comma read by its shape) is no number's
        return None if reading is None or ".," in "".join(_MARK.findall(reading)) else reading

    n = 0
    while n < len(runs):
        rows, box = runs[n]
        if n + 1 < len(runs) and _space_cut(runs[n], runs[n + 1], lines):
            more, after = runs[n + 1]
            joined = (min(box[0], after[0]), min(box[1], after[1]),
                      max(box[2], after[2]), max(box[3], after[3]))
            reading = read([*rows, *more], joined, (box[2] + after[0]) / 2)
            if reading is not None and _AMOUNT.match(reading):
                out.update({m: reading if m == rows[0] else "" for m in [*rows, *more]})
                n += 2
                continue
        reading = read(rows, box)
        if reading is not None and reading != "".join(words[m] for m in rows):
            out.update({m: reading if m == rows[0] else "" for m in rows})
        elif reading is not None and agreed is not None:
            agreed.update(rows)
        n += 1
    return out


def _space_cut(first: tuple[list[int], Box], then: tuple[list[int], Box],
               lines: dict[int, tuple[str, ...]]) -> bool:
    """Whether two runs may be one number OCR cut with a space.

    The second run's first word is the next word on the first's line, at most half
    their height away.
    """
    (rows, box), (more, after) = first, then
    height = max(box[3] - box[1], after[3] - after[1])
    return (more[0] == rows[-1] + 1 and lines.get(rows[-1]) == lines.get(more[0])
            and 0 <= after[0] - box[2] <= 0.5 * height)


def _word_lines(tsv: str) -> dict[int, tuple[str, ...]]:
    """``{row: (page, block, paragraph, line)}`` of the TSV's words."""
    out = {}
    for n, row in enumerate(tsv.splitlines()[1:], start=1):
        cells = row.split("\t")
        if len(cells) >= 12:
            out[n] = tuple(cells[1:5])
    return out

"""Put back on its line a piece of an OCR'd line that Tesseract read as a line of its own.

Stage: read. Consumes an OCR'd page's text and words (:class:`~.ocr.OcrPage`, fresh
or from the cache, as :func:`~.ocr_tidy.tidied` is given them); produces them with
every such piece joined to the line it stands on, every word's offset moved to the
new text.

Tesseract's page layout now and then takes a short piece of a line apart from the
rest: a table row's number in its margin (``๑`` left of ``ระดับความสำเร็จ...``,
lower than the Thai letters beside it as digits have no marks) comes out as a line
of its own *after* the line it stands on, so the row reads without its number and
the number opens the row's second line. A line is such a piece when each of its
words stands beside the line before it (its middle within the height of that
line's word nearest to it) and left or right of all of that line's words, never
between them.
"""

from __future__ import annotations

import statistics
from bisect import bisect_left

from bma_etl.read.ocr_layout import TAB_GAP, OcrWord


def with_split_lines_joined(text: str, words: tuple[OcrWord, ...]
                            ) -> tuple[str, tuple[OcrWord, ...]]:
    """``text`` and ``words`` with each line that is a piece of the line before joined to it.

    The piece goes before or after that line's words, a tab between when the gap is
    :data:`~.ocr_layout.TAB_GAP` heights of its words or more, else a space. Returns
    ``text`` and ``words`` unchanged when no line is a piece of another.
    """
    if not words:
        return text, words
    lines = _line_words(text, words)
    starts = [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]
    rows = text.split("\n")
    moved: dict[int, tuple[int, bool]] = {}  # line → (line it joins, before it)
    for no in range(1, len(rows)):
        here, above = lines.get(no), lines.get(no - 1)
        if not here or not above or no - 1 in moved \
                or "".join(words[i].text for i in here) != "".join(rows[no].split()):
            continue
        side = _side(here, above, words)
        if side is not None:
            moved[no] = (no - 1, side)
    if not moved:
        return text, words
    new_rows: list[str] = []
    new_words: list[OcrWord] = []
    at = 0  # the row's offset in the new text
    for no, row in enumerate(rows):
        if no in moved:
            continue
        # segments of the new row: (text, offset in the old text its first character had)
        segments: list[tuple[str, int, int]] = [(row, starts[no], no)]
        for k, (joins, before) in moved.items():
            if joins != no:
                continue
            lead = len(rows[k]) - len(rows[k].lstrip())
            piece = (rows[k].strip(), starts[k] + lead, k)
            host_box = [words[i].box for i in lines[no]]
            piece_box = [words[i].box for i in lines[k]]
            gap = (min(b[0] for b in host_box) - max(b[2] for b in piece_box)) if before \
                else (min(b[0] for b in piece_box) - max(b[2] for b in host_box))
            height = statistics.median(b[3] - b[1] for b in host_box)
            sep = ("\t" if gap >= TAB_GAP * height else " ", -1, -1)
            segments = [piece, sep, *segments] if before else [*segments, sep, piece]
        pos = 0
        for seg_text, origin, line in segments:
            if line >= 0:
                new_words.extend(words[i].at(at + pos + words[i].start - origin)
                                 for i in lines.get(line, []))
            pos += len(seg_text)
        out = "".join(seg[0] for seg in segments)
        new_rows.append(out)
        at += len(out) + 1
    return "\n".join(new_rows), tuple(new_words)


def _side(piece: list[int], host: list[int], words: tuple[OcrWord, ...]) -> bool | None:
    """True when the words ``piece`` stand left of those of ``host``, False right, else None."""
    left = min(words[i].box[0] for i in host)
    right = max(words[i].box[2] for i in host)
    before = all(words[i].box[2] <= left for i in piece)
    after = all(words[i].box[0] >= right for i in piece)
    if not before and not after:
        return None
    for i in piece:
        box = words[i].box
        middle = (box[1] + box[3]) / 2
        nearest = min(host, key=lambda j: min(abs(words[j].box[0] - box[2]),
                                              abs(box[0] - words[j].box[2])))
        if not words[nearest].box[1] <= middle <= words[nearest].box[3]:
            return None
    return before


def _line_words(text: str, words: tuple[OcrWord, ...]) -> dict[int, list[int]]:
    """The positions in ``words`` of each line of ``text`` (by line number) holding any."""
    breaks = [i for i, c in enumerate(text) if c == "\n"]
    out: dict[int, list[int]] = {}
    for i, word in enumerate(words):
        out.setdefault(bisect_left(breaks, word.start), []).append(i)
    return out

"""Take out a line Tesseract read from the marks of a word on another line.

Stage: read. Consumes an OCR'd page's text and words (:class:`~.ocr.OcrPage`, fresh
or from the cache, as :func:`~.ocr_tidy.tidied` is given them); produces them with
each such line taken out (:func:`without_mark_copies`), every word's offset moved to
the new text.

Tesseract now and then reads the marks stacked over a line's first letters (the
SARA UEE and MAI EK of ``ชื่อ``) a second time, as a line of their own before that
line: one short word, a digit or Latin letters (``4`` over ``ชื่อผู้รับผิดชอบ...``
on a 300 dpi 1-bit scan of a legacy form, read at 94; ``aad`` over ``มิติที่``),
whose box lies inside the box of the word it was read from. That line then ends
the value above it (``ฝ่ายโยธา / งานสวนสาธารณะ 4`` was stored as the division).
Nothing printed stands inside another word's box: a line whose every word does, all
of them short (:data:`MARK_COPY_CHARS`), is such a copy.
"""

from __future__ import annotations

from bisect import bisect_left

from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_specks import with_cut

__all__ = ["MARK_COPY_CHARS", "MARK_COPY_MARGIN", "without_mark_copies"]

#: A copy's words hold this many characters at most (marks read as ``4``, ``aad``).
MARK_COPY_CHARS = 3
#: A copy's box may stand out of its host word's box by this share of the host's
#: height each way (``4`` stood 3 pixels above a 67-pixel word, 0.04).
MARK_COPY_MARGIN = 0.15
#: A line of more words than this is no copy.
MARK_COPY_WORDS = 3


def _inside(word: OcrWord, host: OcrWord) -> bool:
    """Whether ``word``'s box lies inside ``host``'s, give or take :data:`MARK_COPY_MARGIN`."""
    left, top, right, bottom = word.box
    h_left, h_top, h_right, h_bottom = host.box
    margin = MARK_COPY_MARGIN * (h_bottom - h_top)
    return (h_left - margin <= left and right <= h_right + margin
            and h_top - margin <= top and bottom <= h_bottom + margin)


def without_mark_copies(text: str, words: tuple[OcrWord, ...]
                        ) -> tuple[str, tuple[OcrWord, ...]]:
    """``text`` and ``words`` without the lines read from marks of a word of another line.

    A line is such a copy when it holds nothing but its words, one to
    :data:`MARK_COPY_WORDS` of them, none over :data:`MARK_COPY_CHARS` characters,
    and each word's box lies inside (:data:`MARK_COPY_MARGIN`) the box of a word of
    the nearest line of words before or after it. The line goes with its line break. Returns
    ``text`` and ``words`` unchanged when no line is a copy.
    """
    if not words:
        return text, words
    breaks = [i for i, c in enumerate(text) if c == "\n"]
    lines: dict[int, list[OcrWord]] = {}
    for word in words:
        lines.setdefault(bisect_left(breaks, word.start), []).append(word)
    starts = [0, *(b + 1 for b in breaks)]
    ends = [*breaks, len(text)]
    cut: list[int] = []
    gone: set[int] = set()
    order = sorted(lines)
    for k, no in enumerate(order):
        own = lines[no]
        row = text[starts[no]:ends[no]]
        if (len(own) > MARK_COPY_WORDS or any(len(w.text) > MARK_COPY_CHARS for w in own)
                or "".join(w.text for w in own) != "".join(row.split())):
            continue
        hosts = [w for near in order[max(k - 1, 0):k + 2] if near != no for w in lines[near]]
        if hosts and all(any(_inside(w, host) for host in hosts) for w in own):
            gone.add(no)
            # the line and its break (the one before it, for the text's last line)
            a, b = (starts[no], ends[no] + 1) if no < len(breaks) else (starts[no] - 1, ends[no])
            cut.extend(range(max(a, 0), b))
    if not cut:
        return text, words
    kept = [w for no, own in lines.items() if no not in gone for w in own]
    kept.sort(key=lambda w: w.start)
    return with_cut(text, words, sorted(cut), kept)

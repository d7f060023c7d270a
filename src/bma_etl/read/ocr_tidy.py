"""Tidy an OCR'd page's text after the cache: specks read as letters, spaces inside words.

Stage: read. Consumes an OCR'd page's text and words (:class:`~.ocr.OcrPage`, as
:func:`~.ocr_layout.page_layout` laid it out, fresh or from the cache); produces
them with words of letters too small to be letters taken out and the spaces
Tesseract's ``tha`` wrote inside Thai words closed (:func:`tidied`), every word's
offset moved to the new text. It runs after the cache (:mod:`.pdf`), so pages
OCR'd before it was written are read the same way, without Tesseract.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_left

from bma_etl.read.ocr_layout import OcrWord

#: A Thai letter, vowel or mark: not a digit, nor ฯ, ๆ or ฿, which a space may follow.
_THAI_LETTER = re.compile("[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e]")


#: A space Tesseract wrote between two Thai letters whose boxes stand closer than this
#: share of the taller word's height is no space: ``tha`` now and then writes one inside
#: a word, mostly after SARA A (``ประ สาน``, ``ยกระ ดับ``, ``คะ แนน``, ``และ คุณภาพ``).
#: On the robustness corpus's scans (seed 7, 24 documents at 150-300 dpi, 48 pages)
#: 416 of 1,100 such spaces are narrower than 0.14, inside words in a sample of 40
#: (``ความ ก้าวหน้า`` 0.10, ``งบประมาณ ที่เบิก`` 0.12, ``หนว ยงาน`` 0.15); the
#: narrowest of the words' own spaces were 0.17 (``แล้ว ผู้รับจ้าง``, ``รุ่น ผู้เข้าร่วม``).
NARROW_SPACE = 0.14
#: Boxes overlapping more than this share of a word's height are a letter read twice,
#: not one word: left as they are.
OVERLAP = 0.05


#: A word of letters or digits whose box is smaller than this share of the page's
#: median word height both ways is a speck (``0`` read of 3 x 2 pixels beside a
#: project code at 300 dpi); a Thai digit, the lowest letters, stands 0.27 and up.
SPECK_SIZE = 0.1


def tidied(text: str, words: tuple[OcrWord, ...]) -> tuple[str, tuple[OcrWord, ...]]:
    """An OCR'd page's text and words, tidied after the cache.

    Specks read as letters (:data:`SPECK_SIZE`) are taken out with the space before
    them, then the spaces Tesseract wrote inside Thai words
    (:func:`without_narrow_spaces`). ``words`` as :class:`~.ocr.OcrPage` has them;
    the words returned keep their boxes, their offsets moved to the new text.
    """
    if not words:
        return text, words
    usual = statistics.median(w.box[3] - w.box[1] for w in words)
    cut: list[int] = []
    kept: list[OcrWord] = []
    for word in words:
        left, top, right, bottom = word.box
        if any(c.isalnum() for c in word.text) and max(right - left, bottom - top) \
                < SPECK_SIZE * usual:
            before = word.start > 0 and text[word.start - 1] == " "
            cut.extend(range(word.start - before, word.end))
        else:
            kept.append(word)
    if cut:
        gone = set(cut)
        text = "".join(c for i, c in enumerate(text) if i not in gone)
        words = tuple(OcrWord(w.text, w.conf, w.box, w.start - bisect_left(cut, w.start))
                      for w in kept)
    return without_narrow_spaces(text, words)


def without_narrow_spaces(text: str, words: tuple[OcrWord, ...]
                          ) -> tuple[str, tuple[OcrWord, ...]]:
    """A page's text and words with the spaces inside Thai words taken out.

    ``text`` and ``words`` are an OCR'd page's (:func:`page_layout`); two words are
    joined when one space alone stands between them in ``text``, the first ends and
    the second starts with a Thai letter, and the gap between their boxes is under
    :data:`NARROW_SPACE` of the taller one's height. Returns them unchanged when none is.
    """
    if len(words) < 2:
        return text, words
    merged: list[OcrWord] = [words[0]]
    ends = [words[0].end]  # each merged word's end in the original text
    removed: list[int] = []  # offsets of the spaces taken out, ascending
    for word in words[1:]:
        last = merged[-1]
        gap = word.box[0] - last.box[2]
        usual = max(last.box[3] - last.box[1], word.box[3] - word.box[1], 1)
        if (text[ends[-1]:word.start] == " " and _THAI_LETTER.match(last.text[-1:])
                and _THAI_LETTER.match(word.text[:1])
                and -OVERLAP * usual < gap < NARROW_SPACE * usual):
            removed.append(ends[-1])
            merged[-1] = OcrWord(last.text + word.text, min(last.conf, word.conf),
                                 (min(last.box[0], word.box[0]), min(last.box[1], word.box[1]),
                                  max(last.box[2], word.box[2]), max(last.box[3], word.box[3])),
                                 last.start)
            ends[-1] = word.end
        else:
            merged.append(word)
            ends.append(word.end)
    if not removed:
        return text, words
    cut = set(removed)
    out_text = "".join(c for i, c in enumerate(text) if i not in cut)
    out_words = tuple(OcrWord(w.text, w.conf, w.box, w.start - bisect_left(removed, w.start))
                      for w in merged)
    return out_text, out_words

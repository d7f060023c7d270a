"""Tidy an OCR'd page's text after the cache: specks, stray marks, spaces inside words.

Stage: read. Consumes an OCR'd page's text and words (:class:`~.ocr.OcrPage`, as
:func:`~.ocr_layout.page_layout` laid it out, fresh or from the cache); produces
them with words of letters too small to be letters taken out, the stray marks
Tesseract read from specks and rules at the ends of lines and cells taken out
(:func:`~.ocr_strays.without_strays`), the spaces Tesseract's ``tha`` wrote inside
Thai words closed (:func:`tidied`), a SARA A it read twice across a space read once
(:func:`without_doubled_sara_a`), a number-over-year's ``/`` read as a digit and a
count's ``1`` read as a bar put back (:mod:`.ocr_numbers`) and an en dash read as a
hyphen written ``–``
(:mod:`.ocr_dashes`), every word's offset moved to the new text. It runs after the
cache (:mod:`.pdf`), so pages OCR'd before it was written are read the same way,
without Tesseract.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_left
from collections.abc import Callable

from bma_etl.read.ocr_dashes import with_en_dashes, without_dashed_rules
from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_lines import with_split_lines_joined
from bma_etl.read.ocr_mark_copies import without_mark_copies
from bma_etl.read.ocr_numbers import (
    with_bars_as_ones,
    with_date_slashes,
    with_o_as_zero,
    with_year_slashes,
)
from bma_etl.read.ocr_specks import (
    without_quotes_before_words,
    without_specks_inside_words,
    without_yamok_before_paiyannoi,
)
from bma_etl.read.ocr_strays import without_points_before_words, without_strays

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

    A dashed rule read as a line of dashes goes
    (:func:`~.ocr_dashes.without_dashed_rules`), and a line read from the marks over a
    word of another line (:func:`~.ocr_mark_copies.without_mark_copies`); specks read as letters
    (:data:`SPECK_SIZE`) are taken out with the space before them, a piece of a
    line read as a line of its own is put back on it
    (:func:`~.ocr_lines.with_split_lines_joined`), a straight quote
    (:func:`~.ocr_specks.without_quotes_before_words`) and a point
    (:func:`~.ocr_strays.without_points_before_words`) read from a speck before a
    Thai word taken out, and a ``ๆ`` read before a ``ฯ``
    (:func:`~.ocr_specks.without_yamok_before_paiyannoi`), then stray marks at the ends
    of lines and cells (:func:`~.ocr_strays.without_strays`), a speck read as digits or
    marks over a word's edge inside a line
    (:func:`~.ocr_specks.without_specks_inside_words`), then the spaces Tesseract
    wrote inside Thai words (:func:`without_narrow_spaces`), a SARA A read twice, a
    word read twice (:func:`without_words_read_twice`), letters read twice where two
    words meet (:func:`without_letters_read_twice`), the ``/`` of a number-over-year
    read as a digit (:func:`~.ocr_numbers.with_year_slashes`), a date's ``/`` read as a bar
    (:func:`~.ocr_numbers.with_date_slashes`), a count's ``1`` read as a
    bar (:func:`~.ocr_numbers.with_bars_as_ones`), an amount's ``0`` read as the letter O
    (:func:`~.ocr_numbers.with_o_as_zero`) and an en dash read as a hyphen
    (:func:`~.ocr_dashes.with_en_dashes`). ``words`` as
    :class:`~.ocr.OcrPage` has them; the words returned keep their boxes, their offsets
    moved to the new text.
    """
    if not words:
        return text, words
    usual = statistics.median(w.box[3] - w.box[1] for w in words)
    cut: list[int] = []
    kept: list[OcrWord] = []
    for word in words:
        left, top, right, bottom = word.box
        if (
            any(c.isalnum() for c in word.text)
            and max(right - left, bottom - top) < SPECK_SIZE * usual
        ):
            before = word.start > 0 and text[word.start - 1] == " "
            cut.extend(range(word.start - before, word.end))
        else:
            kept.append(word)
    if cut:
        gone = set(cut)
        text = "".join(c for i, c in enumerate(text) if i not in gone)
        words = tuple(
            w.at(w.start - bisect_left(cut, w.start)) for w in kept
        )
    return with_en_dashes(
        *with_o_as_zero(*with_bars_as_ones(*with_date_slashes(*with_year_slashes(
            *without_letters_read_twice(
                *without_words_read_twice(
                    *without_doubled_sara_a(
                        *without_narrow_spaces(*without_specks_inside_words(
                            *without_strays(
                                *without_points_before_words(
                                    *without_quotes_before_words(
                                        *without_yamok_before_paiyannoi(
                                            *with_split_lines_joined(*without_mark_copies(
                                                *without_dashed_rules(text, words)))
                                        )
                                    )
                                )
                            )
                        ))
                    )
                )
            )
        ))))
    )


#: Letters ending a word and opening the next, their boxes overlapping by this share
#: of those letters' width or more, were read twice.
OVERLAP_READ_TWICE = 0.5
#: Thai marks above and below a letter: they take no width of their own.
_MARK = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
#: A word's last Thai consonant with the marks above or below it.
_MARKED_END = re.compile("([\u0e01-\u0e2e])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+$")
#: A word's last letter a Thai consonant with no mark above or below it.
_BARE_END = re.compile("[\u0e01-\u0e2e]$")


def without_letters_read_twice(
    text: str, words: tuple[OcrWord, ...]
) -> tuple[str, tuple[OcrWord, ...]]:
    """A page's text and words with letters Tesseract read at two words' meeting read once.

    Where Tesseract cut a line into two words whose boxes overlap, it now and then
    reads the letters in the overlap twice: as the first word's end and the next
    one's start (``…สาธารณะริ ริมคลอง…``, boxes to 1206 and from 1187;
    ``…แล้วผู้ ผู้รับจ้าง…``). Two words one space apart, the first ending with two or
    more letters (a Thai letter among them) the second opens with, whose boxes overlap
    by :data:`OVERLAP_READ_TWICE` or more of those letters' width (the first word's
    width over its letters that take width), are one word with the letters once.
    The second reading may lose the letter's marks (``…สาธารณะริ รมคลอง…``, boxes to
    1301 and from 1279, 200 dpi grey): a first word ending with a Thai consonant and
    its marks, a second opening with that consonant bare, the boxes overlapping so,
    are one word with the marked reading. So may the first (``เพ พื่อนำมา…``, boxes
    193-232 and from 212, 300 dpi 1-bit): a first word ending with a bare consonant,
    a second opening with it and its marks, are one word with the second's marks.
    """

    def twice(last: OcrWord, word: OcrWord) -> int | None:
        overlap = last.box[2] - word.box[0]
        if overlap <= 0:
            return None
        base = max(len(_MARK.sub("", last.text)), 1)
        wide = (last.box[2] - last.box[0]) / base  # one letter's
        for k in range(min(len(last.text), len(word.text) - 1), 1, -1):
            same = last.text[-k:]
            if word.text.startswith(same) and _THAI_LETTER.search(same):
                return k if overlap >= OVERLAP_READ_TWICE * wide * len(_MARK.sub("", same)) \
                    else None
        bare = _MARKED_END.search(last.text)
        if bare is not None and word.text.startswith(bare.group(1)) \
                and len(word.text) > 1 and not _MARK.match(word.text[1]) \
                and overlap >= OVERLAP_READ_TWICE * wide:
            return 1
        if _BARE_END.search(last.text) and word.text[:1] == last.text[-1] \
                and _MARK.match(word.text[1:2]) and overlap >= OVERLAP_READ_TWICE * wide:
            return 1  # the marks go on the first word's bare consonant
        return None

    return _joined(text, words, twice)


#: A word whose box lies this share of its width or more inside the next word's box,
#: and whose letters that word opens with, is the same letters read twice. Words
#: written apart do not overlap: on the generated scans (four corpora, 150-300 dpi) a
#: word and the next one opening with its letters stood 0.2-2.7 of its width apart
#: when both were written (``รุ่น รุ่นละ``, ``10 100``), and overlapped by 0.43-0.8 of it
#: when read twice (``วิ วิธีคำนวณ``, ``ผู้ ผู้รับจ้าง``), a mark by 0.2 and more (``: :สภาพ``).
READ_TWICE = 0.2


def without_words_read_twice(
    text: str, words: tuple[OcrWord, ...]
) -> tuple[str, tuple[OcrWord, ...]]:
    """A page's text and words with a word Tesseract read twice read once.

    Tesseract now and then reads a word's first letters as a word of their own as
    well, its box inside the whole word's (``ผู้ ผู้รับจ้าง…``, boxes 1089-1140 and
    1106-1644). Two words one space apart, the second opening with the first's
    letters and the first's box lying :data:`READ_TWICE` of its width or more inside
    the second's, are the second alone. Two words alike whose boxes overlap so (the
    narrower's width) are one word read twice (``งวดที่ 2 2``, the second ``2`` of 10 x
    12 pixels inside the first's 797-816, 300 dpi grey): read once.
    """

    def twice(last: OcrWord, word: OcrWord) -> int | None:
        width = max(last.box[2] - last.box[0], 1)
        inside = min(last.box[2], word.box[2]) - max(last.box[0], word.box[0])
        if word.text == last.text:
            narrow = max(min(width, word.box[2] - word.box[0]), 1)
            return len(word.text) if inside >= READ_TWICE * narrow else None
        return (
            len(last.text)
            if (
                len(word.text) > len(last.text)
                and word.text.startswith(last.text)
                and inside >= READ_TWICE * width
            )
            else None
        )

    return _joined(text, words, twice)


_SARA_A = "\u0e30"


def without_doubled_sara_a(
    text: str, words: tuple[OcrWord, ...]
) -> tuple[str, tuple[OcrWord, ...]]:
    """A page's text and words with SARA A read twice across a space put back once.

    Tesseract's ``tha`` on 1-bit scans reads a SARA A at a word's end twice, once
    ending the word and once opening the next (``และ ะบุคลากร``, ``คะ ะแนน``); no Thai
    word opens with SARA A. Two words with one space between them, the first ending
    and the second opening with it, are joined without the second one's SARA A.
    """

    def doubled(last: OcrWord, word: OcrWord) -> int | None:
        return (
            1
            if last.text.endswith(_SARA_A) and word.text.startswith(_SARA_A) and len(word.text) > 1
            else None
        )

    return _joined(text, words, doubled)


def without_narrow_spaces(text: str, words: tuple[OcrWord, ...]) -> tuple[str, tuple[OcrWord, ...]]:
    """A page's text and words with the spaces inside Thai words taken out.

    ``text`` and ``words`` are an OCR'd page's (:func:`page_layout`); two words are
    joined when one space alone stands between them in ``text``, the first ends and
    the second starts with a Thai letter, and the gap between their boxes is under
    :data:`NARROW_SPACE` of the taller one's height. Returns them unchanged when none is.
    """

    def narrow(last: OcrWord, word: OcrWord) -> int | None:
        gap = word.box[0] - last.box[2]
        usual = max(last.box[3] - last.box[1], word.box[3] - word.box[1], 1)
        return (
            0
            if (
                _THAI_LETTER.match(last.text[-1:])
                and _THAI_LETTER.match(word.text[:1])
                and -OVERLAP * usual < gap < NARROW_SPACE * usual
            )
            else None
        )

    return _joined(text, words, narrow)


def _joined(
    text: str, words: tuple[OcrWord, ...], joins: Callable[[OcrWord, OcrWord], int | None]
) -> tuple[str, tuple[OcrWord, ...]]:
    """``text`` and ``words`` with each two words one space apart that ``joins`` joined.

    ``joins(last, word)`` gives how many of ``word``'s first letters go with the space
    (0 or more), or None to keep the two apart; the joined word's box spans both, its
    confidence is the lower, and every later word's offset moves back.
    """
    if len(words) < 2:
        return text, words
    merged: list[OcrWord] = [words[0]]
    ends = [words[0].end]  # each merged word's end in the original text
    removed: list[int] = []  # offsets of the characters taken out, ascending
    for word in words[1:]:
        last = merged[-1]
        skip = joins(last, word) if text[ends[-1] : word.start] == " " else None
        if skip is not None:
            removed.append(ends[-1])
            removed.extend(range(word.start, word.start + skip))
            merged[-1] = OcrWord(
                last.text + word.text[skip:],
                min(last.conf, word.conf),
                (
                    min(last.box[0], word.box[0]),
                    min(last.box[1], word.box[1]),
                    max(last.box[2], word.box[2]),
                    max(last.box[3], word.box[3]),
                ),
                last.start,
                last.doubted or word.doubted,
                last.agreed and word.agreed,
            )
            ends[-1] = word.end
        else:
            merged.append(word)
            ends.append(word.end)
    if not removed:
        return text, words
    cut = set(removed)
    out_text = "".join(c for i, c in enumerate(text) if i not in cut)
    out_words = tuple(
        w.at(w.start - bisect_left(removed, w.start)) for w in merged
    )
    return out_text, out_words

"""Specks Tesseract read as Latin letters or quotes on a page of Thai.

Stage: read. Consumes an OCR'd page's words (:class:`~.ocr_layout.OcrWord`, after
the cache, as :func:`~.ocr_tidy.tidied` is given them); gives whether a word opening
a line is specks read as Latin letters (:func:`is_latin_speck`) or a lone quote
(:func:`is_lone_quote`), which :func:`~.ocr_strays.without_strays` takes out, and
the page with a straight quote read from a speck before a Thai word taken out
(:func:`without_quotes_before_words`) and a PAIYANNOI read twice, once as MAI YAMOK
(:func:`without_yamok_before_paiyannoi`) and digits or marks read from a speck over a
word's edge inside a line (:func:`without_specks_inside_words`), every word's offset
moved to the new text.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_left

from bma_etl.read.ocr_layout import OcrWord

#: A word of one to three Latin letters (marks around them, no digit) opening a line
#: of Thai in the page's left margin (wholly left of every line that opens with a
#: Thai word), read less sure than :data:`LATIN_SPECK_CONF` and shorter than
#: :data:`LATIN_SPECK_HEIGHT` of the line's Thai words, was read from specks (``ee``,
#: ``ES``, ``ie`` before a form's lines). On the generated scans (five corpora,
#: 150-300 dpi) the words the documents did not hold read at 0-50 and 0.2-0.7 of the
#: Thai words' height; their real English words read at 35 and more (``City``, 0.79
#: of the height, at 35), the short ones (``PM``, ``PDF``) at 70 and more. Such a word
#: where the text starts is left: it may be a list's number read as letters (``Se``
#: for ``5. ร``), and one inside or ending a line a word read as Latin (``t=`` for
#: ``1) =``, ``aid`` for ``ไม่มี``), a tick (``oO``) or a mark's remains.
LATIN_SPECK_CONF = 50.0
LATIN_SPECK_HEIGHT = 0.7
_LATIN_SPECK = re.compile(r"[^\w]*[A-Za-z]{1,3}[^\w]*")
_LATIN = re.compile("[A-Za-z]")
#: Quote marks: one alone opening a line or cell, read less sure than
#: :data:`LATIN_SPECK_CONF`, with no quote after it there, was read from a speck.
_QUOTES = frozenset("'\"\u2018\u2019\u201c\u201d`")
#: A word with two Thai letters or more: its height measures the line's Thai.
THAI_WORD = re.compile("[\u0e01-\u0e2e].*[\u0e01-\u0e2e]")


def line_end(text: str, at: int) -> int:
    """The offset of the end of the line of ``text`` that ``at`` stands on."""
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def is_latin_speck(word: OcrWord, thai: float, beside: list[str]) -> bool:
    """Whether a word is specks read as Latin letters, by its letters, box and sureness.

    ``thai`` is the median height in pixels of the line's Thai words (0.0 when it
    has none: a line of English is left); ``beside`` the texts of the word and of
    the words on either side of it on its line. A word of one to three Latin
    letters (:data:`LATIN_SPECK_CONF`, :data:`LATIN_SPECK_HEIGHT`) beside no other
    Latin word (``Compact City``) is one. Where it stands is the caller's to weigh
    (:data:`LATIN_SPECK_CONF`).
    """
    tall = word.box[3] - word.box[1]
    return (
        thai > 0
        and word.conf < LATIN_SPECK_CONF
        and tall < LATIN_SPECK_HEIGHT * thai
        and bool(_LATIN_SPECK.fullmatch(word.text))
        and sum(bool(_LATIN.search(t)) for t in beside) == 1
    )


def is_lone_quote(word: OcrWord, rest: str) -> bool:
    """Whether a word of quote marks opening a line or cell was read from a speck.

    ``rest`` is the line's text after the word: a quote closed on it is left.
    """
    return (
        bool(word.text)
        and set(word.text) <= _QUOTES
        and word.conf < LATIN_SPECK_CONF
        and not any(c in _QUOTES for c in rest)
    )


#: A straight quote glued before a Thai letter: ``'ดำเนินการ``, ``"เริ่มต้นโครงการ``.
_QUOTE_BEFORE_THAI = re.compile("['\"](?=[\u0e01-\u0e2e\u0e40-\u0e44])")


def without_quotes_before_words(
    text: str, words: tuple[OcrWord, ...]
) -> tuple[str, tuple[OcrWord, ...]]:
    """``text`` and ``words`` with a straight quote read from a speck before a Thai word out.

    A word opening with ``'`` or ``"`` glued to a Thai letter, when no other straight
    quote stands on its line to close it, had a speck before it read as the quote:
    the generated reports quote with ``“ ”``, and on their scans (five corpora,
    150-300 dpi) every such quote was a speck (``'ดำเนินการ`` at a line's start,
    ``ป้องกันภัย 'ใช้งานได้ตลอดปี``). The quote goes; every later word's offset moves
    back. A curly quote is left: the reports' own.
    """
    cut: list[int] = []
    kept: list[OcrWord] = []
    for word in words:
        if _QUOTE_BEFORE_THAI.match(word.text):
            start = text.rfind("\n", 0, word.start) + 1
            end = text.find("\n", word.end)
            line = text[start : len(text) if end < 0 else end]
            if line.count("'") + line.count('"') == 1:
                cut.append(word.start)
                kept.append(OcrWord(word.text[1:], word.conf, word.box, word.start + 1,
                                    word.doubted, word.agreed))
                continue
        kept.append(word)
    return with_cut(text, words, cut, kept)


#: MAI YAMOK right before PAIYANNOI: no Thai spelling (``ๆ`` repeats a word, ``ฯ``
#: shortens one; neither follows the other).
_YAMOK_PAIYANNOI = "\u0e46\u0e2f"


def without_yamok_before_paiyannoi(
    text: str, words: tuple[OcrWord, ...]
) -> tuple[str, tuple[OcrWord, ...]]:
    """``text`` and ``words`` with a ``ๆ`` read right before a ``ฯ`` taken out.

    Tesseract's ``tha`` now and then reads a PAIYANNOI twice, first as the MAI YAMOK
    it looks like (``ส่วนส่งเสริมๆฯ`` for ``ส่วนส่งเสริมฯ`` on the generated 300 dpi
    1-bit scans): the ``ๆ`` goes; every later word's offset moves back.

    >>> word = OcrWord("(ส่วนแผนงานๆฯ)", 90.0, (0, 0, 10, 10), 4)
    >>> text, words = without_yamok_before_paiyannoi("งาน (ส่วนแผนงานๆฯ) ต่อ", (word,))
    >>> text, words[0].text, text[words[0].start:words[0].end]
    ('งาน (ส่วนแผนงานฯ) ต่อ', '(ส่วนแผนงานฯ)', '(ส่วนแผนงานฯ)')
    """
    cut = [m.start() for m in re.finditer(_YAMOK_PAIYANNOI, text)]
    kept: list[OcrWord] = []
    for word in words:
        inside = {at - word.start for at in cut if word.start <= at < word.end}
        if inside:  # the ``ๆ`` goes from the word's text too
            word = OcrWord("".join(c for k, c in enumerate(word.text) if k not in inside),
                           word.conf, word.box, word.start, word.doubted, word.agreed)
        kept.append(word)
    return with_cut(text, words, cut, kept)


def with_cut(text: str, words: tuple[OcrWord, ...], cut: list[int], kept: list[OcrWord]
             ) -> tuple[str, tuple[OcrWord, ...]]:
    """``text`` less the characters at the sorted offsets ``cut``; ``kept`` words moved.

    The kept words' offsets are moved to the shorter text; ``text`` and ``words`` come
    back as they were when nothing is cut.
    """
    if not cut:
        return text, words
    gone = set(cut)
    out = "".join(c for i, c in enumerate(text) if i not in gone)
    return out, tuple(
        w.at(w.start - bisect_left(cut, w.start)) for w in kept
    )


#: A word of digits or marks (no letter of any script, at most :data:`_SPECK_CHARS`
#: of them) inside a line, read less sure than this, whose box lies within the box of
#: a word beside it (``: :``, a colon read again inside the word it ends, 4 x 9 pixels
#: at 22-49, 300 dpi grey, seed 3501), or lies :data:`INSIDE` of its width or more
#: within it and has no digit's height (:data:`SPECK_TALL`, :data:`SPECK_SHORT`), was
#: read from a speck on that word's edge (``ตามสัญญา 8% อยู่ระหว่าง``, the ``8%`` of
#: 15 x 80 pixels at 25 beside digits of 31, 11 of them inside the next word's box).
#: Words printed apart do not overlap, and the real digits and marks read alone inside
#: those lines were read at 80 and more; a real thin ``1`` read unsure whose
#: neighbour's box swelled over it stands the digits' height, and stays.
SPECK_CONF = 50.0
INSIDE = 0.5
_SPECK_CHARS = 3
#: Shares of the page's Arabic digits' height (:func:`digit_height`): no digit or mark
#: stands taller than :data:`SPECK_TALL` of them, and no digit shorter than
#: :data:`SPECK_SHORT`. In the corpus fonts (TLWG, Sarabun, Noto) the tallest, ``(1)``,
#: stands 1.09-1.30 of the digits, Thai digits 0.62-1.03 and ``:`` 0.66; a scan's blur
#: adds a few pixels, and a line's font may be larger than the page's.
SPECK_TALL = 2.0
SPECK_SHORT = 0.5
_DIGIT = re.compile("[0-9\u0e50-\u0e59]")
#: A letter of any script, or a Thai vowel or mark.
_LETTER_OR_MARK = re.compile("[^\\W\\d_]|[\u0e30-\u0e3a\u0e40-\u0e4e]")


def without_specks_inside_words(
    text: str, words: tuple[OcrWord, ...]
) -> tuple[str, tuple[OcrWord, ...]]:
    """``text`` and ``words`` with a speck read as digits or marks over a word's edge out.

    A word between two words of its line, one space on either side (see
    :data:`SPECK_CONF`, :data:`INSIDE`), goes with the space before it; every later
    word's offset moves back. A word opening or ending a line or cell is
    :mod:`.ocr_strays`'s.

    >>> page = (OcrWord("สถานะ:", 88.0, (100, 0, 400, 67), 0),
    ...         OcrWord(":", 22.0, (390, 40, 394, 49), 7),
    ...         OcrWord("อยู่ระหว่าง", 92.0, (419, 0, 880, 89), 9))
    >>> text, words = without_specks_inside_words("สถานะ: : อยู่ระหว่าง", page)
    >>> text, [w.start for w in words]
    ('สถานะ: อยู่ระหว่าง', [0, 7])
    """
    digits = digit_height(words)
    cut: list[int] = []
    kept: list[OcrWord] = []
    for i, word in enumerate(words):
        if 0 < i < len(words) - 1 and _speck_inside(text, words[i - 1], word, words[i + 1],
                                                    digits):
            cut.extend(range(word.start - 1, word.end))
        else:
            kept.append(word)
    return with_cut(text, words, cut, kept)


def _speck_inside(text: str, before: OcrWord, word: OcrWord, after: OcrWord,
                  digits: float) -> bool:
    """Whether ``word``, between ``before`` and ``after`` on its line, is a speck.

    ``digits`` is the page's Arabic digits' height in pixels (0.0 when unknown: only
    a word lying within its neighbour's box is then one).
    """
    if (
        word.conf >= SPECK_CONF
        or not 0 < len(word.text) <= _SPECK_CHARS
        or _LETTER_OR_MARK.search(word.text)
        or text[before.end : word.start] != " "
        or text[word.end : after.start] != " "
    ):
        return False
    left, top, right, bottom = word.box
    width, tall = max(right - left, 1), bottom - top
    no_digit = digits > 0 and (
        tall > SPECK_TALL * digits
        or (bool(_DIGIT.search(word.text)) and tall < SPECK_SHORT * digits)
    )
    for other in (before, after):
        if min(bottom, other.box[3]) <= max(top, other.box[1]):
            continue  # not on its line
        within = other.box[0] <= left and right <= other.box[2]
        over = min(right, other.box[2]) - max(left, other.box[0])
        if within or (no_digit and over >= INSIDE * width):
            return True
    return False


#: A word of Arabic digits (an amount, a date, a code) whose height is the digits'.
_DIGITS_WORD = re.compile(r"[0-9][0-9.,:/-]*[0-9]")


def digit_height(words: tuple[OcrWord, ...], least: int = 3) -> float:
    """The median height in pixels of a page's words of Arabic digits.

    0.0 with fewer than ``least`` such words. Digits of one font size stand one
    height: a measure of the size of the page's text.
    """
    heights = [w.box[3] - w.box[1] for w in words if _DIGITS_WORD.fullmatch(w.text)]
    return statistics.median(heights) if len(heights) >= least else 0.0

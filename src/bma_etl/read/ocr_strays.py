"""Take out the stray marks Tesseract read from specks and rules at lines' and cells' ends.

Stage: read. Consumes an OCR'd page's text and words (:class:`~.ocr.OcrPage`, as
:func:`~.ocr_tidy.tidied` is given them, after the cache); produces them with each
word :func:`is_stray` finds at the start or end of a line or cell taken out, with the
spaces and tabs that set it apart (:func:`without_strays`), and a point read from a
speck before a Thai word taken out (:func:`without_points_before_words`), every
word's offset moved to the new text. Specks read as Latin letters in the page's margin
and lone quotes opening a line are strays too (:mod:`.ocr_specks`).
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_left

from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_specks import (
    THAI_WORD,
    digit_height,
    is_latin_speck,
    is_lone_quote,
    line_end,
    with_cut,
)

#: A word at the start or end of its line or cell is a stray, read from a speck or a
#: rule's end, when its box is smaller than this share of the line's letters (the
#: median height of its words of letters or digits) both ways, however sure
#: Tesseract is (``'`` read of 2 x 2 pixels at 82 beside a 54-pixel word)...
STRAY_TINY = 0.05
#: ...or smaller than this share and a letter or digit (the lowest letters stand 0.27
#: and up), or a mark read less sure than :data:`STRAY_CONF`. On the robustness
#: corpus's scans (seed 7, 24 documents at 150-300 dpi) the real marks read alone that
#: small (``:`` and ``-`` of 0.05-0.15) were read at 83 and more, the strays that small
#: at 0-82; a speck on a generated scan at 200 dpi read ``:`` at 71. A word of letters
#: or digits flatter than this share, however wide, is a stray too: a rule's piece or
#: a row of specks read as a Latin word (``cs`` of 24 x 6 pixels beside a 102-pixel
#: line at 300 dpi, where a ``::`` stood).
STRAY_SIZE = 0.15
#: Tesseract's confidence (0..100) under which a small mark may be a stray.
STRAY_CONF = 80.0
#: A ``|`` shorter than this share of the line's letters and read with less than
#: :data:`PIPE_CONF` is no table rule: a pipe table's rules stand 0.34 and more
#: of the line's letters on those scans, read at 45 and more when they are that tall,
#: at 81 and more when under 0.5.
PIPE_SHORT = 0.5
PIPE_CONF = 70.0
#: A letter or two ending a line or cell, read less sure than :data:`STRAY_CONF`,
#: whose box is shorter than this share of the page's Arabic digits, was read from a
#: speck: a digit stands their full height and a Thai letter or digit 0.7 and more
#: (``สำนักอนามัย 5``, the ``5`` of 33 x 16 pixels at 4 beside digits of 37; ``ขนาดเล็ก ร``,
#: the ``ร`` of 14 x 13 at 43 beside digits of 31).
STRAY_SHORT = 0.55
#: ...and a digit or two of Arabic digits shorter than this share of them: a digit
#: of the page's size stands their height (``งวดที่ 2`` read at 31, 40 pixels beside
#: digits of 41), the specks read as ``0`` 0.62-0.63 of it (``ที่เกี่ยวข้อง 0`` at 0, 26
#: pixels beside digits of 42); a Thai letter's height, 0.7, is kept.
STRAY_SHORT_DIGITS = 0.68
_ARABIC_DIGITS = re.compile("[0-9]{1,2}")
#: A mark that only ends a word (``.``, ``,``, ``;``, ``'``, ``_``; ``)`` closing no ``(``
#: of its cell) alone at the end of its line or cell, this many line heights or more
#: from the word before it, was not written after that word.
TRAILING_GAP = 0.3
_TRAILING = frozenset(".,;'_`")
#: One Thai consonant (no vowel, no mark) ending its line or cell this many line heights or
#: more after the word before it, read less sure than :data:`LONE_CONF`, was read from
#: a speck in the margin: Thai writes no one-letter word, and an abbreviation has its
#: point (``ก.``). On the seed-11 scans a speck 1,400 pixels after a line's end read
#: ``ว`` at 33 (the letters 47 pixels high), and its tab ended the SWOT list it stood in.
LONE_GAP = 8.0
LONE_CONF = 50.0
_LONE_CONSONANT = re.compile("[\u0e01-\u0e2e]")


def without_strays(text: str, words: tuple[OcrWord, ...]) -> tuple[str, tuple[OcrWord, ...]]:
    """A page's text and words with the stray marks at lines' and cells' ends taken out.

    ``text`` and ``words`` are an OCR'd page's, in reading order. A word that
    starts or ends its line or cell (the words between two tabs) is taken out when
    :func:`is_stray` says so, with the spaces that set it apart, and the tabs before
    it when it ended its line. Words inside a cell are left; returns ``text`` and
    ``words`` unchanged when none is taken out. A word a stray stood after is looked
    at again as its cell's end (``อนามัย ื 5``: the ``5`` a speck, then the ``ื``).
    """
    for _ in range(STRAY_PASSES):
        out, kept = _without_strays_once(text, words)
        if len(kept) == len(words):
            break
        text, words = out, kept
    return text, words


#: How many times the strays at lines' and cells' ends are looked for.
STRAY_PASSES = 3


def _without_strays_once(text: str, words: tuple[OcrWord, ...]) -> tuple[str, tuple[OcrWord, ...]]:
    if not words:
        return text, words
    usual = statistics.median(w.box[3] - w.box[1] for w in words)
    digits = digit_height(words)
    cut: set[int] = set()
    gone: set[int] = set()  # positions in words
    lines = _lines(text, words)
    # where the page's text starts: the leftmost line that opens with a Thai word
    margin = min(
        (words[line[0]].box[0] for line in lines if THAI_WORD.search(words[line[0]].text)),
        default=0,
    )
    for line in lines:
        letters = [
            words[i].box[3] - words[i].box[1]
            for i in line
            if any(c.isalnum() for c in words[i].text)
        ]
        height = statistics.median(letters) if letters else usual
        thai = [words[i].box[3] - words[i].box[1] for i in line if THAI_WORD.search(words[i].text)]
        thai_height = statistics.median(thai) if thai else 0.0
        strays = []
        for k, i in enumerate(line):
            word = words[i]
            before = text[words[line[k - 1]].end : word.start] if k else "\t"
            after = text[word.end : words[line[k + 1]].start] if k + 1 < len(line) else "\t"
            if "\t" not in before and "\t" not in after:
                strays.append(False)
                continue
            line_start = text.rfind("\n", 0, word.start) + 1
            cell = text[max(line_start, text.rfind("\t", line_start, word.start) + 1) : word.start]
            gap = word.box[0] - words[line[k - 1]].box[2] if k else None
            strays.append(
                is_stray(
                    word, height, gap, cell, ends_cell="\t" in after, usual=usual, digits=digits
                )
                or (
                    k == 0
                    and word.box[2] < margin  # in the margin, left of the text
                    and is_latin_speck(word, thai_height, [words[j].text for j in line[:2]])
                )
                or (
                    not cell.strip()
                    and is_lone_quote(word, text[word.end : line_end(text, word.end)])
                )
            )
        for k, i in enumerate(line):
            if strays[k]:
                gone.add(i)
                cut.update(_span(text, [words[j] for j in line], strays, k))
    if not cut:
        return text, words
    order = sorted(cut)
    out = "".join(c for i, c in enumerate(text) if i not in cut)
    kept = tuple(
        w.at(w.start - bisect_left(order, w.start))
        for i, w in enumerate(words)
        if i not in gone
    )
    return out, kept


def is_stray(
    word: OcrWord,
    height: float,
    gap: int | None,
    cell: str,
    ends_cell: bool,
    usual: float = 0.0,
    digits: float = 0.0,
) -> bool:
    """Whether a word at its line's or cell's edge was read from a speck or a rule's end.

    ``height`` is the line's letters' height and ``gap`` the space from the word
    before it on its line (None when it is the first), in pixels; ``cell`` the text
    of its cell before it; ``ends_cell``, whether it is its cell's last word;
    ``usual`` the page's median word height (a line of one word and the stray has
    the stray's own height in its median); ``digits`` the page's Arabic digits'
    height (:func:`~.ocr_specks.digit_height`; 0.0 when unknown).
    """
    width, tall = word.box[2] - word.box[0], word.box[3] - word.box[1]
    size = max(width, tall) / max(height, 1.0)
    if size < STRAY_TINY or (
        size < STRAY_SIZE and (word.conf < STRAY_CONF or any(c.isalnum() for c in word.text))
    ):
        return True
    if word.text == "|" and word.conf < PIPE_CONF and tall < PIPE_SHORT * height:
        return True
    if tall < STRAY_SIZE * max(height, usual) and any(c.isalnum() for c in word.text):
        return True  # flatter than any letter or digit: a rule's piece or specks (``::``→``cs``)
    short = STRAY_SHORT_DIGITS if _ARABIC_DIGITS.fullmatch(word.text) else STRAY_SHORT
    if (
        ends_cell
        and gap is not None
        and len(word.text) <= 2
        and word.conf < STRAY_CONF
        and tall < short * digits
        and any(c.isalnum() for c in word.text)
    ):
        return True  # shorter than a letter, after the cell's words: a speck
    if (
        ends_cell
        and gap is not None
        and gap >= LONE_GAP * max(height, usual)
        and word.conf < LONE_CONF
        and _LONE_CONSONANT.fullmatch(word.text)
    ):
        return True  # a lone consonant far out in the margin: a speck
    closes = word.text == ")" and cell.count("(") > cell.count(")")
    trailing = set(word.text) <= _TRAILING or (word.text == ")" and not closes)
    return trailing and ends_cell and gap is not None and gap >= TRAILING_GAP * height


def _span(text: str, line: list[OcrWord], strays: list[bool], k: int) -> range:
    """The offsets to take out with ``line[k]``, a stray: the word and what set it apart."""
    word = line[k]
    if all(strays[k:]):  # the line's end: back to the last word kept, on to the line's end
        kept = [w for w, stray in zip(line[:k], strays[:k], strict=True) if not stray]
        start = kept[-1].end if kept else word.start
        end = text.find("\n", word.end)
        return range(start, len(text) if end < 0 else end)
    if all(strays[: k + 1]) or "\t" in text[line[k - 1].end : word.start]:
        end = word.end  # the line's or the cell's start: on over the spaces after it
        while end < len(text) and text[end] == " ":
            end += 1
        return range(word.start, end)
    start = word.start  # the cell's end: back over the spaces before it
    while start > 0 and text[start - 1] == " ":
        start -= 1
    return range(start, word.end)


def _lines(text: str, words: tuple[OcrWord, ...]) -> list[list[int]]:
    """The positions in ``words`` grouped by the line of ``text`` they stand on, in order."""
    breaks = [i for i, c in enumerate(text) if c == "\n"]
    lines: list[list[int]] = []
    last = -1
    for i, word in enumerate(words):
        at = bisect_left(breaks, word.start)
        if at != last:
            lines.append([])
            last = at
        lines[-1].append(i)
    return lines


#: A Thai consonant or a vowel written before one: a Thai word opens with one of them.
_THAI_OPENING = re.compile("[\u0e01-\u0e2e\u0e40-\u0e44]")
#: A letter, digit or Thai mark ending a word a point may follow.
_LETTER_OR_DIGIT = re.compile("[0-9A-Za-z\u0e01-\u0e4e\u0e50-\u0e59]")


def without_points_before_words(
    text: str, words: tuple[OcrWord, ...]
) -> tuple[str, tuple[OcrWord, ...]]:
    """``text`` and ``words`` with a point or comma read from a speck before a Thai word out.

    Thai writes a point after the letters or number it shortens (``น.ส.``, ``พ.ศ.``,
    ``1.``), never before a word: a ``.`` opening a Thai word (``.อยู่ระหว่าง…``) or
    alone before one (``: . โครงการ``), with no letter or digit before it on its line
    or cell (its start, or a mark such as ``:``), was read from a speck. After a
    letter or digit it is left, being that word's maybe, Tesseract's space put before
    it (``มี.ค .เม.ย.``, ``1 . เพื่อ``). The point goes with the space after it when it
    stands alone; every later word's offset moves back. A comma glued to the start of
    a Thai word after a space (``นางสาวอรุณี ,ศรีสุข``) goes too, whatever stands before
    it: a comma ends the word before it, and Tesseract sets it against that word, not
    against the next (on the generated scans, seed 3501, 200 dpi grey, every comma so
    read was a speck: the reports write none there).
    """
    cut: list[int] = []
    kept: list[OcrWord] = []
    for i, word in enumerate(words):
        before = words[i - 1] if i else None
        after = words[i + 1] if i + 1 < len(words) else None
        joined = (
            before is not None
            and not text[before.end : word.start].strip(" ")
            and bool(_LETTER_OR_DIGIT.match(before.text[-1:]))
        )
        if (
            word.text == "."
            and not joined
            and after is not None
            and text[word.end : after.start] == " "
            and _THAI_OPENING.match(after.text)
        ):
            cut.extend((word.start, word.end))  # alone: with the space after it
        elif (
            ((word.text.startswith(".") and not joined) or _comma_before(text, word))
            and _THAI_OPENING.match(word.text[1:2])
        ):
            cut.append(word.start)
            kept.append(OcrWord(word.text[1:], word.conf, word.box, word.start + 1, word.doubted,
                                word.agreed))
        else:
            kept.append(word)
    return with_cut(text, words, cut, kept)


def _comma_before(text: str, word: OcrWord) -> bool:
    """Whether ``word`` opens with a comma after a space or at its line's start."""
    return word.text.startswith(",") and text[word.start - 1 : word.start] in ("", " ", "\n", "\t")

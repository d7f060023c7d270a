"""Tell an en dash from a hyphen on an OCR'd page by the width of its box.

Stage: read. Consumes an OCR'd page's text and words (:class:`~.ocr.OcrPage`, as
:func:`~.ocr_tidy.tidied` is given them, after the cache); produces them with each
``-`` whose box is an en dash's written ``–`` (EN DASH), every offset unchanged (one
character for one). A text layer is never changed: it has its own characters.

Tesseract's ``tha+eng`` prints ``-`` for a HYPHEN-MINUS and for an EN DASH alike
(``(พ.ศ. 2566 – 2570)`` read ``(พ.ศ. 2566 - 2570)``), but the two glyphs differ in
length. Measured against the height of the page's Arabic digits (ink of the glyphs,
1000-unit fonts): a hyphen is 0.35-0.38 of it in the generator's fonts (Garuda,
Kinnari, Laksaman, Loma, Norasi, Sarabun), an en dash 0.64-1.01 (Kinnari's the
longest) and an em dash 0.86-2.16 (so an em dash is not told from a long en dash by
width alone; Tesseract prints ``—`` itself for some, and for Kinnari's en dash at
300 dpi: those are left). On the generated scans (four corpora, 150/200/300 dpi,
grey and 1-bit; 216 dashes standing alone, 56 of them en dashes) Tesseract's boxes
put the hyphens read at 80 and more at 0.02-0.42 and the en dashes at 0.44-0.97
(17 pixels where 21 were ink at the low end).

Only a ``-`` standing alone as a word is looked at: a dash inside a word
(``2566–2570``, ``2025-10-01``) has no box of its own in the page's words, and the
word's width does not tell one dash from the other (one dash among eight digits
whose width differs by font as much as the two dashes do).

A dashed or dotted rule read as a line of dashes goes (:func:`without_dashed_rules`).
"""

from __future__ import annotations

from bisect import bisect_left

from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_specks import digit_height

EN_DASH = "\u2013"
#: A ``-`` whose box is at least this share of the page's Arabic digits' height long
#: is an en dash (hyphens read up to 0.42, en dashes from 0.44; see the module).
EN_DASH_LENGTH = 0.48
#: A ``-`` read less sure than this (0..100) is left as it is: on the generated scans
#: real dashes were read at 85 and more, and specks or pieces of rules read as a
#: ``-`` (wider, their boxes taller) at 16-77.
DASH_CONF = 80.0
#: A ``-`` whose box is taller than this share of the page's digits holds more ink
#: than a dash (a hyphen boxed with a speck below it, 25 x 40 pixels beside digits
#: of 43, where the line's other hyphens were 15-17 x 4-6): its length is not the
#: dash's, unless the box of a word beside it runs into it (see :func:`with_en_dashes`).
DASH_FLAT = 0.5
#: ...and a word beside it whose box covers this share of its box or more holds the
#: dash: the dash runs to that box's edge (see :func:`with_en_dashes`).
DASH_SHARED = 0.5
#: The page's Arabic digits are measured on this many words of them or more (a year
#: range has two).
DASH_DIGITS = 2


def with_en_dashes(text: str, words: tuple[OcrWord, ...]) -> tuple[str, tuple[OcrWord, ...]]:
    """``text`` and ``words`` with every ``-`` word as long as an en dash written ``–``.

    ``words`` in reading order, as :class:`~.ocr.OcrPage` has them; boxes in pixels.
    The length is the word's box, widened to a neighbour's box edge that runs into it.
    Tesseract now and then puts a dash into the box of the number before it and gives
    the dash a box the line's height (``2566`` to pixel 841, its ``-`` from 806 to 833
    and 104 pixels high beside digits of 51): such a box is measured when the
    neighbour's covers :data:`DASH_SHARED` of it, any other box taller than
    :data:`DASH_FLAT` is left as read (a hyphen boxed the line's height 29 pixels
    wide, its word before it reaching one pixel in). A page without two words of
    Arabic digits (:data:`DASH_DIGITS`, :func:`~.ocr_specks.digit_height`) is returned
    unchanged.
    """
    digits = digit_height(words, DASH_DIGITS)
    if not digits:
        return text, words
    found: list[int] = []
    for i, word in enumerate(words):
        if word.text != "-" or word.conf < DASH_CONF:
            continue
        x0, x1 = left, right = word.box[0], word.box[2]
        width = max(x1 - x0, 1)
        shared = False
        before = words[i - 1].box if i else None
        if before and _beside(before, word.box) and before[0] < x0 < before[2]:
            shared = min(x1, before[2]) - x0 >= DASH_SHARED * width
            right = max(x1, before[2])
        after = words[i + 1].box if i + 1 < len(words) else None
        if after and _beside(after, word.box) and after[0] < x1 < after[2]:
            shared = shared or x1 - max(x0, after[0]) >= DASH_SHARED * width
            left = min(x0, after[0])
        flat = word.box[3] - word.box[1] <= DASH_FLAT * digits
        if (flat or shared) and right - left >= EN_DASH_LENGTH * digits:
            found.append(i)
    if not found:
        return text, words
    chars = list(text)
    out = list(words)
    for i in found:
        chars[words[i].start] = EN_DASH
        out[i] = OcrWord(EN_DASH, words[i].conf, words[i].box, words[i].start,
                         words[i].doubted)
    return "".join(chars), tuple(out)


def _beside(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    """Whether two boxes share some of their height (stand on one line)."""
    return a[1] < b[3] and b[1] < a[3]


#: Characters a dashed or dotted rule is read as.
_RULE_MARKS = frozenset("-\u2013\u2014=_~")
#: A line of at least this many of them...
RULE_DASHES = 8
#: ...that are at least this share of its characters (spaces left out) is a rule.
RULE_SHARE = 0.5


def without_dashed_rules(text: str, words: tuple[OcrWord, ...]
                         ) -> tuple[str, tuple[OcrWord, ...]]:
    """An OCR'd page's text and words without the lines Tesseract read from a dashed rule.

    A dashed or dotted rule across a page (between the entries of a history) is
    read now and then as a line of ``-`` with a few letters from its dots
    (``-----------ซิเซิดิเค-----------``), which then runs on a field's value above
    it. A line holding :data:`RULE_DASHES` or more dash-like characters making up
    :data:`RULE_SHARE` of it or more is no text: it goes with its line break, and
    its words; the other words' offsets move to the new text.
    """
    cut: list[int] = []
    at = 0
    for line in text.split("\n"):
        ink = [c for c in line if not c.isspace()]
        dashes = sum(c in _RULE_MARKS for c in ink)
        if dashes >= RULE_DASHES and dashes >= RULE_SHARE * len(ink):
            begin, end = at, at + len(line)
            if end < len(text):
                end += 1  # its own line break
            elif begin > 0:
                begin -= 1  # the last line: the break before it
            cut.extend(range(begin, end))
        at += len(line) + 1
    if not cut:
        return text, words
    gone = set(cut)
    kept = "".join(c for i, c in enumerate(text) if i not in gone)
    return kept, tuple(w.at(w.start - bisect_left(cut, w.start))
                       for w in words if w.start not in gone)

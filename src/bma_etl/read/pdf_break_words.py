"""The first word a line breaker would have moved up: is a page's first row a cut row's rest.

Stage: read (a helper of :func:`.pdf_breaks.join_cut_rows`). A row at a page's
foot whose every filled cell runs down to its bottom rule is either a row the page
cut (its rest opens the next page) or a whole row, the next one moved whole to the
next page. Which one is told by the room each cell's last line left: a cut row's
line was wrapped, so the rest's first word did not fit there. Thai is written
without spaces and broken between words by a dictionary (a browser's and an office
suite's line breakers alike): the word that did not fit is the first word of the
cell's Thai text (``ไม่`` of ``ไม่ต่ำกว่าร้อยละ 70``), not its text up to a space.
"""

from __future__ import annotations

import re

from bma_etl.read.pdf_cuts import cut_inside_word
from bma_etl.read.pdf_tables import join_pieces

#: What a word's ends take beyond its ink (font sizes): the side bearings of its
#: first and last glyph, which a line breaker counts and a glyph's box leaves out
#: (LibreOffice wrapped ``รายงานครั้ง`` / ``ที่2`` with 0.4 pt more room than its ink
#: at 16 pt).
BEARING_EM = 0.1
#: Narrowest word space (font sizes) a line must also leave for a word wrapped at a
#: space (``๘,๓๑๗,๗๐๐.-`` / ``บาท``): the Thai fonts' run 0.24-0.5 em.
SPACE_EM = 0.2
#: Least width of a character (font sizes) for :func:`word_wider`: Thai letters and
#: digits run 0.45-0.6 em wide in the Thai fonts; marks stand over their letter.
CHAR_EM = 0.4
#: How many times its width a Thai run's first dictionary word takes for
#: :func:`word_wider`: a line breaker's dictionary keeps compounds that pythainlp's
#: splits, and the least width per letter is low (LibreOffice left 61 pt under
#: ``…ตามหลัก`` and moved ``สมรรถนะมุ่ง…``, 45 pt for ``สมรรถนะ`` alone, and 40 pt under
#: ``ดำเนินการตาม`` for ``แผนการ…``, 14 pt for ``แผน``; Chromium left 46 pt under a
#: target for ``ไม่ต่ำกว่า…`` of the next row, 15 pt for ``ไม่``).
THAI_WORD_TIMES = 3.0
_MARKS = frozenset("\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B)))
                   + "".join(map(chr, range(0x0E47, 0x0E4F))))
_THAI_RUN = re.compile("[\u0e01-\u0e2e\u0e30-\u0e4e]+")


#: Characters no line may start with, even after spaces (Unicode's line breaking,
#: UAX #14 classes CL, CP, EX, IS and SY: ``)``, ``]``, ``}``, ``!``, ``?``, ``,``,
#: ``.``, ``:``, ``;``, ``/``): a breaker keeps them with the word before their
#: spaces (``1/7/2565 :`` is one unit; LibreOffice wrapped ``::`` / ``1/7/2565 :``
#: where ``1/7/2565`` alone would have fitted beside ``::``). An infix ``,.:;``
#: before a digit (``.5``) may start a line.
_NO_BREAK_BEFORE = re.compile(r"\s+(?:[)\]}!?/]|[,.:;](?![0-9\u0e50-\u0e59]))\S*")


def unbroken_word(text: str) -> str:
    """``text``'s first unit that a line breaker cannot break.

    Up to its first space, and on over spaces before a character no line starts with
    (:data:`_NO_BREAK_BEFORE`).

    >>> unbroken_word("1/7/2565 : ติดตั้งราว"), unbroken_word(" ที่2 รายงาน"), unbroken_word("")
    ('1/7/2565 :', 'ที่2', '')
    >>> unbroken_word("ร้อยละ .5 ของ"), unbroken_word("งานฯ = 71.00 %")
    ('ร้อยละ', 'งานฯ')
    """
    body = text.strip()
    word = body.split()[0] if body else ""
    at = len(word)
    while (more := _NO_BREAK_BEFORE.match(body, at)) is not None:
        at = more.end()
    return body[:at]


def first_word(above: str, text: str) -> str:
    """The first word of ``text`` (a cell's text on a page's first row) a line breaker moves.

    ``above``: the cell's text on the row at the foot of the page before. The text
    up to its first space; when that opens with Thai letters, the first word of the
    dictionary segmentation of them (pythainlp ``newmm``) when the word list holds it,
    another Thai word follows it (a word run on into digits, ``ที่2``, breaks nowhere
    inside: letters and numbers stay together) and the two pieces do not cut a word
    (:func:`.pdf_cuts.cut_inside_word`: there a line breaker broke inside a word, out
    of room).

    >>> first_word("19 กิจกรรม", "ไม่ต่ำกว่าร้อยละ 70"), first_word("", "2567 ok")
    ('ไม่', '2567')
    >>> first_word("ระดับความสำเ", "ร็จในการพัฒนา"), first_word("รายงานครั้ง", "ที่2")
    ('ร็จในการพัฒนา', 'ที่2')
    """
    word = unbroken_word(text)
    thai = _THAI_RUN.match(word)
    if thai is None or cut_inside_word(above, text):
        return word
    from pythainlp.corpus import thai_words
    from pythainlp.tokenize import word_tokenize

    words = word_tokenize(thai.group(), engine="newmm")
    return words[0] if len(words) > 1 and words[0] in thai_words() else word


#: Words in ``/Producer`` or ``/Creator`` (lower case) of the writers whose line
#: breaker is ICU's Thai dictionary (Chromium's Skia): it breaks a compound into its
#: dictionary words (``ไม่ต่ำกว่าร้อย`` / ``ละ ๗๐``), so the word it would have moved is
#: the longest dictionary word a Thai run opens with, with no allowance for compounds.
ICU_WRITERS = ("skia",)


def breaks_at_words(writer: str) -> bool:
    """Whether a PDF's writer breaks Thai lines at ICU's dictionary words (:data:`ICU_WRITERS`).

    ``writer``: its ``/Producer`` and ``/Creator``, joined.

    >>> breaks_at_words("Skia/PDF m120"), breaks_at_words("LibreOffice 7.4")
    (True, False)
    """
    low = writer.lower()
    return any(n in low for n in ICU_WRITERS)


def longest_word(above: str, text: str) -> str:
    """The longest dictionary word (pythainlp's word list) that ``text``'s Thai run opens with.

    ``above``, ``text``: as for :func:`first_word`, whose word stands when the run opens
    with no dictionary word or the two pieces cut a word.

    >>> longest_word("ชื่อ", "โครงการพัฒนาครุภัณฑ์"), first_word("ชื่อ", "โครงการพัฒนาครุภัณฑ์")
    ('โครงการ', 'โครง')
    """
    word = unbroken_word(text)
    thai = _THAI_RUN.match(word)
    if thai is None or cut_inside_word(above, text):
        return first_word(above, text)
    from pythainlp.corpus import thai_words

    words = thai_words()
    run = thai.group()
    return next((run[:k] for k in range(len(run), 1, -1) if run[:k] in words),
                first_word(above, text))


def word_wider(above: str, text: str, drawn: float, size: float,
               icu: bool = False) -> float:
    """The least room (points) a cell's last line must have left for ``text``'s first word.

    ``above``: the cell's text at the page's foot; ``text``: its text on the next
    page's first row; ``drawn``: the width (points) of ``text``'s first line's
    :func:`unbroken_word` as drawn (:attr:`~.pdf_line.TextLine.lead`, 0.0 when unknown);
    ``size``: the font size (points). The word is :func:`first_word`; its width is
    its share of ``drawn`` by characters, with :data:`BEARING_EM` for its ends' side
    bearings, or at least :data:`CHAR_EM` a letter (a Thai run's dictionary word
    :data:`THAI_WORD_TIMES` that, up to the whole text before the space), and a space
    of :data:`SPACE_EM` before it when the cell's two pieces join with one. ``icu``:
    the writer breaks at ICU's dictionary words (:func:`breaks_at_words`): the word is
    :func:`longest_word`, taken at its share of ``drawn`` alone (a Chromium print moves
    a row whole to the next page: the last line of a cell above it could have held
    ``ระดับ`` of ``ระดับความสำเร็จ…``, no compound three times that word's width).
    """
    whole = unbroken_word(text)
    word = longest_word(above, text) if icu else first_word(above, text)
    share = drawn * len(word) / len(whole) if whole else 0.0
    least = CHAR_EM * size * sum(ch not in _MARKS for ch in word)
    width = max(least, share + BEARING_EM * size)
    if word != whole and not icu:  # a dictionary word of a Thai run: a breaker may keep a compound
        width = min(THAI_WORD_TIMES * width, max(
            CHAR_EM * size * sum(ch not in _MARKS for ch in whole), drawn + BEARING_EM * size))
    return width + _space_before(above, text, size)


def _space_before(above: str, text: str, size: float) -> float:
    """The room (points) a space before ``text`` takes on the line ending ``above``.

    0.0 when the two pieces of the cell join without one (a Thai word cut anywhere).
    """
    joined = join_pieces(above.strip(), text.strip())
    return SPACE_EM * size if above.strip() and len(joined) > len(above.strip()) \
        + len(text.strip()) else 0.0

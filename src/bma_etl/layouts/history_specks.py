"""Lines of a scanned progress-history page that OCR made of specks or of a separator.

Stage: extract (a helper of :mod:`bma_etl.layouts.history_entries`, not a layout).
Consumes one line's text; says whether it holds no text of an entry: specks read
as marks and digits (:data:`OCR_SPECKS_RE`: a number of a year such as ``2/2566``
is text), or the ``---&&&---`` separator read as
a few letters (:func:`separator_read_as_letters`) or Latin bits
(:func:`separator_read_as_bits`, :func:`separator_read_as_latin`); and, for the progress form's
lists and texts, a short line of specks a page break left between a text's lines
(:func:`short_specks`), and a list's number alone on its line read as specks
(:func:`numbers_read_as_specks`); and where an entry's narrative starts when OCR
read the report date before it as junk (:func:`after_date_junk`). Only OCR'd
pages come here.
"""

from __future__ import annotations

import re

from bma_etl.document import Line, Raw
from bma_etl.read.ocr_words import RUN, in_list, lexicon

#: A line OCR made of a separator or of specks: no letters but digits, marks,
#: punctuation (``8@@ -----``, ``. ๕@๑๕``, ``๕๕๕``). A number over a Buddhist-era year
#: (``2/2566``, a meeting's number wrapped off ``ครั้งที่``) is text, and so is a date
#: alone (``03/05/2560``, an entry's report date whose ``:`` OCR lost).
OCR_SPECKS_RE = re.compile(r"^(?!\s*(?:[0-9๐-๙]{1,2}\s*/\s*)?[0-9๐-๙]{1,4}\s*/\s*(?:25|๒๕)"
                           r"[0-9๐-๙]{2}\s*$)"
                           r"[\W\d_๐-๙\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*$")

#: A separator OCR read as letters is short: ``K&R``, ``น 00 0ฝไ0``, ``จงซึ้งร``.
SEPARATOR_LETTERS_MAX = 12
#: Lower-case Latin bits of a letter or two, nothing else (``a oo``): the dashes as read.
_LOWER_BITS = re.compile(r"[a-z]{1,2}(?:\s+[a-z]{1,2})*")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")
#: A Latin word this long or longer is text (``COVID``), not a separator's specks.
_LATIN_WORD = re.compile(r"[A-Za-z]{4,}")
#: Signs no value written in Latin letters holds (``COVID-19``, ``PM 2.5``, ``Compact City``):
#: the separator's dashes and ``&`` as OCR reads them beside letters (``SUEUR <:.<: cama``).
_SEPARATOR_SIGNS = re.compile(r"[<>&|~^=+*_\\\[\]{}«»]")
#: The separator with the dashes of one half read as dashes, its ``&&&`` and the other
#: half as letters glued to them (``คคคคาซิณิเซิค---------``).
_HALF_DASHES = re.compile(r"\s*(?:-{6,}(?P<tail>[^\s-]+)|(?P<head>[^\s-]+)-{6,})\s*")
#: A piece of a separator read as bits apart: a dash of any length or one of its signs.
_DASH_OR_SIGN = re.compile(r"[-\u2013\u2014~<>&|=+*_]+")
#: Latin letters and points alone, the separator's dashes read as bits (``RR. aa RE``).
_LATIN_BITS = re.compile(r"[A-Za-z.]+")
#: A Thai letter or leading vowel, standing alone among specks (``@@8เ@``).
_LONE_LETTER = re.compile("[\u0e01-\u0e2e\u0e40-\u0e44]")
#: The most characters (besides spaces) the separator read as letters and signs has:
#: its 40 dashes and ``&&&`` read a letter or a sign for two or three each.
SEPARATOR_SIGNS_MAX = 24


def separator_read_as_letters(text: str) -> bool:
    """Whether ``text`` is the entries' separator OCR read as a few letters.

    The caller asks only of the line just above an entry heading while its entry is
    open (the separator not yet seen). ``text`` is that separator when it is short
    (:data:`SEPARATOR_LETTERS_MAX` characters besides spaces), has no Latin word,
    and either has Thai letters of which no run reads as words of the word list
    (``จงซึ้งร``: ``ร`` is none; ``น 00 0ฝไ0``) or none and the separator's ``&``
    (``K&R``), only lower-case Latin bits (``a oo``), or specks and letters standing
    alone (``ร⇥๕๕๕``). Up to :data:`SEPARATOR_SIGNS_MAX` characters, Latin letters and
    words with one of the separator's signs and no Thai letter are the separator too
    (``SUEUR <:.<: cama``, ``inn <a``). One half's dashes read as dashes, the rest glued
    to them as letters (``คคคคาซิณิเซิค---------``), the rest is looked at alone, up to
    that many characters; three or more bits apart of three characters at most, a dash
    or sign among them (``เร⇥~⇥—⇥2มย⇥บ๓``) or all Latin letters and points
    (``RR. aa RE``), are the separator too, and so are signs and digits with a Thai
    letter or leading vowel alone among them (``@@8เ@``). A wrapped value's
    last words (``งาน``, ``2 แห่ง``, ``PM 2.5``, ``COVID-19``) are words.
    """
    body = "".join(text.split())
    if not _THAI_LETTER.search(text) and _SEPARATOR_SIGNS.search(text) \
            and len(body) <= SEPARATOR_SIGNS_MAX:
        return True  # Latin bits and the separator's signs (``inn <a``), no Thai
    half = _HALF_DASHES.fullmatch(text)
    if half is not None:  # one half's dashes read: the rest may be as long as signs are
        text = half["head"] or half["tail"]
        body = "".join(text.split())
        if len(body) > SEPARATOR_SIGNS_MAX:
            return False
    elif len(body) > SEPARATOR_LETTERS_MAX:
        return False
    if _LATIN_WORD.search(text):
        return False
    pieces = text.split()
    if len(pieces) >= 3 and all(len(p) <= 3 for p in pieces) \
            and (any(_DASH_OR_SIGN.fullmatch(p) for p in pieces)
                 or _LATIN_BITS.fullmatch(body)):
        return True  # bits apart, a dash among them (``เร⇥~⇥—⇥2มย⇥บ๓``) or Latin (``RR. aa RE``)
    runs = [m.group() for m in RUN.finditer(text)]
    if not runs:  # letters standing alone are no word either (``ร⇥๕๕๕``, ``@@8เ@``)
        return "&" in text or bool(_LOWER_BITS.fullmatch(text.strip())) \
            or bool(OCR_SPECKS_RE.match(_LONE_LETTER.sub("", text)))
    from pythainlp.tokenize import word_tokenize

    lex = lexicon()
    return not any(all(in_list(w, lex) for w in word_tokenize(run, engine="newmm"))
                   for run in runs)


#: The separator read as a Latin bit and specks is this short (``BEE``, ``:⇥88S``).
SEPARATOR_BITS_MAX = 4
_LATIN_LETTER = re.compile("[A-Za-z]")


def separator_read_as_bits(text: str) -> bool:
    """Whether ``text`` is the entries' separator OCR read as a Latin bit and specks.

    Asked where :func:`separator_read_as_letters` is, and only on a page where a
    separator was read before: the page prints one between every two entries, so the
    line in its place is it. ``BEE``, ``BRE``, ``:⇥88S``: a Latin letter or a few, no
    Thai letter, at most :data:`SEPARATOR_BITS_MAX` characters besides spaces (a Latin
    word of four letters, ``City``, is text).
    """
    body = "".join(text.split())
    return len(body) <= SEPARATOR_BITS_MAX and bool(_LATIN_LETTER.search(body)) \
        and not _THAI_LETTER.search(body) and not _LATIN_WORD.search(body)


#: Latin letters and spaces alone: the separator's dashes as Tesseract's Latin reads them.
_LATIN_ONLY = re.compile(r"[A-Za-z]+(?:\s+[A-Za-z]+)+")
#: The most letters of a bit that stands for dashes (``SS``, ``nnn``, ``See``).
_BIT_LETTERS = 3
#: A run of this many bits or more is dashes even with a longer bit or two among them
#: (``wenn nn cn nnn nnn BG Ginna naan nnn nnn ccnn``, half of them bits or more).
_MANY_BITS = 6


def separator_read_as_latin(text: str) -> bool:
    """Whether ``text`` is the entries' separator OCR read as Latin bits apart.

    Asked where :func:`separator_read_as_bits` is (on a page where a separator was
    read before, the line right above an entry or KPI block). Latin letters and
    spaces alone, two bits or more: each of :data:`_BIT_LETTERS` letters at most
    (``SS See``, ``ee Co``), or :data:`_MANY_BITS` or more, half of them bits at least
    (``wenn nn cn nnn nnn BG Ginna naan nnn nnn ccnn``): 200 dpi scans of history pages
    gave these, and the obstacles above took them for their last line. Latin text
    a value ends in has a longer word (``Big Cleaning Day``), a sign (``Co., Ltd.``,
    ``(Smart City)``) or a digit (``PM 2.5``).
    """
    if _LATIN_ONLY.fullmatch(text.strip()) is None:
        return False
    bits = text.split()
    short = sum(len(bit) <= _BIT_LETTERS for bit in bits)
    return short == len(bits) or (len(bits) >= _MANY_BITS and 2 * short >= len(bits))


_LIST_NUMBER = re.compile(r"[0-9๐-๙]{1,2}[.)]")
#: The most characters (besides spaces) a line of specks at a page break has (``7``, ``ฑา``).
SHORT_SPECKS_MAX = 4


def short_specks(text: str) -> bool:
    """Whether ``text`` is a short line of specks, no text.

    Digits or marks alone (``7``, the page's number misread) or Thai letters no word
    of the word list reads (``ฑา``).

    At most :data:`SHORT_SPECKS_MAX` characters besides spaces; blank is not specks.
    A short word (``งาน``), a year's number (``2/2566``) or a list's number alone
    (``4.``: its item's text is on the next line) is text.
    """
    body = "".join(text.split())
    if not body or len(body) > SHORT_SPECKS_MAX or _LIST_NUMBER.fullmatch(body):
        return False
    return bool(OCR_SPECKS_RE.match(text)) or separator_read_as_letters(text)


#: A line of digits alone (Arabic or Thai): a page's number, never a list's misread.
DIGITS_ALONE = re.compile(r"[0-9๐-๙]+")


def numbers_read_as_specks(lines: list[Line]) -> list[Line]:
    """Lines of ``lines`` (blank ones included) that are a list's number OCR read as specks.

    ``i`` or ``ซ่`` for ``1.`` or ``2.`` alone on its line, the item's text on the
    next: a short line of specks (:func:`short_specks`, digits alone aside) or of
    Latin letters (``Nw``, :data:`_NUMBER_AS_LATIN`) at the list's start or after a
    blank line, with a line of text after it. Whether it opens an item is the list's
    to say (:func:`~bma_etl.layouts.wrapped.numbered_items`).
    """
    def text_at(i: int) -> str:
        return lines[i].text.strip() if 0 <= i < len(lines) else ""

    return [ln for i, ln in enumerate(lines)
            if _number_misread(ln.text.strip())
            and not text_at(i - 1) and text_at(i + 1) and not short_specks(text_at(i + 1))]


#: A list's number alone OCR read as a Latin letter or two and a mark (``Nw`` for ``2.``);
#: capitals alone are an acronym (:data:`_ACRONYM`), text.
_NUMBER_AS_LATIN = re.compile(r"[A-Za-z]{1,2}[.,]?")


def _number_misread(body: str) -> bool:
    """Whether ``body`` (a stripped line) may be a list's number alone as OCR misread it."""
    if short_specks(body):
        return not DIGITS_ALONE.fullmatch(body)
    return bool(_NUMBER_AS_LATIN.fullmatch(body)) and not _ACRONYM.search(body)


#: The most characters (besides spaces) of a report date OCR read as junk (``05 142564 .``).
DATE_JUNK_MAX = 12
#: Digits alone before the narrative are a date's only when this many (a number opening
#: the narrative, ``3 รุ่น``, is text).
DATE_JUNK_DIGITS = 6
_DIGIT = re.compile("[0-9๐-๙]")
_TOKEN = re.compile(r"\S+")
_THAI_LETTERS = re.compile("[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]+")
#: An acronym (``BMA``, ``PM``) is text; Latin bits of specks are not all capitals (``eS``).
_ACRONYM = re.compile(r"[A-Z]{2,}")


def _reads_as_words(token: str) -> bool:
    """Whether the Thai letters of ``token`` are words of the word list, every one of them."""
    from pythainlp.tokenize import word_tokenize

    lex = lexicon()
    runs = _THAI_LETTERS.findall(token)
    return bool(runs) and all(in_list(w, lex) for run in runs
                              for w in word_tokenize(run, engine="newmm"))


#: Text the word list lacks: ณ (at), a Thai letter numbering a list (``ก.``), ฯลฯ.
_SHORT_TEXT = re.compile("ณ|[\u0e01-\u0e2e][.)]|.*ฯ.*")


#: Thai letters and a digit glued (``อรณ8``, ``8อรณ``): a date OCR read as letters keeps
#: a digit of it. A number a word counts may be glued to its word (``งวดที่2``,
#: ``จำนวน3``, ``รุ่นละ5``, ``ปี2566``): text.
_LETTERS_GLUED_DIGIT = re.compile("[\u0e01-\u0e4e][0-9๐-๙]|[0-9๐-๙][\u0e01-\u0e4e]")
_COUNTED_NUMBER = re.compile("(?:ที่|จำนวน|ละ|ครั้ง|งวด|รุ่น|ร่วม|ปี)[0-9๐-๙]")


def _junk(token: str) -> bool:
    """Whether ``token`` holds no text: no Thai word, no Latin word or acronym.

    Thai letters glued to a digit are junk whatever words they make (``อรณ8``), but
    for a number glued to the word that counts it (``งวดที่2``).
    """
    latin = re.sub(r"[^A-Za-z]", "", token)
    if len(latin) > 3 or _ACRONYM.fullmatch(latin) or _SHORT_TEXT.fullmatch(token):
        return False
    if _LETTERS_GLUED_DIGIT.search(token) and not _COUNTED_NUMBER.search(token):
        return True
    return not _THAI_LETTERS.search(token) or not _reads_as_words(token)


def after_date_junk(text: str) -> int | None:
    """Where the narrative starts in an entry's first line whose report date OCR made junk.

    ``29/09/2566 : <narrative>`` read as ``eS ลงนาม…``, ``กรสลต อยู่…``, ``oc 0 ประกาศ…``,
    ``05 142564 . อยู่…``: the tokens before the first one whose Thai letters read as
    words of the word list, when every one is junk (no Thai word, Latin word or
    acronym), at most :data:`DATE_JUNK_MAX` characters in all, and not a number alone
    shorter than a date (:data:`DATE_JUNK_DIGITS`). None when the line opens with a
    word (``ณ วันที่``), or nothing after the junk reads as words.

    >>> after_date_junk("กรสลต อยู่ระหว่างสำรวจพื้นที่"), after_date_junk("3 รุ่น ผู้เข้าร่วม")
    (6, None)
    """
    tokens = list(_TOKEN.finditer(text))
    for k, m in enumerate(tokens):
        if not _junk(m.group()):
            if k == 0 or not _reads_as_words(m.group()):
                return None
            head = text[:m.start()]
            if len("".join(head.split())) > DATE_JUNK_MAX:
                return None
            if not re.search(r"[^\W\d_]", head) and len(_DIGIT.findall(head)) < DATE_JUNK_DIGITS:
                return None
            return m.start()
    return None


#: Entries whose narrative opens with a date readable as printed: the page dates its entries.
DATED_ENTRIES = 2
#: A Latin word that is text before a narrative: an acronym or a capitalised word (``Smart``).
_LATIN_TEXT = re.compile(r"[A-Z]{2,}|[A-Z][a-z]{3,}")


def junk_before_narrative(text: str) -> int | None:
    """Where the narrative starts in an entry's first line, on a page that dates its entries.

    Every other entry of the page opens with ``29/09/2566 : <narrative>``; this one's
    date OCR made junk past :func:`after_date_junk`'s reading (``0 ประกาศ…``,
    ``"0⇥อยู่…``, ``fa beeen อยู่…``, ``ได1052568 5 ลงนาม…``, ``บ จัด…``): the tokens
    before the first one of Thai letters alone (more than one) that read as words of
    the word list, when none is text (an acronym or capitalised Latin word, ``ณ``, a
    list's letter) and they hold at most :data:`DATE_JUNK_MAX` characters. None when
    the line opens with such a word or nothing after the tokens reads as words.

    >>> junk_before_narrative("fa beeen อยู่ระหว่างสำรวจพื้นที่"), junk_before_narrative("PM 2.5 ลด")
    (9, None)
    """
    tokens = list(_TOKEN.finditer(text))
    for k, m in enumerate(tokens):
        token = m.group()
        if len(token) > 1 and _THAI_LETTERS.fullmatch(token) and _reads_as_words(token):
            head = text[:m.start()]
            return m.start() if k and len("".join(head.split())) <= DATE_JUNK_MAX else None
        latin = re.sub(r"[^A-Za-z]", "", token)
        if _LATIN_TEXT.fullmatch(latin) or _SHORT_TEXT.fullmatch(token):
            return None
    return None


_LATIN_JUNK = re.compile(r"^[\s:.;'|]*[A-Za-z]{2,5}[\s.,;'|]*$")


def latin_junk(pieces: list[Raw]) -> bool:
    """Whether a problems/obstacles value is Thai OCR read as Latin (``Lit``, ``aid``: ไม่มี)."""
    return len(pieces) == 1 and _LATIN_JUNK.match(pieces[0].text) is not None


#: A value's line that is the separator below it read as Latin bits: lower-case letters,
#: a capitalised run of three (``BRB``) beside them or a dash or tilde, specks, a Thai
#: letter alone (``mene BRB enone``, ``- BRR``, ``~~⇥RAE``, ``sak ก``); no digit, no Thai word.
_JUNK_LINE = re.compile(r"[\s\-.,:;'|~_]*(?:(?:[a-z]{1,6}|[A-Z]{3}|[\u0e01-\u0e2e])"
                        r"[\s\-.,:;'|~_]*)+")


#: The separator read as Thai letters and signs, its dashes as ``=`` (``ดแระตน๓เพะ๓3= =
#: rere``, ``เตหละรชมะ= ๓บรระณาภระรอ=หรอแรร์``): two ``=`` or more, no amount.
_EQUALS_JUNK_LEAST = 2
_AMOUNT = re.compile(r"[0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})+|[0-9๐-๙]+\.[0-9๐-๙]+")


def _separator_junk(text: str) -> bool:
    """Whether a value's last line is the separator below it misread (Latin bits or ``=``)."""
    if _JUNK_LINE.fullmatch(text):
        return bool(re.search(r"[a-z\-~]", text))  # an acronym alone is text
    return text.count("=") >= _EQUALS_JUNK_LEAST and not _AMOUNT.search(text)


def without_junk_lines(pieces: list[Raw] | None, ocr: bool) -> list[Raw] | None:
    """``pieces`` (a problems/obstacles value's lines) without its last lines of junk.

    After OCR the entries' separator below the value may be read as a line of Latin
    bits (:data:`_JUNK_LINE`) or of Thai letters with its dashes read as ``=`` joined to
    it; with a line of Thai text above them they go.
    """
    if not ocr or not pieces:
        return pieces
    end = len(pieces)
    while end > 1 and _separator_junk(pieces[end - 1].text):
        end -= 1
    return pieces[:end] if _THAI_LETTERS.search(pieces[end - 1].text) else pieces

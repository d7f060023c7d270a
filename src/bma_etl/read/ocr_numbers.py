"""Numbers OCR misread as signs, put back: a number-over-year's ``/``, a count's ``1``.

A count's ``1`` read as a bar (``ได้ครบ | ขั้นตอน``) is put back by
:func:`with_bars_as_ones`, an amount of ``0`` read as the letter O (``= O บาท``) by
:func:`with_o_as_zero`, a date's ``/`` read as a bar (``10/6|2567``) by
:func:`with_date_slashes`; the rest of this page is about the number-over-year.

Stage: read (:func:`.ocr_tidy.tidied` runs it after the cache). Consumes an OCR'd
page's text and words; produces them with the stroke of each such number put back,
one character for one, so every offset stays where it was.

Thai documents number meetings, orders and letters within their Buddhist-era year
after ``ที่`` (``ครั้งที่ 2/2566``, ``คำสั่งที่ 12/2566``, ``เลขที่ 5/2567``). Debian's
``tha`` model reads that ``/`` as ``7``, ``1`` or ``2`` now and then (``ครั้งที่ 272566``,
``ครั้งที่ 222566``), and says it is unsure. A run of digits is read so when all of
these hold: ``ที่`` (or ``ที``, its mark lost) stands right before it (a space between
or not); it is one or two digits, one ``7``, ``1`` or ``2``, then a year ``25xx``, and
no digit, ``/``, ``,`` or ``.`` goes on from it; Tesseract's confidence in its word
is under :data:`UNSURE`. Digits printed as one run are read as sure as other digits
and stay as read (an amount comes with its commas). A ``/`` lost outright (``27/2566``
read ``272566``) would be read as ``2/2566``: on the corpus's scans Tesseract read the
stroke as a digit, never dropped it, in these numbers.
"""

from __future__ import annotations

import re

from bma_etl.read.ocr_layout import OcrWord

#: Tesseract's confidence (0..100) under which a word's reading is taken as unsure;
#: digits read right on the corpus's scans read 90 and more.
UNSURE = 90.0
_NUMBER_OVER_YEAR = re.compile(
    r"(?:(?<=ที่)|(?<=ที))[ \t]?(?P<no>[0-9]{1,2})(?P<mark>[127])(?P<year>25[0-9]{2})(?![0-9/,.])"
)


def with_year_slashes(text: str, words: tuple[OcrWord, ...]) -> tuple[str, tuple[OcrWord, ...]]:
    """``text`` and ``words`` with the ``/`` of each number-over-year OCR read as a digit.

    ``ครั้งที่ 272566`` → ``ครั้งที่ 2/2566`` when its word is unsure (see the module
    docstring); same length, so offsets and boxes are unchanged.
    """
    if "ที่" not in text:
        return text, words
    marks: list[int] = []
    for m in _NUMBER_OVER_YEAR.finditer(text):
        at = m.start("mark")
        word = next((w for w in words if w.start <= at < w.end), None)
        if word is not None and word.conf < UNSURE:
            marks.append(at)
    return _put(text, words, marks, "/")


#: A count's ``1`` OCR read as a bar: ``ได้ครบ | ขั้นตอน``. The bar a word of its own
#: (one space either side) between a word ending with a count's lead (ครบ ``all of``,
#: จำนวน ``number of``) and a counting word. A table's rule read as a bar stands
#: between cells (``นิยาม/คำอธิบายตัวชี้วัด | โครงการ/กิจกรรม``), after no such lead.
_BAR_FOR_ONE = re.compile(
    r"(?:(?<=ครบ)|(?<=จำนวน)) (?P<bar>\|) (?=(?:ขั้นตอน|ครั้ง|แห่ง|ราย|คน|เรื่อง|วัน|เดือน))"
)


def with_bars_as_ones(text: str, words: tuple[OcrWord, ...]) -> tuple[str, tuple[OcrWord, ...]]:
    """``text`` and ``words`` with each count's ``1`` OCR read as a bar put back.

    ``ได้ครบ | ขั้นตอน`` → ``ได้ครบ 1 ขั้นตอน`` (:data:`_BAR_FOR_ONE`); one character for
    one, so offsets and boxes are unchanged.
    """
    if "|" not in text:
        return text, words
    bars = [m.start("bar") for m in _BAR_FOR_ONE.finditer(text)]
    return _put(text, words, bars, "1")


#: An amount of zero OCR read as the letter O (a 1-bit 200 dpi scan's ``0``):
#: ``งบประมาณที่เบิกใช้ (ครั้งที่ 4) =O บาท``. The O alone between ``=`` or ``:`` (a
#: space between or not) and ``บาท``: no word nor code is that one letter there.
_O_FOR_ZERO = re.compile(r"(?<=[=:])[ \t]?(?P<o>[Oo])(?=[ \t]?บาท)")


def with_o_as_zero(text: str, words: tuple[OcrWord, ...]) -> tuple[str, tuple[OcrWord, ...]]:
    """``text`` and ``words`` with each amount's ``0`` OCR read as the letter O put back.

    ``= O บาท`` → ``= 0 บาท`` (:data:`_O_FOR_ZERO`); one character for one, so
    offsets and boxes are unchanged.
    """
    if "บาท" not in text:
        return text, words
    zeros = [m.start("o") for m in _O_FOR_ZERO.finditer(text)]
    return _put(text, words, zeros, "0")


#: A day/month/year date one of whose ``/`` OCR read as a bar (``10/6|2567``, ``28|3/2024``):
#: a thin slash in a table's cell, beside the cell's rule, is read ``|`` now and then. Digits
#: on both sides of each stroke, no space, the other stroke a ``/``, a day 1-31, a month
#: 1-12 and a year of four digits (``25xx`` or ``20xx``); nothing else (a digit, stroke,
#: point or comma) runs on from either end. A rule read between two numbers has spaces.
_DATE_BAR = re.compile(
    r"(?<![0-9/|.,])(?P<day>[0-9]{1,2})(?P<a>[/|])(?P<month>[0-9]{1,2})(?P<b>[/|])"
    r"(?P<year>(?:25|20)[0-9]{2})(?![0-9/|.,])"
)


def with_date_slashes(text: str, words: tuple[OcrWord, ...]) -> tuple[str, tuple[OcrWord, ...]]:
    """``text`` and ``words`` with a date's ``/`` OCR read as a bar put back.

    ``10/6|2567`` → ``10/6/2567`` (:data:`_DATE_BAR`: one stroke a bar, the other a
    ``/``); one character for one, so offsets and boxes are unchanged.
    """
    if "|" not in text:
        return text, words
    bars: list[int] = []
    for m in _DATE_BAR.finditer(text):
        strokes = m["a"] + m["b"]
        if strokes.count("|") == 1 and 1 <= int(m["day"]) <= 31 and 1 <= int(m["month"]) <= 12:
            bars.append(m.start("a") if m["a"] == "|" else m.start("b"))
    return _put(text, words, bars, "/")


def _put(text: str, words: tuple[OcrWord, ...], places: list[int],
         letter: str) -> tuple[str, tuple[OcrWord, ...]]:
    """``text`` with ``letter`` at each of ``places``, and its words read again.

    One character for one, so the words' offsets and boxes are unchanged.
    """
    if not places:
        return text, words
    chars = list(text)
    for at in places:
        chars[at] = letter
    text = "".join(chars)
    return text, tuple(
        OcrWord(text[w.start : w.end], w.conf, w.box, w.start, w.doubted, w.agreed)
        if any(w.start <= at < w.end for at in places)
        else w
        for w in words
    )

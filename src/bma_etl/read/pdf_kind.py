"""Whether a PDF page's text layer is the page's text, or another program's failed OCR.

Stage: read (a helper of :mod:`.pdf`'s page classification). A scan whose text
layer is Latin junk (Tesseract's English model run on Thai), a scanner app's
watermark, or almost no Thai is not a text page: its page image is read by OCR.
Asked only of pages under a page-size image (:func:`image_cover`). A page with
no text layer that draws its letters as shapes (text converted to outlines, as
Ghostscript's ``-dNoOutputFonts`` or a "convert text to curves" export makes it) is
read by OCR too (:func:`draws_text`).
"""

from __future__ import annotations

import re
from typing import Any

#: Share of the page an image (or images) must cover for the page to be a scan.
PAGE_IMAGE = 0.5
#: Share of a layer's non-blank characters that are ASCII signs when it is glyph codes
#: (MuPDF's: 0.67-0.74; ``1,000,000.-`` alone 0.36), of :data:`GLYPH_CODE_INK` at least.
GLYPH_CODE_SIGNS = 0.5
GLYPH_CODE_INK = 50
_SIGNS = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
#: A layer whose runs of Thai average fewer characters than this is letter-spaced.
SPACED_RUN, SPACED_RUNS = 4.0, 12
_THAI_RUN = re.compile("[\u0e01-\u0e5b]+")
#: Text render mode 3: neither filled nor stroked.
_INVISIBLE = 3
#: Over a page image, a text layer with less Thai than this share of its letters
#: is not the page's text. Every sample and variant has 0.91 or more.
MIN_THAI_LETTERS = 0.5
#: Over a page image, a text layer with more Latin junk than this share of its
#: letters is another program's failed OCR. The samples score 0-0.007, the
#: README (English) 0.03, Tesseract's English model on a Thai page 0.77.
MAX_LATIN_JUNK = 0.2

#: Most a path's box may measure, either way, to be drawn as a letter (points): a
#: letter of 60 pt type; table rules and cell borders are longer or under
#: :data:`MIN_LETTER_SIZE` across.
MAX_LETTER_SIZE = 60.0
#: Least a path's box must measure, both ways, to be a letter (points): a rule is
#: thinner; a mark of 5 pt type is about this.
MIN_LETTER_SIZE = 0.8
#: Letter-sized paths on a page with no text that make it a page of drawn text
#: (read by OCR): a logo or a signature draws a few; a page of text converted to
#: outlines draws one path or more per letter, hundreds a page.
MIN_DRAWN_LETTERS = 40

_LATIN = re.compile(r"[A-Za-z]+")
_LETTER = re.compile(r"[^\W\d_]")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]")
_CASE_FLIP = re.compile(r"[a-z][A-Z]")
_GLUED_DIGIT = re.compile(r"[A-Za-z][0-9]|[0-9][A-Za-z]")
_CODE_PUNCT = re.compile(r"[-_/.:@]")
_ADDRESS = re.compile(r"[/@]|[A-Za-z]\.[A-Za-z]")
#: Words of one or two letters that English text has; other such tokens are OCR crumbs.
_SHORT_WORDS = frozenset("a i am an as at be by do go he if in is it me my no of on or so to "
                         "up us we".split())
#: Latin words this long are junk (Tesseract's English model on Thai glues a line).
_LONG_WORD = 16


def latin_junk(text: str) -> float:
    """Share of the letters of ``text`` in Latin tokens no text has: OCR junk.

    Junk: a Latin word of :data:`_LONG_WORD` letters or more, one whose case flips
    inside it (``LUUMAAITIENMATINATINiUWAL``), digits glued to letters outside a
    code (``l1`` but not ``COVID-19``), a one- or two-letter token English lacks.
    URLs, e-mail addresses and file names are not judged.

    >>> round(latin_junk("Salasanisuaznuasounsuhavaulasonis aA a 1 cia"), 2)
    0.9
    >>> latin_junk("See https://www.bangkok.go.th for the KPI of 2566"), latin_junk("")
    (0.0, 0.0)
    """
    letters = len(_LETTER.findall(text))
    if not letters:
        return 0.0
    junk = 0
    for token in text.split():
        if _ADDRESS.search(token):  # a URL, an e-mail address, a file name: not judged
            continue
        glued = bool(_GLUED_DIGIT.search(token)) and not _CODE_PUNCT.search(token)
        for m in _LATIN.finditer(token):
            word = m.group()
            if glued or len(word) >= _LONG_WORD or _CASE_FLIP.search(word) or (
                    len(word) <= 2 and word.lower() not in _SHORT_WORDS):
                junk += len(word)
    return junk / letters


def not_its_text(text: str) -> float | None:
    """How surely a text layer over a page image is not the page's text; None if it is.

    Almost no Thai among its letters (:data:`MIN_THAI_LETTERS`), or runs of Latin
    junk (:data:`MAX_LATIN_JUNK`). Asked only of pages with a page-size image.

    >>> not_its_text("Scanned with CamScanner 1/2"), not_its_text("สำนักงานเขต www.bma.go.th")
    (1.0, None)
    """
    thai = len(_THAI_LETTER.findall(text))
    latin = sum(len(w) for w in _LATIN.findall(text))
    if latin < MAX_LATIN_JUNK * MIN_THAI_LETTERS * thai:  # too few Latin letters for either
        return None
    missing = 1.0 - thai / (thai + latin) if thai + latin else 1.0
    junk = latin_junk(text)
    if missing > 1.0 - MIN_THAI_LETTERS or junk > MAX_LATIN_JUNK:
        return round(max(missing, junk), 4)
    return None


def glyph_codes(text: str) -> bool:
    """Whether a text layer is its font's glyph codes, not text: signs, and no Thai.

    A PDF re-written with no text map (PyMuPDF's ``convert_to_pdf`` of a LibreOffice
    print) reads as ASCII signs and digits (``!"# $ --``): no Thai letter, and
    :data:`GLYPH_CODE_SIGNS` of its non-blank characters ASCII punctuation.

    >>> glyph_codes('!"# $ -- %& ()* +,+-./"(((-/ /"+*012*' * 2), glyph_codes("งบ 1,000.- บาท")
    (True, False)
    """
    if _THAI_LETTER.search(text):  # most pages: Thai, and no copy of the text made
        return False
    ink = "".join(text.split())
    if len(ink) < GLYPH_CODE_INK:
        return False
    return sum(c in _SIGNS for c in ink) >= GLYPH_CODE_SIGNS * len(ink)


def letter_spaced(text: str) -> bool:
    """Whether a layer's Thai is letter-spaced, as Tesseract's Thai comes out of ocrmypdf.

    Its runs of Thai between white space average under :data:`SPACED_RUN` characters
    (``โค ร ง กำ ร ติ ดตั้ ง``), over :data:`SPACED_RUNS` runs at least; Thai written by
    a person runs on for words and phrases.

    >>> letter_spaced("โค ร ง กำ ร ติ ดตั้ ง ส่ง เส ริ ม อา ชี พ"), letter_spaced("โครงการ " * 12)
    (True, False)
    """
    runs = _THAI_RUN.findall(text)
    return len(runs) >= SPACED_RUNS and sum(map(len, runs)) < SPACED_RUN * len(runs)


def invisible_only(texts: list[Any]) -> bool:
    """Whether every text object of a page is drawn invisible (render mode 3).

    ``texts``: :data:`~.pdf_open.TextObject` items. Such a layer over a page image
    is an OCR program's (ocrmypdf, a scanner's software): text found in the image,
    not the text the page was made from; where its Thai is letter-spaced
    (:func:`letter_spaced`) it is read by OCR again.
    """
    import pypdfium2.raw as pdfium_c

    return bool(texts) and all(
        pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == _INVISIBLE for _, obj, _ in texts)


def image_cover(page: Any, images: list[tuple[float, float, float, float]] | None = None,
                size: tuple[float, float] | None = None) -> float:
    """Share of the page's area under its images, at most 1 (in the worker).

    Areas are summed, clipped to the page: a scan stored as strips covers it too.
    ``images``: their boxes (left, bottom, right, top), if already read
    (:func:`~.pdf_open.page_shapes`); ``size``: the page's width and height (points),
    if already known (:func:`~.pdf_upright.upright`).
    """
    import pypdfium2.raw as pdfium_c

    width, height = size or page.get_size()
    if width <= 0 or height <= 0:
        return 0.0
    if images is None:
        images = [image.get_bounds()
                  for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])]
    area = 0.0
    for left, bottom, right, top in images:
        w = min(right, width) - max(left, 0.0)
        h = min(top, height) - max(bottom, 0.0)
        if w > 0 and h > 0:
            area += w * h
    return min(1.0, area / (width * height))


def drawn_letters(paths: list[tuple[float, float, float, float]]) -> int:
    """How many of a page's paths are letter-sized (see :data:`MAX_LETTER_SIZE`).

    ``paths``: the boxes (left, bottom, right, top, points) of the paths the page
    draws (:func:`~.pdf_open.page_shapes`). A page with no text layer and
    :data:`MIN_DRAWN_LETTERS` or more of them draws its text as shapes.
    """
    return sum(1 for left, bottom, right, top in paths
               if MIN_LETTER_SIZE <= right - left <= MAX_LETTER_SIZE
               and MIN_LETTER_SIZE <= top - bottom <= MAX_LETTER_SIZE)


def draws_text(paths: list[tuple[float, float, float, float]]) -> bool:
    """Whether a page's paths draw letters: :data:`MIN_DRAWN_LETTERS` or more letter-sized."""
    return drawn_letters(paths) >= MIN_DRAWN_LETTERS

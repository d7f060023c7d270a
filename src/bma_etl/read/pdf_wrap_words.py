"""The room a line must have left for the next line's first word, when Thai breaks between words.

Stage: read (a helper of :func:`.pdf_wraps.wrapped_lines`; runs in the PDF worker
process on :class:`.pdf_line.TextLine` lists). A line wrapped when the next line's
first word would not have fitted after it. A writer that wraps only at spaces moves
a Thai run whole, so its word is the run up to the first space; a browser or an
office suite breaks Thai between dictionary words (``ชุมชนในพื้นที่เขตลาดกระบัง`` may
break after ``ชุมชน``), so its word is the run's first dictionary word
(:func:`.pdf_break_words.longest_word`). Measured as the whole run, a short line
above a paragraph that opens with a long run (an objective above the target on a
tracking page, a narrow phone column) reads as wrapped and the two paragraphs join.

Whether the writer breaks between words is known from its name
(:func:`.pdf_wraps.writer_rules`), or, for a PDF that names none (one ``qpdf`` or
``pdfunite`` put together), from its ``/ActualText`` spans (:func:`writer_rules_of`).
Nothing on a page tells a break between two Thai words from one at a space: neither
Chromium nor fpdf2 (a space-wrapper that names no producer) draws the space.
"""

from __future__ import annotations

import re
from typing import Any

from bma_etl.read.pdf_break_words import longest_word
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_spans import page_has_spans

#: How many of a PDF's first pages are asked for ``/ActualText`` spans (:func:`writer_rules_of`).
SPAN_PAGES = 2
#: A Thai word's first character: a consonant or a vowel written before it.
_THAI_START = re.compile("[\u0e01-\u0e2e\u0e40-\u0e44]")
#: Thai marks: they stand over or under their letter and advance the pen by nothing.
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def writer_rules_of(pdf: Any, writer: str) -> tuple[bool, bool]:
    """:func:`.pdf_wraps.writer_rules` of ``writer``, or of the PDF ``pdf`` when none is named.

    ``writer``: the PDF's ``/Producer`` and ``/Creator``, joined. A PDF whose pages
    ``qpdf`` or ``pdfunite`` put together names no writer; when one of its first
    :data:`SPAN_PAGES` pages writes text in ``/ActualText`` spans (a browser's Thai
    clusters, an office suite's), its writer fills lines and breaks Thai between
    words: ``(False, True)``. ``pdf``: a pypdfium2 document.
    """
    from bma_etl.read.pdf_wraps import writer_rules

    rules = writer_rules(writer)
    if writer.strip() or any(rules):
        return rules
    for index in range(min(len(pdf), SPAN_PAGES)):
        page = pdf[index]
        try:
            if page_has_spans(page):
                return False, True
        finally:
            page.close()
    return rules


def next_word(line: TextLine, following: TextLine, between_words: bool) -> float:
    """The width (points) of the word of ``following`` that ``line`` would have had to hold.

    ``between_words``: the writer breaks Thai between words (see the module
    docstring): the first dictionary word of a Thai run, at its share of the run's
    measured width by the characters that advance the pen; else the run up to the
    first space (:attr:`~.pdf_line.TextLine.first_word`).
    """
    whole = following.text.split()[0] if following.text.split() else ""
    if not between_words or not whole or not _THAI_START.match(whole):
        return following.first_word
    word = longest_word(line.text, following.text)
    if not word or len(word) >= len(whole) or not whole.startswith(word):
        return following.first_word
    advancing = len(_MARKS.sub("", whole))
    return following.first_word * len(_MARKS.sub("", word)) / max(1, advancing)

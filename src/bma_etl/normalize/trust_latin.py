"""A Thai word OCR read as a few Latin letters, inside a Thai value: not loaded.

Stage: normalize (after :func:`~bma_etl.normalize.trust.screen`), for documents read
by OCR. On a low-resolution scan (96-150 dpi) Debian's ``tha+eng`` reads a Thai word
now and then as a short Latin "word", unsure of it: an outside tester's 96 dpi scan
gave the coordinator ``นางสาวอรอุมา Naw`` for ``นางสาวอรอุมา ทองดี`` (``Naw`` at
confidence 55), a 150 dpi one the obstacle ``sine เลหนุนสูง…`` for ``น้ำทะเลหนุนสูง…``
(57), a phone's screenshot the indicator ``… fu ต้นทาง`` for ``… ณ ต้นทาง`` (60). The
reader's second reading by the Thai model alone (:mod:`bma_etl.read.ocr_rereads`)
did not give them back, and they were stored as read.

A text, path or list-of-text value holds such a misread (:func:`latin_misreads`) when
one of its OCR'd words is all Latin letters, at most :data:`MAX_LETTERS` of them,
read under :data:`LATIN_SURE`, and the words beside it in the value are Thai (none of
them Latin): printed Latin words in these pages are read at 94-97 (``Green City``,
``Start Date``), and one read unsurely beside another Latin word (``Kpi ID`` at 41) is
left as read. The letters that word stood for are not known, so the value is NULL
with an ``ocr_doubtful_value`` quality issue quoting the word and the value as read,
never stored with the word or without it (the surname would be lost).
"""

from __future__ import annotations

import re

from bma_etl.document import words_over
from bma_etl.normalize.fields import Normalized
from bma_etl.normalize.trust_drops import Dropped, drop_value, forget_provenance, loaded_values
from bma_etl.records import parser_kind

__all__ = ["LATIN_SURE", "MAX_LETTERS", "drop_latin_misreads", "latin_misreads"]

#: Confidence (0-100) under which a short Latin word among Thai ones is a misread.
LATIN_SURE = 80.0
#: Most letters of such a word (``Naw``, ``sine``, ``fu``); a longer one may be printed.
MAX_LETTERS = 5
#: Parser kinds of the values looked at: running text and names, a unit's path, lists.
_KINDS = frozenset({"text", "path", "text_list"})
#: A word of Latin letters, a point or a comma OCR glued to it allowed.
_LATIN_WORD = re.compile(rf"[A-Za-z]{{1,{MAX_LETTERS}}}[.,]?")
_LATIN = re.compile("[A-Za-z]")
_THAI = re.compile("[\u0e01-\u0e4e]")


def latin_misreads(text: str, words: tuple[tuple[int, int, float], ...], start: int,
                   end: int) -> list[tuple[str, float]]:
    """``(word, confidence)`` of each Latin misread among the OCR'd words of ``text[start:end]``.

    ``words``: the document's OCR'd words, ``(start, end, confidence)`` offsets into
    ``text``, in order. See the module docstring for what counts.

    >>> text = "ผู้ตรวจประเมิน นางสาวอรอุมา Naw"
    >>> latin_misreads(text, ((0, 14, 90.0), (15, 27, 88.0), (28, 31, 54.7)), 15, 31)
    [('Naw', 54.7)]
    >>> latin_misreads("Kpi ID 0800", ((0, 3, 41.0), (4, 6, 41.0), (7, 11, 90.0)), 0, 11)
    []
    """
    over = words_over(words, start, end)
    pieces = [text[max(s, start):min(e, end)].strip() for s, e, _ in over]
    if not any(_THAI.search(p) for p in pieces):
        return []
    out = []
    for i, ((_, _, conf), piece) in enumerate(zip(over, pieces, strict=True)):
        if conf >= LATIN_SURE or not _LATIN_WORD.fullmatch(piece):
            continue
        beside = [p for p in pieces[max(i - 1, 0):i] + pieces[i + 1:i + 2] if p]
        if beside and all(_THAI.search(p) and not _LATIN.search(p) for p in beside):
            out.append((piece, conf))
    return out


def drop_latin_misreads(normalized: Normalized, text: str,
                        words: tuple[tuple[int, int, float], ...]) -> None:
    """NULL the text values of an OCR'd document holding a Latin misread (in place).

    ``text``: the document's repaired text the provenance spans index; ``words``: its
    OCR'd words (:attr:`~bma_etl.document.RepairedText.words`). Each value NULLed
    loses its provenance and gets an ``ocr_doubtful_value`` warning.
    """
    if not words:
        return
    dropped: Dropped = set()
    for prov, row, model in loaded_values(normalized):
        if (prov.table_name, prov.row_ordinal, prov.field) in dropped \
                or prov.char_start is None or prov.char_end is None \
                or parser_kind(model, prov.field) not in _KINDS:
            continue
        found = latin_misreads(text, words, prov.char_start, prov.char_end)
        if not found:
            continue
        word, conf = found[0]
        value = row.values[prov.field]
        shown = value if isinstance(value, str) else " | ".join(map(str, value))
        drop_value(normalized, prov, row, dropped, "ocr_doubtful_value",
                   f"OCR read {word!r} at confidence {conf:.0f} among Thai words in "
                   f"{shown[:80]!r} (a Thai word read as Latin letters): not loaded")
    forget_provenance(normalized, dropped)

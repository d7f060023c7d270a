"""A few Thai letters OCR made of a pen stroke, read as a text value: not loaded.

Stage: normalize (after :func:`~bma_etl.normalize.trust.screen`), for documents read
by OCR. A signature drawn across a scanned value hides the printed letters; Debian's
``tha`` model reads the strokes as a few Thai letters at low confidence (an outside
tester's form: ``กองส่งเสริมสุขภาพ / กลุ่มงานผู้สูงอายุ`` under a signature read as
``งษา`` at confidence 45), and that was stored as the division. A text or path value
(a division's ``กอง / กลุ่มงาน``, or one part of it) is such
junk (:func:`junk_reading`) when all of these hold:

- Tesseract doubted it: its lowest word confidence (``provenance.confidence``) is
  under :data:`~bma_etl.normalize.fields.LOW_WORD_CONFIDENCE`;
- it is one run of Thai letters of at most :data:`MAX_LETTERS` letters (marks not
  counted), no space, digit or Latin letter: far shorter than any name of a unit,
  project or person these forms print, which is two words or more;
- none of its letters is covered by a word of the Thai word list the OCR repairs use
  (:func:`~bma_etl.read.ocr_words.reading_cost`): the letters form no word at all;
- it is not spelt like an office's abbreviation (:data:`_ABBREVIATION`: two to four
  consonants with no vowel or tone mark, as ``สยป`` ``สจส`` ``สปภ`` ``กยผ`` ``ปภ`` print
  with their point lost) nor like Thai syllables (:data:`_SYLLABLES`: every consonant
  that opens one carries a vowel, as a short first name ``ณัฐ`` ``ชัย`` ``ศรี`` does).
  The tester's ``งษา`` is neither: its ``ง`` opens no syllable and carries no vowel.

A real value read unsurely keeps what it reads (``กองคลัง``, ``ฝ่ายโยธา``, an
abbreviation, a short name, any value of two words); junk is NULL with an
``ocr_doubtful_value`` quality issue quoting what OCR read. A stroke read as letters
shaped like an abbreviation or a syllable (``กา``) is kept as read: this rule cannot
tell them from a real value.
"""

from __future__ import annotations

import re

from bma_etl.matchkey import key
from bma_etl.normalize.fields import LOW_WORD_CONFIDENCE, Normalized
from bma_etl.normalize.trust_drops import Dropped, drop_value, forget_provenance, loaded_values
from bma_etl.records import parser_kind

__all__ = ["MAX_LETTERS", "drop_junk_readings", "junk_reading"]

#: Most letters (marks not counted) of a value that may be junk: a syllable or two.
MAX_LETTERS = 5
#: Parser kinds of the values looked at: running text and names, a unit's path.
_KINDS = frozenset({"text", "path"})
#: One run of Thai letters and marks, nothing else.
_THAI_RUN = re.compile("[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]+")
#: An office's abbreviation with its point lost (``สยป`` ``สจส`` ``กยผ`` ``ปภ``): two to
#: four consonants, no vowel or mark; the archaic and Pali-only letters no BMA office's
#: name opens a word with are left out (``ฆ`` ``ฌ`` ``ฎ`` ``ฏ`` ``ฑ`` ``ฒ`` ``ฬ`` ...).
_ABBREVIATION = re.compile("[กขคงจฉชซญดตถทธนบปผฝพฟภมยรลวศษสหอ]{2,4}")
#: Thai syllables each spelt with a vowel: a leading vowel, a consonant (and a second
#: one of a cluster ``ศร`` ``พล`` ``กว``), marks above or below it, a following vowel, and
#: at most one final consonant (its own mark ``์`` or cancelled letter ``ดิ์`` with it);
#: a short ``-ะ`` or ``-ำ`` ends its syllable (``ณะฑะภ`` is no Thai spelling).
_SYLLABLES = re.compile(
    "(?:[ก-ฮ][รลว]?[่้๊๋]?[ะำ]"  # -ะ -ำ: an open syllable, no final consonant
    "|(?:[เแโใไ][ก-ฮ][รลว]?[ัิีึืุู็]?[่้๊๋]?า?"  # เ-, แ-, โ-, ใ-, ไ- open it
    "|[ก-ฮ][รลว]?(?:[ัิีึืุู็][่้๊๋]?า?|[่้๊๋]?า|[่้๊๋](?=[ก-ฮ])))"  # a mark or -า
    "(?:[ก-ฮ](?:[ิุ]?์)?)?)+")  # its final consonant


def junk_reading(value: str, confidence: float | None) -> bool:
    """Whether an OCR'd text ``value`` read at ``confidence`` (0-100) is a stroke's junk.

    See the module docstring; ``confidence`` None (not read by OCR) is never junk.

    >>> junk_reading("งษา", 45.0), junk_reading("งษา", 91.0), junk_reading("กองคลัง", 45.0)
    (True, False, False)
    """
    if confidence is None or confidence >= LOW_WORD_CONFIDENCE:
        return False
    text = value.strip()
    if not _THAI_RUN.fullmatch(text) or len(key(text)) > MAX_LETTERS:
        return False
    if _ABBREVIATION.fullmatch(text) or _SYLLABLES.fullmatch(text):
        return False  # an office's abbreviation or a short name, read unsurely
    from bma_etl.read.ocr_words import reading_cost

    lost, _ = reading_cost(text)
    return lost >= len(key(text))


def drop_junk_readings(normalized: Normalized) -> None:
    """NULL the text values of an OCR'd document that are a stroke's junk (in place).

    Each value NULLed loses its provenance row and gets an ``ocr_doubtful_value``
    warning naming its line and what OCR read.
    """
    dropped: Dropped = set()
    for prov, row, model in loaded_values(normalized):
        value = row.values[prov.field]
        kind = parser_kind(model, prov.field)
        if kind not in _KINDS or not isinstance(value, str):
            continue
        # a path's part under the stroke (``กองระบบคลอง / งษา``): the whole path is unknown
        parts = value.split("/") if kind == "path" else [value]
        if not any(junk_reading(part, prov.confidence) for part in parts):
            continue
        drop_value(normalized, prov, row, dropped, "ocr_doubtful_value",
                   f"OCR read {value!r} at confidence {prov.confidence:.0f}, letters that make "
                   "no Thai word (a pen stroke or a stain over the value): not loaded")
    forget_provenance(normalized, dropped)

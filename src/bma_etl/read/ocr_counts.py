"""A counting word after a number, its marks put back: ``จำนวน 3 รน`` → ``จำนวน 3 รุ่น``.

Stage: read (the last pass of :func:`.ocr_lexicon.restored`). Thai counts a
number's things with a classifier after it (``3 รุ่น``, ``2 แห่ง``, ``5 ครั้ง``).
On a 1-bit 200 dpi scan Debian's ``tha`` model drops such a word's marks now and
then (``รุ่น`` read ``รน``); alone in its run and short, the word list does not
restore it (``รน`` is a word too, and a short one is restored only beside
another). After a number it can only be a classifier: a Thai run standing
alone right after a number (one space between) is read as the counting word of
:data:`COUNTING` whose key (:func:`bma_etl.matchkey.key`) it has, when it keeps
only marks that word has (OCR drops marks; it seldom adds one), is no counting
word itself, and no other counting word shares the key (``คน`` and ``คัน`` do: a
``คน`` stays as read).
"""

from __future__ import annotations

import re
from collections import Counter

from bma_etl.matchkey import key
from bma_etl.read.ocr_edits import Page, rewritten
from bma_etl.read.ocr_layout import OcrWord

#: Classifiers that count a project's things after a number (and those without
#: marks, which no reading is turned into but which keep a shared key from being read).
COUNTING = ("รุ่น", "แห่ง", "ชิ้น", "ครั้ง", "เรื่อง", "เครื่อง", "หลัง", "คัน", "ต้น", "เล่ม",
            "เส้น", "ลูก", "ตัว", "ผืน", "จุด", "ชุด", "คน", "ราย", "สาย", "ซอย", "วัน", "ปี")
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_KEYS = Counter(key(word) for word in COUNTING)
_BY_KEY = {key(word): word for word in COUNTING if _KEYS[key(word)] == 1}
#: A Thai run alone right after a number: digits (Arabic or Thai), one space, the run,
#: then a space, a point, a comma, a bracket or the line's end.
_AFTER_NUMBER = re.compile(r"(?<=[0-9\u0e50-\u0e59]) (?P<run>[\u0e01-\u0e4e]{2,8})(?=[\s,.)]|$)")


def _counting_word(read: str) -> str | None:
    """The counting word ``read`` lost marks of, or None (see the module docstring)."""
    if read in COUNTING:
        return None
    word = _BY_KEY.get(key(read))
    if word is None or not set(_MARKS.findall(read)) <= set(_MARKS.findall(word)):
        return None
    return word


def with_counting_words(text: str, words: tuple[OcrWord, ...]) -> Page:
    """``text`` and ``words`` with each counting word after a number given its lost marks.

    ``text`` and ``words`` as :func:`~.ocr_lexicon.restored` has them; returns them
    unchanged, with no change listed, when no such word is found.
    """
    edits = []
    for m in _AFTER_NUMBER.finditer(text):
        word = _counting_word(m["run"])
        if word is not None:
            edits.append((m.start("run"), m.end("run"), word))
    if not edits:
        return text, words, ()
    return rewritten(text, words, edits)

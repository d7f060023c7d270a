"""Match fixed wording in a form that PDF and OCR damage cannot change.

Part of the document model (:mod:`bma_etl.document`); belongs to no stage.
Detection signals, labels, headings and flag words are matched on the *key form*
of the text (:func:`key`): Thai upper and lower vowels and tone marks dropped
(OCR loses or doubles them, PDFs put them out of order or after a space), SARA
AM read as SARA AA (split into NIKHAHIT + SARA AA, or its NIKHAHIT lost), two
SARA E read as SARA AE, spaces and tabs dropped (OCR and PDFs add them inside
words), ``;`` read as ``:``. Values are never taken from the key form: a match
is mapped back to the exact span of the text as read (:func:`key_map`).

What the key form cannot absorb (a letter read as another, ``แสดง`` → ``เสดง``)
is left to :func:`fuzzy_find`, an approximate search (RapidFuzz) used only where
the exact forms found nothing.
"""

from __future__ import annotations

import re
from functools import cache

#: Upper and lower vowels and tone marks (MAI HAN-AKAT, SARA I..PHINTHU, MAITAIKHU..YAMAKKAN).
MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_MARK_CHARS = [chr(c) for c in (0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F))]
_KEY_TABLE = str.maketrans(
    {**dict.fromkeys(_MARK_CHARS, None), " ": None, "\t": None, "\u00a0": None,
     "\u0e33": "\u0e32", ";": ":"}
)


def key(text: str) -> str:
    """The key form of ``text`` (line breaks kept, so line anchors still work).

    >>> key("เป็นไปตามเเผน") == key("เปนไปตามแผน") == key("เป็น ไป ตาม แผน")
    True
    >>> key("ด าเนินการ") == key("ดำเนินการ") == key("ดํา เนินการ")
    True
    """
    out = text.translate(_KEY_TABLE)
    return out.replace("\u0e40\u0e40", "\u0e41") if "\u0e40\u0e40" in out else out


def key_map(text: str) -> tuple[str, list[int]]:
    """The key form and, for each of its characters, its offset in ``text``.

    The list has one more entry, ``len(text)``, so a match's end maps too.

    >>> k, at = key_map("ก้า ว")
    >>> k, at
    ('กาว', [0, 2, 4, 5])
    """
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        mapped = ch.translate(_KEY_TABLE)
        if not mapped:
            continue
        if mapped == "\u0e40" and chars and chars[-1] == "\u0e40":
            chars[-1] = "\u0e41"
            continue
        chars.append(mapped)
        offsets.append(i)
    offsets.append(len(text))
    return "".join(chars), offsets


_MARK_IN_PATTERN = re.compile(f"[{MARKS}]\\??")
_SPACE_IN_PATTERN = re.compile(r"(?:\\s|\\t| )(?:[*+?]|\{\d*,?\d*\})?")


@cache
def key_pattern(pattern: str) -> re.Pattern[str] | None:
    r"""The regex ``pattern`` rewritten to run on key-form text, or None if it cannot be.

    Marks are dropped with their ``?``, SARA AM becomes SARA AA, white space
    (``\s*``, ``\s+``, literal spaces) becomes nothing.

    >>> key_pattern(r"รายงานครั?้?งที่?\s*[0-9]").pattern
    'รายงานครงท[0-9]'
    """
    rewritten = _MARK_IN_PATTERN.sub("", pattern)
    rewritten = _SPACE_IN_PATTERN.sub("", rewritten)
    rewritten = rewritten.replace("\u0e33", "\u0e32").replace("\u0e40\u0e40", "\u0e41")
    rewritten = rewritten.replace("[]", "").replace("[^]", "")
    try:
        return re.compile(rewritten, re.MULTILINE)
    except re.error:
        return None


def search_key(pattern: str, text: str) -> tuple[int, int] | None:
    """Span in ``text`` of the first match of ``pattern`` on its key form, or None.

    >>> search_key("ชื่อผู้รับผิดชอบ", "๑. ชือผู รับผิดชอบ : นาย ก")
    (3, 18)
    """
    compiled = key_pattern(pattern)
    if compiled is None:
        return None
    folded, offsets = key_map(text)
    m = compiled.search(folded)
    if not m or m.end() == m.start():
        return None
    return offsets[m.start()], offsets[m.end() - 1] + 1


#: Least similarity (0-100) for an approximate match of a phrase.
MIN_SIMILARITY = 82.0


def fuzzy_find(phrase: str, text: str, min_similarity: float = MIN_SIMILARITY
               ) -> tuple[int, int] | None:
    """Span in ``text`` of an approximate match of ``phrase`` (both in key form), or None.

    Meant for phrases of ten letters and more; a short phrase matches too easily.

    >>> fuzzy_find(key("แบบแสดงรายงานความก้าวหน้า"), key("“ แบบเสดงรายง่านความก้าวห์น้า “"))
    (1, 24)
    """
    from rapidfuzz.fuzz import partial_ratio_alignment

    if len(phrase) < 6 or not text:
        return None
    found = partial_ratio_alignment(phrase, text, score_cutoff=min_similarity)
    if found is None:
        return None
    return found.dest_start, found.dest_end

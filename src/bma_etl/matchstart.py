"""A label's first letter as OCR reads it: a consonant for its look-alike.

Part of the document model (:mod:`bma_etl.document`); belongs to no stage.
Tesseract's ``tha`` model reads a bold or blurred consonant at the start of a label
for the one it looks like (``งบฯ ที่ได้รับ`` as ``จบฯ ที่ได้รับ``, the twenty-third
outside tester's bleed-through scan): the key form (:func:`~bma_etl.matchkey.key`) keeps
letters, so the label was no longer found and its value was lost.
:func:`lookalike_start` lets a label's regex open with any letter of its first
letter's set (:data:`LOOKALIKE_STARTS`); :func:`lookalike_labels` does so only for a
label the rest of whose words pin it: long enough (:data:`MIN_LETTERS`) and, so
opened, matching no other label of the table as printed.
"""

from __future__ import annotations

import re

from bma_etl.matchkey import key, key_pattern

#: Consonants OCR reads for one another at a word's start (their shapes differ by a
#: tail, a notch or a head): NGO NGU / CHO CHAN, DO DEK / TO TAO, CHO CHANG / SO SO /
#: KHO KHAI, BO BAIMAI / PO PLA, PHO PHUNG / PHO PHAN, THO THUNG / PHO SAMPHAO.
LOOKALIKE_STARTS = ("\u0e07\u0e08", "\u0e14\u0e15", "\u0e0a\u0e0b\u0e02", "\u0e1a\u0e1b",
                    "\u0e1c\u0e1e", "\u0e16\u0e20")
_SET_OF = {ch: s for s in LOOKALIKE_STARTS for ch in s}
#: The fewest letters (key form) a label's words hold for its first to be read loosely:
#: the rest must pin the label (``ปี`` read ``ปี`` or ``บี`` pins nothing).
MIN_LETTERS = 6
#: A pattern's opening before its first letter: anchors, spaces, groups opened.
_OPENING = re.compile(r"(?:\^|\\s[*+?]?|\(\?:)*")
_THAI_LETTERS = re.compile("[\u0e01-\u0e30\u0e32\u0e40-\u0e45]")


def lookalike_start(pattern: str) -> str | None:
    r"""``pattern`` (a label's regex) opening with any look-alike of its first letter; or None.

    None when the pattern opens with no letter of :data:`LOOKALIKE_STARTS`.

    >>> print(lookalike_start(r"(?:งบฯ?)\s*ที่ได้รับ"))
    (?:[งจ]บฯ?)\s*ที่ได้รับ
    >>> lookalike_start("หน่วยงาน") is None
    True
    """
    at = _OPENING.match(pattern)
    start = at.end() if at else 0
    letters = _SET_OF.get(pattern[start:start + 1])
    if letters is None:
        return None
    return f"{pattern[:start]}[{letters}]{pattern[start + 1:]}"


def lookalike_labels(labels: dict[str, str]) -> dict[str, str]:
    r"""Each label regex of ``labels`` that may open with a look-alike → that regex.

    ``labels``: each label's regex → its words as printed. Only a label whose words
    hold :data:`MIN_LETTERS` Thai letters or more (key form), and whose look-alike regex
    matches no other label's words at a line's start in key form, a value after them
    (``1``): so opened, no label is read as another.

    >>> lookalike_labels({r"งบฯ\s*ที่ได้รับ": "งบฯ ที่ได้รับ", "ปี": "ปี"})
    {'งบฯ\\s*ที่ได้รับ': '[งจ]บฯ\\s*ที่ได้รับ'}
    >>> lookalike_labels({"ดำเนินการแล้ว": "ดำเนินการแล้ว", "ตำเนินการแล้ว": "ตำเนินการแล้ว"})
    {}
    """
    words = {pattern: key(text) for pattern, text in labels.items()}
    out = {}
    for pattern, own in words.items():
        loose = lookalike_start(pattern)
        if loose is None or len(_THAI_LETTERS.findall(own)) < MIN_LETTERS:
            continue
        compiled = key_pattern(loose)
        if compiled is not None and not any(
                compiled.match(other + "1") for other in set(words.values()) - {own}):
            out[pattern] = loose
    return out

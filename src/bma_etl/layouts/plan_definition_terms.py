"""Where an OCR'd definition's term starts when OCR cut its first word at a line's end.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_flow_definitions`, not a layout).
A definition row read across its columns puts the definition's first line right
after the indicator's, on the same OCR'd line. OCR may cut the term's first word
there (``...ของหน่วยงาน ความส`` / ``“าเร็จ หมายถึง ...`` for ``ความสำเร็จ``): the
piece after the indicator's words went with the indicator, the term read from the
next line. A line that starts with a sign no Thai word starts with (a following
vowel or mark, a quote OCR made of one) starts no word: the word began at the line
above's last word (:func:`term_start`).
"""

from __future__ import annotations

import re

__all__ = ["term_start"]

#: A sign no Thai word starts with: a following vowel or a mark, or a quote OCR made
#: of one (``“าเร็จ``).
_NO_WORD_START_RE = re.compile("[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e\"'\u2018-\u201f]")
#: The line above's last word, Thai letters only, after a space or a tab: no number, no
#: bracket (an indicator's own last words, ``(พ.ศ. ๒๕๖๖)``, are never moved).
_LAST_WORD_RE = re.compile(r"[ \t]([\u0e01-\u0e4e]{1,12})\s?$")


def term_start(text: str, definition: int, indicator: int, starts: frozenset[int]) -> int:
    r"""``definition`` moved back to the line above's last word when OCR cut the term's first word.

    ``text``: the row's joined lines; ``definition``: where the definition was found
    to start (its term before ``หมายถึง``); ``indicator``: where the indicator starts;
    ``starts``: where the row's physical lines start in ``text``. Unchanged unless
    ``definition`` starts a physical line with a sign no word starts with and the
    line above ends in a word of Thai letters after the indicator's words.

    >>> text = "๕.๑ ร้อยละความสำเร็จของหน่วยงาน ความส\n“าเร็จ หมายถึง งาน"
    >>> at = text.index("“")
    >>> text[term_start(text, at, 0, frozenset({0, at})):][:12]
    'ความส\n“าเร็จ'
    """
    if definition not in starts or _NO_WORD_START_RE.match(text, definition) is None:
        return definition
    m = _LAST_WORD_RE.search(text, indicator, definition)
    if m is None or m.start(1) <= indicator + 1:
        return definition
    return m.start(1)

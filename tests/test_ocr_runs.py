"""The Thai runs the word restoration reads (read/ocr_words.py ``runs``, read/ocr_lexicon.py).

Damage is made here from the correct sentences of ``test_ocr_lexicon``: a tone mark
dropped, as Debian's ``tha`` model drops them, then the layout damage of a scan
around it: a rule before a row's name read as a leading vowel (``เโครงการ``), a
word's last letter wrapped alone onto the next line. The truth is the sentence
before damage; correct text must come through unchanged.
"""

from __future__ import annotations

import re

from bma_etl.read.ocr_lexicon import restored
from bma_etl.read.ocr_words import runs
from test_ocr_lexicon import SENTENCES

_TONE = re.compile("[\u0e48\u0e49]")


def _fixed(text: str) -> str:
    return restored(text, ())[0]


def _tone_dropped(sentence: str) -> str | None:
    """``sentence`` with its last tone mark dropped, or None when it has none."""
    marks = list(_TONE.finditer(sentence))
    if not marks:
        return None
    at = marks[-1].start()
    return sentence[:at] + sentence[at + 1 :]


def _restorable() -> list[tuple[str, str]]:
    """(sentence, damaged) pairs whose damage the restoration undoes on one line."""
    out = []
    for s in SENTENCES:
        d = _tone_dropped(s)
        if d is not None and _fixed(d) == s:
            out.append((s, d))
    assert len(out) >= len(SENTENCES) // 2
    return out


def test_runs_leave_out_leading_vowels_stacked_at_a_runs_start() -> None:
    assert [m[0] for m in runs("๓ เโครงการ ใไโโครงการ เเผนงาน")] == [
        "โครงการ", "โครงการ", "เเผนงาน"]
    assert [m[0] for m in runs("ก ข", letters=True)] == ["ก", "ข"]
    assert [m[0] for m in runs("ก ข")] == []


def test_a_word_after_a_rule_read_as_a_leading_vowel_is_restored() -> None:
    for s, d in _restorable():
        for rule in ("เ", "ใ", "โ", "ไโ"):
            assert _fixed(f"๓ {rule}โครงการ{d}") == f"๓ {rule}โครงการ{s}"
            assert _fixed(f"๓ {rule}โครงการ{s}") == f"๓ {rule}โครงการ{s}"


def test_a_word_whose_last_letter_wrapped_alone_is_restored() -> None:
    tried = 0
    for s, d in _restorable():
        if not "\u0e01" <= s[-1] <= "\u0e2e" or _TONE.search(s[-4:]) is None:
            continue  # no letter alone to wrap, or the tone mark dropped far from it
        assert _fixed(f"{d[:-1]}\n{d[-1]}\n") == f"{s[:-1]}\n{s[-1]}\n"
        tried += 1
    assert tried >= 3


def test_correct_text_with_a_letter_wrapped_alone_is_left_as_it_is() -> None:
    for s in SENTENCES:
        for p in range(1, len(s)):
            if "\u0e01" <= s[p] <= "\u0e2e" and s[p + 1 : p + 2] in ("", " "):
                wrapped = f"{s[:p]}\n{s[p]}\n{s[p + 1 :]}"
                assert _fixed(wrapped) == wrapped
        if "\u0e01" <= s[-1] <= "\u0e2e":
            wrapped = f"{s[:-1]}\n{s[-1]}\n\n๒. {s}"
            assert _fixed(wrapped) == wrapped

"""Edits to an OCR'd page written into its text and its words' offsets.

Stage: read (:mod:`.ocr_lexicon`, :mod:`.ocr_repeats` and :mod:`.ocr_frames` find
the edits; :func:`bma_etl.read._with_marks_restored` writes those made from the
document's own text). An edit is ``(start, end, text)``: the characters
``start:end`` of a page's text (offsets in characters) written as ``text``.
:func:`edited` gives each Thai run of a page (runs a line break parts joined, a
person's name left out) to a function that finds a run's edits, and
:func:`rewritten` writes edits in, moving every OCR word's offset to the new text
and listing what was changed (:class:`Restored`), so the repair is visible.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from bma_etl.matchkey import key_map
from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_words import MIN_KEY
from bma_etl.read.ocr_words import runs as thai_runs

__all__ = ["Page", "Restored", "edited", "narrowed_edit", "rewritten"]

#: A person's title and the name after it (given name and surname): a name is no
#: word of the list, and its syllables would match words' keys.
_NAME = re.compile(
    r"(?:นางสาว|นาง|นาย|น\.\s?ส\.|ดร\.|ร\.\s?[ตทอ]\.)"
    r"[ \t]*[^\s\d]+(?:[ \t]+[^\s\d]+)?"
)


@dataclass(frozen=True, slots=True)
class Restored:
    """One word put back: its offset in the page text as read, as read, as restored."""

    start: int
    read: str
    word: str


#: An OCR'd page's text and words, and the words put back in it.
Page = tuple[str, tuple[OcrWord, ...], tuple[Restored, ...]]


def _alone(text: str, run: re.Match[str], start: int, end: int, word: str) -> bool:
    """Whether the word at ``start:end`` of ``run`` is to stay as read for want of context.

    A short word that is its line's whole run (a speck, a cell of its own: nothing
    beside it confirms the cut), the end of a run a full stop follows (an
    abbreviation: ``มน.``, ``กทม.``), and a run's last letter a comma follows
    read as a letter twice (``น.`` read ``น,``).
    """
    if end == run.end() and text.startswith(".", end):
        return True
    if end == run.end() and text.startswith(",", end) and text[start : end - 1] == word:
        return True  # ``ประเมินน, ส.``: the last letter is an abbreviation's (``น.``)
    return start == run.start() and end == run.end() and len(key_map(run[0])[0]) < MIN_KEY


def edited(
    text: str, words: tuple[OcrWord, ...], rewrite: Callable[..., list[tuple[int, int, str]]],
    across: bool = True, unsure: frozenset[int] | None = None,
) -> Page:
    """``text`` and ``words`` with each Thai run's spans ``rewrite`` gives replaced.

    Runs a line break parts are given to ``rewrite`` as one, unless not ``across``.
    With ``unsure`` (offsets of ``text`` Tesseract read below its confidence bar),
    ``rewrite`` is called as ``rewrite(run, doubted)``, ``doubted`` a tuple of one
    bool a character of the run.
    """
    edits: list[tuple[int, int, str]] = []
    names = [m.span() for m in _NAME.finditer(text)]
    runs = [
        m for m in thai_runs(text, letters=across)
        if not any(a < m.end() and m.start() < b for a, b in names)
    ]
    # runs a line break parts are read as one: a word the line cut (``เขตห`` /
    # ``นองจอก``, ``เชี`` / ``อ``: a letter alone only so) is whole again; a word
    # restored across the cut is left as read
    groups: list[list[re.Match[str]]] = []
    for m in runs:
        last = groups[-1][-1] if groups else None
        if across and last and _CUT.fullmatch(text, last.end(), m.start()):
            groups[-1].append(m)
        elif len(m[0]) > 1:
            groups.append([m])
    for group in groups:
        joined, offs = "", []
        for m in group:
            offs.append(len(joined))
            joined += m[0]
        found = rewrite(joined) if unsure is None else rewrite(joined, tuple(
            k in unsure for m in group for k in range(m.start(), m.end())))
        for a, b, word in found:
            k = bisect_right(offs, a) - 1
            if b > offs[k] + len(group[k][0]):
                # across the cut: kept when what changes lies on one side (``หัว`` /
                # ``ยขวาง`` → ``ห้ว`` / ``ยขวาง``)
                a, b, word = narrowed_edit(joined, a, b, word)
                k = bisect_right(offs, a) - 1
                if a == b and k and a == offs[k]:
                    k -= 1  # a mark added goes after the letter before the cut
            m = group[k]
            start, end = m.start() + a - offs[k], m.start() + b - offs[k]
            if end <= m.end() and not _alone(text, m, start, end, word):
                edits.append((start, end, word))
    return rewritten(text, words, edits)


def rewritten(text: str, words: tuple[OcrWord, ...], edits: list[tuple[int, int, str]]) -> Page:
    """``text`` with ``edits`` (``(start, end, word)``, in order, apart); words' offsets moved."""
    if not edits:
        return text, words, ()
    pieces: list[str] = []
    at = 0
    starts: list[int] = []  # old offset of each edit
    shifts: list[int] = []  # new minus old offset just after each edit
    shift = 0
    for a, b, word in edits:
        pieces += [text[at:a], word]
        at = b
        shift += len(word) - (b - a)
        starts.append(a)
        shifts.append(shift)
    pieces.append(text[at:])
    new_text = "".join(pieces)

    def moved(offset: int, end: bool) -> int:
        k = bisect_right(starts, offset) - 1
        if k < 0:
            return offset
        a, b, _ = edits[k]
        before = shifts[k] - (len(edits[k][2]) - (b - a))
        if offset >= b or (end and offset == b):
            return offset + shifts[k]
        # inside an edit: a start keeps the edit's start, an end goes to its end
        return a + before + (len(edits[k][2]) if end and offset > a else 0)

    new_words = []
    for w in words:
        start, stop = moved(w.start, False), moved(w.end, True)
        new_words.append(OcrWord(new_text[start:stop], w.conf, w.box, start, w.doubted,
                                 w.agreed and new_text[start:stop] == w.text))
    done = tuple(Restored(a, text[a:b], word) for a, b, word in edits)
    return new_text, tuple(new_words), done


def narrowed_edit(text: str, a: int, b: int, word: str) -> tuple[int, int, str]:
    """The edit of ``text[a:b]`` into ``word`` without the letters both begin and end with."""
    read = text[a:b]
    p = 0
    while p < min(len(read), len(word)) and read[p] == word[p]:
        p += 1
    q = 0
    while q < min(len(read), len(word)) - p and read[-1 - q] == word[-1 - q]:
        q += 1
    return a + p, b - q, word[p : len(word) - q]


#: What parts two runs of one text cut by a line break.
_CUT = re.compile("[ \t]*\n[ \t.]*")

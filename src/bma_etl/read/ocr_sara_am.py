"""SARA AM that OCR read as SARA AA, put back where its compound with the next words says so.

Stage: read (:func:`.ocr_lexicon.restored` runs it after the marks are put back).
Debian's ``tha`` model reads SARA AM (``ำ``) as SARA AA (``า``), or drops the tone
mark before it: ``น้ำ`` comes out as ``น้า`` or ``นำ``. Both are words (aunt, to
lead), so the word list alone keeps them; :mod:`.ocr_lexicon` puts SARA AM back
only inside a word of its list (``แหล่งน้ำ``, ``ทำให้``) or where the TNC makes the
other word far commoner. Here the context decides: each run of Thai letters is
cut into words by pythainlp's ``newmm`` (maximal matching) over pythainlp's word
list joined with the Volubilis dictionary's (:func:`pythainlp.corpus.volubilis.
thai_volubilis_words`, 108k entries with compounds such as ``ระบายน้ำ``,
``คุณภาพน้ำ``, ``สำนักการระบายน้ำ``), once as read and once with one syllable
changed (``า`` → ``ำ`` keeping its tone mark, or a tone mark put before a bare
``ำ``). The change is kept only when every word of the changed cut is in the list
and the cut has fewer words than the run as read (``ระบาย น้า`` → ``ระบายน้ำ``,
``สำนักการ ระบาย นำ`` → ``สำนักการระบายน้ำ``); a run whose reading as printed
cuts into as few words (``น้าสาว``, ``ทา นา``) or has a word the list lacks
stays as read, and so does a syllable two changes would make another word.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from bma_etl.matchkey import key_map
from bma_etl.normalize.text import join_sara_am
from bma_etl.read.ocr_words import MIN_KEY

if TYPE_CHECKING:
    from pythainlp.util import Trie

__all__ = ["sara_am_run"]

SARA_AA = "\u0e32"
SARA_AM = "\u0e33"
NIKHAHIT = "\u0e4d"
MAI_HAN_AKAT = "\u0e31"
#: Tone marks OCR drops before SARA AM (``น้ำ``, ``ต่ำ``).
_TONES = ("\u0e48", "\u0e49")
_TONE_MARKS = frozenset("\u0e48\u0e49\u0e4a\u0e4b")


@cache
def _words() -> frozenset[str]:
    """The words of pythainlp's word list and of the Volubilis dictionary (built once)."""
    from pythainlp.corpus import thai_words
    from pythainlp.corpus.volubilis import thai_volubilis_words

    return frozenset(thai_words()) | frozenset(thai_volubilis_words())


@cache
def _dictionary() -> Trie:
    """:func:`_words` as a trie for ``newmm`` (built once, a few seconds)."""
    from pythainlp.util import Trie

    return Trie(_words())


#: The longest compound looked for around a changed syllable (letters).
_LONGEST = 32


def _may_join(text: str, first: int, end: int) -> bool:
    """Whether some word of the lists spans ``text[first:end]`` and more.

    A cheap test before the run is cut into words.
    """
    words = _words()
    for i in range(max(0, first - _LONGEST), first + 1):
        for j in range(end, min(len(text), i + _LONGEST) + 1):
            if (i < first or j > end) and text[i:j] in words:
                return True
    return False


def _cut(text: str, trie: Trie) -> list[str]:
    from pythainlp.tokenize import word_tokenize

    return word_tokenize(text, custom_dict=trie, engine="newmm", keep_whitespace=False)


def _known(words: list[str], trie: Trie) -> bool:
    return all(join_sara_am(w) in trie for w in words)


def _compound(words: list[str], at: int, size: int) -> bool:
    """Whether the word holding the ``size`` letters changed at ``at`` is a compound.

    ``words`` is a cut run; the word must have :data:`~.ocr_words.MIN_KEY` letters
    or more beside the changed syllable: the syllables of a foreign word (``ดา ดา``
    of ``เมทาดาดา``) make short compounds.
    """
    start = 0
    for word in words:
        end = start + len(word)
        if start <= at < end:
            first = _syllable(word, at - start)
            rest = word[:first] + word[at - start + size :]
            return len(key_map(rest)[0]) >= MIN_KEY
        start = end
    return False


def _changes(run: str, at: int) -> list[str]:
    """The syllable at ``at`` (a vowel of ``run``) as it may have been printed."""
    ch = run[at]
    before = run[at - 1] if at else ""
    if (
        ch == SARA_AA
        and before != NIKHAHIT
        and not (before in _TONE_MARKS and at > 1 and run[at - 2] == NIKHAHIT)
    ):
        return [SARA_AM]
    if ch == SARA_AM and before and before not in _TONE_MARKS and "\u0e01" <= before <= "\u0e2e":
        return [tone + SARA_AM for tone in _TONES]
    return []


def _joined(run: str) -> tuple[str, list[tuple[int, int]]]:
    """``run`` with split SARA AM joined, and the span of ``run`` each letter comes from.

    NIKHAHIT, a tone mark and SARA AA become the tone mark and ``ำ``, as
    :func:`~bma_etl.normalize.text.join_sara_am` writes them; a tone mark read
    twice (``น้้า``, NIKHAHIT read as MAI THO) is one, and so is MAI HAN-AKAT
    before a tone mark and SARA AA (``นั้า``, NIKHAHIT read as MAI HAN-AKAT: no
    Thai syllable has MAI HAN-AKAT with SARA AA), their SARA AA left to the context
    like any other.
    """
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(run):
        if run[i] == NIKHAHIT and run[i + 1 : i + 2] == SARA_AA:
            out.append(SARA_AM)
            spans.append((i, i + 2))
            i += 2
        elif (
            run[i] == NIKHAHIT
            and run[i + 1 : i + 2] in _TONE_MARKS
            and run[i + 2 : i + 3] == SARA_AA
        ):
            out += [run[i + 1], SARA_AM]
            spans += [(i + 1, i + 2), (i, i + 3)]
            i += 3
        elif (
            run[i] == MAI_HAN_AKAT
            and run[i + 1 : i + 2] in _TONE_MARKS
            and run[i + 2 : i + 3] == SARA_AA
        ):
            out.append(run[i + 1])  # NIKHAHIT read as MAI HAN-AKAT (``นั้า``)
            spans.append((i, i + 2))
            i += 2
        elif run[i] in _TONE_MARKS and run[i + 1 : i + 2] == run[i]:
            out.append(run[i])  # NIKHAHIT read as a second tone mark (``น้้า``)
            spans.append((i, i + 2))
            i += 2
        else:
            out.append(run[i])
            spans.append((i, i + 1))
            i += 1
    return "".join(out), spans


def _syllable(text: str, at: int) -> int:
    """Where the syllable whose vowel is at ``at`` starts: its consonant, before any tone mark."""
    first = at - 1
    while first > 0 and not "\u0e01" <= text[first] <= "\u0e2e":
        first -= 1
    return first


def sara_am_run(run: str) -> list[tuple[int, int, str]]:
    """The syllables of a Thai run to rewrite with SARA AM: ``(start, end, text)`` in ``run``.

    ``start:end`` is a syllable read with ``า``, or with ``ำ`` and no tone mark
    (SARA AM written whole or split into NIKHAHIT and SARA AA), ``text`` the
    syllable with SARA AM (whole), in order; empty when the run reads best as it
    stands (see the module docstring).

    >>> sara_am_run("ระบายน้าในซอย")
    [(5, 8, 'น้ำ')]
    >>> sara_am_run("ระบายน\u0e4d\u0e32ในซอย")
    [(5, 8, 'น้ำ')]
    >>> sara_am_run("ระบายน\u0e49\u0e49\u0e32ในซอย")
    [(5, 9, 'น้ำ')]
    >>> sara_am_run("ระบายนั\u0e49\u0e32ในซอย")
    [(5, 9, 'น้ำ')]
    >>> sara_am_run("น้าสาวของฉัน")
    []
    """
    text, spans = _joined(run)
    spots = [i for i, ch in enumerate(text) if ch in (SARA_AA, SARA_AM) and _changes(text, i)]
    if not spots:
        return []
    edits: list[tuple[int, int, str]] = []
    words: list[str] | None = None  # the run as it now reads, cut into words
    # right to left, so each spot's offset in ``text`` is still its offset as joined
    for at in reversed(spots):
        best: list[tuple[int, str]] = []
        for change in _changes(text, at):
            other = text[:at] + change + text[at + 1 :]
            if not _may_join(other, _syllable(other, at), at + len(change)):
                continue
            trie = _dictionary()
            if words is None:
                words = _cut(text, trie)
            cut = _cut(other, trie)
            if len(cut) < len(words) and _known(cut, trie) and _compound(cut, at, len(change)):
                best.append((len(cut), change))
        best.sort()
        if not best or (len(best) > 1 and best[0][0] == best[1][0]):
            continue  # no change reads better, or two read alike
        change = best[0][1]
        first = _syllable(text, at)
        start, end = spans[first][0], max(b for _, b in spans[first : at + 1])
        edits.append((start, end, text[first:at] + change))
        text = text[:at] + change + text[at + 1 :]
        words = None
    edits.reverse()
    return edits

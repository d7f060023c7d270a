"""A letter or mark OCR read for a look-alike that made real words, put back from the compound.

Stage: read (:func:`.ocr_lexicon.restored` runs it after the marks and SARA AM
are put back). Debian's ``tha`` model sometimes damages a word into real words:
``พี่`` read ``พี`` (``เมืองพีเมืองน้อง``), ``ชี้`` read ``ขี้`` (``ตัวขี้วัด``), ``ช้า``
read ``ข้า`` (``ล่าข้า``), ``ป้าย`` read ``ป่าย``. The word list alone keeps such
words; here the context decides, as :mod:`.ocr_sara_am` does for SARA AM: a run
is cut into words by ``newmm`` over pythainlp's word list and the Volubilis
dictionary, and one letter or mark is changed to a look-alike
(:mod:`.ocr_confusions`; not SARA I, nor WO WAEN for SARA AA), or a tone mark put
after a bare vowel mark. The change is kept only when it makes a compound of the
lists, or a title of the Thai Wikipedia (``เมืองพี่เมืองน้อง``: then of two long
words or more besides), out of two words or more of the cut as read, each other a
word of the lists, with :data:`~.ocr_words.MIN_KEY` letters or more beside the
changed syllable; the word changed must be more frequent in the Thai National
Corpus than the word as read (``สู่ ความ`` is no misread ``สู้ความ``), a letter is
not changed in a word likelier read with its marks lost (``ยก ราง โครงการ`` is
``ยกร่าง``, not ``วางโครงการ``), and no other change may make one there.

The run is looked at with SARA AM whole (:func:`.ocr_sara_am._joined`): Tesseract
writes it as NIKHAHIT and SARA AA, which no word of the lists is spelt with, so a
confusion in or beside a word with SARA AM (``ต\u0e4d\u0e32เนินงาน``, DO DEK read
TO TAO) made no compound and was left as read; a span rewritten is given in the
run as read.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cache

from bma_etl.matchkey import key_map
from bma_etl.normalize.text import join_sara_am
from bma_etl.read.ocr_confusions import _LETTERS, _MARK_SETS
from bma_etl.read.ocr_sara_am import _cut, _dictionary, _joined, _words
from bma_etl.read.ocr_words import MIN_KEY, RUN, fold, keeps_marks, lexicon

__all__ = ["context_run"]

_SARA_I = "\u0e34"
#: WO WAEN and SARA AA are left out too: ``การ ตาง`` (``ต่าง``, its tone mark lost)
#: is one change from the compound ``การตวง``.
_WO_AA = "\u0e27\u0e32"
#: The longest compound looked for (letters).
_LONGEST = 32
#: Look-alikes tried here: SARA I and SARA II are left out, as both spell the
#: syllables of foreign names (``ไอจิ``, ``เซบิยา``), and so are marks OCR adds.
_LETTER_SWAPS = frozenset("".join(_LETTERS))
_SWAP = {
    ch: s.replace(ch, "").replace(_SARA_I, "")
    for s in _LETTERS + _MARK_SETS
    if s != _WO_AA
    for ch in s
    if ch != _SARA_I
}
#: Vowel marks a tone mark may follow, and the tone marks OCR drops there.
_VOWELS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39")
_TONES = frozenset("\u0e48\u0e49\u0e4a\u0e4b")
_ADD_TONES = ("\u0e48", "\u0e49")
_ALL_MARKS = frozenset(chr(c) for c in (0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)))


@cache
def _compounds() -> frozenset[str]:
    """The lists' words and the Thai Wikipedia's titles written in Thai letters alone."""
    from pythainlp.corpus.wikipedia import thai_wikipedia_titles

    return _words() | frozenset(t for t in thai_wikipedia_titles() if RUN.fullmatch(t))


def _changes(text: str, at: int) -> list[tuple[int, str]]:
    """The ways ``text[at]`` may have been printed: ``(letters replaced, replacement)``."""
    ch = text[at]
    out = [(1, alt) for alt in _SWAP.get(ch, "")]
    if ch in _VOWELS and text[at + 1 : at + 2] not in _TONES:
        out += [(1, ch + tone) for tone in _ADD_TONES]  # a tone mark dropped
    return out


def context_run(run: str) -> list[tuple[int, int, str]]:
    """The spans of a Thai run to rewrite: ``(start, end, text)`` in ``run``, in order.

    Empty when the run reads best as it stands (see the module docstring).

    >>> context_run("กับเมืองพีเมืองน้อง")
    [(8, 10, 'พี่')]
    >>> context_run("กับเมืองพี่เมืองน้อง")
    []
    >>> context_run("การต\u0e4d\u0e32เนินงาน")  # SARA AM as Tesseract writes it
    [(3, 4, 'ด')]
    """
    text, spans = _joined(run)
    return [
        (spans[a][0], max(b for _, b in spans[a:b]), new)
        for a, b, new in _context_edits(text)
    ]


def _context_edits(run: str) -> list[tuple[int, int, str]]:
    """:func:`context_run`'s spans in ``run`` with SARA AM whole (its offsets in that run)."""
    compounds = _compounds()
    words = _words()
    trie = _dictionary()
    cut: list[str] | None = None
    bounds: list[int] = []
    found: dict[int, set[tuple[int, str, int, int]]] = {}
    for at in range(len(run)):
        ch = run[at]
        for size, alt in _changes(run, at):
            other = run[:at] + alt + run[at + size :]
            shift = len(alt) - size
            if cut is None:
                cut = _cut(run, trie)
                bounds = [0]
                for word in cut:
                    bounds.append(bounds[-1] + len(word))
            k = bisect_right(bounds, at) - 1
            if ch in _LETTER_SWAPS and _marks_lost(cut[k]):
                continue
            if not _commoner(
                run[bounds[k] : bounds[k + 1]], other[bounds[k] : bounds[k + 1] + shift]
            ):
                continue
            for a, b in _spans(bounds, at, at + size):
                whole = other[a : b + shift]
                if (
                    whole in compounds
                    and _apart(whole, at - a, len(alt))
                    and _others(cut, bounds, a, b, k, words, whole in words)
                ):
                    found.setdefault(a, set()).add((b, alt, at, size))
    edits: list[tuple[int, int, str]] = []
    taken = -1
    for a in sorted(found):
        options = found[a]
        longest = max(b for b, *_ in options)
        best = {(alt, at, size) for b, alt, at, size in options if b == longest}
        if len(best) != 1 or a < taken:
            continue
        alt, at, size = best.pop()
        edits.append((at, at + size, alt))
        taken = longest
    return _merged(run, edits)


def _marks_lost(read: str) -> bool:
    """Whether ``read`` is more likely a commoner word of its key with marks lost.

    A letter is then no look-alike misread: ``ยก ราง โครงการ`` is ``ยกร่าง``, its
    tone mark lost, not ``ยก วางโครงการ``.
    """
    lex = lexicon()
    seen = lex.attested.get(read, 0)
    return any(
        lex.attested.get(w, 0) > seen
        for w in lex.by_key.get(fold(key_map(read)[0]), ())
        if w != read and keeps_marks(read, w)
    )


def _commoner(read: str, changed: str) -> bool:
    """Whether the TNC has the word changed more often than the word as read.

    A right word changed into a rarer one may still make a compound
    (``สู่ความ`` → ``สู้ความ``); a misread one is rarer than the word it was.
    """
    attested = lexicon().attested
    return attested.get(changed, 0) > attested.get(read, 0)


def _spans(bounds: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """Spans between word bounds of the cut that hold ``start:end`` and 2 words or more."""
    lo = bisect_right(bounds, start) - 1
    hi = bisect_left(bounds, end)
    out = []
    for i in range(lo, -1, -1):
        if start - bounds[i] > _LONGEST:
            break
        for j in range(max(hi, i + 2), len(bounds)):
            if bounds[j] - bounds[i] > _LONGEST:
                break
            out.append((bounds[i], bounds[j]))
    return out


def _apart(whole: str, at: int, size: int) -> bool:
    """Whether ``whole`` has MIN_KEY letters or more beside the syllable changed at ``at``.

    The syllable runs from its consonant to the marks after the change: the
    syllables of a foreign name make short compounds (``ไอ จิ`` → ``ไอจี``).
    """
    first = at
    while first > 0 and not "\u0e01" <= whole[first] <= "\u0e2e":
        first -= 1
    last = at + size
    while last < len(whole) and whole[last] in _ALL_MARKS:
        last += 1
    return len(key_map(whole[:first] + whole[last:])[0]) >= MIN_KEY


def _others(
    cut: list[str], bounds: list[int], a: int, b: int, k: int, words: frozenset[str], listed: bool
) -> bool:
    """Whether the words of the cut in ``a:b`` but the ``k``-th may make a compound.

    Each must be a word of the lists (``ส ราง`` → ``สวาง`` joins a stray letter). A
    Wikipedia title (not ``listed``) is often a name, whose syllables are short words
    (``วา ดา รุ`` → ``วาตารุ``): it is trusted only joining two words or more, each of
    MIN_KEY letters or more.
    """
    others = [cut[i] for i in range(bisect_left(bounds, a), bisect_left(bounds, b)) if i != k]
    if not all(w in words or join_sara_am(w) in words for w in others):
        return False
    return listed or (len(others) >= 2 and all(len(key_map(w)[0]) >= MIN_KEY for w in others))


def _merged(run: str, edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Each edit widened to its syllable (consonant to the next consonant), in order."""
    out = []
    for at, end, alt in edits:
        first = at
        while first > 0 and not "\u0e01" <= run[first] <= "\u0e2e":
            first -= 1
        last = end
        while last < len(run) and run[last] in _ALL_MARKS:
            last += 1
        out.append((first, last, run[first:at] + alt + run[end:last]))
    return out

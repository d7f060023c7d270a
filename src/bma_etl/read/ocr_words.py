"""The Thai word list OCR'd words are restored from, and the choice of a word for a key.

Stage: read (:mod:`.ocr_lexicon` uses it). The lexicon is pythainlp's word list
(:func:`pythainlp.corpus.thai_words`), keyed by :func:`bma_etl.matchkey.key`
with PO PLA folded into BO BAIMAI, with two counts: Phupha's Common Crawl counts
(:mod:`pythainlp.corpus.phupha`, counted with this list, so compounds such as
``ผู้เข้าร่วม`` have one) price a reading, and the Thai National Corpus's
(:mod:`pythainlp.corpus.tnc`) rank the spellings of one key, which Phupha counts
alike (``ที`` as often as ``ที่``). :func:`choose` gives the word to restore where
the spelling read is no word; :func:`confused` the word OCR may have read as a
real word (``ที`` for ``ที่``, ``บี`` for ``ปี``); :func:`near` the word OCR read
with one letter or mark for a look-alike (:mod:`.ocr_confusions`). pythainlp's TNC bigram counts
are a download (not in its wheel), so the context a word gets is its run's cut
into words (:func:`.ocr_lexicon.restore_run`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from bma_etl.matchkey import MARKS, key_map
from bma_etl.normalize.text import join_sara_am
from bma_etl.read.ocr_confusions import classed, edits

#: A run of Thai letters, vowels and marks (no digits, ฯ or ๆ), starting with no mark.
RUN = re.compile(
    "[\u0e01-\u0e2e\u0e30\u0e32\u0e33\u0e40-\u0e45][\u0e01-\u0e2e\u0e30-\u0e3a"
    "\u0e40-\u0e45\u0e47-\u0e4e]+"
)
_MARK = re.compile(f"[{MARKS}]")
#: Leading vowels before another (``เโครงการ``, ``ใไโโครงการ``) are no Thai spelling:
#: OCR reads a rule or a speck before a word as them (two SARA E are SARA AE as OCR
#: writes it, ``เเผน``, kept).
_STACKED = re.compile("(?:[\u0e41-\u0e44]|\u0e40(?!\u0e40))+(?=[\u0e40-\u0e44])")
#: Keys (letters without marks) shorter than this are ambiguous: restored only to a
#: common word (:data:`SHORT_FREQ`) beside another word.
MIN_KEY = 3
#: A shared key restores its most frequent word only when it is this many times
#: as frequent in the TNC as the next.
DOMINANCE = 20
#: A key shorter than MIN_KEY is restored only to a word this frequent in the TNC
#: (the short words of every sentence: ``ที่``, ``ได้``, ``ให้``, ``ไม่``).
SHORT_FREQ = 5000
#: Odds against OCR having turned one word into another real word (log10): a word
#: read as a real word (``ที``, ``น้า``, ``บี``) is restored only when the TNC has the
#: word it may have been this much more often (``ที่`` 67 times ``ที``).
CONFUSION_COST = 1.5


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Words as spelled, and the word to restore for each key that has one."""

    words: frozenset[str]
    by_key: dict[str, tuple[str, ...]]
    #: The words of each key of MIN_KEY letters or more, its look-alike letters
    #: folded (:func:`~.ocr_confusions.classed`).
    by_class: dict[str, tuple[str, ...]]
    freq: dict[str, int]
    #: TNC frequency of every spelling the corpus has, in the word list or not.
    attested: dict[str, int]
    #: log10 of the Phupha counts' size in words: the cost of a word they never saw,
    #: and of a letter no word covers.
    unknown: float
    #: The least cost of each word of a short key (:data:`MIN_KEY`): ``-log10`` of its
    #: share of the TNC. Phupha counts the syllables of longer words as such words
    #: (``อง``, ``นท``), whose low cost would cut a damaged word into them.
    floor: dict[str, float]

    def cost(self, word: str) -> float:
        """The cost of reading ``word``: ``-log10`` of its Phupha share (add-one).

        A short word costs at least its :attr:`floor`.
        """
        return max(self.unknown - math.log10(self.freq.get(word, 0) + 1), self.floor.get(word, 0.0))


def fold(key_text: str) -> str:
    """A key form (:func:`~bma_etl.matchkey.key`) with PO PLA read as BO BAIMAI."""
    return key_text.replace("\u0e1b", "\u0e1a")


@cache
def lexicon() -> _Lexicon:
    """The Thai word list of pythainlp, keyed, with frequencies (built once per process)."""
    from pythainlp.corpus import phupha, thai_words, tnc

    words = frozenset(w for w in thai_words() if RUN.fullmatch(w))
    by_key: dict[str, list[str]] = {}
    for word in words:
        folded = fold(key_map(word)[0])
        if folded:
            by_key.setdefault(folded, []).append(word)
    attested = dict(tnc.word_freqs())
    freq = {w: n for w, n in phupha.word_freqs() if w in words}
    size = math.log10(sum(attested.values()))
    floor = {
        w: size - math.log10(attested.get(w, 0) + 1)
        for k, found in by_key.items()
        if len(k) < MIN_KEY
        for w in found
    }
    by_class: dict[str, list[str]] = {}
    for k, found in by_key.items():
        if len(k) >= MIN_KEY:
            by_class.setdefault(classed(k), []).extend(found)
    return _Lexicon(
        words,
        {k: tuple(sorted(v)) for k, v in by_key.items()},
        {k: tuple(sorted(v)) for k, v in by_class.items()},
        freq,
        attested,
        math.log10(sum(freq.values())),
        floor,
    )


@cache
def place_names() -> frozenset[str]:
    """The names of places in the word list: Thailand's provinces and the world's countries.

    From pythainlp's gazetteers (:func:`pythainlp.corpus.provinces`,
    :func:`pythainlp.corpus.countries`). A name is made of name syllables
    (``บุรี``, ``รมย์``), so a rarer name read right is one mark from one of these.
    """
    from pythainlp.corpus import countries, provinces

    names = {str(p["name_th"]) for p in provinces(details=True) if isinstance(p, dict)}
    names |= set(countries())
    return frozenset(names & lexicon().words)


#: A run, or one letter a word may end with and no mark (too short for :data:`RUN`).
_RUN_OR_LETTER = re.compile(f"{RUN.pattern}|[\u0e01-\u0e2e\u0e30\u0e32\u0e33\u0e45]")


def runs(text: str, letters: bool = False) -> Iterator[re.Match[str]]:
    """The Thai runs of ``text`` (:data:`RUN`), leading vowels stacked at a run's start left out.

    Such vowels (:data:`_STACKED`) are no word's: left in, they are a letter no word
    covers, and the words beside them would be left as read. With ``letters``, a
    letter standing alone (a word's last, a line wrapped alone: ``เชี`` / ``อ``) is a
    run too.

    >>> [m[0] for m in runs("๓ เโครงการ ใไโครงการ เเผน")]
    ['โครงการ', 'โครงการ', 'เเผน']
    >>> [m[0] for m in runs("ติดเชี อ 1 ก", letters=True)]
    ['ติดเชี', 'อ', 'ก']
    """
    for m in (_RUN_OR_LETTER if letters else RUN).finditer(text):
        stacked = _STACKED.match(text, m.start(), m.end())
        if stacked is None:
            yield m
        elif (rest := RUN.match(text, stacked.end(), m.end())) is not None:
            yield rest


def _marks(text: str) -> list[str]:
    return _MARK.findall(text)


#: Letters OCR reads for others: ``(as read, as printed)``.
_MISREAD = frozenset({("\u0e1a", "\u0e1b"), ("\u0e32", "\u0e33")})
#: Tone marks: SARA II with one is read as SARA I (``ที่`` → ``ทิ``), SARA II alone is not.
_TONES = ("\u0e48", "\u0e49", "\u0e4a", "\u0e4b")
#: A tone mark over SARA AA, which OCR reads as SARA AM (``ก้าว`` → ``กำว``).
_TONE_AA = re.compile("[\u0e48-\u0e4b]\u0e32")


def keeps_marks(read: str, word: str) -> bool:
    """Whether ``word`` could be printed where OCR read ``read`` (same key).

    Every mark read is in ``word``, in order (OCR drops marks, it seldom adds
    one; SARA I may stand for SARA II with a tone mark), and each letter read is the word's or one
    OCR reads for it: BO BAIMAI for PO PLA, SARA AA for SARA AM (its NIKHAHIT
    lost), SARA AM for a tone mark over SARA AA.
    """
    read = join_sara_am(read)  # NIKHAHIT + SARA AA, as Tesseract writes SARA AM
    have = _marks(word)
    k = 0
    for m in _marks(read):
        while (
            k < len(have)
            and have[k] != m
            and not (
                m == "\u0e34" and have[k] == "\u0e35" and "".join(have[k + 1 : k + 2]) in _TONES
            )
        ):
            k += 1
        if k == len(have):
            return False
        k += 1
    ours = _MARK.sub("", read)
    theirs = _MARK.sub("", _TONE_AA.sub("\u0e33", word) if "\u0e33" in ours else word)
    if len(ours) != len(theirs):
        return False
    return all(a == b or (a, b) in _MISREAD for a, b in zip(ours, theirs, strict=True))


@lru_cache(maxsize=65536)
def _swaps(read: str, word: str) -> int:
    """How many letters or vowels OCR read for others to make ``word`` into ``read``.

    >>> _swaps("บิ", "ปี")
    2
    """
    ours, theirs = _MARK.sub("", join_sara_am(read)), _MARK.sub("", word)
    return sum(a != b for a, b in zip(ours, theirs, strict=False)) + (
        "\u0e34" in read and "\u0e34" not in word
    )


@lru_cache(maxsize=65536)
def choose(folded: str, read: str) -> str | None:
    """The word to restore for a run's key ``folded`` read as ``read``, or None.

    None when no lexicon word has the key, or when several do and none stands out
    (:data:`DOMINANCE`), ranked by the TNC where it has one of them (Phupha
    counts the spellings of a key alike, ``ที`` as often as ``ที่``). A key shorter
    than :data:`MIN_KEY` restores only a word the TNC has :data:`SHORT_FREQ` times,
    with at most one letter read for another.

    >>> choose(fold(key_map("ระหวาง")[0]), "ระหวาง")
    'ระหว่าง'
    """
    lex = lexicon()
    found = lex.by_key.get(folded)
    if not found:
        return None
    kept = [w for w in found if keeps_marks(read, w)]
    if not kept:
        return None
    if len(folded) == 1 and not _marks(read):
        return None  # a bare letter: an abbreviation's or a list item's
    if len(folded) < MIN_KEY:
        kept = [w for w in kept if _swaps(read, w) <= 1]
        if not kept:
            return None
    # the TNC ranks spellings of one key (Phupha counts them alike); Phupha ranks
    # only compounds the TNC cuts into words (``ผู้เข้าร่วม``)
    short = len(folded) < MIN_KEY
    counts = lex.attested if short or any(w in lex.attested for w in kept) else lex.freq
    ranked = sorted(kept, key=lambda w: -counts.get(w, 0))
    first = counts.get(ranked[0], 0)
    second = counts.get(ranked[1], 0) if len(ranked) > 1 else 0
    if short and first < SHORT_FREQ:
        return None
    if len(ranked) > 1 and first < DOMINANCE * max(second, 1):
        return None
    # a spelling the corpus has in its own right is no misreading
    seen = lex.attested.get(read, 0)
    return ranked[0] if not seen or seen * DOMINANCE <= lex.attested.get(ranked[0], 0) else None


@lru_cache(maxsize=65536)
def near(kind: str, read: str) -> str | None:
    """The word OCR read as ``read`` with a letter or mark read for another, or None.

    ``kind`` is the read key's :func:`~.ocr_confusions.classed` form (MIN_KEY
    letters or more). The word is one confusion from ``read``
    (:func:`~.ocr_confusions.edits`: ``สำเว็จ`` → ``สำเร็จ``, ``ป๊องกัน`` → ``ป้องกัน``,
    ``บุริการ`` → ``บริการ``); None when a word of the list is ``read`` with only marks
    lost (:func:`choose` decides), when no word or several of like frequency are one
    confusion away (:data:`DOMINANCE`), or when the TNC has ``read`` as a word.

    >>> near(classed("สาเวจ"), "สำเว็จ")
    'สำเร็จ'
    """
    lex = lexicon()
    found = lex.by_class.get(kind)
    if not found or lex.attested.get(read, 0):
        return None
    far = [(edits(read, w), w) for w in found]
    if any(e == 0 for e, _ in far):
        return None
    kept = [w for e, w in far if e is not None]
    if not kept:
        return None
    counts = lex.attested if any(w in lex.attested for w in kept) else lex.freq
    ranked = sorted(kept, key=lambda w: -counts.get(w, 0))
    if len(ranked) > 1 and counts.get(ranked[0], 0) < DOMINANCE * max(counts.get(ranked[1], 0), 1):
        return None
    return ranked[0]


@lru_cache(maxsize=65536)
def confused(folded: str, read: str) -> tuple[str, float] | None:
    """The word OCR may have read as the real word ``read`` (key ``folded``), and the odds.

    Returns ``(word, log10 odds)`` for the word of the key that keeps ``read``'s
    marks (:func:`keeps_marks`), stands out in the TNC (:data:`DOMINANCE`) and is
    more than :data:`CONFUSION_COST` (log10) times as frequent there as ``read``;
    else None.

    >>> confused("ท", "ที")[0]
    'ที่'
    >>> confused("ทา", "ทา") is None  # ทำ only 22 times as frequent
    True
    """
    lex = lexicon()
    if len(folded) >= MIN_KEY and lex.attested.get(read, 0):
        return None  # a longer word the TNC has: a name's or a foreign word's syllable
    kept = [
        w
        for w in lex.by_key.get(folded, ())
        if w != read and keeps_marks(read, w) and _swaps(read, w) <= 1
    ]
    if not kept:
        return None
    ranked = sorted(kept, key=lambda w: -lex.attested.get(w, 0))
    first = lex.attested.get(ranked[0], 0)
    if len(ranked) > 1 and first < DOMINANCE * max(lex.attested.get(ranked[1], 0), 1):
        return None
    odds = math.log10((first + 1) / (lex.attested.get(read, 0) + 1))
    return (ranked[0], odds) if odds > CONFUSION_COST else None


#: A tone mark read twice (NIKHAHIT read as a second one: ``น้้า``).
_TWICE = re.compile("([\u0e48-\u0e4b])\\1+")
#: A tone mark read twice over SARA AA: the second is SARA AM's ring (NIKHAHIT)
#: read as a tone mark, the word has SARA AM (``น้้า`` is ``น้ำ``, ``ค่่า`` is ``ค่ำ``).
_TWICE_AA = re.compile("([\u0e48-\u0e4b])\\1+\u0e32")


def as_written(read: str, ring: bool = True) -> str:
    """``read`` with SARA AM joined and a tone mark read twice written once.

    A tone mark read twice over SARA AA is a tone mark and SARA AM (its ring read
    as the second mark); ``ring=False`` reads it as the tone mark doubled over a
    SARA AA (for a word the list has only so: ``ค้้าขาย`` → ``ค้าขาย``).

    >>> as_written("น\u0e49\u0e49\u0e32") == "น\u0e49\u0e33"
    True
    >>> as_written("น\u0e49\u0e49\u0e32", ring=False) == "น\u0e49\u0e32"
    True
    """
    read = join_sara_am(read)
    if not _TWICE.search(read):
        return read
    if ring:
        read = _TWICE_AA.sub("\\1\u0e33", read)
    return _TWICE.sub(r"\1", read)


def in_list(text: str, lex: _Lexicon) -> bool:
    """Whether ``text`` (SARA AM joined, a tone mark read twice once) is a word of the list."""
    return (
        text in lex.words
        or as_written(text) in lex.words
        or as_written(text, ring=False) in lex.words
    )


#: Most characters of a word of the list :func:`reading_cost` looks for.
_WORD_CHARS_MAX = 30


def reading_cost(text: str) -> tuple[int, float]:
    """What ``text`` costs as spelled: ``(letters no word covers, cost)`` of its likeliest cut.

    Each Thai run is cut as :func:`.ocr_lexicon.restore_run` prices a run as read (a
    word costs :meth:`_Lexicon.cost`, a letter no word covers :attr:`_Lexicon.unknown`,
    ``-log10`` units); the cheapest cut's letters no word covers are counted and its
    costs summed over the runs. What is not Thai costs nothing. Of two copies of one
    printed text that OCR read apart, the one with fewer such letters, or far the
    cheaper, is the likelier spelling.

    >>> reading_cost("เมืองพี่เมืองน้อง")[0], reading_cost("เมืองพิเมืองน้อง")[0] > 0
    (0, True)
    """
    lex = lexicon()
    lost_all, cost_all = 0, 0.0
    for m in RUN.finditer(text):
        run = m.group()
        # the cheapest cut of the run's first i characters: cost, letters no word covers
        best: list[tuple[float, int]] = [(0.0, 0)] + [(math.inf, 0)] * len(run)
        for i in range(len(run)):
            cost, lost = best[i]
            best[i + 1] = min(best[i + 1], (cost + lex.unknown, lost + 1))
            for j in range(i + 1, min(len(run), i + _WORD_CHARS_MAX) + 1):
                if run[i:j] in lex.words:
                    best[j] = min(best[j], (cost + lex.cost(run[i:j]), lost))
        cost_all += best[-1][0]
        lost_all += best[-1][1]
    return lost_all, cost_all

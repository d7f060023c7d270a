"""Put back the marks OCR lost in Thai words, from a Thai word list.

Stage: read. Consumes an OCR'd page's text and words after the cache and
:mod:`.ocr_tidy`; produces them with the words whose upper and lower vowels and
tone marks Debian's ``tha`` model dropped or misplaced written as the word list
has them (``ระหวาง`` → ``ระหว่าง``, ``ผู้เขารวม`` → ``ผู้เข้าร่วม``, ``ความกำวหน้า`` →
``ความก้าวหน้า``, ``สำนักบ้องกัน`` → ``สำนักป้องกัน``), every word's offset moved to
the new text (:func:`restored`), and the list of what was changed, so the
repair is visible. Only OCR'd pages come here: a text layer, a text file or a
web page is never changed.

The lexicon is pythainlp's word list (:func:`pythainlp.corpus.thai_words`, 62k
words), keyed by :func:`bma_etl.matchkey.key` with PO PLA folded into BO BAIMAI
(``tha`` reads one for the other): two spellings with the same key differ only
in what OCR gets wrong. Thai is written without spaces, so each run of Thai
letters is segmented twice by dynamic programming over its key, as a unigram
language model over the list's words (each costs ``-log10`` of its share of the
Phupha Common Crawl counts, :mod:`pythainlp.corpus.phupha`, which were counted
with this word list and so count compounds such as ``ผู้เข้าร่วม``):

- *as read*: words spelled exactly as read, and letters no word covers, each
  costing as much as a word never seen;
- *restored*: the same, plus words of the list matching the run's key where the
  spelling as read is no word, each costing :data:`RESTORE_COST` more.

A run is rewritten only when the restored reading is cheaper: ``ผู้ เขา รวม`` (2.7 +
3.4 + 3.1 = 9.2) becomes ``ผู้เข้าร่วม`` (5.0 + 2.0), while ``ชี้ วัด`` (4.2 + 3.4)
stays: the rarer ``ชวด`` (6.0 + 2.0) shares its key. A restored word must keep every
mark read (OCR drops marks; it seldom adds one) and differ from the read only by
letters OCR confuses (:func:`_keeps_marks`); a key several words share restores the
one :data:`DOMINANCE` times as frequent as the next, and a spelling the Thai
National Corpus has in its own right (``โคโรนา``) is left alone. Runs with letters
no word covers (names, foreign words), rare words on short keys (:data:`RARE_COST`)
and a person's name after its title are left as read.
The lexicon is built once per process (about 2 s).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from bma_etl.matchkey import MARKS, key_map
from bma_etl.normalize.text import join_sara_am
from bma_etl.read.ocr_layout import OcrWord

#: A run of Thai letters, vowels and marks (no digits, ฯ or ๆ), starting with no mark.
_RUN = re.compile("[\u0e01-\u0e2e\u0e30\u0e32\u0e33\u0e40-\u0e45][\u0e01-\u0e2e\u0e30-\u0e3a"
                  "\u0e40-\u0e45\u0e47-\u0e4e]+")
_MARK = re.compile(f"[{MARKS}]")
#: A person's title and the name after it (given name and surname): a name is no
#: word of the list, and its syllables would match words' keys.
_NAME = re.compile(r"(?:นางสาว|นาง|นาย|น\.\s?ส\.|ดร\.|ร\.\s?[ตทอ]\.)"
                   r"[ \t]*[^\s\d]+(?:[ \t]+[^\s\d]+)?")
#: Odds against OCR having damaged a word, as a cost (log10) added to a word restored
#: from its key: a restored word must be this much likelier than the words as read.
RESTORE_COST = 2.0
#: A word is restored only when its cost (``-log10`` of its share of the Phupha counts)
#: is at most RARE_COST + RARE_LETTER per letter of its key: a short key matches a
#: misread speck or a name's syllable by chance (``ฐาย`` → ``ฐายี``), a long one seldom.
RARE_COST = 4.5
RARE_LETTER = 0.5
#: Keys (letters without marks) shorter than this are too ambiguous to restore.
MIN_KEY = 3
#: A shared key restores its most frequent word only when it is this many times
#: as frequent in the TNC as the next.
DOMINANCE = 20
#: The longest key looked for (letters).
MAX_KEY = 24
#: A key shorter than MIN_KEY is restored only to a word this frequent in the TNC
#: (the short words of every sentence: ``ที่``, ``ได้``, ``ให้``, ``ไม่``).
SHORT_FREQ = 5000
#: Odds against OCR having turned one word into another real word (log10): a word
#: read as a real word (``ที``, ``น้า``, ``บี``) is restored only when the TNC has the
#: word it may have been this much more often (``ที่`` 67 times ``ที``).
CONFUSION_COST = 1.5


@dataclass(frozen=True, slots=True)
class Restored:
    """One word put back: its offset in the page text as read, as read, as restored."""

    start: int
    read: str
    word: str


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Words as spelled, and the word to restore for each key that has one."""

    words: frozenset[str]
    by_key: dict[str, tuple[str, ...]]
    freq: dict[str, int]
    #: TNC frequency of every spelling the corpus has, in the word list or not.
    attested: dict[str, int]
    #: log10 of the TNC's size in words: the cost of a word it never saw, and of a
    #: letter no word covers.
    unknown: float
    #: The least cost of each word of a short key (:data:`MIN_KEY`): ``-log10`` of its
    #: share of the TNC. Phupha counts the syllables of longer words as such words
    #: (``อง``, ``นท``), whose low cost would cut a damaged word into them.
    floor: dict[str, float]

    def cost(self, word: str) -> float:
        """The cost of reading ``word``: ``-log10`` of its Phupha share (add-one).

        A short word costs at least its :attr:`floor`.
        """
        return max(self.unknown - math.log10(self.freq.get(word, 0) + 1),
                   self.floor.get(word, 0.0))


def fold(key_text: str) -> str:
    """A key form (:func:`~bma_etl.matchkey.key`) with PO PLA read as BO BAIMAI."""
    return key_text.replace("\u0e1b", "\u0e1a")


@cache
def lexicon() -> _Lexicon:
    """The Thai word list of pythainlp, keyed, with frequencies (built once per process)."""
    from pythainlp.corpus import phupha, thai_words, tnc

    words = frozenset(w for w in thai_words() if _RUN.fullmatch(w))
    by_key: dict[str, list[str]] = {}
    for word in words:
        folded = fold(key_map(word)[0])
        if folded:
            by_key.setdefault(folded, []).append(word)
    attested = dict(tnc.word_freqs())
    freq = {w: n for w, n in phupha.word_freqs() if w in words}
    size = math.log10(sum(attested.values()))
    floor = {w: size - math.log10(attested.get(w, 0) + 1)
             for k, found in by_key.items() if len(k) < MIN_KEY for w in found}
    return _Lexicon(words, {k: tuple(sorted(v)) for k, v in by_key.items()}, freq, attested,
                    math.log10(sum(freq.values())), floor)


def _marks(text: str) -> list[str]:
    return _MARK.findall(text)


#: Letters and marks OCR reads for others: ``(as read, as printed)``; SARA I for
#: SARA II (``ทิ`` for ``ที่``).
_MISREAD = frozenset({("\u0e1a", "\u0e1b"), ("\u0e32", "\u0e33"), ("\u0e34", "\u0e35")})
#: A tone mark over SARA AA, which OCR reads as SARA AM (``ก้าว`` → ``กำว``).
_TONE_AA = re.compile("[\u0e48-\u0e4b]\u0e32")


def _keeps_marks(read: str, word: str) -> bool:
    """Whether ``word`` could be printed where OCR read ``read`` (same key).

    Every mark read is in ``word``, in order (OCR drops marks, it seldom adds
    one; SARA I may stand for SARA II), and each letter read is the word's or one
    OCR reads for it: BO BAIMAI for PO PLA, SARA AA for SARA AM (its NIKHAHIT
    lost), SARA AM for a tone mark over SARA AA.
    """
    read = join_sara_am(read)  # NIKHAHIT + SARA AA, as Tesseract writes SARA AM
    have = iter(_marks(word))
    if not all(any(w == m or (m, w) in _MISREAD for w in have) for m in _marks(read)):
        return False
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
    return sum(a != b for a, b in zip(ours, theirs, strict=False)) + \
        ("\u0e34" in read and "\u0e34" not in word)


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
    kept = [w for w in found if _keeps_marks(read, w)]
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
def confused(folded: str, read: str) -> tuple[str, float] | None:
    """The word OCR may have read as the real word ``read`` (key ``folded``), and the odds.

    Returns ``(word, log10 odds)`` for the word of the key that keeps ``read``'s
    marks (:func:`_keeps_marks`), stands out in the TNC (:data:`DOMINANCE`) and is
    more than :data:`CONFUSION_COST` (log10) times as frequent there as ``read``;
    else None.

    >>> confused("ท", "ที")[0]
    'ที่'
    >>> confused("ทา", "ทา") is None  # ทำ only 22 times as frequent
    True
    """
    lex = lexicon()
    kept = [w for w in lex.by_key.get(folded, ())
            if w != read and _keeps_marks(read, w) and _swaps(read, w) <= 1]
    if not kept:
        return None
    ranked = sorted(kept, key=lambda w: -lex.attested.get(w, 0))
    first = lex.attested.get(ranked[0], 0)
    if len(ranked) > 1 and first < DOMINANCE * max(lex.attested.get(ranked[1], 0), 1):
        return None
    odds = math.log10((first + 1) / (lex.attested.get(read, 0) + 1))
    return (ranked[0], odds) if odds > CONFUSION_COST else None


def restore_run(run: str) -> list[tuple[int, int, str]]:
    """The words of a Thai run to rewrite: ``(start, end, word)`` in ``run``, in order.

    Empty when the run reads best as it stands (see the module docstring).

    >>> restore_run("ผู้เขารวม")
    [(0, 9, 'ผู้เข้าร่วม')]
    >>> restore_run("ผู้เข้าร่วม")
    []
    """
    lex = lexicon()
    folded, offsets = key_map(run)
    folded = fold(folded)
    n = len(folded)
    if not n or len(offsets) != n + 1:
        return []
    inf = float("inf")
    # cost as read and restored, and each one's back pointer (start, word restored)
    plain = [0.0] + [inf] * n
    mixed = [0.0] + [inf] * n
    back: list[tuple[int, str | None]] = [(0, None)] * (n + 1)
    back_plain = list(back)
    for i in range(n):
        if mixed[i] == inf and plain[i] == inf:
            continue
        if plain[i] + lex.unknown < plain[i + 1]:
            plain[i + 1], back_plain[i + 1] = plain[i] + lex.unknown, (i, None)
        if mixed[i] + lex.unknown < mixed[i + 1]:
            mixed[i + 1], back[i + 1] = mixed[i] + lex.unknown, (i, None)
        for j in range(i + 1, min(n, i + MAX_KEY) + 1):
            read = run[offsets[i]:offsets[j]]
            exact = read if read in lex.words else join_sara_am(read)
            if exact in lex.words:
                cost = lex.cost(exact)
                if plain[i] + cost < plain[j]:
                    plain[j], back_plain[j] = plain[i] + cost, (i, None)
                if mixed[i] + cost < mixed[j]:
                    mixed[j], back[j] = mixed[i] + cost, (i, None)
                # a real word read for a far commoner one of its key (``ครั้ง ที``); a
                # short one only beside another word
                other = confused(folded[i:j], exact) if j - i >= MIN_KEY or j - i < n else None
                if other is not None and mixed[i] + cost + CONFUSION_COST - other[1] < mixed[j]:
                    mixed[j], back[j] = mixed[i] + cost + CONFUSION_COST - other[1], (i, other[0])
            elif folded[i:j] in lex.by_key:
                word = choose(folded[i:j], read)
                if word is not None and lex.cost(word) <= RARE_COST + RARE_LETTER * (j - i) \
                        and mixed[i] + lex.cost(word) + RESTORE_COST < mixed[j]:
                    mixed[j], back[j] = mixed[i] + lex.cost(word) + RESTORE_COST, (i, word)
    chain = back if mixed[n] < plain[n] else back_plain
    path: list[tuple[int, int, str | None]] = []  # (start, end, word restored or None)
    j = n
    while j > 0:
        i, word = chain[j]
        path.append((i, j, word))
        j = i
    path.reverse()
    # A letter no word covers: the run is a name or a word the list lacks, whose
    # syllables may match a word's key (``ฤทธิ`` of ``ฤทธิชัย``); leave it as read.
    if any(word is None and not _in_list(run[offsets[i]:offsets[j]], lex)
           for i, j, word in path):
        return []
    # A word that gains only its THANTHAKHAT before another word is a compound's
    # first part as Thai writes it (``เชาว`` of ``เชาวลิต``), no misreading.
    return [(offsets[i], offsets[j], word) for i, j, word in path
            if word is not None and not (j < n and _only_karan(run[offsets[i]:offsets[j]], word))]


def _in_list(text: str, lex: _Lexicon) -> bool:
    return text in lex.words or join_sara_am(text) in lex.words


def _only_karan(read: str, word: str) -> bool:
    """Whether ``word`` is ``read`` with THANTHAKHAT (and marks before it) added."""
    return "\u0e4c" in word and read == word.replace("\u0e4c", "")[:len(read)] and \
        "\u0e4c" not in read


def restored(text: str, words: tuple[OcrWord, ...]
             ) -> tuple[str, tuple[OcrWord, ...], tuple[Restored, ...]]:
    """An OCR'd page's text and words with lost marks put back, and what was put back.

    ``text`` and ``words`` as :func:`~.ocr_tidy.tidied` returns them; each word
    keeps its box and confidence, its offset and text moved to the new text (a
    word cut by a restored span ends where the restored word ends). Returns them
    unchanged, with no :class:`Restored`, when nothing is put back.
    """
    edits: list[tuple[int, int, str]] = []
    names = [m.span() for m in _NAME.finditer(text)]
    lex = lexicon()
    for m in _RUN.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in names):
            continue
        # a run that a line break cuts from Thai letters may start or end inside a
        # word (``เขตห`` / ``นองจอก``): a word there read as a real word stays
        cut = (_CUT_BEFORE.search(text[max(0, m.start() - 12):m.start()]) is not None,
               _CUT_AFTER.match(text, m.end()) is not None)
        edits.extend((m.start() + a, m.start() + b, word) for a, b, word in restore_run(m[0])
                     if not ((a == 0 and cut[0]) or (b == len(m[0]) and cut[1]))
                     or not _in_list(m[0][a:b], lex))
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
        new_words.append(OcrWord(new_text[start:stop], w.conf, w.box, start))
    done = tuple(Restored(a, text[a:b], word) for a, b, word in edits)
    return new_text, tuple(new_words), done


#: A line break right after (before) Thai letters, ending where a run starts (after it ends).
_CUT_BEFORE = re.compile("[\u0e01-\u0e4e][ \t]*\n[ \t.]*\\Z")
_CUT_AFTER = re.compile("[ \t]*\n[ \t.]*[\u0e01-\u0e4e]")


#: Words quoted in a document's ``ocr_marks_restored`` quality issue.
QUOTED = 8


def restored_message(changes: tuple[str, ...]) -> str:
    """The quality issue's message for a document's words put back (``"as read → restored"``).

    >>> restored_message(("ระหวาง → ระหว่าง",))
    'OCR lost marks of 1 word, put back from the Thai word list: ระหวาง → ระหว่าง'
    """
    shown = ", ".join(dict.fromkeys(changes[:QUOTED]))
    more = f" and {len(changes) - QUOTED} more" if len(changes) > QUOTED else ""
    plural = "" if len(changes) == 1 else "s"
    return (f"OCR lost marks of {len(changes)} word{plural}, put back from the Thai word list: "
            f"{shown}{more}")

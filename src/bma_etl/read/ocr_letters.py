"""A letter OCR read twice, dropped or read for another, and the common word it was.

Stage: read (:func:`.ocr_lexicon.restore_run` asks :func:`reshaped` for a span of
a Thai run no word of the list spells, after :func:`~.ocr_words.choose` and
:func:`~.ocr_words.near` found no word its marks or look-alikes make). Debian's
``tha`` model, mostly at 150-200 dpi, also

- reads a letter twice, once as its look-alike (``งวดตที่`` for ``งวดที่``,
  ``เซชิง`` for ``เชิง``, ``ความกถ้าว`` for ``ความก้าว``, ``ชซอย`` for ``ซอย``) or
  twice as itself (``โคครงการ``, ``รายงงาน``; a short word's: ``ทที่``, ``อยยู่``,
  :func:`undoubled`), or adds a letter inside a long word (``อิเล็กทรอบนิกส์``);
- drops a letter, or a letter and its vowel mark (``ผู้รัจ้าง`` for ``ผู้รับจ้าง``,
  ``กรุเทพ``, ``เกี่ยข้อง``, ``เพิ่มื้น`` for ``เพิ่มขึ้น``), or a vowel written beside
  a letter (``การดเนินงาน``, ``ผู้ปรกอบการ``, ``กลุ่มป้าหมาย``);
- reads a letter for another (``พึงพลใจ`` for ``พึงพอใจ``, ``ประชาสน``,
  ``ความถ้าวหน้า``), or a letter and the vowel mark over it for a look-alike pair
  (``เพิ่มชื้น`` for ``เพิ่มขึ้น``).

A span's first and last letters may be its neighbours' (the run is cut into
words by cost, :mod:`.ocr_lexicon`): there a letter is only read for a look-alike,
and a letter read twice is looked for beside a letter but the first
(``เมือง ปอร์ต`` is no ``สปอร์ต``, ``บุคค ลากร`` no ``บุคคล ลากร``).

:func:`letter_edits` counts such changes between a span as read and a word of
the list (with the confusions of :mod:`.ocr_confusions` around them, each one
change); :func:`reshaped` finds, through an index of the list's keys with one
letter left out or blanked, the words one change from a span: the span's key
(:func:`~bma_etl.matchkey.key`, look-alikes folded by
:func:`~.ocr_confusions.classed`) with a letter left out, or a word's key with one
left out or blanked. Only common words of :data:`MIN_LETTERS` letters or more are
indexed: a short key is one letter from too many words (a letter read twice
beside its look-alike is the exception: ``งวดต``). The index is built once per
process (one to two seconds).
"""

from __future__ import annotations

from functools import cache, lru_cache

from bma_etl.matchkey import key_map
from bma_etl.normalize.text import join_sara_am
from bma_etl.read.ocr_confusions import _LETTERS, _SWAPS, _TONES, SARA_AA, SARA_AM, classed

__all__ = [
    "LEADING", "MIN_LETTERS", "letter_edits", "reshaped", "stacked", "undoubled", "unstacked",
]

#: The fewest letters (key) a word restored here has; the span read has one fewer
#: at the least.
MIN_LETTERS = 4
#: Words more costly than this (``-log10`` of their Phupha share) are not indexed:
#: a misread span is far more often one letter from a common word than a right
#: rare one is.
COMMON_COST = 6.0
#: Sets of letters OCR reads a letter twice as (itself, then its look-alike):
#: the look-alikes of :mod:`.ocr_confusions`, KO KAI / THO THUNG, PHO PHAN / SO RUSI.
_TWINS = (*_LETTERS, "\u0e01\u0e16", "\u0e1e\u0e29")
_TWIN = frozenset((a, b) for s in _TWINS for a in s for b in s)
#: Vowel marks above OCR reads for one another (SARA I, II, UE, UEE).
_VOWEL_SWAPS = frozenset(
    (a, b) for a in "\u0e34\u0e35\u0e36\u0e37" for b in "\u0e34\u0e35\u0e36\u0e37" if a != b
)
_MARKS = frozenset(
    "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a"
    "\u0e4b\u0e4c\u0e4d\u0e4e"
)
#: Letters (not marks) that may be dropped or read for another.
_LETTER = frozenset(chr(c) for c in range(0x0E01, 0x0E2F)) | {SARA_AA}
#: Vowels written beside a letter that OCR drops too (SARA A, SARA AM, SARA E, SARA O:
#: ``ผู้ปรกอบการ``, ``การดเนินงาน``, ``กลุ่มป้าหมาย``, ``ทั่วลก``); never read for another.
_VOWEL_LETTERS = frozenset("\u0e30\u0e33\u0e40\u0e42")
_BLANK = "?"
#: Vowels written before the letter they follow in speech (SARA E, SARA AE, SARA O,
#: SARA AI MAIMUAN, SARA AI MAIMALAI): one stands before a letter, never before
#: another.
LEADING = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")


def _folded(word: str) -> str:
    return classed(key_map(word)[0].replace("\u0e1b", "\u0e1a"))


@cache
def _index() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Common words by their key with one letter left out, and with one blanked."""
    from bma_etl.read.ocr_words import lexicon

    lex = lexicon()
    left: dict[str, set[str]] = {}
    blanked: dict[str, set[str]] = {}
    for word in sorted(lex.freq):
        if lex.cost(word) > COMMON_COST:
            continue
        k = _folded(word)
        if len(k) < MIN_LETTERS:
            continue
        for p in range(len(k)):
            left.setdefault(k[:p] + k[p + 1 :], set()).add(word)
            blanked.setdefault(k[:p] + _BLANK + k[p + 1 :], set()).add(word)
    return (
        {k: tuple(sorted(v)) for k, v in left.items()},
        {k: tuple(sorted(v)) for k, v in blanked.items()},
    )


@cache
def _halves() -> frozenset[tuple[str, int]]:
    """The first and the last half of every key of the list, with the key's length.

    One change leaves one half of a span's key as the word's: a cheap test
    (:func:`_may_be`) before the look-ups of :func:`reshaped`. Each key's halves
    are kept for spans a letter shorter and longer as well.
    """
    from bma_etl.read.ocr_words import lexicon

    out: set[tuple[str, int]] = set()
    for k in lexicon().by_class:
        n = len(k)
        if n >= MIN_LETTERS - 1:
            for h in {(n - 2) // 2, (n - 1) // 2, n // 2} - {0}:
                out.update(((k[:h], n), (_BLANK + k[-h:], n)))
    return frozenset(out)


def _may_be(kind: str) -> bool:
    """Whether a word's key may be one letter from ``kind`` (:func:`_halves`)."""
    h = (len(kind) - 1) // 2
    if h < 1:
        return True
    halves = _halves()
    return any(
        (kind[:h], len(kind) + d) in halves or (_BLANK + kind[-h:], len(kind) + d) in halves
        for d in (-1, 0, 1)
    )


def _last(text: str) -> int:
    """Where the last letter of ``text`` (not a mark) is."""
    k = len(text) - 1
    while k > 0 and text[k] in _MARKS:
        k -= 1
    return k


@lru_cache(maxsize=65536)
def letter_edits(read: str, word: str) -> int | None:
    """How many changes make ``word`` into ``read``: one at most, or None.

    A change is a letter read twice (the second time as itself or a look-alike,
    beside the letter in ``word``), any letter added inside a word of more than
    :data:`MIN_LETTERS` letters, a letter dropped with or without its marks, a
    vowel beside a letter dropped (:data:`_VOWEL_LETTERS`), a letter read for
    any other (with the mark over it read for a look-alike, or not), or one
    confusion of :mod:`.ocr_confusions`, a tone mark dropped too: a letter
    changed in a word whose marks OCR also lost is more often another word's
    marks lost (``ด้านตาง`` is ``ด้าน ต่าง``, not ``ด้านล่าง``). At the ends of
    ``read`` a letter may belong to the word beside it: the first is never
    dropped, read twice or read for a letter but a look-alike, the last never
    dropped or read for a letter but a look-alike. Any letter is read for any
    other only in a word of more than :data:`MIN_LETTERS` letters.

    >>> letter_edits("งวดตที่", "งวดที่"), letter_edits("กรุเทพ", "กรุงเทพ")
    (1, 1)
    >>> letter_edits("เพิ่มชื้น", "เพิ่มขึ้น"), letter_edits("พึงพลใจ", "พึงพอใจ")
    (1, 1)
    >>> letter_edits("ปฏิกัติ", "ปฏิบัติ") is None  # a short word: any letter for any
    True
    """
    r, w = join_sara_am(read), word
    n, m = len(r), len(w)
    over = 2
    # a letter at either end may be a neighbour's (``เมือง ปอร์ต``, ``บุคค ลากร``):
    # only a look-alike is read for it there, and a twin added beside a letter
    # but the first (``ประชา ชของ`` is no ``ช่อง``)
    last_r, last_w = _last(r), _last(w)
    # any letter read for any other only in a long word (``กถ้าว`` is no ``กร้าว``)
    long = len(key_map(w)[0]) > MIN_LETTERS

    @cache
    def go(i: int, j: int) -> int:
        if i == n and j == m:
            return 0
        best = over
        if j < m and w[j] in _TONES:
            best = min(best, 1 + go(i, j + 1))  # a tone mark dropped
        if i < n and j < m:
            a, b = r[i], w[j]
            if a == b or (a, b) in {("\u0e1a", "\u0e1b"), (SARA_AA, SARA_AM)}:
                best = min(best, go(i + 1, j + 1))
            elif (a, b) in _SWAPS:
                best = min(best, 1 + go(i + 1, j + 1))
            elif a in _LETTER and b in _LETTER and ((a, b) in _TWIN or (0 < i < last_r and long)):
                best = min(best, 1 + go(i + 1, j + 1))  # a letter read for another
            if a == "\u0e34" and b == "\u0e35" and w[j + 1 : j + 2] in _TONES:
                best = min(best, 1 + go(i + 1, j + 2))  # ที่ read ทิ
            if a == SARA_AM and b in _TONES and w[j + 1 : j + 2] == SARA_AA:
                best = min(best, 1 + go(i + 1, j + 2))  # ก้าว read กำว
            if (a, b) in _SWAPS and (r[i + 1 : i + 2], w[j + 1 : j + 2]) in _VOWEL_SWAPS:
                best = min(best, 1 + go(i + 2, j + 2))  # ขึ read ชื
        if (
            0 < i < n
            and r[i] in _LETTER
            and (
                (j < m and (r[i], w[j]) in _TWIN)
                or (i > 1 and ((w[j - 1], r[i]) in _TWIN or r[i] == r[i - 1] == w[j - 1]))
                or (long and i < last_r)
            )
        ):
            best = min(best, 1 + go(i + 1, j))  # a letter read twice, or added in a long word
        if 0 < j < last_w and (w[j] in _LETTER or w[j] in _VOWEL_LETTERS):
            e = j + 1
            best = min(best, 1 + go(i, e))  # a letter dropped
            while e < m and w[e] in _MARKS:
                if i < n and (r[i], w[e]) in _VOWEL_SWAPS:
                    best = min(best, 1 + go(i + 1, e + 1))  # its vowel mark misread
                e += 1
                best = min(best, 1 + go(i, e))  # with its marks
        return min(best, over)

    found = go(0, 0)
    return found if found < over else None


@lru_cache(maxsize=65536)
def reshaped(kind: str, read: str) -> str | None:
    """The common word OCR read as ``read`` with one letter changed (:func:`letter_edits`).

    ``kind`` is the span's key, look-alikes folded (:func:`~.ocr_confusions.classed`).
    None when no word of :data:`MIN_LETTERS` letters or more (and at most
    :data:`COMMON_COST`) is one change away, when several are and the most frequent
    is not :data:`~.ocr_words.DOMINANCE` times as frequent as the next (TNC counts
    where it has them, else Phupha's), or when the TNC has ``read`` as a word.

    >>> reshaped(_folded("งวดต"), "งวดต")
    'งวด'
    """
    from bma_etl.read.ocr_words import DOMINANCE, lexicon

    lex = lexicon()
    if len(kind) < MIN_LETTERS - 1 or not _may_be(kind) or lex.attested.get(read, 0):
        return None
    left, blanked = _index()
    found: set[str] = set(left.get(kind, ()))
    for p in range(len(kind)):
        found.update(blanked.get(kind[:p] + _BLANK + kind[p + 1 :], ()))
        # a letter read twice: beside its look-alike (one class), or KO KAI / THO THUNG
        twin = any(
            (kind[p], kind[q]) in _TWIN or kind[p] == kind[q]
            for q in (p - 1, p + 1)
            if 0 <= q < len(kind)
        )
        if twin or len(kind) > MIN_LETTERS:
            found.update(
                w
                for w in lex.by_class.get(kind[:p] + kind[p + 1 :], ())
                if lex.cost(w) <= COMMON_COST
            )
    found.discard(read)
    if not found:
        return None
    counts = lex.attested if any(w in lex.attested for w in found) else lex.freq
    # most frequent first; the words one change away are found until the second,
    # or until the rest are too rare to stand beside the first
    first: str | None = None
    for word in sorted(found, key=lambda w: (-counts.get(w, 0), w)):
        if first is not None and DOMINANCE * max(counts.get(word, 0), 1) <= counts.get(first, 0):
            break
        if letter_edits(read, word) is None:
            continue
        if first is not None:
            return None  # two of like frequency
        first = word
    return first


@lru_cache(maxsize=65536)
def undoubled(read: str) -> str | None:
    """The word of the list OCR read as ``read`` with one letter read twice as itself, or None.

    The letter and its copy stand side by side (the first bare): ``ทที่``, ``อยยู่``,
    ``ในน``. None when no such copy left out makes a word, when two do, or when the
    word's key is shorter than :data:`~.ocr_words.MIN_KEY` and the TNC has it fewer
    than :data:`~.ocr_words.SHORT_FREQ` times (a short key is a name's syllable as
    often).

    >>> undoubled("ทที่"), undoubled("อยยู่"), undoubled("ที่")
    ('ที่', 'อยู่', None)
    """
    from bma_etl.read.ocr_words import MIN_KEY, SHORT_FREQ, in_list, lexicon

    lex = lexicon()
    found = {
        read[:k] + read[k + 1 :]
        for k in range(len(read) - 1)
        if read[k] == read[k + 1] and read[k] in _LETTER
    }
    words = [w for w in found if in_list(w, lex)]
    if len(words) != 1:
        return None
    word = words[0]
    if len(key_map(word)[0]) < MIN_KEY and lex.attested.get(word, 0) < SHORT_FREQ:
        return None
    return word


def stacked(read: str, at: int) -> bool:
    """Whether ``read[at]`` is a leading vowel OCR set before another (:data:`LEADING`).

    Two SARA E are SARA AE as OCR writes it (``เเผน``), no vowel added.
    """
    pair = read[at : at + 2]
    return len(pair) == 2 and pair[0] in LEADING and pair[1] in LEADING and pair != "\u0e40\u0e40"


@lru_cache(maxsize=65536)
def unstacked(read: str) -> str | None:
    """The word of the list OCR read as ``read`` with a leading vowel added beside another.

    A speck or a rule before a word's leading vowel is read as one more
    (``ประชาชนไในพื้นที่``: ``ไใน`` for ``ใน``); one of the two vowels left out makes
    the word. None when neither makes a word of the list, or both and the Thai
    National Corpus has one not :data:`~.ocr_words.DOMINANCE` times as often as the
    other (``ไน`` is a word too, ``ใน`` 950 times as frequent), or when the word's
    key is shorter than :data:`~.ocr_words.MIN_KEY` and the TNC has it fewer than
    :data:`~.ocr_words.SHORT_FREQ` times.

    >>> unstacked("ไใน"), unstacked("เแผน"), unstacked("เเผน"), unstacked("ใน")
    ('ใน', 'แผน', None, None)
    """
    from bma_etl.read.ocr_words import DOMINANCE, MIN_KEY, SHORT_FREQ, in_list, lexicon

    lex = lexicon()
    found = {
        read[:k + d] + read[k + d + 1 :]
        for k in range(len(read) - 1)
        if stacked(read, k)
        for d in (0, 1)
    }
    words = sorted((w for w in found if in_list(w, lex)), key=lambda w: -lex.attested.get(w, 0))
    if not words:
        return None
    word = words[0]
    if len(words) > 1 and lex.attested.get(word, 0) < DOMINANCE * max(
        lex.attested.get(words[1], 0), 1
    ):
        return None
    if len(key_map(word)[0]) < MIN_KEY and lex.attested.get(word, 0) < SHORT_FREQ:
        return None
    return word

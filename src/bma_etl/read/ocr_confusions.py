"""Letters and marks Debian's ``tha`` model reads for others, and how far a word read is.

Stage: read (:mod:`.ocr_words` uses it to find the word a damaged one was). OCR
drops Thai marks most often (:mod:`.ocr_lexicon` puts those back for free), but
it also reads one letter or mark for a look-alike (``สำเร็จ`` → ``สำเว็จ``,
``ป้องกัน`` → ``ป๊องกัน`` or ``ป้องก้น``, ``มุ่ง`` → ``มู่ง``, ``ล่าช้า`` → ``ล่าข้า``)
or adds a mark a speck made (``บริการ`` → ``บุริการ``). :func:`edits` counts those
confusions between a word as read and a word of the list; :func:`classed` folds a
key's look-alike letters into one, so the words a damaged key may have been are
found with one look-up (:func:`by_class`).
"""

from __future__ import annotations

from functools import cache, lru_cache

from bma_etl.normalize.text import join_sara_am

#: Pairs of consonants and vowels OCR reads for one another (the printed shapes
#: differ by a stroke or a tail): RO RUA / WO WAEN, WO WAEN / SARA AA, CHO CHANG /
#: SO SO / KHO KHAI, DO DEK / TO TAO, SARA AI MAIMUAN / SARA AI MAIMALAI (its
#: curl lost or read: ``ใกล้`` → ``ไกล้``). (BO BAIMAI read for PO PLA is free: keys
#: fold them.)
_LETTERS = (
    "\u0e23\u0e27", "\u0e27\u0e32", "\u0e0a\u0e0b\u0e02", "\u0e14\u0e15", "\u0e43\u0e44",
)
#: Sets of marks OCR reads for one another (either way): MAI HAN-AKAT / MAI THO,
#: the tone marks among themselves, SARA U / SARA UU, SARA I / SARA II / SARA UE /
#: SARA UEE, MAITAIKHU / SARA UE, MAITAIKHU / SARA I.
_MARK_SETS = (
    "\u0e31\u0e49",
    "\u0e48\u0e49\u0e4a",
    "\u0e38\u0e39",
    "\u0e34\u0e35\u0e36\u0e37",
    "\u0e47\u0e36",
    "\u0e47\u0e34",
)
#: Marks OCR adds where a speck or a neighbour's mark is (``บุริการ``, ``อบูรม``).
_ADDED = frozenset("\u0e31\u0e34\u0e35\u0e38\u0e39\u0e48\u0e49\u0e47")
_MARKS = frozenset(
    "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a"
    "\u0e4b\u0e4c\u0e4d\u0e4e"
)
_TONES = frozenset("\u0e48\u0e49\u0e4a\u0e4b")
#: Marks OCR reads SARA AM's circle (NIKHAHIT) as, before the SARA AA it keeps.
_CIRCLE_READ = _TONES | frozenset("\u0e38\u0e39")
SARA_AA, SARA_AM, SARA_I, SARA_II = "\u0e32", "\u0e33", "\u0e34", "\u0e35"
#: How many confusions a word may be from the word read.
MAX_EDITS = 1


def _pairs(sets: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    return frozenset((a, b) for s in sets for a in s for b in s if a != b)


_SWAPS = _pairs(_LETTERS) | _pairs(_MARK_SETS) | {(SARA_AM, SARA_AA)}
#: What each look-alike letter of a key stands for in :func:`classed` (the pairs
#: joined: RO RUA, WO WAEN and SARA AA are one class).
_CLASS = str.maketrans({ch: s[0] for s in ("\u0e23\u0e27\u0e32", *_LETTERS[2:]) for ch in s})


def classed(key_text: str) -> str:
    """A key (:func:`~bma_etl.matchkey.key`) with each set of look-alike letters as one.

    >>> classed("สาเวจ") == classed("สาเรจ")
    True
    """
    return key_text.translate(_CLASS)


@lru_cache(maxsize=65536)
def edits(read: str, word: str) -> int | None:
    """How many confusions make ``word`` (a word of the list) into ``read``, or None.

    Free: BO BAIMAI read for PO PLA, SARA AA for SARA AM, SARA I for SARA II with
    its tone mark, SARA AM for a tone mark over SARA AA. One confusion each: a
    letter or mark read for a look-alike (:data:`_LETTERS`, :data:`_MARK_SETS`,
    SARA AM for SARA AA), a mark added (:data:`_ADDED`): a tone mark anywhere, a
    vowel mark only on a letter with no vowel mark in the word (one dropped and
    another added is no confusion OCR makes: ``ยั่ง`` is no ``ยิ่ง``), never on the
    word's last letter (``ตอบี`` is ``ต่อ ปี``, not ``ตอบ``). A tone mark of the
    word dropped is free (``เพิ่มขืน`` → ``เพิ่มขึ้น``), a vowel mark dropped is not
    (``ชีวด`` is ``ชี้วัด`` with marks lost, not ``ชีวิต``): :func:`~.ocr_words.choose`
    restores lost marks. None when more than :data:`MAX_EDITS`, or when anything
    else differs.

    >>> edits("สำเว็จ", "สำเร็จ"), edits("ระหวาง", "ระหว่าง"), edits("บุริการ", "บริการ")
    (1, 0, 1)
    >>> edits("สำเว็ด", "สำเร็จ") is None  # two letters read for others
    True
    """
    r, w = join_sara_am(read), word
    best = _align(r, w)
    return best if best <= MAX_EDITS else None


_VOWEL_MARKS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47")


def _vowelled(w: str, j: int) -> bool:
    """Whether the letter of ``w`` before ``j`` has a vowel mark (above or below)."""
    a = j
    while a > 0 and w[a - 1] in _MARKS:
        a -= 1
    b = j
    while b < len(w) and w[b] in _MARKS:
        b += 1
    return any(ch in _VOWEL_MARKS for ch in w[a:b])


def _align(r: str, w: str) -> int:
    """The least confusions aligning ``r`` (read) with ``w`` (word); over MAX_EDITS if none."""
    over = MAX_EDITS + 1
    n, m = len(r), len(w)

    @cache
    def go(i: int, j: int) -> int:
        if i == n and j == m:
            return 0
        best = over
        if j < m and w[j] in _TONES:
            best = min(best, go(i, j + 1))  # a tone mark of the word dropped
        if i < n and j < m:
            a, b = r[i], w[j]
            if a == b or (a, b) in {("\u0e1a", "\u0e1b"), (SARA_AA, SARA_AM)}:
                best = min(best, go(i + 1, j + 1))
            if a == SARA_I and b == SARA_II and w[j + 1 : j + 2] in _TONES:
                best = min(best, go(i + 1, j + 2))  # ที่ read ทิ
            elif (a, b) in _SWAPS:
                best = min(best, 1 + go(i + 1, j + 1))
            if a == SARA_AM and b in _TONES and w[j + 1 : j + 2] == SARA_AA:
                best = min(best, go(i + 1, j + 2))  # ก้าว read กำว
            if b == SARA_AM and a in _CIRCLE_READ:
                # SARA AM's circle read as a mark or two over or under its letter
                # (``ดำเนินการ`` read ``ด๊าเนินการ``, ``สำรวจ`` read ``สุ่ารวจ``)
                k = i + (r[i + 1 : i + 2] in _CIRCLE_READ)
                if r[k + 1 : k + 2] == SARA_AA:
                    best = min(best, 1 + go(k + 2, j + 1))
        if i < n and 0 < j < m and r[i] in _ADDED and (r[i] in _TONES or not _vowelled(w, j)):
            best = min(best, 1 + go(i + 1, j))  # a mark added
        return min(best, over)

    return go(0, 0)

"""Marks OCR lost in a phrase the document writes again elsewhere, put back from there.

Stage: read (:func:`bma_etl.read._with_marks_restored` runs it over a document's
OCR'd pages after :mod:`.ocr_lexicon`). The word list cannot put back a mark
whose loss leaves a word of its own or several of like frequency: ``นี`` may be
``นี้`` or ``นี่``, ``ตำ`` is a word, and a word cut by a page's foot (``เมืองพีเ``
/ next page) has no neighbour to decide it. A report writes its phrases many
times (a plan's SWOT items, an indicator named again in its KPI sheet), and OCR
seldom loses the same mark in each: where a stretch of :data:`WINDOW` letters of
a Thai run (its key: letters without marks, :func:`bma_etl.matchkey.key_map`)
stands elsewhere in the document with the same letters and every mark read plus
more (``ด้านนีมาอย่าง`` and ``ด้านนี้มาอย่าง``), the marks are put back -- when that
spelling is the document's only such one, read at least as often as the spelling
read and at least :data:`MIN_SEEN` times, or once where the word the marks make is
a word of the lists and commoner in the Thai National Corpus than the word read
(``ฝายการคลัง`` in one row of a plan's table, ``ฝ่ายการคลัง`` in another: ``ฝาย`` is a
word, the word list alone keeps it). A stretch at a Thai run's first or last letters
is compared with stretches at a run's edge too, so a mark lost on a run's first
syllable comes back (no word of its own goes on past the edge). Only marks are
added (and SARA AA written SARA AM, its NIKHAHIT lost), and a spelling the document
never writes with more marks stays as read. A letter is changed only to the
look-alike the document writes in the same phrase more often (:func:`swapped`:
``กิจกรรมกระขับและ`` among readings of ``กิจกรรมกระชับและ``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from bma_etl.matchkey import key_map
from bma_etl.read.ocr_confusions import _LETTERS, classed
from bma_etl.read.ocr_edits import narrowed_edit
from bma_etl.read.ocr_words import RUN

#: Letters (the key's) a stretch compared holds: few enough that a phrase cut by a
#: line or a cell recurs whole, enough that two phrases alike are one phrase.
WINDOW = 8
#: Letters of the stretch that must stand before and after what differs (the marks of
#: a stretch's first or last letter belong to a word it cuts: ``มหานครร`` of
#: ``มหานครระยะ`` and of ``มหานครร่วม``).
EDGE = 2
#: Times the fuller spelling must be read in the document (once will do where the
#: word its marks make is the commoner: :func:`_commoner`).
MIN_SEEN = 2
#: Times as frequent in the Thai National Corpus the word a change makes must be as the
#: word read (:func:`_commoner`): two real words of about one frequency (``รวม``
#: 23,925, ``ร่วม`` 28,905) are no evidence of which one a page printed; a mark
#: lost on a common word is (``ส่วน`` 59,277, ``สวน`` 6,348; ``ฝ่าย``, ``ฝาย``).
COMMONER_BY = 5
#: Marks a stretch's key at a run's first or last letter (:func:`_windows`).
_EDGE = "|"
#: Letters OCR reads for one another (either way).
_LOOK_ALIKE = frozenset((x, y) for s in _LETTERS for x in s for y in s if x != y)
SARA_AA, SARA_AM = "\u0e32", "\u0e33"
_MARK = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def _units(raw: str, offs: list[int]) -> list[tuple[str, str]]:
    """``raw`` as (letter, marks after it) per key letter (``offs`` from its start)."""
    return [(raw[a], raw[a + 1 : b]) for a, b in pairwise(offs)]


def _fuller(read: list[tuple[str, str]], other: list[tuple[str, str]]) -> bool:
    """Whether ``other`` is ``read`` with marks added (each letter's in order), and more."""
    if len(read) != len(other):
        return False
    more = False
    for (a, ma), (b, mb) in zip(read, other, strict=True):
        if a != b and not (a == SARA_AA and b == SARA_AM):
            return False
        more = more or a != b
        it = iter(mb)
        if not all(ch in it for ch in ma):
            return False
        more = more or len(mb) > len(ma)
    return more


def _windows(text: str) -> list[tuple[str, int, int]]:
    """Each stretch of WINDOW key letters of ``text``'s Thai runs: key, start, end."""
    out = []
    for m in RUN.finditer(text):
        key, offs = key_map(m[0])
        if len(offs) != len(key) + 1:
            continue
        for s in range(len(key) - WINDOW + 1):
            a, b = m.start() + offs[s], m.start() + offs[s + WINDOW]
            out.append((key[s : s + WINDOW], a, b))
            # a stretch at the run's edge is compared again with stretches at a run's edge:
            # no word of its own goes on past it
            if s == 0:
                out.append((_EDGE + key[s : s + WINDOW], a, b))
            if s == len(key) - WINDOW:
                out.append((key[s : s + WINDOW] + _EDGE, a, b))
    return out


def echoed(texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
    r"""For each text of a document, the spans to write with the marks its other phrases have.

    ``texts`` are the document's OCR'd pages; edits ``(start, end, text)`` are in
    order and apart (see the module docstring).

    >>> page = "ปฏิบัติงานด้านนี้มาอย่างต่อเนื่อง\nปฏิบัติงานด้านนีมาอย่างต่อเนื่อง\n"
    >>> echoed([page + "ปฏิบัติงานด้านนี้มาอย่างต่อเนื่อง"])
    [[(48, 50, 'นี้')]]
    """
    windows = [_windows(t) for t in texts]
    seen: dict[str, Counter[str]] = {}
    for t, ws in zip(texts, windows, strict=True):
        for key, a, b in ws:
            seen.setdefault(key, Counter())[t[a:b]] += 1
    out: list[list[tuple[int, int, str]]] = []
    for t, ws in zip(texts, windows, strict=True):
        wanted: dict[int, tuple[int, str]] = {}  # start -> (end, text), narrowed
        clash: set[int] = set()
        for key, a, b in ws:
            spellings = seen[key]
            if len(spellings) < 2:
                continue
            raw = t[a:b]
            units = _units(raw, _offsets(raw))
            fuller = [s for s in spellings if _fuller(units, _units(s, _offsets(s)))]
            if len(fuller) != 1:
                continue
            other = fuller[0]
            if spellings[other] < spellings[raw]:
                continue
            p, q, word = _narrowed(raw, other)
            if (len(_offsets(raw[:p])) <= EDGE and not key.startswith(_EDGE)) or (
                len(_offsets(raw[q:])) <= EDGE and not key.endswith(_EDGE)
            ):
                continue  # the phrase may go on otherwise: the next word's marks differ
            if spellings[other] < MIN_SEEN and not _commoner(t, a + p, a + q, word):
                continue
            start = a + p
            if start in wanted and wanted[start] != (a + q, word):
                clash.add(start)
            wanted[start] = (a + q, word)
        edits = sorted((s, e, w) for s, (e, w) in wanted.items() if s not in clash)
        kept: list[tuple[int, int, str]] = []
        for s, e, w in edits:
            if kept and s < kept[-1][1]:
                continue
            kept.append((s, e, w))
        out.append(kept)
    return out


def swapped(texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
    r"""For each text of a document, the letters to write as the look-alike its phrases have.

    ``texts`` are the document's OCR'd pages; edits ``(start, end, letter)`` are in
    order and apart. A stretch of :data:`WINDOW` letters read with one letter for a
    look-alike (:data:`~.ocr_confusions._LETTERS`: ``กระขับ`` for ``กระชับ``) takes the
    letter the document writes there in the same stretch, its marks alike, when that
    reading is the only such one, read at least :data:`MIN_SEEN` times and more often
    than the stretch as read, with :data:`EDGE` letters of it on either side of the
    letter, and the word it makes is a word of the lists commoner than the word read
    (:func:`_commoner`).

    >>> line = "จัดกิจกรรมกระชับและส่งเสริม\n"
    >>> swapped([line * 2 + "จัดกิจกรรมกระขับและส่งเสริม"])
    [[(69, 70, 'ช')]]
    """
    # stretches at a run's edge are read as any other here
    windows = [[w for w in _windows(t) if _EDGE not in w[0]] for t in texts]
    seen: dict[str, Counter[str]] = {}  # classed key -> key -> times
    spelled: dict[str, Counter[str]] = {}  # key -> text -> times
    for t, ws in zip(texts, windows, strict=True):
        for key, a, b in ws:
            seen.setdefault(classed(key), Counter())[key] += 1
            spelled.setdefault(key, Counter())[t[a:b]] += 1
    out: list[list[tuple[int, int, str]]] = []
    for t, ws in zip(texts, windows, strict=True):
        wanted: dict[int, str] = {}
        clash: set[int] = set()
        for key, a, b in ws:
            keys = seen[classed(key)]
            others = [
                (k, at) for k in keys if k != key and (at := _one_look_alike(key, k)) is not None
            ]
            if len(others) != 1 or keys[others[0][0]] < max(MIN_SEEN, keys[key] + 1):
                continue
            other, at = others[0]
            raw = t[a:b]
            offs = _offsets(raw)
            written = spelled[other].most_common(1)[0][0]
            marks = [m for _, m in _units(written, _offsets(written))]
            if [m for _, m in _units(raw, offs)] != marks:
                continue  # its marks differ too: another phrase
            if at < EDGE or WINDOW - 1 - at < EDGE:
                continue
            start = a + offs[at]
            if start in wanted and wanted[start] != other[at]:
                clash.add(start)
            elif start not in wanted and _commoner(t, start, start + 1, other[at]):
                wanted[start] = other[at]
        out.append([(s, s + 1, w) for s, w in sorted(wanted.items()) if s not in clash])
    return out


def _one_look_alike(key: str, other: str) -> int | None:
    """Where ``other`` differs from ``key`` (same length) by one look-alike letter, or None."""
    diff = [k for k, (x, y) in enumerate(zip(key, other, strict=True)) if x != y]
    if len(diff) == 1 and (key[diff[0]], other[diff[0]]) in _LOOK_ALIKE:
        return diff[0]
    return None


def _commoner(text: str, start: int, end: int, marked: str) -> bool:
    """Whether ``text[start:end]`` written ``marked`` makes a commoner word than as read.

    The Thai run holding it is cut into words (``newmm`` over the word lists,
    :mod:`.ocr_sara_am`) as read and as changed; the word holding ``start`` in
    either cut, changed, must be a word of the lists and :data:`COMMONER_BY` times
    as frequent in the Thai National Corpus as the word read (``ฝ่าย`` 24,780 times,
    ``ฝาย`` 185; ``กระชับ``, and ``กระขับ`` none; not ``ร่วม`` 28,905 for ``รวม``
    23,925).
    """
    from bma_etl.read.ocr_sara_am import _cut, _dictionary
    from bma_etl.read.ocr_words import lexicon

    run = next(m for m in RUN.finditer(text) if m.start() <= start < m.end())
    fixed = run[0][: start - run.start()] + marked + run[0][end - run.start() :]
    counts = lexicon().attested
    grown = len(marked) - (end - start)
    for cut, as_read in ((run[0], True), (fixed, False)):
        at = run.start()
        for word in _cut(cut, _dictionary()):
            if at + len(word) > start:
                break
            at += len(word)
        if at + len(word) < (end if as_read else start + len(marked)):
            continue  # the change runs past the word
        if as_read:  # the word as read, written with the change
            ours, theirs = word, text[at:start] + marked + text[end : at + len(word)]
        else:  # the word the change makes, and the letters read there
            ours, theirs = text[at : at + len(word) - grown], word
        if theirs in _dictionary() and counts.get(theirs, 0) > COMMONER_BY * counts.get(ours, 0):
            return True
    return False


def _offsets(raw: str) -> list[int]:
    """Offsets of each key letter of ``raw`` (a window's text) and its end."""
    return [k for k, ch in enumerate(raw) if not _MARK.match(ch)] + [len(raw)]


def _narrowed(read: str, other: str) -> tuple[int, int, str]:
    """``read``'s span and ``other``'s text that differ, each a whole letter with its marks."""
    p, end, _ = narrowed_edit(read, 0, len(read), other)
    q = len(read) - end
    while p > 0 and (_MARK.match(other[p : p + 1]) or _MARK.match(read[p : p + 1])):
        p -= 1  # back to the letter the marks are on
    while q > 0 and _MARK.match(read[len(read) - q]):
        q -= 1  # on to the letter after the marks
    return p, len(read) - q, other[p : len(other) - q]

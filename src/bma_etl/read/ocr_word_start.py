"""A RO RUA OCR read twice at a word's start, or for the SARA A after it (``รระดับ``, ``รรดับ``).

Stage: read (:func:`.ocr_lexicon.restored` runs it after SARA AM is put back).
Debian's ``tha`` model reads the cell rule or a speck before a word opening with
``ระ`` as a second ``ร`` (``รระดับความสำเร็จ``), or reads the SARA A as ``ร``
(``รรดับความสำเร็จ``). No Thai word opens with two RO RUA but the abbreviation
of a school, which keeps its point (``รร.``); the run is cut into words (as
:mod:`.ocr_sara_am` does, over pythainlp's word list joined with Volubilis) once
as read and once each with the first ``รร`` read as ``ร`` and as ``ระ``. A reading
is kept only when every word of its cut is in the list and its cut has fewer words
than the run as read (or the run as read has a word the list lacks) and than the
other reading, or as many words as the other but :data:`~.ocr_words.DOMINANCE` times
as common in the Phupha counts (``ระยะ``, not the rare ``รยะ``); otherwise the run
stays as read.
"""

from __future__ import annotations

import math

from bma_etl.read.ocr_sara_am import _cut, _dictionary, _words
from bma_etl.read.ocr_words import DOMINANCE, lexicon

__all__ = ["doubled_ro_run"]

_DOUBLED = "รร"
#: What the doubled RO RUA was: one read twice, or RO RUA and SARA A.
_READINGS = ("ร", "ระ")


def _ends(cut: list[str], shift: int) -> list[int]:
    """The offsets in the run as read where the words of ``cut`` end."""
    out, at = [], shift
    for word in cut:
        at += len(word)
        out.append(at)
    return out


def doubled_ro_run(run: str) -> list[tuple[int, int, str]]:
    """The change to make at the start of one run of Thai letters, offsets in ``run``.

    ``[(0, 2, "ร")]``, ``[(0, 2, "ระ")]`` or ``[]``.
    Only a run opening with ``รร`` and more letters is looked at. The readings are
    compared up to the first place where the cut as read and every reading's cut
    end a word (words further on are the same in all, known or not); a reading
    whose cut never ends a word where the run as read does is left out.
    """
    if not run.startswith(_DOUBLED) or len(run) <= len(_DOUBLED):
        return []
    words, trie = _words(), _dictionary()
    read_cut = _cut(run, trie)
    read = _ends(read_cut, 0)
    readings: dict[str, tuple[list[str], list[int]]] = {}
    for reading in _READINGS:
        cut = _cut(reading + run[len(_DOUBLED):], trie)
        ends = _ends(cut, len(_DOUBLED) - len(reading))
        if any(e > len(_DOUBLED) and e in read for e in ends):
            readings[reading] = cut, ends
    # compared up to the first word end the run as read and every reading share
    shared = set(read).intersection(*(ends for _, ends in readings.values()))
    common = min((e for e in shared if e > len(_DOUBLED)), default=None)
    if common is None:
        return []
    before = read_cut[:read.index(common) + 1]
    found: list[tuple[int, float, str]] = []
    for reading, (cut, ends) in readings.items():
        mine = cut[:ends.index(common) + 1]
        if all(word in words for word in mine) and (len(mine) < len(before) or any(
                word not in words for word in before)):
            found.append((len(mine), sum(lexicon().cost(word) for word in mine), reading))
    found.sort()
    if not found:
        return []
    if len(found) > 1 and found[1][0] == found[0][0] \
            and found[1][1] - found[0][1] < math.log10(DOMINANCE):
        return []  # as many words, and neither reading far the commoner
    return [(0, len(_DOUBLED), found[0][2])]

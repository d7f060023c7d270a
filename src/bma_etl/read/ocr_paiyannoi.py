"""A PAIYANNOI OCR read as MAI YAMOK after a word the document abbreviates, put back.

Stage: read (:func:`bma_etl.read._with_marks_restored` runs it over a document's
OCR'd pages after the marks are put back). Debian's ``tha`` model reads ``ฯ``
(PAIYANNOI, a name cut short: ``ส่วนยุทธศาสตร์ฯ``, ``งบฯ``) now and then as the ``ๆ``
(MAI YAMOK, a word said twice) it looks like: a plan's unit ``(ส่วนยุทธศาสตร์ฯ)``
read ``(ส่วนยุทธศาสตร์ๆ)`` on a 200 dpi scan. (Read twice, ``ๆฯ``, the ``ๆ`` is taken out
as the page is tidied: :func:`~.ocr_specks.without_yamok_before_paiyannoi`.) A word is
cut short with ``ฯ`` or said twice with ``ๆ``, never both: a ``ๆ`` glued to a Thai run
is written ``ฯ`` where the document's OCR'd pages write the same run's last letters
(:data:`TAIL` of its key, :func:`bma_etl.matchkey.key_map`, at least :data:`MIN_TAIL`)
before a ``ฯ`` at least as often as before a ``ๆ`` (the misread counted: a unit a plan
names twice, read once each way, is the ``ฯ``'s; OCR reads the plainer mark for the
fuller, not the other way). A ``ๆ`` after a word the document never cuts short
(``ต่างๆ``, ``เด็กๆ``) stays as read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from bma_etl.matchkey import key_map

__all__ = ["paiyannoi_put_back"]

PAIYANNOI, MAI_YAMOK = "\u0e2f", "\u0e46"
#: Letters of a run's key (its last) compared: enough that two words alike are one
#: word, few enough that a name glued to what OCR read before it still matches.
TAIL = 8
#: Letters of the key a run must hold to be compared (``งบ`` of ``งบฯ`` is two: a
#: shorter run is compared whole).
MIN_TAIL = 2
#: A Thai run glued to a PAIYANNOI or a MAI YAMOK.
_MARKED = re.compile(
    f"([\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e]+)([{PAIYANNOI}{MAI_YAMOK}])"
)


def _tail(run: str) -> str | None:
    """The last :data:`TAIL` letters of ``run``'s key, or None when it has too few."""
    key = key_map(run)[0]
    return key[-TAIL:] if len(key) >= MIN_TAIL else None


def paiyannoi_put_back(texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
    r"""For each text of a document, the ``ๆ`` to write ``ฯ``: edits ``(start, end, "ฯ")``.

    ``texts`` are the document's OCR'd pages; edits are in order and apart (see the
    module docstring).

    >>> paiyannoi_put_back(["หลัก : ส่วนยุทธศาสตร์ฯ\n(ส่วนยุทธศาสตร์ๆ) และต่างๆ"])
    [[(38, 39, 'ฯ')]]
    """
    marks: dict[str, Counter[str]] = {}
    found: list[list[tuple[str | None, int, str]]] = []
    for text in texts:
        here = []
        for m in _MARKED.finditer(text):
            tail = _tail(m.group(1))
            here.append((tail, m.start(2), m.group(2)))
            if tail is not None:
                marks.setdefault(tail, Counter())[m.group(2)] += 1
        found.append(here)
    out: list[list[tuple[int, int, str]]] = []
    for here in found:
        edits = []
        for tail, at, mark in here:
            seen = marks.get(tail, Counter()) if tail is not None else Counter()
            if mark == MAI_YAMOK and seen[PAIYANNOI] >= seen[MAI_YAMOK]:
                edits.append((at, at + 1, PAIYANNOI))
        out.append(edits)
    return out

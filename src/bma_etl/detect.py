"""Layout detection: score every registered layout, keep the best.

Stage: detect. Consumes a :class:`~bma_etl.layouts.base.RepairedText`; produces a
:class:`Detection`, or raises :class:`~bma_etl.errors.UnknownLayout` when no
layout scores at least :data:`THRESHOLD`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bma_etl.errors import UnknownLayout
from bma_etl.layouts import REGISTRY
from bma_etl.layouts.base import Layout, RepairedText, score_signals

log = logging.getLogger(__name__)

#: The lowest score that counts as a match.
THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class Detection:
    """The layout chosen for a document, its score, and every layout's score."""

    layout: Layout
    score: float
    scores: dict[str, float]


def score_all(doc: RepairedText) -> dict[str, float]:
    """Every registered layout's score for ``doc``, best first."""
    scores: dict[str, float] = {}
    for layout in REGISTRY:
        try:
            value = float(layout.score(doc))
        except Exception:  # a scorer must never sink detection; log it as a bug
            log.exception("scorer of %s raised", layout.layout_id)
            value = 0.0
        scores[layout.layout_id] = max(0.0, min(1.0, value))
    return dict(sorted(scores.items(), key=lambda kv: -kv[1]))


def score_all_damaged(doc: RepairedText, fuzzy: bool = False) -> dict[str, float]:
    """Every layout's score with its signals also matched in key form (and approximately)."""
    scores: dict[str, float] = {}
    for layout in REGISTRY:
        value = (score_signals(doc, layout.signals, keyed=True, fuzzy=fuzzy)
                 if layout.signals else float(layout.score(doc)))
        scores[layout.layout_id] = max(0.0, min(1.0, value))
    return dict(sorted(scores.items(), key=lambda kv: -kv[1]))


def detect(doc: RepairedText) -> Detection:
    """Return the best-scoring layout, or raise UnknownLayout.

    When no layout reaches :data:`THRESHOLD`, the signals are looked for in the
    key form of the text (marks and spaces that PDFs and OCR change do not
    count), then their phrases approximately (OCR reads ``แสดง`` as ``เสดง``),
    before giving up.
    """
    scores = score_all(doc)
    best_id, best = next(iter(scores.items()), ("", 0.0))
    for fuzzy in (False, True):  # the text as PDFs and OCR damage it
        if best >= THRESHOLD:
            break
        again = score_all_damaged(doc, fuzzy)
        if next(iter(again.values()), 0.0) > best:
            scores = again
            best_id, best = next(iter(scores.items()))
    if best < THRESHOLD:
        shown = ", ".join(f"{k} {v:.2f}" for k, v in scores.items())
        raise UnknownLayout(
            f"no known layout recognised (best scores: {shown}); "
            "check the file is a BMA progress form, tracking-system page or action plan"
        )
    layout = next(lay for lay in REGISTRY if lay.layout_id == best_id)
    return Detection(layout, best, scores)

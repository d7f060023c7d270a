"""Levels of an OCR'd scoring table that OCR lost or misread, given by their places.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_flow_levels`, not a layout).
A scoring table (เกณฑ์การให้คะแนน) lists its five levels in order, 5..1 or 1..5,
each with its weight, a share of the indicator's full score that grows with the
level (``๕ ร้อยละ ๑๐๐ ของน้ำหนักคะแนน`` ... ``๑ ร้อยละ ๖๐ ...``). On an OCR'd page
a level's digit may be lost or read as another (Debian's model has no ``๔``;
Tesseract may read the level column as a block of its own and set its digits
after the table). The table's order is told by the levels read
(:func:`~bma_etl.normalize.trust_places.level_places`) or, when too few were read to tell
it, by the weights read (:func:`weight_places`). Consumes one table's
``plan_scoring_levels`` raw rows; gives a lost or misread level the level of its
place as a :class:`~bma_etl.layouts.base.Derived` value that quotes what OCR read.
"""

from __future__ import annotations

from itertools import pairwise

from bma_etl.layouts.base import Derived, Raw, RawRow
from bma_etl.layouts.plan_values import to_int
from bma_etl.normalize.trust_places import level_places

__all__ = ["levels_by_place", "weight_places"]

#: Levels a scoring table lists.
LEVELS = 5
#: Fewest weights read, in one order, that tell the table's order.
_WEIGHTS_MIN = 3


def weight_places(weights: list[int | None], read: list[int | None]
                  ) -> tuple[int, ...] | None:
    """The levels a table's places give by its weights, or None when they do not tell.

    ``weights``: each row's weight in percent as read (None: not read), ``read``
    its level as read. A level's weight grows with the level: weights falling down
    the rows are levels 5..1, rising 1..5. At least :data:`_WEIGHTS_MIN` weights
    must be read, every one strictly past the one before in that order, and no
    level read may say another order.

    >>> weight_places([100, 90, 80, 70, 60], [None, None, 3, None, None])
    (5, 4, 3, 2, 1)
    >>> weight_places([60, None, 80, 90, None], [None, None, None, None, None])
    (1, 2, 3, 4, 5)
    >>> weight_places([100, 90, 80, 70, 60], [1, None, None, None, None]) is None
    True
    >>> weight_places([100, 90, 95, 70, 60], [None] * 5) is None
    True
    """
    if len(weights) != LEVELS or len(read) != LEVELS:
        return None
    seen = [w for w in weights if w is not None]
    if len(seen) < _WEIGHTS_MIN:
        return None
    if all(a > b for a, b in pairwise(seen)):
        order = tuple(range(LEVELS, 0, -1))
    elif all(a < b for a, b in pairwise(seen)):
        order = tuple(range(1, LEVELS + 1))
    else:
        return None
    if any(got is not None and got != want for got, want in zip(read, order, strict=True)):
        return None
    return order


def levels_by_place(rows: list[RawRow]) -> None:
    """Give the levels of one OCR'd table (``rows``) lost or misread the level their place says.

    Only a table of all five levels whose order its levels
    (:func:`~bma_etl.normalize.trust_places.level_places`) or else its weights
    (:func:`weight_places`) tell; the level is derived, its note quoting what OCR
    read. Changes ``rows`` in place.
    """
    if len(rows) != LEVELS:
        return
    raws = [r.fields.get("level") for r in rows]
    read = [to_int(r.text) if isinstance(r, Raw) else None for r in raws]
    places = level_places(read)
    if places is None:
        weights = [r.fields.get("weight_pct") for r in rows]
        places = weight_places([to_int(w.text) if isinstance(w, Raw) else None
                                for w in weights], read)
    if places is None:
        return
    for row, raw, got, want in zip(rows, raws, read, places, strict=True):
        if got == want:
            continue
        seen = f"OCR read {raw.text!r}" if isinstance(raw, Raw) else "OCR read no level"
        row.fields["level"] = Derived(
            want, f"level {want} from its place in the table's {LEVELS} levels ({seen})",
            raw.span if isinstance(raw, Raw) else None)

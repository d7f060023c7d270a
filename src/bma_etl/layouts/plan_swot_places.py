"""SWOT item numbers OCR lost, given by the item's place in its list.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_swot`, not a layout).
Consumes the ``plan_swot_items`` raw rows of one plan, in document order; sets the
``seq`` of an item whose number OCR did not read (``ร) บุคลากร...``, ``| บุคลากร...``,
the number lost) to its place in its kind's list, when the list's other numbers
say the list is numbered 1, 2, 3... in order: two or more of them read, every one
its place (a list of two: the other one); or one read, below its place's count of
items (``2`` under one item, ``4`` under three): the items above it only. A number
read as another than its place (a list OCR read an item of twice, or lost one)
leaves the list as read. The number is derived, its note naming the place.
"""

from __future__ import annotations

from bma_etl.layouts.base import Derived, Raw, RawRow
from bma_etl.layouts.plan_cells import DIGITS_RE
from bma_etl.layouts.plan_values import to_int

__all__ = ["seqs_by_place"]

#: Numbers read that must agree with their places (fewer when the list is shorter).
_AGREEING_MIN = 2


def seqs_by_place(rows: list[RawRow]) -> None:
    """Give each numbered list's items whose number OCR lost the number their place says.

    ``rows``: ``plan_swot_items`` raw rows; a list is a run of rows of one kind
    heading (the same ``kind`` value). A bulleted list (no ``seq`` field) is left alone.
    """
    start = 0
    while start < len(rows):
        end = start + 1
        while end < len(rows) and rows[end].fields.get("kind") is rows[start].fields.get("kind"):
            end += 1
        _by_place(rows[start:end])
        start = end


def _by_place(items: list[RawRow]) -> None:
    if any("seq" not in row.fields for row in items):
        return
    read = [_number(row.fields["seq"]) for row in items]
    if any(got is not None and got != place for place, got in enumerate(read, start=1)):
        return
    agreeing = sum(got is not None for got in read)
    if agreeing == len(items) or agreeing == 0:
        return
    # Fewer numbers read than that: the one read (``2``) says the items above it are
    # as many as its place says, so they are numbered; those after it are not.
    last = len(items) if agreeing >= max(1, min(_AGREEING_MIN, len(items) - 1)) \
        else max(place for place, got in enumerate(read, start=1) if got is not None) - 1
    for place, (row, got) in enumerate(zip(items[:last], read, strict=False), start=1):
        if got is None:
            row.fields["seq"] = Derived(
                place, f"item {place} of its list: the list's other numbers read their places"
            )


def _number(value: object) -> int | None:
    """The number a ``seq`` field read (None: not read, or not a number)."""
    if not isinstance(value, Raw) or DIGITS_RE.fullmatch(value.text.strip()) is None:
        return None
    return to_int(value.text)

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

An item whose number OCR lost where it stood alone at a page's foot (fpdf2 leaves
``๔.`` over the page's number when the item's words go to the next page) opens
the next page with no number: it is an item of its own, not the rest of the item
above, when the next number read is two past that item's place
(:func:`number_skipped`).
"""

from __future__ import annotations

from bma_etl.layouts.base import Derived, Line, Raw, RawRow
from bma_etl.layouts.plan_cells import DIGITS_RE, blank_tags
from bma_etl.layouts.plan_swot_forms import OCR, swot_item
from bma_etl.layouts.plan_values import to_int

__all__ = ["number_skipped", "seqs_by_place"]

#: Most lines of one item's words between a page's first line and the next number.
_RUN_MAX = 4

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


def number_skipped(lines: list[Line], i: int, last: RawRow, last_no: int | None,
                   gaps: frozenset[int] | set[int]) -> bool:
    """Whether line ``i``, unnumbered, is an item of its own whose number OCR lost.

    ``last``: the list's item above (its place ``last_no``); ``gaps``: line numbers
    that are page furniture. It is when the next item number read within
    :data:`_RUN_MAX` lines (no blank line between; a number alone on its line counts,
    its point read or not) is ``last_no + 2`` and the item
    above's own number, where read, is its place: the number between them was lost.
    """
    if last_no is None or _number(last.fields.get("seq")) not in (None, last_no):
        return False
    for line in lines[i + 1:i + 1 + _RUN_MAX]:
        if line.no in gaps:
            continue
        text = blank_tags(line.text)
        if not text.strip():
            return False
        bare = text.strip().rstrip(".")
        if DIGITS_RE.fullmatch(bare):  # a number alone, its point lost (``3`` for ``3.``)
            return to_int(bare) == last_no + 2
        found = swot_item(text, OCR, last_no + 2)
        m = found[0] if found is not None and found[1] is not None else OCR.alone.match(text)
        if m is not None:
            no = m.group(found[1] if found is not None and found[1] is not None else "no")
            return DIGITS_RE.fullmatch(no) is not None and to_int(no) == last_no + 2
    return False

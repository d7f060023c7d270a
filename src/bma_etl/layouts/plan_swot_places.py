"""SWOT item numbers OCR lost, given by the item's place in its list.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_swot`, not a layout).
Consumes the ``plan_swot_items`` raw rows of one plan, in document order; sets the
``seq`` of an item whose number OCR did not read (``ร) บุคลากร...``, ``| บุคลากร...``,
the number lost) to its place in its kind's list, when the list's other numbers
say the list is numbered 1, 2, 3... in order: two or more of them read, every one
its place (a list of two: the other one); or one read, below its place's count of
items (``2`` under one item, ``4`` under three): the items above it only. A number
read as another than its place (a list OCR read an item of twice, or lost one)
leaves the list as read. The number is derived, its note naming the place. A
number read out of the list's rising order (``2`` after ``4``: ``๕`` misread) is no
number first (:func:`out_of_order`), NULL with a finding unless its place numbers it.

An item whose number OCR lost where it stood alone at a page's foot (fpdf2 leaves
``๔.`` over the page's number when the item's words go to the next page) opens
the next page with no number: it is an item of its own, not the rest of the item
above, when the next number read is two past that item's place
(:func:`number_skipped`).
"""

from __future__ import annotations

from bma_etl.layouts.base import Derived, Finding, Line, Raw, RawRow
from bma_etl.layouts.plan_cells import DIGITS_RE, blank_tags
from bma_etl.layouts.plan_swot_forms import OCR, swot_item
from bma_etl.layouts.plan_values import to_int

__all__ = ["number_skipped", "out_of_order", "seqs_by_place"]

#: Most lines of one item's words between a page's first line and the next number.
_RUN_MAX = 4

#: Numbers read that must agree with their places (fewer when the list is shorter).
_AGREEING_MIN = 2


def seqs_by_place(rows: list[RawRow], findings: list[Finding] | None = None) -> None:
    """Give each numbered list's items whose number OCR lost the number their place says.

    ``rows``: ``plan_swot_items`` raw rows; a list is a run of rows of one kind
    heading (the same ``kind`` value). A bulleted list (no ``seq`` field) is left alone.
    A number read out of its list's rising order first goes (:func:`out_of_order`:
    ``2`` after ``4``, ``6`` above ``3``); its place may then number it. One left
    NULL gets an ``ocr_doubtful_value`` finding in ``findings``.
    """
    start = 0
    while start < len(rows):
        end = start + 1
        while end < len(rows) and rows[end].fields.get("kind") is rows[start].fields.get("kind"):
            end += 1
        items = rows[start:end]
        doubted = []
        if all("seq" in row.fields for row in items):
            read = [_number(row.fields["seq"]) for row in items]
            for k in sorted(out_of_order(read)):
                doubted.append((items[k], read[k]))
                items[k].fields["seq"] = None
        _by_place(items)
        for row, got in doubted:
            if row.fields.get("seq") is None and findings is not None:
                findings.append(Finding(
                    "plan_swot_items", row.ordinal, "seq", "warning", "ocr_doubtful_value",
                    f"OCR read the item number {got}, out of its list's rising order "
                    "(a digit misread, this one's or a neighbour's): not loaded"))
        start = end


def out_of_order(read: list[int | None]) -> set[int]:
    """The places of a numbered list whose number read breaks the list's rising order.

    ``read``: each item's number (None: not read), in the order printed. A list's
    numbers rise, so the numbers kept are those in every longest strictly rising run
    of them; a number outside one (``2`` after ``1, 2, 3, 4``; ``6`` above ``3, 4``)
    is a misread, and where either of two can be (``4`` then ``3``; ``2`` twice)
    neither is trusted. A number skipped (``1, 2, 4``: an item OCR lost) breaks no order.

    >>> sorted(out_of_order([1, 2, 3, 4, 2])), sorted(out_of_order([6, None, 3, 4]))
    ([4], [0])
    >>> sorted(out_of_order([1, 2, 2, 4])), sorted(out_of_order([1, 2, 4, 5]))
    ([1, 2], [])
    """
    known = [k for k, got in enumerate(read) if got is not None]
    numbers = [read[k] or 0 for k in known]
    ending = [1] * len(numbers)  # the longest rising run ending at each number
    for b in range(len(numbers)):
        for a in range(b):
            if numbers[a] < numbers[b]:
                ending[b] = max(ending[b], ending[a] + 1)
    starting = [1] * len(numbers)  # ... and starting at each
    for a in reversed(range(len(numbers))):
        for b in range(a + 1, len(numbers)):
            if numbers[a] < numbers[b]:
                starting[a] = max(starting[a], starting[b] + 1)
    best = max(ending, default=0)
    on_some = [k for k in range(len(numbers)) if ending[k] + starting[k] - 1 == best]
    levels = [ending[k] for k in on_some]
    on_every = {k for k in on_some if levels.count(ending[k]) == 1}
    return {known[k] for k in range(len(numbers)) if k not in on_every}


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

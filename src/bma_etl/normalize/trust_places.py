"""Numbers OCR may have misread, checked by their place in the list they number.

Stage: normalize (a helper of :mod:`bma_etl.normalize.trust`). A list the page
numbers 1, 2, 3... (a plan's SWOT items under each heading, a budget table's
projects, a project's steps, a scoring table's five levels 5..1 or 1..5) gives each of its rows the
number of its place. A number OCR read doubtfully (Thai digits: Debian's model
reads ``๔`` as ``๕``, ``๖`` as ``๒``) is confirmed by its place only when the
list's other numbers say its places are not shifted: :func:`numbered_place`,
:func:`level_places`.
"""

from __future__ import annotations

__all__ = ["level_places", "numbered_place"]


def numbered_place(numbers: list[int | None], at: int) -> tuple[bool, str | None]:
    """Whether the number of a list's row ``at`` (0-based) is confirmed by its place.

    ``numbers``: the list's numbers as loaded, in the order printed (None: OCR
    read none; a number read doubtfully counts as read). The number of row ``at``
    is confirmed (``(True, None)``) when it is its place (``at + 1``), every number
    read above it is its own place, and its place is anchored: it is the first, or
    the row right before or after it reads its own place as well. A row OCR lost
    or made of a wrapped line (no number) shifts the rows below it one place: those
    then read numbers that are not their places, but a ``๔`` read ``๕`` right
    below a made row would match its place; the anchor rules that out. Otherwise
    ``(False, why)``. A number read below it that is not its place (``๕`` for ``๔``)
    says nothing of the rows above.

    >>> numbered_place([1, 2, 3], 2), numbered_place([None, 2], 1)[0]
    ((True, None), False)
    >>> numbered_place([1, 2, 3, 5, 5], 2)[0], numbered_place([1, 3, 3], 2)[0]
    (True, False)
    """
    place = at + 1
    if numbers[at] != place:
        return False, f"it stands in place {place} of its list's {len(numbers)} numbers"
    if any(got is not None and got != k for k, got in enumerate(numbers[:at], start=1)):
        return False, "a number above it in its list is not its place (an item lost or added)"
    if place == 1 or numbers[at - 1] == place - 1 \
            or (place < len(numbers) and numbers[at + 1] == place + 1):
        return True, None
    return False, (f"it stands in place {place}, but the rows either side of it read no "
                   "number of their place: its place may be shifted")


def level_places(read: list[int | None]) -> tuple[int, ...] | None:
    """The levels a scoring table's places give, or None when its order is not plain.

    ``read`` is the level each row of the table read as, in order (None: not
    read). A table listing levels 5..1 (or 1..5) in order gives each place its
    level: the order is plain when all five rows are there, none of them (but the
    middle one, the same in both) read its place's level in the other order, and
    three or more read their place's level in the one order, or two off the middle
    do and no level read says otherwise (the others OCR lost: their cells read empty).
    A misread level then stands refuted by the others.

    >>> level_places([5, 5, 3, 2, 1]), level_places([None, 2, 3, 4, 5])
    ((5, 4, 3, 2, 1), (1, 2, 3, 4, 5))
    >>> level_places([None, None, None, 2, 1])
    (5, 4, 3, 2, 1)
    >>> level_places([5, 5, 3, None, None]) is None, level_places([5, 2, 3, 4, 1]) is None
    (True, True)
    >>> level_places([None, None, 3, None, None]) is None, level_places([5, None, 3, None, None])
    (True, None)
    """
    count = len(read)
    if count != 5:
        return None
    down = tuple(range(count, 0, -1))
    up = tuple(range(1, count + 1))
    agree = {order: sum(got == want for got, want in zip(read, order, strict=True))
             for order in (down, up)}
    middle = (count + 1) // 2
    said = [(place, got) for place, got in enumerate(read, start=1) if got is not None]
    for order, other in ((down, up), (up, down)):
        others = sum(got == want for place, (got, want) in
                     enumerate(zip(read, other, strict=True), start=1) if place != middle)
        off_middle = [got == order[place - 1] for place, got in said if place != middle]
        if others == 0 and (agree[order] >= 3 or (
                agree[order] == len(said) and sum(off_middle) >= 2)):
            return order
    return None

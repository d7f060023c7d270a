"""Which lines repeated at a page edge stand there as a running header or footer does.

Part of the document model (a helper of :mod:`bma_etl.furniture`). A running header
or footer stands at the same edge of most pages after the first, or of a run of
pages one after another (a section's header over its own pages), or of every
other page (a book's even and odd pages). A body line that a plan repeats (a definition's
wording, a scoring level's line) may come to stand at the top of two pages by the
way a large print breaks them, pages apart with other lines at that edge between:
that line is content, not furniture; so is one a break left at the same edge of
two pages in a row (a step table's header, a heading, a word's end), when the
other pages have no line repeated at that edge.
"""

from __future__ import annotations

from collections import Counter

#: Least similarity (0..100) of another page's edge line to a repeated one for that
#: page to count as one it stands on (OCR reads a running header differently).
MIN_SIMILARITY = 90.0
#: Fewest characters (key form) of a line matched by similarity, not only exactly.
MIN_FUZZY_CHARS = 8

Place = tuple[str, int]


def running_lines(marks: list[set[tuple[Place, str]]]) -> set[tuple[Place, str]]:
    """The repeated ``(place, signature)`` pairs of ``marks`` that stand like furniture.

    ``marks``: each page's edge lines as ``(place, signature)`` (place
    ``("top", 0)`` or ``("bottom", 0)``; a page number's place -1 is left out). A
    signature that two pages or more have at that edge is kept when the pages it
    stands on, its own or nearly the same (:data:`MIN_SIMILARITY`, OCR), are half
    the pages after the first or more, or when each page between them has at that
    edge a line repeated too (another section's header, the other side's of a
    book) or none: body lines, each its own, stand between a body line's pages.
    Two pages in a row only, fewer than half, are a section's own when another
    page after the first has a line repeated at that edge too (:func:`_others_repeat`).

    >>> top = ("top", 0)
    >>> pages = [{(top, "ชื่อเรื่อง")}, {(top, "นิยาม ความสำเร็จ")}, {(top, "ข้อความ ก")},
    ...          {(top, "ข้อความ ข")}, {(top, "นิยาม ความสำเร็จ")}, {(top, "ข้อความ ค")}]
    >>> running_lines(pages)
    set()
    >>> sorted(running_lines(pages[:2] + [{(top, "นิยาม ความสำเร็จ")}] + pages[2:4]))
    [(('top', 0), 'นิยาม ความสำเร็จ')]
    """
    from rapidfuzz.fuzz import ratio

    counts = Counter(item for page in marks for item in page)
    out: set[tuple[Place, str]] = set()
    for (place, sig), n in counts.items():
        if n < 2 or not sig or place[1] != 0:
            continue
        near = len(sig) >= MIN_FUZZY_CHARS
        pages = [k for k, page in enumerate(marks)
                 if any(at == place and (other == sig or (near and ratio(other, sig)
                                                          >= MIN_SIMILARITY))
                        for at, other in page)]
        if 2 * len(pages) >= len(marks) - 1 or (all(
                all(counts[(at, other)] >= 2 for at, other in marks[k] if at == place)
                for k in range(pages[0] + 1, pages[-1]) if k not in pages)
                and (len(pages) > 2 or _others_repeat(marks, counts, place, pages))):
            out.add((place, sig))
    return out


def _others_repeat(marks: list[set[tuple[Place, str]]], counts: Counter[tuple[Place, str]],
                   place: Place, pages: list[int]) -> bool:
    """Whether a page after the first, outside ``pages``, has at ``place`` a line repeated too.

    Two pages in a row are a section's own when the other sections have headers (or
    footers) of their own; a body line that a break happened to leave at the same
    edge of two pages in a row (a step table's header, a heading or a word's end
    over a page's foot, a scoring level's last line that two indicators' tables
    share) has only body lines, each its own, at the others' edges. A line of no
    letter that repeats by its page's number alone is no section's (:func:`_worded`).
    """
    return any(counts[(at, other)] >= 2 and _worded(other)
               for k in range(1, len(marks)) if k not in pages
               for at, other in marks[k] if at == place)


def _worded(signature: str) -> bool:
    """Whether a signature has a letter: a section's header or footer is worded.

    A line of no letter repeats as a signature only by its page's number (``#``):
    a list item's number a break left at the foot of its page, ``1.`` under page
    one and ``2.`` under page two, tells of no section's own footer.

    >>> _worded("#."), _worded("บทที่#")
    (False, True)
    """
    return any(ch.isalpha() for ch in signature)


__all__ = ["running_lines"]

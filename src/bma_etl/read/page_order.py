"""Pages fed twice or out of order: a sheet feeder's batch read as one document.

Stage: read. A scanner's feeder may take a sheet twice (the same page scanned
again) or take a stack face down (the pages in reverse order). :func:`in_order`
takes a PDF's pages as read and gives them back as the document's pages:

* A page whose text is the text of a page read before it (the same lines, or
  nearly: two scans of one sheet read by OCR differ in a few letters) is that page
  again and is skipped. Nearly is :data:`SAME_TEXT` of its letters alike
  (:func:`rapidfuzz.fuzz.ratio`, spaces aside) and :data:`SAME_DIGITS` of its
  digits alike: two reports of one form share most of their words but not their
  codes, dates and amounts. A page of under :data:`MIN_LETTERS` letters (a blank
  or a cover leaf) is never taken for a repeat.
* A page's own number, printed at its top or bottom edge (``หน้า 2``,
  ``หน้า 2/3``, ``- 2 -``, a bare ``2`` as its last or first line, Thai digits
  too), gives the order: when every page but at most one names one, the numbers
  are distinct and run without a gap (the one unnumbered page filling the only
  gap there is), and the file's order is another, the pages are put in their
  numbers' order. A page without text keeps its place after the page before it.
  Otherwise the file's order is kept: two documents in one file (page 1 twice)
  are left to :mod:`bma_etl.parts`.
* Pages whose numbered rows run on backwards (a table's rows 5-9 on page 1 and 1-4
  on page 2: a stack fed face down whose page numbers were not read;
  :func:`run_on_backwards`) are read in reverse when they do so at every page that
  numbers rows (each such page's first rows carry on from the next one's last), as a
  stack fed face down is; pages that run on backwards at some pages only keep the
  file's order with a ``pages_out_of_order`` note naming the pages.

What was done is said in a note per change, for a quality issue.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from typing import Protocol, TypeVar

from bma_etl.normalize.digits import to_arabic_digits

#: Letters (spaces aside) a repeated page must share with the page it repeats (0..100).
SAME_TEXT = 90.0
#: Digits (in order) a repeated page must share with the page it repeats (0..100).
SAME_DIGITS = 85.0
#: A page with fewer letters (spaces aside) is never taken for a repeat.
MIN_LETTERS = 200
#: Lines at each edge of a page searched for its number.
EDGE_LINES = 3
#: A page number is at most this large.
MAX_PAGE = 999

#: Page-number styles, most telling first: ``(style, pattern)`` on an edge line.
_STYLES = (
    ("หน้า", re.compile(r"(?:^|\s)หน้า(?:ที่)?\s*(\d{1,3})(?:\s*(?:/|จาก)\s*\d{1,3})?$")),
    ("page", re.compile(r"(?i)^page\s*(\d{1,3})(?:\s*(?:/|of)\s*\d{1,3})?$")),
    ("dash", re.compile(r"^[-–—]\s*(\d{1,3})\s*[-–—]$")),
    ("bare", re.compile(r"^(\d{1,3})$")),
)


class _Page(Protocol):
    @property
    def text(self) -> str: ...


P = TypeVar("P", bound=_Page)


def _letters(text: str) -> str:
    r"""``text`` without its white space (``str.split``'s, the same as ``\s``'s)."""
    return "".join(text.split())


def _digits(text: str) -> str:
    r"""The page's numbers in Arabic digits, space-separated.

    ``\d`` matches Thai digits too: only the numbers found are translated, not the
    page (a dict lookup for every Thai letter costs more than the search).
    """
    return " ".join(to_arabic_digits(number) for number in re.findall(r"\d+", text))


def repeated(pages: list[str]) -> dict[int, int]:
    """0-based pages that repeat an earlier page → the page they repeat (0-based)."""
    from rapidfuzz import fuzz

    letters = [_letters(t) for t in pages]
    digits = [_digits(t) for t in pages]
    out: dict[int, int] = {}
    for k in range(len(pages)):
        if len(letters[k]) < MIN_LETTERS:
            continue
        for j in range(k):
            if j in out or len(letters[j]) < MIN_LETTERS:
                continue
            # The digits first: a few dozen a page against thousands of letters, and
            # pages that differ differ most in them (codes, dates, amounts).
            if fuzz.ratio(digits[k], digits[j]) >= SAME_DIGITS \
                    and fuzz.ratio(letters[k], letters[j], score_cutoff=SAME_TEXT):
                out[k] = j
                break
    return out


def _edge_lines(text: str) -> list[tuple[str, bool]]:
    """The page's last lines, then its first (:data:`EDGE_LINES` each), stripped.

    Each with whether it is the page's very last or first line. Thai digits become
    Arabic; the bottom comes first: a page's number stands most often in its footer.
    """
    lines = [stripped for line in text.splitlines() if (stripped := line.strip())]
    last = len(lines) - 1
    at = list(range(last, -1, -1)) if len(lines) <= 2 * EDGE_LINES else \
        [*range(last, last - EDGE_LINES, -1), *range(EDGE_LINES)]
    return [(to_arabic_digits(lines[k]), k in (0, last)) for k in at]


def page_numbers(pages: list[str]) -> list[int | None]:
    r"""Each page's own printed number, in the one style most pages use; None where none.

    >>> page_numbers(["a\nb\n- 2 -", "x\n- 1 -", ""])
    [2, 1, None]
    """
    found: list[dict[str, int]] = []
    for text in pages:
        styles: dict[str, int] = {}
        for line, outermost in _edge_lines(text):
            for style, pattern in _STYLES:
                if style == "bare" and not outermost:
                    continue  # a bare number within a page is a table's or a list's
                m = pattern.search(line)
                if m and style not in styles and 0 < int(m.group(1)) <= MAX_PAGE:
                    styles[style] = int(m.group(1))
        found.append(styles)
    counts = Counter(style for styles in found for style in styles)
    if not counts:
        return [None] * len(pages)
    rank = {style: i for i, (style, _) in enumerate(_STYLES)}
    style = max(counts, key=lambda s: (counts[s], -rank[s]))
    return [styles.get(style) for styles in found]


def printed_order(pages: list[str]) -> list[int] | None:
    r"""The 0-based pages in their printed numbers' order; None when it cannot be told.

    >>> printed_order(["x\nหน้า 2", "", "y\nหน้า 1"])
    [2, 0, 1]
    """
    written = [k for k, text in enumerate(pages) if text.strip()]
    if len(written) < 2:
        return None
    numbers = page_numbers([pages[k] for k in written])
    known = [n for n in numbers if n is not None]
    if len(set(known)) != len(known) or len(known) < len(written) - 1 or len(known) < 2:
        return None
    first, last = min(known), max(known)
    fill = 0  # the unnumbered page's number
    if len(known) < len(written):  # one page unnumbered: it fills the one gap
        gaps = sorted(set(range(first, last + 1)) - set(known))
        if len(gaps) != 1 and not (not gaps and first == 1):
            return None
        fill = gaps[0] if gaps else last + 1
    elif last - first + 1 != len(known):
        return None
    at = {k: fill if n is None else n for k, n in zip(written, numbers, strict=True)}
    # a page without text sorts with the page before it
    keys, current = [], 0
    for k in range(len(pages)):
        current = at.get(k, current)
        keys.append(current)
    return sorted(range(len(pages)), key=lambda k: (keys[k], k))


#: A numbered item at a line's start, Thai digits read as Arabic: ``1.``, ``(8)``,
#: ``3`` before a tab (not a wrapped line's first number: ``150 คน``), ``| 4 |``, an
#: ordinal word (``รายงานครั้งที่5``, ``ลำดับที่ 2``), or a first cell of Thai letters
#: ending in its number, as OCR reads an ordinal whose marks it lost
#: (``รายงานครัโงที5``, the mark over ``ที่`` read ``0``: ``ที03``).
_ITEM = re.compile(r"^[\s|]*(?:\(\s*(\d{1,3})\s*\)|(\d{1,3})(?:[.)]\s|\s*\||\t)"
                   r"|[\u0e01-\u0e4e]{1,24}ที่\s*(\d{1,3})(?!\d)"
                   r"|[\u0e01-\u0e4e\[\](]{3,24}?0?(\d{1,2})(?=\t|\s*\|))")


def numbered_items(text: str) -> list[int]:
    r"""The numbers of a page's numbered lines (list items, table rows), top to bottom.

    A number repeated on the next numbered line (a row's number and its cell's
    ``(ครั้งที่ 1)``) counts once.

    >>> numbered_items("1. ก\n1.1 ข\n| รายงานครั้งที่2 | ค\n(3) ง\n23/07/2565 : จ")
    [1, 2, 3]
    """
    out: list[int] = []
    for line in to_arabic_digits(text).splitlines():
        m = _ITEM.match(line)
        if m:
            n = int(next(g for g in m.groups() if g is not None))
            if not out or out[-1] != n:
                out.append(n)
    return out


def _run(items: list[int], step: int) -> int:
    """How many of ``items`` run on by ``step`` from the first."""
    k = 1
    while k < len(items) and items[k] - items[k - 1] == step:
        k += 1
    return k


def _runs_on(before: list[int], after: list[int]) -> bool:
    """Whether ``after``'s first numbered items continue ``before``'s last ones.

    Both count by one, up or down, the same way, two items at least on each side
    (a lone ``1.`` under a lone heading number is no evidence), or the page's one
    item after three (a table's last row), or the ``1`` that ends a count down. A
    ``1`` that a ``2`` follows opens a list instead (at the page's top, or ending the
    count down of its first items).
    """
    if not before or not after or after[:2] == [1, 2]:
        return False
    for step in (1, -1):
        if after[0] - before[-1] != step:
            continue
        tail = _run(before[::-1], -step)
        head = _run(after, step)
        if after[head - 1] == 1 and after[head:head + 1] == [2]:
            head -= 1  # the 1 that ends a count down opens a list instead
        if tail >= 2 and (head >= 2 or (tail >= 3 and len(after) == 1) or after[0] == 1):
            return True
    return False


def run_on_backwards(pages: list[str]) -> list[tuple[int, int]]:
    r"""Pairs of 0-based pages ``(k, j)``, ``j`` after ``k``, whose numbered items run on backwards.

    Page ``k``'s first numbered items carry on from the last ones of page ``j``,
    the next page with numbered items (a blank page between is passed over)
    (:func:`_runs_on`), and page ``j``'s do not carry on from page ``k``'s: read in
    the file's order the rows go backwards there.

    >>> run_on_backwards(["5. ก\n6. ข\n7. ค", "", "1. ง\n2. จ\n3. ฉ\n4. ช"])
    [(0, 2)]
    """
    return _backwards([numbered_items(text) for text in pages])[0]


def _backwards(items: list[list[int]]) -> tuple[list[tuple[int, int]], int]:
    """:func:`run_on_backwards`'s pairs, from each page's numbered items.

    Also how many pages hold numbered items.
    """
    numbered = [k for k, found in enumerate(items) if found]
    return [(k, j) for k, j in pairwise(numbered)
            if _runs_on(items[j], items[k]) and not _runs_on(items[k], items[j])], len(numbered)


def in_order(pages: list[P]) -> tuple[list[P], tuple[tuple[str, str], ...]]:
    """``pages`` without repeated pages, in their printed order; a note for each change.

    A note is ``(code, message)``: ``page_repeated`` for a page skipped,
    ``pages_reordered`` for the order taken (the printed numbers', or the reverse of
    the file's when the numbered rows run on backwards at every page),
    ``pages_out_of_order`` for pages kept in the file's order whose numbered rows run on
    backwards at some pages (:func:`run_on_backwards`); messages name pages by their
    1-based number in the file.
    """
    if len(pages) < 2:
        return pages, ()  # one page: nothing to repeat nor to order
    texts = [p.text for p in pages]
    again = repeated(texts)
    notes = tuple(("page_repeated", f"page {k + 1} repeats page {j + 1} (the same sheet "
                   "scanned again) and was skipped") for k, j in sorted(again.items()))
    kept = [k for k in range(len(pages)) if k not in again]
    order = printed_order([texts[k] for k in kept])
    if order is not None and order != sorted(order):
        kept = [kept[k] for k in order]
        notes += (("pages_reordered", "pages read in the order their printed numbers give: "
                   f"{', '.join(str(k + 1) for k in kept)} of the file"), )
    else:
        backwards, numbered = _backwards([numbered_items(texts[k]) for k in kept])
        pairs = "; ".join(f"page {kept[k] + 1}'s carry on from page {kept[j] + 1}'s"
                          for k, j in backwards)
        if backwards and len(backwards) == numbered - 1:  # at every page: fed face down
            kept = kept[::-1]
            notes += (("pages_reordered", f"numbered rows run on backwards at every page "
                       f"({pairs}): a stack fed face down, read in reverse: "
                       f"{', '.join(str(k + 1) for k in kept)} of the file"), )
        elif backwards:
            notes += (("pages_out_of_order", f"numbered rows run on backwards ({pairs}): the "
                       "pages may be out of order and were read in the file's order"), )
    return [pages[k] for k in kept], notes

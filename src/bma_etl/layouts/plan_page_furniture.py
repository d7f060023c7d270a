"""Page furniture among an action plan's plain lines: running headers and page numbers.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_plain`, not a layout).
Consumes every physical line of a plan's text; gives the lines that are a page's
furniture by what the document's other pages show (:func:`page_furniture`), and,
for a number alone inside a table row before its budget, whether it is a page's
number, the end of the row's name, or cannot be told (:meth:`Furniture.lone_number`).

A plan copied from a PDF viewer keeps each page's furniture where the page broke:
its number (``3``, ``- 3 -``, ``หน้า 3``) and a running header (``แผนปฏิบัติราชการ
ประจำปี พ.ศ. ๒๕๖๗``, the agency's name) atop every page. They repeat (the same
words on several pages, the numbers in sequence); a row's cell does not stand
beside a page number on every page it is printed on, and a name's last number
(``…ระยะที่`` / ``4``) is neither beside a running header nor in the pages'
sequence. Also the OCR'd page foot's specks (:func:`at_page_foot`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from enum import Enum
from itertools import pairwise

from bma_etl.layouts.base import Line
from bma_etl.layouts.plan_amounts import budget_said
from bma_etl.layouts.plan_cells import DIGIT, PAGE_NUMBER_RE, is_total, misread_page_number
from bma_etl.layouts.plan_values import to_int

#: A page number printed bare (``๔``, ``12``): the style a row's number and a name's
#: last number share.
_BARE_RE = re.compile(rf"^\s*{DIGIT}{{1,3}}\s*$")
_DIGITS_RE = re.compile("[0-9๐-๙]+")
#: A running header's first occurrence may be among the document's first lines (page 1).
_TOP_LINES = 3
#: Fewest Thai letters of a running header (it names the plan or the agency; a cell
#: such as ``พ.ศ. ๒๕๖๗`` atop a step table's year columns does not).
_MIN_LETTERS = 6
#: A text holding :data:`_MIN_LETTERS` Thai letters (matched up to the last one only).
_LETTERS_RE = re.compile(f"(?:[^\u0e01-\u0e2e]*[\u0e01-\u0e2e]){{{_MIN_LETTERS}}}")
#: Lines with text the first page holds at least (its running header and title block).
_FIRST_PAGE = 15
#: Occurrences a running header needs when the first page does not show it.
_MIN_REPEATS = 3


class Lone(Enum):
    """What a number alone on a line inside a row before its budget is."""

    PAGE = "page"      # a page's number: left out of the row
    NAME = "name"      # the name's last number the print wrapped alone: the name's
    UNSURE = "unsure"  # the document cannot tell: the name is not loaded


def _shape(text: str) -> str:
    """A line's words with its digits masked (a running header naming its page)."""
    return _DIGITS_RE.sub("#", " ".join(text.split()))


@dataclass(frozen=True, slots=True)
class Furniture:
    """The furniture :func:`page_furniture` found: line numbers (``Line.no``).

    ``running``: running headers' lines; ``numbers``: page numbers known as such
    (beside a running header, printed in a style no row uses, or alone before the
    tables), with their values and whether printed bare, in line order;
    ``tables_from``: the line the plan's tables begin at (its front matter, the
    vision and missions, may be numbered in another style than the tables' pages).
    """

    running: frozenset[int]
    numbers: tuple[tuple[int, int, bool], ...]  # (line, value, printed bare)
    tables_from: int = 0

    def lone_number(self, lines: list[Line], j: int) -> Lone:
        """Tell what the number alone on ``lines[j]`` (inside a row) is.

        One in a style no name ends in (``- 4 -``, ``หน้า 4``) is a page's number.
        A page's number when known as one (:func:`page_furniture`), or when the known
        bare page numbers before and after it are the ones right before and after it
        in sequence; the name's when the pages the row stands between are numbered
        in another style (:meth:`_numbered_otherwise`), or the pages show running
        headers but no bare number (unsure when it stands right beside one: a page's
        foot or top), or it does not fit the sequence of their bare
        numbers, or no room is left for it there; else (no page shows its
        furniture, or room is left) unsure.
        """
        no = lines[j].no
        if _BARE_RE.match(lines[j].text) is None or no in {n for n, _, _ in self.numbers}:
            return Lone.PAGE  # ``- 4 -``, ``หน้า 4``, or a bare one where a page breaks
        if self._numbered_otherwise(no):
            return Lone.NAME  # the row's pages are numbered in another style
        beside = (_before(lines, j), next((ln for ln in lines[j + 1:] if ln.text.strip()), None))
        if any(ln is not None and ln.no in self.running for ln in beside):
            return Lone.UNSURE  # beside a running header: a page's foot or top, unknown
        # a front matter numbered ``- 1 -`` then tables restarting at a bare 1: the
        # bare numbers' own sequence tells, not the other style's
        bare = [(n, v) for n, v, plain in self.numbers if plain]
        value = to_int(lines[j].text.strip())
        if value is None or not bare:
            return Lone.NAME if self.running else Lone.UNSURE
        before = [v for n, v in bare if n < no]
        after = [v for n, v in bare if n > no]
        low, high = (before[-1] if before else None), (after[0] if after else None)
        if (low is not None and value <= low) or (high is not None and value >= high):
            return Lone.NAME
        if low is not None and high is not None:
            return Lone.PAGE if value == low + 1 == high - 1 else Lone.UNSURE
        return Lone.UNSURE

    def _numbered_otherwise(self, no: int) -> bool:
        """Whether the pages around line ``no`` are numbered in a style no row takes.

        The known page numbers nearest before (among the tables, at or after
        :attr:`tables_from`) and after the line: both printed not bare; or the one
        side's only, and the known number beyond it printed the same way and in
        sequence with it (two pages running, not a front matter's ``- 1 -`` alone
        before tables numbered bare).
        """
        before = [(n, v, plain) for n, v, plain in self.numbers if n < no]
        after = [(n, v, plain) for n, v, plain in self.numbers if n > no]
        near = [*before[-1:], *after[:1]]
        if before and before[-1][0] < self.tables_from:
            near = after[:1]  # the front matter's page: not the tables' style
        if not near or any(plain for _, _, plain in near):
            return False
        if len(near) == 2:
            return True
        pair = before[-2:] if near[0] in before else after[:2]
        return len(pair) == 2 and not any(plain for _, _, plain in pair) \
            and pair[1][1] - pair[0][1] == 1

    def after_break(self, lines: list[Line], k: int) -> bool:
        """Whether ``lines[k]`` comes right after a running header or a known page number."""
        before = _before(lines, k)
        return before is not None and (
            before.no in self.running or before.no in {n for n, _, _ in self.numbers})


def _before(lines: list[Line], k: int) -> Line | None:
    """The line with text right before ``lines[k]``."""
    return _near(lines, k, -1)


def _near(lines: list[Line], i: int, step: int) -> Line | None:
    """The line with text next to ``lines[i]``: before it (``step`` -1) or after it (1).

    Walked by index from ``i``: no copy of the lines before or after (a plan has
    thousands, and every repeated line is looked at).
    """
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].text.strip():
            return lines[j]
        j += step
    return None


def _page_break_numbers(lines: list[Line], filled: list[int], running: frozenset[int]
                        ) -> set[int]:
    """The bare numbers the running headers mark as pages' (indices into ``lines``).

    The number right before each running header (a page's foot) or right after each
    (its top), the first page's lines aside (:data:`_FIRST_PAGE`), in increasing
    order: a row's number after a running header stands after some of them only,
    and in no page's sequence. Running headers beside a page number printed in
    another style (``- 3 -``: a front matter numbered apart from the tables) are no
    page break of the bare numbers' run.
    """
    at = [k for k, i in enumerate(filled) if lines[i].no in running and k >= _FIRST_PAGE
          and not _beside_number(lines, i, bare=False)]
    out: set[int] = set()
    for side in (-1, 1):
        found = [(filled[k + side], to_int(lines[filled[k + side]].text.strip())) for k in at
                 if 0 <= k + side < len(filled) and _BARE_RE.match(lines[filled[k + side]].text)]
        values = [v for _, v in found if v is not None]
        if len(found) >= 2 and len(found) >= len(at) - 1 and len(values) == len(found) \
                and all(a < b for a, b in pairwise(values)):
            out.update(i for i, _ in found)
    return out


def _page_number(text: str) -> bool:
    return PAGE_NUMBER_RE.match(text) is not None


def _running_headers(lines: list[Line], filled: list[int]) -> frozenset[int]:
    """The lines of running headers: repeated words where they stand at a page's edge.

    A line's words (digits masked) that hold :data:`_MIN_LETTERS` Thai letters, state
    no budget and are no total, printed among the document's first lines and again beside a
    page number, or at least :data:`_MIN_REPEATS` times beside a number no row
    takes (``- 3 -``; a bare one may be the next row's, and a unit repeated down a
    table stands beside it). Its occurrences elsewhere (the title block on the
    first page) are not furniture, unless it stands atop the first page and at
    least :data:`_MIN_REPEATS` times in all (pages that show no number, or a bare
    one a table's cell may be), or atop it and beside a page number at two page
    breaks after it (a row's unit that is the agency atop the title stands beside the
    next row's bare number once or twice).
    """
    top = set(filled[:_TOP_LINES])
    groups: dict[str, list[int]] = defaultdict(list)
    for i in filled:
        text = lines[i].text
        if _page_number(text) or _LETTERS_RE.match(text) is None:
            continue
        groups[_shape(text)].append(i)
    out: set[int] = set()
    for shape, where in groups.items():
        if len(where) < 2 or budget_said(shape) is not None or is_total(shape):
            continue
        edges = [i for i in where if i in top or _beside_number(lines, i)]
        atop = any(i in top for i in where)
        if atop and len(where) >= _MIN_REPEATS:
            out.update(lines[i].no for i in where)  # atop the first page and two more
        # a bare number beside a cell may be the next row's: then the first page shows it
        elif (atop and len([i for i in edges if i not in top]) >= 2) or len(
                [i for i in where if _beside_number(lines, i, bare=False)]) >= _MIN_REPEATS:
            out.update(lines[i].no for i in edges)
    return frozenset(out)


def _beside_number(lines: list[Line], i: int, bare: bool = True) -> bool:
    """Whether a page number (a ``bare`` one too, or not) is the line with text next to ``i``."""
    before, after = _near(lines, i, -1), _near(lines, i, 1)
    return any(ln is not None and _page_number(ln.text)
               and (bare or _BARE_RE.match(ln.text) is None) for ln in (before, after))


def page_furniture(lines: list[Line], start: int) -> Furniture:
    """The running headers and known page numbers among ``lines``.

    ``start``: where the plan's tables begin (a bare number alone before them, among
    the vision, missions and SWOT lists, is a page's number). Page numbers are known
    when printed beside a running header, in a style a row's number never takes
    (``- 3 -``, ``หน้า 3``), or bare before ``start``.
    """
    filled = [i for i, ln in enumerate(lines) if ln.text.strip()]
    running = _running_headers(lines, filled)
    numbers: list[tuple[int, int, bool]] = []
    marked = _page_break_numbers(lines, filled, running)
    for i in filled:
        text = lines[i].text
        if not _page_number(text):
            continue
        bare = _BARE_RE.match(text) is not None
        if bare and i >= start and i not in marked:
            continue
        value = to_int(_DIGITS_RE.search(text)[0])  # type: ignore[index]
        if value is not None:
            numbers.append((lines[i].no, value, bare))
    return Furniture(running, tuple(numbers), lines[start].no if start < len(lines) else 0)


#: Most letters of what OCR reads at a page's foot (a mark, a stamp's edge: ``สว``).
_FOOT_SPECK_MAX = 3


def at_page_foot(lines: list[Line], j: int) -> bool:
    """On an OCR'd page, whether ``lines[j]`` is a speck alone at its page's foot.

    A few letters, no digit, or the page's number misread as a digit among letters
    or signs (``ซี๊๓`` for ``- 1 -``: :func:`~.plan_cells.misread_page_number`), right
    before the page's furniture (the line numbers skip it) or the document's end:
    OCR's reading of a mark or of the page number under the table's last row,
    which neither ends the table nor belongs to the row (the caller takes it only
    after a blank line: a cell's wrapped rest follows its row).
    """
    text = lines[j].text.strip()
    speck = 0 < len(text) <= _FOOT_SPECK_MAX and not re.search(r"[0-9๐-๙]", text)
    if not (speck or misread_page_number(text)):
        return False
    return j + 1 == len(lines) or lines[j + 1].no > lines[j].no + 1


#: No furniture known (a caller that reads one table alone).
NO_FURNITURE = Furniture(frozenset(), ())

__all__ = ["NO_FURNITURE", "Furniture", "Lone", "at_page_foot", "page_furniture"]

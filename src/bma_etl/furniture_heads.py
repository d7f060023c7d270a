"""Table header rows a page break repeated at the top of a later page.

Part of the page furniture (:mod:`bma_etl.furniture`); belongs to no layout. A
browser repeats a ``<thead>`` on every page a table crosses, and an office suite a
table's heading rows: the first line of a later page, furniture aside, that reads
as a line which opened a table earlier (a row after a line without cells, before a
row) is furniture when the page before ends in a row. A line whose only tab ends it
is no row, and a line that stands below pages' tops twice or more, as often as at
their tops, is content the document repeats (a history entry's labelled line, its
words spread to cells by a distributed print). Never raises.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["repeated_heads"]

_DIGIT = "[0-9๐-๙]"


def _words(line: str) -> str:
    return " ".join(line.split())


#: A cell that is a number alone (a score, an amount): a value, so its row is no header.
_NUMBER_CELL_RE = re.compile(rf"^\s*{_DIGIT}[0-9๐-๙.,]*\s*$")


def repeated_heads(lines: list[str], pages: list[list[int]], furniture: set[int]) -> list[int]:
    """Table header rows repeated at the top of a later page (see the module docstring).

    A header row names its columns: a row with a cell that is a number alone is
    content (a flowing plan's ``และรายงานผล...`` / ``๒๐`` ends every level's row, and
    opens a run of tab rows often), never a header repeated.
    """
    heads: set[str] = set()
    candidates: list[int] = []
    last: int | None = None  # the last line of the page before, furniture aside
    tops: set[int] = set()
    for page in pages:
        filled = [i for i in page if lines[i].strip()]
        if not filled:
            continue
        top = next((i for i in filled if i not in furniture), None)
        if top is not None:
            tops.update(filled[:filled.index(top) + 1])
        if top is not None and last is not None and _row(lines[last]) \
                and _row(lines[top]) and _words(lines[top]) in heads:
            candidates.append(top)
        # a page's first row opens a table only when the page before did not end in a row
        before_page = last
        last = next((i for i in reversed(filled) if i not in furniture), last)
        for before, i, after in zip([before_page, *filled[:-1]], filled, [*filled[1:], None],
                                    strict=True):
            if _row(lines[i]) and (before is None or not _row(lines[before])) \
                    and after is not None and _row(lines[after]) \
                    and not any(_NUMBER_CELL_RE.match(c) for c in lines[i].split("\t")):
                heads.add(_words(lines[i]))
    # a line standing below a page's top twice or more, and as often as at tops, is a
    # line the document repeats (a history entry's ``**\tปัญหาของโครงการ\t:ไม่มี``,
    # its words spread to cells by a distributed print), no header a page break repeated
    within = Counter(_words(lines[i]) for page in pages for i in page
                     if lines[i].strip() and i not in tops)
    at_tops = Counter(_words(lines[i]) for i in candidates)
    return [i for i in candidates
            if within[_words(lines[i])] < max(2, at_tops[_words(lines[i])])]


def _row(line: str) -> bool:
    """Whether ``line`` is a table row: two cells or more with text (a tab at its end is none)."""
    return sum(1 for cell in line.split("\t") if cell.strip()) >= 2

"""A history entry set as one table row: its number, heading and texts in their own cells.

Stage: extract (a helper of :mod:`bma_etl.layouts.web_progress_history`, not a
layout). Some templates of the tracking page set the history as a table whose
header row names the columns (``ครั้งที่ | ความคืบหน้า | วันที่/รายละเอียด |
ปัญหา/อุปสรรค``) and put each entry in a row: its number in the first cell, the
rest of its heading (``ความคืบหน้าโครงการฯ ร้อยละ 62.00 (2024-03-28)``) in the
next, then its date line and its labelled problems and obstacles, each cell
still in the page's own words. Such a row is the entry's lines set side by side;
:func:`entry_lines` gives them back one under the other (number and heading
joined; a cell's second label, ``** อุปสรรคของโครงการ :``, on a line of its own),
each keeping its offsets in the row, for the history's narrative reader. Rows
of any other table are left as they are. Never raises.
"""

from __future__ import annotations

import re

from bma_etl.document import Cell, cells, joined_line
from bma_etl.layouts.base import Line
from bma_etl.layouts.history_entry_heads import ENTRY_RE
from bma_etl.layouts.history_header import DIGIT

__all__ = ["entry_lines"]

_NUMBER_CELL = re.compile(rf"^\s*\(\s*{DIGIT}{{1,4}}\s*\)\s*$")
#: An entry label inside a cell, after the text of the label before it (a print set
#: the cell's two labelled lines on one: ``** ปัญหาของโครงการ :ไม่มี ** อุปสรรคของโครงการ :…``).
_INNER_LABEL = re.compile(r"(?<=\S)\s+(?=\*\*\s*(?:ปัญหา|อุปสรรค)ของโครงการ\s*:)")


def entry_lines(lines: list[Line]) -> list[Line]:
    r"""``lines`` with every entry row split into the entry's own lines.

    A row is an entry's when its first cell is an entry number alone (``(1)``) and
    that number and the next cells read as an entry heading (:data:`ENTRY_RE`), the
    most cells that do (:func:`_head_size`); a line that is all heading stays as it is.

    >>> row = Line(7, 0, "(1)\tความคืบหน้าโครงการฯ ร้อยละ 8.00 (2023-12-20)\t20/12/2566 : ลงนาม")
    >>> [ln.text for ln in entry_lines([row])]
    ['(1) ความคืบหน้าโครงการฯ ร้อยละ 8.00 (2023-12-20)', '20/12/2566 : ลงนาม']
    """
    out: list[Line] = []
    for line in lines:
        parts = cells(line) if "\t" in line.text else []
        size = _head_size(parts)
        if size < 2 or size == len(parts):  # no entry row, or a heading alone, words spread
            out.append(line)
            continue
        head = [(line, *_trimmed(line, part.start, part.end)) for part in parts[:size]]
        out.append(joined_line(head))
        for part in parts[size:]:
            start = part.start
            for cut in _INNER_LABEL.finditer(line.text, part.start, part.end):
                out.append(joined_line([(line, *_trimmed(line, start, cut.start()))]))
                start = cut.end()
            if line.text[start:part.end].strip():
                out.append(joined_line([(line, *_trimmed(line, start, part.end))]))
    return out


def _head_size(parts: list[Cell]) -> int:
    r"""How many of a row's first ``parts`` its entry heading fills; 0 when it opens none.

    The heading is the most cells, from an entry number alone, that still read as one
    (:data:`ENTRY_RE`): a print that spreads a heading's words over its width (Thai
    distributed alignment: ``(4)\tความคืบหน้าโครงการฯ\tร้อยละ\t36.50 (2023-04-05)``),
    or a row whose columns are narrow, gives its progress and system date cells of
    their own, and they belong to the heading, not to the entry's text below it.
    """
    if len(parts) < 2 or not _NUMBER_CELL.match(parts[0].text):
        return 0
    words = [part.text.strip() for part in parts]
    return max((size for size in range(2, len(parts) + 1)
                if ENTRY_RE.match(" ".join(words[:size]))), default=0)


def _trimmed(line: Line, start: int, end: int) -> tuple[int, int]:
    text = line.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

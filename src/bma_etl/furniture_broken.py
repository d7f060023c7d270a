"""A running header or footer that OCR read broken over two or three lines.

Part of the document model (a helper of :mod:`bma_etl.furniture`). OCR may read a
page's running footer as two lines or three: over a skewed scan, or where the
footer is printed over the body's last lines (a browser draws a ``position: fixed``
footer on every page, over a table row the page cuts): ``=p มพ์จากระบบติดตามและป`` /
``ระเมินผลเมื่อ 12/07/2566 … | งบประมาณรวม 99,999 บาท``. Neither line alone is the
footer other pages repeat, so each would be read as text (into a report row's
detail). Together, in key form (:func:`~bma_etl.matchkey.key`: no spaces, no marks),
they read nearly as that footer: they are furniture too.
"""

from __future__ import annotations

import re
from collections import Counter

from bma_etl.furniture_marks import PAGE_NUMBER_RE
from bma_etl.matchkey import key

#: Most lines one running header or footer may be read broken into.
MAX_PIECES = 3
#: Least similarity (0..100) of the joined lines to a header or footer repeated whole.
MIN_SIMILARITY = 90.0
#: Fewest characters (key form) of a repeated header or footer matched so: a short
#: one (a page's title word) may be any two short lines of text.
MIN_CHARS = 16


def broken_repeats(lines: list[str], pages: list[list[int]], furniture: set[int],
                   repeated: dict[str, list[str]]) -> set[int]:
    """Indexes of edge lines that, joined, are a running header or footer read broken.

    ``lines``: the document's lines; ``pages``: each page's line indexes;
    ``furniture``: indexes already found furniture (left out: the lines looked at
    are each page's outermost lines of text); ``repeated``: per edge (``"top"``,
    ``"bottom"``) the key forms of the lines that stand there as running headers or
    footers (:func:`bma_etl.furniture_runs.running_lines`). A line with table cells
    is never one of the pieces, nor is the first page's top (its title).

    >>> foot = "พิมพ์จากระบบติดตามและประเมินผล เมื่อ 12/07/2566 | งบประมาณรวม 99,999 บาท"
    >>> lines = ["ข้อความ", "พิมพ์จากระบบติดตามและป", "ระเมินผล เมื่อ 12/07/2566 | งบประมาณรวม 99,999 บาท"]
    >>> sorted(broken_repeats(lines, [[0, 1, 2]], set(), {"bottom": [key(foot)]}))
    [1, 2]
    """
    from rapidfuzz.fuzz import ratio

    out: set[int] = set()
    for number, page in enumerate(pages):
        filled = [i for i in page if lines[i].strip() and i not in furniture]
        for side, order in (("top", filled), ("bottom", filled[::-1])):
            wanted = [sig for sig in repeated.get(side, ()) if len(sig) >= MIN_CHARS]
            if not wanted or (number == 0 and side == "top"):
                continue
            for k in range(2, MAX_PIECES + 1):
                pieces = order[:k]
                if len(pieces) < k or any("\t" in lines[i] for i in pieces):
                    break
                joined = key("".join(lines[i] for i in sorted(pieces)))
                if any(ratio(joined, sig) >= MIN_SIMILARITY for sig in wanted):
                    out.update(pieces)
                    break
    return out


def wrapped_repeats(lines: list[str], pages: list[list[int]], furniture: set[int],
                    inside: Counter[str], long: int) -> set[int]:
    """Indexes of the second lines of a running header or footer wrapped over two lines.

    A footer too long for its line (``ระบบติดตามและประเมินผลโครงการ กรุงเทพมหานคร |
    พิมพ์`` / ``เมื่อ 15/09/2566 10:42 น.``, a Word document's footer paragraph) is
    two lines on every page: the outermost is found furniture as a repeated line is,
    the one inside it is not (a page number aside, only the outermost line is looked
    at). That line is furniture too when it and the furniture lines between it and
    the edge (a page number aside: there must be one other) are the same lines, word
    for word, on half the pages after the first or more, and on every page those
    furniture lines stand on (or nearly, :data:`MIN_SIMILARITY`, as OCR misreads
    one): a wrapped footer is one paragraph, its lines go together. A body line a
    page's break happened to leave by the footer on some pages (a history entry's
    ``** อุปสรรคของโครงการ :ไม่มี`` over two pages' feet, another entry's line over
    the third's) is content. So is a form's field line,
    whose label (up to its colon) lines inside the pages start with too, and a line
    with table cells, of more than ``long`` characters or standing inside a page
    (``inside``, by signature: a table's header is content). A line that differs by
    its page's number (``ข้อความของหน้าที่ 3``) is the page's own. The first page's top
    is its title.
    """
    from rapidfuzz.fuzz import ratio

    found: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    edged: dict[tuple[str, tuple[str, ...]], list[int]] = {}  # the line inside those edges
    for number, page in enumerate(pages):
        filled = [i for i in page if lines[i].strip()]
        for side, order in (("top", filled), ("bottom", filled[::-1])):
            edge = 0
            while edge < len(order) and order[edge] in furniture:
                edge += 1
            if (number == 0 and side == "top") or edge == len(order) or edge > MAX_PIECES:
                continue
            words = tuple(key(lines[k]) for k in order[:edge + 1]
                          if not PAGE_NUMBER_RE.match(lines[k]))
            i = order[edge]
            edged.setdefault((side, words[:-1]), []).append(i)
            if len(words) >= 2 and "\t" not in lines[i] and len(lines[i].strip()) <= long \
                    and words[-1] not in inside and not _field_line(words[-1], inside):
                found.setdefault((side, words), []).append(i)
    out: set[int] = set()
    for (side, words), at in found.items():
        misread = [i for i in edged[(side, words[:-1])] if i not in at]
        if len(at) >= 2 and 2 * len(at) >= len(pages) - 1 and all(
                len(words[-1]) >= MIN_CHARS and "\t" not in lines[i]
                and ratio(key(lines[i]), words[-1]) >= MIN_SIMILARITY for i in misread):
            out.update(at)
            out.update(misread)
    return out


#: A form's field label in key form: letters up to a colon (``**อุปสรรคของโครงการ:``),
#: not a time's (``10:42``).
_LABEL_RE = re.compile(r"^(?=[^:]*[^\W\d_])[^:]{4,}?(?<![0-9๐-๙]):")


def _field_line(line_key: str, inside: Counter[str]) -> bool:
    """Whether a line (key form) is a form's field: lines inside the pages start with its label.

    >>> inside = Counter([key("** อุปสรรคของโครงการ :ฝนตก"), key("เมื่อ 15/09/2566 ประชุม")])
    >>> _field_line(key("** อุปสรรคของโครงการ :ไม่มี"), inside)
    True
    >>> _field_line(key("เมื่อ 15/09/2566 10:42 น."), inside)
    False
    """
    label = _LABEL_RE.match(line_key)
    return label is not None and any(sig.startswith(label.group()) for sig in inside)


__all__ = ["broken_repeats", "wrapped_repeats"]

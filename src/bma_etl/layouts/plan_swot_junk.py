"""Lines of an OCR'd SWOT list that are a page number misread (see :mod:`.plan_swot`).

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_swot`, not a layout).
Consumes the lines of a :class:`~bma_etl.layouts.base.RepairedText` read by OCR;
tells the lines at a page's foot or head that are what OCR made of the page's
number, so the list reads them as a gap.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bma_etl.layouts.base import Line, RepairedText

__all__ = ["page_junk"]

#: A line of no Thai letter nor digit: a page number or a speck as OCR may read them.
_JUNK_WORD = r"[^\s\u0e01-\u0e4e0-9๐-๙]{1,8}"
_OCR_JUNK_RE = re.compile(rf"\s*{_JUNK_WORD}(?:\s+{_JUNK_WORD}){{0,2}}\s*")


def page_junk(
    doc: RepairedText, lines: list[Line], number: Callable[[str, bool], bool]
) -> frozenset[int]:
    """On an OCR'd page, the numbers of the lines at a page's foot or head that are a page number.

    A short line of no Thai letter and no digit that is no item's number
    (``Sadie`` for ``- ๑ -``), with a page break between it and the next line of
    text or the one before. Elsewhere such a line may be words of an item (in
    English) and stays one. ``number(text, under_text)`` tells an item's number as
    OCR may read it; ``under_text``: the line right above is inked (a page number
    stands apart from the text, a blank line above it). Empty when not OCR'd.
    """
    if not doc.ocr_used:
        return frozenset()
    out: set[int] = set()
    texts = [k for k, ln in enumerate(lines) if ln.text.strip()]
    for at, k in enumerate(texts):
        line = lines[k]
        under_text = at > 0 and texts[at - 1] == k - 1
        if _OCR_JUNK_RE.fullmatch(line.text) is None or number(line.text, under_text):
            continue
        page = doc.index.page_of(line.start)
        near = [lines[texts[j]] for j in (at - 1, at + 1) if 0 <= j < len(texts)]
        if any(doc.index.page_of(n.start) != page for n in near):
            out.add(line.no)
    return frozenset(out)

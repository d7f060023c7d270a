"""Another document in the same text file: two reports saved or pasted one after the other.

Stage: detect (a helper of :mod:`bma_etl.parts`). A text or HTML file has no
pages, so a second document cannot open on a page of its own; it opens on a line
where a layout's title stands (the layout's weightiest opening signal, found at
a line's start, marks aside), its head beginning up to :data:`HEAD_LINES` lines
above (a history page's progress line above its print link), with more of the
layout's opening read from there than the title alone (the form's header lines,
the history page's head), or the title being all of its layout's opening (a detail
page's) and not above it. A heading a document repeats (a plan's title over each
of its parts) opens nothing: nothing of the header follows it.
:func:`title_sections` gives the offsets of the heads as the starts of sections,
which :func:`~bma_etl.parts.find_parts` then reads as it reads pages.
"""

from __future__ import annotations

import re
from functools import cache

from bma_etl.document import RepairedText
from bma_etl.layouts import REGISTRY
from bma_etl.layouts.base import Layout, Signal, score_signals

#: A letter or digit: before a title on its line only marks stand (``**** แบบแสดง…``).
_WORDED = re.compile(r"[^\W_]")
#: How many lines above its title a document's head may begin.
HEAD_LINES = 3
#: A section is searched for its opening in this many characters from its title.
SECTION_REACH = 8000


@cache
def _opening(layout: Layout, within: int) -> tuple[Signal, ...]:
    """``layout``'s opening signals: those searched for within ``within`` characters."""
    return tuple(s for s in layout.signals if s.within is not None and s.within <= within)


@cache
def _titles(layout: Layout, within: int) -> tuple[Signal, ...]:
    """``layout``'s weightiest opening signals (its title lines)."""
    opening = _opening(layout, within)
    top = max((s.points for s in opening), default=0.0)
    return tuple(s for s in opening if s.points == top)


def _line_start(text: str, at: int) -> int:
    """The offset of the start of the line holding offset ``at``."""
    return text.rfind("\n", 0, at) + 1


def _line(text: str, start: int) -> str:
    """The line that starts at offset ``start``, without its newline."""
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


def _head_start(text: str, line: int, opening: tuple[Signal, ...]) -> int:
    """Where the head of the title at offset ``line`` begins (an offset of a line's start).

    The first of the :data:`HEAD_LINES` lines above ``line`` that an opening signal
    matches at, or ``line`` itself when none does.
    """
    start, above = line, line
    for _ in range(HEAD_LINES):
        if above == 0:
            break
        above = _line_start(text, above - 1)
        if any(re.match(s.pattern, _line(text, above)) for s in opening):
            start = above
    return start


def title_sections(doc: RepairedText) -> tuple[int, ...]:
    r"""Offsets where a document opens in an unpaged text: ``0`` and each later head.

    A later line counts when a layout's title matches there, at the line's start
    (marks aside), after text that is not blank, and the layout's opening signals
    read from its head on are worth more than the title alone. The head is the
    first line above the title, of :data:`HEAD_LINES` at most, that an opening
    signal of the layout also matches (the progress line above a history page's
    print link), or the title's line. ``()`` when no later line counts.

    >>> title_sections(RepairedText.of("one report\nand its text"))
    ()
    """
    starts: set[int] = set()
    text = doc.text
    opened: dict[str, bool] = {}  # whether a document opens in the text above a head
    for layout in REGISTRY:
        opening = _opening(layout, SECTION_REACH)
        for title in _titles(layout, SECTION_REACH):
            if title.needles and not any(needle in text for needle in title.needles):
                continue  # every match holds a needle: a line-anchored title costs a
                # try at every character of the text, a substring test does not
            for found in re.finditer(title.pattern, text, re.MULTILINE):
                line = _line_start(text, found.start())
                if _WORDED.search(text, line, found.start()) or not text[:line].strip():
                    continue
                head = _head_start(text, line, opening)
                section = RepairedText.of(text[head:head + SECTION_REACH])
                if (score_signals(section, opening) > title.points + 1e-6
                        or _title_alone(opening, title, text[:line])) \
                        and _opened_above(text[:min(head, SECTION_REACH)], opened):
                    starts.add(head)
    starts.discard(0)
    return (0, *sorted(starts)) if starts else ()


def _title_alone(opening: tuple[Signal, ...], title: Signal, above: str) -> bool:
    """Whether ``title`` is all of its layout's ``opening`` and stands nowhere in ``above``.

    A tracking system's detail page opens with its title line alone (its labels stand
    further on): after another document (:func:`_opened_above`) its title opens a
    section, unless the title stands above it too (a title repeated atop each page).
    """
    if sum(s.points for s in opening) > title.points + 1e-6:
        return False
    return re.search(title.pattern, above, re.MULTILINE) is None


#: What the opening signals of some layout must reach in the text above a later head for a
#: document to have opened there.
OPENED_ABOVE = 0.3


def _opened_above(above: str, seen: dict[str, bool]) -> bool:
    """Whether a document opens in ``above``, the text above a later title's head.

    Some layout's opening signals there reach :data:`OPENED_ABOVE` (they are searched for
    in a document's first :data:`SECTION_REACH` characters: the caller gives no more). Where
    none does, the
    title is the file's first document's own, the text above it its head set apart from
    its usual lines (a phone's stacked copy: ``ความคืบหน้าโครงการ`` / ``ร้อยละ`` / ``93``
    over the banner) or a preamble (a mail's header), and no second document opens there.
    ``seen`` caches the answer per text.
    """
    if above not in seen:
        doc = RepairedText.of(above)
        seen[above] = any(score_signals(doc, _opening(layout, SECTION_REACH), at_least=OPENED_ABOVE)
                          >= OPENED_ABOVE for layout in REGISTRY)
    return seen[above]

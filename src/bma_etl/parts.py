"""Another document in the same PDF: a scanner's batch or a merged print.

Stage: detect. A PDF may hold one report's pages followed by another's. The
warehouse keeps one document per file (``doc_id`` is the hash of the file's
bytes), so the pages of a second document cannot become a document of their own;
:func:`find_parts` says where each part begins, the pipeline reads the first part
as the document and names the other parts' pages in a finding, so that nothing
is lost unseen; ``bma-etl split`` (:mod:`bma_etl.bundles`) writes each part as a
file of its own, which then loads as a document.

A part begins on a page (not the first) whose text, read from that page on,
opens as a document: the opening signals of a layout (its title and header
lines, the signals searched for only in a document's first characters) are found
on that page, and the pages from there on score as that layout at least as well
as the detection threshold, and better than the part before's layout; the same
layout opening again must open as strongly as its part did (a title repeated
atop each page is not a new document). A running header repeated on every page
is page furniture and does not count; blank pages open no part. The title of a
second document of the same layout, the same line as the first page's title, is
taken for such furniture: it counts again when the page's other lines open the
layout too (:func:`_reopening`: a header block of its own under it). Whichever way
it opens, a page of the same layout under its part's very title line (its page number
aside) opens nothing unless, read alone, it names another project than the part's
pages (:func:`_running_title`, :func:`~bma_etl.parts_heads.new_head`): a running
title over a page that begins anywhere in the head, banner or entries. A text
without pages (a text or HTML file) is cut into sections at the lines where a
document's title and head stand (:mod:`bma_etl.parts_text`), read as its pages.

:func:`read_parts` reads the first part alone (detected and its furniture found
on its own pages), or the whole file when the first part alone is no document; a
later part that names the project the whole was read as is that document, not
another (a form's pages in the wrong order, a mail's header above the form it
forwards: :mod:`bma_etl.parts_names`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial

from bma_etl.detect import THRESHOLD, Detection, detect
from bma_etl.document import Extraction, Finding, RepairedText
from bma_etl.errors import BmaEtlError
from bma_etl.furniture import furniture_lines
from bma_etl.layouts import REGISTRY
from bma_etl.layouts.base import Layout, Signal, score_signals
from bma_etl.parts_heads import new_head, raw_pieces
from bma_etl.parts_names import Naming, named, naming, part_naming, same_project
from bma_etl.parts_text import title_sections

#: A signal searched for within this many characters of a document opens it.
OPENING_WITHIN = 8000
#: Opening signals worth this much on a page make it a candidate first page.
OPENING_POINTS = 0.3
#: The same layout opening again needs its opening signals found as strongly as at its
#: part's first page, less this (a line OCR misread, a field the other one lacks).
REOPENING_SLACK = 0.1
#: A part's title line stands among the first this many lines of its first page.
_TITLE_LINES = 3
#: Slack for the rounding of a difference of points (``0.4 - 0.1`` is not ``0.3``).
_SLACK = 1e-6
#: What a ``second_document`` finding tells a person to do (:mod:`bma_etl.bundles`).
SPLIT_HINT = ("split the file to load each: 'bma-etl split FILE --out DIR' writes each "
              "document as its own file, then ingest those")


@dataclass(frozen=True, slots=True)
class Part:
    """One document within a file: its 1-based first and last page and its layout id."""

    first_page: int
    last_page: int
    layout: str


@cache
def _opening_signals(layout: Layout) -> tuple[Signal, ...]:
    """``layout``'s opening signals: those searched for within :data:`OPENING_WITHIN`."""
    return tuple(s for s in layout.signals
                 if s.within is not None and s.within <= OPENING_WITHIN)


def _opening(layout: Layout, doc: RepairedText, at_least: float = 0.0) -> float:
    """Points of ``layout``'s opening signals found in ``doc``'s text (0..1).

    With ``at_least``, a sum below it is not worked out to the end (only less than it).
    """
    signals = _opening_signals(layout)
    if not signals:
        return 0.0
    return score_signals(doc, signals, keyed=True, at_least=at_least)


def _reopening(layout: Layout, page: str, blanked: RepairedText, again: float) -> float:
    """Points of ``layout``'s opening on a ``page`` read with its furniture; 0 when no reopening.

    A second document of the same layout opens under the title its first page
    shares with the file's first page, which furniture finding takes for a running
    header (a title page, then the title atop the others). That title counts
    toward the opening only when the page's other lines open the layout too
    (``blanked``, its furniture blanked, reaches :data:`OPENING_POINTS`: a header
    block of its own, another project code under the labels) and the page with
    its title then opens as strongly as ``again``. A running title over a
    document's later pages has no header block under it.
    """
    if _opening(layout, blanked, OPENING_POINTS) < OPENING_POINTS:
        return 0.0
    points = _opening(layout, RepairedText.of(page))
    return points if points >= again - _SLACK else 0.0


def _top_lines(text: str, start: int, end: int, count: int) -> list[str]:
    """The first ``count`` lines of ``text[start:end]`` that are not blank."""
    lines = [line for line in text[start:end].split("\n") if line.strip()]
    return lines[:count]


def _opens_as_its_part(layout: Layout, text: str, blanked: str, bounds: list[int],
                       began: int, page: int) -> bool:
    """Whether ``page`` opens with a title line of its own, as its part's first page ``began``.

    A progress history's title line (``ความคืบหน้าโครงการ ร้อยละ 45``) is worth little
    of its opening, and a page printed without its links (the print view) has no
    more of it: a second such page in a file opens under the bar the first one set,
    and its title, the first page's words, is taken for a running title. It is
    told from the first document's later pages by that line atop it: the first of
    the first :data:`_TITLE_LINES` lines of the page that an opening signal of
    ``layout`` matches (a running header of its own may stand above it) is matched
    by a signal that matches the first such line of the part's first page, is not
    that line again (its page number aside: a running title) unless the page read
    alone names another project or opens a head of its own
    (:func:`~bma_etl.parts_heads.new_head`), and that signal matches atop none of the
    part's pages between (a running title over them).
    A title line unlike the first page's that is the document's furniture (a running
    header; ``blanked``: ``text`` with its furniture lines blanked) opens nothing, and
    so does any line of a layout whose title does not open it (``Layout.opens_by_title``:
    a plan's chapter or continuation title).
    """
    if not layout.opens_by_title:
        return False
    signals = _opening_signals(layout)
    title, top = (next(((line, [s for s in signals if re.match(s.pattern, line)])
                        for line in _top_lines(text, bounds[q - 1], bounds[q] - 1, _TITLE_LINES)
                        if any(re.match(s.pattern, line) for s in signals)), ("", []))
                  for q in (began, page))
    same = [s for s in title[1] if s in top[1]]  # the opening line each page's first is
    between = [line for q in range(began + 1, page)
               for line in _top_lines(text, bounds[q - 1], bounds[q] - 1, _TITLE_LINES)]
    if not same or any(re.match(s.pattern, line) for s in same for line in between):
        return False
    if _unpaged(top[0], page) != _unpaged(title[0], began):
        # another title, unless it is the document's running header (a plan's agency
        # line atop its later pages: `แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๗ สำนักงาน…`)
        return top[0] in _top_lines(blanked, bounds[page - 1], bounds[page] - 1, _TITLE_LINES)
    # the same title (two projects both at ร้อยละ 100.00): another project's head under it
    return new_head(layout, text[bounds[began - 1]:bounds[page - 1] - 1],
                    text[bounds[page - 1]:bounds[page] - 1])


def _running_title(layout: Layout, text: str, bounds: list[int], began: int, page: int) -> bool:
    """Whether ``page`` opens under its part's title line with no other project's head.

    The first of the first :data:`_TITLE_LINES` lines of ``page`` that an opening
    signal of ``layout`` matches is that of the part's first page ``began`` (its page
    number aside), and the page read alone names the part's project or no other
    (:func:`~bma_etl.parts_heads.new_head`): a running title, kept in the text, that
    opens nothing (a tracking page's ``ความคืบหน้าโครงการ/กิจกรรม`` over its banner,
    any of whose head lines a page break may put on the second page).
    """
    signals = _opening_signals(layout)
    title, top = (next((line for line in _top_lines(text, bounds[q - 1], bounds[q] - 1,
                                                    _TITLE_LINES)
                        if any(re.match(s.pattern, line) for s in signals)), "")
                  for q in (began, page))
    if not title or _unpaged(top, page) != _unpaged(title, began):
        return False
    return not new_head(layout, text[bounds[began - 1]:bounds[page - 1] - 1],
                        text[bounds[page - 1]:bounds[page] - 1])


def _unpaged(line: str, page: int) -> str:
    """``line`` without its white space and without ``page`` written as a number in it."""
    return re.sub(rf"(?<![0-9]){page}(?![0-9])", "", "".join(line.split()))


def _blank_furniture(doc: RepairedText) -> str:
    """``doc.text`` with its furniture lines blanked (offsets kept)."""
    if not doc.furniture:
        return doc.text
    return "\n".join(" " * len(line.text) if line.no in doc.furniture else line.text
                     for line in doc.all_lines())


def _scores(text: str, wanted: set[str]) -> dict[str, float]:
    """The scores of the ``wanted`` layouts (ids) for ``text``; the others are not scored."""
    scores: dict[str, float] = {}
    doc = RepairedText.of(text)  # every layout scores the same text: index its lines once
    for layout in REGISTRY:
        if layout.layout_id not in wanted:
            continue
        try:
            scores[layout.layout_id] = float(layout.score(doc))
        except Exception:  # a scorer's fault must not sink the whole file
            scores[layout.layout_id] = 0.0
    return scores


def find_parts(doc: RepairedText, layout_id: str) -> list[Part]:
    r"""The documents a paged text holds, in page order; one part when it holds one.

    ``layout_id`` is the layout detected for the whole text, the first part's
    unless its first page opens as another. A layout opening again needs its
    opening signals found about as strongly as at its part's start (a title
    repeated atop each page is not a new document). A text without pages, or of
    one page, is one part.

    >>> find_parts(RepairedText.of("a\nb"), "unknown")
    [Part(first_page=1, last_page=1, layout='unknown')]
    """
    starts = doc.index.page_starts
    if len(starts) < 2:
        return [Part(1, max(1, len(starts)), layout_id)]
    text = _blank_furniture(doc)
    bounds = [*starts, len(text) + 1]
    by_id = {lay.layout_id: lay for lay in REGISTRY}
    # each part's first page, layout and opening points (its signals within their reach);
    # page 1's openings are those of the whole text, the first part's among them
    found = [(1, layout_id, 0.0)]
    for page in range(1, len(starts) + 1):
        rest = text[bounds[page - 1]:]
        began, current, opened = found[-1]
        if page > 1 and not text[bounds[began - 1]:bounds[page - 1]].strip():
            continue  # the part's pages so far are blank: it opens here, it does not end
        # the document's opening as detection saw it; a later page's opening on that page
        seen = rest if page == 1 else rest[:bounds[page] - bounds[page - 1] - 1]
        seen_doc = RepairedText.of(seen)  # one index of the lines for every layout
        again = max(OPENING_POINTS, opened - REOPENING_SLACK)
        # what each layout's opening must reach to count here: below that, its exact
        # points are never read (page 1's own layout aside: the first part's opening)
        need = {lid: 0.0 if page == 1 and lid == layout_id and not bounds[0]
                else OPENING_POINTS if page == 1 or lid != current else again
                for lid in by_id}
        openings = {lid: _opening(lay, seen_doc, need[lid]) for lid, lay in by_id.items()}
        if by_id[current].one_per_file and page > 1:
            openings[current] = 0.0  # its later pages open no second document of it
        elif page > 1 and openings[current] < again:
            reopened = _reopening(by_id[current], doc.text[bounds[page - 1]:bounds[page] - 1],
                                  seen_doc, again)
            if reopened:
                openings[current] = reopened
                rest = doc.text[bounds[page - 1]:bounds[page] - 1] + text[bounds[page] - 1:]
            elif _opens_as_its_part(by_id[current], doc.text, text, bounds, began, page):
                openings[current] = again  # its title line, the rest of its opening short
                rest = doc.text[bounds[page - 1]:bounds[page] - 1] + text[bounds[page] - 1:]
        if page == 1:
            whole = openings if not bounds[0] else {
                lid: _opening(lay, RepairedText.of(text)) for lid, lay in by_id.items()
                if lid == layout_id}
            found[0] = (1, layout_id, whole.get(layout_id, 0.0))
        candidates = [lid for lid, points in openings.items() if points >= OPENING_POINTS
                      and (page == 1 or lid != current or points >= again - _SLACK)]
        if not candidates:
            continue
        scores = _scores(rest, {*candidates, current})  # no other layout's score is read
        best = max(candidates, key=lambda lid: (scores[lid], openings[lid]))
        if scores[best] < THRESHOLD:
            continue
        if page == 1:
            found[0] = (1, best, openings[best])
        elif best == current and _running_title(by_id[current], doc.text, bounds, began, page):
            continue  # the part's title again over its own later page: the rows continue
        elif best == current or scores[best] > scores.get(current, 0.0):
            found.append((page, best, _opening(by_id[best], RepairedText.of(rest))))
    ends = [first - 1 for first, _, _ in found[1:]] + [len(starts)]
    return [Part(first, last, lid) for (first, lid, _), last in zip(found, ends, strict=True)]


def first_part(doc: RepairedText, part: Part) -> RepairedText:
    """The pages of ``doc`` up to ``part.last_page`` (a prefix: offsets stay the same).

    Its page furniture is found again on its own pages: a line the other part
    repeats at a page's edge (a table's last row left empty in both) is content.
    """
    starts = doc.index.page_starts
    if part.last_page >= len(starts):
        return doc
    end = starts[part.last_page] - 1
    text = doc.text[:end]
    last_line = text.count("\n") + 1
    pages = tuple(starts[:part.last_page])
    return RepairedText.of(
        text, pages, doc.ocr_used,
        furniture_lines(text, pages),
        frozenset(n for n in doc.wraps if n <= last_line), doc.source_url,
        tuple(w for w in doc.words if w[1] <= end),
        frozenset(n for n in doc.spaced if n <= last_line), media_type=doc.media_type)


def _pages(part: Part) -> str:
    return (f"page {part.first_page}" if part.first_page == part.last_page
            else f"pages {part.first_page}-{part.last_page}")


def _lines(paged: RepairedText, part: Part) -> str:
    """The 1-based lines of a section ``part`` of an unpaged text (its sections as pages)."""
    starts = paged.index.page_starts
    first = paged.text.count("\n", 0, starts[part.first_page - 1]) + 1
    end = starts[part.last_page] - 1 if part.last_page < len(starts) else len(paged.text)
    return f"lines {first}-{paged.text.count(chr(10), 0, end) + 1}"


def first_section(doc: RepairedText, paged: RepairedText, part: Part) -> RepairedText:
    """The lines of the unpaged ``doc`` up to the end of section ``part`` (a prefix)."""
    end = paged.index.page_starts[part.last_page] - 1
    text = doc.text[:end]
    last_line = text.count("\n") + 1
    return RepairedText.of(
        text, (), doc.ocr_used, frozenset(),
        frozenset(n for n in doc.wraps if n <= last_line), doc.source_url,
        tuple(w for w in doc.words if w[1] <= end),
        frozenset(n for n in doc.spaced if n <= last_line), media_type=doc.media_type)


def _naming(paged: RepairedText, part: Part) -> Naming:
    """What ``part``'s own pages, read alone as its layout, name (code, name); () for none."""
    return part_naming(paged, part.first_page, part.last_page, part.layout)


def read_parts(doc: RepairedText, detection: Detection, *, split: bool = True
               ) -> tuple[Detection, Extraction, Finding | None]:
    """Extract ``doc``'s first document; name the pages of the others in a finding.

    Returns the detection and extraction of the first part (of the whole text when
    it holds one document, when ``split`` is false — a layout the caller chose —
    or when the first part alone reads as no document) and a ``second_document``
    finding when the text holds more than one. Raises what the layout's
    extractor raises for the whole text.
    """
    paged = doc
    if split and not doc.index.page_starts:  # a text file: its sections stand for pages
        sections = title_sections(doc)
        paged = RepairedText.of(doc.text, sections) if sections else doc
    parts = find_parts(paged, detection.layout.layout_id) if split else []
    if len(parts) < 2:
        return detection, detection.layout.extract(doc), None
    where = _pages if paged is doc else partial(_lines, paged)
    read = first_part(doc, parts[0]) if paged is doc else first_section(doc, paged, parts[0])
    try:
        alone = detect(read)
        extraction = alone.layout.extract(read)
    except BmaEtlError:  # the first part alone is no document: read the whole file as one
        return (detection, *_read_whole(doc, paged, parts, detection, where))
    others = "; ".join(f"{where(p)} ({p.layout}{named(_naming(paged, p))})" for p in parts[1:])
    return alone, extraction, Finding(
        "documents", None, None, "error", "second_document",
        f"the file holds {len(parts)} documents: {where(parts[0])} read as this document; "
        f"{others} hold another document, not read into records ({SPLIT_HINT})")


def _read_whole(doc: RepairedText, paged: RepairedText, parts: list[Part], detection: Detection,
                where: Callable[[Part], str]) -> tuple[Extraction, Finding | None]:
    """The whole file read as one document, its first part being none alone; and its finding.

    A later part that names the project the whole was read as (:func:`same_project`) is
    that document: the form's head page after its reports page, a mail's header lines
    above the form it forwards. When every later part is so, the file holds one
    document: a note that its pages run out of order when records were read from its
    first part (its head further on), else none (a cover: no record's). Other parts are
    named in a ``second_document`` finding, read with the first as one.
    """
    extraction = detection.layout.extract(doc)
    project = naming(extraction.rows)
    others = [(p, n) for p in parts[1:] if not same_project(n := _naming(paged, p), project)]
    if others:
        listed = "; ".join(f"{where(p)} ({p.layout}{named(n)})" for p, n in others)
        return extraction, Finding(
            "documents", None, None, "error", "second_document",
            f"the file holds {len(others) + 1} documents: {listed} hold another document, "
            f"read with the first as one {detection.layout.layout_id} ({SPLIT_HINT})")
    second = paged.index.page_starts[parts[1].first_page - 1]
    if not any(piece.span.char_start < second for row in extraction.rows
               for value in row.fields.values() for piece in raw_pieces(value)):
        return extraction, None
    return extraction, Finding(
        "documents", None, None, "warning", "pages_out_of_order",
        f"the document's head ({where(parts[1])}{named(project)}) stands after "
        f"{where(parts[0])}, which read alone are no document: read as one "
        f"{detection.layout.layout_id}, its pages out of order")

"""Page furniture: running headers and footers, page numbers, page margins.

Part of the document model (:mod:`bma_etl.document`); belongs to no layout.
A paged document (PDF, scan) repeats a header or footer on its pages and numbers
them; a table that runs over a page break then has those lines, and the page
margins' blank lines, in the middle of its rows. :func:`furniture_lines` names
them so :meth:`~bma_etl.document.RepairedText.lines` can leave them out (they
stay in the stored text, which provenance indexes).

A line is furniture when it sits among the first or last :data:`EDGE_LINES`
non-blank lines of a page and

- it is a page number (``- ๓ -``, ``หน้า 3``, ``3/12``, ``Page 3 of 12``, ``หน้า ก/ฌ``;
  a number alone, ``3``, only where it keeps the document's numbering: its page's
  place plus the offset most pages' numbers keep, or its place where no two pages
  agree. A year or an amount that a wrap left alone on a page's last line
  (``2030``), a table's score cut onto a page's edge, is content; so is a number
  over a Buddhist-era year, ``2/2566``: a page count is no year; and a list's
  number alone, ``๑.``, is never a running header unless it keeps the pages' numbering), or
- it is the outermost line (page numbers aside) and the same line, its page
  number aside, is the outermost line at the same edge (top or bottom) of
  another page, or nearly the same as one repeated so on two others (a header
  OCR read with a letter wrong, specks beside it), unless the same line also
  stands inside a page and at that edge of fewer than half the pages after the
  first (a table header two tables of a long plan had at a page's top is
  content; a running header stands at most pages' edge, whatever the body says),
  or inside pages twice or more and as often as at their edges (a history entry's
  ``** ปัญหา… :`` line two of three pages open with), and it stands there as a
  running header does: at half the pages after the first or more, or on pages
  that follow one another, two only beside other pages' own (:mod:`bma_etl.furniture_runs`), or
- it is one of two or three lines at a page's edge that, joined, read nearly as a
  running header or footer repeated whole on other pages (OCR read it broken:
  :mod:`bma_etl.furniture_broken`), or
- it heads a page after the first and repeats words of the first page's top
  (a title page, then the title as the running header of the others), or, read
  in cells with a time of day, is nearly the first page's first line (a fax
  machine's header over each page it sends: ``DEC-07-2026 09:14 FROM: … P.001/002``).

A browser's print header and footer are furniture on every page, the first and
a single page too: a top or bottom line whose parts (cells) are an address
(``file:///…/page.html``, ``https://…``) and a page number (``1/3``), or a top line
that starts with the date and time of printing (``11/30/26, 11:35 PM`` and the
page's title).

A table's header row repeated at the top of a later page (a browser repeats a
``<thead>`` on every page the table crosses) is furniture: the first line of a
page after the first, furniture aside, with table cells and the same words as a
line on an earlier page that opens a table (cells, after a line without, before
one with), when the page before ends in a table row (the table goes on: another
table under the same header starts after a line of its own, its title). A
``<thead>`` that holds a data row too (an exporter's first report row) is furniture
whole: the lines under the repeated header, or the data row alone, that hold the
table's first rows again (:mod:`bma_etl.furniture_heads`).

The first page's top lines are its title, never furniture (but the running header
that other pages repeat at their top, there with page 1's number in it: ``… หน้า 1
จาก 5``, a Word header on every page), and a line with
table cells is never furniture unless it is a page number or a repeated header
row. On a one-page document only a page number that is ``1`` is.

Blank lines at the top and bottom of a page are furniture too, so a table that
continues on the next page reads as one run of rows.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import pairwise

from bma_etl.furniture_broken import broken_repeats, wrapped_repeats
from bma_etl.furniture_heads import repeated_heads
from bma_etl.furniture_marks import (
    _DIGIT,
    PAGE_NUMBER_RE,
    fax_header_again,
    numbered_in_cells,
    printed_by_browser,
)
from bma_etl.furniture_runs import running_lines
from bma_etl.matchkey import key

#: How many non-blank lines at the top and at the bottom of a page may be furniture:
#: the outermost one, and a page number beside it.
EDGE_LINES = 2
#: Least similarity (0-100) of a later page's top line to the first page's top.
MIN_HEADER_SIMILARITY = 90.0
#: A running header or footer is a short line.
MAX_FURNITURE_CHARS = 120

#: A page number without words or dashes around it: only digits.
_BARE_NUMBER_RE = re.compile(rf"^\s*({_DIGIT}{{1,4}})\s*$")
#: An item's number alone on its line (``๑.``, ``2)``, ``(3)``): a list's, which a
#: writer leaves alone when the item's first word does not fit after it. Two pages
#: may open with one (each a list's first item): never a running header.
_ITEM_NUMBER_RE = re.compile(rf"^\s*\(?({_DIGIT}{{1,3}})[.)]\s*$")

def _signature(line: str, page_no: int) -> str:
    """The line in key form with its page's number (Arabic or Thai digits) as ``#``.

    Only the page number is set aside: a table's rows differ in their other digits.
    """
    folded = key(line)
    number, thai, standing = _page_number_re(page_no)
    if number not in folded and thai not in folded:  # most lines: no regex to run
        return folded.strip()
    return standing.sub("#", folded, count=1).strip()  # ``หน้า 5 จาก 5``: a count stays


@lru_cache(maxsize=256)
def _page_number_re(page_no: int) -> tuple[str, str, re.Pattern[str]]:
    """The page number ``page_no`` in Arabic and Thai digits, and the regex of it standing alone."""
    number = str(page_no)
    thai = number.translate(_TO_THAI_DIGITS)
    return number, thai, re.compile(f"(?<![0-9๐-๙])(?:{number}|{thai})(?![0-9๐-๙])")


_TO_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def furniture_lines(text: str, page_starts: tuple[int, ...]) -> frozenset[int]:
    r"""1-based numbers of the furniture lines of ``text`` (empty when it has no pages).

    >>> pages = [f"หัวกระดาษ รายงาน\n\n{w}\n\n- {n} -" for n, w in enumerate("กขค", 1)]
    >>> starts = (0, len(pages[0]) + 1, len(pages[0]) + len(pages[1]) + 2)
    >>> sorted(furniture_lines("\n".join(pages), starts))
    [4, 5, 6, 7, 9, 10, 11, 12, 14, 15]
    """
    if not page_starts:
        return frozenset()
    lines = text.split("\n")
    line_starts = [0]
    for line in lines[:-1]:
        line_starts.append(line_starts[-1] + len(line) + 1)
    bounds = [*page_starts, len(text) + 1]
    pages: list[list[int]] = []  # line indexes of each page
    j = 0
    for start, end in pairwise(bounds):
        page: list[int] = []
        while j < len(lines) and line_starts[j] < end:
            if line_starts[j] >= start:
                page.append(j)
            j += 1
        pages.append(page)
    if len(pages) == 1:  # nothing repeats: only the page's own number is furniture
        only = pages[0]
        numbers = {i for i, place in _edges(lines, only, 1, frozenset())
                   if (_page_number(lines[i], 1, frozenset())
                       and _signature(lines[i], 1) != key(lines[i]))
                   or printed_by_browser(lines[i], place[0])}
        numbers.update(_margin_blanks(lines, only, numbers))
        return frozenset(i + 1 for i in numbers)
    offsets = _numbering(lines, pages)
    edges = [_edges(lines, page, n, offsets) for n, page in enumerate(pages, start=1)]
    marks = [{(place, _signature(lines[i], n)) for i, place in edge}
             for n, edge in enumerate(edges, start=1)]
    seen, runs = Counter(item for page_marks in marks for item in page_marks), running_lines(marks)
    first_top = key(" ".join(lines[i] for i in pages[0][:8]))
    first_line = next((key(lines[i]) for i in pages[0] if lines[i].strip()), "")
    # a header read differently is matched against lines that may be furniture as
    # they stand: a table row repeated at page tops (a step of one schedule and of
    # the next, each page's first row of a Word table) is content
    plain = Counter(item for n, edge in enumerate(edges, start=1)
                    for item in {(place, _signature(lines[i], n)) for i, place in edge
                                 if "\t" not in lines[i]})
    repeated = {place: [sig for (at, sig), n in plain.items() if at == place and n >= 2 and sig
                        and (at, sig) in runs] for place in (("top", 0), ("bottom", 0))}
    inside = _inside(lines, pages)
    tops = [(i, key(lines[i])) for edge in edges[1:] for i, place in edge if place == ("top", 0)]
    out: set[int] = set()
    for number, (page, edge) in enumerate(zip(pages, edges, strict=True)):
        for i, place in edge:
            line = lines[i]
            if place[1] == -1 or printed_by_browser(line, place[0]):
                out.add(i)
            elif _BARE_NUMBER_RE.match(line) or _list_number(line, number + 1, offsets):
                continue  # a number alone that is no page's number: text, repeated or not
            elif number == 0 and place[0] == "top" and not (
                    (place, sig := _signature(line, 1)) in runs and sig != key(line).strip()):
                continue  # the first page's top is its title, not a header with its page number
            elif (sig := _signature(line, number + 1)) in inside \
                    and (seen[(place, sig)] * 2 < len(pages) - 1
                         or inside[sig] >= max(2, seen[(place, sig)])):
                continue  # inside pages too: a table's header, a history entry's line
            elif place in repeated and _misread_repeat(line, number + 1, repeated[place]):
                out.add(i)
            elif "\t" in line and number > 0 and place == ("top", 0) \
                    and fax_header_again(line, first_line) and _heads_others(key(line), i, tops):
                out.add(i)  # a fax machine's header line, in cells, atop every page
            elif ("\t" in line and not numbered_in_cells(line, number + 1)) \
                    or len(line.strip()) > MAX_FURNITURE_CHARS:
                continue  # a table row is content (a header with its page's number is not)
            elif (place, _signature(line, number + 1)) in runs or (
                    number > 0 and place == ("top", 0) and _repeats(key(line), first_top)
                    and _heads_others(key(line), i, tops)):
                out.add(i)
        out.update(_margin_blanks(lines, page, out))
    if broken := broken_repeats(lines, pages, out, {side: [sig for (at, sig) in runs
                                                          if at == (side, 0)]
                                                   for side in ("top", "bottom")}):
        out |= broken  # a header or footer OCR read broken over lines, and the margins past it
        out.update(i for page in pages for i in _margin_blanks(lines, page, out))
    if wrapped := wrapped_repeats(lines, pages, out, inside, MAX_FURNITURE_CHARS):
        out |= wrapped  # a header or footer wrapped over two lines, and the margins past it
        out.update(i for page in pages for i in _margin_blanks(lines, page, out))
    out.update(repeated_heads(lines, pages, out))
    if titles := _title_rows(lines, pages, out):  # and the margins past them
        out |= titles
        out.update(i for page in pages for i in _margin_blanks(lines, page, out))
    return frozenset(i + 1 for i in out)


#: The most rows a sheet's print titles repeat at each page's top (title, agency, year).
_TITLE_ROWS = 4
#: A heading's outline number (``1.``, ``1.1``, ``๑.``): a document's own heading, no title.
_OUTLINE_NUMBER = re.compile(r"^\s*[0-9๐-๙]+(?:\.[0-9๐-๙]+)*\.?\s")


def _title_rows(lines: list[str], pages: list[list[int]], furniture: set[int]) -> set[int]:
    """Lines under a later page's running title that repeat the first page's next lines.

    A sheet printed with print titles repeats its top rows on every page (the plan's
    title, then its agency): the first is found a running header; the rows under it,
    the first page's second and third lines again in the same order, are furniture
    too. Only lines without cells, only in order, only right under that title.
    """
    first = [key(lines[i]) for i in pages[0] if lines[i].strip()][:_TITLE_ROWS]
    out: set[int] = set()
    for page in pages[1:]:
        at: int | None = None  # which of the first page's lines the last one repeated
        for i in [i for i in page if lines[i].strip()][:_TITLE_ROWS + 2]:
            line_key = key(lines[i])
            if i in furniture:
                at = first.index(line_key) if line_key in first else at
                continue
            if at is None or at + 1 >= len(first) or line_key != first[at + 1] \
                    or "\t" in lines[i] or _OUTLINE_NUMBER.match(lines[i]):
                break  # a numbered heading (``1. ชื่อโครงการ…``) starts a document again
            out.add(i)
            at += 1
    return out


def _inside(lines: list[str], pages: list[list[int]]) -> Counter[str]:
    """Signatures of the lines that stand inside a page, away from its edges: how often.

    More than :data:`EDGE_LINES` + 1 non-blank lines from the top and the bottom
    of a page: no running header or footer stands there, so a line found there
    too (a step table's ``ขั้นตอนการดำเนินงาน ...`` header that two tables had at
    a page's top) is content wherever it stands.
    """
    out: Counter[str] = Counter()
    margin = EDGE_LINES + 1
    for page_no, page in enumerate(pages, start=1):
        filled = [i for i in page if lines[i].strip()]
        out.update(_signature(lines[i], page_no) for i in filled[margin:len(filled) - margin])
    del out[""]
    return out


#: Least similarity (0..100) of an edge line to a header or footer repeated on other
#: pages for it to be that header read with a letter or two wrong (OCR).
MIN_MISREAD_SIMILARITY = 90.0
#: A cell OCR made of specks beside a header (``' 65!``): no Thai letter, a few signs.
_SPECK_CELL_RE = re.compile(r"^(?:[^\u0e01-\u0e2e]{0,5}|\S{1,3})$")


def _misread_repeat(line: str, page_no: int, repeated: list[str]) -> bool:
    """Whether an edge line is a header or footer repeated elsewhere, read differently.

    OCR reads a running header differently on each page (``ระบบคิดตามและ ประ ะเมินผล``,
    specks read as cells beside it): the line's first cell, its other cells specks,
    is that header when it is nearly the same as one that other pages repeat exactly.
    """
    from rapidfuzz.fuzz import ratio

    first, *rest = line.split("\t")
    if not repeated or any(not _SPECK_CELL_RE.match(cell.strip()) for cell in rest):
        return False
    sig = _signature(first, page_no)
    return len(sig) >= 8 and any(ratio(sig, other) >= MIN_MISREAD_SIMILARITY
                                 for other in repeated)


def _list_number(line: str, page_no: int, offsets: frozenset[int]) -> bool:
    """Whether ``line`` is a list item's number alone (``๑.``), not page ``page_no``'s number.

    A page numbered ``(2)`` or ``2.`` keeps the document's numbering (``offsets``, as
    :func:`_page_number`); a list's ``๑.`` atop pages 2 and 3 does not.
    """
    item = _ITEM_NUMBER_RE.match(line)
    return item is not None and int(item.group(1)) - page_no not in (offsets or {0})


def _page_number(line: str, page_no: int, offsets: frozenset[int]) -> bool:
    """Whether ``line`` is the number of page ``page_no`` (1-based; see the module docstring).

    ``offsets``: the document's numbering (:func:`_numbering`); empty, a bare
    number must be its page's place.
    """
    if not PAGE_NUMBER_RE.match(line):
        return False
    bare = _BARE_NUMBER_RE.match(line)
    return bare is None or int(bare.group(1)) - page_no in (offsets or {0})


def _numbering(lines: list[str], pages: list[list[int]]) -> frozenset[int]:
    """The offsets of the document's page numbers from their pages' places.

    Each page's edge lines that read as a page number (``- 5 -``, ``5``, ``5/12``)
    give their first number less the page's place; the offsets most pages agree
    on, two pages or more, are the numbering (a cover or front matter shifts it).
    A number alone that keeps none of them is text: a year a wrap left alone, a
    table's score cut onto a page's edge.
    """
    seen: Counter[int] = Counter()
    for page_no, page in enumerate(pages, start=1):
        filled = [i for i in page if lines[i].strip()]
        edge = {*filled[:EDGE_LINES], *filled[-EDGE_LINES:]}
        seen.update({int(m.group()) - page_no for i in edge if PAGE_NUMBER_RE.match(lines[i])
                     and (m := _FIRST_NUMBER_RE.search(lines[i]))})
    most = max(seen.values(), default=0)
    return frozenset(offset for offset, n in seen.items() if n == most >= 2)


_FIRST_NUMBER_RE = re.compile(f"{_DIGIT}+")


def _edges(lines: list[str], page: list[int], page_no: int,
           offsets: frozenset[int]) -> list[tuple[int, tuple[str, int]]]:
    """The page's edge lines with their place: ``("top", 0)``, ``("bottom", 0)``, or -1.

    Place 0 is the outermost line that is no page number; a page number within
    :data:`EDGE_LINES` lines of an edge has place -1 (``page_no`` and ``offsets``:
    :func:`_page_number`). A line is at one edge only.
    An edge has one page number: a number alone inside the one it has is the
    page's last (or first) line of text, a table's score cut onto its own line (an
    fpdf2 plan's ``๒๐`` above ``- 4 -``), not a second page number; nor is a page
    numbered at both edges: a number alone at one edge when the other has the
    page's number in words or dashes (``- 2 -``) is that edge's outermost line of
    text (``2``, the rest of ``…งวดที่ 2`` a page break cut).
    """
    filled = [i for i in page if lines[i].strip()]
    out: dict[int, tuple[str, int]] = {}
    for side, order in (("top", filled), ("bottom", filled[::-1])):
        outermost, numbered = True, False
        for i in order[:EDGE_LINES]:
            if i in out:
                break
            if _page_number(lines[i], page_no, offsets):
                if numbered:
                    break
                out[i] = (side, -1)
                numbered = True
            elif outermost:
                out[i] = (side, 0)
                outermost = False
    numbers = [i for i, place in out.items() if place[1] == -1]
    bare = [i for i in numbers if _BARE_NUMBER_RE.match(lines[i])]
    if len(numbers) == 2 and len(bare) == 1:  # a page is numbered once: beside its ``- 2 -``,
        side = out[bare[0]][0]  # a ``2`` is text (``…งวดที่`` / ``2`` over a page break)
        for i in [i for i, place in out.items() if place == (side, 0)]:
            del out[i]
        out[bare[0]] = (side, 0)
    return sorted(out.items())


def _repeats(line_key: str, first_top: str) -> bool:
    from rapidfuzz.fuzz import partial_ratio

    return len(line_key) >= 8 and partial_ratio(line_key, first_top) >= MIN_HEADER_SIMILARITY


def _heads_others(line_key: str, at: int, tops: list[tuple[int, str]]) -> bool:
    """Whether a later page's top line that repeats the title heads the other later pages too.

    ``tops``: each later page's outermost top line (index, key form). A running
    header stands on every page after the title page, read alike or nearly (OCR): a
    line that heads one page of several is the rest of a paragraph the page break
    cut (``เขตหนองจอก``, words the title has too). With one later page nothing tells.
    """
    from rapidfuzz.fuzz import ratio

    others = [top for i, top in tops if i != at]
    return not others or any(ratio(line_key, top) >= MIN_MISREAD_SIMILARITY for top in others)


def _margin_blanks(lines: list[str], page: list[int], furniture: set[int]) -> list[int]:
    """Blank lines between the page's edges and its first and last content line."""
    content = [i for i in page if lines[i].strip() and i not in furniture]
    if not content:
        return []
    return [i for i in page
            if not lines[i].strip() and (i < content[0] or i > content[-1])]

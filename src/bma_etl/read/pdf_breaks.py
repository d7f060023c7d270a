"""Ruled table rows that a page break cuts: the two parts made one row again.

Stage: read (runs in the PDF worker process). A browser or an office suite that
prints a ruled table across pages cuts a tall row where the page ends: its top
part stands at the foot of page N, the vertical rules running down to the page's
edge with no rule below it, and the rest at the top of page N+1, with no rule
above it or under the table's header row repeated there (Chromium repeats a
``<thead>`` on every page). Read page by page, the row would be two rows (the
second with no label), or not a row at all (a band with no rule to close it).

- :func:`closed` closes each fragment of a ruled table: where three vertical rules
  or more (two columns) end together and no horizontal rule joins them, a rule is
  added there and named open (:class:`Cut`), so the cut row is a band like the
  others (:func:`~.pdf_tables.with_table_rows` makes it one line of cells);
- :func:`~.pdf_cut_marks.mark_open` marks the rows such a rule bounds
  (:attr:`TextLine.open_below`, :attr:`TextLine.open_above`), and which cells of a
  page's last row run down to its bottom rule (:attr:`TextLine.reach`) and the room
  each one's last line leaves (:attr:`TextLine.room`), and the width of each cell's
  first word in a page's first row (:attr:`TextLine.lead`): an office suite closes
  both parts of a cut row with rules of their own, and only the cells it cut go on;
- :func:`join_cut_rows` puts the part on page N+1 back into the row on page N, cell
  by cell (the same column edges), past the lines between them (a page footer, a
  page number, a running header) and past a repeated header row and the data rows
  under it that repeat the table's first rows (a ``<thead>`` holding a report row,
  which WeasyPrint repeats whole), which stay where they stand (furniture:
  :func:`bma_etl.furniture.furniture_lines`).

The joined row stands on page N; the line it came from on page N+1 is left out of
that page's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bma_etl.read.pdf_break_words import BEARING_EM, word_wider
from bma_etl.read.pdf_cut_marks import mark_open
from bma_etl.read.pdf_cutnumbers import cell_across_break
from bma_etl.read.pdf_cuts import label_again
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_line import replaced
from bma_etl.read.pdf_next_item import next_item
from bma_etl.read.pdf_tables import JOIN, SLACK, Rule, Rules

__all__ = ["Cut", "closed", "join_cut_rows", "mark_open", "number_cut_off", "sheet_printed"]

#: ``/Creator`` or ``/Producer`` words (lower case) of spreadsheet programs, which
#: never cut a row at a page break: a row that does not fit goes whole to the next
#: page (LibreOffice Calc names itself ``Calc``; Excel ``Microsoft® Excel®``).
SHEET_WRITERS = re.compile(r"\b(?:calc|excel)\b")
#: Least vertical rules ending together that make a table's edge (two columns).
MIN_EDGE_RULES = 3
#: Column edges of the two parts of one row agree within this (points).
COLUMN_SLACK = 2.0


@dataclass(frozen=True, slots=True)
class Cut:
    """The heights (points) of the rules :func:`closed` added: a page's cut through a table."""

    heights: tuple[float, ...] = ()

    def __contains__(self, y: object) -> bool:
        return isinstance(y, float | int) and any(abs(y - h) <= JOIN for h in self.heights)


def closed(rules: Rules) -> tuple[Rules, Cut]:
    """``rules`` with each ruled table's open ends closed, and where they were.

    A table's end is open where :data:`MIN_EDGE_RULES` vertical rules or more end
    within :data:`~.pdf_table_ids.JOIN` of one height, no horizontal rule spans them
    there, and a horizontal rule spans them elsewhere: between their ends, or at
    their other end (a row alone, the rest of a row the page cut: Chromium closes it
    below only) (a ruled table, not columns drawn without rows).

    >>> rules = Rules(vertical=((10.0, 20.0, 300.0), (50.0, 20.0, 300.0), (90.0, 20.0, 300.0)),
    ...               horizontal=((300.0, 10.0, 90.0), (200.0, 10.0, 90.0)))
    >>> shut, cut = closed(rules)
    >>> shut.horizontal, cut.heights
    (((20.0, 10.0, 90.0), (200.0, 10.0, 90.0), (300.0, 10.0, 90.0)), (20.0,))
    """
    added: list[Rule] = []
    for end in (1, 2):  # bottoms, then tops
        for group in _ending_together(rules.vertical, end):
            if len(group) < MIN_EDGE_RULES:
                continue
            xs = sorted(v[0] for v in group)
            left, right = xs[0], xs[-1]
            at = min(v[1] for v in group) if end == 1 else max(v[2] for v in group)
            low, high = max(v[1] for v in group), min(v[2] for v in group)
            spans = [h for h in rules.horizontal
                     if h[1] <= left + JOIN + SLACK and h[2] >= right - JOIN - SLACK]
            if any(abs(h[0] - at) <= JOIN for h in spans):
                continue
            far = max(v[2] for v in group) if end == 1 else min(v[1] for v in group)
            if any(low + JOIN < h[0] < high - JOIN or abs(h[0] - far) <= JOIN for h in spans):
                added.append((at, left, right))  # (a row alone: its rule at the far end)
    if not added:
        return rules, Cut()
    return (Rules(rules.vertical, tuple(sorted((*rules.horizontal, *added)))),
            Cut(tuple(sorted(a[0] for a in added))))


def _ending_together(vertical: tuple[Rule, ...], end: int) -> list[list[Rule]]:
    """The vertical rules grouped by the height of one of their ends (1: bottom, 2: top)."""
    groups: list[list[Rule]] = []
    for rule in sorted(vertical, key=lambda v: v[end]):
        if groups and abs(groups[-1][-1][end] - rule[end]) <= JOIN:
            groups[-1].append(rule)
        else:
            groups.append([rule])
    return groups


def _ended_early(row: TextLine) -> list[bool]:
    """Per cell of a row with :attr:`~TextLine.reach`: filled, yet not down to the bottom."""
    texts = row.text.split("\t")
    return [bool(t.strip()) and not reached for t, reached in zip(texts, row.reach, strict=True)]


def _same_columns(a: TextLine, b: TextLine) -> bool:
    """Whether two table rows have the same columns (their left edges agree)."""
    return len(a.cells) == len(b.cells) and a.text.count("\t") == b.text.count("\t") and all(
        abs(x - y) <= COLUMN_SLACK for x, y in zip(a.cells, b.cells, strict=True))


def _same_table(a: TextLine, b: TextLine) -> bool:
    """Whether two rows, on one page or on two, may be rows of one table (same edges).

    A table's number among the tables of its edges (the id's last item) counts
    on its own page only.
    """
    return a.table is not None and b.table is not None and all(
        abs(x - y) <= COLUMN_SLACK for x, y in zip(a.table[:2], b.table[:2], strict=True))


def _heads(lines: list[TextLine]) -> set[str]:
    """The text of each row that opens a table run on the page (its header row, if any)."""
    out: set[str] = set()
    previous: TextLine | None = None
    for line in lines:
        if line.table is not None and (previous is None or previous.table != line.table):
            out.add(" ".join(line.text.split()))
        previous = line
    return out


def _runs(lines: list[TextLine]) -> dict[str, list[list[str]]]:
    """Each table run's rows on the page (their words), by its opening row's words."""
    out: dict[str, list[list[str]]] = {}
    run: list[str] = []
    previous: TextLine | None = None
    for line in lines:
        words = " ".join(line.text.split())
        if line.table is not None and (previous is None or previous.table != line.table):
            run = [words]
            out.setdefault(words, []).append(run)
        elif line.table is not None:
            run.append(words)
        previous = line
    return out


def _repeated_rows(page: list[TextLine], first: int, runs: list[list[str]]) -> int:
    """How many rows from ``first`` on repeat, in order, the first rows of one of ``runs``.

    A ``<thead>`` that holds a data row too (an office exporter's) repeats on every
    page with its header row: the rest of a row the page cut stands under both. At
    least one: the header row ``page[first]`` itself.
    """
    most = 1
    for run in runs:
        n = 1
        while n < len(run) and first + n < len(page) and page[first + n].table is not None \
                and not page[first + n].open_above \
                and " ".join(page[first + n].text.split()) == run[n]:
            n += 1
        most = max(most, n)
    return most


def sheet_printed(writer: str) -> bool:
    """Whether a PDF's writer is a spreadsheet program, whose rows no page break cuts.

    ``writer``: its ``/Producer`` and ``/Creator``, joined (:data:`SHEET_WRITERS`).

    >>> sheet_printed("LibreOffice 7.4 Calc"), sheet_printed("LibreOffice 7.4 Writer")
    (True, False)
    """
    return SHEET_WRITERS.search(writer.lower()) is not None


def join_cut_rows(pages: list[list[TextLine]], icu: bool = False) -> None:
    """Join, in place, each table row a page break cut (see the module docstring).

    ``pages``: each page's lines in reading order. The part on page N+1 is the
    first row of the same table there (past a repeated header row: a row whose
    text opened a run of that table on an earlier page); it is joined to the last
    row of the table on page N when either side is open (:func:`mark_open`) and
    the two have the same columns, each cell's text joined to the same cell's
    (:func:`~.pdf_tables.join_pieces`). A row cut twice (over three pages) is
    joined twice. A row whose text opened a table run on an earlier page, or above it
    on its own page, is a header row (``มาตรการ`` | ``ตัวชี้วัดมาตรการ`` | … over each
    measure's table: :func:`_goes_on`). ``icu``: the writer breaks Thai at ICU's
    dictionary words (:func:`.pdf_break_words.breaks_at_words`).
    """
    heads: set[str] = set()
    runs: dict[str, list[list[str]]] = {}  # each table run's rows, by its opening row
    target: tuple[int, int] | None = None  # the row on an earlier page that goes on
    head = alone = False  # whether that row repeats a header row (is alone on its page)
    for n, page in enumerate(pages):
        if target is not None:
            found = _continuation(page, pages[target[0]][target[1]], heads, head, alone,
                                  icu, runs)
            if found is not None:
                row = pages[target[0]][target[1]]
                part = page[found]
                above, below = row.text.split("\t"), part.text.split("\t")
                rooms = row.room if len(row.room) == len(above) else (None,) * len(above)
                leads = part.lead if len(part.lead) == len(below) else (None,) * len(below)
                ends = row.spaces if len(row.spaces) == len(above) else (False,) * len(above)
                bearing = BEARING_EM * (part.size or row.size)
                texts = [cell_across_break(a, b, room, lead, bearing, spaced) for
                         a, b, room, lead, spaced in zip(above, below, rooms, leads, ends,
                                                         strict=True)]
                pages[target[0]][target[1]] = replaced(
                    row, text="\t".join(texts), open_below=part.open_below,
                    reach=part.reach, room=part.room, size=max(row.size, part.size))
                del page[found]
                if not any(line.table is not None for line in page[found:]):
                    heads |= _heads(page)
                    _add_runs(runs, page)
                    continue  # cut again: the next page goes on with the same row
        earlier = set(heads)
        heads |= _heads(page)
        _add_runs(runs, page)
        rows = [i for i, line in enumerate(page) if line.table is not None]
        target = (n, rows[-1]) if rows else None
        # a header row: one that opened a table run on an earlier page, or above on its own
        head = bool(rows) and " ".join(page[rows[-1]].text.split()) in earlier | _heads(
            page[:rows[-1]])
        alone = bool(rows) and (rows[-1] == 0 or page[rows[-1] - 1].table != page[rows[-1]].table)


def _add_runs(runs: dict[str, list[list[str]]], page: list[TextLine]) -> None:
    """Add, in place, the page's table runs (:func:`_runs`) to ``runs``."""
    for words, found in _runs(page).items():
        runs.setdefault(words, []).extend(found)


def _continuation(page: list[TextLine], row: TextLine, heads: set[str],
                  head: bool = False, alone: bool = False, icu: bool = False,
                  runs: dict[str, list[list[str]]] | None = None) -> int | None:
    """Index of the part of ``row`` on the next ``page``, or None when it has none.

    ``head``: ``row`` repeats a header row of an earlier page (see :func:`_goes_on`);
    ``alone``: it opens a table run on its page, alone, and then a part whose first
    cell is row number one (``1``, ``๑``) under a first cell of no digit is the
    table's first row under its header (``ลำดับที่``; a distributed header fills
    its cells as a cut row does). ``runs``: the rows of each table run on earlier
    pages, by its opening row's words (:func:`_runs`): the rows under a repeated
    header row that repeat that run's next rows are skipped with it.
    """
    first = next((i for i, line in enumerate(page) if _same_table(line, row)), None)
    if first is None:
        return None
    words = " ".join(page[first].text.split())
    if words in heads and not page[first].open_above:  # the repeated header row, and the
        first += _repeated_rows(page, first, (runs or {}).get(words, []))  # data rows under
        # it that repeat the table's first rows (a ``<thead>`` holding a report row)
        if first >= len(page) or not _same_table(page[first], row):
            return None
    part = page[first]
    label, number = row.text.split("\t")[0], "".join(part.text.split("\t")[0].split())
    if not _same_columns(row, part) or label_again(label, number) or (
            alone and number in ("1", "\u0e51") and not any(ch.isdigit() for ch in label)) \
            or next_item(row.text.split("\t"), part.text.split("\t")):
        return None  # other columns, or the next numbered row (รายงานครั้งที่๗ / ๘, 2. / 3.)
    if row.open_below or part.open_above:
        return first
    if not head and number_cut_off(label, part.text.split("\t")[0],
                                   [line.text.split("\t")[0] for line in page[first + 1:]
                                    if _same_table(line, row)]):
        return first  # ``รายงานครั้ง`` / ``ที่13``, the table's next row ``รายงานครั้งที่14``
    return first if _goes_on(row, part, head, icu) else None


#: A row label's words alone, no digit (``รายงานครั้ง``).
_LABEL_WORDS = re.compile("[\u0e01-\u0e4e]+")
#: A row label's last words and its number (``ที่13``, ``ครั้งที่๑๓``).
_LABEL_END = re.compile("(?P<words>[\u0e01-\u0e4e]{1,8})[0-9\u0e50-\u0e59]{1,3}")


def number_cut_off(label: str, text: str, below: list[str]) -> bool:
    """Whether a row's first cell at a page's foot is a label that lost its end to the next page.

    ``label``: the cell's text there, Thai words and no digit (``รายงานครั้ง``);
    ``text``: the first cell of the next page's first row of the table, the label's
    last words and its number alone (``ที่13``); ``below``: the first cells of the
    table's rows under it, one of which is a label of the same words whole
    (``รายงานครั้งที่14``). A page cut the row after its first line (an A5 print of a
    form typed one row a report: every cell wrapped): whatever room its other cells'
    lines left, the two parts are one row. Spaces do not count.

    >>> number_cut_off("รายงานครั้ง", "ที่13", ["รายงานครั้งที่14"])
    True
    >>> number_cut_off("รายงานครั้ง", "ที่13", []), number_cut_off("ข้อกำหนด", "ข้อ3", ["ข้อ4"])
    (False, False)
    """
    words, end = "".join(label.split()), _LABEL_END.fullmatch("".join(text.split()))
    if end is None or not _LABEL_WORDS.fullmatch(words):
        return False
    whole = re.compile(re.escape(words + end["words"]) + "[0-9\u0e50-\u0e59]{1,3}")
    return any(whole.fullmatch("".join(cell.split())) for cell in below)


def _goes_on(row: TextLine, part: TextLine, head: bool = False, icu: bool = False) -> bool:
    """Whether ``part``, closed by rules of its own, is the rest of ``row`` (cut by a page).

    The cells it fills are cells of ``row`` that run down to its bottom rule, and
    some other filled cell of ``row`` ended above it: a row the page did not cut
    has no room left under its tallest cell, but its next row fills other cells.
    When every filled cell of ``row`` runs down to its foot (the page cut the row
    after its first line, or in every cell), the part goes on when the last line of
    each cell it fills had no room for the part's first word there (that line was
    wrapped: :func:`.pdf_break_words.word_wider`; a Thai cell's first word is the
    first one a line breaker could have moved, not its text up to a space); a next
    row starts with a number or a short word that would have fitted (``ไม่ต่ำกว่า…``
    under a target's last line that had room for ``ไม่``: a row Chromium moved whole
    to the next page, closed above by a rule of its own). ``head``: ``row`` is a
    table's header row, whose next row is never its rest.
    """
    if len(row.reach) != len(row.cells):
        return False
    texts = part.text.split("\t")
    filled = [bool(t.strip()) for t in texts]
    if not any(filled) or not all(
            reached for reached, full in zip(row.reach, filled, strict=True) if full):
        return False
    if any(_ended_early(row)):
        return True
    # every cell of the row runs down to its foot: the part goes on only where the
    # row's last line had no room for the part's first word (the line was wrapped)
    lead = part.lead if len(part.lead) == len(texts) else (0.0,) * len(texts)
    size = part.size or row.size
    return not head and len(row.room) == len(texts) and all(
        word_wider(above, text, drawn, size, icu) > room
        for text, above, room, drawn in zip(texts, row.text.split("\t"), row.room, lead,
                                            strict=True) if text.strip())

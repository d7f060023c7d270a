"""The document model between read and extract, and the raw shapes extractors return.

Belongs to no stage: every reader's output becomes a :class:`RepairedText` (the
repaired text of a document, its pages and what the reader knew of its lines),
and every layout reads it as *lines* and *cells*:

- :meth:`RepairedText.lines` gives the physical lines, without the page furniture
  (running headers, footers, page numbers) found by :mod:`bma_etl.furniture`;
- :meth:`RepairedText.rows` gives logical lines: a table row the page wrapped
  over several lines, or a label whose value starts the next line, is one
  :class:`Line` whose pieces keep their own offsets;
- :func:`cells` splits a line into :class:`Cell` s: at tabs (the readers turn a
  wide gap or a table rule into a tab) or at the ``|`` of a pipe table.

Values are :class:`Raw` slices with a :class:`~bma_etl.provenance.Span` into the
stored text; :meth:`RepairedText.raw_in` maps a slice of a (possibly joined)
line back to the document, so a value read across a wrap keeps where it came from.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import count
from typing import Literal

from bma_etl.matchkey import KeyMatch
from bma_etl.provenance import LineIndex, Span


def words_over(words: tuple[tuple[int, int, float], ...], start: int,
               end: int) -> list[tuple[int, int, float]]:
    """The OCR'd ``words`` (``(start, end, confidence)``, in order) overlapping ``start:end``.

    A word that starts before ``start`` and runs into it counts.

    >>> words_over(((0, 4, 90.0), (5, 9, 20.0), (10, 12, 95.0)), 2, 9)
    [(0, 4, 90.0), (5, 9, 20.0)]
    """
    i = bisect_left(words, (start, -1, 0.0))
    while i > 0 and words[i - 1][1] > start:
        i -= 1
    out = []
    while i < len(words) and words[i][0] < end:
        if words[i][1] > start:
            out.append(words[i])
        i += 1
    return out


@dataclass(frozen=True, slots=True)
class Line:
    """A line: 1-based number of its first physical line, the offset it starts at, its text.

    A logical line joined from several physical lines (:meth:`RepairedText.rows`)
    has ``pieces``: for each physical line, the offset in ``text`` where it
    begins, its offset in the document and its length. Between two pieces
    ``text`` holds one space, or nothing where a Thai word was cut at the wrap.

    >>> line = Line(1, 0, "ab cd", ((0, 0, 2), (3, 10, 2)))
    >>> line.end, line.at(4), line.parts(1, 5)
    (12, 11, [(1, 2), (10, 12)])
    """

    no: int
    start: int
    text: str
    pieces: tuple[tuple[int, int, int], ...] = ()

    @property
    def end(self) -> int:
        """Document offset just past the line's last character."""
        if not self.pieces:
            return self.start + len(self.text)
        _, doc_at, length = self.pieces[-1]
        return doc_at + length

    def at(self, offset: int) -> int:
        """Document offset of ``text[offset]`` (``offset`` may be ``len(text)``)."""
        if not self.pieces:
            return self.start + offset
        at, doc_at, _ = self.pieces[0]
        for piece in self.pieces:
            if offset < piece[0]:
                break
            at, doc_at, _ = piece
        return doc_at + offset - at

    def parts(self, a: int, b: int) -> list[tuple[int, int]]:
        """Document ranges covered by ``text[a:b]``, one per physical line it touches."""
        if not self.pieces:
            return [(self.start + a, self.start + b)] if a < b else []
        out = []
        for at, doc_at, length in self.pieces:
            lo, hi = max(a, at), min(b, at + length)
            if lo < hi:
                out.append((doc_at + lo - at, doc_at + hi - at))
        return out


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a line: its offsets in the line's text and its text."""

    start: int
    end: int
    text: str
    first: bool  # the row's first column


_PIPE_ROW = re.compile(r"^\s*\|")


def cells(line: Line) -> list[Cell]:
    r"""The line's cells: pipe cells (``| a | b |``), tab cells, or the whole line as one.

    >>> [c.text for c in cells(Line(1, 0, "| ก | ข |"))]
    [' ก ', ' ข ']
    >>> [(c.text, c.first) for c in cells(Line(1, 0, "a\t\tb"))]
    [('a', True), ('', False), ('b', False)]
    """
    text = line.text
    if _PIPE_ROW.match(text):
        out: list[Cell] = []
        parts = text.split("|")
        offset = 0
        for i, part in enumerate(parts):
            if 0 < i < len(parts) - 1 or (i == len(parts) - 1 and part.strip()):
                out.append(Cell(offset, offset + len(part), part, i == 1))
            offset += len(part) + 1
        return out
    if "\t" in text:
        out = []
        offset = 0
        for i, part in enumerate(text.split("\t")):
            out.append(Cell(offset, offset + len(part), part, i == 0))
            offset += len(part) + 1
        return out
    return [Cell(0, len(text), text, True)]


def joined_line(parts: list[tuple[Line, int, int]], sep: str = " ") -> Line:
    r"""One :class:`Line` reading ``line.text[a:b]`` of each part in turn, ``sep`` between.

    For a value that runs over cells (``ความก้าวหน้า =`` in one, ``63.00 %`` in the
    next): every piece keeps its offsets, so :meth:`RepairedText.raw_in` maps back.

    >>> line = joined_line([(Line(1, 0, "a ="), 0, 3), (Line(1, 0, "a =\t5 %"), 4, 7)])
    >>> line.text, line.at(4), line.end
    ('a = 5 %', 4, 7)
    """
    text = ""
    pieces: list[tuple[int, int, int]] = []
    for line, a, b in parts:
        if pieces:
            text += sep
        base = len(text)
        own = line.pieces or ((0, line.start, len(line.text)),)
        for at, doc_at, length in own:
            lo, hi = max(a, at), min(b, at + length)
            if lo < hi:
                pieces.append((base + lo - a, doc_at + lo - at, hi - lo))
        text += line.text[a:b]
    first = parts[0][0]
    return Line(first.no, pieces[0][1] if pieces else first.start, text, tuple(pieces))


@dataclass(frozen=True, slots=True)
class Raw:
    """A value as read, and where.

    ``text[span.char_start:span.char_end] == text`` for a value read from one
    line. A value read across a wrapped line (``joined``) spans the physical
    lines it covers; its ``text`` is their pieces joined as the logical line reads.
    """

    text: str
    span: Span
    low_confidence: bool = False
    joined: bool = False


@dataclass(frozen=True, slots=True)
class Derived:
    """A value the extractor worked out rather than read (provenance ``derived = true``).

    ``value`` is already normalised (an ``int``, ``date``, ``str``...); ``evidence``
    points at the text it was derived from, when there is one.
    """

    value: object
    note: str
    evidence: Span | None = None


#: A field's raw value: one piece, several pieces (a text continued over a page
#: break, or the elements of a list), a derived value, or not stated.
FieldValue = Raw | Derived | list[Raw] | None


@dataclass(slots=True)
class RawRow:
    """One row of a contract table, before normalisation."""

    table: str
    ordinal: int | None
    fields: dict[str, FieldValue] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Finding:
    """A quality issue noticed by a stage (structure an extractor could not place, say)."""

    table_name: str
    row_ordinal: int | None
    field: str | None
    severity: Literal["warning", "error"]
    code: str
    message: str


@dataclass(slots=True)
class Extraction:
    """What one extractor returns for one document."""

    rows: list[RawRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RepairedText:
    """A document's repaired text, its line index and what is known of its lines.

    ``furniture`` holds the 1-based numbers of lines that are page furniture
    (running headers and footers, page numbers): they stay in ``text`` for
    provenance, and :meth:`lines` and :meth:`rows` leave them out. ``wraps``
    holds the numbers of lines the reader saw continue on the next line (a row
    the page was too narrow for). ``source_url`` is the address a saved web page
    names for itself (the browser's ``saved from url`` comment, a canonical link),
    when it names one; it is not part of ``text``. ``words`` are the OCR'd words
    with Tesseract's confidence, their spans moved onto the repaired text.
    """

    text: str
    index: LineIndex
    ocr_used: bool = False
    furniture: frozenset[int] = frozenset()
    wraps: frozenset[int] = frozenset()
    source_url: str | None = None
    #: OCR'd words as ``(start, end, confidence)`` offsets into :attr:`text`, in order.
    words: tuple[tuple[int, int, float], ...] = ()
    #: Of :attr:`words`, those OCR's Thai and English models read with other digits.
    doubted: tuple[tuple[int, int, float], ...] = ()
    #: Of :attr:`words`, those whose Thai digits two readers read alike (OCR's glyphs).
    agreed: tuple[tuple[int, int, float], ...] = ()
    #: Of :attr:`wraps`, the lines the reader saw wrapped at a space the writer set.
    spaced: frozenset[int] = frozenset()
    #: 1-based numbers of the pages whose lines the reader measured for wraps.
    judged: frozenset[int] = frozenset()
    #: The source file's media type (``text/plain``, ``text/html``, ``application/pdf``...),
    #: None when the text was not read from a file (a test, a part of another text).
    media_type: str | None = None
    _line_cache: tuple[tuple[Line, ...], tuple[Line, ...]] | None = field(
        default=None, init=False, repr=False, compare=False)

    @classmethod
    def of(cls, text: str, page_starts: tuple[int, ...] = (), ocr_used: bool = False,
           furniture: frozenset[int] = frozenset(), wraps: frozenset[int] = frozenset(),
           source_url: str | None = None, words: tuple[tuple[int, int, float], ...] = (),
           spaced: frozenset[int] = frozenset(), judged: frozenset[int] = frozenset(),
           doubted: tuple[tuple[int, int, float], ...] = (),
           agreed: tuple[tuple[int, int, float], ...] = (),
           media_type: str | None = None) -> RepairedText:
        """Wrap already-repaired text."""
        return cls(text, LineIndex(text, page_starts), ocr_used, furniture, wraps, source_url,
                   words, doubted, agreed, spaced, judged, media_type)

    def wraps_known(self, offset: int) -> bool:
        """Whether the reader measured the lines of the page at ``offset`` for wraps.

        On such a page a line not in :attr:`wraps` ends where its writer ended it; a
        page of no measured lines (a text file, OCR) says nothing of its wraps.
        An older reading that marks wraps but names no page measured counts each
        page as measured when any line is marked.
        """
        if self.judged:
            return self.index.page_of(offset) in self.judged
        return bool(self.wraps)

    def all_lines(self) -> Iterator[Line]:
        r"""Every physical line with its number and offset (furniture included).

        The lines are those of ``index`` (which breaks at ``\n`` only).
        """
        return iter(self._lines()[0])

    def lines(self) -> Iterator[Line]:
        """Every physical line but the page furniture."""
        return iter(self._lines()[1])

    def _lines(self) -> tuple[tuple[Line, ...], tuple[Line, ...]]:
        """Every physical line, and those that are no furniture (worked out once)."""
        if self._line_cache is None:
            every = tuple(Line(no, start, line) for no, start, line in zip(
                count(1), self.index.line_starts, self.text.split("\n")))
            kept = tuple(ln for ln in every if ln.no not in self.furniture) \
                if self.furniture else every
            object.__setattr__(self, "_line_cache", (every, kept))
        assert self._line_cache is not None
        return self._line_cache

    def rows(self, alone: re.Pattern[str] | None = None) -> list[Line]:
        """Logical lines: wrapped lines joined (:func:`bma_etl.rows.join_rows`).

        Lines ``alone`` matches are complete in themselves and never joined.
        """
        from bma_etl.rows import join_rows

        return join_rows(list(self.lines()), self.wraps, alone, self.spaced)

    def raw(self, start: int, end: int) -> Raw | None:
        """Raw value for ``text[start:end]`` with surrounding white space trimmed.

        Returns None when the slice is blank (the document states nothing there).
        """
        piece = self.text[start:end]
        stripped = piece.strip()
        if not stripped:
            return None
        if len(stripped) != len(piece):  # most pieces have no space to trim
            start += len(piece) - len(piece.lstrip())
        end = start + len(stripped)
        return Raw(stripped, self.index.span(start, end), self.ocr_used)

    def raw_in(self, line: Line, start: int, end: int) -> Raw | None:
        """Raw value for ``line.text[start:end]``, trimmed; one span even across a wrap."""
        if not line.pieces:
            return self.raw(line.start + start, line.start + end)
        piece = line.text[start:end]
        stripped = piece.strip()
        if not stripped:
            return None
        start += len(piece) - len(piece.lstrip())
        end = start + len(stripped)
        parts = line.parts(start, end)
        if len(parts) == 1:
            return self.raw(*parts[0])
        span = self.index.span(parts[0][0], parts[-1][1])
        return Raw(stripped, span, self.ocr_used, joined=True)

    def sub_raw(self, raw: Raw, start: int, end: int) -> Raw | None:
        """Raw value for ``raw.text[start:end]``, trimmed: a part of a value keeps its span.

        A value read across a wrap (``raw.joined``) reads its lines joined, without
        their line breaks (and with a space or nothing between them): its letters
        are matched one by one with the document's, so a part after the wrap
        (``โทร.1136`` of ``นาย ก`` / ``โทร.1136``) is where the document has it.
        The page furniture a value read across a page break passes over (a page
        number between its lines, ``กอง… /`` / ``- 1 -`` / ``ส่วน…``) has no letters
        of it. A part that still crosses the wrap is itself joined. Returns None
        when the part is blank.
        """
        base = raw.span.char_start
        if not raw.joined:
            return self.raw(base + start, base + end)
        piece = raw.text[start:end]
        if not piece.strip():
            return None
        start += len(piece) - len(piece.lstrip())
        end = start + len(piece.strip())
        stated = self.text[base:raw.span.char_end]
        ours = [i for i, ch in enumerate(raw.text) if not ch.isspace()]
        theirs = [i for i, ch in enumerate(stated) if not ch.isspace()]
        if self.furniture and "\n" in stated:
            theirs = [i for i in theirs if self.index.line_of(base + i) not in self.furniture]
        if len(ours) != len(theirs) or any(raw.text[a] != stated[b]
                                           for a, b in zip(ours, theirs, strict=True)):
            return self.raw(base + start, base + end)  # not the same letters: as they stand
        first = theirs[bisect_left(ours, start)]
        last = theirs[bisect_left(ours, end - 1)] + 1
        if "\n" not in stated[first:last]:
            return self.raw(base + first, base + last)
        return Raw(raw.text[start:end], self.index.span(base + first, base + last),
                   raw.low_confidence, joined=True)

    def raw_match(self, match: re.Match[str] | KeyMatch, group: int | str = 0, base: int = 0,
                  line: Line | None = None) -> Raw | None:
        """Raw value for a regex group.

        The match ran on ``line.text`` when ``line`` is given, else on a string
        starting at document offset ``base``.
        """
        start, end = match.span(group)
        if start < 0:
            return None
        if line is not None:
            return self.raw_in(line, start, end)
        return self.raw(base + start, base + end)

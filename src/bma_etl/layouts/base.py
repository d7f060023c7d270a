"""What a layout module provides, and the raw shapes an extractor returns.

Stage: extract. An extractor reads a :class:`~bma_etl.textnorm.RepairedText` and
returns an :class:`Extraction`: rows of *raw* values, each the exact text it read
with its :class:`~bma_etl.provenance.Span`. Turning raw text into numbers and
dates is the normalize stage's job (:mod:`bma_etl.normalize.fields`), chosen by
the ``Parse`` marker on each model field.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from bma_etl.provenance import LineIndex, Span
from bma_etl.records import Record


@dataclass(frozen=True, slots=True)
class RepairedText:
    """A document's repaired text with its line index (what extractors read)."""

    text: str
    index: LineIndex
    ocr_used: bool = False

    @classmethod
    def of(cls, text: str, page_starts: tuple[int, ...] = (), ocr_used: bool = False
           ) -> RepairedText:
        """Wrap already-repaired text."""
        return cls(text, LineIndex(text, page_starts), ocr_used)

    def lines(self) -> Iterator[Line]:
        r"""Every line with its number and offset (newline not included).

        The lines are those of ``index`` (which breaks at ``\n`` only).
        """
        start = 0
        for no, line in enumerate(self.text.split("\n"), start=1):
            yield Line(no, start, line)
            start += len(line) + 1

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

    def raw_match(self, match: re.Match[str], group: int | str = 0, base: int = 0) -> Raw | None:
        """Raw value for a regex group; ``base`` is the offset the match's string starts at."""
        start, end = match.span(group)
        if start < 0:
            return None
        return self.raw(base + start, base + end)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text: 1-based number, offset of its first character, its text."""

    no: int
    start: int
    text: str

    @property
    def end(self) -> int:
        """Offset just past the line's last character."""
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class Raw:
    """A value exactly as read, and where (``text[span.char_start:span.char_end] == text``)."""

    text: str
    span: Span
    low_confidence: bool = False


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
    """A quality issue the extractor noticed (structure it could not place, say)."""

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
class Signal:
    r"""A sign of a layout: a regex (multi-line mode) worth ``points`` when found.

    ``within`` limits the search to the text's first characters (a title, say).
    ``needles`` are literal strings of which every match contains at least one: the
    regex runs only when one is in the text. A line-anchored pattern (``^\s*…``)
    costs Python's regex engine a try at every character of a long document; a
    substring test does not.
    """

    pattern: str
    points: float
    within: int | None = None
    needles: tuple[str, ...] = ()


def score_signals(doc: RepairedText, signals: tuple[Signal, ...]) -> float:
    r"""Sum of the points of the signals found in ``doc``, capped at 1.

    >>> score_signals(RepairedText.of("a\nTITLE"), (Signal("^TITLE", 0.6), Signal("x", 0.3)))
    0.6
    """
    points = 0.0
    for signal in signals:
        text = doc.text if signal.within is None else doc.text[:signal.within]
        if signal.needles and not any(needle in text for needle in signal.needles):
            continue
        if re.search(signal.pattern, text, re.MULTILINE):
            points += signal.points
    return min(round(points, 6), 1.0)


ScoreFn = Callable[[RepairedText], float]
ExtractFn = Callable[[RepairedText], Extraction]


@dataclass(frozen=True, slots=True)
class Layout:
    """A document layout: how to recognise it and how to read it."""

    layout_id: str
    title: str
    tables: tuple[type[Record], ...]
    score: ScoreFn
    extract: ExtractFn

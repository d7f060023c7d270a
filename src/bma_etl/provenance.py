"""Where a value came from: spans over the document's repaired text.

A :class:`Span` indexes the text stored in ``document_texts`` (character offsets
into the whole text, and the 1-based line number the value starts on).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate


@dataclass(frozen=True, slots=True)
class Span:
    """A slice of the document text: ``text[char_start:char_end]``."""

    line_no: int
    char_start: int
    char_end: int
    page: int | None = None


class LineIndex:
    r"""Maps character offsets of one text to 1-based line numbers (and pages).

    >>> idx = LineIndex("ab\ncd\nef")
    >>> idx.line_of(4), idx.line_start(3)
    (2, 6)
    """

    __slots__ = ("_line_starts", "_page_starts", "text")

    def __init__(self, text: str, page_starts: tuple[int, ...] = ()) -> None:
        self.text = text
        self._page_starts = page_starts
        self._line_starts: list[int] | None = None  # worked out when first asked for

    @property
    def line_starts(self) -> list[int]:
        """Offset of each line's first character (index 0: line 1); do not change it."""
        if self._line_starts is None:
            self._line_starts = list(
                accumulate((len(line) + 1 for line in self.text.split("\n")[:-1]), initial=0)
            )
        return self._line_starts

    @property
    def page_starts(self) -> tuple[int, ...]:
        """Offsets where each page begins (empty for a text without pages)."""
        return self._page_starts

    @property
    def line_count(self) -> int:
        """Number of lines (a trailing newline does not open a new one)."""
        return len(self.line_starts)

    def line_start(self, line_no: int) -> int:
        """Offset of the first character of a 1-based line."""
        return self.line_starts[line_no - 1]

    def line_of(self, offset: int) -> int:
        """1-based line number holding ``offset``."""
        return bisect_right(self.line_starts, offset)

    def page_of(self, offset: int) -> int | None:
        """1-based page holding ``offset`` when the reader knew pages."""
        if not self._page_starts:
            return None
        return bisect_right(self._page_starts, offset)

    def span(self, start: int, end: int) -> Span:
        """Span for ``text[start:end]``."""
        return Span(self.line_of(start), start, end, self.page_of(start))

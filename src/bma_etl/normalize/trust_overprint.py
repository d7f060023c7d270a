"""Values read where two texts are printed over each other: not loaded.

Stage: normalize (after parsing, before validation), for PDFs whose text layer draws
text over text (:mod:`bma_etl.read.pdf_overprint`: xhtml2pdf lets a Thai name run on
over the budget cell beside it, and the two read interleaved). A value whose text
lies in such a cell is NULL with an ``overprinted_value`` quality issue quoting what
was read: ``๔,๒๐๐,๐๐๐.- บาท`` under a name read ``4.00`` and a score ``๑๒`` read
``1.0000``, wrong values that nothing else flagged. A plan section's computed total
that adds up an amount not loaded is NULL too.
"""

from __future__ import annotations

import re

from bma_etl.document import Finding, RepairedText
from bma_etl.normalize.fields import Normalized
from bma_etl.normalize.trust_drops import Dropped, drop_section_sums, forget_provenance
from bma_etl.read.pdf_overprint import WORD_LETTERS, letters_only
from bma_etl.textnorm import repair_text

__all__ = ["drop_overprinted", "drop_unread", "overprinted_spans"]


def overprinted_spans(doc: RepairedText, overprinted: tuple[tuple[int, str], ...],
                      marks_aside: bool = False) -> list[tuple[int, int]]:
    """Offsets ``(start, end)`` into ``doc.text`` of the cells read overprinted.

    ``overprinted``: ``(1-based line, cell as read)`` (:attr:`.SourceDocument.overprinted`);
    repair keeps lines, so the line is the same; a cell repair changed past finding
    stands for its whole line. ``marks_aside``: a cell (a word that lost a mark, as
    read: its marks may be written out of place or lost) of :data:`WORD_LETTERS`
    letters or more is found by its letters too, marks and spaces aside (``ทีใชไ`` in
    ``ที่ใช้ไป``, ``พันา`` in ``พั นา``: a glyph named a space).
    """
    lines = doc.text.split("\n")
    starts = doc.index.line_starts
    spans = []
    for line_no, cell in overprinted:
        if not 1 <= line_no <= len(lines):
            continue
        line, start = lines[line_no - 1], starts[line_no - 1]
        for piece in (cell, repair_text(cell).strip()):
            at = line.find(piece) if piece else -1
            if at >= 0:
                spans.append((start + at, start + at + len(piece)))
                break
        else:
            found = _by_letters(cell, line) if marks_aside else None
            spans.append((start + found[0], start + found[1]) if found
                         else (start, start + len(line)))
    return spans


#: A Thai mark (upper and lower vowels, tone marks, THANTHAKHAT, NIKHAHIT).
_MARK = "[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]"


def _by_letters(word: str, line: str) -> tuple[int, int] | None:
    """Where ``word``'s letters stand in ``line``, marks or a space between them, once only."""
    letters = letters_only(word)
    if len(letters) < WORD_LETTERS:
        return None
    between = f"(?:{_MARK}|[ \u00a0])*"  # (a space where its lost glyph advanced the pen)
    found = list(re.finditer(between.join(map(re.escape, letters)) + f"{_MARK}*", line))
    return found[0].span() if len(found) == 1 else None


def drop_overprinted(normalized: Normalized, doc: RepairedText,
                     overprinted: tuple[tuple[int, str], ...]) -> None:
    """NULL every value read from a cell of text printed over text, with a finding (in place).

    ``doc``: the repaired text the provenance spans index; ``overprinted``: see
    :func:`overprinted_spans`.
    """
    _drop(normalized, doc, overprinted, "overprinted_value",
          "was read where two texts are printed over each other on the page",
          "an amount printed over by other text")


def drop_unread(normalized: Normalized, doc: RepairedText,
                unread: tuple[tuple[int, str], ...]) -> None:
    """NULL every value holding a word that lost a Thai mark, with a finding (in place).

    ``unread``: ``(1-based line, word as read)`` (:attr:`.SourceDocument.unread`): a
    glyph drawn where a mark goes that neither the PDF's text map nor its font
    program names (``เป็น`` read ``เปน``), found as :func:`overprinted_spans` finds cells.
    """
    _drop(normalized, doc, unread, "unnamed_glyph",
          "lost a mark: the PDF draws a glyph there that neither its text map nor its "
          "font names", "an amount that lost a mark", marks_aside=True)


def _drop(normalized: Normalized, doc: RepairedText, cells: tuple[tuple[int, str], ...],
          code: str, why: str, summed: str, marks_aside: bool = False) -> None:
    """NULL each value overlapping a cell of ``cells``, with a ``code`` finding saying ``why``."""
    spans = overprinted_spans(doc, cells, marks_aside)
    if not spans:
        return
    rows = {(r.table, r.ordinal): r for r in normalized.rows}
    dropped: Dropped = set()
    for p in normalized.provenance:
        if p.char_start is None or p.char_end is None:
            continue
        if not any(p.char_start < end and start < p.char_end for start, end in spans):
            continue
        row = rows.get((p.table_name, p.row_ordinal))
        if row is None or row.values.pop(p.field, None) is None:
            continue
        dropped.add((p.table_name, p.row_ordinal, p.field))
        line = f"line {p.line_no}: " if p.line_no else ""
        normalized.findings.append(Finding(
            p.table_name, p.row_ordinal, p.field, "warning", code,
            f"{line}{p.raw_text!r} {why}: not loaded"))
    forget_provenance(normalized, dropped)
    drop_section_sums(normalized, dropped, code,
                      f"the sum of the section's amounts includes {summed}: not loaded")

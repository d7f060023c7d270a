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

from bma_etl.document import Finding, RepairedText
from bma_etl.normalize.fields import Normalized
from bma_etl.normalize.trust_drops import Dropped, drop_section_sums, forget_provenance
from bma_etl.textnorm import repair_text

__all__ = ["drop_overprinted", "overprinted_spans"]


def overprinted_spans(doc: RepairedText, overprinted: tuple[tuple[int, str], ...]
                      ) -> list[tuple[int, int]]:
    """Offsets ``(start, end)`` into ``doc.text`` of the cells read overprinted.

    ``overprinted``: ``(1-based line, cell as read)`` (:attr:`.SourceDocument.overprinted`);
    repair keeps lines, so the line is the same; a cell repair changed past finding
    stands for its whole line.
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
            spans.append((start, start + len(line)))
    return spans


def drop_overprinted(normalized: Normalized, doc: RepairedText,
                     overprinted: tuple[tuple[int, str], ...]) -> None:
    """NULL every value read from a cell of text printed over text, with a finding (in place).

    ``doc``: the repaired text the provenance spans index; ``overprinted``: see
    :func:`overprinted_spans`.
    """
    spans = overprinted_spans(doc, overprinted)
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
            p.table_name, p.row_ordinal, p.field, "warning", "overprinted_value",
            f"{line}{p.raw_text!r} was read where two texts are printed over each other "
            "on the page: not loaded"))
    forget_provenance(normalized, dropped)
    drop_section_sums(normalized, dropped, "overprinted_value",
                      "the sum of the section's amounts includes an amount printed over by "
                      "other text: not loaded")

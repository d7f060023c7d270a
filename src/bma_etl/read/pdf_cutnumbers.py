"""A number a page break cut inside its table cell, joined again without a space.

Stage: read (a helper of :func:`.pdf_breaks.join_cut_rows`, on the two parts of a
ruled table row a page break cut). A cell too narrow for a number (a schedule's
``๔๐`` in a 1 cm column, LibreOffice at 16 pt) is cut where its line is full; when
the page breaks there, the number's first digits end the row on one page and its
rest opens the row on the next (``๔`` / ``๐``). Joined with a space, the cell read
``๔ ๐``: a cumulative share of 4 per cent, not 40.
"""

from __future__ import annotations

from bma_etl.read.pdf_tables import join_pieces

_DIGITS = frozenset("0123456789๐๑๒๓๔๕๖๗๘๙")


def cell_across_break(above: str, below: str, room: float | None, lead: float | None,
                      bearing: float = 0.0, spaced: bool = False) -> str:
    """One cell's text from its part above a page break and its part below.

    ``room``: the width (points) the cell's last line above leaves before its right
    padding; ``lead``: the drawn width (points) of the first word below (None:
    unknown); ``bearing``: what a character's side bearings add to its ink (points);
    ``spaced``: the line above ends in a space the PDF wrote (the writer wrapped
    there). When the part above ends in a digit, no written space after it, and the
    part below opens with digits, and the line above had no room for one of them
    (the first word's width shared among its characters, with ``bearing``), the
    number goes on: no space. Otherwise as :func:`.pdf_tables.join_pieces` joins a
    cell's two lines.

    >>> cell_across_break("๔", "๐", 9.1, 9.8), cell_across_break("๔", "๐", 12.0, 9.8)
    ('๔๐', '๔ ๐')
    >>> cell_across_break("ร้อยละ ๔", "๐", None, None), cell_across_break("๔", "๐", 9.1, 9.8,
    ...                                                                 spaced=True)
    ('ร้อยละ ๔ ๐', '๔ ๐')
    """
    a, b = above.strip(), below.strip()
    if a and b and a[-1] in _DIGITS and b[0] in _DIGITS and not spaced \
            and room is not None and lead is not None and lead > 0.0:
        word = b.split()[0]
        if room < lead / len(word) + bearing:
            return a + b
    return join_pieces(a, b)

"""Zero-width word breaks a PDF writes as space characters that move the pen nowhere.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_layout` and
:mod:`.pdf_fast`). A web page marks where Thai may wrap with U+200B (ZERO WIDTH
SPACE, or ``<wbr>``). PyMuPDF's HTML ``Story`` writes each one as a space
character whose box is a quarter em wide while the next letter is drawn from the
space's own origin, and leaves the page's real spaces as gaps with no character
(pdfium makes their spaces up): read as written, every Thai word stood apart.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bma_etl.read.pdf_glyphs import Glyphs

#: A written space whose next character is drawn this many font sizes or less from
#: the space's own origin advances nothing (:func:`advances_nothing`).
NO_ADVANCE_EM = 0.02
#: Thai characters no word begins with: SARA A, SARA AA, SARA AM, LAKKHANGYAO and
#: the marks (a space before one is a lost mark's, not a word break).
_NEVER_FIRST = frozenset("\u0e30\u0e32\u0e33\u0e45\u0e31" + "".join(
    map(chr, [*range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)])))
#: Written spaces inside lines a page is judged by (:func:`spaces_advance_nothing`).
SPACES_SAMPLED = 20
_INNER_SPACE = re.compile(r" (?=[^\s])")


def advances_nothing(g: Glyphs, space: int, size: float) -> bool:
    """Whether the written space at page index ``space`` moves the pen nowhere.

    The character after it is drawn from the space's own origin on its baseline
    (within :data:`NO_ADVANCE_EM` of ``size``, the font size in points): the print
    shows no gap there. A space whose box stands left of its origin (a mark's glyph
    drawn back over the letter before it: a SARA AM whose ring a damaged text map
    calls a space), or that stands before a Thai character no word begins with
    (:data:`_NEVER_FIRST`), is never such a break.
    """
    here, after = g.origin(space), g.origin(space + 1)
    if here is None or after is None or size <= 1.0 \
            or abs(after[0] - here[0]) >= NO_ADVANCE_EM * size \
            or abs(after[1] - here[1]) >= NO_ADVANCE_EM * size:
        return False
    return g.edges(space)[0] >= here[0] - NO_ADVANCE_EM * size \
        and chr(g.unicode(space + 1)) not in _NEVER_FIRST


def spaces_advance_nothing(g: Glyphs, raw: str) -> bool:
    """Whether the page of ``g`` writes its spaces as zero-width word breaks only.

    ``raw``: the page's text, a character per index. Of the first
    :data:`SPACES_SAMPLED` spaces the PDF wrote inside a line, at least three
    :func:`advances_nothing` and at most one in ten moves the pen (a page of
    PyMuPDF's ``Story``). A written space that ends such a page's line is then no
    space either. Worked out once per page (kept on ``g``).
    """
    if g.no_advance is None:
        zero = moved = 0
        for found in _INNER_SPACE.finditer(raw):
            i = found.start()
            if g.generated(i):
                continue
            if advances_nothing(g, i, g.size(i + 1)):
                zero += 1
            else:
                moved += 1
            if zero + moved == SPACES_SAMPLED:
                break
        g.no_advance = zero >= 3 and 10 * moved <= zero
    return g.no_advance

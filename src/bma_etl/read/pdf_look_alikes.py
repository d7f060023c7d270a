"""Which Thai mark a moved form may be mistaken for, and when its best match is trusted.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_unmapped`, which
reads a glyph no text map names by matching its outline against the marks the
document draws in their own form). A form that matches one mark best may still be
a look-alike the document never draws in its own form, so it cannot be compared:
its best match is trusted only by a clear margin (:data:`STRONG_MATCH`), unless
the look-alike is ruled out by its outline's make-up. SARA UE is SARA I's arc ending
in a closed loop, one contour more (its hole) in every Thai font (Noto Sans Thai
1 and 2, Noto Serif and Looped Thai and the TLWG fonts 2 and 3, the moved forms
too): a form of no more contours than the font's own SARA I is no SARA UE. That
reads a re-distilled Chromium print's ``ปี`` (SARA II moved left, matched at 0.82,
Ghostscript's text map naming it U+0000), where a document draws no SARA UE.
"""

from __future__ import annotations

from collections.abc import Callable, Container

#: For each mark, the marks whose moved forms match its own glyph closely (intersection
#: over union, form of one against the other's glyph, Noto Sans and Serif Thai and
#: Sarabun: a narrow ``ิ`` on ``ี`` 0.84, ``ี`` on ``ื`` 0.89, ``ิ`` on ``ั`` 0.72), and
#: (:data:`LOOK_LESS`) those that match it at 0.45-0.6. A form matched by the text
#: map's marks (:mod:`.pdf_tounicode`: those the document also draws in their own form)
#: is read where each look-alike of its best match is among them too (or ruled out,
#: :data:`LOOPED`), or it matches by :data:`STRONG_MATCH` (:data:`WEAK_MATCH` for the
#: lesser look-alikes) at least.
LOOK_ALIKE = {
    "\u0e34": "\u0e35\u0e36\u0e37", "\u0e35": "\u0e34\u0e36\u0e37",
    "\u0e36": "\u0e34\u0e35\u0e37", "\u0e37": "\u0e34\u0e35\u0e36",
    "\u0e31": "\u0e34", "\u0e38": "\u0e39\u0e3a", "\u0e39": "\u0e38\u0e3a",
    "\u0e3a": "\u0e38\u0e39",
}
LOOK_LESS = {
    "\u0e34": "\u0e31", "\u0e35": "\u0e31", "\u0e37": "\u0e31",
    "\u0e31": "\u0e35\u0e36\u0e37",
    "\u0e49": "\u0e31\u0e34\u0e35\u0e37\u0e4a",
    "\u0e47": "\u0e31\u0e49\u0e4a\u0e4d",
    "\u0e4a": "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e49",
    "\u0e4c": "\u0e47\u0e4a\u0e4b", "\u0e4d": "\u0e47",
}
STRONG_MATCH, WEAK_MATCH = 0.92, 0.65
#: A mark drawn as another's shape and a closed loop (one contour) more: SARA UE, SARA I.
LOOPED = {"\u0e36": "\u0e34"}


def unsure(read: str, share: float, drawn: Container[str], contours: int,
           contours_of: Callable[[str], int | None]) -> bool:
    """Whether a form that best matches mark ``read`` (by ``share``) may be a look-alike.

    ``drawn``: the marks the document draws in their own form (matched against);
    ``contours``: how many contours the form's outline has; ``contours_of``: how many
    the font's own glyph of a mark has (``None`` for a mark it does not draw).
    """
    for least, look_alikes in ((STRONG_MATCH, LOOK_ALIKE), (WEAK_MATCH, LOOK_LESS)):
        if share < least and any(other not in drawn and not _loopless(other, contours,
                                                                        contours_of)
                                 for other in look_alikes.get(read, "")):
            return True  # the mark it looks most like may not be the one it is
    return False


def _loopless(char: str, contours: int, contours_of: Callable[[str], int | None]) -> bool:
    """Whether a form of ``contours`` contours lacks the loop ``char`` adds (:data:`LOOPED`)."""
    plain = LOOPED.get(char)
    count = contours_of(plain) if plain is not None else None
    return count is not None and 0 < contours <= count

"""A borderless table's cell lines as LibreOffice sets them: their pitch, and cells a little off.

Stage: read. Used by :func:`.pdf_columns.with_columns` on the tab-aligned rows of
one borderless table (:class:`~.pdf_layout.TextLine`, y in points), before
:func:`.pdf_borderless.top_aligned_rows` joins a wrapped row's lines. LibreOffice
sets each cell's lines by its own glyphs' heights (in Sarabun ``000`` stands five
points under ``น้อง`` beside it): the cells of one row's line may stand some points
apart, and a cell's lines further apart than the document's line pitch, which those
offsets made too small.
"""

from __future__ import annotations

from bma_etl.read.pdf_cuts import cut_inside_number, cut_inside_word
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_line import replaced

#: Most a borderless table's own line pitch may exceed the document's (LibreOffice
#: sets each cell's lines by its glyphs' heights, and side-by-side cells some points
#: off one another give the document a pitch under a cell's: 15 points where
#: Sarabun's 12 pt lines of one cell stand 18.7 apart).
OWN_PITCH = 1.3


def own_pitch(rows: list[TextLine], pitch: float) -> float:
    """The line pitch (points) of a borderless table's cells, given the document's ``pitch``.

    The least step between two lines of one cell, when that is over ``pitch`` but
    under :data:`OWN_PITCH` times it; else ``pitch`` (rows set further apart by
    padding). ``rows``: tab-aligned, top to bottom; a cell's next line is a piece
    under the piece of its column above it that goes on a word or amount cut there
    (``รายง`` / ``าน``, ``๙,๕๕๕,`` / ``๙๐๐``), or one of a line that leaves the first
    column empty.
    """
    above: dict[int, tuple[float, str]] = {}  # column -> its last piece, and where
    least = float("inf")
    for row in rows:
        if row.baseline is None:
            continue
        pieces = row.text.split("\t")
        for k, piece in enumerate(pieces):
            if not piece.strip():
                continue
            top, upper = above.get(k, (row.baseline, ""))
            if top > row.baseline and (not pieces[0].strip() or cut_inside_word(upper, piece)
                                       or cut_inside_number(upper, piece)):
                least = min(least, top - row.baseline)
            above[k] = (row.baseline, piece)
    return least if pitch < least < OWN_PITCH * pitch else pitch


def offset_cells(rows: list[TextLine], pitch: float) -> list[TextLine]:
    """Tab-aligned ``rows`` with the cells of one line that stand a little apart made one line.

    LibreOffice sets each cell's lines by its own glyphs' heights, so a row's
    second line may stand a few points lower in one cell than in the next
    (``น้อง`` beside ``000``): a line goes on the line above when it stands less
    than half a ``pitch`` (points) under it and their cells are in other columns.
    The line made stands between the two (each cell's step to the lines above and
    below it is then about a pitch).
    """
    out: list[TextLine] = []
    for row in rows:
        last = out[-1] if out else None
        if last is None or last.baseline is None or row.baseline is None \
                or not 0.0 < last.baseline - row.baseline < pitch / 2 \
                or last.table is not None or row.table is not None \
                or len(last.ends) != len(last.cells) or len(row.ends) != len(row.cells):
            out.append(row)
            continue
        mine = {k: p for k, p in enumerate(last.text.split("\t")) if p.strip()}
        theirs = {k: p for k, p in enumerate(row.text.split("\t")) if p.strip()}
        if not mine or not theirs or set(mine) & set(theirs) \
                or len(mine) != len(last.cells) or len(theirs) != len(row.cells):
            out.append(row)
            continue
        where = {**dict(zip(sorted(mine), zip(last.cells, last.ends, strict=True),
                            strict=True)),
                 **dict(zip(sorted(theirs), zip(row.cells, row.ends, strict=True), strict=True))}
        cols = sorted(where)
        pieces = {**mine, **theirs}
        text = "\t".join(pieces.get(k, "") for k in range(cols[-1] + 1))
        out[-1] = replaced(last, text=text, baseline=(last.baseline + row.baseline) / 2,
                           cells=tuple(where[k][0] for k in cols),
                           ends=tuple(where[k][1] for k in cols), heights=(), spaces=(),
                           gaps=tuple(sorted(last.gaps + row.gaps)),
                           left=min(last.left, row.left), right=max(last.right, row.right))
    return out

"""Lines of Tesseract blocks that stand side by side on one row, made one line.

Stage: read. A sheet printed without its grid (a label column and a value
column far apart, ``ชื่อโครงการ/กิจกรรม :`` … ``โครงการปรับปรุง…``) is read by
Tesseract's page segmentation as two blocks: every label, then every value.
The form's labels then stand alone and its values lines below, where no label
holds them. A text layer is read row by row (:mod:`.pdf_layout`); so is a scan:
a line of one block and a line of another block that share a row (their boxes
overlap by :data:`ROW_OVERLAP` of the lower one's height and not at all
across) are one line, in the place of the first of them. Lines of one block are
Tesseract's own decision and left as they are.
"""

from __future__ import annotations

from bma_etl.read.ocr_tsv import TsvLine

#: Share of the lower line's height two lines' boxes must overlap on to share a row.
#: Lines of a page one under the other overlap not at all (or by a tone mark's
#: few pixels); one row's cells, scanned with a degree of skew left, by most of it.
ROW_OVERLAP = 0.6


def _box(line: TsvLine) -> tuple[int, int, int, int]:
    return (min(p.left for p in line.pieces), min(p.top for p in line.pieces),
            max(p.right for p in line.pieces), max(p.bottom for p in line.pieces))


def _same_row(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap >= ROW_OVERLAP * min(a[3] - a[1], b[3] - b[1]) > 0


def _apart(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[2] <= b[0] or b[2] <= a[0]


def rows_across_blocks(lines: list[TsvLine]) -> list[TsvLine]:
    """``lines`` (Tesseract's reading order) with lines of other blocks on one row joined.

    Each joined line keeps the place of its first line and its pieces left to
    right; a piece that starts another block's line gets ``spaces=None`` (the gap
    then decides between a space and a tab). Lines are never changed otherwise.
    """
    boxes = [_box(line) for line in lines]
    used: set[int] = set()
    out: list[TsvLine] = []
    for i, line in enumerate(lines):
        if i in used:
            continue
        mates = [i]
        blocks = {line.pieces[0].line[0]}
        for j in range(i + 1, len(lines)):
            block = lines[j].pieces[0].line[0]
            if (j in used or block in blocks or not _same_row(boxes[i], boxes[j])
                    or not all(_apart(boxes[m], boxes[j]) for m in mates)):
                continue
            mates.append(j)
            blocks.add(block)
            used.add(j)
        if len(mates) == 1:
            out.append(line)
            continue
        for m in mates[1:]:
            lines[m].pieces[0].spaces = None
        pieces = sorted((p for m in mates for p in lines[m].pieces), key=lambda p: p.left)
        out.append(TsvLine(max(lines[m].height for m in mates), pieces))
    return out

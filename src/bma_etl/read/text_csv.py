r"""A sheet saved as CSV: its rows read as the project's tab text reads a table.

Stage: read (a helper of :func:`bma_etl.read.read_source`, for ``.csv`` files). An
analyst pastes an action plan or a tracking page into a spreadsheet and saves it as
CSV: every row a line of comma-separated cells, a cell holding a comma, a quote or a
line break in double quotes (``"๔๘,๒๕๐,๐๐๐.- บาท"``), a quote inside doubled, and
every row padded with empty cells to the sheet's width by some programs. The
project's text files print a table a row a line, its cells set apart by tabs; a CSV
row is the same row, so :func:`csv_as_tabs` gives that text: the cells of each row
joined by tabs, a row's trailing empty cells left off (a padded sheet's prose rows
are a line of text again), a cell's line breaks read as a tab export's are
(:func:`.text_quoted._one_line`), a tab inside a cell made a space. The standard
library's :mod:`csv` reads the cells; the bytes are decoded as any text file's are
(UTF-8 with its byte order mark or not, Thai cp874: :func:`.text.read_text`).
"""

from __future__ import annotations

import csv
import io

from bma_etl.errors import ReadError
from bma_etl.read.text_quoted import _one_line

__all__ = ["csv_as_tabs"]


def csv_as_tabs(text: str, name: str = "file") -> str:
    r"""The decoded ``text`` of a CSV file as rows of tab-separated cells.

    Raises ReadError when the text is no CSV (a quote never closed).

    >>> csv_as_tabs('ลำดับ,ชื่อโครงการ,งบประมาณ\n๑,โครงการ ก,"๑,๐๐๐.- บาท"\nวิสัยทัศน์,,\n')
    'ลำดับ\tชื่อโครงการ\tงบประมาณ\n๑\tโครงการ ก\t๑,๐๐๐.- บาท\nวิสัยทัศน์\n'
    """
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=",", quotechar='"',
                               doublequote=True, strict=True))
    except csv.Error as exc:
        raise ReadError(f"{name}: not readable as CSV ({exc}); save the sheet as CSV "
                        "again, or as text") from exc
    out = []
    for row in rows:
        while row and not row[-1].strip():
            row.pop()
        out.append("\t".join(
            _one_line(cell.replace("\r\n", "\n").replace("\t", " "), k == len(row) - 1)
            for k, cell in enumerate(row)))
    return "\n".join(out) + "\n"

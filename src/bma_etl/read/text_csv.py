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
import re

from bma_etl.errors import ReadError
from bma_etl.read.text_quoted import _one_line

__all__ = ["MIN_QUOTED_ROWS", "csv_as_tabs", "is_csv_text"]

#: Rows with a quoted cell beside a comma a text needs to be taken for a CSV export.
MIN_QUOTED_ROWS = 3
#: A quoted cell beside a comma: ``,"๔๘,๒๕๐,๐๐๐.- บาท"`` or ``"ก",``.
_QUOTED_BESIDE_COMMA = re.compile(r'(?:^|,)"(?:[^"]|"")*"(?=,|\s*$)', re.MULTILINE)
#: A quoted cell (taken out before looking for digits grouped by commas outside one).
_QUOTED = re.compile(r'"(?:[^"]|"")*"')
#: An amount's digits grouped by commas, its satang or its baht after it (``12,500.50``,
#: ``1,234 บาท``; not cells ``40,100`` nor a row of years ``2563,2564``): a CSV export
#: quotes the cell that holds one.
_GROUPED = re.compile(r"(?<![0-9\u0e50-\u0e59])[0-9\u0e50-\u0e59]{1,3}"
                      r"(?:,[0-9\u0e50-\u0e59]{3})+(?:\.[0-9\u0e50-\u0e59]|\s*บาท)")


def is_csv_text(text: str) -> bool:
    r"""Whether a text file's ``text`` is a sheet saved as CSV (then renamed ``.txt``).

    No tab in it (a tab text is read as it is); at least :data:`MIN_QUOTED_ROWS` lines
    with a quoted cell beside a comma (``๑,โครงการ ก,"๑,๐๐๐.- บาท"``), as a spreadsheet
    writes a cell holding a comma; and no amount grouped by commas outside quotes
    (``งบประมาณ : 1,234,567 บาท`` is a text's amount, never a CSV's three cells).

    >>> is_csv_text('ก\n๑,ข,"๑,๐๐๐ บาท"\n๒,ค,"๒,๐๐๐ บาท"\nรวม,,"๓,๐๐๐ บาท"\n')
    True
    >>> is_csv_text('งบประมาณ : 1,234 บาท\n๑,ข,"๑,๐๐๐"\n๒,ค,"๒,๐๐๐"\nรวม,,"๓,๐๐๐"\n')
    False
    """
    if "\t" in text or text.count('"') < 2 * MIN_QUOTED_ROWS:
        return False
    lines = text.split("\n")
    if sum(1 for line in lines if _QUOTED_BESIDE_COMMA.search(line)) < MIN_QUOTED_ROWS:
        return False
    return not any(_GROUPED.search(_QUOTED.sub("", line)) for line in lines)


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

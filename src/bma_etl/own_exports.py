"""CSV files this tool wrote itself: a warehouse table or view exported, not a report.

Stage: pipeline (the batch asks before reading, :func:`bma_etl.pipeline_ingest.ingest`).
``ingest`` reads ``.csv`` files (a sheet saved as CSV, :mod:`bma_etl.read.text_csv`), and
an analyst may ``bma-etl export projects --out reports/projects.csv`` (or
``bma-etl sql "select * from …" --out …``) into a folder that is also an input folder:
the next run read the warehouse's own rows as a report and quarantined them as an
unknown layout. :func:`exported_table` tells such a file by its header, the first
record of the CSV (the UTF-8 byte order mark that ``export`` writes aside): the names
of the columns of one of the warehouse's tables or views, all of them, in their order
(``warehouse.sql``, made in a DuckDB in memory once, the first time a CSV is asked of).
A sheet's CSV never opens with such a row. Never raises on a file it cannot read: such
a file is read (and vetted) as any other.
"""

from __future__ import annotations

import csv
import io
import logging
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

__all__ = ["exported_table", "warehouse_headers"]

#: How much of a file is read for its header (the widest table's names are ~600 bytes).
HEADER_BYTES = 16 * 1024
_BOM = "\ufeff"


@cache
def warehouse_headers() -> dict[tuple[str, ...], str]:
    """Each table's and view's column names, in order, → its name (``warehouse.sql``)."""
    from importlib import resources

    import duckdb

    con = duckdb.connect(":memory:")
    try:
        con.execute(resources.files("bma_etl").joinpath("warehouse.sql").read_text("utf-8"))
        rows = con.execute(
            "SELECT table_name, list(column_name ORDER BY ordinal_position) "
            "FROM information_schema.columns GROUP BY table_name ORDER BY table_name"
        ).fetchall()
    finally:
        con.close()
    return {tuple(columns): name for name, columns in rows}


def exported_table(path: Path) -> str | None:
    """The warehouse table or view whose export ``path`` (a ``.csv`` file) is, or None.

    The file's first CSV record is that table's or view's column names, whole and in
    order (:func:`warehouse_headers`). None for any other file, and for one that cannot
    be read or decoded as UTF-8 (reading it will say why).
    """
    if path.suffix.lower() != ".csv":
        return None
    try:
        with path.open("rb") as handle:
            head = handle.read(HEADER_BYTES)
    except OSError:
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not a character cut at the end of the read
            return None
        text = head[:exc.start].decode("utf-8")
    first = text.removeprefix(_BOM).split("\n", 1)[0].rstrip("\r")
    if "," not in first and first.strip() not in {"doc_id", "run_id"}:
        return None  # no header of names (the one-column tables aside)
    try:
        names = next(csv.reader(io.StringIO(first)), [])
    except csv.Error:
        return None
    return warehouse_headers().get(tuple(names))

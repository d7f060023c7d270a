"""Files analysts open: a table, a view or a query's result as Parquet, CSV, JSON or XLSX.

Stage: none (after load). ``export TABLE`` (:func:`export`) and ``sql QUERY --out``
(:func:`export_query`) take one path: the rows are read through
:func:`bma_etl.query.open_reader` (the warehouse read-only and locked down; the
only folder DuckDB may write to is a private temporary folder made beside the
output), written there by the format's writer, and renamed into place, so the
output is either the old file or the whole new one.

- Parquet and JSON (one array of objects) keep list columns as lists.
- CSV starts with the UTF-8 byte order mark unless ``bom`` is off (Excel reads
  Thai as garbage without one) and joins list columns with `` | ``.
- XLSX (:mod:`bma_etl.xlsx`) joins list columns the same way and refuses a result
  larger than one Excel sheet.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import duckdb

from bma_etl.errors import BmaEtlError, UsageError
from bma_etl.query import QueryError, check_not_empty, check_read_only, open_reader, query_errors
from bma_etl.warehouse_file import Target, is_damaged

#: Formats a file can be written in, and the suffix that names each.
FORMATS = ("parquet", "csv", "json", "xlsx")
SUFFIXES = {".parquet": "parquet", ".csv": "csv", ".json": "json", ".xlsx": "xlsx"}

#: What separates the items of a list column (``objectives``) in CSV and XLSX.
LIST_SEPARATOR = " | "

#: What Excel needs at the start of a CSV file to read it as UTF-8 (Thai intact).
UTF8_BOM = b"\xef\xbb\xbf"

#: The name the rows being written go by on the reader (a view of the relation).
_RESULT = "bma_etl_export_result"
_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
#: The first bytes of every DuckDB database file: an 8-byte checksum, then the magic.
_DUCKDB_MAGIC = b"DUCK"


class ExportError(BmaEtlError):
    """The output file could not be written (permissions, disk)."""

    stage = "export"


def format_for(out: Path, fmt: str | None) -> str:
    """The format ``out`` is written in: ``fmt`` when given, else from its suffix.

    ``.parquet``, ``.csv``, ``.json``, ``.xlsx`` (any case). Raises
    :class:`UsageError` (exit code 2) for another format or an unknown suffix
    without ``fmt``.
    """
    if fmt is not None:
        if fmt not in FORMATS:
            raise UsageError(f"{fmt!r} is not a file format; use {', '.join(FORMATS)}",
                             stage="export")
        return fmt
    known = SUFFIXES.get(out.suffix.lower())
    if known is None:
        said = f"its suffix {out.suffix!r}" if out.suffix else "a name without a suffix"
        raise UsageError(f"{out}: cannot tell the format from {said}; end the name in "
                         f"{', '.join(SUFFIXES)} or give --format {'|'.join(FORMATS)}",
                         stage="export")
    return known


def is_duckdb_file(path: Path) -> bool:
    """Whether ``path`` is a DuckDB database file (by its magic bytes)."""
    try:
        with path.open("rb") as handle:
            return handle.read(12)[8:12] == _DUCKDB_MAGIC
    except OSError:
        return False


def check_output(out: Path, db: Target, force: bool = False) -> None:
    """Refuse an output path that would destroy something or cannot be a file.

    Never the warehouse, never any DuckDB database, never a folder; an existing
    file only with ``force``. Raises :class:`UsageError` (exit code 2).
    """
    def refuse(why: str) -> UsageError:
        return UsageError(f"{out}: {why}", stage="export")

    if isinstance(db, Path) and (out.resolve() == db.resolve()
                                 or (out.exists() and db.exists() and out.samefile(db))):
        raise refuse("this is the warehouse; give another file to write")
    if out.is_dir():
        raise refuse("is a folder; give a file name")
    if out.exists():
        if is_duckdb_file(out):
            raise refuse("is a DuckDB database; export never overwrites one")
        if not force:
            raise refuse("exists; give --force to replace it")
    parent = next((p for p in out.parents if p.exists()), None)
    if parent is not None and not parent.is_dir():
        raise refuse(f"{parent} is a file, not a folder")


def export(db: Target, table: str, fmt: str | None, out: Path, force: bool = False,
           bom: bool = True) -> int:
    """Write a table or view to ``out``; return the number of rows written.

    ``fmt`` is one of :data:`FORMATS`, or ``None`` to take it from ``out``'s
    suffix (:func:`format_for`). See :func:`check_output` for the paths refused
    and the module's docstring for what each format holds. Raises
    :class:`QueryError` for an unknown table, :class:`UsageError` for a refused
    path or format, :class:`ExportError` when the file cannot be written.
    """
    if not _NAME_RE.match(table):
        raise QueryError(f"{table!r} is not a table or view name")

    def rows(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyRelation:
        names = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        if table not in names:
            raise QueryError(f"no table or view {table!r}; known: {', '.join(sorted(names))}")
        return con.table(table)

    return _write_file(db, rows, format_for(out, fmt), out, force, bom, (), table)


def export_query(db: Target, query: str, fmt: str | None, out: Path, force: bool = False,
                 bom: bool = True, allow: Iterable[Path] = ()) -> int:
    """Write the result of a read-only ``query`` to ``out``; return the number of rows.

    The query is checked as ``sql`` checks it (:func:`bma_etl.query.check_read_only`)
    and may read the files under ``allow`` only; of several statements, the last
    one's result is written. Otherwise as :func:`export`.
    """
    check_not_empty(query)

    def rows(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyRelation:
        check_read_only(con, query)
        relation = con.sql(query)
        if relation is None:
            raise QueryError("the query returns no result to write")
        return relation

    return _write_file(db, rows, format_for(out, fmt), out, force, bom, allow,
                       "the query's result")


def _write_file(db: Target, rows: Callable[[duckdb.DuckDBPyConnection], duckdb.DuckDBPyRelation],
                fmt: str, out: Path, force: bool, bom: bool, allow: Iterable[Path],
                what: str) -> int:
    """Write ``rows`` in a temporary folder beside ``out``, then rename it into place."""
    check_output(out, db, force)
    allow = list(allow)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    except OSError as exc:
        raise ExportError(f"{out}: cannot write here ({exc.strerror})") from exc
    try:
        part = work / f"part.{fmt}"
        con = open_reader(db, [*allow, work])
        try:
            with query_errors(db):
                con.register(_RESULT, rows(con))
                try:
                    count = _write(con, fmt, part, work, what)
                except (duckdb.IOException, OSError) as exc:
                    if is_damaged(exc):
                        raise
                    text = exc.strerror if isinstance(exc, OSError) else str(exc)
                    raise ExportError(f"{out}: cannot write here "
                                      f"({' '.join(str(text).split())})") from exc
        finally:
            con.close()
        if fmt == "csv" and bom:
            part = _with_bom(part)
        check_output(out, db, force)  # again: the file may have appeared meanwhile
        try:
            os.replace(part, out)
        except OSError as exc:
            raise ExportError(f"{out}: cannot write here ({exc.strerror})") from exc
        return count
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _write(con: duckdb.DuckDBPyConnection, fmt: str, part: Path, work: Path, what: str) -> int:
    """Write the registered result to ``part`` in ``fmt``; return the number of rows."""
    if fmt == "xlsx":
        from bma_etl.xlsx import write_xlsx

        columns = _columns(con)
        return write_xlsx(part, columns, _fetch(con, _select(columns, xlsx=True)),
                          count=_count(con), sheet=what if _NAME_RE.match(what) else "result",
                          what=what, tmpdir=work)
    target = str(part).replace("'", "''")
    options = {"parquet": "FORMAT PARQUET", "csv": "FORMAT CSV, HEADER",
               "json": "FORMAT JSON, ARRAY true"}[fmt]
    select = _select(_columns(con), xlsx=False) if fmt == "csv" else "*"
    done = con.execute(f"COPY (SELECT {select} FROM {_RESULT}) TO '{target}' ({options})"
                       ).fetchone()
    return int(done[0]) if done else 0


def _columns(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(name, DuckDB type) of each column of the result."""
    return [(name, kind) for name, kind, *_ in
            con.execute(f"DESCRIBE SELECT * FROM {_RESULT}").fetchall()]


def _count(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute(f"SELECT count(*) FROM {_RESULT}").fetchone()
    return int(row[0]) if row else 0


def _fetch(con: duckdb.DuckDBPyConnection, select: str, size: int = 10_000
           ) -> Iterable[list[tuple[object, ...]]]:
    cur = con.execute(f"SELECT {select} FROM {_RESULT}")
    while batch := cur.fetchmany(size):
        yield batch


#: Types whose Python values an XLSX cell holds as they are (numbers, dates, text);
#: any other (a struct, a map, an interval, a UUID, a blob) is written as DuckDB's text.
_XLSX_NATIVE = re.compile(r"(BOOLEAN|U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|FLOAT|DOUBLE|"
                          r"DECIMAL\(\d+,\d+\)|DATE|TIME|TIMESTAMP(_[SMN]S)?|VARCHAR)")


def _select(columns: list[tuple[str, str]], xlsx: bool) -> str:
    """The select list that makes each column readable in a spreadsheet.

    A list column becomes its items joined with :data:`LIST_SEPARATOR` (DuckDB's
    ``array_to_string``, which leaves NULL items out); for XLSX a time with a time
    zone becomes the time in the reader's zone, and a type Excel has no cell for
    becomes text.
    """
    parts = []
    for name, kind in columns:
        quoted = '"' + name.replace('"', '""') + '"'
        separator = LIST_SEPARATOR.replace("'", "''")
        if kind.endswith("[]"):
            expr = f"array_to_string({quoted}, '{separator}')"
        elif not xlsx or _XLSX_NATIVE.fullmatch(kind):
            expr = quoted
        elif kind == "TIMESTAMP WITH TIME ZONE":
            expr = f"CAST({quoted} AS TIMESTAMP)"
        else:
            expr = f"CAST({quoted} AS VARCHAR)"
        parts.append(f"{expr} AS {quoted}")
    return ", ".join(parts) or "*"


def _with_bom(part: Path) -> Path:
    """A copy of ``part`` that starts with the UTF-8 byte order mark."""
    marked = part.with_name("marked.csv")
    with part.open("rb") as src, marked.open("wb") as dst:
        dst.write(UTF8_BOM)
        shutil.copyfileobj(src, dst, 1 << 20)
    return marked

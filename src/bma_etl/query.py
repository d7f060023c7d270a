"""Read-only access to the warehouse: SQL, export and status.

Stage: none (after load). Every connection here is a locked-down reader
(:func:`open_reader`): the warehouse opened read-only, no other file readable or
writable unless named, no extension installed or loaded, no setting changed. On
top of that :func:`run_sql` runs queries only (SELECT, EXPLAIN of a query), so a
refusal names the statement instead of a file-system error. ``export`` writes
into a private temporary folder and renames the file into place.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from bma_etl.errors import BmaEtlError, UsageError, WarehouseError
from bma_etl.lake import LakeTarget, parse_target
from bma_etl.warehouse_file import DEFAULT_WAIT, Target, connect, is_damaged, warehouse_error

EXPORT_FORMATS = ("parquet", "csv", "json")
_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class QueryError(BmaEtlError):
    """An analyst's query or export request is wrong (bad SQL, unknown table)."""

    stage = "query"


@dataclass(frozen=True, slots=True)
class Result:
    """Column names and rows of a query."""

    columns: list[str]
    rows: list[tuple[Any, ...]]

    def as_dicts(self) -> list[dict[str, Any]]:
        """Rows as dicts keyed by column name."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


#: A reader never installs or loads an extension on its own (autoloading would
#: fetch code from the network and could bring file systems such as httpfs).
_READER_CONFIG: dict[str, str | bool] = {"autoinstall_known_extensions": False,
                                         "autoload_known_extensions": False,
                                         "allow_community_extensions": False}


def _sql_list(items: Iterable[str]) -> str:
    return "[" + ", ".join("'" + item.replace("'", "''") + "'" for item in items) + "]"


def open_reader(db: Target, allow: Iterable[Path] = (), wait: float = DEFAULT_WAIT
                ) -> duckdb.DuckDBPyConnection:
    """The warehouse opened read-only and locked down.

    No file but the warehouse can be read or written, except the files and
    folders in ``allow`` (DuckDB's ``allowed_paths`` / ``allowed_directories``);
    ``enable_external_access`` is off and ``lock_configuration`` on, so no query
    can ``SET`` its way back.
    """
    db = parse_target(db)
    con = connect(db, read_only=True, wait=wait, config=_READER_CONFIG)
    try:
        paths = [p.resolve() for p in allow]
        folders = [f"{p}/" for p in paths if p.is_dir()]  # a prefix: "/a" would allow "/ab"
        files = [str(p) for p in paths if not p.is_dir()]
        if isinstance(db, LakeTarget):
            # DuckLake reads its rows from Parquet files in its data folder.
            from bma_etl.lake import data_path

            if (where := data_path(con)) and "://" not in where:
                folders.append(where.rstrip("/") + "/")
        if folders:
            con.execute(f"SET allowed_directories = {_sql_list(folders)}")
        if files:
            con.execute(f"SET allowed_paths = {_sql_list(files)}")
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
    except duckdb.Error as exc:
        con.close()
        raise warehouse_error(db, exc, "cannot lock down the reader") from exc
    return con


#: Why a statement type is refused, as the end of "COPY <why>".
_REFUSED = {
    "COPY": "writes or reads files; to write a table or view to a file use "
            "'bma-etl export TABLE --format csv --out FILE'",
    "COPY_DATABASE": "writes another database",
    "EXPORT": "writes files; use 'bma-etl export' for a table or view",
    "ATTACH": "opens another database",
    "DETACH": "detaches a database",
    "SET": "changes a setting",
    "VARIABLE_SET": "changes a setting",
    "PRAGMA": "changes a setting",
    "LOAD": "installs or loads an extension",
    "EXTENSION": "installs or loads an extension",
    "CALL": "runs a procedure (a table function is read with SELECT * FROM f())",
}
_QUERIES = ("SELECT", "WITH", "FROM", "VALUES", "TABLE", "DESCRIBE", "SHOW", "SUMMARIZE",
            "EXPLAIN")
_EXPLAIN = re.compile(r"\s*EXPLAIN(\s+ANALY[SZ]E)?\b", re.IGNORECASE)


def check_read_only(con: duckdb.DuckDBPyConnection, query: str) -> None:
    """Raise :class:`QueryError` unless every statement of ``query`` only reads."""
    try:
        statements = con.extract_statements(query)
    except duckdb.Error as exc:
        raise QueryError(" ".join(str(exc).split())) from exc
    if not statements:
        raise UsageError("the query is empty; give SQL such as "
                         "\"select * from projects limit 5\"", stage="query")
    for statement in statements:
        kind = statement.type.name
        try:
            text = statement.query
        except IndexError:  # duckdb 1.5 cannot slice out some rewritten statements (PIVOT)
            text = ""
        if kind == "EXPLAIN" and (inner := _EXPLAIN.match(text)):
            check_read_only(con, text[inner.end():])
            continue
        if kind == "SELECT":
            continue
        word = text.split(maxsplit=1)[0].upper() if text.strip() else kind
        why = _REFUSED.get(kind, "changes the database")
        raise QueryError(f"{word} {why}; sql runs read-only queries only "
                         f"({', '.join(_QUERIES)})")


def run_sql(db: Target, query: str, allow: Iterable[Path] = ()) -> Result:
    """Run read-only SQL against the warehouse.

    Files other than the warehouse are readable only under ``allow``.
    """
    if not query.strip():
        raise UsageError("the query is empty; give SQL such as "
                         "\"select * from projects limit 5\"", stage="query")
    con = open_reader(db, allow)
    try:
        check_read_only(con, query)
        cur = con.execute(query)
        columns = [d[0] for d in cur.description or []]
        return Result(columns, cur.fetchall() if columns else [])
    except duckdb.PermissionException as exc:
        first = str(exc).removeprefix("Permission Error: ").split(" - ")[0].splitlines()[0]
        raise QueryError(f"{first}: sql reads the warehouse only; give --allow-files PATH "
                         "to let it read a file or folder") from exc
    except duckdb.Error as exc:
        if is_damaged(exc):
            raise warehouse_error(db, exc) from exc
        raise QueryError(" ".join(str(exc).split())) from exc
    finally:
        con.close()


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return str(value)


def render(result: Result, fmt: str) -> str:
    """``result`` as csv or json text (tables are drawn by the CLI)."""
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([[_cell(v) for v in row] for row in result.rows])
        return buf.getvalue()
    if fmt == "json":
        return json.dumps([{k: _jsonable(v) for k, v in row.items()} for row in result.as_dicts()],
                          ensure_ascii=False, indent=2)
    raise QueryError(f"unknown format {fmt!r}; use table, csv or json")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class ExportError(BmaEtlError):
    """The output file could not be written (permissions, disk)."""

    stage = "export"


#: First bytes of every DuckDB database file: an 8-byte checksum, then the magic.
_DUCKDB_MAGIC = b"DUCK"


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


#: What Excel needs at the start of a CSV file to read it as UTF-8 (Thai intact).
UTF8_BOM = b"\xef\xbb\xbf"


def export(db: Target, table: str, fmt: str, out: Path, force: bool = False,
           bom: bool = True) -> int:
    """Write a table or view to ``out``; return the number of rows written.

    The file is written in a temporary folder beside ``out`` and renamed into
    place, so ``out`` is either the old file or the whole new one. See
    :func:`check_output` for the paths refused. A CSV file starts with a UTF-8
    byte order mark unless ``bom`` is false (Excel reads Thai as garbage without
    one), and its list columns (``objectives``) are joined with `` | ``.
    """
    if not _NAME_RE.match(table):
        raise QueryError(f"{table!r} is not a table or view name")
    if fmt not in EXPORT_FORMATS:
        raise QueryError(f"unknown export format {fmt!r}; use {', '.join(EXPORT_FORMATS)}")
    check_output(out, db, force)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    except OSError as exc:
        raise ExportError(f"{out}: cannot write here ({exc.strerror})") from exc
    try:
        part = work / f"part.{fmt}"
        count = _copy_out(db, table, fmt, part, allow=work)
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


def _with_bom(part: Path) -> Path:
    """A copy of ``part`` that starts with the UTF-8 byte order mark."""
    marked = part.with_name("marked.csv")
    with part.open("rb") as src, marked.open("wb") as dst:
        dst.write(UTF8_BOM)
        shutil.copyfileobj(src, dst, 1 << 20)
    return marked


def _copy_out(db: Target, table: str, fmt: str, part: Path, allow: Path) -> int:
    con = open_reader(db, [allow])
    try:
        names = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        if table not in names:
            raise QueryError(f"no table or view {table!r}; known: {', '.join(sorted(names))}")
        count = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        target = str(part).replace("'", "''")
        options = {"parquet": "FORMAT PARQUET", "csv": "FORMAT CSV, HEADER",
                   "json": "FORMAT JSON, ARRAY true"}[fmt]
        columns = "*"
        if fmt == "csv":  # a list column as readable text, not DuckDB's [a, b]
            kinds = con.execute(f"DESCRIBE SELECT * FROM {table}").fetchall()
            columns = ", ".join(
                f"array_to_string(\"{name}\", ' | ') AS \"{name}\"" if kind.endswith("[]")
                else f"\"{name}\"" for name, kind, *_ in kinds)
        con.execute(f"COPY (SELECT {columns} FROM {table}) TO '{target}' ({options})")
        return int(count[0]) if count else 0
    except duckdb.Error as exc:
        raise warehouse_error(db, exc, f"export of {table} failed") from exc
    finally:
        con.close()


@dataclass(frozen=True, slots=True)
class Status:
    """What ``status`` shows."""

    runs: Result
    layouts: Result
    quarantined: Result
    outdated: int


def status(db: Target, last: int = 10) -> Status:
    """Last runs, loaded documents per layout, quarantined files with reasons.

    A run whose ``finished_at`` is empty was interrupted (crash, kill); ``outdated``
    counts documents that another extractor version produced.
    """
    from bma_etl import __version__

    con = open_reader(db)
    try:
        def q(sql: str) -> Result:
            cur = con.execute(sql)
            return Result([d[0] for d in cur.description or []], cur.fetchall())

        return Status(
            runs=q("SELECT run_id[:8] AS run, started_at, "
                   "coalesce(CAST(finished_at AS VARCHAR), 'interrupted') AS finished_at, "
                   "files_seen, loaded, unchanged, quarantined, skipped, extractor_version "
                   f"FROM ingest_runs ORDER BY started_at DESC LIMIT {int(last)}"),
            layouts=q("SELECT layout, count(*) AS documents FROM documents "
                      "WHERE status = 'loaded' GROUP BY layout ORDER BY layout"),
            quarantined=q("SELECT source_path, error FROM documents "
                          "WHERE status = 'quarantined' ORDER BY source_path"),
            outdated=int(q("SELECT count(*) FROM documents WHERE extractor_version <> "
                           f"'{__version__}'").rows[0][0]),
        )
    except duckdb.CatalogException as exc:
        raise WarehouseError(f"{db}: not a bma-etl warehouse ({' '.join(str(exc).split())})"
                             ) from exc
    except duckdb.Error as exc:
        raise warehouse_error(db, exc, "cannot read the warehouse") from exc
    finally:
        con.close()

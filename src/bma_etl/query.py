"""Read-only access to the warehouse: SQL and status.

Stage: none (after load). Every connection here is a locked-down reader
(:func:`open_reader`): the warehouse opened read-only, no other file readable or
writable unless named, no extension installed or loaded, no setting changed. On
top of that :func:`run_sql` runs queries only (SELECT, EXPLAIN of a query), so a
refusal names the statement instead of a file-system error. Files are written by
:mod:`bma_etl.exports`.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from bma_etl.errors import BmaEtlError, UsageError, WarehouseError
from bma_etl.lake import LakeTarget, parse_target
from bma_etl.warehouse_file import DEFAULT_WAIT, Target, connect, is_damaged, warehouse_error


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
    allow = list(allow)
    _refuse_links_out(allow)
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


@contextmanager
def reading(db: Target) -> Iterator[duckdb.DuckDBPyConnection]:
    """:func:`open_reader` for the length of a ``with`` block, closed after it.

    A DuckDB error inside the block becomes one line: a missing table a
    :class:`~bma_etl.errors.WarehouseError` "not a bma-etl warehouse", any other
    error the one :func:`~bma_etl.warehouse_file.warehouse_error` gives.
    """
    con = open_reader(db)
    try:
        yield con
    except duckdb.CatalogException as exc:
        raise WarehouseError(f"{db}: not a bma-etl warehouse ({' '.join(str(exc).split())})"
                             ) from exc
    except duckdb.Error as exc:
        raise warehouse_error(db, exc, "cannot read the warehouse") from exc
    finally:
        con.close()


def _refuse_links_out(allow: list[Path]) -> None:
    """Refuse an allowed folder holding a symbolic link to a place outside ``allow``.

    DuckDB checks a path's text against ``allowed_directories`` and then opens it,
    following links: a link inside an allowed folder would read any file. Raises
    :class:`UsageError` naming the link.
    """
    roots = [p.resolve() for p in allow]

    def inside(target: Path) -> bool:
        return any(target == root or root in target.parents for root in roots)

    for root in roots:
        if not root.is_dir():
            continue
        for folder, dirs, names in os.walk(root):
            for name in (*dirs, *names):
                entry = Path(folder, name)
                if entry.is_symlink() and not inside(entry.resolve()):
                    raise UsageError(
                        f"{entry}: a link inside --allow-files {root} leads outside it "
                        f"(to {entry.resolve()}); name its target with --allow-files too, "
                        "or remove the link", stage="query")


#: Why a statement type is refused, as the end of "COPY <why>".
_REFUSED = {
    "COPY": "writes or reads files; to write a query's result to a file use "
            "'bma-etl sql QUERY --out FILE', a table or view 'bma-etl export TABLE --out FILE'",
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
    """Raise :class:`QueryError` unless every statement of ``query`` only reads.

    On a DuckLake warehouse also unless it stays off the PostgreSQL catalog
    (:func:`check_catalog_untouched`).
    """
    try:
        statements = con.extract_statements(query)
    except duckdb.Error as exc:
        raise QueryError(" ".join(str(exc).split())) from exc
    if not statements:
        raise UsageError("the query is empty; give SQL such as "
                         "\"select * from projects limit 5\"", stage="query")
    lake = _is_lake(con)
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
            if lake:
                check_catalog_untouched(con, text or query)
            continue
        word = text.split(maxsplit=1)[0].upper() if text.strip() else kind
        why = _REFUSED.get(kind, "changes the database")
        raise QueryError(f"{word} {why}; sql runs read-only queries only "
                         f"({', '.join(_QUERIES)})")


def _is_lake(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute("SELECT count(*) FROM duckdb_databases() WHERE type = 'ducklake'"
                      ).fetchone()
    return bool(row and row[0])


#: Table functions that run SQL given as text, which no check of the statement sees.
_RUNS_TEXT = frozenset({"query", "query_table"})
#: What DuckLake names the catalog database it attaches (``__ducklake_metadata_<alias>``).
_CATALOG_PREFIX = "__ducklake_metadata"


@functools.cache
def _builtin_functions() -> frozenset[str]:
    """Names of the functions DuckDB has before any extension is loaded."""
    scratch = duckdb.connect(":memory:", config=dict(_READER_CONFIG))
    try:
        return frozenset(name.lower() for (name,) in scratch.execute(
            "SELECT DISTINCT function_name FROM duckdb_functions()").fetchall())
    finally:
        scratch.close()


def check_catalog_untouched(con: duckdb.DuckDBPyConnection, query: str) -> None:
    """Raise :class:`QueryError` when ``query`` could reach a DuckLake's PostgreSQL catalog.

    The statements are parsed by DuckDB (``json_serialize_sql``) and every function
    call and table reference in the tree is checked: a function the postgres and
    ducklake extensions brought (``postgres_execute``, ``postgres_query``,
    ``ducklake_expire_snapshots``…, which reach the catalog database directly), a
    function that runs SQL given as text (``query``, ``query_table``), or a table of
    DuckLake's own catalog (``__ducklake_metadata_…``) is refused. A statement DuckDB
    cannot serialise (``PIVOT`` without an ``IN`` list) is refused too.
    """
    row = con.execute("SELECT json_serialize_sql(?)", [query]).fetchone()
    tree = json.loads(row[0]) if row else {"error": True}
    if tree.get("error"):
        why = tree.get("error_message", "not a query")
        raise QueryError(f"on a DuckLake warehouse sql runs only queries it can check ({why}); "
                         "write PIVOT with an IN list (PIVOT t ON c IN ('a', 'b') USING …)")
    builtin = _builtin_functions()
    stack: list[Any] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        stack.extend(node.values())
        name = node.get("function_name")
        if isinstance(name, str) and (name.lower() in _RUNS_TEXT
                                      or name.lower() not in builtin):
            raise QueryError(f"{name}() reaches the DuckLake catalog or runs SQL text; sql on a "
                             "DuckLake warehouse reads its tables and views only")
        for key in ("catalog_name", "schema_name", "table_name"):
            value = node.get(key)
            if isinstance(value, str) and value.lower().startswith(_CATALOG_PREFIX):
                raise QueryError(f"{value} is the DuckLake catalog's own database; sql on a "
                                 "DuckLake warehouse reads its tables and views only")


def run_sql(db: Target, query: str, allow: Iterable[Path] = ()) -> Result:
    """Run read-only SQL against the warehouse.

    Files other than the warehouse are readable only under ``allow``.
    """
    check_not_empty(query)
    con = open_reader(db, allow)
    try:
        with query_errors(db):
            check_read_only(con, query)
            cur = con.execute(query)
            columns = [d[0] for d in cur.description or []]
            return Result(columns, cur.fetchall() if columns else [])
    finally:
        con.close()


def check_not_empty(query: str) -> None:
    """Raise :class:`UsageError` (exit code 2) when ``query`` is blank."""
    if not query.strip():
        raise UsageError("the query is empty; give SQL such as "
                         "\"select * from projects limit 5\"", stage="query")


@contextlib.contextmanager
def query_errors(db: Target) -> Iterator[None]:
    """Turn DuckDB's errors while running an analyst's query into one-line errors.

    A file the reader may not read is a :class:`QueryError` naming ``--allow-files``;
    a damaged warehouse a :class:`~bma_etl.errors.WarehouseError`; anything else
    DuckDB refuses (bad SQL, unknown column) a :class:`QueryError` with its message.
    """
    try:
        yield
    except duckdb.PermissionException as exc:
        first = str(exc).removeprefix("Permission Error: ").split(" - ")[0].splitlines()[0]
        raise QueryError(f"{first}: sql reads the warehouse only; give --allow-files PATH "
                         "to let it read a file or folder") from exc
    except duckdb.Error as exc:
        if is_damaged(exc):
            raise warehouse_error(db, exc) from exc
        raise QueryError(" ".join(str(exc).split())) from exc


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
    counts documents that another extractor version produced. A quarantined row's
    ``also_under`` names the other paths its bytes were found under (comma-separated).
    """
    from bma_etl import __version__

    with reading(db) as con:
        def q(sql: str) -> Result:
            cur = con.execute(sql)
            return Result([d[0] for d in cur.description or []], cur.fetchall())

        return Status(
            runs=q("SELECT run_id[:8] AS run, "
                   "strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started_at, "
                   "coalesce(strftime(finished_at, '%Y-%m-%d %H:%M:%S'), 'interrupted') "
                   "AS finished_at, files_seen, loaded, unchanged, quarantined, skipped, "
                   "extractor_version FROM ingest_runs "
                   f"ORDER BY ingest_runs.started_at DESC LIMIT {int(last)}"),
            layouts=q("SELECT layout, count(*) AS documents FROM documents "
                      "WHERE status = 'loaded' GROUP BY layout ORDER BY layout"),
            quarantined=q("SELECT source_path, error, nullif(array_to_string(list_filter("
                          "other_paths, p -> p <> source_path), ', '), '') AS also_under "
                          "FROM documents WHERE status = 'quarantined' ORDER BY source_path"),
            outdated=int(q("SELECT count(*) FROM documents WHERE extractor_version <> "
                           f"'{__version__}'").rows[0][0]),
        )

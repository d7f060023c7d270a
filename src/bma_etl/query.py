"""Read-only access to the warehouse: SQL, export and status.

Stage: none (after load). Opens the warehouse read-only, so analysts' queries
can never change it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from bma_etl.errors import BmaEtlError, WarehouseError
from bma_etl.load import connect

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


def run_sql(db: Path, query: str) -> Result:
    """Run read-only SQL against the warehouse."""
    con = connect(db, read_only=True)
    try:
        cur = con.execute(query)
        columns = [d[0] for d in cur.description or []]
        return Result(columns, cur.fetchall() if columns else [])
    except duckdb.Error as exc:
        raise QueryError(f"{' '.join(str(exc).split())}") from exc
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


def export(db: Path, table: str, fmt: str, out: Path) -> int:
    """Write a table or view to ``out``; return the number of rows written."""
    if not _NAME_RE.match(table):
        raise QueryError(f"{table!r} is not a table or view name")
    if fmt not in EXPORT_FORMATS:
        raise QueryError(f"unknown export format {fmt!r}; use {', '.join(EXPORT_FORMATS)}")
    con = connect(db, read_only=True)
    try:
        names = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        if table not in names:
            raise QueryError(f"no table or view {table!r}; known: {', '.join(sorted(names))}")
        count = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        out.parent.mkdir(parents=True, exist_ok=True)
        target = str(out).replace("'", "''")
        options = {"parquet": "FORMAT PARQUET", "csv": "FORMAT CSV, HEADER",
                   "json": "FORMAT JSON, ARRAY true"}[fmt]
        con.execute(f"COPY (SELECT * FROM {table}) TO '{target}' ({options})")
        return int(count[0]) if count else 0
    except duckdb.Error as exc:
        raise WarehouseError(f"export of {table} failed ({exc})") from exc
    finally:
        con.close()


@dataclass(frozen=True, slots=True)
class Status:
    """What ``status`` shows."""

    runs: Result
    layouts: Result
    quarantined: Result
    outdated: int


def status(db: Path, last: int = 10) -> Status:
    """Last runs, loaded documents per layout, quarantined files with reasons.

    A run whose ``finished_at`` is empty was interrupted (crash, kill); ``outdated``
    counts documents that another extractor version produced.
    """
    from bma_etl import __version__

    con = connect(db, read_only=True)
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
    except duckdb.Error as exc:
        raise WarehouseError(f"{db}: not a bma-etl warehouse ({exc})") from exc
    finally:
        con.close()

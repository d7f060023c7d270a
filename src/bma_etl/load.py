"""Write documents into the DuckDB warehouse; the only module that writes to it.

Stage: load. Each document is loaded in one transaction that first deletes the
rows it had (re-ingesting replaces, never duplicates), then bulk-inserts its rows
through Arrow. A crash mid-document rolls the transaction back, so every document
is either fully loaded or not at all.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from bma_etl.errors import WarehouseError
from bma_etl.records import DOCUMENT_MODELS, IngestRun, Record

log = logging.getLogger(__name__)


def ddl() -> str:
    """The warehouse DDL and views (``warehouse.sql``)."""
    return resources.files("bma_etl").joinpath("warehouse.sql").read_text(encoding="utf-8")


def connect(path: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse, with an error a person can act on when it is locked."""
    try:
        if read_only and not Path(path).exists():
            raise WarehouseError(f"{path}: no warehouse here yet; run 'bma-etl ingest' first")
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise WarehouseError(
                f"{path}: the warehouse is in use by another process (an ingest running?); "
                "try again when it has finished"
            ) from exc
        raise WarehouseError(f"{path}: cannot open the warehouse ({exc})") from exc


class Warehouse:
    """A writable warehouse: DDL applied on open."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.con = connect(self.path)
        try:
            self.con.execute(ddl())
        except duckdb.Error as exc:
            self.con.close()
            raise WarehouseError(f"{path}: cannot create the warehouse tables ({exc})") from exc

    def __enter__(self) -> Warehouse:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (checkpointing the file)."""
        self.con.close()

    def document_states(self) -> dict[str, tuple[str, str | None]]:
        """``doc_id -> (status, extractor_version)`` of every known document."""
        rows = self.con.execute(
            "SELECT doc_id, status, extractor_version FROM documents"
        ).fetchall()
        return {doc_id: (status, version) for doc_id, status, version in rows}

    def touch_many(self, seen: list[tuple[str, str]], run_id: str) -> None:
        """Record that unchanged documents ``(doc_id, path)`` were seen again by this run."""
        if not seen:
            return
        table = pa.table({"doc_id": [d for d, _ in seen], "source_path": [p for _, p in seen]})
        self.con.register("_bma_seen", table)
        try:
            self.con.execute(
                "UPDATE documents SET source_path = s.source_path, run_id = ? "
                "FROM _bma_seen s WHERE documents.doc_id = s.doc_id", [run_id])
        finally:
            self.con.unregister("_bma_seen")

    def load(self, tables: dict[str, list[Record]]) -> None:
        """Replace one document's rows with ``tables`` in a single transaction."""
        self.load_many([tables])

    def load_many(self, documents: list[dict[str, list[Record]]],
                  replace: bool = True) -> None:
        """Replace the rows of several documents in one transaction.

        Either every document of the call is loaded whole or none is. ``replace=False``
        skips the deletes when the caller knows none of the documents is stored yet.
        """
        if not documents:
            return
        doc_ids = []
        for tables in documents:
            rows = tables.get("documents") or []
            if len(rows) != 1:
                raise WarehouseError("each document's tables need exactly one documents row")
            doc_ids.append(rows[0].doc_id)
        con = self.con
        try:
            con.execute("BEGIN TRANSACTION")
            if replace:
                marks = ", ".join("?" for _ in doc_ids)
                for model in reversed(DOCUMENT_MODELS):
                    con.execute(f"DELETE FROM {model.table} WHERE doc_id IN ({marks})", doc_ids)
            for model in DOCUMENT_MODELS:
                rows = [row for tables in documents for row in tables.get(model.table) or ()]
                if rows:
                    _insert(con, model.table, list(model.model_fields), rows)
            con.execute("COMMIT")
        except BaseException as exc:
            con.execute("ROLLBACK")
            if isinstance(exc, duckdb.Error):
                first = doc_ids[0][:12] if len(doc_ids) == 1 else f"{len(doc_ids)} documents"
                raise WarehouseError(f"document {first}: load failed ({exc})") from exc
            raise

    def start_run(self, run: IngestRun) -> None:
        """Insert the ``ingest_runs`` row of a starting run."""
        _insert(self.con, "ingest_runs", list(IngestRun.model_fields), [run])

    def finish_run(self, run: IngestRun) -> None:
        """Update the run's row with its counts and end time."""
        self.con.execute(
            "UPDATE ingest_runs SET finished_at = ?, files_seen = ?, loaded = ?, unchanged = ?,"
            " quarantined = ? WHERE run_id = ?",
            [run.finished_at, run.files_seen, run.loaded, run.unchanged, run.quarantined,
             run.run_id],
        )


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: list[str],
            rows: Iterable[Any]) -> None:
    data = [row.model_dump() for row in rows]
    arrow = pa.Table.from_pylist(data, schema=_schema(columns, data))
    con.register("_bma_rows", arrow)
    try:
        cols = ", ".join(columns)
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _bma_rows")
    finally:
        con.unregister("_bma_rows")


def _schema(columns: list[str], data: list[dict[str, Any]]) -> pa.Schema:
    """Arrow types from the values (a column that is NULL throughout stays null-typed)."""
    fields = []
    for name in columns:
        sample = next((row[name] for row in data if row.get(name) is not None), None)
        fields.append(pa.field(name, _arrow_type(sample)))
    return pa.schema(fields)


def _arrow_type(sample: object) -> pa.DataType:
    from decimal import Decimal

    if sample is None:
        return pa.null()
    if isinstance(sample, bool):
        return pa.bool_()
    if isinstance(sample, int):
        return pa.int64()
    if isinstance(sample, float):
        return pa.float64()
    if isinstance(sample, Decimal):
        return pa.decimal128(38, 4)
    if isinstance(sample, dt.datetime):
        return pa.timestamp("us")
    if isinstance(sample, dt.date):
        return pa.date32()
    if isinstance(sample, list):
        return pa.list_(pa.string())
    return pa.string()

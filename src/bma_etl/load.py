"""Write documents into the DuckDB warehouse; the only module that writes to it.

Stage: load. Documents are loaded in transactions that first delete the rows
they had (re-ingesting replaces, never duplicates), then bulk-insert their rows
through Arrow. A crash mid-transaction rolls it back, so every document is either
fully loaded or not at all.

DuckDB lets one process write or several read a file, not both at once. So the
writer holds the file only while it loads a batch and waits (up to ``wait``
seconds) for readers to finish; readers wait the same way for a batch to commit.
A whole ``ingest`` run also holds an advisory lock file beside the warehouse, so
two runs never interleave.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
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


#: DuckDB settings for the writer. The memory cap keeps a nightly run's peak memory
#: flat however large the warehouse grows (DuckDB spills to disk beyond it); at
#: 128 MB a checkpoint of a large table could fail for want of memory. One thread:
#: the writer shares the cores with the extraction workers, and a second DuckDB
#: thread cost more CPU than it saved. Readers (analysts' queries) keep DuckDB's
#: defaults.
DUCKDB_CONFIG: dict[str, str] = {"memory_limit": "256MB", "preserve_insertion_order": "true",
                                 "threads": "1"}

#: Rows per row group the writer makes (DuckDB's default is 122,880). A checkpoint
#: rewrites a table's last, partly filled row group whole when the table has an
#: index, so with the default every batch rewrote all of ``document_texts`` (large
#: strings, primary key) and loading slowed as the warehouse grew. Readers of any
#: DuckDB version open the file the same way.
ROW_GROUP_SIZE = 2048

#: Seconds a reader or the writer waits for the other side to let go of the file.
DEFAULT_WAIT = 60.0


def connect(path: Path | str, read_only: bool = False, wait: float = DEFAULT_WAIT
            ) -> duckdb.DuckDBPyConnection:
    """Open the warehouse, waiting up to ``wait`` s while another process holds it."""
    if read_only and not Path(path).exists():
        raise WarehouseError(f"{path}: no warehouse here yet; run 'bma-etl ingest' first")
    deadline = time.monotonic() + wait
    pause = 0.02
    while True:
        try:
            if read_only:
                return duckdb.connect(str(path), read_only=True)
            return _open_writer(path)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise WarehouseError(f"{path}: cannot open the warehouse ({exc})") from exc
            if time.monotonic() >= deadline:
                raise WarehouseError(
                    f"{path}: the warehouse is in use by another process and stayed so for "
                    f"{wait:.0f}s; try again later"
                ) from exc
            time.sleep(pause)
            pause = min(pause * 2, 0.5)
        except duckdb.Error as exc:
            raise WarehouseError(f"{path}: cannot open the warehouse ({exc})") from exc


def _open_writer(path: Path | str) -> duckdb.DuckDBPyConnection:
    # ATTACH rather than connect(path): the row group size is an attach option.
    con = duckdb.connect(":memory:", config=dict(DUCKDB_CONFIG))
    try:
        literal = str(path).replace("'", "''")
        con.execute(f"ATTACH '{literal}' AS warehouse (ROW_GROUP_SIZE {ROW_GROUP_SIZE})")
        con.execute("USE warehouse")
    except BaseException:
        con.close()
        raise
    return con


@contextlib.contextmanager
def run_lock(path: Path | str) -> Iterator[None]:
    """Hold ``<warehouse>.lock`` for a whole ingest run; a second run fails at once."""
    lock_path = Path(f"{path}.lock")
    handle = lock_path.open("a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise WarehouseError(
                f"{path}: another ingest (pid {holder}) is running on this warehouse; "
                "wait for it to finish"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()


@dataclass(slots=True)
class DocState:
    """A stored document's status (``loaded``, ``quarantined``, or ``pending`` in a run)."""

    status: str
    extractor_version: str | None
    source_path: str | None


class Warehouse:
    """A writable warehouse; the DDL is applied on open unless ``create=False``."""

    def __init__(self, path: Path | str, wait: float = DEFAULT_WAIT, create: bool = True
                 ) -> None:
        self.path = Path(path)
        self.con = connect(self.path, wait=wait)
        if not create:
            return
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

    def document_states(self) -> dict[str, DocState]:
        """What the warehouse knows of every document, by ``doc_id``."""
        rows = self.con.execute(
            "SELECT doc_id, status, extractor_version, source_path FROM documents"
        ).fetchall()
        return {doc_id: DocState(status, version, path) for doc_id, status, version, path in rows}

    def touch_many(self, seen: list[tuple[str, str]], run_id: str) -> None:
        """Record the new path of unchanged documents ``(doc_id, path)`` found elsewhere."""
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
        self.load_columns([columnar(tables)])

    def load_many(self, documents: list[dict[str, list[Record]]],
                  replace: bool = True) -> None:
        """Replace the rows of several documents in one transaction."""
        self.load_columns([columnar(tables) for tables in documents], replace=replace)

    def load_columns(self, documents: list[DocumentRows], replace: bool = True) -> None:
        """Replace the rows of several documents (column-wise) in one transaction.

        Either every document of the call is loaded whole or none is. ``replace=False``
        skips the deletes when the caller knows none of the documents is stored yet.
        """
        if not documents:
            return
        doc_ids = []
        for rows in documents:
            ids = rows.get("documents", {}).get("doc_id", [])
            if len(ids) != 1:
                raise WarehouseError("each document's tables need exactly one documents row")
            doc_ids.append(ids[0])
        con = self.con
        try:
            con.execute("BEGIN TRANSACTION")
            if replace:
                marks = ", ".join("?" for _ in doc_ids)
                for model in reversed(DOCUMENT_MODELS):
                    con.execute(f"DELETE FROM {model.table} WHERE doc_id IN ({marks})", doc_ids)
            for model in DOCUMENT_MODELS:
                names = list(model.model_fields)
                merged: Columns = {name: [] for name in names}
                for rows in documents:
                    table = rows.get(model.table)
                    if table:
                        for name in names:
                            merged[name].extend(table[name])
                if merged[names[0]]:
                    _insert(con, model.table, merged)
            con.execute("COMMIT")
        except BaseException as exc:
            con.execute("ROLLBACK")
            if isinstance(exc, duckdb.Error):
                first = doc_ids[0][:12] if len(doc_ids) == 1 else f"{len(doc_ids)} documents"
                raise WarehouseError(f"document {first}: load failed ({exc})") from exc
            raise

    def start_run(self, run: IngestRun) -> None:
        """Insert the ``ingest_runs`` row of a starting run."""
        _insert(self.con, "ingest_runs", _columns_of(list(IngestRun.model_fields), [run]))

    def finish_run(self, run: IngestRun) -> None:
        """Update the run's row with its counts and end time."""
        self.con.execute(
            "UPDATE ingest_runs SET finished_at = ?, files_seen = ?, loaded = ?, unchanged = ?,"
            " quarantined = ? WHERE run_id = ?",
            [run.finished_at, run.files_seen, run.loaded, run.unchanged, run.quarantined,
             run.run_id],
        )


#: One table's rows column by column: ``{column: [value, ...]}``.
Columns = dict[str, list[Any]]
#: One document's rows: ``{table: Columns}`` (compact to send between processes).
DocumentRows = dict[str, Columns]


def _columns_of(names: list[str], rows: list[Any]) -> Columns:
    return {name: [getattr(row, name) for row in rows] for name in names}


def columnar(tables: dict[str, list[Record]]) -> DocumentRows:
    """A document's records as columns, the shape :meth:`Warehouse.load_columns` takes."""
    out: DocumentRows = {}
    for model in DOCUMENT_MODELS:
        rows = tables.get(model.table)
        if rows:
            out[model.table] = _columns_of(list(model.model_fields), rows)
    return out


def _insert(con: duckdb.DuckDBPyConnection, table: str, data: Columns) -> None:
    arrow = pa.table({name: pa.array(values, type=_arrow_type(
        next((v for v in values if v is not None), None))) for name, values in data.items()})
    con.register("_bma_rows", arrow)
    try:
        cols = ", ".join(data)
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _bma_rows")
    finally:
        con.unregister("_bma_rows")


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

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
import functools
import logging
import operator
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path
from types import UnionType
from typing import TYPE_CHECKING, TypeVar, Union, get_args, get_origin, get_type_hints

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
from pydantic import BaseModel

from bma_etl.errors import LoadError, UsageError, WarehouseError
from bma_etl.lake import LakeTarget, parse_target
from bma_etl.records import DOCUMENT_MODELS, IngestRun, Record
from bma_etl.search import INDEX_TABLES
from bma_etl.warehouse_file import (  # re-exported: the writer and readers open alike
    DEFAULT_WAIT,
    Target,
    connect,
    is_disk_full,
    warehouse_error,
)

if TYPE_CHECKING:
    from bma_etl.lake import DocumentLocks

log = logging.getLogger(__name__)
_T = TypeVar("_T")


def _is_conflict(exc: BaseException) -> bool:
    from bma_etl.lake import is_conflict

    return is_conflict(exc)


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
if tuple(int(p) for p in duckdb.__version__.split(".")[:3] if p.isdigit()) >= (1, 5, 6):
    # Large appends are not written to the file ahead of their commit: a kill inside
    # the commit could bring them back without their documents row (DuckDB 1.5). The
    # setting is new in 1.5.6; the [lake] extra holds DuckDB at 1.5.5, where a run
    # starts by removing such rows instead (Warehouse.remove_orphans).
    DUCKDB_CONFIG["enable_optimistic_write"] = "false"

#: Rows per row group the writer makes (DuckDB's default is 122,880). A checkpoint
#: rewrites a table's last, partly filled row group whole when the table has an
#: index, so with the default every batch rewrote all of ``document_texts`` (large
#: strings, primary key) and loading slowed as the warehouse grew. With optimistic
#: writes off (above), 16,384 loads 10,000 documents at 234 docs/s into 140 MB
#: against 202 docs/s and 359 MB with 2,048. Readers need no setting for it.
ROW_GROUP_SIZE = 16384

#: On-disk format the writer uses (DuckDB otherwise writes one that old versions read).
#: From v1.3.0 DuckDB compresses long strings: 10,000 documents take 270 MB instead
#: of 1.5 GB and load in about half the time. Opening the warehouse needs DuckDB 1.3
#: or newer; a warehouse written in the older format is upgraded on the next ingest.
STORAGE_VERSION = "v1.3.0"

def open_writer(path: Path | str) -> duckdb.DuckDBPyConnection:
    """The warehouse opened for writing with the writer's settings (no waiting: see connect)."""
    # ATTACH rather than connect(path): row group size and format are attach options.
    con = duckdb.connect(":memory:", config=dict(DUCKDB_CONFIG))
    try:
        literal = str(path).replace("'", "''")
        con.execute(f"ATTACH '{literal}' AS warehouse "
                    f"(ROW_GROUP_SIZE {ROW_GROUP_SIZE}, STORAGE_VERSION '{STORAGE_VERSION}')")
        con.execute("USE warehouse")
    except BaseException:
        con.close()
        raise
    return con


@contextlib.contextmanager
def run_lock(path: Path | str | LakeTarget) -> Iterator[None]:
    """Hold ``<warehouse>.lock`` for a whole ingest run; a second run fails at once.

    A DuckLake warehouse takes many runs at once: it has no run lock.
    """
    if isinstance(path, LakeTarget):
        yield
        return
    lock_path = Path(f"{path}.lock")
    try:
        handle = lock_path.open("a+")
    except OSError as exc:
        raise WarehouseError(
            f"{path}: cannot create {lock_path.name} beside the warehouse ({exc.strerror}); "
            "check that the folder exists and is writable") from exc
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

    def __init__(self, path: Path | str | LakeTarget, wait: float = DEFAULT_WAIT,
                 create: bool = True) -> None:
        self.path: Target = parse_target(path)
        self.locks: DocumentLocks | None = None
        if isinstance(self.path, LakeTarget):
            from bma_etl import lake

            self.locks = lake.DocumentLocks(self.path)
            try:
                with self.locks.setting_up():
                    self.con = connect(self.path, wait=wait)
                    try:
                        if create:
                            lake.ensure_schema(self.con, ddl(), self.path)
                    except BaseException:
                        self.con.close()
                        raise
            except BaseException:
                self.locks.close()
                raise
            return
        self.con = connect(self.path, wait=wait)
        if not create:
            return
        try:
            self.con.execute(ddl())
            upgrade_provenance_key(self.con)
        except duckdb.Error as exc:
            self.con.close()
            raise warehouse_error(path, exc, "cannot create the warehouse tables") from exc

    @property
    def is_lake(self) -> bool:
        """Whether this is a DuckLake warehouse (many writers, no file lock)."""
        return isinstance(self.path, LakeTarget)

    def _transaction(self, body: Callable[[], _T], what: str) -> _T:
        """Run ``body``, again after a pause while DuckLake reports a write conflict."""
        if not self.is_lake:
            return body()
        from bma_etl.lake import retrying

        assert self.locks is not None
        with self.locks.writing():  # never while maintain rewrites files
            return retrying(body, what, self.path)

    def flush(self) -> None:
        """Write a DuckLake catalog's small inserts out as Parquet (no-op for a file).

        Left to the next flush or ``maintain`` when one is running (:func:`bma_etl.lake.flush`).
        """
        if isinstance(self.path, LakeTarget):
            from bma_etl import lake

            with self._errors("cannot flush the warehouse"):
                assert self.locks is not None
                lake.flush(self.con, self.path, self.locks)

    def __enter__(self) -> Warehouse:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        if exc_type is None:
            self.close()
            return
        # Already failing: the first error is the one to report, not the close's.
        with contextlib.suppress(duckdb.Error):
            self.con.close()
        if self.locks is not None:
            with contextlib.suppress(Exception):
                self.locks.close()

    def close(self) -> None:
        """Close the connection (checkpointing the file)."""
        with self._errors("cannot write the warehouse"):
            self.con.close()
        if self.locks is not None:
            self.locks.close()

    @contextlib.contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        try:
            yield
        except duckdb.Error as exc:
            raise warehouse_error(self.path, exc, doing) from exc

    def maintain(self, keep_days: float = 7.0) -> list[tuple[str, int]] | None:
        """Compact the warehouse; returns (step, count) pairs, None when skipped.

        DuckLake: flush small inserts, rewrite and merge Parquet files, expire snapshots
        older than ``keep_days`` and delete the files no kept snapshot uses
        (:func:`bma_etl.lake.maintain`); None when another maintain (or a run's
        flush) is running. A DuckDB file: a checkpoint.
        """
        if isinstance(self.path, LakeTarget):
            from bma_etl import lake

            with self._errors("cannot maintain the warehouse"):
                assert self.locks is not None
                report = lake.maintain(self.con, self.path, self.locks, keep_days)
                return None if report.skipped else report.steps
        with self._errors("cannot checkpoint the warehouse"):
            self.con.execute("CHECKPOINT")
        return [("checkpoint", 1)]

    def document_states(self) -> dict[str, DocState]:
        """What the warehouse knows of every document, by ``doc_id``."""
        with self._errors("cannot read the warehouse"):
            rows = self.con.execute(
                "SELECT doc_id, status, extractor_version, source_path FROM documents"
            ).fetchall()
        return {doc_id: DocState(status, version, path) for doc_id, status, version, path in rows}

    def remove_orphans(self) -> int:
        """Delete rows whose ``documents`` row is missing; return how many.

        A load is one transaction; rows without their document can only come from
        a warehouse written with DuckDB's optimistic writes on (bma-etl 0.3.0, or
        another program), which could bring back rows of a transaction killed while
        committing. Each run starts by removing them, so a re-run loads those
        documents once.
        """
        if self.is_lake:
            return 0  # a DuckLake commit is whole or nothing, with no such window
        removed = 0
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for table in (*(m.table for m in DOCUMENT_MODELS), *INDEX_TABLES):
                if table == "documents":
                    continue
                gone = con.execute(
                    f"DELETE FROM {table} WHERE doc_id NOT IN "
                    "(SELECT doc_id FROM documents)").fetchone()
                removed += int(gone[0]) if gone else 0
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return removed

    def touch_many(self, seen: list[tuple[str, str]], run_id: str) -> None:
        """Record the new path of unchanged documents ``(doc_id, path)`` found elsewhere."""
        if not seen:
            return
        table = pa.table({"doc_id": [d for d, _ in seen], "source_path": [p for _, p in seen]})

        def update() -> None:
            self.con.register("_bma_seen", table)
            try:
                self.con.execute(
                    "UPDATE documents SET source_path = s.source_path, run_id = ? "
                    "FROM _bma_seen s WHERE documents.doc_id = s.doc_id", [run_id])
            finally:
                self.con.unregister("_bma_seen")

        with self._errors("cannot write the warehouse"):
            self._transaction(update, "recording moved files")

    def load(self, tables: dict[str, list[Record]]) -> None:
        """Replace one document's rows with ``tables`` in a single transaction."""
        self.load_many([tables])

    def load_many(self, documents: list[dict[str, list[Record]]],
                  replace: bool = True) -> None:
        """Replace the rows of several documents, and their search index, in one transaction."""
        from bma_etl.search import index_tables

        self.load_arrow([to_arrow(documents) | index_tables(documents)], replace=replace)

    def load_arrow(self, pieces: Sequence[ArrowTables], replace: bool = True) -> None:
        """Replace the rows of the documents in ``pieces`` in one transaction.

        Each piece holds whole documents (see :func:`to_arrow`); a document is the
        ``documents`` row with its ``doc_id`` and every row carrying that id, search
        index rows (:mod:`bma_etl.search`) included. Either
        every document of the call is loaded or none is. ``replace=False`` skips the
        deletes when the caller knows none of the documents is stored yet.
        """
        merged = concat_pieces(pieces)
        if not merged:
            return
        if "documents" not in merged:
            raise LoadError("rows to load without their documents row")
        doc_ids = merged["documents"].column("doc_id").to_pylist()
        if len(set(doc_ids)) != len(doc_ids):
            raise LoadError("a document appears twice in one load")
        if self.locks is None:
            self._load_merged(merged, doc_ids, replace)
            return
        # Many writers: hold the documents' locks, then delete the rows of those
        # already stored, whatever this run saw at its start (another machine may
        # have loaded one since). Deleting nothing spares DuckLake a scan of every
        # table and a delete that could conflict with another writer's.
        with self.locks.held(doc_ids):
            def load() -> None:
                stored = self._stored(doc_ids)
                self._load_merged(merged, doc_ids, bool(stored), only=stored)

            self._transaction(load, "loading documents")

    def _stored(self, doc_ids: list[str]) -> list[str]:
        """Which of ``doc_ids`` the warehouse holds now."""
        rows = self.con.execute("SELECT doc_id FROM documents WHERE doc_id IN "
                                "(SELECT unnest(?::VARCHAR[]))", [doc_ids]).fetchall()
        return [doc_id for (doc_id,) in rows]

    def _load_merged(self, merged: ArrowTables, doc_ids: list[str], replace: bool,
                     only: list[str] | None = None) -> None:
        con = self.con
        try:
            con.execute("BEGIN TRANSACTION")
            if replace:
                gone = only if only is not None else doc_ids
                marks = ", ".join("?" for _ in gone)
                for table in (*INDEX_TABLES, *(m.table for m in reversed(DOCUMENT_MODELS))):
                    con.execute(f"DELETE FROM {table} WHERE doc_id IN ({marks})", gone)
            for table in (*(m.table for m in DOCUMENT_MODELS), *INDEX_TABLES):
                if table in merged and merged[table].num_rows:
                    _insert(con, table, merged[table])
            con.execute("COMMIT")
        except BaseException as exc:
            # A failed COMMIT has already ended the transaction, and then ROLLBACK
            # raises "no transaction is active" over the error that matters.
            with contextlib.suppress(duckdb.Error):
                con.execute("ROLLBACK")
            if not isinstance(exc, duckdb.Error):
                raise
            if self.is_lake and _is_conflict(exc):
                raise  # retried by the caller
            if isinstance(self.path, LakeTarget):
                from bma_etl.lake import is_catalog_lost, lake_error

                if is_catalog_lost(exc):  # PostgreSQL, not this document: stop the run
                    raise lake_error(self.path, exc, "cannot write the warehouse") from exc
            if isinstance(exc, duckdb.IOException | duckdb.FatalException) or is_disk_full(exc):
                # The file or the disk failed, not this document: stop the run.
                raise warehouse_error(self.path, exc, "cannot write the warehouse") from exc
            first = doc_ids[0][:12] if len(doc_ids) == 1 else f"{len(doc_ids)} documents"
            text = " ".join(str(exc).split())
            raise LoadError(f"document {first}: load failed ({text})") from exc

    def replace_index(self, doc_ids: list[str], tables: ArrowTables) -> None:
        """Replace the search index rows of ``doc_ids`` with ``tables``, in one transaction."""
        con = self.con
        try:
            con.execute("BEGIN TRANSACTION")
            for table in INDEX_TABLES:
                con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                            [doc_ids])
                if table in tables and tables[table].num_rows:
                    _insert(con, table, tables[table])
            con.execute("COMMIT")
        except BaseException as exc:
            con.execute("ROLLBACK")
            if isinstance(exc, duckdb.Error):
                raise WarehouseError(f"{self.path}: search index not written ({exc})") from exc
            raise

    def start_run(self, run: IngestRun) -> None:
        """Insert the ``ingest_runs`` row of a starting run."""
        with self._errors("cannot write the warehouse"):
            self._transaction(lambda: _insert(self.con, "ingest_runs", _table_of(IngestRun, [run])),
                              "recording the run")

    def finish_run(self, run: IngestRun) -> None:
        """Update the run's row with its counts and end time."""
        with self._errors("cannot write the warehouse"):
            self._transaction(lambda: self._finish_run(run), "recording the run's end")

    def _finish_run(self, run: IngestRun) -> None:
        self.con.execute(
            "UPDATE ingest_runs SET finished_at = ?, files_seen = ?, loaded = ?, unchanged = ?,"
            " quarantined = ?, skipped = ? WHERE run_id = ?",
            [run.finished_at, run.files_seen, run.loaded, run.unchanged, run.quarantined,
             run.skipped, run.run_id],
        )


def upgrade_provenance_key(con: duckdb.DuckDBPyConnection) -> bool:
    """Give ``provenance`` of a warehouse file written before 0.5.0 its key.

    Numbers each document's rows from 1 in their stored order and adds
    ``PRIMARY KEY (doc_id, ordinal)``; returns whether it did.
    A warehouse that already has the key is left alone.
    """
    keyed = con.execute(
        "SELECT count(*) FROM duckdb_constraints() WHERE database_name = current_database() "
        "AND table_name = 'provenance' AND constraint_type = 'PRIMARY KEY'").fetchone()
    if keyed and keyed[0]:
        return False
    # Two statements: DuckDB builds no index over uncommitted updates. Interrupted
    # between them, the next open numbers the rows again.
    con.execute("UPDATE provenance SET ordinal = numbered.n FROM ("
                "SELECT rowid AS r, row_number() OVER (PARTITION BY doc_id ORDER BY rowid) AS n "
                "FROM provenance) AS numbered WHERE provenance.rowid = numbered.r")
    con.execute("ALTER TABLE provenance ADD PRIMARY KEY (doc_id, ordinal)")
    return True


def migrate(source: Path, target: Path | str | LakeTarget) -> dict[str, int]:
    """Copy every table of the DuckDB warehouse file ``source`` into ``target``.

    ``target`` (a DuckLake address or a new DuckDB file) must hold no document yet;
    the copy is one transaction, columns matched by name. Returns the rows copied
    per table. Raises :class:`UsageError` for a missing source or a non-empty target.
    """
    if not Path(source).is_file():
        raise UsageError(f"{source}: no such warehouse file", stage="warehouse")
    tables = [m.table for m in DOCUMENT_MODELS] + list(INDEX_TABLES) + ["ingest_runs"]
    literal = str(source).replace("'", "''")
    with Warehouse(target) as wh:
        con = wh.con
        held = con.execute("SELECT count(*) FROM documents").fetchone()
        if held and held[0]:
            raise UsageError(f"{wh.path}: already holds {held[0]} documents; migrate into an "
                             "empty warehouse", stage="warehouse")
        try:
            con.execute(f"ATTACH '{literal}' AS migrate_source (READ_ONLY)")
        except duckdb.Error as exc:
            raise warehouse_error(source, exc, "cannot open the warehouse to copy") from exc
        copied: dict[str, int] = {}

        def copy() -> None:
            copied.clear()
            con.execute("BEGIN TRANSACTION")
            try:
                for table in tables:
                    have = {c for (c,) in con.execute(
                        "SELECT column_name FROM information_schema.columns WHERE "
                        "table_catalog = 'migrate_source' AND table_name = ?",
                        [table]).fetchall()}
                    cols = [c for (c,) in con.execute(
                        "SELECT column_name FROM information_schema.columns WHERE "
                        "table_catalog = current_database() AND table_name = ? "
                        "ORDER BY ordinal_position", [table]).fetchall() if c in have]
                    if not cols:
                        continue
                    values = ", ".join(cols)
                    if table == "provenance" and "ordinal" not in have:  # before 0.5.0
                        cols.append("ordinal")
                        values += (", row_number() OVER (PARTITION BY doc_id ORDER BY rowid)"
                                   "::INTEGER")
                    names = ", ".join(cols)
                    row = con.execute(f"INSERT INTO main.{table} ({names}) "
                                      f"SELECT {values} FROM migrate_source.main.{table}"
                                      ).fetchone()
                    copied[table] = int(row[0]) if row else 0
                con.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(duckdb.Error):
                    con.execute("ROLLBACK")
                raise

        try:
            with wh._errors("cannot copy the warehouse"):
                wh._transaction(copy, "copying the warehouse")
            wh.flush()
        finally:
            with contextlib.suppress(duckdb.Error):
                con.execute("DETACH migrate_source")
    return copied


#: Rows of one or more whole documents as Arrow tables, by warehouse table. Workers
#: build them, so the writer only concatenates and inserts.
ArrowTables = dict[str, pa.Table]


def to_arrow(documents: Iterable[dict[str, list[Record]]]) -> ArrowTables:
    """The records of ``documents`` as one Arrow table per warehouse table, in order.

    Raises ``pyarrow.ArrowException`` (or ``TypeError``/``ValueError``) when a value
    does not fit its column's type.
    """
    docs = list(documents)
    out: ArrowTables = {}
    for model in DOCUMENT_MODELS:
        rows = [row for tables in docs for row in tables.get(model.table, ())]
        if rows:
            out[model.table] = _table_of(model, rows)
    return out


def concat_pieces(pieces: Sequence[ArrowTables]) -> ArrowTables:
    """Several pieces' tables joined table by table, pieces kept in order."""
    parts: dict[str, list[pa.Table]] = {}
    for piece in pieces:
        for table, rows in piece.items():
            parts.setdefault(table, []).append(rows)
    return {table: tables[0] if len(tables) == 1 else pa.concat_tables(tables)
            for table, tables in parts.items()}


def only_document(tables: ArrowTables, doc_id: str) -> ArrowTables:
    """The rows of one document out of a piece holding several."""
    out: ArrowTables = {}
    for table, rows in tables.items():
        kept = rows.filter(pc.equal(rows.column("doc_id"), doc_id))
        if kept.num_rows:
            out[table] = kept
    return out


def _table_of(model: type[BaseModel], rows: Sequence[BaseModel]) -> pa.Table:
    schema = arrow_schema(model)
    # Pydantic keeps a row's field values in its __dict__: one itemgetter call takes
    # a row's values and zip turns the rows into columns, where a getattr per value
    # cost more than building the Arrow arrays (provenance has hundreds of rows).
    pick = operator.itemgetter(*schema.names)
    picked = [pick(row.__dict__) for row in rows]
    columns: Iterable[Sequence[object]] = (
        [picked] if len(schema) == 1 else zip(*picked, strict=True) if picked
        else [[] for _ in schema])
    return pa.table([pa.array(column, type=f.type)
                     for f, column in zip(schema, columns, strict=True)], schema=schema)


@functools.cache
def arrow_schema(model: type[BaseModel]) -> pa.Schema:
    """The Arrow schema of a model's table (column order as the model's fields)."""
    hints = get_type_hints(model)
    return pa.schema([pa.field(name, _arrow_type(hints[name])) for name in model.model_fields])


def _arrow_type(hint: object) -> pa.DataType:
    args = [a for a in get_args(hint) if a is not type(None)]
    if get_origin(hint) in (Union, UnionType) and len(args) == 1:
        hint = args[0]
    if get_origin(hint) is list:
        return pa.list_(pa.string())
    return _ARROW_TYPES.get(hint, pa.string())


_ARROW_TYPES: dict[object, pa.DataType] = {
    bool: pa.bool_(), int: pa.int64(), float: pa.float64(), str: pa.string(),
    Decimal: pa.decimal128(38, 4), dt.datetime: pa.timestamp("us"), dt.date: pa.date32(),
}


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table) -> None:
    con.register("_bma_rows", rows)
    try:
        cols = ", ".join(rows.column_names)
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _bma_rows")
    finally:
        con.unregister("_bma_rows")

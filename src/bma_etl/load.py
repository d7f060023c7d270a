"""Write documents into the DuckDB warehouse: the writer, its transactions and locks.

Stage: load. Documents are loaded in transactions that first delete the rows
they had (re-ingesting replaces, never duplicates), then bulk-insert their rows
through Arrow. A crash mid-transaction rolls it back, so every document is either
fully loaded or not at all.

DuckDB lets one process write or several read a file, not both at once. So the
writer holds the file only while it loads a batch and waits (up to ``wait``
seconds) for readers to finish; readers wait the same way for a batch to commit.
A whole ``ingest`` run also holds an advisory lock file beside the warehouse, so
two runs never interleave.

The tables' DDL, the writer's storage settings and the rows as Arrow tables are in
:mod:`bma_etl.load_tables` (re-exported here); copying a warehouse into another is in
:mod:`bma_etl.load_migrate`.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import duckdb
import pyarrow as pa

from bma_etl.errors import LoadError, WarehouseError
from bma_etl.lake import LakeTarget, parse_target
from bma_etl.load_tables import (  # re-exported: the pipeline and the tests import them here
    DUCKDB_CONFIG,
    ROW_GROUP_SIZE,
    STORAGE_VERSION,
    ArrowTables,
    _insert,
    add_other_paths,
    arrow_schema,
    concat_pieces,
    ddl,
    delete_orphans,
    insert_run,
    only_document,
    open_writer,
    to_arrow,
    update_run,
    upgrade_provenance_key,
)
from bma_etl.pipeline_outcome import DocState  # re-exported: the pipeline imports it here
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

__all__ = [
    "DEFAULT_WAIT", "DUCKDB_CONFIG", "ROW_GROUP_SIZE", "STORAGE_VERSION", "ArrowTables",
    "DocState", "Target", "Warehouse", "arrow_schema", "concat_pieces", "connect", "ddl",
    "is_disk_full", "only_document", "open_writer", "run_lock", "to_arrow",
    "upgrade_provenance_key", "warehouse_error",
]

log = logging.getLogger(__name__)
_T = TypeVar("_T")


def _is_conflict(exc: BaseException) -> bool:
    from bma_etl.lake import is_conflict

    return is_conflict(exc)


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
                "SELECT doc_id, status, extractor_version, source_path, other_paths, error "
                "FROM documents").fetchall()
        return {doc_id: DocState(status, version, path, None, tuple(others or ()), error)
                for doc_id, status, version, path, others, error in rows}

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
        return delete_orphans(self.con)

    def touch_many(self, seen: list[tuple[str, str]], run_id: str) -> None:
        """Record the new path of unchanged documents ``(doc_id, path)`` found elsewhere."""
        if not seen:
            return
        table = pa.table({"doc_id": [d for d, _ in seen], "source_path": [p for _, p in seen]})

        def update() -> None:
            self.con.register("_bma_seen", table)
            try:
                # A quarantined document keeps the path it had among its other paths:
                # the file there holds the same bad bytes (see add_other_paths).
                self.con.execute(
                    "UPDATE documents SET source_path = s.source_path, run_id = ?, "
                    "other_paths = CASE WHEN status = 'quarantined' THEN list_distinct("
                    "list_append(coalesce(other_paths, []), documents.source_path)) "
                    "ELSE other_paths END "
                    "FROM _bma_seen s WHERE documents.doc_id = s.doc_id", [run_id])
            finally:
                self.con.unregister("_bma_seen")

        with self._errors("cannot write the warehouse"):
            self._transaction(update, "recording moved files")

    def add_other_paths(self, seen: list[tuple[str, str]]) -> None:
        """Record more paths ``(doc_id, path)`` of a quarantined document (``status``)."""
        if not seen:
            return
        with self._errors("cannot write the warehouse"):
            self._transaction(lambda: add_other_paths(self.con, seen),
                              "recording the paths of quarantined files")

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
            self._transaction(lambda: insert_run(self.con, run), "recording the run")

    def finish_run(self, run: IngestRun) -> None:
        """Update the run's row with its counts and end time."""
        with self._errors("cannot write the warehouse"):
            self._transaction(lambda: update_run(self.con, run), "recording the run's end")

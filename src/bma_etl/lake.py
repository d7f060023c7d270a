"""DuckLake on PostgreSQL: one warehouse that many ingestion machines write at once.

Stage: load (the backend). A warehouse is named either by a DuckDB file path (the
default, :mod:`bma_etl.load`) or by a DuckLake address::

    ducklake:postgres://USER[:PASSWORD]@HOST[:PORT]/DB?data_path=DIR

The catalog (snapshots, schema, small inserts) lives in the PostgreSQL database
``DB``; the rows land as Parquet files under ``DIR`` (a folder every machine
mounts; DuckLake also takes object-storage URLs there). Other query parameters are
passed to libpq as they are (``host=/run/postgresql`` for a Unix socket,
``sslmode=require``); a password not in the address comes from ``PGPASSWORD`` or
``~/.pgpass`` as for ``psql``. A password in the address never enters a connection
string DuckDB shows: it goes to DuckDB as a temporary secret and to psycopg as an
argument, and every message shows the address with ``***`` in its place.
``data_path`` is needed only by the first writer: DuckLake keeps it in the catalog
and finds its files relative to it; ``override_data_path=true`` uses the address's
``data_path`` instead, for this connection (a folder mounted elsewhere, or moved).

These modules are the only ones that know DuckLake. The DuckDB extensions they need
(``ducklake``, ``postgres``) cannot be downloaded on the machines this project
runs on; they come from PyPI in the ``lake`` extra, built for one DuckDB version,
and are loaded from the installed packages, never from the network.

Concurrency. DuckLake gives snapshot isolation; two transactions that change the
same table in ways that overlap fail to commit ("Transaction conflict"), and
:func:`retrying` runs such a transaction again after a pause. Appends never
conflict, but nothing in DuckLake stops two writers from both inserting the same
document, so each load holds PostgreSQL advisory locks on its documents' ids
(:class:`DocumentLocks`) from before its transaction begins until it commits.

The parts: :mod:`bma_etl.lake_catalog` (the address, the catalog attached to
DuckDB, errors as one line), :mod:`bma_etl.lake_commit` (conflicts retried, the
documents' locks, the tables created), and this module: writing small inserts out
as Parquet and maintenance (:func:`flush`, :func:`maintain`). The names of all
three are imported from here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bma_etl.lake_catalog import (
    MESSAGE_CHARS,
    PREFIX,
    LakeTarget,
    attach,
    data_path,
    extension_files,
    first_line,
    is_catalog_lost,
    is_lake,
    lake_error,
    load_extensions,
    open_connection,
    parse_target,
    redact,
)
from bma_etl.lake_commit import (
    FIRST_PAUSE,
    RETRIES,
    DocumentLocks,
    ensure_schema,
    is_conflict,
    lake_ddl,
    retrying,
)

if TYPE_CHECKING:
    import duckdb

__all__ = [
    "COMPACT_WAIT", "FIRST_PAUSE", "FLUSH_WAIT", "MESSAGE_CHARS", "ORPHAN_DAYS", "PREFIX",
    "RETRIES", "DocumentLocks", "LakeTarget", "MaintainReport", "attach", "data_path",
    "ensure_schema", "extension_files", "first_line", "flush", "is_catalog_lost",
    "is_conflict", "is_lake", "lake_ddl", "lake_error", "load_extensions", "maintain",
    "open_connection", "parse_target", "redact", "retrying",
]

log = logging.getLogger(__name__)


#: Seconds the flush at the end of a run waits for another flush or a maintain to end
#: before leaving its rows inlined (still readable) for the next flush or maintain.
FLUSH_WAIT = 5.0


def flush(con: duckdb.DuckDBPyConnection, target: LakeTarget, locks: DocumentLocks,
          wait: float = FLUSH_WAIT) -> bool:
    """Write the rows kept in the catalog (DuckLake's inlined data) out as Parquet.

    One writer flushes at a time (the flush lock): two flushes delete the same
    inlined rows, and all but one would fail; and no writer's transaction is open
    meanwhile (:meth:`DocumentLocks.compacting`). Returns False, having done
    nothing, when another flush or a maintain held the lock, or writers kept
    writing, for ``wait`` seconds.
    """
    with locks.trying(DocumentLocks.FLUSH, wait) as taken:
        if not taken:
            log.info("%s: another flush or maintain is running; small inserts stay in the "
                     "catalog until the next one", target)
            return False
        with locks.compacting(wait) as writers_paused:
            if not writers_paused:
                log.info("%s: other runs kept writing; small inserts stay in the catalog "
                         "until the next flush or maintain", target)
                return False
            retrying(lambda: con.execute("CALL ducklake_flush_inlined_data('warehouse')"
                                         ).fetchall(),  # read to the end: it commits
                     "flushing small inserts to Parquet", target)
    return True


@dataclass(frozen=True, slots=True)
class MaintainReport:
    """What :func:`maintain` did: (step, count) pairs, or ``skipped`` (another maintain ran)."""

    steps: list[tuple[str, int]]
    skipped: bool = False


#: Seconds ``maintain`` waits for writers' transactions to end before it rewrites and
#: merges files (writers then wait for it: see :data:`DocumentLocks.COMPACT`).
COMPACT_WAIT = 120.0

#: Least age (days) of a file under the data folder that no snapshot knows before
#: ``maintain`` deletes it: a writer's transaction writes its files before it commits.
ORPHAN_DAYS = 1.0


def maintain(con: duckdb.DuckDBPyConnection, target: LakeTarget, locks: DocumentLocks,
             keep_days: float = 7.0) -> MaintainReport:
    """Flush, compact, expire snapshots older than ``keep_days`` and delete unused files.

    Steps, as DuckLake's CHECKPOINT orders them: flush inlined rows; rewrite files
    whose rows are mostly deleted (a replaced document leaves its old rows deleted);
    merge adjacent small files; expire snapshots older than ``keep_days``; delete the
    files that expired snapshots and merges left, once scheduled ``keep_days`` ago;
    delete files no snapshot knows (a killed writer's) older than
    ``max(keep_days, ORPHAN_DAYS)``. Counts are files (rows for the flush, snapshots
    for the expiry). Safe while writers and readers run: writers wait while files are
    rewritten and merged (:meth:`DocumentLocks.compacting`). One maintain at a time: when
    another holds the flush lock, nothing is done and ``skipped`` is True.
    """
    with locks.trying(DocumentLocks.FLUSH) as taken:
        if not taken:
            return MaintainReport([], skipped=True)
        steps: list[tuple[str, int]] = []

        def step(name: str, select: str, call: str) -> None:
            def run() -> int:
                # fetchall, not fetchone: a result not read to its end leaves the
                # statement's transaction open, and closing the connection then rolled
                # every step back while it held the catalog's rows that another
                # maintain's flush waited for (a deadlock).
                rows = con.execute(f"SELECT {select} FROM {call}").fetchall()
                return int(rows[0][0] or 0) if rows else 0
            steps.append((name, retrying(run, name, target)))

        keep = f"now() - INTERVAL '{float(keep_days) * 86400:.0f} seconds'"
        orphans = f"now() - INTERVAL '{max(float(keep_days), ORPHAN_DAYS) * 86400:.0f} seconds'"
        with locks.compacting(COMPACT_WAIT) as writers_paused:
            if not writers_paused:
                log.warning("%s: writers kept writing for %.0f s; small inserts not flushed "
                            "and files not rewritten or merged this time", target, COMPACT_WAIT)
            else:
                step("flush inlined data (rows)", "sum(rows_flushed)",
                     "ducklake_flush_inlined_data('warehouse')")
                step("rewrite files of deleted rows", "sum(files_processed)",
                     "ducklake_rewrite_data_files('warehouse')")
                step("merge adjacent files", "sum(files_processed)",
                     "ducklake_merge_adjacent_files('warehouse')")
        step("expire snapshots", "count(*)",
             f"ducklake_expire_snapshots('warehouse', older_than => {keep})")
        step("delete old files", "count(*)",
             f"ducklake_cleanup_old_files('warehouse', older_than => {keep})")
        step("delete orphaned files", "count(*)",
             f"ducklake_delete_orphaned_files('warehouse', older_than => {orphans})")
    return MaintainReport(steps)

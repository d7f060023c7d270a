"""How writers share a DuckLake warehouse: conflicts retried, documents locked, tables made.

Stage: load (the backend). DuckLake gives snapshot isolation; two transactions
that change the same table in ways that overlap fail to commit, and
:func:`retrying` runs such a transaction again after a pause. Each load holds
PostgreSQL advisory locks on its documents' ids (:class:`DocumentLocks`) from
before its transaction begins until it commits, and one writer at a time creates
the tables (:func:`ensure_schema`). More in :mod:`bma_etl.lake`.
"""

from __future__ import annotations

import contextlib
import logging
import random
import re
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from bma_etl.errors import UsageError, WarehouseError
from bma_etl.lake_catalog import LakeTarget, first_line, lake_error

if TYPE_CHECKING:
    import duckdb

#: The DuckLake modules log under one name, the one a log filter selects.
log = logging.getLogger("bma_etl.lake")

_T = TypeVar("_T")


def is_conflict(exc: BaseException) -> bool:
    """Whether ``exc`` is DuckLake (or PostgreSQL under it) refusing an overlapping commit."""
    text = str(exc)
    if "could not serialize access" in text or "deadlock detected" in text:
        return True
    return "conflict" in text.lower() and ("DuckLake" in text or "Transaction" in text)


#: Attempts of a conflicting transaction, and the first pause between them (s);
#: each pause doubles, with jitter so that writers that collided do not collide again.
RETRIES = 12
FIRST_PAUSE = 0.05


def retrying(body: Callable[[], _T], what: str, target: object) -> _T:
    """Run ``body`` (one whole transaction) again while DuckLake reports a conflict.

    Raises :class:`WarehouseError` after :data:`RETRIES` conflicting attempts; other
    errors propagate at once.
    """
    pause = FIRST_PAUSE
    for attempt in range(1, RETRIES + 1):
        try:
            return body()
        except Exception as exc:
            if not is_conflict(exc):
                raise
            if attempt == RETRIES:
                raise WarehouseError(
                    f"{target}: {what}: other writers kept conflicting after {RETRIES} "
                    f"attempts ({' '.join(str(exc).split())[:200]}); run again") from exc
            log.info("%s: %s conflicted with another writer; retrying in %.2fs",
                     target, what, pause)
            time.sleep(pause * (0.5 + random.random()))
            pause = min(pause * 2, 2.0)
    raise AssertionError("unreachable")


class DocumentLocks:
    """PostgreSQL advisory locks on documents, held across a load's transaction.

    One PostgreSQL session per writer (psycopg); locks are taken in key order, so
    two writers never wait on each other in a cycle. A failure of PostgreSQL becomes
    a :class:`WarehouseError` (:func:`lake_error`); releasing locks never raises (a
    session that is gone holds no lock).
    """

    def __init__(self, target: LakeTarget) -> None:
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - the lake extra installs it
            raise UsageError("a DuckLake warehouse needs psycopg: pip install 'bma-etl[lake]'",
                             stage="warehouse") from exc
        self._target = target
        self._error: type[Exception] = psycopg.Error
        self._lock_timeout: type[Exception] = psycopg.errors.LockNotAvailable
        extra = {"password": target.password} if target.password is not None else {}
        try:
            self._con = psycopg.connect(target.conninfo, autocommit=True, **extra)
        except psycopg.Error as exc:
            raise lake_error(target, exc, "cannot open the warehouse") from exc

    @staticmethod
    def key(doc_id: str) -> int:
        """A document's lock key: the first 60 bits of its SHA-256 (a signed bigint)."""
        return int(doc_id[:15], 16)

    #: The lock key of creating the catalog and the tables: writers that start together
    #: would otherwise all create DuckLake's own tables in PostgreSQL at once.
    SETUP = -1
    #: The lock key of flushing inlined rows and of compaction (:func:`maintain`).
    FLUSH = -2
    #: Writers hold this key shared across each DuckLake transaction; compaction holds
    #: it exclusive. DuckLake 1.5.5's file rewrite and merge, run while a writer
    #: replaced rows, failed with an INTERNAL error ("DuckLakeCompaction - expected a
    #: single output file") that invalidated the connection.
    COMPACT = -3

    def _execute(self, sql: str, params: Sequence[object]) -> Any:
        try:
            return self._con.execute(sql, params).fetchone()
        except self._error as exc:
            raise lake_error(self._target, exc, "lost the catalog's locks") from exc

    def _release(self, sql: str, params: Sequence[object]) -> None:
        try:
            self._con.execute(sql, params)
        except self._error as exc:  # the session is gone, and its locks with it
            log.warning("%s: releasing advisory locks: %s", self._target, first_line(exc))

    @contextlib.contextmanager
    def holding(self, key: int) -> Iterator[None]:
        """Hold one advisory lock (:data:`SETUP`) for the ``with`` block, waiting for it."""
        self._execute("SELECT pg_advisory_lock(%s)", [key])
        try:
            yield
        finally:
            self._release("SELECT pg_advisory_unlock(%s)", [key])

    @contextlib.contextmanager
    def trying(self, key: int, wait: float = 0.0) -> Iterator[bool]:
        """Try to take one advisory lock (:data:`FLUSH`) for up to ``wait`` seconds.

        Yields whether it was taken (and holds it for the ``with`` block). It never
        waits inside PostgreSQL: a writer waiting there while its own DuckLake
        transaction holds what the lock's holder needs would wait forever.
        """
        deadline = time.monotonic() + wait
        pause = 0.05
        while not self._execute("SELECT pg_try_advisory_lock(%s)", [key])[0]:
            if time.monotonic() >= deadline:
                yield False
                return
            time.sleep(pause)
            pause = min(pause * 2, 1.0)
        try:
            yield True
        finally:
            self._release("SELECT pg_advisory_unlock(%s)", [key])

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Hold :data:`COMPACT` shared for one write transaction (waits out a compaction)."""
        self._execute("SELECT pg_advisory_lock_shared(%s)", [self.COMPACT])
        try:
            yield
        finally:
            self._release("SELECT pg_advisory_unlock_shared(%s)", [self.COMPACT])

    @contextlib.contextmanager
    def compacting(self, wait: float) -> Iterator[bool]:
        """Hold :data:`COMPACT` exclusive, waiting up to ``wait`` seconds for writers.

        Yields whether it was taken. PostgreSQL queues the request ahead of later
        writers, so a stream of short writes cannot starve it; the holder has no
        DuckLake transaction open while it waits, so no cycle can form.
        """
        try:
            self._con.execute(f"SET lock_timeout = '{int(wait * 1000)}ms'")
            try:
                self._con.execute("SELECT pg_advisory_lock(%s)", [self.COMPACT])
            finally:
                self._con.execute("RESET lock_timeout")
        except self._lock_timeout:
            yield False
            return
        except self._error as exc:
            raise lake_error(self._target, exc, "lost the catalog's locks") from exc
        try:
            yield True
        finally:
            self._release("SELECT pg_advisory_unlock(%s)", [self.COMPACT])

    def setting_up(self) -> contextlib.AbstractContextManager[None]:
        """Hold the set-up lock: one writer at a time creates the catalog or the tables."""
        return self.holding(self.SETUP)

    @contextlib.contextmanager
    def held(self, doc_ids: Sequence[str]) -> Iterator[None]:
        """Hold the locks of ``doc_ids`` for the ``with`` block."""
        keys = sorted({self.key(d) for d in doc_ids})
        self._execute(
            "SELECT count(pg_advisory_lock(k)) FROM "
            "(SELECT k FROM unnest(%s::bigint[]) AS k ORDER BY k OFFSET 0) AS s", [keys])
        try:
            yield
        finally:
            self._release("SELECT pg_advisory_unlock_all()", [])

    def close(self) -> None:
        """End the session (releasing any lock)."""
        with contextlib.suppress(self._error):
            self._con.close()


def _relations(con: duckdb.DuckDBPyConnection, catalog: str) -> set[tuple[str, str]]:
    return set(con.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_catalog = ? AND table_schema = 'main'", [catalog]).fetchall())


def lake_ddl(ddl: str) -> str:
    """The warehouse DDL as DuckLake takes it: no PRIMARY KEY (DuckLake has no indexes).

    Uniqueness of ``doc_id`` is kept by the loader (delete before insert, under
    :class:`DocumentLocks`), as the file backend's primary keys keep it there.
    """
    ddl = re.sub(r",\s*PRIMARY KEY\s*\([^)]*\)", "", ddl)
    return re.sub(r"\s+PRIMARY KEY\b", "", ddl)


def ensure_schema(con: duckdb.DuckDBPyConnection, ddl: str, target: LakeTarget) -> None:
    """Create or upgrade the contract's tables and views unless they are all there.

    The DDL is compared, column by column, with what an in-memory DuckDB makes of
    it, so writers starting together do not all rewrite the catalog (and conflict).
    """
    import duckdb

    wanted = lake_ddl(ddl)
    scratch = duckdb.connect(":memory:")
    try:
        scratch.execute(wanted)
        expected = _relations(scratch, "memory")
    finally:
        scratch.close()
    if expected <= _relations(con, "warehouse"):
        return

    def create() -> None:
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(wanted)
            con.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(duckdb.Error):
                con.execute("ROLLBACK")
            raise

    try:
        retrying(create, "creating the warehouse tables", target)
    except duckdb.Error as exc:
        raise lake_error(target, exc, "cannot create the warehouse tables") from exc

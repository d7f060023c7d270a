"""DuckLake on PostgreSQL: one warehouse that many ingestion machines write at once.

Stage: load (the backend). A warehouse is named either by a DuckDB file path (the
default, :mod:`bma_etl.load`) or by a DuckLake address::

    ducklake:postgres://USER[:PASSWORD]@HOST[:PORT]/DB?data_path=DIR

The catalog (snapshots, schema, small inserts) lives in the PostgreSQL database
``DB``; the rows land as Parquet files under ``DIR`` (a folder every machine
mounts; DuckLake also takes object-storage URLs there). Other query parameters are
passed to libpq as they are (``host=/run/postgresql`` for a Unix socket,
``sslmode=require``, ``password``); a password not in the address comes from
``PGPASSWORD`` or ``~/.pgpass`` as for ``psql``. ``data_path`` is needed only by
the first writer: DuckLake keeps it in the catalog.

This module is the only one that knows DuckLake. The DuckDB extensions it needs
(``ducklake``, ``postgres``) cannot be downloaded on the machines this project
runs on; they come from PyPI in the ``lake`` extra, built for one DuckDB version,
and are loaded from the installed packages, never from the network.

Concurrency. DuckLake gives snapshot isolation; two transactions that change the
same table in ways that overlap fail to commit ("Transaction conflict"), and
:func:`retrying` runs such a transaction again after a pause. Appends never
conflict, but nothing in DuckLake stops two writers from both inserting the same
document, so each load holds PostgreSQL advisory locks on its documents' ids
(:class:`DocumentLocks`) from before its transaction begins until it commits.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import random
import re
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import parse_qsl, unquote, urlsplit

from bma_etl.errors import UsageError, WarehouseError

if TYPE_CHECKING:
    import duckdb

log = logging.getLogger(__name__)

#: What a DuckLake warehouse address starts with.
PREFIX = "ducklake:"

#: Extension name DuckDB loads, by the PyPI package (``duckdb-extension-<package>``)
#: that carries it. DuckDB takes the name from the file name, and the postgres
#: package ships its ``postgres_scanner`` as ``postgres.duckdb_extension``.
_EXTENSIONS = (("postgres", "postgres_scanner"), ("ducklake", "ducklake"))

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class LakeTarget:
    """A DuckLake warehouse: a PostgreSQL catalog and a data folder.

    ``conninfo`` is a libpq ``key=value`` string; ``data_path`` is ``None`` when
    the address gave none (the catalog then supplies it); ``address`` is the
    address as given, with any password replaced by ``***``, for messages.
    """

    conninfo: str
    data_path: str | None
    address: str

    def __str__(self) -> str:
        return self.address


def is_lake(value: object) -> bool:
    """Whether ``value`` names a DuckLake warehouse rather than a DuckDB file."""
    return isinstance(value, LakeTarget) or (isinstance(value, str) and value.startswith(PREFIX))


def parse_target(value: str | Path | LakeTarget) -> Path | LakeTarget:
    """A ``--db``/``--warehouse`` value as a file path or a :class:`LakeTarget`.

    Raises :class:`UsageError` for a ``ducklake:`` address that is not
    ``ducklake:postgres://USER@HOST[:PORT]/DB[?data_path=DIR&…]``.
    """
    if isinstance(value, LakeTarget | Path):
        return value
    if not value.startswith(PREFIX):
        return Path(value)
    rest = value[len(PREFIX):]
    url = urlsplit(rest)
    example = "ducklake:postgres://USER@HOST:PORT/DB?data_path=DIR"
    if url.scheme not in ("postgres", "postgresql"):
        raise UsageError(f"{value}: a DuckLake address looks like {example} "
                         "(only a PostgreSQL catalog is supported)", stage="warehouse")
    dbname = unquote(url.path.lstrip("/"))
    if not dbname:
        raise UsageError(f"{value}: the address names no database; it looks like {example}",
                         stage="warehouse")
    try:
        port = url.port
    except ValueError:
        raise UsageError(f"{value}: the port is not a number", stage="warehouse") from None
    params = {"dbname": dbname}
    if url.hostname:
        params["host"] = unquote(url.hostname)
    if port:
        params["port"] = str(port)
    if url.username:
        params["user"] = unquote(url.username)
    if url.password:
        params["password"] = unquote(url.password)
    data_path: str | None = None
    for key, val in parse_qsl(url.query, keep_blank_values=True):
        if key == "data_path":
            data_path = val
        elif re.fullmatch(r"[a-z_]+", key):
            params[key] = val
        else:
            raise UsageError(f"{value}: {key!r} is not a connection parameter",
                             stage="warehouse")
    if data_path is not None and "://" not in data_path:
        data_path = str(Path(data_path).expanduser().resolve())
    shown = rest if url.password is None else rest.replace(f":{url.password}@", ":***@", 1)
    conninfo = " ".join(f"{k}={_libpq_quote(v)}" for k, v in params.items())
    return LakeTarget(conninfo=conninfo, data_path=data_path, address=PREFIX + shown)


def _libpq_quote(value: str) -> str:
    if value and not re.search(r"[\s'\\]", value):
        return value
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def extension_files() -> list[tuple[str, Path]]:
    """The (name, file) of each DuckDB extension DuckLake needs, from installed packages.

    Raises :class:`UsageError` when the ``lake`` extra is not installed or was built
    for another DuckDB version than the one installed.
    """
    import duckdb

    found = []
    for package, name in _EXTENSIONS:
        spec = importlib.util.find_spec(f"duckdb_extension_{package}")
        if spec is None or not spec.submodule_search_locations:
            raise UsageError(
                "a DuckLake warehouse needs the DuckLake extension: pip install "
                "'bma-etl[lake]' (it installs DuckDB with the extensions built for it)",
                stage="warehouse")
        root = Path(next(iter(spec.submodule_search_locations)))
        version = f"v{duckdb.__version__}"
        path = root / "extensions" / version / f"{package}.duckdb_extension"
        if not path.is_file():
            built = sorted(p.name for p in (root / "extensions").glob("v*"))
            raise UsageError(
                f"duckdb-extension-{package} is built for DuckDB {', '.join(built) or '?'}, "
                f"but DuckDB {duckdb.__version__} is installed: pip install 'bma-etl[lake]' "
                "installs matching versions", stage="warehouse")
        found.append((name, path))
    return found


def load_extensions(con: duckdb.DuckDBPyConnection) -> None:
    """Load the ``postgres`` and ``ducklake`` extensions into ``con`` from their packages."""
    with tempfile.TemporaryDirectory(prefix="bma-etl-ext-") as folder:
        for name, path in extension_files():
            # DuckDB names an extension after its file; link it under its own name.
            link = Path(folder, f"{name}.duckdb_extension")
            link.symlink_to(path)
            con.execute(f"LOAD {_sql_literal(str(link))}")


def attach(con: duckdb.DuckDBPyConnection, target: LakeTarget, read_only: bool = False,
           alias: str = "warehouse") -> None:
    """Attach ``target`` to ``con`` as ``alias`` and make it the default catalog.

    Raises :class:`WarehouseError` with what to check when PostgreSQL cannot be
    reached or the catalog is missing.
    """
    import duckdb

    load_extensions(con)
    options = []
    if read_only:
        options.append("READ_ONLY")
    elif target.data_path:
        options.append(f"DATA_PATH {_sql_literal(target.data_path)}")
    # Small inserts stay in the catalog until flushed (flush_inlined at a run's end).
    attach_sql = (f"ATTACH {_sql_literal('ducklake:postgres:' + target.conninfo)} AS {alias}"
                  + (f" ({', '.join(options)})" if options else ""))
    try:
        con.execute(attach_sql)
        con.execute(f"USE {alias}")
    except duckdb.Error as exc:
        if "creating a new DuckLake is explicitly disabled" in str(exc):
            raise UsageError(f"{target}: no warehouse here yet; run 'bma-etl ingest' first",
                             stage="warehouse") from exc
        raise lake_error(target, exc, "cannot open the warehouse") from exc


def data_path(con: duckdb.DuckDBPyConnection, alias: str = "warehouse") -> str | None:
    """The folder (or URL) where the attached DuckLake keeps its Parquet files."""
    row = con.execute(f"SELECT data_path FROM ducklake_settings('{alias}')").fetchone()
    return str(row[0]) if row and row[0] else None


def open_connection(target: LakeTarget, read_only: bool,
                    config: dict[str, str | bool]) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with ``target`` attached as ``warehouse`` and in use.

    ``config`` is the reader's or the writer's DuckDB configuration; extensions are
    never installed or autoloaded (they are loaded from their packages).
    """
    import duckdb

    settings: dict[str, Any] = dict(config)
    settings.pop("enable_optimistic_write", None)  # a DuckDB-file setting
    settings.update(autoinstall_known_extensions=False, autoload_known_extensions=False)
    con = duckdb.connect(":memory:", config=settings)
    try:
        attach(con, target, read_only=read_only)
    except BaseException:
        con.close()
        raise
    return con


def lake_error(target: LakeTarget, exc: BaseException, doing: str) -> WarehouseError:
    """A one-line :class:`WarehouseError` for a DuckLake or PostgreSQL failure."""
    text = " ".join(str(exc).split())
    hint = ""
    if "Connection refused" in text or "could not connect" in text or "No such file" in text:
        hint = "; check that PostgreSQL runs and that the address's host and port are right"
    elif "does not exist" in text and "database" in text:
        hint = "; create the database first (createdb)"
    elif "DATA_PATH" in text or "data path" in text.lower():
        hint = "; add ?data_path=DIR to the address the first time"
    return WarehouseError(f"{target}: {doing} ({text}){hint}")


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
    two writers never wait on each other in a cycle.
    """

    def __init__(self, target: LakeTarget) -> None:
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - the lake extra installs it
            raise UsageError("a DuckLake warehouse needs psycopg: pip install 'bma-etl[lake]'",
                             stage="warehouse") from exc
        try:
            self._con = psycopg.connect(target.conninfo, autocommit=True)
        except psycopg.Error as exc:
            raise lake_error(target, exc, "cannot reach the catalog") from exc

    @staticmethod
    def key(doc_id: str) -> int:
        """A document's lock key: the first 60 bits of its SHA-256 (a signed bigint)."""
        return int(doc_id[:15], 16)

    #: The lock key of creating the catalog and the tables: writers that start together
    #: would otherwise all create DuckLake's own tables in PostgreSQL at once.
    SETUP = -1
    #: The lock key of flushing inlined rows and of compaction (:func:`maintain`).
    FLUSH = -2

    @contextlib.contextmanager
    def holding(self, key: int) -> Iterator[None]:
        """Hold one advisory lock (:data:`SETUP`, :data:`FLUSH`) for the ``with`` block."""
        self._con.execute("SELECT pg_advisory_lock(%s)", [key])
        try:
            yield
        finally:
            self._con.execute("SELECT pg_advisory_unlock(%s)", [key])

    def setting_up(self) -> contextlib.AbstractContextManager[None]:
        """Hold the set-up lock: one writer at a time creates the catalog or the tables."""
        return self.holding(self.SETUP)

    @contextlib.contextmanager
    def held(self, doc_ids: Sequence[str]) -> Iterator[None]:
        """Hold the locks of ``doc_ids`` for the ``with`` block."""
        keys = sorted({self.key(d) for d in doc_ids})
        self._con.execute(
            "SELECT count(pg_advisory_lock(k)) FROM "
            "(SELECT k FROM unnest(%s::bigint[]) AS k ORDER BY k OFFSET 0) AS s", [keys])
        try:
            yield
        finally:
            self._con.execute("SELECT pg_advisory_unlock_all()")

    def close(self) -> None:
        """End the session (releasing any lock)."""
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


def flush(con: duckdb.DuckDBPyConnection, target: LakeTarget, locks: DocumentLocks) -> None:
    """Write the rows kept in the catalog (DuckLake's inlined data) out as Parquet.

    One writer flushes at a time (the flush lock): two flushes delete the same
    inlined rows, and all but one would fail.
    """
    with locks.holding(DocumentLocks.FLUSH):
        retrying(lambda: con.execute("CALL ducklake_flush_inlined_data('warehouse')"),
                 "flushing small inserts to Parquet", target)


@dataclass(frozen=True, slots=True)
class MaintainReport:
    """What :func:`maintain` did: files merged, snapshots expired, files deleted."""

    steps: list[tuple[str, int]]


def maintain(con: duckdb.DuckDBPyConnection, target: LakeTarget, locks: DocumentLocks,
             keep_days: float = 7.0) -> MaintainReport:
    """Flush, compact, expire snapshots older than ``keep_days`` and delete their files.

    Safe while writers and readers run: DuckLake deletes a file only once no
    snapshot that is kept refers to it. Returns the number of rows each step
    reported (files, snapshots).
    """
    steps: list[tuple[str, int]] = []

    def step(name: str, sql: str) -> None:
        def run() -> int:
            # Counted in SQL: their rows hold time zones, which Python would need pytz for.
            row = con.execute(f"SELECT count(*) FROM {sql}").fetchone()
            return int(row[0]) if row else 0
        with locks.holding(DocumentLocks.FLUSH):
            steps.append((name, retrying(run, name, target)))

    step("flush inlined data", "ducklake_flush_inlined_data('warehouse')")
    step("merge adjacent files", "ducklake_merge_adjacent_files('warehouse')")
    step("expire snapshots", "ducklake_expire_snapshots('warehouse', older_than => "
                             f"now() - INTERVAL '{float(keep_days) * 86400:.0f} seconds')")
    step("clean up old files", "ducklake_cleanup_old_files('warehouse', cleanup_all => true)")
    return MaintainReport(steps)

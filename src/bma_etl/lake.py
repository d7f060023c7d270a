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
from dataclasses import dataclass, field
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

    ``conninfo`` is a libpq ``key=value`` string without the password, which is
    ``password`` (``None`` when the address gave none); ``data_path`` is ``None``
    when the address gave none (the catalog then supplies it), and
    ``override_data_path`` says to use it in place of the catalog's; ``address`` is
    the address as given, with any password replaced by ``***``, for messages;
    ``server`` is ``HOST:PORT`` (or the socket folder) for messages.
    """

    conninfo: str
    data_path: str | None
    address: str
    password: str | None = field(default=None, repr=False)
    override_data_path: bool = False
    server: str = "localhost:5432"

    def __str__(self) -> str:
        return self.address


def is_lake(value: object) -> bool:
    """Whether ``value`` names a DuckLake warehouse rather than a DuckDB file."""
    return isinstance(value, LakeTarget) or (isinstance(value, str) and value.startswith(PREFIX))


def parse_target(value: str | Path | LakeTarget) -> Path | LakeTarget:
    """A ``--db``/``--warehouse`` value as a file path or a :class:`LakeTarget`.

    Raises :class:`UsageError` for a ``ducklake:`` address that is not
    ``ducklake:postgres://USER@HOST[:PORT]/DB[?data_path=DIR&…]``, and for a bare
    ``postgres://`` address (the ``ducklake:`` prefix forgotten). Messages show the
    address with its password as ``***``.
    """
    if isinstance(value, LakeTarget | Path):
        return value
    example = "ducklake:postgres://USER@HOST:PORT/DB?data_path=DIR"
    if re.match(r"postgres(ql)?://", value, re.IGNORECASE):
        raise UsageError(f"{redact(value)}: did you mean ducklake:{redact(value)}? A DuckLake "
                         f"warehouse address looks like {example}", stage="warehouse")
    if not value.startswith(PREFIX):
        return Path(value)
    rest = value[len(PREFIX):]
    url = urlsplit(rest)
    shown = PREFIX + (rest if url.password is None
                      else rest.replace(f":{url.password}@", ":***@", 1))
    shown = redact(shown)
    if url.scheme not in ("postgres", "postgresql"):
        raise UsageError(f"{shown}: a DuckLake address looks like {example} "
                         "(only a PostgreSQL catalog is supported)", stage="warehouse")
    dbname = unquote(url.path.lstrip("/"))
    if not dbname:
        raise UsageError(f"{shown}: the address names no database; it looks like {example}",
                         stage="warehouse")
    try:
        port = url.port
    except ValueError:
        raise UsageError(f"{shown}: the port is not a number", stage="warehouse") from None
    params = {"dbname": dbname}
    if url.hostname:
        params["host"] = unquote(url.hostname)
    if port:
        params["port"] = str(port)
    if url.username:
        params["user"] = unquote(url.username)
    password = unquote(url.password) if url.password else None
    data_path: str | None = None
    override = False
    for key, val in parse_qsl(url.query, keep_blank_values=True):
        if key == "data_path":
            data_path = val
        elif key == "override_data_path":
            if val.lower() not in ("true", "false", "1", "0", "yes", "no"):
                raise UsageError(f"{shown}: override_data_path takes true or false",
                                 stage="warehouse")
            override = val.lower() in ("true", "1", "yes")
        elif key == "password":
            password = val
        elif re.fullmatch(r"[a-z_]+", key):
            params[key] = val
        else:
            raise UsageError(f"{shown}: {key!r} is not a connection parameter",
                             stage="warehouse")
    if override and data_path is None:
        raise UsageError(f"{shown}: override_data_path=true needs data_path=DIR too",
                         stage="warehouse")
    if data_path is not None and "://" not in data_path:
        data_path = str(Path(data_path).expanduser().resolve())
    conninfo = " ".join(f"{k}={_libpq_quote(v)}" for k, v in params.items())
    server = params.get("host", "localhost")
    if not server.startswith("/"):
        server = f"{server}:{params.get('port', '5432')}"
    return LakeTarget(conninfo=conninfo, data_path=data_path, address=shown,
                      password=password, override_data_path=override, server=server)


def redact(text: str) -> str:
    """``text`` with any password in a connection string or URL replaced by ``***``.

    >>> redact("postgres://etl:s3cret@db/w and dbname=w password='a b' user=x")
    'postgres://etl:***@db/w and dbname=w password=*** user=x'
    """
    text = re.sub(r"(postgres(?:ql)?://[^:/@\s]*:)[^@\s]*@", r"\1***@", text)
    text = re.sub(r"([?&]password=)[^&\s\"]*", r"\1***", text)
    return re.sub(r"(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s'\"]+)", r"\1***", text)


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

    The password goes in a temporary DuckDB secret (shown redacted by
    ``duckdb_secrets()``), not in the connection string that ``duckdb_databases()``
    shows. Raises :class:`UsageError` when there is no warehouse yet or the address's
    ``data_path`` differs from the catalog's, and :class:`WarehouseError` with what to
    check when PostgreSQL cannot be reached.
    """
    import duckdb

    load_extensions(con)
    options = []
    if read_only:
        options.append("READ_ONLY")
    if target.data_path and (target.override_data_path or not read_only):
        options.append(f"DATA_PATH {_sql_literal(target.data_path)}")
        if target.override_data_path:
            options.append("OVERRIDE_DATA_PATH true")
    if target.password is not None:
        options.append("METADATA_PARAMETERS MAP {'SECRET': 'bma_etl_catalog'}")
    attach_sql = (f"ATTACH {_sql_literal('ducklake:postgres:' + target.conninfo)} AS {alias}"
                  + (f" ({', '.join(options)})" if options else ""))
    try:
        if target.password is not None:
            con.execute("CREATE TEMPORARY SECRET bma_etl_catalog "
                        f"(TYPE postgres, PASSWORD {_sql_literal(target.password)})")
        con.execute(attach_sql)
        con.execute(f"USE {alias}")
    except duckdb.Error as exc:
        text = str(exc)
        if "creating a new DuckLake is explicitly disabled" in text:
            raise UsageError(f"{target}: no warehouse here yet; run 'bma-etl ingest' first",
                             stage="warehouse") from exc
        if (stored := re.search(r'does not match existing data path in the catalog "([^"]*)"',
                                text)):
            raise UsageError(
                f"{target}: data_path {target.data_path} differs from the catalog's "
                f"{stored.group(1)}; leave data_path out (the catalog keeps it), or add "
                "&override_data_path=true to use this folder instead (its files are found "
                "relative to it)", stage="warehouse") from exc
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


#: How PostgreSQL, libpq, psycopg and DuckDB's postgres extension word a catalog
#: that stopped answering in the middle of a run (the server stopped or was killed).
_LOST = ("server closed the connection", "terminating connection", "connection is closed",
         "connection is lost", "no connection to the server", "could not send data",
         "could not receive data", "consuming input failed", "connection already closed",
         "SSL SYSCALL error", "the database system is shutting down", "Connection refused")
#: Longest piece of a PostgreSQL or DuckDB message a one-line error quotes: DuckDB's
#: internal errors carry a whole stack trace (7 KB).
MESSAGE_CHARS = 200


def first_line(exc: BaseException, limit: int = MESSAGE_CHARS) -> str:
    """What PostgreSQL or DuckDB said in ``exc``, as one line of at most ``limit`` characters.

    The first line, passwords redacted, without the wrapping that DuckDB puts around
    libpq's own reason ("Failed to attach DuckLake MetaData … Unable to connect to
    Postgres at "…": connection to server at …, port … failed: FATAL:").
    """
    text = str(exc)
    text = re.sub(r'^.*?Unable to connect to Postgres at "[^"]*": ', "", text, flags=re.DOTALL)
    text = re.sub(r'^(connection failed: )?connection to server (at|on) .*? failed: ', "", text)
    text = re.sub(r"^(FATAL|ERROR):\s+", "", text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    text = redact(lines[0] if lines else type(exc).__name__)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def is_catalog_lost(exc: BaseException) -> bool:
    """Whether ``exc`` says the PostgreSQL catalog went away (or cannot be reached)."""
    text = str(exc).lower()
    return any(phrase.lower() in text for phrase in _LOST) or (
        type(exc).__name__ == "OperationalError")


def lake_error(target: LakeTarget, exc: BaseException, doing: str) -> WarehouseError:
    """A one-line :class:`WarehouseError` for a DuckLake or PostgreSQL failure.

    ``doing`` starting "cannot open" or "cannot reach" means the warehouse was being
    opened; later, a lost connection is PostgreSQL having stopped answering. What
    PostgreSQL or DuckDB said is cut to :func:`first_line`, passwords redacted, and
    followed by a hint of what to check.
    """
    text = str(exc)
    short = first_line(exc)
    opening = doing.startswith(("cannot open", "cannot reach"))
    if opening and ("could not connect" in text or "Connection refused" in text
                    or ("No such file or directory" in text and "socket" in text)):
        return WarehouseError(f"{target}: {doing}: cannot reach the catalog at {target.server} "
                              f"({short}); check that PostgreSQL runs and that the address's "
                              "host and port are right")
    if re.search(r'database "[^"]*" does not exist', text):
        return WarehouseError(f"{target}: {doing} ({short}); create the database first "
                              "(createdb)")
    if re.search(r'role "[^"]*" does not exist', text):
        return WarehouseError(f"{target}: {doing} ({short}); check the user in the address")
    if "password authentication failed" in text or "no password supplied" in text:
        return WarehouseError(f"{target}: {doing} ({short}); give the password in PGPASSWORD, "
                              "~/.pgpass or the address")
    # A connection the server closed while the warehouse was opening is a catalog that
    # went away (killed mid-run, between two batches), not an address to fix.
    if any(phrase.lower() in text.lower() for phrase in _LOST) or (
            not opening and is_catalog_lost(exc)):
        return WarehouseError(f"the DuckLake catalog at {target.server} stopped answering: "
                              f"{short}; run again once PostgreSQL answers (what was being "
                              "written was rolled back)")
    if "DATA_PATH" in text or "data path" in text.lower():
        return WarehouseError(f"{target}: {doing} ({short}); add ?data_path=DIR to the "
                              "address the first time")
    return WarehouseError(f"{target}: {doing} ({short})")


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

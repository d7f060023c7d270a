"""A DuckLake warehouse's address, its catalog attached to DuckDB, and its errors.

Stage: load (the backend). The address (``ducklake:postgres://…?data_path=DIR``,
:func:`parse_target`), the extensions loaded from their packages, the catalog
attached as ``warehouse`` (:func:`open_connection`), and PostgreSQL's and DuckDB's
failures as one line with what to check (:func:`lake_error`). What DuckLake is
here, and what the address takes, is told in :mod:`bma_etl.lake`.
"""

from __future__ import annotations

import importlib.util
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, unquote, urlsplit

from bma_etl.errors import UsageError, WarehouseError

if TYPE_CHECKING:
    import duckdb

#: What a DuckLake warehouse address starts with.
PREFIX = "ducklake:"

#: Extension name DuckDB loads, by the PyPI package (``duckdb-extension-<package>``)
#: that carries it. DuckDB takes the name from the file name, and the postgres
#: package ships its ``postgres_scanner`` as ``postgres.duckdb_extension``.
_EXTENSIONS = (("postgres", "postgres_scanner"), ("ducklake", "ducklake"))


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
    if not opening and server_gone(target):  # a failure worded in no way of the above
        return WarehouseError(f"the DuckLake catalog at {target.server} stopped answering: "
                              f"{short}; run again once PostgreSQL answers (what was being "
                              "written was rolled back)")
    if "DATA_PATH" in text or "data path" in text.lower():
        return WarehouseError(f"{target}: {doing} ({short}); add ?data_path=DIR to the "
                              "address the first time")
    return WarehouseError(f"{target}: {doing} ({short})")


def server_gone(target: LakeTarget, timeout: float = 2.0, tries: int = 4) -> bool:
    """Whether the catalog's ``HOST:PORT`` no longer answers as PostgreSQL.

    For a failure mid-run that DuckDB words without the lost connection (``Attempting
    to fetch from an unsuccessful query result``, a killed server under a flush). Each
    of ``tries`` probes, 0.5 s apart (a server being killed may still hold its port a
    moment), connects and sends PostgreSQL's SSL request; a refused or closed
    connection, or no one-byte answer within ``timeout`` seconds, is a server gone. A
    server given as a socket folder is not probed (False).
    """
    import socket
    import struct
    import time

    host, _, port = target.server.rpartition(":")
    if not host or host.startswith("/") or not port.isdigit():
        return False
    for attempt in range(tries):
        if attempt:
            time.sleep(0.5)
        try:
            with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout) as s:
                s.sendall(struct.pack("!ii", 8, 80877103))
                if s.recv(1) not in (b"S", b"N"):
                    return True
        except OSError:
            return True
    return False

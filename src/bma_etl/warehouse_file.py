"""Opening the warehouse file: waiting out the other side's lock, DuckDB's errors as one line.

Stage: load and query share it. Kept apart from :mod:`bma_etl.load` so that a
reader (``sql``, ``status``, ``search``) opens the warehouse without importing
the writer's Arrow and pydantic machinery. The writer's own settings (row groups,
storage format) are in :mod:`bma_etl.load_tables`; :mod:`bma_etl.load` opens
through :func:`connect`.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from bma_etl.errors import UsageError, WarehouseError
from bma_etl.lake import LakeTarget, parse_target

if TYPE_CHECKING:
    import duckdb

#: Seconds a reader or the writer waits for the other side to let go of the file.
DEFAULT_WAIT = 60.0

#: A warehouse: a DuckDB file, or a DuckLake catalog (:mod:`bma_etl.lake`).
Target = Path | LakeTarget


def connect(path: Path | str | LakeTarget, read_only: bool = False, wait: float = DEFAULT_WAIT,
            config: dict[str, str | bool] | None = None) -> duckdb.DuckDBPyConnection:
    """Open the warehouse, waiting up to ``wait`` s while another process holds it.

    ``config`` is DuckDB configuration for a reader (the writer has its own).
    Raises :class:`UsageError` for a reader when there is no file yet, and
    :class:`WarehouseError` when the file stays locked or cannot be opened. A
    DuckLake warehouse is attached as catalog ``warehouse`` (read-only for a
    reader); it has no file lock to wait for.
    """
    import duckdb  # here, not at the top: the pipeline imports this module to extract alone

    path = parse_target(path)
    if isinstance(path, LakeTarget):
        from bma_etl import lake

        if read_only:
            return lake.open_connection(path, True, dict(config or {}))
        from bma_etl.load_tables import DUCKDB_CONFIG

        return lake.open_connection(path, False, dict(DUCKDB_CONFIG))

    if read_only and not Path(path).exists():
        raise UsageError(f"{path}: no warehouse here yet; run 'bma-etl ingest' first",
                         stage="warehouse")
    deadline = time.monotonic() + wait
    pause = 0.02
    while True:
        try:
            if read_only:
                return duckdb.connect(str(path), read_only=True, config=dict(config or {}))
            from bma_etl.load_tables import open_writer

            return open_writer(path)
        except duckdb.Error as exc:
            if not is_lock_conflict(exc):
                raise warehouse_error(path, exc) from exc
            if time.monotonic() >= deadline:
                raise WarehouseError(
                    f"{path}: the warehouse is in use by another process and stayed so for "
                    f"{wait:.0f}s; try again later"
                ) from exc
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


#: How DuckDB (1.x) words the error of a file another process holds, and those of a
#: damaged file. Matched as phrases: a bare "lock" also matches "block", and a damaged
#: block once made every command wait 60 s and then blame another process.
_LOCK_CONFLICT = "Could not set lock on file"
_DAMAGED = ("Corrupt database file", "not a valid DuckDB database file")
_DISK_FULL = ("No space left on device", "Disk quota exceeded", "could not write all bytes")


def is_lock_conflict(exc: BaseException) -> bool:
    """Whether ``exc`` is DuckDB saying another process holds the file's lock."""
    import duckdb

    return isinstance(exc, duckdb.IOException) and _LOCK_CONFLICT in str(exc)


def is_damaged(exc: BaseException) -> bool:
    """Whether ``exc`` is DuckDB finding the file damaged (a bad checksum or header)."""
    import duckdb

    return isinstance(exc, duckdb.Error) and any(phrase in str(exc) for phrase in _DAMAGED)


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` says the disk (or the user's quota) is full."""
    text = str(exc).lower()
    return any(phrase.lower() in text for phrase in _DISK_FULL)


def warehouse_error(path: object, exc: duckdb.Error, doing: str = "cannot open the warehouse"
                    ) -> WarehouseError:
    """A one-line :class:`WarehouseError` for a DuckDB error, saying what to do about it.

    For a DuckLake warehouse, :func:`bma_etl.lake.lake_error` (passwords redacted).
    """
    if isinstance(path, LakeTarget):
        from bma_etl.lake import lake_error

        return lake_error(path, exc, doing)
    text = " ".join(str(exc).split())
    if is_damaged(exc):
        return WarehouseError(
            f"{path}: the warehouse file is damaged ({text}); restore it from a backup, or "
            "ingest the reports again into a new file (bma-etl ingest FOLDER... --db NEW.duckdb)")
    if is_disk_full(exc):
        return WarehouseError(f"{path}: the disk is full ({text}); free some space and run "
                              "again (what was being written was rolled back)")
    return WarehouseError(f"{path}: {doing} ({text})")

"""Copy a warehouse file into another (``bma-etl migrate``).

Stage: load. Through a :class:`~bma_etl.load.Warehouse`, in one transaction.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import duckdb

from bma_etl.errors import UsageError
from bma_etl.lake import LakeTarget
from bma_etl.load import Warehouse
from bma_etl.records import DOCUMENT_MODELS
from bma_etl.search import INDEX_TABLES
from bma_etl.warehouse_file import warehouse_error


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

"""The warehouse's tables as the writer makes them: DDL, storage, rows as Arrow.

Stage: load. The DDL (``warehouse.sql``) and the upgrade of a file written by an
older version; the writer's DuckDB settings and storage format; documents' records
as one Arrow table per warehouse table (built by the extraction workers), and the
insert of such a table. The transactions that use them are in :mod:`bma_etl.load`.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Iterable, Sequence
from decimal import Decimal
from importlib import resources
from pathlib import Path
from types import UnionType
from typing import Union, get_args, get_origin, get_type_hints

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
from pydantic import BaseModel

from bma_etl.records import DOCUMENT_MODELS, IngestRun, Record
from bma_etl.search import INDEX_TABLES


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


def delete_orphans(con: duckdb.DuckDBPyConnection) -> int:
    """Delete, in one transaction, rows whose ``documents`` row is missing; return how many.

    Rows of every document table and of the search index (:data:`INDEX_TABLES`).
    """
    removed = 0
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


def add_other_paths(con: duckdb.DuckDBPyConnection, seen: list[tuple[str, str]]) -> None:
    """Add each ``(doc_id, path)`` to its document's ``other_paths`` (sorted, no repeats)."""
    paths: dict[str, list[str]] = {}
    for doc_id, path in seen:
        paths.setdefault(doc_id, []).append(path)
    con.register("_bma_paths", pa.table({"doc_id": list(paths), "paths": list(paths.values())}))
    try:
        con.execute("UPDATE documents SET other_paths = list_sort(list_distinct(list_concat("
                    "coalesce(other_paths, []), s.paths))) "
                    "FROM _bma_paths s WHERE documents.doc_id = s.doc_id")
    finally:
        con.unregister("_bma_paths")


def insert_run(con: duckdb.DuckDBPyConnection, run: IngestRun) -> None:
    """Insert the ``ingest_runs`` row of a starting run."""
    _insert(con, "ingest_runs", _table_of(IngestRun, [run]))


def update_run(con: duckdb.DuckDBPyConnection, run: IngestRun) -> None:
    """Update the run's ``ingest_runs`` row with its counts and end time."""
    con.execute(
        "UPDATE ingest_runs SET finished_at = ?, files_seen = ?, loaded = ?, unchanged = ?,"
        " quarantined = ?, skipped = ? WHERE run_id = ?",
        [run.finished_at, run.files_seen, run.loaded, run.unchanged, run.quarantined,
         run.skipped, run.run_id],
    )

"""The commands that query the warehouse and write what it holds.

``sql``, ``export``, ``report``, ``search``, ``schema``; registered on the app by
:mod:`bma_etl.cli`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from bma_etl.cli_common import (
    DEFAULT_DB,
    DbOption,
    ExportFormat,
    OutFormat,
    _errors,
    _fail,
    _flag,
    _print_table,
    _require_paths,
)
from bma_etl.errors import BmaEtlError


def sql(
    query: Annotated[str, typer.Argument(
        help="SQL to run (read-only); - reads it from standard input.")],
    db: DbOption = Path(DEFAULT_DB),
    format: Annotated[OutFormat | None, typer.Option(
        "--format", help="table (default), csv or json on the terminal; csv, xlsx, parquet "
        "or json with --out (default: from the file's suffix).")] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Write the result to this file instead (as export writes a table).")
                   ] = None,
    force: Annotated[bool, _flag("--force", help="With --out: replace an existing file.")
                     ] = False,
    bom: Annotated[bool, _flag(
        "--bom/--no-bom", help="With --out: start a CSV file with the UTF-8 byte order mark "
        "(default on).")] = True,
    allow_files: Annotated[list[Path] | None, typer.Option(
        "--allow-files", metavar="PATH", help="A file or folder the query may read (repeatable); "
        "without it the query reads the warehouse only.")] = None,
) -> None:
    """Run read-only SQL against the warehouse; show the result or write it to a file.

    Queries only: nothing is written, attached, exported, installed, loaded or set,
    and no file but the warehouse is read unless --allow-files names it. With --out
    the result is written as export writes a table.
    """
    from bma_etl.query import render, run_sql

    if query == "-":
        try:
            query = sys.stdin.read()
        except UnicodeDecodeError:
            _fail("the query on standard input is not UTF-8 text", 2)
    allow = allow_files or []
    _require_paths(allow)
    if out is not None:
        from bma_etl.exports import export_query

        with _errors():
            count = export_query(db, query, format and format.value, out, force=force, bom=bom,
                                 allow=allow)
        typer.echo(f"wrote {count} rows to {out}", err=True)
        return
    if format in (OutFormat.xlsx, OutFormat.parquet):
        _fail(f"--format {format.value} writes a file; give --out FILE", 2)
    with _errors():
        result = run_sql(db, query, allow)
    if format is None or format is OutFormat.table:
        _print_table(result.columns, result.rows)
    else:
        typer.echo(render(result, format.value), nl=False)


def export(
    table: Annotated[str, typer.Argument(
        help="Table or view, e.g. projects or v_projects_latest.")],
    out: Annotated[Path, typer.Option("--out", help="File to write (never the warehouse or "
                                      "another DuckDB database).")],
    format: Annotated[ExportFormat | None, typer.Option(
        "--format", help="parquet, csv, json or xlsx (default: from --out's suffix).")] = None,
    db: DbOption = Path(DEFAULT_DB),
    force: Annotated[bool, _flag("--force", help="Replace an existing file.")] = False,
    bom: Annotated[bool, _flag(
        "--bom/--no-bom", help="Start a CSV file with the UTF-8 byte order mark, so that "
        "Excel shows Thai (default on).")] = True,
) -> None:
    """Write a table or view to a Parquet, CSV, JSON or XLSX file (replaced whole, never half)."""
    from bma_etl.exports import export as run_export

    with _errors():
        count = run_export(db, table, format and format.value, out, force=force, bom=bom)
    typer.echo(f"wrote {count} rows of {table} to {out}", err=True)


def report(
    out: Annotated[Path, typer.Option("--out", help="HTML file to write (never the warehouse "
                                      "or another DuckDB database).")],
    db: DbOption = Path(DEFAULT_DB),
    force: Annotated[bool, _flag("--force", help="Replace an existing file.")] = False,
) -> None:
    """Write a self-contained HTML report: budget, progress against plan, issues, runs."""
    from bma_etl.report import write_report

    with _errors():
        data = write_report(db, out, force=force)
    if not data.documents:
        typer.echo(f"wrote {out}: the warehouse has no loaded document, so the report says "
                   "there is no data", err=True)
    else:
        typer.echo(f"wrote {out}: {data.projects} projects, {data.plans} plans, "
                   f"{len(data.flagged)} behind plan, cancelled or suspended", err=True)


def search(
    query: Annotated[str | None, typer.Argument(help="Words to look for, in Thai or English "
                                                "(e.g. \"ฝุ่น PM2.5\").")] = None,
    layout: Annotated[str | None, typer.Option(help="Only documents of this layout.")] = None,
    fiscal_year: Annotated[int | None, typer.Option(
        "--fiscal-year", help="Only this fiscal year (Buddhist era, e.g. 2566).")] = None,
    limit: Annotated[int, typer.Option(min=1, help="Hits to show.")] = 10,
    reindex: Annotated[bool, _flag(
        "--reindex", help="Index the loaded documents the search index lacks, then search "
        "(if a query is given).")] = False,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Search the narratives (progress details, problems, rationale, objectives...), ranked."""
    from bma_etl.search import reindex as run_reindex
    from bma_etl.search import search as run_search

    if query is None and not reindex:
        _fail("give words to search for (or --reindex)", 2)
    try:
        if reindex:
            typer.echo(f"indexed {run_reindex(db)} documents", err=True)
        if query is None:
            return
        result = run_search(db, query, layout=layout, fiscal_year=fiscal_year, limit=limit)
    except BmaEtlError as exc:
        _fail(exc.reason(), 1)
    except ValueError as exc:
        _fail(str(exc), 2)
    from bma_etl.terminal import console as make_console

    console = make_console()  # on a terminal, lines fold to its width
    rich = console.is_terminal
    if result.unindexed:
        typer.echo(f"{result.unindexed} loaded documents are not in the search index; "
                   "run 'bma-etl search --reindex'", err=True)
    if not result.hits:
        typer.echo(f"no match for {' '.join(result.query_terms)}", err=True)
        raise typer.Exit(0)
    for n, hit in enumerate(result.hits, start=1):
        where = f"{hit.table_name}.{hit.field}" + (
            f" #{hit.row_ordinal}" if hit.row_ordinal is not None else "")
        head = (f"{n}. {hit.score:.2f}  {hit.project_code or '-'}  {hit.title or ''}  "
                f"FY {hit.fiscal_year_be or '?'}  {hit.date or ''}  {where}  "
                f"{hit.file_name or 'doc ' + hit.doc_id[:12]}")
        lines = [head if not rich else _escape_markup(head)]
        body = hit.snippet
        for a, b in reversed(hit.marks):  # right to left: earlier offsets stay right
            body = body[:a] + "\0" + body[a:b] + "\1" + body[b:]
        lines.append("   " + _marks(body, rich))
        for line in lines:
            console.print(line) if rich else typer.echo(line)


def _escape_markup(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _marks(text: str, rich: bool) -> str:
    if not rich:
        return text.replace("\0", "[").replace("\1", "]")
    return _escape_markup(text).replace("\0", "[reverse bold]").replace("\1", "[/]")


def schema(
    out: Annotated[Path, typer.Option("--out", help="Folder for the JSON Schemas.")
                   ] = Path("schemas"),
) -> None:
    """Write the records' JSON Schemas (one file per table)."""
    from bma_etl.records_schema import json_schemas

    if out.exists() and not out.is_dir():
        _fail(f"{out}: is a file; --out takes a folder", 2)
    with _errors():
        out.mkdir(parents=True, exist_ok=True)
        for name, text in json_schemas().items():
            (out / name).write_text(text, encoding="utf-8")
    typer.echo(f"wrote {len(json_schemas())} schemas to {out}", err=True)

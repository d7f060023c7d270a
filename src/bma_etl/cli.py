"""The ``bma-etl`` command line: a thin shell over the library.

Each command calls one library function and renders what it returns. Exit codes
(the contract, :data:`EXIT_CODES`): 0 done; 3 finished but some files were
quarantined or not recognised, or no file to read was found; 2 bad usage; 1
anything else. An error ends a command as one line on stderr; ``-v`` adds the
traceback.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Mapping
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from bma_etl.errors import BmaEtlError

if TYPE_CHECKING:
    from bma_etl.pipeline import RunSummary

#: One exit-code table for every command; the README's paragraph says the same.
EXIT_CODES = (
    "Exit codes (every command): 0 done; 3 finished, but some files were quarantined "
    "or no file to read was found (ingest) or not recognised (detect, extract); 2 bad "
    "usage, including a missing input path or a refused output path; 1 anything else "
    "(what failed is not half-written)."
)


def _flag(*names: str, **options: Any) -> Any:
    """Make a boolean option shown in ``--help`` without a value placeholder.

    Typer draws ``<bool>`` after a flag, which invites ``--force true``.
    """
    return typer.Option(*names, metavar="", **options)


class _Group(TyperGroup):
    """The root command: ``-v``/``--verbose`` counts wherever it stands on the line."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:  # --help and typer's completion flags: shown bare, as ours are
            if getattr(param, "is_flag", False) and param.metavar is None:
                param.metavar = ""
        return params

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None and (helps := command.get_help_option(ctx)) is not None:
            helps.metavar = ""
        return command

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, verbose_first(self.commands, args))


def verbose_first(commands: Mapping[str, Any], args: list[str]) -> list[str]:
    """``args`` with every ``-v``/``--verbose`` after the command moved before it.

    ``commands`` maps names to Click commands. The root's options are all flags, so
    the first word that names a command is the command. After it, an option's value
    is left alone (``--db -v`` names a file), and so is everything after ``--``.

    >>> verbose_first({"sql": typer.main.get_command(app).commands["sql"]},
    ...               ["sql", "select 1", "--db", "w.duckdb", "-v"])
    ['-v', 'sql', 'select 1', '--db', 'w.duckdb']
    """
    at = next((i for i, arg in enumerate(args) if arg in commands), None)
    if at is None:
        return args
    takes_value = {name for param in commands[args[at]].params
                   if param.param_type_name == "option" and not param.is_flag
                   and not param.count for name in (*param.opts, *param.secondary_opts)}
    front: list[str] = []
    rest: list[str] = []
    tail = iter(args[at + 1:])
    for arg in tail:
        if arg == "--":
            rest += [arg, *tail]
        elif arg in ("-v", "--verbose"):
            front.append(arg)
        else:
            rest.append(arg)
            if arg in takes_value and (value := next(tail, None)) is not None:
                rest.append(value)
    return [*args[:at], *front, args[at], *rest]


app = typer.Typer(
    cls=_Group,
    name="bma-etl",
    help="Load Bangkok Metropolitan Administration project reports (legacy progress forms, "
    "tracking-system pages, annual action plans) into a DuckDB warehouse and query it.",
    epilog=EXIT_CODES,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

DEFAULT_DB = "bma_warehouse.duckdb"


def _warehouse(value: object) -> Any:
    """A ``--db`` value: a DuckDB file path, or a DuckLake address (``ducklake:…``)."""
    from bma_etl.lake import parse_target

    try:
        return parse_target(value if isinstance(value, Path) else str(value))
    except BmaEtlError as exc:
        raise typer.BadParameter(str(exc)) from None


# The value is a Path or, for a ``ducklake:`` address, a lake.LakeTarget (typer takes
# no union type); the library functions accept both.
DbOption = Annotated[
    Path,
    typer.Option("--db", "--warehouse", envvar=["BMA_ETL_WAREHOUSE", "BMA_ETL_DB"],
                 parser=_warehouse, metavar="FILE|ADDRESS",
                 help="Warehouse: a DuckDB file (default ./bma_warehouse.duckdb), or DuckLake "
                 "on PostgreSQL, ducklake:postgres://USER@HOST:PORT/DB?data_path=DIR "
                 "(many machines at once; needs the lake extra). Also $BMA_ETL_WAREHOUSE."),
]


class Ocr(StrEnum):
    """When scanned PDF pages are read with OCR."""

    auto = "auto"
    always = "always"
    never = "never"


OcrOption = Annotated[Ocr, typer.Option(help="OCR for scanned PDFs: auto (pages without a "
                                        "text layer), always, never.")]


class OutFormat(StrEnum):
    """Output formats of ``sql``: table, csv, json on the terminal; any but table to --out."""

    table = "table"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"
    parquet = "parquet"


class ExportFormat(StrEnum):
    """File formats of ``export`` and ``sql --out``."""

    parquet = "parquet"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


_verbose = False  # set by the root callback's -v


def _fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(code)


def _is_environment_fault(exc: Exception) -> bool:
    """A full disk, a missing permission, a DuckDB I/O error: not a bug of ours."""
    return isinstance(exc, OSError) or type(exc).__module__ in ("_duckdb", "duckdb")


@contextlib.contextmanager
def _errors() -> Iterator[None]:
    """End a command on a typed error or an environment fault with one line (-v: traceback)."""
    try:
        yield
    except BmaEtlError as exc:
        if _verbose:
            traceback.print_exc()
        _fail(exc.reason(), exc.exit_code)
    except Exception as exc:
        if not _is_environment_fault(exc):
            raise  # a bug: its traceback is what a report needs
        if _verbose:
            traceback.print_exc()
        _fail(f"error: {' '.join(str(exc).split())}", 1)


def _require_paths(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        _fail(f"no such file or folder: {', '.join(missing)}", 2)


def _print_table(columns: list[str], rows: list[tuple[object, ...]], title: str | None = None
                 ) -> None:
    from bma_etl.terminal import print_table

    print_table(columns, rows, title)


@app.command(epilog=EXIT_CODES)
def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Files or folders (.pdf .txt .md .html .htm).")] = None,
    db: DbOption = Path(DEFAULT_DB),
    workers: Annotated[int, typer.Option(min=0, help="Worker processes that extract in parallel "
                                         "(0, the default: the number of cores).")] = 0,
    ocr: OcrOption = Ocr.auto,
    force: Annotated[bool, _flag("--force", help="Re-extract files already loaded; their "
                                        "rows are replaced, never duplicated.")] = False,
    retry_quarantined: Annotated[bool, _flag(
        "--retry-quarantined", help="Try unchanged files that were quarantined before.")] = False,
    reextract_outdated: Annotated[bool, _flag(
        "--reextract-outdated", help="Also re-extract every stored document that another "
        "extractor version produced (read again from its recorded path).")] = False,
    log_json: Annotated[bool, _flag("--log-json", help="Write one JSON line per document "
                                           "to stdout (for log collectors).")] = False,
    wait: Annotated[float, typer.Option(help="Seconds to wait while readers hold the warehouse "
                                        "before giving up.")] = 60.0,
    file_time_limit: Annotated[float | None, typer.Option(
        min=0.1, help="Seconds a file may take after it is read before it is quarantined and "
        "its worker replaced (default 120, or BMA_ETL_FILE_TIMEOUT). Needs --workers 2 or "
        "more.")] = None,
    shard: Annotated[str | None, typer.Option(
        metavar="I/N", help="Only part I of N (1 <= I <= N) of the input, split by content "
        "hash: N runs on any machines, into one DuckLake warehouse, load it exactly once.")
    ] = None,
) -> None:
    """Load reports into the warehouse; unchanged files are skipped by content hash."""
    from bma_etl.pipeline import FileOutcome, outcome_json, summary_json
    from bma_etl.pipeline import ingest as run_ingest
    from bma_etl.read import SUFFIXES, path_text
    from bma_etl.terminal import console as make_console

    paths = paths or []
    if not paths and not reextract_outdated:
        _fail("give at least one file or folder (or --reextract-outdated)", 2)
    _require_paths(paths)
    if isinstance(db, Path) and not db.parent.is_dir():
        _fail(f"--db {db}: no such folder {db.parent}", 2)
    console = make_console(stderr=True)
    interactive = console.is_terminal and not log_json
    run_id = ""

    def started(new_run_id: str, total: int) -> None:
        nonlocal run_id
        run_id = new_run_id

    def plain(outcome: FileOutcome) -> None:  # one line per file, as its batch is loaded
        if log_json:
            typer.echo(outcome_json(outcome, run_id))
        elif outcome.state != "unchanged":
            detail = outcome.layout if outcome.state == "loaded" else outcome.error
            typer.echo(f"{outcome.state:<11} {path_text(outcome.path)}  {detail}", err=True)

    def run(on_file: Callable[[FileOutcome], None],
            on_start: Callable[[str, int], None] = started,
            on_settled: Callable[[int], None] | None = None) -> RunSummary:
        return run_ingest(paths, db, workers=workers or (os.cpu_count() or 1), ocr=ocr.value,
                          force=force, retry_quarantined=retry_quarantined, on_file=on_file,
                          args=" ".join(map(_redacted, sys.argv[1:])), wait=wait,
                          reextract_outdated=reextract_outdated,
                          file_time_limit=file_time_limit, shard=part, on_start=on_start,
                          on_settled=on_settled)

    part = _parse_shard(shard) if shard is not None else None

    with _errors():
        if interactive:
            from rich.markup import escape

            from bma_etl.terminal import ingest_progress

            with ingest_progress(console) as bar:
                task = bar.add_task("finding files", total=None)

                def counted(new_run_id: str, total: int) -> None:
                    bar.update(task, total=total, description="extracting")

                def extracted(files: int) -> None:
                    bar.update(task, advance=files)

                def tick(outcome: FileOutcome) -> None:
                    bar.update(task, description=f"{outcome.state} "
                                                 f"{path_text(outcome.path.name)}")
                    if outcome.state == "quarantined":
                        bar.console.print(f"[yellow]quarantined[/] "
                                          f"{escape(path_text(outcome.path))}: "
                                          f"{escape(outcome.error or '')}")

                summary = run(tick, counted, extracted)
        else:
            summary = run(plain)
    if log_json:
        typer.echo(summary_json(summary))
    layouts = ", ".join(f"{k} {v}" for k, v in sorted(summary.by_layout.items())) or "none"
    skipped = f", {summary.skipped} skipped (not a report type)" if summary.skipped else ""
    if not summary.files_seen and not paths:
        # --reextract-outdated alone: nothing outdated is a quiet night, not a fault
        typer.echo("nothing to re-extract: every document was extracted by this version",
                   err=log_json)
        return
    if not summary.files_seen and part and summary.found:
        # another machine's files only: its part is done, not missing
        typer.echo(f"no file of this part (shard {part[0]}/{part[1]}) among {summary.found} "
                   "files", err=True)
        return
    if not summary.files_seen:
        found = f"no {' '.join(SUFFIXES)} file in {' '.join(path_text(p) for p in paths)}"
        if summary.skipped:
            found += f" ({summary.skipped} skipped: not a report type)"
        _fail(f"nothing to read: {found}", 3)
    typer.echo(
        f"{summary.files_seen} files: {summary.loaded} loaded, {summary.unchanged} unchanged, "
        f"{summary.quarantined} quarantined{skipped} in {summary.seconds:.1f}s "
        f"(loaded by layout: {layouts})",
        err=True,
    )
    raise typer.Exit(summary.exit_code)


def _redacted(arg: str) -> str:
    """A command-line word as stored in ``ingest_runs.args``: no password."""
    import re

    return re.sub(r"(postgres(?:ql)?://[^:/@\s]*:)[^@\s]*@", r"\1***@", arg)


def _parse_shard(text: str) -> tuple[int, int]:
    index, _, count = text.partition("/")
    if not (index.strip().isdigit() and count.strip().isdigit()) or not (
            1 <= int(index) <= int(count)):
        _fail(f"--shard {text or repr(text)}: give I/N with 1 <= I <= N, e.g. --shard 2/4", 2)
    return int(index), int(count)


@app.command("detect", epilog=EXIT_CODES)
def detect_cmd(
    files: Annotated[list[Path], typer.Argument(help="Files to recognise.")],
) -> None:
    """Print each file's layout and score ('unknown' when none matches)."""
    from bma_etl.detect import THRESHOLD, score_all
    from bma_etl.pipeline import repair
    from bma_etl.read import read_source

    _require_paths(files)
    code = 0
    for path in files:
        try:
            scores = score_all(repair(read_source(path)))
        except BmaEtlError as exc:
            typer.echo(f"{path}\terror\t{exc.reason()}")
            code = 3
            continue
        best, value = next(iter(scores.items()))
        typer.echo(f"{path}\t{best if value >= THRESHOLD else 'unknown'}\t{value:.2f}")
        if value < THRESHOLD:
            code = 3
    raise typer.Exit(code)


@app.command(epilog=EXIT_CODES)
def extract(
    file: Annotated[Path, typer.Argument(help="One report file.")],
    format: Annotated[str | None, typer.Option(
        "--format", help="json (records per table; the default when the output is not a "
        "terminal) or text (one record per block; the default on a terminal).")] = None,
    ocr: OcrOption = Ocr.auto,
) -> None:
    """Print the normalised records of one file, touching no warehouse."""
    from bma_etl.pipeline import process_file

    if format == "table":  # the name of the text view before 0.5
        format = "text"
    if format not in (None, "json", "text"):
        _fail(f"unknown format {format!r}; use json or text", 2)
    _require_paths([file])
    try:
        processed = process_file(file, ocr=ocr.value)
    except BmaEtlError as exc:  # the file would be quarantined
        _fail(exc.reason(), 3)
    if format is None:
        format = "text" if sys.stdout.isatty() else "json"
    skip = {"document_texts", "provenance"} if format == "text" else {"document_texts"}
    data = {t: [r.model_dump(mode="json") for r in rows]
            for t, rows in processed.tables.items() if t not in skip and rows}
    if format == "json":
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from bma_etl.read import path_text
    from bma_etl.terminal import console, records

    out = console()
    out.print(f"{path_text(file)}  layout {processed.layout}  doc_id {processed.doc_id}",
              markup=False)
    out.print(records(data, skip=("doc_id",)))
    out.print(f"({len(processed.rows('provenance'))} provenance rows left out: "
              "'bma-etl explain FILE' shows each value beside its source)", markup=False)


@app.command(epilog=EXIT_CODES)
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


@app.command(epilog=EXIT_CODES)
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


@app.command(epilog=EXIT_CODES)
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


@app.command(epilog=EXIT_CODES)
def status(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Show the last runs, loaded documents per layout, and quarantined files with reasons."""
    from bma_etl.query import status as read_status

    with _errors():
        st = read_status(db)
    _print_table(st.runs.columns, st.runs.rows, title="last runs")
    _print_table(st.layouts.columns, st.layouts.rows, title="loaded documents by layout")
    _print_table(st.quarantined.columns, st.quarantined.rows,
                 title=f"quarantined files ({len(st.quarantined.rows)})")
    if st.outdated:
        typer.echo(f"{st.outdated} documents were extracted by another version; "
                   "run 'bma-etl ingest --reextract-outdated' to redo them")


@app.command(epilog=EXIT_CODES)
def maintain(
    db: DbOption = Path(DEFAULT_DB),
    keep_days: Annotated[float, typer.Option(
        min=0, help="Keep DuckLake snapshots (time travel) this many days.")] = 7.0,
) -> None:
    """Compact the warehouse: flush small inserts to Parquet, merge files, expire snapshots.

    Safe while ingestion and queries run. For a DuckDB file: a checkpoint.
    """
    from bma_etl.load import Warehouse

    with _errors(), Warehouse(db, create=False) as wh:
        steps = wh.maintain(keep_days)
    if steps is None:
        typer.echo(f"{db}: another maintain (or a run's flush) is running; skipped", err=True)
        return
    for name, count in steps:
        typer.echo(f"{name}: {count}", err=True)


@app.command(epilog=EXIT_CODES)
def migrate(
    source: Annotated[Path, typer.Option("--from", help="DuckDB warehouse file to copy.")],
    target: Annotated[Path, typer.Option("--to", parser=_warehouse, metavar="ADDRESS",
                                         help="Warehouse to copy into (a ducklake: address, "
                                         "or a new DuckDB file).")],
) -> None:
    """Copy a warehouse (every table, provenance and run ledger included) into another.

    The target must hold no documents yet; the copy is one transaction.
    """
    from bma_etl.load import migrate as run_migrate

    if str(source).startswith(("ducklake:", "postgres:", "postgresql:")):
        _fail("--from: migrate copies a DuckDB warehouse file (--from FILE.duckdb); a "
              "DuckLake warehouse is not supported as the source", 2)
    _require_paths([source])
    with _errors():
        copied = run_migrate(source, target)
    total = sum(copied.values())
    typer.echo(f"copied {total} rows of {len(copied)} tables from {source} to {target}",
               err=True)


@app.command(epilog=EXIT_CODES)
def schema(
    out: Annotated[Path, typer.Option("--out", help="Folder for the JSON Schemas.")
                   ] = Path("schemas"),
) -> None:
    """Write the records' JSON Schemas (one file per table)."""
    from bma_etl.records import json_schemas

    if out.exists() and not out.is_dir():
        _fail(f"{out}: is a file; --out takes a folder", 2)
    with _errors():
        out.mkdir(parents=True, exist_ok=True)
        for name, text in json_schemas().items():
            (out / name).write_text(text, encoding="utf-8")
    typer.echo(f"wrote {len(json_schemas())} schemas to {out}", err=True)


@app.command()
def explain(
    file: Annotated[Path | None, typer.Argument(help="A report file to run through the "
                                                "pipeline (nothing is loaded).")] = None,
    field: Annotated[str | None, typer.Option(
        "--field", help="Show only this value, as TABLE.COLUMN (e.g. projects.budget_spent_thb)."
    )] = None,
    doc_id: Annotated[str | None, typer.Option(
        "--doc-id", help="Explain a document already in the warehouse (its id or a prefix).")
    ] = None,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Show which layout won and why, then every value beside the text it was read from."""
    from bma_etl.explain import explain_doc, explain_file, only_field, render

    if (file is None) == (doc_id is None):
        _fail("give a FILE or --doc-id (one of them)", 2)
    try:
        ex = explain_file(file) if file is not None else explain_doc(db, doc_id or "")
        if field:
            ex = only_field(ex, field)
    except BmaEtlError as exc:
        _fail(exc.reason(), 1)
    except ValueError as exc:
        _fail(str(exc), 2)
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=True)
    for line in render(ex, rich=console.is_terminal, width=max(60, console.width)):
        if console.is_terminal:
            console.print(line)
        else:
            typer.echo(line)
    raise typer.Exit(3 if ex.stopped_at else 0)


@app.command()
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


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, _flag("--version", help="Print the version and exit.")] = False,
    verbose: Annotated[bool, _flag("--verbose", "-v", help="Log progress to stderr, "
                                          "and show the traceback of an error.")] = False,
) -> None:
    global _verbose
    _verbose = verbose
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if version:
        from bma_etl import __version__

        typer.echo(__version__)
        raise typer.Exit(0)


def main() -> None:
    """Entry point of the ``bma-etl`` script."""
    try:
        app(prog_name="bma-etl")  # also under python -m bma_etl (completion keys on it)
    except BmaEtlError as exc:  # the last net: a typed error is still a one-line reason
        typer.echo(exc.reason(), err=True)
        sys.exit(exc.exit_code)

"""The commands that load and keep the warehouse: ``ingest``, ``maintain``, ``migrate``.

Registered on the app by :mod:`bma_etl.cli`.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bma_etl.cli_common import (
    DEFAULT_DB,
    DbOption,
    Ocr,
    OcrOption,
    _errors,
    _fail,
    _flag,
    _require_paths,
    _warehouse,
)

if TYPE_CHECKING:
    from bma_etl.pipeline import RunSummary


def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Files or folders (.txt .csv .md .markdown .html .htm .mhtml .mht .pdf, scans "
        "as .png .jpg .jpeg .tif .tiff).")] = None,
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
            if outcome.state == "loaded" and outcome.ocr:
                detail = f"{detail} ({outcome.ocr})"
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
    for path, table in summary.exports:  # after the run: known from the walk, before any file
        typer.echo(json.dumps({"event": "skipped", "run_id": summary.run_id,
                               "path": path_text(path), "export_of": table},
                              ensure_ascii=False) if log_json else
                   f"{'skipped':<11} {path_text(path)}  bma-etl's own export of {table} "
                   "(its header is the table's columns), not a report", err=not log_json)
    if log_json:
        typer.echo(summary_json(summary))
    layouts = ", ".join(f"{k} {v}" for k, v in sorted(summary.by_layout.items())) or "none"
    skipped = f", {summary.skipped} skipped (not a report type)" if summary.skipped else ""
    if summary.exports:
        skipped += f", {len(summary.exports)} skipped (bma-etl's own exports)"
    ocr_read = f"; {summary.ocr_files} read by OCR" if summary.ocr_files else ""
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
        if summary.exports:
            found += f" ({len(summary.exports)} skipped: bma-etl's own exports)"
        _fail(f"nothing to read: {found}", 3)
    typer.echo(
        f"{summary.files_seen} files: {summary.loaded} loaded, {summary.unchanged} unchanged, "
        f"{summary.quarantined} quarantined{skipped} in {summary.seconds:.1f}s "
        f"(loaded by layout: {layouts}{ocr_read})",
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


def migrate(
    source: Annotated[Path, typer.Option("--from", help="DuckDB warehouse file to copy.")],
    target: Annotated[Path, typer.Option("--to", parser=_warehouse, metavar="ADDRESS",
                                         help="Warehouse to copy into (a ducklake: address, "
                                         "or a new DuckDB file).")],
) -> None:
    """Copy a warehouse (every table, provenance and run ledger included) into another.

    The target must hold no documents yet; the copy is one transaction.
    """
    from bma_etl.load_migrate import migrate as run_migrate

    if str(source).startswith(("ducklake:", "postgres:", "postgresql:")):
        _fail("--from: migrate copies a DuckDB warehouse file (--from FILE.duckdb); a "
              "DuckLake warehouse is not supported as the source", 2)
    _require_paths([source])
    with _errors():
        copied = run_migrate(source, target)
    total = sum(copied.values())
    typer.echo(f"copied {total} rows of {len(copied)} tables from {source} to {target}",
               err=True)

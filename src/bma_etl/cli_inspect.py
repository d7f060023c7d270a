"""The commands that look at a file or the warehouse.

``detect``, ``extract``, ``split``, ``explain``, ``status``; registered on the app by
:mod:`bma_etl.cli`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from bma_etl.cli_common import (
    DEFAULT_DB,
    DbOption,
    Ocr,
    OcrOption,
    _errors,
    _fail,
    _flag,
    _print_table,
    _require_paths,
)
from bma_etl.errors import BmaEtlError


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


def split(
    files: Annotated[list[Path], typer.Argument(help="Files that may hold several reports "
                                                "(.pdf, or a text or web page).")],
    out: Annotated[Path, typer.Option("--out", help="Folder to write the parts into "
                                      "(made when missing).")],
    ocr: OcrOption = Ocr.auto,
    force: Annotated[bool, _flag("--force", help="Write over part files that exist.")] = False,
) -> None:
    """Write each report a file holds (a scanner's batch) as its own file, to ingest each.

    A document is a file's bytes, so of a file holding several reports only the
    first loads; the others are named in its second_document quality issue. This
    finds them the same way and writes FILE's documents to DIR as STEM.part1.pdf,
    STEM.part2.pdf and so on (the PDF's pages of each) or as STEM.part1.txt and so
    on (a text's or a web page's lines as read), and prints each part's layout and
    pages. A file holding one document is left alone: nothing is written. Then
    'bma-etl ingest DIR' loads every part as a document (ingest the parts in place
    of the bundle: both would load its first report twice).
    """
    from bma_etl.bundles import split_file
    from bma_etl.read import path_text

    _require_paths(files)
    code = 0
    for path in files:
        with _errors():  # a full disk, a refused folder: one line, exit 1
            try:
                done = split_file(path, out, ocr=ocr.value, force=force)
            except FileExistsError as exc:  # a part there already, or --out names a file
                _fail(f"refused output path: {exc}", 2)
            except BmaEtlError as exc:  # the file would be quarantined: not one to split
                typer.echo(f"{path_text(path)}\terror\t{exc.reason()}")
                code = 3
                continue
        if not done.written:
            typer.echo(f"{path_text(path)}\tone document ({done.layout}): nothing written")
            continue
        typer.echo(f"{path_text(path)}\t{done.documents} documents")
        for part in done.written:
            typer.echo(f"  {path_text(part.path)}\t{part.layout}\t{part.where}")
    raise typer.Exit(code)


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


def status(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Show the last runs, loaded documents per layout, and quarantined files with reasons."""
    from bma_etl.query import status as read_status

    with _errors():
        st = read_status(db)
    _print_table(st.runs.columns, st.runs.rows, title="last runs")
    _print_table(st.layouts.columns, st.layouts.rows, title="loaded documents by layout")
    columns, rows = st.quarantined.columns, st.quarantined.rows
    if not any(row[-1] for row in rows):  # no bytes quarantined under two names
        columns, rows = columns[:-1], [row[:-1] for row in rows]
    _print_table(columns, rows, title=f"quarantined files ({len(rows)})")
    if st.outdated:
        typer.echo(f"{st.outdated} documents were extracted by another version; "
                   "run 'bma-etl ingest --reextract-outdated' to redo them")

"""What every command of the ``bma-etl`` command line shares.

The option types (``--db``, ``--ocr``, the output formats), and how a command
ends: the exit codes (:data:`EXIT_CODES`), and an error as one line on stderr
(``-v``: with its traceback).
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from bma_etl.errors import BmaEtlError

#: One exit-code table for every command; the README's paragraph says the same.
EXIT_CODES = (
    "Exit codes (every command): 0 done; 3 finished, but some files were quarantined "
    "or no file to read was found (ingest) or not recognised (detect, extract, split); 2 "
    "bad usage, including a missing input path or a refused output path; 1 anything else "
    "(what failed is not half-written)."
)


def _flag(*names: str, **options: Any) -> Any:
    """Make a boolean option shown in ``--help`` without a value placeholder.

    Typer draws ``<bool>`` after a flag, which invites ``--force true``.
    """
    return typer.Option(*names, metavar="", **options)


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
    """When scanned PDF pages are read with OCR (image files are read by OCR only)."""

    auto = "auto"
    always = "always"
    never = "never"


OcrOption = Annotated[Ocr, typer.Option(help="OCR for scanned PDFs and image files: auto "
                                        "(pages without a text layer), always, never "
                                        "(an image file is then quarantined).")]


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


def _set_verbose(verbose: bool) -> None:
    global _verbose
    _verbose = verbose


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

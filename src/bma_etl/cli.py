"""The ``bma-etl`` command line: a thin shell over the library.

Each command calls one library function and renders what it returns. Exit codes
(the contract, :data:`EXIT_CODES`): 0 done; 3 finished but some files were
quarantined or not recognised, or no file to read was found; 2 bad usage; 1
anything else. An error ends a command as one line on stderr; ``-v`` adds the
traceback.

The commands live by what they are for: :mod:`bma_etl.cli_ingest` (load and keep
the warehouse), :mod:`bma_etl.cli_query` (query it, write what it holds),
:mod:`bma_etl.cli_inspect` (look at a file or the warehouse); the option types and
the exit-code and error mapping are in :mod:`bma_etl.cli_common`.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Mapping
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from bma_etl.cli_common import EXIT_CODES, _flag, _set_verbose
from bma_etl.cli_ingest import ingest, maintain, migrate
from bma_etl.cli_inspect import detect_cmd, explain, extract, split, status
from bma_etl.cli_query import export, report, schema, search, sql
from bma_etl.errors import BmaEtlError


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

# Registered in the order --help lists them.
app.command(epilog=EXIT_CODES)(ingest)
app.command("detect", epilog=EXIT_CODES)(detect_cmd)
app.command(epilog=EXIT_CODES)(extract)
app.command(epilog=EXIT_CODES)(split)
app.command(epilog=EXIT_CODES)(sql)
app.command(epilog=EXIT_CODES)(export)
app.command(epilog=EXIT_CODES)(report)
app.command(epilog=EXIT_CODES)(status)
app.command(epilog=EXIT_CODES)(maintain)
app.command(epilog=EXIT_CODES)(migrate)
app.command(epilog=EXIT_CODES)(schema)
app.command()(explain)
app.command()(search)


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, _flag("--version", help="Print the version and exit.")] = False,
    verbose: Annotated[bool, _flag("--verbose", "-v", help="Log progress to stderr, "
                                          "and show the traceback of an error.")] = False,
) -> None:
    _set_verbose(verbose)
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

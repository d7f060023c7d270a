"""Drawing for the terminal: tables that fit its width, records as blocks, ingest's progress.

Used by :mod:`bma_etl.cli` only (terminal output belongs to the command line).
Every drawing takes the console's real width: the terminal's, else ``$COLUMNS``,
else 80 columns. Long cells are folded onto more lines, never cut: a cell's text
is all there, and rich measures Thai by display cells (a combining vowel or tone
mark takes none and stays with its letter).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group
from rich.table import Column, Table
from rich.text import Text

if TYPE_CHECKING:
    from rich.progress import Progress


def console(stderr: bool = False) -> Console:
    """A console of the real width, without rich's guessing colours for numbers."""
    return Console(stderr=stderr, highlight=False)


def _cell(value: object) -> Text:
    # Text, not str: a value such as "[ข้อ 1]" is data, not rich markup.
    return Text("" if value is None else str(value))


def _value(value: object) -> Text | Table:
    """A record's value: null as ``-``, a list one item a line, booleans as JSON spells them."""
    if value is None:
        return Text("-")
    if isinstance(value, bool):
        return Text("true" if value else "false")
    if isinstance(value, list):
        if not value:
            return Text("(none)")
        items = Table.grid(padding=(0, 1))  # a grid: the bullet never stands alone on a line
        items.add_column(no_wrap=True)
        items.add_column(overflow="fold")
        for item in value:
            items.add_row("•", _cell(item))
        return items
    return Text(str(value))


#: Cells a column keeps before the table gives way to records as blocks (below).
NARROWEST = 10


def _width(value: object) -> int:
    return max((cell_len(line) for line in str(value).split("\n")), default=0)


def fits(columns: Sequence[str], rows: Sequence[Sequence[object]], width: int) -> bool:
    """Whether a table can give every column its width, or at least :data:`NARROWEST` cells.

    A column wider than that folds its cells; one narrower than its text would break
    every word of it, so then records are shown as blocks instead (psql's expanded
    display does the same).
    """
    natural = [max([_width(name), *(_width("" if row[i] is None else row[i]) for row in rows)])
               for i, name in enumerate(columns)]
    return sum(min(w, NARROWEST) for w in natural) + 3 * (len(columns) - 1) <= width


def table(columns: Sequence[str], rows: Iterable[Sequence[object]], title: str | None = None,
          width: int | None = None) -> Table:
    """A table whose long cells fold to fit the console's width.

    Given the ``width`` it will be drawn in: when every value fits whole, values
    keep their width and only the longer column names fold (a code such as
    ``01000000-2456`` is never broken to make room for its heading).
    """
    rows = [list(row) for row in rows]
    drawn = Table(title=title, title_justify="left", title_style="bold", box=box.MINIMAL,
                  show_edge=False, pad_edge=False)
    values = [max((_width("" if row[i] is None else row[i]) for row in rows), default=0)
              for i in range(len(columns))]
    spare = (width or 0) - sum(values) - 3 * (len(columns) - 1)
    whole = width is not None and spare >= 0
    widths = list(values)
    if whole:  # the room left goes to the headings that are wider than their values
        for i, name in enumerate(columns):
            grow = min(max(cell_len(name) - widths[i], 0), spare)
            widths[i] += grow
            spare -= grow
    for name, col_width in zip(columns, widths, strict=True):
        header = name
        if whole and col_width and cell_len(name) > col_width:
            # fold the heading to its column's width, so that the values keep theirs
            step = max(col_width, 4)
            header = "\n".join(name[i:i + step] for i in range(0, len(name), step))
        drawn.add_column(header, overflow="fold")
    for row in rows:
        drawn.add_row(*(_cell(v) for v in row))
    return drawn


def print_table(columns: Sequence[str], rows: Sequence[Sequence[object]],
                title: str | None = None) -> None:
    """Print rows on standard output: a :func:`table` if it :func:`fits`, else :func:`records`.

    An empty result is a table of its column names.
    """
    out = console()
    if not rows or fits(columns, rows, out.width):
        if title:  # above the table, not as its title, which wraps to the table's width
            out.print(Text(title, style="bold"))
        out.print(table(columns, rows, width=out.width))
    else:
        named = [dict(zip(columns, row, strict=True)) for row in rows]
        out.print(records({title or "row": named}))


def records(tables: Mapping[str, Sequence[Mapping[str, Any]]], skip: Iterable[str] = ()
            ) -> Group:
    """Rows as blocks: a heading per table and per record, then ``field: value`` lines.

    Fields named in ``skip`` (the document id repeated on every row) are left out;
    a null is shown as ``-``, a list one ``•`` item a line. Values fold under
    themselves, not under the names.
    """
    left_out = set(skip)
    parts: list[Any] = []
    for name, rows in tables.items():
        parts.append(Text(f"{name} ({len(rows)})", style="bold underline"))
        for n, row in enumerate(rows, start=1):
            parts.append(Text(f"{name} {n}/{len(rows)}", style="bold"))
            grid = Table.grid(padding=(0, 1))
            grid.add_column(style="cyan", no_wrap=True)
            grid.add_column(overflow="fold")
            for field, value in row.items():
                if field not in left_out:
                    grid.add_row(f"{field}:", _value(value))
            parts.append(grid)
        parts.append(Text(""))
    return Group(*parts)


def ingest_progress(out: Console) -> Progress:
    """Ingest's bar: what is happening, the bar, files done of all, files/s, time left.

    The total is unknown (the bar pulses) until the input is walked.
    """
    from rich.progress import (  # here: only ingest draws a bar, and it is slow to import
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeRemainingColumn,
    )

    class Rate(ProgressColumn):
        """Files per second, over rich's recent window (blank until it has one)."""

        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text("" if speed is None else f"{speed:.1f} files/s")

    return Progress(TextColumn("{task.description}", table_column=Column(
                        max_width=28, no_wrap=True, overflow="ellipsis")),
                    BarColumn(bar_width=None), MofNCompleteColumn(), Rate(),
                    TimeRemainingColumn(), console=out, transient=True, expand=True)

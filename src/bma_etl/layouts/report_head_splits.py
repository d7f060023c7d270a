"""A register's header row whose headings ran into each other: split back into columns.

Stage: extract (a helper of :mod:`bma_etl.layouts.report_columns`, not a layout).
A sheet's heading wider than its column is cut at the column's edge on paper
(Calc clips a cell's text where the next cell holds some), but a PDF's text
keeps every letter: a clipped heading runs into the next one
(``รายละเอียดความก้าวหน`` + ``ร้อยละความก้าวหน้า``), and headings set close
together are read as one cell (``งบประมาณที่เบิกจ่าย (บาท) เป็นไปตามแผน
เป็นไปตามเป้าหมาย``). The header row then has fewer cells than the register's
rows below it and names too few columns.

:func:`split_headings` cuts such cells back into as many headings as the rows
have cells: at a space, or where a column's label starts, never beside a slash
(``ผลการดำเนินงาน / ปัญหาอุปสรรค`` heads one column). Every heading must name
a column (:func:`bma_etl.layouts.report_columns.column_of`), each once; a heading
cut short (its end clipped) names the column whose label its start matches (one
with a slash inside is whole: it names a column or none).
Consumes the header cells' texts; produces the headings, or None when no cut
names every column. A cut is kept only when the rows' cells fit the columns it
names (:func:`cells_fit`): a row wider than its header for another reason (a flag
or a gap split off a cell) would else shift every value after it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

from bma_etl.errors import NormalizeError
from bma_etl.matchkey import matches_key
from bma_etl.normalize.dates import parse_date
from bma_etl.normalize.digits import parse_amount, parse_percent

__all__ = ["cells_fit", "split_headings"]

#: The most ways of cutting a header row tried.
_MOST_TRIES = 5000
#: A letter a heading can start with (no mark or following vowel, which goes with
#: the letter before it).
_STARTS = re.compile("[\u0e01-\u0e2e\u0e40-\u0e44A-Za-z(]")
#: A slash beside a cut (ending the text before it, or opening the text after it).
_SLASH_BEFORE = re.compile(r"/\s*$")
_SLASH_AFTER = re.compile(r"\s*/")


def _cuts(text: str, labels: tuple[str, ...]) -> list[int]:
    """Offsets in ``text`` where a heading may start: after a space, or at a label.

    Never beside a slash: words a ``/`` joins head one column together
    (``ผลการดำเนินงาน / ปัญหาอุปสรรค``, ``วันที่/รายละเอียด``).
    """
    out = []
    for p in range(1, len(text)):
        if _SLASH_BEFORE.search(text, 0, p) or _SLASH_AFTER.match(text, p):
            continue
        if text[p - 1].isspace() and not text[p].isspace():
            out.append(p)
        elif _STARTS.match(text[p]) and not text[p - 1].isspace() \
                and any(matches_key(label, text[p:]) for label in labels):
            out.append(p)
    return out


def _splits(text: str, pieces: int, labels: tuple[str, ...]) -> Iterator[list[str]]:
    """Every way of cutting ``text`` into ``pieces`` non-blank headings."""
    if pieces == 1:
        yield [text.strip()]
        return
    for cut in itertools.combinations(_cuts(text, labels), pieces - 1):
        bounds = (0, *cut, len(text))
        parts = [text[a:b].strip() for a, b in itertools.pairwise(bounds)]
        if all(parts):
            yield parts


def _by_start(heading: str, labels: dict[str, str]) -> str | None:
    """The column a heading cut short names by its start, or None.

    None too unless every part a ``/`` joins that names a column names the same
    (``ร้อยละ/เปอร์เซ็นต์``; never ``ผลการดำเนินงาน / ปัญหา``, two columns' words).
    """
    found = {c for part in heading.split("/") for label, c in labels.items()
             if matches_key(label, part.strip())}
    first = next((c for label, c in labels.items() if matches_key(label, heading)), None)
    return first if found <= {first} else None


def _named(headings: list[str], column_of: Callable[[str], str | None],
           labels: dict[str, str]) -> int | None:
    """How many of ``headings`` name their column whole; None unless each names one, once."""
    named: list[str] = []
    whole = 0
    for heading in headings:
        column = column_of(heading)
        if column is not None:
            whole += 1
        else:  # cut short: named by its start, and each part a slash joins by its own
            column = _by_start(heading, labels)
        if column is None or column in named:
            return None
        named.append(column)
    return whole


def split_headings(texts: list[str], width: int, column_of: Callable[[str], str | None],
                   labels: dict[str, str]) -> list[str] | None:
    """The header cells ``texts`` cut into ``width`` headings each naming a column.

    ``column_of`` names a heading's column (None when it names none), ``labels``
    maps a column label (a pattern, matched in key form) to its column. Of the
    cuts that name every column once, the one naming most columns whole wins.
    Returns None when ``texts`` are not fewer than ``width`` or no cut fits.

    >>> from bma_etl.layouts.report_columns import COLUMN_LABELS, column_of
    >>> split_headings(["ครั้งที่", "รายละเอียดการดำเนินงานร้อยละความก้าวหน้า",
    ...                 "เบิกจ่าย (บาท) ตามแผน"], 5, column_of, COLUMN_LABELS)
    ['ครั้งที่', 'รายละเอียดการดำเนินงาน', 'ร้อยละความก้าวหน้า', 'เบิกจ่าย (บาท)', 'ตามแผน']
    """
    extra = width - len(texts)
    if extra < 1:
        return None
    keys = tuple(labels)
    best: tuple[int, list[str]] | None = None
    tries = 0
    for counts in _spread(len(texts), extra):
        options = [list(_splits(text, 1 + more, keys)) for text, more in zip(texts, counts,
                                                                            strict=True)]
        for choice in itertools.product(*options):
            tries += 1
            if tries > _MOST_TRIES:
                return best[1] if best else None
            headings = [h for part in choice for h in part]
            whole = _named(headings, column_of, labels)
            if whole is not None and (best is None or whole > best[0]):
                best = (whole, headings)
    return best[1] if best else None


def _spread(cells: int, extra: int) -> Iterator[tuple[int, ...]]:
    """Every way of giving ``extra`` more headings to ``cells`` cells."""
    for combo in itertools.combinations_with_replacement(range(cells), extra):
        yield tuple(combo.count(i) for i in range(cells))


#: A cell standing for no value in any column (empty, a dash).
_NO_VALUE = re.compile(r"[\s\-–—.]*")
#: How a value of a column is read; a cell it cannot read does not fit the column.
_READERS: dict[str, Callable[[str], object]] = {
    "report_date": parse_date,
    "progress_pct": parse_percent,
    "budget_disbursed_thb": parse_amount,
}


def cells_fit(columns: list[str | None], rows: list[list[str]]) -> bool:
    """Whether every row's cells (texts, a cell a column) read as their columns' values.

    A date column's cells parse as dates, a progress column's as percents 0..100, a
    disbursement column's as amounts; an empty or dashed cell fits any column. Rows
    of another width than ``columns`` do not fit.

    >>> cells_fit(["seq_label", "progress_pct", "budget_disbursed_thb"], [["1", "10", "0"]])
    True
    >>> cells_fit(["seq_label", "progress_pct", "budget_disbursed_thb"],
    ...           [["1", "0.00", "เป็นไปตามแผน"]])
    False
    """
    for row in rows:
        if len(row) != len(columns):
            return False
        for column, text in zip(columns, row, strict=True):
            read = _READERS.get(column or "")
            if read is None or _NO_VALUE.fullmatch(text):
                continue
            try:
                read(text)
            except (NormalizeError, ValueError):
                return False
    return True

"""Score what the pipeline read against the values a document was generated from.

Rows are matched in order within each table, aligned on their values (:func:`align`):
a row lost or a row of junk read costs its own fields, not those of every row after
it; rows read that match no row written are counted apart (``extra_rows``). Every
field the truth states counts once; :func:`score` also gives the figure with rows
matched by place alone (``right_by_place``), as this benchmark counted before.

Amounts and percents compare as numbers, dates as ISO dates, text after NFC with
whitespace ignored (a wrapped cell may come back joined by a space or a line break;
which one is not the question here). A quarantined file loses every field.

A second, stricter figure counts text right "as spaced" (:func:`same_spaced`):
after NFC every run of white space (space, tab, line break) counts as one space,
but whether there is white space between two letters matters, as it does to an
analyst comparing values in SQL (``2 คน เดินทาง`` is not ``2 คนเดินทาง``). A field
right as spaced is right; one right but not as spaced is a whitespace loss
(:func:`space_kind` names how).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

#: One lost field: ``(table.row.field, want, got, kind)``.
Lost = tuple[str, Any, Any, str]

_SPACE = re.compile(r"\s+")
_THAI_DIGIT = re.compile("[๐-๙]")
#: One place a value read differs from the value written in white space only.
_LETTER_SPACE = re.compile(r"(\S)(\s*)(?=(\S))")


@dataclass(slots=True)
class Score:
    """Fields right out of fields counted, what was lost, and the layout read."""

    right: int
    total: int
    lost: list[Lost] = field(default_factory=list)
    layout: str | None = None
    quarantined: str | None = None
    #: Fields right as spaced (:func:`same_spaced`), and the fields right but not as
    #: spaced (``kind`` from :func:`space_kind`).
    spaced_right: int = 0
    space_lost: list[Lost] = field(default_factory=list)
    #: On a scan, the fields printed in Thai digits (not in ``right``/``total``), scored apart.
    thai_right: int = 0
    thai_total: int = 0
    #: Rows read that match no row written (:func:`align`), and the fields right with
    #: rows matched by place alone (the n-th row read against the n-th written).
    extra_rows: int = 0
    right_by_place: int = 0

    def __iter__(self) -> Any:
        """Unpack as ``right, total, lost``."""
        return iter((self.right, self.total, self.lost))


def _text(value: Any) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFC", str(value)))


def _spaced(value: Any) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", str(value))).strip()


def _number(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def same(want: Any, got: Any, *, spaced: bool = False) -> bool:
    """Whether a value read equals the value written (``spaced``: :func:`same_spaced`).

    >>> same("3450000.00", Decimal("3450000"))
    True
    >>> same("2020-10-27", date(2020, 10, 27))
    True
    >>> same("โครงการ ก\\nข", "โครงการ ก ข")
    True
    >>> same(True, None)
    False
    """
    if want is None or got is None:
        return want is got
    if isinstance(want, bool) or isinstance(got, bool):
        return want is got
    if isinstance(got, date):
        return str(want) == got.isoformat()
    text = _spaced if spaced else _text
    if isinstance(want, list) or isinstance(got, list):
        return [text(w) for w in want] == [text(g) for g in (got or [])]
    if isinstance(got, (int, Decimal)) or isinstance(want, int):
        a, b = _number(want), _number(got)
        return a is not None and a == b
    if isinstance(want, str) and isinstance(got, str):
        w, g = _number(want), _number(got)
        if w is not None and g is not None:
            return w == g
    return text(want) == text(got)


def same_spaced(want: Any, got: Any) -> bool:
    r"""Whether a value read equals the value written, white space between letters counted.

    Text compares after NFC with each run of white space as one space and none at
    the ends; numbers and dates as :func:`same`.

    >>> same_spaced("โครงการ ก\nข", "โครงการ ก ข"), same_spaced("จำนวน 2 คน", "จำนวน 2คน")
    (True, False)
    >>> same_spaced(["ก ข"], ["ก\tข "]), same_spaced("จำนวน", "จำ นวน")
    (True, False)
    """
    return same(want, got, spaced=True)


def space_kind(want: Any, got: Any) -> str:
    """How a value right but for white space lost it: the first place it differs.

    ``space_lost`` (white space written, none read) or ``space_gained`` (none written,
    some read), with the classes of the two letters around it: ``thai``, ``latin``,
    ``digit``, ``open`` (an opening bracket or quote), ``close``, ``other``.

    >>> space_kind("จำนวน 2 คน", "จำนวน 2คน"), space_kind("จำนวน", "จำ นวน")
    ('space_lost digit-thai', 'space_gained thai-thai')
    """
    def places(value: Any) -> list[tuple[str, str, str]]:
        text = unicodedata.normalize("NFC", " ".join(map(str, value))
                                     if isinstance(value, list) else str(value))
        return [(m.group(1), m.group(2), m.group(3)) for m in _LETTER_SPACE.finditer(text)]

    for (letter, w, after), (_, g, _) in zip(places(want), places(got), strict=False):
        if bool(w) != bool(g):
            pair = f"{_class(letter)}-{_class(after)}"
            return f"space_lost {pair}" if w else f"space_gained {pair}"
    return "space_other"


def _class(letter: str) -> str:
    if "\u0e01" <= letter <= "\u0e4f":
        return "thai"
    if letter.isascii() and letter.isalpha():
        return "latin"
    if letter.isdigit():
        return "digit"
    if letter in "([{\u201c\u2018\"'":
        return "open"
    if letter in ")]}\u201d\u2019":
        return "close"
    return "other"


def kind_of(want: Any, got: Any) -> str:
    """Name the way a value was lost.

    >>> kind_of("โครงการยาว", "โครงการ")
    'text_cut'
    >>> kind_of("45.00", None)
    'missing'
    """
    if got is None:
        return "missing"
    if isinstance(want, str) and isinstance(got, str) and not isinstance(want, bool):
        w, g = _text(want), _text(got)
        if g and g in w:
            return "text_cut"
        if w and w in g:
            return "text_overrun"
        if _number(want) is not None:
            return "wrong_number"
        return "wrong_text"
    if isinstance(want, bool):
        return "wrong_flag"
    if isinstance(got, date):
        return "wrong_date"
    return "wrong_number"


def _value(record: Any, name: str) -> Any:
    if isinstance(record, dict):
        return record.get(name)
    return getattr(record, name, None)


def _row_right(row: dict[str, Any], got: Any, table: str, i: int,
               skip: set[str] | frozenset[str]) -> int:
    """How many counted fields of written row ``i`` the row read ``got`` has right."""
    return sum(1 for name, want in row.items()
               if name != "ordinal" and f"{table}.{i}.{name}" not in skip
               and same(want, _value(got, name)))


def align(table: str, rows: list[dict[str, Any]], got_rows: list[Any],
          skip: set[str] | frozenset[str] = frozenset()) -> list[int | None]:
    """For each row written, the index of the row read it is compared with (or ``None``).

    An order-keeping alignment that maximises the fields right (dynamic programming
    over the two row lists, ``O(len(rows) * len(got_rows))`` pair scores); on a tie
    the n-th row read stays with the n-th written. So a row the reader lost, or a
    row of junk it added, costs only its own fields.

    >>> align("t", [{"a": 1}, {"a": 2}, {"a": 3}], [{"a": 1}, {"a": 3}])
    [0, None, 1]
    >>> align("t", [{"a": 1}, {"a": 2}], [{"a": 9}, {"a": 1}, {"a": 2}])
    [1, 2]
    >>> align("t", [{"a": 1}, {"a": 2}], [{"a": 8}, {"a": 9}])
    [0, 1]
    """
    n, m = len(rows), len(got_rows)
    pair = [[_row_right(rows[i], got_rows[j], table, i, skip) for j in range(m)]
            for i in range(n)]
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best[i][j] = max(best[i - 1][j - 1] + pair[i - 1][j - 1],
                             best[i - 1][j], best[i][j - 1])
    matched: list[int | None] = [None] * n
    i, j = n, m
    while i and j:
        if best[i][j] == best[i - 1][j - 1] + pair[i - 1][j - 1]:
            i, j = i - 1, j - 1
            matched[i] = j
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    return matched


def score_tables(tables: dict[str, list[Any]], truth: dict[str, Any],
                 skip: set[str] | frozenset[str] = frozenset(),
                 space_lost: list[Lost] | None = None, *,
                 by_place: bool = False,
                 extra: list[str] | None = None) -> tuple[int, int, list[Lost]]:
    """Compare rows (records or dicts) with the truth's tables, skipping named fields.

    Rows are paired by :func:`align` (``by_place``: the n-th read with the n-th
    written). Fields right but not as spaced (:func:`same_spaced`) are added to
    ``space_lost``; the tables of rows read that pair with no row written, one entry
    per row, to ``extra``.
    """
    right = total = 0
    lost: list[Lost] = []
    for table, rows in truth["tables"].items():
        got_rows = tables.get(table, [])
        if by_place:
            matched: list[int | None] = [i if i < len(got_rows) else None
                                         for i in range(len(rows))]
        else:
            matched = align(table, rows, got_rows, skip)
        if extra is not None:
            extra.extend([table] * (len(got_rows) - sum(j is not None for j in matched)))
        for i, row in enumerate(rows):
            j = matched[i]
            for name, want in row.items():
                key = f"{table}.{i}.{name}"
                if name == "ordinal" or key in skip:
                    continue
                total += 1
                if j is None:
                    lost.append((f"{table}.{name}", want, None, "row_missing"))
                    continue
                got = _value(got_rows[j], name)
                if same(want, got):
                    right += 1
                    if space_lost is not None and not same_spaced(want, got):
                        space_lost.append((f"{table}.{name}", want, got, space_kind(want, got)))
                else:
                    lost.append((f"{table}.{name}", want, got, kind_of(want, got)))
    return right, total, lost


def count_fields(truth: dict[str, Any], skip: set[str] | frozenset[str] = frozenset()) -> int:
    """How many fields a truth counts."""
    return score_tables({}, truth, skip)[1]


def thai_digit_keys(truth: dict[str, Any]) -> set[str]:
    """Keys (``table.row_index.field``) of the fields a document prints in Thai digits.

    Those the generator marked (numbers, dates, years) and every text whose value holds a
    Thai digit (``ร้อยละ ๘๐``, ``ครั้งที่ ๒/๒๕๖๖``): the issue counts scans on Arabic-digit
    fields, Tesseract's ``tha`` model misreading ๔ ๖ ๗ ๘ ๙.

    >>> sorted(thai_digit_keys({"thai_digit_fields": ["plans.0.fiscal_year_be"],
    ...     "tables": {"plan_indicators": [{"target_text": "ร้อยละ ๘๐"},
    ...                                    {"target_text": "ร้อยละ 80"}]}}))
    ['plan_indicators.0.target_text', 'plans.0.fiscal_year_be']
    """
    keys = set(truth.get("thai_digit_fields", ()))
    for table, rows in truth["tables"].items():
        for i, row in enumerate(rows):
            keys.update(f"{table}.{i}.{name}" for name, want in row.items()
                        if isinstance(want, str) and _THAI_DIGIT.search(want))
    return keys


def score(processed: Any, truth: dict[str, Any], *, scan: bool = False) -> Score:
    """Score one ``Processed`` (or ``None`` with a quarantine reason, see ``score_failure``).

    On scans the fields printed in Thai digits are not counted (:func:`thai_digit_keys`).
    """
    skip = thai_digit_keys(truth) if scan else set()
    space_lost: list[Lost] = []
    extra: list[str] = []
    right, total, lost = score_tables(processed.tables, truth, skip, space_lost, extra=extra)
    every_right, every_total, _ = score_tables(processed.tables, truth) if skip else (right,
                                                                                    total, [])
    by_place = score_tables(processed.tables, truth, skip, by_place=True)[0]
    return Score(right, total, lost, layout=processed.layout,
                 spaced_right=right - len(space_lost), space_lost=space_lost,
                 thai_right=every_right - right, thai_total=every_total - total,
                 extra_rows=len(extra), right_by_place=by_place)


def score_failure(reason: str, truth: dict[str, Any], *, scan: bool = False) -> Score:
    """A file the pipeline quarantined: every field is lost."""
    skip = thai_digit_keys(truth) if scan else set()
    _, total, lost = score_tables({}, truth, skip)
    lost = [(k, w, None, "quarantined") for k, w, _, _ in lost]
    return Score(0, total, lost, layout=None, quarantined=reason,
                 thai_total=count_fields(truth) - total)

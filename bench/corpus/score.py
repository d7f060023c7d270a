"""Score what the pipeline read against the values a document was generated from.

Rows are matched by order within each table; every field the truth states counts
once. Amounts and percents compare as numbers, dates as ISO dates, text after NFC
with whitespace ignored (a wrapped cell may come back joined by a space or a line
break; which one is not the question here). A quarantined file loses every field.
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


@dataclass(slots=True)
class Score:
    """Fields right out of fields counted, what was lost, and the layout read."""

    right: int
    total: int
    lost: list[Lost] = field(default_factory=list)
    layout: str | None = None
    quarantined: str | None = None

    def __iter__(self) -> Any:
        """Unpack as ``right, total, lost``."""
        return iter((self.right, self.total, self.lost))


def _text(value: Any) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFC", str(value)))


def _number(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def same(want: Any, got: Any) -> bool:
    """Whether a value read equals the value written.

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
    if isinstance(want, list) or isinstance(got, list):
        return [_text(w) for w in want] == [_text(g) for g in (got or [])]
    if isinstance(got, (int, Decimal)) or isinstance(want, int):
        a, b = _number(want), _number(got)
        return a is not None and a == b
    if isinstance(want, str) and isinstance(got, str):
        w, g = _number(want), _number(got)
        if w is not None and g is not None:
            return w == g
    return _text(want) == _text(got)


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


def score_tables(tables: dict[str, list[Any]], truth: dict[str, Any],
                 skip: set[str] | frozenset[str] = frozenset()) -> tuple[int, int, list[Lost]]:
    """Compare rows (records or dicts) with the truth's tables, skipping named fields."""
    right = total = 0
    lost: list[Lost] = []
    for table, rows in truth["tables"].items():
        got_rows = tables.get(table, [])
        for i, row in enumerate(rows):
            for name, want in row.items():
                key = f"{table}.{i}.{name}"
                if name == "ordinal" or key in skip:
                    continue
                total += 1
                if i >= len(got_rows):
                    lost.append((f"{table}.{name}", want, None, "row_missing"))
                    continue
                got = _value(got_rows[i], name)
                if same(want, got):
                    right += 1
                else:
                    lost.append((f"{table}.{name}", want, got, kind_of(want, got)))
    return right, total, lost


def count_fields(truth: dict[str, Any], skip: set[str] | frozenset[str] = frozenset()) -> int:
    """How many fields a truth counts."""
    return score_tables({}, truth, skip)[1]


def score(processed: Any, truth: dict[str, Any], *, scan: bool = False) -> Score:
    """Score one ``Processed`` (or ``None`` with a quarantine reason, see ``score_failure``).

    On scans the fields printed in Thai digits are not counted.
    """
    skip = set(truth.get("thai_digit_fields", ())) if scan else set()
    right, total, lost = score_tables(processed.tables, truth, skip)
    return Score(right, total, lost, layout=processed.layout)


def score_failure(reason: str, truth: dict[str, Any], *, scan: bool = False) -> Score:
    """A file the pipeline quarantined: every field is lost."""
    skip = set(truth.get("thai_digit_fields", ())) if scan else set()
    _, total, lost = score_tables({}, truth, skip)
    lost = [(k, w, None, "quarantined") for k, w, _, _ in lost]
    return Score(0, total, lost, layout=None, quarantined=reason)

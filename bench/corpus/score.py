"""Score what the pipeline read against the values a document was generated from.

Rows are matched by order within each table; every field the truth states counts
once. Amounts and percents compare as numbers, dates as ISO dates, text after NFC
with whitespace ignored (a wrapped cell may come back joined by a space or a line
break; which one is not the question here). A quarantined file loses every field.

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


def score_tables(tables: dict[str, list[Any]], truth: dict[str, Any],
                 skip: set[str] | frozenset[str] = frozenset(),
                 space_lost: list[Lost] | None = None) -> tuple[int, int, list[Lost]]:
    """Compare rows (records or dicts) with the truth's tables, skipping named fields.

    Fields right but not as spaced (:func:`same_spaced`) are added to ``space_lost``.
    """
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
    right, total, lost = score_tables(processed.tables, truth, skip, space_lost)
    every_right, every_total, _ = score_tables(processed.tables, truth) if skip else (right,
                                                                                    total, [])
    return Score(right, total, lost, layout=processed.layout,
                 spaced_right=right - len(space_lost), space_lost=space_lost,
                 thai_right=every_right - right, thai_total=every_total - total)


def score_failure(reason: str, truth: dict[str, Any], *, scan: bool = False) -> Score:
    """A file the pipeline quarantined: every field is lost."""
    skip = thai_digit_keys(truth) if scan else set()
    _, total, lost = score_tables({}, truth, skip)
    lost = [(k, w, None, "quarantined") for k, w, _, _ in lost]
    return Score(0, total, lost, layout=None, quarantined=reason,
                 thai_total=count_fields(truth) - total)

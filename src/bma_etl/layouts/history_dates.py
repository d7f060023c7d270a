"""A progress-history entry's number and system date where OCR damaged them.

Stage: extract (a helper of :mod:`bma_etl.layouts.history_entries`, not a layout).
Consumes an entry's raw values; produces the system date OCR read with its dashes
lost or doubled (:func:`spaced_date`; a tracking page's ISO dates alike,
:func:`iso_dashes_doubled`), entry numbers put right from the page's
countdown (:func:`mend_countdown`), the date a raw value states (:func:`date_of`),
and the dates an entry's date lies between (:func:`entry_bounds`), which say which
of two readings OCR made of one date is the page's (:func:`reading_between`).
"""

from __future__ import annotations

import re
from datetime import date

from bma_etl.errors import NormalizeError
from bma_etl.layouts.base import Derived, FieldValue, Raw, RawRow
from bma_etl.normalize.dates import parse_date
from bma_etl.normalize.digits import DIGIT, to_arabic_digits

_DATE_DIGITS = re.compile(f"{DIGIT}+")


def spaced_date(raw: Raw) -> Derived | None:
    """The system date OCR read with its dashes lost or doubled (``2024- -02 11``), or None.

    Its eight digits, four, two and two, however the dashes fall between them
    (``2024-0211`` too: the heading pattern's ``spaced``; a dash read as a point,
    ``2021-04.07``): the date they state, when it is one.
    """
    digits = "".join(_DATE_DIGITS.findall(raw.text))
    if len(digits) != 8:
        return None
    try:
        value = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None
    return Derived(value, f"OCR read the system date {raw.text!r}, its dashes lost or "
                   "doubled: the date its digits state", raw.span)


#: An ISO date and time OCR read with a dash doubled or spaced (``2017-09- -30 00:00:00.000``).
_ISO_DASHES_DOUBLED = re.compile(r"\s*(?P<y>[0-9]{4})\s*-[\s-]*(?P<m>[0-9]{2})\s*-[\s-]*"
                                 r"(?P<d>[0-9]{2})(?:\s+[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?)?\s*")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def iso_dashes_doubled(raw: Raw) -> Derived | None:
    """The ISO date OCR read with a dash doubled or spaced (``2017-09- -30``), or None.

    Its digits whole (four, two, two) and nothing else but the time: the date they
    state, when it is one. None for a date as printed (``2017-09-30``: parsed as it is).
    """
    m = _ISO_DASHES_DOUBLED.fullmatch(raw.text)
    if m is None or _ISO_DATE.search(raw.text):
        return None
    try:
        value = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None
    return Derived(value, f"OCR read the date {raw.text.strip()!r}, a dash doubled or "
                   "spaced: the date its digits state", raw.span)


def _number(value: FieldValue) -> int | None:
    if isinstance(value, Raw):
        digits = to_arabic_digits(value.text.strip())
        return int(digits) if digits.isascii() and digits.isdigit() else None
    return value.value if isinstance(value, Derived) and isinstance(value.value, int) else None


def mend_countdown(rows: list[RawRow]) -> None:
    """Entry numbers OCR misread, put right from the countdown around them.

    The system numbers a page's entries down to (1), newest first; some pages number
    them up from (1), newest first too. The way the page counts is the one that puts
    more of the numbers read where they stand (:func:`_step`). A number read that goes
    on from the one above it is kept as read. One that breaks the count where its
    neighbours leave one number for it (the entry above is (n + 1) and the one below
    (n - 1) when counting down, the other way round when counting up; the last entry
    below (2) counting down, or below (m - 1) of m entries counting up) is that number,
    derived; any other break is left as read.
    """
    numbers = [_number(r.fields.get("seq_label")) for r in rows]
    step = _step(numbers)
    for k, row in enumerate(rows):
        above = numbers[k - 1] if k > 0 else None
        if above is None or numbers[k] == above + step:
            continue
        if k + 1 < len(rows):
            below = numbers[k + 1]
        else:  # the count ends at (1), or at the number of entries
            below = 0 if step < 0 else len(rows) + 1
        if below is None or above + step != below - step:
            continue
        read = row.fields.get("seq_label")
        was = shown(read) if isinstance(read, Raw | Derived) else None
        row.fields["seq_label"] = Derived(
            above + step, f"OCR read the entry's number as {was!r}: the count between "
            f"({above}) and ({below}) leaves ({above + step})" if k + 1 < len(rows) else
            f"OCR read the last entry's number as {was!r}: the count ends at "
            f"({above + step})",
            read.span if isinstance(read, Raw) else None)
        numbers[k] = above + step


def _step(numbers: list[int | None]) -> int:
    """+1 when the entry numbers read count up from (1), -1 when they count down to it.

    Up when more numbers stand where a count up puts them than where a countdown does.

    >>> _step([3, 2, 7]), _step([1, 2, 3]), _step([2, 3]), _step([1, 7, 3])
    (-1, 1, -1, 1)
    """
    n = len(numbers)
    ups = sum(no == k + 1 for k, no in enumerate(numbers))
    downs = sum(no == n - k for k, no in enumerate(numbers))
    return 1 if ups > downs else -1


def shown(value: Raw | Derived) -> str:
    """The value as read, or the derived value written out (for findings)."""
    return value.text if isinstance(value, Raw) else str(value.value)


def date_of(raw: Raw | Derived) -> date | None:
    """The date ``raw`` states (a BE or ISO date), or None when it is not one."""
    if isinstance(raw, Derived):
        return raw.value if isinstance(raw.value, date) else None
    try:
        return parse_date(raw.text)
    except NormalizeError:
        return None


def entry_bounds(readings: list[tuple[date | None, date | None]]
                 ) -> list[tuple[date | None, date | None]]:
    """For each entry, the dates of the nearest entries below and above it that OCR read sure.

    ``readings``: each entry's two readings of its date (the report date, the system
    date), in the page's order, newest first (None where not read). An entry is
    read sure when its readings agree or only one is read. Returns ``(older,
    newer)`` per entry, None where no entry on that side is sure.
    """
    sure = [a if b is None or a == b else b if a is None else None for a, b in readings]
    out = []
    for k in range(len(readings)):
        newer = next((d for d in reversed(sure[:k]) if d is not None), None)
        older = next((d for d in sure[k + 1:] if d is not None), None)
        out.append((older, newer))
    return out


def reading_between(first: date, second: date, bounds: tuple[date | None, date | None]
                    ) -> date | None:
    """The one of two readings of an entry's date that lies within ``bounds``, or None.

    The system lists a page's entries newest first, so an entry's date lies between
    the dates of the entries below and above it (:func:`entry_bounds`): when one
    reading does and the other does not (``12/06/2068`` beside ``2025-06-12``,
    between 2024-12-15 and 2025-07-03), the page says which is its date. None when
    no bound is known, or both readings or neither lie within them.

    >>> reading_between(date(1525, 6, 12), date(2025, 6, 12),
    ...                 (date(2024, 12, 15), date(2025, 7, 3)))
    datetime.date(2025, 6, 12)
    """
    older, newer = bounds
    if older is None and newer is None:
        return None
    inside = [d for d in (first, second)
              if (older is None or d >= older) and (newer is None or d <= newer)]
    return inside[0] if len(inside) == 1 else None

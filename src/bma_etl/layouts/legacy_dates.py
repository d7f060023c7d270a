"""Report dates of a scanned progress form, checked against the dates of the rows around them.

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_reports`, not a layout).
Consumes the form's report rows (``progress_updates`` :class:`RawRow` objects, in
the order printed) and, for rows whose date OCR made unreadable, the text of its
place; produces their ``report_date`` in place. A form's reports are printed in
the order made, so their dates never go back: a row's date lies between the
dates of the rows above and below it. Only OCR'd pages come here for that.

A report date printed with a two-digit year (``16/2/62``) is read by
:func:`short_years` on every page, and the order the reports are printed in by
:func:`latest_first`.

- :func:`dates_by_neighbours` reads an unreadable date when exactly one reading of
  its digits, as printed or with one stroke of damage undone, lies between its
  neighbours' dates (:func:`readings`);
- and drops (NULL, with a finding) a date read that lies outside the dates of
  both its neighbours when those two are in order (``14/1/2566`` between
  ``10/1/2565`` and ``21/2/2565``: a digit misread, which one unknown), first one a
  year or more from them, then any out of the rising order of the form's dates
  (:func:`out_of_order`: the first or last row's too, ``23/6/2566`` above ``10/5/2566``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

from bma_etl.document import Derived, Span
from bma_etl.errors import NormalizeError
from bma_etl.layouts.base import Extraction, Finding, Raw, RawRow
from bma_etl.layouts.history_dates import date_of
from bma_etl.normalize.dates import parse_date
from bma_etl.normalize.digits import parse_percent, to_arabic_digits

#: The most days a form's reports span on either side of a row whose one neighbour
#: is known: a form reports one fiscal year.
YEAR_DAYS = 366
#: A run of digits and strokes OCR may have read for a date's ``/``.
_RUN = re.compile(r"[0-9](?:[0-9/|lI!]|(?<=[0-9/]) (?=[0-9/]))*[0-9]")
#: A date as the form prints it: day and month without a leading zero, a Buddhist-era year.
_PRINTED = re.compile(r"[1-9][0-9]?/[1-9][0-9]?/25[0-9]{2}")


def readings(place: str) -> list[set[date]]:
    """The dates the longest run of digits in ``place`` may be, by damage undone.

    ``[as printed, one stroke undone, both strokes]``: the run as it stands (letters
    glued before it gone: ``ว26/12/2564``), then each with one change: a ``7`` or ``1``
    read for a ``/``, a ``/`` lost (``24/122561``) or lost with a ``1`` beside it
    (``31/2566``: 31/1/2566 as well as 3/1/2566), or a digit too many
    (``21/2/72565``); then, a run with no ``/`` left, both read as ``7`` or ``1``
    (``127972562``). Only dates of the printed shape (:data:`_PRINTED`) count.

    >>> [sorted(d.isoformat() for d in tier) for tier in readings("% ว24/122561 :")]
    [[], ['2018-12-24'], []]
    >>> readings("ะ10/5/2562:")[0]
    {datetime.date(2019, 5, 10)}
    """
    text = to_arabic_digits(place)
    runs = [re.sub(r"[|lI!]", "/", m.group().replace(" ", "")) for m in _RUN.finditer(text)]
    runs = [r for r in runs if 5 <= sum(c.isdigit() for c in r) <= 10]
    if not runs:
        return [set(), set()]
    run = max(runs, key=len)
    first = {run}
    one: set[str] = set()
    for at, c in enumerate(run):
        if c in "71":
            one.add(run[:at] + "/" + run[at + 1:])
        if c.isdigit():
            one.add(run[:at] + run[at + 1:])
        if 0 < at:
            one.add(run[:at] + "/" + run[at:])
            # a ``/`` lost with the thin ``1`` beside it, the two strokes blurred into one
            # or none (a phone photo: ``31/2566`` for 31/1/2566, ``15/1 2565`` for
            # 15/11/2565). A rival of the ``/`` alone, not a later tier: the two damages
            # leave the same text (``13/2566``: 1/3 lost a ``/``, 11/3 its ``1/`` too),
            # so a later tier reads 18 % of dates that lost ``1/`` WRONG where this tier
            # leaves 3.7 % of those that lost a ``/`` alone NULL (6000 random dates of
            # 2565-2566 with neighbours 20-40 days either side). WRONG is worse than NULL.
            one.update((run[:at] + "1/" + run[at:], run[:at] + "/1" + run[at:]))
    one.discard(run)
    strokes = [at for at, c in enumerate(run) if c in "71"]
    both = {run[:a] + "/" + run[a + 1:b] + "/" + run[b + 1:]
            for a in strokes for b in strokes if a < b and "/" not in run}
    return [_dates(first), _dates(one), _dates(both)]


def _dates(texts: set[str]) -> set[date]:
    found = set()
    for text in texts:
        if _PRINTED.fullmatch(text):
            try:
                found.add(parse_date(text))
            except NormalizeError:
                continue
    return found


def dates_by_neighbours(rows: list[RawRow], places: dict[int, tuple[str, Span | None]],
                        out: Extraction) -> None:
    """Check and fill the rows' ``report_date`` by their neighbours' dates, in place.

    ``places``: for a row (by its index in ``rows``) whose date OCR made unreadable,
    the text of the date's place and its span. See the module's description.
    """
    read = [_date(row) for row in rows]
    _outside_neighbours(rows, read, out, far=True)  # a year misread: the row itself
    for i in sorted(out_of_order(read, [_seq_number(row) for row in rows])):
        here = read[i]
        rows[i].fields["report_date"] = None
        read[i] = None
        out.findings.append(Finding(
            "progress_updates", rows[i].ordinal, "report_date", "warning", "ocr_doubtful_value",
            f"OCR read the report date as {here}, out of the order of the other reports' "
            "dates (a digit misread, this date's or a neighbour's): not loaded"))
    _outside_neighbours(rows, read, out, far=False)
    for i, (place, span) in sorted(places.items()):
        if read[i] is not None or not 0 <= i < len(rows):
            continue
        before, after = _known(read, i, -1), _known(read, i, 1)
        year = timedelta(days=YEAR_DAYS)
        if before is not None:
            low, high = before, after if after is not None else before + year
        elif after is not None:
            low, high = after - year, after
        else:
            continue
        for tier in readings(place):
            fits = {d for d in tier if low <= d <= high}
            if len(fits) == 1:
                (value,) = fits
                rows[i].fields["report_date"] = Derived(
                    value, f"OCR misread the report date {place.strip()!r}: its one reading "
                    f"between the dates of the reports around it", span)
                read[i] = value
                break
            if fits:
                break


def _outside_neighbours(rows: list[RawRow], read: list[date | None], out: Extraction, *,
                        far: bool) -> None:
    """Drop (NULL, with a finding) each date outside the dates of its two neighbours.

    Only where those two are in order; ``far``: only a date more than
    :data:`YEAR_DAYS` from either (a year misread: the form reports one fiscal year,
    so the row's own date is the wrong one).
    """
    for i, row in enumerate(rows):
        here = read[i]
        if here is None:
            continue
        before, after = _known(read, i, -1), _known(read, i, 1)
        if before is not None and after is not None and before <= after \
                and not before <= here <= after and (not far or max(
                    abs(here - before), abs(here - after)) > timedelta(days=YEAR_DAYS)):
            row.fields["report_date"] = None
            read[i] = None
            out.findings.append(Finding(
                "progress_updates", row.ordinal, "report_date", "warning", "ocr_doubtful_value",
                f"OCR read the report date as {here.isoformat()}, outside the dates of the "
                f"reports above and below ({before.isoformat()}, {after.isoformat()}): not loaded"))


def out_of_order(read: list[date | None], numbers: list[int | None]) -> set[int]:
    """The rows whose date read breaks the order of a form's rising report dates.

    ``read``: each row's report date (None: not read), in the order printed;
    ``numbers``: each row's report number read. A form printed oldest first (its
    numbers read mostly rise; where none say, its dates) has rising dates, so the dates
    kept are those in every longest run of rising (or equal) dates, when that run
    holds most of the dates read (three or more): a date outside it (``23/6/2566``
    above ``10/5/2566``, the month misread) is a misread, and where either of two
    dates can be (the first row's or the second's) neither is trusted. A form
    printed newest first, or whose dates run no one way, is left alone.

    >>> d = date
    >>> sorted(out_of_order([d(2023, 6, 23), d(2023, 5, 10), d(2023, 7, 1)], [1, 2, 3]))
    [0, 1]
    >>> sorted(out_of_order([d(2023, 1, 2), d(2023, 2, 3), d(2023, 9, 4), d(2023, 4, 5),
    ...                      d(2023, 5, 6)], [None] * 5))
    [2]
    """
    known = [i for i, when in enumerate(read) if when is not None]
    dates = [read[i] for i in known]
    if len(known) < 3 or (_direction(numbers) or _direction(dates)) <= 0:
        return set()
    ending = [1] * len(dates)  # the longest rising run ending at each date
    for b in range(len(dates)):
        for a in range(b):
            if dates[a] <= dates[b]:  # type: ignore[operator]
                ending[b] = max(ending[b], ending[a] + 1)
    starting = [1] * len(dates)  # ... and starting at each
    for a in reversed(range(len(dates))):
        for b in range(a + 1, len(dates)):
            if dates[a] <= dates[b]:  # type: ignore[operator]
                starting[a] = max(starting[a], starting[b] + 1)
    best = max(ending)
    if best * 2 <= len(dates) or best == len(dates):
        return set()
    on_some = [k for k in range(len(dates)) if ending[k] + starting[k] - 1 == best]
    levels = [ending[k] for k in on_some]
    on_every = {k for k in on_some if levels.count(ending[k]) == 1}
    return {known[k] for k in range(len(dates)) if k not in on_every}


def _date(row: RawRow) -> date | None:
    value = row.fields.get("report_date")
    return date_of(value) if isinstance(value, (Raw, Derived)) else None


def _known(read: list[date | None], i: int, step: int) -> date | None:
    j = i + step
    while 0 <= j < len(read):
        if read[j] is not None:
            return read[j]
        j += step
    return None


#: A report date of day, month and a two-digit year (``16/2/62``), any digits.
_SHORT_YEAR = re.compile(r"(?P<d>[0-9]{1,2})\s*([/.-])\s*(?P<m>[0-9]{1,2})\s*\2\s*(?P<y>[0-9]{2})")


def short_years(rows: list[RawRow]) -> None:
    """Read the rows' report dates printed with a two-digit year (``16/2/62``), in place.

    The form prints its years in the Buddhist era (``ปีงบประมาณ พ.ศ.``, its report
    dates ``29/12/2565``), so a two-digit year is the era's last two digits: 25yy, as
    :mod:`bma_etl.normalize.dates` reads one after a Thai month (``ต.ค. 62``). The
    date becomes a :class:`~bma_etl.document.Derived` value saying so; a day or month
    that does not exist is left as printed (its error is the normalizer's). Dots or
    dashes may part it as ``/`` does (``11.10.67``).
    """
    for row in rows:
        value = row.fields.get("report_date")
        if not isinstance(value, Raw):
            continue
        m = _SHORT_YEAR.fullmatch(to_arabic_digits(value.text.strip()))
        if m is None:
            continue
        try:
            when = parse_date(f"{m['d']}/{m['m']}/25{m['y']}")
        except NormalizeError:
            continue
        row.fields["report_date"] = Derived(
            when, f"report date {value.text.strip()!r}: a two-digit year of the form's "
            f"Buddhist era, 25{m['y']}", value.span)


def latest_first(rows: list[RawRow]) -> list[RawRow]:
    """The report rows (as printed) ordered latest first, for the project's progress and status.

    The latest report is the one with the highest report number, whatever the order
    printed (``รายงานครั้งที่2``, ``…7``, ``…1``: report 7), when every row's number is
    read and they are a run without gaps or repeats (a number OCR misread breaks
    the run); else, when the numbers (dates) read run one way, the form prints its
    reports oldest first or newest first (``รายงานครั้งที่4`` above ``รายงานครั้งที่3``),
    most pairs of neighbouring rows deciding so that one number misread does not
    turn the order; else, when every row's date is read and no two are the same,
    the one with the latest date. Where nothing says (one report, nothing read)
    the last printed is the latest.
    """
    numbers = [_seq_number(row) for row in rows]
    if _a_run(numbers):
        return sorted(rows, key=lambda row: _seq_number(row) or 0, reverse=True)
    dates = [_date(row) for row in rows]
    if not _one_way(numbers) and not _one_way(dates) and None not in dates \
            and len(set(dates)) == len(dates):
        return sorted(rows, key=lambda row: _date(row) or date.min, reverse=True)
    order = _direction(numbers) or _direction(dates)
    return list(rows) if order < 0 else list(reversed(rows))


def _a_run(numbers: list[int | None]) -> bool:
    """Whether every number is read and together they are ``k, k+1, …`` in some order."""
    known = [n for n in numbers if n is not None]
    return (len(known) == len(numbers) > 0 and len(set(known)) == len(known)
            and max(known) - min(known) == len(known) - 1)


def _one_way(values: list[int | None] | list[date | None]) -> bool:
    """Whether the known values (two or more) all rise, or all fall, from one to the next."""
    known = [v for v in values if v is not None]
    steps = {(b > a) - (b < a) for a, b in pairwise(known)}  # type: ignore[operator]
    return len(known) > 1 and len(steps) == 1 and 0 not in steps


def _seq_number(row: RawRow) -> int | None:
    value = row.fields.get("seq_label")
    if isinstance(value, Derived):
        return value.value if isinstance(value.value, int) else None
    if isinstance(value, Raw):
        digits = re.search(r"[0-9]+", to_arabic_digits(value.text))
        return int(digits.group()) if digits else None
    return None


def _direction(values: list[int | None] | list[date | None]) -> int:
    """``1`` when the known values mostly rise from one to the next, ``-1`` if they fall, else 0."""
    known = [v for v in values if v is not None]
    steps = [(b > a) - (b < a) for a, b in pairwise(known)]  # type: ignore[operator]
    total = sum(steps)
    return (total > 0) - (total < 0)


def progress_fell(latest: list[RawRow], out: Extraction) -> bool:
    """Whether the latest report's progress (``latest[0]``) is below an earlier report's.

    ``latest``: the report rows latest first (:func:`latest_first`). A form's progress
    is cumulative, so it never falls: a latest progress below one before it was read
    from another report's line (or misread) and is not the project's progress; an
    ``ocr_doubtful_value`` finding then says so. Unreadable progresses are left out.
    """
    read = [_percent(r.fields.get("progress_pct")) for r in latest]
    if not read or read[0] is None:
        return False
    before = [p for p in read[1:] if p is not None]
    if not before or read[0] >= max(before):
        return False
    out.findings.append(Finding(
        "projects", None, "progress_pct", "warning", "ocr_doubtful_value",
        f"the latest report's progress {read[0]} % is below an earlier report's "
        f"{max(before)} %: not taken as the project's progress"))
    return True


def _percent(value: object) -> Decimal | None:
    if not isinstance(value, Raw):
        return None
    try:
        return parse_percent(value.text)
    except NormalizeError:
        return None

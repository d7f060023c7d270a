"""Dates as the documents print them, in Buddhist or Common Era years.

Stage: normalize. Consumes raw text holding a date (``15/10/2562``,
``2019-10-01 00:00:00``, ``๑๙ กุมภาพันธ์ ๒๕๐๕``, ``16 มีนาคม 2018``,
``1 ต.ค. 2562``, ``31 กรกฎาคม - 3 สิงหาคม 2566``, ``30 Sep 2023``...); produces ``datetime.date``
values in the Common Era, or raises :class:`~bma_etl.errors.NormalizeError`.

Years: BE = CE + 543 applied uniformly (the pre-1941 calendar shift, when the
Thai year began on 1 April, does not concern these documents). Whether a year is
BE is decided by its value alone, never by the document: a four-digit year of
2400 or more is BE, a smaller one CE (``พ.ศ.`` before the year forces BE, ``ค.ศ.``
forces CE). A two-digit year is read only after a Thai month name
(``ต.ค. 62`` = BE 2562). An English month name (full or abbreviated, any case:
``30 Sep 2023``, ``30-SEP-2023``, ``September 30, 2023``) is read with a four-digit
year only, by the same rule (``30 Sep 2566`` is BE). pythainlp's ``thai_strptime``
is not used: it reads months 10-12 as January and rejects ``/`` and Thai digits.
"""

from __future__ import annotations

import re
from datetime import date

from pythainlp.util.date import thai_abbr_months, thai_full_month_lists, thai_full_months

from bma_etl.errors import NormalizeError
from bma_etl.normalize.digits import to_arabic_digits

__all__ = [
    "THAI_MONTH",
    "be_to_ce",
    "ce_to_be",
    "find_dates",
    "format_thai_date",
    "parse_date",
    "parse_date_range",
    "resolve_year",
]

BE_OFFSET = 543


def be_to_ce(year: int) -> int:
    """Buddhist-era year to Common Era.

    >>> be_to_ce(2562)
    2019
    """
    return year - BE_OFFSET


def ce_to_be(year: int) -> int:
    """Common Era year to Buddhist era.

    >>> ce_to_be(2019)
    2562
    """
    return year + BE_OFFSET


def resolve_year(year: int) -> int:
    """A printed four-digit year as a CE year: 2400 and above is BE, below is CE.

    >>> resolve_year(2562), resolve_year(2018), resolve_year(2443)
    (2019, 2018, 1900)
    >>> resolve_year(62)
    Traceback (most recent call last):
    ...
    bma_etl.errors.NormalizeError: year 62 is not a four-digit year
    """
    if not 1000 <= year <= 9999:
        raise NormalizeError(f"year {year} is not a four-digit year")
    return be_to_ce(year) if year >= 2400 else year


def _month_table() -> dict[str, int]:
    """Every printed month spelling (full, short, abbreviated) to its number."""
    table: dict[str, int] = {}
    for no, names in enumerate(thai_full_month_lists, start=1):
        for name in names:
            if not name.isdigit():
                table[name] = no
    for no, name in enumerate(thai_full_months, start=1):
        table[name] = no
    for no, name in enumerate(thai_abbr_months, start=1):
        table[name] = no
    return table


_MONTHS = _month_table()


def _month_pattern(name: str) -> str:
    # "ต.ค." is also printed "ต.ค", "ต. ค." or "ต.ค. ": keep the first dot required.
    if "." not in name:
        return re.escape(name)
    head, _, tail = name.rstrip(".").partition(".")
    return rf"{re.escape(head)}\.[ ]?{re.escape(tail)}\.?"


_MONTH = "|".join(_month_pattern(n) for n in sorted(_MONTHS, key=len, reverse=True))
#: Every printed spelling of a Thai month (full, short, abbreviated with or without its
#: dots' spaces), as a regex alternation: for the readers that find a date's place.
THAI_MONTH = _MONTH
_SP = r"[ \t\u00a0]*"  # spaces inside one line; a date never spans a line break
_ERA = r"(?:พ\.[ ]?ศ\.?|ค\.[ ]?ศ\.?)"
_SEP = rf"(?:{_SP}(?:-|–|—|ถึง(?:วันที่)?){_SP}|[ \t]+\?[ \t]+)"


def _thai(p: str, need: str = "year") -> str:
    """Day, Thai month, year; ``need`` is the last part that must be printed.

    ``need="year"``: a whole date; ``"month"``: the year may be missing;
    ``"day"``: the month and year may be missing (the first end of a range).
    """
    y = rf"(?:(?P<{p}e>{_ERA}){_SP})?(?P<{p}y>[0-9]{{4}}|[0-9]{{2}})(?![0-9])"
    dm = rf"(?<![0-9.,/])(?P<{p}d>[0-9]{{1,2}})"
    month = rf"{_SP}(?:เดือน{_SP})?(?P<{p}m>{_MONTH})"
    if need == "year":
        return rf"{dm}{month}{_SP}{y}"
    if need == "month":
        return rf"{dm}{month}(?:{_SP}{y})?"
    return rf"{dm}(?:{month}(?:{_SP}{y})?)?"


#: An ISO date's year, or one with a space OCR put between two of its digits (``201 7``).
_ISO_YEAR = "[0-9]{4}|[0-9] [0-9]{3}|[0-9]{2} [0-9]{2}|[0-9]{3} [0-9]"


def _numeric(p: str) -> str:
    """Day/month/year with one separator, or ISO year-month-day with optional time.

    An ISO day followed by a bracket and a digit (``2021-09-3(0)``, OCR's reading of
    ``30``) is no date: its day is not all read.
    """
    dmy = (
        rf"(?<![0-9])(?P<{p}d>[0-9]{{1,2}})(?:{_SP}/{_SP}(?P<{p}m>[0-9]{{1,2}}){_SP}/{_SP}"
        rf"|(?P<{p}s>[.-])(?P<{p}m2>[0-9]{{1,2}})(?P={p}s))(?P<{p}y>[0-9]{{4}})(?![0-9])"
    )
    iso = (
        rf"(?<![0-9])(?P<{p}iy>{_ISO_YEAR}) ?- ?(?P<{p}im>[0-9]{{1,2}}) ?- ?(?P<{p}id>[0-9]{{1,2}})"
        r"(?![0-9]|[(\[{][0-9])(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?(?![0-9]))?"
    )
    return rf"(?:{dmy}|{iso})"


#: English month names, full and abbreviated (``Sept`` too), to their numbers.
_ENGLISH_MONTHS = {name: no for no, full in enumerate((
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december"), start=1) for name in (full, full[:3])} | {"sept": 9}
_EN_MONTH = ("(?<![A-Za-z])(?i:" + "|".join(sorted(_ENGLISH_MONTHS, key=len, reverse=True))
             + r")\.?(?![A-Za-z])")
#: ``30 Sep 2023``, ``30-Sep-2023``, ``30 September, 2023``; ``Sep 30, 2023``.
_ENGLISH = (rf"(?<![0-9.,/])(?P<ed>[0-9]{{1,2}})(?:{_SP}|-)(?P<em>{_EN_MONTH})"
            rf"(?:,?{_SP}|-)(?P<ey>[0-9]{{4}})(?![0-9])"
            rf"|(?P<fm>{_EN_MONTH}){_SP}(?P<fd>[0-9]{{1,2}}),?{_SP}(?P<fy>[0-9]{{4}})(?![0-9])")

_SCAN = re.compile(
    rf"(?P<rt>(?P<ra>{_thai('a', 'day')}){_SEP}(?P<rb>{_thai('b')}))"
    rf"|(?P<rn>(?P<rna>{_numeric('na')}){_SEP}(?P<rnb>{_numeric('nb')}))"
    rf"|(?P<t>{_thai('t', 'month')})"
    rf"|(?P<n>{_numeric('n')})"
    rf"|(?P<e>{_ENGLISH})"
    rf"|(?P<my>(?P<mym>{_MONTH}){_SP}(?:{_ERA}{_SP})?(?:[0-9]{{4}}|[0-9]{{2}})(?![0-9]))"
)


def _year(m: re.Match[str], p: str) -> int:
    """CE year of group ``p`` (``ค.ศ.``/``พ.ศ.`` forcing the era, else by value)."""
    raw = m.group(f"{p}y")
    era = (m.group(f"{p}e") or "").replace(" ", "")
    year = int(raw)
    if len(raw) == 2:
        return 2000 + year if era.startswith("ค") else be_to_ce(2500 + year)
    if era.startswith("พ"):
        return be_to_ce(year)
    if era.startswith("ค"):
        return year
    return resolve_year(year)


def _month_no(text: str) -> int:
    return _MONTHS[re.sub(r"[ ]", "", text).rstrip(".") + ("." if "." in text else "")]


def _make(s: str, y: int, mo: int, d: int) -> date:
    try:
        return date(y, mo, d)
    except ValueError as exc:
        raise NormalizeError(f"{s!r} is not a date: {d}/{mo}/{y} does not exist") from exc


def _numeric_date(s: str, m: re.Match[str], p: str) -> date:
    if m.group(f"{p}iy"):
        return _make(
            s, resolve_year(int(m.group(f"{p}iy").replace(" ", ""))), int(m.group(f"{p}im")),
            int(m.group(f"{p}id"))
        )
    month = m.group(f"{p}m") or m.group(f"{p}m2")
    return _make(s, resolve_year(int(m.group(f"{p}y"))), int(month), int(m.group(f"{p}d")))


# One match of _SCAN read into dates: (kind, [(date, start, end), ...]).
_Found = tuple[str, list[tuple[date, int, int]]]


def _read(s: str, m: re.Match[str]) -> _Found:
    """Turn one scanner match into its dates; raises for dates that do not exist."""
    if m.group("rt"):
        b_y, b_m = _year(m, "b"), _month_no(m.group("bm"))
        end = _make(s, b_y, b_m, int(m.group("bd")))
        a_m = _month_no(m.group("am")) if m.group("am") else b_m
        a_y = _year(m, "a") if m.group("ay") else b_y
        if not m.group("ay") and a_m > b_m:  # "25 ธ.ค. - 3 ม.ค. 2563" crosses a year end
            a_y -= 1
        start = _make(s, a_y, a_m, int(m.group("ad")))
        if start > end:
            raise NormalizeError(f"{s!r} is not a date range: it ends before it starts")
        return "range", [(start, *m.span("ra")), (end, *m.span("rb"))]
    if m.group("rn"):
        start, end = _numeric_date(s, m, "na"), _numeric_date(s, m, "nb")
        if start > end:
            raise NormalizeError(f"{s!r} is not a date range: it ends before it starts")
        return "range", [(start, *m.span("rna")), (end, *m.span("rnb"))]
    if m.group("t"):
        if not m.group("ty"):
            return "no_year", []
        d = _make(s, _year(m, "t"), _month_no(m.group("tm")), int(m.group("td")))
        return "date", [(d, *m.span("t"))]
    if m.group("n"):
        return "date", [(_numeric_date(s, m, "n"), *m.span("n"))]
    if m.group("e"):
        p = "e" if m.group("ed") else "f"
        month = _ENGLISH_MONTHS[m.group(f"{p}m").rstrip(".").lower()]
        return "date", [(_make(s, resolve_year(int(m.group(f"{p}y"))), month,
                               int(m.group(f"{p}d"))), *m.span("e"))]
    return "month", []


def _scan(s: str) -> list[_Found]:
    text = to_arabic_digits(s)
    return [_read(s, m) for m in _SCAN.finditer(text)]


def _single(s: str, allow_range: bool) -> list[tuple[date, int, int]]:
    """The one date (or range) in ``s``; every other outcome is an error."""
    found = _scan(s)
    dated = [f for f in found if f[0] in ("date", "range")]
    if not dated:
        if any(k == "no_year" for k, _ in found):
            raise NormalizeError(f"{s!r} is not a date: it has no year")
        if any(k == "month" for k, _ in found):
            raise NormalizeError(f"{s!r} is not a date: it names a month, not a day")
        raise NormalizeError(f"{s!r} is not a date: no date in it")
    values = {tuple(d for d, _, _ in dates) for _, dates in dated}
    if len(values) > 1:
        raise NormalizeError(f"{s!r} is not one date: it holds several")
    kind, dates = dated[0]
    if kind == "range" and not allow_range:
        raise NormalizeError(f"{s!r} is not one date: it is a range")
    return dates


def parse_date(s: str) -> date:
    """The one date in ``s``, in any printed form, as a CE date.

    The same date written twice (``29/09/2566 (2023-09-29)``) counts as one.

    >>> parse_date("15/10/2562"), parse_date("2022-10-01 00:00:00.000")
    (datetime.date(2019, 10, 15), datetime.date(2022, 10, 1))
    >>> parse_date("๑๙ กุมภาพันธ์ ๒๕๐๕"), parse_date("16 มีนาคม 2018")
    (datetime.date(1962, 2, 19), datetime.date(2018, 3, 16))
    >>> parse_date("1 ต.ค. 2562"), parse_date("(2023-09-29)"), parse_date("2566-01-15")
    (datetime.date(2019, 10, 1), datetime.date(2023, 9, 29), datetime.date(2023, 1, 15))
    >>> parse_date("30 Sep 2023"), parse_date("September 30, 2566")  # an English month
    (datetime.date(2023, 9, 30), datetime.date(2023, 9, 30))
    >>> parse_date("2020-10- 01 00:00:00 -"), parse_date("201 7-09-30")  # spaces OCR put in
    (datetime.date(2020, 10, 1), datetime.date(2017, 9, 30))
    >>> parse_date("12 - 16 มีนาคม 2018")
    Traceback (most recent call last):
    ...
    bma_etl.errors.NormalizeError: '12 - 16 มีนาคม 2018' is not one date: it is a range
    """
    return _single(s, allow_range=False)[0][0]


def parse_date_range(s: str) -> tuple[date, date]:
    """The one date range in ``s`` as (first day, last day); one date gives (d, d).

    >>> parse_date_range("31 กรกฎาคม - 3 สิงหาคม 2566")
    (datetime.date(2023, 7, 31), datetime.date(2023, 8, 3))
    >>> parse_date_range("25 ธ.ค. 2562 - 3 ม.ค. 2563")
    (datetime.date(2019, 12, 25), datetime.date(2020, 1, 3))
    >>> parse_date_range("1-2 สิงหาคม 2566")
    (datetime.date(2023, 8, 1), datetime.date(2023, 8, 2))
    >>> parse_date_range("15/10/2562")
    (datetime.date(2019, 10, 15), datetime.date(2019, 10, 15))
    """
    dates = _single(s, allow_range=True)
    return dates[0][0], dates[-1][0]


def find_dates(s: str) -> list[tuple[date, int, int]]:
    """Every date, and each end of every date range, in free text with its offsets.

    Offsets index ``s`` itself. A range's first end spans only what is printed for
    it (the ``12`` of ``12 - 16 มีนาคม 2018``). Text that looks like a date but names
    no real day (``31/02/2563``), or lacks a day or year, is skipped.

    >>> s = "ระหว่างวันที่ 12 - 16 มีนาคม 2018 ลงวันที่ 11 พฤษภาคม 2561"
    >>> [(d.isoformat(), s[a:b]) for d, a, b in find_dates(s)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('2018-03-12', '12'), ('2018-03-16', '16 มีนาคม 2018'),
     ('2018-05-11', '11 พฤษภาคม 2561')]
    """
    text = to_arabic_digits(s)
    out: list[tuple[date, int, int]] = []
    for m in _SCAN.finditer(text):
        try:
            out.extend(_read(s, m)[1])
        except NormalizeError:
            continue
    return out


_FORMS = ("slash_be", "iso", "iso_time", "iso_ms", "full_be", "abbr_be", "full_ce", "paren_iso")
_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def format_thai_date(d: date, form: str, thai_digits: bool = False) -> str:
    """Write ``d`` the way the documents do; the inverse of :func:`parse_date`.

    Forms: ``slash_be``, ``iso``, ``iso_time``, ``iso_ms``, ``full_be``, ``abbr_be``,
    ``full_ce``, ``paren_iso``.

    >>> d = date(2019, 10, 15)
    >>> format_thai_date(d, "slash_be"), format_thai_date(d, "abbr_be")
    ('15/10/2562', '15 ต.ค. 2562')
    >>> format_thai_date(d, "full_be", thai_digits=True)
    '๑๕ ตุลาคม ๒๕๖๒'
    """
    be = ce_to_be(d.year)
    iso = f"{d.year:04d}-{d.month:02d}-{d.day:02d}"
    texts = {
        "slash_be": f"{d.day}/{d.month}/{be}",
        "iso": iso,
        "iso_time": f"{iso} 00:00:00",
        "iso_ms": f"{iso} 00:00:00.000",
        "full_be": f"{d.day} {thai_full_months[d.month - 1]} {be}",
        "abbr_be": f"{d.day} {thai_abbr_months[d.month - 1]} {be}",
        "full_ce": f"{d.day} {thai_full_months[d.month - 1]} {d.year}",
        "paren_iso": f"({iso})",
    }
    if form not in texts:
        raise NormalizeError(f"{form!r} is not a date form; use one of {', '.join(_FORMS)}")
    text = texts[form]
    return text.translate(_THAI_DIGITS) if thai_digits else text

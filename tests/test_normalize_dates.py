from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bma_etl.errors import NormalizeError
from bma_etl.normalize.dates import (
    be_to_ce,
    ce_to_be,
    find_dates,
    format_thai_date,
    parse_date,
    parse_date_range,
    resolve_year,
)

FORMS = ["slash_be", "iso", "iso_time", "iso_ms", "full_be", "abbr_be", "full_ce", "paren_iso"]
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def test_era_conversion():
    assert be_to_ce(2563) == 2020
    assert ce_to_be(2020) == 2563
    assert be_to_ce(ce_to_be(1900)) == 1900


@pytest.mark.parametrize(
    ("year", "expected"), [(2563, 2020), (2400, 1857), (2399, 2399), (2018, 2018), (1900, 1900)]
)
def test_resolve_year_by_value(year, expected):
    assert resolve_year(year) == expected


@pytest.mark.parametrize("year", [62, 999, 10000])
def test_resolve_year_rejects_non_four_digit(year):
    with pytest.raises(NormalizeError):
        resolve_year(year)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/10/2562", date(2019, 10, 15)),  # 000 report rows
        ("17/1/2563", date(2020, 1, 17)),
        ("29/09/2566", date(2023, 9, 29)),  # 001 history entries
        ("2019-10-01 00:00:00", date(2019, 10, 1)),  # 000 เริ่มต้นโครงการ
        ("2022-10-01 00:00:00.000", date(2022, 10, 1)),  # 004 Start Date
        ("(2023-09-29)", date(2023, 9, 29)),  # 001 heading
        ("2566-01-15", date(2023, 1, 15)),  # BE year in ISO order
        ("๑๙ กุมภาพันธ์ ๒๕๐๕", date(1962, 2, 19)),  # 004 narrative
        ("16 มีนาคม 2018", date(2018, 3, 16)),  # 000: a CE year in a Thai sentence
        ("11 พฤษภาคม 2561", date(2018, 5, 11)),
        ("1 ต.ค. 2562", date(2019, 10, 1)),
        ("1 ต.ค 2562", date(2019, 10, 1)),
        ("1 ต. ค. 2562", date(2019, 10, 1)),
        ("1 ต.ค. 62", date(2019, 10, 1)),  # two-digit BE year after a month
        ("วันที่ 1 ตุลาคม พ.ศ. 2562", date(2019, 10, 1)),
        ("วันที่ 15 เดือนตุลาคม พ.ศ.2562", date(2019, 10, 15)),
        ("1 มกราคม ค.ศ. 2019", date(2019, 1, 1)),
        ("2 พ.ย.2562", date(2019, 11, 2)),
        ("15/10/ 2562", date(2019, 10, 15)),  # OCR space
        ("201 7-09-30 00:00:00.000", date(2017, 9, 30)),  # OCR space inside the year
        ("2 566-01-15", date(2023, 1, 15)),
        ("15 / 10 / 2562", date(2019, 10, 15)),
        ("15-10-2562", date(2019, 10, 15)),
        (":: 15/10/2562 : อยู่ระหว่างขั้นตอนการประสานงาน", date(2019, 10, 15)),
        ("29/09/2566 (2023-09-29)", date(2023, 9, 29)),  # the same date twice
        ("๑๕/๑๐/๒๕๖๒", date(2019, 10, 15)),
    ],
)
def test_parse_date_examples(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("ต.ค. 62", "names a month"),
        ("ตุลาคม 2562", "names a month"),
        ("15 ตุลาคม", "has no year"),
        ("12 - 16 มีนาคม 2018", "is a range"),
        ("31/02/2563", "does not exist"),
        ("29 กุมภาพันธ์ 2562", "does not exist"),  # 2019 is not a leap year
        ("ไม่มีข้อมูล", "no date"),
        ("", "no date"),
        ("15/10/62", "no date"),  # two-digit years only after a Thai month name
        ("15/10/2562 และ 18/11/2562", "several"),
        ("2021-09-3(0) 00:00:00", "no date"),  # OCR's ``30``: its day not all read
        ("2021-09-3[0]", "no date"),
    ],
)
def test_parse_date_rejects(text, why):
    with pytest.raises(NormalizeError) as exc:
        parse_date(text)
    assert why in str(exc.value)
    assert repr(text) in str(exc.value)


def test_leap_day_in_be():
    assert parse_date("29 กุมภาพันธ์ 2563") == date(2020, 2, 29)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 - 16 มีนาคม 2018", (date(2018, 3, 12), date(2018, 3, 16))),  # 000
        ("31 กรกฎาคม - 3 สิงหาคม 2566", (date(2023, 7, 31), date(2023, 8, 3))),  # 001
        ("4 – 7 พฤศจิกายน 2562", (date(2019, 11, 4), date(2019, 11, 7))),
        ("4 ? 7 พฤศจิกายน 2562", (date(2019, 11, 4), date(2019, 11, 7))),  # 002 lost dash
        ("1-2 สิงหาคม 2566", (date(2023, 8, 1), date(2023, 8, 2))),  # 001
        ("15-17 มิถุนายน 2566", (date(2023, 6, 15), date(2023, 6, 17))),
        ("25 ธ.ค. 2562 - 3 ม.ค. 2563", (date(2019, 12, 25), date(2020, 1, 3))),
        ("25 ธ.ค. - 3 ม.ค. 2563", (date(2019, 12, 25), date(2020, 1, 3))),
        ("10 ถึง 12 ตุลาคม 2562", (date(2019, 10, 10), date(2019, 10, 12))),
        ("15/10/2562 - 20/10/2562", (date(2019, 10, 15), date(2019, 10, 20))),
        ("2022-10-01 - 2023-09-30", (date(2022, 10, 1), date(2023, 9, 30))),
        ("๑๕ กรกฎาคม ๒๕๖๔ - ๑๔ กรกฎาคม ๒๕๖๕", (date(2021, 7, 15), date(2022, 7, 14))),
        ("15/10/2562", (date(2019, 10, 15), date(2019, 10, 15))),
    ],
)
def test_parse_date_range_examples(text, expected):
    assert parse_date_range(text) == expected


@pytest.mark.parametrize(
    "text", ["16 - 12 มีนาคม 2018", "31 - 32 มีนาคม 2018", "ต.ค. 2562 - ก.ย. 2563", "ไม่มี"]
)
def test_parse_date_range_rejects(text):
    with pytest.raises(NormalizeError):
        parse_date_range(text)


def test_find_dates_offsets_slice_the_text():
    s = open_sample("001_c025c6fdd2ac5ca8.txt")
    found = find_dates(s)
    for d, start, end in found:
        piece = s[start:end]
        try:
            assert parse_date(piece) == d
        except NormalizeError:
            # A range's first end may lack its month or year ("15" of "15-17 มิถุนายน 2566").
            assert int(piece.split()[0]) == d.day
    iso_at = s.index("(2023-09-29)") + 1
    assert (date(2023, 9, 29), iso_at, iso_at + 10) in found
    assert next(d for d, a, b in found if s[a:b] == "31 กรกฎาคม") == date(2023, 7, 31)
    assert len([d for d, _, _ in found if d == date(2023, 8, 3)]) == 2


def test_find_dates_on_narrative():
    s = "ระหว่างวันที่ 12 - 16 มีนาคม 2018 ตามหนังสือ ที่ กท 0410/869 ลงวันที่ 11 พฤษภาคม 2561"
    assert [(d, s[a:b]) for d, a, b in find_dates(s)] == [
        (date(2018, 3, 12), "12"),
        (date(2018, 3, 16), "16 มีนาคม 2018"),
        (date(2018, 5, 11), "11 พฤษภาคม 2561"),
    ]


def test_find_dates_skips_non_dates():
    s = "รหัส 04160000-3949 ช่วง ต.ค. 2562 - ก.ย. 2563 วันที่ 31/02/2563 มิติที่ 1.13"
    assert find_dates(s) == []


def test_find_dates_thai_digits_keep_offsets():
    s = "ตั้งแต่วันที่ ๑๙ กุมภาพันธ์ ๒๕๐๕ จนกระทั่ง"
    [(d, a, b)] = find_dates(s)
    assert d == date(1962, 2, 19)
    assert s[a:b] == "๑๙ กุมภาพันธ์ ๒๕๐๕"


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("slash_be", "15/10/2562"),
        ("iso", "2019-10-15"),
        ("iso_time", "2019-10-15 00:00:00"),
        ("iso_ms", "2019-10-15 00:00:00.000"),
        ("full_be", "15 ตุลาคม 2562"),
        ("abbr_be", "15 ต.ค. 2562"),
        ("full_ce", "15 ตุลาคม 2019"),
        ("paren_iso", "(2019-10-15)"),
    ],
)
def test_format_thai_date(form, expected):
    assert format_thai_date(date(2019, 10, 15), form) == expected


def test_format_thai_date_unknown_form():
    with pytest.raises(NormalizeError):
        format_thai_date(date(2019, 10, 15), "roman")


def _extra_forms(d: date) -> list[str]:
    from pythainlp.util.date import thai_abbr_months, thai_full_months

    be = d.year + 543
    return [
        f"{d.day:02d}/{d.month:02d}/{be}",
        f"{d.day}/{d.month}/ {be}",
        f"วันที่ {d.day} {thai_full_months[d.month - 1]} พ.ศ. {be}",
        f"{d.day} {thai_abbr_months[d.month - 1]} ค.ศ. {d.year}",
        f"{d.year}-{d.month:02d}-{d.day:02d}T00:00:00",
    ]


@settings(max_examples=200, deadline=None)
@given(
    d=st.dates(date(1900, 1, 1), date(2100, 12, 31)),
    form=st.sampled_from(FORMS),
    thai=st.booleans(),
    context=st.sampled_from([("", ""), ("วันที่ ", " เป็นต้นไป"), (":: ", " : ")]),
)
def test_every_date_in_every_form_round_trips(d, form, thai, context):
    text = context[0] + format_thai_date(d, form, thai_digits=thai) + context[1]
    assert parse_date(text) == d


@settings(max_examples=200, deadline=None)
@given(d=st.dates(date(1900, 1, 1), date(2100, 12, 31)), thai=st.booleans())
def test_extra_written_forms_round_trip(d, thai):
    for text in _extra_forms(d):
        assert parse_date(text.translate(THAI) if thai else text) == d


@settings(max_examples=200, deadline=None)
@given(
    a=st.dates(date(1900, 1, 1), date(2100, 12, 31)),
    days=st.integers(0, 400),
    form=st.sampled_from(["full_be", "abbr_be", "slash_be", "iso"]),
)
def test_date_range_round_trip(a, days, form):
    from datetime import timedelta

    b = min(a + timedelta(days=days), date(2100, 12, 31))
    text = f"{format_thai_date(a, form)} - {format_thai_date(b, form)}"
    assert parse_date_range(text) == (a, b)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_date_parsers_return_value_or_normalize_error(text):
    for parser in (parse_date, parse_date_range):
        try:
            parser(text)
        except NormalizeError:
            pass
    for d, a, b in find_dates(text):
        assert 0 <= a < b <= len(text)
        assert isinstance(d, date)


def open_sample(name: str) -> str:
    from pathlib import Path

    return (Path(__file__).resolve().parent.parent / "samples" / name).read_text(encoding="utf-8")

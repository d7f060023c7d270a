from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bma_etl.errors import NormalizeError
from bma_etl.normalize.fiscal import fiscal_year_be, fiscal_year_bounds, in_fiscal_year


@pytest.mark.parametrize(
    ("d", "fy"),
    [
        (date(2019, 10, 1), 2563),  # 000: FY 2563 starts 2019-10-01
        (date(2020, 9, 29), 2563),  # 000: สิ้นสุดโครงการ 2020-09-29
        (date(2020, 9, 30), 2563),
        (date(2019, 9, 30), 2562),
        (date(2022, 10, 1), 2566),  # 004 Start Date, ปี2566
        (date(2023, 9, 30), 2566),
    ],
)
def test_fiscal_year_be(d, fy):
    assert fiscal_year_be(d) == fy


def test_fiscal_year_bounds():
    assert fiscal_year_bounds(2563) == (date(2019, 10, 1), date(2020, 9, 30))
    assert fiscal_year_bounds(2566) == (date(2022, 10, 1), date(2023, 9, 30))


def test_fiscal_year_bounds_rejects_ce_year():
    with pytest.raises(NormalizeError):
        fiscal_year_bounds(2020)


def test_in_fiscal_year():
    assert in_fiscal_year(date(2019, 10, 1), 2563)
    assert not in_fiscal_year(date(2019, 9, 30), 2563)
    assert not in_fiscal_year(date(2020, 10, 1), 2563)


DATES = st.dates(date(1900, 1, 1), date(2100, 12, 31))


@settings(max_examples=200, deadline=None)
@given(d=DATES, fy=st.integers(2443, 2644))
def test_bounds_contain_exactly_the_dates_of_that_year(d, fy):
    start, end = fiscal_year_bounds(fy)
    assert (start <= d <= end) == (fiscal_year_be(d) == fy) == in_fiscal_year(d, fy)


@settings(max_examples=200, deadline=None)
@given(fy=st.integers(2444, 2643))
def test_bounds_are_tight(fy):
    start, end = fiscal_year_bounds(fy)
    assert fiscal_year_be(start) == fiscal_year_be(end) == fy
    assert fiscal_year_be(start - timedelta(days=1)) == fy - 1
    assert fiscal_year_be(end + timedelta(days=1)) == fy + 1

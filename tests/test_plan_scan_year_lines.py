"""Target tables whose year line OCR damaged past a line of years, on generated plans.

Plans are generated from known values (``bench/corpus``); their target tables are
printed flowing and damaged as :mod:`test_plan_scan_tables` damages them, and the
year line further the ways Tesseract damaged it on the held-out 300 dpi 1-bit
scans (seeds 59 and 71): a year's first ``๒`` lost behind a rule's trace
(``|๕๒๐๐`` for ``๒๕๖๐``), a rule read as three specks (``|]ไ๒๕๒๓``), a year read
with a letter and a Latin digit (``๒๕๒อ๒9``). The year line is still the table's
(one column per year, every row read); a year OCR misread as another year is not
read: each year is the generated one or NULL, never another. The truth is the
generated values.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from bma_etl.layouts.plan_flow_years import misread_year_spans
from test_plan_scan_tables import _YEARS, _ocr_print, _years_damaged, targets_read

from corpus.build import GENERATORS


def _years_worse(line: str, rng: random.Random) -> str:
    """The year line as :func:`_years_damaged` reads it, then one year's ``๒`` lost behind
    a rule's trace, another's rule read as three specks or with a letter and a Latin digit."""
    years = _years_damaged(line, rng).split()
    digits = [k for k, y in enumerate(years) if y.lstrip("|]ไ").startswith("๒")]
    if len(digits) < 2:
        return " ".join(years)
    lost, other = rng.sample(digits, 2)
    years[lost] = "|" + years[lost].lstrip("|]ไ")[1:]
    years[other] = rng.choice(("|]ไ" + years[other].lstrip("|]ไ"),
                               years[other].lstrip("|]ไ")[:3] + "อ๒9"))
    return " ".join(years)


def _plan(seed: int) -> tuple[Any, str]:
    """A plan printed in Thai digits whose year lines the damage takes past a line of years."""
    for k in range(50):
        rng = random.Random(seed * 1000 + k)
        generated = GENERATORS["plan"](rng)
        text = "\n".join(_years_worse(line, rng) if _YEARS.match(line) else line
                         for line in generated.text.split("\n"))
        damaged = [line for line in text.split("\n") if line.startswith("|") or "|" in line[:12]]
        if damaged and not any(misread_year_spans(line) for line in damaged):
            return generated, _ocr_print(text, rng)
    pytest.fail("no plan whose year line the test damages")


@pytest.mark.parametrize("seed", range(6))
def test_target_table_whose_year_line_ocr_damaged_is_read(seed: int) -> None:
    generated, text = _plan(seed)
    want = generated.tables["plan_indicators"]
    got = targets_read(text, want)
    # a year is the generated one or not read, never another
    assert all(r.year_be in (None, w["year_be"]) for r, w in zip(got, want, strict=True))


def _speck_before_a_year(line: str) -> str:
    """The year line with a speck read as a digit alone before its last year, and that
    year's first digit misread (``2559 2560 6 9561`` for ``2559 2560 2561``: a 300 dpi
    grey scan)."""
    years = line.split()
    years[-1] = "6 9" + years[-1][1:]
    return " ".join(years)


@pytest.mark.parametrize("seed", range(6))
def test_target_table_whose_year_line_has_a_digit_speck_before_a_year_is_read(
        seed: int) -> None:
    """``6 9561`` is one year column, not a line that is no year line: the table's rows
    are read, one per year column, each year the generated one or NULL."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    text = "\n".join(_speck_before_a_year(line) if _YEARS.match(line) else line
                     for line in generated.text.split("\n"))
    assert " 6 9" in text, "the generated plan has a target table"
    want = generated.tables["plan_indicators"]
    got = targets_read(_ocr_print(text, rng), want)
    assert all(r.year_be in (None, w["year_be"]) for r, w in zip(got, want, strict=True))


def _sign_after_years(line: str) -> str:
    """The year line with a sign OCR read after the last digit of every other year
    (``๒๕๒๕ ๒๕»๒5»``, ``๒๕๒๓์ ๒๕๒๕``: 200 and 300 dpi scans), the rest as printed."""
    years = line.split()
    return " ".join(y + ("»" if k % 4 == 1 else "์") if k % 2 else y
                    for k, y in enumerate(years))


@pytest.mark.parametrize("seed", range(6))
def test_target_table_whose_years_end_in_a_sign_is_read(seed: int) -> None:
    """A sign after a year's digits (``๒๕๒5»``) leaves the year a column: the table's
    rows are read, one per year column, each year the generated one or NULL."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    text = "\n".join(_sign_after_years(line) if _YEARS.match(line) else line
                     for line in generated.text.split("\n"))
    assert "»" in text, "the generated plan has a target table"
    want = generated.tables["plan_indicators"]
    got = targets_read(_ocr_print(text, rng), want)
    assert all(r.year_be in (None, w["year_be"]) for r, w in zip(got, want, strict=True))

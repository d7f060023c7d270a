"""A legacy form whose fiscal year is printed with two digits (``ปีงบประมาณ พ.ศ. : 67``).

Thai offices shorten a Buddhist-era year to its last two digits (``ต.ค. 66``, report
dates ``16/2/62``), and the form's fiscal year is no exception. ``67`` was NULL with
an issue; it is the era's 2567, a derived value whose note names what was printed
(:func:`bma_etl.layouts.legacy_year.fiscal_year`). Three digits are no year (NULL).

Forms are generated from known values (bench/corpus ``legacy_tab``, ``legacy_pipe``,
``legacy_long``); their fiscal year is printed shortened from the generated year; the
truth is the generated values.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.legacy_progress_form import extract

from corpus.build import GENERATORS
from read_back import records_of

_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _with_year(text: str, printed: str) -> str:
    text, count = re.subn(r"^(ปีงบประมาณ พ\.ศ\. : ).*$", lambda m: m[1] + printed, text,
                          flags=re.M)
    assert count == 1
    return text


@pytest.mark.parametrize("ocr", [False, True])
@pytest.mark.parametrize("thai", [False, True])
@pytest.mark.parametrize("generator", ["legacy_tab", "legacy_pipe", "legacy_long"])
@pytest.mark.parametrize("seed", range(3))
def test_a_two_digit_fiscal_year_is_the_buddhist_eras(
        seed: int, generator: str, thai: bool, ocr: bool) -> None:
    generated = GENERATORS[generator](random.Random(seed))
    want = generated.tables["projects"][0]
    short = f"{want['fiscal_year_be'] % 100:02d}"
    text = _with_year(generated.text, short.translate(_THAI) if thai else short)
    got = records_of(extract, text, ocr_used=ocr, screened=False)["projects"][0]
    assert got.fiscal_year_be == want["fiscal_year_be"]
    assert (got.project_code, got.start_date.isoformat()) == (
        want["project_code"], want["start_date"])


@pytest.mark.parametrize("generator", ["legacy_tab", "legacy_pipe"])
def test_three_digits_are_no_fiscal_year(generator: str) -> None:
    generated = GENERATORS[generator](random.Random(7))
    year = generated.tables["projects"][0]["fiscal_year_be"]
    text = _with_year(generated.text, f"{year % 1000}")
    got = records_of(extract, text, ocr_used=False, screened=False)["projects"][0]
    assert got.fiscal_year_be is None

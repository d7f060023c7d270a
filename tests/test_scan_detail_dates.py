"""A project-detail page's start and finish dates as a scan's OCR read their dashes.

Detail pages are generated from known values (``bench/corpus``); their ISO dates are
then damaged as Tesseract read one on a grey scan at 200 dpi (``Finish
Date2017-09- -30 00:00:00.000``: a dash read twice, a space between). The truth is
the generated dates: the digits are whole, so the date they state is read; a date
whose digits OCR damaged stays NULL.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.web_project_detail import extract as detail

from corpus.build import GENERATORS
from read_back import records_of

_DATE = re.compile(r"(?<=Date)([0-9]{4})-([0-9]{2})-([0-9]{2})")
#: A dash OCR read twice, with or without a space between, or spaced.
_DASHES = ("- -", "--", " - ", "-- ")


@pytest.mark.parametrize("generator", ["web_detail", "web_detail_long"])
@pytest.mark.parametrize("seed", range(4))
def test_detail_dates_whose_dashes_ocr_doubled_or_spaced(generator: str, seed: int) -> None:
    """``2017-09- -30``, ``2016--10-01``: the dates their digits state."""
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    text = _DATE.sub(lambda m: rng.choice(_DASHES).join(m.groups()), generated.text)
    assert not _DATE.search(text)
    [project] = records_of(detail, text, screened=False)["projects"]
    [want] = generated.tables["projects"]
    assert (str(project.start_date), str(project.end_date)) == (want["start_date"],
                                                                want["end_date"])


def test_detail_date_whose_digit_ocr_lost_is_not_read() -> None:
    """``2017-09- -3``: a digit lost, no date is guessed."""
    generated = GENERATORS["web_detail"](random.Random(0))
    text = re.sub(r"(?<=Finish Date)([0-9]{4})-([0-9]{2})-([0-9])[0-9]", r"\1-\2- -\3",
                  generated.text)
    [project] = records_of(detail, text, screened=False)["projects"]
    assert project.end_date is None

"""A legacy form's report progress written with a decimal comma (``= 80,00 %``).

Forms are generated from known values (``bench/corpus``); each report's progress is
printed with a comma for its decimal point, as a form typed with a European decimal
comma (or OCR reading the point as a comma) gives it. The progress was lost (NULL
with an issue: ``80,00`` is no well-formed number). Two digits after the comma are
no thousands group, and a percent is at most 100: the comma is the point, in typed
and OCR'd text alike.

The truth is the generated values: every report's progress and the project's latest.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.legacy_progress_form import extract

from corpus.build import GENERATORS
from read_back import records_of

_PROGRESS = re.compile(r"(ความก้าวหน้าของงานฯ = )([0-9๐-๙]{1,3})\.([0-9๐-๙]{2})( ?%)")


@pytest.mark.parametrize("ocr", [False, True])
@pytest.mark.parametrize("generator", ["legacy_tab", "legacy_pipe", "legacy_long"])
@pytest.mark.parametrize("seed", range(3))
def test_progress_with_a_decimal_comma_reads_as_generated(seed: int, generator: str,
                                                          ocr: bool) -> None:
    generated = GENERATORS[generator](random.Random(seed))
    text = _PROGRESS.sub(r"\1\2,\3\4", generated.text)
    assert text != generated.text
    records = records_of(extract, text, ocr_used=ocr, screened=False)
    got = [None if r.progress_pct is None else f"{r.progress_pct:.2f}"
           for r in records["progress_updates"]]
    assert got == [w["progress_pct"] for w in generated.tables["progress_updates"]]
    project = records["projects"][0]
    assert f"{project.progress_pct:.2f}" == generated.tables["projects"][0]["progress_pct"]

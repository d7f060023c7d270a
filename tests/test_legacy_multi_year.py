"""A legacy form whose fiscal year is a range: a multi-year project (``2566-2567``).

``ปีงบประมาณ พ.ศ. : 2566-2567`` was NULL with an ``unparsed_value`` issue saying the
value "is not a whole number". ``fiscal_year_be`` holds one fiscal year, the BE year it
ends in (the warehouse contract); a project over two or more of them has no one, and
picking the first would be a guess. It stays NULL, now with an ``ambiguous_value``
issue that names the range (:func:`bma_etl.layouts.legacy_year.year_range_finding`).

Forms are generated from known values (bench/corpus ``legacy_tab``, ``legacy_pipe``,
``legacy_long``); their fiscal year is printed as a range from the generated year; the
truth is the generated values (every other project field still read).
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.legacy_progress_form import extract
from bma_etl.normalize.fields import normalize

from corpus.build import GENERATORS
from read_back import records_of

RANGES = {
    "dash": lambda y: f"{y}-{y + 1}",
    "en_dash_spaced": lambda y: f"{y} – {y + 2}",
    "short_last": lambda y: f"{y}-{(y + 1) % 100}",
}


@pytest.mark.parametrize("ocr", [False, True])
@pytest.mark.parametrize("generator", ["legacy_tab", "legacy_pipe", "legacy_long"])
@pytest.mark.parametrize("form", sorted(RANGES))
@pytest.mark.parametrize("seed", range(2))
def test_a_range_of_fiscal_years_is_null_with_an_issue_naming_it(
        seed: int, form: str, generator: str, ocr: bool) -> None:
    generated = GENERATORS[generator](random.Random(seed))
    want = generated.tables["projects"][0]
    printed = RANGES[form](want["fiscal_year_be"])
    text, count = re.subn(r"^(ปีงบประมาณ พ\.ศ\. : ).*$", lambda m: m[1] + printed,
                          generated.text, flags=re.M)
    assert count == 1
    got = records_of(extract, text, ocr_used=ocr, screened=False)["projects"][0]
    assert got.fiscal_year_be is None
    assert (got.project_code, got.project_name, got.start_date.isoformat()) == (
        want["project_code"], want["project_name"], want["start_date"])
    doc = RepairedText.of(text, (), ocr_used=ocr)
    issues = [i for i in normalize(extract(doc), doc.text).findings
              if i.field == "fiscal_year_be"]
    assert [i.code for i in issues] == ["ambiguous_value"]
    assert printed in issues[0].message and "multi-year" in issues[0].message

"""Target tables whose year line OCR read with a sign for every rule, on generated plans.

Plans are generated from known values (``bench/corpus``); their target tables are
printed flowing and damaged as :mod:`test_plan_scan_tables` damages them, and the
rules between the year columns read as a sign standing apart between every two
years (``2561 : 2562 : 2563``: a 200 dpi grey scan). The signs and the spaces around
them were counted as more than a year line's specks: the line was no year line,
the table was not found and every target of it was lost. The truth is the
generated values; a year is the generated one or NULL, never another.
"""

from __future__ import annotations

import random

import pytest

from test_plan_scan_tables import _YEARS, _ocr_print, targets_read

from corpus.build import GENERATORS

#: What OCR read the rule between two year columns as.
_RULE_SIGNS = (":", ";", "|")


def _rules_as_signs(line: str, sign: str) -> str:
    """The year line with ``sign`` between every two years, spaced apart."""
    return f" {sign} ".join(line.split())


@pytest.mark.parametrize("seed", range(6))
def test_target_table_whose_year_rules_ocr_read_as_signs_is_read(seed: int) -> None:
    """``2561 : 2562 : 2563`` is a line of three year columns: the table's rows are read,
    one per year column, each year the generated one or NULL."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    sign = rng.choice(_RULE_SIGNS)
    text = "\n".join(_rules_as_signs(line, sign) if _YEARS.match(line) else line
                     for line in generated.text.split("\n"))
    assert f" {sign} " in text, "the generated plan has a target table"
    want = generated.tables["plan_indicators"]
    got = targets_read(_ocr_print(text, rng), want)
    assert all(r.year_be in (None, w["year_be"]) for r, w in zip(got, want, strict=True))

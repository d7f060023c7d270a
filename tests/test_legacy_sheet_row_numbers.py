"""A legacy form printed from a spreadsheet with its row numbers: the reports are read.

An outside tester's form, printed from a sheet with its headings, set the sheet's row
number in a column of its own before each report's label (``12⇥รายงานครั้งที่1⇥:: …``):
every report was lost (0 of 5 rows). The row number is no cell of the table.

Forms are generated from known values (bench/corpus ``legacy_tab``); each report's
first line gets a row number cell, its other lines an empty one, as a sheet's gutter;
the truth is the generated values.
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import pytest

from bma_etl.layouts.legacy_progress_form import extract

from corpus.build import GENERATORS
from read_back import records_of


@pytest.mark.parametrize("ocr", [False, True])
@pytest.mark.parametrize("seed", range(4))
def test_a_sheets_row_numbers_before_the_reports(seed: int, ocr: bool) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["legacy_tab"](rng)
    lines = generated.text.split("\n")
    start = next(k for k, ln in enumerate(lines) if ln.startswith("รายงานครั้งที่"))
    number = rng.randint(5, 40)
    for k in range(start, len(lines)):
        if lines[k].startswith("รายงานครั้งที่"):
            lines[k] = f"{number + k}\t{lines[k]}"
        elif lines[k].startswith("\t::"):
            lines[k] = f"\t{lines[k]}"
    got = records_of(extract, "\n".join(lines), ocr_used=ocr, screened=False)
    rows = generated.tables["progress_updates"]
    assert [(r.seq_label, r.report_date, r.progress_pct) for r in got["progress_updates"]] == [
        (r["seq_label"], date.fromisoformat(r["report_date"]), Decimal(r["progress_pct"]))
        for r in rows]

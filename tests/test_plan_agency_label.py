"""An action plan whose agency line after the title opens with a label.

An outside tester's plan printed ``หน่วยงาน : สำนักการระบายน้ำ กรุงเทพมหานคร`` under its
title: the agency and its parent were NULL (the line did not open with an
organisation's name). The label is passed over.

Plans are generated from known values (bench/corpus ``plan``); the agency line under
the title gets a label (and the cover's lines are left out, as a plan printed without
a cover); the truth is the generated values.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from read_back import records_of


@pytest.mark.parametrize("label", ["หน่วยงาน : ", "หน่วยงาน: ", "ส่วนราชการ : ",
                                   "หน่วยงานที่รับผิดชอบ : "])
@pytest.mark.parametrize("seed", range(3))
def test_a_labelled_agency_line_under_the_title(seed: int, label: str) -> None:
    generated = GENERATORS["plan"](random.Random(seed))
    want = generated.tables["plans"][0]
    line = f"\n{want['agency']} {want['parent_agency']}\n"
    at = generated.text.index("แผนปฏิบัติการประจำปี")  # the title; the cover before it
    text = generated.text[at:]
    assert text.count(line) == 1
    text = text.replace(line, f"\n{label}{line[1:]}")
    plan = records_of(extract, text, ocr_used=False, screened=False)["plans"][0]
    assert (plan.agency, plan.parent_agency, plan.fiscal_year_be) == (
        want["agency"], want["parent_agency"], want["fiscal_year_be"])

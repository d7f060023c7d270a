"""A SWOT heading whose words OCR read with a look-alike letter and whose bracket it misread.

Plans are generated from known values (``bench/corpus``); one SWOT heading is written
as Tesseract read it on a 1-bit 200 dpi scan of a LibreOffice print (seed 5203):
``จุดอ่อน (Weakness)`` as ``จุตอ่อน (ห/๑ท๕55)``, DO DEK read as TO TAO and the English
word as signs; ``จุดแข็ง (Strength)`` as ``จุดแซ็ง (5๓เ6ก)`` likewise (KHO KHAI read as
SO SO). The heading was not found: its items went into the list above it or were
lost. The truth is the generated values: every item keeps its kind and text.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from read_back import records_of

MISREAD = {"จุดอ่อน (Weakness)": "จุตอ่อน (ห/๑ท๕55)", "จุดแข็ง (Strength)": "จุดแซ็ง (5๓เ6ก)"}


@pytest.mark.parametrize("heading", sorted(MISREAD))
@pytest.mark.parametrize("seed", range(4))
def test_heading_read_with_a_lookalike_letter_still_opens_its_list(seed: int,
                                                                   heading: str) -> None:
    generated = GENERATORS["plan"](random.Random(seed))
    assert heading in generated.text
    text = generated.text.replace(heading, MISREAD[heading])
    got = records_of(extract, text, screened=False).get("plan_swot_items", [])
    want = generated.tables["plan_swot_items"]
    assert [(r.kind, r.text) for r in got] == [(w["kind"], w["text"]) for w in want]

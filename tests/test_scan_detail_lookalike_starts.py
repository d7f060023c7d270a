"""A detail page's label whose first letter OCR read as its look-alike, and lines not read.

Detail pages are generated from known values (``bench/corpus``); their labels' first
letters are then read the way Tesseract read them on the twenty-third outside tester's scans
(``งบฯ ที่ได้รับ`` as ``จบฯ ที่ได้รับ`` on a bleed-through and a cut page; likewise
``ผ`` as ``พ``, ``ป`` as ``บ``): both budgets were lost, the first with an
``unparsed_line`` and the second silently (the checks kept one finding of a code per
table, row and field). The truth is the generated values. A label so loosened reads no
other label, and each of two lines not read keeps its own finding.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.checks import run_checks
from bma_etl.document import Finding
from bma_etl.layouts.web_detail_fields import OCR_LABELS, PROJECT_LABELS
from bma_etl.layouts.web_project_detail import extract
from bma_etl.matchkey import key, key_pattern, literal_of

from corpus.build import GENERATORS
from corpus.score import same
from read_back import records_of

#: A label's first letter as OCR read it, and the fields under those labels.
_MISREAD = {"งบฯ": "จบฯ", "ผู้รับผิดชอบ": "พู้รับผิดชอบ", "ผู้ตรวจประเมิน": "พู้ตรวจประเมิน"}
_FIELDS = ("budget_allocated_thb", "budget_spent_thb", "responsible_person", "coordinator",
           "agency", "project_name")


@pytest.mark.parametrize("generator", ["web_detail", "web_detail_long"])
@pytest.mark.parametrize("seed", range(3))
def test_label_first_letter_read_as_its_lookalike(generator: str, seed: int) -> None:
    generated = GENERATORS[generator](random.Random(seed))
    text = generated.text
    for printed, read in _MISREAD.items():
        text = re.sub(f"^{printed}", read, text, flags=re.M)
    assert "\u0e08\u0e1a\u0e2f" in text  # the page prints its budgets under งบฯ
    (got,) = records_of(extract, text, screened=False)["projects"]
    (want,) = generated.tables["projects"]
    for name in _FIELDS:
        if name in want:
            assert same(want[name], getattr(got, name)), (name, getattr(got, name))


def test_a_loosened_label_reads_no_other_label() -> None:
    from bma_etl.layouts.web_detail_fields import LOOKALIKE_LABELS

    assert LOOKALIKE_LABELS, "no label of the detail page is read with a look-alike first letter"
    words = {label: key(literal_of(label)) for label in PROJECT_LABELS}
    for label in LOOKALIKE_LABELS:
        loose = key_pattern(f"^(?:{OCR_LABELS[label]})")
        assert loose is not None
        for other, text in words.items():
            if other != label and PROJECT_LABELS[other] != PROJECT_LABELS[label]:
                assert not loose.match(text + "1"), (label, other)


def test_each_line_not_read_keeps_its_finding() -> None:
    lines = [Finding("projects", None, None, "warning", "unparsed_line",
                     f"line {n}: no known label: 'x'") for n in (10, 11)]
    assert run_checks({}, [*lines, lines[0]]) == lines  # a repeat said once, each line once

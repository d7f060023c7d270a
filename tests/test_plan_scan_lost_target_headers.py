"""Target tables whose header OCR lost under their heading, on generated plans.

Plans are generated from known values (``bench/corpus``); their target tables are
printed flowing and OCR-damaged as :mod:`test_plan_scan_tables` damages them, and
the header line (``ลำดับที่ ตัวชี้วัด ค่าเป้าหมาย``) then lost whole, a blank line
in its place, as Tesseract lost it on a 300 dpi 1-bit scan: the table's heading
(``ตัวชี้วัดเป้าประสงค์``) and its line of years are left. A table whose rows state
no number (``- ระดับความสำเร็จ…``) is read all the same, one row per year column.
The years themselves are not counted (the model cannot read them); the truth is
the generated values.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from test_plan_scan_tables import _ocr_print, targets_read

from corpus.build import GENERATORS

#: A target table's header as :func:`test_plan_scan_tables._ocr_print` prints it (marks lost).
_HEADER_START = "ลำดบท ตวชวด"


def _header_lost(text: str) -> str:
    """Every target table's header line read as nothing (a blank line)."""
    return "\n".join("" if line.startswith(_HEADER_START) else line for line in text.split("\n"))


def _plan(seed: int) -> tuple[Any, str]:
    """A plan with a target table whose rows state no number, OCR-printed, headers lost."""
    for k in range(60):
        rng = random.Random(seed * 1000 + k)
        generated = GENERATORS["plan"](rng)
        lines = generated.text.split("\n")
        unnumbered = any(line.startswith("ลำดับที่\tตัวชี้วัด") and k + 2 < len(lines)
                         and lines[k + 2].startswith("\t") for k, line in enumerate(lines))
        if unnumbered:
            return generated, _header_lost(_ocr_print(generated.text, rng))
    pytest.fail("no plan with a target table whose rows state no number")


@pytest.mark.parametrize("seed", range(4))
def test_target_table_whose_header_ocr_lost_is_read_under_its_heading(seed: int) -> None:
    generated, text = _plan(seed)
    assert _HEADER_START not in text
    want = generated.tables["plan_indicators"]
    targets_read(text, want)

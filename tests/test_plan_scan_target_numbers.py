"""Indicator-target rows whose first number OCR read as a Thai letter, on generated plans.

Plans are generated from known values (``bench/corpus``); their indicator-target
tables are printed flowing after each row's number (the row's cells run together,
a tab left only at the number column's gap: what Tesseract gave for a borderless
table on the corpus's 150 dpi scans) and the table's first row number is read as
a Thai letter (``ฉ<tab>ระดับความสำเร็จ...`` for ``๑``).

The truth is the generated values: every row keeps its own name (the next
numbered rows are not run into the first one, nor is a wrapped target's last word
read as a name) and its targets.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from read_back import records_of

#: A target table's rows: from the header (``ลำดับที่<tab>ตัวชี้วัด``) to a blank line.
_HEADER = "ลำดับที่\tตัวชี้วัด\tค่าเป้าหมาย"
_NUMBER = re.compile(r"^[๐-๙0-9]{1,2}$")
#: What OCR read a row's number ``๑`` as on the corpus's scans.
_LETTERS = ("ฉ", "ด", "ถ")


def _flowing(text: str, rng: random.Random) -> tuple[str, int]:
    """``text`` with its target tables flowing after the number's tab, each table's first
    row number read as a Thai letter; how many numbers were so misread."""
    out: list[str] = []
    table, first, damaged = False, False, 0
    for line in text.split("\n"):
        if line.startswith(_HEADER):
            table, first = True, True
        elif table and not line.strip():
            table = False
        cells = line.split("\t")
        if table and len(cells) > 3 and _NUMBER.match(cells[0]):
            if first:
                cells[0], first = rng.choice(_LETTERS), False
                damaged += 1
            line = cells[0] + "\t" + " ".join(c for c in cells[1:] if c)
        out.append(line)
    return "\n".join(out), damaged


def _plans() -> list[int]:
    """Seeds whose plan has a target table whose rows state their number."""
    return [s for s in range(40)
            if _flowing(GENERATORS["plan"](random.Random(s)).text, random.Random(s))[1]][:6]


@pytest.mark.parametrize("seed", _plans())
def test_first_row_number_read_as_a_letter_keeps_the_rows_apart(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    text, damaged = _flowing(generated.text, rng)
    assert damaged
    want = generated.tables["plan_indicators"]
    got = records_of(extract, text, screened=False).get("plan_indicators", [])
    assert [r.name for r in got] == [w["name"] for w in want]
    assert [r.target_text for r in got] == [w["target_text"] for w in want]

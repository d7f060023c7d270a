"""Target rows whose name's first letter OCR read as a digit, on generated plans.

Plans are generated from known values (``bench/corpus``); in target tables that leave
``ลำดับที่`` empty, a row's name opening with ``ระดับ`` is damaged the way Tesseract
read it on a 200 dpi grey scan: its ``ร`` read as a digit (``<tab>3 ะดับความสำเร็จ…``).
Rows flow as OCR reads them. The line opened no row (the row ran into the one above
and was lost), or, a table's first, was taken for a numbered row. The truth is the
generated values: every row is read, its name whole (the years are not scored, as
in :mod:`test_plan_scan_tables`).
"""

from __future__ import annotations

import random
import re

import pytest

from test_plan_scan_tables import targets_read

from corpus.build import GENERATORS
from ocr_text import thai_wrapped

#: An unnumbered target row whose name opens with ระดับ, as the generator prints it.
_ROW = re.compile(r"^\tร(?=ะดับ)")
_TARGET_HEADER = re.compile(r"^ลำดับที่\tตัวชี้วัด\tค่าเป้าหมาย")
#: How many plans to try for one with such a row after another row.
_ATTEMPTS = 12


@pytest.mark.parametrize("seed", range(6))
def test_unnumbered_target_row_whose_first_letter_ocr_read_as_a_digit_is_a_row(
        seed: int) -> None:
    damaged = 0
    for attempt in range(_ATTEMPTS):
        rng = random.Random(seed if attempt == 0 else f"{seed}-{attempt}")
        generated = GENERATORS["plan"](rng)
        lines = generated.text.split("\n")
        for k, line in enumerate(lines):
            if k and lines[k - 1].startswith("\t") and _ROW.match(line):  # after a row
                digit = rng.choice(("3 ", "3", "5 "))
                lines[k] = _ROW.sub(lambda _, digit=digit: "\t" + digit, line)
                damaged += 1
        if damaged:
            break
    assert damaged, "no generated plan had an unnumbered ระดับ row after another row"
    targets_read(_flowing(lines, rng), generated.tables["plan_indicators"])


def _flowing(lines: list[str], rng: random.Random) -> str:
    """Target tables' rows flowing as OCR reads them: the empty cell's tab before a row's
    first line, the other cells' gaps read as spaces, the row wrapped."""
    out: list[str] = []
    table = False
    for line in lines:
        table = bool(_TARGET_HEADER.match(line)) or (table and bool(line.strip()))
        if table and line.startswith("\t") and not line.startswith("\t\t"):
            wrapped = thai_wrapped(" ".join(line.split()), rng.choice((60, 75, 90)))
            out.extend(["\t" + wrapped[0], *wrapped[1:]])
        else:
            out.append(line)
    return "\n".join(out)

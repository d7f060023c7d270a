"""The separator below an entry read by OCR as Thai letters, its dashes as ``=``.

A LibreOffice print of a history page, scanned at 200 dpi: Tesseract (Thai) read the
``------&&&------`` line as Thai letters, Thai digits and ``=`` signs, joined to the
obstacles above it. The page is generated from known entries
(:data:`corpus.build.GENERATORS` ``web_history``) and each separator replaced by such a
line made at random of those signs; the obstacles are read without it.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.web_progress_history import extract

from corpus.build import GENERATORS
from read_back import assert_rows_read, records_of

_FIELDS = ("seq_label", "report_date", "progress_pct", "detail", "problems", "obstacles")
_LETTERS = "กดตนบมรละหอเแะาณภชซ๓๑ๆ"


def _junk(rng: random.Random) -> str:
    """A run of Thai letters and digits with two to four ``=`` and a space or two."""
    chars = [rng.choice(_LETTERS) for _ in range(rng.randint(10, 40))]
    for _ in range(rng.randint(2, 4)):
        chars.insert(rng.randrange(len(chars) + 1), "=")
    chars.insert(rng.randrange(1, len(chars)), " ")
    return "".join(chars)


@pytest.mark.parametrize("seed", range(8))
def test_separator_read_as_thai_letters_and_equals_is_no_part_of_the_obstacles(
        seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    text = re.sub(r"(?m)^-{3,}&&&-{3,}$", lambda m: _junk(rng), generated.text)
    assert "&&&" not in text
    got = records_of(extract, text, screened=False)["progress_updates"]
    assert_rows_read("progress_updates", got, generated.tables["progress_updates"], _FIELDS)

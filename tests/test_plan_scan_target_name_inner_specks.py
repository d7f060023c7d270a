"""Target rows whose name OCR read with a speck between its words, on generated plans.

Plans are generated from known values (``bench/corpus``); their target tables are
printed flowing and OCR-damaged as :mod:`test_plan_scan_tables` damages them, and a
speck between two words of a row's name read as a sign of its own
(``...ของหน่วยงาน - _ จำนวนชุมชน...``, a 300 dpi 1-bit scan): it was kept in the
name. The truth is the generated values; the years are not counted (the model
cannot read them), every row and name is.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from test_plan_scan_tables import _ocr_print, targets_read

from corpus.build import GENERATORS

_SPECKS = ("_", "~", "|")


def _plan(seed: int) -> tuple[Any, str]:
    """A generated plan whose target rows list names (`` - ``), a speck read after the dash."""
    for k in range(60):
        rng = random.Random(seed * 1000 + k)
        generated = GENERATORS["plan"](rng)
        names = {row["name"] for row in generated.tables["plan_indicators"] if " - " in row["name"]}
        if not names:
            continue
        lines = []
        for line in generated.text.split("\n"):
            cells = line.split("\t")
            if len(cells) > 2 and cells[1] in names:
                cells[1] = cells[1].replace(" - ", f" - {rng.choice(_SPECKS)} ", 1)
            lines.append("\t".join(cells))
        return generated, _ocr_print("\n".join(lines), rng)
    pytest.fail("no plan whose target rows list names")


@pytest.mark.parametrize("seed", range(6))
def test_target_row_whose_name_has_a_speck_between_its_words_is_read(seed: int) -> None:
    generated, text = _plan(seed)
    assert any(f" - {s} " in text.replace("\n", " ") for s in _SPECKS)
    want = generated.tables["plan_indicators"]
    targets_read(text, want)

"""A tracking page's responsible unit with a speck OCR read as a Thai letter glued to it.

Tracking pages are generated from known values (``bench/corpus``) with a unit printed
where the responsible person goes (``กองกีฬา`` under the progress line); a speck before
it is then read the way Tesseract read it on the corpus's scans (seed 173,
web_tracking_002 at 200 dpi: ``ถกองกีฬา``). The truth is the generated values: the
unit is the division, no person is read, and a person's name is never cut.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from bma_etl.layouts.web_progress_history import extract

from corpus.build import GENERATORS
from read_back import records_of


def _page(rng: random.Random, unit: bool) -> Any:
    """A generated tracking page naming a unit (alone on its line) or a person."""
    while True:
        generated = GENERATORS["web_tracking"](rng)
        project = generated.tables["projects"][0]
        if unit and project.get("responsible_person") is None and project.get("division") \
                and f"\n{project['division']}\n" in generated.text:
            return generated
        if not unit and project.get("responsible_person"):
            return generated


@pytest.mark.parametrize("letter", ["ถ", "ก", "ร"])
@pytest.mark.parametrize("seed", range(4))
def test_unit_with_a_speck_read_as_a_letter(seed: int, letter: str) -> None:
    generated = _page(random.Random(seed), unit=True)
    want = generated.tables["projects"][0]
    unit = want["division"]
    text = generated.text.replace(f"\n{unit}\n", f"\n{letter}{unit}\n", 1)
    got = records_of(extract, text, screened=False)["projects"][0]
    assert (got.division, got.responsible_person) == (unit, None)


@pytest.mark.parametrize("seed", range(6))
def test_a_persons_name_keeps_its_first_letter(seed: int) -> None:
    generated = _page(random.Random(seed), unit=False)
    want = generated.tables["projects"][0]
    got = records_of(extract, generated.text, screened=False)["projects"][0]
    assert got.responsible_person == want["responsible_person"]

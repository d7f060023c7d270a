"""A person's title ``น.ส.`` as OCR read it on a detail page's or form's scan.

Detail pages and progress forms are generated from known values (``bench/corpus``);
the title of the coordinator (``ผู้ตรวจประเมิน``) or responsible person is damaged
the ways Tesseract read it on seeds 61, 67 and 73: a point lost (``นส.``), read as a
comma (``น, ส.``), a speck read as a vowel under ``น`` (``นุส.``), a space after it.
The truth is the generated values: the name with its title as printed. Another
title that opens alike (``น.สพ.``) is left as read.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts.web_project_detail import extract as detail

from corpus.build import GENERATORS
from read_back import records_of

_MISREADS = ("นส.", "น, ส.", "นุส.", "นส. ", "น.ส ")


def _with_title(generator: str, field: str, rng: random.Random) -> tuple[str, str]:
    while True:
        generated = GENERATORS[generator](rng)
        name = generated.tables["projects"][0][field]
        if name and name.startswith("น.ส.") and generated.text.count(name) == 1:
            return generated.text, name


@pytest.mark.parametrize("seed", range(6))
def test_coordinator_title_ocr_damaged_is_read_as_printed(seed: int) -> None:
    rng = random.Random(seed)
    text, name = _with_title(rng.choice(("web_detail", "web_detail_long")), "coordinator", rng)
    damaged = text.replace(name, rng.choice(_MISREADS) + name[4:])
    [project] = records_of(detail, damaged, screened=False)["projects"]
    assert project.coordinator == name


def test_another_title_that_opens_alike_is_left_as_read() -> None:
    rng = random.Random(0)
    text, name = _with_title("web_detail", "coordinator", rng)
    [project] = records_of(detail, text.replace(name, "น.สพ." + name[4:]),
                           screened=False)["projects"]
    assert project.coordinator == "น.สพ." + name[4:]

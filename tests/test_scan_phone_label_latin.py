"""A person's phone label OCR read as a short Latin word: no part of the name.

On a 200 dpi grey scan of a tracking page Tesseract read ``น.ส.กมลวรรณ ทองประเสริฐ
โทร. 8905-30`` as ``… ทองประเสริฐ Ins. 8905-30``: the phone was found, and ``Ins.``
stayed on the name. Forms are generated from known values (``bench/corpus``), each
``โทร.`` written as such a word; the names and phones read are the generated ones.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.legacy_progress_form import extract as legacy
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus.build import GENERATORS

_PEOPLE = ("responsible_person", "responsible_phone", "coordinator", "coordinator_phone")


@pytest.mark.parametrize("generator", ["legacy_tab", "legacy_html"])
@pytest.mark.parametrize("seed", range(3))
def test_phone_label_read_as_a_latin_word_ends_the_name(generator: str, seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    text = generated.text.replace("โทร.", f"{rng.choice(('Ins.', 'In.', 'Tns.'))} ")
    assert text != generated.text
    doc = RepairedText.of(text, ocr_used=True)
    project = build_records(normalize(legacy(doc), doc.text, doc.words, None),
                            "0" * 64)["projects"][0]
    want = generated.tables["projects"][0]
    read = {column: getattr(project, column) for column in _PEOPLE if want.get(column)}
    assert read == {column: want[column] for column in _PEOPLE if want.get(column)}

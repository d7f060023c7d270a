"""A scanned progress form whose project code OCR read with a Thai letter among its digits.

Forms are generated from known values (``bench/corpus``, ``legacy_pipe``, digits
printed Arabic); the code's digit after its dash (or one before it) is then read as
a Thai letter, as Tesseract read ``08368321-0096`` as ``08368321-เ096`` on a 300 dpi
scan. Which digit the letter was is not known: the code is NULL with an
``ocr_doubtful_value`` issue, never stored with the letter in it.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.legacy_progress_form import extract
from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.normalize.fields import normalize
from bma_etl.normalize.trust import screen
from bma_etl.validate import build_records

from corpus.build import GENERATORS


@pytest.mark.parametrize("seed", range(4))
def test_code_with_a_thai_letter_among_its_digits_is_null_with_an_issue(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["legacy_pipe"](rng)
    code = generated.tables["projects"][0]["project_code"]
    text = to_arabic_digits(generated.text)
    assert code in text
    at = code.index("-") + rng.choice((1, 2, -1))
    misread = code[:at] + rng.choice("เแโ") + code[at + 1:]
    text = text.replace(code, misread)
    words = tuple((m.start(), m.end(), 90.0) for m in re.finditer(r"\S+", text))
    doc = RepairedText.of(text, ocr_used=True, words=words)
    normalized = normalize(extract(doc), doc.text, doc.words, None, doc.spaced, True)
    screen(normalized, doc.text, doc.doubted)
    projects = build_records(normalized, "0" * 64)["projects"]
    assert projects[0].project_code is None
    assert any(f.field == "project_code" and f.code == "ocr_doubtful_value"
               for f in normalized.findings)

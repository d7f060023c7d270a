"""A scanned progress form whose progress OCR read after specks (``ฯ=, .12.50 %``).

Forms are generated from known values (``bench/corpus``, ``legacy_pipe``, its digits
printed Arabic); each report's progress is then damaged as Tesseract read it on a
skewed 200 dpi scan with a black border: specks between the label's ``=`` and
the value, each alone (``= | 52.00 %``, ``=, ! 6.00 %``), the last a point glued to
the value (``=, .12.50 %``). The form's progress is ``NN.NN %``: it is read, never
dropped silently.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal
from typing import Any

import pytest

from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.legacy_progress_form import extract
from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.normalize.fields import normalize
from bma_etl.normalize.trust import screen
from bma_etl.validate import build_records

from corpus.build import GENERATORS

_PROGRESS = re.compile(r"(ความก้าวหน้าของงานฯ) = ([0-9]{1,3}\.[0-9]{2} %)")
_PIPE_ROW = re.compile(r"^\| (รายงานครั้งที่[0-9]+) \| (.*) \|$", re.M)
#: What OCR read between the label and the value (the value follows at once).
SPECKS = ("=, .", "= | ", "=, ! ", " = ; .", "= | .")


def _as_ocr_lines(text: str) -> str:
    """A report row as OCR lines a scan's table: cells cut by tabs, the first rule a ``|``."""
    return _PIPE_ROW.sub(lambda m: m[1] + "\t|" + m[2].replace(" | ", "\t"), text)


def _records(text: str) -> tuple[list[Any], list[Any]]:
    words = tuple((m.start(), m.end(), 90.0) for m in re.finditer(r"\S+", text))
    doc = RepairedText.of(text, ocr_used=True, words=words)
    normalized = normalize(extract(doc), doc.text, doc.words, None, doc.spaced, True)
    screen(normalized, doc.text, doc.doubted)  # as the pipeline does after OCR
    records = build_records(normalized, "0" * 64)
    return records.get("progress_updates", []), normalized.findings


@pytest.mark.parametrize("seed", range(4))
def test_specks_between_a_progress_label_and_its_value_are_read_past(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["legacy_pipe"](rng)
    text = _PROGRESS.sub(lambda m: m[1] + rng.choice(SPECKS) + m[2],
                         _as_ocr_lines(to_arabic_digits(generated.text)))
    assert sum(text.count(s) for s in SPECKS) >= 3
    rows, _ = _records(text)
    want = [w["progress_pct"] for w in generated.tables["progress_updates"]]
    assert [r.progress_pct for r in rows] == [Decimal(p) for p in want]

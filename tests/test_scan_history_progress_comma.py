"""An entry's progress whose decimal point OCR read as a comma (``ร้อยละ 12,50``).

On a 200 dpi 1-bit scan Tesseract read ``(1) ความคืบหน้าโครงการฯ ร้อยละ 12.50
(2017-01-25)`` with a comma for the point, and the progress was lost (``12,50`` read
as 1,250 per cent). Pages are generated from known values (``bench/corpus``), each
heading's point written as a comma; the progress read is the generated one.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts import web_progress_history as layout
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.textnorm import repair_text
from bma_etl.validate import build_records

from corpus.build import GENERATORS

_HEADING_PCT = re.compile(r"(ความคืบหน้าโครงการฯ ร้อยละ )([0-9๐-๙]{1,3})\.([0-9๐-๙]{2}) ")


def _progress(text: str) -> list[str | None]:
    doc = RepairedText.of(repair_text(text), ocr_used=True)
    records = build_records(normalize(layout.extract(doc), doc.text, doc.words, None), "0" * 64)
    return [None if r.progress_pct is None else f"{r.progress_pct:.2f}"
            for r in records["progress_updates"]]


@pytest.mark.parametrize("seed", range(4))
def test_progress_whose_point_ocr_read_as_a_comma_reads_as_generated(seed: int) -> None:
    generated = GENERATORS["web_history"](random.Random(seed))
    text = _HEADING_PCT.sub(r"\1\2,\3 ", generated.text)
    assert text != generated.text
    assert _progress(text) == [w["progress_pct"] for w in generated.tables["progress_updates"]]


def test_a_comma_before_three_digits_is_no_point() -> None:
    """``ร้อยละ 1,250`` is no progress read with a comma for its point: not 1.25."""
    generated = GENERATORS["web_history"](random.Random(1))
    text = _HEADING_PCT.sub(r"\g<1>1,250 ", generated.text, count=1)
    assert "ร้อยละ 1,250 (" in text
    assert _progress(text)[0] != "1.25"

"""A scanned progress form whose report label OCR read without its number, a rule after it.

Forms are generated from known values (``bench/corpus``, ``legacy_pipe``, digits
printed Arabic) and set in the lines OCR gives a scan's table (cells cut by tabs);
a report's label is then read as Tesseract read it on a 300 dpi scan where the
narrow label column wrapped the number under the words: ``รายงาน |:: 20/02/2567 :
…``, the cell's rule read as ``|``, the number on another line among other words.
The report is still read, its number by its place between the others; no report
takes the next one's values.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.legacy_progress_form import extract
from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus.build import GENERATORS
from form_ocr_lines import as_ocr_lines


@pytest.mark.parametrize("seed", range(4))
def test_label_read_without_its_number_before_a_rule_still_opens_its_report(seed: int
                                                                           ) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["legacy_pipe"](rng)
    text = as_ocr_lines(to_arabic_digits(generated.text))
    want = generated.tables["progress_updates"]
    n = rng.randrange(2, len(want))  # not the first: the report above has its values
    text = text.replace(f"รายงานครั้งที่{n}\t|", "รายงาน |", 1)
    doc = RepairedText.of(text, ocr_used=True)
    normalized = normalize(extract(doc), doc.text, doc.words, None, doc.spaced, True)
    rows = build_records(normalized, "0" * 64)["progress_updates"]
    assert [(r.seq_label, str(r.report_date), f"{r.progress_pct:.2f}") for r in rows] == [
        (w["seq_label"], w["report_date"], w["progress_pct"]) for w in want]

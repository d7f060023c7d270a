"""An entry label's ``:`` OCR read with a speck after it as a stroke glued to the value.

On a 300 dpi 1-bit scan Tesseract read ``** ปัญหาของโครงการ :ไม่มี`` as ``…โครงการ
:1ไม่มี`` (a speck after the colon read as ``1``), and the problems were ``1ไม่มี``.
Pages are generated from known values (``bench/corpus``), each problem and obstacle
label's colon written so; the values read are the generated ones.
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

_LABEL_COLON = re.compile(r"^(\*\* (?:ปัญหา|อุปสรรค)ของโครงการ :)(?=[\u0e01-\u0e4e])", re.M)


@pytest.mark.parametrize("seed", range(4))
def test_a_stroke_read_after_the_label_s_colon_is_no_part_of_the_value(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    text = _LABEL_COLON.sub(lambda m: m.group(1) + rng.choice(("1", "l", "|", "!")),
                            generated.text)
    assert text != generated.text
    doc = RepairedText.of(repair_text(text), ocr_used=True)
    records = build_records(normalize(layout.extract(doc), doc.text, doc.words, None), "0" * 64)
    rows = records["progress_updates"]
    want = generated.tables["progress_updates"]
    assert [(r.problems, r.obstacles) for r in rows] == [(w["problems"], w["obstacles"])
                                                        for w in want]

"""Two list items of the same words, one under the other, in a LibreOffice print.

LibreOffice draws each line as one text object; pdfium's text page drops an object
that repeats one of the few before it, set off by less than an eighth of its
width (taken for a copy drawn again to fake bold type), and a line pitch is far
less than that: the second item read ``๔.`` alone, its words lost. The reader puts
such a line out of pdfium's reach (:mod:`bma_etl.read.pdf_twins`). The inputs are
generated plans (bench/corpus) whose SWOT lists hold two such items, printed by
LibreOffice's text import in three Thai fonts; the truth is their SWOT items.
"""

from __future__ import annotations

import random
import re
from itertools import pairwise
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.score import score_tables
from thai_fonts import fonts_or_fail

SEED = "twin-lines"
FONTS = ("Sarabun", "Norasi", "Loma")
#: A list item's line as the plan generator writes it (``๓. ข้อความ``).
_ITEM = re.compile(r"^[๐-๙0-9]{1,2}\. (?P<body>.+)$")


def _twins(doc: GeneratedDoc) -> bool:
    """Whether two consecutive item lines of ``doc`` hold the same words."""
    items = [_ITEM.match(line) for line in doc.text.split("\n")]
    return any(a and b and a["body"] == b["body"] for a, b in pairwise(items))


def test_an_item_repeating_the_one_above_keeps_its_words(tmp_path: Path) -> None:
    fonts_or_fail(FONTS)
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    batch = []
    k = 0
    while len(batch) < len(FONTS):
        doc = GENERATORS["plan"](random.Random(f"{SEED}-{k}"))
        if _twins(doc):
            font = FONTS[len(batch)]
            batch.append((doc, tmp_path / f"plan-{k}.{font}.pdf", font))
        k += 1
        assert k < 200, "too few generated plans list two items of the same words"
    assert not render.render_soffice_batch(batch)
    for doc, pdf, _ in batch:
        processed = process_file(pdf)
        truth = {"tables": {"plan_swot_items": doc.truth["tables"]["plan_swot_items"]}}
        right, total, lost = score_tables(
            {"plan_swot_items": processed.rows("plan_swot_items")}, truth)
        assert right == total, (pdf.name, lost[:4])

"""A vertical rule between two letter-spaced words whose marks reach past it.

Word's ``distribute`` alignment of a Thai file (``th-TH``), printed by LibreOffice,
spreads a narrow ruled header cell's word over the whole cell: ``ลำดับที่``'s last
letter ends just left of the column's rule, its marks (``ี่``) just right of it, and
the next cell's ``ตัวชี้วัด`` starts a hair further on, with no space between. The
line's cells are cut where a rule stands between two letters, a cluster's marks
siding with their letter: the header reads ``ลำดับที่ | ตัวชี้วัด``, not one piece,
and the indicator names are read from their own column. The inputs are generated
plans (bench/corpus) printed that way in four Thai fonts; the truth is the values
they were generated from.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.score import score_tables
from thai_fonts import fonts_or_fail

SEED = "rule-past-marks"
#: The prints: ruled tables of equal columns, Word's ``distribute``, Thai language.
FONTS = ("Loma", "Sarabun", "Norasi", "Garuda")
SETTINGS = {"align": "distribute", "pt": "12", "widths": "equal", "lang": "th-TH",
            "margin_cm": "1.5"}


def test_header_cells_cut_at_a_rule_under_a_letter_spaced_word(tmp_path: Path) -> None:
    fonts_or_fail(FONTS)
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    batch, made = [], []
    for k, font in enumerate(FONTS):
        doc = GENERATORS["plan"](random.Random(f"{SEED}-{k}"))
        assert doc.truth["tables"]["plan_indicators"], k
        pdf = tmp_path / f"plan-{k}.{font}.pdf"
        batch.append((doc, pdf, font, SETTINGS))
        made.append((pdf, doc))
    failed = render.render_docx_batch(batch)
    assert not failed, failed
    for pdf, doc in made:
        processed = process_file(pdf)
        truth = {"tables": {"plan_indicators": doc.truth["tables"]["plan_indicators"]}}
        right, total, lost = score_tables(
            {"plan_indicators": processed.rows("plan_indicators")}, truth)
        assert right == total, (pdf.name, lost[:4])

"""Two Thai digits a distributed print spread across a narrow ruled cell are one number.

Word's ``distribute`` alignment in a Thai-language file, printed by LibreOffice,
spreads a scoring level's score (``๓๐``) over its whole narrow cell: pdfium makes
up a space in the one wide gap (``๓ ๐``), and with no other gap to be even with
the gap was read as a word space, the score as ``๓``. Two Thai digits alone on
their line or in their ruled cell, with no space written between them, are one
number spread (:func:`bma_etl.read.pdf_letters.few_gaps`).

Plans generated from known values (bench/corpus), printed from Word files in
``distribute`` in two Thai fonts; the truth is their scoring levels.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.score import score
from corpus_prints import distributed_word_prints
from thai_fonts import fonts_or_fail

#: ``(font, points)`` of the prints.
PRINTS = (("Loma", 16), ("Sarabun", 14))
TABLE = "plan_scoring_levels"


def test_scores_spread_over_their_cells_read_whole(tmp_path: Path) -> None:
    made = distributed_word_prints(tmp_path, "plan", "distributed-digits", PRINTS)
    for pdf, doc in made:
        levels = [
            {n: row[n] for n in ("level", "weight_pct", "score")}
            for row in doc.truth["tables"][TABLE]
        ]
        result = score(process_file(pdf), {"tables": {TABLE: levels}})
        assert result.total > 0 and result.lost == [], (pdf.name, result.lost[:6])


def test_a_cumulative_percentage_spread_wider_than_a_tab_reads_whole(tmp_path: Path) -> None:
    # A step's cumulative percentage (``๒๐``) in its wide ruled column: distribution
    # sets its two digits further apart than a tab, still one number.
    fonts_or_fail(["Loma"])
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    made = []
    for k in range(2):
        doc = GENERATORS["plan"](random.Random(f"distributed-cumulative-{k}"))
        made.append((tmp_path / f"plan-{k}.pdf", doc))
    settings = {"align": "distribute", "pt": "16", "widths": "content", "lang": "th-TH"}
    failed = render.render_docx_batch([(doc, pdf, "Loma", settings) for pdf, doc in made])
    assert not failed, failed
    for pdf, doc in made:
        steps = [
            {"cumulative_pct": row["cumulative_pct"]} for row in doc.truth["tables"]["plan_steps"]
        ]
        assert any(len(str(step["cumulative_pct"])) == 2 for step in steps)
        result = score(process_file(pdf), {"tables": {"plan_steps": steps}})
        assert result.total > 0 and result.lost == [], (pdf.name, result.lost[:6])


#: Thai digits of a score of two digits or more (``๒๕``, ``๒๒.๕``).
_THAI_SCORE = re.compile("\t[\u0e50-\u0e59]{2}(?:\\.[\u0e50-\u0e59])?$", re.MULTILINE)


@pytest.mark.parametrize(("font", "widths", "pt"), [("Kinnari", "equal", 16),
                                                    ("Garuda", "equal", 16),
                                                    ("Loma", "content", 14)])
def test_a_score_spread_across_its_cell_reads_whole(tmp_path: Path, font: str, widths: str,
                                                    pt: int) -> None:
    # Columns of equal width leave the score's cell wide: distribution sets ``๒๕``'s
    # digits, and ``๒๒.๕``'s ``๒``, ``๒`` and ``.๕``, further apart than a tab, no
    # space written, in a cell alone on its line: one number still. In a cell as
    # wide as its content ``๒๒.๕`` is spread a space wide (``๒ ๒ .๕``).
    fonts_or_fail([font])
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    docs = (GENERATORS["plan"](random.Random(f"distributed-wide-score-{k}")) for k in range(40))
    doc = next(doc for doc in docs if len(_THAI_SCORE.findall(doc.text)) >= 5
               and any("." in found for found in _THAI_SCORE.findall(doc.text)))
    pdf = tmp_path / f"plan.{font}.{widths}.pdf"
    settings = {"align": "distribute", "pt": str(pt), "widths": widths, "lang": "th-TH"}
    failed = render.render_docx_batch([(doc, pdf, font, settings)])
    assert not failed, failed
    levels = [{n: row[n] for n in ("level", "score")} for row in doc.truth["tables"][TABLE]]
    result = score(process_file(pdf), {"tables": {TABLE: levels}})
    assert result.total > 0 and result.lost == [], (pdf.name, result.lost[:6])

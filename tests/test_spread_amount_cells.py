"""A short amount and its unit spread letter by letter across their cell read whole.

A Thai-language Word file printed by LibreOffice in distributed justification
spreads a plan's short budget (``๗๗๙,๖๐๐ บาท``) across its cell letter by letter,
and pdfium makes up a space in each gap (``๗ ๗ ๙ ,๖ ๐ ๐ บ า ท``). In Garuda the
ink of ``๗`` passes its advance, so the gaps measured box to box after it are
narrower than the others and the run was not found letter-spaced: the budget was
lost and its digits ran into the project's name. A grouped amount with its unit
alone in a cell, its gaps white and even within a digit's side bearings, is one
amount (:func:`bma_etl.read.pdf_spread.number_apart`).

Plans generated from known values (bench/corpus) with Thai digits and a short
budget, printed from Word files in Garuda; the truth is their projects.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from corpus import render
from corpus.build import GENERATORS
from corpus_prints import corpus_word_print
from read_back import assert_read_as_generated
from thai_fonts import fonts_or_fail

#: Word settings of the print: distributed Thai in equal columns, small type.
SETTINGS = {"align": "distribute", "pt": "11", "widths": "equal", "lang": "th-TH",
            "margin_cm": "2.0", "footer": "{n}"}
#: A project's row whose budget is a short amount in Thai digits (under a million).
SHORT = re.compile(r"^[๐-๙]+\t[^\t]+\t(?P<amount>[๐-๙]{1,3},[๐-๙]{3}(?:\.[๐-๙]{2}|\.-)?) บาท\t")

def _short_budget_plans(count: int) -> list[tuple[str, object]]:
    """The first ``count`` generated plans with a project's short Thai-digit budget."""
    found = []
    k = 0
    while len(found) < count:
        doc = GENERATORS["plan"](random.Random(f"spread-amount-cell-{k}"))
        # ``๗``: Garuda's digit whose ink passes its advance
        if any((m := SHORT.match(line)) is not None and "๗" in m.group("amount")
               for line in doc.text.splitlines()):
            found.append((f"plan-{k}", doc))
        k += 1
    return found

def test_short_budgets_spread_in_their_cells_read_whole(tmp_path: Path) -> None:
    fonts_or_fail(["Garuda"])
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    made = [(tmp_path / f"{name}.pdf", doc) for name, doc in _short_budget_plans(2)]
    failed = render.render_docx_batch([(doc, pdf, "Garuda", SETTINGS) for pdf, doc in made])
    assert not failed, failed
    for pdf, doc in made:
        assert_read_as_generated(pdf, doc.truth, ["plan_projects"])

def test_the_corpus_print_keeps_its_spread_budget(tmp_path: Path) -> None:
    # corpus seed 1805's eighth plan, soffice-docx in Garuda (distribute, 11 pt):
    # ``โครงการจัดหาครุภัณฑ์การแพทย์สำหรับโรงพยาบาลในสังกัด`` | ``๗ ๗ ๙ ,๖ ๐ ๐ บ า ท``
    doc, pdf, _ = corpus_word_print(tmp_path, 1805, "plan", 7, "Garuda")
    assert_read_as_generated(pdf, doc.truth, ["plan_projects"])

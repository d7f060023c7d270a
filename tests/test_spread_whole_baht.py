"""An amount of whole baht wrapped in a justified Thai cell reads whole.

A plan's budget ``๑๒,๓๐๗,๗๐๐.- บาท`` in its narrow ruled column wraps inside the
number (``๑๒,๓๐๗,๗`` / ``๐๐.-`` / ``บาท``); a Thai-language Word file printed by
LibreOffice in ``justify`` spreads the middle line across the cell letter by
letter (``๐ ๐ .-``), pdfium makes up a space in each gap, and the amount was read
as ``๑๒,๓๐๗`` and ``๗๐ ๐``. A spread number may end in the whole-baht mark ``.-``
(:func:`bma_etl.read.pdf_spread.number_apart`).

Plans generated from known values (bench/corpus) with Thai digits, printed from Word
files in Kinnari; the truth is their projects and section totals.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.score import score
from thai_fonts import fonts_or_fail

#: Word settings of the print: justified Thai in a column as wide as its content.
SETTINGS = {"align": "justify", "pt": "14", "widths": "content", "lang": "th-TH",
            "margin_cm": "1.5"}


def _thai_digit_plans(count: int) -> list[tuple[str, object]]:
    """The first ``count`` generated plans whose amounts are written in Thai digits."""
    found = []
    k = 0
    while len(found) < count:
        doc = GENERATORS["plan"](random.Random(f"spread-whole-baht-{k}"))
        if "๐๐.- บาท" in doc.text:
            found.append((f"plan-{k}", doc))
        k += 1
    return found


def test_whole_baht_amounts_spread_in_their_cells_read_whole(tmp_path: Path) -> None:
    fonts_or_fail(["Kinnari"])
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    made = [(tmp_path / f"{name}.pdf", doc) for name, doc in _thai_digit_plans(2)]
    failed = render.render_docx_batch([(doc, pdf, "Kinnari", SETTINGS) for pdf, doc in made])
    assert not failed, failed
    for pdf, doc in made:
        projects = [{n: row[n] for n in ("name", "budget_thb")}
                    for row in doc.truth["tables"]["plan_projects"]]
        totals = [{"stated_total_thb": row["stated_total_thb"]}
                  for row in doc.truth["tables"]["plan_sections"]]
        result = score(process_file(pdf), {"tables": {"plan_projects": projects,
                                                      "plan_sections": totals}})
        assert result.total > 0 and result.lost == [], (pdf.name, result.lost[:6])

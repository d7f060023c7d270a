"""A running footer a browser drew over a plan's body is furniture, never a table row.

A plan printed by Chromium on A4 landscape with a running footer in small type
(``position: fixed; bottom: -14mm``: ``แผนปฏิบัติการประจำปี ๒๕๖๘ <agency> หน้า``)
has it drawn on every page after the cover at one place a third of the way down, over
the body: over the title on one page, inside a project table on another. The reader
joined it to the title (the agency lost) and read it as a project row (``แผนปฏิ``,
budget ``2568``, unit ``า``; the rows after it shifted) (:mod:`bma_etl.read.pdf_stamps`).
The plan is generated (bench/corpus ``plan``); the truth is its agency, year and every
project's section, number, name, budget and unit as generated.
"""

from __future__ import annotations

import dataclasses
import random
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file

from corpus import fonts, render
from corpus.build import GENERATORS

_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _bare(text: object) -> str | None:
    return None if text is None else "".join(str(text).split())


@pytest.mark.parametrize("seed", [3, 5])
def test_fixed_footer_over_a_plan_is_no_project_row(tmp_path: Path, seed: int) -> None:
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    rng = random.Random(f"fixed-footer-plan-{seed}")
    found = fonts.available()
    font = next((name for name in ("Kinnari", "Garuda", "Loma") if name in found),
                sorted(found)[0])
    doc = GENERATORS["plan"](rng)
    plan = doc.truth["tables"]["plans"][0]
    footer = (f"แผนปฏิบัติการประจำปี {str(plan['fiscal_year_be']).translate(_THAI)} "
              f"{plan['agency']} หน้า")
    fixed = ('<div style="position:fixed;bottom:-14mm;right:0;font-size:11px">'
             f"{footer}</div>")
    html = render.ruled_table_page(doc).replace("<body>", f"<body>{fixed}", 1)
    assert footer in html, "the generated page has no body: nothing to print the footer on"
    pdf = tmp_path / "plan.pdf"
    render.render_chromium(dataclasses.replace(doc, html=html), pdf, font, found[font],
                           random.Random(seed), header_footer=False, paper="A4 landscape")
    assert len(pdfium.PdfDocument(pdf)) >= 2, "a plan of one page: no footer repeated"
    read = process_file(pdf)
    got = read.tables["plans"][0]
    assert (got.agency, got.fiscal_year_be) == (plan["agency"], plan["fiscal_year_be"])
    truth = doc.truth["tables"]["plan_projects"]
    rows = read.tables["plan_projects"]
    assert len(rows) == len(truth)
    for row, want in zip(rows, truth, strict=True):
        for name in ("section", "seq", "name", "budget_thb", "responsible_unit"):
            if name not in want:  # a field the plan does not state
                continue
            got, expected = getattr(row, name), want[name]
            if name == "budget_thb":
                got = None if got is None else Decimal(str(got))
                expected = None if expected is None else Decimal(str(expected))
            elif name in ("name", "responsible_unit"):
                got, expected = _bare(got), _bare(expected)
            assert got == expected, (name, want)

"""A plan's agency and parent agency run together on a text layer, the space's glyph left out.

Chromium's print of a plan in Loma (Letter, 13 px) can leave out the glyph of the
space between the agency and its parent under the title: pdfium reads
``สำนักงานกฎหมายและคดีสำนักปลัดกรุงเทพมหานคร`` (a gap, no space). That was stored
as the agency, the parent NULL. The cover prints the two on lines of their own;
the line is cut where it does, on a text layer as on an OCR'd page
(``bma_etl.layouts.plan_agencies._cover_cut``). Plans are generated (bench/corpus);
the truth is the agencies as generated.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS, _rng
from corpus.render import have, render_chromium
from read_back import assert_read_as_generated, records_of
from thai_fonts import font_file


@pytest.mark.parametrize("seed", range(6))
def test_agency_and_parent_run_together_on_a_text_layer_are_cut_where_the_cover_prints_them(
        seed: int) -> None:
    rng = random.Random(f"agency-glued-{seed}")
    generated = GENERATORS["plan"](rng)
    plan = generated.tables["plans"][0]
    both = f"{plan['agency']} {plan['parent_agency']}"
    assert both in generated.text.split("\n"), "the title page prints the two on one line"
    text = "\n".join(line.replace(" ", "") if line == both else line
                     for line in generated.text.split("\n"))
    [got] = records_of(extract, text, ocr_used=False)["plans"]
    assert (got.agency, got.parent_agency) == (plan["agency"], plan["parent_agency"])


def test_chromium_print_in_loma_that_left_the_space_out_keeps_both_agencies(
        tmp_path: Path) -> None:
    if not have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    doc = GENERATORS["plan"](_rng(1852, "plan", 4))
    pdf = tmp_path / "plan.pdf"
    settings = render_chromium(doc, pdf, "Loma", font_file("Loma"),
                               _rng(1852, "plan", 4, "chromium"), paper="Letter", pt=13)
    assert settings["page"] == "Letter", settings
    assert_read_as_generated(pdf, doc.truth, tables=("plans",))

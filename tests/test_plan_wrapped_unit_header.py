"""A budget table's header whose unit column's words a large print wrapped.

At 18 pt fpdf2 wraps a strategic table's header anywhere at the margin, so the unit
column's words go on on a line of their own (``ลำดับ ที่ ชื่อโครงการยุทธศาสตร์
งบประมาณ ส่วนราชกา`` / ``ร ที่รับผิดชอบ``); the header was taken to end at the first
line, which names no unit column, and every project's unit was lost. Plans are
generated (``bench/corpus``), their budget tables printed flowing with the header cut
inside the unit's words, then printed by fpdf2 at 18 pt; the truth is the values the
plans were generated from.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.plans import action_plan
from corpus.score import score
from plan_text import budget_rows_read
from read_back import assert_rows_read, records_of
from thai_fonts import font_file

_UNIT = "ส่วนราชการ ที่รับผิดชอบ"
_FIELDS = ("section", "seq", "name", "budget_thb", "responsible_unit")


@pytest.mark.parametrize("cut", [len("ส่วนราชกา"), len("ส่วนราชการ "), len("ส่วน")])
@pytest.mark.parametrize("seed", range(3))
def test_a_header_wrapped_in_its_unit_words_names_the_unit_column(seed: int, cut: int) -> None:
    generated = GENERATORS["plan"](random.Random(seed))
    want = [r for r in generated.tables["plan_projects"] if r["section"] != "routine"]
    flowing = budget_rows_read(
        generated.text,
        lambda m: f"{m.group('no')} {m.group('name')} {m.group('rest').replace(chr(9), ' ')}")
    assert _UNIT in flowing
    text = flowing.replace(_UNIT, f"{_UNIT[:cut].rstrip()}\n{_UNIT[cut:].lstrip()}")
    got = [r for r in records_of(extract, text, ocr_used=False, screened=False)
           .get("plan_projects", []) if r.section != "routine"]
    assert_rows_read("plan_projects", got, want, _FIELDS)


@pytest.mark.parametrize("printing", [(8, "Laksaman", False), (11, "Sarabun", True)])
def test_an_18_pt_print_reads_every_unit(printing: tuple[int, str, bool],
                                         tmp_path: Path) -> None:
    k, font, shaping = printing
    doc = action_plan(random.Random(f"p18-{k}"))
    pdf = tmp_path / "plan.pdf"
    render.render_fpdf(doc, pdf, font, font_file(font), random.Random(f"p18r-{k}"),
                       shaping=shaping, pt=18)
    result = score(process_file(pdf), {"tables": {"plan_projects": doc.truth["tables"][
        "plan_projects"]}})
    assert result.total > 0 and not result.lost, result.lost[:6]

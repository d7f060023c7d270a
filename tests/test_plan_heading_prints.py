"""Action plans printed by Chromium with paragraphs set one under another, no blank line.

Plans are generated from known values (bench/corpus ``plan``), their narrative
part (vision, missions, SWOT lists) set as paragraphs with no empty paragraph
between them, the missions drawn long (the last one near a line's width), and
printed by Chromium on A4, portrait and landscape, with ruled tables. The truth
is the generated values.

What these prints do: a long mission ends near the margin, so the reader, which
cannot tell where a browser would have broken the unbroken Thai heading under
it, takes it for wrapped, and the heading (การวิเคราะห์สภาพแวดล้อม..., จุดแข็ง) is
met right under it; on landscape no line of the page wraps at all, and the
paragraphs and tables after the SWOT lists follow the last item with no gap; a
ruled step row cut by a page break leaves its cell's lines open on both pages.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from conftest import font_file
from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.score import score

#: Words missions are drawn from: a verb phrase, an object, a closing phrase.
_DOING = ("ติดตามและประเมินผลการดำเนินงาน", "พัฒนาระบบบริหารจัดการ", "ส่งเสริมและสนับสนุนการจัดทำแผน",
          "กำกับดูแลและประสานการปฏิบัติงาน")
_OBJECTS = ("ตามแผนของหน่วยงาน", "ด้านข้อมูลสารสนเทศ", "และงบประมาณประจำปี", "เชิงยุทธศาสตร์")
_CLOSING = ("ในสังกัดกรุงเทพมหานคร", "ให้มีประสิทธิภาพและโปร่งใส", "อย่างต่อเนื่องและทั่วถึงทุกพื้นที่")


def _missions(rng: random.Random) -> list[str]:
    """Two or three missions, the last one long (near an A4 line at 12-16 px)."""
    out = [f"{rng.choice(_DOING)}{rng.choice(_OBJECTS)}" for _ in range(rng.randint(1, 2))]
    out.append(f"{rng.choice(_DOING)}{rng.choice(_OBJECTS)}ของหน่วยงาน{rng.choice(_CLOSING)}")
    return out


def _set_close(doc: GeneratedDoc, missions: list[str]) -> None:
    """``doc`` with ``missions`` under พันธกิจ and no empty line in its narrative part."""
    lines = doc.text.split("\n")
    head = lines.index("พันธกิจ")
    end = next(i for i, line in enumerate(lines) if line.startswith("การวิเคราะห์สภาพแวดล้อม"))
    digits = any("๐" <= c <= "๙" for c in lines[head + 2][:2])
    numbered = [f"{i}. {m}" for i, m in enumerate(missions, start=1)]
    if digits:
        numbered = [n.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) for n in numbered]
    lines[head + 1:end] = numbered
    summary = next(i for i, line in enumerate(lines) if line.startswith("สรุปโครงการ"))
    doc.text = "\n".join([line for line in lines[:summary] if line.strip()] + lines[summary:])


@pytest.mark.parametrize("paper", ["A4", "A4 landscape"])
def test_a_long_last_mission_ends_at_the_swot_heading(tmp_path: Path, paper: str) -> None:
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    for k, font in enumerate(("Garuda", "Kinnari")):
        rng = random.Random(f"heads-{paper}-{k}")
        doc: GeneratedDoc = GENERATORS["plan"](rng)
        missions = _missions(rng)
        _set_close(doc, missions)
        pdf = tmp_path / f"plan-{k}.pdf"
        render.render_chromium(doc, pdf, font, font_file(font), random.Random(k),
                               header_footer=False, paper=paper)
        processed = process_file(pdf)
        assert processed.layout == "annual_action_plan", pdf.name
        assert processed.rows("plans")[0].missions == missions, (paper, font)
        result = score(processed, doc.truth)
        lost = [item for item in result.lost if item[0].startswith("plan_swot_items.")]
        assert not lost, (paper, font, lost)

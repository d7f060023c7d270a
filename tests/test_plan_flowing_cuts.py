"""A flowing action plan's cells the page cut or spread, read whole.

Two faults a flowing print (fpdf2: a paragraph with ``multi_cell``, justified; a
tab line with ``write``, cut anywhere at the margin) made on the second robustness
seed (11):

- a scoring level's score cut between its digits at the right margin
  (``... กรุงเทพมหานคร ๒`` / ``๐``, or ``๒`` at a page's foot and ``๗`` at the
  next page's top): the digits alone were taken for a page number or a gap and
  the score read ``๒``;
- ``ชื่อตัวชี้วัดที่ ๓`` justified to the margin (its one space spread, the ``๓``
  flush right) above a shorter line: the reader took the two lines for one row of
  two cells (``ชื่อตัวชี้วัดที่ระดับความสำเร็จ...\\t๓``) and the steps under it kept
  the indicator before.

Unit cases first (lines as the reader gives them, generated scores cut at each
place, Arabic and Thai digits), then a generated plan printed by fpdf2 as the
corpus prints it on seed 11 (with and without shaping); the truth is the values
the plan was generated from.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.layouts.base import Raw, RepairedText
from bma_etl.layouts.plan_flow_levels import flow_levels
from bma_etl.layouts.plan_steps import StepContext, update_step_context
from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS, _rng
from corpus.score import score
from thai_fonts import font_file

HEAD = ("เกณฑ์การให้คะแนน “ระดับความสำเร็จในการลดปริมาณมูลฝอย”\n\n"
        "ระดับความสำเร็จ\tเกณฑ์ร้อยละความสำเร็จ\tการดำเนินงาน\tคะแนนที่ได้รับ\n")
DESC = "ดำเนินการตามแผนได้ครบ {level} ขั้นตอน และรายงานผลต่อผู้บริหารกรุงเทพมหานคร"
_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _levels(scores: list[int], thai: bool, cut: int, page_break: bool
            ) -> tuple[list[str], list[dict[str, str]]]:
    """Read five levels whose scores the page cut after their ``cut``-th digit.

    Returns the scores read and what was generated. Each level's description fills
    one line; its score's first digits end the next line, the rest stands alone on
    the line after (or, with ``page_break``, after the page's foot and head).
    """
    digits = (lambda s: s.translate(_THAI)) if thai else str
    lines: list[str] = []
    wraps: set[int] = set()
    furniture: set[int] = set()
    for level, points in zip(range(5, 0, -1), scores, strict=True):
        text = digits(str(points))
        lines.append(f"{digits(str(level))}\tร้อยละ {digits(str(50 + 10 * level))} ของน้ำหนักคะแนน")
        lines.append(f"{DESC.format(level=digits(str(level)))} {text[:cut]}")
        wraps.add(HEAD.count("\n") + len(lines))
        if page_break and level == 3:
            lines += [f"- {digits('4')} -", "ระบบติดตามและประเมินผลโครงการ กรุงเทพมหานคร"]
            furniture |= {HEAD.count("\n") + len(lines) - 1, HEAD.count("\n") + len(lines)}
        lines.append(text[cut:])
    doc = RepairedText.of(HEAD + "\n".join(lines) + "\n", wraps=frozenset(wraps),
                          furniture=frozenset(furniture))
    read = [f.row.fields["score"] for f in flow_levels(doc, list(doc.lines()), set())]
    return [r.text if isinstance(r, Raw) else str(r) for r in read], [
        {"score": digits(str(s))} for s in scores]


@pytest.mark.parametrize("thai", [False, True], ids=["arabic", "thai"])
@pytest.mark.parametrize("page_break", [False, True], ids=["same-page", "page-break"])
def test_score_cut_at_the_margin_is_one_number(thai: bool, page_break: bool) -> None:
    rng = random.Random(f"cut-score-{thai}-{page_break}")
    for _ in range(6):
        scores = [rng.randrange(10, 1000) for _ in range(5)]
        for cut in (1, 2):
            scores = [s if len(str(s)) > cut else s * 10 for s in scores]
            read, made = _levels(scores, thai, cut, page_break)
            assert read == [m["score"] for m in made], (cut, scores)


def test_digits_after_a_line_not_wrapped_stay_apart() -> None:
    # the reader saw no wrap (a page number under a level whose score ended its line)
    doc = RepairedText.of(HEAD + "๕\tร้อยละ ๑๐๐ ของน้ำหนักคะแนน\n"
                          f"{DESC.format(level='๕')} ๒๐\n๓\n")
    read = [f.row.fields["score"] for f in flow_levels(doc, list(doc.lines()), set())]
    assert [r.text for r in read if isinstance(r, Raw)] == ["๒๐"]


@pytest.mark.parametrize("no", ["๓", "12", "๑"])
def test_indicator_number_in_a_cell_of_its_own_at_the_line_end(no: str) -> None:
    name = "ระดับความสำเร็จในการจัดกิจกรรมกระชับและส่งเสริมความสัมพันธ์กับเมืองพี่เมืองน้อง"
    for heading in (f"ชื่อตัวชี้วัดที่{name}\t{no}", f"ชื่อตัวชี้วัดที่ {no} {name}",
                    f"ชื่อตัวชี้วัดที่\t{no}"):
        doc = RepairedText.of(heading + "\n")
        ctx = StepContext()
        update_step_context(doc, ctx, list(doc.lines()))
        assert isinstance(ctx.indicator_no, Raw) and ctx.indicator_no.text == no, heading
    doc = RepairedText.of(f"ชื่อตัวชี้วัดที่ {name}\t{no}\tร้อยละ ๕๐\n")  # not a number alone
    ctx = StepContext()
    update_step_context(doc, ctx, list(doc.lines()))
    assert ctx.indicator_no is None


#: (producer, font) of seed 11's prints of its second plan that lost these fields.
PRINTS = (("fpdf2", "Loma"), ("fpdf2-shaped", "Norasi"))


@pytest.mark.parametrize("producer,font", PRINTS, ids=lambda v: str(v))
def test_plan_printed_as_on_seed_11_reads_scores_and_step_indicators(
        producer: str, font: str, tmp_path: Path) -> None:
    doc = GENERATORS["plan"](_rng(11, "plan", 1))
    pdf = tmp_path / f"plan.{producer}.pdf"
    render.render_fpdf(doc, pdf, font, font_file(font), _rng(11, "plan", 1, producer),
                       shaping=producer == "fpdf2-shaped")
    tables = doc.truth["tables"]
    truth = {"tables": {
        "plan_scoring_levels": [{"level": r["level"], "score": r["score"]}
                                for r in tables["plan_scoring_levels"]],
        "plan_steps": [{"step_no": r["step_no"], "indicator_no": r["indicator_no"]}
                       for r in tables["plan_steps"]]}}
    result = score(process_file(pdf), truth)
    assert result.total > 0
    assert not result.lost, result.lost[:6]

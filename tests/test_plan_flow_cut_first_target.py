"""A flowing target row whose first target's number the page cut right after the name.

fpdf2 (shaped or not) prints a plan's indicator-target row as flowing text, the
targets set at the next tab stop after the name, and breaks a word anywhere when
the line is full: the first target's ``๒๑ ชุมชน`` ends the name's line as ``๒``
and opens the next (on the same page, or after a page break) as ``๑ ชุมชน``. The
name took the ``๒`` and the target lost its first digit. The PDF reader marks the
name's line as wrapped with no space written (``RepairedText.wraps`` less
``spaced``): there the digits are the target's. A name whose own number ends an
unwrapped line (``ระยะที่ ๒``) keeps it (tests/test_fpdf_shaped_plan_cells.py).

The truth is the values the rows (or the corpus's plans) were generated from.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.layouts.base import Raw, RepairedText
from bma_etl.layouts.plan_flow_kpi import flow_targets

from corpus_prints import corpus_fpdf_print
from read_back import assert_read_as_generated

_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
HEAD = "แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๗\nสำนักงานสิ่งแวดล้อม\n\n"
NAMES = ("ระดับความสำเร็จในการจัดทำแผนพัฒนาบุคลากรของหน่วยงาน - จำนวนกิจกรรมที่จัดร่วมกับ"
         "ภาคีเครือข่ายภาครัฐและเอกชน",
         "ระดับความสำเร็จในการพัฒนาทรัพยากรบุคคล - จำนวนผู้ประกอบการที่เข้าร่วมกิจกรรม")
SHAPES = ("{a} ชุมชน ภายในปี พ.ศ. {y}", "{a} ราย {b} ผลิตภัณฑ์")
#: A page break between the two lines: the footer's page number, the next header.
BREAK = ("- ๕ -", "ระบบติดตามและประเมินผลโครงการ กรุงเทพมหานคร")


def _rows(seed: int, across_page: bool, digits: str = "0123456789") -> tuple[
        list[tuple[str, str, str]], list[tuple[object, object, object]]]:
    """``(want, got)`` for one generated row cut inside its first target's number."""
    rng = random.Random(seed)
    years = [str(rng.randint(2560, 2566) + k) for k in range(3)]
    name, shape = rng.choice(NAMES), SHAPES[seed % 2]
    first, second = rng.randint(10, 99), rng.randint(10, 99)
    targets = [shape.format(a=first + 5 * k, b=second + k, y=y) for k, y in enumerate(years)]
    thai = digits != "0123456789"
    if thai:
        targets, years = [t.translate(_THAI) for t in targets], [y.translate(_THAI) for y in years]
    row = " ".join(targets)
    cut = rng.randint(1, len(str(first)) - 1)  # the number's first digits end the name's line
    above = f"{'๑' if thai else '1'} {name} {row[:cut]}"
    between = list(BREAK) if across_page else []
    lines = [*HEAD.split("\n")[:-1], "ตัวชี้วัดเป้าประสงค์", "",
             "ลำดับที่ ตัวชี้วัด ค่าเป้าหมาย", " ".join(years), above, *between,
             row[cut:], "", "แนวทางการประเมินผล", ""]
    no = lines.index(above) + 1  # 1-based
    doc = RepairedText.of("\n".join(lines), wraps=frozenset({no}),
                          furniture=frozenset(range(no + 1, no + 1 + len(between))))
    got = [(r["name"], r["year_be"], r["target_text"]) for r in
           ({k: v.text if isinstance(v, Raw) else v for k, v in f.row.fields.items()}
            for f in flow_targets(doc, list(doc.lines()), set()))]
    return [(name, y, t) for y, t in zip(years, targets, strict=True)], got


@pytest.mark.parametrize("across_page", [False, True])
@pytest.mark.parametrize("seed", range(4))
def test_a_first_target_cut_after_the_name_on_a_wrapped_line_is_whole(
        seed: int, across_page: bool) -> None:
    want, got = _rows(seed, across_page, "๐๑๒๓๔๕๖๗๘๙" if seed % 2 else "0123456789")
    assert got == want


@pytest.mark.parametrize(("seed", "k", "font", "shaping"), [
    # corpus seed 1601's third plan, fpdf2-shaped in Loma: ``…เอกชน 2`` / page break /
    # ``1 ชุมชน ภายในปี พ.ศ. 2560``
    (1601, 2, "Loma", True),
    # corpus seed 1801's eighth plan, fpdf2 in Laksaman (14 pt, A4 portrait):
    # ``…ที่เข้าร่วมกิจกรรม ๑`` / ``๑ ราย ๒๒ ผลิตภัณฑ์``
    (1801, 7, "Laksaman", False),
])
def test_the_targets_of_an_fpdf_print_keep_a_first_number_cut_after_the_name(
        tmp_path: Path, seed: int, k: int, font: str, shaping: bool) -> None:
    doc, pdf = corpus_fpdf_print(tmp_path, seed, "plan", k, font, shaping=shaping)
    assert_read_as_generated(pdf, doc.truth, ["plan_indicators"])

"""A flowing target's number cut at a wrap right after the year before it, no gap between.

fpdf2 (Loma, shaped) prints a plan's indicator-target row as flowing text; the
reader may lose the narrow gap between one target's year and the next target
(``ภายในปี พ.ศ. ๒๕๖๓๒๔ กิจกรรม``), and when the page breaks the line inside that
next number the line ends ``พ.ศ. ๒๕๖๓๒`` and the next opens ``๔ กิจกรรม``. The
wrap's space was kept: the year took the ``๒`` (``…พ.ศ. ๒๕๖๓๒``) and the target
was stored with one digit (``๔ กิจกรรม`` for ``๒๔ กิจกรรม``). A year after พ.ศ. has
four digits: the digits after them at a line's end are the next number's
(:data:`bma_etl.layouts.plan_flow_row_join._CUT_NUMBER_END_RE`).

The truth is the values the rows (or the corpus's plan) were generated from.
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
HEAD = ["แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๗", "สำนักงานสิ่งแวดล้อม", ""]
NAME = "จำนวนผู้ประกอบการที่ได้รับการส่งเสริมและพัฒนาศักยภาพ"
UNITS = ("กิจกรรม", "ราย", "ชุมชน", "แห่ง")


def _row(seed: int, thai: bool) -> tuple[list[tuple[str, str, str]], list[tuple[object, ...]]]:
    """``(want, got)`` for one generated row, a later target cut right after the year before."""
    rng = random.Random(seed)
    years = [str(2560 + rng.randint(0, 3) + k) for k in range(4)]
    unit, base, step = rng.choice(UNITS), rng.randint(10, 40), rng.randint(1, 5)
    targets = [f"{base + step * k} {unit} ภายในปี พ.ศ. {y}" for k, y in enumerate(years)]
    if thai:
        targets, years = [t.translate(_THAI) for t in targets], [y.translate(_THAI) for y in years]
    j = rng.randint(1, 3)  # the target cut: its year's gap before it lost
    before = " ".join(targets[:j])  # ends with the year of target j - 1, no gap after it
    rest = " ".join(targets[j:])
    cut = rng.randint(1, len(str(base + step * j)) - 1)
    above = f"{'๑' if thai else '1'}\t{NAME} {before}{rest[:cut]}"
    lines = [*HEAD, "ตัวชี้วัดเป้าประสงค์", "", "ลำดับที่\tตัวชี้วัด\tค่าเป้าหมาย",
             "\t" + "\t".join(years), above, rest[cut:], "", "แนวทางการประเมินผล", ""]
    doc = RepairedText.of("\n".join(lines), wraps=frozenset({lines.index(above) + 1}))
    got = [(r["name"], r["year_be"], r["target_text"]) for r in
           ({k: v.text if isinstance(v, Raw) else v for k, v in f.row.fields.items()}
            for f in flow_targets(doc, list(doc.lines()), set()))]
    return [(NAME, y, t) for y, t in zip(years, targets, strict=True)], got


@pytest.mark.parametrize("seed", range(6))
def test_a_number_cut_right_after_a_year_without_a_gap_is_whole(seed: int) -> None:
    want, got = _row(seed, thai=seed % 2 == 0)
    assert got == want


def test_the_targets_of_an_fpdf_print_keep_a_number_cut_after_a_glued_year(
        tmp_path: Path) -> None:
    # corpus seed 3002's sixth plan, fpdf2-shaped in Loma: ``…ภายในปีพ.ศ. ๒๕๖๓๒`` /
    # ``๔ กิจกรรม ภายในปี พ.ศ. ๒๕๖๔ …``
    doc, pdf = corpus_fpdf_print(tmp_path, 3002, "plan", 5, "Loma", shaping=True)
    assert_read_as_generated(pdf, doc.truth, ["plan_indicators"])

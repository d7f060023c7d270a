"""A flowing target row cut inside a number whose rest looks like the next row's number.

fpdf2 prints a plan's indicator-target row as flowing text and breaks a word
anywhere when the line is full: ``…๑๑ ราย ๒๑ ผลิตภัณฑ์ ๑`` / ``๒ ราย ๒๒ ผลิตภัณฑ์ …``.
The row before the cut already had a start for each of its targets (two numbers
and units a target), and the next line opens with a digit and a word, as the next
row's number and name do: it was taken for row ``๒``, its targets lost or
shifted (``๑๒ ราย ๒๒ ผลิตภัณฑ์`` read as ``๒๐ ผลิตภัณฑ์``, ``๑๑ ราย``) and the
cut number stored with one digit. Digits that end a number the page cut at the
row's line end (:func:`bma_etl.layouts.plan_flow_row_join.rests_cut_number`)
never open a row.

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
NAMES = ("ระดับความสำเร็จในการพัฒนาทรัพยากรบุคคล - จำนวนผู้ประกอบการที่เข้าร่วมกิจกรรม",
         "ระดับความสำเร็จในการพัฒนาระบบฐานข้อมูลสำหรับบูรณาการภารกิจของหน่วยงาน",
         "จำนวนกิจกรรมที่จัดร่วมกับภาคีเครือข่ายภาครัฐและเอกชน")
SHAPES = ("{a} ราย {b} ผลิตภัณฑ์", "{a} ชุมชน {b} กิจกรรม")


def _rows(seed: int, thai: bool) -> tuple[list[tuple[str, str, str]], list[tuple[object, ...]]]:
    """``(want, got)`` for two generated rows, the first cut inside a later target's number.

    The cut target's number is ``1`` then ``2``: its rest opens the next line as
    the next row's number would.
    """
    rng = random.Random(seed)
    years = [str(2563 + k) for k in range(4)]
    shape = rng.choice(SHAPES)
    j = rng.randint(1, 3)  # the target cut: not the first (its start is the name's end)
    first, second = 12 - j, rng.randint(20, 40)
    names = rng.sample(NAMES, 2)
    rows = [[shape.format(a=first + k, b=second + k) for k in range(4)],
            [shape.format(a=first + 5 + k, b=second + 9 + k) for k in range(4)]]
    if thai:
        rows = [[t.translate(_THAI) for t in r] for r in rows]
        years = [y.translate(_THAI) for y in years]
    text = " ".join(rows[0])
    at = text.index(rows[0][j]) + 1  # after the cut number's first digit
    one, two = ("๑", "๒") if thai else ("1", "2")
    above = f"{one}\t{names[0]} {text[:at]}"
    lines = [*HEAD, "ตัวชี้วัดเป้าประสงค์", "", "ลำดับที่\tตัวชี้วัด\tค่าเป้าหมาย",
             "\t" + "\t".join(years), above, text[at:],
             f"{two}\t{names[1]} " + " ".join(rows[1]), "", "แนวทางการประเมินผล", ""]
    doc = RepairedText.of("\n".join(lines), wraps=frozenset({lines.index(above) + 1}))
    got = [(r["name"], r["year_be"], r["target_text"]) for r in
           ({k: v.text if isinstance(v, Raw) else v for k, v in f.row.fields.items()}
            for f in flow_targets(doc, list(doc.lines()), set()))]
    want = [(name, y, t) for name, targets in zip(names, rows, strict=True)
            for y, t in zip(years, targets, strict=True)]
    return want, got


# seeds whose cut the code before the rest was recognised (db53f58) read wrong
@pytest.mark.parametrize(("seed", "thai"), [(0, True), (4, False), (6, True), (8, False),
                                            (13, True), (17, False)])
def test_a_cut_number_rest_that_looks_like_the_next_row_number_stays_in_its_row(
        seed: int, thai: bool) -> None:
    want, got = _rows(seed, thai)
    assert got == want


def test_the_targets_of_an_fpdf_print_keep_a_number_cut_before_the_next_row_number(
        tmp_path: Path) -> None:
    # corpus seed 2109's fourth plan, fpdf2 in Norasi: ``…๒๑ ผลิตภัณฑ์ ๑`` /
    # ``๒ ราย ๒๒ ผลิตภัณฑ์ ๑๓ ราย ๒๓ ผลิตภัณฑ์``
    doc, pdf = corpus_fpdf_print(tmp_path, 2109, "plan", 3, "Norasi", shaping=False)
    assert_read_as_generated(pdf, doc.truth, ["plan_indicators"])


PERCENT = "ร้อยละ {a}"


@pytest.mark.parametrize(("seed", "thai", "gap"),
                         [(s, t, g) for s in range(2) for t in (True, False) for g in ("\t", " ")])
def test_a_whole_row_wrapped_with_no_space_keeps_the_next_row(
        seed: int, thai: bool, gap: str) -> None:
    # a row whose last line the PDF reader saw wrapped with no space (full to the
    # margin) ends with its last target whole (``ร้อยละ ๙๕``); the next line is the
    # next row, its number and name (``๒<tab>จำนวนกิจกรรม…``), not a cut number's rest
    rng = random.Random(seed)
    years = [str(2563 + k) for k in range(4)]
    first = rng.randint(60, 85)
    names = rng.sample(NAMES, 2)
    count = rng.randint(5, 20)
    rows = [[PERCENT.format(a=first + 5 * k) for k in range(4)],
            [f"{count + 2 * k} กิจกรรม" for k in range(4)]]
    if thai:
        rows = [[t.translate(_THAI) for t in r] for r in rows]
        years = [y.translate(_THAI) for y in years]
    one, two = ("๑", "๒") if thai else ("1", "2")
    above = f"{one}\t{names[0]} " + " ".join(rows[0])
    lines = [*HEAD, "ตัวชี้วัดเป้าประสงค์", "", "ลำดับที่\tตัวชี้วัด\tค่าเป้าหมาย",
             "\t" + "\t".join(years), above,
             f"{two}{gap}{names[1]} " + " ".join(rows[1]), "", "แนวทางการประเมินผล", ""]
    doc = RepairedText.of("\n".join(lines), wraps=frozenset({lines.index(above) + 1}))
    got = [(r["name"], r["year_be"], r["target_text"]) for r in
           ({k: v.text if isinstance(v, Raw) else v for k, v in f.row.fields.items()}
            for f in flow_targets(doc, list(doc.lines()), set()))]
    assert got == [(name, y, t) for name, targets in zip(names, rows, strict=True)
                   for y, t in zip(years, targets, strict=True)]

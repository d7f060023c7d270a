"""Where an OCR'd plan's cells and rows start and end, on generated plans.

Plans are generated from known values (``bench/corpus``) and damaged the ways
Tesseract damaged them on the work seeds' grey and 1-bit scans:

- a speck read after a cell's last word or before its first one, set off by a
  space (``...ของหน่วยงาน »``, ``...รายต่อปี ก``, ``...ในสังกัด >``,
  ``: ส่วนแผนงานฯ``): the cell is read without it; a target's number OCR read
  as letters (``ne ราย ๑๘``, ``ร้อยละ wo``) is no speck (tests/test_plan_scan_tables.py);
- the ``ร`` of ``ระดับความสำเร็จ`` read as a speck, its ``ะ`` kept
  (``วัฐ ะดับความสำเร็จ...``): the name is read whole;
- an indicator-target table printed flowing whose rows state no number, a row's
  target number misread as a letter (``ฒ แห่ง``): the next row, after the empty
  number cell's gap, is still a row of its own (it was taken for the rest of the
  damaged row's targets and lost).

The truth is the generated values.
"""

from __future__ import annotations

import random
import re
import textwrap
from itertools import groupby
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import Raw, RepairedText
from bma_etl.layouts.plan_flow_kpi import flow_targets

from corpus.build import GENERATORS
from read_back import records_of

_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

#: Specks Tesseract read beside cells on the work seeds' scans.
_TAIL_SPECKS = (" »", " ก", " wo", " >", " เ", " a", " «")
_HEAD_SPECKS = (": ", "» ", "a ")
_SIGN_SPECKS = (" »", " «", " >", " :")


def _plan(seed: int) -> Any:
    return GENERATORS["plan"](random.Random(seed))


def _squashed(text: object) -> str | None:
    return None if text is None else "".join(str(text).split())


_PROJECT_ROW_RE = re.compile(
    r"^(?P<seq>[0-9๑-๙]+)\t(?P<name>โครงการ[^\t\n]*)\t(?P<budget>[^\t\n]*)\t(?P<unit>[^\t\n]+)$",
    re.M)


@pytest.mark.parametrize("seed", range(4))
def test_project_cells_with_specks_beside_them_are_read_without_them(seed: int) -> None:
    generated = _plan(seed)
    count = 0

    def speck(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        tail = _TAIL_SPECKS[(seed + count) % len(_TAIL_SPECKS)]
        head = _HEAD_SPECKS[(seed + count) % len(_HEAD_SPECKS)]
        return (f"{m.group('seq')}\t{m.group('name')}{tail}\t{m.group('budget')}\t"
                f"{head}{m.group('unit')}{tail}")

    text = _PROJECT_ROW_RE.sub(speck, generated.text)
    assert count, "the generator writes project tables"
    want = [(_squashed(w["name"]), w.get("responsible_unit"))
            for w in generated.tables["plan_projects"]]
    got = [(_squashed(r.name), r.responsible_unit)
           for r in records_of(extract, text, screened=False).get("plan_projects", [])]
    assert got == want


_TARGET_ROW_RE = re.compile(r"^(?P<seq>[๑-๙]+)\t(?P<name>[^\t\n]+)(?P<targets>(?:\t[^\t\n]+)+)$",
                            re.M)


@pytest.mark.parametrize("seed", range(4))
def test_indicator_cells_with_specks_beside_them_are_read_without_them(seed: int) -> None:
    """A speck after the name and after each target; the name's ``ร`` of ``ระดับ`` read
    as a speck (``วัฐ ะดับ``)."""
    generated = _plan(seed)
    count = 0

    def speck(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        name = re.sub(r"^ระดับความสำเร็จ", "วัฐ ะดับความสำเร็จ", m.group("name"))
        # after a target only signs, or a letter after its unit: ``ร้อยละ wo``, ``ร้อยละ ฒ``
        # are its number misread
        targets = [t + (" ก" if re.search(r"[ก-๎]$", t) and k % 2 else
                        _SIGN_SPECKS[(seed + count + k) % len(_SIGN_SPECKS)])
                   for k, t in enumerate(m.group("targets").split("\t")[1:])]
        return "\t".join([m.group("seq"), name, *targets])

    text = _TARGET_ROW_RE.sub(speck, generated.text)
    assert count, "the generator writes indicator-target tables"
    want = [(w["name"], w["target_text"]) for w in generated.tables["plan_indicators"]]
    got = [(r.name, r.target_text)
           for r in records_of(extract, text, screened=False).get("plan_indicators", [])]
    assert got == want


# ------------------------------------------------------- rows after the number cell's gap

HEAD = "แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๗\nสำนักงานการต่างประเทศ\n\n"
#: Where a target's number starts: after its words, or at its start.
_NUMBER_RE = re.compile(r"[0-9๐-๙]+")


def _indicators(seed: int) -> list[tuple[str, list[str]]]:
    """A generated plan's indicators (name, one target per year), two or more of them."""
    rng = random.Random(seed)
    while True:
        rows = GENERATORS["plan"](rng).tables["plan_indicators"]
        found = [(name, [r["target_text"] for r in group])
                 for name, group in groupby(rows, key=lambda r: r["name"])]
        if len(found) >= 2 and len(found[0][1]) >= 2:
            return found[:3]


@pytest.mark.parametrize("speck", ["", ","])
@pytest.mark.parametrize("seed", range(6))
def test_row_after_the_gap_opens_though_the_row_before_has_a_misread_number(
        seed: int, speck: str) -> None:
    """And a speck glued to a name's last word before its targets (``...ต้นทาง,``) is
    none of the name."""
    indicators = _indicators(seed)
    years = len(indicators[0][1])
    lines: list[str] = []
    # the first row's last target's number misread as a letter (``ฒ แห่ง``)
    misread = [*indicators[0][1][:-1], _NUMBER_RE.sub("ฒ", indicators[0][1][-1], count=1)]
    for k, (name, targets) in enumerate(indicators):
        targets = misread if k == 0 else targets
        wrapped = textwrap.wrap(f"{name}{speck} {' '.join(targets)}", 60)
        lines.append(("\t" if k else "") + wrapped[0])
        lines.extend(wrapped[1:])
    header = "\t\t" + " ".join(str(2565 + y).translate(_THAI_DIGITS) for y in range(years))
    text = (f"{HEAD}ตัวชี้วัดเป้าประสงค์\n\nลำดับที่ ตัวชี้วัด ค่าเป้าหมาย\n{header}\n"
            + "\n".join(lines) + "\n\nแนวทางการประเมินผล\n")
    doc = RepairedText.of(text, ocr_used=True)
    got = [(f.row.fields["name"], f.row.fields["target_text"])
           for f in flow_targets(doc, list(doc.lines()), set())]
    names = [n.text for n, _ in got if isinstance(n, Raw)]
    assert list(dict.fromkeys(names)) == [name for name, _ in indicators]
    for (name, targets), start in zip(indicators, range(0, len(got), years), strict=True):
        read = [t.text if isinstance(t, Raw) else t for _, t in got[start:start + years]]
        if name == indicators[0][0]:  # the damaged row: its targets as OCR read them, or none
            assert all(r is None or _squashed(r) == _squashed(w)
                       for r, w in zip(read, misread, strict=True))
        else:  # (a wrap joins its lines as Thai words: compared without spaces)
            assert [_squashed(r) for r in read] == [_squashed(w) for w in targets]


# ------------------------------------------------------- step project headings

_STEP_PROJECT_HEADING_RE = re.compile(r"^ชื่อโครงการที่ (?=\S+ โครงการ.*\)$)", re.M)
#: What OCR made of ``ชื่อโครงการที่`` on a 150 dpi grey scan (seed 79).
_GARBLED = ("ปเลอกาจต ", "ซือโคจการท ")


@pytest.mark.parametrize("seed", range(4))
def test_step_project_heading_whose_words_ocr_garbled_names_the_project(seed: int) -> None:
    """``ปเลอกาจต ๑ โครงการ... (ส่วนยุทธศาสตร์ฯ)``: the number, a name opening ``โครงการ``
    and the unit in brackets make it the heading; the steps under it are that project's."""
    generated = _plan(seed)
    text, count = _STEP_PROJECT_HEADING_RE.subn(_GARBLED[seed % len(_GARBLED)], generated.text)
    assert count, "the generator writes step tables under project headings"
    want = [_squashed(row["project_name"]) for row in generated.tables["plan_steps"]]
    got = [_squashed(r.project_name)
           for r in records_of(extract, text, screened=False).get("plan_steps", [])]
    assert got == want

"""A scanned plan table's rule line OCR read as a bracket or a bar at a cell's start.

Plans are generated from known values (``bench/corpus``) and damaged the way
Tesseract damaged the ruled project tables of scanned plans (breaker12's plan
scans: ``(ฝ่ายโยธา``, ``(ฝ่ายสิ่งแวดล้อมและสุขาภิบาล``, ``ไ (|โครงการติดตั้ง...``):
the cell's left rule, read as ``(``, ``[``, ``|`` or ``(|`` glued to its first
letter, is no part of the project's name or unit; a bracket the writer closed in
the cell stays. The truth is the generated values.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.document import Span
from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import Raw, RepairedText
from bma_etl.layouts.plan_rule_marks import without_rule_marks

from corpus.build import GENERATORS
from read_back import records_of

_PROJECT_ROW_RE = re.compile(
    r"^(?P<seq>[0-9๑-๙]+)\t(?P<name>โครงการ[^\t\n]*)\t(?P<budget>[^\t\n]*)\t(?P<unit>[^\t\n]+)$",
    re.M)
#: What Tesseract read a cell's left rule as, before the cell's first letter.
_UNIT_MARKS = ("(", "[", "|", "(|")
_NAME_MARKS = ("ไ (|", "(", "|", "[")


def _plan(seed: int) -> Any:
    return GENERATORS["plan"](random.Random(seed))


@pytest.mark.parametrize("seed", range(6))
def test_a_rule_read_as_a_bracket_before_a_cell_is_no_part_of_it(seed: int) -> None:
    generated = _plan(seed)
    count = 0

    def ruled(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        unit = _UNIT_MARKS[(seed + count) % len(_UNIT_MARKS)] + m.group("unit")
        name = m.group("name")
        if count % 2:
            name = _NAME_MARKS[(seed + count) % len(_NAME_MARKS)] + name
        return f"{m.group('seq')}\t{name}\t{m.group('budget')}\t{unit}"

    text = _PROJECT_ROW_RE.sub(ruled, generated.text)
    assert count, "the generator writes project tables"
    want = [("".join(w["name"].split()), w.get("responsible_unit"))
            for w in generated.tables["plan_projects"]]
    got = [("".join(str(r.name).split()), r.responsible_unit)
           for r in records_of(extract, text, screened=False).get("plan_projects", [])]
    assert got == want


class _Doc:
    ocr_used = True

    def sub_raw(self, raw: Raw, a: int, b: int) -> Raw:
        return Raw(raw.text[a:b], raw.span)


@pytest.mark.parametrize("unit", ["ฝ่ายรักษาความสะอาดและสวนสาธารณะ", "ฝ่ายสิ่งแวดล้อมและสุขาภิบาล"])
def test_a_wrapped_units_second_line_opened_by_the_rule_reads_whole(unit: str) -> None:
    """A unit wrapped over two lines, the second line's rule read ``(``: as pieces and
    as one value read across the wrap (the join put a space before the bracket)."""
    cut = unit.index("และ")
    first, second = unit[:cut], "(" + unit[cut:]
    doc: Any = _Doc()
    pieces = without_rule_marks(doc, [Raw(first, Span(1, 1, 0, 1)), Raw(second, Span(1, 2, 0, 1))])
    assert isinstance(pieces, list) and "".join(p.text for p in pieces) == unit
    joined = without_rule_marks(doc, Raw(f"{first} {second}", Span(1, 1, 0, 1), joined=True))
    assert isinstance(joined, Raw) and joined.text == unit


@pytest.mark.parametrize("value", ["(ส่วนแผนงานฯ)", "ฝ่ายโยธา (งานก่อสร้าง)",
                                   "โครงการก่อสร้าง (ระยะที่ ๒)"])
def test_a_bracket_the_writer_closed_stays(value: str) -> None:
    assert without_rule_marks(_Doc(), Raw(value, Span(1, 1, 0, len(value)))).text == value
    wrapped = [Raw(value[:value.index("(") + 3], Span(1, 1, 0, 1)),
               Raw(value[value.index("(") + 3:], Span(1, 2, 0, 1))]
    assert [p.text for p in without_rule_marks(_Doc(), wrapped)] == [p.text for p in wrapped]


def test_a_text_layer_keeps_every_mark() -> None:
    doc = RepairedText.of("(ฝ่ายโยธา", (), False)
    raw = doc.raw(0, len(doc.text))
    assert without_rule_marks(doc, raw) == raw


# ------------------------------------------------------- a row number misread

@pytest.mark.parametrize("seed", range(8))
def test_a_row_number_read_out_of_sequence_is_null_and_the_rows_stay_apart(seed: int) -> None:
    """Tesseract's Thai model read ``๔`` as ``๕`` in a project's number (``๑ ๒ ๓ ๕ ๕``):
    that row's ``seq`` is NULL (a finding says so), the rows stay apart, the other
    numbers stay."""
    rng = random.Random(seed)
    damaged = 0

    def misread(m: re.Match[str]) -> str:
        nonlocal damaged
        if m.group("seq") != "๔":
            return m.group()
        damaged += 1
        return m.group().replace("๔", "๕", 1)

    while not damaged:  # a plan whose project table (tabbed) has a fourth row
        generated = GENERATORS["plan"](rng)
        rows = generated.tables["plan_projects"]
        text = _PROJECT_ROW_RE.sub(misread, generated.text)
    got = records_of(extract, text, screened=False).get("plan_projects", [])
    assert len(got) == len(rows)
    want = [("".join(w["name"].split()), None if w.get("seq") == 4 else w.get("seq"))
            for w in rows]
    assert [("".join(r.name.split()), r.seq if "seq" in w else None)
            for r, w in zip(got, rows, strict=True)] == want
    doubted = [f for f in extract(RepairedText.of(text, (), ocr_used=True)).findings
               if f.table_name == "plan_projects" and f.field == "seq"]
    assert doubted and {f.code for f in doubted} == {"ocr_doubtful_value"}

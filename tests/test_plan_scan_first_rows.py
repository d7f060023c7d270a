"""A step table's first row whose number OCR lost, after a month row the page wrapped,
on generated plans.

Plans are generated from known values (``bench/corpus``); their step tables are
printed flowing (a row's cells run into wrapped lines, no tab: what Tesseract gives
for a table without ruled cells) and damaged the way Tesseract damaged them on the
corpus's 150 dpi scans: the schedule's month row wraps its last month onto a line
of its own (``... ส.ค. ก.`` / ``ย.``), and the table's first step loses its number
cell (the row opens with its words, its two percentages, equal, at its end).

The truth is the generated values: the first step is a step of its own (its
number NULL: OCR did not read it), every step keeps its own words and percentages,
none shifts onto the row above or below.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from ocr_text import thai_wrapped
from read_back import assert_rows_read, records_of

#: A step's row as generated: its number and words, its two number cells, the schedule.
_STEP_CELLS = re.compile(r"^(?P<no>[๑-๙1-9])\.\s(?P<body>[^\t]+)\t(?P<pct>[๐-๙0-9.]+)\t"
                         r"(?P<cum>[๐-๙0-9.]+)(?P<marks>.*)$")
#: The schedule's month row as generated (tabs between the abbreviations).
_MONTH_ROW = re.compile(r"^\t+ต\.ค\.\t")
_FIELDS = ("project_name", "description", "step_pct", "cumulative_pct")


def _ocr_print(text: str, rng: random.Random, *, tail: bool) -> tuple[str, int]:
    """The plan's step tables flowing, each table's first step without its number;
    ``tail``: the month row's last month wrapped onto a line of its own. Also how
    many first steps lost their number."""
    out: list[str] = []
    lost = 0
    for line in text.split("\n"):
        if _MONTH_ROW.match(line):
            months = line.split()
            out += [" ".join(months[:-1]) + " " + months[-1][:2], months[-1][2:]] if tail \
                else [" ".join(months)]
            continue
        m = _STEP_CELLS.match(line)
        if m is None:
            out.append(" ".join(line.split("\t")).rstrip() if "\t" in line else line)
            continue
        marks = " ".join(m.group("marks").split())
        if m.group("no") in ("๑", "1"):
            lost += 1
            rows = thai_wrapped(f"{m.group('body')} {m.group('pct')} {m.group('cum')}",
                                rng.choice((60, 80, 200)))
            out += [*rows[:-1], f"{rows[-1]} {marks}".rstrip()]
            continue
        out.append(f"{m.group('no')}. {m.group('body')} {m.group('pct')} {m.group('cum')} "
                   f"{marks}".rstrip())
    return "\n".join(out), lost


@pytest.mark.parametrize(("seed", "tail"), [(s, s % 2 == 0) for s in range(8)])
def test_first_step_whose_number_cell_ocr_lost_is_a_step(seed: int, tail: bool) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    text, lost = _ocr_print(generated.text, rng, tail=tail)
    assert lost, "the test takes a first step's number"
    assert not tail or re.search(r"\n\S{1,3}\.\n", text), "the test wraps the last month"
    want = generated.tables["plan_steps"]
    got = records_of(extract, text, screened=False).get("plan_steps", [])
    assert_rows_read("plan_steps", got, want, _FIELDS)
    firsts = [k for k, r in enumerate(want) if str(r["step_no"]) == "1"]
    assert [r.step_no for r in got] == [  # a number OCR lost is not guessed
        None if k in firsts else int(r["step_no"]) for k, r in enumerate(want)]

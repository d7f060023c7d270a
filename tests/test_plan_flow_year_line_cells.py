"""A flowing target table whose year line the reader gave as cells that do not line up.

fpdf2 (shaped or not) prints a plan's indicator-target table as flowing text: the
header and the year line at tab stops, each row's name and targets run into one
paragraph. Where two years' stops fall closer than a tab's width the reader
takes the gap for a space (``⇥2559⇥2560⇥2561 2562``): the year line became a row
of the header's cell table (its first year the name, the second a target), every
real row was left unread (Norasi, 16 pt: a plan's indicators all lost). A row of
years only, two years to a cell or not, is the table's year line: the rows are read
from the flowing text under it.

The truth is the values the rows (or the corpus's plan) were generated from.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from corpus_prints import corpus_fpdf_print
from read_back import assert_read_as_generated, assert_rows_read, records_of


def _as_printed(text: str, rng: random.Random) -> str:
    """``text`` with its target tables as a flowing print reads: the header's gaps as
    tabs, a year line whose stops one tab's gap lost (two years in one cell), each
    row's cells run together with spaces."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not (line.startswith("ลำดับที่\tตัวชี้วัด\tค่าเป้าหมาย") and i + 1 < len(lines)):
            out.append(line)
            i += 1
            continue
        years = lines[i + 1].split()
        glued = rng.randint(1, len(years) - 1)  # the tab before this year read as a space
        out += ["ลำดับที่\tตัวชี้วัด\t\tค่าเป้าหมาย",
                "\t" + "\t".join(years[:glued]) + " " + "\t".join(years[glued:])]
        i += 2
        while i < len(lines) and "\t" in lines[i]:
            out.append(" ".join(lines[i].split("\t")))
            i += 1
    return "\n".join(out)


@pytest.mark.parametrize("seed", range(4))
def test_a_year_line_with_two_years_in_a_cell_leaves_the_rows_to_the_flowing_reader(
        seed: int) -> None:
    generated = GENERATORS["plan"](random.Random(seed))
    text = _as_printed(generated.text, random.Random(seed))
    assert text != generated.text
    got = records_of(extract, text, ocr_used=False, screened=False).get("plan_indicators", [])
    assert_rows_read("plan_indicators", got, generated.tables["plan_indicators"],
                     ("name", "year_be", "target_text"))


def test_the_targets_of_a_shaped_print_whose_year_line_lost_a_stop_are_read(
        tmp_path: Path) -> None:
    # corpus seed 1813's fifth plan, fpdf2-shaped in Norasi (16 pt, A4 portrait):
    # ``ลำดับที่⇥ตัวชี้วัด⇥⇥ค่าเป้าหมาย`` / ``⇥2559⇥2560⇥2561 2562``
    doc, pdf = corpus_fpdf_print(tmp_path, 1813, "plan", 4, "Norasi", shaping=True)
    assert_read_as_generated(pdf, doc.truth, ["plan_indicators"])

"""A body line repeated atop two pages far apart is content; running headers stay furniture.

A large print of a plan can break pages so that one line the plan repeats (a
definition's wording, ``ความสำเร็จ หมายถึง …``) opens two pages far apart; it was taken
for a running header and dropped from both. A running header stands at most pages'
edge, or over a run of pages one after another (a section's own header), or every
other page (a book's even and odd pages): those stay furniture. A line a break left
at the same edge of two pages in a row, every other page with its own lines there,
is content.

Pages are built from a generated plan's lines (bench/corpus) with a page number at
each foot; the truth is the lines they were built from.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.furniture import furniture_lines
from bma_etl.layouts.base import RepairedText

from corpus.build import GENERATORS


def _kept(pages: list[list[str]]) -> list[str]:
    """The non-blank lines the document model keeps of ``pages`` (each numbered at its foot)."""
    texts = ["\n".join([*lines, "", f"- {n} -"]) for n, lines in enumerate(pages, start=1)]
    text = "\n".join(texts)
    starts, at = [], 0
    for page in texts:
        starts.append(at)
        at += len(page) + 1
    doc = RepairedText.of(text, tuple(starts), furniture=furniture_lines(text, tuple(starts)))
    return [line.text for line in doc.lines() if line.text.strip()]


def _body(seed: int) -> tuple[list[str], str]:
    """A generated plan's body lines (distinct, no table row) and a definition's line."""
    plan = GENERATORS["plan"](random.Random(seed))
    lines = [ln for ln in plan.text.split("\n")[8:] if len(ln) > 20 and "\t" not in ln
             and "แผนปฏิบัติ" not in ln]  # not the title's words
    repeated = plan.tables["plan_kpi_definitions"][0]["definition"][:60]  # as if repeated
    return [ln for ln in dict.fromkeys(lines) if ln != repeated], repeated


@pytest.mark.parametrize("seed", range(6))
def test_a_line_atop_two_pages_far_apart_is_content(seed: int) -> None:
    rng = random.Random(seed)
    body, repeated = _body(seed)
    total = rng.randint(6, 8)  # (two pages of four after the first would be half of them)
    first, second = 1, rng.randint(3, total - 1)  # pages after the title, not neighbours
    pages = []
    for n in range(total):
        lines = [body.pop(0) for _ in range(2)]
        pages.append([repeated, *lines] if n in (first, second) else lines)
    kept = _kept(pages)
    assert kept.count(repeated) == 2
    assert not any(k.startswith("- ") for k in kept)


@pytest.mark.parametrize("seed", range(6))
def test_section_and_alternate_running_headers_stay_furniture(seed: int) -> None:
    rng = random.Random(seed)
    body, _ = _body(seed)
    total = rng.randint(5, 7)
    sections = ["ข้อมูลทั่วไปของหน่วยงาน", "การวิเคราะห์สภาพแวดล้อมของหน่วยงาน"]
    cut = rng.randint(3, total - 2)  # a section's header over its own pages (two or more)
    alternate = seed % 2 == 1  # or even and odd pages each their own header
    pages = [["แผนปฏิบัติราชการ ประจำปี พ.ศ. ๒๕๖๗", body.pop(0)]]
    want = list(pages[0])
    for n in range(1, total):
        header = sections[n % 2] if alternate else sections[n >= cut]
        lines = [body.pop(0) for _ in range(2)]
        want += lines
        pages.append([header, *lines])
    assert _kept(pages) == want


@pytest.mark.parametrize("seed", range(6))
def test_a_line_at_one_edge_of_two_pages_in_a_row_is_content(seed: int) -> None:
    """A step table's header opening two pages in a row, a heading or a word's end a
    break left at two pages' feet in a row: each other page has its own lines there."""
    rng = random.Random(seed)
    body, repeated = _body(seed)
    total = rng.randint(6, 8)  # (two pages of five after the first are fewer than half)
    first = rng.randint(1, total - 2)
    at_top = seed % 2 == 0
    pages = []
    for n in range(total):
        lines = [body.pop(0) for _ in range(2)]
        if n in (first, first + 1):
            lines = [repeated, *lines] if at_top else [*lines, repeated]
        pages.append(lines)
    kept = _kept(pages)
    assert kept.count(repeated) == 2
    assert not any(k.startswith("- ") for k in kept)


@pytest.mark.parametrize("seed", range(6))
def test_a_level_line_at_two_feet_in_a_row_beside_item_numbers_is_content(seed: int) -> None:
    """A scoring level's last line two indicators' tables share (``และรายงานผล… 14``) at
    the foot of two pages in a row, while a list's item numbers a break left at the
    foot of pages one and two (``1.``, ``2.``) repeat only by their page's number: no
    section's own footer, so the level's line is content on both pages (an fpdf2
    plan lost level 2 of two indicators' scoring tables)."""
    rng = random.Random(seed)
    body, _ = _body(seed)
    repeated = "และรายงานผลต่อผู้บริหารกรุงเทพมหานคร " + str(rng.choice((12, 14, 16, 18)))
    total = rng.randint(7, 9)
    first = rng.randint(3, total - 2)
    pages = []
    for n in range(total):
        lines = [body.pop(0) for _ in range(2)]
        if n < 2:
            lines.append(f"{n + 1}.")  # the item's text opens the next page
        elif n in (first, first + 1):
            lines.append(repeated)
        pages.append(lines)
    kept = _kept(pages)
    assert kept.count(repeated) == 2
    assert not any(k.startswith("- ") for k in kept)

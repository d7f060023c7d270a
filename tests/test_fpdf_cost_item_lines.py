"""A plan project's name listing cost items, one ending each printed line, stays one row.

A project's name cell may list its cost items (``… ค่าวัสดุอุปกรณ์ 50,000 บาท`` /
``ค่าจ้างเหมาบริการ 120,000 บาท`` / …): printed as the corpus prints fpdf2 plans
(flowing text, cells at tab stops), each item can end a line with its amount in baht,
as a project row's last line and its table's total row do
(:func:`bma_etl.read.pdf_cuts.numbers_apart`, ``tests/test_fpdf_project_total_rows.py``).
The name is built so that each item ends its line (checked on the print); the truth is
the values the plan was generated from, the name with its items.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from read_back import assert_read_as_generated
from thai_fonts import font_file

#: Cost items (label, amount in baht) the name lists; a long word opens what follows
#: each, so whether an item ends its line depends on the words before it alone.
COSTS = [("ค่าวัสดุอุปกรณ์", "50,000"), ("ค่าจ้างเหมาบริการ", "120,000"),
         ("ค่าครุภัณฑ์สำนักงาน", "1,250,000")]
FILL = ["และ", "ระบบ", "เขต", "พื้นที่", "ติดตั้ง", "อาคาร", "สำนักงาน"]
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _print(tmp_path: Path, seed: int, k: int, font: str, shaping: bool, pt: int,
           pads: list[int]) -> tuple[Any, Path, list[int]]:
    from corpus import render
    from corpus.build import GENERATORS, _rng

    doc = GENERATORS["plan"](_rng(seed, "plan", k))
    lines = doc.text.split("\n")
    at = next(i for i, line in enumerate(lines)
              if line.count("\t") == 3 and line.split("\t")[1].startswith("โครงการ"))
    seq, name, money, unit = lines[at].split("\t")
    thai = any("\u0e50" <= ch <= "\u0e59" for ch in seq)
    words = [name]
    items = []
    for pad, (label, amount) in zip(pads, COSTS, strict=False):
        item = f"{label} {amount.translate(THAI) if thai else amount} บาท"
        words += ["งานปรับปรุงซ่อมแซมอาคาร", *(FILL[i % len(FILL)] for i in range(pad)), item]
        items.append(item)
    lines[at] = "\t".join([seq, " ".join(words), money, unit])
    doc.text = "\n".join(lines)
    row = next(r for r in doc.tables["plan_projects"] if r["name"] == name)
    row["name"] = " ".join(words)
    pdf = tmp_path / "plan.pdf"
    page = render.fpdf_page(font, font_file(font), pt, shaping=shaping)
    render.fpdf_lines(page, doc.text.split("\n"), pt * 0.5)
    page.output(str(pdf))
    drawn = "".join(p.get_textpage().get_text_range() for p in pdfium.PdfDocument(pdf))
    ends = [line.strip() for line in drawn.splitlines()]
    return doc, pdf, [n for n, item in enumerate(items)
                      if any(re.sub(r"\s", "", e).endswith(re.sub(r"\s", "", item))
                             for e in ends)]


@pytest.mark.parametrize(("seed", "k", "font", "shaping", "pt"), [
    (1801, 6, "Kinnari", False, 12),
    (1803, 2, "Norasi", True, 14),
    (1805, 1, "Loma", False, 16),
])
def test_a_name_whose_lines_each_end_in_a_cost_item_stays_one_row(
        tmp_path: Path, seed: int, k: int, font: str, shaping: bool, pt: int) -> None:
    pads: list[int] = []
    for slot in range(2):  # the first two items each end a line
        for pad in range(30):
            _doc, _pdf, ending = _print(tmp_path, seed, k, font, shaping, pt, [*pads, pad, 0])
            if slot in ending:
                pads.append(pad)
                break
        else:
            pytest.fail(f"no padding ends cost item {slot} at a line's end")
    doc, pdf, ending = _print(tmp_path, seed, k, font, shaping, pt, [*pads, 0])
    assert ending[:2] == [0, 1]
    assert_read_as_generated(pdf, doc.truth, ["plan_projects", "plan_sections"])

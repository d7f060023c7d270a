"""A plan's next numbered step at a page's top is not the rest of the step above.

Chromium prints a plan's steps table (step | its percentage | cumulative |
months) across pages, and may leave the page's last row open below (no rule
under it where the page ends), which alone would join the next page's first row
to it as the rest of a cut row (``2. ประสานงาน… 3. จัดทำรายงาน…`` | ``10 20`` |
``30 50``: step 3 lost). Rows are built from known steps (reading the Chromium
print with no space glyphs: ``3.จัดทำ``); the truth is the steps they came from
(read/pdf_breaks.py, :func:`bma_etl.read.pdf_next_item.next_item`).
"""

from __future__ import annotations

import random

import pytest

from bma_etl.read.pdf_breaks import join_cut_rows
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_tables import SLACK

WORDS = ["ประสานงาน", "กับหน่วยงาน", "ที่เกี่ยวข้อง", "จัดทำรายงาน", "ผลการดำเนินโครงการ",
         "นำเสนอผู้บริหาร", "กรุงเทพมหานคร", "ขออนุมัติโครงการ", "ตลอดจนสรุปผล"]
#: Left edges (points) of a steps table (step, its %, cumulative %, three months).
EDGES = (35.0, 164.0, 204.0, 260.0, 299.0, 321.0)
RIGHT = 561.0
TABLE = (round(EDGES[0]), round(RIGHT), 0)


def _row(cells: list[str], baseline: float, *, below: bool = False) -> TextLine:
    return TextLine("\t".join(cells), baseline, 9.0, tuple(x + SLACK for x in EDGES),
                    EDGES[0] + 3, RIGHT - 3, table=TABLE, open_below=below)


def _steps(rng: random.Random, thai: bool) -> list[list[str]]:
    digits = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙") if thai else None
    out, total = [], 0
    for n in range(1, rng.randint(3, 6) + 1):
        pct = rng.choice([10, 20, 30])
        total += pct
        text = f"{n}. " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))
        cells = [text, str(pct), str(total), *rng.sample(["←", "→", ""], 3)]
        out.append([c.translate(digits) if digits else c for c in cells])
    return out


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("thai", [False, True])
def test_the_next_step_on_the_next_page_is_a_row_of_its_own(seed: int, thai: bool) -> None:
    rng = random.Random(seed)
    steps = _steps(rng, thai)
    at = rng.randint(1, len(steps) - 1)  # the first step on page N+1
    top = [_row(s, 700.0 - 40 * k, below=k == at - 1) for k, s in enumerate(steps[:at])]
    # Chromium leaves the space's glyph out: the step's number runs into its text
    rest = [_row([s[0].replace(". ", ".", 1), *s[1:]], 760.0 - 40 * k)
            for k, s in enumerate(steps[at:])]
    pages = [top, rest]
    join_cut_rows(pages)
    read = [line.text.split("\t") for page in pages for line in page]
    assert [r[1:] for r in read] == [s[1:] for s in steps]
    assert ["".join(r[0].split()) for r in read] == ["".join(s[0].split()) for s in steps]


def test_a_step_cut_between_items_of_its_text_goes_on() -> None:
    """The page cut a step's text between two items it lists: its other cells are done."""
    top = [_row(["1. ก่อสร้าง 1. สำรวจ 2. ออกแบบ", "20", "20", "←", "", "→"], 700.0,
                below=True)]
    rest = [_row(["3. ติดตั้ง", "", "", "", "", ""], 760.0)]
    pages = [top, rest]
    join_cut_rows(pages)
    assert [line.text.split("\t")[:3] for page in pages for line in page] == [
        ["1. ก่อสร้าง 1. สำรวจ 2. ออกแบบ 3. ติดตั้ง", "20", "20"]]


INDICATORS = ["ร้อยละของงาน", "ที่แล้วเสร็จ", "ตามแผนการดำเนินงาน", "ของโครงการ", "ความพึงพอใจ",
              "ของผู้เข้าร่วม", "กิจกรรม"]


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("thai", [False, True])
def test_a_list_and_a_text_cell_the_page_cut_go_on_as_one_row(seed: int, thai: bool) -> None:
    """A cell listing ``1.``/``2.`` items cut between two, the indicator beside it cut too."""
    rng = random.Random(seed)
    digits = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙") if thai else None
    items = [f"{n}. " + " ".join(rng.sample(WORDS, rng.randint(1, 2)))
             for n in range(1, rng.randint(2, 4) + 1)]
    items = [i.translate(digits) if digits else i for i in items]
    words = rng.sample(INDICATORS, rng.randint(2, 4))
    at, cut = rng.randint(1, len(items) - 1), rng.randint(1, len(words) - 1)
    pct = str(rng.choice([10, 20, 30]))
    pct = pct.translate(digits) if digits else pct
    rest_cells = rng.choice([["", "", "", ""], [pct, pct, "←", ""]])
    top = [_row([" ".join(items[:at]), "".join(words[:cut]), *rest_cells], 700.0, below=True)]
    rest = [_row([" ".join(items[at:]), "".join(words[cut:]), "", "", "", ""], 760.0)]
    pages = [top, rest]
    join_cut_rows(pages)
    read = [line.text.split("\t") for page in pages for line in page]
    assert len(read) == 1
    assert "".join(read[0][0].split()) == "".join("".join(items).split())
    assert read[0][1] == "".join(words)
    assert read[0][2:] == rest_cells

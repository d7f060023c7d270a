"""A list's item number alone atop two pages is the list's, not a running header.

A writer that does not break Thai words (fpdf2) leaves an item's number alone on its
line when the item's first run of letters does not fit after it (``๑.`` / ``การประสาน
งาน…``). When a page breaks right under a SWOT heading, the next page opens with that
``๑.``; a plan whose strengths and threats both start a page then has the same line
atop two pages, which was taken for a running header and left out: the lists read
without their first number, and each was lost whole.

Generated plans (bench/corpus) as text pages parted by form feeds (read as a PDF's
pages), numbered ``- n -`` at their feet, a page break right after each SWOT
heading and every list's first number alone on its line, in each of the number
forms a list uses. The truth is the values the plans were generated from.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.furniture import furniture_lines
from bma_etl.pipeline import process_file

from corpus.build import GENERATORS
from corpus.score import score

HEADINGS = ("จุดแข็ง", "จุดอ่อน", "โอกาส", "อุปสรรค")


def _paged(text: str) -> str:
    """``text`` with a page break under every SWOT heading, its first number alone."""
    pages = 1

    def cut(m: re.Match[str]) -> str:
        nonlocal pages
        pages += 1
        return f"{m['head']}\n\n- {pages - 1} -\n\f{m['no']}\n{m['body']}"

    heads = "|".join(HEADINGS)
    out = re.sub(rf"(?P<head>^(?:{heads}) \([A-Za-z]+\))\n+(?P<no>[๐-๙0-9]+\.) (?P<body>\S)",
                 cut, text, flags=re.MULTILINE)
    assert pages >= 3, "fewer than two SWOT lists: shows nothing"
    return out + f"\n\n- {pages} -\n"


@pytest.mark.parametrize("k", range(3))
def test_swot_lists_that_open_pages_read_whole(k: int, tmp_path: Path) -> None:
    doc = GENERATORS["plan"](random.Random(f"item-tops-{k}"))
    path = tmp_path / "plan.txt"
    path.write_text(_paged(doc.text), encoding="utf-8")
    truth = {"tables": {"plan_swot_items": doc.tables["plan_swot_items"]}}
    result = score(process_file(path), truth)
    assert result.lost == []


@pytest.mark.parametrize("number", ["๑.", "1.", "1)", "(1)"])
def test_an_item_number_atop_pages_is_no_furniture(number: str) -> None:
    rng = random.Random(number)
    words = ["บุคลากร", "ของหน่วยงาน", "มีความรู้", "ความสามารถ", "ข้อมูลสถิติ", "นโยบาย"]
    pages = [f"{number}\n{''.join(rng.sample(words, 4))}\n{''.join(rng.sample(words, 3))}"
             f"\n\n- {n} -" for n in range(1, 4)]
    text = "\n\f".join(pages)
    starts = tuple(m.start() for m in re.finditer("\f", text))
    lines = text.split("\n")
    furniture = {lines[i - 1].strip("\f") for i in furniture_lines(text, (0, *starts))}
    assert furniture == {"", "- 1 -", "- 2 -", "- 3 -"}


@pytest.mark.parametrize("style", ["({})", "{}.", "{})"])
def test_pages_numbered_like_items_keep_their_numbers_furniture(style: str) -> None:
    # A page numbered ``(2)`` or ``2.`` keeps the pages' numbering: still furniture,
    # at the top or at the foot (a list's ``๑.`` atop pages 2 and 3 does not).
    rng = random.Random(style)
    words = ["บุคลากร", "ของหน่วยงาน", "มีความรู้", "ความสามารถ", "ข้อมูลสถิติ", "นโยบาย"]
    for top in (True, False):
        pages = []
        for n in range(1, 5):
            body = f"{''.join(rng.sample(words, 4))}\n{''.join(rng.sample(words, 3))}"
            pages.append(f"{style.format(n)}\n{body}" if top else f"{body}\n{style.format(n)}")
        text = "\n\f".join(pages)
        starts = tuple(m.start() for m in re.finditer("\f", text))
        lines = text.split("\n")
        furniture = {lines[i - 1].strip("\f") for i in furniture_lines(text, (0, *starts))}
        numbers = {style.format(n) for n in range(2 if top else 1, 5)}  # page 1's top: its title
        assert numbers <= furniture


@pytest.mark.parametrize("k", range(2))
@pytest.mark.parametrize("style", ["({})", "{}."])
def test_plans_paged_with_item_like_numbers_read_whole(style: str, k: int, tmp_path: Path) -> None:
    # Generated plans cut into form-fed pages numbered ``(n)`` or ``n.`` at their feet:
    # the numbers are furniture, not the last line of a SWOT item or a scoring level.
    doc = GENERATORS["plan"](random.Random(f"item-like-numbers-{k}"))
    lines = doc.text.rstrip("\n").split("\n")
    per = max(12, len(lines) // 3)
    pages = ["\n".join(lines[at:at + per]) for at in range(0, len(lines), per)]
    text = "\n\f".join(f"{page}\n\n{style.format(n)}" for n, page in enumerate(pages, 1))
    path = tmp_path / "plan.txt"
    path.write_text(text + "\n", encoding="utf-8")
    result = score(process_file(path), doc.truth)
    assert result.lost == []

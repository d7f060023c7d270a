"""A running footer OCR read broken over two lines is furniture, not a report row's detail.

A legacy progress form printed with a fixed footer (the system's ``พิมพ์จากระบบ…
เมื่อ … | ผู้พิมพ์ …`` on every page) and scanned: where the footer is printed
over the last row of a page, OCR reads it as two lines, the first letters damaged
(``=p มพ์จากระบบติดตามและป`` / ``ระเมินผล เมื่อ …``). Neither alone is the footer
the other pages repeat, and both were read into that row's detail
(:mod:`bma_etl.furniture_broken`). The form is generated (bench/corpus
``legacy_tab``), cut into three pages with the footer at each page's foot; the truth
is every report's detail as generated.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.furniture import furniture_lines
from bma_etl.layouts import legacy_progress_form
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus.build import GENERATORS

PRINTERS = ("นางสาวกนกวรรณ ศรีสุข", "นายธนากร วงศ์ใหญ่", "นางจิราพร สุขเจริญ")


def _footer(rng: random.Random) -> str:
    day, month, hour, minute = rng.randint(1, 28), rng.randint(1, 12), rng.randint(8, 17), \
        rng.randint(0, 59)
    return (f"พิมพ์จากระบบติดตามและประเมินผล เมื่อ {day:02d}/{month:02d}/{rng.randint(2564, 2567)}"
            f" {hour:02d}:{minute:02d} น. | ผู้พิมพ์ {rng.choice(PRINTERS)}")


def _broken(footer: str, rng: random.Random) -> list[str]:
    """The footer as OCR reads it over a row: two lines, cut in a word, its first letter lost."""
    cut = rng.randint(len(footer) // 4, len(footer) // 2)
    head, tail = footer[:cut], footer[cut:]
    return ["=p " + head[2:], tail.lstrip()]


def _pages(pages: list[list[str]]) -> RepairedText:
    texts = ["\n".join(page) for page in pages]
    starts, at = [], 0
    for page in texts:
        starts.append(at)
        at += len(page) + 1
    whole = "\n".join(texts)
    return RepairedText.of(whole, tuple(starts), ocr_used=True,
                           furniture=furniture_lines(whole, tuple(starts)))


@pytest.mark.parametrize("seed", [2, 5, 11, 23])
def test_footer_read_broken_is_no_detail(seed: int) -> None:
    rng = random.Random(f"broken-footer-{seed}")
    for _draw in range(20):  # a form of one report has no page break between reports: again
        doc = GENERATORS["legacy_tab"](rng)
        lines = doc.text.split("\n")
        rows = [k for k, line in enumerate(lines) if line.startswith("รายงานครั้งที่")]
        if len(rows) >= 2:
            break
    assert len(rows) >= 2, "no form of two reports drawn"
    head_cut = next(k for k, line in enumerate(lines) if line.startswith("1.3"))
    row_cut = rows[rng.randrange(len(rows))] + 1  # the page cuts a report after its first line
    footer = _footer(rng)
    text = _pages([[*lines[:head_cut], "", footer],
                   [*lines[head_cut:row_cut], *_broken(footer, rng)],
                   [*lines[row_cut:], "", footer]])
    normalized = normalize(legacy_progress_form.extract(text), text.text, (), None)
    updates = build_records(normalized, "0" * 64)["progress_updates"]
    want = [row["detail"] for row in doc.truth["tables"]["progress_updates"]]
    assert [u.detail for u in updates] == want

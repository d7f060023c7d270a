"""A running header OCR misread at the head of a page a scoring table runs on.

Plans are generated from known values (``bench/corpus``); their scoring tables are
printed flowing (a row's cells run into wrapped lines, no tab: what Tesseract gives
for a table without ruled cells), and a page breaks after one of a table's levels.
Tesseract read the next page's running header with its end misread
(``ระบบติดตามและประเมินผลโคร<tab>มห`` for ``ระบบติดตามและประเมินผลโครงการ
กรุงเทพมหานคร``, on a 150 dpi 1-bit scan): too far from the other pages' header for
the furniture reader to know again, it was read as the rest of the level above,
whose score then was no longer its last word (score NULL, description overrun).

The truth is the generated values: every level keeps its number, weight, score and
description.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from plan_text import scanned_level_lines

#: The running header at each page's head, and what OCR made of it at one page's head.
_HEADER = "ระบบติดตามและประเมินผลโครงการ กรุงเทพมหานคร"
_MISREAD_HEADERS = ("ระบบติดตามและประเมินผลโคร\tมห", "ระบบติดตามและประเมินผลโครงก ร")


def _read(pages: list[list[str]], headers: list[str]) -> list[tuple[str, ...]]:
    """The scoring levels of ``pages`` (lines each, under ``headers``) read as an OCR'd
    document, its page furniture found as the reader finds it."""
    from bma_etl.furniture import furniture_lines
    from bma_etl.layouts.base import RepairedText
    from bma_etl.normalize.fields import normalize
    from bma_etl.validate import build_records

    texts = ["\n".join([head, *page]) for head, page in zip(headers, pages, strict=True)]
    text = "\n".join(texts)
    starts = tuple(sum(len(t) + 1 for t in texts[:n]) for n in range(len(texts)))
    doc = RepairedText.of(text, starts, ocr_used=True,
                          furniture=furniture_lines(text, starts))
    normalized = normalize(extract(doc), doc.text, doc.words, None)
    rows = build_records(normalized, "0" * 64).get("plan_scoring_levels", [])
    return [(str(r.level), str(r.weight_pct), str(r.score), "".join(r.description.split()))
            for r in rows]


@pytest.mark.parametrize("seed", range(6))
def test_running_header_misread_at_a_page_head_inside_a_scoring_table(seed: int) -> None:
    """A page breaks after a level of the first table (not its last), the next page's
    header misread at its end: every level is read as generated."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    lines: list[str] = []
    ends: list[int] = []  # where each level's lines end, the first table's only
    for line in generated.text.split("\n"):
        wrapped, level = scanned_level_lines(line, (70, 90), rng)
        lines += wrapped
        if not level:
            continue
        if len(ends) < 4:
            ends.append(len(lines))
    cut = rng.choice(ends)
    later = next(k for k, line in enumerate(lines) if line.startswith("ชื่อตัวชี้วัดที่"))
    pages = [lines[:cut], lines[cut:later], lines[later:]]
    got = _read(pages, [_HEADER, rng.choice(_MISREAD_HEADERS), _HEADER])
    want = [(str(w["level"]), w["weight_pct"], w["score"], "".join(w["description"].split()))
            for w in generated.tables["plan_scoring_levels"]]
    assert got == want

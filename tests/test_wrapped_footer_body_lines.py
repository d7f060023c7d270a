"""A body line that page breaks leave by a running footer is content, not a wrapped footer's line.

A running footer too long for its line (a Word document's footer paragraph) is two
lines on every page; its inner line is furniture with the outer one
(:func:`bma_etl.furniture_broken.wrapped_repeats`). A body line may stand right above
a one-line footer on several pages too, word for word: a tracking system's history
broken after entries that end alike (``** อุปสรรคของโครงการ :ไม่มี``), a prose line a
document repeats. It was taken for a wrapped footer's inner line and lost (an entry's
obstacles NULL: ``test_address_header_cut[29]``). A wrapped footer's lines go together
on every page the footer stands on; and a form's field line, whose label (up to its
colon) lines inside the pages carry too, is content even where each page ends with it.

The documents are generated from known values (bench/corpus ``web_history``; lines
drawn from project names), cut into pages each closed by a one-line footer; the truth
is every entry's problems and obstacles as generated, and every body line.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.furniture import furniture_lines
from bma_etl.layouts import web_progress_history
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus.build import GENERATORS
from corpus.values import project_name
from ocr_text import paged

OBSTACLES = "** อุปสรรค"


def _footer(rng: random.Random) -> str:
    return f"ระบบติดตามโครงการ กรุงเทพมหานคร | พิมพ์ {rng.randint(1, 28):02d}/07/2567"


@pytest.mark.parametrize("pages", [3, 4, 5])
def test_a_line_by_the_footer_on_most_pages_but_not_all_is_content(pages: int) -> None:
    """Every page but the last ends with the same body line above the footer."""
    rng = random.Random(f"footer-body-line-{pages}")
    same = project_name(rng, long=False)
    bodies = []
    for n in range(pages):
        own = [f"{project_name(rng, long=False)} ({n + 1}.{k + 1})" for k in range(4)]
        bodies.append([*own, same] if n < pages - 1 else own)
    footer = _footer(rng)
    text, starts = paged([[*body, footer] for body in bodies])
    furniture = furniture_lines(text, starts)
    kept = [line for no, line in enumerate(text.split("\n"), start=1) if no not in furniture]
    assert kept == [line for body in bodies for line in body]


@pytest.mark.parametrize("seed", [1, 4, 9])
def test_a_history_whose_pages_each_end_with_the_same_field_line(seed: int) -> None:
    """Two pages of two entries or more, each ending after an entry whose obstacles read
    alike; no indicator. Two pages of one entry each have no line inside to tell the
    field line from a wrapped footer's (left so)."""
    rng = random.Random(f"footer-field-line-{seed}")
    for _draw in range(100):  # until two entries' obstacles, two apart, read alike (only so)
        doc = GENERATORS["web_history"](rng)
        lines = doc.text.split("\n")
        ends = [k for k, line in enumerate(lines) if line.startswith(OBSTACLES)]
        pair = next(((a, b) for n, a in enumerate(ends[1:], start=1) for b in ends[n + 2:]
                     if lines[a] == lines[b] and lines.count(lines[a]) == 2), None)
        if pair is not None:
            break
    else:
        pytest.fail("no two entries with the same obstacles drawn")
    first, last = pair
    footer = _footer(rng)
    text, starts = paged([[*lines[:first + 1], footer],
                            [*lines[first + 1:last + 1], footer]])
    repaired = RepairedText.of(text, starts, furniture=furniture_lines(text, starts))
    normalized = normalize(web_progress_history.extract(repaired), repaired.text, (), None)
    updates = build_records(normalized, "0" * 64)["progress_updates"]
    want = [(row.get("problems"), row.get("obstacles"))
            for row in doc.truth["tables"]["progress_updates"]][:ends.index(last) + 1]
    assert [(u.problems, u.obstacles) for u in updates] == want


@pytest.mark.parametrize("pages", [3, 4])
def test_a_wrapped_footer_misread_on_one_page_is_furniture_on_every_page(pages: int) -> None:
    """A footer wrapped over two lines on every page, its inner line with a letter OCR
    misread on one page: furniture there too; every body line kept."""
    rng = random.Random(f"footer-misread-{pages}")
    inner, outer = "ระบบติดตามและประเมินผลโครงการ กรุงเทพมหานคร | พิมพ์", "เมื่อ 15/09/2566 10:42 น."
    misread = rng.randrange(pages)
    at = rng.randrange(4, len(inner) - 4)
    bodies = [[f"{project_name(rng, long=False)} ({n + 1}.{k + 1})" for k in range(4)]
              for n in range(pages)]
    text, starts = paged([[*body, inner if n != misread else f"{inner[:at]}ร{inner[at + 1:]}",
                             outer] for n, body in enumerate(bodies)])
    furniture = furniture_lines(text, starts)
    kept = [line for no, line in enumerate(text.split("\n"), start=1) if no not in furniture]
    assert kept == [line for body in bodies for line in body]

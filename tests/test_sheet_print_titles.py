"""A plan printed from a sheet whose print titles repeat its top rows on every page.

A sheet printed with "rows to repeat at top" prints the plan's title and, under it,
its agency (and its year) at the top of every page. The title was taken for a
running header; the agency under it was not, so on a page inside a budget table it
stood between two projects' rows as a line of text: the table ended there, every
project after it was lost and the section counted only the ones before.

Plans generated from known values (bench/corpus ``action_plan``), their pages cut
at other lines, the first page's top lines repeated at each later page's top as a
reader gives them (the furniture found as the pipeline finds it); the truth is the
values they were generated from.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.document import RepairedText
from bma_etl.furniture import furniture_lines
from bma_etl.layouts import annual_action_plan
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus.build import GENERATORS
from corpus.score import score_tables


def _with_print_titles(text: str, rows: int, page_lines: int) -> tuple[str, tuple[int, ...]]:
    """``text`` cut into pages of ``page_lines`` lines (inside a table too), each later
    page headed by the first page's first ``rows`` non-blank lines; returns the text and
    its page starts."""
    lines = text.split("\n")
    titles = [line for line in lines if line.strip()][:rows]
    pages = [lines[i:i + page_lines] for i in range(0, len(lines), page_lines)]
    out: list[str] = []
    starts: list[int] = []
    for n, page in enumerate(pages):
        starts.append(len("\n".join(out)) + (1 if out else 0))
        out += ([*titles, ""] if n else []) + page
    return "\n".join(out), tuple(starts)


@pytest.mark.parametrize("k", range(4))
def test_a_plans_print_titles_on_every_page_are_no_text(k: int) -> None:
    rng = random.Random(f"print-titles-{k}")
    doc = GENERATORS["plan"](rng)
    text, starts = _with_print_titles(doc.text, rng.choice((2, 3)), rng.randint(22, 40))
    doc_text = RepairedText.of(text, starts, furniture=furniture_lines(text, starts))
    normalized = normalize(annual_action_plan.extract(doc_text), text, (), None)
    got = build_records(normalized, "0" * 64)
    tables = ("plan_projects", "plan_sections")
    right, total, lost = score_tables(
        {t: got.get(t, []) for t in tables},
        {"tables": {t: doc.truth["tables"][t] for t in tables}})
    assert total > 0 and right == total, lost[:6]


def test_a_second_form_in_the_file_keeps_its_own_headings() -> None:
    """Two legacy forms in one file, the second starting a page: its title repeats the
    first page's, but its numbered headings (``1. ชื่อโครงการ…``) are its own text."""
    first = GENERATORS["legacy_tab"](random.Random("two-forms-1")).text
    second = GENERATORS["legacy_tab"](random.Random("two-forms-2")).text
    text = f"{first}\n{second}"
    starts = (0, len(first) + 1)
    furniture = furniture_lines(text, starts)
    lines = text.split("\n")
    second_no = first.count("\n") + 2  # the second form's first line
    headings = [n for n in range(second_no, len(lines) + 1)
                if re.match(r"1\. ", lines[n - 1])]
    assert headings and not set(headings) & furniture

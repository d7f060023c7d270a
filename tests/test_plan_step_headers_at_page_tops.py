"""Step tables of a flowing print whose headers stand at the top of pages in a row.

A plan printed as flowing text (fpdf2 in a wide font) may start each of its step
tables (``ขั้นตอนการดำเนินงาน ...``) at the top of a page, one page after the other:
the header then stands where a running header does and is page furniture, but each
opens a table of its own (a ``ชื่อตัวชี้วัด`` / ``ชื่อโครงการ`` heading came before it),
and its steps are read under it.
"""

from __future__ import annotations

import random
from itertools import pairwise
from typing import Any

import pytest

from bma_etl.furniture import furniture_lines
from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.plan_flow_header import STEP_HEADER_RE
from bma_etl.layouts.plan_tables import CONTEXT_HEADINGS

from corpus.build import GENERATORS
from read_back import assert_rows_read


def _paged_at_step_headers(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` as a flowing print (tabs as spaces) with a page starting at each step
    table's header, each page ending with its number; returns it and the page starts."""
    pages: list[list[str]] = [[]]
    for line in text.split("\n"):
        if STEP_HEADER_RE.match(line):
            pages.append([])
        pages[-1].append(" ".join(line.split("\t")).strip() if "\t" in line else line)
    texts = ["\n".join([*lines, f"- {n} -"]) for n, lines in enumerate(pages, start=1)]
    starts, at = [], 0
    for page in texts:
        starts.append(at)
        at += len(page) + 1
    return "\n".join(texts), tuple(starts)


def _steps_read(text: str, page_starts: tuple[int, ...]) -> list[Any]:
    """The ``plan_steps`` records of ``text`` read as a text layer of pages starting at
    ``page_starts``, its page furniture found as the reader finds it."""
    from bma_etl.layouts.base import RepairedText
    from bma_etl.normalize.fields import normalize
    from bma_etl.validate import build_records

    furniture = furniture_lines(text, page_starts)
    doc = RepairedText.of(text, page_starts, ocr_used=False, furniture=furniture)
    normalized = normalize(extract(doc), doc.text, doc.words, None)
    return build_records(normalized, "0" * 64).get("plan_steps", [])


@pytest.mark.parametrize("seed", range(6))
def test_step_headers_at_the_top_of_pages_in_a_row_open_their_tables(seed: int) -> None:
    generated = GENERATORS["plan"](random.Random(seed))
    text, starts = _paged_at_step_headers(generated.text)
    lines = text.split("\n")
    headers = [k for k, line in enumerate(lines) if STEP_HEADER_RE.match(line)]
    assert len(headers) >= 2  # pages in a row, each opened by a step table's header
    assert all(any(CONTEXT_HEADINGS["steps"].search(line) for line in lines[a:b])
               for a, b in pairwise(headers))
    assert {k + 1 for k in headers} <= furniture_lines(text, starts)  # read as furniture
    assert_rows_read("plan_steps", _steps_read(text, starts), generated.tables["plan_steps"],
                     ("step_no", "description", "step_pct", "cumulative_pct"))

"""A history entry's labelled line that opens two pages of three is no running header.

A progress-history page printed from Word in a large size runs over three pages; where
two of its page breaks fall before an entry's problems (``** ปัญหาของโครงการ :สภาพอากาศ…``,
the same words in most entries), that line opens both later pages. A line at the top
of every page after the first was a running header; it stands inside the pages too,
as often as at their tops or more, so it is content (:func:`bma_etl.furniture.furniture_lines`).
The pages are generated (bench/corpus ``web_history``); the truth is every entry's
problems as generated.
"""

from __future__ import annotations

import random
from itertools import pairwise

import pytest

from bma_etl.furniture import furniture_lines
from bma_etl.layouts import web_progress_history
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus.build import GENERATORS

LABEL = "** ปัญหาของโครงการ :"


def _three_pages(lines: list[str], cuts: list[int]) -> RepairedText:
    """``lines`` as three pages cut before ``cuts``' lines, each page numbered at its foot."""
    bounds = [0, *cuts, len(lines)]
    pages = ["\n".join([*lines[a:b], "", str(n)]) for n, (a, b) in
             enumerate(pairwise(bounds), start=1)]
    starts, at = [], 0
    for page in pages:
        starts.append(at)
        at += len(page) + 1
    whole = "\n".join(pages)
    return RepairedText.of(whole, tuple(starts), furniture=furniture_lines(whole, tuple(starts)))


@pytest.mark.parametrize("seed", [1, 13, 17, 19])
def test_problems_that_open_two_pages_are_read(seed: int) -> None:
    doc = GENERATORS["web_history"](random.Random(f"history-heads-{seed}"))
    lines = doc.text.split("\n")
    problems = [k for k, line in enumerate(lines) if line.startswith(LABEL)]
    same = [k for k in problems[1:] if lines[k] == lines[problems[-1]]]
    assert len(same) >= 4, "no problems line repeats: the test shows nothing"
    text = _three_pages(lines, [same[0], same[-1]])
    heads = [n for n, line in enumerate(text.text.split("\n"), start=1) if line == lines[same[0]]]
    assert len(heads) >= 4  # inside the pages too, as often as at their tops
    normalized = normalize(web_progress_history.extract(text), text.text, (), None)
    updates = build_records(normalized, "0" * 64)["progress_updates"]
    want = [row["problems"] for row in doc.truth["tables"]["progress_updates"]]
    assert [u.problems for u in updates] == want

"""A tracking page's head lines that a print set as wide as its page.

A print may set the ``<name> : <code>`` line as wide as the page (a long name in
large type, or Word's distributed alignment), and the agency's line under it too:
the PDF reader then judges them wrapped (their next word would not have fit) and
the lines were joined into ``<name> : <code> <agency> <progress>``, which no head
line reads, so code, name and agency were lost. The ``<name> : <code>`` line and a
bare number are complete lines, never joined to the lines beside them.

Tracking pages generated from known values (bench/corpus), each with every line
of its head above the progress line marked wrapped as such a print marks them;
the truth is their values.
"""

from __future__ import annotations

import random

from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.web_progress_history import extract
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus.build import GENERATORS
from corpus.score import score_tables

FIELDS = ("project_code", "project_name", "agency", "progress_pct")


def test_head_lines_marked_wrapped_keep_their_values() -> None:
    checked = 0
    for k in range(40):
        doc = GENERATORS["web_tracking"](random.Random(f"full-width-head-{k}"))
        lines = doc.text.split("\n")
        named = next(
            (
                n
                for n, line in enumerate(lines, start=1)
                if " : " in line and line.rstrip()[-1:].isdigit()
            ),
            None,
        )
        if named is None or named + 2 > len(lines) or not lines[named].strip():
            continue  # a save cut above the agency line
        wraps = frozenset(range(named, named + 2))  # name line and agency line
        text = RepairedText.of(doc.text, wraps=wraps, judged=frozenset({0}))
        normalized = normalize(extract(text), text.text, text.words, text.wraps)
        want = {n: v for n, v in doc.truth["tables"]["projects"][0].items() if n in FIELDS}
        right, total, lost = score_tables(
            build_records(normalized, "0" * 64), {"tables": {"projects": [want]}}
        )
        assert total >= 3 and right == total, (k, lost)
        checked += 1
    assert checked >= 10, checked

"""A project heading run onto a line's end, looked for only where it can be.

:func:`~bma_etl.layouts.plan_step_headings.inner_project_heading` searches its
regex only in a line holding ``ชื่อ`` (the regex opens with a look-behind, so a
search tries every character). Generated plans, every line as printed and with
the next project heading run onto it: the heading is found where it was put, at
the place the full search finds it, and nowhere else.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts.plan_step_headings import _INNER_PROJECT_HEADING_RE, inner_project_heading

from corpus.build import GENERATORS


@pytest.mark.parametrize("seed", range(3))
def test_inner_project_heading_found_where_it_was_run_on(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    lines = generated.text.split("\n")
    projects = [(k, ln) for k, ln in enumerate(lines) if ln.startswith("ชื่อโครงการที่")]
    assert projects
    run_on = []
    for k, project in projects:
        above = next(ln for ln in reversed(lines[:k]) if ln.strip())
        run_on.append((f"{above.rstrip()}{project}", len(above.rstrip())))
    for line, at in run_on:
        found = inner_project_heading(line)
        assert found is not None and found.start("at") == at
        assert found.group("at") == line[at:at + len(found.group("at"))]
    for line in [*lines, *(text for text, _ in run_on)]:
        full = _INNER_PROJECT_HEADING_RE.search(line)
        found = inner_project_heading(line)
        assert (found and found.span("at")) == (full and full.span("at"))

"""An action plan printed from a spreadsheet with its row and column headings.

A plan is generated from known values (agency, year, projects, budgets and units,
drawn by seed; :mod:`plan_prints` builds it) and printed by headless
Chromium as a sheet prints with "print row and column headings": a row of the
column letters (``A``, ``B``, ``C``...) over each table, a blank cell over the row
numbers, and the sheet's row numbers (``1``, ``2``... on through every table) in a
first column, the table's header row numbered too. The truth is the generated
values: every project, budget, unit and section total read, the plan not
quarantined (it was: ``no budget table after the summary heading``).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from plan_prints import plan, plan_html, print_html


def _sheet_headings(html: str, letters: int) -> str:
    """``html`` with a sheet's column letters over every table and its row numbers in each row."""
    count = iter(range(1, 1000))
    shade = "background: #eee; color: #555"
    head = (f'<tr><td style="{shade}"></td>'
            + "".join(f'<td style="{shade}">{chr(ord("A") + k)}</td>' for k in range(letters))
            + "</tr>")
    html = html.replace("<table>", "<table>" + head)
    return re.sub(r"<tr>(?!<td style=\"background)",
                  lambda _: f'<tr><td style="{shade}">{next(count)}</td>', html)


@pytest.mark.parametrize("seed", [1, 2])
def test_a_plan_printed_with_a_sheet_s_row_and_column_headings_is_read(
        tmp_path: Path, seed: int) -> None:
    rng = random.Random(f"sheet-headings-{seed}")
    agency, year, strategic, key = plan(rng)
    html = _sheet_headings(plan_html(agency, year, strategic, key, None, "top", None),
                           rng.choice((4, 5, 6)))
    result = process_file(print_html(tmp_path, html, seed))
    assert result.layout == "annual_action_plan"
    projects = result.rows("plan_projects")
    expected = [("strategic", k + 1, *p) for k, p in enumerate(strategic)] + \
        [("key", k + 1, *p) for k, p in enumerate(key)]
    assert [(p.section, p.seq, p.name, p.budget_thb, p.responsible_unit)
            for p in projects] == expected
    totals = {s.section: s.stated_total_thb for s in result.rows("plan_sections")}
    assert totals == {"strategic": sum(a for _, a, _ in strategic if a is not None),
                      "key": sum(a for _, a, _ in key if a is not None)}

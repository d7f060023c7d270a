"""Action plans printed by Chromium on A4 landscape, justified, with borderless tables.

Plans are generated from known values (bench/corpus) and printed as the
``chromium-land`` producer prints them: every table without borders, its cells
padded, all text ``text-align: justify``, the step column of the schedules narrow
(a fifth of the page or less), in two Thai fonts. The truth is the generated values.

What these prints do to a step table: a step's words wrap over lines of their
own under its row; the lines with a space are spread to the column's edge (a
stretched gap, ``๑.⇥ดำเนินการตาม``, starts a cell where no other row does), the
lines of unbroken Thai words end short of it; a padded row stands more than a
line's pitch from the next; a row at a page's foot goes on at the next page's head.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.score import score
from thai_fonts import font_file

SEED = 6021
#: ``(font, cell padding px, step column % of the page)``: padding of 3 px keeps a
#: row within a pitch and a half of the next, 8 px sets it further.
PRINTS = (("Garuda", 8, 18), ("Kinnari", 3, 14), ("Garuda", 4, 22), ("Kinnari", 7, 18))
#: Least share of the step and scoring tables' fields right over the four prints:
#: measured 443 of 453 (336, with 78 in whole missing rows, before a justified Thai
#: column's unbroken lines, a padded row's wrapped first cell, a row at a page's foot
#: and a browser's print header between a row's two parts were read).
FLOOR = 0.95
TABLES = ("plan_steps", "plan_scoring_levels")


def _landscape_prints(tmp_path: Path, prints: tuple[tuple[str, int, int], ...], seed: str
                      ) -> Iterator[tuple[GeneratedDoc, Any]]:
    """Each generated plan of ``prints`` (font, padding, step column %) printed by Chromium
    on A4 landscape, borderless, read: ``(doc, score)``, its layout checked."""
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    for k, (font, pad, steps_pct) in enumerate(prints):
        doc: GeneratedDoc = GENERATORS["plan"](random.Random(f"{seed}-{k}"))
        pdf = tmp_path / f"plan-{k}.{font}.pdf"
        render.render_chromium(doc, pdf, font, font_file(font), random.Random(k),
                               header_footer=k % 2 == 0, borderless=True, pad=pad,
                               steps_pct=steps_pct)
        result = score(process_file(pdf), doc.truth)
        assert result.layout == "annual_action_plan", pdf.name
        yield doc, result


def test_landscape_justified_prints_give_every_step_and_scoring_row(tmp_path: Path) -> None:
    right = total = 0
    for doc, result in _landscape_prints(tmp_path, PRINTS, str(SEED)):
        lost = [item for item in result.lost if item[0].split(".")[0] in TABLES]
        assert not [item for item in lost if item[3] == "row_missing"], lost
        fields = sum(len([name for name in row if name != "ordinal"]) for table in TABLES
                     for row in doc.truth["tables"].get(table, []))
        right, total = right + fields - len(lost), total + fields
    assert right >= FLOOR * total, (right, total)


#: ``(font, cell padding px, step column % of the page)`` of the definition tables'
#: prints: a narrow measure column whose first line is spread at its one space
#: (``มน.⇥การพัฒนาระบบ``) over lines of unbroken Thai words that end short of the
#: edge, a definition's spread gap (``นิยาม⇥การส่งเสริม…``) with one other line flush.
KPI_PRINTS = (("Garuda", 8, 18), ("Kinnari", 3, 14), ("Loma", 4, 22), ("Laksaman", 7, 18))
#: Least share of the KPI definitions' fields right over the four prints: measured
#: 50 of 64 (42 before those gaps were closed).
KPI_FLOOR = 0.75


def test_landscape_justified_prints_give_the_kpi_definitions(tmp_path: Path) -> None:
    right = total = 0
    for doc, result in _landscape_prints(tmp_path, KPI_PRINTS, "7301-land"):
        lost = [item for item in result.lost if item[0].startswith("plan_kpi_definitions.")]
        fields = sum(len([name for name in row if name != "ordinal"])
                     for row in doc.truth["tables"].get("plan_kpi_definitions", []))
        right, total = right + fields - len(lost), total + fields
    assert right >= KPI_FLOOR * total, (right, total)

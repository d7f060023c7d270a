"""Action plans printed from Word with borderless tables in Thai distributed justification.

Plans are generated from known values (bench/corpus) and printed as the
``soffice-docx-dist`` producer prints them (issue #10): a Word file whose tables
have no borders, a narrow first column (1.6 to 2.2 cm) and every paragraph in
Thai distributed justification, printed by LibreOffice, in four Thai fonts and
three sizes. The truth is the generated values.

What these prints do to a table: an amount in a narrow column wraps anywhere
(``๗`` / ``,๓๖๘,๓๐๐.๐`` / ``๐ บาท``); a weight spread to its cell's edge
(``ร้อยละ     ๙๐``) starts a cell where no column does; the first column's
header or step wraps onto lines of their own (``ระดับความ`` / ``สำเร็`` / ``จ``).
The floors may only rise (two were lowered once, with a rule taken out on
held-out evidence: see each).
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.score import score
from thai_fonts import font_file

SEED = 5150
#: ``(font, alignment, points, first column cm)``: ``distribute`` spreads a
#: paragraph's last line too (Word), ``thai`` leaves it (LibreOffice).
PRINTS = (("Garuda", "distribute", 14, 2.0), ("Loma", "thai", 16, 1.8),
          ("Norasi", "distribute", 12, 2.2), ("Sarabun", "thai", 14, 1.6))
#: Least share of all fields right over the four prints: measured 1003 of 1213
#: (1013 with a start no other row shares taken for a spread gap, which cost a
#: Chromium landscape print's step rows; 891 before amounts cut over a cell's
#: lines, spread weights and a first column's own lines were read; 956 before
#: cells closer than a tab were cut at the columns). With real plans' target tables
#: in the corpus (bench/corpus/plan_targets.py: long unnumbered rows, a phrase per
#: year) 1076 of 1252 (1017 before a wrapped target row's rest and a project
#: heading's spread last line above a step table's header were read); 1135 after the
#: landscape prints' fixes (a justified Thai column's unbroken lines, padded rows).
#: With the corpus's longer steps (half of them take a tail, bench/corpus/plan_tables.py)
#: the plans are new ones: 1050 of 1252, read alike by main's reader (74b758e) and by
#: the reading of two-letter and one-gap letter-spaced lines (their step rows are lost
#: to the borderless step tables' rows, not to letter spacing).
FLOOR = 0.83
#: Least share of the scoring levels' fields right: 218 of 300 (171 before).
SCORING_FLOOR = 0.72


def test_plans_printed_with_borderless_distributed_tables_give_their_fields(
        tmp_path: Path) -> None:
    made = _printed_plans(tmp_path, [(f"plan-{k}", *spec) for k, spec in enumerate(PRINTS)])
    right = total = 0
    scoring_total, scoring_lost = 0, 0
    for pdf, doc in made:
        result = score(process_file(pdf), doc.truth)
        assert result.layout == "annual_action_plan"
        right, total = right + result.right, total + result.total
        scoring_total += sum(len([name for name in row if name != "ordinal"])
                             for row in doc.truth["tables"].get("plan_scoring_levels", []))
        scoring_lost += Counter(lost[0].split(".")[0] for lost in result.lost
                                )["plan_scoring_levels"]
    assert right >= FLOOR * total, (right, total)
    assert scoring_total - scoring_lost >= SCORING_FLOOR * scoring_total, (
        scoring_total - scoring_lost, scoring_total)



#: ``(font, alignment, points, first column cm)`` of the budget tables' prints: cells
#: closer than a tab (``ลำดับ ที่ ชื่อโครงการ…``, ``…ในชุมชน ๖,๘๕๗,๐๐๐``), amounts
#: cut over three lines of a narrow column (``๑`` / ``๒,๔๖๕,๙๐๐`` / ``.๐๐ บาท``)
#: beside a first column cut between its words (``รวมงบ`` / ``ประมา``), a last
#: line spread into gaps that no other row has (``ปทุมวัน   เขตดอนเมือง``).
BUDGET_PRINTS = (("Norasi", "distribute", 14, 2.0), ("Sarabun", "thai", 12, 2.0),
                 ("Garuda", "distribute", 16, 1.8))
#: Least share of the projects' and budget sections' fields right over six plans:
#: measured 321 of 388 (227 before the cells and columns of this test were read;
#: 369 with a start no other row shares taken for a spread gap, a rule that cost a
#: Chromium landscape print's step rows, so not kept).
BUDGET_FLOOR = 0.82


def test_borderless_distributed_budget_tables_give_their_projects_and_totals(
        tmp_path: Path) -> None:
    made = _printed_plans(tmp_path, [(f"budget-{k}-{n}", *spec) for k in range(2)
                                     for n, spec in enumerate(BUDGET_PRINTS)])
    tables = ("plan_projects", "plan_sections")
    total = lost = 0
    for pdf, doc in made:
        result = score(process_file(pdf), doc.truth)
        assert result.layout == "annual_action_plan"
        total += sum(len([f for f in row if f != "ordinal"]) for name in tables
                     for row in doc.truth["tables"].get(name, []))
        lost += sum(1 for item in result.lost if item[0].split(".")[0] in tables)
    assert total - lost >= BUDGET_FLOOR * total, (total - lost, total)


def _printed_plans(tmp_path: Path, prints: list[tuple[str, str, str, int, float]]
                   ) -> list[tuple[Path, GeneratedDoc]]:
    """Plans generated from ``(seed key, font, alignment, points, first column cm)``,
    printed from Word files with borderless tables by LibreOffice: ``(pdf, document)``."""
    return borderless_prints(tmp_path, [
        (GENERATORS["plan"](random.Random(f"{SEED}-{key}")), f"{key}.{font}", font, align, pt,
         first_cm) for key, font, align, pt, first_cm in prints])


def borderless_prints(tmp_path: Path,
                      prints: list[tuple[GeneratedDoc, str, str, str, int, float]]
                      ) -> list[tuple[Path, GeneratedDoc]]:
    """Documents ``(document, file name, font, alignment, points, first column cm)``
    printed from Word files with borderless tables by LibreOffice: ``(pdf, document)``."""
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    batch, made = [], []
    for doc, name, font, align, pt, first_cm in prints:
        font_file(font)  # fails the test when the font is not installed
        pdf = tmp_path / f"{name}.pdf"
        batch.append((doc, pdf, font, {"align": align, "pt": str(pt), "widths": "content",
                                       "ruled": "no", "first_cm": str(first_cm)}))
        made.append((pdf, doc))
    failed = render.render_docx_batch(batch)
    assert not failed, failed
    return made

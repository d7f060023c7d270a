"""A plan's routine list fpdf2 printed at tab stops, a cell run into the next one.

bench/corpus ``fpdf2`` sets each piece of a tab row at the next default tab stop.
In Loma at 12 pt a side's name (``ด้านการบริหารทั่วไป``) ends right on the stop
the project's number is set at: no white space is left between them, and the
reader gets one cell, ``ด้านการบริหารทั่วไป1. โครงการ…``. The row ends the page
and the next page opens with the next projects (``2. โครงการ…``, ``3. โครงการ…``),
whose numbers follow the one the row holds after the Thai letter: rows of their
own, no rest of the row the page break seemed to cut
(:func:`bma_etl.read.pdf_cutrows.join_cut_row`). Joined to it, the list lost two
projects and its section's total.

The plan is generated (bench/corpus, drawn as the corpus builder draws its seventh
plan of seed 1129) and printed as the builder prints it; the truth is its projects
and sections as generated.
"""

from __future__ import annotations

from pathlib import Path

from bma_etl.read.pdf_cutrows import join_cut_row
from bma_etl.read.pdf_layout import TextLine

from corpus.build import GENERATORS, _rng
from corpus_prints import corpus_fpdf_print
from read_back import assert_read_as_generated

TABLES = ("plan_projects", "plan_sections")


def test_projects_after_a_run_together_first_project_are_rows(tmp_path: Path) -> None:
    doc, pdf = corpus_fpdf_print(tmp_path, 1129, "plan", 6, "Loma", shaping=False)
    assert len(doc.truth["tables"]["plan_projects"]) > 3
    assert_read_as_generated(pdf, doc.truth, TABLES)


def _line(text: str, baseline: float, cells: tuple[float, ...]) -> TextLine:
    """A 12 pt line as the reader makes it (a letter taken 5 points wide)."""
    pieces = text.split("\t")
    ends = tuple(x + 5.0 * len(p) for x, p in zip(cells, pieces, strict=True))
    return TextLine(text, baseline, 12.0, cells, cells[0], ends[-1], ends=ends,
                    heights=(baseline,) * len(cells))


def test_the_next_item_after_a_glued_number_is_a_row_of_its_own() -> None:
    projects = [row for row in GENERATORS["plan"](_rng(1129, "plan", 6)).truth["tables"][
        "plan_projects"] if row["section"] == "routine"]
    first, second = projects[0]["name"], projects[1]["name"]
    # the side's name and the first project run together: one cell
    before = [_line(f"1\tด้านการบริหารทั่วไป1. {first}\t83,400 บาท", 55.9,
                    (45.3, 81.3, 477.4))]
    after = [_line(f"2. {second}\t7,214,700 บาท", 787.3, (117.3, 405.4)),
             _line("รวม\t16,212,500 บาท", 753.2, (45.3, 153.4))]
    kept = join_cut_row(before, list(after))
    assert kept == after
    assert before[-1].text.split("\t")[1] == f"ด้านการบริหารทั่วไป1. {first}"

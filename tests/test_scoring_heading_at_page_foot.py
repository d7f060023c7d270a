"""A scoring heading whose words a page break left alone at a page's foot keeps its indicator.

fpdf2 (Kinnari, 16 pt) breaks a page right after ``เกณฑ์การให้คะแนน``: the words end
one page, the quoted indicator (``“ระดับความสำเร็จ…”``) opens the next under its
running header. A plan whose scoring headings break so on two pages in a row
has the words at two pages' feet, and the reader's furniture takes them for a
running footer: the scoring levels lost their indicator (NULL), and a flowing
definitions table above ran its last activities into the quote. A quote whose
heading words stand above it as furniture is that heading's
(:func:`bma_etl.layouts.plan_level_quotes.quote_after_foot_heading`).

Plans generated from known values (bench/corpus), their scoring headings broken
so and the words marked as the page's furniture; the truth is their levels.
"""

from __future__ import annotations

import random
from pathlib import Path

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus.build import GENERATORS
from corpus_prints import corpus_fpdf_print
from read_back import assert_read_as_generated, assert_rows_read

HEADING = "เกณฑ์การให้คะแนน “"
FOOT = ("- {n} -", "ระบบติดตามและประเมินผลโครงการ กรุงเทพมหานคร")


def _broken(text: str) -> tuple[str, frozenset[int]]:
    """``text`` with each scoring heading's words at a page's foot, and those lines' numbers."""
    out: list[str] = []
    furniture: set[int] = set()
    for line in text.split("\n"):
        if line.startswith(HEADING):
            words = [line[:len(HEADING) - 2], FOOT[0].format(n=len(furniture) + 2), FOOT[1]]
            furniture.update(range(len(out) + 1, len(out) + 1 + len(words)))
            out += [*words, line[len(HEADING) - 1:]]
        else:
            out.append(line)
    return "\n".join(out), frozenset(furniture)


def test_scoring_levels_under_heading_words_at_a_page_foot_keep_their_indicator() -> None:
    done = 0
    for k in range(40):
        doc = GENERATORS["plan"](random.Random(f"foot-heading-{k}"))
        if HEADING not in doc.text or not doc.tables.get("plan_scoring_levels"):
            continue
        text, furniture = _broken(doc.text)
        repaired = RepairedText.of(text, ocr_used=False, furniture=furniture)
        got = build_records(normalize(extract(repaired), repaired.text, repaired.words, None),
                            "0" * 64)
        assert_rows_read("plan_scoring_levels", got.get("plan_scoring_levels", []),
                         doc.tables["plan_scoring_levels"], ("indicator", "level"))
        done += 1
        if done == 3:
            break
    assert done == 3


def test_the_corpus_print_keeps_its_scoring_indicators(tmp_path: Path) -> None:
    # corpus seed 2109's seventh plan, fpdf2 in Kinnari (16 pt, A4 portrait):
    # ``เกณฑ์การให้คะแนน`` at the foot of two pages in a row, its quote on the next
    doc, pdf = corpus_fpdf_print(tmp_path, 2109, "plan", 6, "Kinnari", shaping=False)
    assert_read_as_generated(pdf, doc.truth, ["plan_scoring_levels", "plan_kpi_definitions"])

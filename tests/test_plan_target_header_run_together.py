"""A target table whose header set ``ลำดับที่`` and ``ตัวชี้วัด`` in one cell keeps its names.

LibreOffice prints a Word file's narrow number column so that its header's words
run up to the next column's (``ลำดับที่ ตัวชี้วัด`` | empty | ``ค่าเป้าหมาย``, or with
no space between them); the rows keep their cells (``1`` | name | targets). The
indicator column was taken to be the header cell naming ``ตัวชี้วัด``, the first,
and every indicator's name was stored as its row's number (``1``, ``2``). A
header cell naming both before an empty one names the number column and the
next (:func:`bma_etl.layouts.plan_indicators._seq_and_name_cols`).

Plans generated from known values (bench/corpus), their header damaged as the
print reads it; the truth is their indicators' rows.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from corpus.build import GENERATORS
from corpus_prints import corpus_word_print
from read_back import assert_read_as_generated

HEADER = "ลำดับที่\tตัวชี้วัด\t"


def _plans(count: int) -> list[object]:
    """The first ``count`` generated plans with an indicator-target table."""
    found = []
    k = 0
    while len(found) < count:
        doc = GENERATORS["plan"](random.Random(f"target-header-{k}"))
        if HEADER in doc.text and doc.truth["tables"].get("plan_indicators"):
            found.append(doc)
        k += 1
    return found


@pytest.mark.parametrize("gap", [" ", ""])
@pytest.mark.parametrize("words", [("ลำดับที่", "ตัวชี้วัด"), ("ลำดับที", "ตัวชีวัด")])
def test_indicator_names_under_a_run_together_header_read_whole(
        tmp_path: Path, gap: str, words: tuple[str, str]) -> None:
    # as printed, or with the marks a scan's OCR drops (``ลำดับที ตัวชีวัด``)
    seq, name = words
    for k, doc in enumerate(_plans(3)):
        path = tmp_path / f"plan-{k}.txt"
        path.write_text(doc.text.replace(HEADER, f"{seq}{gap}{name}\t\t"), encoding="utf-8")
        assert_read_as_generated(path, doc.truth, ["plan_indicators"])


def test_the_corpus_print_keeps_its_indicator_names(tmp_path: Path) -> None:
    # corpus seed 1807's first plan, soffice-docx in Sarabun (distribute, 12 pt):
    # ``ลำดับที่ ตัวชี้วัด`` | | ``ค่าเป้าหมาย`` over ``1`` | ``ระดับความสำเร็จใน…`` | ``ระดับ 3``
    doc, pdf, _ = corpus_word_print(tmp_path, 1807, "plan", 0, "Sarabun")
    assert_read_as_generated(pdf, doc.truth, ["plan_indicators"])

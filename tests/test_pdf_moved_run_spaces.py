"""A Thai run fpdf2 moved whole onto the next line was wrapped at a space.

fpdf2 wraps a line only at a space (a run too long for the rest of the line goes
whole onto the next) and names no producer, so the reader does not know it for a
writer that wraps at spaces: a wrap before a Thai run was read as a break between
two Thai words, which stands for nothing (``...ทั่วถึงโดยเฉพาะ...`` for ``ทั่วถึง
โดยเฉพาะ``). A line that leaves more room than any Thai word takes, before a Thai run
wider than that room, was wrapped by a writer that does not break Thai between
words: at the space before the run (:func:`bma_etl.read.pdf_wraps.spaced_wraps`).
LibreOffice, Chromium and ReportLab, which name themselves, are judged as before.

The documents are generated (bench/corpus) and printed by fpdf2 as the corpus prints
them, plain and HarfBuzz-shaped; the truth is every field as generated, its spaces
too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus.score import score
from corpus_prints import corpus_fpdf_print

#: Corpus draws (seed, generator, k, font, shaped) whose prints wrap before a Thai run.
PRINTS = [(961, "legacy_tab", 5, "Kinnari", False),
          (961, "web_history", 1, "Garuda", True),
          (961, "web_detail_long", 3, "Norasi", True)]


@pytest.mark.parametrize(("seed", "generator", "k", "font", "shaped"), PRINTS)
def test_a_run_moved_whole_keeps_its_space(tmp_path: Path, seed: int, generator: str, k: int,
                                           font: str, shaped: bool) -> None:
    doc, pdf = corpus_fpdf_print(tmp_path, seed, generator, k, font, shaped)
    result = score(process_file(pdf), doc.truth)
    assert result.total > 0 and result.lost == []
    assert result.space_lost == [], result.space_lost[:3]

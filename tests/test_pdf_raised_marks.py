"""A tone mark that shaping raises over a vowel above opens no line of its own.

HarfBuzz-shaped Sarabun (``fpdf2`` with text shaping) stacks a tone mark over a
vowel above (``ทั่วโลก``: ``่`` over ``ั``) by drawing it higher than the line and a
hair left of where the vowel ends. pdfium then breaks the line before the mark: the
mark and the rest of the word (``่วโลก``) read as a line of their own, set before the
line they belong to, and the running text (the rationale, the target of a
project-detail page, ``bench/corpus/web.py`` ``project_detail_long``) came back in
another order. The truth is the values the page was generated from.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.score import score
from corpus.web import project_detail_long
from thai_fonts import font_file

#: A Thai mark at a line's or cell's start: no word opens with one.
MARK_OPENS = re.compile("(?:^|\t)[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]", re.MULTILINE)


@pytest.mark.parametrize("seed", [6, 13, 15])
def test_shaped_print_reads_running_text_in_order(seed: int, tmp_path: Path) -> None:
    doc = project_detail_long(random.Random(f"marks-{seed}"))
    pdf = tmp_path / "detail.fpdf2-shaped.pdf"
    render.render_fpdf(doc, pdf, "Sarabun", font_file("Sarabun"), random.Random(seed),
                       shaping=True, pt=11)
    processed = process_file(pdf)
    assert MARK_OPENS.search(processed.text) is None
    result = score(processed, doc.truth)
    assert not result.lost, "\n".join(f"{k}: want {w!r} got {g!r} ({kind})"
                                      for k, w, g, kind in result.lost)

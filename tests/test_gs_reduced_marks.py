"""A Chromium print re-saved by Ghostscript ("reduce file size") reads as its print did.

Ghostscript's ``pdfwrite`` (``/ebook``, ``/printer``: what online compressors and
mail-size tools run) rewrites a Noto Sans Thai print's text map and names the moved
forms of its upper marks (SARA II moved left over ``ป``, MAI EK over ``ที``) U+0000,
which pdfium writes as U+FFFE: an outside tester's re-saved detail page read ``ป-`` for
``ปี`` and ``งบฯ ที-ได้รับ``, losing its year, both budgets and eleven months, and a
re-saved plan ``ฝ-ายโยธา`` in eleven rows. Here a generated document is printed by
Chromium, re-saved by Ghostscript as the tester did, and read: every value the print
itself reads right reads right, and no value holds a sign where a mark was drawn.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
from pathlib import Path

import pypdfium2
import pytest

from bma_etl.pipeline import process_file

from chromium_pages import chromium_font
from corpus import render
from corpus.build import GENERATORS
from corpus.score import score

#: A Thai letter, then a sign or a space where a mark was drawn, then a Thai letter.
_MARK_AS_SIGN = re.compile("[\u0e01-\u0e2e][-\ufffe][\u0e01-\u0e4e]")


def _reduced(src: Path, out: Path, setting: str) -> None:
    """``src`` re-saved by Ghostscript's pdfwrite with ``-dPDFSETTINGS=/setting``."""
    if not render.have("gs"):
        pytest.fail("needs Ghostscript (gs): apt-get install ghostscript (make venv does)")
    subprocess.run(["gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=pdfwrite",
                    f"-dPDFSETTINGS=/{setting}", f"-sOutputFile={out}", str(src)],
                   check=True, capture_output=True, timeout=120)


def _layer(pdf: Path) -> str:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def _printed_and_reduced(tmp_path: Path, generator: str, seed: str, setting: str
                         ) -> tuple[Path, Path, dict]:
    doc = GENERATORS[generator](random.Random(seed))
    printed, reduced = tmp_path / "printed.pdf", tmp_path / "reduced.pdf"
    noto = chromium_font("Noto Sans Thai")
    render.render_chromium(doc, printed, "Noto Sans Thai", noto, random.Random(0),
                           header_footer=False, paper="A4")
    _reduced(printed, reduced, setting)
    # the damage this test is about: marks the re-saved map names U+0000 (pdfium: U+FFFE)
    assert _MARK_AS_SIGN.search(_layer(reduced)), "Ghostscript named no mark U+0000 here"
    return printed, reduced, json.loads(doc.truth_json())


def _glyph_dropped(want: object, got: object) -> bool:
    """Whether ``got`` is ``want`` with letters or marks left out (read as a space or sign)."""
    w, g = (re.sub(r"[\s\-\u2013]", "", str(v)) for v in (want, got))
    letters = iter(w)
    return got is not None and len(g) < len(w) and all(c in letters for c in g)


def test_a_reduced_detail_page_reads_as_its_print(tmp_path: Path) -> None:
    """``/ebook``: every moved mark named U+0000 is read from its glyph; the page reads whole."""
    printed, reduced, truth = _printed_and_reduced(tmp_path, "web_detail", "gs-marks-1",
                                                   "ebook")
    before, after = score(process_file(printed), truth), score(process_file(reduced), truth)
    assert before.right > 0.9 * before.total, before.lost  # (the print itself reads)
    assert after.lost == before.lost
    assert after.right == before.right


def test_a_reduced_plan_stores_no_word_short_of_a_glyph(tmp_path: Path) -> None:
    """``/printer`` also names ``ฒ`` a space (``พัฒนา`` read ``พั นา``): no value stores that.

    A letter named a space has no outline to read it by: its word is NULL with a
    warning, or its page read by OCR where such words are many.
    """
    _, reduced, truth = _printed_and_reduced(tmp_path, "plan", "gs-marks-2", "printer")
    processed = process_file(reduced)
    after = score(processed, truth)
    assert not [lost for lost in after.lost if _glyph_dropped(lost[1], lost[2])]
    assert after.right > 0.8 * after.total, after.lost

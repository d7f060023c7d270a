"""A vowel below that LibreOffice writes after the end of its line goes back to its letter.

LibreOffice prints a Word file's ``ความรู้`` in Laksaman at 18 pt writing the ``ู`` after
the line's last letter; pdfium sets it on a line of its own, its pen on the line's
baseline over ``ร``. Read as a line, ``ความร้`` lost its vowel and a line ``ู`` cut the
SWOT item it stood in (three items lost). Marks alone written on a line's baseline,
left of where the line ends, are that line's now, and go back over their letter.

A plan is generated (bench/corpus), written as a Word file with the corpus's random
settings at 18 pt and printed by LibreOffice; the truth is its generated SWOT items.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from corpus import render
from corpus.plans import action_plan
from read_back import assert_read_as_generated
from thai_fonts import font_file


def test_a_vowel_written_after_its_line_is_read_over_its_letter(tmp_path: Path) -> None:
    font_file("Laksaman")
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = action_plan(random.Random("d18-2"))
    settings = render.docx_settings(random.Random("d18r-2"))
    settings["pt"] = "18"
    pdf = tmp_path / "plan.pdf"
    assert render.render_docx_batch([(doc, pdf, "Laksaman", settings)]) == {}
    assert "ความรู้" in doc.text
    assert_read_as_generated(pdf, doc.truth, ["plan_swot_items"])

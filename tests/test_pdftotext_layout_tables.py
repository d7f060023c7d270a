"""Poppler's ``pdftotext -layout``: a progress form's report table read back into rows.

``-layout`` sets a table's columns side by side, a cell its column wraps going on at
the next lines in the same column; a cell too long for its column pushes the next
one right, one space after it. Read as written every report's narrative and flags
were NULL (``interleaved_columns``). :mod:`bma_etl.read.text_layout` reads such a
table back into rows, each cell's pieces joined by their column.

The forms are generated (``bench/corpus``), printed by Chromium in Sarabun and
dumped by ``pdftotext -layout`` (``make venv`` installs poppler-utils); the values
read are compared with the generated ones.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from conftest import font_file
from corpus import render
from corpus.build import GENERATORS, _rng
from corpus.score import score


@pytest.mark.parametrize(("generator", "seed"), [("legacy_tab", 4)])
def test_a_form_dumped_with_layout_reads_every_report(
        generator: str, seed: int, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.fail("needs pdftotext: apt-get install poppler-utils (make venv does)")
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    doc = GENERATORS[generator](_rng(seed, generator, 0))
    pdf = tmp_path / "printed.pdf"
    render.render_chromium(doc, pdf, "Sarabun", font_file("Sarabun"),
                           _rng(seed, generator, 0, "chromium"))
    dump = tmp_path / "dump.txt"
    subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(pdf), str(dump)], check=True)
    result = score(process_file(dump), json.loads(doc.truth_json()))
    assert not result.lost, result.lost[:6]

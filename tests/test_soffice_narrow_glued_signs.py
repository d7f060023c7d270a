"""A cell's line that LibreOffice broke before ``% :`` filled its column.

bench/corpus ``soffice-narrow``, borderless: LibreOffice breaks a line at a space,
but never before a sign no line starts with, even after a space (UAX #14: ``:``,
``)``…): ``= ๒๑.๕๐ % : งบประมาณ…`` breaks before ``%`` and the next line opens
with ``% :``, which did not fit. The room its line left was taken for that of
``%`` alone, so the line read as a cell's last and the row's rest as a row of its own
(its label's number, budget and flags lost to the report). The form is generated
(bench/corpus ``legacy_pipe``) and printed as the corpus prints it, borderless, in
Kinnari; the truth is every report's fields as generated.
"""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file

from conftest import font_file
from corpus import render
from corpus.build import GENERATORS
from corpus.score import score


def test_a_line_broken_before_a_percent_and_colon_goes_on(tmp_path: Path) -> None:
    font_file("Kinnari")
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS["legacy_pipe"](random.Random("glued-Kinnari-10"))
    pdf = tmp_path / "form.pdf"
    made, failed = render.render_narrow_tables_batch(
        [(doc, pdf, "Kinnari", random.Random("glued-print-Kinnari-10"))], ruled=False)
    assert not failed and pdf in made, failed
    layer = pdfium.PdfDocument(pdf)
    text = "\n".join(page.get_textpage().get_text_range() for page in layer)
    layer.close()
    assert any(line.lstrip().startswith("% :") for line in text.splitlines()), \
        "no line opens with % : shows nothing"
    truth = {"tables": {"progress_updates": doc.truth["tables"]["progress_updates"]}}
    result = score(process_file(pdf), truth)
    assert result.total > 0 and result.lost == [], result.lost[:6]

"""A plan printed by LibreOffice from its text and scanned: its target table's names.

The plan is generated from known values (``bench/corpus``, a seed whose 200 dpi scan
lost them) and printed by LibreOffice Writer from its text file, whose tab rows it sets
on its default stops (every 1.25 cm) and wraps back to the margin. An indicator's
name that ends just before a stop leaves a gap narrower than a tab's before the first
target: on a scan (200 dpi, 1-bit, ``bench/corpus/scan.py``) the target was read into
the name (``…เมืองพี่เมืองน้อง ๗ ราย``). The page's word boxes show the stops
(:mod:`bma_etl.read.ocr_tabstops`): every indicator's name must be read as written,
without its target. Thai digits the model misreads in the targets are OCR's own.
"""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from rapidfuzz.fuzz import ratio

from bma_etl.matchkey import key
from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS, _rng
from corpus.scan import scan_pdf
from thai_fonts import fonts_or_fail

SEED, K, FONT = 5307, 3, "Loma"
#: Least similarity (0..100) of a name read to the name written, both in key form.
SIMILAR = 90


def _flat(text: str) -> str:
    return "".join(key(text).split())


def _keep(src: Path, out: Path) -> None:
    """Write the first page of ``src``, its budget summary's and its target table's."""
    pdf = pdfium.PdfDocument(str(src))
    new = pdfium.PdfDocument.new()
    try:
        texts = [page.get_textpage().get_text_range() for page in pdf]
        summary = next(i for i, t in enumerate(texts) if "สรุปโครงการและงบประมาณ" in t)
        targets = next(i for i, t in enumerate(texts) if "ตัวชี้วัดเป้าประสงค์" in t)
        new.import_pages(pdf, sorted({0, summary, targets}))
        new.save(str(out))
    finally:
        new.close()
        pdf.close()


def test_scanned_libreoffice_plan_keeps_its_targets_out_of_the_names(tmp_path: Path) -> None:
    fonts_or_fail((FONT,))
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS["plan"](_rng(SEED, "plan", K))
    printed = tmp_path / "plan.pdf"
    failed = render.render_soffice_batch([(doc, printed, FONT)])
    assert not failed, failed
    few = tmp_path / "few.pdf"
    _keep(printed, few)
    scanned = tmp_path / "few.scan.pdf"
    scan_pdf(few, scanned, 200, "1bit", random.Random(SEED))
    read = [row.name for row in process_file(scanned).rows("plan_indicators")]
    want = [row["name"] for row in doc.truth["tables"]["plan_indicators"]]
    assert len(read) == len(want), read
    for name, got in zip(want, read, strict=True):
        assert got is not None and ratio(_flat(name), _flat(got)) >= SIMILAR, (name, got)
        assert len(_flat(got)) <= len(_flat(name)) + 1, (name, got)  # no target on it

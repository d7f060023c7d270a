"""A short Thai word read as Latin is read again in Thai when one of its letters is unsure.

(read/ocr_rereads.py.) Tesseract's ``tha+eng`` reads ``ไม่มี`` (none) on a 150 or 200 dpi
scan now and then as a Latin word (``Ws``, ``And``, ``laid``): a progress history's
problems and obstacles were NULL (seeds 4245 and 4261). The word read again alone in
Thai gives ``ไม่มี``, its letters 93 sure but its leading vowel 29, and a reading with
any character under the bar of 85 was left. A reading that is Thai words of the word
list, every letter covered, may have one unsure character now.

A progress history generated from known values (``bench/corpus``, ``web_history``, the
robustness corpus's seed 4261 document 0) is printed in Garuda by LibreOffice and scanned
at 150 dpi grey as the corpus scans it; its entries' problems and obstacles must read as
generated or be NULL, and the one ``ไม่มี`` read ``Ws`` before (NULL) must read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS, _rng
from corpus.scan import scan_pdf
from thai_fonts import fonts_or_fail

SEED = 4261


def test_none_read_as_latin_reads_in_thai_on_a_150_dpi_scan(tmp_path: Path) -> None:
    fonts_or_fail(("Garuda",))
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS["web_history"](_rng(SEED, "web_history", 0))
    pdf, scanned = tmp_path / "web_history_000.soffice.pdf", tmp_path / "history.scan.pdf"
    failed = render.render_soffice_batch([(doc, pdf, "Garuda")])
    assert not failed, failed
    scan_pdf(pdf, scanned, 150, "grey", _rng(SEED, "scan", pdf.name))
    rows = process_file(scanned).rows("progress_updates")
    got = [(r.problems, r.obstacles) for r in rows]  # type: ignore[attr-defined]
    want = [(w["problems"], w["obstacles"]) for w in doc.tables["progress_updates"]]
    assert len(got) == len(want)
    for (problems, obstacles), (w_problems, w_obstacles) in zip(got, want, strict=True):
        assert problems in (w_problems, None) and obstacles in (w_obstacles, None)
    # the first entry's problems were read ``Ws``; its obstacles, ``\u201claid``, are
    # read alone in Thai at confidence 0 and stay NULL
    assert got[-1][0] == want[-1][0]


def test_thai_words_with_one_unsure_letter_are_taken() -> None:
    from bma_etl.read.ocr_rereads import thai_taken

    none = "\u0e44\u0e21\u0e48\u0e21\u0e35"  # ไม่มี
    assert thai_taken(none, [29, 93, 93, 93], 59.7)
    assert not thai_taken(none, [29, 93, 93, 93], 90.0)  # less sure than the Latin word
    assert not thai_taken(none, [29, 60, 93, 93], 40.0)  # two unsure
    assert not thai_taken("\u0e25\u0e44\u0e2d", [93, 93, 40], 40.0)  # no word: ลไอ
    assert not thai_taken("\u0e21\u0e35", [40, 93], 30.0)  # a syllable: too few to tell
    assert thai_taken("\u0e1a\u0e32\u0e17", [93, 93], 80.0)  # all sure, as before

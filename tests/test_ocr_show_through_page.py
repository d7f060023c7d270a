"""The blank back of a duplex scan, its front showing through, adds no text.

A duplex scan of a one-sided form has a blank back after each page, on which the
front's ink shows through the paper, faint and mirrored; Tesseract read it as strings
of Thai letters at low confidence, and the form's reader appended them to the last
field before it (``...ใช้งานได้อกคะอคโบคิดธกิเรนธไดษรมก...``). Input generated: a
progress form (``bench/corpus``, ``legacy_tab``) printed (fpdf2) and rendered at
200 dpi; the back is the front mirrored, blurred and laid at 30 % strength on paper
with sensor noise. The back's text is left out, with an ``ocr_page_unreadable``
issue; the front's values read as printed.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pypdfium2
import pytest
from PIL import Image, ImageFilter, ImageOps

from bma_etl.pipeline import process_file
from bma_etl.read.ocr_bleed import UNREADABLE_SHARE, left_out
from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.pdf import extract_pdf

from corpus import render
from corpus.build import GENERATORS
from thai_fonts import fonts_or_fail


def _words(readings: list[tuple[str, float]]) -> tuple[OcrWord, ...]:
    out, at = [], 0
    for text, conf in readings:
        out.append(OcrWord(text, conf, (0, 0, 1, 1), at))
        at += len(text) + 1
    return tuple(out)


def test_a_page_of_words_mostly_read_well_is_kept() -> None:
    words = _words([("รายงานความก้าวหน้า", 91.0), ("อกคะอคโบ", 30.0), ("1,488,000", 95.0),
                    ("บาท", 88.0), ("เป็นไปตามแผน", 55.0)])
    text = " ".join(w.text for w in words)
    assert left_out(text, words) == (text, words, 0.0)


def test_a_page_of_words_nearly_all_read_poorly_is_left_out() -> None:
    words = _words([("อกคะอคโบคิดธกิเรนธไดษรมก", 40.6), ("อกหะลคไบรธหคพิปริงิม", 22.8),
                    ("1.1", 92.0), ("คู่มือกกคะอคไจฟิด", 35.0)])
    text, kept, share = left_out(" ".join(w.text for w in words), words)
    assert (text, kept) == ("", ()) and share >= UNREADABLE_SHARE


@pytest.fixture(scope="module")
def duplex(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    """A generated form's first page scanned, then its blank back showing it through."""
    tmp = tmp_path_factory.mktemp("duplex")
    rng = random.Random(1)
    doc = GENERATORS["legacy_tab"](rng)
    found = fonts_or_fail(("Garuda", "Sarabun", "Loma"), least=1)
    font = next(iter(found))
    printed = tmp / "printed.pdf"
    render.render_fpdf(doc, printed, font, found[font], rng, shaping=False)
    pdf = pypdfium2.PdfDocument(str(printed))
    try:
        front = pdf[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    finally:
        pdf.close()
    behind = ImageOps.mirror(front).filter(ImageFilter.GaussianBlur(1.5))
    ink = 255.0 - np.asarray(behind, dtype=np.float64)
    noise = np.random.default_rng(1).normal(0.0, 4.0, ink.shape)
    back = Image.fromarray(np.clip(250.0 - 0.3 * ink + noise, 0, 255).astype(np.uint8), "L")
    scan = tmp / "duplex.pdf"
    front.save(scan, "PDF", resolution=200.0, save_all=True, append_images=[back])
    return scan, doc.tables["projects"][0]


def test_a_blank_backs_show_through_is_no_text(duplex: tuple[Path, dict[str, object]]) -> None:
    scan, project = duplex
    pages = extract_pdf(scan.read_bytes(), scan.name).pages
    assert str(project["project_code"]) in pages[0].text
    assert pages[1].ocr and pages[1].text == "" and not pages[1].words
    processed = process_file(scan)
    issues = [q.message for q in processed.rows("quality_issues")  # type: ignore[attr-defined]
              if q.code == "ocr_page_unreadable"]  # type: ignore[attr-defined]
    assert len(issues) == 1 and issues[0].startswith("page 2: ")
    (loaded,) = processed.rows("projects")
    assert loaded.project_code == project["project_code"]  # type: ignore[attr-defined]

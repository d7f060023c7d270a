"""Scanned pages stored turned (90, 180, 270 degrees, no ``/Rotate``) read upright.

Scanners and phone apps store a page's image sideways or upside down; read as
stored, it was junk and every such file was quarantined ("no known layout
recognised"). The first reading now says whether to look again (words standing
on end, or a poor mean confidence), Tesseract's orientation detection names the
turn, and the page is read again turned (``read/ocr_orient.py``).

A legacy form is generated (``bench/corpus``), printed with fpdf2, scanned with
the corpus's scan damage (skew, blur, noise, specks, JPEG), its image turned with
Pillow and wrapped in a PDF again: the truth is the values it was generated from.
An upright landscape print is read once and left as it is.
"""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from bma_etl.pipeline import process_file
from bma_etl.read.ocr import OcrPage, ocr_image
from bma_etl.read.ocr_cache import page_from_json, page_to_json
from bma_etl.read.ocr_image import cleaned
from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_orient import read_upright, sideways, turned_message

from corpus import render
from corpus.build import GENERATORS
from corpus.scan import scan_pdf
from read_back import fields_misread
from thai_fonts import fonts_or_fail

SEED = 5152
DPI = 200
#: Fields a legacy form states on its second page (the scan holds the first only).
SECOND_PAGE = {"progress_pct", "status"}


def _scanned_form(tmp_path: Path, landscape: bool = False) -> tuple[object, Image.Image]:
    """A generated legacy form's truth and its first page, printed with fpdf2 and scanned."""
    found = fonts_or_fail(("Garuda", "Loma", "Sarabun"), least=1)
    font = next(iter(found))
    gen = "legacy_pipe"
    pdf = tmp_path / f"{gen}.pdf"
    for n in range(40):  # the print's paper is drawn from the rng: take the one asked for
        doc = GENERATORS[gen](random.Random(f"{SEED}-{gen}"))
        settings = render.render_fpdf(doc, pdf, font, found[font], random.Random(SEED + n),
                                      shaping=True)
        if settings["page"].endswith("landscape") == landscape:
            break
    else:
        pytest.fail("no seed printed the paper asked for")
    scanned = tmp_path / f"{gen}.scan.pdf"
    scan_pdf(pdf, scanned, DPI, "grey", random.Random(SEED), max_pages=1)
    shown = pdfium.PdfDocument(scanned)
    try:
        image = shown[0].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    finally:
        shown.close()
    return doc, image


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_scan_stored_turned_reads_its_values(tmp_path: Path, degrees: int) -> None:
    doc, upright = _scanned_form(tmp_path)
    stored = tmp_path / f"turned{degrees}.pdf"
    # Pillow turns counter-clockwise: the page is read turned as far again clockwise.
    upright.rotate(degrees, expand=True).save(stored, "PDF", resolution=float(DPI))
    processed = process_file(stored)
    (project,) = processed.rows("projects")
    truth = doc.truth["tables"]["projects"][0]  # type: ignore[attr-defined]
    wrong = fields_misread(project, truth, SECOND_PAGE)
    assert not wrong
    issues = [q.message for q in processed.rows("quality_issues") if q.code == "ocr_page_turned"]
    assert issues == [f"page 1 was stored turned and was read turned {degrees}° clockwise"]


def test_upright_landscape_page_is_read_once_as_stored(tmp_path: Path) -> None:
    _doc, page = _scanned_form(tmp_path, landscape=True)
    assert page.width > page.height
    reads: list[Image.Image] = []

    def read(image: Image.Image) -> OcrPage:
        reads.append(image)
        return ocr_image(cleaned(image), dpi=DPI)

    result = read_upright(page, read, DPI)
    assert result.turned == 0
    assert len(reads) == 1 and reads[0] is page


def _word(text: str, box: tuple[int, int, int, int]) -> OcrWord:
    return OcrWord(text, 95.0, box, 0)


def test_words_standing_on_end_say_sideways() -> None:
    wide = tuple(_word("โครงการ", (10, 10 + 40 * i, 90, 40 + 40 * i)) for i in range(6))
    tall = tuple(_word("โครงการ", (10 + 40 * i, 10, 40 + 40 * i, 90)) for i in range(6))
    digits = tuple(_word("1", (10 + 40 * i, 10, 20 + 40 * i, 40)) for i in range(6))
    assert not sideways(OcrPage("", 95.0, wide + digits))
    assert sideways(OcrPage("", 95.0, tall))
    assert not sideways(OcrPage("", 95.0, tall[:3]))  # too few words to say


def test_turn_is_cached_and_named() -> None:
    page = OcrPage("ก", 90.0, (_word("ก", (0, 0, 9, 9)),), 200.0, turned=270)
    assert page_from_json(page_to_json(page)) == page
    plain = OcrPage("ก", 90.0, (), 200.0)
    assert "turned" not in page_to_json(plain) and page_from_json(page_to_json(plain)) == plain
    assert turned_message(((1, 90), (3, 270))) == (
        "pages were stored turned and were read turned clockwise: page 1 90°, page 3 270°")


@pytest.mark.parametrize(("second", "kept"), [(96.0, 180), (60.0, 0), (None, 0)])
def test_a_turned_reading_is_kept_only_when_better(monkeypatch: pytest.MonkeyPatch,
                                                  second: float | None, kept: int) -> None:
    import bma_etl.read.ocr_orient as orient
    from bma_etl.errors import ReadError

    stored = Image.new("L", (40, 60), 255)
    flat = tuple(_word("โครงการ", (10, 10 + 20 * i, 90, 25 + 20 * i)) for i in range(6))
    monkeypatch.setattr(orient, "osd_turn", lambda image, dpi: (180, 30.0))

    def read(image: Image.Image) -> OcrPage:
        if image is stored:
            return OcrPage("first", 65.0, flat)
        if second is None:
            raise ReadError("over the time limit")
        return OcrPage("second", second, flat)

    result = read_upright(stored, read, DPI)
    assert result.turned == kept
    assert result.text == ("second" if kept else "first")

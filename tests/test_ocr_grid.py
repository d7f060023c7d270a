"""A low-resolution grey scan is read on its own pixel grid (read/ocr_grid.py).

The scan's resolution is found from the page's image, whatever it is (120 or
150 dpi), never assumed; only grey scans under
:data:`~bma_etl.read.ocr_grid.GRID_BELOW` are read so, and only their cache keys
change. Inputs are generated: a page of specks for the rendering (no OCR), a
generated document printed and scanned at 150 dpi for the words read (one page
of live OCR; the truth is the print's own text layer).
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pypdfium2
import pytest
from ocr_input import distance, truth_lines
from PIL import Image

from bma_etl.read import ocr
from bma_etl.read import pdf as pdf_reader
from bma_etl.read.ocr_cache import OcrCache
from bma_etl.read.ocr_grid import GRID_FILTER, scan_grids, sureness, surer
from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.pdf_open import render_page
from bma_etl.textnorm import repair_text

from corpus import render
from corpus.build import GENERATORS
from corpus.scan import scan_pdf
from thai_fonts import fonts_or_fail

A4 = (8.27, 11.69)  # inches


def _scan(path: Path, dpi: int, mode: str, specks: int = 400, seed: int = 3) -> Path:
    """An A4 page scanned at ``dpi``: white paper, single-pixel black specks, a black bar."""
    rng = np.random.default_rng(seed)
    width, height = round(A4[0] * dpi), round(A4[1] * dpi)
    pixels = np.full((height, width), 255, dtype=np.uint8)
    ys, xs = rng.integers(10, height - 10, specks), rng.integers(10, width - 10, specks)
    pixels[ys, xs] = 0
    bar = dpi // 10  # a tenth of an inch: ink no filter takes away
    pixels[height // 2:height // 2 + bar, width // 4:3 * width // 4] = 0
    image = Image.fromarray(pixels, "L")
    (image.convert("1") if mode == "1bit" else image).save(path, "PDF", resolution=float(dpi))
    return path


def _grid(pdf: Path) -> float:
    return scan_grids(pdf.read_bytes(), pdf.name, [0]).get(0, 0.0)


def _render(pdf: Path, tmp_path: Path) -> tuple[Image.Image, float]:
    out = tmp_path / f"{pdf.stem}.pgm"
    dpi = render_page(pdf.read_bytes(), pdf.name, 0, str(out), 300, 36.0, None, _grid(pdf))
    with Image.open(out) as image:
        return image.convert("L"), dpi


@pytest.mark.parametrize("dpi", [120, 150])
def test_a_low_resolution_grey_scan_is_filtered_on_its_own_pixels(tmp_path: Path,
                                                                  dpi: int) -> None:
    """The grid is the image's own; specks of one scan pixel go, the bar stays, 300 dpi out."""
    pdf = _scan(tmp_path / f"grey{dpi}.pdf", dpi, "grey")
    assert _grid(pdf) == dpi
    page, used = _render(pdf, tmp_path)
    assert used == pytest.approx(300, abs=1)
    assert page.width == pytest.approx(A4[0] * 300, abs=4)
    dark = np.asarray(page) < 128
    bar = dark[page.height // 2 + 5:page.height // 2 + 25,
               page.width // 4 + 10:3 * page.width // 4 - 10]
    assert bar.mean() > 0.5  # the bar is kept
    dark[page.height // 2 - 20:page.height // 2 + 50, :] = False
    assert dark.sum() == 0  # every speck went


@pytest.mark.parametrize(("dpi", "mode"), [(150, "1bit"), (200, "grey"), (300, "grey")])
def test_other_scans_are_rendered_as_before(tmp_path: Path, dpi: int, mode: str) -> None:
    """A 1-bit scan, or one of 200 dpi and more, has no grid: rendered at 300 dpi, unfiltered."""
    pdf = _scan(tmp_path / f"{mode}{dpi}.pdf", dpi, mode)
    assert _grid(pdf) == 0.0
    page, used = _render(pdf, tmp_path)
    assert used == pytest.approx(300, abs=1)
    assert (np.asarray(page)[:page.height // 2 - 20] < 250).sum() > 0  # specks left to cleaned()


def _two_scans(tmp_path: Path) -> Path:
    """One PDF: page 1 a 150 dpi grey scan, page 2 a 300 dpi grey scan."""
    out = pypdfium2.PdfDocument.new()
    for dpi in (150, 300):
        part = pypdfium2.PdfDocument(str(_scan(tmp_path / f"part{dpi}.pdf", dpi, "grey")))
        out.import_pages(part)
        part.close()
    path = tmp_path / "two.pdf"
    out.save(str(path))
    out.close()
    return path


def _page(text: str, conf: float) -> ocr.OcrPage:
    return ocr.OcrPage(text, conf, (OcrWord(text, conf, (0, 0, 10, 10), 0),), 300.0)


def test_only_a_page_read_on_its_grid_changes_its_cache_key(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache written before pages were read on their grid stays valid for the others.

    The 150 dpi page is read on its grid besides (its reading rendered at 300 dpi
    is the cached one) and the surer reading is kept; the 300 dpi page is read
    as before, from the cache.
    """
    import hashlib

    monkeypatch.setenv("BMA_ETL_CACHE", str(tmp_path / "cache"))
    data = _two_scans(tmp_path).read_bytes()
    engine = ocr.engine_version()
    before = [pdf_reader.page_key(i, ocr.LANG, pdf_reader.DPI) for i in (0, 1)]
    assert before == [f"{pdf_reader.OCR_CACHE_FORMAT}/{ocr.LANG}/300/{i}" for i in (0, 1)]
    cache = OcrCache(hashlib.sha256(data).hexdigest(), tmp_path / "cache" / "ocr")
    for key in before:  # both pages cached the old way
        cache.put(key, _page(f"cached {key}", 80.0), engine)
    read: list[tuple[object, float, bool]] = []

    def fake_read(items: object, **_: object) -> object:
        for key, _image, dpi, filtered in items:  # type: ignore[attr-defined]
            read.append((key, dpi, filtered))
            yield key, _page("on its grid", 90.0)

    monkeypatch.setattr(ocr, "read_images", fake_read)
    pages = pdf_reader.ocr_pages(data, [0, 1], name="two.pdf")
    assert read == [((0, 150.0), pytest.approx(300, abs=1), True)]  # the 150 dpi page only
    assert pages[0].text == "on its grid"  # surer than the cached reading
    assert pages[1].text == f"cached {before[1]}"
    stored = OcrCache(hashlib.sha256(data).hexdigest(), tmp_path / "cache" / "ocr").pages
    assert set(stored) == {*before, f"{before[0]}/grid150-{GRID_FILTER}"}
    read.clear()
    again = pdf_reader.ocr_pages(data, [0, 1], name="two.pdf")
    assert read == [] and again == pages  # the grid reading is cached under its own key


def test_the_surer_reading_of_a_page_is_kept() -> None:
    """Words weigh by their letters; on a tie the page rendered as before is kept."""
    rendered = ocr.OcrPage("", 85.0, (OcrWord("โครงการ", 80.0, (0, 0, 9, 9), 0),
                                      OcrWord("1", 99.0, (0, 0, 9, 9), 8)), 300.0)
    grid = ocr.OcrPage("", 85.0, (OcrWord("โครงการ", 84.0, (0, 0, 9, 9), 0),
                                  OcrWord("|", 40.0, (0, 0, 9, 9), 8)), 300.0)
    assert sureness(rendered) == pytest.approx((7 * 80 + 99) / 8)
    assert surer(rendered, grid) is rendered  # 82.4 against 78.5: the bar weighs one letter
    assert surer(grid, rendered) is rendered
    sure = ocr.OcrPage("", 85.0, (OcrWord("โครงการ", 95.0, (0, 0, 9, 9), 0),), 300.0)
    assert surer(rendered, sure) is sure
    assert surer(rendered, rendered) is rendered
    assert surer(ocr.OcrPage("", None, (), 300.0), ocr.OcrPage("", None, (), 300.0)) \
        is not None


#: Character error rate allowed on the generated page: the sum of each Thai line's
#: least edit distance to the page read (``bench/ocr_input.py``), over their letters
#: (measured 2.3 %; 2.7 % rendered at 300 dpi as before).
MAX_CER = 0.05


def test_a_generated_page_scanned_at_150_dpi_reads_its_words(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    """The lines of a print's first page, scanned grey at 150 dpi, are read (live OCR).

    The truth is the print's text layer (fpdf2 unshaped, as the corpus's prints):
    each line holding Thai, white space left out, is found in the page OCR read
    (repaired as the pipeline does) by the least edit distance to any of its spans.
    """
    monkeypatch.setenv("BMA_ETL_CACHE", str(tmp_path / "cache"))
    gen, seed = "web_history", 4211
    doc = GENERATORS[gen](random.Random(f"{seed}-{gen}"))
    found = fonts_or_fail(("Garuda", "Loma", "Sarabun"), least=1)
    font = next(iter(found))
    printed = tmp_path / f"{gen}.pdf"
    render.render_fpdf(doc, printed, font, found[font], random.Random(seed), shaping=False)
    scanned = tmp_path / f"{gen}.scan150grey.pdf"
    scan_pdf(printed, scanned, 150, "grey", random.Random(seed), max_pages=1)
    assert _grid(scanned) == 150
    truth = truth_lines(printed)
    page = pdf_reader.ocr_pages(scanned.read_bytes(), [0], name=scanned.name)[0]
    hay = "\x00".join("".join(line.split()) for line in repair_text(page.text).split("\n"))
    errors = sum(distance(line, hay) for line in truth)
    letters = sum(map(len, truth))
    assert letters >= 500
    assert errors / letters <= MAX_CER

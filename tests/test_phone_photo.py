"""A phone photo of a page: the paper on a dark desk, turned a few degrees.

A generated form is printed by fpdf2, its first page rasterised, lit unevenly
(bench/corpus ``damaged``: ``light``), turned 3-6 degrees onto a dark, noisy
desk and saved as JPEG 60, as a phone takes it. :func:`on_paper` cuts the
paper out and squares it; a scan (white to its edges) comes back untouched; and
the photo's form is read as a form, its project code right (on the desk it was
taken for no known layout).
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

from bma_etl.pipeline import process_file
from bma_etl.read.ocr_paper import on_paper

from corpus import render
from corpus.forms import legacy_form
from corpus.scan import damaged
from thai_fonts import font_file

DPI = 200


def _page(tmp_path: Path, seed: str) -> tuple[Image.Image, dict[str, object]]:
    doc = legacy_form(random.Random(seed))
    pdf = tmp_path / "form.pdf"
    render.render_fpdf(doc, pdf, "Loma", font_file("Loma"), random.Random(seed), shaping=False,
                       pt=12)
    page = pdfium.PdfDocument(pdf)[0].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    return page, doc.tables["projects"][0]


def _photo(page: Image.Image, rng: random.Random) -> Image.Image:
    lit = damaged(np.asarray(page, dtype=np.float64), "light", rng, page.rotate(180))
    paper = Image.fromarray(np.clip(lit, 0, 255).astype(np.uint8))
    angle = rng.choice((-1, 1)) * rng.uniform(3, 6)
    mask = Image.new("L", paper.size, 255).rotate(angle, expand=True)
    paper = paper.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
    noise = np.random.default_rng(rng.randrange(2**32))
    w, h = paper.width + paper.width // 6, paper.height + paper.height // 8
    desk = Image.fromarray(np.clip(noise.normal(55, 12, (h, w)), 0, 255).astype(np.uint8))
    desk.paste(paper, (rng.randrange(w - paper.width), rng.randrange(h - paper.height)), mask)
    buffer = io.BytesIO()
    desk.save(buffer, "JPEG", quality=60)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("L")


def test_the_paper_is_cut_out_and_squared(tmp_path: Path) -> None:
    page, _ = _page(tmp_path, "paper-0")
    for k in range(3):
        cut = on_paper(_photo(page, random.Random(f"photo-{k}")))
        assert abs(cut.width - page.width) < 0.03 * page.width
        assert abs(cut.height - page.height) < 0.03 * page.height
        edge = np.asarray(cut)
        frame = np.concatenate([edge[:8].ravel(), edge[-8:].ravel(),
                                edge[:, :8].ravel(), edge[:, -8:].ravel()])
        assert (frame < 100).mean() < 0.05  # no desk left around the paper


def test_a_scan_is_left_as_it_is(tmp_path: Path) -> None:
    page, _ = _page(tmp_path, "paper-1")
    assert on_paper(page) is page


def test_a_photographed_form_reads(tmp_path: Path) -> None:
    page, project = _page(tmp_path, "paper-2")
    photo = _photo(page, random.Random("photo-read"))
    pdf = tmp_path / "photo.pdf"
    photo.save(pdf, "PDF", resolution=float(DPI))
    processed = process_file(pdf)
    assert processed.layout == "legacy_progress_form"
    assert processed.rows("projects")[0].project_code == project["project_code"]


def test_paper_under_light_falling_off_over_the_whole_photo_is_found_to_its_corners(
        tmp_path: Path) -> None:
    """A phone's light falls off over paper and desk alike, to 40 % in the far corner.

    The paper is pasted at known corners on a desk, then the whole photo darkened
    toward one corner (the tester's phone4_L6); each corner found lies within 2 % of
    the page's width of where it was put (the dark one was taken a tenth inside).
    """
    from bma_etl.read.ocr_paper import _corners

    page, _ = _page(tmp_path, "paper-light")
    for k, (dark_x, dark_y) in enumerate(((0.0, 1.0), (1.0, 1.0), (0.0, 0.0))):
        rng = random.Random(f"light-{k}")
        w, h = page.width + page.width // 4, page.height + page.height // 6
        left, top = rng.randrange(w - page.width), rng.randrange(h - page.height)
        noise = np.random.default_rng(k)
        desk = np.clip(noise.normal(75, 8, (h, w)), 0, 255)
        desk[top:top + page.height, left:left + page.width] = np.asarray(page, dtype=np.float64)
        yy, xx = np.mgrid[0:h, 0:w]
        far = np.hypot(xx / w - dark_x, yy / h - dark_y)  # 0 at the dark corner
        light = 0.4 + 0.6 * np.clip(far / 1.2, 0, 1)
        photo = Image.fromarray(np.clip(desk * light, 0, 255).astype(np.uint8))
        corners = _corners(photo)
        assert corners is not None
        placed = [(left, top), (left, top + page.height), (left + page.width, top + page.height),
                  (left + page.width, top)]
        for (x, y), (px, py) in zip(corners, placed, strict=True):
            assert abs(x - px) < 0.02 * page.width and abs(y - py) < 0.02 * page.width


def _on_desk(page: Image.Image, k: int) -> tuple[Image.Image, list[tuple[int, int]]]:
    """``page`` pasted on a dark noisy desk, evenly lit; the photo and the page's corners."""
    rng = random.Random(f"even-{k}")
    w, h = page.width + page.width // 4, page.height + page.height // 6
    left, top = rng.randrange(w - page.width), rng.randrange(h - page.height)
    desk = np.clip(np.random.default_rng(k).normal(75, 8, (h, w)), 0, 255)
    desk[top:top + page.height, left:left + page.width] = np.asarray(page, dtype=np.float64)
    placed = [(left, top), (left, top + page.height), (left + page.width, top + page.height),
              (left + page.width, top)]
    return Image.fromarray(desk.astype(np.uint8)), placed


def test_evenly_lit_paper_keeps_its_corners(tmp_path: Path, monkeypatch) -> None:
    """The light fitted over every photo's paper moves no corner of an evenly lit one.

    Each corner found lies within 1.5 % of the page's width of where the page was put
    (the corners are moved 0.6 % inward, a probe pixel is 0.3 %), and within 0.1 % of
    where it is found without the light fitted (the paper's first threshold alone).
    """
    from bma_etl.read import ocr_paper

    page, _ = _page(tmp_path, "paper-even")
    for k in range(3):
        photo, placed = _on_desk(page, k)
        corners = ocr_paper._corners(photo)
        with monkeypatch.context() as patched:
            patched.setattr(ocr_paper, "_evenly_lit", lambda pixels, mask: mask)
            before = ocr_paper._corners(photo)
        assert corners is not None and before is not None
        for (x, y), (px, py), (bx, by) in zip(corners, placed, before, strict=True):
            assert abs(x - px) < 0.015 * page.width and abs(y - py) < 0.015 * page.width
            assert abs(x - bx) < 0.001 * page.width and abs(y - by) < 0.001 * page.width


def test_the_ocr_cache_names_the_paper_found_under_fitted_light() -> None:
    """0.11.0 cached pages whose paper was cut without the light fitted: they are read again."""
    from bma_etl.read.ocr import ENGINE_SETTINGS

    assert "paper-light-fitted" in ENGINE_SETTINGS.split()

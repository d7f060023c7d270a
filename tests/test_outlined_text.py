"""A PDF whose text was converted to outlines is read by OCR, not refused as blank.

"Convert text to curves" exports, Ghostscript's ``-dNoOutputFonts`` and some
print-to-PDF drivers draw every letter as a filled path: the page has no text
layer and no image, and was quarantined as blank (an outside tester's
Ghostscript prints of forms and web pages: all six refused; read by OCR they
give 94 % of their fields).

The documents are generated (``bench/corpus``); each line of the document's text
is shaped with HarfBuzz and every glyph's outline drawn as a path with ReportLab
(fontTools reads the outlines), so the page looks like the text printed and holds
no character. The truth is the generated values.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import uharfbuzz as hb
from fontTools.pens.basePen import BasePen
from fontTools.ttLib import TTFont
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from bma_etl.errors import ReadError
from bma_etl.pipeline import process_file
from bma_etl.read.pdf import extract_pdf
from bma_etl.read.pdf_kind import MIN_DRAWN_LETTERS, drawn_letters

from corpus.forms import legacy_form
from corpus.score import score
from ocr_text import thai_wrapped
from thai_fonts import font_file

SIZE = 14.0  # points
LEADING = 1.6  # line pitch, in sizes
MARGIN = 56.0  # points
TAB = 6.0  # a tab advances to the next multiple of this many sizes


class _ToCanvasPath(BasePen):
    """A fontTools pen that draws a glyph into a ReportLab path, scaled and placed."""

    def __init__(self, glyphs: object, path: object, scale: float, x: float, y: float) -> None:
        super().__init__(glyphs)
        self.path, self.scale, self.x, self.y = path, scale, x, y

    def _at(self, pt: tuple[float, float]) -> tuple[float, float]:
        return self.x + pt[0] * self.scale, self.y + pt[1] * self.scale

    def _moveTo(self, pt: tuple[float, float]) -> None:
        self.path.moveTo(*self._at(pt))  # type: ignore[attr-defined]

    def _lineTo(self, pt: tuple[float, float]) -> None:
        self.path.lineTo(*self._at(pt))  # type: ignore[attr-defined]

    def _curveToOne(self, p1: tuple[float, float], p2: tuple[float, float],
                    p3: tuple[float, float]) -> None:
        self.path.curveTo(*self._at(p1), *self._at(p2), *self._at(p3))  # type: ignore[attr-defined]

    def _closePath(self) -> None:
        self.path.close()  # type: ignore[attr-defined]


def print_as_outlines(text: str, out: Path, font_path: Path) -> None:
    """``text`` on A4 pages, every letter a filled path (HarfBuzz-shaped), no text layer.

    A line wider than the page wraps as a page wraps Thai (``ocr_text.thai_wrapped``).
    """
    face = hb.Face(hb.Blob.from_file_path(str(font_path)))
    font = hb.Font(face)
    tt = TTFont(str(font_path))
    glyphs, order = tt.getGlyphSet(), tt.getGlyphOrder()
    scale = SIZE / face.upem
    room = A4[0] - 2 * MARGIN

    def shaped(piece: str) -> tuple[list[tuple[int, float, float, float]], float]:
        """(glyph, x offset, y offset, advance) in points, and the piece's width."""
        if not piece:
            return [], 0.0
        buf = hb.Buffer()
        buf.add_str(piece)
        buf.guess_segment_properties()
        hb.shape(font, buf)
        run = [(info.codepoint, pos.x_offset * scale, pos.y_offset * scale,
                pos.x_advance * scale)
               for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True)]
        return run, sum(advance for *_, advance in run)

    def stop(x: float) -> float:
        """Where a tab at ``x`` leads."""
        step = TAB * SIZE
        return MARGIN + ((x - MARGIN) // step + 1) * step

    def width(line: str) -> float:
        x = MARGIN
        for k, piece in enumerate(line.split("\t")):
            x = (stop(x) if k else x) + shaped(piece)[1]
        return x - MARGIN

    page = canvas.Canvas(str(out), pagesize=A4)
    y = A4[1] - MARGIN
    for whole in text.splitlines():
        wide = width(whole)
        lines = [whole] if wide <= room else thai_wrapped(
            whole, int(len(whole) * room / wide * 0.95))
        for line in lines:
            if y < MARGIN:
                page.showPage()
                y = A4[1] - MARGIN
            x = MARGIN
            for k, piece in enumerate(line.split("\t")):
                x = stop(x) if k else x
                for glyph, dx, dy, advance in shaped(piece)[0]:
                    path = page.beginPath()
                    glyphs[order[glyph]].draw(_ToCanvasPath(glyphs, path, scale, x + dx, y + dy))
                    page.drawPath(path, stroke=0, fill=1)
                    x += advance
            y -= SIZE * LEADING
    page.save()


def test_drawn_letters_counts_letter_sized_paths_only() -> None:
    rules = [(50.0, 100.0, 550.0, 100.5), (50.0, 100.0, 50.5, 700.0)]  # thin: rules
    box = [(50.0, 100.0, 550.0, 700.0)]  # a frame
    letters = [(60.0 + 8 * i, 200.0, 66.0 + 8 * i, 209.0) for i in range(5)]
    assert drawn_letters(rules + box + letters) == 5


def test_form_with_text_as_outlines_is_read_by_ocr(tmp_path: Path) -> None:
    doc = legacy_form(random.Random("outlines-pipe"), "pipe")
    pdf = tmp_path / "outlined.pdf"
    print_as_outlines(doc.text, pdf, font_file("Garuda"))
    done = process_file(pdf)
    assert done.layout == "legacy_progress_form"
    result = score(done, doc.truth, scan=True)
    project = done.tables["projects"][0]
    assert project.project_code == doc.tables["projects"][0]["project_code"]
    # OCR's own misreads aside, the form reads as its scan would.
    assert result.right >= 0.8 * result.total, "\n".join(
        f"{k}: want {w!r} got {g!r} ({kind})" for k, w, g, kind in result.lost)


def test_page_of_a_few_shapes_and_no_text_is_still_blank(tmp_path: Path) -> None:
    """A logo's few paths do not make a page of drawn text: no OCR, refused as blank."""
    pdf = tmp_path / "logo.pdf"
    page = canvas.Canvas(str(pdf), pagesize=A4)
    for i in range(MIN_DRAWN_LETTERS // 4):
        page.circle(100 + 10 * i, 700, 4, stroke=0, fill=1)
    page.rect(50, 50, 495, 740)
    page.save()
    with pytest.raises(ReadError, match="neither text nor images"):
        extract_pdf(pdf.read_bytes(), "logo.pdf")

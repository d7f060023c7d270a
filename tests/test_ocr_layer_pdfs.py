"""A scan that carries another program's OCR layer is read by OCR, not by that layer.

ocrmypdf (and a scanner's own software) puts the text its OCR found over the page
image as invisible text (render mode 3). Tesseract's Thai comes out letter-spaced
and mark-damaged (``โค ร ง กำ ร ติ ดตั้ ง``): taken as the page's text, a form loaded
0 of 7 reports and letter-spaced names (the fourteenth tester's ocrmypdf scans).
The page is read by OCR, as a scan without the layer is.

A generated form is printed and scanned; the same scan is saved again with an
invisible layer of its own text letter-spaced over it. Both must read the same.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pypdfium2 as pdfium

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.scan import scan_pdf
from corpus.score import score
from thai_fonts import font_file


def _with_ocr_layer(scan: Path, text: str, out: Path) -> None:
    """``scan``'s first page with ``text`` cut apart over it, invisible (as ocrmypdf's)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    if "Loma" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Loma", str(font_file("Loma"))))
    page = pdfium.PdfDocument(scan)[0]
    width, height = page.get_size()
    image = page.render(scale=150 / 72).to_pil()
    canvas = Canvas(str(out), pagesize=(width, height))
    canvas.drawImage(ImageReader(image), 0, 0, width, height)
    layer = canvas.beginText(40, height - 50)
    layer.setTextRenderMode(3)
    layer.setFont("Loma", 10)
    rng = random.Random(3)  # Tesseract's Thai: pieces of one to three letters apart
    for line in text.split("\n")[:60]:
        line, pieces = line.replace("\t", " "), []
        while line:
            cut = rng.randint(1, 3)
            pieces.append(line[:cut])
            line = line[cut:]
        layer.textLine(" ".join(pieces))
    canvas.drawText(layer)
    canvas.save()


def test_scan_under_an_invisible_ocr_layer_reads_as_the_scan(tmp_path: Path) -> None:
    doc = GENERATORS["web_detail"](random.Random("ocr-layer-1"))
    printed, scan, layered = tmp_path / "p.pdf", tmp_path / "s.pdf", tmp_path / "l.pdf"
    render.render_reportlab(doc, printed, "Loma", font_file("Loma"), random.Random(1))
    scan_pdf(printed, scan, 200, "grey", random.Random(2), max_pages=1)
    plain = tmp_path / "plain.pdf"  # the scan as its first page alone, at the layer's dpi
    _with_ocr_layer(scan, "", plain)
    _with_ocr_layer(scan, doc.text, layered)
    assert pdfium.PdfDocument(layered)[0].get_textpage().count_chars() > 200  # the layer
    read, bare = process_file(layered), process_file(plain)
    assert read.ocr_note is not None and bare.ocr_note is not None
    truth = json.loads(doc.truth_json())
    assert score(read, truth, scan=True).right == score(bare, truth, scan=True).right > 0


def _glyph_code_text_maps(src: Path, out: Path) -> None:
    """``src`` with each font's ``ToUnicode`` mapping every code to itself, as MuPDF's
    ``convert_to_pdf`` writes it (``<0000> <0050> <0000>``): its text reads as glyph codes."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, StreamObject

    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            b"1 beginbfrange <0000> <0FFF> <0000> endbfrange\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end\n")
    writer = PdfWriter(clone_from=PdfReader(src))
    for page in writer.pages:
        fonts = page["/Resources"].get_object().get("/Font")
        for ref in (fonts.get_object().values() if fonts else ()):
            font = ref.get_object()
            if NameObject("/ToUnicode") in font:
                stream = StreamObject()
                stream.set_data(cmap)
                font[NameObject("/ToUnicode")] = writer._add_object(stream)
    with out.open("wb") as f:
        writer.write(f)


def test_layer_of_glyph_codes_is_read_by_ocr(tmp_path: Path) -> None:
    """A text layer whose fonts lost their text maps reads as signs: its pages are OCR'd.

    PyMuPDF's ``convert_to_pdf`` of a LibreOffice print wrote no text map; pdfium
    read each glyph's code (``!"#\\t$ --``) and the plan was quarantined as no
    known layout, unread (the fourteenth tester).
    """
    doc = GENERATORS["web_detail"](random.Random("glyph-codes-1"))
    printed, codes = tmp_path / "p.pdf", tmp_path / "codes.pdf"
    render.render_fpdf(doc, printed, "Loma", font_file("Loma"), random.Random(1), shaping=False)
    _glyph_code_text_maps(printed, codes)  # (fpdf2 numbers its glyphs from 1: signs, then)
    layer = pdfium.PdfDocument(codes)[0].get_textpage().get_text_range()
    assert not any("\u0e01" <= c <= "\u0e2e" for c in layer)  # no Thai left in the layer
    read = process_file(codes)
    assert read.ocr_note is not None and read.layout == "web_project_detail"
    result = score(read, json.loads(doc.truth_json()), scan=True)
    assert result.right >= 0.8 * result.total, result.lost[:5]

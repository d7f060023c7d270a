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

from conftest import font_file
from corpus import render
from corpus.build import GENERATORS
from corpus.scan import scan_pdf
from corpus.score import score


def _with_ocr_layer(scan: Path, text: str, out: Path) -> None:
    """``scan``'s first page with ``text`` letter-spaced over it, invisible (as ocrmypdf)."""
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
    for line in text.split("\n")[:60]:
        layer.textLine(" ".join(line.replace("\t", " ")))
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

"""A 1x browser screenshot of a detail page, sent over LINE (JPEG), reads as written.

Offices send screenshots of the tracking system's pages: 96 pixels to the inch,
JPEG-recompressed, the window's dark scroll bar or frame at one edge, the page's
table ruled across its width. That dark edge and the table's vertical rules put ink
in every pixel row of the page, the gaps between the table's rows too, so each gap
was taken for a line of text Tesseract's layout had left out and read again
(:func:`~bma_etl.read.ocr_tsv.missed_bands`): its junk (``Dalicy Th 445 /``) was
glued onto the values, codes read wrong, years and dates lost. Ink running down
the page unbroken is now not counted as text.

Pages are generated from known values (``bench/corpus``, Arabic digits: the Thai
model's Thai digits are another matter), styled as a CMS does (collapsed borders,
full width, labels left), shot by headless Chromium at 1x; the truth is the
generated values.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from PIL import Image

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.score import score

#: A CMS theme's table style: ruled across the page, labels left.
CSS = ("<style>table{border-collapse:collapse;width:100%}td,th{border:1px solid #444;"
       "padding:3px;text-align:left}</style>")
_THAI = re.compile("[\u0e00-\u0e7f]")
#: Pixels of the window's dark scroll bar kept at the shot's right edge.
EDGE = 16


def _screenshot(html: str, encoding: str, out: Path, quality: int = 55) -> None:
    """Shoot ``html`` (written in ``encoding``) at 1x in a 1280 px window, add the dark
    edge, save it as JPEG at ``quality`` and wrap that in a PDF at 96 dpi (``out``)."""
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    with tempfile.TemporaryDirectory(prefix="bma-shot-") as tmp:
        src = Path(tmp) / "page.html"
        codec = "cp874" if encoding == "windows-874" else encoding
        src.write_bytes(html.replace("</head>", CSS + "</head>", 1).encode(codec))
        png = Path(tmp) / "shot.png"
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-first-run", f"--user-data-dir={tmp}/profile",
                        "--force-device-scale-factor=1", "--window-size=1280,2400",
                        "--hide-scrollbars", f"--screenshot={png}", src.as_uri()],
                       capture_output=True, timeout=120, check=True)
        shot = Image.open(png).convert("RGB")
        framed = Image.new("RGB", (shot.width + EDGE, shot.height), (20, 20, 20))
        framed.paste(shot, (0, 0))
        jpeg = Path(tmp) / "shot.jpg"
        framed.save(jpeg, "JPEG", quality=quality)
        with Image.open(jpeg) as sent:
            sent.save(out, "PDF", resolution=96.0)


@pytest.mark.parametrize("seed", ["1", "5"])
def test_a_1x_jpeg_screenshot_of_a_detail_page_reads_its_values(seed: str,
                                                                tmp_path: Path) -> None:
    doc = GENERATORS["web_detail"](random.Random(seed))
    assert doc.html is not None and not re.search("[\u0e50-\u0e59]", doc.text)
    pdf = tmp_path / "shot.pdf"
    _screenshot(doc.html, doc.html_encoding, pdf)
    truth = json.loads(doc.truth_json())
    got = score(process_file(pdf), truth)
    wrong = [lost for lost in got.lost if lost[2] is not None]
    codes = [lost for lost in wrong if not _THAI.search(str(lost[1]))]
    assert codes == [], codes  # a code, number or date: right or NULL, never misread
    glued = [lost for lost in wrong if len(str(lost[2])) > len(str(lost[1])) + 2]
    assert glued == [], glued  # no text of another line glued onto a value
    assert got.right >= got.total - 1, got.lost  # one letter OCR misreads at most


@pytest.mark.parametrize("edge", [0, 48])
def test_rules_and_a_dark_edge_between_rows_are_no_missed_line(edge: int) -> None:
    """A ruled table's rows, every word read: the gaps between them, crossed by the
    table's vertical rules and the window's dark edge (``edge`` px), are no band to read
    again; a line of text no word covers still is."""
    from PIL import ImageDraw

    from bma_etl.read.ocr_tsv import missed_bands

    page = Image.new("L", (2400, 1400), 255)
    draw = ImageDraw.Draw(page)
    rows = [(100 + 90 * i, 140 + 90 * i) for i in range(12)]  # text 40 px tall, 50 apart
    for x in (80, 800, 2300):  # the table's vertical rules, 3 px wide
        draw.rectangle((x, 80, x + 2, 1180), fill=0)
    if edge:
        draw.rectangle((2400 - edge, 0, 2399, 1399), fill=0)
    words = ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\t"
             "height\tconf\ttext"]
    for n, (top, bottom) in enumerate(rows):
        for left in range(100, 1400, 60):  # letters: 40 px boxes 20 px apart
            draw.rectangle((left, top, left + 39, bottom), fill=0)
        if n != 7:  # row 8 left out of the page's layout
            box = f"100\t{top}\t1300\t{bottom - top}"
            words += [f"4\t1\t1\t1\t{n + 1}\t0\t{box}\t-1\t",
                      f"5\t1\t1\t1\t{n + 1}\t1\t{box}\t90\tword"]
    assert missed_bands(page, "\n".join(words)) == [(rows[7][0] - 40, rows[7][1] + 41)]

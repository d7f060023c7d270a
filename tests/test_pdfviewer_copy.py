"""Text copied out of a pdfium PDF viewer (Chrome's, Edge's) reads as printed.

Ctrl+A, Ctrl+C of a Chromium print in Chrome's viewer gives pdfium's text, page
after page, lines ending CRLF: every Thai cluster with a mark that pdfium reads
twice (``ร้อร้ ยละ``, ``ครั้งรั้ที่1``, ``สิ้นสิ้ สุด``) and SARA AM with a space after it
(``สำ นัก``) stay in it (:mod:`bma_etl.textcopies`). Generated documents and lines
of known words are printed with Chromium in Noto Sans Thai, Noto Serif Thai and
Garuda, copied as the viewer copies them (pypdfium2's ``get_text_range`` per
page), saved as Notepad saves them (BOM, CRLF) and read back; the truth is the
generated values and the written words. A clean text file whose words repeat a
syllable (``ตุ๊กตุ๊ก``, ``ควบคุมคุณภาพ``, ``รุ่น รุ่นละ``) keeps every letter.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from bma_etl.pipeline_file import repair
from bma_etl.read import read_source

from chromium_pages import chromium_words_print
from corpus import fonts, render
from corpus.build import GENERATORS
from read_back import assert_read_as_generated
from thai_fonts import font_file

#: Words a clean text may repeat a syllable in, as the Thai word list spells them.
REPEATS = "ควบคุมคุณภาพรถตุ๊กตุ๊กไม่ให้ซ้ำซ้อน"

#: A form's labels and values, their clusters with marks before letters fonts set close.
#: (A space printed right after a cluster pdfium reads twice, ``บางบัว ครั้งที่``, reads
#: as pdfium's own space after the copy, ``บางบัวบั ครั้งที่``, and is dropped: 35 of 36
#: such spaces in the outside tester's copies were pdfium's.)
WORDS = ["ความคืบหน้าโครงการ ร้อยละ 70",
         "ผู้รับจ้างก่อสร้างทางเดินริมคลองบางบัว: ครั้งที่ 1",
         "สิ้นสุดโครงการ : 2024-09-30",
         "สำนักงานเขตบางเขน ดูโครงการแผนปีฯ พิมพ์ข้อมูล",
         "ตัวชี้วัด : ร้อยละความสำเร็จของการปรับปรุงเขื่อน",
         "ปัญหาของโครงการ : ไม่มี"]


def _font(family: str) -> Path:
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    if family in fonts.NOTO_THAI:
        path = fonts.noto(family)
        if path is None:
            pytest.fail(f"needs {family}: apt-get install fonts-noto-core (make venv does)")
        return path
    return font_file(family)


def _viewer_copy(pdf: Path, out: Path) -> Path:
    """What Ctrl+A, Ctrl+C of ``pdf`` in a pdfium viewer gives, saved by Notepad to ``out``."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        text = "\r\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()
    out.write_bytes(b"\xef\xbb\xbf" + text.replace("\r\n", "\n").replace("\n", "\r\n")
                    .encode("utf-8"))
    return out


@pytest.mark.parametrize(("generator", "family"), [("legacy_pipe", "Noto Sans Thai"),
                                                   ("legacy_pipe", "Garuda"),
                                                   ("web_detail", "Noto Sans Thai"),
                                                   ("web_detail", "Noto Serif Thai")])
def test_viewer_copy_of_a_chromium_print_reads_the_generated_values(
        generator: str, family: str, tmp_path: Path) -> None:
    doc = GENERATORS[generator](random.Random(f"pastecopy-{generator}-0"))
    pdf = tmp_path / "printed.pdf"
    render.render_chromium(doc, pdf, family, _font(family), random.Random(0),
                           header_footer=False)
    copied = _viewer_copy(pdf, tmp_path / "copied.txt")
    assert_read_as_generated(copied, json.loads(doc.truth_json()))


def test_viewer_copy_keeps_the_syllables_its_words_repeat(tmp_path: Path) -> None:
    """A copy with pdfium's repeats drops them, not the repeats its own words spell."""
    doc = GENERATORS["web_detail"](random.Random("pastecopy-web_detail-0"))
    row = doc.tables["projects"][0]
    name = row["project_name"]
    assert doc.html is not None and name in doc.html
    doc.html = doc.html.replace(name, name + REPEATS)
    row["project_name"] = name + REPEATS
    pdf = tmp_path / "printed.pdf"
    render.render_chromium(doc, pdf, "Noto Sans Thai", _font("Noto Sans Thai"),
                           random.Random(0), header_footer=False)
    copied = _viewer_copy(pdf, tmp_path / "copied.txt")
    assert_read_as_generated(copied, json.loads(doc.truth_json()))


@pytest.mark.parametrize("family", ["Noto Sans Thai", "Noto Serif Thai"])
def test_viewer_copy_of_known_words_reads_as_written(family: str, tmp_path: Path) -> None:
    font = _font(family)
    pdf = chromium_words_print(font, WORDS, tmp_path / "words.pdf")
    copied = _viewer_copy(pdf, tmp_path / "words.txt")
    assert copied.read_bytes().decode("utf-8-sig").split("\r\n") != WORDS  # damage to repair
    assert repair(read_source(copied)).text.split("\n") == WORDS


def test_clean_text_keeps_repeated_syllables(tmp_path: Path) -> None:
    """A text file of a form whose words repeat syllables loses none of its letters."""
    doc = GENERATORS["legacy_pipe"](random.Random("pastecopy-clean-0"))
    row = doc.tables["projects"][0]
    name = row["project_name"]
    assert name in doc.text
    extra = " อบรม 3 รุ่น รุ่นละ 50 คน สืบค้น ค้นคว้า " + REPEATS
    doc.text = doc.text.replace(name, name + extra)
    row["project_name"] = name + extra
    path = tmp_path / "form.txt"
    path.write_text(doc.text, encoding="utf-8")
    assert repair(read_source(path)).text == doc.text
    assert_read_as_generated(path, json.loads(doc.truth_json()))

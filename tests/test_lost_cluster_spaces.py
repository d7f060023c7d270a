"""Word spaces after a Thai cluster that pdfium generated none for, in a browser's print.

Chromium draws no space glyph, and writes a Thai letter with its mark (``ดี``,
``ใช้``, ``ที่``) as an ``/ActualText`` span. In Waree, the browser's fallback for
Thai on a page whose CSS names no Thai font, pdfium generates no space after such a
span: ``นายสมชาย ใจดี 6631`` read ``ใจดี6631`` (the phone glued to the responsible
person), ``นางสาวมาลี ศรีสุข`` read ``มาลีศรีสุข`` (:mod:`bma_etl.read.pdf_lost_spaces`).
Known words are printed as such a page is (no font in its CSS); the truth is the
words written.
"""

from __future__ import annotations

import html
import subprocess
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.read.pdf_layout import page_lines

from corpus import fonts, render

#: Words that end in a mark before a space: a name, a phone, a bracket, a digit.
WORDS = ["ชื่อผู้รับผิดชอบ : นายสมชาย ใจดี 6631",
         "ผู้ประสานงาน : นางสาวมาลี ศรีสุข",
         "งบประมาณที่เบิกใช้ (ครั้งที่ 1) = 0 บาท",
         "ให้อยู่ในสภาพดี ปลอดภัยต่อประชาชน"]


def _default_font_lines(words: list[str], tmp_path: Path) -> list[str]:
    """The lines the PDF reader gives of ``words``, one paragraph each, in a page whose
    CSS names no font (the browser's defaults), printed by headless Chromium."""
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    if fonts.installed("Waree") is None:
        pytest.fail("needs Waree: apt-get install fonts-thai-tlwg-ttf (make venv does)")
    body = "".join(f"<p>{html.escape(line)}</p>" for line in words)
    out = tmp_path / "words.pdf"
    with tempfile.TemporaryDirectory(prefix="bma-spaces-") as tmp:
        src = Path(tmp) / "page.html"
        src.write_text(f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>",
                       encoding="utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-first-run", f"--user-data-dir={tmp}/profile",
                        "--no-pdf-header-footer", f"--print-to-pdf={out}", src.as_uri()],
                       capture_output=True, timeout=120, check=True)
    doc = pdfium.PdfDocument(out)
    try:
        return [line.text for line in page_lines(doc[0].get_textpage())]
    finally:
        doc.close()


def test_spaces_after_marked_clusters_are_read_in_the_default_font(tmp_path: Path) -> None:
    assert _default_font_lines(WORDS, tmp_path) == WORDS


def test_marked_clusters_inside_words_put_no_space_between(tmp_path: Path) -> None:
    # within a word the letter after a marked cluster stands a tenth of a font size off
    words = ["ศรีสุข มีสิทธิ์ ที่ดิน ผู้ที่ได้รับ"]
    assert _default_font_lines(words, tmp_path) == words

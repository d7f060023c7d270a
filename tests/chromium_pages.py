"""Words printed or shot by headless Chromium in a given font, and read back as lines.

A page of paragraphs printed to PDF (no header and footer), a phone's screenshot of
lines, and the lines the PDF reader gives of a print. Fails the test without
Chromium or the font.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from thai_fonts import font_file


def chromium_words_print(font: Path, words: list[str], out: Path, px: int = 14) -> Path:
    """``words``, one paragraph each, set in the font file ``font`` at ``px`` CSS pixels
    and printed by headless Chromium without header and footer to ``out``."""
    import html
    import subprocess
    import tempfile

    body = "".join(f"<p>{html.escape(line)}</p>" for line in words)
    page = (f"<html><head><meta charset='utf-8'><style>@font-face {{ font-family: 'T';"
            f" src: url('file://{font}'); }} body {{ font-family: 'T'; font-size: {px}px; }}"
            f"</style></head><body>{body}</body></html>")
    with tempfile.TemporaryDirectory(prefix="bma-words-") as tmp:
        src = Path(tmp) / "page.html"
        src.write_text(page, encoding="utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-first-run", f"--user-data-dir={tmp}/profile",
                        "--no-pdf-header-footer", f"--print-to-pdf={out}", src.as_uri()],
                       capture_output=True, timeout=120, check=True)
    return out


def chromium_font(family: str) -> Path:
    """The font file of ``family`` (Sarabun, or a font such as ``Noto Sans Thai`` the
    system has) for a page Chromium prints or shoots; fails the test with how to
    install Chromium or the font when either is missing."""
    from corpus import fonts, render

    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    if family == "Sarabun":
        return font_file("Sarabun")
    path = fonts.installed(family)
    if path is None:
        pytest.fail(f"needs {family}: apt-get install fonts-noto-core (make venv does)")
    return path


def chromium_phone_shot(font: Path, lines: list[str], folder: Path, height: int) -> Path:
    """A phone's screenshot of ``lines`` (one ``<br>`` line each) in the font file ``font``.

    The page (``folder/top.html``, 20 CSS px text, 12 px margin, white) is shot by headless
    Chromium in a window 390 px wide and ``height`` px tall at twice the pixels
    (``--force-device-scale-factor=2``): a PNG, ``folder/top.png``, returned.
    """
    import html
    import subprocess

    body = "<br>\n".join(html.escape(line) for line in lines)
    page = folder / "top.html"
    page.write_text(f"<html><head><meta charset='utf-8'><style>@font-face {{ font-family: 'T';"
                    f" src: url('file://{font}'); }} body {{ font-family: 'T'; font-size: 20px;"
                    f" margin: 12px; background: #fff; }}</style></head><body>{body}</body></html>",
                    encoding="utf-8")
    shot = folder / "top.png"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    f"--user-data-dir={folder}/profile", "--hide-scrollbars",
                    f"--window-size=390,{height}", "--force-device-scale-factor=2",
                    f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    return shot


def chromium_word_lines(font: Path, words: list[str], tmp_path: Path,
                        px: int = 14) -> list[str]:
    """The lines the PDF reader gives of ``words`` printed by :func:`chromium_words_print`."""
    import pypdfium2 as pdfium

    from bma_etl.read.pdf_layout import page_lines

    doc = pdfium.PdfDocument(chromium_words_print(font, words, tmp_path / "words.pdf", px))
    try:
        return [line.text for line in page_lines(doc[0].get_textpage())]
    finally:
        doc.close()

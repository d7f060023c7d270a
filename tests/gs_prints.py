"""Word files printed by LibreOffice and re-saved by Ghostscript, for the re-save tests.

``word_print`` writes pages of lines as a Word file in one font and prints it with
LibreOffice; ``gs_resave`` re-saves a PDF as Ghostscript's "reduce file size" does
(``pdfwrite`` with ``/screen``, ``/ebook`` or ``/printer``); ``text_layer`` is one page's
text as pdfium gives it. Shared by ``test_gs_doubled_sara_am`` and ``test_gs_mark_sides``.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from corpus import render


def word_print(pages: Sequence[Sequence[str]], font: str, out: Path) -> None:
    """``pages`` (each a page's lines) as a Word file in ``font`` (14 pt), printed to ``out``.

    Fails (never skips) when LibreOffice or Ghostscript is missing: ``make venv``
    installs both.
    """
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt

    if not (render.have("soffice") and render.have("gs")):
        pytest.fail("needs LibreOffice (soffice) and Ghostscript (gs) (make venv installs)")
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = font, Pt(14)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:cs"), font)
    fonts.set(qn("w:eastAsia"), font)
    for k, lines in enumerate(pages):
        if k:
            document.add_page_break()
        for line in lines:
            document.add_paragraph(line)
    with tempfile.TemporaryDirectory(prefix="bma-gs-print-") as tmp:
        source = Path(tmp) / f"{out.stem}.docx"
        document.save(str(source))
        failed = render._soffice(tmp, [str(source)], [out], "--convert-to", "pdf")
    assert not failed, failed


def gs_resave(src: Path, out: Path, setting: str) -> None:
    """``src`` re-saved to ``out`` by Ghostscript with ``-dPDFSETTINGS=/setting``."""
    subprocess.run(["gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=pdfwrite",
                    f"-dPDFSETTINGS=/{setting}", f"-sOutputFile={out}", str(src)],
                   check=True, capture_output=True, timeout=120)


def text_layer(pdf: Path, index: int) -> str:
    """Page ``index``'s (0-based) text as pdfium reads it, with no repair."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return str(document[index].get_textpage().get_text_range())
    finally:
        document.close()

"""A PDF whose fonts map every glyph to a control code is read by OCR, never taken for blank.

Ghostscript's ``pdfwrite`` (``-dPDFA``, ``/screen``) rewrites a Thai PDF's fonts so
their ``ToUnicode`` maps glyphs to control codes (U+0001, U+0004…): the page shows the
whole form, its text layer holds no letter. Such a page was quarantined as "neither
text nor images (blank)". Here a generated legacy form is printed by ReportLab and its
fonts' text maps are rewritten so (with pypdf), then read: by OCR, its project code
as generated.
"""

from __future__ import annotations

import random
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject

from bma_etl.pipeline import process_file

from corpus import forms, render
from thai_fonts import font_file

#: Each two-byte code (glyph ids to 0x0FFF) to one of U+0001, U+0003–U+0008: no letter, no
#: line break (U+0002 pdfium takes for a soft hyphen, a dash).
_CODES = (1, 3, 4, 5, 6, 7, 8)
_CMAP_HEAD = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
              "/CMapName /Junk def /CMapType 2 def\n"
              "1 begincodespacerange <0000> <FFFF> endcodespacerange\n")


def _junk_cmap() -> bytes:
    chars = [f"<{code:04X}> <{_CODES[code % len(_CODES)]:04X}>" for code in range(0x1000)]
    blocks = "".join(f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar\n"
                     for chunk in (chars[i:i + 100] for i in range(0, len(chars), 100)))
    return (_CMAP_HEAD + blocks + "endcmap CMapName currentdict /CMap defineresource pop "
            "end end\n").encode()


def _glyphs_of_no_text(src: Path, out: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(src))
    for page in writer.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            stream = DecodedStreamObject()
            stream.set_data(_junk_cmap())
            font[NameObject("/ToUnicode")] = writer._add_object(stream)
    with out.open("wb") as f:
        writer.write(f)


def test_a_form_whose_glyphs_map_to_control_codes_is_read_by_ocr(tmp_path: Path) -> None:
    doc = forms.legacy_form(random.Random(3))
    printed, junk = tmp_path / "printed.pdf", tmp_path / "junk.pdf"
    render.render_reportlab(doc, printed, "Garuda", font_file("Garuda"), random.Random(3))
    _glyphs_of_no_text(printed, junk)
    project = process_file(junk).rows("projects")[0]  # (a blank page raised ReadError)
    assert "projects.0.project_code" not in doc.thai_digit_fields  # (OCR reads Arabic digits)
    assert project.project_code == doc.tables["projects"][0]["project_code"]

"""A shaped print's SARA AM at a line's end: no hyphen, and the line still ends there.

fpdf2 with HarfBuzz shaping splits SARA AM into NIKHAHIT and SARA AA glyphs and
gives the cluster's text to the first; the text map may give the second U+0002,
which pdfium takes for a soft hyphen. At a line's end pdfium then writes U+FFFE
and no line break, as for a word hyphenated there: a form's project name read
``…ศาลาท่าน้ำ-`` and the next label ran into it. The form is generated
(bench/corpus ``legacy_html``) and printed as the corpus prints it; the truth is
its fields as generated.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from corpus_prints import corpus_fpdf_print
from read_back import assert_read_as_generated


def test_a_sara_am_s_second_glyph_at_a_line_s_end_is_no_hyphen(tmp_path: Path) -> None:
    doc, pdf = corpus_fpdf_print(tmp_path, 311, "legacy_html", 1, "Sarabun", shaping=True)
    document = pdfium.PdfDocument(str(pdf))
    try:  # the print still has the glyph pdfium reads as a line end's hyphen
        assert any("\u0e33\ufffe" in document[i].get_textpage().get_text_range()
                   for i in range(len(document)))
    finally:
        document.close()
    assert_read_as_generated(pdf, doc.truth)

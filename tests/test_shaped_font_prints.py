"""HarfBuzz-shaped fpdf2 prints in Thai fonts the corpus does not use read as printed.

In Tlwg Typo fpdf2 writes a mark of a cluster before its consonant, after the
cluster before it (``ที่ร้อง`` as ``ท ่ ี ้ ร อ ง``): that cluster then holds
two tone marks, or two vowel marks, and the one drawn over the next consonant
is moved after it (:func:`.pdf_clusters.early_marks`); in Tlwg Mono the
``ั`` of ``จัด`` is drawn over the ``ด`` but written in its place, and stays.
In Noto Sans and Serif Thai a vowel mark too may be written after a later
letter; it goes back over the letter drawn under it
(:func:`.pdf_clusters.replace_marks`). In Waree the SARA AA of a SARA AM is drawn
by a glyph with no text: the gap after it is a word space, not the SARA AA's
(:mod:`.pdf_sara_am`). Lines of known words and a generated document are printed
in the fonts of Debian's ``fonts-thai-tlwg-ttf`` and ``fonts-noto-core`` (``make
venv`` installs them); the truth is the written words and the generated values.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf_layout import page_lines
from bma_etl.textnorm import repair_text

from corpus import fonts, render
from corpus.build import GENERATORS
from corpus.score import score

#: Per font: lines with a mark written before its consonant (Tlwg Typo), a mark drawn
#: over the next letter but written in its place (Tlwg Mono), a SARA AM before a word
#: space (Waree), vowel and tone marks written after the next letter or two (Noto Sans
#: and Serif Thai: ``ผู้รับจ้าง`` as ``ผ ร ู ้ บ จ ั ้ า ง``).
WORDS = {
    "Tlwg Typo": ["ประชาชนในพื้นที่ร้องเรียน จำนวน", "ที่ร้อง ผู้ร้อง ญี่ปุ่น"],
    "Tlwg Mono": ["จัดหา ร่วม ความร่วมมือ", "ที่ร้อง ผู้ร้อง ญี่ปุ่น"],
    "Waree": ["กั้นน้ำ ญี่ปุ่น", "สำนักการระบายน้ำ กรุงเทพมหานคร"],
    "Noto Sans Thai": ["อยู่ระหว่างสำรวจพื้นที่และจัดทำรายละเอียด", "ผู้รับจ้าง ศาสตร์พันธ์"],
    "Noto Serif Thai": ["ลงนามในสัญญาจ้างแล้ว ผู้รับจ้างเข้าพื้นที่", "จัดทำรายละเอียด"],
}


def _font(family: str) -> Path:
    path = fonts.installed(family)
    if path is None:
        pytest.fail(f"needs {family}: apt-get install fonts-thai-tlwg-ttf fonts-noto-core"
                    " (make venv does)")
    return path


@pytest.mark.parametrize("family", sorted(WORDS))
def test_shaped_words_read_in_thai_order(family: str, tmp_path: Path) -> None:
    pdf = render.fpdf_page(family, _font(family), 14, shaping=True, numbered=False)
    for line in WORDS[family]:
        pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    out = tmp_path / "words.pdf"
    pdf.output(str(out))
    doc = pdfium.PdfDocument(out)
    try:
        lines = [repair_text(line.text) for line in page_lines(doc[0].get_textpage())]
    finally:
        doc.close()
    assert lines == WORDS[family]


@pytest.mark.parametrize(("generator", "family"), [("web_tracking", "Tlwg Typo"),
                                                   ("legacy_tab", "Tlwg Mono")])
def test_shaped_prints_read_the_generated_values(generator: str, family: str,
                                                 tmp_path: Path) -> None:
    doc = GENERATORS[generator](random.Random(f"shaped-{generator}-0"))
    pdf = tmp_path / "printed.pdf"
    render.render_fpdf(doc, pdf, family, _font(family), random.Random(0), shaping=True)
    right, total, lost = score(process_file(pdf), json.loads(doc.truth_json()))
    assert right == total, lost[:6]

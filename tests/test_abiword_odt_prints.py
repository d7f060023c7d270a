"""AbiWord's prints of OpenDocument text read the characters its fonts lack.

AbiWord prints through Pango, which draws a character no font at hand has as a
small framed box holding its code in hex: ``00`` over ``3A`` for ``:``, or
``002E`` in one row where the line is low. The digits are text in the PDF, so
``(1)`` read ``0 0 / 2 8 0 0 / 3 1 ...``, and the frames' sides cut the lines into
cells: an .odt in Noto Serif Thai (which has no ``:``, ``*``, ``(``, digits) printed
with ``abiword --to=pdf`` read 7 of 45 fields (the twenty-first tester's
``H_abiword_odt.pdf``). A box is now read as the character its digits name
(:mod:`bma_etl.read.pdf_hex_boxes`). Pango 1.50 (Debian 12) sets a box's rows apart and
over the baseline, and pdfium lists a run of boxes before the text left of them: the line
is put back in x order (the generated prints read 51 of 59 and 33 of 35 fields before).

Generated documents are written as .odt (the XML written here, one paragraph a
line of the document's text, in Noto Sans Thai, which lacks the same characters)
and printed with AbiWord (``make venv`` installs it); the truth is the generated
values and the written lines.
"""

from __future__ import annotations

import json
import random
import subprocess
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from bma_etl.pipeline import process_file
from bma_etl.read import read_source

from corpus import fonts, render
from corpus.build import GENERATORS
from corpus.score import score

FAMILY = "Noto Sans Thai"
#: Lines whose punctuation and digits Noto Sans Thai lacks (Pango boxes them),
#: beside Thai words and Latin letters it has or takes from another font.
WORDS = ["รหัสโครงการ : 50380000-1184",
         "** อุปสรรคของโครงการ :ไม่มี",
         "(3) ความคืบหน้าโครงการฯ ร้อยละ 45.00 (2023-04-07)",
         "อบรมผู้ค้าในตลาดสด 214 ราย งบประมาณ ๙,๗๒๖,๕๐๐.- บาท"]

_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
       'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')


def _odt(lines: list[str], path: Path, size: str) -> None:
    """Write ``lines`` as an .odt, a paragraph each, in :data:`FAMILY` at ``size``."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NS} '
        'office:version="1.2"><office:font-face-decls>'
        f'<style:font-face style:name="{FAMILY}" svg:font-family="{FAMILY}"/>'
        '</office:font-face-decls><office:automatic-styles>'
        '<style:style style:name="P1" style:family="paragraph"><style:text-properties '
        f'style:font-name="{FAMILY}" fo:font-size="{size}" '
        f'style:font-name-complex="{FAMILY}" style:font-size-complex="{size}"/>'
        '</style:style></office:automatic-styles><office:body><office:text>'
        + "".join(f'<text:p text:style-name="P1">{escape(line)}</text:p>' for line in lines)
        + "</office:text></office:body></office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as odt:
        odt.writestr("mimetype", "application/vnd.oasis.opendocument.text")  # first, stored
        odt.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        odt.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)


def _printed(lines: list[str], folder: Path, size: str) -> Path:
    """``lines`` written as an .odt and printed by AbiWord; the PDF's path."""
    if not render.have("abiword"):
        pytest.fail("needs AbiWord: apt-get install abiword (make venv does)")
    if fonts.noto(FAMILY) is None:
        pytest.fail(f"needs {FAMILY}: apt-get install fonts-noto-core (make venv does)")
    odt, pdf = folder / "written.odt", folder / "printed.pdf"
    _odt(lines, odt, size)
    subprocess.run(["abiword", "--to=pdf", str(odt), "-o", str(pdf)], check=True,
                   capture_output=True, timeout=120, env={"HOME": str(folder), "PATH": "/usr/bin"})
    return pdf


@pytest.mark.parametrize("size", ["12pt", "10.5pt"])  # boxes of two rows, of one
def test_missing_glyph_boxes_read_as_their_characters(size: str, tmp_path: Path) -> None:
    text = read_source(_printed(WORDS, tmp_path, size)).text
    assert [" ".join(line.split()) for line in text.splitlines() if line.strip()] == WORDS


#: Lines with a run of boxes between text on both sides: Pango 1.50 (Debian 12) sets a
#: box's rows apart, over the baseline, and pdfium lists the run before the text left of
#: it (``&&&------ ------`` for ``------&&&------``), with a space it made up on the box's
#: baseline, off the line's, and the space written before the run after it; a long run's
#: middle boxes stand too far from any text in pdfium's list to find its baseline.
MIDDLE = ["------------------&&&--------------------",
          "--------###--------",
          "แผนงาน ------ *** ------ ผลงาน",
          "ผู้รับผิดชอบ... : นายทดสอบ",
          "งบประมาณ 1,234,567.00 บาท",
          "ราคา ------ 1,234,567.00 ------ บาท",
          "--------(12345678)--------"]


@pytest.mark.parametrize("size", ["12pt", "14pt"])  # boxes of two rows
def test_boxes_listed_before_the_text_left_of_them_stand_in_place(size: str,
                                                                  tmp_path: Path) -> None:
    text = read_source(_printed(MIDDLE, tmp_path, size)).text
    assert [" ".join(line.split()) for line in text.splitlines() if line.strip()] == MIDDLE


@pytest.mark.parametrize(("generator", "seed"), [("web_history", 1), ("legacy_pipe", 3)])
def test_abiword_odt_prints_read_the_generated_values(generator: str, seed: int,
                                                      tmp_path: Path) -> None:
    doc = GENERATORS[generator](random.Random(seed))
    pdf = _printed(doc.text.splitlines(), tmp_path, "12pt")
    right, total, lost = score(process_file(pdf), json.loads(doc.truth_json()))
    assert right == total, lost[:6]

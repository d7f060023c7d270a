"""A Thai font's glyph whose text map names junk never stores the junk.

Ghostscript re-distilling a print (``pdfwrite``, ``/ebook``, PDF/A) drops the subset
fonts' own ``cmap`` and writes a new ``ToUnicode``; a glyph the producer's map did not
name (Chromium's ``ร`` in Noto Sans Thai, a moved tone mark Chromium maps to U+0000)
gets an ASCII sign, a digit or a CJK character: an outside tester's Chromium prints
read ``โค/งกา/`` (the whole document quarantined), a LibreOffice print stored
``น้䤳(า`` for ``น้ำ``. Which junk a Ghostscript writes changes with its version (the
one here writes none for these prints), so the map is rewritten here as the tester's
did (with pypdf): a generated document printed by Chromium in Noto Sans Thai, then
the text of chosen glyphs replaced by junk. The truth is the generated values: no
value is stored with junk in it (read by OCR, or NULL with a warning).
"""

from __future__ import annotations

import io
import json
import random
import re
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject

from bma_etl.pipeline import process_file

from chromium_pages import chromium_font, chromium_word_lines
from corpus import forms, render
from corpus.build import GENERATORS
from corpus.score import score
from thai_fonts import font_file

#: What Ghostscript wrote for glyphs the producer's map did not name (the tester's files).
RA_AS_SLASH = {"\u0e23": "/"}
TONE_AS_DASH = {"\u0000": "-", "\u0e48": "-"}
TONES_AS_SIGNS = {"\u0e49": "(", "\u0e48": "-"}


def _cmap(entries: dict[int, str], width: int) -> bytes:
    hexed = [f"<{code:0{2 * width}X}> <{''.join(f'{ord(c):04X}' for c in text)}>"
             for code, text in sorted(entries.items())]
    blocks = "".join(f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar\n"
                     for chunk in (hexed[i:i + 100] for i in range(0, len(hexed), 100)))
    space = "FF" * width
    return ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            f"1 begincodespacerange <{'00' * width}> <{space}> endcodespacerange\n"
            f"{blocks}endcmap CMapName currentdict /CMap defineresource pop end end\n"
            ).encode()


def redistilled(src: Path, out: Path, junk: dict[str, str]) -> int:
    """``src`` with each glyph its text map names ``text`` of ``junk`` named ``junk[text]``.

    Returns how many codes were renamed. Every other code keeps its text.
    """
    from pdfminer.cmapdb import CMapParser, FileUnicodeMap

    writer = PdfWriter(clone_from=PdfReader(src))
    renamed, done = 0, set()
    for page in writer.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/ToUnicode" not in font or id(font) in done:
                continue
            done.add(id(font))
            data = font["/ToUnicode"].get_object().get_data()
            width = 2 if b"<0000> <FFFF>" in data else 1
            parsed = FileUnicodeMap()
            CMapParser(parsed, io.BytesIO(data)).run()
            entries = {code: junk.get(text, text) for code, text in parsed.cid2unichr.items()}
            renamed += sum(text in junk for text in parsed.cid2unichr.values())
            stream = DecodedStreamObject()
            stream.set_data(_cmap(entries, width))
            font[NameObject("/ToUnicode")] = writer._add_object(stream)
    with out.open("wb") as f:
        writer.write(f)
    return renamed


def _printed(tmp_path: Path, generator: str, seed: str, junk: dict[str, str]) -> tuple[
        Path, dict]:
    doc = GENERATORS[generator](random.Random(seed))
    printed, out = tmp_path / "printed.pdf", tmp_path / "redistilled.pdf"
    noto = chromium_font("Noto Sans Thai")
    render.render_chromium(doc, printed, "Noto Sans Thai", noto, random.Random(0),
                           header_footer=False, paper="A4")
    assert redistilled(printed, out, junk) > 0
    return out, json.loads(doc.truth_json())


def _stored(processed: object) -> list[str]:
    return [v for table, rows in processed.tables.items()  # type: ignore[attr-defined]
            if table not in ("documents", "document_texts", "quality_issues", "provenance")
            for row in rows for v in row.model_dump().values()
            if isinstance(v, str) and re.search("[\u0e01-\u0e2e]", v)]


def test_every_letter_named_a_sign_is_never_stored(tmp_path: Path) -> None:
    """Every ``ร`` named ``/`` (and tone marks ``-``): the page is no text to store as read."""
    pdf, truth = _printed(tmp_path, "web_detail", "junk-map-ra-1", RA_AS_SLASH | TONE_AS_DASH)
    processed = process_file(pdf)
    result = score(processed, truth)
    wrong = [lost for lost in result.lost if lost[3] != "missing"]
    assert not [v for v in _stored(processed) if re.search("[\u0e01-\u0e4e][-/]", v)]
    assert not [w for w in wrong if re.search("[\u0e01-\u0e4e][-/]", str(w[2]))], wrong


def test_marks_named_signs_are_never_stored(tmp_path: Path) -> None:
    """Tone marks named ``(`` and ``-`` (ReportLab's print in Garuda): no value holds one."""
    doc = forms.legacy_form(random.Random(5))
    printed, pdf = tmp_path / "printed.pdf", tmp_path / "redistilled.pdf"
    render.render_reportlab(doc, printed, "Garuda", font_file("Garuda"), random.Random(5))
    assert redistilled(printed, pdf, TONES_AS_SIGNS) > 0
    processed = process_file(pdf)
    wrong = [lost for lost in score(processed, json.loads(doc.truth_json())).lost
             if lost[3] != "missing"]
    junk = re.compile("[\u0e01-\u0e4e][-(][\u0e01-\u0e4e]")
    assert not [v for v in _stored(processed) if junk.search(v)]
    assert not [w for w in wrong if junk.search(str(w[2]))], wrong


def test_a_rare_letter_named_a_cjk_letter_makes_its_values_null(tmp_path: Path) -> None:
    """A letter drawn in two words only, named a CJK letter: those values NULL, with a warning.

    The page is not worth reading by OCR for two words; every other value reads as
    generated (``ธ``: the project's name ``...สาธารณะ...`` and a label's word).
    """
    pdf, truth = _printed(tmp_path, "web_detail", "junk-map-null-1", {"\u0e18": "\u4933"})
    processed = process_file(pdf)
    lost = score(processed, truth).lost
    assert all(kind == "missing" for *_, kind in lost), lost
    assert "projects.project_name" in [key for key, *_ in lost]
    assert any(i.code == "unnamed_glyph" for i in processed.rows("quality_issues"))
    assert not [v for v in _stored(processed) if "\u4933" in v]


#: Signs, digits and quotes that Thai text sets beside its letters, in the Thai font.
LEGIT = ["โครงการ/กิจกรรม กอง/ฝ่าย ส่วน/กลุ่มงาน",
         "รหัส 10060000-7314 ปี 2566-2567 ร้อยละ 84.5",
         "ยุทธศาสตร์-ประเด็น (ครั้งที่ 2) ม.ค.-มี.ค. ระยะที่1",
         "\u201cโครงการ\u201d 'ทดสอบ' \"ทาง\"เท้า อุณหภูมิ 30\u00b0ซ งบ*ที่",
         "กิจกรรม ---- ---- ----"]


@pytest.mark.parametrize("family", ["Noto Sans Thai", "Garuda", "Loma", "Laksaman", "Waree"])
def test_signs_between_thai_letters_are_kept(family: str, tmp_path: Path) -> None:
    path = chromium_font(family) if family == "Noto Sans Thai" else font_file(family)
    assert chromium_word_lines(path, LEGIT, tmp_path) == LEGIT

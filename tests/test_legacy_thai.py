"""Thai text layers in old font encodings read as the Thai they stand for.

Older Thai office software leaves two kinds of text layer:

- tone marks and vowels as Private Use Area forms (U+F700-U+F71A: a tone mark
  moved down where no upper vowel stands, marks moved left after ป/ฝ/ฟ/ฬ, ฐ/ญ
  without descender), which the PDF reader's mark repairs took for letters of
  no kind (``ผู้รับจ้าง`` read ``ผู้บจ้าง``, ``ไม่มี`` read ``ไม่``);
- TIS-620 bytes shown as Latin-1 letters (a font with an 8-bit Thai encoding and
  no ``ToUnicode``: ``ÊÓ¹Ñ¡§Ò¹``), which no layout recognised.

The documents are generated (``bench/corpus``), their text put through the old
encoding and printed with fpdf2 in a font whose glyphs sit at those code points
(Garuda has the PUA forms; a copy of Garuda with its Thai glyphs moved to the
TIS-620 bytes' Latin-1 letters). The truth is the generated values.
"""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from bma_etl.pipeline import process_file
from bma_etl.read.legacy_thai import pua_to_thai, tis620_recoded
from bma_etl.textnorm import PUA_TO_THAI

from corpus.doc import GeneratedDoc
from corpus.forms import legacy_form
from corpus.render import render_chromium, render_fpdf, render_reportlab
from corpus.score import score
from corpus.web import project_detail
from thai_fonts import font_file

TONES = "\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
UPPER = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e4d"
TALL = "ปฝฟฬ"
#: Thai character -> its PUA form, per positioning (the inverse of PUA_TO_THAI's
#: Windows code points).
_WIN = {thai: code for code, thai in PUA_TO_THAI.items() if code <= 0xF71A}


def _form(thai: str, low: int, left: int) -> str:
    """The Windows PUA code point among U+F700-U+F71A for ``thai`` in the range meant."""
    for code in (low, left):
        if PUA_TO_THAI.get(code) == thai:
            return chr(code)
    raise AssertionError(thai)


def to_pua(text: str) -> str:
    """``text`` as an old Thai Windows font shapes it into the Private Use Area.

    A tone mark with no upper vowel: its low form (U+F70A-E; after a tall letter,
    low-left U+F705-9); an upper vowel or tone mark after a tall letter: its left
    form (U+F701-4, U+F710-7); ฐ and ญ before a lower vowel: no descender.
    """
    out: list[str] = []
    base, upper = "", False
    for i, c in enumerate(text):
        if "\u0e01" <= c <= "\u0e2e":
            base, upper = c, False
            lower_next = text[i + 1:i + 2] in ("\u0e38", "\u0e39", "\u0e3a")
            out.append(chr(0xF700) if c == "ฐ" and lower_next else
                       chr(0xF70F) if c == "ญ" and lower_next else c)
        elif c in TONES:
            k = TONES.index(c)
            if not upper:
                out.append(chr((0xF705 if base in TALL else 0xF70A) + k))
            elif base in TALL:
                out.append(chr(0xF713 + k))
            else:
                out.append(c)
        elif c in UPPER:
            upper = True
            out.append(chr({"\u0e31": 0xF710, "\u0e34": 0xF701, "\u0e35": 0xF702,
                            "\u0e36": 0xF703, "\u0e37": 0xF704, "\u0e47": 0xF712,
                            "\u0e4d": 0xF711}[c]) if base in TALL else c)
        elif c in "\u0e38\u0e39\u0e3a":
            out.append(c)
        else:
            base, upper = "", False
            out.append(c)
    return "".join(out)


def to_tis_latin1(text: str) -> str:
    """``text`` with each Thai character the Latin-1 letter of its TIS-620 byte."""
    return "".join(c.encode("cp874").decode("latin-1") if "\u0e01" <= c <= "\u0e5b" else c
                   for c in text)


def tis_font(tmp: Path) -> Path:
    """Garuda with its Thai glyphs at the Latin-1 letters of their TIS-620 bytes."""
    font = TTFont(str(font_file("Garuda")))
    for table in font["cmap"].tables:
        if table.isUnicode():
            for cp in range(0x0E01, 0x0E5C):
                if cp in table.cmap:
                    table.cmap[ord(to_tis_latin1(chr(cp)))] = table.cmap.pop(cp)
    # a typeface of its own name: ReportLab keeps faces by their PostScript name for the
    # whole process, and a second "Garuda" would stand in for the real one in later prints
    for record in font["name"].names:
        if record.nameID in (1, 3, 4, 6, 16):
            record.string = "GarudaTIS"
    path = tmp / "GarudaTIS.ttf"
    font.save(str(path))
    return path


def _lost(result: object) -> str:
    return "\n".join(f"{k}: want {w!r} got {g!r} ({kind})"
                     for k, w, g, kind in result.lost)  # type: ignore[attr-defined]


def test_pua_table_maps_every_form_one_for_one() -> None:
    thai = "ผู้รับจ้าง ไม่มี ปั้น ฝี่ ฐุ ญู"
    coded = to_pua(thai)
    assert coded != thai and len(coded) == len(thai)
    assert "\uf70a" in coded and "\uf710" in coded and "\uf700" in coded
    assert pua_to_thai(coded) == thai


def test_latin_text_is_never_recoded() -> None:
    for text in ("Café José Müller, Zürich — São Paulo", "naïve résumé ÀÉÎÕÜ façade",
                 "© 2566 ½ ¼ °C ±5 µm", "Ångström Øresund Þór Ðavíð",
                 "«เมือง» ตามแผน «การจัดการ» ±5 ²"):
        assert tis620_recoded(text) == (text, 0)
    # ... nor beside lines that are.
    coded = to_tis_latin1("สถานะของโครงการ : ดำเนินการแล้วเสร็จตามแผน")
    assert tis620_recoded(f"{coded}\n«ราคา» ½ «งบ»\nÀ propos")[0].split("\n")[1:] == [
        "«ราคา» ½ «งบ»", "À propos"]


def _print(doc: GeneratedDoc, out: Path, printer: str, seed: int) -> None:
    """``doc`` with its text (and page) through :func:`to_pua`, printed in Garuda."""
    coded = dataclasses.replace(doc, text=to_pua(doc.text),
                                html=None if doc.html is None else to_pua(doc.html))
    if printer == "chromium":
        render_chromium(coded, out, "Garuda", font_file("Garuda"), random.Random(seed))
    else:
        render_fpdf(coded, out, "Garuda", font_file("Garuda"), random.Random(seed),
                    shaping=False)


@pytest.mark.parametrize(("dialect", "printer"), [("pipe", "chromium"), ("tab", "fpdf2")])
def test_form_with_pua_marks_reads_as_printed(tmp_path: Path, dialect: str,
                                              printer: str) -> None:
    doc = legacy_form(random.Random(f"pua-{dialect}"), dialect)
    pdf = tmp_path / "pua.pdf"
    _print(doc, pdf, printer, 1)
    done = process_file(pdf)
    assert done.layout == "legacy_progress_form"
    result = score(done, doc.truth)
    assert result.right == result.total, _lost(result)


def test_web_page_with_pua_marks_reads_as_printed(tmp_path: Path) -> None:
    doc = project_detail(random.Random("pua-detail"))
    pdf = tmp_path / "pua.pdf"
    _print(doc, pdf, "chromium", 2)
    result = score(process_file(pdf), doc.truth)
    assert result.right == result.total, _lost(result)


def test_form_in_tis620_font_is_decoded(tmp_path: Path) -> None:
    doc = legacy_form(random.Random("tis-pipe"), "pipe")
    pdf = tmp_path / "tis.pdf"
    render_reportlab(dataclasses.replace(doc, text=to_tis_latin1(doc.text)), pdf, "GarudaTIS",
                     tis_font(tmp_path), random.Random(3))
    done = process_file(pdf)
    assert done.layout == "legacy_progress_form"
    result = score(done, doc.truth)
    assert result.right == result.total, _lost(result)
    # ญ is byte 0xAD, a soft hyphen in Latin-1, which pdfium gives as a hyphen.
    text = done.tables["document_texts"][0].text
    assert "ญ" in doc.text and text.count("ญ") == doc.text.count("ญ")
    codes = [q.code for q in done.tables["quality_issues"]]
    assert "thai_legacy_encoding" in codes


def test_text_file_of_latin1_letters_is_decoded(tmp_path: Path) -> None:
    doc = legacy_form(random.Random("tis-txt"), "tab")
    txt = tmp_path / "form.txt"
    txt.write_text(to_tis_latin1(doc.text), encoding="utf-8")
    done = process_file(txt)
    assert done.layout == "legacy_progress_form"
    result = score(done, doc.truth)
    assert result.right == result.total, _lost(result)

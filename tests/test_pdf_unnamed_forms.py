"""Shaped mark forms a PDF's text map names nothing are read as the marks they draw.

Qt's ``QPdfWriter`` (and PyMuPDF's ``insert_htmlbox``) shape Thai with HarfBuzz,
embed a subset of the font as a ``Type0`` font with ``/Identity`` glyph codes,
and write a ``ToUnicode`` entry only for glyphs the font's character map names.
A tone mark set lower over no vowel, narrower on ``ป``, or Sarabun's ligature of
NIKHAHIT and MAI THO (``น้ำ``) gets none, and the subset program keeps no
character map of its own (``cmap``, ``post``). pdfium reports such a glyph's code
as text (``ที่`` read ``ที-``) and the reader dropped it: ``เกี่ยวกับ`` stored as
``เกียวกับ``, ``น้ำ`` as ``นา``.

The prints here are written the same way: each line shaped with HarfBuzz
(uharfbuzz), every glyph placed where HarfBuzz puts it, the subset font program
stripped of its ``cmap``, ``post`` and layout tables, and a ``ToUnicode`` for the
glyphs the font's character map names. The truth is the written words.
"""

from __future__ import annotations

import io
import json
import random
import re
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf_layout import page_lines
from bma_etl.read.pdf_open import open_pdf
from bma_etl.textnorm import repair_text

from corpus import fonts
from corpus.build import GENERATORS
from corpus.score import score

#: Tone marks over a vowel, marks on tall letters, SARA AM under a tone mark, and each
#: mark drawn in its own form somewhere too (a document's text names those glyphs).
WORDS = ["เกี่ยวกับหน่วยงานที่รับผิดชอบ ปีงบประมาณ",
         "สิ้นสุดโครงการ พื้นที่ ฝ่ายการศึกษา",
         "เก็บ เป็นโครงการแก้ไขปัญหา เป้าหมาย",
         "ระดับน้ำในคลอง คุณภาพน้ำ ผู้ประสานงาน",
         "แม่ ห้อง ร่วม ปิด หนึ่ง ชื่อ ประจำ ค่ะ"]
PT = 14
#: A mark above or below a letter.
_MARK = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def _families() -> dict[str, Path]:
    found = {family: fonts.noto(family) for family in fonts.NOTO_THAI}
    found["Sarabun"] = fonts.available().get("Sarabun")
    missing = [family for family, path in found.items() if path is None]
    if missing:
        pytest.fail(f"needs {', '.join(missing)}: make venv installs fonts-noto-core and "
                    "the corpus extra")
    return {family: path for family, path in found.items() if path is not None}


def _shaped(path: Path, text: str) -> list[tuple[int, float, float, float]]:
    """``text`` shaped: ``(glyph, x, y, advance)`` per glyph, font units."""
    import uharfbuzz as hb

    font = hb.Font(hb.Face(hb.Blob.from_file_path(str(path))))
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {})
    out: list[tuple[int, float, float, float]] = []
    pen = 0.0
    for info, pos in zip(buffer.glyph_infos or (), buffer.glyph_positions or (), strict=True):
        out.append((info.codepoint, pen + pos.x_offset, float(pos.y_offset), pos.x_advance))
        pen += pos.x_advance
    return out


def _to_unicode(named: dict[int, str]) -> bytes:
    """A ``ToUnicode`` CMap naming ``named``'s glyphs (two-byte codes)."""
    entries = "".join(f"<{gid:04X}> <{ord(char):04X}>\n" for gid, char in sorted(named.items()))
    return (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            + f"{len(named)} beginbfchar\n{entries}endbfchar\n".encode()
            + b"endcmap CMapName currentdict /CMap defineresource pop end end\n")


def print_unnamed_forms(path: Path, lines: list[str], out: Path, pt: float = PT,
                        unnamed: str = "", renamed: dict[str, str] | None = None,
                        keep_cmap: bool = False) -> None:
    """Print ``lines`` in the font at ``path`` as the module docstring says, ``pt`` points.

    ``unnamed``: marks the text map names nowhere, as in a document that never draws
    them in their own form. ``renamed``: characters whose glyph the text map names as
    another text (Ghostscript names a SARA AM's ring ``ำ``, its SARA AA ``า``).
    ``keep_cmap``: the subset keeps its own ``cmap`` of the glyphs drawn (MuPDF's
    re-subset), which names a mark only where it is drawn in its own form.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    full = TTFont(str(path))
    upem = full["head"].unitsPerEm
    named_by_font = {full.getGlyphID(name): chr(code)
                     for code, name in full.getBestCmap().items()}
    shaped = [_shaped(path, line) for line in lines]
    used = sorted({g for glyphs in shaped for g, *_ in glyphs} | {0})
    options = subset.Options()
    options.retain_gids = True
    options.notdef_outline = True
    options.layout_features = []
    subsetter = subset.Subsetter(options)
    subsetter.populate(gids=used)
    subsetter.subset(full)
    for table in ("post", "GSUB", "GPOS", "GDEF", *(() if keep_cmap else ("cmap",))):
        if table in full:
            del full[table]
    program = io.BytesIO()
    full.save(program)
    advances: dict[int, float] = {}  # each glyph's width: the advance the shaper drew it with
    for glyphs in shaped:
        for gid, _, _, advance in glyphs:
            advances[gid] = max(advances.get(gid, 0.0), advance)
    widths = " ".join(f"{g} [{round(advances.get(g, 0.0) * 1000 / upem)}]" for g in used)
    content = []
    for row, glyphs in enumerate(shaped):
        base = 800 - row * pt * 1.6
        for gid, x, y, _ in glyphs:
            content.append(f"BT /F1 {pt} Tf 1 0 0 1 {30 + x * pt / upem:.3f} "
                           f"{base + y * pt / upem:.3f} Tm <{gid:04X}> Tj ET")
    stream = zlib.compress("\n".join(content).encode())
    program_bytes = zlib.compress(program.getvalue())
    named = {g: (renamed or {}).get(char, char) for g, char in named_by_font.items()
             if g in used and g and char not in unnamed}
    to_unicode = zlib.compress(_to_unicode(named))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+Thai /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 8 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+Thai /CIDToGIDMap /Identity "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 7 0 R /W [" + widths.encode() + b"] >>",
        b"<< /Type /FontDescriptor /FontName /AAAAAA+Thai /Flags 4 /FontBBox [-500 -500 1500 "
        b"1500] /ItalicAngle 0 /Ascent 1000 /Descent -400 /CapHeight 700 /StemV 80 "
        b"/FontFile2 9 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(to_unicode) + to_unicode
        + b"\nendstream",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(program_bytes)
        + program_bytes + b"\nendstream",
    ]
    data, offsets = b"%PDF-1.7\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    out.write_bytes(data)


def _read(out: Path) -> tuple[list[str], int]:
    """The page's lines, repaired, and how many of its glyphs pdfium finds no text for."""
    data = out.read_bytes()
    document = open_pdf(data, out.name)
    try:
        textpage = document[0].get_textpage()
        unnamed = sum(pdfium.raw.FPDFText_HasUnicodeMapError(textpage.raw, i) == 1
                      for i in range(textpage.count_chars()))
        lines = [repair_text(line.text) for line in page_lines(textpage)]
    finally:
        document.close()
    return lines, unnamed


@pytest.mark.parametrize("family", ["Noto Sans Thai", "Noto Serif Thai", "Sarabun"])
def test_unnamed_forms_read_as_their_marks(family: str, tmp_path: Path) -> None:
    out = tmp_path / "words.pdf"
    print_unnamed_forms(_families()[family], WORDS, out)
    lines, unnamed = _read(out)
    assert unnamed, "the print holds no glyph without text to read"
    assert lines == WORDS

def _assert_marks_read_are_the_truths(lines: list[str], words: list[str]) -> None:
    """Each line's letters are the truth's, and every mark read is the truth's, in its place.

    (White space aside: a space beside a glyph left unread may go, a known fault.)
    """
    for read, truth in zip(lines, words, strict=True):
        assert [c for c in read if not _MARK.match(c) and c != " "] == [
            c for c in truth if not _MARK.match(c) and c != " "]
        marks = iter(truth)
        assert all(c in marks for c in read), (read, truth)


@pytest.mark.parametrize("family", ["Noto Sans Thai", "Noto Serif Thai"])
def test_form_of_a_mark_the_document_never_names_is_not_read_as_another(
        family: str, tmp_path: Path) -> None:
    """A form whose mark the text map names nowhere is never read as another mark.

    Only moved forms are drawn (tone marks over vowels, marks on ``ป``), so the
    text map names no tone mark nor MAI TAIKHU at all: such a form stays unread
    (lost, and counted as the page's damage), and a vowel form that matches
    a look-alike of a mark the map does not name stays unread too.
    """
    words = ["ที่ ปี่ เป็น", "ปี้ ปู่ ปิ๊ก"]
    out = tmp_path / "moved.pdf"
    print_unnamed_forms(_families()[family], words, out)
    _assert_marks_read_are_the_truths(_read(out)[0], words)


@pytest.mark.parametrize("family", ["Noto Sans Thai", "Noto Serif Thai"])
def test_form_of_a_mark_the_subset_never_names_is_not_read_as_another(
        family: str, tmp_path: Path) -> None:
    """A subset whose own ``cmap`` names ``ื`` but not ``ึ`` (drawn only moved, on ``ฝ``).

    MuPDF's ``convert_to_pdf`` of a Chromium print so re-subsets a font: the moved
    ``ึ`` of ``ฝึก`` matched the subset's ``ื`` best and was stored ``ฝืก``. It is
    left unread now, as against a text map's marks: every mark read is the truth's.
    """
    words = ["ฝึกอาชีพ ชื่อ ฝึกอบรม", "พื้นที่ ฝึกหัด คืน"]
    out = tmp_path / "subset.pdf"
    print_unnamed_forms(_families()[family], words, out, keep_cmap=True)
    _assert_marks_read_are_the_truths(_read(out)[0], words)


def test_word_ending_in_a_zero_advance_mark_keeps_its_space(tmp_path: Path) -> None:
    """Sarabun's ``้`` of ``ได้``, drawn from a pen of its own, reaches 0.02 em past the
    ``ด``'s advance: the space after it was measured from the mark and lost."""
    out = tmp_path / "space.pdf"
    print_unnamed_forms(_families()["Sarabun"], ["แม่ ได้ ห้อง ร่วม"], out)
    assert _read(out)[0] == ["แม่ ได้ ห้อง ร่วม"]


@pytest.mark.parametrize("seed", [3, 7])
def test_value_that_lost_a_mark_no_map_names_is_null_never_wrong(seed: int,
                                                                 tmp_path: Path) -> None:
    """A value holding a form of a mark the text map names nowhere is NULL, with a warning.

    The page's text map names no MAI TAIKHU (``็``), so its glyphs stay unread:
    ``อิเล็กทรอนิกส์`` would read ``อิเลกทรอนิกส์``. Every Thai text stored is the
    page's own (Sarabun: Noto Thai draws no Latin letters nor digits).
    """
    doc = GENERATORS["web_tracking"](random.Random(f"unread-{seed}"))
    assert "\u0e47" in doc.text
    truth = json.loads(doc.truth_json())
    pdf = tmp_path / "printed.pdf"
    print_unnamed_forms(_families()["Sarabun"], doc.text.split("\n"), pdf, pt=8.0,
                        unnamed="\u0e47")
    processed = process_file(pdf)
    lost = score(processed, truth).lost
    assert all(kind == "missing" for *_, kind in lost), lost
    issues = [i for i in processed.rows("quality_issues") if i.code == "unnamed_glyph"]
    assert issues, "no value was said to have lost a mark"
    stored = [v for table, rows in processed.tables.items()
              if table not in ("documents", "document_texts", "quality_issues", "provenance")
              for row in rows for v in row.model_dump().values()
              if isinstance(v, str) and re.search("[\u0e01-\u0e2e]", v)]
    assert stored and all(v in doc.text for v in stored), [v for v in stored
                                                            if v not in doc.text]


@pytest.mark.parametrize("family", ["Noto Sans Thai", "Noto Serif Thai", "Sarabun"])
def test_sara_am_a_redistiller_maps_twice_reads_once(family: str, tmp_path: Path) -> None:
    """SARA AM drawn as its ring and SARA AA, the ring mapped to ``ำ``, reads one SARA AM.

    Ghostscript re-distilling a LibreOffice print names the ring glyph by its
    cluster's text and the SARA AA glyph by its own: ``สำานัก``, ``นำ้า``.
    """
    words = ["สำนักการระบายน้ำ จำนวน คิด ถึง ชื่อ", "ประจำปี ดี กำหนด น้ำท่วม ทำให้"]
    out = tmp_path / "am.pdf"
    print_unnamed_forms(_families()[family], words, out, renamed={"\u0e4d": "\u0e33"})
    document = pdfium.PdfDocument(out)
    try:
        raw = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    assert "\u0e33\u0e32" in raw  # the print reads its SARA AMs doubled
    assert _read(out)[0] == words

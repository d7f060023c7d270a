"""Specks read as Latin letters in a Thai page's margin, and as quotes opening a line or word.

Pages are generated from known values (``bench/corpus``) and laid out as
Tesseract's words would be (a box and a confidence each, every word a line's
height); a seeded RNG then puts specks read as one to three Latin letters,
unsure and shorter than the Thai letters, in the margin left of some lines, and
a lone unsure quote before others, or a straight quote glued before a Thai word
(``'ดำเนินการ``). The truth is the generated text: the tidied
page reads as it was written. Real Latin words and numbers (``KPI``,
``e-Service``, ``COVID-19``, ``2/2566``, a list's number read as letters)
standing where the text starts are kept however unsure.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_specks import without_quotes_before_words
from bma_etl.read.ocr_tidy import without_strays

from corpus.build import GENERATORS


def _laid_out(line: str, top: int, height: int, rng: random.Random) -> list[OcrWord]:
    """``line``'s words with boxes as OCR lays them out; offsets from the line's start."""
    words: list[OcrWord] = []
    x, end = 100, 0
    for m in re.finditer(r"[^ \t]+", line):
        x += round(height * (3 if "\t" in line[end : m.start()] else rng.uniform(0.3, 0.5)))
        piece, end = m.group(), m.end()
        box = (x, top, x + round(0.5 * height * len(piece)), top + height)
        words.append(OcrWord(piece, rng.uniform(85, 97), box, m.start()))
        x = box[2]
    return words


_SPECKS = ("ee", "ge", "ES", "a", "ie", "Pe", "\u201cek", "i,", "oe")
_STRAIGHT = ("'", '"')
_QUOTES = ("'", '"', "\u2018", "\u201c", "'\"")


def _with_margin_specks(text: str, rng: random.Random) -> tuple[str, tuple[OcrWord, ...], int]:
    """``text`` laid out as OCR words, specks read as Latin or a quote before some lines."""
    height = rng.choice((40, 60, 90))  # 150 to 300 dpi
    out: list[str] = []
    words: list[OcrWord] = []
    added = 0
    base = 0
    for no, line in enumerate(text.split("\n")):
        laid = _laid_out(line, 100 + round(no * 1.6 * height), height, rng)
        thai = laid and any("\u0e01" <= c <= "\u0e2e" for c in laid[0].text)
        if thai and line == line.lstrip() and rng.random() < 0.4:
            quote = rng.random() < 0.3 and not any(q in line for q in "'\"\u2018\u2019\u201c\u201d")
            mark = rng.choice(_QUOTES if quote else _SPECKS)
            tall = max(2, round(height * rng.uniform(0.2, 0.65)))
            wide = round(height * rng.uniform(0.1, 1.0))
            right = 100 - round(height * rng.uniform(0.1, 1.5))  # left of every line
            top = laid[0].box[1] + round(height * rng.uniform(0.1, 0.6))
            box = (right - wide, top, right, top + tall)
            line = f"{mark} {line}"
            laid = [OcrWord(mark, rng.uniform(0, 49.9), box, 0)] + [
                OcrWord(w.text, w.conf, w.box, w.start + len(mark) + 1) for w in laid
            ]
            added += 1
        words.extend(OcrWord(w.text, w.conf, w.box, base + w.start) for w in laid)
        out.append(line)
        base += len(line) + 1
    page = "\n".join(out)
    assert all(page[w.start : w.end] == w.text for w in words)
    return page, tuple(words), added


@pytest.mark.parametrize("generator", ["legacy_html", "web_history", "plan", "legacy_tab"])
@pytest.mark.parametrize("seed", range(6))
def test_latin_specks_in_the_margin_are_taken_out(generator: str, seed: int) -> None:
    """Every speck read as Latin letters in the margin before a Thai line, and every
    lone quote opening one, goes with its space; the page reads as generated."""
    rng = random.Random(seed)
    written = GENERATORS[generator](rng).text
    page, words, added = _with_margin_specks(written, rng)
    assert added
    got, kept = without_strays(page, words)
    assert got == written
    assert len(kept) == len(words) - added
    assert all(got[w.start : w.end] == w.text for w in kept)


def _line(pieces: list[tuple[str, float, int, int]], top: int, height: int) -> list[OcrWord]:
    """Words ``(text, conf, left, share of the height)`` on one line, one space apart."""
    out, at = [], 0
    for text, conf, left, share in pieces:
        tall = round(height * share)
        box = (left, top + height - tall, left + 25 * len(text), top + height)
        out.append(OcrWord(text, conf, box, at))
        at += len(text) + 1
    return out


@pytest.mark.parametrize(
    "first",
    ["KPI", "BMA", "e-Service", "COVID-19", "PM", "(1)", "2/2566", "Se", "i,", "1,250.00"],
)
def test_real_latin_and_numbers_where_the_text_starts_are_kept(first: str) -> None:
    """A Latin word, a number or a list's number read as letters (``Se`` for ``5. ร``)
    opening a line at the text's left edge, read unsure and short, is text; so is a
    Latin word in the margin read sure, one beside another Latin word, and one on a
    line with no Thai."""
    height = 60
    lines = [  # the text starts 400 pixels in
        _line([("ตัวชี้วัดโครงการ", 90, 400, 1.0), ("ร้อยละ", 90, 900, 1.0)], 0, height),
        _line([(first, 20, 400, 0.5), ("ของผู้เข้าร่วมโครงการ", 90, 700, 1.0)], 100, height),
        _line([("ee", 85, 100, 0.4), ("อยู่ระหว่างดำเนินการ", 90, 400, 1.0)], 200, height),
        _line(
            [("Compact", 30, 50, 0.5), ("City", 30, 250, 0.5), ("เมือง", 90, 400, 1.0)], 300, height
        ),
        _line([("ES", 20, 100, 0.5), ("Smart", 90, 400, 0.6), ("City", 90, 600, 0.6)], 400, height),
    ]
    texts = [" ".join(w.text for w in line) for line in lines]
    page = "\n".join(texts)
    words: list[OcrWord] = []
    base = 0
    for line, text in zip(lines, texts, strict=True):
        words.extend(OcrWord(w.text, w.conf, w.box, base + w.start) for w in line)
        base += len(text) + 1
    got, kept = without_strays(page, tuple(words))
    assert got == page
    assert len(kept) == len(words)


def test_a_quote_closed_on_its_line_or_read_sure_is_kept() -> None:
    """A quote opening a line is text when its line closes it, or when it is read sure."""
    height = 60
    for quote, conf, rest in (
        ("\u201c", 30, "\u0e42\u0e04\u0e23\u0e07\u0e01\u0e32\u0e23\u201d"),
        ("'", 90, "\u0e42\u0e04\u0e23\u0e07\u0e01\u0e32\u0e23"),
    ):
        words = (
            OcrWord(quote, conf, (60, 0, 70, 20), 0),
            OcrWord(rest, 90, (100, 0, 400, height), 2),
        )
        page = f"{quote} {rest}"
        assert without_strays(page, words) == (page, words)


@pytest.mark.parametrize("generator", ["legacy_html", "legacy_long", "plan"])
@pytest.mark.parametrize("seed", range(4))
def test_a_straight_quote_glued_before_a_thai_word_goes(generator: str, seed: int) -> None:
    """A speck read as ``'`` or ``"`` glued before a Thai word (``'ดำเนินการ``), with no
    quote to close it on its line, goes; every word's offset is its own."""
    rng = random.Random(seed)
    written = GENERATORS[generator](rng).text
    out: list[str] = []
    words: list[OcrWord] = []
    added = base = 0
    for no, line in enumerate(written.split("\n")):
        laid = _laid_out(line, 100 + no * 90, 60, rng)
        thai = [k for k, w in enumerate(laid) if re.match("[\u0e01-\u0e2e\u0e40-\u0e44]", w.text)]
        if thai and rng.random() < 0.3:
            k = rng.choice(thai)
            at = laid[k].start
            quote = rng.choice(_STRAIGHT)
            line = f"{line[:at]}{quote}{line[at:]}"
            laid = [
                OcrWord((quote if j == k else "") + w.text, w.conf, w.box, w.start + (j > k))
                for j, w in enumerate(laid)
            ]
            added += 1
        words.extend(OcrWord(w.text, w.conf, w.box, base + w.start) for w in laid)
        out.append(line)
        base += len(line) + 1
    page = "\n".join(out)
    assert added and all(page[w.start : w.end] == w.text for w in words)
    got, kept = without_quotes_before_words(page, tuple(words))
    assert got == written
    assert len(kept) == len(words)
    assert all(got[w.start : w.end] == w.text for w in kept)


def test_quotes_closed_on_their_line_and_curly_quotes_stay() -> None:
    """``'โครงการ'`` closed on its line and a report's own ``“ระดับ…`` are text."""
    for text in (
        "ชื่อ 'โครงการ' ของหน่วยงาน",
        'ชื่อ "โครงการ" ของหน่วยงาน',
        "\u201cระดับความสำเร็จในการลดปริมาณ",
    ):
        at = 0
        words = []
        for n, piece in enumerate(text.split(" ")):
            words.append(OcrWord(piece, 40.0, (100 * n, 0, 100 * n + 90, 60), at))
            at += len(piece) + 1
        assert without_quotes_before_words(text, tuple(words)) == (text, tuple(words))


#: Lines of a Thai report with real Latin words and numbers where they start and in them.
_REAL_LATIN = (
    "KPI ร้อยละของผู้เข้าร่วมโครงการ 80",
    "BMA จัดประชุมคณะทำงานครั้งที่ 2/2566 (1)",
    "e-Service งบประมาณที่เบิกใช้ 1,250,000.00 บาท",
    "COVID-19 ติดต่อผู้ประสานงาน โทร 02-123-4567",
    "อีเมล info@bma.go.th อยู่ระหว่างจัดทำแบบรูปรายการ",
    "อยู่ระหว่างจัดทำแบบรูปรายการและราคากลาง",
)
#: The values of those lines that are to be read back, white space removed.
_KEPT = (
    "KPI",
    "BMA",
    "2/2566",
    "(1)",
    "e-Service",
    "1,250,000.00",
    "COVID-19",
    "02-123-4567",
    "info@bma.go.th",
)


def test_real_latin_and_numbers_read_from_a_scan_beside_margin_specks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One real OCR (about 3 s): lines of Thai with ``KPI``, ``BMA``, ``e-Service``,
    ``COVID-19``, an e-mail, a phone number, an amount, ``2/2566`` and ``(1)``,
    printed by fpdf2 in Garuda (shaped), scanned at 200 dpi with specks in the margin
    before two lines; every value is read back from the scan and from the text layer."""
    import pypdfium2
    from fpdf import FPDF
    from PIL import ImageDraw

    from bma_etl.read.pdf import extract_pdf

    from thai_fonts import font_file

    monkeypatch.setenv("BMA_ETL_CACHE", "off")
    pdf = FPDF(format="A4")
    pdf.add_font("Garuda", fname=str(font_file("Garuda")))
    pdf.set_text_shaping(True)
    pdf.set_font("Garuda", size=14)
    pdf.set_margins(30, 20)
    pdf.add_page()
    for line in _REAL_LATIN:
        pdf.cell(0, 12, line, new_x="LMARGIN", new_y="NEXT")
    printed = tmp_path / "page.pdf"
    pdf.output(str(printed))
    scale = 200 / 72
    doc = pypdfium2.PdfDocument(printed)
    image = doc[0].render(scale=scale, grayscale=True).to_pil().convert("L")
    doc.close()
    draw = ImageDraw.Draw(image)
    left = 30 / 25.4 * 200
    for row in (4, 5):  # two specks in the margin, a little left of the line's start
        y = (20 + 12 * row + 5) / 25.4 * 200
        for dx in (0, 9):
            x = left - 60 + dx
            draw.ellipse((x, y, x + 5, y + 4), fill=0)
    image = image.crop((0, 0, image.width, round((20 + 12 * 7) / 25.4 * 200)))
    scan = tmp_path / "scan.pdf"
    image.save(scan, "PDF", resolution=200.0)
    for path in (printed, scan):
        read = extract_pdf(path.read_bytes(), path.name)
        assert read.ocr_used == (path is scan)
        text = "".join(read.text.split())
        for value in _KEPT:
            assert value in text, (path.name, value, read.text)

"""Stray marks OCR reads from specks and rules' ends, on generated OCR'd pages.

Pages are generated from known values (``bench/corpus``) and laid out as
Tesseract's words would be (a box and a confidence each, real marks read sure
and at their size, a pipe table's rules the line's height); a seeded RNG then
adds stray marks at lines' and cells' ends: specks of a few pixels read as any
mark however sure, small marks read unsure, short unsure pipes, a mark that
ends words standing alone after a space. The truth is the generated text: the
tidied page reads as it was written, every word's offset its own, and the
tracking page's head values are read from it.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.detect import detect
from bma_etl.layouts.base import RepairedText
from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_tidy import tidied, without_strays

from corpus.build import GENERATORS

#: A real mark's box as (width, height) shares of the line's letters' height.
_MARK_SIZE = {"|": (0.05, 1.1), ":": (0.08, 0.4), "-": (0.3, 0.06), ".": (0.08, 0.08),
              "/": (0.3, 0.9), "*": (0.3, 0.3), "(": (0.2, 1.0), ")": (0.2, 1.0)}


def _laid_out(line: str, top: int, height: int, rng: random.Random) -> list[OcrWord]:
    """``line``'s words with boxes as OCR lays them out; offsets from the line's start."""
    words: list[OcrWord] = []
    x, end = 100, 0
    for m in re.finditer(r"[^ \t]+", line):
        x += round(height * (3 if "\t" in line[end:m.start()] else rng.uniform(0.3, 0.5)))
        piece, end = m.group(), m.end()
        if any(c.isalnum() for c in piece):
            box = (x, top, x + round(0.5 * height * len(piece)), top + height)
            conf = rng.uniform(85, 97)
        else:
            w = sum(_MARK_SIZE.get(c, (0.3, 0.5))[0] for c in piece)
            h = max(_MARK_SIZE.get(c, (0.3, 0.5))[1] for c in piece)
            box = (x, top + round(height * (1 - h) / 2), x + max(1, round(w * height)),
                   top + round(height * (1 + h) / 2))
            conf = rng.uniform(45, 97) if piece == "|" else rng.uniform(85, 97)
        words.append(OcrWord(piece, conf, box, m.start()))
        x = box[2]
    return words


def _stray(rng: random.Random, height: int, last: OcrWord | None, cell: str
           ) -> tuple[str, float, int, int, int]:
    """A stray mark's text, confidence, gap before it, width and height (pixels)."""
    kind = rng.choice(("speck", "unsure", "pipe", "trailing") if last else ("speck", "unsure"))
    if kind == "speck":
        side = rng.randint(1, max(1, int(0.045 * height)))
        return rng.choice(".,'|_):-"), rng.uniform(0, 90), round(0.5 * height), side, side
    if kind == "unsure":
        side = max(1, int(height * rng.uniform(0.06, 0.14)))
        return rng.choice(".,'|_):-"), rng.uniform(0, 79), round(0.5 * height), side, side
    if kind == "pipe":
        return ("|", rng.uniform(0, 69), round(0.5 * height), 3,
                round(height * rng.uniform(0.1, 0.45)))
    marks = ".,'_" if cell.count("(") > cell.count(")") else ".,'_)"
    side = round(height * rng.uniform(0.2, 0.6))
    return (rng.choice(marks), rng.uniform(0, 80), round(height * rng.uniform(0.35, 1.0)),
            side, side)


def _with_strays(text: str, rng: random.Random) -> tuple[str, tuple[OcrWord, ...], int]:
    """``text`` laid out as OCR words with stray marks added at some lines' ends and
    starts; the page's text and words, and how many strays were added."""
    height = rng.choice((40, 60, 90))  # 150 to 300 dpi
    out: list[str] = []
    words: list[OcrWord] = []
    added = 0
    base = 0  # the line's offset in the page
    for no, line in enumerate(text.split("\n")):
        laid = _laid_out(line, 100 + round(no * 1.6 * height), height, rng)
        if laid and line == line.lstrip() and rng.random() < 0.3:  # a speck before it
            mark, conf, _, side, tall = _stray(rng, height, None, "")
            x, top = laid[0].box[0] - height, laid[0].box[1]
            line = f"{mark} {line}"
            laid = [OcrWord(mark, conf, (x, top, x + side, top + tall), 0)] + [
                OcrWord(w.text, w.conf, w.box, w.start + len(mark) + 1) for w in laid]
            added += 1
        if laid and line == line.rstrip() and rng.random() < 0.4:  # one after its end
            mark, conf, gap, side, tall = _stray(rng, height, laid[-1],
                                                 line.rsplit("\t", 1)[-1])
            sep = rng.choice((" ", "\t"))
            x = laid[-1].box[2] + (3 * height if sep == "\t" else gap)
            top = laid[-1].box[1] + height // 2
            laid.append(OcrWord(mark, conf, (x, top, x + side, top + tall), len(line) + 1))
            line = line + sep + mark
            added += 1
        words.extend(OcrWord(w.text, w.conf, w.box, base + w.start) for w in laid)
        out.append(line)
        base += len(line) + 1
    page = "\n".join(out)
    assert all(page[w.start:w.end] == w.text for w in words)
    return page, tuple(words), added


@pytest.mark.parametrize("generator", ["web_tracking", "web_history", "legacy_pipe"])
@pytest.mark.parametrize("seed", range(8))
def test_stray_marks_at_line_ends_are_taken_out_and_real_marks_kept(generator: str,
                                                                     seed: int) -> None:
    rng = random.Random(seed)
    written = GENERATORS[generator](rng).text
    page, words, added = _with_strays(written, rng)
    assert added
    out, kept = without_strays(page, words)
    assert out == written
    assert len(kept) == len(words) - added
    assert all(out[w.start:w.end] == w.text for w in kept)


@pytest.mark.parametrize("seed", range(12))
def test_tracking_head_is_read_through_stray_marks(seed: int) -> None:
    """The head's values, whatever strays OCR read at its lines' ends; a mark glued to
    the code's or the year's last character is no part of it."""

    rng = random.Random(seed)
    generated = GENERATORS["web_tracking"](rng)
    page, words, _ = _with_strays(generated.text, rng)
    text, _ = tidied(page, words)
    glued = rng.choice(".,'_")
    text = re.sub(r"(?m)(: [0-9]{8}-[0-9]{4}|: \([0-9]{4}\))$", lambda m: m.group() + glued,
                  text)
    doc = RepairedText.of(text, ocr_used=True)
    _assert_head_read(doc, generated.tables["projects"][0])


def test_marks_that_close_or_are_sure_are_kept() -> None:
    """A ``)`` closing its cell's ``(`` after a space, a small ``:`` read sure at a cell's
    end, a table's pipe: text; a ``)`` closing nothing after a gap is a stray."""
    text = "งบประมาณ (ครั้งที่ 2 )\tชื่อโครงการ\t:\n| รายงาน |\nสำนักเทศกิจ : (2568)\t)"
    words = (OcrWord("งบประมาณ", 90, (0, 0, 200, 60), 0),
             OcrWord("(ครั้งที่", 90, (230, 0, 400, 60), 9),
             OcrWord("2", 90, (420, 0, 450, 60), 19),
             OcrWord(")", 60, (480, 0, 490, 60), 21),  # closes "(": kept
             OcrWord("ชื่อโครงการ", 90, (700, 0, 900, 60), 23),
             OcrWord(":", 86, (1500, 20, 1506, 26), 35),  # 0.1 of the letters, sure
             OcrWord("|", 50, (0, 100, 4, 160), 37),
             OcrWord("รายงาน", 90, (30, 100, 200, 160), 39),
             OcrWord("|", 46, (230, 100, 234, 160), 46),
             OcrWord("สำนักเทศกิจ", 90, (0, 200, 200, 260), 48),
             OcrWord(":", 90, (215, 215, 220, 240), 60),
             OcrWord("(2568)", 90, (230, 200, 330, 260), 62),
             OcrWord(")", 60, (500, 200, 520, 260), 69))  # a full-size ")" closing nothing
    out, kept = without_strays(text, words)
    assert out == "งบประมาณ (ครั้งที่ 2 )\tชื่อโครงการ\t:\n| รายงาน |\nสำนักเทศกิจ : (2568)"
    assert len(kept) == len(words) - 1
    assert all(out[w.start:w.end] == w.text for w in kept)


def test_a_scanned_tracking_head_with_specks_at_its_lines_ends(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One real OCR (about 2 s): a generated tracking page printed by fpdf2 (shaped, in
    Garuda), scanned at 200 dpi with a speck of 2-3 pixels a little after the end of
    each of its head's lines; its head's values are read as generated."""
    import pypdfium2
    from PIL import ImageDraw

    from bma_etl.read.pdf import extract_pdf

    from corpus import render
    from corpus.fonts import TLWG

    font = TLWG / "Garuda.ttf"
    assert font.exists(), "the Thai font is missing: apt-get install fonts-thai-tlwg-ttf"
    monkeypatch.setenv("BMA_ETL_CACHE", "off")
    rng = random.Random(0)
    generated = GENERATORS["web_tracking"](rng)
    printed = tmp_path / "page.pdf"
    render.render_fpdf(generated, printed, "Garuda", font, random.Random(0), shaping=True)
    scale = 200 / 72
    pdf = pypdfium2.PdfDocument(printed)
    page = pdf[0]
    top = page.get_size()[1]
    text_page = page.get_textpage()
    lines: dict[int, tuple[float, float, float]] = {}  # line's top -> right, top, bottom
    for i in range(text_page.count_rects()):
        _, bottom, right, upper = text_page.get_rect(i)
        key = round((top - upper) * scale / 20)
        was = lines.get(key, (0.0, 1e9, 0.0))
        lines[key] = (max(was[0], right * scale), min(was[1], (top - upper) * scale),
                      max(was[2], (top - bottom) * scale))
    image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
    pdf.close()
    draw = ImageDraw.Draw(image)
    head = [lines[k] for k in sorted(lines)][:6]
    for right, upper, lower in head:
        x = right + rng.uniform(0.3, 1.5) * (lower - upper)
        y = upper + rng.uniform(0.2, 0.8) * (lower - upper)
        side = rng.choice((2, 3))
        draw.rectangle((x, y, x + side - 1, y + side - 1), fill=0)
    scan = tmp_path / "scan.pdf"
    image.crop((0, 0, image.width, round(head[-1][2] + 30))).save(scan, "PDF", resolution=200.0)
    read = extract_pdf(scan.read_bytes(), scan.name)
    assert read.ocr_used
    doc = RepairedText.of(read.text, ocr_used=True)
    _assert_head_read(doc, generated.tables["projects"][0])


def _assert_head_read(doc: RepairedText, want: dict[str, object]) -> None:
    """The page is detected as a history page and its head gives the generated values."""
    from bma_etl.layouts.web_progress_history import extract as history
    from bma_etl.normalize.fields import normalize
    from bma_etl.validate import build_records

    assert detect(doc).layout.layout_id == "web_progress_history"
    normalized = normalize(history(doc), doc.text, doc.words, None)
    (project,) = build_records(normalized, "0" * 64)["projects"]
    assert project.project_code == want["project_code"]
    assert project.project_name == want["project_name"]
    assert project.agency == want["agency"]
    assert project.fiscal_year_be == want["fiscal_year_be"]


@pytest.mark.parametrize("generator", ["web_detail", "legacy_tab", "web_history"])
@pytest.mark.parametrize("seed", range(6))
def test_specks_read_as_a_short_letter_after_a_value_are_taken_out(generator: str,
                                                                   seed: int) -> None:
    """A speck after a line's last word, read unsure as a letter or digit shorter than
    the page's digits (``สำนักอนามัย 5``, ``ขนาดเล็ก ร``), goes; a real letter or digit
    of one or two ending a line, read as unsure but standing a Thai letter's height
    (0.7 of the digits) or more, stays. The digits' height is the Arabic digits':
    a page printed in Thai digits is generated again."""
    rng = random.Random(seed)
    written = GENERATORS[generator](rng).text
    while sum(bool(re.fullmatch(r"[0-9][0-9.,:/-]*[0-9]", w)) for w in written.split()) < 3:
        written = GENERATORS[generator](rng).text
    height = rng.choice((40, 60, 90))  # 150 to 300 dpi
    out: list[str] = []
    words: list[OcrWord] = []
    added = unsure = 0
    base = 0
    for no, line in enumerate(written.split("\n")):
        laid = _laid_out(line, 100 + round(no * 1.6 * height), height, rng)
        if laid and len(laid[-1].text) <= 2 and any(c.isalnum() for c in laid[-1].text):
            last = laid[-1]  # a real short word read unsure, at a Thai letter's height or more
            tall = round(height * rng.uniform(0.7, 1.0))
            laid[-1] = OcrWord(last.text, rng.uniform(0, 79),
                               (last.box[0], last.box[3] - tall, last.box[2], last.box[3]),
                               last.start)
            unsure += 1
        elif laid and line == line.rstrip() and rng.random() < 0.4:
            mark = rng.choice("0123456789รงกอ")
            tall = max(2, round(height * rng.uniform(0.2, 0.5)))
            x = laid[-1].box[2] + round(height * rng.uniform(0.3, 2.0))
            top = laid[-1].box[3] - tall - round(height * rng.uniform(0, 0.3))
            laid.append(OcrWord(mark, rng.uniform(0, 79),
                                (x, top, x + round(tall * rng.uniform(0.6, 2.0)), top + tall),
                                len(line) + 1))
            line = f"{line} {mark}"
            added += 1
        words.extend(OcrWord(w.text, w.conf, w.box, base + w.start) for w in laid)
        out.append(line)
        base += len(line) + 1
    page = "\n".join(out)
    assert added
    got, kept = without_strays(page, tuple(words))
    assert got == written
    assert len(kept) == len(words) - added
    assert all(got[w.start:w.end] == w.text for w in kept)
